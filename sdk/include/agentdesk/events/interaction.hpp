#pragma once
// Interactions: calls, chats, emails and campaign records that the contact center routes to an
// agent (spec VOICE-01/02/10/11/12, CHAT-01/02, EMAIL-01, STATE-04). The lifecycle, one agent's
// view of it:
//
//   interaction.offered          the interaction rings at the agent (ringTimeoutMs to answer)
//   interaction.accept      ->   interaction.connected
//   interaction.reject      ->   interaction.offer_withdrawn (why Rejected; the agent goes Not Ready)
//   (no answer in time)          interaction.offer_withdrawn (why NotAnswered; the agent goes Not Ready)
//   (customer gave up)           interaction.offer_withdrawn (why Abandoned)
//   interaction.release     ->   interaction.ended (by Agent); the customer hanging up: by Customer
//   interaction.wrapup.save ->   interaction.wrapup.saved    (disposition and notes while wrapping up)
//   interaction.complete    ->   interaction.completed       (wrap-up done; also on the ACW timeout)
//
// Commands are answered by the event named, or by events::Error with the command's correlation id
// (codes: not_logged_in, unknown_interaction, not_yours, invalid_state, disposition_required,
// unknown_disposition). Everything about an interaction a desktop needs to show it travels in
// interaction.offered, so a channel plugin needs no other source.
//
// Waiting work is visible too: interaction.queued when something enters a service's queue (again,
// after a withdrawn offer) and interaction.abandoned when a waiting customer gives up.

#include "agentdesk/codec.hpp"
#include "agentdesk/types.hpp"

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace agentdesk::events {

/// Why an offer stopped ringing at an agent without being answered.
enum class WithdrawReason { Rejected, NotAnswered, Abandoned, LoggedOut };
AGENTDESK_ENUM_NAMES(WithdrawReason, {WithdrawReason::Rejected, "Rejected"},
                     {WithdrawReason::NotAnswered, "NotAnswered"}, {WithdrawReason::Abandoned, "Abandoned"},
                     {WithdrawReason::LoggedOut, "LoggedOut"})

/// Who ended a conversation. Transferred: the agent handed it on; it is over for them (a chat or an email
/// with no wrap-up; a call with After Call Work as its service has it).
enum class EndedBy { Agent, Customer, System, Transferred };
AGENTDESK_ENUM_NAMES(EndedBy, {EndedBy::Agent, "Agent"}, {EndedBy::Customer, "Customer"},
                     {EndedBy::System, "System"}, {EndedBy::Transferred, "Transferred"})

/// Event: an interaction waits in a service's queue (new, or back after a withdrawn offer).
struct Queued {
    static constexpr std::string_view topic = "interaction.queued";
    std::string interactionId;
    Channel channel = Channel::Voice;
    std::string serviceId;
    std::string from;           ///< the customer's number or address
    std::int64_t queuedAtMs = 0;  ///< first arrival; a re-queued interaction keeps its place
    bool requeued = false;
    MSGPACK_DEFINE_MAP(interactionId, channel, serviceId, from, queuedAtMs, requeued)
};

/// Event: a waiting customer gave up before anyone answered.
struct Abandoned {
    static constexpr std::string_view topic = "interaction.abandoned";
    std::string interactionId;
    std::string serviceId;
    std::int64_t waitedMs = 0;
    MSGPACK_DEFINE_MAP(interactionId, serviceId, waitedMs)
};

/// Event: an interaction rings at an agent.
struct Offered {
    static constexpr std::string_view topic = "interaction.offered";
    std::string interactionId;
    std::string agentId;
    Channel channel = Channel::Voice;
    std::string serviceId;
    std::string serviceName;
    std::string customerId;     ///< "" when the caller is not a known customer
    std::string customerName;   ///< "" when unknown
    std::string from;           ///< number, chat nickname or email address
    std::string subject;        ///< email subject or chat topic; "" for calls
    std::int64_t queuedAtMs = 0;
    std::int64_t offeredAtMs = 0;
    std::int64_t ringTimeoutMs = 0;
    std::vector<std::string> dispositions;  ///< the service's list, for wrap-up
    bool dispositionRequired = false;
    ChatMedium medium = ChatMedium::None;   ///< for chats: web chat, SMS or mobile app
    std::string preview;                    ///< for chats: the customer's first message
    std::map<std::string, std::string> details;  ///< e.g. a mobile app's device and location
    std::string transferNote;               ///< from the colleague who transferred it, "" otherwise
    bool outbound = false;                  ///< the agent placed it: it rings at the customer, nothing to accept
    std::string screenPopUrl;               ///< the service's page for this customer, to open in the browser; "" when none
    bool screenPopOnOffer = false;          ///< open it when offered; otherwise when accepted
    bool personal = false;                  ///< a call to the agent's own number: rejecting it sends it to voicemail
    MSGPACK_DEFINE_MAP(interactionId, agentId, channel, serviceId, serviceName, customerId, customerName, from,
                       subject, queuedAtMs, offeredAtMs, ringTimeoutMs, dispositions, dispositionRequired, medium,
                       preview, details, transferNote, outbound, screenPopUrl, screenPopOnOffer, personal)
};

/// Command: answer an offered interaction. Answered by Connected or Error.
struct Accept {
    static constexpr std::string_view topic = "interaction.accept";
    std::string interactionId;
    std::string agentId;
    MSGPACK_DEFINE_MAP(interactionId, agentId)
};

/// Command: refuse an offered interaction; it goes back to the queue for someone else and the
/// agent goes Not Ready "Rejected". Answered by OfferWithdrawn or Error.
struct Reject {
    static constexpr std::string_view topic = "interaction.reject";
    std::string interactionId;
    std::string agentId;
    MSGPACK_DEFINE_MAP(interactionId, agentId)
};

/// Event: an offer stopped ringing without being answered.
struct OfferWithdrawn {
    static constexpr std::string_view topic = "interaction.offer_withdrawn";
    std::string interactionId;
    std::string agentId;
    WithdrawReason why = WithdrawReason::Rejected;
    MSGPACK_DEFINE_MAP(interactionId, agentId, why)
};

/// Event: the agent and the customer are connected; the agent is Busy.
struct Connected {
    static constexpr std::string_view topic = "interaction.connected";
    std::string interactionId;
    std::string agentId;
    Channel channel = Channel::Voice;
    std::string serviceId;
    std::int64_t connectedAtMs = 0;
    MSGPACK_DEFINE_MAP(interactionId, agentId, channel, serviceId, connectedAtMs)
};

/// Command: end the conversation (hang up, close the chat, finish the email). Answered by Ended or Error.
struct Release {
    static constexpr std::string_view topic = "interaction.release";
    std::string interactionId;
    std::string agentId;
    MSGPACK_DEFINE_MAP(interactionId, agentId)
};

/// Event: a conversation ended. With wrapUp the agent now wraps it up (disposition, notes) until
/// they complete it or the ACW timeout does; without, interaction.completed follows at once.
struct Ended {
    static constexpr std::string_view topic = "interaction.ended";
    std::string interactionId;
    std::string agentId;
    EndedBy by = EndedBy::Agent;
    std::int64_t endedAtMs = 0;
    bool wrapUp = false;
    std::int64_t wrapUpEndsAtMs = 0;  ///< 0: no time limit
    MSGPACK_DEFINE_MAP(interactionId, agentId, by, endedAtMs, wrapUp, wrapUpEndsAtMs)
};

/// Command: keep the disposition and notes typed so far (stored at once, so they survive a crash).
/// Allowed from connection to completion. Answered by WrapUpSaved or Error (unknown_disposition).
struct SaveWrapUp {
    static constexpr std::string_view topic = "interaction.wrapup.save";
    std::string interactionId;
    std::string agentId;
    std::string disposition;  ///< "" for none yet
    std::string notes;
    MSGPACK_DEFINE_MAP(interactionId, agentId, disposition, notes)
};

/// Event: the disposition and notes are stored.
struct WrapUpSaved {
    static constexpr std::string_view topic = "interaction.wrapup.saved";
    std::string interactionId;
    std::string agentId;
    std::string disposition;
    std::string notes;
    MSGPACK_DEFINE_MAP(interactionId, agentId, disposition, notes)
};

/// Command: finish wrap-up with this disposition and these notes. Answered by Completed or Error
/// (disposition_required when the service needs one and none is given, unknown_disposition).
struct Complete {
    static constexpr std::string_view topic = "interaction.complete";
    std::string interactionId;
    std::string agentId;
    std::string disposition;
    std::string notes;
    MSGPACK_DEFINE_MAP(interactionId, agentId, disposition, notes)
};

/// Event: an interaction is finished and stored in the customer's history.
struct Completed {
    static constexpr std::string_view topic = "interaction.completed";
    std::string interactionId;
    std::string agentId;
    std::string disposition;
    std::string notes;
    std::int64_t completedAtMs = 0;
    bool byTimeout = false;  ///< the ACW timeout ended wrap-up
    MSGPACK_DEFINE_MAP(interactionId, agentId, disposition, notes, completedAtMs, byTimeout)
};

}  // namespace agentdesk::events
