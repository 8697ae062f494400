#include "agentdesk/runtime/harness.hpp"
#include "agentdesk/runtime/timing.hpp"

namespace agentdesk {

TimePoint SystemClock::now() const {
    return std::chrono::floor<Milliseconds>(std::chrono::system_clock::now());
}

TimerId TimerQueue::scheduleRaw(TimePoint when, std::function<void()> fn) {
    TimerId id = nextId_++;
    queue_.emplace(Key{when, id}, std::move(fn));
    byId_.emplace(id, when);
    return id;
}

void TimerQueue::cancel(TimerId id) {
    auto it = byId_.find(id);
    if (it == byId_.end()) return;
    queue_.erase(Key{it->second, id});
    byId_.erase(it);
}

std::size_t TimerQueue::runDue(TimePoint now) {
    std::size_t fired = 0;
    while (!queue_.empty() && queue_.begin()->first.first <= now) {
        auto node = queue_.extract(queue_.begin());
        byId_.erase(node.key().second);
        node.mapped()();
        ++fired;
    }
    return fired;
}

std::optional<TimePoint> TimerQueue::nextDue() const {
    if (queue_.empty()) return std::nullopt;
    return queue_.begin()->first.first;
}

void advanceVirtualTime(VirtualClock& clock, TimerQueue& timers, EventBus& bus, TimePoint target) {
    bus.dispatch();
    for (;;) {
        auto due = timers.nextDue();
        if (!due || *due > target) break;
        clock.set(*due);
        timers.runDue(clock.now());
        bus.dispatch();
    }
    clock.set(target);
    timers.runDue(clock.now());
    bus.dispatch();
}

}  // namespace agentdesk
