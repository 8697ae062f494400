#pragma once
// Email cases in engine.db (spec EMAIL-01, 07, 14, 17, 18): cases, the threads inside them, the
// messages with their headers, plain and HTML bodies and attachments' metadata, follow-ups, and
// full-text search over subjects, bodies and addresses (FTS5, kept up to date by triggers, so a
// masked body leaves no trace of the original in the index). Drafts live in the store's drafts
// table under the key "email:<case id>".
//
// Like EngineStore, every write is committed before the method returns; it shares its connection.

#include "store/engine_store.hpp"

#include <agentdesk/events/email.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace agentdesk::engine {

class EmailArchive {
public:
    /// Works on `store`'s database, which must outlive the archive.
    explicit EmailArchive(EngineStore& store);

    // ---- cases ----------------------------------------------------------------------------------

    /// Creates a case from `summary` (its caseId is ignored) and returns its id ("C-1001", ...).
    std::string createCase(const events::EmailCaseSummary& summary);
    /// Saves state, owner, interaction, service and customer of an existing case. False when unknown.
    bool updateCase(const events::EmailCaseSummary& summary);
    std::optional<events::EmailCaseSummary> caseSummary(std::string_view caseId) const;
    /// The case an interaction (live or past) belongs to.
    std::optional<events::EmailCaseSummary> caseOfInteraction(std::string_view interactionId) const;
    /// Threads of a case, oldest first, each with its messages oldest first.
    std::vector<events::EmailThread> threads(std::string_view caseId) const;

    // ---- threads and messages -------------------------------------------------------------------

    std::int64_t createThread(std::string_view caseId, std::string_view subject, std::int64_t atMs);
    /// Stores `message` (messageId ignored) with its attachments, moves the case's last change to
    /// its time and returns its id. The Message-ID header, when present, finds it again later.
    /// With `files` (what an agent attached), the attachments are those files, bytes included.
    std::int64_t addMessage(const events::EmailMessage& message, const std::vector<events::EmailFile>* files = nullptr);
    /// The bytes kept of a message's attachment by name; nullopt when none were kept.
    std::optional<std::vector<char>> attachmentBytes(std::int64_t messageId, std::string_view name) const;
    /// Gives the attachments of `toMessageId` the bytes kept of `fromMessageId`'s files of the same name.
    void copyAttachmentBytes(std::int64_t fromMessageId, std::int64_t toMessageId);
    std::optional<events::EmailMessage> message(std::int64_t messageId) const;
    /// The thread of the case's message whose Message-ID is `messageKey`.
    std::optional<std::int64_t> threadOfMessageKey(std::string_view caseId, std::string_view messageKey) const;
    /// Replaces a message's plain and HTML bodies (masking). False when there is no such message.
    bool replaceBodies(std::int64_t messageId, std::string_view plainBody, std::string_view htmlBody);

    // ---- drafts -----------------------------------------------------------------------------------

    void saveDraft(std::string_view agentId, std::string_view caseId, std::string_view body, std::int64_t atMs);
    std::string draft(std::string_view agentId, std::string_view caseId) const;
    void deleteDraft(std::string_view agentId, std::string_view caseId);

    // ---- follow-ups ---------------------------------------------------------------------------------

    /// Stores a follow-up (followUpId ignored) and returns its id.
    std::int64_t addFollowUp(const events::EmailFollowUp& followUp);
    /// Marks it due (its reminder was given). False when unknown.
    bool markFollowUpDue(std::int64_t followUpId);
    /// Marks the agent's follow-ups of a case done by a follow-up email (outcome Sent); how many there were.
    int finishFollowUps(std::string_view agentId, std::string_view caseId, std::int64_t atMs = 0);
    /// Marks one of the agent's open follow-ups done without an email (outcome Done). False when it is
    /// not theirs or already ended.
    bool markFollowUpDone(std::int64_t followUpId, std::string_view agentId, std::string_view note, std::int64_t atMs);
    /// Every follow-up of a case, open and ended, soonest first.
    std::vector<events::EmailFollowUp> followUpsOfCase(std::string_view caseId) const;
    std::optional<events::EmailFollowUp> followUp(std::int64_t followUpId) const;
    /// Follow-ups not done, for one agent or ("") everyone, soonest first.
    std::vector<events::EmailFollowUp> openFollowUps(std::string_view agentId) const;

    // ---- My Queue -------------------------------------------------------------------------------------

    /// Puts a case in an agent's My Queue (a postponed or transferred email; the case's fields of the
    /// item are read from the case). A case is in one My Queue at most: this replaces any earlier entry.
    void putInMyQueue(const events::MyQueueItem& item);
    /// Takes a case out of whichever My Queue holds it; false when none did.
    bool removeFromMyQueue(std::string_view caseId);
    /// The My Queue entry of a case, if any.
    std::optional<events::MyQueueItem> myQueueEntry(std::string_view caseId) const;
    /// Postponed and transferred emails of one agent or ("") everyone, oldest first (follow-ups are
    /// not stored here: due ones join the list in EmailService).
    std::vector<events::MyQueueItem> myQueue(std::string_view agentId) const;

    // ---- search -------------------------------------------------------------------------------------

    /// Cases matching every criterion given, most recently changed first; with text, the case of the
    /// newest matching email first, each with a snippet of it, the matched words in [brackets].
    std::vector<events::EmailCaseSummary> search(const events::SearchEmail& query) const;

    std::int64_t countMessages() const;

private:
    EngineStore& store_;
    Database& db_;
};

/// An FTS5 query for words typed by an agent: every word must match, one ending in '*' as a prefix;
/// "" when there is no word. Quotes and operators typed are taken as plain text.
std::string ftsQueryFor(std::string_view typed);

}  // namespace agentdesk::engine
