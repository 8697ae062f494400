#pragma once
// What the engine keeps on disk, in one SQLite file (<data dir>/engine.db): the interaction
// history with wrap-up, agents' unsent drafts, email cases and their threads, calendar entries and
// follow-ups, voicemails, the blacklist and agent profiles.
//
// Every write runs in its own transaction and is committed, fsynced, before the method returns:
// what the store has acknowledged survives the process being killed the next instant. Plain
// structs go in and out; times are epoch milliseconds. Opening applies the schema migrations and
// refuses a file written by a newer AgentDesk. Failures are StoreError, naming the file.
//
// One EngineStore belongs to one thread (the engine's); it is not safe to share between threads.

#include "model/chat_archive.hpp"
#include <agentdesk/events/teamchat.hpp>
#include "store/database.hpp"

#include <agentdesk/types.hpp>

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace agentdesk::engine {

/// One interaction from the moment it was queued; saved again as it is answered, ends and is wrapped up.
struct InteractionRecord {
    std::string id;
    Channel channel = Channel::Voice;
    std::string serviceId;
    std::optional<std::string> agentId;     ///< nullopt until an agent has it
    std::optional<std::string> customerId;  ///< nullopt while the customer is not identified
    std::string fromAddress;                ///< phone number, chat handle or email address
    std::string subject;
    std::int64_t queuedAtMs = 0;
    std::optional<std::int64_t> answeredAtMs;
    std::optional<std::int64_t> endedAtMs;
    std::optional<std::int64_t> completedAtMs;  ///< when wrap-up finished
    std::string outcome = "queued";             ///< "queued", "handled", "abandoned", "transferred", ...
    std::optional<std::string> disposition;     ///< chosen at wrap-up
    std::string notes;                          ///< typed at wrap-up

    bool operator==(const InteractionRecord&) const = default;
};

/// Text an agent typed and has not sent yet, kept so a crash does not lose it.
struct Draft {
    std::string owner;  ///< the agent id
    std::string key;    ///< what it belongs to: "chat:123", "wrapup:i-7", ...
    std::string body;
    std::int64_t updatedMs = 0;

    bool operator==(const Draft&) const = default;
};

/// An email conversation with a customer.
struct EmailCase {
    std::string id;
    std::optional<std::string> customerId;
    std::string subject;
    std::string status;  ///< "open", "pending", "closed", ...
    std::string serviceId;
    std::int64_t createdMs = 0;
    std::int64_t updatedMs = 0;  ///< also moved forward by each message added

    bool operator==(const EmailCase&) const = default;
};

/// Which way an email went.
enum class EmailDirection { In, Out };
AGENTDESK_ENUM_NAMES(EmailDirection, {EmailDirection::In, "in"}, {EmailDirection::Out, "out"})

/// One email of a case's thread.
struct EmailMessage {
    std::int64_t id = 0;  ///< given by the store
    std::string caseId;
    EmailDirection direction = EmailDirection::In;
    std::string fromAddress;
    std::string toAddress;
    std::string subject;
    std::string body;
    std::int64_t atMs = 0;

    bool operator==(const EmailMessage&) const = default;
};

/// What a calendar entry is.
enum class CalendarEntryKind { Event, FollowUp };
AGENTDESK_ENUM_NAMES(CalendarEntryKind, {CalendarEntryKind::Event, "event"}, {CalendarEntryKind::FollowUp, "follow_up"})

/// An entry of an agent's calendar: an appointment, or a follow-up promised to a customer.
struct CalendarEvent {
    std::int64_t id = 0;  ///< given by the store
    std::string agentId;
    std::string title;
    std::string note;
    std::int64_t startsMs = 0;
    std::int64_t endsMs = 0;                  ///< not before startsMs; equal for a moment in time
    std::optional<std::int64_t> remindAtMs;   ///< nullopt: no reminder (or already dismissed)
    CalendarEntryKind kind = CalendarEntryKind::Event;
    std::optional<std::string> interactionId;  ///< the interaction a follow-up continues
    std::optional<std::string> customerId;     ///< the customer a follow-up is for (schema v8)

    bool operator==(const CalendarEvent&) const = default;
};

/// A message a caller left for an agent.
struct Voicemail {
    std::int64_t id = 0;  ///< given by the store
    std::string agentId;
    std::string fromAddress;
    std::int64_t atMs = 0;
    int durationS = 0;
    bool heard = false;
    std::string callerName{};  ///< "" for an unknown caller
    std::string customerId{};  ///< "" when not a known customer
    std::string audioFile{};   ///< the recording's file, "" when none was kept

    bool operator==(const Voicemail&) const = default;
};

/// An address the center does not take contacts from on a channel.
struct BlacklistEntry {
    std::string address;  ///< compared without regard to ASCII case
    Channel channel = Channel::Voice;
    std::string reason;
    std::string addedBy;  ///< agent or supervisor id
    std::int64_t addedMs = 0;

    bool operator==(const BlacklistEntry&) const = default;
};

/// What an agent says about themself: shown to colleagues and used in signatures.
struct AgentProfile {
    std::string agentId;
    std::string displayName;
    std::string email;
    std::string phone;
    std::string signature;
    std::string language;  ///< e.g. "en", "fr-CA"
    std::int64_t updatedMs = 0;
    std::string photoPath;  ///< an image file the agent chose, "" for none (schema v8)

    bool operator==(const AgentProfile&) const = default;
};

/// The engine's database.
class EngineStore final : public ChatArchive {
public:
    /// The database file inside a data folder: `<dataDir>/engine.db`.
    static std::filesystem::path fileIn(const std::filesystem::path& dataDir);

    /// Opens (or creates) `file` and migrates it to the latest schema. Throws StoreError when the file
    /// cannot be opened, is not a database, or was written by a newer AgentDesk.
    explicit EngineStore(const std::filesystem::path& file);

    const std::filesystem::path& file() const { return db_.file(); }
    /// The connection, for what the domain methods do not offer (tests, maintenance).
    Database& database() { return db_; }
    const Database& database() const { return db_; }

    // ---- interactions ---------------------------------------------------------------------------

    /// Inserts the interaction, or replaces every column of the one with its id.
    void saveInteraction(const InteractionRecord& interaction);
    /// Sets the disposition and notes only. False when there is no interaction `id`.
    bool setWrapUp(std::string_view id, const std::optional<std::string>& disposition, std::string_view notes);
    std::optional<InteractionRecord> interaction(std::string_view id) const;
    /// The customer's interactions, newest queued first, at most `limit`.
    std::vector<InteractionRecord> interactionsForCustomer(std::string_view customerId, int limit = 50) const;
    /// Interactions from an address (an unidentified caller's number), newest first, at most `limit`.
    std::vector<InteractionRecord> interactionsFromAddress(std::string_view address, int limit = 50) const;
    /// The agent's interactions queued at or after `sinceMs`, newest first, at most `limit`.
    std::vector<InteractionRecord> interactionsForAgent(std::string_view agentId, std::int64_t sinceMs,
                                                        int limit = 100) const;
    std::int64_t countInteractions() const;

    // ---- drafts ---------------------------------------------------------------------------------

    /// Inserts or replaces the draft (owner, key).
    void saveDraft(const Draft& draft);
    /// The body of the draft, or nullopt when there is none.
    std::optional<std::string> draft(std::string_view owner, std::string_view key) const;
    /// False when there was no such draft.
    bool deleteDraft(std::string_view owner, std::string_view key);
    /// The owner's drafts, by key.
    std::vector<Draft> drafts(std::string_view owner) const;

    // ---- email cases ----------------------------------------------------------------------------

    /// Inserts the case, or updates every column of the one with its id; its messages are kept.
    void saveCase(const EmailCase& emailCase);
    std::optional<EmailCase> emailCase(std::string_view id) const;
    /// The customer's cases, most recently updated first.
    std::vector<EmailCase> casesForCustomer(std::string_view customerId) const;
    /// Adds a message to its case (which must exist) and moves the case's updatedMs forward to the
    /// message's time. Returns the message id; `message.id` is ignored.
    std::int64_t addEmailMessage(const EmailMessage& message);
    /// The case's thread, oldest first.
    std::vector<EmailMessage> emailMessages(std::string_view caseId) const;
    /// Sets the status and updatedMs. False when there is no case `id`.
    bool setCaseStatus(std::string_view id, std::string_view status, std::int64_t updatedMs);

    // ---- calendar -------------------------------------------------------------------------------

    /// Adds the entry and returns its id; `event.id` is ignored.
    std::int64_t addEvent(const CalendarEvent& event);
    /// Replaces the entry with `event.id`. False when there is none.
    bool updateEvent(const CalendarEvent& event);
    bool deleteEvent(std::int64_t id);
    /// The agent's entries that overlap [fromMs, toMs) (a moment counts when it lies inside), by start.
    std::vector<CalendarEvent> eventsBetween(std::string_view agentId, std::int64_t fromMs, std::int64_t toMs) const;
    /// Entries whose reminder time is at or before `uptoMs`, for one agent or (nullopt) all, by reminder time.
    std::vector<CalendarEvent> dueReminders(std::optional<std::string_view> agentId, std::int64_t uptoMs) const;
    /// Clears the entry's reminder once it has been shown. False when there is no entry `id`.
    bool dismissReminder(std::int64_t id);

    // ---- voicemail ------------------------------------------------------------------------------

    /// Adds the voicemail and returns its id; `voicemail.id` is ignored.
    std::int64_t addVoicemail(const Voicemail& voicemail);
    /// The agent's voicemails, newest first.
    std::vector<Voicemail> voicemailsFor(std::string_view agentId) const;
    /// The voicemail `id`, or nullopt.
    std::optional<Voicemail> voicemail(std::int64_t id) const;
    /// False when there is no voicemail `id`.
    bool markHeard(std::int64_t id, bool heard = true);
    /// False when there is no voicemail `id`.
    bool deleteVoicemail(std::int64_t id);

    // ---- blacklist ------------------------------------------------------------------------------

    /// Adds the entry, or replaces the reason and who/when of the one for the same address and channel.
    void blacklistAdd(const BlacklistEntry& entry);
    /// False when the address was not blacklisted on that channel.
    bool blacklistRemove(std::string_view address, Channel channel);
    bool isBlacklisted(std::string_view address, Channel channel) const;
    /// Every entry, by address then channel.
    std::vector<BlacklistEntry> blacklist() const;

    // ---- agent profiles -------------------------------------------------------------------------

    /// Inserts or replaces the agent's profile.
    void saveProfile(const AgentProfile& profile);
    std::optional<AgentProfile> profile(std::string_view agentId) const;
    /// Keeps the hash of a password the agent changed (their profile row is created when missing).
    void savePasswordHash(std::string_view agentId, std::string_view hash, std::int64_t atMs);
    /// The hash of the password the agent changed last, or "" when they never did.
    std::string passwordHash(std::string_view agentId) const;
    /// Every entry (all agents) whose reminder has not been shown yet, by reminder time.
    std::vector<CalendarEvent> pendingReminders() const;
    /// One entry, or nullopt.
    std::optional<CalendarEvent> event(std::int64_t id) const;

    // ---- internal chat --------------------------------------------------------------------------

    void saveTeamMessage(const events::TeamMessage& message);
    /// A room's last `limit` messages, oldest first.
    std::vector<events::TeamMessage> teamMessages(std::string_view roomId, int limit = 200) const;

    // ---- chat (ChatArchive) -----------------------------------------------------------------------
    // A ban is a blacklist entry on the Chat channel, which covers web chat, SMS and app messages.

    void saveChatMessage(const events::ChatMessage& message) override;
    std::vector<events::ChatMessage> chatMessages(std::string_view interactionId) const override;
    void saveChatFile(std::string_view interactionId, const events::ChatFile& file) override;
    std::optional<events::ChatFile> chatFile(std::string_view fileId) const override;
    void saveSecureForm(std::string_view reference, std::string_view interactionId, std::string_view formId,
                        const std::map<std::string, std::string>& values, std::int64_t atMs) override;
    /// The values of a filled secure form, or nullopt.
    std::optional<std::map<std::string, std::string>> secureForm(std::string_view reference) const;
    void banIdentity(std::string_view identity, std::string_view reason, std::string_view byAgent,
                     std::int64_t atMs) override;
    bool liftBan(std::string_view identity) override;
    bool isBanned(std::string_view identity) const override;
    std::vector<events::CannedResponse> personalCanned(std::string_view agentId) const override;
    void saveCanned(std::string_view agentId, const events::CannedResponse& response) override;
    bool deleteCanned(std::string_view agentId, std::string_view id) override;

private:
    Database db_;
};

}  // namespace agentdesk::engine
