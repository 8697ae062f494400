#pragma once
// The Voicemail panel (spec UI-12..14): the messages with a player, the greeting and PIN, and call
// forwarding; and the top bar's voicemail counter and forwarding indicator.

#include "model/voicemail_model.hpp"

#include <agentdesk/clock.hpp>
#include <agentdesk/host_api.hpp>

#include <array>
#include <optional>
#include <string>

namespace agentdesk::voicemail {

class VoicemailPanel {
public:
    VoicemailPanel(VoicemailModel& model, HostApi& host) : model_(model), host_(host) {}

    void draw();
    /// The top bar: unheard messages and, while on, where personal calls are forwarded.
    void drawTopBar();

private:
    void drawMessages();
    void drawPlayer(const events::VoicemailMessage& message);
    void drawGreeting();
    void drawForwarding();

    VoicemailModel& model_;
    HostApi& host_;
    Timer tick_;  // wakes the desktop once a second while a message plays
    std::array<char, 512> personalText_{};
    std::optional<std::string> personalShown_;  // what personalText_ was last filled from
    std::array<char, 16> pin_{};
    std::array<char, 40> number_{};
    std::string numberShown_;  // what number_ was last filled from
    std::int64_t selected_ = 0;
};

}  // namespace agentdesk::voicemail
