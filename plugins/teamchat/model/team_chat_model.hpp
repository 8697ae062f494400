#pragma once
// The Team Chat panel's model (spec OTHER-05): this agent's rooms (their team, and one per
// colleague) with presence from the colleagues' states, each room's messages (loaded when first
// opened, then live), unread counts and a draft per room. No ImGui here.

#include <agentdesk/bus.hpp>
#include <agentdesk/current_agent.hpp>
#include <agentdesk/events/teamchat.hpp>
#include <agentdesk/types.hpp>

#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <vector>

namespace agentdesk::teamchat {

/// A room as the panel lists it.
struct RoomView {
    events::Room room;
    std::vector<events::TeamMessage> messages;
    bool loaded = false;   ///< its history arrived
    int unread = 0;
    std::string draft;
};

class TeamChatModel {
public:
    /// `incoming` is called for a message from someone else in a room that is not open.
    using Incoming = std::function<void(const RoomView&, const events::TeamMessage&)>;
    TeamChatModel(Bus& bus, Incoming incoming = {});

    const std::vector<RoomView>& rooms() const { return rooms_; }
    const RoomView* find(std::string_view roomId) const;
    const std::string& active() const { return active_; }
    /// Opens a room: loads its history the first time, clears its unread count.
    void open(const std::string& roomId);
    /// Opens the direct room with a colleague (also on desktop.teamchat.open); false when there is none.
    bool openWith(const std::string& agentId);
    void setDraft(const std::string& roomId, std::string text);
    /// Sends the room's draft.
    void send(const std::string& roomId);
    /// A colleague's state as last heard (LoggedOut when never seen).
    AgentState presenceOf(const std::string& agentId) const;
    /// This desktop's agent.
    const std::string& me() const { return agent_.id(); }
    /// Every unread message, all rooms.
    int totalUnread() const;
    std::string takeError();

private:
    RoomView* findMutable(std::string_view roomId);

    Bus& bus_;
    Incoming incoming_;
    CurrentAgent agent_;
    std::vector<RoomView> rooms_;
    std::map<std::string, AgentState, std::less<>> presence_;
    std::string active_;
    std::string error_;
    std::vector<std::uint64_t> sent_;
    std::map<std::uint64_t, std::pair<std::string, std::string>> unsent_;  // correlation -> room, text
    std::vector<Subscription> subscriptions_;
};

}  // namespace agentdesk::teamchat
