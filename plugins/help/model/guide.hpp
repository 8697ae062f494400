#pragma once
// The user guide (spec UI-16): a Markdown file shipped in assets/help/, read into chapters
// ("# Title") and sections ("## Title") of paragraphs, bullets and code lines, and searched.
// Only the Markdown the guide uses is understood: headings, paragraphs, "- " bullets,
// indented continuation lines, **bold** and `code` (their marks are dropped). No ImGui here.

#include <filesystem>
#include <string>
#include <vector>

namespace agentdesk::help {

struct Block {
    enum class Kind { Paragraph, Bullet };
    Kind kind = Kind::Paragraph;
    std::string text;  ///< one line of flowing text, marks removed
};

/// A chapter (level 1) or a section in one (level 2).
struct Section {
    int level = 1;
    std::string title;
    std::vector<Block> blocks;
};

/// A section that matches a search, with the text around the first match.
struct Match {
    std::size_t section = 0;
    std::string snippet;
};

class Guide {
public:
    /// Reads Markdown text.
    static Guide parse(std::string_view markdown);
    /// Reads a file; an empty guide with `error` set when it cannot be read.
    static Guide load(const std::filesystem::path& file, std::string& error);

    const std::vector<Section>& sections() const { return sections_; }
    /// Sections where every word of `query` appears (title or text, any case), in guide order;
    /// a match in the title counts first.
    std::vector<Match> search(std::string_view query) const;

private:
    std::vector<Section> sections_;
};

}  // namespace agentdesk::help
