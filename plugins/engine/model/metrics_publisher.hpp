#pragma once
// Feeds the contact center's events into Metrics and publishes the figures on the bus at a fixed
// rate (metrics.services and metrics.agents, every 2 s of the center's clock), for the dashboard
// and the wallboard, when someone subscribes to them. The cost per snapshot is O(services + agents),
// never O(history).

#include "model/contact_center.hpp"
#include "model/metrics.hpp"

#include <agentdesk/bus.hpp>
#include <agentdesk/clock.hpp>

namespace agentdesk::engine {

class MetricsPublisher final : public CenterObserver {
public:
    static constexpr Milliseconds kInterval{2'000};

    /// Observes `center` and publishes on `bus` until destroyed; all must outlive it.
    MetricsPublisher(ContactCenter& center, Bus& bus, const Clock& clock, Timers& timers);
    ~MetricsPublisher() override;
    MetricsPublisher(const MetricsPublisher&) = delete;
    MetricsPublisher& operator=(const MetricsPublisher&) = delete;

    const Metrics& metrics() const { return metrics_; }
    /// Publishes both snapshots now.
    void publish();

    void loggedIn(const UserAccount& user, TimePoint at) override;
    void stateChanged(const UserAccount& user, const AgentStatus& status) override;
    void loggedOut(const UserAccount& user, TimePoint at) override;
    void queued(const Interaction& interaction, bool requeued) override;
    void offered(const Interaction& interaction) override;
    void answered(const Interaction& interaction) override;
    void abandoned(const Interaction& interaction, TimePoint at) override;
    void ended(const Interaction& interaction, events::EndedBy by) override;
    void completed(const Interaction& interaction, TimePoint at, bool byTimeout) override;

private:
    void schedule();

    ContactCenter& center_;
    Bus& bus_;
    const Clock& clock_;
    Timers& timers_;
    Metrics metrics_;
    Timer next_;
};

}  // namespace agentdesk::engine
