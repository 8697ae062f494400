#pragma once
// Scenarios: scripted steps on a virtual clock, for tests and demos. A scenario is JSON:
//
//   {"name": "...", "start": "2026-01-05T08:00:00Z",
//    "steps": [
//      {"publish": "agent.login.request", "payload": {"userName": "anna", ...}},
//      {"expect": "agent.login.succeeded", "match": {"userName": "anna"}, "within": "5s",
//       "save": {"agent": "agentId"}},
//      {"publish": "agent.state.set", "payload": {"agentId": "${agent}", "state": "Ready"}},
//      {"advance": "30s"},
//      {"expectNot": "agent.state.changed", "match": {"state": "Busy"}, "within": "10s"},
//      {"comment": "a note for whoever reads the scenario or its log"},
//      {"command": "directory.search"},
//      {"frames": 3},
//      {"screenshot": "after-login.png"}
//    ]}
//
// `expect` looks at messages published since the previous matched expectation, in order; when
// none matches yet it lets virtual time pass (up to `within`) so timers can fire. `match` is a
// subset: every field given must be equal (objects recursively, lists element-wise). `save`
// keeps payload fields as ${variables} for later steps. The first failed step stops the run
// with a readable account of what was expected and what came instead. `command` runs a
// registered command, as the agent's shortcut would (e.g. to bring a panel forward).

#include <agentdesk/bus.hpp>
#include <agentdesk/runtime/event_bus.hpp>
#include <agentdesk/runtime/timing.hpp>

#include <nlohmann/json.hpp>

#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace agentdesk::host {

/// What a scenario needs from the desktop it drives.
struct ScenarioTarget {
    EventBus& bus;
    VirtualClock& clock;
    TimerQueue& timers;
    /// Renders N frames (absent when headless).
    std::function<void(int frames)> renderFrames;
    /// Saves the next rendered frame (absent when headless); returns "" or an error.
    std::function<std::string(const std::filesystem::path&)> screenshot;
    /// Runs a command a plugin registered (as its shortcut or menu entry would); returns "" or an error.
    std::function<std::string(const std::string& commandId)> runCommand;
};

struct ScenarioResult {
    bool passed = false;
    int stepsRun = 0;
    std::string report;  ///< step-by-step log; on failure ends with the diff
};

class ScenarioRunner {
public:
    explicit ScenarioRunner(ScenarioTarget target);
    ~ScenarioRunner();

    /// Loads and runs a scenario file. Relative screenshot paths are relative to the working directory.
    ScenarioResult runFile(const std::filesystem::path& file);
    /// Runs a parsed scenario.
    ScenarioResult run(const nlohmann::json& scenario);

    /// The "start" time a scenario file asks for, if it is readable and has one. The desktop sets
    /// its virtual clock to it before plugins load, so every timestamp in the run is reproducible.
    static std::optional<TimePoint> startOf(const std::filesystem::path& file);
    /// Parses "1500", "250ms", "30s", "5m", "2h" into milliseconds.
    static std::optional<Milliseconds> parseDuration(const nlohmann::json& value);
    /// True when `actual` contains everything in `expected`; otherwise explains the first difference.
    static bool matches(const nlohmann::json& expected, const nlohmann::json& actual, std::string& why,
                        const std::string& path = "");

private:
    struct Seen {
        std::string topic;
        nlohmann::json payload;
        std::uint64_t correlation;
        std::string sender;
        TimePoint time;
    };

    bool step(const nlohmann::json& step, std::string& error);
    bool expect(const nlohmann::json& step, bool negate, std::string& error);
    std::optional<std::size_t> findMatch(const std::string& topic, const nlohmann::json& match, std::size_t from) const;
    std::string describeCandidates(const std::string& topic, const nlohmann::json& match) const;
    nlohmann::json substitute(const nlohmann::json& value, std::string& error) const;
    void advanceTo(TimePoint target);

    ScenarioTarget target_;
    Subscription recorder_;
    std::vector<Seen> seen_;
    std::size_t cursor_ = 0;
    std::map<std::string, nlohmann::json> variables_;
    std::string log_;
};

}  // namespace agentdesk::host
