#pragma once
// The Calendar panel's model (spec UI-15, VOICE-24, EMAIL-14): this desktop's agent's personal
// events and follow-ups, shown a day, a week (Monday first) or a month at a time; creating,
// changing and deleting entries through the contact center (events/calendar.hpp); reminders that
// pop at their time; and the agent's email follow-ups shown beside them (read-only here: they are
// handled in the email panel). Days are UTC days, as every date the desktop shows. No ImGui here.

#include <agentdesk/bus.hpp>
#include <agentdesk/clock.hpp>
#include <agentdesk/current_agent.hpp>
#include <agentdesk/events/calendar.hpp>
#include <agentdesk/events/email.hpp>

#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace agentdesk::calendar {

enum class ViewMode { Day, Week, Month };

/// What the views draw: a calendar entry, or an email follow-up.
struct Item {
    events::CalendarEntry entry;
    bool fromEmail = false;  ///< an email follow-up (EMAIL-14): its case is in entry.interactionId
    bool editable() const { return !fromEmail; }
};

/// An item placed in a day's column: overlapping items share the width in lanes.
struct Placed {
    Item item;
    int lane = 0;   ///< 0-based, left to right
    int lanes = 1;  ///< how many lanes the group of overlapping items it belongs to needs
};

/// A [from, to) span of epoch milliseconds.
struct Range {
    std::int64_t fromMs = 0;
    std::int64_t toMs = 0;
};

/// What the editor holds for a new or changed entry.
struct Draft {
    std::int64_t entryId = 0;  ///< 0 for a new entry
    std::string title;
    std::string note;
    std::int64_t startsMs = 0;
    std::int64_t endsMs = 0;
    int remindMinutesBefore = 15;  ///< -1: no reminder
    events::CalendarKind kind = events::CalendarKind::Event;
    std::string interactionId;
    std::string customerId;
};

/// The reminder choices the editor offers, in minutes before the start (-1: none).
inline constexpr int kReminderChoices[] = {-1, 0, 5, 15, 30, 60, 1440};

/// Lays out one day's items in lanes: items that overlap in time sit side by side.
std::vector<Placed> layoutDay(const std::vector<Item>& items);
/// True when two entries overlap in time (a moment overlaps what it lies inside).
bool overlap(const events::CalendarEntry& a, const events::CalendarEntry& b);
/// Midnight (UTC) of the day `ms` lies in.
std::int64_t dayStart(std::int64_t ms);

class CalendarModel {
public:
    /// Called when a reminder pops: a title ("Reminder: Call Lukas back") and a line of detail.
    using Remind = std::function<void(const std::string& title, const std::string& message)>;
    CalendarModel(Bus& bus, const Clock& clock, Remind remind = {});

    ViewMode mode() const { return mode_; }
    void setMode(ViewMode mode);
    /// The day the view is centred on (midnight UTC); today at first.
    std::int64_t anchorDay() const { return anchor_; }
    void setAnchorDay(std::int64_t anyMsThatDay);
    /// One day, week or month on; back; today.
    void next();
    void previous();
    void today();
    /// The days the current view shows: one day; Monday to Sunday; or the weeks (Monday first)
    /// that hold the month's days.
    Range range() const;
    /// A title for the range: "Monday 5 January 2026", "5 - 11 January 2026", "January 2026".
    std::string rangeTitle() const;

    /// Entries and email follow-ups overlapping [from, to), by start.
    std::vector<Item> itemsIn(Range range) const;
    /// Items of one day, by start.
    std::vector<Item> itemsOn(std::int64_t day) const { return itemsIn({dayStart(day), dayStart(day) + kDayMs}); }
    /// The entry with this id, or nullptr.
    const events::CalendarEntry* find(std::int64_t entryId) const;
    /// True while an answer to the last load is awaited.
    bool loading() const { return loading_ != 0; }

    /// A draft for a new entry on `startsMs` (an hour long).
    Draft newDraft(std::int64_t startsMs) const;
    /// A draft to change an entry.
    Draft draftOf(const events::CalendarEntry& entry) const;
    /// Creates or saves the draft; the answer updates the calendar. False (with takeError) when the
    /// draft is plainly incomplete, nothing sent.
    bool save(const Draft& draft);
    void remove(std::int64_t entryId);
    /// Asks again for the view's entries.
    void reload();

    /// Reminders that popped, oldest first (what the notifications said).
    const std::vector<std::string>& reminded() const { return reminded_; }
    /// The last refusal of something asked here ("" when none), and clears it.
    std::string takeError();
    const std::string& agentId() const { return agent_.id(); }

    static constexpr std::int64_t kDayMs = 24LL * 60 * 60 * 1000;

private:
    void loaded(const events::CalendarEntries& answer);
    void pop(const events::CalendarEntry& entry);
    /// A correlation for a command, remembered so its refusal is recognised.
    std::uint64_t expectAnswer();

    Bus& bus_;
    const Clock& clock_;
    Remind remind_;
    CurrentAgent agent_;
    ViewMode mode_ = ViewMode::Week;
    std::int64_t anchor_ = 0;
    std::map<std::int64_t, events::CalendarEntry> entries_;        // by id
    std::map<std::int64_t, events::EmailFollowUp> emailFollowUps_;  // by follow-up id
    std::uint64_t loading_ = 0;
    std::vector<std::uint64_t> sent_;
    std::vector<std::string> reminded_;
    std::string error_;
    std::vector<Subscription> subscriptions_;
};

}  // namespace agentdesk::calendar
