#pragma once
// The Call panel's model (spec VOICE-05, 09, 13-18, 21, 22): this desktop's agent's connected call —
// who, which service, since when — with its hold, mute and recording state and the digits sent,
// its consultation (alternate, end, complete the transfer), blind transfer to a colleague, a
// service's queue or a number, the conference it hosts (merge, participants, drop, leave), and a
// conference or consultation someone else brought this agent into (answer or decline it while it
// rings, participants, leave); voice
// applications, prerecorded messages and text messages (VOICE-19, 20, 23, 25). All from bus events;
// actions publish the voice.* commands; refusals come back as `takeError`. No ImGui here.

#include <agentdesk/bus.hpp>
#include <agentdesk/clock.hpp>
#include <agentdesk/current_agent.hpp>
#include <agentdesk/events/agent.hpp>
#include <agentdesk/events/campaign.hpp>
#include <agentdesk/events/directory.hpp>
#include <agentdesk/events/interaction.hpp>
#include <agentdesk/events/metrics.hpp>
#include <agentdesk/events/voice.hpp>

#include <algorithm>
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace agentdesk::voice {

/// The agent's current call.
struct Call {
    events::Offered offer;
    TimePoint connectedAt{};  ///< when it was placed, while dialling
    events::CallState state;
    bool ended = false;  ///< hung up; wrap-up continues in Active Communications
    bool dialling = false;  ///< placed by the agent, ringing at the customer
    std::string transferredTo;  ///< handed on (to whom), wrap-up continues
};

/// A voice service an agent can call for.
struct VoiceService {
    std::string id;
    std::string name;
};

/// A number another panel (the directory, a contact record) asked to call, for the dialer.
struct PreparedDial {
    std::string number;
    std::string name;
};

class CallControl {
public:
    /// Called when the recent numbers change (to keep them).
    using RecentChanged = std::function<void(const std::vector<std::string>&)>;
    CallControl(Bus& bus, const Clock& clock, RecentChanged recentChanged = {});

    /// The call on screen: the connected one, or the one that just ended until its wrap-up is done.
    const std::optional<Call>& call() const { return call_; }
    bool connected() const { return call_ && !call_->ended && !call_->dialling; }
    /// True while the agent can place a call (logged in, no call in hand).
    bool canDial() const { return agent_.loggedIn() && !call_; }
    /// Time on the call, and on the current hold.
    Milliseconds talkTime() const;
    Milliseconds holdTime() const;

    // What the panel's buttons allow now (the engine has the last word: a refusal comes back as
    // takeError). While a voice application has the customer or a message plays, only Release is
    // the agent's.
    bool automated() const { return inApplication() || messagePlaying(); }
    /// Hold / retrieve: not during a consultation (Alternate switches then).
    bool canHold() const { return connected() && !call_->state.consulting && !automated(); }
    bool canMute() const { return connected() && !automated(); }
    /// Whether `action` fits the recording now; Stop never on a call its service records.
    bool canRecord(events::RecordingAction action) const;
    /// Digits go into a call that is not on hold.
    bool canSendDigits() const { return connected() && !call_->state.held && !automated(); }

    /// The agent's campaign call, which the Campaign panel shows, while the customer is on the
    /// line (nullptr otherwise): Hold and Mute, and their shortcuts, act on it when this panel has
    /// no call.
    const events::CallState* callElsewhere() const {
        return elsewhere_ && elsewhere_->interactionId == campaignTalking_ ? &*elsewhere_ : nullptr;
    }

    void toggleHold();
    void toggleMute();
    void record(events::RecordingAction action);
    /// Sends one or more digits (the dial pad's keys, or typed).
    void sendDigits(const std::string& digits);
    void release();

    // ---- consultation, transfer, conference ----
    bool consulting() const { return connected() && call_->state.consulting; }
    bool inConference() const { return connected() && !call_->state.participants.empty(); }
    /// A consultation can start: connected, none going on, room in the conference.
    bool canConsult() const;
    /// Blind transfer: connected, not a conference (a consultation going on is hung up).
    bool canTransfer() const { return connected() && !inConference(); }
    /// The consulted party answered: alternate, merge or complete the transfer.
    bool consultAnswered() const { return consulting() && !call_->state.consultation.ringing; }
    bool canCompleteTransfer() const { return consultAnswered() && !inConference(); }
    bool canMerge() const {
        return consultAnswered() &&
               static_cast<int>(std::max<std::size_t>(call_->state.participants.size(), 2)) < call_->state.conferenceLimit;
    }
    /// The host may drop anyone but the customer and themselves.
    bool canDrop(const events::CallParty& party) const;
    void consult(const events::CallTarget& target);
    void alternate();
    void endConsultation();
    void transfer(const events::CallTarget& target);
    void completeTransfer();
    void merge();
    void drop(const std::string& partyId);
    /// Leaves the conference this agent hosts or joined, or the consultation they were called into.
    void leave();

    /// A call of a colleague this agent was brought into (consulted, or in their conference).
    const std::optional<events::CallState>& joined() const { return joined_; }
    /// Who called this agent into `joined()`, as they read it.
    std::string joinedHostName() const;
    /// A colleague's consultation rings at this agent: answer or decline it.
    bool consultRinging() const;
    void answerConsultation();
    void declineConsultation();

    /// Colleagues and services to consult or transfer to, searched in the directory.
    void searchTargets(const std::string& query);
    const std::vector<events::DirectoryEntry>& targets() const { return targets_; }

    // ---- voice applications, prerecorded messages, text messages ----
    /// What calls can be handed to or played (asked for at login).
    const events::VoiceCatalog& catalog() const { return catalog_; }
    /// A voice application has the customer; the call comes back when it ends.
    bool inApplication() const { return connected() && !call_->state.application.applicationId.empty(); }
    bool messagePlaying() const { return connected() && !call_->state.message.messageId.empty(); }
    /// Applications and messages are for the customer alone with the agent: not held, no
    /// consultation or conference, no application or message going on.
    bool canUseAutomation() const;
    void connectApplication(const std::string& applicationId, bool returnToAgent);
    void playMessage(const std::string& messageId);
    void stopMessage();
    /// How much of the playing message has played, 0..1.
    float messageProgress() const;
    /// Time until the application is expected to give the customer back.
    Milliseconds applicationLeft() const;
    /// Sends a text to `number` ("" for the caller's).
    void sendText(const std::string& number, const std::string& text);
    /// True once after a text asked for here went out (the editor can be cleared).
    bool takeTextSent() { return std::exchange(textSent_, false); }

    /// Calls a number for a voice service; once the call rings it tops the recent numbers.
    void dial(const std::string& number, const std::string& serviceId);

    /// Numbers dialled, most recent first (at most 10, no repeats).
    const std::vector<std::string>& recent() const { return recent_; }
    void setRecent(std::vector<std::string> numbers) { recent_ = std::move(numbers); }
    /// The voice services, as the contact center's figures list them.
    const std::vector<VoiceService>& services() const { return services_; }

    /// The number desktop.dial last asked for, once: the dialer takes it and shows it.
    std::optional<PreparedDial> takePrepared();

    /// The last refusal of something asked here ("" when none), and clears it.
    std::string takeError();

private:
    template <typename Command>
    void command(Command command);
    /// The call Hold and Mute act on: this panel's connected call, else the campaign call.
    const events::CallState* heldOrMuted() const;

    Bus& bus_;
    const Clock& clock_;
    RecentChanged recentChanged_;
    CurrentAgent agent_;
    std::map<std::string, events::Offered, std::less<>> offers_;
    std::optional<Call> call_;
    std::optional<events::CallState> joined_;
    std::optional<events::CallState> elsewhere_;  // the agent's call this panel does not show
    std::string campaignTalking_;                 // the campaign call whose customer is on the line
    std::vector<events::DirectoryEntry> targets_;
    std::uint64_t targetSearch_ = 0;
    std::vector<std::string> recent_;
    std::vector<VoiceService> services_;
    std::optional<PreparedDial> prepared_;
    events::VoiceCatalog catalog_;
    bool textSent_ = false;
    std::vector<std::uint64_t> sent_;
    std::string error_;
    std::vector<Subscription> subscriptions_;
};

}  // namespace agentdesk::voice
