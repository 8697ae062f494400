#pragma once
// Draws the Call panel: the caller and service, the call's timers, hold / mute / recording with
// their indicators (buttons disabled when the action does not fit the call's state), the dial pad
// with the digits sent, and Release; the consultation (alternate, complete the transfer, merge,
// end), the conference's participants (drop, leave), the picker of whom to consult or transfer to
// (colleagues with their state, services, contacts, a number), a colleague's call this agent
// was brought into, and voice applications, prerecorded messages and text messages
// (view/call_automation.cpp).

#include "model/call_control.hpp"
#include "view/follow_up_action.hpp"

#include <agentdesk/host_api.hpp>

namespace agentdesk::voice {

class CallPanel {
public:
    CallPanel(CallControl& model, HostApi& host) : model_(model), host_(host) {}
    void draw();
    /// Brings the consult / transfer picker up (the transfer shortcut).
    void openTransfer() { pickerOpen_ = true; focusPicker_ = true; }

private:
    void drawDialPad();
    void drawDialer();
    void drawConsultation();
    void drawParticipants(const events::CallState& state, bool host);
    void drawJoined();
    void drawPicker();
    /// What an application or a message is doing with the customer, and what came back.
    void drawAutomationStatus();
    /// Play a message, hand the call to an application, write a text.
    void drawAutomationActions();
    void drawTextEditor();
    void scheduleTick();

    CallControl& model_;
    HostApi& host_;
    Timer tick_;
    bool dialPadOpen_ = true;
    char number_[64] = {};
    std::string preparedName_;    // who the number another panel put in the dialer belongs to
    std::string preparedNumber_;
    int service_ = 0;
    bool pickerOpen_ = false;
    bool focusPicker_ = false;
    char targetQuery_[64] = {};
    char targetNumber_[64] = {};
    bool searched_ = false;
    bool textOpen_ = false;
    char textNumber_[64] = {};
    char text_[1024] = {};
    FollowUpAction followUp_{host_};  // VOICE-24
};

}  // namespace agentdesk::voice
