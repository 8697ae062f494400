#pragma once
// The starter knowledge base shipped in assets/kb/: one Markdown file per article, with a front
// matter block saying where it is filed, e.g.
//
//   ---
//   title: Returning an item within 60 days
//   folder: Returns and exchanges
//   service: support-chat          (optional: the service it is written for)
//   tags: returns, refund          (optional)
//   author: Customer care team     (optional)
//   ---
//   The text the agent reads and sends, paragraphs separated by blank lines.
//
// The article's id is the file name without ".md"; sub-folders only help people find the files.

#include "model/knowledge_base.hpp"

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace agentdesk::kb {

/// What was read from a starter folder.
struct StarterArticles {
    std::vector<Article> articles;       ///< in file-name order
    std::vector<std::string> problems;   ///< one line per file that could not be used, naming it
};

/// Reads every *.md below `folder`. A missing folder gives no articles and one problem.
StarterArticles loadStarterArticles(const std::filesystem::path& folder);

/// Parses one article file's text; throws std::runtime_error saying what is wrong.
Article parseArticleFile(std::string_view id, std::string_view text);

}  // namespace agentdesk::kb
