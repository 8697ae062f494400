#include "model/metrics.hpp"
#include "model/agent_state_machine.hpp"

#include <algorithm>
#include <tuple>

namespace agentdesk::engine {

namespace {

/// A duration in whole milliseconds, never negative (a clock that stepped back counts as no time).
std::int64_t elapsedMs(TimePoint from, TimePoint to) { return std::max<std::int64_t>(0, (to - from).count()); }

std::vector<std::string> sortedUnique(std::vector<std::string> words) {
    std::sort(words.begin(), words.end());
    words.erase(std::unique(words.begin(), words.end()), words.end());
    return words;
}

}  // namespace

bool Metrics::ByDisplayName::operator()(const Agent* a, const Agent* b) const {
    return std::tie(a->info.displayName, a->info.id) < std::tie(b->info.displayName, b->info.id);
}

std::optional<std::size_t> Metrics::countedSlot(AgentState state) {
    switch (state) {
        case AgentState::Ready: return 0;
        case AgentState::NotReady: return 1;
        case AgentState::Busy: return 2;
        case AgentState::AfterCallWork: return 3;
        case AgentState::LoggedOut:
        case AgentState::Supervising: return std::nullopt;
    }
    return std::nullopt;
}

Metrics::Metrics(std::vector<ServiceInfo> services) {
    services_.reserve(services.size());
    for (auto& info : services) {
        if (serviceIndex_.contains(info.id)) continue;
        serviceIndex_.emplace(info.id, services_.size());
        Service service;
        service.sortedSkills = sortedUnique(info.skills);
        service.info = std::move(info);
        services_.push_back(std::move(service));
    }
}

// ---- interactions -------------------------------------------------------------------------------

Metrics::Interaction* Metrics::findInteraction(std::string_view id) {
    const auto it = interactions_.find(id);
    return it == interactions_.end() ? nullptr : &it->second;
}

void Metrics::leaveQueue(Interaction& interaction) {
    if (interaction.phase == Phase::Waiting) services_[interaction.service].waiting.erase(interaction.arrival);
}

void Metrics::queued(std::string_view interactionId, std::string_view serviceId, TimePoint at) {
    const auto service = serviceIndex_.find(serviceId);
    if (service == serviceIndex_.end() || interactions_.contains(interactionId)) return;
    Interaction interaction;
    interaction.service = service->second;
    interaction.arrival = {at, nextSerial_++};
    Service& figures = services_[interaction.service];
    figures.waiting.insert(interaction.arrival);
    ++figures.offered;
    interactions_.emplace(std::string(interactionId), std::move(interaction));
}

void Metrics::requeued(std::string_view interactionId, TimePoint) {
    Interaction* interaction = findInteraction(interactionId);
    if (!interaction || interaction->phase != Phase::Ringing) return;
    interaction->phase = Phase::Waiting;
    services_[interaction->service].waiting.insert(interaction->arrival);
}

void Metrics::offered(std::string_view interactionId, TimePoint) {
    Interaction* interaction = findInteraction(interactionId);
    if (!interaction || interaction->phase != Phase::Waiting) return;
    leaveQueue(*interaction);
    interaction->phase = Phase::Ringing;
}

void Metrics::answered(std::string_view interactionId, std::string_view agentId, TimePoint at) {
    Interaction* interaction = findInteraction(interactionId);
    if (!interaction || (interaction->phase != Phase::Waiting && interaction->phase != Phase::Ringing)) return;
    leaveQueue(*interaction);
    interaction->phase = Phase::Talking;
    interaction->answeredAt = at;
    interaction->agentId = agentId;
    Service& service = services_[interaction->service];
    const std::int64_t waitMs = elapsedMs(interaction->arrival.first, at);
    ++service.answered;
    service.waitSumMs += waitMs;
    if (waitMs <= service.info.serviceLevelThreshold.count()) ++service.answeredWithinThreshold;
}

void Metrics::abandoned(std::string_view interactionId, TimePoint) {
    const auto it = interactions_.find(interactionId);
    if (it == interactions_.end()) return;
    Interaction& interaction = it->second;
    if (interaction.phase != Phase::Waiting && interaction.phase != Phase::Ringing) return;
    leaveQueue(interaction);
    ++services_[interaction.service].abandoned;
    interactions_.erase(it);
}

void Metrics::ended(std::string_view interactionId, TimePoint) {
    Interaction* interaction = findInteraction(interactionId);
    if (!interaction || interaction->phase != Phase::Talking) return;
    interaction->phase = Phase::WrappingUp;
}

void Metrics::completed(std::string_view interactionId, TimePoint at) {
    const auto it = interactions_.find(interactionId);
    if (it == interactions_.end()) return;
    const Interaction& interaction = it->second;
    if (interaction.phase != Phase::Talking && interaction.phase != Phase::WrappingUp) return;
    Service& service = services_[interaction.service];
    const std::int64_t handleMs = elapsedMs(interaction.answeredAt, at);
    ++service.completed;
    service.handleSumMs += handleMs;
    // An agent who never logged in has no figures to add to; the service still counts the work.
    if (Agent* agent = findAgent(interaction.agentId)) {
        ++agent->handledByChannel[static_cast<std::size_t>(service.info.channel)];
        ++agent->handled;
        agent->handleSumMs += handleMs;
    }
    interactions_.erase(it);
}

// ---- agents -------------------------------------------------------------------------------------

Metrics::Agent* Metrics::findAgent(std::string_view id) {
    const auto it = agents_.find(id);
    return it == agents_.end() ? nullptr : &it->second;
}

void Metrics::moveAgent(Agent& agent, AgentState state, std::string_view reason, TimePoint at) {
    if (const auto slot = countedSlot(agent.state)) {
        agent.closedMsByState[*slot] += elapsedMs(agent.since, at);
        for (std::size_t s : agent.services) --services_[s].agentsByState[*slot];
    }
    if (const auto slot = countedSlot(state)) {
        for (std::size_t s : agent.services) ++services_[s].agentsByState[*slot];
    }
    agent.state = state;
    agent.reason = state == AgentState::NotReady ? std::string(reason) : std::string();
    agent.since = at;
}

void Metrics::agentLoggedIn(const AgentInfo& info, TimePoint at) {
    auto [it, isNew] = agents_.try_emplace(info.id);
    Agent& agent = it->second;
    if (!isNew) {
        if (agent.state != AgentState::LoggedOut) return;
        agentOrder_.erase(&agent);  // the name may change: take it out of the order before changing it
    }
    agent.info = info;
    agent.info.skills = sortedUnique(info.skills);
    agentOrder_.insert(&agent);

    agent.services.clear();
    for (std::size_t s = 0; s < services_.size(); ++s) {
        const auto& required = services_[s].sortedSkills;
        if (std::includes(agent.info.skills.begin(), agent.info.skills.end(), required.begin(), required.end())) {
            agent.services.push_back(s);
        }
    }
    moveAgent(agent, AgentState::NotReady, reasons::loggedIn, at);
}

void Metrics::agentState(std::string_view agentId, AgentState state, std::string_view reason, TimePoint at) {
    if (state == AgentState::LoggedOut) {
        agentLoggedOut(agentId, at);
        return;
    }
    Agent* agent = findAgent(agentId);
    if (!agent || agent->state == AgentState::LoggedOut) return;
    if (agent->state == state && (state != AgentState::NotReady || agent->reason == reason)) return;
    moveAgent(*agent, state, reason, at);
}

void Metrics::agentLoggedOut(std::string_view agentId, TimePoint at) {
    Agent* agent = findAgent(agentId);
    if (!agent || agent->state == AgentState::LoggedOut) return;
    moveAgent(*agent, AgentState::LoggedOut, {}, at);
    agent->services.clear();
}

// ---- snapshots ----------------------------------------------------------------------------------

events::ServiceMetrics Metrics::figures(const Service& service, TimePoint now) {
    events::ServiceMetrics out;
    out.serviceId = service.info.id;
    out.name = service.info.name;
    out.channel = service.info.channel;
    out.thresholdMs = service.info.serviceLevelThreshold.count();
    out.inQueue = static_cast<int>(service.waiting.size());
    out.longestWaitMs = service.waiting.empty() ? 0 : elapsedMs(service.waiting.begin()->first, now);
    out.offered = service.offered;
    out.answered = service.answered;
    out.answeredWithinThreshold = service.answeredWithinThreshold;
    out.abandoned = service.abandoned;
    const int finished = service.answered + service.abandoned;
    out.serviceLevelPct = finished == 0 ? -1.0 : 100.0 * service.answeredWithinThreshold / finished;
    out.averageSpeedOfAnswerMs = service.answered == 0 ? 0 : service.waitSumMs / service.answered;
    out.averageHandleTimeMs = service.completed == 0 ? 0 : service.handleSumMs / service.completed;
    out.completed = service.completed;
    out.agentsReady = service.agentsByState[*countedSlot(AgentState::Ready)];
    out.agentsBusy = service.agentsByState[*countedSlot(AgentState::Busy)];
    out.agentsAfterCallWork = service.agentsByState[*countedSlot(AgentState::AfterCallWork)];
    out.agentsNotReady = service.agentsByState[*countedSlot(AgentState::NotReady)];
    return out;
}

events::AgentMetrics Metrics::figures(const Agent& agent, TimePoint now) {
    events::AgentMetrics out;
    out.agentId = agent.info.id;
    out.displayName = agent.info.displayName;
    out.team = agent.info.team;
    out.state = agent.state;
    out.reason = agent.reason;
    out.stateSinceMs = toEpochMs(agent.since);
    out.handledVoice = agent.handledByChannel[static_cast<std::size_t>(Channel::Voice)];
    out.handledChat = agent.handledByChannel[static_cast<std::size_t>(Channel::Chat)];
    out.handledEmail = agent.handledByChannel[static_cast<std::size_t>(Channel::Email)];
    out.handledCampaign = agent.handledByChannel[static_cast<std::size_t>(Channel::Campaign)];
    out.averageHandleTimeMs = agent.handled == 0 ? 0 : agent.handleSumMs / agent.handled;
    auto timeIn = [&](AgentState state) {
        const std::size_t slot = *countedSlot(state);
        return agent.closedMsByState[slot] + (agent.state == state ? elapsedMs(agent.since, now) : 0);
    };
    out.readyMs = timeIn(AgentState::Ready);
    out.notReadyMs = timeIn(AgentState::NotReady);
    out.busyMs = timeIn(AgentState::Busy);
    out.afterCallWorkMs = timeIn(AgentState::AfterCallWork);
    return out;
}

events::ServiceMetricsSnapshot Metrics::services(TimePoint now) const {
    events::ServiceMetricsSnapshot snapshot;
    snapshot.atMs = toEpochMs(now);
    snapshot.services.reserve(services_.size());
    for (const Service& service : services_) snapshot.services.push_back(figures(service, now));
    return snapshot;
}

events::AgentMetricsSnapshot Metrics::agents(TimePoint now) const {
    events::AgentMetricsSnapshot snapshot;
    snapshot.atMs = toEpochMs(now);
    snapshot.agents.reserve(agentOrder_.size());
    for (const Agent* agent : agentOrder_) snapshot.agents.push_back(figures(*agent, now));
    return snapshot;
}

std::optional<events::ServiceMetrics> Metrics::service(std::string_view serviceId, TimePoint now) const {
    const auto it = serviceIndex_.find(serviceId);
    if (it == serviceIndex_.end()) return std::nullopt;
    return figures(services_[it->second], now);
}

std::optional<events::AgentMetrics> Metrics::agent(std::string_view agentId, TimePoint now) const {
    const auto it = agents_.find(agentId);
    if (it == agents_.end()) return std::nullopt;
    return figures(it->second, now);
}

}  // namespace agentdesk::engine
