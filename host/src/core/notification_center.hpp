#pragma once
// Notifications for the agent: the visible toasts and the history (spec UI-30: every message is
// shown and kept). Plain model; the shell draws it.

#include <agentdesk/clock.hpp>
#include <agentdesk/host_api.hpp>

#include <deque>
#include <string>
#include <vector>

namespace agentdesk::host {

struct NotificationEntry {
    Notification notification;
    std::string source;  ///< plugin id or "host"
    TimePoint time;
    bool read = false;
};

class NotificationCenter {
public:
    explicit NotificationCenter(std::size_t historyLimit = 500) : limit_(historyLimit) {}

    /// Records a notification; it shows as a toast until `toastUntil`.
    void post(Notification notification, std::string source, TimePoint now);
    /// Toasts still visible at `now` (newest last).
    std::vector<const NotificationEntry*> toasts(TimePoint now) const;
    /// Earliest time a visible toast expires (so the frame loop wakes to remove it).
    std::optional<TimePoint> nextExpiry(TimePoint now) const;
    const std::deque<NotificationEntry>& history() const { return history_; }
    std::size_t unreadCount() const;
    void markAllRead();
    void clear() { history_.clear(); }

    /// How long a toast stays: errors longer than information.
    static Milliseconds toastDuration(Severity severity);

private:
    std::deque<NotificationEntry> history_;
    std::size_t limit_;
};

}  // namespace agentdesk::host
