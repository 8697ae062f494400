#pragma once
// The Call panel's model (spec VOICE-05, 09, 13, 21, 22): this desktop's agent's connected call —
// who, which service, since when — with its hold, mute and recording state and the digits sent,
// all from bus events. Actions publish the voice.* commands; refusals come back as `takeError`.
// No ImGui here.

#include <agentdesk/bus.hpp>
#include <agentdesk/clock.hpp>
#include <agentdesk/current_agent.hpp>
#include <agentdesk/events/interaction.hpp>
#include <agentdesk/events/voice.hpp>

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace agentdesk::voice {

/// The agent's current call.
struct Call {
    events::Offered offer;
    TimePoint connectedAt{};
    events::CallState state;
    bool ended = false;  ///< hung up; wrap-up continues in Active Communications
};

class CallControl {
public:
    CallControl(Bus& bus, const Clock& clock);

    /// The call on screen: the connected one, or the one that just ended until its wrap-up is done.
    const std::optional<Call>& call() const { return call_; }
    bool connected() const { return call_ && !call_->ended; }
    /// Time on the call, and on the current hold.
    Milliseconds talkTime() const;
    Milliseconds holdTime() const;

    void toggleHold();
    void toggleMute();
    void record(events::RecordingAction action);
    /// Sends one or more digits (the dial pad's keys, or typed).
    void sendDigits(const std::string& digits);
    void release();

    /// The last refusal of something asked here ("" when none), and clears it.
    std::string takeError();

private:
    template <typename Command>
    void command(Command command);

    Bus& bus_;
    const Clock& clock_;
    CurrentAgent agent_;
    std::map<std::string, events::Offered, std::less<>> offers_;
    std::optional<Call> call_;
    std::vector<std::uint64_t> sent_;
    std::string error_;
    std::vector<Subscription> subscriptions_;
};

}  // namespace agentdesk::voice
