#include "store/team_chat.hpp"

#include <agentdesk/events/core.hpp>

#include <fmt/format.h>

#include <algorithm>

namespace agentdesk::engine {

namespace {

using namespace std::chrono_literals;

/// What a simulated colleague says back, in turn.
constexpr std::string_view kReplies[] = {
    "Sure, give me a minute.",
    "Yes, I can take that one.",
    "Good question - I think the returns article in the knowledge base covers it.",
    "On a call right now, back to you shortly.",
    "Thanks, noted!",
};

events::RoomMember memberOf(const UserAccount& user) { return {user.id, user.displayName, user.role}; }

std::string teamRoom(std::string_view team) { return fmt::format("team:{}", team); }

}  // namespace

std::string TeamChat::directRoom(std::string_view a, std::string_view b) {
    return a < b ? fmt::format("direct:{}:{}", a, b) : fmt::format("direct:{}:{}", b, a);
}

TeamChat::TeamChat(ContactCenter& center, EngineStore& store, Bus& bus, const Clock& clock, Timers& timers)
    : center_(center), store_(store), bus_(bus), clock_(clock), timers_(timers) {
    subscriptions_.push_back(bus_.subscribe<events::GetRooms>([this](const events::GetRooms& c, const Message& m) {
        events::TeamRooms answer{c.agentId, {}};
        if (const UserAccount* user = center_.config().findUserById(c.agentId)) answer.rooms = roomsOf(*user);
        bus_.publish(answer, m.correlation);
    }));
    subscriptions_.push_back(bus_.subscribe<events::SendTeamMessage>(
        [this](const events::SendTeamMessage& c, const Message& m) { onSend(c, m); }));
    subscriptions_.push_back(bus_.subscribe<events::GetTeamHistory>([this](const events::GetTeamHistory& c, const Message& m) {
        const UserAccount* user = center_.config().findUserById(c.agentId);
        if (!user || !isMember(*user, c.roomId)) {
            bus_.publish(events::Error{std::string(c.topic), "not_a_member", "You are not in this conversation."}, m.correlation);
            return;
        }
        bus_.publish(events::TeamHistory{c.roomId, store_.teamMessages(c.roomId)}, m.correlation);
    }));
}

std::vector<events::Room> TeamChat::roomsOf(const UserAccount& user) const {
    std::vector<events::Room> rooms;
    const auto& users = center_.config().users;
    if (!user.team.empty()) {
        events::Room team{teamRoom(user.team), fmt::format("Team {}", user.team), false, {}};
        for (const UserAccount& other : users) {
            if (other.team == user.team) team.members.push_back(memberOf(other));
        }
        rooms.push_back(std::move(team));
    }
    std::vector<const UserAccount*> others;
    for (const UserAccount& other : users) {
        if (other.id != user.id) others.push_back(&other);
    }
    std::sort(others.begin(), others.end(),
              [](const UserAccount* a, const UserAccount* b) { return a->displayName < b->displayName; });
    for (const UserAccount* other : others) {
        rooms.push_back({directRoom(user.id, other->id), other->displayName, true, {memberOf(user), memberOf(*other)}});
    }
    return rooms;
}

bool TeamChat::isMember(const UserAccount& user, std::string_view roomId) const {
    if (roomId == teamRoom(user.team)) return !user.team.empty();
    if (!roomId.starts_with("direct:")) return false;
    const std::string_view ids = roomId.substr(7);
    const auto colon = ids.find(':');
    if (colon == std::string_view::npos) return false;
    const std::string_view a = ids.substr(0, colon);
    const std::string_view b = ids.substr(colon + 1);
    const std::string_view other = a == user.id ? b : b == user.id ? a : std::string_view();
    return !other.empty() && center_.config().findUserById(other) && directRoom(a, b) == roomId;
}

const events::TeamMessage& TeamChat::post(const std::string& roomId, const UserAccount& from, std::string text,
                                          std::uint64_t correlation) {
    const std::int64_t now = toEpochMs(clock_.now());
    last_ = events::TeamMessage{roomId, fmt::format("t{}-{}", now, ++posted_), from.id, from.displayName,
                                std::move(text), now};
    store_.saveTeamMessage(last_);
    bus_.publish(last_, correlation);
    return last_;
}

void TeamChat::onSend(const events::SendTeamMessage& command, const Message& message) {
    const UserAccount* user = center_.config().findUserById(command.agentId);
    if (!user || !isMember(*user, command.roomId)) {
        bus_.publish(events::Error{std::string(command.topic), "not_a_member", "You are not in this conversation."},
                     message.correlation);
        return;
    }
    std::string text = command.text;
    if (text.find_first_not_of(" \t\r\n") == std::string::npos) {
        bus_.publish(events::Error{std::string(command.topic), "empty_message", "Type a message first."}, message.correlation);
        return;
    }
    post(command.roomId, *user, std::move(text), message.correlation);
    // The colleagues the engine plays answer when they are at their desk.
    for (const UserAccount& other : center_.config().users) {
        if (!other.simulated || other.id == user->id || !center_.isLoggedIn(other.id)) continue;
        const bool direct = command.roomId == directRoom(user->id, other.id);
        const bool teamQuestion = command.roomId == teamRoom(other.team) && command.text.find('?') != std::string::npos;
        if (direct || teamQuestion) {
            answerLater(command.roomId, other);
            if (teamQuestion) break;  // one teammate answers a question to the team
        }
    }
}

void TeamChat::answerLater(const std::string& roomId, const UserAccount& colleague) {
    std::erase_if(replies_, [](const Timer& t) { return !t; });
    const std::string_view reply = kReplies[posted_ % std::size(kReplies)];
    replies_.push_back(timers_.at(clock_.now() + 4s, [this, roomId, &colleague, reply] {
        if (center_.isLoggedIn(colleague.id)) post(roomId, colleague, std::string(reply), 0);
    }));
}

}  // namespace agentdesk::engine
