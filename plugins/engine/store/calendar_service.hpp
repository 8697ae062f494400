#pragma once
// The agents' calendars in the embedded contact center (spec UI-15, VOICE-24): personal events and
// follow-ups kept in engine.db, answered over the bus (events/calendar.hpp), and reminders fired on
// the center's timers. A reminder whose time comes while its agent is logged out waits for their
// next login; once published it is cleared, so it pops once.

#include "model/contact_center.hpp"
#include "store/engine_store.hpp"

#include <agentdesk/bus.hpp>
#include <agentdesk/clock.hpp>
#include <agentdesk/events/calendar.hpp>

#include <cstdint>
#include <map>
#include <vector>

namespace agentdesk::engine {

class CalendarService final : private CenterObserver {
public:
    /// Everything passed must outlive the service. Reminders stored earlier are scheduled again.
    CalendarService(ContactCenter& center, EngineStore& store, Bus& bus, const Clock& clock, Timers& timers);
    ~CalendarService() override;
    CalendarService(const CalendarService&) = delete;
    CalendarService& operator=(const CalendarService&) = delete;

    /// A stored entry as the bus carries it (with the customer's name).
    events::CalendarEntry toEntry(const CalendarEvent& event) const;

private:
    void loggedIn(const UserAccount& user, TimePoint at) override;

    void onGet(const events::GetCalendar& command, const Message& message);
    void onSave(const events::SaveCalendarEntry& command, const Message& message);
    void onDelete(const events::DeleteCalendarEntry& command, const Message& message);
    void schedule(const CalendarEvent& event);
    void remind(std::int64_t id);
    void refuse(std::string_view command, std::string_view code, std::string message, std::uint64_t correlation);

    ContactCenter& center_;
    EngineStore& store_;
    Bus& bus_;
    const Clock& clock_;
    Timers& timers_;
    std::map<std::int64_t, Timer> reminders_;  // by entry id
    std::vector<Subscription> subscriptions_;
};

}  // namespace agentdesk::engine
