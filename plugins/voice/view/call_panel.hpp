#pragma once
// Draws the Call panel: the caller and service, the call's timers, hold / mute / recording with
// their indicators (buttons disabled when the action does not fit the call's state), the dial pad
// with the digits sent, and Release.

#include "model/call_control.hpp"
#include "view/follow_up_action.hpp"

#include <agentdesk/host_api.hpp>

namespace agentdesk::voice {

class CallPanel {
public:
    CallPanel(CallControl& model, HostApi& host) : model_(model), host_(host) {}
    void draw();

private:
    void drawDialPad();
    void drawDialer();
    void scheduleTick();

    CallControl& model_;
    HostApi& host_;
    Timer tick_;
    bool dialPadOpen_ = true;
    char number_[64] = {};
    std::string preparedName_;    // who the number another panel put in the dialer belongs to
    std::string preparedNumber_;
    int service_ = 0;
    FollowUpAction followUp_{host_};  // VOICE-24
};

}  // namespace agentdesk::voice
