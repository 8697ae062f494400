#pragma once
// Time for plugins. Everything that waits (ring timeout, ACW timeout, reminders, simulated
// arrivals) uses these interfaces, never the system clock directly, so a test can run thousands
// of simulated hours a second on a virtual clock and get the same result every run.

#include <chrono>
#include <cstdint>
#include <functional>
#include <utility>

namespace agentdesk {

using Milliseconds = std::chrono::milliseconds;
/// Wall-clock time at millisecond resolution (UTC).
using TimePoint = std::chrono::sys_time<Milliseconds>;

/// Milliseconds since the Unix epoch, the form time takes in bus payloads.
inline std::int64_t toEpochMs(TimePoint t) { return t.time_since_epoch().count(); }
/// The inverse of toEpochMs.
inline TimePoint fromEpochMs(std::int64_t ms) { return TimePoint(Milliseconds(ms)); }

/// The current time: real in the desktop, virtual in tests and scenarios.
class Clock {
public:
    virtual ~Clock() = default;
    /// Now.
    virtual TimePoint now() const = 0;
};

using TimerId = std::uint64_t;

class Timers;

/// Cancels its timer when destroyed. Movable, not copyable.
class Timer {
public:
    Timer() = default;
    Timer(Timers* timers, TimerId id) : timers_(timers), id_(id) {}
    Timer(Timer&& other) noexcept : timers_(std::exchange(other.timers_, nullptr)), id_(other.id_) {}
    Timer& operator=(Timer&& other) noexcept {
        if (this != &other) {
            cancel();
            timers_ = std::exchange(other.timers_, nullptr);
            id_ = other.id_;
        }
        return *this;
    }
    Timer(const Timer&) = delete;
    Timer& operator=(const Timer&) = delete;
    ~Timer() { cancel(); }

    /// Cancels the timer if it has not fired yet.
    void cancel();
    /// True while scheduled (it may still have fired; firing does not clear the handle).
    explicit operator bool() const { return timers_ != nullptr; }

private:
    Timers* timers_ = nullptr;
    TimerId id_ = 0;
};

/// One-shot timers that fire on the UI thread, in time order (ties in scheduling order).
class Timers {
public:
    virtual ~Timers() = default;
    /// Schedules `fn` at `when`; a time in the past fires at the next opportunity.
    virtual TimerId scheduleRaw(TimePoint when, std::function<void()> fn) = 0;
    /// Cancels a timer; harmless when it already fired. Safe from inside a timer callback.
    virtual void cancel(TimerId id) = 0;

    /// Schedules `fn` at `when`, cancelled when the returned handle is destroyed.
    [[nodiscard]] Timer at(TimePoint when, std::function<void()> fn) { return Timer(this, scheduleRaw(when, std::move(fn))); }
};

inline void Timer::cancel() {
    if (timers_) {
        timers_->cancel(id_);
        timers_ = nullptr;
    }
}

}  // namespace agentdesk
