#include "model/knowledge_base.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <set>

namespace agentdesk::kb {

namespace {

constexpr int kSchemaVersion = 1;

/// bm25 column weights: title, body, tags, folder. A word in the title says far more about what
/// an article is for than the same word somewhere in its body.
constexpr const char* kRank = "bm25(articles_fts, 8.0, 1.0, 4.0, 2.0)";

/// Words that say nothing about what a customer needs; left out of suggestion queries.
constexpr std::array kStopWords = {
    "a", "about", "after", "again", "all", "also", "am", "an", "and", "any", "are", "as", "at", "be", "been",
    "before", "but", "by", "can", "can't", "could", "did", "didn't", "do", "does", "doesn't", "don't", "for",
    "from", "get", "got", "had", "has", "hasn't", "have", "haven't", "hello", "help", "hey", "hi", "how", "i",
    "i'd", "i'm", "i've", "if", "in", "into", "is", "isn't", "it", "it's", "its", "just", "know", "like", "me",
    "my", "need", "no", "not", "now", "of", "on", "one", "or", "our", "please", "so", "some", "still", "thank",
    "thanks", "that", "the", "their", "them", "then", "there", "they", "this", "to", "too", "up", "us", "want",
    "was", "wasn't", "we", "were", "what", "when", "where", "which", "who", "why", "will", "with", "won't",
    "would", "yes", "yet", "you", "your"};

bool isWordByte(unsigned char c) { return std::isalnum(c) || c >= 0x80; }

/// Words of `text`: letters, digits and any non-ASCII UTF-8; apostrophes kept inside words.
std::vector<std::string> wordsOf(std::string_view text) {
    std::vector<std::string> words;
    std::string word;
    for (std::size_t i = 0; i <= text.size(); ++i) {
        const unsigned char c = i < text.size() ? static_cast<unsigned char>(text[i]) : ' ';
        const bool inner = c == '\'' && !word.empty() && i + 1 < text.size() &&
                           isWordByte(static_cast<unsigned char>(text[i + 1]));
        if (isWordByte(c) || inner) {
            word += static_cast<char>(c);
        } else if (!word.empty()) {
            words.push_back(std::move(word));
            word.clear();
        }
    }
    return words;
}

std::string lower(std::string_view text) {
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

/// A word as an FTS5 string (quotes doubled), so no word is read as an operator.
std::string quotedTerm(std::string_view word) {
    std::string out = "\"";
    for (char c : word) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + "\"";
}

std::string joinTags(const std::vector<std::string>& tags) {
    std::string out;
    for (const auto& tag : normaliseTags(tags)) {
        if (!out.empty()) out += ',';
        out += tag;
    }
    return out;
}

std::vector<std::string> splitTags(std::string_view text) {
    std::vector<std::string> tags;
    std::size_t start = 0;
    while (start <= text.size()) {
        const std::size_t end = std::min(text.find(',', start), text.size());
        if (end > start) tags.emplace_back(text.substr(start, end - start));
        start = end + 1;
    }
    return tags;
}

std::string_view stateName(ArticleState state) {
    switch (state) {
        case ArticleState::Draft: return "draft";
        case ArticleState::Pending: return "pending";
        case ArticleState::Published: return "published";
    }
    return "draft";
}

ArticleState stateFromName(std::string_view name) {
    if (name == "published") return ArticleState::Published;
    if (name == "pending") return ArticleState::Pending;
    return ArticleState::Draft;
}

std::string_view statusName(RevisionStatus status) {
    switch (status) {
        case RevisionStatus::Draft: return "draft";
        case RevisionStatus::Pending: return "pending";
        case RevisionStatus::Approved: return "approved";
        case RevisionStatus::Rejected: return "rejected";
    }
    return "draft";
}

RevisionStatus statusFromName(std::string_view name) {
    if (name == "pending") return RevisionStatus::Pending;
    if (name == "approved") return RevisionStatus::Approved;
    if (name == "rejected") return RevisionStatus::Rejected;
    return RevisionStatus::Draft;
}

std::string trimmed(std::string_view text) {
    const auto first = text.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos) return {};
    const auto last = text.find_last_not_of(" \t\r\n");
    return std::string(text.substr(first, last - first + 1));
}

/// The content as it will be stored: trimmed, tags normalised. Or why it cannot be.
std::variant<ArticleContent, std::string> cleaned(const ArticleContent& content) {
    ArticleContent out{trimmed(content.title), trimmed(content.body), trimmed(content.folder), trimmed(content.service),
                       normaliseTags(content.tags)};
    if (out.title.empty()) return std::string("An article needs a title.");
    if (out.title.size() > 200) return std::string("The title is too long: keep it under 200 characters.");
    if (out.body.empty()) return std::string("An article needs some text.");
    if (out.folder.empty()) return std::string("Choose a folder for the article.");
    for (std::string_view text : {out.title, out.body}) {
        if (text.find(kMarkStart) != std::string_view::npos || text.find(kMarkEnd) != std::string_view::npos) {
            return std::string("The text contains control characters; paste it as plain text.");
        }
    }
    return out;
}

bool sameContent(const ArticleContent& a, const ArticleContent& b) {
    return a.title == b.title && a.body == b.body && a.folder == b.folder && a.service == b.service && a.tags == b.tags;
}

constexpr const char* kArticleColumns =
    "a.id, a.title, a.body, a.folder, a.service, a.tags, a.author, a.state, a.version, a.updated_ms, a.use_count, "
    "(SELECT count(*) FROM ratings r WHERE r.article_id = a.id AND r.helpful = 1), "
    "(SELECT count(*) FROM ratings r WHERE r.article_id = a.id AND r.helpful = 0)";

Article readArticle(const Statement& row) {
    Article a;
    a.id = row.columnText(0);
    a.content = {row.columnText(1), row.columnText(2), row.columnText(3), row.columnText(4), splitTags(row.columnText(5))};
    a.author = row.columnText(6);
    a.state = stateFromName(row.columnText(7));
    a.version = static_cast<int>(row.columnInt64(8));
    a.updatedAtMs = row.columnInt64(9);
    a.useCount = row.columnInt64(10);
    a.helpful = static_cast<int>(row.columnInt64(11));
    a.notHelpful = static_cast<int>(row.columnInt64(12));
    return a;
}

constexpr const char* kRevisionColumns =
    "id, article_id, title, body, folder, service, tags, author_id, author_name, status, base_version, version, "
    "summary, reviewer_name, review_comment, created_ms, reviewed_ms";

Revision readRevision(const Statement& row) {
    Revision r;
    r.id = row.columnInt64(0);
    r.articleId = row.columnText(1);
    r.content = {row.columnText(2), row.columnText(3), row.columnText(4), row.columnText(5), splitTags(row.columnText(6))};
    r.authorId = row.columnText(7);
    r.authorName = row.columnText(8);
    r.status = statusFromName(row.columnText(9));
    r.baseVersion = static_cast<int>(row.columnInt64(10));
    r.version = static_cast<int>(row.columnInt64(11));
    r.summary = row.columnText(12);
    r.reviewerName = row.columnText(13);
    r.reviewComment = row.columnText(14);
    r.createdAtMs = row.columnInt64(15);
    r.reviewedAtMs = row.columnInt64(16);
    return r;
}

/// The filter's conditions on `a`, for parameters ?10 (folder), ?11 (tag) and ?12 (service).
constexpr const char* kFilterConditions =
    "a.state = 'published' AND (?10 = '' OR a.folder = ?10) "
    "AND (?11 = '' OR instr(',' || a.tags || ',', ',' || ?11 || ',') > 0) "
    "AND (?12 = '' OR a.service = '' OR a.service = ?12)";

void bindFilter(Statement& statement, const SearchFilter& filter) {
    statement.bind(10, filter.folder).bind(11, lower(trimmed(filter.tag))).bind(12, filter.service);
    statement.bind(13, filter.limit > 0 ? filter.limit : -1);
}

}  // namespace

std::string_view stateLabel(ArticleState state) {
    switch (state) {
        case ArticleState::Draft: return "Draft";
        case ArticleState::Pending: return "Pending approval";
        case ArticleState::Published: return "Published";
    }
    return "";
}

std::string_view statusLabel(RevisionStatus status) {
    switch (status) {
        case RevisionStatus::Draft: return "Draft";
        case RevisionStatus::Pending: return "Pending approval";
        case RevisionStatus::Approved: return "Approved";
        case RevisionStatus::Rejected: return "Rejected";
    }
    return "";
}

std::string typedQuery(std::string_view text) {
    std::vector<std::string> words = wordsOf(text);
    if (words.size() > 12) words.resize(12);
    std::string query;
    for (std::size_t i = 0; i < words.size(); ++i) {
        if (!query.empty()) query += ' ';
        query += quotedTerm(words[i]);
        // The word being typed matches as a prefix; finished words match whole (after stemming).
        const bool typing = i + 1 == words.size() && !text.empty() && isWordByte(static_cast<unsigned char>(text.back()));
        if (typing) query += '*';
    }
    return query;
}

std::string customerQuery(std::string_view text) {
    std::vector<std::string> terms;
    for (const auto& word : wordsOf(text)) {
        std::string w = lower(word);
        if (std::find(kStopWords.begin(), kStopWords.end(), w) != kStopWords.end()) continue;
        if (const auto apostrophe = w.find('\''); apostrophe != std::string::npos) w.resize(apostrophe);
        if (w.size() < 3 || std::all_of(w.begin(), w.end(), [](unsigned char c) { return std::isdigit(c); })) continue;
        if (std::find(terms.begin(), terms.end(), w) == terms.end()) terms.push_back(w);
        if (terms.size() == 16) break;
    }
    std::string query;
    for (const auto& term : terms) {
        if (!query.empty()) query += " OR ";
        query += quotedTerm(term);
    }
    return query;
}

std::vector<std::string> normaliseTags(const std::vector<std::string>& tags) {
    std::vector<std::string> out;
    for (const auto& raw : tags) {
        for (const auto& part : splitTags(raw)) {
            std::string tag = lower(trimmed(part));
            if (!tag.empty() && std::find(out.begin(), out.end(), tag) == out.end()) out.push_back(std::move(tag));
        }
    }
    return out;
}

// ---- Opening and seeding ----------------------------------------------------------------------

KnowledgeBase::KnowledgeBase(std::filesystem::path file) : db_(std::move(file)) { migrate(); }

void KnowledgeBase::migrate() {
    const int version = db_.userVersion();
    if (version > kSchemaVersion) {
        throw KbStoreError(fmt::format("{} was written by a newer AgentDesk (knowledge base schema {}, this one "
                                       "knows {}); it is left untouched",
                                       db_.file().string(), version, kSchemaVersion));
    }
    if (version == kSchemaVersion) return;
    Transaction transaction(db_);
    db_.exec(R"sql(
        CREATE TABLE articles (
            seq        INTEGER PRIMARY KEY,          -- stable rowid for the full-text index
            id         TEXT NOT NULL UNIQUE,
            title      TEXT NOT NULL,
            body       TEXT NOT NULL,
            folder     TEXT NOT NULL,
            service    TEXT NOT NULL DEFAULT '',
            tags       TEXT NOT NULL DEFAULT '',      -- lower case, comma separated
            author     TEXT NOT NULL DEFAULT '',
            state      TEXT NOT NULL CHECK (state IN ('draft', 'pending', 'published')),
            version    INTEGER NOT NULL DEFAULT 0,
            updated_ms INTEGER NOT NULL,
            use_count  INTEGER NOT NULL DEFAULT 0);
        CREATE INDEX articles_by_folder ON articles(folder, title);
        CREATE TABLE revisions (
            id             INTEGER PRIMARY KEY,
            article_id     TEXT NOT NULL REFERENCES articles(id),
            title          TEXT NOT NULL,
            body           TEXT NOT NULL,
            folder         TEXT NOT NULL,
            service        TEXT NOT NULL DEFAULT '',
            tags           TEXT NOT NULL DEFAULT '',
            author_id      TEXT NOT NULL,
            author_name    TEXT NOT NULL,
            status         TEXT NOT NULL CHECK (status IN ('draft', 'pending', 'approved', 'rejected')),
            base_version   INTEGER NOT NULL,
            version        INTEGER NOT NULL DEFAULT 0,
            summary        TEXT NOT NULL DEFAULT '',
            reviewer_name  TEXT NOT NULL DEFAULT '',
            review_comment TEXT NOT NULL DEFAULT '',
            created_ms     INTEGER NOT NULL,
            reviewed_ms    INTEGER NOT NULL DEFAULT 0);
        CREATE INDEX revisions_by_article ON revisions(article_id, id);
        CREATE INDEX revisions_by_status ON revisions(status, id);
        CREATE TABLE ratings (
            article_id TEXT NOT NULL REFERENCES articles(id),
            agent_id   TEXT NOT NULL,
            helpful    INTEGER NOT NULL,
            at_ms      INTEGER NOT NULL,
            PRIMARY KEY (article_id, agent_id));
        CREATE TABLE uses (
            article_id     TEXT NOT NULL REFERENCES articles(id),
            agent_id       TEXT NOT NULL,
            interaction_id TEXT NOT NULL DEFAULT '',
            how            TEXT NOT NULL,
            at_ms          INTEGER NOT NULL);
        CREATE VIRTUAL TABLE articles_fts USING fts5(title, body, tags, folder, content='articles',
            content_rowid='seq', tokenize='porter unicode61 remove_diacritics 2', prefix='2 3');
        CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
            INSERT INTO articles_fts(rowid, title, body, tags, folder) VALUES (new.seq, new.title, new.body, new.tags, new.folder);
        END;
        CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
            INSERT INTO articles_fts(articles_fts, rowid, title, body, tags, folder)
                VALUES ('delete', old.seq, old.title, old.body, old.tags, old.folder);
        END;
        CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, body, tags, folder ON articles BEGIN
            INSERT INTO articles_fts(articles_fts, rowid, title, body, tags, folder)
                VALUES ('delete', old.seq, old.title, old.body, old.tags, old.folder);
            INSERT INTO articles_fts(rowid, title, body, tags, folder) VALUES (new.seq, new.title, new.body, new.tags, new.folder);
        END;
    )sql");
    db_.setUserVersion(kSchemaVersion);
    transaction.commit();
}

int KnowledgeBase::seed(const std::vector<Article>& articles, std::int64_t nowMs) {
    Transaction transaction(db_);
    Statement insertArticle = db_.prepare(
        "INSERT OR IGNORE INTO articles (id, title, body, folder, service, tags, author, state, version, updated_ms) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 'published', 1, ?8)");
    Statement insertRevision = db_.prepare(
        "INSERT INTO revisions (article_id, title, body, folder, service, tags, author_id, author_name, status, "
        "base_version, version, summary, reviewer_name, created_ms, reviewed_ms) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, '', ?7, 'approved', 0, 1, 'Starter knowledge base', ?7, ?8, ?8)");
    int added = 0;
    for (const Article& article : articles) {
        const std::string tags = joinTags(article.content.tags);
        insertArticle.reset();
        insertArticle.bind(1, article.id).bind(2, article.content.title).bind(3, article.content.body)
            .bind(4, article.content.folder).bind(5, article.content.service).bind(6, tags).bind(7, article.author)
            .bind(8, nowMs);
        if (insertArticle.execute() == 0) continue;  // already there: never overwrite what people edited
        insertRevision.reset();
        insertRevision.bind(1, article.id).bind(2, article.content.title).bind(3, article.content.body)
            .bind(4, article.content.folder).bind(5, article.content.service).bind(6, tags).bind(7, article.author)
            .bind(8, nowMs);
        insertRevision.execute();
        ++added;
    }
    transaction.commit();
    return added;
}

// ---- Search and browse ------------------------------------------------------------------------

std::vector<SearchHit> KnowledgeBase::runSearch(const std::string& match, const SearchFilter& filter) const {
    if (match.empty()) return {};
    Statement query = db_.prepare(fmt::format(
        "SELECT a.id, highlight(articles_fts, 0, char(2), char(3)), "
        "snippet(articles_fts, 1, char(2), char(3), '…', 16), a.folder, {0} AS score "
        "FROM articles_fts JOIN articles a ON a.seq = articles_fts.rowid "
        "WHERE articles_fts MATCH ?1 AND {1} ORDER BY score, a.use_count DESC LIMIT ?13",
        kRank, kFilterConditions));
    query.bind(1, match);
    bindFilter(query, filter);
    std::vector<SearchHit> hits;
    while (query.step()) {
        hits.push_back({query.columnText(0), query.columnText(1), query.columnText(2), query.columnText(3),
                        query.columnDouble(4)});
    }
    return hits;
}

std::vector<SearchHit> KnowledgeBase::search(std::string_view text, const SearchFilter& filter) const {
    return runSearch(typedQuery(text), filter);
}

std::vector<SearchHit> KnowledgeBase::suggest(std::string_view customerText, const SearchFilter& filter) const {
    return runSearch(customerQuery(customerText), filter);
}

std::vector<Article> KnowledgeBase::browse(const SearchFilter& filter) const {
    Statement query = db_.prepare(fmt::format("SELECT {} FROM articles a WHERE {} ORDER BY a.title COLLATE NOCASE LIMIT ?13",
                                              kArticleColumns, kFilterConditions));
    bindFilter(query, filter);
    std::vector<Article> articles;
    while (query.step()) articles.push_back(readArticle(query));
    return articles;
}

std::vector<FolderCount> KnowledgeBase::folders() const {
    Statement query = db_.prepare(
        "SELECT folder, count(*) FROM articles WHERE state = 'published' GROUP BY folder ORDER BY folder COLLATE NOCASE");
    std::vector<FolderCount> folders;
    while (query.step()) folders.push_back({query.columnText(0), static_cast<int>(query.columnInt64(1))});
    return folders;
}

std::vector<std::string> KnowledgeBase::tags() const {
    Statement query = db_.prepare("SELECT DISTINCT tags FROM articles WHERE state = 'published' AND tags != ''");
    std::set<std::string> tags;
    while (query.step()) {
        for (auto& tag : splitTags(query.columnText(0))) tags.insert(std::move(tag));
    }
    return {tags.begin(), tags.end()};
}

int KnowledgeBase::publishedCount() const {
    Statement query = db_.prepare("SELECT count(*) FROM articles WHERE state = 'published'");
    query.step();
    return static_cast<int>(query.columnInt64(0));
}

std::optional<Article> KnowledgeBase::article(std::string_view articleId) const {
    Statement query = db_.prepare(fmt::format("SELECT {} FROM articles a WHERE a.id = ?1", kArticleColumns));
    query.bind(1, articleId);
    if (!query.step()) return std::nullopt;
    return readArticle(query);
}

std::string KnowledgeBase::markedBody(std::string_view articleId, std::string_view text) const {
    const std::string match = typedQuery(text);
    if (!match.empty()) {
        Statement query = db_.prepare(
            "SELECT highlight(articles_fts, 1, char(2), char(3)) FROM articles_fts "
            "WHERE articles_fts MATCH ?1 AND rowid = (SELECT seq FROM articles WHERE id = ?2)");
        query.bind(1, match).bind(2, articleId);
        if (query.step()) return query.columnText(0);
        // Every word must match for a row: fall back to marking any of them.
        query = db_.prepare(
            "SELECT highlight(articles_fts, 1, char(2), char(3)) FROM articles_fts "
            "WHERE articles_fts MATCH ?1 AND rowid = (SELECT seq FROM articles WHERE id = ?2)");
        query.bind(1, customerQuery(text)).bind(2, articleId);
        if (!customerQuery(text).empty() && query.step()) return query.columnText(0);
    }
    const auto found = article(articleId);
    return found ? found->content.body : std::string();
}

// ---- Ratings and use --------------------------------------------------------------------------

Refusal KnowledgeBase::rate(std::string_view articleId, const Person& agent, bool helpful, std::int64_t nowMs) {
    if (agent.id.empty()) return "Log in to rate articles.";
    const auto found = article(articleId);
    if (!found) return fmt::format("There is no article \"{}\".", articleId);
    if (found->state != ArticleState::Published) return "Only published articles can be rated.";
    Statement upsert = db_.prepare(
        "INSERT INTO ratings (article_id, agent_id, helpful, at_ms) VALUES (?1, ?2, ?3, ?4) "
        "ON CONFLICT (article_id, agent_id) DO UPDATE SET helpful = excluded.helpful, at_ms = excluded.at_ms");
    upsert.bind(1, articleId).bind(2, agent.id).bind(3, helpful ? 1 : 0).bind(4, nowMs);
    upsert.execute();
    return std::nullopt;
}

std::optional<bool> KnowledgeBase::ratingBy(std::string_view articleId, std::string_view agentId) const {
    Statement query = db_.prepare("SELECT helpful FROM ratings WHERE article_id = ?1 AND agent_id = ?2");
    query.bind(1, articleId).bind(2, agentId);
    if (!query.step()) return std::nullopt;
    return query.columnInt64(0) != 0;
}

Refusal KnowledgeBase::recordUse(std::string_view articleId, const Person& agent, std::string_view interactionId,
                                 std::string_view how, std::int64_t nowMs) {
    const auto found = article(articleId);
    if (!found) return fmt::format("There is no article \"{}\".", articleId);
    if (found->state != ArticleState::Published) return "Only published articles can be used in replies.";
    Transaction transaction(db_);
    Statement insert = db_.prepare("INSERT INTO uses (article_id, agent_id, interaction_id, how, at_ms) VALUES (?1, ?2, ?3, ?4, ?5)");
    insert.bind(1, articleId).bind(2, agent.id).bind(3, interactionId).bind(4, how).bind(5, nowMs);
    insert.execute();
    Statement count = db_.prepare("UPDATE articles SET use_count = use_count + 1 WHERE id = ?1");
    count.bind(1, articleId);
    count.execute();
    transaction.commit();
    return std::nullopt;
}

// ---- Contributions ----------------------------------------------------------------------------

std::string KnowledgeBase::uniqueId(std::string_view title) const {
    std::string slug;
    for (const auto& word : wordsOf(lower(title))) {
        std::string ascii;
        for (char c : word) {
            if (std::isalnum(static_cast<unsigned char>(c))) ascii += c;
        }
        if (ascii.empty()) continue;
        if (slug.size() + ascii.size() + 1 > 60) break;
        if (!slug.empty()) slug += '-';
        slug += ascii;
    }
    if (slug.empty()) slug = "article";
    std::string id = slug;
    for (int n = 2; article(id); ++n) id = fmt::format("{}-{}", slug, n);
    return id;
}

std::variant<Revision, std::string> KnowledgeBase::createArticle(const ArticleContent& proposed, const Person& author,
                                                                 bool submitNow, std::int64_t nowMs) {
    if (author.id.empty()) return std::string("Log in to write articles.");
    auto clean = cleaned(proposed);
    if (auto* why = std::get_if<std::string>(&clean)) return *why;
    const ArticleContent& content = std::get<ArticleContent>(clean);
    const std::string id = uniqueId(content.title);
    const std::string tags = joinTags(content.tags);
    const ArticleState state = submitNow ? ArticleState::Pending : ArticleState::Draft;

    Transaction transaction(db_);
    Statement insertArticle = db_.prepare(
        "INSERT INTO articles (id, title, body, folder, service, tags, author, state, version, updated_ms) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, 0, ?9)");
    insertArticle.bind(1, id).bind(2, content.title).bind(3, content.body).bind(4, content.folder)
        .bind(5, content.service).bind(6, tags).bind(7, author.name).bind(8, stateName(state)).bind(9, nowMs);
    insertArticle.execute();
    Statement insertRevision = db_.prepare(
        "INSERT INTO revisions (article_id, title, body, folder, service, tags, author_id, author_name, status, "
        "base_version, summary, created_ms) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, 0, 'New article', ?10)");
    insertRevision.bind(1, id).bind(2, content.title).bind(3, content.body).bind(4, content.folder)
        .bind(5, content.service).bind(6, tags).bind(7, author.id).bind(8, author.name)
        .bind(9, statusName(submitNow ? RevisionStatus::Pending : RevisionStatus::Draft)).bind(10, nowMs);
    insertRevision.execute();
    const std::int64_t revisionId = db_.lastInsertRowId();
    transaction.commit();
    return *loadRevision(revisionId);
}

std::variant<Revision, std::string> KnowledgeBase::proposeEdit(std::string_view articleId, const ArticleContent& proposed,
                                                               std::string_view summary, const Person& author,
                                                               std::int64_t nowMs) {
    if (author.id.empty()) return std::string("Log in to propose changes.");
    const auto current = article(articleId);
    if (!current) return fmt::format("There is no article \"{}\".", articleId);
    if (current->state == ArticleState::Pending) {
        return std::string("This new article is already waiting for a supervisor; it can be changed once it has been reviewed.");
    }
    auto clean = cleaned(proposed);
    if (auto* why = std::get_if<std::string>(&clean)) return *why;
    const ArticleContent& content = std::get<ArticleContent>(clean);
    if (current->state == ArticleState::Published && sameContent(content, current->content)) {
        return fmt::format("Nothing changed: this is what version {} already says.", current->version);
    }
    const std::string tags = joinTags(content.tags);

    Transaction transaction(db_);
    if (current->state == ArticleState::Draft) {
        // A new article not published yet (a draft, or turned down): the article row holds the latest
        // proposal, and this one replaces any draft left behind.
        Statement update = db_.prepare(
            "UPDATE articles SET title = ?2, body = ?3, folder = ?4, service = ?5, tags = ?6, state = 'pending', "
            "updated_ms = ?7 WHERE id = ?1");
        update.bind(1, articleId).bind(2, content.title).bind(3, content.body).bind(4, content.folder)
            .bind(5, content.service).bind(6, tags).bind(7, nowMs);
        update.execute();
        Statement dropDrafts = db_.prepare("DELETE FROM revisions WHERE article_id = ?1 AND status = 'draft'");
        dropDrafts.bind(1, articleId);
        dropDrafts.execute();
    }
    Statement insert = db_.prepare(
        "INSERT INTO revisions (article_id, title, body, folder, service, tags, author_id, author_name, status, "
        "base_version, summary, created_ms) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, 'pending', ?9, ?10, ?11)");
    insert.bind(1, articleId).bind(2, content.title).bind(3, content.body).bind(4, content.folder)
        .bind(5, content.service).bind(6, tags).bind(7, author.id).bind(8, author.name).bind(9, current->version)
        .bind(10, trimmed(summary)).bind(11, nowMs);
    insert.execute();
    const std::int64_t revisionId = db_.lastInsertRowId();
    transaction.commit();
    return *loadRevision(revisionId);
}

Refusal KnowledgeBase::submit(std::int64_t revisionId, const Person& author, std::int64_t nowMs) {
    const auto found = loadRevision(revisionId);
    if (!found) return "That proposal no longer exists.";
    if (found->authorId != author.id) return "Only its author can send a draft for approval.";
    if (found->status != RevisionStatus::Draft) {
        return fmt::format("This proposal is not a draft any more ({}).", statusLabel(found->status));
    }
    Transaction transaction(db_);
    Statement update = db_.prepare("UPDATE revisions SET status = 'pending', created_ms = ?2 WHERE id = ?1");
    update.bind(1, revisionId).bind(2, nowMs);
    update.execute();
    Statement state = db_.prepare("UPDATE articles SET state = 'pending' WHERE id = ?1 AND state = 'draft'");
    state.bind(1, found->articleId);
    state.execute();
    transaction.commit();
    return std::nullopt;
}

std::vector<Revision> KnowledgeBase::pending() const {
    Statement query = db_.prepare(fmt::format("SELECT {} FROM revisions WHERE status = 'pending' ORDER BY id", kRevisionColumns));
    std::vector<Revision> out;
    while (query.step()) out.push_back(readRevision(query));
    return out;
}

std::vector<Revision> KnowledgeBase::contributionsBy(std::string_view agentId) const {
    Statement query = db_.prepare(fmt::format(
        "SELECT {} FROM revisions WHERE author_id = ?1 AND status IN ('draft', 'pending', 'rejected') ORDER BY id DESC",
        kRevisionColumns));
    query.bind(1, agentId);
    std::vector<Revision> out;
    while (query.step()) out.push_back(readRevision(query));
    return out;
}

std::optional<Revision> KnowledgeBase::revision(std::int64_t revisionId) const { return loadRevision(revisionId); }

std::optional<Revision> KnowledgeBase::loadRevision(std::int64_t revisionId) const {
    Statement query = db_.prepare(fmt::format("SELECT {} FROM revisions WHERE id = ?1", kRevisionColumns));
    query.bind(1, revisionId);
    if (!query.step()) return std::nullopt;
    return readRevision(query);
}

Refusal KnowledgeBase::approve(std::int64_t revisionId, const Person& reviewer, std::string_view comment,
                               std::int64_t nowMs) {
    if (reviewer.role != "supervisor") return "Only a supervisor can approve articles.";
    const auto proposal = loadRevision(revisionId);
    if (!proposal) return "That proposal no longer exists.";
    if (proposal->status != RevisionStatus::Pending) {
        return fmt::format("This proposal is not waiting for approval ({}).", statusLabel(proposal->status));
    }
    const auto current = article(proposal->articleId);
    if (!current) return fmt::format("The article \"{}\" no longer exists.", proposal->articleId);
    if (proposal->baseVersion != current->version) {
        return fmt::format("This proposal edits version {}, but version {} has been published since: reject it and "
                           "ask {} to propose the change again.",
                           proposal->baseVersion, current->version, proposal->authorName);
    }
    const int version = current->version + 1;
    const Revision& r = *proposal;
    Transaction transaction(db_);
    Statement update = db_.prepare(
        "UPDATE articles SET title = ?2, body = ?3, folder = ?4, service = ?5, tags = ?6, state = 'published', "
        "version = ?7, updated_ms = ?8 WHERE id = ?1");
    update.bind(1, r.articleId).bind(2, r.content.title).bind(3, r.content.body).bind(4, r.content.folder)
        .bind(5, r.content.service).bind(6, joinTags(r.content.tags)).bind(7, version).bind(8, nowMs);
    update.execute();
    Statement approved = db_.prepare(
        "UPDATE revisions SET status = 'approved', version = ?2, reviewer_name = ?3, review_comment = ?4, "
        "reviewed_ms = ?5 WHERE id = ?1");
    approved.bind(1, revisionId).bind(2, version).bind(3, reviewer.name).bind(4, trimmed(comment)).bind(5, nowMs);
    approved.execute();
    transaction.commit();
    return std::nullopt;
}

Refusal KnowledgeBase::reject(std::int64_t revisionId, const Person& reviewer, std::string_view comment,
                              std::int64_t nowMs) {
    if (reviewer.role != "supervisor") return "Only a supervisor can reject proposals.";
    const auto proposal = loadRevision(revisionId);
    if (!proposal) return "That proposal no longer exists.";
    if (proposal->status != RevisionStatus::Pending) {
        return fmt::format("This proposal is not waiting for approval ({}).", statusLabel(proposal->status));
    }
    if (trimmed(comment).empty()) return "Say why the proposal is rejected, so its author can improve it.";
    Transaction transaction(db_);
    Statement rejected = db_.prepare(
        "UPDATE revisions SET status = 'rejected', reviewer_name = ?2, review_comment = ?3, reviewed_ms = ?4 WHERE id = ?1");
    rejected.bind(1, revisionId).bind(2, reviewer.name).bind(3, trimmed(comment)).bind(4, nowMs);
    rejected.execute();
    // A new article turned down goes back to its author as a draft; a published one stays as it is.
    Statement state = db_.prepare("UPDATE articles SET state = 'draft' WHERE id = ?1 AND state = 'pending'");
    state.bind(1, proposal->articleId);
    state.execute();
    transaction.commit();
    return std::nullopt;
}

std::vector<Revision> KnowledgeBase::history(std::string_view articleId) const {
    Statement query = db_.prepare(fmt::format("SELECT {} FROM revisions WHERE article_id = ?1 ORDER BY id DESC", kRevisionColumns));
    query.bind(1, articleId);
    std::vector<Revision> out;
    while (query.step()) out.push_back(readRevision(query));
    return out;
}

}  // namespace agentdesk::kb
