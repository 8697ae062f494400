#include "model/profile_model.hpp"

#include <agentdesk/events/core.hpp>
#include <agentdesk/local_files.hpp>

#include <optional>
#include <utility>

namespace agentdesk::agent {

ProfileModel::ProfileModel(Bus& bus)
    : bus_(bus), agent_(bus, [this](const std::string& agentId) {
          profile_ = events::AgentProfile{};
          profile_.agentId = agentId;
          saving_ = changing_ = 0;
          passwordError_.clear();
          passwordChanged_ = false;
          if (!agentId.empty()) bus_.publish(events::GetProfile{agentId});
      }) {
    subscriptions_.push_back(bus_.subscribe<events::AgentProfileSaved>([this](const events::AgentProfileSaved& e, const Message& m) {
        if (!agent_.is(e.profile.agentId)) return;
        profile_ = e.profile;
        if (m.correlation == saving_) saving_ = 0;
    }));
    subscriptions_.push_back(bus_.subscribe<events::PasswordChanged>([this](const events::PasswordChanged& e, const Message& m) {
        if (!agent_.is(e.agentId) || m.correlation != changing_) return;
        changing_ = 0;
        passwordChanged_ = true;
    }));
    subscriptions_.push_back(bus_.subscribe<events::Error>([this](const events::Error& e, const Message& m) {
        if (m.correlation == 0) return;
        if (m.correlation == saving_) {
            saving_ = 0;
            error_ = e.message;
        } else if (m.correlation == changing_) {
            changing_ = 0;
            passwordError_ = e.message;
        }
    }));
}

std::string ProfileModel::displayName() const {
    if (!profile_.displayName.empty()) return profile_.displayName;
    return agent_.loggedIn() ? agent_.login().displayName : std::string();
}

std::string ProfileModel::initials(std::string_view name) {
    std::string out;
    bool wordStart = true;
    for (char c : name) {
        if (c == ' ' || c == '-' || c == '.') {
            wordStart = true;
            continue;
        }
        if (wordStart && out.size() < 2 && static_cast<unsigned char>(c) < 0x80) {
            out += static_cast<char>(c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c);
        }
        wordStart = false;
    }
    return out.empty() ? "?" : out;
}

PhotoFile ProfileModel::readPhoto(const std::filesystem::path& file) {
    PhotoFile photo;
    if (std::optional<LocalFile> read = readLocalFile(file, kMaxPhotoBytes, photo.problem)) photo.bytes = std::move(read->data);
    return photo;
}

std::array<float, 4> ProfileModel::squareCrop(int width, int height) {
    if (width <= 0 || height <= 0) return {0, 0, 1, 1};
    if (width > height) {
        const float margin = (1.0f - static_cast<float>(height) / static_cast<float>(width)) / 2;
        return {margin, 0, 1 - margin, 1};
    }
    const float margin = (1.0f - static_cast<float>(width) / static_cast<float>(height)) / 2;
    return {0, margin, 1, 1 - margin};
}

const std::vector<Language>& ProfileModel::languages() {
    static const std::vector<Language> list = {
        {"en", "English"}, {"de", "Deutsch"}, {"es", "Español"}, {"fr", "Français"}, {"pl", "Polski"}};
    return list;
}

void ProfileModel::save(events::AgentProfile edited) {
    if (!agent_.loggedIn()) return;
    edited.agentId = agent_.id();
    // The correlation is known before publishing: a synchronous bus answers inside publish.
    saving_ = bus_.nextCorrelation();
    bus_.publish(events::SaveProfile{std::move(edited)}, saving_);
}

bool ProfileModel::changePassword(const std::string& oldPassword, const std::string& newPassword,
                                  const std::string& confirmation) {
    passwordChanged_ = false;
    if (!agent_.loggedIn()) return false;
    if (oldPassword.empty() || newPassword.empty()) {
        passwordError_ = "Enter your current password and the new one.";
        return false;
    }
    if (newPassword != confirmation) {
        passwordError_ = "The new password and its confirmation differ.";
        return false;
    }
    passwordError_.clear();
    changing_ = bus_.nextCorrelation();
    bus_.publish(events::ChangePassword{agent_.id(), oldPassword, newPassword}, changing_);
    return true;
}

std::string ProfileModel::takeError() { return std::exchange(error_, {}); }

}  // namespace agentdesk::agent
