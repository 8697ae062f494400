#pragma once
// The Directory panel's model (spec VOICE-06, VOICE-08, VOICE-03's "state shown before
// calling"): search as you type over the contact center's directory, favourites first (kept in
// the plugin's settings by id), colleagues' states followed live, and the actions a result
// offers: call (the number goes to the dialer, desktop.dial), chat with a colleague
// (desktop.teamchat.open), and, while the agent is on a call, consult or transfer to a colleague,
// a voice service or a contact's number (voice.consult, voice.transfer, VOICE-14/15). No ImGui here.

#include <agentdesk/bus.hpp>
#include <agentdesk/current_agent.hpp>
#include <agentdesk/events/directory.hpp>
#include <agentdesk/events/voice.hpp>

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace agentdesk::directory {

/// A result as the panel lists it.
struct Row {
    events::DirectoryEntry entry;
    bool favorite = false;
};

class DirectoryModel {
public:
    /// Called with every favourite id, in order, when they change (to keep them).
    using FavoritesChanged = std::function<void(const std::vector<std::string>&)>;
    DirectoryModel(Bus& bus, std::vector<std::string> favorites, FavoritesChanged favoritesChanged = {});

    /// Searches for `query` (every word must match); favourites that match come first.
    void setQuery(std::string query);
    const std::string& query() const { return query_; }
    /// Favourites matching the query, then the other results.
    const std::vector<Row>& rows() const { return rows_; }
    /// Every match of the query, favourites included; more than rows() when the list was cut.
    int total() const { return total_; }
    /// Asks again (states of teams and services are counted when asked).
    void refresh();

    bool isFavorite(const std::string& id) const;
    void toggleFavorite(const std::string& id);
    const std::vector<std::string>& favorites() const { return favorites_; }

    /// True when the entry has a number to call.
    static bool canCall(const events::DirectoryEntry& entry) { return !entry.number.empty(); }
    /// True for a colleague other than the agent.
    bool canChat(const events::DirectoryEntry& entry) const;
    /// Puts the entry's number in the dialer.
    void call(const events::DirectoryEntry& entry);
    /// Opens the internal chat with the colleague.
    void chat(const events::DirectoryEntry& entry);

    /// True while the agent has a connected call (consult and transfer apply to it).
    bool onCall() const { return !call_.empty(); }
    /// Whom the entry is as a consultation or transfer target; nullopt for a team, yourself or an
    /// entry without a number.
    std::optional<events::CallTarget> targetOf(const events::DirectoryEntry& entry) const;
    /// Consults / blind-transfers the agent's call to the entry; refusals come back by takeError.
    void consult(const events::DirectoryEntry& entry);
    void transfer(const events::DirectoryEntry& entry);

    bool loggedIn() const { return agent_.loggedIn(); }
    /// The last refusal ("" when none), and clears it.
    std::string takeError();

private:
    void rebuild();
    bool matches(const events::DirectoryEntry& entry) const;

    Bus& bus_;
    FavoritesChanged favoritesChanged_;
    CurrentAgent agent_;
    std::string query_;
    std::vector<std::string> favorites_;
    std::vector<events::DirectoryEntry> favoriteEntries_;  // as last looked up, in favourite order
    std::vector<events::DirectoryEntry> found_;            // the last search's answer
    int foundTotal_ = 0;
    std::vector<Row> rows_;
    int total_ = 0;
    std::uint64_t pendingSearch_ = 0;
    std::uint64_t pendingLookup_ = 0;
    std::string error_;
    std::string call_;                  // the agent's connected call, "" when none
    std::vector<std::uint64_t> sent_;   // call commands sent from here, for their refusals
    std::vector<Subscription> subscriptions_;
};

}  // namespace agentdesk::directory
