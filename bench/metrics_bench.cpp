// Contact-center metrics (model/metrics.hpp): what the engine pays per interaction and per
// snapshot in a large center, 50 services and 1,000 logged-in agents with a standing queue.

#include "model/metrics.hpp"

#include <agentdesk/codec.hpp>

#include <benchmark/benchmark.h>

#include <random>
#include <string>
#include <vector>

using namespace agentdesk;
using namespace agentdesk::engine;
using namespace std::chrono_literals;

namespace {

constexpr int kServices = 50;
constexpr int kAgents = 1000;
constexpr int kSkills = 20;
constexpr int kStandingQueue = 500;  // waiting all along, spread over the services

const TimePoint dayStart = fromEpochMs(1'767'600'000'000);

std::string skill(int i) { return "skill-" + std::to_string(i % kSkills); }

/// A center in mid-morning: every agent logged in (half Ready, the rest Busy, ACW or Not Ready),
/// each service needing one or two of 20 skills, each agent holding six.
struct Center {
    std::vector<std::string> serviceIds;
    std::vector<std::string> agentIds;
    Metrics metrics;

    Center() : metrics(makeServices()) {
        std::mt19937 rng(42);
        for (const auto& s : makeServices()) serviceIds.push_back(s.id);
        const AgentState states[] = {AgentState::Ready, AgentState::Ready, AgentState::Busy, AgentState::AfterCallWork,
                                     AgentState::NotReady};
        for (int i = 0; i < kAgents; ++i) {
            AgentInfo agent{"agent-" + std::to_string(i), "Agent " + std::to_string(rng() % 100000), "Team", {}};
            for (int k = 0; k < 6; ++k) agent.skills.push_back(skill(static_cast<int>(rng() % kSkills)));
            metrics.agentLoggedIn(agent, dayStart);
            metrics.agentState(agent.id, states[i % 5], "", dayStart);
            agentIds.push_back(agent.id);
        }
        for (int i = 0; i < kStandingQueue; ++i) {
            metrics.queued("waiting-" + std::to_string(i), serviceIds[i % kServices], dayStart + Milliseconds(i));
        }
    }

    static std::vector<ServiceInfo> makeServices() {
        std::vector<ServiceInfo> services;
        for (int i = 0; i < kServices; ++i) {
            ServiceInfo s{"service-" + std::to_string(i), "Service " + std::to_string(i), static_cast<Channel>(i % 4),
                          20s, {skill(i)}};
            if (i % 2) s.skills.push_back(skill(i * 7 + 3));
            services.push_back(std::move(s));
        }
        return services;
    }
};

/// Interaction ids made up front, so the benchmark measures Metrics, not string formatting.
std::vector<std::string> interactionIds() {
    std::vector<std::string> ids;
    for (int i = 0; i < 4096; ++i) ids.push_back("call-" + std::to_string(1'000'000 + i));
    return ids;
}

// One interaction from arrival to wrap-up done: queued, offered, answered, ended, completed.
void BM_InteractionLifecycle(benchmark::State& state) {
    Center center;
    const auto ids = interactionIds();
    TimePoint t = dayStart + 1h;
    std::size_t i = 0;
    for (auto _ : state) {
        const std::string& id = ids[i % ids.size()];
        center.metrics.queued(id, center.serviceIds[i % kServices], t);
        center.metrics.offered(id, t + 5s);
        center.metrics.answered(id, center.agentIds[i % kAgents], t + 8s);
        center.metrics.ended(id, t + 3min);
        center.metrics.completed(id, t + 3min + 30s);
        t += 1s;
        ++i;
    }
    benchmark::DoNotOptimize(center.metrics.liveInteractions());
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()));
}
BENCHMARK(BM_InteractionLifecycle);

// The same with the agent's state changes the center reports along with it (Busy, ACW, Ready):
// each one moves the agent between columns of every service they are skilled for.
void BM_InteractionLifecycleWithAgentStates(benchmark::State& state) {
    Center center;
    const auto ids = interactionIds();
    TimePoint t = dayStart + 1h;
    std::size_t i = 0;
    for (auto _ : state) {
        const std::string& id = ids[i % ids.size()];
        const std::string& agent = center.agentIds[(i * 2) % kAgents];  // a Ready one (see Center)
        center.metrics.queued(id, center.serviceIds[i % kServices], t);
        center.metrics.offered(id, t + 5s);
        center.metrics.answered(id, agent, t + 8s);
        center.metrics.agentState(agent, AgentState::Busy, "", t + 8s);
        center.metrics.ended(id, t + 3min);
        center.metrics.agentState(agent, AgentState::AfterCallWork, "", t + 3min);
        center.metrics.completed(id, t + 3min + 30s);
        center.metrics.agentState(agent, AgentState::Ready, "", t + 3min + 30s);
        t += 1s;
        ++i;
    }
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()));
}
BENCHMARK(BM_InteractionLifecycleWithAgentStates);

// What the engine does every 2 s: both snapshots.
void BM_Snapshot(benchmark::State& state) {
    Center center;
    TimePoint now = dayStart + 1h;
    for (auto _ : state) {
        auto services = center.metrics.services(now);
        auto agents = center.metrics.agents(now);
        benchmark::DoNotOptimize(services);
        benchmark::DoNotOptimize(agents);
        now += 1ms;
    }
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()));
}
BENCHMARK(BM_Snapshot)->Unit(benchmark::kMicrosecond);

// The two halves apart.
void BM_ServicesSnapshot(benchmark::State& state) {
    Center center;
    const TimePoint now = dayStart + 1h;
    for (auto _ : state) benchmark::DoNotOptimize(center.metrics.services(now));
}
BENCHMARK(BM_ServicesSnapshot)->Unit(benchmark::kMicrosecond);

void BM_AgentsSnapshot(benchmark::State& state) {
    Center center;
    const TimePoint now = dayStart + 1h;
    for (auto _ : state) benchmark::DoNotOptimize(center.metrics.agents(now));
}
BENCHMARK(BM_AgentsSnapshot)->Unit(benchmark::kMicrosecond);

// Encoding both snapshots for the bus: the rest of what publishing them costs.
void BM_EncodeSnapshots(benchmark::State& state) {
    Center center;
    const auto services = center.metrics.services(dayStart + 1h);
    const auto agents = center.metrics.agents(dayStart + 1h);
    std::size_t bytes = 0;
    for (auto _ : state) {
        const auto a = encode(services);
        const auto b = encode(agents);
        bytes = a.size() + b.size();
        benchmark::DoNotOptimize(bytes);
    }
    state.counters["bytes"] = static_cast<double>(bytes);
}
BENCHMARK(BM_EncodeSnapshots)->Unit(benchmark::kMicrosecond);

}  // namespace

BENCHMARK_MAIN();
