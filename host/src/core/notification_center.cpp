#include "core/notification_center.hpp"

#include <algorithm>

namespace agentdesk::host {

Milliseconds NotificationCenter::toastDuration(Severity severity) {
    switch (severity) {
        case Severity::Error: return Milliseconds(10000);
        case Severity::Warning: return Milliseconds(7000);
        default: return Milliseconds(4000);
    }
}

void NotificationCenter::post(Notification notification, std::string source, TimePoint now) {
    history_.push_back({std::move(notification), std::move(source), now, false});
    while (history_.size() > limit_) history_.pop_front();
}

std::vector<const NotificationEntry*> NotificationCenter::toasts(TimePoint now) const {
    std::vector<const NotificationEntry*> visible;
    for (auto it = history_.rbegin(); it != history_.rend() && visible.size() < 5; ++it) {
        if (it->time + toastDuration(it->notification.severity) > now) visible.push_back(&*it);
    }
    std::reverse(visible.begin(), visible.end());
    return visible;
}

std::optional<TimePoint> NotificationCenter::nextExpiry(TimePoint now) const {
    std::optional<TimePoint> next;
    for (const NotificationEntry* e : toasts(now)) {
        TimePoint end = e->time + toastDuration(e->notification.severity);
        if (!next || end < *next) next = end;
    }
    return next;
}

std::size_t NotificationCenter::unreadCount() const {
    return static_cast<std::size_t>(std::count_if(history_.begin(), history_.end(), [](const auto& e) { return !e.read; }));
}

void NotificationCenter::markAllRead() {
    for (auto& e : history_) e.read = true;
}

}  // namespace agentdesk::host
