#pragma once
// Draws the Knowledge Base panel (spec KB-01..03): the search box with folder and tag filters,
// suggestions for the interaction at hand, the results (matches highlighted) or the articles of
// a folder, and on the right (or below, when narrow) the open article with Insert, Copy and
// rating, its history, the editor for a new article or a proposed change, and the contributions
// list (a supervisor approves or rejects there).

#include "model/knowledge_desk.hpp"

#include <agentdesk/host_api.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace agentdesk::kb {

/// The Knowledge Base panel over a KnowledgeDesk.
class KnowledgeBasePanel {
public:
    KnowledgeBasePanel(KnowledgeDesk& desk, HostApi& host);
    /// Draws the panel's contents (called by the host inside the panel's area).
    void draw();

    /// Puts the keyboard in the search box on the next frame (Ctrl+K).
    void focusSearch() { focusSearch_ = true; }
    /// Shows an article, with `query` in the search box (kb.open).
    void show(const std::string& articleId, const std::string& query);
    /// The article open on the right ("" when none).
    const std::string& openArticle() const { return openId_; }

private:
    enum class Pane { Article, Editor, History, Contributions };

    void reload();
    void open(const std::string& articleId);
    void drawSearchBar();
    void drawMessages();
    void drawList();
    void drawHitRows(const std::vector<SearchHit>& hits, const char* id);
    void drawBrowseRows();
    void drawArticle();
    void drawEditor();
    void drawHistory();
    void drawContributions();
    void loadContributions();
    void startEditing(const Article* article);

    KnowledgeDesk& desk_;
    HostApi& host_;

    // What the list shows, reloaded when the query, the filters or the knowledge base change.
    std::string query_;
    std::string folder_;
    std::string tag_;
    std::string loadedQuery_ = "\x01";  // never a real query: the first frame loads
    std::string loadedFolder_;
    std::string loadedTag_;
    std::uint64_t loadedRevision_ = ~0ull;
    std::vector<SearchHit> hits_;
    std::vector<Article> browse_;
    std::vector<FolderCount> folders_;
    std::vector<std::string> tags_;
    std::size_t pendingCount_ = 0;
    bool focusSearch_ = false;

    // The right-hand side.
    Pane pane_ = Pane::Article;
    std::string openId_;
    std::optional<Article> article_;
    std::string markedBody_;
    std::string markedFor_;  // the query the body was marked for

    // The editor: a new article (editingId_ "") or a change to an existing one.
    std::string editingId_;
    std::string editTitle_, editFolder_, editService_, editTags_, editBody_, editSummary_;

    // History and contributions.
    std::vector<Revision> history_;
    std::int64_t historySelected_ = 0;
    std::vector<Revision> contributions_;
    std::int64_t contributionSelected_ = 0;
    std::string reviewComment_;
};

}  // namespace agentdesk::kb
