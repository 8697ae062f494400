#pragma once
// Internal chat in the embedded contact center (spec OTHER-05): a room per team and a direct room
// for any two people, stored in engine.db. Simulated colleagues who are logged in answer direct
// messages, and a teammate answers a question in the team room, after a few seconds.

#include "model/contact_center.hpp"
#include "store/engine_store.hpp"

#include <agentdesk/bus.hpp>
#include <agentdesk/clock.hpp>
#include <agentdesk/events/teamchat.hpp>

#include <map>
#include <string>
#include <vector>

namespace agentdesk::engine {

class TeamChat {
public:
    /// Everything passed must outlive the chat.
    TeamChat(ContactCenter& center, EngineStore& store, Bus& bus, const Clock& clock, Timers& timers);

    /// The rooms `agentId` is in: their team's first, then a direct room with each other user.
    std::vector<events::Room> roomsOf(const UserAccount& user) const;
    /// The direct room of two users.
    static std::string directRoom(std::string_view a, std::string_view b);

private:
    bool isMember(const UserAccount& user, std::string_view roomId) const;
    const events::TeamMessage& post(const std::string& roomId, const UserAccount& from, std::string text,
                                    std::uint64_t correlation);
    void answerLater(const std::string& roomId, const UserAccount& colleague);
    void onSend(const events::SendTeamMessage& command, const Message& message);

    ContactCenter& center_;
    EngineStore& store_;
    Bus& bus_;
    const Clock& clock_;
    Timers& timers_;
    std::uint64_t posted_ = 0;
    events::TeamMessage last_;
    std::vector<Timer> replies_;
    std::vector<Subscription> subscriptions_;
};

}  // namespace agentdesk::engine
