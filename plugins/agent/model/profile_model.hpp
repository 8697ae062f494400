#pragma once
// The agent's profile (spec UI-11) as the Profile dialog edits it: display name, photo (a path to
// an image file), the phone number for dial-out and the language, kept by the contact center; and
// changing the password (old + new, the policy checked by the contact center). No ImGui here.

#include <agentdesk/bus.hpp>
#include <agentdesk/current_agent.hpp>
#include <agentdesk/events/agent.hpp>

#include <array>
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace agentdesk::agent {

/// The photo file as read for the avatar.
struct PhotoFile {
    std::vector<char> bytes;
    std::string problem;  ///< why it cannot be used ("" when it was read)
};

/// A language the desktop offers (a placeholder list: the desktop's texts are English for now).
struct Language {
    std::string code;
    std::string name;
};

class ProfileModel {
public:
    explicit ProfileModel(Bus& bus);

    /// The profile as stored (after login it is asked for; empty fields until it arrives).
    const events::AgentProfile& profile() const { return profile_; }
    /// The name to show: the profile's, else the account's.
    std::string displayName() const;
    /// Up to two capital letters of `name` for the avatar: "Anna Kowalski" -> "AK".
    static std::string initials(std::string_view name);
    static const std::vector<Language>& languages();
    /// Photos larger than this are not read (a portrait needs far less).
    static constexpr std::uintmax_t kMaxPhotoBytes = 10u * 1024u * 1024u;
    /// Reads the photo file for the avatar.
    static PhotoFile readPhoto(const std::filesystem::path& file);
    /// The middle square of a `width` x `height` picture as texture coordinates {u0, v0, u1, v1},
    /// so a round avatar shows the face rather than a squeezed picture.
    static std::array<float, 4> squareCrop(int width, int height);

    /// Saves the edited profile (for this desktop's agent).
    void save(events::AgentProfile edited);
    /// True from save until the contact center answered.
    bool saving() const { return saving_ != 0; }

    /// Asks to change the password. False, nothing sent, when the confirmation differs or a field is empty.
    bool changePassword(const std::string& oldPassword, const std::string& newPassword, const std::string& confirmation);
    bool changingPassword() const { return changing_ != 0; }
    /// Why the last password change was refused ("" when it was not).
    const std::string& passwordError() const { return passwordError_; }
    /// True once the last password change went through.
    bool passwordChanged() const { return passwordChanged_; }

    /// Why the last profile save was refused ("" when none), and clears it.
    std::string takeError();

private:
    Bus& bus_;
    CurrentAgent agent_;
    events::AgentProfile profile_;
    std::uint64_t saving_ = 0;
    std::uint64_t changing_ = 0;
    std::string error_;
    std::string passwordError_;
    bool passwordChanged_ = false;
    std::vector<Subscription> subscriptions_;
};

}  // namespace agentdesk::agent
