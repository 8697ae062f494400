#pragma once
// Clocks and the timer queue the host runs; also the pieces of a deterministic test harness.

#include "agentdesk/clock.hpp"

#include <map>
#include <optional>
#include <unordered_map>

namespace agentdesk {

/// Real time.
class SystemClock final : public Clock {
public:
    TimePoint now() const override;
};

/// Time that moves only when told to: the same scenario gives the same result every run.
class VirtualClock final : public Clock {
public:
    explicit VirtualClock(TimePoint start = TimePoint{}) : now_(start) {}
    TimePoint now() const override { return now_; }
    /// Moves to `t` (never backwards).
    void set(TimePoint t) {
        if (t > now_) now_ = t;
    }
    void advance(Milliseconds d) { set(now_ + d); }

private:
    TimePoint now_;
};

/// Timers ordered by due time, then by scheduling order.
class TimerQueue final : public Timers {
public:
    TimerId scheduleRaw(TimePoint when, std::function<void()> fn) override;
    void cancel(TimerId id) override;

    /// Fires every timer due at or before `now` (including ones a callback schedules within that time). Returns how many.
    std::size_t runDue(TimePoint now);
    /// When the earliest timer is due.
    std::optional<TimePoint> nextDue() const;
    std::size_t size() const { return byId_.size(); }

private:
    using Key = std::pair<TimePoint, TimerId>;
    std::map<Key, std::function<void()>> queue_;
    std::unordered_map<TimerId, TimePoint> byId_;
    TimerId nextId_ = 1;
};

}  // namespace agentdesk
