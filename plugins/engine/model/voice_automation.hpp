#pragma once
// What a call can be handed to or given besides the agent's voice (spec VOICE-19, 20, 23, 25):
// voice applications (a keypad payment, a survey, a voice signature) that take the customer for a
// while and give them back with a result, or take the call for good; prerecorded messages played
// to the customer with the agent muted meanwhile; text messages to the caller's mobile. Results
// and texts are kept through a CallJournal (store/call_journal.hpp) before anyone hears of them.
// The simulated customer finishes an application in its configured duration, or hangs up in it.

#include "model/contact_center.hpp"
#include "model/voice_service.hpp"

#include <agentdesk/bus.hpp>
#include <agentdesk/clock.hpp>
#include <agentdesk/events/voice.hpp>

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace agentdesk::engine {

/// Where application results and texts sent from calls are kept.
class CallJournal {
public:
    virtual ~CallJournal() = default;
    /// The next free number of references starting with `prefix` ("PAY", "SIG", "SMS"...), from 1.
    virtual int nextReference(std::string_view prefix) = 0;
    virtual void addResult(const std::string& interactionId, const std::string& customerId,
                           const events::ApplicationResult& result) = 0;
    virtual void addText(const std::string& interactionId, const std::string& agentId, const std::string& customerId,
                         const events::TextMessage& text) = 0;
};

class VoiceAutomation final : public CenterObserver {
public:
    /// Everything passed must outlive the automation.
    VoiceAutomation(ContactCenter& center, VoiceService& voice, Bus& bus, const Clock& clock, CallJournal& journal);
    ~VoiceAutomation() override;
    VoiceAutomation(const VoiceAutomation&) = delete;
    VoiceAutomation& operator=(const VoiceAutomation&) = delete;

    /// The reference a result gets, e.g. "SIG-000001".
    static std::string reference(std::string_view prefix, int number);

    // CenterObserver
    void ended(const Interaction& interaction, events::EndedBy by) override;

private:
    /// A customer in an application, with the call given back (`returns`) or kept.
    struct Run {
        events::ApplicationRun run;
        events::ApplicationKind kind = events::ApplicationKind::Other;
        std::string agentId;
        std::string customerId;
        bool returns = true;
        bool resumeRecording = false;  ///< a payment paused the recording; it goes on after
        Timer done;
    };

    void onConnect(const events::ConnectApplication& c, const Message& m);
    void onPlay(const events::PlayMessage& c, const Message& m);
    void onStop(const events::StopMessage& c, const Message& m);
    void onSendSms(const events::SendSms& c, const Message& m);
    /// The application ended: completed, or abandoned when the customer hung up in it.
    void finish(const std::string& interactionId, events::ApplicationOutcome outcome);
    /// The message is over (played out or stopped): the agent's microphone as it was before.
    void endMessage(events::CallState& call);
    void refuse(std::string_view command, std::string_view code, std::string message, std::uint64_t correlation);

    ContactCenter& center_;
    VoiceService& voice_;
    Bus& bus_;
    const Clock& clock_;
    CallJournal& journal_;
    std::map<std::string, Run, std::less<>> runs_;          // by interaction id
    std::map<std::string, Timer, std::less<>> messages_;    // by interaction id: the message ends
    std::map<std::string, bool, std::less<>> mutedBefore_;  // by interaction id: the microphone before the message
    std::vector<Subscription> subscriptions_;
};

}  // namespace agentdesk::engine
