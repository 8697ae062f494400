#include "model/assistance.hpp"

#include <agentdesk/events/core.hpp>

#include <fmt/format.h>

#include <algorithm>

namespace agentdesk::engine {

namespace {

constexpr std::string_view kSupervisor = "supervisor";

std::string customerOf(const Interaction& interaction) {
    if (interaction.customer && !interaction.customer->name.empty()) return interaction.customer->name;
    return interaction.from;
}

}  // namespace

Assistance::Assistance(ContactCenter& center, Bus& bus, const Clock& clock, Timers& timers)
    : center_(center), bus_(bus), clock_(clock), timers_(timers) {
    center_.addObserver(this);
    subscriptions_.push_back(bus_.subscribe<events::RequestAssistance>(
        [this](const events::RequestAssistance& c, const Message& m) { onRequest(c, m); }));
    subscriptions_.push_back(bus_.subscribe<events::CancelAssistance>(
        [this](const events::CancelAssistance& c, const Message& m) { onCancel(c, m); }));
    subscriptions_.push_back(bus_.subscribe<events::ListAssistance>(
        [this](const events::ListAssistance&, const Message& m) { bus_.publish(events::OpenAssistance{open()}, m.correlation); }));
    subscriptions_.push_back(bus_.subscribe<events::JoinInteraction>(
        [this](const events::JoinInteraction& c, const Message& m) { onJoin(c, m); }));
    subscriptions_.push_back(bus_.subscribe<events::LeaveInteraction>(
        [this](const events::LeaveInteraction& c, const Message& m) { onLeave(c, m); }));
}

Assistance::~Assistance() { center_.removeObserver(this); }

std::vector<events::AssistanceRequest> Assistance::open() const {
    std::vector<events::AssistanceRequest> requests;
    for (const auto& [id, hand] : hands_) requests.push_back(hand.request);
    std::sort(requests.begin(), requests.end(), [](const auto& a, const auto& b) {
        return a.raisedAtMs != b.raisedAtMs ? a.raisedAtMs < b.raisedAtMs : a.requestId < b.requestId;
    });
    return requests;
}

void Assistance::refuse(std::string_view command, std::string_view code, std::string text, std::uint64_t correlation) {
    bus_.publish(events::Error{std::string(command), std::string(code), std::move(text)}, correlation);
}

void Assistance::onRequest(const events::RequestAssistance& c, const Message& m) {
    if (!center_.isLoggedIn(c.agentId)) {
        return refuse(c.topic, error_codes::notLoggedIn, "You are not logged in. Log in first.", m.correlation);
    }
    const Interaction* interaction = center_.interaction(c.interactionId);
    if (!interaction || interaction->stage != Stage::Connected) {
        return refuse(c.topic, error_codes::unknownInteraction,
                      "You can ask for assistance only on an interaction you are handling now.", m.correlation);
    }
    if (interaction->agentId != c.agentId) {
        return refuse(c.topic, error_codes::notYours, "This interaction is handled by someone else.", m.correlation);
    }
    if (hands_.count(c.interactionId)) {
        return refuse(c.topic, "already_requested", "You have already asked for assistance on this interaction.",
                      m.correlation);
    }
    const UserAccount* agent = center_.config().findUserById(c.agentId);
    events::AssistanceRequest request;
    request.requestId = fmt::format("A-{:04}", nextRequest_++);
    request.agentId = c.agentId;
    request.agentName = agent ? agent->displayName : c.agentId;
    request.team = agent ? agent->team : std::string();
    request.interactionId = c.interactionId;
    request.channel = interaction->service->channel;
    request.customer = customerOf(*interaction);
    request.serviceName = interaction->service->name;
    request.note = c.note;
    request.raisedAtMs = toEpochMs(clock_.now());
    Hand& hand = hands_[c.interactionId];
    hand.request = request;
    if (agent && !supervisorLoggedIn()) {
        if (const UserAccount* played = playedSupervisorFor(*agent)) {
            hand.simulatedAnswer = timers_.at(clock_.now() + simulatedAnswer, [this, played, id = c.interactionId] {
                const Interaction* live = center_.interaction(id);
                if (live && live->stage == Stage::Connected) join(*played, *live, events::SupervisionMode::Coach, true, 0);
            });
        }
    }
    bus_.publish(events::AssistanceRequested{std::move(request)}, m.correlation);
}

void Assistance::onCancel(const events::CancelAssistance& c, const Message& m) {
    auto it = std::find_if(hands_.begin(), hands_.end(),
                           [&](const auto& entry) { return entry.second.request.requestId == c.requestId; });
    if (it == hands_.end()) {
        return refuse(c.topic, error_codes::unknownInteraction, "That request for assistance is no longer open.",
                      m.correlation);
    }
    if (it->second.request.agentId != c.agentId) {
        return refuse(c.topic, error_codes::notYours, "Only the agent who asked can withdraw the request.", m.correlation);
    }
    clearHand(it->first, events::AssistanceOutcome::Cancelled, {}, m.correlation);
}

void Assistance::onJoin(const events::JoinInteraction& c, const Message& m) {
    const UserAccount* supervisor = center_.config().findUserById(c.supervisorId);
    if (!supervisor || !center_.isLoggedIn(c.supervisorId)) {
        return refuse(c.topic, error_codes::notLoggedIn, "You are not logged in. Log in first.", m.correlation);
    }
    if (supervisor->role != kSupervisor) {
        return refuse(c.topic, "not_a_supervisor", "Only supervisors can monitor, coach or barge in.", m.correlation);
    }
    const Interaction* interaction = center_.interaction(c.interactionId);
    if (!interaction || interaction->stage != Stage::Connected) {
        return refuse(c.topic, error_codes::unknownInteraction, "That interaction is no longer in progress.", m.correlation);
    }
    if (interaction->agentId == c.supervisorId) {
        return refuse(c.topic, error_codes::invalidState, "You cannot supervise your own interaction.", m.correlation);
    }
    join(*supervisor, *interaction, c.mode, false, m.correlation);
}

void Assistance::join(const UserAccount& supervisor, const Interaction& interaction, events::SupervisionMode mode,
                      bool simulated, std::uint64_t correlation) {
    auto current = supervisions_.find(supervisor.id);
    if (current != supervisions_.end() && current->second.started.interactionId != interaction.id) {
        endSupervision(current, correlation);  // one interaction at a time: the new one replaces it
        current = supervisions_.end();
    }
    if (!simulated && current == supervisions_.end()) {
        AgentStateMachine* state = center_.agentState(supervisor.id);
        if (!state || !state->startSupervising()) {
            return refuse(events::JoinInteraction::topic, "busy",
                          "Finish your own interactions (and their wrap-up) before you supervise another.", correlation);
        }
    }
    Supervision& supervision = supervisions_[supervisor.id];
    supervision.simulated = simulated;
    const UserAccount* agent = center_.config().findUserById(interaction.agentId);
    supervision.started = events::SupervisionStarted{supervisor.id, supervisor.displayName, interaction.agentId,
                                                     interaction.id, mode, agent ? agent->displayName : interaction.agentId};
    if (simulated) {
        supervision.simulatedLeave = timers_.at(clock_.now() + simulatedStay, [this, id = supervisor.id] {
            if (auto it = supervisions_.find(id); it != supervisions_.end()) endSupervision(it, 0);
        });
    }
    bus_.publish(supervision.started, correlation);
    clearHand(interaction.id, events::AssistanceOutcome::Handled, supervisor.displayName, 0);
}

void Assistance::onLeave(const events::LeaveInteraction& c, const Message& m) {
    auto it = supervisions_.find(c.supervisorId);
    if (it == supervisions_.end() || (!c.interactionId.empty() && it->second.started.interactionId != c.interactionId)) {
        return refuse(c.topic, error_codes::invalidState, "You are not supervising that interaction.", m.correlation);
    }
    endSupervision(it, m.correlation);
}

void Assistance::clearHand(const std::string& interactionId, events::AssistanceOutcome outcome, const std::string& by,
                           std::uint64_t correlation) {
    auto it = hands_.find(interactionId);
    if (it == hands_.end()) return;
    events::AssistanceCleared cleared{it->second.request.requestId, it->second.request.agentId, interactionId, outcome, by};
    hands_.erase(it);
    bus_.publish(cleared, correlation);
}

void Assistance::endSupervision(std::map<std::string, Supervision>::iterator it, std::uint64_t correlation) {
    const events::SupervisionStarted started = it->second.started;
    const bool simulated = it->second.simulated;
    supervisions_.erase(it);
    if (!simulated) {
        if (AgentStateMachine* state = center_.agentState(started.supervisorId)) state->stopSupervising();
    }
    bus_.publish(events::SupervisionEnded{started.supervisorId, started.agentId, started.interactionId}, correlation);
}

void Assistance::endSupervisions(const std::string& interactionId) {
    clearHand(interactionId, events::AssistanceOutcome::InteractionEnded, {}, 0);
    for (auto it = supervisions_.begin(); it != supervisions_.end();) {
        auto next = std::next(it);
        if (it->second.started.interactionId == interactionId) endSupervision(it, 0);
        it = next;
    }
}

void Assistance::ended(const Interaction& interaction, events::EndedBy) { endSupervisions(interaction.id); }

void Assistance::transferred(const Interaction& interaction, const std::string&) {
    endSupervisions(interaction.id);  // the agent who asked is no longer on it
}

void Assistance::loggedOut(const UserAccount& user, TimePoint) {
    if (auto it = supervisions_.find(user.id); it != supervisions_.end()) {
        const events::SupervisionStarted started = it->second.started;
        supervisions_.erase(it);  // the session is gone: no state to restore
        bus_.publish(events::SupervisionEnded{started.supervisorId, started.agentId, started.interactionId});
    }
}

const UserAccount* Assistance::playedSupervisorFor(const UserAccount& agent) const {
    const UserAccount* any = nullptr;
    for (const UserAccount& user : center_.config().users) {
        if (user.role != kSupervisor) continue;
        if (user.team == agent.team) return &user;
        if (!any) any = &user;
    }
    return any;
}

bool Assistance::supervisorLoggedIn() const {
    for (const std::string& id : center_.loggedInAgents()) {
        const UserAccount* user = center_.config().findUserById(id);
        if (user && user->role == kSupervisor) return true;
    }
    return false;
}

}  // namespace agentdesk::engine
