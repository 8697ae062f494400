// The simulated world on a virtual clock: the same configuration gives the same day, customers
// give up under load, colleagues log in and work, the speed factor compresses time.

#include "model/center_config.hpp"
#include "model/contact_center.hpp"
#include "model/simulation.hpp"

#include <agentdesk/events/interaction.hpp>
#include <agentdesk/runtime/harness.hpp>

#include "engine/bus_log.hpp"

#include <doctest/doctest.h>

#include <set>

using namespace agentdesk;
using namespace agentdesk::engine;
using agentdesk::testing::BusLog;
using namespace std::chrono_literals;

namespace {

CenterConfig shipped() { return loadCenterConfig(std::filesystem::path(AGENTDESK_TEST_ASSETS) / "scenario"); }

struct World {
    Harness harness;
    BusLog log{harness.bus};
    ContactCenter center;
    Simulation simulation;

    explicit World(CenterConfig config)
        : center(harness.bus, harness.clock, harness.timers, std::move(config)),
          simulation(center, harness.clock, harness.timers) {}
};

/// Topic and payload bytes of every message: equal traces mean the same day, event for event.
std::vector<std::pair<std::string, std::string>> trace(const BusLog& log) {
    std::vector<std::pair<std::string, std::string>> out;
    for (const Message& m : log.messages) out.emplace_back(m.topic, std::string(m.payload.begin(), m.payload.end()));
    return out;
}

}  // namespace

TEST_CASE("a simulated hour replays identically with the same seed, and differently with another") {
    World first(shipped());
    first.harness.advance(1h);
    World second(shipped());
    second.harness.advance(1h);

    CHECK(first.simulation.arrivals() > 50);  // about 170 expected at 08:00 with the shipped rates
    CHECK(first.log.count<events::Connected>() > 20);
    CHECK(first.log.count<events::Completed>() > 20);
    CHECK(trace(first.log) == trace(second.log));

    CenterConfig reseeded = shipped();
    reseeded.settings.simulation.seed += 1;
    World third(std::move(reseeded));
    third.harness.advance(1h);
    CHECK(trace(first.log) != trace(third.log));
}

TEST_CASE("simulated colleagues log in within minutes, go Ready, answer, wrap up with a disposition") {
    World world(shipped());
    world.harness.advance(6min);
    std::size_t colleagues = 0;
    for (const UserAccount& user : world.center.config().users) {
        if (!user.simulated) continue;
        ++colleagues;
        CHECK_MESSAGE(world.center.isLoggedIn(user.id), user.userName << " is not logged in");
    }
    CHECK(colleagues == 8);
    world.harness.advance(54min);
    std::set<std::string> workers;
    int withDisposition = 0;
    for (const auto& [completed, message] : world.log.all<events::Completed>()) {
        workers.insert(completed.agentId);
        if (!completed.disposition.empty()) ++withDisposition;
    }
    CHECK(workers.size() >= 5);
    CHECK(withDisposition > 10);
    // Nobody but the simulated colleagues was logged in, so nobody else handled anything.
    for (const std::string& id : workers) CHECK(world.center.config().findUserById(id)->simulated);
}

TEST_CASE("under load with nobody to answer, every caller eventually abandons") {
    CenterConfig config = shipped();
    for (UserAccount& user : config.users) user.simulated = false;  // nobody works
    ServiceConfig busy = config.services.front();
    busy.arrivalsPerHour = 600;
    busy.meanPatience = 30s;
    config.services = {busy};
    config.settings.simulation.dailyProfile.clear();
    World world(std::move(config));
    world.harness.advance(1h);

    const std::uint64_t arrived = world.simulation.arrivals();
    CHECK(arrived > 450);  // 600 expected; far outside Poisson noise below this
    CHECK(arrived < 750);
    const std::size_t waiting = world.center.queue(busy.id).size();
    CHECK(world.log.count<events::Abandoned>() + waiting == arrived);
    CHECK(waiting < 40);  // with 30 s patience, only the last minute's callers still wait
    CHECK(world.log.count<events::Offered>() == 0);
}

TEST_CASE("the speed factor multiplies arrivals - pausing stops them") {
    auto arrivalsIn = [](double speed, Milliseconds span) {
        CenterConfig config = shipped();
        config.settings.simulation.speed = speed;
        config.settings.simulation.dailyProfile.clear();
        World world(std::move(config));
        world.harness.advance(span);
        return world.simulation.arrivals();
    };
    const auto normal = arrivalsIn(1, 1h);  // 142 per hour expected
    const auto fast = arrivalsIn(10, 6min);  // the same hour in a tenth of the time
    CHECK(normal > 100);
    CHECK(fast > 100);
    CHECK(fast < 200);

    World world(shipped());
    world.harness.advance(10min);
    world.simulation.setRunning(false);
    const auto before = world.simulation.arrivals();
    world.harness.advance(30min);
    CHECK(world.simulation.arrivals() == before);
    world.simulation.setRunning(true);
    world.harness.advance(30min);
    CHECK(world.simulation.arrivals() > before);
}
