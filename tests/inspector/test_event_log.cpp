#include "model/event_log.hpp"

#include <agentdesk/events/agent.hpp>

#include <doctest/doctest.h>

using namespace agentdesk;
using namespace agentdesk::inspector;

namespace {
Message message(std::string topic, std::string sender, std::string payload = encode(events::LoggedOut{"a1", "bye"})) {
    return Message{std::move(topic), std::move(payload), 0, std::move(sender)};
}
}  // namespace

TEST_CASE("the inspector keeps each message with its time, sender and payload as JSON") {
    EventLog log;
    log.add(Message{"agent.logged_out", encode(events::LoggedOut{"a1", "bye"}), 12, "engine"}, fromEpochMs(1767600001250));
    REQUIRE(log.matchingCount() == 1);
    const LoggedMessage& m = log.matchingAt(0);
    CHECK(m.sequence == 1);
    CHECK(m.atMs == 1767600001250);
    CHECK(m.topic == "agent.logged_out");
    CHECK(m.sender == "engine");
    CHECK(m.correlation == 12);
    CHECK(m.payloadJson.find("\"reason\": \"bye\"") != std::string::npos);
    log.add(message("x.y", "p", std::string("\xc1", 1)), {});
    CHECK(log.matchingAt(1).payloadJson == "(not a msgpack payload: 1 bytes)");
}

TEST_CASE("the inspector's filter matches topic or sender, and follows new messages") {
    EventLog log;
    log.add(message("agent.state.changed", "engine"), {});
    log.add(message("chat.message", "engine"), {});
    log.add(message("chat.send", "chat"), {});
    log.setFilter("chat");
    REQUIRE(log.matchingCount() == 2);
    CHECK(log.matchingAt(0).topic == "chat.message");
    CHECK(log.matchingAt(1).topic == "chat.send");
    log.add(message("voice.hold", "voice"), {});
    log.add(message("kb.search", "chat"), {});
    CHECK(log.matchingCount() == 3);
    CHECK(log.matchingAt(2).topic == "kb.search");
    log.setFilter("");
    CHECK(log.matchingCount() == 5);
}

TEST_CASE("the inspector drops the oldest messages past its capacity, pauses, and clears") {
    EventLog log(3);
    log.setFilter("keep");
    for (int i = 0; i < 5; ++i) log.add(message(i % 2 == 0 ? "keep.me" : "other", "p"), {});
    CHECK(log.size() == 3);
    CHECK(log.seen() == 5);
    CHECK(log.find(1) == nullptr);
    REQUIRE(log.find(3) != nullptr);
    REQUIRE(log.matchingCount() == 2);  // 3 and 5; 1 was dropped
    CHECK(log.matchingAt(0).sequence == 3);
    CHECK(log.matchingAt(1).sequence == 5);

    log.setPaused(true);
    log.add(message("keep.me", "p"), {});
    CHECK(log.seen() == 5);
    log.setPaused(false);
    log.clear();
    CHECK(log.size() == 0);
    CHECK(log.matchingCount() == 0);
    log.add(message("keep.me", "p"), {});
    CHECK(log.matchingAt(0).sequence == 6);
}
