#include "model/metrics_publisher.hpp"

namespace agentdesk::engine {

namespace {

std::vector<ServiceInfo> servicesOf(const CenterConfig& config) {
    std::vector<ServiceInfo> services;
    for (const ServiceConfig& s : config.services) {
        services.push_back(ServiceInfo{s.id, s.name, s.channel, s.serviceLevelThreshold, s.skills});
    }
    return services;
}

}  // namespace

MetricsPublisher::MetricsPublisher(ContactCenter& center, Bus& bus, const Clock& clock, Timers& timers)
    : center_(center), bus_(bus), clock_(clock), timers_(timers), metrics_(servicesOf(center.config())) {
    // Agents already logged in (demo sessions started with the center) are counted from now.
    for (const std::string& id : center_.loggedInAgents()) {
        if (const UserAccount* user = center_.config().findUserById(id)) {
            loggedIn(*user, clock_.now());
            stateChanged(*user, center_.agentState(id)->status());
        }
    }
    center_.addObserver(this);
    publish();
    schedule();
}

MetricsPublisher::~MetricsPublisher() { center_.removeObserver(this); }

void MetricsPublisher::schedule() {
    next_ = timers_.at(clock_.now() + kInterval, [this] {
        publish();
        schedule();
    });
}

void MetricsPublisher::publish() {
    // Snapshots nobody reads are not built: a desktop without a dashboard open stays asleep.
    const TimePoint now = clock_.now();
    if (bus_.hasSubscribers(events::ServiceMetricsSnapshot::topic)) bus_.publish(metrics_.services(now));
    if (bus_.hasSubscribers(events::AgentMetricsSnapshot::topic)) bus_.publish(metrics_.agents(now));
}

void MetricsPublisher::loggedIn(const UserAccount& user, TimePoint at) {
    metrics_.agentLoggedIn(AgentInfo{user.id, user.displayName, user.team, user.skills}, at);
}

void MetricsPublisher::stateChanged(const UserAccount& user, const AgentStatus& status) {
    metrics_.agentState(user.id, status.state, status.reason, status.since);
}

void MetricsPublisher::loggedOut(const UserAccount& user, TimePoint at) { metrics_.agentLoggedOut(user.id, at); }

void MetricsPublisher::queued(const Interaction& interaction, bool requeued) {
    if (requeued) metrics_.requeued(interaction.id, clock_.now());
    else metrics_.queued(interaction.id, interaction.service->id, interaction.queuedAt);
}

void MetricsPublisher::offered(const Interaction& interaction) { metrics_.offered(interaction.id, interaction.offeredAt); }

void MetricsPublisher::answered(const Interaction& interaction) {
    metrics_.answered(interaction.id, interaction.agentId, interaction.answeredAt);
}

void MetricsPublisher::abandoned(const Interaction& interaction, TimePoint at) { metrics_.abandoned(interaction.id, at); }

void MetricsPublisher::ended(const Interaction& interaction, events::EndedBy) {
    metrics_.ended(interaction.id, interaction.endedAt);
}

void MetricsPublisher::completed(const Interaction& interaction, TimePoint at, bool) {
    metrics_.completed(interaction.id, at);
}

}  // namespace agentdesk::engine
