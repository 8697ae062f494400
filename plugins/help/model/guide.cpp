#include "model/guide.hpp"

#include <algorithm>
#include <cctype>
#include <fstream>
#include <sstream>

namespace agentdesk::help {

namespace {

std::string lower(std::string_view text) {
    std::string out(text);
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

/// The text without **bold** and `code` marks.
std::string plain(std::string_view text) {
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '`') continue;
        if (text[i] == '*' && i + 1 < text.size() && text[i + 1] == '*') {
            ++i;
            continue;
        }
        out += text[i];
    }
    return out;
}

std::string_view trimmed(std::string_view line) {
    const auto first = line.find_first_not_of(" \t\r");
    if (first == std::string_view::npos) return {};
    return line.substr(first, line.find_last_not_of(" \t\r") - first + 1);
}

}  // namespace

Guide Guide::parse(std::string_view markdown) {
    Guide guide;
    std::istringstream in{std::string(markdown)};
    bool open = false;  // the last block may take continuation lines
    for (std::string raw; std::getline(in, raw);) {
        const std::string_view line = trimmed(raw);
        if (line.empty()) {
            open = false;
            continue;
        }
        if (line.starts_with("# ") || line.starts_with("## ")) {
            const int level = line.starts_with("## ") ? 2 : 1;
            guide.sections_.push_back({level, plain(trimmed(line.substr(static_cast<std::size_t>(level)))), {}});
            open = false;
            continue;
        }
        if (guide.sections_.empty()) guide.sections_.push_back({1, "Introduction", {}});
        auto& blocks = guide.sections_.back().blocks;
        if (line.starts_with("- ")) {
            blocks.push_back({Block::Kind::Bullet, plain(trimmed(line.substr(2)))});
            open = true;
        } else if (open && !blocks.empty()) {
            blocks.back().text += " " + plain(line);
        } else {
            blocks.push_back({Block::Kind::Paragraph, plain(line)});
            open = true;
        }
    }
    return guide;
}

Guide Guide::load(const std::filesystem::path& file, std::string& error) {
    std::ifstream in(file);
    if (!in) {
        error = "The user guide " + file.string() + " could not be read.";
        return {};
    }
    std::stringstream text;
    text << in.rdbuf();
    return parse(text.str());
}

std::vector<Match> Guide::search(std::string_view query) const {
    std::vector<std::string> words;
    std::istringstream in(lower(query));
    for (std::string w; in >> w;) words.push_back(w);
    std::vector<Match> inTitle, inText;
    for (std::size_t i = 0; i < sections_.size(); ++i) {
        const Section& s = sections_[i];
        std::string body;
        for (const Block& b : s.blocks) body += b.text + "\n";
        const std::string title = lower(s.title), text = lower(body);
        const bool all = std::all_of(words.begin(), words.end(), [&](const std::string& w) {
            return title.find(w) != std::string::npos || text.find(w) != std::string::npos;
        });
        if (!all) continue;
        Match match{i, {}};
        if (!words.empty()) {
            if (auto at = text.find(words.front()); at != std::string::npos) {
                std::size_t from = at > 40 ? at - 40 : 0;
                std::size_t to = std::min(body.size(), at + 60);
                // Whole UTF-8 characters only.
                while (from > 0 && (static_cast<unsigned char>(body[from]) & 0xC0) == 0x80) --from;
                while (to < body.size() && (static_cast<unsigned char>(body[to]) & 0xC0) == 0x80) ++to;
                match.snippet = (from > 0 ? "..." : "") + body.substr(from, to - from) + (to < body.size() ? "..." : "");
                std::replace(match.snippet.begin(), match.snippet.end(), '\n', ' ');
            }
        }
        const bool titled = !words.empty() && std::all_of(words.begin(), words.end(), [&](const std::string& w) {
            return title.find(w) != std::string::npos;
        });
        (titled ? inTitle : inText).push_back(std::move(match));
    }
    inTitle.insert(inTitle.end(), inText.begin(), inText.end());
    return inTitle;
}

}  // namespace agentdesk::help
