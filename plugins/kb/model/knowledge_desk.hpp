#pragma once
// The knowledge base as this desktop's agent uses it, over the bus (spec KB-01..03). Plain C++,
// no ImGui: the panel draws it, the tests drive it with a synchronous bus.
//
//   suggestions   follows interaction.offered (subject, chat preview) for this agent, the
//                 customer's chat.message lines and desktop.interaction.selected, and keeps the
//                 best-matching articles for the interaction the agent works on
//   use           compose.insert {text, source "kb:<id>"}; when compose.inserted answers with that
//                 source the use is counted and kb.article.used published. When nothing answers
//                 within kInsertAnswerTimeout (no chat or email editor open) the text goes to the
//                 clipboard and a notification says so; that use is not counted.
//   copy          to the clipboard at the agent's request: counted (how = Copied)
//   rate, contribute, approve, reject   as the logged-in agent (role from agent.login.succeeded)
//   kb.search / kb.open                 answered for other plugins and scenarios
//
// Refusals are kept in lastError() for the panel, in words for the agent.

#include "model/knowledge_base.hpp"

#include <agentdesk/bus.hpp>
#include <agentdesk/clock.hpp>
#include <agentdesk/current_agent.hpp>
#include <agentdesk/events/kb.hpp>
#include <agentdesk/host_api.hpp>
#include <agentdesk/types.hpp>

#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace agentdesk::kb {

/// How long compose.insert waits for an editor to answer before the text goes to the clipboard.
inline constexpr Milliseconds kInsertAnswerTimeout{1500};
/// How many suggestions are kept for the interaction at hand.
inline constexpr int kSuggestionCount = 5;

/// What the desk needs from the desktop, besides the bus: kept as functions so tests can watch them.
struct DeskHooks {
    std::function<void(const std::string& text)> copyToClipboard;
    std::function<void(Notification notification)> notify;
    /// Bring the panel forward showing `articleId` with `query` in the search box (kb.open).
    std::function<void(const std::string& articleId, const std::string& query)> show;
};

/// An interaction the agent has, as far as suggestions care.
struct InteractionContext {
    std::string interactionId;
    Channel channel = Channel::Voice;
    std::string serviceId;
    std::string customerName;
    std::string subject;
    std::vector<std::string> customerLines;  ///< the subject or preview, then chat lines; the last few kept
};

/// The knowledge base for this desktop's agent: suggestions, use, ratings and contributions over the bus.
class KnowledgeDesk {
public:
    KnowledgeDesk(KnowledgeBase& kb, Bus& bus, const Clock& clock, Timers& timers, DeskHooks hooks);

    /// The knowledge base behind it, for reading.
    KnowledgeBase& kb() { return kb_; }
    const KnowledgeBase& kb() const { return kb_; }
    /// This desktop's agent as the knowledge base sees them (empty id while logged out).
    Person person() const;
    /// True while an agent is logged in on this desktop.
    bool loggedIn() const { return agent_.loggedIn(); }
    /// True when that agent may approve and reject proposals.
    bool isSupervisor() const { return person().role == "supervisor"; }

    /// The interaction suggestions are for ("" when none), and what is known about it.
    const InteractionContext* context() const;
    /// The best articles for that interaction, best first (empty when there is nothing to go on).
    const std::vector<SearchHit>& suggestions() const { return suggestions_; }

    /// Inserts the article's text into the reply being written for `interactionId` ("" = the selected one).
    void use(const std::string& articleId, const std::string& interactionId = {});
    /// Copies the article's text to the clipboard and counts the use.
    void copy(const std::string& articleId);
    /// True while a compose.insert for this article waits for an editor's answer.
    bool inserting(const std::string& articleId) const;
    /// Records this agent's vote.
    bool rate(const std::string& articleId, bool helpful);

    /// Writes a new article (a draft, or sent to approval). The new article's id, or "" when refused.
    std::string createArticle(const ArticleContent& content, bool submit);
    /// Proposes new text for an article; true when it went to approval.
    bool proposeEdit(const std::string& articleId, const ArticleContent& content, const std::string& summary);
    /// Sends one of this agent's drafts to approval.
    bool submit(std::int64_t revisionId);
    /// Publishes a pending revision (supervisors only).
    bool approve(std::int64_t revisionId, const std::string& comment);
    /// Turns a pending revision down with a comment (supervisors only).
    bool reject(std::int64_t revisionId, const std::string& comment);

    /// The last refusal, for the agent to read ("" when the last action worked).
    const std::string& lastError() const { return lastError_; }
    /// The last thing that worked, for the agent to read ("" when none).
    const std::string& lastInfo() const { return lastInfo_; }
    /// Bumped whenever articles, ratings or proposals change, so views know to reload.
    std::uint64_t revision() const { return changes_; }

private:
    struct PendingInsert {
        std::string articleId;
        std::string source;
        std::string interactionId;
        Timer timeout;
    };

    void noteCustomerText(const std::string& interactionId, const std::string& text);
    void refreshSuggestions();
    void insertAnswered(const std::string& source, const std::string& interactionId);
    void insertUnanswered(const std::string& source);
    void countUse(const Article& article, const std::string& interactionId, events::ArticleUse how);
    bool refused(const Refusal& refusal);
    void changed(std::string info);
    void answerSearch(const std::string& query, const std::string& serviceId, int limit, std::uint64_t correlation);

    KnowledgeBase& kb_;
    Bus& bus_;
    const Clock& clock_;
    Timers& timers_;
    DeskHooks hooks_;
    CurrentAgent agent_;
    std::map<std::string, InteractionContext> interactions_;
    std::string selected_;
    std::string latestOffer_;
    std::vector<SearchHit> suggestions_;
    std::vector<std::unique_ptr<PendingInsert>> inserts_;
    std::string lastError_;
    std::string lastInfo_;
    std::uint64_t changes_ = 0;
    std::vector<Subscription> subscriptions_;
};

/// The FTS markers taken out of a title or snippet.
std::string withoutMarks(std::string_view text);

}  // namespace agentdesk::kb
