#pragma once
// The agent's calendar (spec UI-15, VOICE-24): personal events and follow-up activities promised
// to customers, kept by the contact center. Commands are answered by the event named next to
// them, or by events::Error with the command's correlation id.
//
//   calendar.events.get   ->  calendar.events         (the agent's entries overlapping a time range)
//   calendar.event.save   ->  calendar.event.saved    (a new entry, entryId 0, or a change to one)
//   calendar.event.delete ->  calendar.event.deleted
//   calendar.reminder                                 (an entry's reminder time has come: remind its agent)
//
// Times are epoch milliseconds (UTC).

#include "agentdesk/codec.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace agentdesk::events {

/// What a calendar entry is.
enum class CalendarKind { Event, FollowUp };
AGENTDESK_ENUM_NAMES(CalendarKind, {CalendarKind::Event, "Event"}, {CalendarKind::FollowUp, "FollowUp"})

/// An entry of an agent's calendar: an appointment, or a follow-up promised to a customer.
struct CalendarEntry {
    std::int64_t entryId = 0;  ///< given by the contact center; 0 for a new entry
    std::string agentId;
    std::string title;
    std::string note;
    std::int64_t startsMs = 0;
    std::int64_t endsMs = 0;      ///< not before startsMs; equal for a moment in time
    std::int64_t remindAtMs = 0;  ///< when to remind the agent; 0 for no reminder (or already reminded)
    CalendarKind kind = CalendarKind::Event;
    std::string interactionId;    ///< the interaction a follow-up continues; "" for none
    std::string customerId;       ///< the customer a follow-up is for; "" for none
    std::string customerName;     ///< filled in by the contact center from customerId
    MSGPACK_DEFINE_MAP(entryId, agentId, title, note, startsMs, endsMs, remindAtMs, kind, interactionId, customerId,
                       customerName)
};

/// Command: the agent's entries that overlap [fromMs, toMs) (a moment counts when it lies inside).
/// Answered by CalendarEntries or Error (not_logged_in).
struct GetCalendar {
    static constexpr std::string_view topic = "calendar.events.get";
    std::string agentId;
    std::int64_t fromMs = 0;
    std::int64_t toMs = 0;
    MSGPACK_DEFINE_MAP(agentId, fromMs, toMs)
};

/// Event: entries of an agent, by start time.
struct CalendarEntries {
    static constexpr std::string_view topic = "calendar.events";
    std::string agentId;
    std::int64_t fromMs = 0;
    std::int64_t toMs = 0;
    std::vector<CalendarEntry> entries;
    MSGPACK_DEFINE_MAP(agentId, fromMs, toMs, entries)
};

/// Command: create an entry (entryId 0) or replace one of the agent's. Answered by
/// CalendarEntrySaved or Error (invalid_input: no title, ends before it starts; unknown_entry).
struct SaveCalendarEntry {
    static constexpr std::string_view topic = "calendar.event.save";
    CalendarEntry entry;
    MSGPACK_DEFINE_MAP(entry)
};

/// Event: an entry was created or changed (with its id).
struct CalendarEntrySaved {
    static constexpr std::string_view topic = "calendar.event.saved";
    CalendarEntry entry;
    bool created = false;  ///< a new entry rather than a change
    MSGPACK_DEFINE_MAP(entry, created)
};

/// Command: delete one of the agent's entries. Answered by CalendarEntryDeleted or Error (unknown_entry).
struct DeleteCalendarEntry {
    static constexpr std::string_view topic = "calendar.event.delete";
    std::string agentId;
    std::int64_t entryId = 0;
    MSGPACK_DEFINE_MAP(agentId, entryId)
};

/// Event: an entry is gone.
struct CalendarEntryDeleted {
    static constexpr std::string_view topic = "calendar.event.deleted";
    std::string agentId;
    std::int64_t entryId = 0;
    MSGPACK_DEFINE_MAP(agentId, entryId)
};

/// Event: an entry's reminder time has come (on the contact center's clock). Reminded once; the
/// entry's remindAtMs is 0 afterwards. A reminder missed while the desktop was closed comes when
/// its agent next logs in.
struct CalendarReminder {
    static constexpr std::string_view topic = "calendar.reminder";
    CalendarEntry entry;
    MSGPACK_DEFINE_MAP(entry)
};

}  // namespace agentdesk::events
