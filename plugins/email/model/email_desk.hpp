#pragma once
// The Email panel's model (spec EMAIL-01..18): the emails this desktop's agent works on, the case
// shown with its threads, the reply being written (kept as a draft in the contact center), the
// team queue, search results and follow-ups, all from bus events. Actions publish the email.*
// commands; what the center refuses comes back through `takeError`. No ImGui here.

#include <agentdesk/bus.hpp>
#include <agentdesk/clock.hpp>
#include <agentdesk/current_agent.hpp>
#include <agentdesk/events/chat.hpp>
#include <agentdesk/events/email.hpp>
#include <agentdesk/events/interaction.hpp>

#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace agentdesk::email {

/// A file read to be attached to an email (its type from its extension), or nullopt with `error`
/// saying why it cannot be (missing, unreadable, hundreds of megabytes; the center checks the
/// limits it sets when the email is sent).
std::optional<events::EmailFile> readAttachment(const std::filesystem::path& file, std::string& error);

/// An email interaction in the agent's hands.
struct EmailWork {
    events::Offered offer;
    std::string caseId;   ///< known once the case has been fetched
    bool ended = false;   ///< answered or closed; wrap-up continues in Active Communications
};

class EmailDesk {
public:
    /// Called when something needs the agent's eye (a follow-up is due): a title and a text.
    using Attention = std::function<void(const std::string& title, const std::string& text)>;
    EmailDesk(Bus& bus, const Clock& clock, Attention attention = {});

    /// The agent's emails, in the order they were connected.
    const std::vector<EmailWork>& work() const { return work_; }
    /// The case shown, once it arrived.
    const std::optional<events::EmailCase>& shown() const { return shown_; }
    /// The live interaction of the case shown when it is in this agent's hands, else nullptr.
    const EmailWork* shownWork() const;
    /// Shows a case (from the queue, a search, a follow-up) or the case of one of the agent's emails.
    void showCase(const std::string& caseId);
    void showInteraction(const std::string& interactionId);

    // ---- the reply ------------------------------------------------------------------------------
    /// What the agent writes for the case shown.
    const std::string& draft() const { return draft_; }
    /// Replaces the reply text; it is saved as a draft at the next saveDraft().
    void setDraft(std::string text);
    /// Appends text (a canned response, an article) to the reply.
    void insertIntoDraft(const std::string& text);
    /// Replaces the "#shortcut" ending at `cursor` in the reply by its canned response; the cursor
    /// after it, or nullopt when nothing matched.
    std::optional<std::size_t> expandShortcut(std::size_t cursor);
    /// Attaches a file to the reply (read at once; the center checks its size and type when the
    /// reply is sent). False, with takeError() saying why, when it cannot be read.
    bool attach(const std::filesystem::path& file);
    /// The files attached to the reply being written.
    const std::vector<events::EmailFile>& attachments() const { return attachments_; }
    void removeAttachment(std::size_t index);
    /// The canned responses the agent may insert (shared ones first), as for chats.
    const std::vector<events::CannedResponse>& canned() const { return canned_; }
    bool draftUnsaved() const { return draftUnsaved_; }
    /// Sends the reply text to the center as the case's draft when it changed.
    void saveDraft();
    /// Sends the reply (to the newest customer email; with replyAll its Cc too), quoting the original.
    void reply(bool replyAll, bool quote = true);
    void forward(const std::string& to, const std::string& note, std::int64_t messageId = 0);
    void close(const std::string& disposition, const std::string& notes);
    void transferToAgent(const std::string& agentId, const std::string& note);
    void transferToService(const std::string& serviceId, const std::string& note);
    /// Masks `length` bytes at `start` of a message's plain text, and the card numbers and ids found.
    void mask(std::int64_t messageId, std::int64_t start, std::int64_t length);
    /// A follow-up on the case shown, `after` from now.
    void scheduleFollowUp(Milliseconds after, const std::string& note);
    /// A new email to any address for a service (caseId "" opens a new case), with files.
    void compose(const std::string& serviceId, const std::string& caseId, const std::string& to,
                 const std::string& subject, const std::string& body, std::vector<events::EmailFile> files = {});
    /// Sets the email shown aside into My Queue, until `untilMs` (0: no time), with a note.
    void postpone(std::int64_t untilMs, const std::string& note);

    // ---- My Queue (EMAIL-04) -------------------------------------------------------------------------
    /// Postponed and transferred emails and due follow-ups of this agent, oldest first.
    const std::vector<events::MyQueueItem>& myQueue() const { return myQueue_; }
    /// Works on a postponed or transferred email again.
    void take(const std::string& caseId);
    /// A due follow-up is done without sending an email.
    void finishFollowUp(std::int64_t followUpId, const std::string& note);

    // ---- lists ------------------------------------------------------------------------------------
    /// Waiting emails of the agent's services, oldest first.
    const std::vector<events::EmailCaseSummary>& queue() const { return queue_; }
    void refreshQueue();
    void pull(const std::string& interactionId);
    const std::vector<events::EmailCaseSummary>& results() const { return results_; }
    /// Searches cases by text, customer and state ("" for any).
    void search(const std::string& text, const std::string& customer = {}, const std::string& state = {});
    const std::vector<events::EmailFollowUp>& followUps() const { return followUps_; }

    // ---- files of the emails shown -------------------------------------------------------------------
    /// Asks the center for a file of an email and saves it into the downloads folder once it
    /// comes, under a name not yet taken there; then takeSaved() names it, or takeError() says why not.
    void download(std::int64_t messageId, const std::string& name);
    /// The file saved last ("" when none since the last call), and clears it.
    std::filesystem::path takeSaved();
    /// Where downloads go: ~/Downloads unless set.
    void setDownloadsFolder(std::filesystem::path folder) { downloadsFolder_ = std::move(folder); }

    /// This desktop's agent ("" while logged out).
    const std::string& agentId() const { return agent_.id(); }
    /// The last refusal of something asked here ("" when none), and clears it.
    std::string takeError();
    /// Changes whenever anything shown changed.
    std::uint64_t revision() const { return revision_; }

private:
    EmailWork* findWork(std::string_view interactionId);
    /// Publishes a command whose refusal should reach the agent; `remember` gets its correlation first.
    template <typename Command>
    std::uint64_t command(Command command, std::uint64_t* remember = nullptr);
    void requestFollowUps();
    void requestMyQueue();

    Bus& bus_;
    const Clock& clock_;
    Attention attention_;
    CurrentAgent agent_;
    std::map<std::string, events::Offered, std::less<>> offers_;
    std::vector<EmailWork> work_;
    std::optional<events::EmailCase> shown_;
    std::uint64_t caseRequest_ = 0;  // correlation of the case asked for last
    std::string caseRequestFor_;     // the interaction it was asked for by, "" when by case number
    std::string selected_;       // the interaction selected in the desktop
    std::string draft_;
    bool draftUnsaved_ = false;
    std::vector<events::EmailCaseSummary> queue_;
    std::vector<events::EmailCaseSummary> results_;
    std::vector<events::EmailFollowUp> followUps_;
    std::vector<events::MyQueueItem> myQueue_;
    bool myQueueLoaded_ = false;     // the first list after login: nothing in it is news
    std::vector<events::EmailFile> attachments_;
    std::uint64_t replyRequest_ = 0;  // the reply sent last: its attachments go once it is sent
    std::vector<events::CannedResponse> canned_;
    std::filesystem::path downloadsFolder_;
    std::vector<std::uint64_t> downloads_;  // correlations of the files asked for, until they come
    std::filesystem::path saved_;
    std::vector<std::uint64_t> sent_;
    std::string error_;
    std::uint64_t revision_ = 0;
    std::vector<Subscription> subscriptions_;
};

}  // namespace agentdesk::email
