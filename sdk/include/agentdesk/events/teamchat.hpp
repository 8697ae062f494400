#pragma once
// Internal chat between agents and supervisors (spec OTHER-05), separate from customer chats:
// a room per team and a direct room for any two people.
//
//   teamchat.rooms.get    ->   teamchat.rooms     (the rooms this person is in, with members)
//   teamchat.send         ->   teamchat.message   (to every desktop; each shows the rooms it is in)
//   teamchat.history.get  ->   teamchat.history   (a room's stored messages)
//
// Presence is the members' agent states (agent.state.changed, metrics.agents).

#include "agentdesk/codec.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace agentdesk::events {

/// Someone in a room.
struct RoomMember {
    std::string agentId;
    std::string displayName;
    std::string role;
    MSGPACK_DEFINE_MAP(agentId, displayName, role)
};

/// A room: "team:<team>" for a team, "direct:<id>:<id>" (ids in order) for two people.
struct Room {
    std::string roomId;
    std::string title;
    bool direct = false;
    std::vector<RoomMember> members;
    MSGPACK_DEFINE_MAP(roomId, title, direct, members)
};

/// Command: the rooms an agent is in: their team's, and a direct room with everyone else.
/// Answered by TeamRooms.
struct GetRooms {
    static constexpr std::string_view topic = "teamchat.rooms.get";
    std::string agentId;
    MSGPACK_DEFINE_MAP(agentId)
};

/// Event: an agent's rooms, their team's first.
struct TeamRooms {
    static constexpr std::string_view topic = "teamchat.rooms";
    std::string agentId;
    std::vector<Room> rooms;
    MSGPACK_DEFINE_MAP(agentId, rooms)
};

/// Command: write in a room one is a member of. Answered by TeamMessage or Error (not_a_member,
/// empty_message).
struct SendTeamMessage {
    static constexpr std::string_view topic = "teamchat.send";
    std::string agentId;
    std::string roomId;
    std::string text;
    MSGPACK_DEFINE_MAP(agentId, roomId, text)
};

/// Event: a message in a room.
struct TeamMessage {
    static constexpr std::string_view topic = "teamchat.message";
    std::string roomId;
    std::string messageId;
    std::string fromId;
    std::string fromName;
    std::string text;
    std::int64_t atMs = 0;
    MSGPACK_DEFINE_MAP(roomId, messageId, fromId, fromName, text, atMs)
};

/// Command: a room's stored messages, oldest first (the last 200). Answered by TeamHistory or Error.
struct GetTeamHistory {
    static constexpr std::string_view topic = "teamchat.history.get";
    std::string agentId;
    std::string roomId;
    MSGPACK_DEFINE_MAP(agentId, roomId)
};

/// Event: a room's stored messages.
struct TeamHistory {
    static constexpr std::string_view topic = "teamchat.history";
    std::string roomId;
    std::vector<TeamMessage> messages;
    MSGPACK_DEFINE_MAP(roomId, messages)
};

}  // namespace agentdesk::events
