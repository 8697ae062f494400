#pragma once
// Shared by the knowledge base tests: a fresh folder per test (ctest runs tests in parallel
// processes), the starter articles from assets/kb, and the people who use them.

#include "model/knowledge_base.hpp"
#include "model/starter_articles.hpp"

#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <string>

namespace agentdesk::kb::testing {

/// A fresh folder in /tmp, removed at the end of the test.
class TempDir {
public:
    TempDir() {
        std::string pattern = (std::filesystem::temp_directory_path() / "agentdesk-kb-XXXXXX").string();
        REQUIRE(mkdtemp(pattern.data()) != nullptr);
        dir_ = pattern;
    }
    ~TempDir() {
        std::error_code ignored;
        std::filesystem::remove_all(dir_, ignored);
    }
    const std::filesystem::path& path() const { return dir_; }

private:
    std::filesystem::path dir_;
};

/// The shipped starter knowledge base; every file must load.
inline const std::vector<Article>& starterArticles() {
    static const StarterArticles starter = loadStarterArticles(std::filesystem::path(AGENTDESK_TEST_ASSETS) / "kb");
    for (const auto& problem : starter.problems) FAIL_CHECK(problem);
    return starter.articles;
}

inline const Person anna{"u-anna", "Anna Kowalski", "agent"};
inline const Person ben{"u-ben", "Ben Okafor", "agent"};
inline const Person sam{"u-sam", "Sam Rivera", "supervisor"};

/// 2026-01-05 08:00 UTC, the tests' "now".
inline constexpr std::int64_t kNow = 1767600000000;

/// The text between the markers of the first highlighted match, "" when none.
inline std::string firstMarked(const std::string& text) {
    const auto start = text.find(kMarkStart);
    const auto end = text.find(kMarkEnd, start);
    if (start == std::string::npos || end == std::string::npos) return {};
    return text.substr(start + 1, end - start - 1);
}

}  // namespace agentdesk::kb::testing
