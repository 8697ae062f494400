#pragma once
// The company directory (spec VOICE-06, VOICE-08): colleagues with their state, teams, services
// and external contacts (speed dials), searched by the contact center.
//
//   directory.search          ->   directory.results (or error not_logged_in)
//
// Colleagues' states change after the answer: follow agent.state.changed for them.

#include "agentdesk/codec.hpp"
#include "agentdesk/types.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace agentdesk::events {

enum class DirectoryKind { Colleague, Team, Service, Contact };
AGENTDESK_ENUM_NAMES(DirectoryKind, {DirectoryKind::Colleague, "Colleague"}, {DirectoryKind::Team, "Team"},
                     {DirectoryKind::Service, "Service"}, {DirectoryKind::Contact, "Contact"})

/// One entry. `id` is stable across searches (a favourite is kept by it): the agent id for a
/// colleague, "team:<name>", "service:<id>" or "contact:<id>".
struct DirectoryEntry {
    std::string id;
    DirectoryKind kind = DirectoryKind::Contact;
    std::string name;
    std::string detail;              ///< a colleague's team and role, a contact's company, a service's channel
    std::string number;              ///< extension or phone number to call; "" when none
    std::string email;
    AgentState state = AgentState::LoggedOut;  ///< colleagues: their state now
    std::string reason;              ///< colleagues: Not Ready reason
    std::int64_t stateSinceMs = 0;   ///< colleagues: when the state began
    int members = 0;                 ///< teams: how many people; services: skilled agents logged in
    int membersReady = 0;            ///< teams and services: how many of them are Ready
    MSGPACK_DEFINE_MAP(id, kind, name, detail, number, email, state, reason, stateSinceMs, members, membersReady)
};

/// Command: the entries matching `query` (every word, anywhere in name, detail, number or email;
/// "" matches all), colleagues first, then teams, services and contacts, each by name; or, when
/// `ids` is not empty, exactly those entries (favourites). Answered by DirectoryResults.
struct SearchDirectory {
    static constexpr std::string_view topic = "directory.search";
    std::string agentId;
    std::string query;
    std::vector<std::string> ids;
    int limit = 200;
    MSGPACK_DEFINE_MAP(agentId, query, ids, limit)
};

/// Event: the answer to a search. `total` counts every match, of which `entries` holds up to `limit`.
struct DirectoryResults {
    static constexpr std::string_view topic = "directory.results";
    std::string query;
    std::vector<DirectoryEntry> entries;
    int total = 0;
    MSGPACK_DEFINE_MAP(query, entries, total)
};

}  // namespace agentdesk::events
