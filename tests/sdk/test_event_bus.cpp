#include <agentdesk/bus.hpp>
#include <agentdesk/events/agent.hpp>
#include <agentdesk/runtime/event_bus.hpp>
#include <agentdesk/runtime/harness.hpp>

#include <doctest/doctest.h>

#include <atomic>
#include <thread>
#include <vector>

using namespace agentdesk;

namespace {

struct Sample {
    static constexpr std::string_view topic = "test.sample";
    int number = 0;
    std::string text;
    AgentState state = AgentState::LoggedOut;
    MSGPACK_DEFINE_MAP(number, text, state)
};

// The same topic as seen by a plugin built against a later SDK minor: one field more.
struct SampleV2 {
    static constexpr std::string_view topic = "test.sample";
    int number = 0;
    std::string text;
    AgentState state = AgentState::LoggedOut;
    std::string addedLater;
    MSGPACK_DEFINE_MAP(number, text, state, addedLater)
};

struct Numbered {
    static constexpr std::string_view topic = "test.numbered";
    int n = 0;
    MSGPACK_DEFINE_MAP(n)
};

}  // namespace

TEST_CASE("a typed payload survives the round trip through the bus") {
    EventBus bus(EventBus::Delivery::Synchronous);
    Sample received;
    auto sub = bus.subscribe<Sample>([&](const Sample& s) { received = s; });
    bus.publish(Sample{42, "hello", AgentState::AfterCallWork});
    CHECK(received.number == 42);
    CHECK(received.text == "hello");
    CHECK(received.state == AgentState::AfterCallWork);
}

TEST_CASE("enums travel as their names so recordings and scenarios stay readable") {
    std::string bytes = encode(Sample{1, "x", AgentState::NotReady});
    auto json = nlohmann::json::from_msgpack(bytes);
    CHECK(json["state"] == "NotReady");
}

TEST_CASE("a field added in a newer SDK is ignored by older readers, and defaults for newer ones") {
    EventBus bus(EventBus::Delivery::Synchronous);
    Sample old;
    SampleV2 newer;
    newer.addedLater = "unset";
    auto a = bus.subscribe<Sample>([&](const Sample& s) { old = s; });
    auto b = bus.subscribe<SampleV2>([&](const SampleV2& s) { newer = s; });
    bus.publish(SampleV2{7, "new", AgentState::Ready, "extra"});
    CHECK(old.number == 7);
    CHECK(old.state == AgentState::Ready);
    bus.publish(Sample{8, "old", AgentState::Busy});
    CHECK(newer.number == 8);
    CHECK(newer.addedLater.empty());
}

TEST_CASE("queued delivery keeps publish order and waits for dispatch") {
    EventBus bus;
    std::vector<int> seen;
    auto sub = bus.subscribe<Numbered>([&](const Numbered& e) { seen.push_back(e.n); });
    for (int i = 0; i < 100; ++i) bus.publish(Numbered{i});
    CHECK(seen.empty());
    CHECK(bus.hasPending());
    CHECK(bus.dispatch() == 100);
    REQUIRE(seen.size() == 100);
    for (int i = 0; i < 100; ++i) CHECK(seen[i] == i);
}

TEST_CASE("a message published by a handler is delivered after the current one, not inside it") {
    EventBus bus(EventBus::Delivery::Synchronous);
    std::vector<std::string> order;
    auto first = bus.subscribe<Numbered>([&](const Numbered& e) {
        order.push_back("a" + std::to_string(e.n));
        if (e.n == 1) bus.publish(Numbered{2});
    });
    auto second = bus.subscribe<Numbered>([&](const Numbered& e) { order.push_back("b" + std::to_string(e.n)); });
    bus.publish(Numbered{1});
    CHECK(order == std::vector<std::string>{"a1", "b1", "a2", "b2"});
}

TEST_CASE("publishing from many threads delivers every message once, each thread in its own order") {
    EventBus bus;
    constexpr int kThreads = 4, kPerThread = 2000;
    std::vector<std::vector<int>> perThread(kThreads);
    auto sub = bus.subscribe<Numbered>([&](const Numbered& e) { perThread[e.n / kPerThread].push_back(e.n % kPerThread); });
    std::atomic<int> wakes{0};
    bus.setWakeCallback([&] { ++wakes; });
    std::vector<std::thread> threads;
    for (int t = 0; t < kThreads; ++t) {
        threads.emplace_back([&bus, t] {
            for (int i = 0; i < kPerThread; ++i) bus.publish(Numbered{t * kPerThread + i});
        });
    }
    for (auto& t : threads) t.join();
    bus.dispatch();
    CHECK(wakes == kThreads * kPerThread);
    for (int t = 0; t < kThreads; ++t) {
        REQUIRE(perThread[t].size() == kPerThread);
        for (int i = 0; i < kPerThread; ++i) CHECK(perThread[t][i] == i);
    }
}

TEST_CASE("a subscription ends when its handle is destroyed, even from inside its own handler") {
    EventBus bus(EventBus::Delivery::Synchronous);
    int calls = 0;
    Subscription sub;
    sub = bus.subscribe<Numbered>([&](const Numbered&) {
        ++calls;
        sub.reset();
    });
    bus.publish(Numbered{1});
    bus.publish(Numbered{2});
    CHECK(calls == 1);
    CHECK(bus.subscriptionCount() == 0);
    {
        auto scoped = bus.subscribe<Numbered>([&](const Numbered&) { ++calls; });
        bus.publish(Numbered{3});
    }
    bus.publish(Numbered{4});
    CHECK(calls == 2);
}

TEST_CASE("patterns match a topic prefix or everything") {
    CHECK(topicMatches("voice.*", "voice.call.offered"));
    CHECK_FALSE(topicMatches("voice.*", "voicemail.new"));
    CHECK(topicMatches("*", "anything"));
    CHECK(topicMatches("agent.state.changed", "agent.state.changed"));
    CHECK_FALSE(topicMatches("agent.state", "agent.state.changed"));

    EventBus bus(EventBus::Delivery::Synchronous);
    std::vector<std::string> topics;
    auto sub = bus.subscribePattern("test.*", [&](const Message& m) { topics.push_back(m.topic); });
    bus.publish(Numbered{1});
    bus.publish(events::SetState{});
    CHECK(topics == std::vector<std::string>{"test.numbered"});
}

TEST_CASE("a payload of the wrong shape is reported, not delivered, and does not stop other subscribers") {
    EventBus bus(EventBus::Delivery::Synchronous);
    std::vector<std::string> problems;
    bus.setProblemSink([&](const Message&, std::string_view p) { problems.emplace_back(p); });
    int typed = 0, raw = 0;
    auto a = bus.subscribe<Numbered>([&](const Numbered&) { ++typed; });
    auto b = bus.subscribePattern("test.*", [&](const Message&) { ++raw; });
    bus.publishRaw(Message{"test.numbered", encode(std::string("not a map")), 1, "someone"});
    CHECK(typed == 0);
    CHECK(raw == 1);
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].find("could not decode") != std::string::npos);
}

TEST_CASE("a handler that throws is reported and the bus keeps delivering") {
    EventBus bus(EventBus::Delivery::Synchronous);
    std::vector<std::string> problems;
    bus.setProblemSink([&](const Message&, std::string_view p) { problems.emplace_back(p); });
    int after = 0;
    auto a = bus.subscribe<Numbered>([&](const Numbered&) { throw std::runtime_error("boom"); });
    auto b = bus.subscribe<Numbered>([&](const Numbered&) { ++after; });
    bus.publish(Numbered{1});
    bus.publish(Numbered{2});
    CHECK(after == 2);
    REQUIRE(problems.size() == 2);
    CHECK(problems[0].find("boom") != std::string::npos);
}

TEST_CASE("an answer carries the command's correlation id") {
    EventBus bus(EventBus::Delivery::Synchronous);
    auto responder = bus.subscribe<Numbered>([&](const Numbered& e, const Message& m) {
        if (e.n == 1) bus.publish(Numbered{2}, m.correlation);
    });
    std::uint64_t answered = 0;
    auto listener = bus.subscribe<Numbered>([&](const Numbered& e, const Message& m) {
        if (e.n == 2) answered = m.correlation;
    });
    std::uint64_t asked = bus.publish(Numbered{1});
    CHECK(asked != 0);
    CHECK(answered == asked);
}

TEST_CASE("a sender bus stamps its id, ends its subscriptions, and refuses undeclared topics") {
    EventBus bus(EventBus::Delivery::Synchronous);
    std::vector<std::string> senders;
    auto all = bus.subscribePattern("*", [&](const Message& m) { senders.push_back(m.sender); });
    std::vector<std::string> refused;
    {
        SenderBus plugin(bus, "voice");
        plugin.setPublishFilter([](std::string_view t) { return t.starts_with("test."); },
                                [&](const Message& m) { refused.push_back(m.topic); });
        auto mine = plugin.subscribe<Numbered>([](const Numbered&) {});
        auto leaked = plugin.subscribePattern("x.*", [](const Message&) {});
        CHECK(bus.subscriptionCount() == 3);
        plugin.publish(Numbered{1});
        plugin.publish(events::SetState{});
        mine.reset();
        leaked.reset();
        plugin.subscribeRaw("y.*", [](const Message&) {});  // no handle kept: the sender bus still ends it
    }
    CHECK(senders == std::vector<std::string>{"voice"});
    CHECK(refused == std::vector<std::string>{"agent.state.set"});
    CHECK(bus.subscriptionCount() == 1);
}

TEST_CASE("timers fire in time order as virtual time passes, and cancelled ones never fire") {
    Harness h;
    std::vector<int> fired;
    auto start = h.clock.now();
    Timer a = h.timers.at(start + Milliseconds(3000), [&] { fired.push_back(3); });
    Timer b = h.timers.at(start + Milliseconds(1000), [&] { fired.push_back(1); });
    Timer c = h.timers.at(start + Milliseconds(2000), [&] { fired.push_back(2); });
    Timer d = h.timers.at(start + Milliseconds(1500), [&] { fired.push_back(99); });
    d.cancel();
    h.advance(Milliseconds(2500));
    CHECK(fired == std::vector<int>{1, 2});
    CHECK(h.clock.now() == start + Milliseconds(2500));
    h.advance(Milliseconds(1000));
    CHECK(fired == std::vector<int>{1, 2, 3});
}

TEST_CASE("a timer callback sees the clock at its own due time") {
    Harness h;
    auto start = h.clock.now();
    TimePoint seen{};
    Timer t = h.timers.at(start + Milliseconds(700), [&] { seen = h.clock.now(); });
    h.advance(Milliseconds(5000));
    CHECK(seen == start + Milliseconds(700));
}

TEST_CASE("hasSubscribers tells whether a topic would reach anyone, exact or by pattern") {
    agentdesk::EventBus bus(agentdesk::EventBus::Delivery::Synchronous);
    CHECK_FALSE(bus.hasSubscribers("metrics.services"));
    {
        agentdesk::Subscription exact(&bus, bus.subscribeRaw("metrics.services", [](const agentdesk::Message&) {}));
        CHECK(bus.hasSubscribers("metrics.services"));
        CHECK_FALSE(bus.hasSubscribers("metrics.agents"));
    }
    CHECK_FALSE(bus.hasSubscribers("metrics.services"));
    agentdesk::Subscription pattern(&bus, bus.subscribeRaw("metrics.*", [](const agentdesk::Message&) {}));
    CHECK(bus.hasSubscribers("metrics.agents"));
    CHECK_FALSE(bus.hasSubscribers("agent.state.changed"));
}
