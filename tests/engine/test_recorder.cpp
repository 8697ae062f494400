// The interaction history written as the center works, and the figures it publishes: what a
// supervisor's wallboard and a customer's history would show.

#include "model/contact_center.hpp"
#include "model/metrics_publisher.hpp"
#include "store/engine_store.hpp"
#include "store/interaction_recorder.hpp"

#include <agentdesk/events/metrics.hpp>
#include <agentdesk/runtime/harness.hpp>

#include "engine/bus_log.hpp"
#include "engine/demo_hash.hpp"
#include "engine/scratch_dir.hpp"

#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <unistd.h>

using namespace agentdesk;
using namespace agentdesk::engine;
using agentdesk::testing::BusLog;
using agentdesk::testing::ScratchDir;
using namespace std::chrono_literals;

namespace {

CenterConfig smallCenter() {
    CenterConfig config;
    config.settings.notReadyReasons = {"Break"};
    UserAccount anna;
    anna.id = "u-anna";
    anna.userName = "anna";
    anna.displayName = "Anna Kowalski";
    anna.role = "agent";
    anna.skills = {"sales"};
    anna.passwordHash = agentdesk::testing::demoHash();
    config.users = {anna};
    ServiceConfig sales;
    sales.id = "sales";
    sales.name = "Sales line";
    sales.skills = {"sales"};
    sales.serviceLevelThreshold = 20s;
    sales.afterCallWork = WrapUp::untilCompleted();
    sales.dispositions = {"Order placed", "Not interested"};
    config.services = {sales};
    config.customers = {Customer{"c-1", "Maria Lopez", "+34 612 345 678", "", ""}};
    return config;
}

struct Desk {
    Harness harness;
    BusLog log{harness.bus};
    ContactCenter center;
    EngineStore store;
    InteractionRecorder recorder;

    explicit Desk(const std::filesystem::path& dir)
        : center(harness.bus, harness.clock, harness.timers, smallCenter()),
          store(EngineStore::fileIn(dir)),
          recorder(center, store) {
        REQUIRE(harness.bus.publish(events::LoginRequest{"anna", "demo", PhoneDevice::Softphone, {}, false}));
        REQUIRE_FALSE(center.setState("u-anna", AgentState::Ready, {}));
    }
};

}  // namespace

TEST_CASE("every step of an interaction is in the history: queued, answered, wrapped up, completed") {
    ScratchDir dir;
    Desk desk(dir.path());
    const std::string id = *desk.center.arrive(Arrival{"sales", "c-1", {}, {}, std::nullopt});
    auto row = desk.store.interaction(id);
    REQUIRE(row);
    CHECK(row->outcome == "queued");
    CHECK(row->customerId == "c-1");
    CHECK(row->fromAddress == "+34 612 345 678");

    desk.harness.advance(4s);
    REQUIRE_FALSE(desk.center.accept("u-anna", id));
    row = desk.store.interaction(id);
    CHECK(row->outcome == "connected");
    CHECK(row->agentId == "u-anna");
    CHECK(row->answeredAtMs == toEpochMs(desk.harness.clock.now()));

    desk.harness.advance(1min);
    REQUIRE_FALSE(desk.center.release("u-anna", id));
    CHECK(desk.store.interaction(id)->outcome == "wrap-up");
    REQUIRE_FALSE(desk.center.complete("u-anna", id, "Order placed", "two tents, delivery Friday"));
    row = desk.store.interaction(id);
    CHECK(row->outcome == "handled");
    CHECK(row->disposition == "Order placed");
    CHECK(row->notes == "two tents, delivery Friday");
    CHECK(row->completedAtMs == toEpochMs(desk.harness.clock.now()));
    CHECK(desk.store.interactionsForCustomer("c-1").size() == 1);
}

TEST_CASE("wrap-up notes are stored when saved, so they survive the desktop dying before completion") {
    ScratchDir dir;
    std::string id;
    {
        Desk desk(dir.path());
        id = *desk.center.arrive(Arrival{"sales", "c-1", {}, {}, std::nullopt});
        REQUIRE_FALSE(desk.center.accept("u-anna", id));
        REQUIRE_FALSE(desk.center.release("u-anna", id));
        desk.harness.bus.publish(events::SaveWrapUp{id, "u-anna", "Not interested", "call back in spring"});
        REQUIRE(desk.log.count<events::WrapUpSaved>() == 1);
        // No completion, no shutdown step: whatever is not on disk now is lost.
    }
    EngineStore reopened(EngineStore::fileIn(dir.path()));
    auto row = reopened.interaction(id);
    REQUIRE(row);
    CHECK(row->disposition == "Not interested");
    CHECK(row->notes == "call back in spring");
    CHECK(row->outcome == "wrap-up");
}

TEST_CASE("an abandoned call is kept with when the customer gave up") {
    ScratchDir dir;
    Desk desk(dir.path());
    REQUIRE_FALSE(desk.center.setState("u-anna", AgentState::NotReady, "Break"));
    const std::string id = *desk.center.arrive(Arrival{"sales", "c-1", {}, {}, 25s});
    desk.harness.advance(25s);
    auto row = desk.store.interaction(id);
    REQUIRE(row);
    CHECK(row->outcome == "abandoned");
    CHECK(row->endedAtMs == toEpochMs(desk.harness.clock.now()));
    CHECK_FALSE(row->answeredAtMs);
}

TEST_CASE("the metrics publisher sends service and agent figures every 2 s, following the center") {
    Harness harness;
    BusLog log{harness.bus};
    ContactCenter center(harness.bus, harness.clock, harness.timers, smallCenter());
    MetricsPublisher publisher(center, harness.bus, harness.clock, harness.timers);
    CHECK(log.count<events::ServiceMetricsSnapshot>() == 1);  // one at once
    harness.advance(10s);
    CHECK(log.count<events::ServiceMetricsSnapshot>() == 6);
    CHECK(log.count<events::AgentMetricsSnapshot>() == 6);

    REQUIRE(harness.bus.publish(events::LoginRequest{"anna", "demo", PhoneDevice::Softphone, {}, false}));
    REQUIRE_FALSE(center.setState("u-anna", AgentState::Ready, {}));
    const std::string id = *center.arrive(Arrival{"sales", "c-1", {}, {}, std::nullopt});
    harness.advance(6s);
    REQUIRE_FALSE(center.accept("u-anna", id));
    harness.advance(2s);
    auto services = log.last<events::ServiceMetricsSnapshot>().first;
    REQUIRE(services.services.size() == 1);
    CHECK(services.services[0].offered == 1);
    CHECK(services.services[0].answered == 1);
    CHECK(services.services[0].averageSpeedOfAnswerMs == 6000);
    CHECK(services.services[0].agentsBusy == 1);
    auto agents = log.last<events::AgentMetricsSnapshot>().first;
    REQUIRE(agents.agents.size() == 1);
    CHECK(agents.agents[0].state == AgentState::Busy);
    CHECK(agents.agents[0].readyMs == 6000);
}

TEST_CASE("a transferred call stays in the history as transferred - the customer's call goes on as a row of its own") {
    ScratchDir dir;
    Desk desk(dir.path());
    const std::string id = *desk.center.arrive(Arrival{"sales", "c-1", {}, {}, std::nullopt});
    REQUIRE_FALSE(desk.center.accept("u-anna", id));
    ContactCenter::CallHandOver to;
    to.toServiceId = "sales";
    to.targetName = "Sales line queue";
    std::string next;
    REQUIRE_FALSE(desk.center.transferCall("u-anna", id, to, 0, next));
    CHECK(desk.store.interaction(id)->outcome == "transferred");
    REQUIRE_FALSE(desk.center.complete("u-anna", id, "Not interested", "wanted billing"));
    const auto row = desk.store.interaction(id);
    CHECK(row->outcome == "transferred");
    CHECK(row->disposition == "Not interested");
    CHECK(row->completedAtMs);
    const auto continued = desk.store.interaction(next);
    REQUIRE(continued);
    CHECK(continued->customerId == "c-1");
    CHECK(continued->outcome == "queued");
}
