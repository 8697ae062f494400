#include "model/voice_automation.hpp"

#include <agentdesk/events/core.hpp>
#include <agentdesk/text.hpp>

#include <fmt/format.h>

namespace agentdesk::engine {

namespace {

using events::ApplicationKind;
using events::ApplicationOutcome;

const char* referencePrefix(ApplicationKind kind) {
    switch (kind) {
        case ApplicationKind::Payment: return "PAY";
        case ApplicationKind::Survey: return "SUR";
        case ApplicationKind::Signature: return "SIG";
        case ApplicationKind::Other: break;
    }
    return "APP";
}

/// A survey's score from 1 to 5 that the same call always gets.
int surveyScore(std::string_view interactionId) {
    std::uint32_t hash = 2166136261u;
    for (char c : interactionId) hash = (hash ^ static_cast<unsigned char>(c)) * 16777619u;
    return 3 + static_cast<int>(hash % 3);
}

}  // namespace

VoiceAutomation::VoiceAutomation(ContactCenter& center, VoiceService& voice, Bus& bus, const Clock& clock,
                                 CallJournal& journal)
    : center_(center), voice_(voice), bus_(bus), clock_(clock), journal_(journal) {
    center_.addObserver(this);
    subscriptions_.push_back(bus_.subscribe<events::GetVoiceCatalog>([this](const events::GetVoiceCatalog&, const Message& m) {
        const VoiceSettings& voice = center_.config().settings.voice;
        bus_.publish(events::VoiceCatalog{voice.applications, voice.messages}, m.correlation);
    }));
    subscriptions_.push_back(bus_.subscribe<events::ConnectApplication>(
        [this](const events::ConnectApplication& c, const Message& m) { onConnect(c, m); }));
    subscriptions_.push_back(
        bus_.subscribe<events::PlayMessage>([this](const events::PlayMessage& c, const Message& m) { onPlay(c, m); }));
    subscriptions_.push_back(
        bus_.subscribe<events::StopMessage>([this](const events::StopMessage& c, const Message& m) { onStop(c, m); }));
    subscriptions_.push_back(
        bus_.subscribe<events::SendSms>([this](const events::SendSms& c, const Message& m) { onSendSms(c, m); }));
}

VoiceAutomation::~VoiceAutomation() {
    subscriptions_.clear();
    center_.removeObserver(this);
}

std::string VoiceAutomation::reference(std::string_view prefix, int number) { return fmt::format("{}-{:06}", prefix, number); }

void VoiceAutomation::refuse(std::string_view command, std::string_view code, std::string message,
                             std::uint64_t correlation) {
    bus_.publish(events::Error{std::string(command), std::string(code), std::move(message)}, correlation);
}

void VoiceAutomation::onConnect(const events::ConnectApplication& c, const Message& m) {
    events::CallState* call = voice_.resolve(c.topic, c.agentId, c.interactionId, m.correlation);
    if (!call) return;
    const events::VoiceApplication* application = center_.config().settings.voice.findApplication(c.applicationId);
    if (!application) {
        return refuse(c.topic, "unknown_application", fmt::format("There is no voice application \"{}\".", c.applicationId),
                      m.correlation);
    }
    if (call->held || call->consulting || !call->participants.empty()) {
        return refuse(c.topic, error_codes::invalidState,
                      fmt::format("{} takes the customer alone: retrieve them and end the consultation or conference first.",
                                  application->name),
                      m.correlation);
    }
    if (!c.returnToAgent && !application->canKeep) {
        return refuse(c.topic, error_codes::invalidState,
                      fmt::format("{} always gives the call back to you.", application->name), m.correlation);
    }
    const Interaction* interaction = center_.interaction(call->interactionId);
    const std::int64_t now = toEpochMs(clock_.now());
    const Milliseconds length = std::chrono::seconds(application->durationS);

    Run run;
    run.run = {application->id, application->name, application->kind, now, now + length.count()};
    run.kind = application->kind;
    run.agentId = c.agentId;
    run.customerId = interaction && interaction->customer ? interaction->customer->id : std::string();
    run.returns = c.returnToAgent;
    const std::string id = call->interactionId;

    if (!c.returnToAgent) {
        // For good: the agent's part ends here; the application reports when the customer is done.
        ContactCenter::CallHandOver to;
        to.application = application->id;
        to.targetName = application->name;
        std::string next;
        if (auto refusal = center_.transferCall(c.agentId, id, to, m.correlation, next)) {
            return refuse(c.topic, refusal->code, refusal->message, m.correlation);
        }
        bus_.publish(events::ApplicationConnected{id, c.agentId, run.run, false}, m.correlation);
    } else {
        // Card numbers are not recorded: a payment pauses the recording until the customer is back.
        if (application->kind == ApplicationKind::Payment) run.resumeRecording = voice_.pauseRecording(*call);
        call->application = run.run;
        bus_.publish(events::ApplicationConnected{id, c.agentId, run.run, true}, m.correlation);
        bus_.publish(*call, m.correlation);
    }
    run.done = center_.timers().at(clock_.now() + length, [this, id] { finish(id, ApplicationOutcome::Completed); });
    runs_[id] = std::move(run);
}

void VoiceAutomation::finish(const std::string& interactionId, ApplicationOutcome outcome) {
    auto it = runs_.find(interactionId);
    if (it == runs_.end()) return;
    Run run = std::move(it->second);
    runs_.erase(it);

    events::ApplicationResult result;
    result.applicationId = run.run.applicationId;
    result.name = run.run.name;
    result.kind = run.kind;
    result.outcome = outcome;
    result.atMs = toEpochMs(clock_.now());
    if (outcome == ApplicationOutcome::Abandoned) {
        result.detail = "The customer hung up before the end";
    } else {
        result.reference = reference(referencePrefix(run.kind), journal_.nextReference(referencePrefix(run.kind)));
        const int seconds = static_cast<int>((result.atMs - run.run.startedMs) / 1000);
        switch (run.kind) {
            case ApplicationKind::Payment: result.detail = "Payment accepted"; break;
            case ApplicationKind::Survey:
                result.detail = fmt::format("Survey answered: {} of 5", surveyScore(interactionId));
                break;
            case ApplicationKind::Signature: result.detail = fmt::format("Consent recorded ({} s)", seconds); break;
            case ApplicationKind::Other: result.detail = "Completed"; break;
        }
    }
    journal_.addResult(interactionId, run.customerId, result);

    // A call that comes back: the agent has the customer again, with the result in the call.
    events::CallState* call = run.returns && outcome == ApplicationOutcome::Completed ? voice_.call(interactionId) : nullptr;
    if (call) {
        call->application = {};
        call->results.push_back(result);
        if (run.resumeRecording) voice_.resumeRecording(*call);
        bus_.publish(events::ApplicationFinished{interactionId, run.agentId, result});
        bus_.publish(*call);
        return;
    }
    bus_.publish(events::ApplicationFinished{interactionId, run.agentId, result});
}

void VoiceAutomation::onPlay(const events::PlayMessage& c, const Message& m) {
    events::CallState* call = voice_.resolve(c.topic, c.agentId, c.interactionId, m.correlation);
    if (!call) return;
    const events::PrerecordedMessage* message = center_.config().settings.voice.findMessage(c.messageId);
    if (!message) {
        return refuse(c.topic, "unknown_message", fmt::format("There is no prerecorded message \"{}\".", c.messageId),
                      m.correlation);
    }
    if (call->held || call->consulting) {
        return refuse(c.topic, error_codes::invalidState, "Retrieve the customer first: the message plays to them.",
                      m.correlation);
    }
    const std::int64_t now = toEpochMs(clock_.now());
    const Milliseconds length = std::chrono::seconds(message->durationS);
    mutedBefore_[call->interactionId] = call->muted;
    call->muted = true;
    call->message = {message->id, message->name, now, now + length.count()};
    messages_[call->interactionId] =
        center_.timers().at(clock_.now() + length, [this, id = call->interactionId] {
            events::CallState* playing = voice_.call(id);
            if (!playing) return;
            endMessage(*playing);
            bus_.publish(*playing);
        });
    bus_.publish(*call, m.correlation);
}

void VoiceAutomation::onStop(const events::StopMessage& c, const Message& m) {
    events::CallState* call = voice_.resolve(c.topic, c.agentId, c.interactionId, m.correlation, VoiceService::WhileBusy::Allow);
    if (!call) return;
    if (call->message.messageId.empty()) {
        return refuse(c.topic, error_codes::invalidState, "No message is playing.", m.correlation);
    }
    endMessage(*call);
    bus_.publish(*call, m.correlation);
}

void VoiceAutomation::endMessage(events::CallState& call) {
    messages_.erase(call.interactionId);
    auto before = mutedBefore_.find(call.interactionId);
    call.muted = before != mutedBefore_.end() && before->second;
    if (before != mutedBefore_.end()) mutedBefore_.erase(before);
    call.message = {};
}

void VoiceAutomation::onSendSms(const events::SendSms& c, const Message& m) {
    events::CallState* call = voice_.resolve(c.topic, c.agentId, c.interactionId, m.correlation, VoiceService::WhileBusy::Allow);
    if (!call) return;
    const Interaction* interaction = center_.interaction(call->interactionId);
    const std::string asked = c.number.empty() ? interaction->from : c.number;
    const std::string number = ContactCenter::normalizedNumber(asked);
    if (number.empty()) {
        return refuse(c.topic, error_codes::invalidNumber,
                      fmt::format("\"{}\" is not a mobile number: use digits, optionally starting with +.", asked),
                      m.correlation);
    }
    const std::size_t length = text::characterCount(c.text);
    if (c.text.find_first_not_of(" \t\r\n") == std::string::npos) {
        return refuse(c.topic, "invalid_text", "Write the text message first.", m.correlation);
    }
    if (length > events::kMaxTextMessageLength) {
        return refuse(c.topic, "invalid_text",
                      fmt::format("The text has {} characters: {} at most (three messages).", length,
                                  events::kMaxTextMessageLength),
                      m.correlation);
    }
    events::TextMessage text{reference("SMS", journal_.nextReference("SMS")), number, c.text, toEpochMs(clock_.now())};
    const std::string customerId = interaction->customer ? interaction->customer->id : std::string();
    journal_.addText(call->interactionId, c.agentId, customerId, text);
    call->texts.push_back(text);
    bus_.publish(events::SmsSent{call->interactionId, c.agentId, customerId, text}, m.correlation);
    bus_.publish(*call, m.correlation);
}

void VoiceAutomation::ended(const Interaction& interaction, events::EndedBy) {
    // The call ended with the customer still in an application that was to give it back.
    messages_.erase(interaction.id);
    mutedBefore_.erase(interaction.id);
    auto it = runs_.find(interaction.id);
    if (it != runs_.end() && it->second.returns) finish(interaction.id, ApplicationOutcome::Abandoned);
}

}  // namespace agentdesk::engine
