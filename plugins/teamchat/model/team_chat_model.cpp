#include "model/team_chat_model.hpp"

#include <agentdesk/events/agent.hpp>
#include <agentdesk/events/core.hpp>
#include <agentdesk/events/desktop.hpp>
#include <agentdesk/events/metrics.hpp>

#include <algorithm>

namespace agentdesk::teamchat {

TeamChatModel::TeamChatModel(Bus& bus, Incoming incoming)
    : bus_(bus), incoming_(std::move(incoming)), agent_(bus, [this](const std::string& agentId) {
          rooms_.clear();
          active_.clear();
          if (!agentId.empty()) bus_.publish(events::GetRooms{agentId});
      }) {
    subscriptions_.push_back(bus_.subscribe<events::TeamRooms>([this](const events::TeamRooms& e) {
        if (!agent_.is(e.agentId)) return;
        for (const events::Room& room : e.rooms) {
            if (RoomView* known = findMutable(room.roomId)) known->room = room;
            else rooms_.push_back(RoomView{room, {}, false, 0, {}});
        }
        if (active_.empty() && !rooms_.empty()) open(rooms_.front().room.roomId);
    }));
    subscriptions_.push_back(bus_.subscribe<events::TeamHistory>([this](const events::TeamHistory& e) {
        RoomView* room = findMutable(e.roomId);
        if (!room) return;
        // Live messages that arrived meanwhile are in the history too: it replaces them.
        room->messages = e.messages;
        room->loaded = true;
    }));
    subscriptions_.push_back(bus_.subscribe<events::TeamMessage>([this](const events::TeamMessage& e) {
        RoomView* room = findMutable(e.roomId);
        if (!room) return;
        const bool known = std::any_of(room->messages.begin(), room->messages.end(),
                                       [&](const events::TeamMessage& m) { return m.messageId == e.messageId; });
        if (known) return;
        room->messages.push_back(e);
        if (e.fromId == agent_.id()) unsent_.clear();  // ours arrived
        if (e.fromId != agent_.id() && e.roomId != active_) {
            ++room->unread;
            if (incoming_) incoming_(*room, e);
        }
    }));
    subscriptions_.push_back(bus_.subscribe<events::OpenTeamChat>(
        [this](const events::OpenTeamChat& c) { openWith(c.agentId); }));
    subscriptions_.push_back(bus_.subscribe<events::StateChanged>(
        [this](const events::StateChanged& e) { presence_[e.agentId] = e.state; }));
    subscriptions_.push_back(bus_.subscribe<events::AgentMetricsSnapshot>([this](const events::AgentMetricsSnapshot& e) {
        for (const events::AgentMetrics& agent : e.agents) presence_[agent.agentId] = agent.state;
    }));
    subscriptions_.push_back(bus_.subscribe<events::Error>([this](const events::Error& e, const Message& m) {
        if (std::find(sent_.begin(), sent_.end(), m.correlation) == sent_.end()) return;
        error_ = e.message;
        if (auto unsent = unsent_.find(m.correlation); unsent != unsent_.end()) {
            // Refused: the text goes back into the input.
            if (RoomView* room = findMutable(unsent->second.first); room && room->draft.empty()) room->draft = unsent->second.second;
            unsent_.erase(unsent);
        }
    }));
}

const RoomView* TeamChatModel::find(std::string_view roomId) const {
    auto it = std::find_if(rooms_.begin(), rooms_.end(), [&](const RoomView& r) { return r.room.roomId == roomId; });
    return it == rooms_.end() ? nullptr : &*it;
}

RoomView* TeamChatModel::findMutable(std::string_view roomId) {
    return const_cast<RoomView*>(std::as_const(*this).find(roomId));
}

bool TeamChatModel::openWith(const std::string& agentId) {
    for (const RoomView& view : rooms_) {
        if (!view.room.direct) continue;
        const auto& members = view.room.members;
        if (std::any_of(members.begin(), members.end(), [&](const auto& m) { return m.agentId == agentId; })) {
            open(view.room.roomId);
            return true;
        }
    }
    return false;
}

void TeamChatModel::open(const std::string& roomId) {
    RoomView* room = findMutable(roomId);
    if (!room) return;
    active_ = roomId;
    room->unread = 0;
    if (!room->loaded) bus_.publish(events::GetTeamHistory{agent_.id(), roomId});
}

void TeamChatModel::setDraft(const std::string& roomId, std::string text) {
    if (RoomView* room = findMutable(roomId)) room->draft = std::move(text);
}

void TeamChatModel::send(const std::string& roomId) {
    RoomView* room = findMutable(roomId);
    if (!room || room->draft.find_first_not_of(" \t\r\n") == std::string::npos) return;
    const std::uint64_t correlation = bus_.nextCorrelation();
    sent_.push_back(correlation);
    if (sent_.size() > 16) sent_.erase(sent_.begin());
    const std::string text = std::exchange(room->draft, {});
    unsent_[correlation] = {roomId, text};
    if (unsent_.size() > 16) unsent_.erase(unsent_.begin());
    bus_.publish(events::SendTeamMessage{agent_.id(), roomId, text}, correlation);
}

AgentState TeamChatModel::presenceOf(const std::string& agentId) const {
    auto it = presence_.find(agentId);
    return it == presence_.end() ? AgentState::LoggedOut : it->second;
}

int TeamChatModel::totalUnread() const {
    int total = 0;
    for (const RoomView& room : rooms_) total += room.unread;
    return total;
}

std::string TeamChatModel::takeError() { return std::exchange(error_, {}); }

}  // namespace agentdesk::teamchat
