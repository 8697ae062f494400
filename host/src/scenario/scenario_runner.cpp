#include "scenario/scenario_runner.hpp"

#include <agentdesk/runtime/harness.hpp>

#include <algorithm>
#include <charconv>
#include <chrono>
#include <fmt/chrono.h>
#include <fmt/format.h>
#include <fstream>
#include <cstdio>

namespace agentdesk::host {

namespace {

std::optional<TimePoint> parseIsoTime(const std::string& text) {
    int y = 0, mo = 0, d = 0, h = 0, mi = 0, sec = 0;
    char tail = 0;
    if (std::sscanf(text.c_str(), "%4d-%2d-%2dT%2d:%2d:%2d%c", &y, &mo, &d, &h, &mi, &sec, &tail) != 7 || tail != 'Z') {
        return std::nullopt;
    }
    std::chrono::year_month_day date{std::chrono::year(y), std::chrono::month(static_cast<unsigned>(mo)),
                                     std::chrono::day(static_cast<unsigned>(d))};
    if (!date.ok() || h > 23 || mi > 59 || sec > 60) return std::nullopt;
    return TimePoint(std::chrono::sys_days(date) + std::chrono::hours(h) + std::chrono::minutes(mi) +
                     std::chrono::seconds(sec));
}

std::string formatTime(TimePoint t) {
    return fmt::format("{:%H:%M:%S}", fmt::gmtime(static_cast<std::time_t>(toEpochMs(t) / 1000)));
}

}  // namespace

ScenarioRunner::ScenarioRunner(ScenarioTarget target) : target_(std::move(target)) {
    recorder_ = target_.bus.subscribePattern("*", [this](const Message& m) {
        nlohmann::json payload;
        try {
            payload = nlohmann::json::from_msgpack(m.payload);
        } catch (const nlohmann::json::exception&) {
            payload = "<undecodable payload>";
        }
        seen_.push_back({m.topic, std::move(payload), m.correlation, m.sender, target_.clock.now()});
    });
}

ScenarioRunner::~ScenarioRunner() = default;

std::optional<Milliseconds> ScenarioRunner::parseDuration(const nlohmann::json& value) {
    if (value.is_number_integer() && value.get<long long>() >= 0) return Milliseconds(value.get<long long>());
    if (!value.is_string()) return std::nullopt;
    const std::string text = value.get<std::string>();
    long long amount = 0;
    auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), amount);
    if (ec != std::errc() || amount < 0) return std::nullopt;
    std::string_view unit(ptr, text.data() + text.size() - ptr);
    if (unit.empty() || unit == "ms") return Milliseconds(amount);
    if (unit == "s") return Milliseconds(amount * 1000);
    if (unit == "m") return Milliseconds(amount * 60'000);
    if (unit == "h") return Milliseconds(amount * 3'600'000);
    return std::nullopt;
}

bool ScenarioRunner::matches(const nlohmann::json& expected, const nlohmann::json& actual, std::string& why,
                             const std::string& path) {
    const std::string here = path.empty() ? "payload" : path;
    if (expected.is_object()) {
        if (!actual.is_object()) {
            why = fmt::format("{}: expected an object, got {}", here, actual.dump());
            return false;
        }
        for (const auto& [key, value] : expected.items()) {
            const std::string child = path.empty() ? key : path + "." + key;
            if (!actual.contains(key)) {
                why = fmt::format("{}: missing (expected {})", child, value.dump());
                return false;
            }
            if (!matches(value, actual.at(key), why, child)) return false;
        }
        return true;
    }
    if (expected.is_array()) {
        if (!actual.is_array() || actual.size() != expected.size()) {
            why = fmt::format("{}: expected {}, got {}", here, expected.dump(), actual.dump());
            return false;
        }
        for (std::size_t i = 0; i < expected.size(); ++i) {
            if (!matches(expected[i], actual[i], why, fmt::format("{}[{}]", here, i))) return false;
        }
        return true;
    }
    // Numbers compare by value whatever their encoding (msgpack may narrow integers).
    if (expected.is_number() && actual.is_number()) {
        if (expected.get<double>() == actual.get<double>()) return true;
    } else if (expected == actual) {
        return true;
    }
    why = fmt::format("{}: expected {}, got {}", here, expected.dump(), actual.dump());
    return false;
}

std::optional<TimePoint> ScenarioRunner::startOf(const std::filesystem::path& file) {
    std::ifstream in(file);
    if (!in) return std::nullopt;
    const auto scenario = nlohmann::json::parse(in, nullptr, false);
    if (!scenario.is_object() || !scenario.contains("start") || !scenario["start"].is_string()) return std::nullopt;
    return parseIsoTime(scenario["start"].get<std::string>());
}

ScenarioResult ScenarioRunner::runFile(const std::filesystem::path& file) {
    std::ifstream in(file);
    if (!in) return {false, 0, "cannot open scenario " + file.string()};
    nlohmann::json scenario;
    try {
        scenario = nlohmann::json::parse(in);
    } catch (const nlohmann::json::exception& e) {
        return {false, 0, fmt::format("scenario {} is not valid JSON: {}", file.string(), e.what())};
    }
    return run(scenario);
}

ScenarioResult ScenarioRunner::run(const nlohmann::json& scenario) {
    ScenarioResult result;
    if (!scenario.is_object() || !scenario.contains("steps") || !scenario["steps"].is_array()) {
        result.report = "a scenario is an object with a \"steps\" list";
        return result;
    }
    if (scenario.contains("start")) {
        auto start = scenario["start"].is_string() ? parseIsoTime(scenario["start"].get<std::string>()) : std::nullopt;
        if (!start) {
            result.report = "\"start\" must look like 2026-01-05T08:00:00Z";
            return result;
        }
        target_.clock.set(*start);
    }
    log_ = fmt::format("scenario: {}\n", scenario.value("name", std::string("(unnamed)")));
    target_.bus.dispatch();
    for (const auto& s : scenario["steps"]) {
        ++result.stepsRun;
        std::string error;
        log_ += fmt::format("  [{}] step {}: {}\n", formatTime(target_.clock.now()), result.stepsRun, s.dump());
        if (!step(s, error)) {
            log_ += fmt::format("FAILED at step {}: {}\n", result.stepsRun, error);
            result.report = log_;
            return result;
        }
    }
    log_ += fmt::format("PASSED ({} steps)\n", result.stepsRun);
    result.passed = true;
    result.report = log_;
    return result;
}

void ScenarioRunner::advanceTo(TimePoint target) {
    advanceVirtualTime(target_.clock, target_.timers, target_.bus, target);
}

bool ScenarioRunner::step(const nlohmann::json& s, std::string& error) {
    if (!s.is_object()) {
        error = "each step is an object";
        return false;
    }
    if (s.contains("publish")) {
        nlohmann::json payload = substitute(s.value("payload", nlohmann::json::object()), error);
        if (!error.empty()) return false;
        if (!payload.is_object()) {
            error = "\"payload\" must be an object";
            return false;
        }
        std::vector<std::uint8_t> bytes = nlohmann::json::to_msgpack(payload);
        Message m{s["publish"].get<std::string>(), std::string(bytes.begin(), bytes.end()),
                  target_.bus.nextCorrelation(), "scenario"};
        target_.bus.publishRaw(std::move(m));
        target_.bus.dispatch();
        return true;
    }
    if (s.contains("comment")) return true;  // a note for the reader, shown in the log
    if (s.contains("expect")) return expect(s, false, error);
    if (s.contains("expectNot")) return expect(s, true, error);
    if (s.contains("advance")) {
        auto d = parseDuration(s["advance"]);
        if (!d) {
            error = "\"advance\" needs a duration such as \"30s\"";
            return false;
        }
        advanceTo(target_.clock.now() + *d);
        return true;
    }
    if (s.contains("frames")) {
        if (!target_.renderFrames) return true;  // headless: nothing to draw
        target_.renderFrames(s["frames"].get<int>());
        return true;
    }
    if (s.contains("command")) {
        if (!s["command"].is_string()) {
            error = "\"command\" needs a command id such as \"directory.search\"";
            return false;
        }
        error = target_.runCommand ? target_.runCommand(s["command"].get<std::string>()) : "this desktop runs no commands";
        return error.empty();
    }
    if (s.contains("screenshot")) {
        if (!target_.screenshot) {
            error = "screenshot needs a window; run the scenario without --headless";
            return false;
        }
        error = target_.screenshot(s["screenshot"].get<std::string>());
        return error.empty();
    }
    error = "unknown step (use publish, expect, expectNot, advance, command, frames or screenshot)";
    return false;
}

std::optional<std::size_t> ScenarioRunner::findMatch(const std::string& topic, const nlohmann::json& match,
                                                     std::size_t from) const {
    for (std::size_t i = from; i < seen_.size(); ++i) {
        std::string why;
        if (seen_[i].topic == topic && matches(match, seen_[i].payload, why)) return i;
    }
    return std::nullopt;
}

std::string ScenarioRunner::describeCandidates(const std::string& topic, const nlohmann::json& match) const {
    std::string text;
    int shown = 0;
    for (std::size_t i = cursor_; i < seen_.size(); ++i) {
        if (seen_[i].topic != topic) continue;
        std::string why;
        matches(match, seen_[i].payload, why);
        text += fmt::format("\n    {} at {}: {}\n      difference: {}", topic, formatTime(seen_[i].time),
                            seen_[i].payload.dump(), why);
        if (++shown == 5) break;
    }
    if (shown == 0) {
        text = fmt::format("\n    no '{}' message since the previous expectation; messages seen:", topic);
        for (std::size_t i = cursor_; i < seen_.size() && i < cursor_ + 15; ++i) {
            text += fmt::format("\n      {} {}", seen_[i].topic, seen_[i].payload.dump());
        }
        if (cursor_ == seen_.size()) text += " none";
    }
    return text;
}

bool ScenarioRunner::expect(const nlohmann::json& s, bool negate, std::string& error) {
    const std::string topic = s[negate ? "expectNot" : "expect"].get<std::string>();
    nlohmann::json match = substitute(s.value("match", nlohmann::json::object()), error);
    if (!error.empty()) return false;
    auto within = parseDuration(s.value("within", nlohmann::json(0)));
    if (!within) {
        error = "\"within\" needs a duration such as \"5s\"";
        return false;
    }
    const TimePoint deadline = target_.clock.now() + *within;
    advanceTo(target_.clock.now());  // whatever is already due happens before we look
    std::optional<std::size_t> found = findMatch(topic, match, cursor_);
    // Let time pass timer by timer until a match appears or the deadline comes.
    while (!found && target_.clock.now() < deadline) {
        auto due = target_.timers.nextDue();
        TimePoint next = (due && *due < deadline) ? std::max(*due, target_.clock.now()) : deadline;
        advanceTo(next);
        found = findMatch(topic, match, cursor_);
    }
    if (negate) {
        if (found) {
            error = fmt::format("expected no '{}' matching {}, but got {}", topic, match.dump(), seen_[*found].payload.dump());
            return false;
        }
        return true;
    }
    if (!found) {
        error = fmt::format("expected '{}' matching {} within {} ms{}", topic, match.dump(), within->count(),
                            describeCandidates(topic, match));
        return false;
    }
    const Seen& m = seen_[*found];
    if (s.contains("save")) {
        for (const auto& [name, field] : s["save"].items()) {
            const std::string key = field.get<std::string>();
            // "message.messageId": a field of a field.
            const nlohmann::json* value = &m.payload;
            for (std::size_t start = 0; value && start <= key.size();) {
                const std::size_t dot = std::min(key.find('.', start), key.size());
                const std::string part = key.substr(start, dot - start);
                value = value->is_object() && value->contains(part) ? &value->at(part) : nullptr;
                start = dot + 1;
            }
            if (!value) {
                error = fmt::format("cannot save '{}': the message has no field '{}'", name, key);
                return false;
            }
            variables_[name] = *value;
        }
    }
    cursor_ = *found + 1;
    return true;
}

nlohmann::json ScenarioRunner::substitute(const nlohmann::json& value, std::string& error) const {
    if (value.is_string()) {
        const std::string text = value.get<std::string>();
        if (text.size() > 3 && text.starts_with("${") && text.ends_with("}")) {
            auto it = variables_.find(text.substr(2, text.size() - 3));
            if (it == variables_.end()) {
                error = "unknown variable " + text + " (save it in an earlier expect)";
                return nullptr;
            }
            return it->second;
        }
        return value;
    }
    if (value.is_object() || value.is_array()) {
        nlohmann::json out = value;
        for (auto& [key, child] : out.items()) child = substitute(child, error);
        return out;
    }
    return value;
}

}  // namespace agentdesk::host
