#include "model/directory_service.hpp"

#include "model/text.hpp"

#include <agentdesk/events/core.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <set>
#include <sstream>

namespace agentdesk::engine {

namespace {

std::vector<std::string> wordsOf(std::string_view query) {
    std::vector<std::string> words;
    std::istringstream in(lowerAscii(query));
    for (std::string word; in >> word;) words.push_back(word);
    return words;
}

std::string_view channelWord(Channel channel) {
    switch (channel) {
        case Channel::Voice: return "Voice";
        case Channel::Chat: return "Chat";
        case Channel::Email: return "Email";
        case Channel::Campaign: return "Campaign";
    }
    return "";
}

}  // namespace

DirectoryService::DirectoryService(const ContactCenter& center, Bus& bus) : center_(center) {
    const CenterConfig& config = center.config();
    std::set<std::string> teams;
    for (const UserAccount& user : config.users) {
        entries_.push_back({user.id, events::DirectoryKind::Colleague, user.displayName,
                            fmt::format("{}{}", user.team, user.role == "supervisor" ? " · supervisor" : ""),
                            user.extension, "", AgentState::LoggedOut, "", 0, 0, 0});
        if (!user.team.empty()) teams.insert(user.team);
    }
    for (const std::string& team : teams) {
        entries_.push_back({"team:" + team, events::DirectoryKind::Team, team, "Team", "", "", AgentState::LoggedOut, "", 0, 0, 0});
    }
    for (const ServiceConfig& service : config.services) {
        entries_.push_back({"service:" + service.id, events::DirectoryKind::Service, service.name,
                            fmt::format("{} service", channelWord(service.channel)), "", "", AgentState::LoggedOut, "", 0, 0, 0});
    }
    for (const DirectoryContact& contact : config.contacts) {
        entries_.push_back({"contact:" + contact.id, events::DirectoryKind::Contact, contact.name, contact.company,
                            contact.number, contact.email, AgentState::LoggedOut, "", 0, 0, 0});
    }
    std::stable_sort(entries_.begin(), entries_.end(), [](const auto& a, const auto& b) {
        if (a.kind != b.kind) return a.kind < b.kind;
        return lowerAscii(a.name) < lowerAscii(b.name);
    });
    for (const auto& e : entries_) haystacks_.push_back(lowerAscii(fmt::format("{}\n{}\n{}\n{}", e.name, e.detail, e.number, e.email)));

    search_ = bus.subscribe<events::SearchDirectory>([this, &bus](const events::SearchDirectory& c, const Message& m) {
        if (!center_.isLoggedIn(c.agentId)) {
            bus.publish(events::Error{std::string(c.topic), std::string(error_codes::notLoggedIn),
                                      "Log in to search the directory."},
                        m.correlation);
            return;
        }
        events::DirectoryResults answer = c.ids.empty() ? search(c.query, c.limit) : lookup(c.ids);
        bus.publish(answer, m.correlation);
    });
}

events::DirectoryEntry DirectoryService::live(const events::DirectoryEntry& entry) const {
    events::DirectoryEntry out = entry;
    const CenterConfig& config = center_.config();
    auto stateOf = [this](const std::string& agentId) -> const AgentStatus* {
        const AgentStateMachine* machine = center_.agentState(agentId);
        return machine ? &machine->status() : nullptr;
    };
    switch (entry.kind) {
        case events::DirectoryKind::Colleague:
            if (const AgentStatus* status = stateOf(entry.id)) {
                out.state = status->state;
                out.reason = status->reason;
                out.stateSinceMs = toEpochMs(status->since);
            }
            break;
        case events::DirectoryKind::Team: {
            const std::string team = entry.id.substr(5);
            for (const UserAccount& user : config.users) {
                if (user.team != team) continue;
                ++out.members;
                const AgentStatus* status = stateOf(user.id);
                if (status && status->state == AgentState::Ready) ++out.membersReady;
            }
            break;
        }
        case events::DirectoryKind::Service:
            if (const ServiceConfig* service = config.findService(entry.id.substr(8))) {
                for (const UserAccount& user : config.users) {
                    const AgentStatus* status = stateOf(user.id);
                    if (!status || !CenterConfig::isSkilledFor(user, *service)) continue;
                    ++out.members;
                    if (status->state == AgentState::Ready) ++out.membersReady;
                }
            }
            break;
        case events::DirectoryKind::Contact: break;
    }
    return out;
}

events::DirectoryResults DirectoryService::search(std::string_view query, int limit) const {
    events::DirectoryResults results;
    results.query = std::string(query);
    const std::vector<std::string> words = wordsOf(query);
    for (std::size_t i = 0; i < entries_.size(); ++i) {
        const bool matches = std::all_of(words.begin(), words.end(),
                                         [&](const std::string& w) { return haystacks_[i].find(w) != std::string::npos; });
        if (!matches) continue;
        ++results.total;
        if (limit <= 0 || static_cast<int>(results.entries.size()) < limit) results.entries.push_back(live(entries_[i]));
    }
    return results;
}

events::DirectoryResults DirectoryService::lookup(const std::vector<std::string>& ids) const {
    events::DirectoryResults results;
    for (const std::string& id : ids) {
        auto it = std::find_if(entries_.begin(), entries_.end(), [&](const auto& e) { return e.id == id; });
        if (it != entries_.end()) results.entries.push_back(live(*it));
    }
    results.total = static_cast<int>(results.entries.size());
    return results;
}

}  // namespace agentdesk::engine
