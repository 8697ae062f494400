#include "model/voicemail_model.hpp"

#include <agentdesk/events/core.hpp>
#include <agentdesk/events/interaction.hpp>
#include <agentdesk/events/voice.hpp>

#include <fmt/format.h>

#include <algorithm>

namespace agentdesk::voicemail {

namespace {

/// The service personal calls and their call-backs belong to (no queue, no wrap-up).
constexpr std::string_view kPersonalService = "personal";

}  // namespace

std::string durationText(std::int64_t ms) {
    const std::int64_t seconds = std::max<std::int64_t>(ms, 0) / 1000;
    return fmt::format("{}:{:02}", seconds / 60, seconds % 60);
}

std::string callerText(const events::VoicemailMessage& message) {
    if (!message.callerName.empty() && !message.callerNumber.empty()) {
        return fmt::format("{} ({})", message.callerName, message.callerNumber);
    }
    if (!message.callerName.empty()) return message.callerName;
    return message.callerNumber.empty() ? std::string("Unknown caller") : message.callerNumber;
}

std::string forwardingSummary(const events::CallForwarding& f) {
    if (!f.active()) return {};
    if (f.always) return fmt::format("Forwarding all personal calls to {}", f.number);
    if (f.noAnswer && f.busy) {
        return fmt::format("Forwarding to {} when busy or after {} s", f.number, f.noAnswerSeconds);
    }
    if (f.noAnswer) return fmt::format("Forwarding to {} after {} s unanswered", f.number, f.noAnswerSeconds);
    return fmt::format("Forwarding to {} when busy", f.number);
}

VoicemailModel::VoicemailModel(Bus& bus, const Clock& clock, AudioOutput& audio, Notify notify)
    : bus_(bus), clock_(clock), audio_(audio), notify_(std::move(notify)), agent_(bus, [this](const std::string& id) {
          stopPlayer();
          box_ = {};
          form_ = {};
          lastError_.clear();
          pending_ = 0;
          if (!id.empty()) send(events::GetVoicemail{id});
      }) {
    subscriptions_.push_back(bus_.subscribe<events::VoicemailBox>(
        [this](const events::VoicemailBox& box, const Message& m) { onBox(box, m); }));
    subscriptions_.push_back(bus_.subscribe<events::Error>([this](const events::Error& error, const Message& m) {
        if (m.correlation == 0 || (m.correlation != pending_ && m.correlation != dialing_)) return;
        if (m.correlation == pending_) pending_ = 0;
        if (m.correlation == dialing_) dialing_ = 0;
        lastError_ = error.message;
    }));
    subscriptions_.push_back(bus_.subscribe<events::Offered>([this](const events::Offered&, const Message& m) {
        if (m.correlation != 0 && m.correlation == dialing_) dialing_ = 0;
    }));
    subscriptions_.push_back(bus_.subscribe<events::NewVoicemail>([this](const events::NewVoicemail& e) {
        if (!agent_.is(e.agentId) || !notify_) return;
        notify_("New voicemail", fmt::format("{} left a message ({}).", callerText(e.message),
                                             durationText(e.message.durationMs)));
    }));
    subscriptions_.push_back(bus_.subscribe<events::CallForwarded>([this](const events::CallForwarded& e) {
        if (!agent_.is(e.agentId) || !notify_) return;
        static constexpr std::string_view why[] = {"as you forward all calls", "unanswered", "while you were busy"};
        const std::string caller = e.call.callerName.empty()
                                       ? (e.call.callerNumber.empty() ? std::string("A caller") : e.call.callerNumber)
                                       : e.call.callerName;
        notify_("Call forwarded", fmt::format("{}'s call went to {} ({}).", caller, e.call.to,
                                              why[static_cast<std::size_t>(e.call.reason)]));
    }));
}

template <typename Command>
std::uint64_t VoicemailModel::send(const Command& command) {
    lastError_.clear();
    // Known before publishing: a synchronous bus answers inside publish.
    pending_ = bus_.nextCorrelation();
    const std::uint64_t correlation = pending_;
    bus_.publish(command, correlation);
    return correlation;
}

void VoicemailModel::onBox(const events::VoicemailBox& box, const Message& message) {
    if (!agent_.is(box.agentId)) return;
    if (message.correlation != 0 && message.correlation == pending_) pending_ = 0;
    if (message.correlation != 0 && message.correlation == savingForwarding_) {
        savingForwarding_ = 0;
        form_.changed = false;  // a saved form shows what the contact center kept
    }
    box_ = box;
    if (!form_.changed) form_.forwarding = box_.forwarding;
    // The message playing may have been deleted (here or elsewhere).
    if (playerId_ != 0 && !this->message(playerId_)) stopPlayer();
}

const events::VoicemailMessage* VoicemailModel::message(std::int64_t messageId) const {
    const auto it = std::find_if(box_.messages.begin(), box_.messages.end(),
                                 [&](const events::VoicemailMessage& m) { return m.messageId == messageId; });
    return it == box_.messages.end() ? nullptr : &*it;
}

void VoicemailModel::chooseGreeting(events::Greeting greeting, const std::string& personalText) {
    if (agent_.loggedIn()) send(events::SetGreeting{agent_.id(), greeting, personalText});
}

void VoicemailModel::setPin(const std::string& pin) {
    if (agent_.loggedIn()) send(events::SetVoicemailPin{agent_.id(), pin});
}

void VoicemailModel::markHeard(std::int64_t messageId, bool heard) {
    if (agent_.loggedIn()) send(events::MarkVoicemail{agent_.id(), messageId, heard});
}

void VoicemailModel::remove(std::int64_t messageId) {
    if (!agent_.loggedIn()) return;
    if (messageId == playerId_) stopPlayer();
    send(events::DeleteVoicemail{agent_.id(), messageId});
}

void VoicemailModel::callBack(std::int64_t messageId) {
    const events::VoicemailMessage* found = message(messageId);
    if (!agent_.loggedIn() || !found) return;
    if (found->callerNumber.empty()) {
        lastError_ = "This caller's number is not known: there is nothing to call back.";
        return;
    }
    pause();
    lastError_.clear();
    dialing_ = bus_.nextCorrelation();
    bus_.publish(events::Dial{agent_.id(), found->callerNumber, std::string(kPersonalService)}, dialing_);
}

void VoicemailModel::play(std::int64_t messageId) {
    const events::VoicemailMessage* found = message(messageId);
    if (!found) return;
    if (playerId_ != messageId) {
        stopPlayer();
        playerId_ = messageId;
        positionAtStart_ = 0;
    } else if (playing()) {
        return;
    } else if (positionAtStart_ >= found->durationMs) {
        positionAtStart_ = 0;  // played to the end: from the start again
    }
    startedAt_ = clock_.now();
    startAudio();
    if (!found->heard) markHeard(messageId, true);
}

void VoicemailModel::startAudio() {
    const events::VoicemailMessage* found = message(playerId_);
    if (!found) return;
    silentReason_ = audio_.unavailableReason();
    if (!silentReason_.empty()) return;
    if (found->audioFile.empty()) {
        silentReason_ = "This message has no recording to play.";
    } else if (!audio_.start(found->audioFile, positionAtStart_)) {
        silentReason_ = fmt::format("The recording {} could not be played.", found->audioFile);
    }
}

void VoicemailModel::pause() {
    if (!playing()) return;
    positionAtStart_ = position();
    startedAt_.reset();
    audio_.stop();
}

void VoicemailModel::seek(std::int64_t positionMs) {
    const events::VoicemailMessage* found = message(playerId_);
    if (!found) return;
    positionAtStart_ = std::clamp<std::int64_t>(positionMs, 0, found->durationMs);
    if (playing()) {
        startedAt_ = clock_.now();
        startAudio();
    }
}

void VoicemailModel::stopPlayer() {
    if (playerId_ == 0) return;
    audio_.stop();
    playerId_ = 0;
    positionAtStart_ = 0;
    startedAt_.reset();
    silentReason_.clear();
}

std::int64_t VoicemailModel::position() const {
    const events::VoicemailMessage* found = message(playerId_);
    if (!found) return 0;
    std::int64_t at = positionAtStart_;
    if (startedAt_) at += std::chrono::duration_cast<Milliseconds>(clock_.now() - *startedAt_).count();
    return std::clamp<std::int64_t>(at, 0, found->durationMs);
}

void VoicemailModel::tick() {
    const events::VoicemailMessage* found = message(playerId_);
    if (!found || !playing() || position() < found->durationMs) return;
    positionAtStart_ = found->durationMs;  // stays at the end until played again
    startedAt_.reset();
    audio_.stop();
}

void VoicemailModel::saveForwarding() {
    if (!agent_.loggedIn()) return;
    savingForwarding_ = bus_.nextCorrelation();
    lastError_.clear();
    pending_ = savingForwarding_;
    bus_.publish(events::SetCallForwarding{agent_.id(), form_.forwarding}, savingForwarding_);
}

void VoicemailModel::stopForwarding() {
    form_.forwarding.always = form_.forwarding.noAnswer = form_.forwarding.busy = false;
    form_.changed = true;
    saveForwarding();
}

}  // namespace agentdesk::voicemail
