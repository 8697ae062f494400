#include "store/calendar_service.hpp"

#include "model/text.hpp"

#include <agentdesk/events/core.hpp>

#include <fmt/format.h>

namespace agentdesk::engine {

namespace {

CalendarEntryKind storedKind(events::CalendarKind kind) {
    return kind == events::CalendarKind::FollowUp ? CalendarEntryKind::FollowUp : CalendarEntryKind::Event;
}

std::optional<std::string> optionalText(const std::string& text) {
    return text.empty() ? std::nullopt : std::optional(text);
}

}  // namespace

CalendarService::CalendarService(ContactCenter& center, EngineStore& store, Bus& bus, const Clock& clock, Timers& timers)
    : center_(center), store_(store), bus_(bus), clock_(clock), timers_(timers) {
    subscriptions_.push_back(bus_.subscribe<events::GetCalendar>(
        [this](const events::GetCalendar& c, const Message& m) { onGet(c, m); }));
    subscriptions_.push_back(bus_.subscribe<events::SaveCalendarEntry>(
        [this](const events::SaveCalendarEntry& c, const Message& m) { onSave(c, m); }));
    subscriptions_.push_back(bus_.subscribe<events::DeleteCalendarEntry>(
        [this](const events::DeleteCalendarEntry& c, const Message& m) { onDelete(c, m); }));
    for (const CalendarEvent& event : store_.pendingReminders()) schedule(event);
    center_.addObserver(this);
}

CalendarService::~CalendarService() { center_.removeObserver(this); }

events::CalendarEntry CalendarService::toEntry(const CalendarEvent& event) const {
    events::CalendarEntry entry;
    entry.entryId = event.id;
    entry.agentId = event.agentId;
    entry.title = event.title;
    entry.note = event.note;
    entry.startsMs = event.startsMs;
    entry.endsMs = event.endsMs;
    entry.remindAtMs = event.remindAtMs.value_or(0);
    entry.kind = event.kind == CalendarEntryKind::FollowUp ? events::CalendarKind::FollowUp : events::CalendarKind::Event;
    entry.interactionId = event.interactionId.value_or("");
    entry.customerId = event.customerId.value_or("");
    if (const Customer* customer = center_.config().findCustomer(entry.customerId)) entry.customerName = customer->name;
    return entry;
}

void CalendarService::onGet(const events::GetCalendar& command, const Message& message) {
    if (!center_.isLoggedIn(command.agentId)) {
        refuse(command.topic, error_codes::notLoggedIn, "You are not logged in.", message.correlation);
        return;
    }
    events::CalendarEntries answer{command.agentId, command.fromMs, command.toMs, {}};
    for (const CalendarEvent& event : store_.eventsBetween(command.agentId, command.fromMs, command.toMs)) {
        answer.entries.push_back(toEntry(event));
    }
    bus_.publish(answer, message.correlation);
}

void CalendarService::onSave(const events::SaveCalendarEntry& command, const Message& message) {
    const events::CalendarEntry& entry = command.entry;
    if (!center_.isLoggedIn(entry.agentId)) {
        refuse(command.topic, error_codes::notLoggedIn, "You are not logged in.", message.correlation);
        return;
    }
    if (trimmed(entry.title).empty()) {
        refuse(command.topic, "invalid_input", "Give the entry a title.", message.correlation);
        return;
    }
    if (entry.endsMs < entry.startsMs) {
        refuse(command.topic, "invalid_input", "The end is before the start. Choose an end at or after the start.",
               message.correlation);
        return;
    }
    CalendarEvent event;
    event.id = entry.entryId;
    event.agentId = entry.agentId;
    event.title = std::string(trimmed(entry.title));
    event.note = entry.note;
    event.startsMs = entry.startsMs;
    event.endsMs = entry.endsMs;
    if (entry.remindAtMs > 0) event.remindAtMs = entry.remindAtMs;
    event.kind = storedKind(entry.kind);
    event.interactionId = optionalText(entry.interactionId);
    event.customerId = optionalText(entry.customerId);
    const bool created = entry.entryId == 0;
    if (created) {
        event.id = store_.addEvent(event);
    } else {
        const auto existing = store_.event(entry.entryId);
        if (!existing || existing->agentId != entry.agentId || !store_.updateEvent(event)) {
            refuse(command.topic, "unknown_entry", "This calendar entry no longer exists.", message.correlation);
            return;
        }
    }
    reminders_.erase(event.id);
    if (event.remindAtMs) schedule(event);
    bus_.publish(events::CalendarEntrySaved{toEntry(event), created}, message.correlation);
}

void CalendarService::onDelete(const events::DeleteCalendarEntry& command, const Message& message) {
    const auto existing = store_.event(command.entryId);
    if (!existing || existing->agentId != command.agentId || !store_.deleteEvent(command.entryId)) {
        refuse(command.topic, "unknown_entry", "This calendar entry no longer exists.", message.correlation);
        return;
    }
    reminders_.erase(command.entryId);
    bus_.publish(events::CalendarEntryDeleted{command.agentId, command.entryId}, message.correlation);
}

void CalendarService::schedule(const CalendarEvent& event) {
    const std::int64_t id = event.id;
    reminders_[id] = timers_.at(fromEpochMs(*event.remindAtMs), [this, id] { remind(id); });
}

void CalendarService::remind(std::int64_t id) {
    reminders_.erase(id);
    const auto event = store_.event(id);
    if (!event || !event->remindAtMs) return;
    if (!center_.isLoggedIn(event->agentId)) return;  // waits for the next login
    store_.dismissReminder(id);
    CalendarEvent shown = *event;
    shown.remindAtMs.reset();
    bus_.publish(events::CalendarReminder{toEntry(shown)});
}

void CalendarService::loggedIn(const UserAccount& user, TimePoint at) {
    for (const CalendarEvent& event : store_.dueReminders(user.id, toEpochMs(at))) remind(event.id);
}

void CalendarService::refuse(std::string_view command, std::string_view code, std::string message,
                             std::uint64_t correlation) {
    bus_.publish(events::Error{std::string(command), std::string(code), std::move(message)}, correlation);
}

}  // namespace agentdesk::engine
