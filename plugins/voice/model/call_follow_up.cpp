#include "model/call_follow_up.hpp"

#include <agentdesk/events/core.hpp>
#include <agentdesk/text.hpp>

#include <algorithm>

namespace agentdesk::voice {

CallFollowUp::CallFollowUp(Bus& bus) : bus_(bus) {
    subscriptions_.push_back(bus_.subscribe<events::CalendarEntrySaved>(
        [this](const events::CalendarEntrySaved& e, const Message& m) {
            if (std::find(sent_.begin(), sent_.end(), m.correlation) == sent_.end()) return;
            confirmation_ = "Follow-up scheduled: " + e.entry.title + " on " + text::dateTimeText(e.entry.startsMs);
        }));
    subscriptions_.push_back(bus_.subscribe<events::Error>([this](const events::Error& e, const Message& m) {
        if (std::find(sent_.begin(), sent_.end(), m.correlation) != sent_.end()) error_ = e.message;
    }));
}

std::string CallFollowUp::titleFor(const events::Offered& call) {
    return "Call back " + (call.customerName.empty() ? call.from : call.customerName);
}

bool CallFollowUp::schedule(const events::Offered& call, std::int64_t atMs, const std::string& note, std::int64_t nowMs) {
    if (atMs <= nowMs) {
        error_ = "Choose a time in the future for the follow-up.";
        return false;
    }
    events::CalendarEntry entry;
    entry.agentId = call.agentId;
    entry.title = titleFor(call);
    entry.note = note;
    entry.startsMs = atMs;
    entry.endsMs = atMs + 15 * 60'000LL;
    entry.remindAtMs = atMs;
    entry.kind = events::CalendarKind::FollowUp;
    entry.interactionId = call.interactionId;
    entry.customerId = call.customerId;
    // The correlation is known before publishing: a synchronous bus answers inside publish.
    sent_.push_back(bus_.nextCorrelation());
    bus_.publish(events::SaveCalendarEntry{entry}, sent_.back());
    return true;
}

std::string CallFollowUp::takeError() { return std::exchange(error_, {}); }

}  // namespace agentdesk::voice
