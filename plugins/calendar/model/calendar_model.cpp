#include "model/calendar_model.hpp"

#include <agentdesk/events/core.hpp>
#include <agentdesk/text.hpp>

#include <algorithm>
#include <array>
#include <cstdio>
#include <utility>

namespace agentdesk::calendar {

namespace {

using namespace std::chrono;

constexpr std::array<const char*, 12> kMonths = {"January", "February", "March",     "April",   "May",      "June",
                                                  "July",    "August",   "September", "October", "November", "December"};
constexpr std::array<const char*, 7> kWeekdays = {"Monday", "Tuesday",  "Wednesday", "Thursday",
                                                  "Friday", "Saturday", "Sunday"};

year_month_day dateOf(std::int64_t ms) { return year_month_day{floor<days>(sys_time<milliseconds>(milliseconds(ms)))}; }

std::int64_t msOf(sys_days day) { return duration_cast<milliseconds>(day.time_since_epoch()).count(); }

/// Monday of the week `ms` lies in.
std::int64_t mondayOf(std::int64_t ms) {
    const sys_days day = floor<days>(sys_time<milliseconds>(milliseconds(ms)));
    const unsigned fromMonday = (weekday(day).iso_encoding() + 6) % 7;  // Monday 0 .. Sunday 6
    return msOf(day - days(fromMonday));
}

Item itemOf(const events::CalendarEntry& entry) { return Item{entry, false}; }

Item itemOf(const events::EmailFollowUp& followUp) {
    events::CalendarEntry entry;
    entry.entryId = -followUp.followUpId;  // apart from calendar ids
    entry.agentId = followUp.agentId;
    entry.title = "Email follow-up: " + followUp.subject;
    entry.note = followUp.note;
    entry.startsMs = followUp.dueAtMs;
    entry.endsMs = followUp.dueAtMs;
    entry.kind = events::CalendarKind::FollowUp;
    entry.interactionId = followUp.caseId;
    return Item{entry, true};
}

bool touches(const events::CalendarEntry& e, Range r) {
    // Overlapping [from, to): a span that starts before `to` and ends after `from`, or a moment inside.
    return e.startsMs < r.toMs && (e.endsMs > r.fromMs || e.startsMs >= r.fromMs);
}

}  // namespace

std::int64_t dayStart(std::int64_t ms) { return msOf(floor<days>(sys_time<milliseconds>(milliseconds(ms)))); }

bool overlap(const events::CalendarEntry& a, const events::CalendarEntry& b) {
    if (a.startsMs == a.endsMs) return touches(b, {a.startsMs, a.startsMs + 1}) || a.startsMs == b.startsMs;
    return touches(b, {a.startsMs, a.endsMs});
}

std::vector<Placed> layoutDay(const std::vector<Item>& items) {
    std::vector<Item> sorted = items;
    std::stable_sort(sorted.begin(), sorted.end(), [](const Item& a, const Item& b) {
        return a.entry.startsMs != b.entry.startsMs ? a.entry.startsMs < b.entry.startsMs : a.entry.endsMs > b.entry.endsMs;
    });
    std::vector<Placed> placed;
    std::size_t groupStart = 0;
    std::int64_t groupEnd = 0;
    std::vector<std::int64_t> laneEnds;  // when each lane of the current group is free again
    auto closeGroup = [&] {
        const int lanes = static_cast<int>(std::max<std::size_t>(laneEnds.size(), 1));
        for (std::size_t i = groupStart; i < placed.size(); ++i) placed[i].lanes = lanes;
        laneEnds.clear();
        groupStart = placed.size();
    };
    for (const Item& item : sorted) {
        // A moment takes a minute of room, so two at the same time sit side by side.
        const std::int64_t end = std::max(item.entry.endsMs, item.entry.startsMs + 60'000);
        if (!laneEnds.empty() && item.entry.startsMs >= groupEnd) closeGroup();
        int lane = -1;
        for (std::size_t i = 0; i < laneEnds.size(); ++i) {
            if (laneEnds[i] <= item.entry.startsMs) {
                lane = static_cast<int>(i);
                break;
            }
        }
        if (lane < 0) {
            lane = static_cast<int>(laneEnds.size());
            laneEnds.push_back(0);
        }
        laneEnds[static_cast<std::size_t>(lane)] = end;
        groupEnd = placed.size() == groupStart ? end : std::max(groupEnd, end);
        placed.push_back(Placed{item, lane, 1});
    }
    closeGroup();
    return placed;
}

CalendarModel::CalendarModel(Bus& bus, const Clock& clock, Remind remind)
    : bus_(bus), clock_(clock), remind_(std::move(remind)), agent_(bus, [this](const std::string& agentId) {
          entries_.clear();
          emailFollowUps_.clear();
          loading_ = 0;
          if (agentId.empty()) return;
          anchor_ = dayStart(toEpochMs(clock_.now()));
          reload();
          bus_.publish(events::GetFollowUps{agentId});
      }) {
    anchor_ = dayStart(toEpochMs(clock_.now()));
    subscriptions_.push_back(bus_.subscribe<events::CalendarEntries>(
        [this](const events::CalendarEntries& e, const Message& m) {
            if (!agent_.is(e.agentId)) return;
            if (m.correlation == loading_) loading_ = 0;
            loaded(e);
        }));
    subscriptions_.push_back(bus_.subscribe<events::CalendarEntrySaved>([this](const events::CalendarEntrySaved& e) {
        if (agent_.is(e.entry.agentId)) entries_[e.entry.entryId] = e.entry;
    }));
    subscriptions_.push_back(bus_.subscribe<events::CalendarEntryDeleted>([this](const events::CalendarEntryDeleted& e) {
        if (agent_.is(e.agentId)) entries_.erase(e.entryId);
    }));
    subscriptions_.push_back(bus_.subscribe<events::CalendarReminder>([this](const events::CalendarReminder& e) {
        if (!agent_.is(e.entry.agentId)) return;
        entries_[e.entry.entryId] = e.entry;
        pop(e.entry);
    }));
    // Email follow-ups (EMAIL-14) appear on their due time; the email panel reminds of them.
    subscriptions_.push_back(bus_.subscribe<events::EmailFollowUps>([this](const events::EmailFollowUps& e) {
        if (!agent_.is(e.agentId)) return;
        emailFollowUps_.clear();
        for (const auto& followUp : e.followUps) emailFollowUps_[followUp.followUpId] = followUp;
    }));
    subscriptions_.push_back(bus_.subscribe<events::EmailFollowUpScheduled>([this](const events::EmailFollowUpScheduled& e) {
        if (agent_.is(e.followUp.agentId)) emailFollowUps_[e.followUp.followUpId] = e.followUp;
    }));
    subscriptions_.push_back(bus_.subscribe<events::EmailFollowUpDue>([this](const events::EmailFollowUpDue& e) {
        if (agent_.is(e.followUp.agentId)) emailFollowUps_[e.followUp.followUpId] = e.followUp;
    }));
    subscriptions_.push_back(bus_.subscribe<events::Error>([this](const events::Error& e, const Message& m) {
        if (std::find(sent_.begin(), sent_.end(), m.correlation) == sent_.end()) return;
        if (m.correlation == loading_) loading_ = 0;
        error_ = e.message;
    }));
}

void CalendarModel::setMode(ViewMode mode) {
    mode_ = mode;
    reload();
}

void CalendarModel::setAnchorDay(std::int64_t anyMsThatDay) {
    anchor_ = dayStart(anyMsThatDay);
    reload();
}

void CalendarModel::next() {
    if (mode_ == ViewMode::Month) {
        const year_month_day d = dateOf(anchor_);
        anchor_ = msOf(sys_days(year_month_day(d.year() / d.month() / 1) + months(1)));
    } else {
        anchor_ += (mode_ == ViewMode::Day ? 1 : 7) * kDayMs;
    }
    reload();
}

void CalendarModel::previous() {
    if (mode_ == ViewMode::Month) {
        const year_month_day d = dateOf(anchor_);
        anchor_ = msOf(sys_days(year_month_day(d.year() / d.month() / 1) - months(1)));
    } else {
        anchor_ -= (mode_ == ViewMode::Day ? 1 : 7) * kDayMs;
    }
    reload();
}

void CalendarModel::today() { setAnchorDay(toEpochMs(clock_.now())); }

Range CalendarModel::range() const {
    switch (mode_) {
        case ViewMode::Day:
            return {anchor_, anchor_ + kDayMs};
        case ViewMode::Week: {
            const std::int64_t monday = mondayOf(anchor_);
            return {monday, monday + 7 * kDayMs};
        }
        case ViewMode::Month: {
            const year_month_day d = dateOf(anchor_);
            const std::int64_t first = msOf(sys_days(d.year() / d.month() / 1));
            const std::int64_t lastDay = msOf(sys_days(d.year() / d.month() / last));
            return {mondayOf(first), mondayOf(lastDay) + 7 * kDayMs};
        }
    }
    return {};
}

std::string CalendarModel::rangeTitle() const {
    char out[96];
    const year_month_day d = dateOf(anchor_);
    const auto monthName = [](const year_month_day& x) { return kMonths[static_cast<unsigned>(x.month()) - 1]; };
    switch (mode_) {
        case ViewMode::Day: {
            const unsigned wd = (weekday(sys_days(d)).iso_encoding() + 6) % 7;
            std::snprintf(out, sizeof out, "%s %u %s %d", kWeekdays[wd], static_cast<unsigned>(d.day()), monthName(d),
                          static_cast<int>(d.year()));
            break;
        }
        case ViewMode::Week: {
            const Range r = range();
            const year_month_day a = dateOf(r.fromMs);
            const year_month_day b = dateOf(r.toMs - kDayMs);
            if (a.month() == b.month()) {
                std::snprintf(out, sizeof out, "%u - %u %s %d", static_cast<unsigned>(a.day()),
                              static_cast<unsigned>(b.day()), monthName(b), static_cast<int>(b.year()));
            } else {
                std::snprintf(out, sizeof out, "%u %s - %u %s %d", static_cast<unsigned>(a.day()), monthName(a),
                              static_cast<unsigned>(b.day()), monthName(b), static_cast<int>(b.year()));
            }
            break;
        }
        case ViewMode::Month:
            std::snprintf(out, sizeof out, "%s %d", monthName(d), static_cast<int>(d.year()));
            break;
    }
    return out;
}

std::vector<Item> CalendarModel::itemsIn(Range r) const {
    std::vector<Item> items;
    for (const auto& [id, entry] : entries_) {
        if (touches(entry, r)) items.push_back(itemOf(entry));
    }
    for (const auto& [id, followUp] : emailFollowUps_) {
        Item item = itemOf(followUp);
        if (touches(item.entry, r)) items.push_back(std::move(item));
    }
    std::stable_sort(items.begin(), items.end(), [](const Item& a, const Item& b) {
        return a.entry.startsMs != b.entry.startsMs ? a.entry.startsMs < b.entry.startsMs
                                                    : a.entry.entryId < b.entry.entryId;
    });
    return items;
}

const events::CalendarEntry* CalendarModel::find(std::int64_t entryId) const {
    auto it = entries_.find(entryId);
    return it == entries_.end() ? nullptr : &it->second;
}

Draft CalendarModel::newDraft(std::int64_t startsMs) const {
    Draft draft;
    draft.startsMs = startsMs;
    draft.endsMs = startsMs + 60 * 60 * 1000;
    return draft;
}

Draft CalendarModel::draftOf(const events::CalendarEntry& entry) const {
    Draft draft;
    draft.entryId = entry.entryId;
    draft.title = entry.title;
    draft.note = entry.note;
    draft.startsMs = entry.startsMs;
    draft.endsMs = entry.endsMs;
    draft.remindMinutesBefore =
        entry.remindAtMs > 0 ? static_cast<int>((entry.startsMs - entry.remindAtMs) / 60'000) : -1;
    draft.kind = entry.kind;
    draft.interactionId = entry.interactionId;
    draft.customerId = entry.customerId;
    return draft;
}

bool CalendarModel::save(const Draft& draft) {
    if (!agent_.loggedIn()) {
        error_ = "Log in to use the calendar.";
        return false;
    }
    if (draft.title.find_first_not_of(" \t\r\n") == std::string::npos) {
        error_ = "Give the entry a title.";
        return false;
    }
    if (draft.endsMs < draft.startsMs) {
        error_ = "The end is before the start. Choose an end at or after the start.";
        return false;
    }
    events::CalendarEntry entry;
    entry.entryId = draft.entryId;
    entry.agentId = agent_.id();
    entry.title = draft.title;
    entry.note = draft.note;
    entry.startsMs = draft.startsMs;
    entry.endsMs = draft.endsMs;
    entry.remindAtMs = draft.remindMinutesBefore >= 0 ? draft.startsMs - draft.remindMinutesBefore * 60'000LL : 0;
    entry.kind = draft.kind;
    entry.interactionId = draft.interactionId;
    entry.customerId = draft.customerId;
    bus_.publish(events::SaveCalendarEntry{entry}, expectAnswer());
    return true;
}

void CalendarModel::remove(std::int64_t entryId) {
    if (!agent_.loggedIn() || entryId <= 0) return;
    bus_.publish(events::DeleteCalendarEntry{agent_.id(), entryId}, expectAnswer());
}

void CalendarModel::reload() {
    if (!agent_.loggedIn()) return;
    const Range r = range();
    loading_ = expectAnswer();
    bus_.publish(events::GetCalendar{agent_.id(), r.fromMs, r.toMs}, loading_);
}

void CalendarModel::loaded(const events::CalendarEntries& answer) {
    // The answer is the whole truth for its range: what is gone there is dropped.
    std::erase_if(entries_, [&](const auto& kv) { return touches(kv.second, {answer.fromMs, answer.toMs}); });
    for (const events::CalendarEntry& entry : answer.entries) entries_[entry.entryId] = entry;
}

void CalendarModel::pop(const events::CalendarEntry& entry) {
    std::string title = (entry.kind == events::CalendarKind::FollowUp ? "Follow-up: " : "Reminder: ") + entry.title;
    std::string message = "At " + text::dateTimeText(entry.startsMs);
    if (!entry.customerName.empty()) message += " with " + entry.customerName;
    if (!entry.note.empty()) message += ". " + entry.note;
    reminded_.push_back(title + " - " + message);
    if (remind_) remind_(title, message);
}

std::uint64_t CalendarModel::expectAnswer() {
    // Known before publishing: a synchronous bus answers inside publish.
    sent_.push_back(bus_.nextCorrelation());
    return sent_.back();
}

std::string CalendarModel::takeError() { return std::exchange(error_, {}); }

}  // namespace agentdesk::calendar
