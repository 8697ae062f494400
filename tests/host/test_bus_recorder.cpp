#include "core/options.hpp"
#include "devtools/bus_recorder.hpp"

#include <agentdesk/events/agent.hpp>
#include <agentdesk/runtime/event_bus.hpp>
#include <agentdesk/runtime/timing.hpp>

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <fstream>
#include <vector>

using namespace agentdesk;
using namespace agentdesk::host;

namespace {

std::vector<nlohmann::json> readLines(const std::filesystem::path& file) {
    std::vector<nlohmann::json> lines;
    std::ifstream in(file);
    for (std::string line; std::getline(in, line);) lines.push_back(nlohmann::json::parse(line));
    return lines;
}

std::filesystem::path tempFile(const char* name) {
    auto dir = std::filesystem::temp_directory_path() / "agentdesk-test-recorder";
    std::filesystem::create_directories(dir);
    return dir / name;
}

}  // namespace

TEST_CASE("--record records every bus message delivered, in order, with time, topic, sender, correlation and payload") {
    const auto file = tempFile("recording.jsonl");
    EventBus bus;
    VirtualClock clock(fromEpochMs(1767600000000));
    {
        BusRecorder recorder(bus, clock, file);
        REQUIRE(recorder.ok());
        const auto correlation = bus.publish(events::SetState{"a1", AgentState::Ready, ""});
        bus.publishRaw(Message{"test.raw", encode(events::LoggedOut{"a1", "bye"}), correlation, "engine"});
        bus.dispatch();
        clock.advance(Milliseconds(1500));
        bus.publishRaw(Message{"test.not_msgpack", std::string("\xc1\xff", 2), 0, "x"});
        bus.dispatch();
        CHECK(recorder.written() == 3);
    }
    const auto lines = readLines(file);
    REQUIRE(lines.size() == 3);
    CHECK(lines[0]["topic"] == "agent.state.set");
    CHECK(lines[0]["atMs"] == 1767600000000);
    CHECK(lines[0]["payload"]["agentId"] == "a1");
    CHECK(lines[0]["payload"]["state"] == "Ready");
    CHECK(lines[1]["topic"] == "test.raw");
    CHECK(lines[1]["sender"] == "engine");
    CHECK(lines[1]["correlation"] == lines[0]["correlation"]);
    CHECK(lines[1]["payload"]["reason"] == "bye");
    CHECK(lines[2]["atMs"] == 1767600001500);
    CHECK(lines[2]["payload"]["undecodable"] == "c1ff");
}

TEST_CASE("a recording that cannot be written is refused with the path and the reason") {
    EventBus bus;
    VirtualClock clock;
    BusRecorder recorder(bus, clock, "/nonexistent-dir/for-sure/recording.jsonl");
    CHECK_FALSE(recorder.ok());
    CHECK(recorder.error().find("/nonexistent-dir/for-sure/recording.jsonl") != std::string::npos);
    bus.publish(events::SetState{"a1", AgentState::Ready, ""});
    bus.dispatch();
    CHECK(recorder.written() == 0);
}

TEST_CASE("a recording never holds a password") {
    events::LoginRequest login;
    login.userName = "anna";
    login.password = "demo";
    const auto line = nlohmann::json::parse(BusRecorder::line(Message{"agent.login.request", encode(login), 3, "agent"}, {}));
    CHECK(line["payload"]["userName"] == "anna");
    CHECK(line["payload"]["password"] == "***");
}

TEST_CASE("--record takes the file to write") {
    std::vector<const char*> argv{"agentdesk", "--record", "bus.jsonl"};
    std::string error;
    auto options = parseOptions(static_cast<int>(argv.size()), argv.data(), error);
    REQUIRE(options);
    CHECK(options->record == std::filesystem::path("bus.jsonl"));
}
