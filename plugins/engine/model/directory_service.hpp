#pragma once
// The company directory in the embedded contact center (spec VOICE-06): colleagues (users.json,
// with extension, team and their state now), teams (with how many are Ready), services (with the
// skilled agents logged in and Ready) and external contacts (directory.json). Answers
// directory.search; see events/directory.hpp.

#include "model/contact_center.hpp"

#include <agentdesk/bus.hpp>
#include <agentdesk/events/directory.hpp>

#include <string>
#include <vector>

namespace agentdesk::engine {

class DirectoryService {
public:
    /// Both must outlive the service.
    DirectoryService(const ContactCenter& center, Bus& bus);
    DirectoryService(const DirectoryService&) = delete;
    DirectoryService& operator=(const DirectoryService&) = delete;

    /// The entries matching `query` (every word, case-insensitive, in name, detail, number or
    /// email), colleagues first, then teams, services and contacts, each group by name; `total`
    /// counts every match.
    events::DirectoryResults search(std::string_view query, int limit) const;
    /// Exactly these entries, in the order asked; unknown ids are left out.
    events::DirectoryResults lookup(const std::vector<std::string>& ids) const;

private:
    /// The entry with its live figures (a colleague's state, a team's Ready count).
    events::DirectoryEntry live(const events::DirectoryEntry& entry) const;

    const ContactCenter& center_;
    std::vector<events::DirectoryEntry> entries_;  // sorted as search answers
    std::vector<std::string> haystacks_;           // lower-case text each entry is searched by
    Subscription search_;
};

}  // namespace agentdesk::engine
