#pragma once
// The agent's personal line (spec UI-12..14, VOICE-02): calls to the agent's own number or
// extension, which the ACD does not route. The contact center rings them at the agent when they
// can take a call; a personal call the agent rejects, does not answer, or that finds them logged
// out or without a phone goes to their voicemail, unless call forwarding sends it to another
// number. Commands are answered by the event named next to them, or by events::Error with the
// command's correlation id.
//
//   voicemail.get              ->  voicemail.box     (greeting, PIN, forwarding, messages)
//   voicemail.greeting.set     ->  voicemail.box
//   voicemail.pin.set          ->  voicemail.box     (errors: invalid_input)
//   voicemail.forwarding.set   ->  voicemail.box     (errors: invalid_number)
//   voicemail.message.mark     ->  voicemail.box     (heard or new again; errors: unknown_message)
//   voicemail.message.delete   ->  voicemail.box     (errors: unknown_message)
//   voicemail.message.new                           (a caller left a message: also a new voicemail.box)
//   voicemail.call.forwarded                        (a personal call went to the forwarding number)
//   simulation.personal_call                         (a caller dials an agent's personal number)
//
// Times are epoch milliseconds (UTC).

#include "agentdesk/codec.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace agentdesk::events {

/// What callers hear before they leave a message.
enum class Greeting { Standard, Absent, Personal };
AGENTDESK_ENUM_NAMES(Greeting, {Greeting::Standard, "Standard"}, {Greeting::Absent, "Absent"},
                     {Greeting::Personal, "Personal"})

/// Why a personal call was forwarded.
enum class ForwardReason { Always, NoAnswer, Busy };
AGENTDESK_ENUM_NAMES(ForwardReason, {ForwardReason::Always, "Always"}, {ForwardReason::NoAnswer, "NoAnswer"},
                     {ForwardReason::Busy, "Busy"})

/// Where personal calls go instead of the agent (UI-14). Calls of the contact center's services
/// are never forwarded.
struct CallForwarding {
    bool always = false;        ///< every personal call, without ringing
    bool noAnswer = false;      ///< after ringing noAnswerSeconds unanswered
    bool busy = false;          ///< while the agent is on a call (or one rings)
    std::string number;         ///< where to; normalised by the contact center
    int noAnswerSeconds = 20;   ///< 5 to 120
    bool active() const { return !number.empty() && (always || noAnswer || busy); }
    MSGPACK_DEFINE_MAP(always, noAnswer, busy, number, noAnswerSeconds)
};

/// A message a caller left.
struct VoicemailMessage {
    std::int64_t messageId = 0;
    std::string callerName;    ///< the customer's or colleague's name; "" for an unknown caller
    std::string callerNumber;
    std::string customerId;    ///< "" when the caller is not a known customer
    std::int64_t receivedAtMs = 0;
    std::int64_t durationMs = 0;
    bool heard = false;
    std::string audioFile;     ///< the recording (WAV), as the engine keeps it; "" when it has none
    MSGPACK_DEFINE_MAP(messageId, callerName, callerNumber, customerId, receivedAtMs, durationMs, heard, audioFile)
};

/// A personal call that went to the forwarding number.
struct ForwardedCall {
    std::string callerName;
    std::string callerNumber;
    std::string to;
    ForwardReason reason = ForwardReason::Always;
    std::int64_t atMs = 0;
    MSGPACK_DEFINE_MAP(callerName, callerNumber, to, reason, atMs)
};

/// Event: an agent's voicemail box and forwarding, whole, after every change and on request.
struct VoicemailBox {
    static constexpr std::string_view topic = "voicemail.box";
    std::string agentId;
    Greeting greeting = Greeting::Standard;
    std::string personalText;                ///< the agent's own greeting (Greeting::Personal)
    std::string greetingText;                ///< what callers hear now, as words
    bool pinSet = false;                     ///< a PIN protects the box from the phone
    CallForwarding forwarding;
    std::vector<VoicemailMessage> messages;  ///< newest first
    std::vector<ForwardedCall> forwarded;    ///< the latest, newest first
    int unheard = 0;
    MSGPACK_DEFINE_MAP(agentId, greeting, personalText, greetingText, pinSet, forwarding, messages, forwarded,
                       unheard)
};

/// Command: the agent's box. Answered by VoicemailBox.
struct GetVoicemail {
    static constexpr std::string_view topic = "voicemail.get";
    std::string agentId;
    MSGPACK_DEFINE_MAP(agentId)
};

/// Command: choose the greeting (UI-12). A personal greeting needs its words (at most
/// kMaxGreetingLength characters). Answered by VoicemailBox, or Error invalid_input.
struct SetGreeting {
    static constexpr std::string_view topic = "voicemail.greeting.set";
    std::string agentId;
    Greeting greeting = Greeting::Standard;
    std::string personalText;
    MSGPACK_DEFINE_MAP(agentId, greeting, personalText)
};
inline constexpr std::size_t kMaxGreetingLength = 400;

/// Command: set the box's PIN (4 to 8 digits), or remove it with "". Only its hash is kept.
/// Answered by VoicemailBox, or Error invalid_input.
struct SetVoicemailPin {
    static constexpr std::string_view topic = "voicemail.pin.set";
    std::string agentId;
    std::string pin;
    MSGPACK_DEFINE_MAP(agentId, pin)
};

/// Command: change call forwarding (UI-14). A number is needed while any kind is on.
/// Answered by VoicemailBox, or Error invalid_number / invalid_input.
struct SetCallForwarding {
    static constexpr std::string_view topic = "voicemail.forwarding.set";
    std::string agentId;
    CallForwarding forwarding;
    MSGPACK_DEFINE_MAP(agentId, forwarding)
};

/// Command: mark a message heard (or new again). Answered by VoicemailBox, or Error unknown_message.
struct MarkVoicemail {
    static constexpr std::string_view topic = "voicemail.message.mark";
    std::string agentId;
    std::int64_t messageId = 0;
    bool heard = true;
    MSGPACK_DEFINE_MAP(agentId, messageId, heard)
};

/// Command: delete a message and its recording. Answered by VoicemailBox, or Error unknown_message.
struct DeleteVoicemail {
    static constexpr std::string_view topic = "voicemail.message.delete";
    std::string agentId;
    std::int64_t messageId = 0;
    MSGPACK_DEFINE_MAP(agentId, messageId)
};

/// Event: a caller left a message for the agent (a new VoicemailBox follows).
struct NewVoicemail {
    static constexpr std::string_view topic = "voicemail.message.new";
    std::string agentId;
    VoicemailMessage message;
    MSGPACK_DEFINE_MAP(agentId, message)
};

/// Event: a personal call for the agent went to their forwarding number (a new VoicemailBox follows).
struct CallForwarded {
    static constexpr std::string_view topic = "voicemail.call.forwarded";
    std::string agentId;
    ForwardedCall call;
    MSGPACK_DEFINE_MAP(agentId, call)
};

/// Command (simulation): a caller dials the agent's personal number. It rings at the agent
/// (interaction.offered with `personal` set) when they can take it; otherwise, and when they
/// reject it or let it ring out, it is forwarded or the caller leaves a message of
/// `messageSeconds`. Errors: unknown_agent.
struct PersonalCall {
    static constexpr std::string_view topic = "simulation.personal_call";
    std::string agentId;
    std::string from;              ///< the caller's number; a customer's own when "" and customerId is given
    std::string customerId;        ///< a known customer, or ""
    std::string callerName;        ///< shown when the caller is not a known customer (a colleague)
    int messageSeconds = 20;       ///< how long a message they leave lasts
    MSGPACK_DEFINE_MAP(agentId, from, customerId, callerName, messageSeconds)
};

}  // namespace agentdesk::events
