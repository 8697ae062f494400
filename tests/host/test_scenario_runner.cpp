#include "scenario/scenario_runner.hpp"

#include <agentdesk/runtime/harness.hpp>

#include <doctest/doctest.h>

using namespace agentdesk;
using namespace agentdesk::host;

namespace {

struct Echo {
    static constexpr std::string_view topic = "test.echo";
    std::string text;
    int delayMs = 0;
    MSGPACK_DEFINE_MAP(text, delayMs)
};
struct Echoed {
    static constexpr std::string_view topic = "test.echoed";
    std::string text;
    std::int64_t atMs = 0;
    MSGPACK_DEFINE_MAP(text, atMs)
};

// A tiny service that answers after a delay, on the virtual clock.
struct DelayedEcho {
    Harness& h;
    Subscription sub;
    std::vector<Timer> pending;
    explicit DelayedEcho(Harness& harness) : h(harness) {
        sub = h.bus.subscribe<Echo>([this](const Echo& e) {
            pending.push_back(h.timers.at(h.clock.now() + Milliseconds(e.delayMs), [this, text = e.text] {
                h.bus.publish(Echoed{text, toEpochMs(h.clock.now())});
            }));
        });
    }
};

ScenarioResult run(Harness& h, const char* json) {
    ScenarioRunner runner(ScenarioTarget{h.bus, h.clock, h.timers, {}, {}, {}});
    return runner.run(nlohmann::json::parse(json));
}

}  // namespace

TEST_CASE("an expectation waits on the virtual clock up to its limit") {
    Harness h;
    DelayedEcho echo(h);
    auto result = run(h, R"({"start": "2026-01-05T08:00:00Z", "steps": [
        {"publish": "test.echo", "payload": {"text": "hi", "delayMs": 30000}},
        {"expect": "test.echoed", "match": {"text": "hi"}, "within": "1m", "save": {"when": "atMs"}}
    ]})");
    CHECK_MESSAGE(result.passed, result.report);
    CHECK(h.clock.now() == fromEpochMs(1767600000000) + Milliseconds(30000));
}

TEST_CASE("an expectation that is not met fails with the candidates and the first difference") {
    Harness h;
    DelayedEcho echo(h);
    auto result = run(h, R"({"steps": [
        {"publish": "test.echo", "payload": {"text": "hello", "delayMs": 10}},
        {"expect": "test.echoed", "match": {"text": "goodbye"}, "within": "5s"}
    ]})");
    CHECK_FALSE(result.passed);
    CHECK(result.stepsRun == 2);
    CHECK(result.report.find("FAILED at step 2") != std::string::npos);
    CHECK(result.report.find("text: expected \"goodbye\", got \"hello\"") != std::string::npos);
}

TEST_CASE("an answer that comes too late fails the expectation") {
    Harness h;
    DelayedEcho echo(h);
    auto result = run(h, R"({"steps": [
        {"publish": "test.echo", "payload": {"text": "slow", "delayMs": 60000}},
        {"expect": "test.echoed", "within": "10s"}
    ]})");
    CHECK_FALSE(result.passed);
}

TEST_CASE("saved fields feed later steps, and expectNot catches what must not happen") {
    Harness h;
    DelayedEcho echo(h);
    auto result = run(h, R"({"steps": [
        {"publish": "test.echo", "payload": {"text": "first", "delayMs": 0}},
        {"expect": "test.echoed", "save": {"said": "text"}},
        {"publish": "test.echo", "payload": {"text": "${said}", "delayMs": 5}},
        {"expect": "test.echoed", "match": {"text": "first"}, "within": "1s"},
        {"expectNot": "test.echoed", "within": "1m"}
    ]})");
    CHECK_MESSAGE(result.passed, result.report);

    auto failing = run(h, R"({"steps": [
        {"publish": "test.echo", "payload": {"text": "x", "delayMs": 5}},
        {"expectNot": "test.echoed", "within": "1s"}
    ]})");
    CHECK_FALSE(failing.passed);
}

TEST_CASE("expectations are met in order: a message already used cannot be matched twice") {
    Harness h;
    DelayedEcho echo(h);
    auto result = run(h, R"({"steps": [
        {"publish": "test.echo", "payload": {"text": "once", "delayMs": 0}},
        {"expect": "test.echoed", "match": {"text": "once"}},
        {"expect": "test.echoed", "match": {"text": "once"}, "within": "1s"}
    ]})");
    CHECK_FALSE(result.passed);
}

TEST_CASE("malformed scenarios are refused with a readable reason") {
    Harness h;
    CHECK(run(h, R"({"nosteps": []})").report.find("steps") != std::string::npos);
    CHECK(run(h, R"({"start": "yesterday", "steps": []})").report.find("start") != std::string::npos);
    CHECK(run(h, R"({"steps": [{"dance": 1}]})").report.find("unknown step") != std::string::npos);
    CHECK(run(h, R"({"steps": [{"advance": "soon"}]})").report.find("duration") != std::string::npos);
    CHECK(run(h, R"({"steps": [{"publish": "x", "payload": {"a": "${nope}"}}]})").report.find("unknown variable") !=
          std::string::npos);
    CHECK(run(h, R"({"steps": [{"screenshot": "a.png"}]})").report.find("needs a window") != std::string::npos);
}

TEST_CASE("durations and subset matching") {
    CHECK(ScenarioRunner::parseDuration("250ms") == Milliseconds(250));
    CHECK(ScenarioRunner::parseDuration("30s") == Milliseconds(30000));
    CHECK(ScenarioRunner::parseDuration("2h") == Milliseconds(7200000));
    CHECK(ScenarioRunner::parseDuration(1500) == Milliseconds(1500));
    CHECK_FALSE(ScenarioRunner::parseDuration("-5s"));
    CHECK_FALSE(ScenarioRunner::parseDuration("5 parsecs"));
    std::string why;
    CHECK(ScenarioRunner::matches({{"a", 1}}, {{"a", 1}, {"b", 2}}, why));
    CHECK(ScenarioRunner::matches({{"n", 3}}, {{"n", 3.0}}, why));
    CHECK_FALSE(ScenarioRunner::matches({{"a", {{"b", 1}}}}, {{"a", {{"b", 2}}}}, why));
    CHECK(why == "a.b: expected 1, got 2");
    CHECK_FALSE(ScenarioRunner::matches({{"list", {1, 2}}}, {{"list", {1}}}, why));
}

TEST_CASE("a command step runs the registered command - an unknown one stops the scenario with its reason") {
    Harness h;
    std::vector<std::string> ran;
    ScenarioTarget target{h.bus, h.clock, h.timers, {}, {}, {}};
    target.runCommand = [&ran](const std::string& id) -> std::string {
        if (id != "panel.focus") return "no command \"" + id + "\"";
        ran.push_back(id);
        return {};
    };
    ScenarioRunner runner(target);
    auto ok = runner.run(nlohmann::json::parse(R"({"steps": [{"command": "panel.focus"}]})"));
    CHECK_MESSAGE(ok.passed, ok.report);
    CHECK(ran == std::vector<std::string>{"panel.focus"});
    auto bad = runner.run(nlohmann::json::parse(R"({"steps": [{"command": "panel.nothing"}, {"command": "panel.focus"}]})"));
    CHECK_FALSE(bad.passed);
    CHECK(bad.report.find("no command \"panel.nothing\"") != std::string::npos);
    CHECK(ran.size() == 1);
}
