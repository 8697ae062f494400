#include "model/campaign_service.hpp"

#include <agentdesk/events/core.hpp>
#include <agentdesk/text.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <tuple>

namespace agentdesk::engine {

namespace {

const CampaignNumber* findNumber(const CallingRecordConfig& record, std::string_view number) {
    for (const CampaignNumber& n : record.numbers) {
        if (n.number == number) return &n;
    }
    return nullptr;
}

bool hasDisposition(const ServiceConfig& service, std::string_view disposition) {
    return std::find(service.dispositions.begin(), service.dispositions.end(), disposition) != service.dispositions.end();
}

}  // namespace

CampaignService::CampaignService(ContactCenter& center, Bus& bus, const Clock& clock, Timers& timers,
                                 std::vector<CampaignConfig> campaigns, CampaignJournal& journal)
    : center_(center), bus_(bus), clock_(clock), timers_(timers), campaigns_(std::move(campaigns)), journal_(journal) {
    states_ = journal_.loadRecords();
    center_.addObserver(this);
    subscriptions_.push_back(bus_.subscribe<events::GetCampaigns>(
        [this](const events::GetCampaigns& c, const Message& m) { publishList(c.agentId, m.correlation); }));
    subscriptions_.push_back(bus_.subscribe<events::CallRecord>(
        [this](const events::CallRecord& c, const Message& m) { onCall(c, m); }));
    subscriptions_.push_back(bus_.subscribe<events::RejectRecord>(
        [this](const events::RejectRecord& c, const Message& m) { onReject(c, m); }));
    subscriptions_.push_back(bus_.subscribe<events::RescheduleRecord>(
        [this](const events::RescheduleRecord& c, const Message& m) { onReschedule(c, m); }));
    subscriptions_.push_back(bus_.subscribe<events::SetDisposition>(
        [this](const events::SetDisposition& c, const Message& m) { onDisposition(c, m); }));
    // Agents already logged in and Ready (a restart of the service) get work too.
    for (const std::string& agentId : center_.loggedInAgents()) poke(agentId);
}

CampaignService::~CampaignService() {
    subscriptions_.clear();
    center_.removeObserver(this);
}

RecordState CampaignService::state(std::string_view campaignId, std::string_view recordId) const {
    auto it = states_.find({std::string(campaignId), std::string(recordId)});
    return it == states_.end() ? RecordState{} : it->second;
}

bool CampaignService::isHeld(const CampaignJournal::Key& key) const {
    return std::any_of(work_.begin(), work_.end(), [&](const auto& w) { return keyOf(w.second) == key; });
}

std::vector<events::CampaignInfo> CampaignService::campaignsOf(std::string_view agentId) const {
    std::vector<events::CampaignInfo> list;
    const UserAccount* user = center_.config().findUserById(agentId);
    if (!user) return list;
    const std::int64_t now = toEpochMs(clock_.now());
    for (const CampaignConfig& campaign : campaigns_) {
        if (!campaign.hasMember(*user)) continue;
        const ServiceConfig* service = center_.config().findService(campaign.serviceId);
        events::CampaignInfo info{campaign.id, campaign.name, campaign.mode, campaign.script, campaign.serviceId,
                                  service ? service->name : campaign.serviceId, campaign.previewLimit.count(),
                                  service ? service->dispositions : std::vector<std::string>{}, campaign.rejectReasons,
                                  0, 0};
        for (const CallingRecordConfig& record : campaign.records) {
            const RecordState s = state(campaign.id, record.id);
            if (s.closed) continue;
            ++info.openRecords;
            if (s.dueAtMs <= now && !isHeld({campaign.id, record.id})) ++info.dueRecords;
        }
        list.push_back(std::move(info));
    }
    return list;
}

void CampaignService::publishList(const std::string& agentId, std::uint64_t correlation) {
    bus_.publish(events::CampaignList{agentId, campaignsOf(agentId)}, correlation);
}

void CampaignService::refuse(std::string_view command, std::string_view code, std::string message,
                             std::uint64_t correlation) {
    bus_.publish(events::Error{std::string(command), std::string(code), std::move(message)}, correlation);
}

// ---- handing records out -------------------------------------------------------------------------

void CampaignService::loggedIn(const UserAccount& user, TimePoint) {
    if (user.simulated) return;
    bool member = false;
    for (const CampaignConfig& campaign : campaigns_) member = member || campaign.hasMember(user);
    if (member) publishList(user.id);
}

void CampaignService::stateChanged(const UserAccount& user, const AgentStatus& status) {
    if (status.state == AgentState::Ready && !user.simulated) poke(user.id);
}

void CampaignService::poke(const std::string& agentId) {
    // Later, not inside the state change being reported: the center finishes its step (and routes
    // inbound work, which goes first) before a record is handed out.
    pokes_[agentId] = timers_.at(clock_.now(), [this, agentId] {
        pokes_.erase(agentId);
        handOut(agentId);
    });
}

void CampaignService::handOut(const std::string& agentId) {
    const UserAccount* user = center_.config().findUserById(agentId);
    if (!user || user->simulated || !center_.canStartOutboundWork(agentId)) return;
    const std::int64_t now = toEpochMs(clock_.now());
    const CampaignConfig* bestCampaign = nullptr;
    const CallingRecordConfig* bestRecord = nullptr;
    std::tuple<int, std::int64_t> bestKey{};
    for (const CampaignConfig& campaign : campaigns_) {
        if (!campaign.hasMember(*user)) continue;
        for (const CallingRecordConfig& record : campaign.records) {
            const CampaignJournal::Key key{campaign.id, record.id};
            const RecordState s = state(campaign.id, record.id);
            if (s.closed || s.dueAtMs > now || isHeld(key)) continue;
            if (!s.ownerAgentId.empty() && s.ownerAgentId != agentId) continue;
            if (callableNumbers(record, s).empty()) continue;
            const auto candidate = std::make_tuple(s.ownerAgentId == agentId ? 0 : 1, s.dueAtMs);
            if (!bestRecord || candidate < bestKey) {
                bestCampaign = &campaign;
                bestRecord = &record;
                bestKey = candidate;
            }
        }
    }
    if (!bestRecord) {
        scheduleNextDue();
        return;
    }
    const RecordState s = state(bestCampaign->id, bestRecord->id);
    const std::string firstNumber = callableNumbers(*bestRecord, s).front();
    ContactCenter::OutboundWork outbound{bestCampaign->serviceId, firstNumber,
                                         fmt::format("{}: {}", bestCampaign->name, bestRecord->name),
                                         {{"Campaign", bestCampaign->name}, {"Record", bestRecord->name}}};
    auto id = center_.startOutboundWork(agentId, outbound);
    if (!id) return;
    Work& work = work_[*id];
    work.campaign = bestCampaign;
    work.record = bestRecord;
    work.agentId = agentId;
    work.interactionId = *id;
    if (bestCampaign->mode == events::DialingMode::Preview) {
        work.phase = events::RecordPhase::Preview;
        work.previewEndsAtMs = now + bestCampaign->previewLimit.count();
        work.previewTimer = timers_.at(fromEpochMs(work.previewEndsAtMs), [this, id = *id] {
            auto it = work_.find(id);
            if (it == work_.end() || it->second.phase != events::RecordPhase::Preview) return;
            const RecordState current = state(it->second.campaign->id, it->second.record->id);
            call(it->second, callableNumbers(*it->second.record, current).front(), 0);
        });
        publishRecord(work);
    } else {
        call(work, firstNumber, 0);
    }
    publishList(agentId);
}

void CampaignService::scheduleNextDue() {
    // One timer at the earliest future due time; when it fires every Ready member is offered work.
    const std::int64_t now = toEpochMs(clock_.now());
    std::int64_t next = 0;
    for (const CampaignConfig& campaign : campaigns_) {
        for (const CallingRecordConfig& record : campaign.records) {
            const RecordState s = state(campaign.id, record.id);
            if (s.closed || s.dueAtMs <= now) continue;
            if (next == 0 || s.dueAtMs < next) next = s.dueAtMs;
        }
    }
    if (next == 0) return;
    nextDue_ = timers_.at(fromEpochMs(next), [this] {
        for (const std::string& agentId : center_.loggedInAgents()) handOut(agentId);
        scheduleNextDue();
    });
}

// ---- the call --------------------------------------------------------------------------------------

void CampaignService::call(Work& work, const std::string& number, std::uint64_t correlation) {
    const CampaignNumber* chosen = findNumber(*work.record, number);
    if (!chosen) return;
    work.previewTimer.cancel();
    work.phase = events::RecordPhase::Dialing;
    work.dialledNumber = number;
    work.dialledAtMs = toEpochMs(clock_.now());
    const CallOutcome outcome = chosen->outcome;
    const auto after = outcome == CallOutcome::Answer   ? std::chrono::seconds(5)
                       : outcome == CallOutcome::Busy   ? std::chrono::seconds(3)
                                                        : std::chrono::seconds(25);
    work.callTimer = timers_.at(clock_.now() + after,
                                [this, id = work.interactionId, outcome] { callOutcome(id, outcome); });
    publishRecord(work, correlation);
}

void CampaignService::callOutcome(const std::string& interactionId, CallOutcome outcome) {
    auto it = work_.find(interactionId);
    if (it == work_.end() || it->second.phase != events::RecordPhase::Dialing) return;
    Work& work = it->second;
    namespace d = campaign_dispositions;
    switch (outcome) {
        case CallOutcome::Answer:
            work.phase = events::RecordPhase::Talking;
            work.suggested = std::string(d::answered);
            publishRecord(work);
            return;
        case CallOutcome::NoAnswer:
            work.phase = events::RecordPhase::NoAnswer;
            work.suggested = std::string(d::noAnswer);
            break;
        case CallOutcome::Busy:
            work.phase = events::RecordPhase::LineBusy;
            work.suggested = std::string(d::busy);
            break;
    }
    publishRecord(work);
    // Nobody to talk to: the call is over, the agent wraps up (or it settles at once without ACW).
    center_.endOutboundWork(interactionId, events::EndedBy::Customer, true);
}

void CampaignService::ended(const Interaction& interaction, events::EndedBy) {
    auto it = work_.find(interaction.id);
    if (it == work_.end()) return;
    Work& work = it->second;
    work.previewTimer.cancel();
    work.callTimer.cancel();
    work.phase = events::RecordPhase::WrapUp;
    publishRecord(work);
}

void CampaignService::completed(const Interaction& interaction, TimePoint, bool) {
    auto it = work_.find(interaction.id);
    if (it == work_.end()) return;
    Work& work = it->second;
    if (work.dialledNumber.empty()) {
        // Released before any call: like a rejection.
        RecordState& s = stateOf(keyOf(work));
        const std::int64_t now = toEpochMs(clock_.now());
        Fate fate = applyReject(s, work.campaign->rules, now);
        finishWithoutCall(work, fate, {now, work.agentId, "reject", "", "", "Released before calling"}, "Rejected", 0);
        return;
    }
    std::string disposition = !interaction.disposition.empty() ? interaction.disposition
                              : !work.chosen.empty()            ? work.chosen
                                                                : work.suggested;
    if (disposition.empty()) disposition = std::string(campaign_dispositions::noAnswer);  // hung up while dialling
    settle(interaction.id, std::move(disposition), interaction.notes);
}

void CampaignService::settle(const std::string& interactionId, std::string disposition, const std::string& notes) {
    auto it = work_.find(interactionId);
    if (it == work_.end()) return;
    Work work = std::move(it->second);
    work_.erase(it);
    const auto key = keyOf(work);
    RecordState& s = stateOf(key);
    const std::int64_t now = toEpochMs(clock_.now());
    Fate fate = applyDisposition(s, work.campaign->rules, *work.record, disposition, work.dialledNumber, work.agentId,
                                 now, work.callbackAtMs);
    if (disposition == campaign_dispositions::callback && !fate.closed) {
        if (!work.callbackPersonal) s.ownerAgentId.clear();
        if (!work.callbackNumber.empty()) s.preferredNumber = work.callbackNumber;
        fate = applyReschedule(s, s.dueAtMs, work.callbackNumber, work.agentId, work.callbackPersonal);
    }
    journal_.addAttempt(key, {work.dialledAtMs, work.agentId, "call", work.dialledNumber, disposition, notes},
                        interactionId);
    journal_.saveRecord(key, s, now);
    bus_.publish(events::RecordDone{work.agentId, interactionId, key.first, key.second, s.closed, disposition,
                                    fate.reason, s.closed ? 0 : s.dueAtMs, s.closed ? "" : s.ownerAgentId});
    publishList(work.agentId);
    scheduleNextDue();
}

void CampaignService::finishWithoutCall(Work& work, const Fate& fate, events::RecordAttempt attempt, std::string outcome,
                                        std::uint64_t correlation) {
    const std::string interactionId = work.interactionId;
    const std::string agentId = work.agentId;
    const auto key = keyOf(work);
    work_.erase(interactionId);  // before the interaction ends: its completion is no attempt
    const RecordState& s = stateOf(key);
    journal_.addAttempt(key, attempt, interactionId);
    journal_.saveRecord(key, s, toEpochMs(clock_.now()));
    bus_.publish(events::RecordDone{agentId, interactionId, key.first, key.second, false, std::move(outcome), fate.reason,
                                    s.dueAtMs, s.ownerAgentId},
                 correlation);
    center_.endOutboundWork(interactionId, events::EndedBy::Agent, false, correlation);
    publishList(agentId, correlation);
    scheduleNextDue();
}

void CampaignService::publishRecord(const Work& work, std::uint64_t correlation) {
    events::CallingRecord e;
    e.agentId = work.agentId;
    e.interactionId = work.interactionId;
    e.campaignId = work.campaign->id;
    e.campaignName = work.campaign->name;
    e.recordId = work.record->id;
    e.name = work.record->name;
    const RecordState s = state(work.campaign->id, work.record->id);
    for (const CampaignNumber& n : work.record->numbers) e.numbers.push_back({n.number, n.label, s.wrongNumbers.contains(n.number)});
    e.fields = work.record->fields;
    e.attempts = journal_.attempts(keyOf(work));
    e.phase = work.phase;
    e.previewEndsAtMs = work.phase == events::RecordPhase::Preview ? work.previewEndsAtMs : 0;
    e.preferredNumber = s.preferredNumber;
    e.dialledNumber = work.dialledNumber;
    e.suggestedDisposition = work.suggested;
    if (const ServiceConfig* service = center_.config().findService(work.campaign->serviceId)) e.dispositions = service->dispositions;
    bus_.publish(e, correlation);
}

// ---- the agent's commands --------------------------------------------------------------------------

CampaignService::Work* CampaignService::workFor(std::string_view command, const std::string& agentId,
                                                const std::string& interactionId, std::uint64_t correlation) {
    if (!center_.isLoggedIn(agentId)) {
        refuse(command, error_codes::notLoggedIn, "You are not logged in. Log in first.", correlation);
        return nullptr;
    }
    auto it = work_.find(interactionId);
    if (it == work_.end()) {
        refuse(command, error_codes::unknownInteraction, "This calling record is no longer yours to work on.", correlation);
        return nullptr;
    }
    if (it->second.agentId != agentId) {
        refuse(command, error_codes::notYours, "This calling record is handled by someone else.", correlation);
        return nullptr;
    }
    return &it->second;
}

void CampaignService::onCall(const events::CallRecord& c, const Message& m) {
    Work* work = workFor(c.topic, c.agentId, c.interactionId, m.correlation);
    if (!work) return;
    if (work->phase != events::RecordPhase::Preview) {
        return refuse(c.topic, error_codes::invalidState, "This record has been called already.", m.correlation);
    }
    const RecordState s = state(work->campaign->id, work->record->id);
    if (!findNumber(*work->record, c.number)) {
        return refuse(c.topic, error_codes::invalidNumber, fmt::format("{} is not a number of {}.", c.number, work->record->name),
                      m.correlation);
    }
    if (s.wrongNumbers.contains(c.number)) {
        return refuse(c.topic, error_codes::invalidNumber,
                      fmt::format("{} was found to be a wrong number: choose another one.", c.number), m.correlation);
    }
    call(*work, c.number, m.correlation);
}

void CampaignService::onReject(const events::RejectRecord& c, const Message& m) {
    Work* work = workFor(c.topic, c.agentId, c.interactionId, m.correlation);
    if (!work) return;
    if (work->phase != events::RecordPhase::Preview) {
        return refuse(c.topic, error_codes::invalidState, "Only a record in preview can be rejected.", m.correlation);
    }
    const std::int64_t now = toEpochMs(clock_.now());
    RecordState& s = stateOf(keyOf(*work));
    const Fate fate = applyReject(s, work->campaign->rules, now);
    finishWithoutCall(*work, fate, {now, c.agentId, "reject", "", "", c.reason.empty() ? "No reason given" : c.reason},
                      "Rejected", m.correlation);
}

void CampaignService::onReschedule(const events::RescheduleRecord& c, const Message& m) {
    Work* work = workFor(c.topic, c.agentId, c.interactionId, m.correlation);
    if (!work) return;
    const std::int64_t now = toEpochMs(clock_.now());
    if (c.atMs <= now) {
        return refuse(c.topic, "invalid_time", "Choose a time in the future for the next attempt.", m.correlation);
    }
    if (!c.number.empty() && !findNumber(*work->record, c.number)) {
        return refuse(c.topic, error_codes::invalidNumber, fmt::format("{} is not a number of {}.", c.number, work->record->name),
                      m.correlation);
    }
    if (work->phase == events::RecordPhase::Preview) {
        RecordState& s = stateOf(keyOf(*work));
        const Fate fate = applyReschedule(s, c.atMs, c.number, c.agentId, c.personal);
        finishWithoutCall(*work, fate,
                          {now, c.agentId, "reschedule", c.number, "",
                           fmt::format("{}{}{}", text::dateTimeText(c.atMs), c.personal ? ", personal" : ", anyone",
                                       c.reason.empty() ? "" : ": " + c.reason)},
                          "Rescheduled", m.correlation);
        return;
    }
    if (work->phase == events::RecordPhase::Dialing) {
        return refuse(c.topic, error_codes::invalidState, "Wait for the call's outcome first.", m.correlation);
    }
    // After (or during) the call: the attempt ends as a Callback at the time chosen.
    const ServiceConfig* service = center_.config().findService(work->campaign->serviceId);
    if (!service || !hasDisposition(*service, campaign_dispositions::callback)) {
        return refuse(c.topic, error_codes::unknownDisposition,
                      fmt::format("{} has no \"Callback\" disposition to reschedule with.", work->campaign->name), m.correlation);
    }
    work->callbackAtMs = c.atMs;
    work->callbackPersonal = c.personal;
    work->callbackNumber = c.number;
    // The reason goes with the attempt as its notes.
    onDisposition(events::SetDisposition{c.agentId, c.interactionId, std::string(campaign_dispositions::callback), c.reason}, m);
}

void CampaignService::onDisposition(const events::SetDisposition& c, const Message& m) {
    Work* work = workFor(c.topic, c.agentId, c.interactionId, m.correlation);
    if (!work) return;
    if (work->phase == events::RecordPhase::Preview || work->phase == events::RecordPhase::Dialing) {
        return refuse(c.topic, error_codes::invalidState,
                      work->phase == events::RecordPhase::Preview ? "Call the record first, or reject or reschedule it."
                                                                  : "Wait for the call's outcome first.",
                      m.correlation);
    }
    const ServiceConfig* service = center_.config().findService(work->campaign->serviceId);
    if (!service || !hasDisposition(*service, c.disposition)) {
        return refuse(c.topic, error_codes::unknownDisposition,
                      fmt::format("\"{}\" is not a disposition of {}.", c.disposition, work->campaign->name), m.correlation);
    }
    work->chosen = c.disposition;
    const std::string id = c.interactionId;
    if (work->phase == events::RecordPhase::Talking) {
        // Ends the call; without After Call Work the record settles right here, with the choice above.
        if (auto refusal = center_.release(c.agentId, id, m.correlation)) {
            return refuse(c.topic, refusal->code, refusal->message, m.correlation);
        }
    }
    if (work_.contains(id)) {
        if (auto refusal = center_.complete(c.agentId, id, c.disposition, c.notes, m.correlation)) {
            refuse(c.topic, refusal->code, refusal->message, m.correlation);
        }
    }
}

}  // namespace agentdesk::engine
