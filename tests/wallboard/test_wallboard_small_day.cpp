// The wallboard fed by the real contact center (spec OTHER-02): the small scripted day of
// tests/scenarios/small-day, played through the engine on a virtual clock; the tiles must read
// the figures worked out by hand there.
//
//   08:00:00 call 1 rings at Anna; 08:00:10 she answers (waited 10 s, within the 20 s threshold)
//   08:00:10 call 2 rings at Ben;  08:00:40 he answers (waited 30 s, not within)
//   08:00:40 call 3 arrives, nobody is free, the caller gives up at 08:00:55 (abandoned)
//   08:02:10 Anna releases, completes at 08:02:30: handle time 140 s
//   08:02:40 Ben releases; his 30 s wrap-up times out at 08:03:10: handle time 150 s
//
//   Service level 1 / (2 answered + 1 abandoned) = 33 %; ASA (10 + 30) / 2 = 20 s -> 0:20;
//   AHT (140 + 150) / 2 = 145 s -> 2:25; abandoned 1; offered 3.

#include "model/center_config.hpp"
#include "model/contact_center.hpp"
#include "model/metrics_publisher.hpp"
#include "model/wallboard_model.hpp"

#include <agentdesk/events/agent.hpp>
#include <agentdesk/runtime/harness.hpp>

#include "engine/demo_hash.hpp"

#include <doctest/doctest.h>

using namespace agentdesk;
using namespace agentdesk::wallboard;
using namespace std::chrono_literals;

namespace {

std::string figure(const ServiceTile& tile, Metric m) { return formatFigure(m, valueOf(m, tile.figures)); }

}  // namespace

TEST_CASE("the wallboard fed by the engine shows the small day's hand-counted service level and ASA and AHT") {
    engine::CenterConfig config =
        engine::loadCenterConfig(std::filesystem::path(AGENTDESK_TEST_SCENARIOS) / "small-day" / "scenario");
    for (auto& user : config.users) user.passwordHash = agentdesk::testing::demoHash();  // fast logins, same check
    Harness h;
    const TimePoint start = h.clock.now();  // 2026-01-05 08:00:00 UTC
    engine::ContactCenter center(h.bus, h.clock, h.timers, std::move(config));
    engine::MetricsPublisher publisher(center, h.bus, h.clock, h.timers);
    Board board = defaultBoard();
    board.thresholds = {{Metric::ServiceLevel, {80, 70}}, {Metric::AverageSpeedOfAnswer, {20, 40}},
                        {Metric::AverageHandleTime, {145, 600}}, {Metric::Abandoned, {2, 5}}};
    WallboardModel model(h.bus, h.clock, board);

    h.bus.publish(events::LoginRequest{"anna", "demo", PhoneDevice::Softphone, {}, false});
    h.bus.publish(events::LoginRequest{"ben", "demo", PhoneDevice::Softphone, {}, false});
    REQUIRE_FALSE(center.setState("u-anna", AgentState::Ready, {}));
    REQUIRE_FALSE(center.setState("u-ben", AgentState::Ready, {}));

    const std::string call1 = *center.arrive(engine::Arrival{"sales", "c-1", {}, {}, std::nullopt});
    h.advance(10s);
    REQUIRE_FALSE(center.accept("u-anna", call1));
    const std::string call2 = *center.arrive(engine::Arrival{"sales", "c-1", {}, {}, std::nullopt});
    h.advance(30s);
    REQUIRE_FALSE(center.accept("u-ben", call2));
    center.arrive(engine::Arrival{"sales", "c-1", {}, {}, 15s});
    h.advance(15s);  // 08:00:55: abandoned
    h.advance(75s);  // 08:02:10
    REQUIRE_FALSE(center.release("u-anna", call1));
    h.advance(20s);
    REQUIRE_FALSE(center.complete("u-anna", call1, "Order placed", "two tents"));
    h.advance(10s);  // 08:02:40
    REQUIRE_FALSE(center.release("u-ben", call2));
    h.advance(34s);  // the wrap-up times out at 08:03:10; a snapshot follows within 2 s

    const ServiceTile* sales = model.service("sales");
    REQUIRE(sales);
    CHECK(sales->figures.name == "Sales line");
    CHECK(figure(*sales, Metric::Offered) == "3");
    CHECK(figure(*sales, Metric::Answered) == "2");
    CHECK(figure(*sales, Metric::Abandoned) == "1");
    CHECK(figure(*sales, Metric::ServiceLevel) == "33%");
    CHECK(figure(*sales, Metric::AverageSpeedOfAnswer) == "0:20");
    CHECK(figure(*sales, Metric::AverageHandleTime) == "2:25");
    CHECK(figure(*sales, Metric::InQueue) == "0");
    CHECK(figure(*sales, Metric::LongestWait) == "0:00");
    CHECK(figure(*sales, Metric::AgentsReady) == "2");

    // Against the thresholds: 33 % is red (at or below 70), ASA 20 s reaches amber, AHT 145 s reaches
    // amber exactly, one abandoned stays below amber 2.
    CHECK(sales->levels[static_cast<int>(Metric::ServiceLevel)] == Level::Red);
    CHECK(sales->levels[static_cast<int>(Metric::AverageSpeedOfAnswer)] == Level::Amber);
    CHECK(sales->levels[static_cast<int>(Metric::AverageHandleTime)] == Level::Amber);
    CHECK(sales->levels[static_cast<int>(Metric::Abandoned)] == Level::Ok);
    CHECK(sales->worst == Level::Red);

    // The agent grid: both Ready again, by display name, with when their state began.
    REQUIRE(model.agents().size() == 2);
    CHECK(model.agents()[0].displayName == "Anna Kowalski");
    CHECK(model.agents()[0].state == AgentState::Ready);
    CHECK(model.agents()[1].state == AgentState::Ready);
    CHECK(model.agents()[1].stateSinceMs == toEpochMs(start + 190s));  // Ben Ready at 08:03:10
    CHECK(model.stateCounts()[static_cast<int>(AgentState::Ready)] == 2);
}
