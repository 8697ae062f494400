#include "model/agent_dashboard.hpp"

#include <agentdesk/events/interaction.hpp>

namespace agentdesk::dashboard {

AgentDashboard::AgentDashboard(Bus& bus)
    : bus_(bus), agent_(bus, [this](const std::string& agentId) {
          // A new login starts a new day's view: nothing of the previous agent stays.
          me_.reset();
          offered_.clear();
          mySamples_ = SampleRing<AgentSample>(DashboardSampling::kSamples);
          lastAgentSample_.reset();
          (void)agentId;
      }) {
    subscriptions_.push_back(bus_.subscribe<events::Offered>([this](const events::Offered& e) {
        if (agent_.is(e.agentId)) offered_.insert(e.serviceId);
    }));
}

void AgentDashboard::follow(bool on) {
    if (!on) {
        metricSubscriptions_.clear();
        return;
    }
    if (following()) return;
    metricSubscriptions_.push_back(bus_.subscribe<events::AgentMetricsSnapshot>(
        [this](const events::AgentMetricsSnapshot& s) { applyAgents(s); }));
    metricSubscriptions_.push_back(bus_.subscribe<events::ServiceMetricsSnapshot>(
        [this](const events::ServiceMetricsSnapshot& s) { applyServices(s); }));
}

void AgentDashboard::applyAgents(const events::AgentMetricsSnapshot& snapshot) {
    if (!agent_.loggedIn()) return;
    for (const events::AgentMetrics& a : snapshot.agents) {
        if (a.agentId != agent_.id()) continue;
        me_ = a;
        const TimePoint at = fromEpochMs(snapshot.atMs);
        if (!lastAgentSample_ || at - *lastAgentSample_ >= DashboardSampling::kEvery) {
            lastAgentSample_ = at;
            mySamples_.push(AgentSample{static_cast<float>(handledTotal(a)),
                                        static_cast<float>(occupancyPct(a).value_or(0))});
        }
        return;
    }
}

void AgentDashboard::applyServices(const events::ServiceMetricsSnapshot& snapshot) {
    services_ = snapshot.services;
    const TimePoint at = fromEpochMs(snapshot.atMs);
    if (lastServiceSample_ && at - *lastServiceSample_ < DashboardSampling::kEvery) return;
    lastServiceSample_ = at;
    for (const events::ServiceMetrics& s : services_) {
        ServiceHistory& h = histories_[s.serviceId];
        h.inQueue.push(static_cast<float>(s.inQueue));
        h.serviceLevel.push(static_cast<float>(s.serviceLevelPct < 0 ? 0 : s.serviceLevelPct));
    }
}

bool AgentDashboard::showingAll() const {
    for (const auto& s : services_) {
        if (chosen_.count(s.serviceId) || offered_.count(s.serviceId)) return false;
    }
    return true;
}

std::vector<const events::ServiceMetrics*> AgentDashboard::myServices() const {
    std::vector<const events::ServiceMetrics*> out;
    const bool all = showingAll();
    for (const auto& s : services_) {
        if (all || chosen_.count(s.serviceId) || offered_.count(s.serviceId)) out.push_back(&s);
    }
    return out;
}

const ServiceHistory* AgentDashboard::history(const std::string& serviceId) const {
    auto it = histories_.find(serviceId);
    return it == histories_.end() ? nullptr : &it->second;
}

std::optional<double> AgentDashboard::occupancyPct(const events::AgentMetrics& f) {
    const std::int64_t handling = f.busyMs + f.afterCallWorkMs;
    const std::int64_t available = f.readyMs + handling;
    if (available <= 0) return std::nullopt;
    return 100.0 * static_cast<double>(handling) / static_cast<double>(available);
}

int AgentDashboard::handledTotal(const events::AgentMetrics& f) {
    return f.handledVoice + f.handledChat + f.handledEmail + f.handledCampaign;
}

}  // namespace agentdesk::dashboard
