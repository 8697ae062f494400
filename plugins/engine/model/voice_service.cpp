#include "model/voice_service.hpp"

#include <agentdesk/events/core.hpp>

#include <fmt/format.h>

#include <algorithm>

namespace agentdesk::engine {

namespace {

bool isCall(const Interaction& interaction) {
    return interaction.service->channel == Channel::Voice || interaction.service->channel == Channel::Campaign;
}

/// How long a consulted number's or simulated colleague's phone rings before they answer.
constexpr Milliseconds kConsultRing{3'000};

events::CallParty* findParty(events::CallState& call, std::string_view partyId) {
    for (events::CallParty& party : call.participants) {
        if (party.id == partyId) return &party;
    }
    return nullptr;
}

}  // namespace

VoiceService::VoiceService(ContactCenter& center, Bus& bus, const Clock& clock)
    : center_(center), bus_(bus), clock_(clock) {
    center_.addObserver(this);
    subscriptions_.push_back(bus_.subscribe<events::HoldCall>([this](const events::HoldCall& c, const Message& m) {
        events::CallState* call = controllable(c.topic, c.agentId, c.interactionId, m.correlation);
        if (!call) return;
        if (call->consulting) {
            return refuse(c.topic, error_codes::invalidState,
                          "Use Alternate to switch between the parties, or end the consultation.", m.correlation);
        }
        if (call->held) return refuse(c.topic, error_codes::invalidState, "The call is already on hold.", m.correlation);
        holdCustomer(*call);
        bus_.publish(*call, m.correlation);
    }));
    subscriptions_.push_back(bus_.subscribe<events::RetrieveCall>([this](const events::RetrieveCall& c, const Message& m) {
        events::CallState* call = controllable(c.topic, c.agentId, c.interactionId, m.correlation);
        if (!call) return;
        if (call->consulting) {
            return refuse(c.topic, error_codes::invalidState,
                          "Use Alternate to switch between the parties, or end the consultation.", m.correlation);
        }
        if (!call->held) return refuse(c.topic, error_codes::invalidState, "The call is not on hold.", m.correlation);
        retrieveCustomer(*call);
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
        if (c.action == RecordingAction::Stop && call->serviceRecords) {
            return refuse(c.topic, error_codes::invalidState,
                          fmt::format("{} records every call: pause the recording instead.",
                                      center_.interaction(call->interactionId)->service->name),
                          m.correlation);
        }
        if (!events::recordingActionFits(before, c.action)) {
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

    // ---- consultation, transfer, conference (VOICE-14..18) ----
    subscriptions_.push_back(bus_.subscribe<events::ConsultCall>([this](const events::ConsultCall& c, const Message& m) {
        events::CallState* call = resolve(c.topic, c.agentId, c.interactionId, m.correlation);
        if (!call) return;
        if (call->consulting) {
            return refuse(c.topic, error_codes::invalidState, "Finish the current consultation first.", m.correlation);
        }
        if (!call->participants.empty() && static_cast<int>(call->participants.size()) >= call->conferenceLimit) {
            return refuse(c.topic, error_codes::invalidState,
                          fmt::format("The conference is full: {} parties at most.", call->conferenceLimit), m.correlation);
        }
        auto party = partyFor(c.topic, c.agentId, c.target, m.correlation);
        if (!party) return;
        if (!call->held) holdCustomer(*call);
        party->ringing = true;
        call->consulting = true;
        call->consultation = *party;
        // A colleague at a desktop answers it there, or it stops ringing after the center's ring
        // timeout; a number and a colleague the simulation plays answer after a short ring.
        const UserAccount* colleague =
            party->kind == events::PartyKind::Agent ? center_.config().findUserById(party->agentId) : nullptr;
        const bool answersItself = !colleague || colleague->simulated;
        if (colleague) center_.legRinging(party->agentId);
        const TimePoint until = clock_.now() + (answersItself ? kConsultRing : center_.config().settings.ringTimeout);
        consultRings_[call->interactionId] =
            center_.timers().at(until, [this, answersItself, id = call->interactionId, partyId = party->id] {
                events::CallState* consulting = ringEnded(id, partyId);
                if (!consulting) return;
                if (answersItself) consultAnswered(*consulting);
                else consultationGone(*consulting, events::ConsultationEnd::NotAnswered);
            });
        bus_.publish(*call, m.correlation);
    }));
    subscriptions_.push_back(bus_.subscribe<events::AnswerConsultation>([this](const events::AnswerConsultation& c, const Message& m) {
        events::CallState* call = consultedIn(c.topic, c.agentId, c.interactionId, m.correlation);
        if (!call) return;
        if (!call->consultation.ringing) {
            return refuse(c.topic, error_codes::invalidState, "You already answered this consultation.", m.correlation);
        }
        consultRings_.erase(call->interactionId);
        consultAnswered(*call, m.correlation);
    }));
    subscriptions_.push_back(bus_.subscribe<events::DeclineConsultation>([this](const events::DeclineConsultation& c, const Message& m) {
        events::CallState* call = consultedIn(c.topic, c.agentId, c.interactionId, m.correlation);
        if (!call) return;
        if (!call->consultation.ringing) {
            return refuse(c.topic, error_codes::invalidState, "You already answered this consultation: hang up instead.",
                          m.correlation);
        }
        consultationGone(*call, events::ConsultationEnd::Declined, m.correlation);
    }));
    subscriptions_.push_back(bus_.subscribe<events::AlternateCall>([this](const events::AlternateCall& c, const Message& m) {
        events::CallState* call = resolve(c.topic, c.agentId, c.interactionId, m.correlation);
        if (!call) return;
        if (!call->consulting) return refuse(c.topic, error_codes::invalidState, "There is no consultation to switch to.", m.correlation);
        if (call->consultation.ringing) {
            return refuse(c.topic, error_codes::invalidState,
                          fmt::format("{} has not answered yet.", call->consultation.name), m.correlation);
        }
        if (call->held) {
            retrieveCustomer(*call);
            call->consultation.held = true;
        } else {
            holdCustomer(*call);
            call->consultation.held = false;
        }
        bus_.publish(*call, m.correlation);
    }));
    subscriptions_.push_back(bus_.subscribe<events::EndConsultation>([this](const events::EndConsultation& c, const Message& m) {
        events::CallState* call = resolve(c.topic, c.agentId, c.interactionId, m.correlation);
        if (!call) return;
        if (!call->consulting) return refuse(c.topic, error_codes::invalidState, "There is no consultation to end.", m.correlation);
        endConsultation(*call, true);
        bus_.publish(*call, m.correlation);
    }));
    subscriptions_.push_back(bus_.subscribe<events::MergeConference>([this](const events::MergeConference& c, const Message& m) {
        events::CallState* call = resolve(c.topic, c.agentId, c.interactionId, m.correlation);
        if (!call) return;
        if (!call->consulting) {
            return refuse(c.topic, error_codes::invalidState, "Consult someone first, then merge them into a conference.",
                          m.correlation);
        }
        if (call->consultation.ringing) {
            return refuse(c.topic, error_codes::invalidState,
                          fmt::format("{} has not answered yet.", call->consultation.name), m.correlation);
        }
        if (call->participants.empty()) {
            const Interaction* interaction = center_.interaction(call->interactionId);
            events::CallParty customer;
            customer.id = "customer";
            customer.kind = events::PartyKind::Customer;
            customer.number = interaction->from;
            customer.name = interaction->customer ? interaction->customer->name : interaction->from;
            events::CallParty host;
            host.id = call->agentId;
            host.kind = events::PartyKind::Agent;
            host.agentId = call->agentId;
            host.name = agentName(call->agentId);
            call->participants = {customer, host};
        }
        if (static_cast<int>(call->participants.size()) >= call->conferenceLimit) {
            return refuse(c.topic, error_codes::invalidState,
                          fmt::format("The conference is full: {} parties at most.", call->conferenceLimit), m.correlation);
        }
        events::CallParty joining = call->consultation;
        joining.held = false;
        call->participants.push_back(joining);
        call->consulting = false;
        call->consultation = {};
        consultRings_.erase(call->interactionId);
        if (call->held) retrieveCustomer(*call);
        bus_.publish(*call, m.correlation);
    }));
    subscriptions_.push_back(bus_.subscribe<events::DropParticipant>([this](const events::DropParticipant& c, const Message& m) {
        events::CallState* call = resolve(c.topic, c.agentId, c.interactionId, m.correlation);
        if (!call) return;
        events::CallParty* party = findParty(*call, c.partyId);
        if (!party) return refuse(c.topic, error_codes::invalidState, "That participant is no longer in the conference.", m.correlation);
        if (party->kind == events::PartyKind::Customer) {
            return refuse(c.topic, error_codes::invalidState, "The customer cannot be dropped: release the call instead.",
                          m.correlation);
        }
        if (party->agentId == call->agentId) {
            return refuse(c.topic, error_codes::invalidState, "Use Leave to leave your own conference.", m.correlation);
        }
        const events::CallParty dropped = *party;
        std::erase_if(call->participants, [&](const events::CallParty& p) { return p.id == dropped.id; });
        if (call->participants.size() <= 2) call->participants.clear();  // the customer and the host: a call again
        letGo(dropped);
        bus_.publish(*call, m.correlation);
    }));
    subscriptions_.push_back(bus_.subscribe<events::LeaveConference>(
        [this](const events::LeaveConference& c, const Message& m) { onLeave(c, m); }));
    subscriptions_.push_back(bus_.subscribe<events::TransferCall>(
        [this](const events::TransferCall& c, const Message& m) { onTransfer(c, m); }));
    subscriptions_.push_back(bus_.subscribe<events::CompleteTransfer>(
        [this](const events::CompleteTransfer& c, const Message& m) { onCompleteTransfer(c, m); }));
}

VoiceService::~VoiceService() {
    subscriptions_.clear();
    center_.removeObserver(this);
}

const events::CallState* VoiceService::call(std::string_view interactionId) const {
    auto it = calls_.find(interactionId);
    return it == calls_.end() ? nullptr : &it->second;
}

events::CallState* VoiceService::call(std::string_view interactionId) {
    auto it = calls_.find(interactionId);
    return it == calls_.end() ? nullptr : &it->second;
}

std::string VoiceService::agentName(std::string_view agentId) const {
    const UserAccount* user = center_.config().findUserById(agentId);
    return user ? user->displayName : std::string(agentId);
}

events::CallState* VoiceService::resolve(std::string_view command, const std::string& agentId,
                                         const std::string& interactionId, std::uint64_t correlation, WhileBusy busy) {
    if (!interactionId.empty()) return controllable(command, agentId, interactionId, correlation, busy);
    for (auto& [id, call] : calls_) {
        if (call.agentId == agentId) return controllable(command, agentId, id, correlation, busy);
    }
    refuse(command, error_codes::invalidState, "You are not on a call.", correlation);
    return nullptr;
}

std::optional<events::CallParty> VoiceService::partyFor(std::string_view command, const std::string& agentId,
                                                        const events::CallTarget& target, std::uint64_t correlation) {
    events::CallParty party;
    const CenterConfig& config = center_.config();
    switch (target.kind) {
        case events::TargetKind::Agent: {
            if (auto refusal = center_.checkCallable(agentId, target.id)) {
                refuse(command, refusal->code, refusal->message, correlation);
                return std::nullopt;
            }
            const UserAccount* user = config.findUserById(target.id);
            party.id = party.agentId = user->id;
            party.name = user->displayName;
            party.number = user->extension;
            break;
        }
        case events::TargetKind::Service: {
            const ServiceConfig* service = config.findService(target.id);
            if (!service || service->channel != Channel::Voice) {
                refuse(command, error_codes::unknownService, fmt::format("There is no voice service \"{}\".", target.id),
                       correlation);
                return std::nullopt;
            }
            const std::string colleague = center_.readyAgentFor(service->id, agentId);
            if (colleague.empty()) {
                refuse(command, error_codes::targetUnavailable,
                       fmt::format("Nobody in {} is Ready to take a call now. Try later, or transfer to its queue.",
                                   service->name),
                       correlation);
                return std::nullopt;
            }
            const UserAccount* user = config.findUserById(colleague);
            party.id = party.agentId = user->id;
            party.name = user->displayName;
            party.number = user->extension;
            party.via = service->name;
            break;
        }
        case events::TargetKind::Number: {
            const std::string dialled = ContactCenter::normalizedNumber(target.number);
            if (dialled.empty()) {
                refuse(command, error_codes::invalidNumber,
                       fmt::format("\"{}\" is not a phone number: use digits, optionally starting with +.", target.number),
                       correlation);
                return std::nullopt;
            }
            party.kind = events::PartyKind::Number;
            party.id = "number:" + dialled;
            party.number = dialled;
            party.name = dialled;
            for (const DirectoryContact& contact : config.contacts) {
                if (ContactCenter::normalizedNumber(contact.number) == dialled) party.name = contact.name;
            }
            return party;
        }
    }
    party.kind = events::PartyKind::Agent;
    return party;
}

void VoiceService::holdCustomer(events::CallState& call) {
    call.held = true;
    call.heldSinceMs = toEpochMs(clock_.now());
}

void VoiceService::retrieveCustomer(events::CallState& call) {
    if (!call.held) return;
    call.held = false;
    call.heldTotalMs += toEpochMs(clock_.now()) - call.heldSinceMs;
    call.heldSinceMs = 0;
}

void VoiceService::letGo(const events::CallParty& party) {
    if (party.kind == events::PartyKind::Agent && !party.agentId.empty()) center_.legEnded(party.agentId, !party.ringing);
}

void VoiceService::endConsultation(events::CallState& call, bool retrieve) {
    consultRings_.erase(call.interactionId);
    const events::CallParty party = call.consultation;
    call.consulting = false;
    call.consultation = {};
    if (retrieve) retrieveCustomer(call);
    letGo(party);
}

events::CallState* VoiceService::ringEnded(const std::string& interactionId, const std::string& partyId) {
    consultRings_.erase(interactionId);
    auto it = calls_.find(interactionId);
    if (it == calls_.end() || !it->second.consulting || it->second.consultation.id != partyId) return nullptr;
    return &it->second;
}

void VoiceService::consultAnswered(events::CallState& call, std::uint64_t correlation) {
    call.consultation.ringing = false;
    if (call.consultation.kind == events::PartyKind::Agent) center_.legConnected(call.consultation.agentId);
    bus_.publish(call, correlation);
}

void VoiceService::consultationGone(events::CallState& call, events::ConsultationEnd why, std::uint64_t correlation) {
    const events::CallParty party = call.consultation;
    endConsultation(call, false);
    bus_.publish(events::ConsultationEnded{call.interactionId, call.agentId, party, why}, correlation);
    bus_.publish(call, correlation);
}

events::CallState* VoiceService::consultedIn(std::string_view command, const std::string& agentId,
                                             const std::string& interactionId, std::uint64_t correlation) {
    for (auto& [id, call] : calls_) {
        if (!interactionId.empty() && id != interactionId) continue;
        if (call.consulting && call.consultation.agentId == agentId && (!interactionId.empty() || call.consultation.ringing)) {
            return &call;
        }
    }
    refuse(command, error_codes::invalidState, "Nobody is consulting you now.", correlation);
    return nullptr;
}

void VoiceService::onTransfer(const events::TransferCall& c, const Message& m) {
    events::CallState* call = resolve(c.topic, c.agentId, c.interactionId, m.correlation);
    if (!call) return;
    if (!call->participants.empty()) {
        return refuse(c.topic, error_codes::invalidState, "A conference is not transferred: leave it instead.", m.correlation);
    }
    // To the colleague being consulted: they take the customer as in a warm transfer. To anyone
    // else: the consulted party is hung up on as the agent's part of the call ends (ended()).
    if (call->consulting && c.target.kind == events::TargetKind::Agent && call->consultation.agentId == c.target.id) {
        return handOverToConsulted(*call, c.topic, m.correlation);
    }

    ContactCenter::CallHandOver to;
    const CenterConfig& config = center_.config();
    switch (c.target.kind) {
        case events::TargetKind::Agent:
            to.toAgentId = c.target.id;
            to.targetName = agentName(c.target.id);
            break;
        case events::TargetKind::Service: {
            to.toServiceId = c.target.id;
            const ServiceConfig* service = config.findService(c.target.id);
            to.targetName = service ? fmt::format("{} queue", service->name) : c.target.id;
            break;
        }
        case events::TargetKind::Number:
            to.number = c.target.number;
            to.targetName = ContactCenter::normalizedNumber(c.target.number);
            break;
    }
    const std::string id = call->interactionId;
    std::string next;
    if (auto refusal = center_.transferCall(c.agentId, id, to, m.correlation, next)) {
        return refuse(c.topic, refusal->code, refusal->message, m.correlation);
    }
    bus_.publish(events::CallTransferred{id, c.agentId, c.target, to.targetName, false, next}, m.correlation);
}

void VoiceService::onCompleteTransfer(const events::CompleteTransfer& c, const Message& m) {
    events::CallState* call = resolve(c.topic, c.agentId, c.interactionId, m.correlation);
    if (!call) return;
    if (!call->consulting) {
        return refuse(c.topic, error_codes::invalidState, "Consult someone first; or transfer the call straight away.",
                      m.correlation);
    }
    if (!call->participants.empty()) {
        return refuse(c.topic, error_codes::invalidState, "Merge the consultation into the conference, or end it.",
                      m.correlation);
    }
    handOverToConsulted(*call, c.topic, m.correlation);
}

void VoiceService::handOverToConsulted(events::CallState& call, std::string_view command, std::uint64_t correlation) {
    if (call.consultation.ringing) {
        return refuse(command, error_codes::invalidState,
                      fmt::format("{} has not answered yet: transfer to them once they do, or end the consultation.",
                                  call.consultation.name),
                      correlation);
    }
    const events::CallParty party = call.consultation;
    const std::string agentId = call.agentId;
    ContactCenter::CallHandOver to;
    events::CallTarget target;
    if (party.kind == events::PartyKind::Agent) {
        to.toAgentId = party.agentId;
        to.connected = true;
        target = {events::TargetKind::Agent, party.agentId, {}};
    } else {
        to.number = party.number;
        target = {events::TargetKind::Number, {}, party.number};
    }
    to.targetName = party.name;
    const std::string id = call.interactionId;
    std::string next;
    if (auto refusal = center_.transferCall(agentId, id, to, correlation, next)) {
        return refuse(command, refusal->code, refusal->message, correlation);
    }
    bus_.publish(events::CallTransferred{id, agentId, target, party.name, true, next}, correlation);
}

void VoiceService::onLeave(const events::LeaveConference& c, const Message& m) {
    // The call the agent is in: hosted (theirs) or joined (a participant, or the consulted party).
    events::CallState* call = nullptr;
    for (auto& [id, candidate] : calls_) {
        if (!c.interactionId.empty() && id != c.interactionId) continue;
        const bool joined = findParty(candidate, c.agentId) != nullptr ||
                            (candidate.consulting && candidate.consultation.agentId == c.agentId);
        if (candidate.agentId == c.agentId || joined) {
            call = &candidate;
            break;
        }
    }
    if (!call) return refuse(c.topic, error_codes::invalidState, "You are not in a conference.", m.correlation);

    if (call->agentId != c.agentId) {
        if (call->consulting && call->consultation.agentId == c.agentId) {
            // The host is left with the customer on hold.
            const bool ringing = call->consultation.ringing;
            return consultationGone(*call, ringing ? events::ConsultationEnd::Declined : events::ConsultationEnd::HungUp,
                                    m.correlation);
        }
        const events::CallParty leaving = *findParty(*call, c.agentId);
        std::erase_if(call->participants, [&](const events::CallParty& p) { return p.id == leaving.id; });
        if (call->participants.size() <= 2) call->participants.clear();
        letGo(leaving);
        bus_.publish(*call, m.correlation);
        return;
    }

    // The host leaves.
    if (call->participants.empty()) {
        return refuse(c.topic, error_codes::invalidState, "You are not in a conference: release the call to end it.",
                      m.correlation);
    }
    const std::string id = call->interactionId;
    if (call->consulting) endConsultation(*call, false);
    std::vector<events::CallParty> others;
    for (const events::CallParty& party : call->participants) {
        if (party.agentId != c.agentId) others.push_back(party);
    }
    auto nextHost = std::find_if(others.begin(), others.end(),
                                 [](const events::CallParty& p) { return p.kind == events::PartyKind::Agent; });
    if (!center_.config().settings.voice.conferenceContinuesWithoutHost || nextHost == others.end()) {
        // The conference ends with the host (or goes on without the center: only outside parties remain).
        if (auto refusal = center_.release(c.agentId, id, m.correlation)) refuse(c.topic, refusal->code, refusal->message, m.correlation);
        return;
    }
    // Another agent takes the call over as host; everyone else stays in it.
    const events::CallParty host = *nextHost;
    call->participants.clear();  // they stay busy: the call goes on
    ContactCenter::CallHandOver to;
    to.toAgentId = host.agentId;
    to.connected = true;
    to.targetName = host.name;
    std::string next;
    if (auto refusal = center_.transferCall(c.agentId, id, to, m.correlation, next)) {
        call->participants = others;
        return refuse(c.topic, refusal->code, refusal->message, m.correlation);
    }
    center_.legEnded(host.agentId, true);  // their conference leg is now the call itself
    auto it = calls_.find(next);
    if (it == calls_.end()) return;
    events::CallState& continued = it->second;
    // The customer first, then the new host, then the others as they joined.
    continued.participants.clear();
    for (const events::CallParty& party : others) {
        if (party.kind == events::PartyKind::Customer) continued.participants.push_back(party);
    }
    continued.participants.push_back(host);
    for (const events::CallParty& party : others) {
        if (party.kind != events::PartyKind::Customer && party.id != host.id) continued.participants.push_back(party);
    }
    if (continued.participants.size() <= 2) continued.participants.clear();
    bus_.publish(events::CallTransferred{id, c.agentId, {events::TargetKind::Agent, host.agentId, {}}, host.name, true, next},
                 m.correlation);
    bus_.publish(continued, m.correlation);
}

void VoiceService::refuse(std::string_view command, std::string_view code, std::string message,
                          std::uint64_t correlation) {
    bus_.publish(events::Error{std::string(command), std::string(code), std::move(message)}, correlation);
}

events::CallState* VoiceService::controllable(std::string_view command, const std::string& agentId,
                                              const std::string& interactionId, std::uint64_t correlation,
                                              WhileBusy busy) {
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
    const events::CallState& call = it->second;
    if (busy == WhileBusy::Refuse && !call.application.applicationId.empty()) {
        refuse(command, error_codes::invalidState,
               fmt::format("The customer is in {}: the call comes back to you when it ends.", call.application.name),
               correlation);
        return nullptr;
    }
    if (busy == WhileBusy::Refuse && !call.message.messageId.empty()) {
        refuse(command, error_codes::invalidState,
               fmt::format("\"{}\" is playing: wait for it to end, or stop it.", call.message.name), correlation);
        return nullptr;
    }
    return &it->second;
}

bool VoiceService::pauseRecording(events::CallState& call) {
    if (call.recording != events::Recording::On) return false;
    call.recording = events::Recording::Paused;
    call.recorded.back().toMs = toEpochMs(clock_.now());
    return true;
}

void VoiceService::resumeRecording(events::CallState& call) {
    if (call.recording != events::Recording::Paused) return;
    call.recording = events::Recording::On;
    call.recorded.push_back({toEpochMs(clock_.now()), 0});
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
    call.agentName = agentName(interaction.agentId);
    call.conferenceLimit = center_.config().settings.voice.conferenceLimit;
    if (interaction.service->recordsCalls) {  // VOICE-21: the service records everything
        call.serviceRecords = true;
        call.recording = events::Recording::On;
        call.recorded.push_back({toEpochMs(clock_.now()), 0});
    }
    calls_[interaction.id] = call;
    bus_.publish(call);
}

void VoiceService::ended(const Interaction& interaction, events::EndedBy) {
    auto it = calls_.find(interaction.id);
    if (it == calls_.end()) return;
    // Whoever the agent consulted or conferenced in is free again.
    const events::CallState call = std::move(it->second);
    calls_.erase(it);
    consultRings_.erase(interaction.id);
    if (call.consulting) letGo(call.consultation);
    for (const events::CallParty& party : call.participants) {
        if (party.agentId != call.agentId) letGo(party);
    }
}

void VoiceService::transferred(const Interaction& interaction, const std::string&) { calls_.erase(interaction.id); }

}  // namespace agentdesk::engine
