#pragma once
// Call control on a connected call (spec VOICE-05, 09, 13, 14-23, 25). A call is an interaction
// (events/interaction.hpp: offered, accept, release, wrap-up); its controls travel here:
//
//   voice.hold / voice.retrieve   ->   voice.call   (held, with when the hold began)
//   voice.mute                    ->   voice.call   (muted or not)
//   voice.record                  ->   voice.call   (recording on, paused, off; the gaps are kept; a
//                                                    service that records every call starts it at the
//                                                    answer and refuses Stop)
//   voice.dtmf                    ->   voice.dtmf.sent, or error invalid_digits
//   voice.dial                    ->   interaction.offered (outbound: it rings at the customer), then
//                                      interaction.connected when they answer; or error
//
// Consultation, transfer and conference (VOICE-14..18). `interactionId` "" means the agent's
// connected call, so another panel (the directory) can act on it without knowing its id.
//   voice.consult            ->   voice.call (customer held, consultation Ringing, then Connected:
//                                 a number and a simulated colleague answer a few seconds later, a
//                                 colleague at a desktop with voice.consult.answer); error
//                                 target_unavailable when the colleague is not Ready, invalid_number,
//                                 unknown_agent, unknown_service, invalid_state
//   voice.consult.answer     ->   voice.call (the consulted colleague answers; invalid_state when
//                                 nothing rings at them)
//   voice.consult.decline    ->   voice.consult.ended (Declined) and voice.call: the customer stays
//                                 on hold for the agent; not answering within the center's ring
//                                 timeout ends it the same way (NotAnswered), hanging up (HungUp)
//   voice.alternate          ->   voice.call (talk to the other party; the one left is held)
//   voice.consult.end        ->   voice.call (the consultation hangs up, the customer is retrieved)
//   voice.transfer           ->   interaction.ended (by Transferred, with After Call Work per service),
//                                 then voice.transferred; the customer rings at the colleague, waits
//                                 in the service's queue, or goes to the number (blind; a
//                                 consultation going on is hung up)
//   voice.transfer.complete  ->   the same for the consulted party (warm)
//   voice.conference.merge   ->   voice.call with the participants (at most the configured limit)
//   voice.conference.drop    ->   voice.call without that participant (the host only)
//   voice.conference.leave   ->   voice.call without the agent; the host leaving hands the call to
//                                 another agent in it, or lets the others go on (as configured)
//
// Voice applications, prerecorded messages and text messages (VOICE-19, 20, 23, 25):
//   voice.catalog.get            ->   voice.catalog (the applications and messages center.json offers)
//   voice.application.connect    ->   voice.application.connected, then voice.call (the customer is in
//                                     the application and comes back to the agent) or interaction.ended
//                                     (by Transferred: handed over for good); voice.application.finished
//                                     with the result when it ends (a voice signature's id among them);
//                                     error unknown_application, invalid_state
//   voice.message.play           ->   voice.call (the message plays; the agent is muted until it ends)
//   voice.message.stop           ->   voice.call (stopped early; the agent's microphone as before)
//   voice.sms.send               ->   voice.sms.sent and voice.call; error invalid_number, invalid_text
//
// voice.call carries the whole state of the call after every change, so a desktop that
// (re)starts needs no history.

#include "agentdesk/codec.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace agentdesk::events {

/// Whether a call is being recorded.
enum class Recording { Off, On, Paused };
AGENTDESK_ENUM_NAMES(Recording, {Recording::Off, "Off"}, {Recording::On, "On"}, {Recording::Paused, "Paused"})

/// What the agent asks of the recording.
enum class RecordingAction { Start, Pause, Resume, Stop };
AGENTDESK_ENUM_NAMES(RecordingAction, {RecordingAction::Start, "Start"}, {RecordingAction::Pause, "Pause"},
                     {RecordingAction::Resume, "Resume"}, {RecordingAction::Stop, "Stop"})

/// Whether `action` fits a recording that is `now`: Start when off, Pause when on, Resume when
/// paused, Stop when on or paused. (A service that records every call refuses Stop as well.)
constexpr bool recordingActionFits(Recording now, RecordingAction action) {
    switch (action) {
        case RecordingAction::Start: return now == Recording::Off;
        case RecordingAction::Pause: return now == Recording::On;
        case RecordingAction::Resume: return now == Recording::Paused;
        case RecordingAction::Stop: return now != Recording::Off;
    }
    return false;
}

/// A stretch of a call that was recorded; the time between two of them is a marked gap.
struct RecordedPart {
    std::int64_t fromMs = 0;
    std::int64_t toMs = 0;  ///< 0 while still recording
    MSGPACK_DEFINE_MAP(fromMs, toMs)
};

/// Whom a consultation or a transfer goes to.
enum class TargetKind { Agent, Service, Number };
AGENTDESK_ENUM_NAMES(TargetKind, {TargetKind::Agent, "Agent"}, {TargetKind::Service, "Service"},
                     {TargetKind::Number, "Number"})

/// A colleague (agent id), a service (its id: someone skilled and Ready in it) or a phone number.
struct CallTarget {
    TargetKind kind = TargetKind::Agent;
    std::string id;      ///< agent or service id
    std::string number;  ///< for Number
    MSGPACK_DEFINE_MAP(kind, id, number)
};

/// Who is on a call besides the agent controlling it.
enum class PartyKind { Customer, Agent, Number };
AGENTDESK_ENUM_NAMES(PartyKind, {PartyKind::Customer, "Customer"}, {PartyKind::Agent, "Agent"},
                     {PartyKind::Number, "Number"})

/// One party of a consultation or a conference.
struct CallParty {
    std::string id;        ///< "customer", the agent id, or "number:<digits>"
    PartyKind kind = PartyKind::Agent;
    std::string agentId;   ///< for agents
    std::string name;
    std::string number;
    std::string via;       ///< the service name a consultation reached them through; "" when called directly
    bool ringing = false;  ///< not answered yet
    bool held = false;     ///< a consultation the agent switched away from
    MSGPACK_DEFINE_MAP(id, kind, agentId, name, number, via, ringing, held)
};

/// What a voice application does; a Signature records the customer's verbal consent (VOICE-23).
enum class ApplicationKind { Payment, Survey, Signature, Other };
AGENTDESK_ENUM_NAMES(ApplicationKind, {ApplicationKind::Payment, "Payment"}, {ApplicationKind::Survey, "Survey"},
                     {ApplicationKind::Signature, "Signature"}, {ApplicationKind::Other, "Other"})

/// An automated scenario a call can be handed to (center.json "voice" "applications").
struct VoiceApplication {
    std::string id;
    std::string name;
    ApplicationKind kind = ApplicationKind::Other;
    std::string description;
    int durationS = 0;            ///< how long a customer typically spends in it
    bool canKeep = true;          ///< may take the call for good (a signature always comes back)
    MSGPACK_DEFINE_MAP(id, name, kind, description, durationS, canKeep)
};

/// A recorded announcement the agent can play to the customer (center.json "voice" "messages").
struct PrerecordedMessage {
    std::string id;
    std::string name;
    std::string text;  ///< what the customer hears
    int durationS = 0;
    MSGPACK_DEFINE_MAP(id, name, text, durationS)
};

/// The customer is in a voice application and comes back to the agent when it ends.
struct ApplicationRun {
    std::string applicationId;  ///< "" when none
    std::string name;
    ApplicationKind kind = ApplicationKind::Other;
    std::int64_t startedMs = 0;
    std::int64_t endsAtMs = 0;
    MSGPACK_DEFINE_MAP(applicationId, name, kind, startedMs, endsAtMs)
};

/// How a run of a voice application ended.
enum class ApplicationOutcome { Completed, Abandoned };
AGENTDESK_ENUM_NAMES(ApplicationOutcome, {ApplicationOutcome::Completed, "Completed"},
                     {ApplicationOutcome::Abandoned, "Abandoned"})

/// What a voice application reported back: "Payment accepted" with its reference, a survey's
/// score, a voice signature's id (SIG-000001).
struct ApplicationResult {
    std::string applicationId;
    std::string name;
    ApplicationKind kind = ApplicationKind::Other;
    ApplicationOutcome outcome = ApplicationOutcome::Completed;
    std::string detail;     ///< in words, for the agent
    std::string reference;  ///< the payment, survey or signature id; "" when none was made
    std::int64_t atMs = 0;
    MSGPACK_DEFINE_MAP(applicationId, name, kind, outcome, detail, reference, atMs)
};

/// A prerecorded message playing to the customer.
struct MessagePlayback {
    std::string messageId;  ///< "" when none
    std::string name;
    std::int64_t startedMs = 0;
    std::int64_t endsAtMs = 0;
    MSGPACK_DEFINE_MAP(messageId, name, startedMs, endsAtMs)
};

/// A text message sent from a call (VOICE-25).
struct TextMessage {
    std::string smsId;  ///< SMS-000001
    std::string number;
    std::string text;
    std::int64_t atMs = 0;
    MSGPACK_DEFINE_MAP(smsId, number, text, atMs)
};

/// Event: the state of a connected call, after every change.
struct CallState {
    static constexpr std::string_view topic = "voice.call";
    std::string interactionId;
    std::string agentId;
    std::string agentName;            ///< the agent on the call, as colleagues brought into it read it
    bool held = false;
    std::int64_t heldSinceMs = 0;     ///< while held
    std::int64_t heldTotalMs = 0;     ///< earlier holds of this call
    bool muted = false;
    Recording recording = Recording::Off;
    std::vector<RecordedPart> recorded;
    std::string digitsSent;           ///< every DTMF digit sent so far
    bool consulting = false;          ///< a second call is placed; the customer (or conference) is held
    CallParty consultation;           ///< while consulting
    std::vector<CallParty> participants;  ///< a conference: everyone in it, the host (agentId) included; empty otherwise
    int conferenceLimit = 0;          ///< parties a conference may have
    ApplicationRun application;       ///< while the customer is in a voice application
    MessagePlayback message;          ///< while a prerecorded message plays (the agent is muted)
    std::vector<ApplicationResult> results;  ///< what voice applications reported back, in order
    std::vector<TextMessage> texts;   ///< text messages sent from this call
    bool serviceRecords = false;      ///< the service records every call: on from the answer, paused but not stopped
    MSGPACK_DEFINE_MAP(interactionId, agentId, agentName, held, heldSinceMs, heldTotalMs, muted, recording, recorded, digitsSent,
                       consulting, consultation, participants, conferenceLimit, application, message, results, texts,
                       serviceRecords)
};

/// Command: put the customer on hold (music). Answered by CallState or Error (invalid_state when
/// already held or not connected).
struct HoldCall {
    static constexpr std::string_view topic = "voice.hold";
    std::string interactionId;
    std::string agentId;
    MSGPACK_DEFINE_MAP(interactionId, agentId)
};

/// Command: take the customer off hold. Answered by CallState or Error.
struct RetrieveCall {
    static constexpr std::string_view topic = "voice.retrieve";
    std::string interactionId;
    std::string agentId;
    MSGPACK_DEFINE_MAP(interactionId, agentId)
};

/// Command: mute or unmute the agent's microphone. Answered by CallState or Error.
struct MuteCall {
    static constexpr std::string_view topic = "voice.mute";
    std::string interactionId;
    std::string agentId;
    bool muted = true;
    MSGPACK_DEFINE_MAP(interactionId, agentId, muted)
};

/// Command: start, pause, resume or stop recording. Answered by CallState or Error (invalid_state
/// when the action does not fit the recording's state, or Stop on a call its service records).
struct RecordCall {
    static constexpr std::string_view topic = "voice.record";
    std::string interactionId;
    std::string agentId;
    RecordingAction action = RecordingAction::Start;
    MSGPACK_DEFINE_MAP(interactionId, agentId, action)
};

/// Command: send DTMF digits (0-9, *, #, A-D) into the call. Answered by DigitsSent or Error
/// (invalid_digits, invalid_state when held).
struct SendDigits {
    static constexpr std::string_view topic = "voice.dtmf";
    std::string interactionId;
    std::string agentId;
    std::string digits;
    MSGPACK_DEFINE_MAP(interactionId, agentId, digits)
};

/// Command: call a number for a service (its caller id, dispositions and reporting). Answered by
/// interaction.offered with `outbound` set, then interaction.connected when the customer answers;
/// interaction.release while it rings hangs up. Errors: invalid_number, unknown_service,
/// invalid_state (already on a call, or no phone), not_logged_in.
struct Dial {
    static constexpr std::string_view topic = "voice.dial";
    std::string agentId;
    std::string number;
    std::string serviceId;
    MSGPACK_DEFINE_MAP(agentId, number, serviceId)
};

/// Command: put the customer on hold and call a colleague, a service or a number (VOICE-14).
/// Answered by CallState; a number or a simulated colleague answers after a short ring, a
/// colleague at a desktop answers or declines (AnswerConsultation, DeclineConsultation) within the
/// center's ring timeout. Colleagues are called only when Ready.
struct ConsultCall {
    static constexpr std::string_view topic = "voice.consult";
    std::string interactionId;  ///< "" for the agent's connected call
    std::string agentId;
    CallTarget target;
    MSGPACK_DEFINE_MAP(interactionId, agentId, target)
};

/// Command: the colleague a consultation rings at answers it. Answered by CallState (consultation
/// no longer ringing) or Error invalid_state (nothing rings at them).
struct AnswerConsultation {
    static constexpr std::string_view topic = "voice.consult.answer";
    std::string interactionId;  ///< the consulting agent's call; "" for the one ringing at `agentId`
    std::string agentId;        ///< the consulted colleague
    MSGPACK_DEFINE_MAP(interactionId, agentId)
};

/// Command: the colleague a consultation rings at declines it. Answered by ConsultationEnded
/// (Declined) and CallState, or Error invalid_state.
struct DeclineConsultation {
    static constexpr std::string_view topic = "voice.consult.decline";
    std::string interactionId;  ///< as AnswerConsultation
    std::string agentId;
    MSGPACK_DEFINE_MAP(interactionId, agentId)
};

/// Why a consultation ended without the consulting agent ending it.
enum class ConsultationEnd { Declined, NotAnswered, HungUp };
AGENTDESK_ENUM_NAMES(ConsultationEnd, {ConsultationEnd::Declined, "Declined"},
                     {ConsultationEnd::NotAnswered, "NotAnswered"}, {ConsultationEnd::HungUp, "HungUp"})

/// Event: the consulted party declined, did not answer within the center's ring timeout, or hung
/// up. The customer stays on hold for the consulting agent (`agentId`) to retrieve.
struct ConsultationEnded {
    static constexpr std::string_view topic = "voice.consult.ended";
    std::string interactionId;
    std::string agentId;  ///< who consulted
    CallParty party;      ///< who was consulted
    ConsultationEnd why = ConsultationEnd::Declined;
    MSGPACK_DEFINE_MAP(interactionId, agentId, party, why)
};

/// Command: switch between the customer and the consulted party. Answered by CallState or Error.
struct AlternateCall {
    static constexpr std::string_view topic = "voice.alternate";
    std::string interactionId;
    std::string agentId;
    MSGPACK_DEFINE_MAP(interactionId, agentId)
};

/// Command: hang up the consultation and retrieve the customer. Answered by CallState or Error.
struct EndConsultation {
    static constexpr std::string_view topic = "voice.consult.end";
    std::string interactionId;
    std::string agentId;
    MSGPACK_DEFINE_MAP(interactionId, agentId)
};

/// Command: blind (single-step) transfer of the customer to a colleague (it rings there; they must
/// be Ready), a service's queue (routed by skills, VOICE-18) or a number (VOICE-15); during a
/// consultation the consulted party is hung up on. Answered by CallTransferred and
/// interaction.ended (by Transferred; After Call Work per service) or Error.
struct TransferCall {
    static constexpr std::string_view topic = "voice.transfer";
    std::string interactionId;  ///< "" for the agent's connected call
    std::string agentId;
    CallTarget target;
    MSGPACK_DEFINE_MAP(interactionId, agentId, target)
};

/// Command: warm transfer: the customer goes to the consulted party, who is already talking to the
/// agent. Answered as TransferCall.
struct CompleteTransfer {
    static constexpr std::string_view topic = "voice.transfer.complete";
    std::string interactionId;
    std::string agentId;
    MSGPACK_DEFINE_MAP(interactionId, agentId)
};

/// Command: merge the consultation into a conference with the customer (VOICE-16). Answered by
/// CallState with the participants, or Error (invalid_state when nobody answered yet or the
/// conference is full).
struct MergeConference {
    static constexpr std::string_view topic = "voice.conference.merge";
    std::string interactionId;
    std::string agentId;
    MSGPACK_DEFINE_MAP(interactionId, agentId)
};

/// Command: the host drops a participant (not the customer: release for that). Answered by CallState or Error.
struct DropParticipant {
    static constexpr std::string_view topic = "voice.conference.drop";
    std::string interactionId;
    std::string agentId;
    std::string partyId;
    MSGPACK_DEFINE_MAP(interactionId, agentId, partyId)
};

/// Command: the agent leaves a conference (hosted or joined, VOICE-17) or a consultation they were
/// called into. Answered by CallState, or by the host's call ending for them.
struct LeaveConference {
    static constexpr std::string_view topic = "voice.conference.leave";
    std::string interactionId;
    std::string agentId;
    MSGPACK_DEFINE_MAP(interactionId, agentId)
};

/// Event: a call was handed on. The new interaction (the customer's call as the colleague or the
/// queue gets it) is "" when it left the center for a number.
struct CallTransferred {
    static constexpr std::string_view topic = "voice.transferred";
    std::string interactionId;
    std::string fromAgentId;
    CallTarget target;
    std::string targetName;  ///< as the agent reads it: "Ben Okafor", "Billing queue", "+44 20 7946 0000"
    bool warm = false;
    std::string newInteractionId;
    MSGPACK_DEFINE_MAP(interactionId, fromAgentId, target, targetName, warm, newInteractionId)
};

/// Event: digits went into the call.
struct DigitsSent {
    static constexpr std::string_view topic = "voice.dtmf.sent";
    std::string interactionId;
    std::string digits;
    MSGPACK_DEFINE_MAP(interactionId, digits)
};

/// Command: the voice applications and prerecorded messages. Answered by VoiceCatalog.
struct GetVoiceCatalog {
    static constexpr std::string_view topic = "voice.catalog.get";
    std::string agentId;
    MSGPACK_DEFINE_MAP(agentId)
};

/// Event: what calls can be handed to or played.
struct VoiceCatalog {
    static constexpr std::string_view topic = "voice.catalog";
    std::vector<VoiceApplication> applications;
    std::vector<PrerecordedMessage> messages;
    MSGPACK_DEFINE_MAP(applications, messages)
};

/// Command: hand the customer to a voice application (VOICE-19, 23), coming back to the agent when
/// it ends (`returnToAgent`) or for good (the call ends here by Transferred, After Call Work per
/// service). Answered by ApplicationConnected and CallState / interaction.ended, or Error
/// (unknown_application, invalid_state while held, consulting, in a conference, or already in one).
struct ConnectApplication {
    static constexpr std::string_view topic = "voice.application.connect";
    std::string interactionId;
    std::string agentId;
    std::string applicationId;
    bool returnToAgent = true;
    MSGPACK_DEFINE_MAP(interactionId, agentId, applicationId, returnToAgent)
};

/// Event: the customer went into a voice application.
struct ApplicationConnected {
    static constexpr std::string_view topic = "voice.application.connected";
    std::string interactionId;
    std::string agentId;
    ApplicationRun run;
    bool returnsToAgent = true;
    MSGPACK_DEFINE_MAP(interactionId, agentId, run, returnsToAgent)
};

/// Event: a voice application ended; the result is kept with the interaction (and in CallState
/// while the call goes on). Abandoned when the customer hung up in it.
struct ApplicationFinished {
    static constexpr std::string_view topic = "voice.application.finished";
    std::string interactionId;
    std::string agentId;
    ApplicationResult result;
    MSGPACK_DEFINE_MAP(interactionId, agentId, result)
};

/// Command: play a prerecorded message to the customer (VOICE-20). Answered by CallState (message
/// set, muted) or Error (unknown_message, invalid_state while held, consulting or already playing).
struct PlayMessage {
    static constexpr std::string_view topic = "voice.message.play";
    std::string interactionId;
    std::string agentId;
    std::string messageId;
    MSGPACK_DEFINE_MAP(interactionId, agentId, messageId)
};

/// Command: stop the message playing. Answered by CallState or Error (invalid_state when none plays).
struct StopMessage {
    static constexpr std::string_view topic = "voice.message.stop";
    std::string interactionId;
    std::string agentId;
    MSGPACK_DEFINE_MAP(interactionId, agentId)
};

/// The longest text message in characters: three SMS of 160.
inline constexpr std::size_t kMaxTextMessageLength = 480;

/// Command: send a text message from the call (VOICE-25); `number` "" for the caller's number.
/// Answered by SmsSent and CallState, or Error (invalid_number, invalid_text: empty or over 480
/// characters).
struct SendSms {
    static constexpr std::string_view topic = "voice.sms.send";
    std::string interactionId;
    std::string agentId;
    std::string number;
    std::string text;
    MSGPACK_DEFINE_MAP(interactionId, agentId, number, text)
};

/// Event: a text message went out; it is in the customer's history from now on.
struct SmsSent {
    static constexpr std::string_view topic = "voice.sms.sent";
    std::string interactionId;
    std::string agentId;
    std::string customerId;  ///< "" for an unidentified caller
    TextMessage message;
    MSGPACK_DEFINE_MAP(interactionId, agentId, customerId, message)
};

}  // namespace agentdesk::events
