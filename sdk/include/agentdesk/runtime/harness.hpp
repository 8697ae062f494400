#pragma once
// A deterministic harness for plugin and engine tests: a synchronous bus, a virtual clock and a
// timer queue, with a way to let simulated time pass.

#include "agentdesk/runtime/event_bus.hpp"
#include "agentdesk/runtime/timing.hpp"

#include <chrono>

namespace agentdesk {

/// Lets virtual time pass: fires every timer due before `target` in time order, moving the clock
/// to each one, delivering bus traffic in between, and ends with the clock at `target`.
void advanceVirtualTime(VirtualClock& clock, TimerQueue& timers, EventBus& bus, TimePoint target);

/// Bus + virtual clock + timers, wired for tests.
struct Harness {
    EventBus bus{EventBus::Delivery::Synchronous};
    VirtualClock clock{TimePoint(std::chrono::sys_days(std::chrono::year(2026) / 1 / 5) + std::chrono::hours(8))};
    TimerQueue timers;

    /// Lets `d` of virtual time pass.
    void advance(Milliseconds d) { advanceVirtualTime(clock, timers, bus, clock.now() + d); }
};

}  // namespace agentdesk
