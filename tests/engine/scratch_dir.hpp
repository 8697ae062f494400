#pragma once
// A fresh directory per test, removed afterwards: test cases run in parallel processes.

#include <doctest/doctest.h>

#include <filesystem>
#include <string>
#include <system_error>
#include <unistd.h>

namespace agentdesk::testing {

class ScratchDir {
public:
    explicit ScratchDir(std::string_view prefix = "agentdesk-test") {
        std::string pattern = (std::filesystem::temp_directory_path() / (std::string(prefix) + "-XXXXXX")).string();
        REQUIRE(::mkdtemp(pattern.data()) != nullptr);
        path_ = pattern;
    }
    ~ScratchDir() {
        std::error_code ignored;
        std::filesystem::remove_all(path_, ignored);
    }
    ScratchDir(const ScratchDir&) = delete;
    ScratchDir& operator=(const ScratchDir&) = delete;
    const std::filesystem::path& path() const { return path_; }

private:
    std::filesystem::path path_;
};

}  // namespace agentdesk::testing
