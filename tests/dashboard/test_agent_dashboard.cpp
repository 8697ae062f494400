// The agent's dashboard (spec OTHER-01): this desktop's agent's figures only, occupancy, their
// services, and the last hour kept as samples.

#include "model/agent_dashboard.hpp"

#include <agentdesk/events/agent.hpp>
#include <agentdesk/events/interaction.hpp>
#include <agentdesk/runtime/harness.hpp>

#include <doctest/doctest.h>

using namespace agentdesk;
using namespace agentdesk::dashboard;
using namespace std::chrono_literals;

namespace {

/// Logs `agentId` in on this desktop: the request, then the center's answer with its correlation.
void logIn(Harness& h, const std::string& agentId) {
    const auto correlation = h.bus.publish(events::LoginRequest{"anna", "demo", PhoneDevice::Softphone, {}, false});
    events::LoggedIn in;
    in.agentId = agentId;
    h.bus.publish(in, correlation);
}

events::AgentMetrics figures(std::string id, int voice, std::int64_t ready, std::int64_t busy, std::int64_t acw) {
    events::AgentMetrics a;
    a.agentId = std::move(id);
    a.handledVoice = voice;
    a.readyMs = ready;
    a.busyMs = busy;
    a.afterCallWorkMs = acw;
    return a;
}

events::ServiceMetricsSnapshot services(TimePoint at, int salesQueue) {
    events::ServiceMetricsSnapshot s;
    s.atMs = toEpochMs(at);
    events::ServiceMetrics sales, chat;
    sales.serviceId = "sales";
    sales.inQueue = salesQueue;
    chat.serviceId = "chat";
    s.services = {sales, chat};
    return s;
}

}  // namespace

TEST_CASE("a sample ring keeps the latest samples oldest first") {
    SampleRing<int> ring(3);
    CHECK(ring.empty());
    for (int i = 1; i <= 5; ++i) ring.push(i);
    CHECK(ring.size() == 3);
    CHECK(ring.values() == std::vector<int>{3, 4, 5});
    CHECK(ring[0] == 3);
    CHECK(ring.back() == 5);
}

TEST_CASE("occupancy is busy plus wrap-up over the time available and none before any") {
    CHECK(AgentDashboard::occupancyPct(figures("a", 0, 0, 0, 0)) == std::nullopt);
    CHECK(*AgentDashboard::occupancyPct(figures("a", 0, 60'000, 30'000, 10'000)) == doctest::Approx(40.0));
    auto f = figures("a", 2, 0, 0, 0);
    f.handledChat = 3;
    f.handledEmail = 1;
    CHECK(AgentDashboard::handledTotal(f) == 6);
}

TEST_CASE("the dashboard follows this desktop's agent only and samples every 30 s for an hour") {
    Harness h;
    AgentDashboard dashboard(h.bus);
    dashboard.follow(true);
    events::AgentMetricsSnapshot snap;
    snap.atMs = toEpochMs(h.clock.now());
    snap.agents = {figures("u-anna", 1, 60'000, 30'000, 10'000), figures("u-ben", 9, 0, 0, 0)};
    h.bus.publish(snap);
    CHECK_FALSE(dashboard.me());  // nobody logged in here yet

    logIn(h, "u-anna");
    h.bus.publish(snap);
    REQUIRE(dashboard.me());
    CHECK(dashboard.me()->handledVoice == 1);
    CHECK(dashboard.mySamples().size() == 1);

    for (int i = 1; i <= 200; ++i) {  // 2 s apart: one sample in 15 is kept
        snap.atMs += 2'000;
        snap.agents[0].handledVoice = 1 + i / 15;
        h.bus.publish(snap);
    }
    CHECK(dashboard.mySamples().size() == 14);  // 400 s / 30 s, plus the first
    CHECK(dashboard.mySamples().back().handled == doctest::Approx(14.0f));
    CHECK(dashboard.mySamples().back().occupancyPct == doctest::Approx(40.0f));

    for (int i = 0; i < 2000; ++i) {
        snap.atMs += 30'000;
        h.bus.publish(snap);
    }
    CHECK(dashboard.mySamples().size() == DashboardSampling::kSamples);  // one hour, no more
}

TEST_CASE("the agent's services are those offered to them or chosen and every one until then") {
    Harness h;
    AgentDashboard dashboard(h.bus);
    dashboard.follow(true);
    logIn(h, "u-anna");
    h.bus.publish(services(h.clock.now(), 4));
    CHECK(dashboard.showingAll());
    CHECK(dashboard.myServices().size() == 2);

    events::Offered other;
    other.agentId = "u-ben";
    other.serviceId = "chat";
    h.bus.publish(other);
    CHECK(dashboard.showingAll());  // someone else's offer says nothing about Anna

    events::Offered mine;
    mine.agentId = "u-anna";
    mine.serviceId = "sales";
    h.bus.publish(mine);
    REQUIRE(dashboard.myServices().size() == 1);
    CHECK(dashboard.myServices()[0]->serviceId == "sales");
    dashboard.setChosen({"chat"});
    CHECK(dashboard.myServices().size() == 2);

    h.advance(30s);
    h.bus.publish(services(h.clock.now(), 6));
    const ServiceHistory* history = dashboard.history("sales");
    REQUIRE(history);
    CHECK(history->inQueue.values() == std::vector<float>{4, 6});

    dashboard.follow(false);
    h.advance(30s);
    h.bus.publish(services(h.clock.now(), 9));
    CHECK(history->inQueue.size() == 2);  // not listening: nothing taken in
}
