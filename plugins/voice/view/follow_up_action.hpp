#pragma once
// The Call panel's "Follow-up" action (VOICE-24): a button that opens a small form (date and time,
// note) and schedules the follow-up in the agent's calendar.

#include "model/call_follow_up.hpp"

#include <agentdesk/host_api.hpp>

namespace agentdesk::voice {

class FollowUpAction {
public:
    explicit FollowUpAction(HostApi& host) : host_(host), model_(host.bus()) {}
    /// Draws the button and, once opened, the form for `call`.
    void draw(const events::Offered& call);

private:
    HostApi& host_;
    CallFollowUp model_;
    char when_[32] = {};
    char note_[512] = {};
    std::string error_;
    std::string shown_;  // the confirmation last notified
};

}  // namespace agentdesk::voice
