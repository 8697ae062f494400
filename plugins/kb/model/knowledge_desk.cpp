#include "model/knowledge_desk.hpp"

#include <agentdesk/events/chat.hpp>
#include <agentdesk/events/core.hpp>
#include <agentdesk/events/desktop.hpp>
#include <agentdesk/events/interaction.hpp>

#include <fmt/format.h>

#include <algorithm>

namespace agentdesk::kb {

namespace {

/// How many customer lines of a chat feed its suggestions: the latest say what the customer needs now.
constexpr std::size_t kLinesKept = 4;
constexpr const char* kSourcePrefix = "kb:";

}  // namespace

std::string withoutMarks(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        if (c != kMarkStart && c != kMarkEnd) out += c;
    }
    return out;
}

KnowledgeDesk::KnowledgeDesk(KnowledgeBase& kb, Bus& bus, const Clock& clock, Timers& timers, DeskHooks hooks)
    : kb_(kb), bus_(bus), clock_(clock), timers_(timers), hooks_(std::move(hooks)),
      agent_(bus, [this](const std::string& agentId) {
          if (agentId.empty()) {
              interactions_.clear();
              selected_.clear();
              latestOffer_.clear();
              suggestions_.clear();
          }
          ++changes_;
      }) {
    subscriptions_.push_back(bus_.subscribe<events::Offered>([this](const events::Offered& o) {
        if (!agent_.is(o.agentId)) return;
        InteractionContext& c = interactions_[o.interactionId];
        c.interactionId = o.interactionId;
        c.channel = o.channel;
        c.serviceId = o.serviceId;
        c.customerName = o.customerName.empty() ? o.from : o.customerName;
        c.subject = o.subject;
        c.customerLines.clear();
        if (!o.subject.empty()) c.customerLines.push_back(o.subject);
        if (!o.preview.empty()) c.customerLines.push_back(o.preview);
        latestOffer_ = o.interactionId;
        if (selected_.empty() || selected_ == o.interactionId) refreshSuggestions();
    }));
    subscriptions_.push_back(bus_.subscribe<events::ChatMessage>([this](const events::ChatMessage& m) {
        if (m.from == events::Party::Customer) noteCustomerText(m.interactionId, m.text);
    }));
    subscriptions_.push_back(bus_.subscribe<events::InteractionSelected>([this](const events::InteractionSelected& s) {
        selected_ = s.interactionId;
        refreshSuggestions();
    }));
    auto forget = [this](const std::string& interactionId) {
        if (!interactions_.erase(interactionId)) return;
        if (selected_ == interactionId) selected_.clear();
        if (latestOffer_ == interactionId) latestOffer_.clear();
        refreshSuggestions();
    };
    subscriptions_.push_back(bus_.subscribe<events::Completed>([forget](const events::Completed& c) { forget(c.interactionId); }));
    subscriptions_.push_back(bus_.subscribe<events::OfferWithdrawn>([this, forget](const events::OfferWithdrawn& w) {
        if (agent_.is(w.agentId)) forget(w.interactionId);
    }));
    subscriptions_.push_back(bus_.subscribe<events::Inserted>([this](const events::Inserted& e) {
        insertAnswered(e.source, e.interactionId);
    }));
    subscriptions_.push_back(bus_.subscribe<events::KbSearch>([this](const events::KbSearch& s, const Message& m) {
        answerSearch(s.query, s.serviceId, s.limit, m.correlation);
    }));
    subscriptions_.push_back(bus_.subscribe<events::KbOpen>([this](const events::KbOpen& o, const Message& m) {
        const auto found = kb_.article(o.articleId);
        if (!found || found->state != ArticleState::Published) {
            bus_.publish(events::Error{std::string(events::KbOpen::topic), "unknown_article",
                                       fmt::format("There is no published article \"{}\".", o.articleId)},
                         m.correlation);
            return;
        }
        if (hooks_.show) hooks_.show(o.articleId, o.query);
    }));
}

Person KnowledgeDesk::person() const {
    if (!agent_.loggedIn()) return {};
    const auto& login = agent_.login();
    return {login.agentId, login.displayName.empty() ? login.userName : login.displayName, login.role};
}

const InteractionContext* KnowledgeDesk::context() const {
    const std::string& id = selected_.empty() ? latestOffer_ : selected_;
    const auto it = interactions_.find(id);
    return it == interactions_.end() ? nullptr : &it->second;
}

void KnowledgeDesk::noteCustomerText(const std::string& interactionId, const std::string& text) {
    const auto it = interactions_.find(interactionId);
    if (it == interactions_.end() || text.empty()) return;
    auto& lines = it->second.customerLines;
    lines.push_back(text);
    if (lines.size() > kLinesKept) lines.erase(lines.begin(), lines.end() - kLinesKept);
    const InteractionContext* current = context();
    if (current && current->interactionId == interactionId) refreshSuggestions();
}

void KnowledgeDesk::refreshSuggestions() {
    suggestions_.clear();
    const InteractionContext* c = context();
    if (!c) return;
    // The latest lines first: when more words match than fit a query, the newest ones count.
    std::string words;
    for (auto line = c->customerLines.rbegin(); line != c->customerLines.rend(); ++line) words += *line + "\n";
    try {
        suggestions_ = kb_.suggest(words, {.service = c->serviceId, .limit = kSuggestionCount});
    } catch (const KbStoreError& e) {
        lastError_ = e.what();
    }
}

// ---- Using articles ---------------------------------------------------------------------------

void KnowledgeDesk::use(const std::string& articleId, const std::string& interactionId) {
    lastError_.clear();
    const auto article = kb_.article(articleId);
    if (!article || article->state != ArticleState::Published) {
        lastError_ = fmt::format("There is no published article \"{}\".", articleId);
        return;
    }
    const std::string target = interactionId.empty() ? selected_ : interactionId;
    auto pending = std::make_unique<PendingInsert>();
    pending->articleId = articleId;
    pending->source = kSourcePrefix + articleId;
    pending->interactionId = target;
    const std::string source = pending->source;
    pending->timeout = timers_.at(clock_.now() + kInsertAnswerTimeout, [this, source] { insertUnanswered(source); });
    // Kept before publishing: an editor on a synchronous bus answers inside publish().
    inserts_.push_back(std::move(pending));
    bus_.publish(events::InsertText{target, article->content.body, source});
}

bool KnowledgeDesk::inserting(const std::string& articleId) const {
    return std::any_of(inserts_.begin(), inserts_.end(), [&](const auto& p) { return p->articleId == articleId; });
}

void KnowledgeDesk::insertAnswered(const std::string& source, const std::string& interactionId) {
    const auto it = std::find_if(inserts_.begin(), inserts_.end(), [&](const auto& p) { return p->source == source; });
    if (it == inserts_.end()) return;  // not ours, or already given up on
    const std::string articleId = (*it)->articleId;
    const std::string target = interactionId.empty() ? (*it)->interactionId : interactionId;
    inserts_.erase(it);  // cancels the timeout
    const auto article = kb_.article(articleId);
    if (!article) return;
    countUse(*article, target, events::ArticleUse::Inserted);
    lastInfo_ = fmt::format("\"{}\" is in the reply; edit it before sending.", article->content.title);
}

void KnowledgeDesk::insertUnanswered(const std::string& source) {
    const auto it = std::find_if(inserts_.begin(), inserts_.end(), [&](const auto& p) { return p->source == source; });
    if (it == inserts_.end()) return;
    const std::string articleId = (*it)->articleId;
    // This runs inside the timeout's own callback; cancelling a timer that is firing is harmless.
    inserts_.erase(it);
    const auto article = kb_.article(articleId);
    if (!article) return;
    if (hooks_.copyToClipboard) hooks_.copyToClipboard(article->content.body);
    if (hooks_.notify) {
        hooks_.notify({Severity::Info, "Article copied",
                       fmt::format("No chat or email reply is open, so \"{}\" is on the clipboard: paste it where you need it.",
                                   article->content.title)});
    }
    lastInfo_ = fmt::format("\"{}\" is on the clipboard.", article->content.title);
}

void KnowledgeDesk::copy(const std::string& articleId) {
    lastError_.clear();
    const auto article = kb_.article(articleId);
    if (!article || article->state != ArticleState::Published) {
        lastError_ = fmt::format("There is no published article \"{}\".", articleId);
        return;
    }
    if (hooks_.copyToClipboard) hooks_.copyToClipboard(article->content.body);
    countUse(*article, {}, events::ArticleUse::Copied);
    lastInfo_ = fmt::format("\"{}\" is on the clipboard.", article->content.title);
}

void KnowledgeDesk::countUse(const Article& article, const std::string& interactionId, events::ArticleUse how) {
    const Person who = person();
    try {
        if (refused(kb_.recordUse(article.id, who, interactionId, enumName(how), toEpochMs(clock_.now())))) return;
    } catch (const KbStoreError& e) {
        lastError_ = fmt::format("The use of \"{}\" could not be counted: {}", article.content.title, e.what());
        return;
    }
    ++changes_;
    bus_.publish(events::KbArticleUsed{article.id, article.content.title, who.id, interactionId, how, article.useCount + 1});
}

// ---- Ratings and contributions ----------------------------------------------------------------

bool KnowledgeDesk::refused(const Refusal& refusal) {
    if (refusal) {
        lastError_ = *refusal;
        lastInfo_.clear();
        return true;
    }
    lastError_.clear();
    return false;
}

void KnowledgeDesk::changed(std::string info) {
    lastInfo_ = std::move(info);
    ++changes_;
}

bool KnowledgeDesk::rate(const std::string& articleId, bool helpful) {
    if (refused(kb_.rate(articleId, person(), helpful, toEpochMs(clock_.now())))) return false;
    changed(helpful ? "Thanks: marked as helpful." : "Thanks: marked as not helpful.");
    return true;
}

std::string KnowledgeDesk::createArticle(const ArticleContent& content, bool submitNow) {
    auto result = kb_.createArticle(content, person(), submitNow, toEpochMs(clock_.now()));
    if (auto* why = std::get_if<std::string>(&result)) {
        refused(*why);
        return {};
    }
    const Revision& r = std::get<Revision>(result);
    lastError_.clear();
    changed(submitNow ? fmt::format("\"{}\" was sent to a supervisor for approval.", r.content.title)
                      : fmt::format("\"{}\" was saved as a draft.", r.content.title));
    return r.articleId;
}

bool KnowledgeDesk::proposeEdit(const std::string& articleId, const ArticleContent& content, const std::string& summary) {
    auto result = kb_.proposeEdit(articleId, content, summary, person(), toEpochMs(clock_.now()));
    if (auto* why = std::get_if<std::string>(&result)) return !refused(*why);
    lastError_.clear();
    changed("Your change was sent to a supervisor for approval; the article stays as it is until then.");
    return true;
}

bool KnowledgeDesk::submit(std::int64_t revisionId) {
    if (refused(kb_.submit(revisionId, person(), toEpochMs(clock_.now())))) return false;
    changed("Sent to a supervisor for approval.");
    return true;
}

bool KnowledgeDesk::approve(std::int64_t revisionId, const std::string& comment) {
    const auto proposal = kb_.revision(revisionId);
    if (refused(kb_.approve(revisionId, person(), comment, toEpochMs(clock_.now())))) return false;
    changed(fmt::format("\"{}\" is published.", proposal ? proposal->content.title : "The article"));
    return true;
}

bool KnowledgeDesk::reject(std::int64_t revisionId, const std::string& comment) {
    if (refused(kb_.reject(revisionId, person(), comment, toEpochMs(clock_.now())))) return false;
    changed("The proposal was rejected; its author sees your comment.");
    return true;
}

// ---- The bus side -----------------------------------------------------------------------------

void KnowledgeDesk::answerSearch(const std::string& query, const std::string& serviceId, int limit,
                                 std::uint64_t correlation) {
    events::KbSearchResults results{query, {}};
    try {
        for (const auto& hit : kb_.search(query, {.service = serviceId, .limit = std::clamp(limit, 1, 50)})) {
            results.hits.push_back({hit.articleId, withoutMarks(hit.title), hit.folder, withoutMarks(hit.snippet)});
        }
    } catch (const KbStoreError& e) {
        bus_.publish(events::Error{std::string(events::KbSearch::topic), "kb_unavailable",
                                   fmt::format("The knowledge base cannot be searched: {}", e.what())},
                     correlation);
        return;
    }
    bus_.publish(results, correlation);
}

}  // namespace agentdesk::kb
