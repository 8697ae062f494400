#include "model/directory_model.hpp"

#include <agentdesk/events/agent.hpp>
#include <agentdesk/events/core.hpp>
#include <agentdesk/events/desktop.hpp>
#include <agentdesk/events/interaction.hpp>

#include <algorithm>
#include <cctype>
#include <sstream>

namespace agentdesk::directory {

namespace {

std::string lower(std::string_view text) {
    std::string out(text);
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

}  // namespace

DirectoryModel::DirectoryModel(Bus& bus, std::vector<std::string> favorites, FavoritesChanged favoritesChanged)
    : bus_(bus), favoritesChanged_(std::move(favoritesChanged)), agent_(bus, [this](const std::string& agentId) {
          found_.clear();
          favoriteEntries_.clear();
          foundTotal_ = 0;
          if (!agentId.empty()) refresh();
          else rebuild();
      }),
      favorites_(std::move(favorites)) {
    subscriptions_.push_back(bus_.subscribe<events::DirectoryResults>([this](const events::DirectoryResults& e, const Message& m) {
        if (m.correlation == pendingSearch_) {
            pendingSearch_ = 0;
            found_ = e.entries;
            foundTotal_ = e.total;
        } else if (m.correlation == pendingLookup_) {
            pendingLookup_ = 0;
            favoriteEntries_ = e.entries;
        } else {
            return;
        }
        rebuild();
    }));
    subscriptions_.push_back(bus_.subscribe<events::StateChanged>([this](const events::StateChanged& e) {
        // A colleague's state as it changes, in both lists.
        bool changed = false;
        for (auto* list : {&found_, &favoriteEntries_}) {
            for (events::DirectoryEntry& entry : *list) {
                if (entry.kind != events::DirectoryKind::Colleague || entry.id != e.agentId) continue;
                entry.state = e.state;
                entry.reason = e.reason;
                entry.stateSinceMs = e.sinceMs;
                changed = true;
            }
        }
        if (changed) rebuild();
    }));
    subscriptions_.push_back(bus_.subscribe<events::CallState>([this](const events::CallState& e) {
        if (agent_.is(e.agentId)) call_ = e.interactionId;
    }));
    subscriptions_.push_back(bus_.subscribe<events::Ended>([this](const events::Ended& e) {
        if (e.interactionId == call_) call_.clear();
    }));
    subscriptions_.push_back(bus_.subscribe<events::Error>([this](const events::Error& e, const Message& m) {
        if (std::find(sent_.begin(), sent_.end(), m.correlation) != sent_.end()) {
            error_ = e.message;
            return;
        }
        if (m.correlation != pendingSearch_ && m.correlation != pendingLookup_) return;
        if (m.correlation == pendingSearch_) pendingSearch_ = 0;
        if (m.correlation == pendingLookup_) pendingLookup_ = 0;
        error_ = e.message;
    }));
}

void DirectoryModel::setQuery(std::string query) {
    if (query == query_) return;
    query_ = std::move(query);
    if (!agent_.loggedIn()) return;
    rebuild();  // favourites filter at once; the rest follows with the answer
    events::SearchDirectory search{agent_.id(), query_, {}, 200};
    pendingSearch_ = bus_.nextCorrelation();
    bus_.publish(search, pendingSearch_);
}

void DirectoryModel::refresh() {
    if (!agent_.loggedIn()) return;
    if (!favorites_.empty()) {
        pendingLookup_ = bus_.nextCorrelation();
        bus_.publish(events::SearchDirectory{agent_.id(), "", favorites_, 0}, pendingLookup_);
    } else {
        favoriteEntries_.clear();
    }
    pendingSearch_ = bus_.nextCorrelation();
    bus_.publish(events::SearchDirectory{agent_.id(), query_, {}, 200}, pendingSearch_);
}

bool DirectoryModel::matches(const events::DirectoryEntry& entry) const {
    const std::string text = lower(entry.name + "\n" + entry.detail + "\n" + entry.number + "\n" + entry.email);
    std::istringstream words(lower(query_));
    for (std::string word; words >> word;) {
        if (text.find(word) == std::string::npos) return false;
    }
    return true;
}

void DirectoryModel::rebuild() {
    rows_.clear();
    int favoritesShown = 0;
    for (const events::DirectoryEntry& entry : favoriteEntries_) {
        if (!matches(entry)) continue;
        rows_.push_back({entry, true});
        ++favoritesShown;
    }
    int foundFavorites = 0;
    for (const events::DirectoryEntry& entry : found_) {
        if (isFavorite(entry.id)) {
            ++foundFavorites;
            continue;
        }
        rows_.push_back({entry, false});
    }
    // The search counted the favourites it found; those it did not reach are counted as shown here.
    total_ = foundTotal_ - foundFavorites + favoritesShown;
}

bool DirectoryModel::isFavorite(const std::string& id) const {
    return std::find(favorites_.begin(), favorites_.end(), id) != favorites_.end();
}

void DirectoryModel::toggleFavorite(const std::string& id) {
    if (auto it = std::find(favorites_.begin(), favorites_.end(), id); it != favorites_.end()) {
        favorites_.erase(it);
        std::erase_if(favoriteEntries_, [&](const auto& e) { return e.id == id; });
    } else {
        favorites_.push_back(id);
        // The entry is on screen, so it is known: keep it with the favourites without asking again.
        auto found = std::find_if(found_.begin(), found_.end(), [&](const auto& e) { return e.id == id; });
        if (found != found_.end()) favoriteEntries_.push_back(*found);
    }
    if (favoritesChanged_) favoritesChanged_(favorites_);
    rebuild();
}

bool DirectoryModel::canChat(const events::DirectoryEntry& entry) const {
    return entry.kind == events::DirectoryKind::Colleague && entry.id != agent_.id();
}

void DirectoryModel::call(const events::DirectoryEntry& entry) {
    if (!canCall(entry)) return;
    bus_.publish(events::PrepareDial{entry.number, entry.name});
}

void DirectoryModel::chat(const events::DirectoryEntry& entry) {
    if (!canChat(entry)) return;
    bus_.publish(events::OpenTeamChat{entry.id});
}

std::optional<events::CallTarget> DirectoryModel::targetOf(const events::DirectoryEntry& entry) const {
    switch (entry.kind) {
        case events::DirectoryKind::Colleague:
            if (entry.id == agent_.id()) return std::nullopt;
            return events::CallTarget{events::TargetKind::Agent, entry.id, {}};
        case events::DirectoryKind::Service:
            if (!entry.detail.starts_with("Voice")) return std::nullopt;
            return events::CallTarget{events::TargetKind::Service, entry.id.substr(std::string_view("service:").size()), {}};
        case events::DirectoryKind::Contact:
            if (entry.number.empty()) return std::nullopt;
            return events::CallTarget{events::TargetKind::Number, {}, entry.number};
        case events::DirectoryKind::Team:
            break;
    }
    return std::nullopt;
}

void DirectoryModel::consult(const events::DirectoryEntry& entry) {
    auto target = targetOf(entry);
    if (!onCall() || !target) return;
    sent_.push_back(bus_.nextCorrelation());
    bus_.publish(events::ConsultCall{call_, agent_.id(), *target}, sent_.back());
}

void DirectoryModel::transfer(const events::DirectoryEntry& entry) {
    auto target = targetOf(entry);
    if (!onCall() || !target) return;
    sent_.push_back(bus_.nextCorrelation());
    bus_.publish(events::TransferCall{call_, agent_.id(), *target}, sent_.back());
}

std::string DirectoryModel::takeError() { return std::exchange(error_, {}); }

}  // namespace agentdesk::directory
