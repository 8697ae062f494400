// The embedded contact center under load: 1,000 simulated agents and 50 services (and, for the
// wallboard's scale, 10,000 agents and 200 services) on a virtual clock, routing, ringing,
// answering, wrapping up and publishing metrics, as fast as the CPU goes. Reports interactions
// routed per CPU second, and memory over a simulated day.

#include "model/contact_center.hpp"
#include "model/metrics_publisher.hpp"
#include "model/simulation.hpp"

#include <agentdesk/runtime/harness.hpp>

#include <benchmark/benchmark.h>
#include <fmt/format.h>

#include <fstream>
#include <memory>

using namespace agentdesk;
using namespace agentdesk::engine;
using namespace std::chrono_literals;

namespace {

CenterConfig bigCenter(int kServices, int kAgents) {
    CenterConfig config;
    config.settings.name = "Load";
    config.settings.notReadyReasons = {"Break"};
    config.settings.simulation.seed = 42;
    for (int s = 0; s < kServices; ++s) {
        ServiceConfig service;
        service.id = fmt::format("s{}", s);
        service.name = fmt::format("Service {}", s);
        service.channel = s % 5 == 3 ? Channel::Chat : s % 5 == 4 ? Channel::Email : Channel::Voice;
        service.skills = {fmt::format("skill{}", s)};
        service.afterCallWork = WrapUp::limitedTo(30s);
        service.dispositions = {"Done", "Follow-up"};
        // 20 agents per service, ~5 min per interaction with wrap-up: about 200 per hour keeps them busy.
        service.arrivalsPerHour = 4.0 * kAgents / kServices;
        service.meanPatience = 120s;
        service.meanHandleTime = 240s;
        config.services.push_back(std::move(service));
    }
    for (int a = 0; a < kAgents; ++a) {
        UserAccount user;
        user.id = fmt::format("u{}", a);
        user.userName = user.id;
        user.displayName = fmt::format("Agent {:04}", a);
        user.role = "agent";
        user.simulated = true;
        // Each agent serves three services, so every service has three times its share of skilled agents.
        for (int k = 0; k < 3; ++k) user.skills.push_back(fmt::format("skill{}", (a + k * 17) % kServices));
        config.users.push_back(std::move(user));
    }
    for (int c = 0; c < 200; ++c) config.customers.push_back(Customer{fmt::format("c{}", c), fmt::format("Customer {}", c), "+1 555 0100", "c@example.com", ""});
    return config;
}

struct LoadedCenter {
    Harness harness;
    std::unique_ptr<ContactCenter> center;
    std::unique_ptr<MetricsPublisher> metrics;
    std::unique_ptr<Simulation> simulation;

    LoadedCenter(int services, int agents) {
        center = std::make_unique<ContactCenter>(harness.bus, harness.clock, harness.timers, bigCenter(services, agents));
        metrics = std::make_unique<MetricsPublisher>(*center, harness.bus, harness.clock, harness.timers);
        simulation = std::make_unique<Simulation>(*center, harness.clock, harness.timers);
        harness.advance(10min);  // everyone logged in, queues in a steady state
    }
};

long residentKiB() {
    std::ifstream statm("/proc/self/statm");
    long pages = 0, resident = 0;
    statm >> pages >> resident;
    return resident * (sysconf(_SC_PAGESIZE) / 1024);
}

// One simulated hour per iteration; counts interactions that arrived and were routed.
// Arguments: services, agents.
void BM_SimulatedHour(benchmark::State& state) {
    LoadedCenter world(static_cast<int>(state.range(0)), static_cast<int>(state.range(1)));
    std::uint64_t arrivals = 0;
    for (auto _ : state) {
        const auto before = world.simulation->arrivals();
        world.harness.advance(1h);
        arrivals += world.simulation->arrivals() - before;
    }
    state.counters["interactions/s"] = benchmark::Counter(static_cast<double>(arrivals), benchmark::Counter::kIsRate);
    state.counters["live"] = static_cast<double>(world.center->liveInteractions());
}
BENCHMARK(BM_SimulatedHour)->Args({50, 1000})->Unit(benchmark::kMillisecond)->Iterations(3);
BENCHMARK(BM_SimulatedHour)->Args({200, 10000})->Unit(benchmark::kMillisecond)->Iterations(1);

// A whole simulated day: memory at the first hour and at the end must stay flat.
void BM_SimulatedDayMemory(benchmark::State& state) {
    for (auto _ : state) {
        LoadedCenter world(50, 1000);
        world.harness.advance(1h);
        const long afterHour = residentKiB();
        world.harness.advance(23h);
        const long afterDay = residentKiB();
        state.counters["rss_hour1_KiB"] = static_cast<double>(afterHour);
        state.counters["rss_day_KiB"] = static_cast<double>(afterDay);
        state.counters["arrivals"] = static_cast<double>(world.simulation->arrivals());
        state.counters["live"] = static_cast<double>(world.center->liveInteractions());
    }
}
BENCHMARK(BM_SimulatedDayMemory)->Unit(benchmark::kMillisecond)->Iterations(1);

}  // namespace

BENCHMARK_MAIN();
