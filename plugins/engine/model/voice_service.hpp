#pragma once
// Call control in the embedded contact center (spec VOICE-05, 09, 13, 21, 22): hold and retrieve
// with the hold time kept, mute, recording with pauses (the gaps are kept as gaps), and DTMF
// digits. Answers the commands of events/voice.hpp with the call's whole state.

#include "model/contact_center.hpp"

#include <agentdesk/bus.hpp>
#include <agentdesk/clock.hpp>
#include <agentdesk/events/voice.hpp>

#include <map>
#include <string>
#include <vector>

namespace agentdesk::engine {

class VoiceService final : public CenterObserver {
public:
    /// Everything passed must outlive the service.
    VoiceService(ContactCenter& center, Bus& bus, const Clock& clock);
    ~VoiceService() override;
    VoiceService(const VoiceService&) = delete;
    VoiceService& operator=(const VoiceService&) = delete;

    /// A connected call's state, or nullptr.
    const events::CallState* call(std::string_view interactionId) const;

    // CenterObserver
    void answered(const Interaction& interaction) override;
    void ended(const Interaction& interaction, events::EndedBy by) override;
    void transferred(const Interaction& interaction, const std::string& fromAgentId) override;

private:
    /// The call the agent may control now; on refusal answers the command and returns nullptr.
    events::CallState* controllable(std::string_view command, const std::string& agentId,
                                    const std::string& interactionId, std::uint64_t correlation);
    void refuse(std::string_view command, std::string_view code, std::string message, std::uint64_t correlation);
    void stopRecording(events::CallState& call);

    ContactCenter& center_;
    Bus& bus_;
    const Clock& clock_;
    std::map<std::string, events::CallState, std::less<>> calls_;  // connected calls, by interaction id
    std::vector<Subscription> subscriptions_;
};

}  // namespace agentdesk::engine
