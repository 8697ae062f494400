#pragma once
// Call control in the embedded contact center (spec VOICE-05, 09, 13-18, 21, 22): hold and retrieve
// with the hold time kept, mute, recording with pauses (the gaps are kept as gaps), DTMF digits,
// consultations (colleagues only when Ready: one at a desktop answers or declines within the ring
// timeout, a simulated one and a number answer after a short ring),
// blind and warm transfers, and conferences up to the configured number of parties. Answers the
// commands of events/voice.hpp with the call's whole state. Voice applications, messages and texts
// are model/voice_automation.hpp's; while an application has the customer or a message plays, the
// other controls wait.

#include "model/contact_center.hpp"

#include <agentdesk/bus.hpp>
#include <agentdesk/clock.hpp>
#include <agentdesk/events/voice.hpp>

#include <map>
#include <optional>
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
    /// The same, to change (for the engine's own timers: no command to answer).
    events::CallState* call(std::string_view interactionId);

    /// Whether a command may act while a voice application has the customer or a message plays.
    enum class WhileBusy { Refuse, Allow };
    /// The call `agentId` controls: `interactionId`, or their connected call when it is "". On
    /// refusal answers `command` with an Error and returns nullptr.
    events::CallState* resolve(std::string_view command, const std::string& agentId, const std::string& interactionId,
                               std::uint64_t correlation, WhileBusy busy = WhileBusy::Refuse);
    /// Recording goes on again, as a new recorded part (after a pause the agent did not ask for).
    void resumeRecording(events::CallState& call);
    /// Pauses the recording when it is on; false when it was not.
    bool pauseRecording(events::CallState& call);

    // CenterObserver
    void answered(const Interaction& interaction) override;
    void ended(const Interaction& interaction, events::EndedBy by) override;
    void transferred(const Interaction& interaction, const std::string& fromAgentId) override;

private:
    /// The call the agent may control now; on refusal answers the command and returns nullptr.
    events::CallState* controllable(std::string_view command, const std::string& agentId,
                                    const std::string& interactionId, std::uint64_t correlation,
                                    WhileBusy busy = WhileBusy::Refuse);
    void refuse(std::string_view command, std::string_view code, std::string message, std::uint64_t correlation);
    void stopRecording(events::CallState& call);
    /// The party a consultation reaches, or nullopt after refusing the command.
    std::optional<events::CallParty> partyFor(std::string_view command, const std::string& agentId,
                                              const events::CallTarget& target, std::uint64_t correlation);
    void holdCustomer(events::CallState& call);
    void retrieveCustomer(events::CallState& call);
    /// A consulted or conferenced colleague is free again.
    void letGo(const events::CallParty& party);
    void endConsultation(events::CallState& call, bool retrieve);
    /// The consultation's ring timer fired: the call still consulting `partyId`, or nullptr when
    /// the consultation ended or moved on meanwhile.
    events::CallState* ringEnded(const std::string& interactionId, const std::string& partyId);
    void consultAnswered(events::CallState& call, std::uint64_t correlation = 0);
    /// The consulted party declined, did not answer or hung up: the customer stays on hold.
    void consultationGone(events::CallState& call, events::ConsultationEnd why, std::uint64_t correlation = 0);
    /// The call whose consultation is `agentId` (the ringing one when `interactionId` is ""); on
    /// refusal answers `command` and returns nullptr.
    events::CallState* consultedIn(std::string_view command, const std::string& agentId, const std::string& interactionId,
                                   std::uint64_t correlation);
    void onLeave(const events::LeaveConference& c, const Message& m);
    void onCompleteTransfer(const events::CompleteTransfer& c, const Message& m);
    /// Warm transfer: the customer goes to the consulted party, who answered.
    void handOverToConsulted(events::CallState& call, std::string_view command, std::uint64_t correlation);
    void onTransfer(const events::TransferCall& c, const Message& m);
    std::string agentName(std::string_view agentId) const;

    ContactCenter& center_;
    Bus& bus_;
    const Clock& clock_;
    std::map<std::string, events::CallState, std::less<>> calls_;  // connected calls, by interaction id
    std::map<std::string, Timer, std::less<>> consultRings_;         // by interaction id: the consulted party answers
    std::vector<Subscription> subscriptions_;
};

}  // namespace agentdesk::engine
