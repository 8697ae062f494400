#include "model/call_control.hpp"

#include <agentdesk/events/core.hpp>
#include <agentdesk/events/desktop.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <utility>

namespace agentdesk::voice {

namespace {

// A campaign record is previewed before it is called, so the Campaign panel shows it (plugins/campaign).
bool isCall(Channel channel) { return channel == Channel::Voice; }

}  // namespace

CallControl::CallControl(Bus& bus, const Clock& clock, RecentChanged recentChanged)
    : bus_(bus), clock_(clock), recentChanged_(std::move(recentChanged)), agent_(bus, [this](const std::string& agentId) {
          if (!agentId.empty()) {
              bus_.publish(events::GetVoiceCatalog{agentId});
              return;
          }
          offers_.clear();
          call_.reset();
          joined_.reset();
          elsewhere_.reset();
          campaignTalking_.clear();
      }) {
    subscriptions_.push_back(bus_.subscribe<events::PrepareDial>([this](const events::PrepareDial& c) {
        prepared_ = PreparedDial{c.number, c.name};
    }));
    subscriptions_.push_back(bus_.subscribe<events::Offered>([this](const events::Offered& e) {
        if (!isCall(e.channel) || !agent_.is(e.agentId)) return;
        offers_[e.interactionId] = e;
        if (!e.outbound) return;
        call_ = Call{e, fromEpochMs(e.offeredAtMs), {}, false, true, {}};  // ringing at the customer
        std::erase(recent_, e.from);
        recent_.insert(recent_.begin(), e.from);
        if (recent_.size() > 10) recent_.resize(10);
        if (recentChanged_) recentChanged_(recent_);
    }));
    subscriptions_.push_back(bus_.subscribe<events::OfferWithdrawn>(
        [this](const events::OfferWithdrawn& e) { offers_.erase(e.interactionId); }));
    subscriptions_.push_back(bus_.subscribe<events::Connected>([this](const events::Connected& e) {
        auto offer = offers_.find(e.interactionId);
        if (offer == offers_.end() || !agent_.is(e.agentId)) return;
        call_ = Call{offer->second, fromEpochMs(e.connectedAtMs), {}, false, false, {}};
        call_->state.interactionId = e.interactionId;
        if (elsewhere_ && elsewhere_->interactionId == e.interactionId) call_->state = *std::exchange(elsewhere_, std::nullopt);
        offers_.erase(offer);
    }));
    subscriptions_.push_back(bus_.subscribe<events::CallState>([this](const events::CallState& e) {
        if (call_ && call_->offer.interactionId == e.interactionId) {
            call_->state = e;
            return;
        }
        if (!agent_.loggedIn()) return;
        if (agent_.is(e.agentId)) {
            elsewhere_ = e;
            return;
        }
        // A colleague's call: is this agent consulted, or in their conference?
        bool in = e.consulting && e.consultation.agentId == agent_.id();
        for (const events::CallParty& party : e.participants) in = in || party.agentId == agent_.id();
        if (in) joined_ = e;
        else if (joined_ && joined_->interactionId == e.interactionId) joined_.reset();
    }));
    subscriptions_.push_back(bus_.subscribe<events::ConsultationEnded>([this](const events::ConsultationEnded& e) {
        if (!call_ || call_->offer.interactionId != e.interactionId || !agent_.is(e.agentId)) return;
        static constexpr const char* what[] = {"declined the consultation", "did not answer", "hung up"};
        error_ = fmt::format("{} {}. Your customer is still on hold: Retrieve to talk to them again.", e.party.name,
                             what[static_cast<int>(e.why)]);
    }));
    subscriptions_.push_back(bus_.subscribe<events::CallingRecord>([this](const events::CallingRecord& e) {
        if (agent_.is(e.agentId)) campaignTalking_ = e.phase == events::RecordPhase::Talking ? e.interactionId : std::string();
    }));
    subscriptions_.push_back(bus_.subscribe<events::CallTransferred>([this](const events::CallTransferred& e) {
        if (call_ && call_->offer.interactionId == e.interactionId && agent_.is(e.fromAgentId)) {
            call_->transferredTo = e.targetName;
        }
    }));
    subscriptions_.push_back(bus_.subscribe<events::VoiceCatalog>([this](const events::VoiceCatalog& e) { catalog_ = e; }));
    subscriptions_.push_back(bus_.subscribe<events::ApplicationConnected>([this](const events::ApplicationConnected& e) {
        // Handed over for good: the call ends here, as after a transfer.
        if (!e.returnsToAgent && call_ && call_->offer.interactionId == e.interactionId) call_->transferredTo = e.run.name;
    }));
    subscriptions_.push_back(bus_.subscribe<events::SmsSent>([this](const events::SmsSent&, const Message& m) {
        if (std::find(sent_.begin(), sent_.end(), m.correlation) != sent_.end()) textSent_ = true;
    }));
    subscriptions_.push_back(bus_.subscribe<events::DirectoryResults>([this](const events::DirectoryResults& e, const Message& m) {
        if (m.correlation != targetSearch_ || targetSearch_ == 0) return;
        targets_.clear();
        for (const events::DirectoryEntry& entry : e.entries) {
            const bool colleague = entry.kind == events::DirectoryKind::Colleague && entry.id != agent_.id();
            const bool voiceService = entry.kind == events::DirectoryKind::Service && entry.detail.starts_with("Voice");
            const bool contact = entry.kind == events::DirectoryKind::Contact && !entry.number.empty();
            if (colleague || voiceService || contact) targets_.push_back(entry);
        }
    }));
    subscriptions_.push_back(bus_.subscribe<events::StateChanged>([this](const events::StateChanged& e) {
        for (events::DirectoryEntry& entry : targets_) {
            if (entry.kind != events::DirectoryKind::Colleague || entry.id != e.agentId) continue;
            entry.state = e.state;
            entry.reason = e.reason;
            entry.stateSinceMs = e.sinceMs;
        }
    }));
    subscriptions_.push_back(bus_.subscribe<events::Ended>([this](const events::Ended& e) {
        if (joined_ && joined_->interactionId == e.interactionId) joined_.reset();
        if (elsewhere_ && elsewhere_->interactionId == e.interactionId) elsewhere_.reset();
        if (!call_ || call_->offer.interactionId != e.interactionId || !agent_.is(e.agentId)) return;
        if (!e.wrapUp || call_->dialling) {
            call_.reset();
            return;
        }
        call_->ended = true;
        call_->state.held = false;
        call_->state.recording = events::Recording::Off;
    }));
    subscriptions_.push_back(bus_.subscribe<events::Completed>([this](const events::Completed& e) {
        if (call_ && call_->offer.interactionId == e.interactionId) call_.reset();
    }));
    subscriptions_.push_back(bus_.subscribe<events::ServiceMetricsSnapshot>([this](const events::ServiceMetricsSnapshot& e) {
        services_.clear();
        for (const events::ServiceMetrics& service : e.services) {
            if (service.channel == Channel::Voice) services_.push_back({service.serviceId, service.name});
        }
    }));
    subscriptions_.push_back(bus_.subscribe<events::Error>([this](const events::Error& e, const Message& m) {
        if (std::find(sent_.begin(), sent_.end(), m.correlation) != sent_.end()) error_ = e.message;
    }));
}

template <typename Command>
void CallControl::command(Command command) {
    // The id is known before publishing: a synchronous bus answers inside publish().
    const std::uint64_t correlation = bus_.nextCorrelation();
    sent_.push_back(correlation);
    if (sent_.size() > 32) sent_.erase(sent_.begin());
    bus_.publish(std::move(command), correlation);
}

Milliseconds CallControl::talkTime() const {
    if (!call_) return Milliseconds(0);
    return std::chrono::duration_cast<Milliseconds>(clock_.now() - call_->connectedAt);
}

Milliseconds CallControl::holdTime() const {
    if (!call_ || !call_->state.held) return Milliseconds(0);
    return std::chrono::duration_cast<Milliseconds>(clock_.now() - fromEpochMs(call_->state.heldSinceMs));
}

const events::CallState* CallControl::heldOrMuted() const { return connected() ? &call_->state : callElsewhere(); }

void CallControl::toggleHold() {
    const events::CallState* state = heldOrMuted();
    if (!state) return;
    if (state->held) command(events::RetrieveCall{state->interactionId, agent_.id()});
    else command(events::HoldCall{state->interactionId, agent_.id()});
}

void CallControl::toggleMute() {
    const events::CallState* state = heldOrMuted();
    if (state) command(events::MuteCall{state->interactionId, agent_.id(), !state->muted});
}

void CallControl::record(events::RecordingAction action) {
    if (connected()) command(events::RecordCall{call_->offer.interactionId, agent_.id(), action});
}

void CallControl::sendDigits(const std::string& digits) {
    if (connected()) command(events::SendDigits{call_->offer.interactionId, agent_.id(), digits});
}

void CallControl::release() {
    if (call_ && !call_->ended) command(events::Release{call_->offer.interactionId, agent_.id()});
}

void CallControl::dial(const std::string& number, const std::string& serviceId) {
    if (!canDial()) return;
    command(events::Dial{agent_.id(), number, serviceId});
}

bool CallControl::canRecord(events::RecordingAction action) const {
    if (!connected() || automated()) return false;
    if (action == events::RecordingAction::Stop && call_->state.serviceRecords) return false;
    return events::recordingActionFits(call_->state.recording, action);
}

bool CallControl::canConsult() const {
    if (!connected() || consulting()) return false;
    return !inConference() || static_cast<int>(call_->state.participants.size()) < call_->state.conferenceLimit;
}

bool CallControl::canDrop(const events::CallParty& party) const {
    return inConference() && party.kind != events::PartyKind::Customer && party.agentId != agent_.id();
}

void CallControl::consult(const events::CallTarget& target) {
    if (canConsult()) command(events::ConsultCall{call_->offer.interactionId, agent_.id(), target});
}

void CallControl::alternate() {
    if (consultAnswered()) command(events::AlternateCall{call_->offer.interactionId, agent_.id()});
}

void CallControl::endConsultation() {
    if (consulting()) command(events::EndConsultation{call_->offer.interactionId, agent_.id()});
}

void CallControl::transfer(const events::CallTarget& target) {
    if (canTransfer()) command(events::TransferCall{call_->offer.interactionId, agent_.id(), target});
}

void CallControl::completeTransfer() {
    if (canCompleteTransfer()) command(events::CompleteTransfer{call_->offer.interactionId, agent_.id()});
}

void CallControl::merge() {
    if (canMerge()) command(events::MergeConference{call_->offer.interactionId, agent_.id()});
}

void CallControl::drop(const std::string& partyId) {
    if (inConference()) command(events::DropParticipant{call_->offer.interactionId, agent_.id(), partyId});
}

void CallControl::leave() {
    if (inConference()) command(events::LeaveConference{call_->offer.interactionId, agent_.id()});
    else if (joined_) command(events::LeaveConference{joined_->interactionId, agent_.id()});
}

bool CallControl::canUseAutomation() const {
    if (!connected()) return false;
    const events::CallState& state = call_->state;
    return !state.held && !state.consulting && state.participants.empty() && state.application.applicationId.empty() &&
           state.message.messageId.empty();
}

void CallControl::connectApplication(const std::string& applicationId, bool returnToAgent) {
    if (canUseAutomation()) {
        command(events::ConnectApplication{call_->offer.interactionId, agent_.id(), applicationId, returnToAgent});
    }
}

void CallControl::playMessage(const std::string& messageId) {
    if (canUseAutomation()) command(events::PlayMessage{call_->offer.interactionId, agent_.id(), messageId});
}

void CallControl::stopMessage() {
    if (messagePlaying()) command(events::StopMessage{call_->offer.interactionId, agent_.id()});
}

float CallControl::messageProgress() const {
    if (!messagePlaying()) return 0;
    const events::MessagePlayback& message = call_->state.message;
    const double length = static_cast<double>(message.endsAtMs - message.startedMs);
    const double played = static_cast<double>(toEpochMs(clock_.now()) - message.startedMs);
    return length <= 0 ? 1.0f : static_cast<float>(std::clamp(played / length, 0.0, 1.0));
}

Milliseconds CallControl::applicationLeft() const {
    if (!inApplication()) return Milliseconds(0);
    return Milliseconds(std::max<std::int64_t>(0, call_->state.application.endsAtMs - toEpochMs(clock_.now())));
}

void CallControl::sendText(const std::string& number, const std::string& text) {
    if (connected()) command(events::SendSms{call_->offer.interactionId, agent_.id(), number, text});
}

std::string CallControl::joinedHostName() const { return joined_ ? joined_->agentName : std::string(); }

bool CallControl::consultRinging() const {
    return joined_ && joined_->consulting && joined_->consultation.agentId == agent_.id() && joined_->consultation.ringing;
}

void CallControl::answerConsultation() {
    if (consultRinging()) command(events::AnswerConsultation{joined_->interactionId, agent_.id()});
}

void CallControl::declineConsultation() {
    if (consultRinging()) command(events::DeclineConsultation{joined_->interactionId, agent_.id()});
}

void CallControl::searchTargets(const std::string& query) {
    if (!agent_.loggedIn()) return;
    targetSearch_ = bus_.nextCorrelation();
    bus_.publish(events::SearchDirectory{agent_.id(), query, {}, 50}, targetSearch_);
}

std::optional<PreparedDial> CallControl::takePrepared() { return std::exchange(prepared_, std::nullopt); }

std::string CallControl::takeError() { return std::exchange(error_, {}); }

}  // namespace agentdesk::voice
