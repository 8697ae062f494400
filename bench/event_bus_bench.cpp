// Event bus throughput: publish -> queued -> typed delivery on the dispatching thread.

#include <agentdesk/events/agent.hpp>
#include <agentdesk/runtime/event_bus.hpp>

#include <benchmark/benchmark.h>

#include <thread>

using namespace agentdesk;

namespace {

// A realistic event: the state change every desktop and wallboard listens to.
events::StateChanged sampleEvent(int i) {
    events::StateChanged e;
    e.agentId = "agent-0042";
    e.state = (i % 2) ? AgentState::Ready : AgentState::NotReady;
    e.reason = "Lunch";
    e.sinceMs = 1767600000000 + i;
    return e;
}

// Publish a batch, then dispatch it to `subscribers` typed subscribers.
void BM_PublishDispatchTyped(benchmark::State& state) {
    const int subscribers = static_cast<int>(state.range(0));
    constexpr int kBatch = 1000;
    EventBus bus;
    std::int64_t sink = 0;
    std::vector<Subscription> subs;
    for (int i = 0; i < subscribers; ++i) {
        subs.push_back(bus.subscribe<events::StateChanged>([&sink](const events::StateChanged& e) { sink += e.sinceMs; }));
    }
    // Unrelated subscribers on other topics, as in a desktop with many plugins.
    for (int i = 0; i < 50; ++i) subs.push_back(bus.subscribePattern("voice.*", [](const Message&) {}));
    for (auto _ : state) {
        for (int i = 0; i < kBatch; ++i) bus.publish(sampleEvent(i));
        bus.dispatch();
    }
    benchmark::DoNotOptimize(sink);
    state.SetItemsProcessed(state.iterations() * kBatch);
    state.counters["deliveries/s"] =
        benchmark::Counter(static_cast<double>(state.iterations()) * kBatch * subscribers, benchmark::Counter::kIsRate);
}
BENCHMARK(BM_PublishDispatchTyped)->Arg(1)->Arg(4)->Arg(16);

// Encoding alone: what a publisher pays.
void BM_EncodeStateChanged(benchmark::State& state) {
    int i = 0;
    for (auto _ : state) benchmark::DoNotOptimize(encode(sampleEvent(i++)));
    state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_EncodeStateChanged);

// Publishing from a worker thread while the UI thread dispatches.
void BM_CrossThreadPublish(benchmark::State& state) {
    constexpr int kBatch = 10000;
    for (auto _ : state) {
        EventBus bus;
        std::int64_t received = 0;
        auto sub = bus.subscribe<events::StateChanged>([&](const events::StateChanged&) { ++received; });
        std::thread worker([&bus] {
            for (int i = 0; i < kBatch; ++i) bus.publish(sampleEvent(i));
        });
        while (received < kBatch) bus.dispatch();
        worker.join();
    }
    state.SetItemsProcessed(state.iterations() * kBatch);
}
BENCHMARK(BM_CrossThreadPublish)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
