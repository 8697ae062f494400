#include "model/starter_articles.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace agentdesk::kb {

namespace {

std::string trim(std::string_view text) {
    const auto first = text.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos) return {};
    const auto last = text.find_last_not_of(" \t\r\n");
    return std::string(text.substr(first, last - first + 1));
}

/// The text split into lines, without their line ends.
std::vector<std::string_view> linesOf(std::string_view text) {
    std::vector<std::string_view> lines;
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string_view::npos) end = text.size();
        std::string_view line = text.substr(start, end - start);
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        lines.push_back(line);
        start = end + 1;
    }
    return lines;
}

}  // namespace

Article parseArticleFile(std::string_view id, std::string_view text) {
    const auto lines = linesOf(text);
    if (lines.empty() || trim(lines[0]) != "---") {
        throw std::runtime_error("it does not start with a front matter block (a line with ---)");
    }
    Article article;
    article.id = std::string(id);
    article.state = ArticleState::Published;
    article.version = 1;
    std::size_t i = 1;
    for (; i < lines.size() && trim(lines[i]) != "---"; ++i) {
        const std::string line = trim(lines[i]);
        if (line.empty() || line.starts_with('#')) continue;
        const auto colon = line.find(':');
        if (colon == std::string::npos) throw std::runtime_error(fmt::format("line {} is not \"key: value\"", i + 1));
        const std::string key = trim(std::string_view(line).substr(0, colon));
        const std::string value = trim(std::string_view(line).substr(colon + 1));
        if (key == "title") article.content.title = value;
        else if (key == "folder") article.content.folder = value;
        else if (key == "service") article.content.service = value;
        else if (key == "tags") article.content.tags = normaliseTags({value});
        else if (key == "author") article.author = value;
        else throw std::runtime_error(fmt::format("line {}: unknown key \"{}\" (title, folder, service, tags, author)", i + 1, key));
    }
    if (i == lines.size()) throw std::runtime_error("the front matter block is not closed (a line with ---)");
    std::string body;
    for (++i; i < lines.size(); ++i) {
        body += lines[i];
        body += '\n';
    }
    article.content.body = trim(body);
    if (article.content.title.empty()) throw std::runtime_error("it has no title");
    if (article.content.folder.empty()) throw std::runtime_error("it has no folder");
    if (article.content.body.empty()) throw std::runtime_error("it has no text after the front matter");
    if (article.author.empty()) article.author = "Knowledge team";
    return article;
}

StarterArticles loadStarterArticles(const std::filesystem::path& folder) {
    StarterArticles result;
    std::error_code error;
    if (!std::filesystem::is_directory(folder, error)) {
        result.problems.push_back(fmt::format("{}: the starter knowledge base folder is missing", folder.string()));
        return result;
    }
    std::vector<std::filesystem::path> files;
    for (std::filesystem::recursive_directory_iterator it(folder, error), end; !error && it != end; it.increment(error)) {
        if (it->is_regular_file() && it->path().extension() == ".md" && it->path().filename() != "README.md") {
            files.push_back(it->path());
        }
    }
    if (error) result.problems.push_back(fmt::format("{}: {}", folder.string(), error.message()));
    std::sort(files.begin(), files.end(), [](const auto& a, const auto& b) { return a.filename() < b.filename(); });
    for (const auto& file : files) {
        std::ifstream in(file, std::ios::binary);
        std::ostringstream text;
        text << in.rdbuf();
        if (!in) {
            result.problems.push_back(fmt::format("{}: cannot be read", file.string()));
            continue;
        }
        const std::string id = file.stem().string();
        const bool duplicate = std::any_of(result.articles.begin(), result.articles.end(),
                                           [&](const Article& a) { return a.id == id; });
        if (duplicate) {
            result.problems.push_back(fmt::format("{}: another file already has the id \"{}\"", file.string(), id));
            continue;
        }
        try {
            result.articles.push_back(parseArticleFile(id, text.str()));
        } catch (const std::exception& e) {
            result.problems.push_back(fmt::format("{}: {}", file.string(), e.what()));
        }
    }
    return result;
}

}  // namespace agentdesk::kb
