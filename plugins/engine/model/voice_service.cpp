#include "model/voice_service.hpp"

#include <agentdesk/events/core.hpp>

#include <fmt/format.h>

namespace agentdesk::engine {

namespace {

bool isCall(const Interaction& interaction) {
    return interaction.service->channel == Channel::Voice || interaction.service->channel == Channel::Campaign;
}

}  // namespace

VoiceService::VoiceService(ContactCenter& center, Bus& bus, const Clock& clock)
    : center_(center), bus_(bus), clock_(clock) {
    center_.addObserver(this);
    subscriptions_.push_back(bus_.subscribe<events::HoldCall>([this](const events::HoldCall& c, const Message& m) {
        events::CallState* call = controllable(c.topic, c.agentId, c.interactionId, m.correlation);
        if (!call) return;
        if (call->held) return refuse(c.topic, error_codes::invalidState, "The call is already on hold.", m.correlation);
        call->held = true;
        call->heldSinceMs = toEpochMs(clock_.now());
        bus_.publish(*call, m.correlation);
    }));
    subscriptions_.push_back(bus_.subscribe<events::RetrieveCall>([this](const events::RetrieveCall& c, const Message& m) {
        events::CallState* call = controllable(c.topic, c.agentId, c.interactionId, m.correlation);
        if (!call) return;
        if (!call->held) return refuse(c.topic, error_codes::invalidState, "The call is not on hold.", m.correlation);
        call->held = false;
        call->heldTotalMs += toEpochMs(clock_.now()) - call->heldSinceMs;
        call->heldSinceMs = 0;
        bus_.publish(*call, m.correlation);
    }));
    subscriptions_.push_back(bus_.subscribe<events::MuteCall>([this](const events::MuteCall& c, const Message& m) {
        events::CallState* call = controllable(c.topic, c.agentId, c.interactionId, m.correlation);
        if (!call) return;
        call->muted = c.muted;
        bus_.publish(*call, m.correlation);
    }));
    subscriptions_.push_back(bus_.subscribe<events::RecordCall>([this](const events::RecordCall& c, const Message& m) {
        events::CallState* call = controllable(c.topic, c.agentId, c.interactionId, m.correlation);
        if (!call) return;
        const std::int64_t now = toEpochMs(clock_.now());
        using events::Recording;
        using events::RecordingAction;
        const Recording before = call->recording;
        const bool fits = (c.action == RecordingAction::Start && before == Recording::Off) ||
                          (c.action == RecordingAction::Pause && before == Recording::On) ||
                          (c.action == RecordingAction::Resume && before == Recording::Paused) ||
                          (c.action == RecordingAction::Stop && before != Recording::Off);
        if (!fits) {
            static constexpr const char* states[] = {"not being recorded", "being recorded", "paused"};
            return refuse(c.topic, error_codes::invalidState,
                          fmt::format("Cannot {} the recording: the call is {}.", enumName(c.action),
                                      states[static_cast<int>(before)]),
                          m.correlation);
        }
        switch (c.action) {
            case RecordingAction::Start:
            case RecordingAction::Resume:
                call->recording = Recording::On;
                call->recorded.push_back({now, 0});
                break;
            case RecordingAction::Pause:
                call->recording = Recording::Paused;
                call->recorded.back().toMs = now;
                break;
            case RecordingAction::Stop:
                stopRecording(*call);
                break;
        }
        bus_.publish(*call, m.correlation);
    }));
    subscriptions_.push_back(bus_.subscribe<events::Dial>([this](const events::Dial& c, const Message& m) {
        if (auto refusal = center_.dial(c.agentId, c.serviceId, c.number, m.correlation)) {
            refuse(c.topic, refusal->code, refusal->message, m.correlation);
        }
    }));
    subscriptions_.push_back(bus_.subscribe<events::SendDigits>([this](const events::SendDigits& c, const Message& m) {
        events::CallState* call = controllable(c.topic, c.agentId, c.interactionId, m.correlation);
        if (!call) return;
        if (c.digits.empty() || c.digits.find_first_not_of("0123456789*#ABCD") != std::string::npos) {
            return refuse(c.topic, "invalid_digits", fmt::format("\"{}\" cannot be sent: use 0-9, * and #.", c.digits),
                          m.correlation);
        }
        if (call->held) {
            return refuse(c.topic, error_codes::invalidState, "Retrieve the call before sending digits.", m.correlation);
        }
        call->digitsSent += c.digits;
        bus_.publish(events::DigitsSent{c.interactionId, c.digits}, m.correlation);
        bus_.publish(*call, m.correlation);
    }));
}

VoiceService::~VoiceService() {
    subscriptions_.clear();
    center_.removeObserver(this);
}

const events::CallState* VoiceService::call(std::string_view interactionId) const {
    auto it = calls_.find(interactionId);
    return it == calls_.end() ? nullptr : &it->second;
}

void VoiceService::refuse(std::string_view command, std::string_view code, std::string message,
                          std::uint64_t correlation) {
    bus_.publish(events::Error{std::string(command), std::string(code), std::move(message)}, correlation);
}

events::CallState* VoiceService::controllable(std::string_view command, const std::string& agentId,
                                              const std::string& interactionId, std::uint64_t correlation) {
    const Interaction* interaction = center_.interaction(interactionId);
    auto it = calls_.find(interactionId);
    if (!interaction || it == calls_.end()) {
        refuse(command, error_codes::unknownInteraction, "This call is no longer connected.", correlation);
        return nullptr;
    }
    if (interaction->agentId != agentId) {
        refuse(command, error_codes::notYours, "This call is handled by someone else.", correlation);
        return nullptr;
    }
    return &it->second;
}

void VoiceService::stopRecording(events::CallState& call) {
    if (call.recording == events::Recording::On) call.recorded.back().toMs = toEpochMs(clock_.now());
    call.recording = events::Recording::Off;
}

void VoiceService::answered(const Interaction& interaction) {
    if (!isCall(interaction)) return;
    events::CallState call;
    call.interactionId = interaction.id;
    call.agentId = interaction.agentId;
    calls_[interaction.id] = call;
    bus_.publish(call);
}

void VoiceService::ended(const Interaction& interaction, events::EndedBy) { calls_.erase(interaction.id); }

void VoiceService::transferred(const Interaction& interaction, const std::string&) { calls_.erase(interaction.id); }

}  // namespace agentdesk::engine
