#pragma once
// The agent's dashboard (spec OTHER-01): this desktop's agent's own figures for today from
// metrics.agents — handled per channel, average handle time, time in each state, occupancy — and
// the queues of their services from metrics.services, with the last hour of each kept as samples
// for small charts. Plain C++ over the bus; the panel draws it.
//
// Which services are "theirs": the contact center's figures do not say which services an agent
// is skilled for, so the dashboard takes the ones the agent chose, plus every service whose work
// was offered to them on this desktop; until there is any, it shows every service.

#include "model/sample_ring.hpp"

#include <agentdesk/bus.hpp>
#include <agentdesk/clock.hpp>
#include <agentdesk/current_agent.hpp>
#include <agentdesk/events/metrics.hpp>

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace agentdesk::dashboard {

/// How often samples are kept: one every 30 s, 120 of them, one hour.
struct DashboardSampling {
    static constexpr std::chrono::seconds kEvery{30};
    static constexpr std::size_t kSamples = 120;
};

/// One sample of the agent's day.
struct AgentSample {
    float handled = 0;       ///< completed so far today, every channel
    float occupancyPct = 0;  ///< busy + wrap-up over time available (ready + busy + wrap-up)
};

/// The last hour of one service.
struct ServiceHistory {
    SampleRing<float> inQueue{DashboardSampling::kSamples};
    SampleRing<float> serviceLevel{DashboardSampling::kSamples};  ///< percent; gaps (no data) repeat 0
};

class AgentDashboard {
public:
    explicit AgentDashboard(Bus& bus);

    /// Starts or stops listening to the snapshots (the contact center publishes while someone listens).
    void follow(bool on);
    bool following() const { return !metricSubscriptions_.empty(); }

    /// Takes in a snapshot (normally from the bus).
    void applyAgents(const events::AgentMetricsSnapshot& snapshot);
    void applyServices(const events::ServiceMetricsSnapshot& snapshot);

    bool loggedIn() const { return agent_.loggedIn(); }
    const std::string& agentId() const { return agent_.id(); }
    /// This agent's figures from the last snapshot; nullopt before one arrived.
    const std::optional<events::AgentMetrics>& me() const { return me_; }
    /// Every service's last figures, in the contact center's order.
    const std::vector<events::ServiceMetrics>& services() const { return services_; }
    /// The services to show: chosen or offered to this agent; every one while there is none.
    std::vector<const events::ServiceMetrics*> myServices() const;
    /// True when myServices() falls back to every service.
    bool showingAll() const;
    /// Services the agent chose to watch (kept in the plugin's settings).
    const std::set<std::string>& chosen() const { return chosen_; }
    void setChosen(std::set<std::string> ids) { chosen_ = std::move(ids); }

    const SampleRing<AgentSample>& mySamples() const { return mySamples_; }
    const ServiceHistory* history(const std::string& serviceId) const;

    /// Occupancy in percent for `figures`; nullopt when no time was spent available yet.
    static std::optional<double> occupancyPct(const events::AgentMetrics& figures);
    /// Handled today across every channel.
    static int handledTotal(const events::AgentMetrics& figures);

private:
    Bus& bus_;
    CurrentAgent agent_;
    std::optional<events::AgentMetrics> me_;
    std::vector<events::ServiceMetrics> services_;
    std::set<std::string> chosen_;
    std::set<std::string> offered_;
    SampleRing<AgentSample> mySamples_{DashboardSampling::kSamples};
    std::map<std::string, ServiceHistory> histories_;
    std::optional<TimePoint> lastAgentSample_;
    std::optional<TimePoint> lastServiceSample_;
    std::vector<Subscription> subscriptions_;
    std::vector<Subscription> metricSubscriptions_;
};

}  // namespace agentdesk::dashboard
