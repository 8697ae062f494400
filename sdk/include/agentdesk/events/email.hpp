#pragma once
// The email channel (spec EMAIL-*). An email waiting for an agent is an interaction
// (events/interaction.hpp: offered, accept, release, wrap-up); each belongs to a case, which holds
// threads, which hold the messages in and out. What is done with the email travels here:
//
//   email.received            a customer's email is stored in its case and waits in the queue
//   email.case.get        ->  email.case            (a case with its threads, messages and the agent's draft)
//   email.reply           ->  email.sent, then interaction.ended (wrap-up as the service says)
//   email.forward         ->  email.sent (kind Forward; the email stays with the agent)
//   email.compose         ->  email.sent (a new case, or a new thread in an existing one)
//   email.close           ->  interaction.ended + interaction.completed with the disposition
//   email.transfer        ->  interaction.ended for this agent (to a colleague: it rings there when they can
//                             take it now, else it waits in their My Queue; or to a service's queue)
//   email.postpone        ->  interaction.ended (no wrap-up) + email.myqueue (the email waits in My Queue)
//   email.myqueue.get     ->  email.myqueue         (postponed, transferred and due follow-ups of an agent)
//   email.myqueue.take    ->  interaction.offered + interaction.connected, then email.myqueue
//                             (email.myqueue.due when a postponed email's time comes)
//   email.queue.get       ->  email.queue           (waiting emails of the agent's services)
//   email.pull            ->  interaction.offered + interaction.connected (taken from the team queue)
//   email.draft.save      ->  email.draft           (kept in the center's store: survives a restart)
//   email.draft.get       ->  email.draft
//   email.mask            ->  email.masked          (the masked text replaces the original in storage)
//   email.followup.schedule -> email.followup       (then email.followup.due at its time)
//   email.followups.get   ->  email.followups       (the agent's follow-ups not yet done)
//   email.followup.done   ->  email.followups + email.myqueue (done without an email; the case records it)
//   email.search          ->  email.search.results
//
// Refusals are events::Error with the command's correlation id; codes: unknown_case,
// unknown_message, unknown_interaction, not_yours, invalid_state, invalid_input, invalid_address,
// unknown_service, unknown_agent, unknown_disposition, target_unavailable, not_logged_in,
// unknown_followup, file_too_large, file_type_not_allowed.

#include "agentdesk/codec.hpp"

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace agentdesk::events {

/// Which way an email went, and why.
enum class EmailKind { Inbound, Reply, Forward, Outbound };
AGENTDESK_ENUM_NAMES(EmailKind, {EmailKind::Inbound, "Inbound"}, {EmailKind::Reply, "Reply"},
                     {EmailKind::Forward, "Forward"}, {EmailKind::Outbound, "Outbound"})

/// Where a case stands.
enum class CaseState { Queued, Open, Closed };
AGENTDESK_ENUM_NAMES(CaseState, {CaseState::Queued, "Queued"}, {CaseState::Open, "Open"}, {CaseState::Closed, "Closed"})

/// A file that came with an email or was sent with one (its metadata; GetEmailAttachment fetches
/// its bytes).
struct EmailAttachment {
    std::string name;
    std::string mimeType;
    std::int64_t sizeBytes = 0;
    MSGPACK_DEFINE_MAP(name, mimeType, sizeBytes)
};

/// A file an agent attaches to a reply or a new email, with its bytes. The center checks it as it
/// checks files sent in chats (size and type limits of chat.json).
struct EmailFile {
    std::string name;
    std::string mimeType;
    std::vector<char> data;
    MSGPACK_DEFINE_MAP(name, mimeType, data)
};

/// One email of a thread.
struct EmailMessage {
    std::int64_t messageId = 0;
    std::string caseId;
    std::int64_t threadId = 0;
    EmailKind kind = EmailKind::Inbound;
    std::string from;
    std::string to;
    std::string cc;
    std::string subject;
    std::int64_t atMs = 0;
    std::string plainBody;
    std::string htmlBody;                        ///< "" when the email had no HTML part; never shown as markup
    std::map<std::string, std::string> headers;  ///< Message-ID, In-Reply-To, ...
    std::vector<EmailAttachment> attachments;
    std::string agentId;                         ///< who wrote or forwarded it; "" for the customer's
    MSGPACK_DEFINE_MAP(messageId, caseId, threadId, kind, from, to, cc, subject, atMs, plainBody, htmlBody, headers,
                       attachments, agentId)
};

/// A conversation inside a case, oldest message first.
struct EmailThread {
    std::int64_t threadId = 0;
    std::string subject;
    std::vector<EmailMessage> messages;
    MSGPACK_DEFINE_MAP(threadId, subject, messages)
};

/// What a case list shows of a case.
struct EmailCaseSummary {
    std::string caseId;
    std::string subject;
    std::string customerId;
    std::string customerAddress;
    std::string serviceId;
    CaseState state = CaseState::Queued;
    std::string ownerId;        ///< the agent who has it or had it last; "" while nobody did
    std::string interactionId;  ///< the live interaction of the case, "" when none
    std::int64_t createdMs = 0;
    std::int64_t updatedMs = 0;
    std::string snippet;        ///< for search results: the matched text with [brackets] around matches
    MSGPACK_DEFINE_MAP(caseId, subject, customerId, customerAddress, serviceId, state, ownerId, interactionId,
                       createdMs, updatedMs, snippet)
};

/// Command: a case with everything in it. By caseId, or by the interaction handling it. Answered
/// by EmailCase or Error (unknown_case).
struct GetEmailCase {
    static constexpr std::string_view topic = "email.case.get";
    std::string agentId;
    std::string caseId;
    std::string interactionId;
    MSGPACK_DEFINE_MAP(agentId, caseId, interactionId)
};

/// Command: the bytes of a file that came with an email or was sent with one, to save or open
/// it. Answered by EmailAttachmentData, or Error (unknown_message; unknown_file when the email has
/// no file of that name, or the center kept only its name and size).
struct GetEmailAttachment {
    static constexpr std::string_view topic = "email.attachment.get";
    std::string agentId;
    std::int64_t messageId = 0;
    std::string name;
    MSGPACK_DEFINE_MAP(agentId, messageId, name)
};

/// Event: a file of an email, with its bytes.
struct EmailAttachmentData {
    static constexpr std::string_view topic = "email.attachment";
    std::int64_t messageId = 0;
    std::string name;
    std::string mimeType;
    std::vector<char> data;
    MSGPACK_DEFINE_MAP(messageId, name, mimeType, data)
};


/// Event: a customer's email arrived and is stored in its case (a new one, or the one it names);
/// its interaction waits in the service's queue.
struct EmailReceived {
    static constexpr std::string_view topic = "email.received";
    EmailCaseSummary summary;
    EmailMessage message;
    MSGPACK_DEFINE_MAP(summary, message)
};

/// Command: answer the customer. replyAll copies the Cc of the message answered; quote appends the
/// original below the text. Card numbers in the text are masked before it is stored or sent.
/// Answered by EmailSent then interaction.ended (wrap-up per service), or Error (empty text:
/// invalid_input; not the agent's email: not_yours).
struct ReplyEmail {
    static constexpr std::string_view topic = "email.reply";
    std::string interactionId;
    std::string agentId;
    std::int64_t messageId = 0;  ///< the message answered; 0: the newest inbound one of the case
    bool replyAll = false;
    bool quote = true;
    std::string body;
    std::vector<EmailFile> files{};  ///< attachments; a refused one (file_too_large, ...) stops the reply
    MSGPACK_DEFINE_MAP(interactionId, agentId, messageId, replyAll, quote, body, files)
};

/// Command: send a message of a case to an external address with a note; the case records it.
/// Answered by EmailSent (kind Forward) or Error (invalid_address).
struct ForwardEmail {
    static constexpr std::string_view topic = "email.forward";
    std::string interactionId;
    std::string agentId;
    std::int64_t messageId = 0;  ///< 0: the newest inbound one
    std::string to;
    std::string note;
    MSGPACK_DEFINE_MAP(interactionId, agentId, messageId, to, note)
};

/// Command: a new outbound email for a service: a new case, or (caseId set) a follow-up thread in
/// an existing case. Answered by EmailSent or Error (invalid_address, unknown_service, unknown_case).
struct ComposeEmail {
    static constexpr std::string_view topic = "email.compose";
    std::string agentId;
    std::string serviceId;
    std::string caseId;
    std::string to;
    std::string subject;
    std::string body;
    std::vector<EmailFile> files{};  ///< attachments, as for a reply
    MSGPACK_DEFINE_MAP(agentId, serviceId, caseId, to, subject, body, files)
};

/// Event: an email left the center and is stored in its case.
struct EmailSent {
    static constexpr std::string_view topic = "email.sent";
    EmailMessage message;
    MSGPACK_DEFINE_MAP(message)
};

/// Command: close the email without answering (spam, no reply needed). Answered by
/// interaction.ended then interaction.completed with the disposition, or Error (unknown_disposition).
struct CloseEmail {
    static constexpr std::string_view topic = "email.close";
    std::string interactionId;
    std::string agentId;
    std::string disposition;
    std::string notes;
    MSGPACK_DEFINE_MAP(interactionId, agentId, disposition, notes)
};

/// Command: hand the email to a colleague (toAgentId) or put it in another service's queue
/// (toServiceId: also how the service of an email is changed). Answered by interaction.ended for
/// this agent or Error (unknown_agent, target_unavailable, unknown_service).
struct TransferEmail {
    static constexpr std::string_view topic = "email.transfer";
    std::string interactionId;
    std::string agentId;
    std::string toAgentId;
    std::string toServiceId;
    std::string note;
    MSGPACK_DEFINE_MAP(interactionId, agentId, toAgentId, toServiceId, note)
};

/// Command: the waiting emails of the services the agent is skilled for. Answered by EmailQueue.
struct GetEmailQueue {
    static constexpr std::string_view topic = "email.queue.get";
    std::string agentId;
    MSGPACK_DEFINE_MAP(agentId)
};

/// Event: waiting emails, oldest first.
struct EmailQueue {
    static constexpr std::string_view topic = "email.queue";
    std::string agentId;
    std::vector<EmailCaseSummary> waiting;
    MSGPACK_DEFINE_MAP(agentId, waiting)
};

/// Command: take a waiting email from the team queue, even while Not Ready. Answered by
/// interaction.offered and interaction.connected, or Error (unknown_interaction when someone took
/// it first, invalid_state while an offer rings, target_unavailable when at capacity).
struct PullEmail {
    static constexpr std::string_view topic = "email.pull";
    std::string interactionId;
    std::string agentId;
    MSGPACK_DEFINE_MAP(interactionId, agentId)
};

/// Command: keep the reply being written (autosave). Answered by EmailDraft.
struct SaveEmailDraft {
    static constexpr std::string_view topic = "email.draft.save";
    std::string caseId;
    std::string agentId;
    std::string body;
    MSGPACK_DEFINE_MAP(caseId, agentId, body)
};

/// Command: the agent's draft for a case. Answered by EmailDraft (body "" when none).
struct GetEmailDraft {
    static constexpr std::string_view topic = "email.draft.get";
    std::string caseId;
    std::string agentId;
    MSGPACK_DEFINE_MAP(caseId, agentId)
};

/// Event: the agent's stored draft for a case.
struct EmailDraft {
    static constexpr std::string_view topic = "email.draft";
    std::string caseId;
    std::string agentId;
    std::string body;
    std::int64_t savedAtMs = 0;
    MSGPACK_DEFINE_MAP(caseId, agentId, body, savedAtMs)
};

/// A part of a text to mask, in bytes of the plain body.
struct MaskRange {
    std::int64_t start = 0;
    std::int64_t length = 0;
    MSGPACK_DEFINE_MAP(start, length)
};

/// Command: mask parts of a stored message for good: the ranges given and, with detect, card
/// numbers and account ids found in it. Answered by EmailMasked or Error (unknown_message, not_yours).
struct MaskEmail {
    static constexpr std::string_view topic = "email.mask";
    std::string agentId;
    std::int64_t messageId = 0;
    std::vector<MaskRange> ranges;
    bool detect = true;
    MSGPACK_DEFINE_MAP(agentId, messageId, ranges, detect)
};

/// Event: a message as it is now stored, masked.
struct EmailMasked {
    static constexpr std::string_view topic = "email.masked";
    EmailMessage message;
    int masked = 0;  ///< how many parts were masked
    MSGPACK_DEFINE_MAP(message, masked)
};

/// How a follow-up ended.
enum class FollowUpOutcome { Open, Sent, Done };
AGENTDESK_ENUM_NAMES(FollowUpOutcome, {FollowUpOutcome::Open, "Open"}, {FollowUpOutcome::Sent, "Sent"},
                     {FollowUpOutcome::Done, "Done"})

/// A follow-up promised on a case.
struct EmailFollowUp {
    std::int64_t followUpId = 0;
    std::string caseId;
    std::string agentId;
    std::string subject;  ///< the case's
    std::string note;
    std::int64_t dueAtMs = 0;
    bool due = false;     ///< its time has come
    FollowUpOutcome outcome = FollowUpOutcome::Open;  ///< Sent: a follow-up email; Done: marked done without one
    std::int64_t doneAtMs = 0;
    std::string doneNote{};  ///< what the agent noted when marking it done
    MSGPACK_DEFINE_MAP(followUpId, caseId, agentId, subject, note, dueAtMs, due, outcome, doneAtMs, doneNote)
};

/// Event: a case, its threads oldest first, the asking agent's draft for it, and every follow-up
/// promised on it (open and ended, soonest first): the case's record of them.
struct EmailCase {
    static constexpr std::string_view topic = "email.case";
    EmailCaseSummary summary;
    std::vector<EmailThread> threads;
    std::string draft;
    std::vector<EmailFollowUp> followUps{};
    MSGPACK_DEFINE_MAP(summary, threads, draft, followUps)
};

/// Command: schedule a follow-up on a case. Answered by EmailFollowUpScheduled or Error
/// (unknown_case, invalid_input for a time in the past).
struct ScheduleFollowUp {
    static constexpr std::string_view topic = "email.followup.schedule";
    std::string agentId;
    std::string caseId;
    std::int64_t dueAtMs = 0;
    std::string note;
    MSGPACK_DEFINE_MAP(agentId, caseId, dueAtMs, note)
};

/// Event: a follow-up is scheduled.
struct EmailFollowUpScheduled {
    static constexpr std::string_view topic = "email.followup";
    EmailFollowUp followUp;
    MSGPACK_DEFINE_MAP(followUp)
};

/// Event: a follow-up's time has come: remind its agent.
struct EmailFollowUpDue {
    static constexpr std::string_view topic = "email.followup.due";
    EmailFollowUp followUp;
    MSGPACK_DEFINE_MAP(followUp)
};

/// Command: the agent's follow-ups not yet done. Answered by EmailFollowUps.
struct GetFollowUps {
    static constexpr std::string_view topic = "email.followups.get";
    std::string agentId;
    MSGPACK_DEFINE_MAP(agentId)
};

/// Event: follow-ups, soonest first.
struct EmailFollowUps {
    static constexpr std::string_view topic = "email.followups";
    std::string agentId;
    std::vector<EmailFollowUp> followUps;
    MSGPACK_DEFINE_MAP(agentId, followUps)
};

/// Command: a due follow-up is done without sending anything (the customer called, it was solved
/// meanwhile). It leaves My Follow-ups and My Queue; the case keeps it with outcome Done. Answered by
/// EmailFollowUps then EmailMyQueue, or Error (unknown_followup: not the agent's, or already ended).
struct FinishFollowUp {
    static constexpr std::string_view topic = "email.followup.done";
    std::string agentId;
    std::int64_t followUpId = 0;
    std::string note;
    MSGPACK_DEFINE_MAP(agentId, followUpId, note)
};

// ---- My Queue (EMAIL-04) -------------------------------------------------------------------------

/// Why an email is in an agent's My Queue.
enum class MyQueueReason { Postponed, Transferred, FollowUp };
AGENTDESK_ENUM_NAMES(MyQueueReason, {MyQueueReason::Postponed, "Postponed"}, {MyQueueReason::Transferred, "Transferred"},
                     {MyQueueReason::FollowUp, "FollowUp"})

/// An email assigned to an agent personally, waiting until they handle it.
struct MyQueueItem {
    std::string caseId;
    std::string agentId;            ///< whose My Queue
    MyQueueReason reason = MyQueueReason::Postponed;
    std::int64_t sinceMs = 0;       ///< postponed, transferred, or the follow-up's due time
    std::int64_t untilMs = 0;       ///< Postponed: set aside until then (0: no time given)
    std::string subject;            ///< the case's
    std::string customerId;
    std::string customerName;       ///< a known customer's name, else ""
    std::string customerAddress;
    std::string serviceId;
    std::string fromAgentId;        ///< Transferred: the colleague who handed it on
    std::string note;               ///< the transfer note, the postponement's or the follow-up's
    std::int64_t followUpId = 0;    ///< FollowUp: the follow-up (sent with email.compose in the case, or email.followup.done)
    MSGPACK_DEFINE_MAP(caseId, agentId, reason, sinceMs, untilMs, subject, customerId, customerName, customerAddress,
                       serviceId, fromAgentId, note, followUpId)
};

/// Command: set the email aside: it leaves the agent's active work (no wrap-up, it no longer counts
/// against their email capacity) and waits in their My Queue, reminded at untilMs when given.
/// Answered by interaction.ended (no wrap-up) and EmailMyQueue, or Error (invalid_input for a time in
/// the past, not_yours, invalid_state).
struct PostponeEmail {
    static constexpr std::string_view topic = "email.postpone";
    std::string interactionId;
    std::string agentId;
    std::int64_t untilMs = 0;  ///< 0: no time
    std::string note;
    MSGPACK_DEFINE_MAP(interactionId, agentId, untilMs, note)
};

/// Command: an agent's My Queue. Answered by EmailMyQueue.
struct GetMyQueue {
    static constexpr std::string_view topic = "email.myqueue.get";
    std::string agentId;
    MSGPACK_DEFINE_MAP(agentId)
};

/// Event: an agent's My Queue, oldest first; published again whenever it changes.
struct EmailMyQueue {
    static constexpr std::string_view topic = "email.myqueue";
    std::string agentId;
    std::vector<MyQueueItem> items;
    MSGPACK_DEFINE_MAP(agentId, items)
};

/// Command: work on a postponed or transferred email of My Queue again. Capacity rules apply as
/// for a pull. Answered by interaction.offered and interaction.connected, then EmailMyQueue, or Error
/// (unknown_case: not in the agent's My Queue; target_unavailable: at capacity; invalid_state while an
/// offer rings; not_logged_in).
struct TakeFromMyQueue {
    static constexpr std::string_view topic = "email.myqueue.take";
    std::string agentId;
    std::string caseId;
    MSGPACK_DEFINE_MAP(agentId, caseId)
};

/// Event: a postponed email's time has come: remind its agent.
struct EmailMyQueueDue {
    static constexpr std::string_view topic = "email.myqueue.due";
    MyQueueItem item;
    MSGPACK_DEFINE_MAP(item)
};

/// Command: find cases. Every field given must match: text in subjects and bodies (every word;
/// one ending in '*' as a prefix), the customer's address or id (part of it), the subject, the state and the
/// dates of the case's last change. Answered by EmailSearchResults: most recently changed first;
/// with text, the case of the newest matching email first.
struct SearchEmail {
    static constexpr std::string_view topic = "email.search";
    std::string agentId;
    std::string text;
    std::string customer;
    std::string caseId;
    std::string state;           ///< "" for any, else a CaseState name
    std::int64_t fromMs = 0;     ///< 0: no lower bound
    std::int64_t toMs = 0;       ///< 0: no upper bound
    int limit = 50;
    MSGPACK_DEFINE_MAP(agentId, text, customer, caseId, state, fromMs, toMs, limit)
};

/// Event: the cases a search found.
struct EmailSearchResults {
    static constexpr std::string_view topic = "email.search.results";
    std::string agentId;
    std::vector<EmailCaseSummary> cases;
    MSGPACK_DEFINE_MAP(agentId, cases)
};

}  // namespace agentdesk::events
