#include "devtools/bus_recorder.hpp"
#include "devtools/bus_replayer.hpp"

#include <agentdesk/events/agent.hpp>
#include <agentdesk/runtime/event_bus.hpp>
#include <agentdesk/runtime/timing.hpp>

#include <doctest/doctest.h>

#include <fstream>
#include <vector>

using namespace agentdesk;
using namespace agentdesk::host;

namespace {

std::filesystem::path writeFile(const char* name, const std::string& text) {
    auto dir = std::filesystem::temp_directory_path() / "agentdesk-test-replayer";
    std::filesystem::create_directories(dir);
    std::ofstream(dir / name) << text;
    return dir / name;
}

}  // namespace

TEST_CASE("--replay publishes a recording's messages with their sender and correlation, as far apart as recorded") {
    const TimePoint recordedAt = fromEpochMs(1767600000000);
    std::string recording;
    recording += BusRecorder::line(Message{"agent.logged_out", encode(events::LoggedOut{"a1", "first"}), 4, "engine"}, recordedAt) + "\n";
    recording += BusRecorder::line(Message{"agent.logged_out", encode(events::LoggedOut{"a1", "same time"}), 0, "engine"}, recordedAt) + "\n";
    recording += BusRecorder::line(Message{"agent.logged_out", encode(events::LoggedOut{"a2", "later"}), 9, "agent"},
                                   recordedAt + Milliseconds(2500)) + "\n";
    BusReplayer replayer(writeFile("recording.jsonl", recording));
    REQUIRE(replayer.ok());
    CHECK(replayer.size() == 3);

    EventBus bus;
    VirtualClock clock(fromEpochMs(1800000000000));  // replayed on another day: only the gaps matter
    TimerQueue timers;
    std::vector<std::pair<Message, events::LoggedOut>> seen;
    auto sub = bus.subscribe<events::LoggedOut>([&](const events::LoggedOut& e, const Message& m) { seen.emplace_back(m, e); });

    replayer.start(bus, timers, clock.now());
    bus.dispatch();
    REQUIRE(seen.size() == 2);
    CHECK(seen[0].second.reason == "first");
    CHECK(seen[0].first.sender == "engine");
    CHECK(seen[0].first.correlation == 4);
    CHECK(seen[1].second.reason == "same time");

    clock.advance(Milliseconds(2499));
    timers.runDue(clock.now());
    bus.dispatch();
    CHECK(seen.size() == 2);
    clock.advance(Milliseconds(1));
    timers.runDue(clock.now());
    bus.dispatch();
    REQUIRE(seen.size() == 3);
    CHECK(seen[2].second.agentId == "a2");
    CHECK(seen[2].first.sender == "agent");
    CHECK(seen[2].first.correlation == 9);
    CHECK(replayer.replayed() == 3);
}

TEST_CASE("a recording that is not one is refused with the file and line") {
    BusReplayer missing(std::filesystem::temp_directory_path() / "agentdesk-no-such-recording.jsonl");
    CHECK_FALSE(missing.ok());
    CHECK(missing.error().find("cannot read the recording") != std::string::npos);

    BusReplayer garbled(writeFile("garbled.jsonl", "{\"atMs\": 1, \"topic\": \"a.b\", \"payload\": {}}\nnot json\n"));
    CHECK_FALSE(garbled.ok());
    CHECK(garbled.error().find("garbled.jsonl:2") != std::string::npos);
    CHECK(garbled.size() == 0);
}
