#pragma once
// Draws the Team Chat panel: rooms on the left (team first, then colleagues with a presence dot
// in their state's colour and an unread count), the open room's messages (clipped) and the input.

#include "model/team_chat_model.hpp"

#include <agentdesk/host_api.hpp>

#include <string>

namespace agentdesk::teamchat {

class TeamChatPanel {
public:
    TeamChatPanel(TeamChatModel& model, HostApi& host) : model_(model), host_(host) {}
    void draw();

private:
    TeamChatModel& model_;
    HostApi& host_;
    std::string inputFor_;
    char input_[1024] = {};
    std::size_t seen_ = 0;
};

}  // namespace agentdesk::teamchat
