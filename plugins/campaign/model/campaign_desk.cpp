#include "model/campaign_desk.hpp"

#include <agentdesk/events/core.hpp>
#include <agentdesk/events/interaction.hpp>

#include <algorithm>
#include <utility>

namespace agentdesk::campaign {

CampaignDesk::CampaignDesk(Bus& bus, const Clock& clock)
    : bus_(bus), clock_(clock), agent_(bus, [this](const std::string& agentId) {
          campaigns_.clear();
          record_.reset();
          chosen_.clear();
          lastOutcome_.clear();
          if (!agentId.empty()) refresh();
      }) {
    subscriptions_.push_back(bus_.subscribe<events::CampaignList>([this](const events::CampaignList& e) {
        if (agent_.is(e.agentId)) campaigns_ = e.campaigns;
    }));
    subscriptions_.push_back(bus_.subscribe<events::CallingRecord>([this](const events::CallingRecord& e) {
        if (!agent_.is(e.agentId)) return;
        if (!record_ || record_->interactionId != e.interactionId) {
            chosen_.clear();
            call_.reset();
        }
        record_ = e;
    }));
    subscriptions_.push_back(bus_.subscribe<events::CallState>([this](const events::CallState& e) {
        if (record_ && record_->interactionId == e.interactionId) call_ = e;
    }));
    subscriptions_.push_back(bus_.subscribe<events::RecordDone>([this](const events::RecordDone& e) {
        if (!agent_.is(e.agentId)) return;
        if (record_ && record_->interactionId == e.interactionId) {
            lastOutcome_ = record_->name + ": " + e.outcome + (e.reason.empty() ? "" : " - " + e.reason);
            record_.reset();
            chosen_.clear();
        }
    }));
    subscriptions_.push_back(bus_.subscribe<events::Error>([this](const events::Error& e, const Message& m) {
        if (pending_.erase(m.correlation)) error_ = e.message;
    }));
}

const events::CampaignInfo* CampaignDesk::currentCampaign() const {
    if (campaigns_.empty()) return nullptr;
    if (record_) {
        for (const events::CampaignInfo& c : campaigns_) {
            if (c.id == record_->campaignId) return &c;
        }
    }
    return &campaigns_.front();
}

std::int64_t CampaignDesk::previewLeftMs() const {
    if (!record_ || record_->phase != events::RecordPhase::Preview) return 0;
    return std::max<std::int64_t>(0, record_->previewEndsAtMs - toEpochMs(clock_.now()));
}

std::vector<std::string> CampaignDesk::callableNumbers() const {
    std::vector<std::string> numbers;
    if (!record_) return numbers;
    for (const events::RecordNumber& n : record_->numbers) {
        if (!n.wrong) numbers.push_back(n.number);
    }
    return numbers;
}

std::string CampaignDesk::chosenNumber() const {
    const std::vector<std::string> numbers = callableNumbers();
    auto has = [&](const std::string& n) { return std::find(numbers.begin(), numbers.end(), n) != numbers.end(); };
    if (!chosen_.empty() && has(chosen_)) return chosen_;
    if (record_ && !record_->preferredNumber.empty() && has(record_->preferredNumber)) return record_->preferredNumber;
    return numbers.empty() ? std::string() : numbers.front();
}

bool CampaignDesk::inPreview() const { return record_ && record_->phase == events::RecordPhase::Preview; }

bool CampaignDesk::canDispose() const {
    if (!record_) return false;
    using events::RecordPhase;
    return record_->phase == RecordPhase::Talking || record_->phase == RecordPhase::NoAnswer ||
           record_->phase == RecordPhase::LineBusy || record_->phase == RecordPhase::WrapUp;
}

bool CampaignDesk::canHangUp() const {
    return record_ && (record_->phase == events::RecordPhase::Talking || record_->phase == events::RecordPhase::Dialing);
}

template <typename Command>
void CampaignDesk::send(Command command) {
    // Known before publishing: a bus that delivers at once answers inside publish().
    const std::uint64_t correlation = bus_.nextCorrelation();
    pending_.insert(correlation);
    bus_.publish(command, correlation);
}

void CampaignDesk::call() {
    if (!inPreview()) return;
    send(events::CallRecord{agent_.id(), record_->interactionId, chosenNumber()});
}

void CampaignDesk::reject(const std::string& reason) {
    if (!inPreview()) return;
    send(events::RejectRecord{agent_.id(), record_->interactionId, reason});
}

void CampaignDesk::reschedule(std::int64_t atMs, const std::string& number, bool personal, const std::string& reason) {
    if (!canReschedule()) return;
    send(events::RescheduleRecord{agent_.id(), record_->interactionId, atMs, number, personal, reason});
}

Milliseconds CampaignDesk::holdTime() const {
    if (!held()) return Milliseconds(0);
    return std::chrono::duration_cast<Milliseconds>(clock_.now() - fromEpochMs(call_->heldSinceMs));
}

void CampaignDesk::toggleHold() {
    if (!talking()) return;
    if (held()) send(events::RetrieveCall{record_->interactionId, agent_.id()});
    else send(events::HoldCall{record_->interactionId, agent_.id()});
}

void CampaignDesk::toggleMute() {
    if (talking()) send(events::MuteCall{record_->interactionId, agent_.id(), !muted()});
}

void CampaignDesk::hangUp() {
    if (!canHangUp()) return;
    send(events::Release{record_->interactionId, agent_.id()});
}

void CampaignDesk::dispose(const std::string& disposition, const std::string& notes) {
    if (!canDispose()) return;
    send(events::SetDisposition{agent_.id(), record_->interactionId, disposition, notes});
}

void CampaignDesk::refresh() {
    if (agent_.loggedIn()) send(events::GetCampaigns{agent_.id()});
}

std::string CampaignDesk::takeError() { return std::exchange(error_, {}); }

}  // namespace agentdesk::campaign
