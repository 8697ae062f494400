#include "model/helper_check.hpp"

#include <agentdesk/helper_app.hpp>

#include <fmt/format.h>

#include <cerrno>
#include <chrono>
#include <csignal>
#include <poll.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;

namespace agentdesk::agent {

namespace fs = std::filesystem;

namespace {

constexpr std::string_view kName = kHelperName;

/// "0.1.0" -> "0.1".
std::string majorMinor(std::string_view version) {
    const auto first = version.find('.');
    if (first == std::string_view::npos) return std::string(version);
    const auto second = version.find('.', first + 1);
    return std::string(version.substr(0, second));
}

std::vector<long> numbers(std::string_view version) {
    std::vector<long> out;
    long current = -1;
    for (char c : version) {
        if (c >= '0' && c <= '9') {
            current = (current < 0 ? 0 : current * 10) + (c - '0');
        } else if (c == '.') {
            out.push_back(current < 0 ? 0 : current);
            current = -1;
        } else {
            break;  // "1.2.0-rc1": the numbers before the suffix
        }
    }
    if (current >= 0) out.push_back(current);
    return out;
}

}  // namespace

bool versionAtLeast(std::string_view have, std::string_view need) {
    const std::vector<long> a = numbers(have);
    const std::vector<long> b = numbers(need);
    if (a.empty()) return false;
    for (std::size_t i = 0; i < b.size(); ++i) {
        const long x = i < a.size() ? a[i] : 0;
        if (x != b[i]) return x > b[i];
    }
    return true;
}

std::optional<std::string> runForOutput(const fs::path& program, const std::vector<std::string>& arguments,
                                        Milliseconds timeout) {
    int pipeEnds[2];
    if (::pipe(pipeEnds) != 0) return std::nullopt;
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, pipeEnds[1], STDOUT_FILENO);
    posix_spawn_file_actions_addclose(&actions, pipeEnds[0]);
    std::vector<std::string> words{program.string()};
    words.insert(words.end(), arguments.begin(), arguments.end());
    std::vector<char*> argv;
    for (std::string& word : words) argv.push_back(word.data());
    argv.push_back(nullptr);
    pid_t child = 0;
    const int spawned = posix_spawn(&child, program.c_str(), &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    ::close(pipeEnds[1]);
    if (spawned != 0) {
        ::close(pipeEnds[0]);
        return std::nullopt;
    }
    std::string output;
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    bool timedOut = false;
    for (;;) {
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
        if (left.count() <= 0) {
            timedOut = true;
            break;
        }
        pollfd readable{pipeEnds[0], POLLIN, 0};
        const int ready = ::poll(&readable, 1, static_cast<int>(left.count()));
        if (ready < 0 && errno == EINTR) continue;
        if (ready <= 0) {
            timedOut = ready == 0;
            break;
        }
        char buffer[512];
        const ssize_t got = ::read(pipeEnds[0], buffer, sizeof buffer);
        if (got <= 0) break;  // the end: it closed its output
        if (output.size() < 64 * 1024) output.append(buffer, static_cast<std::size_t>(got));
    }
    ::close(pipeEnds[0]);
    if (timedOut) ::kill(child, SIGKILL);
    int status = 0;
    while (::waitpid(child, &status, 0) < 0 && errno == EINTR) {}
    if (timedOut || !WIFEXITED(status) || WEXITSTATUS(status) != 0) return std::nullopt;
    return output;
}

HelperStatus checkHelper(const std::vector<fs::path>& candidates, std::string_view desktopVersion, Milliseconds timeout) {
    HelperStatus status;
    status.required = majorMinor(desktopVersion);
    if (const std::optional<fs::path> found = findHelper(candidates)) {
        const fs::path& candidate = *found;
        status.path = candidate;
        const std::optional<std::string> answer = runForOutput(candidate, {"--version"}, timeout);
        // "agentdesk-helper 0.1.0"
        const std::string prefix = std::string(kName) + " ";
        if (!answer || !answer->starts_with(prefix)) {
            status.kind = HelperStatus::Kind::Broken;
            return status;
        }
        std::string version = answer->substr(prefix.size());
        while (!version.empty() && (version.back() == '\n' || version.back() == '\r' || version.back() == ' ')) version.pop_back();
        status.version = version;
        status.kind = versionAtLeast(version, status.required) ? HelperStatus::Kind::Present : HelperStatus::Kind::Outdated;
        return status;
    }
    status.kind = HelperStatus::Kind::Missing;
    return status;
}

std::string HelperStatus::summary() const {
    switch (kind) {
        case Kind::Present: return fmt::format("{} {} ({})", kName, version, path.string());
        case Kind::Outdated: return fmt::format("{} {} is out of date: {} or newer is needed", kName, version, required);
        case Kind::Broken: return fmt::format("{} at {} does not answer", kName, path.string());
        case Kind::Missing: break;
    }
    return fmt::format("{} is not installed", kName);
}

std::string HelperStatus::advice() const {
    constexpr std::string_view off =
        "Screen-pops into other programs on this computer are off until then; everything else works.";
    switch (kind) {
        case Kind::Present: return {};
        case Kind::Missing:
            return fmt::format("The helper application ({}) was not found. Install it: it comes with the agentdesk "
                               "package (sudo apt install ./agentdesk_*.deb), or put it on your PATH or in "
                               "AGENTDESK_HELPER. {}",
                               kName, off);
        case Kind::Outdated:
            return fmt::format("The helper application at {} is version {}; this desktop needs {} or newer. Update it "
                               "with the agentdesk package of this version. {}",
                               path.string(), version, required, off);
        case Kind::Broken:
            return fmt::format("The helper application at {} did not answer when asked its version: reinstall it with "
                               "the agentdesk package. {}",
                               path.string(), off);
    }
    return {};
}

}  // namespace agentdesk::agent
