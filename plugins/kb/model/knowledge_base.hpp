#pragma once
// The knowledge base (spec KB-01..03): articles in folders, full-text search, ratings, usage
// counts, and the contribution workflow, stored in one SQLite file. Plain C++, no ImGui, no bus.
//
//   articles     the current text of every article, and its state:
//                  Draft      a new article its author has not submitted yet
//                  Pending    a new article waiting for a supervisor
//                  Published  visible to every agent and found by search
//   revisions    every proposed text (new article or edit of a published one): draft, pending,
//                approved (numbered: the article's version history) or rejected (with the comment)
//   ratings      helpful / not helpful, one per agent per article (a second vote replaces the first)
//   uses         each time an article's text went into a reply or onto the clipboard
//   articles_fts FTS5 index over title, body, tags and folder (porter stemming), ranked with bm25
//
// Search takes what the agent types: every word must match, the last one as a prefix (search as
// you type). Suggestions take a customer's words: any word may match, the best-ranked come first.
// Matches in titles and snippets are wrapped in kMarkStart / kMarkEnd for the view to highlight.
//
// Failures of the file itself (disk full, not a database) throw KbStoreError; refusals an agent
// can meet (not a supervisor, empty title, unknown article) are returned as a Refusal.

#include "model/sqlite_database.hpp"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace agentdesk::kb {

/// Starts a highlighted match in titles and snippets (a control character no article contains).
inline constexpr char kMarkStart = '\x02';
/// Ends a highlighted match.
inline constexpr char kMarkEnd = '\x03';

/// Where an article stands in the contribution workflow.
enum class ArticleState { Draft, Pending, Published };

/// "Draft", "Pending approval" or "Published", for the agent to read.
std::string_view stateLabel(ArticleState state);

/// What an article says and where it is filed: the part a revision proposes.
struct ArticleContent {
    std::string title;
    std::string body;                 ///< plain text; paragraphs separated by blank lines
    std::string folder;               ///< e.g. "Returns and exchanges"
    std::string service;              ///< service id it serves ("support-chat"), "" for any
    std::vector<std::string> tags;    ///< lower case, no commas
};

/// An article as stored now.
struct Article {
    std::string id;                   ///< stable slug, e.g. "return-policy"
    ArticleContent content;
    std::string author;               ///< display name of whoever wrote the first version
    ArticleState state = ArticleState::Draft;
    int version = 0;                  ///< number of the published version; 0 until first approved
    std::int64_t updatedAtMs = 0;
    std::int64_t useCount = 0;
    int helpful = 0;                  ///< agents who found it helpful
    int notHelpful = 0;
};

/// One article found by search or suggestion.
struct SearchHit {
    std::string articleId;
    std::string title;                ///< with matches between kMarkStart and kMarkEnd
    std::string snippet;              ///< a short extract of the body around the matches, marked the same way
    std::string folder;
    double score = 0;                 ///< bm25: lower is better
};

/// Narrows a search or a browse.
struct SearchFilter {
    std::string folder{};             ///< "" for every folder
    std::string tag{};                ///< "" for every tag
    std::string service{};            ///< "" for every service; otherwise that service's articles and general ones
    int limit = 20;
};

/// A proposed text: a new article or an edit of a published one.
enum class RevisionStatus { Draft, Pending, Approved, Rejected };

/// "Draft", "Pending approval", "Approved" or "Rejected".
std::string_view statusLabel(RevisionStatus status);

/// One proposed or approved text of an article.
struct Revision {
    std::int64_t id = 0;
    std::string articleId;
    ArticleContent content;
    std::string authorId;
    std::string authorName;
    RevisionStatus status = RevisionStatus::Draft;
    int baseVersion = 0;              ///< the published version it edits; 0 for a new article
    int version = 0;                  ///< the version number it became when approved; 0 otherwise
    std::string summary;              ///< the author's note on what changed
    std::string reviewerName;
    std::string reviewComment;
    std::int64_t createdAtMs = 0;
    std::int64_t reviewedAtMs = 0;
};

/// Who does something: the agent logged in on this desktop.
struct Person {
    std::string id;                   ///< agent id
    std::string name;                 ///< display name
    std::string role;                 ///< "agent" or "supervisor"
};

/// Why something was not done, written for the agent; nullopt when it was done.
using Refusal = std::optional<std::string>;

/// A folder with how many published articles it holds.
struct FolderCount {
    std::string folder;
    int articles = 0;
};

/// The knowledge base file: articles, search, ratings, uses and the contribution workflow.
class KnowledgeBase {
public:
    /// Opens (or creates) the database file and brings its schema up to date. Throws KbStoreError.
    explicit KnowledgeBase(std::filesystem::path file);

    /// Adds each article not yet present (by id) as published version 1. Returns how many were
    /// added, so seeding twice adds nothing the second time and never overwrites an edited article.
    int seed(const std::vector<Article>& articles, std::int64_t nowMs);

    /// Published articles matching what the agent typed, best first. "" finds nothing.
    std::vector<SearchHit> search(std::string_view query, const SearchFilter& filter = {}) const;
    /// Published articles that answer a customer's words (any word may match), best first.
    std::vector<SearchHit> suggest(std::string_view customerText, const SearchFilter& filter = {}) const;
    /// Published articles in a folder and/or with a tag, by title (no query).
    std::vector<Article> browse(const SearchFilter& filter) const;
    /// Every folder with published articles, by name.
    std::vector<FolderCount> folders() const;
    /// Every tag used by a published article, by name.
    std::vector<std::string> tags() const;
    /// How many published articles there are.
    int publishedCount() const;

    /// The article as stored now, in any state.
    std::optional<Article> article(std::string_view articleId) const;
    /// The article's body with the words of `query` marked, or the plain body when nothing matches.
    std::string markedBody(std::string_view articleId, std::string_view query) const;

    /// Records the agent's vote; a second vote by the same agent replaces the first.
    Refusal rate(std::string_view articleId, const Person& agent, bool helpful, std::int64_t nowMs);
    /// The agent's vote on an article: true helpful, false not, nullopt none.
    std::optional<bool> ratingBy(std::string_view articleId, std::string_view agentId) const;
    /// Counts one use of a published article (its text went to a customer or the clipboard).
    Refusal recordUse(std::string_view articleId, const Person& agent, std::string_view interactionId,
                      std::string_view how, std::int64_t nowMs);

    /// Writes a new article as a draft (submit = false) or straight to approval. Its id is made
    /// from the title; returns the revision, or why not.
    std::variant<Revision, std::string> createArticle(const ArticleContent& content, const Person& author,
                                                      bool submit, std::int64_t nowMs);
    /// Proposes new text for a published article; it stays as it is until a supervisor approves.
    std::variant<Revision, std::string> proposeEdit(std::string_view articleId, const ArticleContent& content,
                                                    std::string_view summary, const Person& author,
                                                    std::int64_t nowMs);
    /// Sends a draft revision to approval (only its author may).
    Refusal submit(std::int64_t revisionId, const Person& author, std::int64_t nowMs);

    /// Revisions waiting for a supervisor, oldest first.
    std::vector<Revision> pending() const;
    /// Drafts and pending proposals written by one agent, newest first.
    std::vector<Revision> contributionsBy(std::string_view agentId) const;
    /// One revision.
    std::optional<Revision> revision(std::int64_t revisionId) const;
    /// Publishes a pending revision as the article's next version. Supervisors only.
    Refusal approve(std::int64_t revisionId, const Person& reviewer, std::string_view comment, std::int64_t nowMs);
    /// Turns a pending revision down with a comment for its author; the article stays as it was.
    Refusal reject(std::int64_t revisionId, const Person& reviewer, std::string_view comment, std::int64_t nowMs);
    /// Every revision of an article (approved ones are its version history), newest first.
    std::vector<Revision> history(std::string_view articleId) const;

    /// The database file.
    const std::filesystem::path& file() const { return db_.file(); }

private:
    void migrate();
    std::vector<SearchHit> runSearch(const std::string& match, const SearchFilter& filter) const;
    std::optional<Revision> loadRevision(std::int64_t revisionId) const;
    std::string uniqueId(std::string_view title) const;

    mutable Database db_;
};

/// Turns what an agent typed into an FTS5 query: every word required, the last as a prefix.
/// "" when there is no word to look for.
std::string typedQuery(std::string_view text);
/// Turns a customer's message into an FTS5 query of its meaningful words, any of which may match.
std::string customerQuery(std::string_view text);
/// Tags as written by people ("Returns, Boots") made lower case, trimmed and without duplicates.
std::vector<std::string> normaliseTags(const std::vector<std::string>& tags);

}  // namespace agentdesk::kb
