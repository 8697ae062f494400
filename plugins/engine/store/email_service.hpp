#pragma once
// The email channel of the embedded contact center (spec EMAIL-*): every email interaction belongs
// to a case in the EmailArchive. A new email opens a case; a customer's answer carrying the case
// number (a "[C-1001]" tag in the subject, an X-Case-Id header) joins that case, in the thread of
// the message it answers (In-Reply-To) or a new one. Answers the commands of events/email.hpp on
// the bus: reply, forward, compose (with attachments checked as chat files are), close with a
// disposition, transfer and change of service, team queue and pull, drafts, masking, follow-ups
// (reminded on the center's timers; done with an email or without), search, and each agent's My
// Queue (EMAIL-04): emails they postponed, emails handed to them while they could not take them
// now, and their due follow-ups, kept in engine.db until they take or finish them.

#include "model/contact_center.hpp"
#include "store/email_archive.hpp"

#include <agentdesk/bus.hpp>
#include <agentdesk/clock.hpp>
#include <agentdesk/events/email.hpp>

#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace agentdesk::engine {

/// Stable codes of the email channel's errors (besides ContactCenter's).
namespace email_errors {
inline constexpr std::string_view unknownCase = "unknown_case";
inline constexpr std::string_view unknownMessage = "unknown_message";
inline constexpr std::string_view unknownFile = "unknown_file";
inline constexpr std::string_view invalidInput = "invalid_input";
inline constexpr std::string_view invalidAddress = "invalid_address";
inline constexpr std::string_view unknownFollowUp = "unknown_followup";
inline constexpr std::string_view fileTooLarge = "file_too_large";
inline constexpr std::string_view fileTypeNotAllowed = "file_type_not_allowed";
}  // namespace email_errors

/// An email the customer's side sends in.
struct InboundEmail {
    /// The largest file the simulation reads from the scenario folder for a customer to attach.
    static constexpr std::uintmax_t kMaxFileBytes = 25u * 1024 * 1024;

    std::string serviceId;  ///< where a new case goes; a reply goes where its case is
    std::string from;
    std::string to;
    std::string cc;
    std::string subject;
    std::string plainBody;
    std::string htmlBody;
    std::map<std::string, std::string> headers;
    std::vector<events::EmailAttachment> attachments;  ///< files known by name and size only
    std::vector<events::EmailFile> files;              ///< files with their bytes (then `attachments` is not used)
};

/// A file of the scenario folder ("files/a.png") read to be attached to a customer's email, or
/// nullopt and `problem` (not a file there, too large, unreadable).
std::optional<events::EmailFile> scenarioAttachment(const CenterConfig& config, std::string_view name, std::string& problem);

class EmailService final : public CenterObserver {
public:
    /// Everything passed must outlive the service. Follow-ups not yet due are scheduled again.
    EmailService(ContactCenter& center, EmailArchive& archive, Bus& bus, const Clock& clock, Timers& timers);
    ~EmailService() override;
    EmailService(const EmailService&) = delete;
    EmailService& operator=(const EmailService&) = delete;

    /// An email arrives: it opens a case or joins the one it names, and waits in its service's queue.
    /// Returns the interaction id, or nullopt when the service is unknown or not an email service.
    std::optional<std::string> customerWrites(InboundEmail email);
    /// Lets simulated customers answer: the first reply in a case gets the customer's thanks, in
    /// the same thread, `after` later, whenever `enabled()` says so at the time of the reply.
    void simulateCustomerAnswers(std::function<bool()> enabled, Milliseconds after = std::chrono::minutes(40));
    /// Lets some simulated customers write HTML-only email (their mail program sends no plain part):
    /// the email the simulation makes up for an interaction `htmlOnly` picks has an HTML body only.
    void simulateHtmlSenders(std::function<bool(const Interaction&)> htmlOnly) { htmlSenders_ = std::move(htmlOnly); }
    /// The address the center writes from for a service.
    static std::string serviceAddress(std::string_view serviceId);
    /// The case number named in a subject ("Re: [C-1001] ..."), or "".
    static std::string caseTagIn(std::string_view subject);

    // CenterObserver
    void queued(const Interaction& interaction, bool requeued) override;
    void offered(const Interaction& interaction) override;
    void answered(const Interaction& interaction) override;
    void transferred(const Interaction& interaction, const std::string& fromAgentId) override;
    bool claimsWithdrawn(const Interaction& interaction, const std::string& agentId) override;
    void completed(const Interaction& interaction, TimePoint at, bool byTimeout) override;

private:
    /// The email interaction `agentId` works on, with its case; on refusal answers the command.
    std::optional<events::EmailCaseSummary> caseForCommand(std::string_view command, std::string_view agentId,
                                                           std::string_view interactionId, std::uint64_t correlation);
    /// The message answered or forwarded: `messageId` when it is the case's, else its newest inbound one.
    std::optional<events::EmailMessage> messageOf(const events::EmailCaseSummary& summary, std::int64_t messageId) const;
    events::EmailMessage outbound(const events::EmailCaseSummary& summary, std::int64_t threadId,
                                  events::EmailKind kind, std::string_view agentId) const;
    void refuse(std::string_view command, std::string_view code, std::string message, std::uint64_t correlation);
    void schedule(const events::EmailFollowUp& followUp);
    std::int64_t now() const;
    /// The agent's My Queue: stored entries and due follow-ups, oldest first.
    std::vector<events::MyQueueItem> myQueueOf(std::string_view agentId) const;
    void publishMyQueue(std::string_view agentId, std::uint64_t correlation = 0);
    /// Reminds the agent when a postponed email's time comes.
    void scheduleReminder(const events::MyQueueItem& item);
    /// Attachments an agent sends, checked against the limits for chat files; on refusal answers the command.
    std::optional<std::vector<events::EmailAttachment>> checkFiles(std::string_view command,
                                                                   const std::vector<events::EmailFile>& files,
                                                                   std::uint64_t correlation);
    /// Puts the case in `item.agentId`'s My Queue, its owner from now on, with no interaction.
    void putInMyQueue(const events::EmailCaseSummary& summary, events::MyQueueItem item);
    /// Puts the case of a connected email in `toAgentId`'s My Queue and takes it out of `agentId`'s hands.
    void park(std::string_view command, const events::EmailCaseSummary& summary, std::string_view agentId, std::string_view interactionId,
              events::MyQueueItem item, events::EndedBy by, std::string notes, std::uint64_t correlation);

    void onGetCase(const events::GetEmailCase& command, const Message& message);
    void onGetAttachment(const events::GetEmailAttachment& command, const Message& message);
    void onReply(const events::ReplyEmail& command, const Message& message);
    void onForward(const events::ForwardEmail& command, const Message& message);
    void onCompose(const events::ComposeEmail& command, const Message& message);
    void onClose(const events::CloseEmail& command, const Message& message);
    void onTransfer(const events::TransferEmail& command, const Message& message);
    void onQueue(const events::GetEmailQueue& command, const Message& message);
    void onPull(const events::PullEmail& command, const Message& message);
    void onSaveDraft(const events::SaveEmailDraft& command, const Message& message);
    void onMask(const events::MaskEmail& command, const Message& message);
    void onScheduleFollowUp(const events::ScheduleFollowUp& command, const Message& message);
    void onSearch(const events::SearchEmail& command, const Message& message);
    void onPostpone(const events::PostponeEmail& command, const Message& message);
    void onTake(const events::TakeFromMyQueue& command, const Message& message);
    void onFinishFollowUp(const events::FinishFollowUp& command, const Message& message);

    ContactCenter& center_;
    EmailArchive& archive_;
    Bus& bus_;
    const Clock& clock_;
    Timers& timers_;
    std::optional<InboundEmail> arriving_;  // the email customerWrites is bringing in, for queued()
    std::string arrivingCase_;              // the case it joins, "" for a new one
    std::string transferring_;              // the interaction being handed to a colleague, until it rings there
    /// An email handed to one colleague: who handed it on and the note. If the colleague rejects it
    /// or lets it ring out, it goes to their My Queue rather than the team queue (EMAIL-10).
    struct HandedOn {
        std::string toAgentId;
        std::string fromAgentId;
        std::string note;
    };
    std::map<std::string, HandedOn, std::less<>> handedOn_;  // by interaction, while it rings at the colleague
    std::string taking_;                    // the case taken from My Queue, until its new interaction rings
    std::uint64_t sent_ = 0;                // distinguishes Message-IDs written in the same millisecond
    std::map<std::int64_t, Timer> followUpTimers_;
    std::map<std::string, Timer, std::less<>> reminders_;  // postponed emails with a time, by case
    std::function<bool()> customersAnswer_;
    std::function<bool(const Interaction&)> htmlSenders_;
    Milliseconds answerAfter_{0};
    std::vector<Timer> answers_;
    std::vector<Subscription> subscriptions_;
};

/// True for something that looks like one email address (name@domain.tld, no spaces).
bool isEmailAddress(std::string_view address);

}  // namespace agentdesk::engine
