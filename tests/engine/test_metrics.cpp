// Metrics on their own (spec OTHER-*, issue "Wallboard"): scripted days whose figures are worked
// out by hand in the comments, then a long seeded random day checked against a recomputation
// from the recorded events that scans everything every time (the slow way Metrics must not take).

#include "model/metrics.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <cstdint>
#include <map>
#include <optional>
#include <random>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

using namespace agentdesk;
using namespace agentdesk::engine;
using namespace std::chrono_literals;

namespace {

/// 08:00 UTC on some working day: every scripted time is an offset from it.
const TimePoint dayStart = fromEpochMs(1'767'600'000'000);

TimePoint at(Milliseconds offset) { return dayStart + offset; }

/// Sales calls need "sales"; support chats need "support" and "english"; email is for everyone.
std::vector<ServiceInfo> threeServices() {
    return {
        {"sales", "Sales", Channel::Voice, 20s, {"sales"}},
        {"support", "Support chat", Channel::Chat, 60s, {"support", "english"}},
        {"email", "Email", Channel::Email, 4h, {}},
    };
}

AgentInfo alice() { return {"a-alice", "Alice Martin", "Team Blue", {"sales", "english"}}; }
AgentInfo bob() { return {"a-bob", "Bob Keller", "Team Blue", {"english", "support", "sales"}}; }
AgentInfo carol() { return {"a-carol", "Carol Dubois", "Team Red", {"support"}}; }

events::ServiceMetrics serviceAt(const Metrics& metrics, std::string_view id, Milliseconds offset) {
    auto figures = metrics.service(id, at(offset));
    REQUIRE(figures.has_value());
    return *figures;
}

events::AgentMetrics agentAt(const Metrics& metrics, std::string_view id, Milliseconds offset) {
    auto figures = metrics.agent(id, at(offset));
    REQUIRE(figures.has_value());
    return *figures;
}

/// Ready, Busy, After Call Work, Not Ready: the agents a service counts, in the order of the payload.
std::tuple<int, int, int, int> agentsOf(const Metrics& metrics, std::string_view serviceId) {
    const auto s = serviceAt(metrics, serviceId, 0ms);
    return {s.agentsReady, s.agentsBusy, s.agentsAfterCallWork, s.agentsNotReady};
}

}  // namespace

TEST_CASE("metrics: a service with no traffic has no service level yet and zero averages") {
    Metrics metrics(threeServices());
    const auto s = serviceAt(metrics, "sales", 1h);
    CHECK(s.serviceId == "sales");
    CHECK(s.name == "Sales");
    CHECK(s.channel == Channel::Voice);
    CHECK(s.thresholdMs == 20'000);
    CHECK(s.serviceLevelPct == -1);
    CHECK(s.averageSpeedOfAnswerMs == 0);
    CHECK(s.averageHandleTimeMs == 0);
    CHECK(s.inQueue == 0);
    CHECK(s.longestWaitMs == 0);

    const auto snapshot = metrics.services(at(1h));
    CHECK(snapshot.atMs == toEpochMs(at(1h)));
    REQUIRE(snapshot.services.size() == 3);  // configuration order
    CHECK(snapshot.services[0].serviceId == "sales");
    CHECK(snapshot.services[1].serviceId == "support");
    CHECK(snapshot.services[2].serviceId == "email");
}

TEST_CASE("metrics: three sales calls give the service level, ASA and AHT worked out by hand") {
    Metrics metrics(threeServices());
    metrics.agentLoggedIn(alice(), at(0s));
    metrics.agentLoggedIn(bob(), at(0s));

    metrics.queued("c1", "sales", at(0s));
    metrics.queued("c2", "sales", at(5s));
    metrics.queued("c3", "sales", at(10s));
    metrics.offered("c1", at(8s));
    metrics.answered("c1", "a-alice", at(10s));  // waited 10 s: within the 20 s threshold
    metrics.abandoned("c3", at(25s));            // waited 15 s, then hung up: counts against the level
    metrics.offered("c2", at(30s));
    metrics.answered("c2", "a-bob", at(45'001ms));  // waited 40.001 s: not within

    auto s = serviceAt(metrics, "sales", 50s);
    CHECK(s.offered == 3);
    CHECK(s.answered == 2);
    CHECK(s.answeredWithinThreshold == 1);
    CHECK(s.abandoned == 1);
    CHECK(s.serviceLevelPct == doctest::Approx(100.0 / 3));  // 1 within / (2 answered + 1 abandoned) = 33.33 %
    CHECK(s.averageSpeedOfAnswerMs == 25'000);  // (10'000 + 40'001) / 2 = 25'000.5, rounded down
    CHECK(s.completed == 0);
    CHECK(s.averageHandleTimeMs == 0);          // nothing completed yet
    CHECK(s.inQueue == 0);
    CHECK(s.longestWaitMs == 0);

    metrics.ended("c1", at(70s));
    metrics.completed("c1", at(80s));       // handle 80 - 10 = 70 s (talk 60 s + wrap-up 10 s)
    metrics.ended("c2", at(100s));
    metrics.completed("c2", at(105s));      // handle 105 - 45.001 = 59.999 s
    s = serviceAt(metrics, "sales", 2min);
    CHECK(s.completed == 2);
    CHECK(s.averageHandleTimeMs == 64'999);  // (70'000 + 59'999) / 2 = 64'999.5, rounded down

    const auto a = agentAt(metrics, "a-alice", 2min);
    CHECK(a.handledVoice == 1);
    CHECK(a.handledChat == 0);
    CHECK(a.averageHandleTimeMs == 70'000);
    const auto b = agentAt(metrics, "a-bob", 2min);
    CHECK(b.handledVoice == 1);
    CHECK(b.averageHandleTimeMs == 59'999);

    // The other services saw nothing of it.
    CHECK(serviceAt(metrics, "support", 2min).offered == 0);
    CHECK(serviceAt(metrics, "email", 2min).serviceLevelPct == -1);
}

TEST_CASE("metrics: a wait of exactly the threshold counts as within") {
    Metrics metrics(threeServices());
    metrics.queued("c1", "sales", at(0s));
    metrics.answered("c1", "a-alice", at(20s));     // 20 s = threshold: within
    metrics.queued("c2", "sales", at(0s));
    metrics.answered("c2", "a-alice", at(20'001ms));  // 1 ms over: not within
    const auto s = serviceAt(metrics, "sales", 30s);
    CHECK(s.answeredWithinThreshold == 1);
    CHECK(s.serviceLevelPct == doctest::Approx(50.0));  // 1 / 2
}

TEST_CASE("metrics: the longest wait follows the oldest one still waiting - ringing ones are not in queue") {
    Metrics metrics(threeServices());
    metrics.queued("c1", "sales", at(0s));
    metrics.queued("c2", "sales", at(10s));
    metrics.queued("c3", "sales", at(20s));

    auto s = serviceAt(metrics, "sales", 30s);
    CHECK(s.inQueue == 3);
    CHECK(s.longestWaitMs == 30'000);  // c1 since 0 s

    metrics.offered("c1", at(30s));  // rings: out of the queue
    s = serviceAt(metrics, "sales", 30s);
    CHECK(s.inQueue == 2);
    CHECK(s.longestWaitMs == 20'000);  // now c2, since 10 s
    CHECK(serviceAt(metrics, "sales", 35s).longestWaitMs == 25'000);  // the wait grows with time

    metrics.answered("c2", "a-bob", at(40s));  // straight from the queue
    s = serviceAt(metrics, "sales", 40s);
    CHECK(s.inQueue == 1);
    CHECK(s.longestWaitMs == 20'000);  // c3, since 20 s

    metrics.requeued("c1", at(45s));  // c1 rang out: back in the queue with its arrival at 0 s
    s = serviceAt(metrics, "sales", 45s);
    CHECK(s.inQueue == 2);
    CHECK(s.longestWaitMs == 45'000);

    metrics.abandoned("c1", at(50s));
    metrics.abandoned("c3", at(60s));
    s = serviceAt(metrics, "sales", 60s);
    CHECK(s.inQueue == 0);
    CHECK(s.longestWaitMs == 0);
    CHECK(s.abandoned == 2);
}

TEST_CASE("metrics: a requeued interaction keeps its arrival time for the wait and the service level") {
    Metrics metrics(threeServices());
    metrics.queued("c1", "sales", at(0s));
    metrics.offered("c1", at(5s));
    metrics.requeued("c1", at(25s));  // rang out at the first agent
    metrics.offered("c1", at(28s));
    metrics.answered("c1", "a-bob", at(32s));  // waited 32 s from arrival, not 7 s from the requeue
    const auto s = serviceAt(metrics, "sales", 40s);
    CHECK(s.offered == 1);  // one arrival, however many offers
    CHECK(s.answered == 1);
    CHECK(s.averageSpeedOfAnswerMs == 32'000);
    CHECK(s.answeredWithinThreshold == 0);
    CHECK(s.serviceLevelPct == doctest::Approx(0.0));
}

TEST_CASE("metrics: agents count for a service when they have every skill it lists, by state") {
    Metrics metrics(threeServices());
    // Ready, Busy, ACW, Not Ready. Sales needs "sales", support "support"+"english", email nothing.
    metrics.agentLoggedIn(alice(), at(0s));  // sales, english
    CHECK(agentsOf(metrics, "sales") == std::tuple{0, 0, 0, 1});
    CHECK(agentsOf(metrics, "support") == std::tuple{0, 0, 0, 0});  // no "support"
    CHECK(agentsOf(metrics, "email") == std::tuple{0, 0, 0, 1});

    metrics.agentLoggedIn(bob(), at(1s));    // all three skills
    metrics.agentLoggedIn(carol(), at(2s));  // "support" without "english": not for support
    CHECK(agentsOf(metrics, "sales") == std::tuple{0, 0, 0, 2});
    CHECK(agentsOf(metrics, "support") == std::tuple{0, 0, 0, 1});
    CHECK(agentsOf(metrics, "email") == std::tuple{0, 0, 0, 3});

    metrics.agentState("a-alice", AgentState::Ready, "", at(3s));
    metrics.agentState("a-bob", AgentState::Busy, "", at(3s));
    CHECK(agentsOf(metrics, "sales") == std::tuple{1, 1, 0, 0});
    CHECK(agentsOf(metrics, "support") == std::tuple{0, 1, 0, 0});
    CHECK(agentsOf(metrics, "email") == std::tuple{1, 1, 0, 1});

    metrics.agentState("a-bob", AgentState::AfterCallWork, "", at(4s));
    metrics.agentState("a-carol", AgentState::Supervising, "", at(4s));  // counts in no column
    CHECK(agentsOf(metrics, "sales") == std::tuple{1, 0, 1, 0});
    CHECK(agentsOf(metrics, "support") == std::tuple{0, 0, 1, 0});
    CHECK(agentsOf(metrics, "email") == std::tuple{1, 0, 1, 0});

    metrics.agentState("a-alice", AgentState::NotReady, "Lunch", at(5s));
    metrics.agentState("a-alice", AgentState::NotReady, "Break", at(6s));  // another reason: still one Not Ready
    CHECK(agentsOf(metrics, "sales") == std::tuple{0, 0, 1, 1});

    metrics.agentLoggedOut("a-bob", at(7s));
    metrics.agentState("a-alice", AgentState::LoggedOut, "", at(7s));  // the same as a logout
    CHECK(agentsOf(metrics, "sales") == std::tuple{0, 0, 0, 0});
    CHECK(agentsOf(metrics, "support") == std::tuple{0, 0, 0, 0});
    CHECK(agentsOf(metrics, "email") == std::tuple{0, 0, 0, 0});  // carol is Supervising

    metrics.agentState("a-carol", AgentState::Ready, "", at(8s));
    CHECK(agentsOf(metrics, "email") == std::tuple{1, 0, 0, 0});
    CHECK(agentsOf(metrics, "support") == std::tuple{0, 0, 0, 0});
}

TEST_CASE("metrics: time in each state includes the current segment up to now") {
    Metrics metrics(threeServices());
    metrics.agentLoggedIn(alice(), at(0s));                                 // Not Ready "Logged in"  0..60
    metrics.agentState("a-alice", AgentState::Ready, "", at(60s));          // Ready                 60..90
    metrics.agentState("a-alice", AgentState::Busy, "", at(90s));           // Busy                  90..150
    metrics.agentState("a-alice", AgentState::AfterCallWork, "", at(150s)); // ACW                  150..170
    metrics.agentState("a-alice", AgentState::Ready, "", at(170s));         // Ready                170..200
    metrics.agentState("a-alice", AgentState::NotReady, "Lunch", at(200s)); // Not Ready "Lunch"    200..

    auto a = agentAt(metrics, "a-alice", 260s);
    CHECK(a.state == AgentState::NotReady);
    CHECK(a.reason == "Lunch");
    CHECK(a.stateSinceMs == toEpochMs(at(200s)));
    CHECK(a.readyMs == 60'000);          // 30 + 30
    CHECK(a.notReadyMs == 120'000);      // 60 + 60 of the open segment (200..260)
    CHECK(a.busyMs == 60'000);
    CHECK(a.afterCallWorkMs == 20'000);

    CHECK(agentAt(metrics, "a-alice", 300s).notReadyMs == 160'000);  // the open segment grows: 60 + 100

    metrics.agentState("a-alice", AgentState::NotReady, "Meeting", at(320s));  // a new reason restarts "since"
    a = agentAt(metrics, "a-alice", 330s);
    CHECK(a.reason == "Meeting");
    CHECK(a.stateSinceMs == toEpochMs(at(320s)));
    CHECK(a.notReadyMs == 190'000);  // 60 + 120 (200..320) + 10 (320..330)
    CHECK(a.readyMs == 60'000);      // closed segments do not move

    metrics.agentState("a-alice", AgentState::Supervising, "", at(400s));  // no column of its own
    a = agentAt(metrics, "a-alice", 500s);
    CHECK(a.notReadyMs == 260'000);  // 190 + 70 (330..400), then nothing more
    CHECK(a.readyMs + a.notReadyMs + a.busyMs + a.afterCallWorkMs == 400'000);
}

TEST_CASE("metrics: an agent who logs out keeps their figures, and logging in again continues them") {
    Metrics metrics(threeServices());
    metrics.agentLoggedIn(alice(), at(0s));                               // Not Ready  0..10
    metrics.agentState("a-alice", AgentState::Ready, "", at(10s));        // Ready     10..20
    metrics.queued("c1", "sales", at(15s));
    metrics.answered("c1", "a-alice", at(20s));
    metrics.agentState("a-alice", AgentState::Busy, "", at(20s));         // Busy      20..40
    metrics.ended("c1", at(40s));
    metrics.agentState("a-alice", AgentState::AfterCallWork, "", at(40s)); // ACW      40..50
    metrics.completed("c1", at(50s));                                     // handle 30 s
    metrics.agentState("a-alice", AgentState::Ready, "", at(50s));        // Ready     50..100
    metrics.agentLoggedOut("a-alice", at(100s));

    auto a = agentAt(metrics, "a-alice", 500s);
    CHECK(a.state == AgentState::LoggedOut);
    CHECK(a.reason.empty());
    CHECK(a.stateSinceMs == toEpochMs(at(100s)));
    CHECK(a.readyMs == 60'000);        // 10 + 50; nothing added while logged out
    CHECK(a.notReadyMs == 10'000);
    CHECK(a.busyMs == 20'000);
    CHECK(a.afterCallWorkMs == 10'000);
    CHECK(a.handledVoice == 1);
    CHECK(a.averageHandleTimeMs == 30'000);
    CHECK(metrics.agents(at(500s)).agents.size() == 1);           // still listed
    CHECK(agentsOf(metrics, "sales") == std::tuple{0, 0, 0, 0});  // but counted for no service

    metrics.agentLoggedIn(alice(), at(600s));                       // Not Ready 600..610
    a = agentAt(metrics, "a-alice", 600s);
    CHECK(a.state == AgentState::NotReady);
    CHECK(a.reason == "Logged in");
    CHECK(a.stateSinceMs == toEpochMs(at(600s)));
    metrics.agentState("a-alice", AgentState::Ready, "", at(610s)); // Ready 610..
    a = agentAt(metrics, "a-alice", 620s);
    CHECK(a.readyMs == 70'000);     // 60 + 10
    CHECK(a.notReadyMs == 20'000);  // 10 + 10
    CHECK(agentsOf(metrics, "sales") == std::tuple{1, 0, 0, 0});

    metrics.queued("c2", "sales", at(620s));
    metrics.answered("c2", "a-alice", at(621s));
    metrics.completed("c2", at(661s));  // no wrap-up: handle 40 s
    a = agentAt(metrics, "a-alice", 700s);
    CHECK(a.handledVoice == 2);
    CHECK(a.averageHandleTimeMs == 35'000);  // (30 + 40) / 2
}

TEST_CASE("metrics: handled interactions count on the channel of their service") {
    Metrics metrics(threeServices());
    metrics.agentLoggedIn(bob(), at(0s));
    const std::vector<std::pair<std::string, std::string>> work = {
        {"v1", "sales"}, {"ch1", "support"}, {"ch2", "support"}, {"e1", "email"}, {"e2", "email"}, {"e3", "email"}};
    for (const auto& [id, service] : work) {
        metrics.queued(id, service, at(0s));
        metrics.answered(id, "a-bob", at(1s));
        metrics.completed(id, at(11s));
    }
    const auto b = agentAt(metrics, "a-bob", 20s);
    CHECK(b.handledVoice == 1);
    CHECK(b.handledChat == 2);
    CHECK(b.handledEmail == 3);
    CHECK(b.handledCampaign == 0);
    CHECK(b.averageHandleTimeMs == 10'000);
    CHECK(serviceAt(metrics, "email", 20s).completed == 3);
}

TEST_CASE("metrics: the agent snapshot lists everyone by display name, then id") {
    Metrics metrics(threeServices());
    metrics.agentLoggedIn(carol(), at(0s));
    metrics.agentLoggedIn({"a-zed", "Bob Keller", "Team Red", {}}, at(0s));  // same name as bob: id decides
    metrics.agentLoggedIn(alice(), at(0s));
    metrics.agentLoggedIn(bob(), at(0s));
    metrics.agentLoggedOut("a-carol", at(1s));

    auto names = [&] {
        std::vector<std::string> ids;
        for (const auto& a : metrics.agents(at(2s)).agents) ids.push_back(a.agentId);
        return ids;
    };
    CHECK(names() == std::vector<std::string>{"a-alice", "a-bob", "a-zed", "a-carol"});

    // A new session may bring a new name: the order follows it.
    metrics.agentLoggedIn({"a-carol", "Aaron Carol", "Team Red", {"support"}}, at(3s));
    CHECK(names() == std::vector<std::string>{"a-carol", "a-alice", "a-bob", "a-zed"});
    CHECK(agentAt(metrics, "a-carol", 3s).displayName == "Aaron Carol");
    CHECK(metrics.agents(at(3s)).atMs == toEpochMs(at(3s)));
}

TEST_CASE("metrics: duplicate and unknown events change nothing") {
    Metrics metrics(threeServices());
    metrics.agentLoggedIn(alice(), at(0s));
    metrics.agentLoggedIn(alice(), at(30s));  // already logged in: the session (and its "since") stays
    CHECK(agentAt(metrics, "a-alice", 30s).stateSinceMs == toEpochMs(at(0s)));

    // Unknown service, interaction, agent.
    metrics.queued("x1", "no-such-service", at(0s));
    CHECK_FALSE(metrics.service("no-such-service", at(0s)).has_value());
    metrics.answered("never-queued", "a-alice", at(1s));
    metrics.offered("never-queued", at(1s));
    metrics.requeued("never-queued", at(1s));
    metrics.ended("never-queued", at(1s));
    metrics.completed("never-queued", at(1s));
    metrics.abandoned("never-queued", at(1s));
    metrics.agentState("nobody", AgentState::Ready, "", at(1s));
    metrics.agentLoggedOut("nobody", at(1s));
    CHECK_FALSE(metrics.agent("nobody", at(1s)).has_value());
    CHECK(metrics.agents(at(1s)).agents.size() == 1);
    CHECK(metrics.liveInteractions() == 0);
    for (const auto& s : metrics.services(at(1s)).services) {
        CHECK(s.offered == 0);
        CHECK(s.answered == 0);
        CHECK(s.abandoned == 0);
        CHECK(s.completed == 0);
    }

    // Every step of one call, each twice, and some out of order.
    metrics.queued("c1", "sales", at(0s));
    metrics.queued("c1", "sales", at(5s));  // already live: not a second arrival, arrival stays at 0 s
    metrics.requeued("c1", at(5s));         // waiting already
    metrics.completed("c1", at(5s));        // never answered
    CHECK(serviceAt(metrics, "sales", 6s).inQueue == 1);
    CHECK(serviceAt(metrics, "sales", 6s).longestWaitMs == 6'000);
    metrics.offered("c1", at(6s));
    metrics.offered("c1", at(7s));
    metrics.answered("c1", "a-alice", at(10s));
    metrics.answered("c1", "a-alice", at(50s));  // the second answer must not count a 50 s wait
    metrics.abandoned("c1", at(11s));            // answered: too late to abandon
    metrics.requeued("c1", at(11s));             // answered: not back in the queue
    metrics.offered("c1", at(12s));              // answered: not ringing again...
    metrics.answered("c1", "a-alice", at(13s));  // ...so not answered again either
    metrics.ended("c1", at(20s));
    metrics.ended("c1", at(21s));
    metrics.completed("c1", at(30s));
    metrics.completed("c1", at(40s));  // already completed and forgotten
    metrics.answered("c1", "a-alice", at(41s));

    auto s = serviceAt(metrics, "sales", 60s);
    CHECK(s.offered == 1);
    CHECK(s.answered == 1);
    CHECK(s.averageSpeedOfAnswerMs == 10'000);
    CHECK(s.abandoned == 0);
    CHECK(s.completed == 1);
    CHECK(s.averageHandleTimeMs == 20'000);
    CHECK(s.inQueue == 0);
    CHECK(agentAt(metrics, "a-alice", 60s).handledVoice == 1);

    metrics.queued("c2", "sales", at(60s));
    metrics.abandoned("c2", at(61s));
    metrics.abandoned("c2", at(62s));
    CHECK(serviceAt(metrics, "sales", 70s).abandoned == 1);

    // A state reported twice does not restart the time in state.
    metrics.agentState("a-alice", AgentState::Ready, "", at(100s));
    metrics.agentState("a-alice", AgentState::Ready, "", at(130s));
    CHECK(agentAt(metrics, "a-alice", 140s).stateSinceMs == toEpochMs(at(100s)));
    CHECK(agentsOf(metrics, "sales") == std::tuple{1, 0, 0, 0});

    // Logged out: a second logout and later states are ignored.
    metrics.agentLoggedOut("a-alice", at(150s));
    metrics.agentLoggedOut("a-alice", at(160s));
    metrics.agentState("a-alice", AgentState::Busy, "", at(170s));
    const auto a = agentAt(metrics, "a-alice", 200s);
    CHECK(a.state == AgentState::LoggedOut);
    CHECK(a.stateSinceMs == toEpochMs(at(150s)));
    CHECK(a.readyMs == 50'000);
    CHECK(a.busyMs == 0);
    CHECK(agentsOf(metrics, "sales") == std::tuple{0, 0, 0, 0});
}

TEST_CASE("metrics: finished interactions are forgotten, live ones are kept") {
    Metrics metrics(threeServices());
    for (int i = 0; i < 5000; ++i) {
        const std::string id = "c" + std::to_string(i);
        const TimePoint t = at(Milliseconds(i * 1000));
        metrics.queued(id, "sales", t);
        if (i % 2 == 0) {
            metrics.offered(id, t);
            metrics.answered(id, "a-alice", t + 1s);
            metrics.ended(id, t + 2s);
            metrics.completed(id, t + 3s);
        } else {
            metrics.abandoned(id, t + 1s);
        }
    }
    CHECK(metrics.liveInteractions() == 0);
    metrics.queued("w1", "sales", at(0s));
    metrics.queued("w2", "email", at(0s));
    metrics.answered("w2", "a-bob", at(1s));
    metrics.ended("w2", at(2s));  // in wrap-up: still live
    CHECK(metrics.liveInteractions() == 2);
    CHECK(serviceAt(metrics, "sales", 1h).offered == 5001);
}

// ---- a random day against a recomputation from scratch -------------------------------------------

namespace {

enum class Kind { Queued, Requeued, Offered, Answered, Abandoned, Ended, Completed, LoggedIn, State, LoggedOut };

/// One call made to Metrics, as recorded for the recomputation.
struct Event {
    Event(Kind kind, std::string id, std::string other = {}) : kind(kind), id(std::move(id)), other(std::move(other)) {}

    Kind kind;
    std::string id;     ///< interaction or agent
    std::string other;  ///< the service of Queued, the agent of Answered
    AgentState state = AgentState::LoggedOut;
    std::string reason;
    AgentInfo agent;    ///< LoggedIn
    TimePoint at{};
};

void feed(Metrics& metrics, const Event& e) {
    switch (e.kind) {
        case Kind::Queued: metrics.queued(e.id, e.other, e.at); break;
        case Kind::Requeued: metrics.requeued(e.id, e.at); break;
        case Kind::Offered: metrics.offered(e.id, e.at); break;
        case Kind::Answered: metrics.answered(e.id, e.other, e.at); break;
        case Kind::Abandoned: metrics.abandoned(e.id, e.at); break;
        case Kind::Ended: metrics.ended(e.id, e.at); break;
        case Kind::Completed: metrics.completed(e.id, e.at); break;
        case Kind::LoggedIn: metrics.agentLoggedIn(e.agent, e.at); break;
        case Kind::State: metrics.agentState(e.id, e.state, e.reason, e.at); break;
        case Kind::LoggedOut: metrics.agentLoggedOut(e.id, e.at); break;
    }
}

bool isInteractionEvent(Kind kind) { return kind <= Kind::Completed; }

std::int64_t ms(Milliseconds d) { return d.count(); }

/// The agent's state after one of their events: a login starts Not Ready.
AgentState stateAfter(const Event& e) {
    if (e.kind == Kind::LoggedIn) return AgentState::NotReady;
    return e.kind == Kind::State ? e.state : AgentState::LoggedOut;
}

/// Every figure recomputed from the whole event list, one interaction and one agent at a time.
events::ServiceMetricsSnapshot recomputeServices(const std::vector<ServiceInfo>& services,
                                                 const std::vector<Event>& log, TimePoint now) {
    std::map<std::string, std::vector<const Event*>> byInteraction;
    std::map<std::string, std::vector<const Event*>> byAgent;
    for (const Event& e : log) (isInteractionEvent(e.kind) ? byInteraction : byAgent)[e.id].push_back(&e);

    events::ServiceMetricsSnapshot out;
    out.atMs = toEpochMs(now);
    for (const ServiceInfo& info : services) {
        events::ServiceMetrics s;
        s.serviceId = info.id;
        s.name = info.name;
        s.channel = info.channel;
        s.thresholdMs = ms(info.serviceLevelThreshold);
        std::int64_t waits = 0;
        std::int64_t handles = 0;
        for (const auto& [id, history] : byInteraction) {
            if (history.front()->other != info.id) continue;  // the first event is the Queued one
            ++s.offered;
            const TimePoint arrival = history.front()->at;
            std::optional<TimePoint> answeredAt;
            for (const Event* e : history) {
                if (e->kind == Kind::Answered) {
                    answeredAt = e->at;
                    ++s.answered;
                    waits += ms(e->at - arrival);
                    if (e->at - arrival <= info.serviceLevelThreshold) ++s.answeredWithinThreshold;
                } else if (e->kind == Kind::Abandoned) {
                    ++s.abandoned;
                } else if (e->kind == Kind::Completed) {
                    ++s.completed;
                    handles += ms(e->at - *answeredAt);
                }
            }
            const Kind last = history.back()->kind;
            if (last == Kind::Queued || last == Kind::Requeued) {
                ++s.inQueue;
                s.longestWaitMs = std::max(s.longestWaitMs, ms(now - arrival));
            }
        }
        const int finished = s.answered + s.abandoned;
        s.serviceLevelPct = finished == 0 ? -1.0 : 100.0 * s.answeredWithinThreshold / finished;
        s.averageSpeedOfAnswerMs = s.answered == 0 ? 0 : waits / s.answered;
        s.averageHandleTimeMs = s.completed == 0 ? 0 : handles / s.completed;

        for (const auto& [id, history] : byAgent) {
            AgentInfo agent;
            AgentState state = AgentState::LoggedOut;
            for (const Event* e : history) {
                if (e->kind == Kind::LoggedIn) agent = e->agent;
                state = stateAfter(*e);
            }
            const bool skilled = std::all_of(info.skills.begin(), info.skills.end(), [&](const std::string& skill) {
                return std::find(agent.skills.begin(), agent.skills.end(), skill) != agent.skills.end();
            });
            if (!skilled) continue;
            if (state == AgentState::Ready) ++s.agentsReady;
            if (state == AgentState::Busy) ++s.agentsBusy;
            if (state == AgentState::AfterCallWork) ++s.agentsAfterCallWork;
            if (state == AgentState::NotReady) ++s.agentsNotReady;
        }
        out.services.push_back(s);
    }
    return out;
}

events::AgentMetricsSnapshot recomputeAgents(const std::vector<ServiceInfo>& services, const std::vector<Event>& log,
                                             TimePoint now) {
    events::AgentMetricsSnapshot out;
    out.atMs = toEpochMs(now);
    std::map<std::string, events::AgentMetrics> agents;
    std::map<std::string, std::int64_t> handleSums;
    for (std::size_t i = 0; i < log.size(); ++i) {
        const Event& e = log[i];
        if (e.kind == Kind::LoggedIn) {
            auto& a = agents[e.id];
            a.agentId = e.id;
            a.displayName = e.agent.displayName;
            a.team = e.agent.team;
        }
        if (e.kind != Kind::Completed) continue;
        // Who answered it and on which service: search the log backwards for the interaction.
        std::string agentId;
        TimePoint answeredAt{};
        Channel channel = Channel::Voice;
        for (std::size_t j = i; j-- > 0;) {
            if (log[j].id != e.id) continue;
            if (log[j].kind == Kind::Answered) agentId = log[j].other, answeredAt = log[j].at;
            if (log[j].kind == Kind::Queued) {
                for (const auto& s : services) {
                    if (s.id == log[j].other) channel = s.channel;
                }
                break;
            }
        }
        const auto it = agents.find(agentId);
        if (it == agents.end()) continue;  // never logged in (so far): no figures to add to
        auto& a = it->second;
        if (channel == Channel::Voice) ++a.handledVoice;
        if (channel == Channel::Chat) ++a.handledChat;
        if (channel == Channel::Email) ++a.handledEmail;
        if (channel == Channel::Campaign) ++a.handledCampaign;
        handleSums[agentId] += ms(e.at - answeredAt);
    }
    for (auto& [id, a] : agents) {
        // Walk the agent's states in order, adding each segment to its column.
        TimePoint since{};
        auto close = [&](TimePoint end) {
            const std::int64_t d = ms(end - since);
            if (a.state == AgentState::Ready) a.readyMs += d;
            if (a.state == AgentState::NotReady) a.notReadyMs += d;
            if (a.state == AgentState::Busy) a.busyMs += d;
            if (a.state == AgentState::AfterCallWork) a.afterCallWorkMs += d;
        };
        for (const Event& e : log) {
            if (isInteractionEvent(e.kind) || e.id != id) continue;
            close(e.at);
            since = e.at;
            a.state = stateAfter(e);
            a.reason = e.kind == Kind::LoggedIn ? "Logged in" : e.kind == Kind::State ? e.reason : "";
        }
        close(now);
        a.stateSinceMs = toEpochMs(since);
        const int handled = a.handledVoice + a.handledChat + a.handledEmail + a.handledCampaign;
        a.averageHandleTimeMs = handled == 0 ? 0 : handleSums[id] / handled;
        out.agents.push_back(a);
    }
    std::sort(out.agents.begin(), out.agents.end(), [](const auto& x, const auto& y) {
        return std::tie(x.displayName, x.agentId) < std::tie(y.displayName, y.agentId);
    });
    return out;
}

void checkSame(const events::ServiceMetrics& got, const events::ServiceMetrics& want) {
    INFO("service ", want.serviceId);
    CHECK(got.serviceId == want.serviceId);
    CHECK(got.name == want.name);
    CHECK(got.channel == want.channel);
    CHECK(got.thresholdMs == want.thresholdMs);
    CHECK(got.inQueue == want.inQueue);
    CHECK(got.longestWaitMs == want.longestWaitMs);
    CHECK(got.offered == want.offered);
    CHECK(got.answered == want.answered);
    CHECK(got.answeredWithinThreshold == want.answeredWithinThreshold);
    CHECK(got.abandoned == want.abandoned);
    CHECK(got.serviceLevelPct == doctest::Approx(want.serviceLevelPct));
    CHECK(got.averageSpeedOfAnswerMs == want.averageSpeedOfAnswerMs);
    CHECK(got.averageHandleTimeMs == want.averageHandleTimeMs);
    CHECK(got.completed == want.completed);
    CHECK(got.agentsReady == want.agentsReady);
    CHECK(got.agentsBusy == want.agentsBusy);
    CHECK(got.agentsAfterCallWork == want.agentsAfterCallWork);
    CHECK(got.agentsNotReady == want.agentsNotReady);
}

void checkSame(const events::AgentMetrics& got, const events::AgentMetrics& want) {
    INFO("agent ", want.agentId);
    CHECK(got.agentId == want.agentId);
    CHECK(got.displayName == want.displayName);
    CHECK(got.team == want.team);
    CHECK(got.state == want.state);
    CHECK(got.reason == want.reason);
    CHECK(got.stateSinceMs == want.stateSinceMs);
    CHECK(got.handledVoice == want.handledVoice);
    CHECK(got.handledChat == want.handledChat);
    CHECK(got.handledEmail == want.handledEmail);
    CHECK(got.handledCampaign == want.handledCampaign);
    CHECK(got.averageHandleTimeMs == want.averageHandleTimeMs);
    CHECK(got.readyMs == want.readyMs);
    CHECK(got.notReadyMs == want.notReadyMs);
    CHECK(got.busyMs == want.busyMs);
    CHECK(got.afterCallWorkMs == want.afterCallWorkMs);
}

/// A seeded day of random but lawful traffic: every recorded event follows from the one before for
/// its interaction or agent, as the contact center would report them. Repeats and events about
/// unknown ids are fed in too but not recorded, since Metrics must ignore them.
class RandomDay {
public:
    explicit RandomDay(std::uint32_t seed) : rng_(seed) {
        const std::vector<std::string> skills = {"sales", "support", "english", "french"};
        for (int i = 0; i < 8; ++i) {
            ServiceInfo s;
            s.id = "svc-" + std::to_string(i);
            s.name = "Service " + std::to_string(i);
            s.channel = static_cast<Channel>(i % 4);
            s.serviceLevelThreshold = Milliseconds(5'000 * (1 + pick(6)));
            for (const auto& skill : skills) {
                if (pick(3) == 0) s.skills.push_back(skill);
            }
            services.push_back(s);
        }
        const std::vector<std::string> names = {"Ana", "Ben", "Chloe", "Dev", "Ana", "Femi", "Gus", "Hana"};
        for (int i = 0; i < 30; ++i) {
            AgentInfo a;
            a.id = "agent-" + std::to_string(100 - i);  // id order differs from name order
            a.displayName = names[pick(names.size())] + " " + std::to_string(pick(4));  // some names repeat
            a.team = pick(2) ? "Blue" : "Red";
            for (const auto& skill : skills) {
                if (pick(2) == 0) a.skills.push_back(skill);
            }
            agents_.push_back({a, AgentState::LoggedOut, ""});
        }
    }

    std::vector<ServiceInfo> services;
    std::vector<Event> log;

    /// One more thing happens, a little after the last one.
    void step(Metrics& metrics) {
        now_ += Milliseconds(pick(4) == 0 ? 0 : pick(4'000));  // ties happen
        const int roll = pick(100);
        if (roll < 20 || live_.empty()) {
            arrive(metrics);
        } else if (roll < 75) {
            advanceInteraction(metrics);
        } else if (roll < 95) {
            changeAgent(metrics);
        } else {
            noise(metrics);
        }
    }

    TimePoint now() const { return now_; }
    /// A moment at or after the last event.
    TimePoint later() { return now_ + Milliseconds(pick(30'000)); }

private:
    enum class Phase { Waiting, Ringing, Talking, WrappingUp };
    struct Live {
        std::string id;
        Phase phase;
    };
    struct SimAgent {
        AgentInfo info;
        AgentState state;
        std::string reason;
    };

    int pick(std::size_t n) { return static_cast<int>(rng_() % n); }

    void record(Metrics& metrics, Event e) {
        e.at = now_;
        feed(metrics, e);
        if (pick(10) == 0) feed(metrics, e);  // the same event twice must count once
        log.push_back(std::move(e));
    }

    void arrive(Metrics& metrics) {
        const std::string id = "i-" + std::to_string(nextInteraction_++);
        record(metrics, {Kind::Queued, id, services[pick(services.size())].id});
        live_.push_back({id, Phase::Waiting});
    }

    std::string someAgentId() {
        if (pick(20) == 0) return "agent-never-logged-in";
        return agents_[pick(agents_.size())].info.id;
    }

    void advanceInteraction(Metrics& metrics) {
        const std::size_t index = pick(live_.size());
        Live& item = live_[index];
        const int roll = pick(100);
        bool gone = false;
        switch (item.phase) {
            case Phase::Waiting:
                if (roll < 50) {
                    record(metrics, {Kind::Offered, item.id});
                    item.phase = Phase::Ringing;
                } else if (roll < 75) {
                    record(metrics, {Kind::Answered, item.id, someAgentId()});
                    item.phase = Phase::Talking;
                } else {
                    record(metrics, {Kind::Abandoned, item.id});
                    gone = true;
                }
                break;
            case Phase::Ringing:
                if (roll < 50) {
                    record(metrics, {Kind::Answered, item.id, someAgentId()});
                    item.phase = Phase::Talking;
                } else if (roll < 85) {
                    record(metrics, {Kind::Requeued, item.id});
                    item.phase = Phase::Waiting;
                } else {
                    record(metrics, {Kind::Abandoned, item.id});
                    gone = true;
                }
                break;
            case Phase::Talking:
                if (roll < 70) {
                    record(metrics, {Kind::Ended, item.id});
                    item.phase = Phase::WrappingUp;
                } else {
                    record(metrics, {Kind::Completed, item.id});
                    gone = true;
                }
                break;
            case Phase::WrappingUp:
                record(metrics, {Kind::Completed, item.id});
                gone = true;
                break;
        }
        if (gone) {
            live_[index] = std::move(live_.back());
            live_.pop_back();
        }
    }

    void changeAgent(Metrics& metrics) {
        SimAgent& agent = agents_[pick(agents_.size())];
        if (agent.state == AgentState::LoggedOut) {
            if (pick(4) == 0) agent.info.displayName = "Renamed " + std::to_string(pick(100));
            Event e{Kind::LoggedIn, agent.info.id};
            e.agent = agent.info;
            record(metrics, std::move(e));
            agent.state = AgentState::NotReady;
            agent.reason = "Logged in";
            return;
        }
        if (pick(10) == 0) {
            record(metrics, {Kind::LoggedOut, agent.info.id});
            agent.state = AgentState::LoggedOut;
            agent.reason.clear();
            return;
        }
        static const std::vector<std::pair<AgentState, std::string>> choices = {
            {AgentState::Ready, ""},          {AgentState::Busy, ""},        {AgentState::AfterCallWork, ""},
            {AgentState::NotReady, "Lunch"},  {AgentState::NotReady, "Break"}, {AgentState::Supervising, ""},
            {AgentState::LoggedOut, ""}};
        const auto& [state, reason] = choices[pick(choices.size())];
        if (state == agent.state && reason == agent.reason) return;  // the center reports changes only
        Event e{Kind::State, agent.info.id};
        e.state = state;
        e.reason = reason;
        record(metrics, std::move(e));
        agent.state = state;
        agent.reason = reason;
    }

    /// Events Metrics must ignore: unknown ids, and steps that do not follow from the current one.
    void noise(Metrics& metrics) {
        switch (pick(6)) {
            case 0: metrics.queued("i-noise", "svc-unknown", now_); break;
            case 1: metrics.answered("i-unknown", someAgentId(), now_); break;
            case 2: metrics.agentState("agent-unknown", AgentState::Ready, "", now_); break;
            case 3: metrics.completed("i-unknown", now_); break;
            default:
                if (live_.empty()) break;
                const Live& item = live_[pick(live_.size())];
                if (item.phase == Phase::Talking || item.phase == Phase::WrappingUp) {
                    metrics.abandoned(item.id, now_);  // too late to abandon
                    metrics.requeued(item.id, now_);
                    metrics.offered(item.id, now_);
                    metrics.answered(item.id, someAgentId(), now_);
                } else {
                    metrics.ended(item.id, now_);      // not answered yet
                    metrics.completed(item.id, now_);
                }
                break;
        }
    }

    std::mt19937 rng_;
    TimePoint now_ = dayStart;
    std::vector<SimAgent> agents_;
    std::vector<Live> live_;
    int nextInteraction_ = 0;
};

}  // namespace

TEST_CASE("metrics: a seeded random day matches a recomputation from the recorded events") {
    for (std::uint32_t seed : {1u, 7u, 2024u}) {
        INFO("seed ", seed);
        RandomDay day(seed);
        Metrics metrics(day.services);
        int checkpoints = 0;
        for (int i = 1; i <= 6000; ++i) {
            day.step(metrics);
            if (i % 500 != 0) continue;
            ++checkpoints;
            INFO("after event ", day.log.size());
            const TimePoint now = day.later();
            const auto services = metrics.services(now);
            const auto expectedServices = recomputeServices(day.services, day.log, now);
            CHECK(services.atMs == expectedServices.atMs);
            REQUIRE(services.services.size() == expectedServices.services.size());
            for (std::size_t s = 0; s < services.services.size(); ++s) {
                checkSame(services.services[s], expectedServices.services[s]);
            }
            const auto agents = metrics.agents(now);
            const auto expectedAgents = recomputeAgents(day.services, day.log, now);
            REQUIRE(agents.agents.size() == expectedAgents.agents.size());
            for (std::size_t a = 0; a < agents.agents.size(); ++a) {
                checkSame(agents.agents[a], expectedAgents.agents[a]);
            }
        }
        CHECK(checkpoints == 12);

        // The day was busy enough to mean something: every kind of figure moved.
        const auto totals = metrics.services(day.now());
        int answered = 0, abandoned = 0, completed = 0, waiting = 0;
        for (const auto& s : totals.services) {
            answered += s.answered;
            abandoned += s.abandoned;
            completed += s.completed;
            waiting += s.inQueue;
        }
        CHECK(answered > 300);
        CHECK(abandoned > 100);
        CHECK(completed > 200);
        CHECK(waiting > 0);
        CHECK(metrics.liveInteractions() < day.log.size() / 4);  // finished ones were forgotten
    }
}
