#pragma once
// The knowledge base on the bus (spec KB-01..03). The kb plugin keeps the articles; what crosses
// the bus is what other plugins and scripts may ask of it, and what it tells them:
//
//   kb.search            ->   kb.search.results   (published articles, best match first)
//   kb.open              ->   (no answer) the Knowledge Base panel comes forward with the article;
//                             error unknown_article when there is no such published article
//   kb.article.used           an article's text went into a reply (compose.inserted) or was copied
//
// Inserting text into a reply is compose.insert (events/desktop.hpp) with source "kb:<article id>".
// Like desktop.hpp, these stay on the desktop: a contact center back end neither publishes nor answers them.

#include "agentdesk/codec.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace agentdesk::events {

/// How an article's text reached the customer.
enum class ArticleUse { Inserted, Copied };
AGENTDESK_ENUM_NAMES(ArticleUse, {ArticleUse::Inserted, "Inserted"}, {ArticleUse::Copied, "Copied"})

/// Command: search the published articles as an agent would type it (every word must match, the
/// last one as a prefix). Answered by KbSearchResults with the command's correlation id.
struct KbSearch {
    static constexpr std::string_view topic = "kb.search";
    std::string query;
    std::string serviceId;  ///< "" for all; otherwise that service's articles and the general ones
    int limit = 5;          ///< at most 50
    MSGPACK_DEFINE_MAP(query, serviceId, limit)
};

/// One article found.
struct KbHit {
    std::string articleId;
    std::string title;
    std::string folder;
    std::string snippet;    ///< a short plain-text extract of the body around the matched words
    MSGPACK_DEFINE_MAP(articleId, title, folder, snippet)
};

/// Event: the answer to KbSearch; `hits` is empty when nothing matched.
struct KbSearchResults {
    static constexpr std::string_view topic = "kb.search.results";
    std::string query;
    std::vector<KbHit> hits;
    MSGPACK_DEFINE_MAP(query, hits)
};

/// Command: show an article in the Knowledge Base panel, with `query` in its search box (its
/// words marked in the text). No answer; Error (unknown_article) when there is no such article.
struct KbOpen {
    static constexpr std::string_view topic = "kb.open";
    std::string articleId;
    std::string query;
    MSGPACK_DEFINE_MAP(articleId, query)
};

/// Event: an agent used an article; its use count went up by one.
struct KbArticleUsed {
    static constexpr std::string_view topic = "kb.article.used";
    std::string articleId;
    std::string title;
    std::string agentId;
    std::string interactionId;  ///< the reply it went into; "" when copied
    ArticleUse how = ArticleUse::Inserted;
    std::int64_t useCount = 0;  ///< the article's count after this use
    MSGPACK_DEFINE_MAP(articleId, title, agentId, interactionId, how, useCount)
};

}  // namespace agentdesk::events
