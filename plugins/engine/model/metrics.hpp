#pragma once
// Real-time contact-center statistics for the dashboard and the wallboard (events/metrics.hpp),
// kept up to date incrementally. The contact center reports what happens as it happens, each call
// carrying its own time (no clock is read here), and asks for a snapshot every couple of seconds:
//
//   (queued) --> waiting --offered--> ringing --requeued--> waiting   (rang out or rejected; arrival kept)
//   waiting or ringing --answered--> talking --ended--> wrapping up
//   talking or wrapping up --completed--> gone, handled by the agent who answered
//   waiting or ringing --abandoned--> gone   (the customer left before an answer)
//
// Every figure is a running counter or sum, and the waiting interactions of each service sit in
// arrival order, so a snapshot costs O(services + agents) however long the day has been.
// Interactions are remembered only while live (queued .. completed or abandoned); agents for the
// whole day, so one who logs out keeps their totals and continues them on logging in again.
//
// Events that do not fit (an unknown interaction, agent or service, a step repeated or out of
// order) are ignored: the figures never count anything twice and never crash on odd input.

#include <agentdesk/clock.hpp>
#include <agentdesk/events/metrics.hpp>
#include <agentdesk/types.hpp>

#include <array>
#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace agentdesk::engine {

/// A service as the metrics see it: what it is called, how it reaches agents, who may take it.
struct ServiceInfo {
    std::string id;
    std::string name;
    Channel channel = Channel::Voice;
    Milliseconds serviceLevelThreshold{20'000};  ///< answered within this (inclusive) counts for the service level
    std::vector<std::string> skills;              ///< an agent needs every one of them; none: every agent counts
};

/// An agent as the metrics see them.
struct AgentInfo {
    std::string id;
    std::string displayName;
    std::string team;
    std::vector<std::string> skills;
};

class Metrics {
public:
    /// The services, in the order snapshots list them. A service id given twice keeps its first entry.
    explicit Metrics(std::vector<ServiceInfo> services);
    Metrics(const Metrics&) = delete;  // the display-name order points into the agent map
    Metrics& operator=(const Metrics&) = delete;
    Metrics(Metrics&&) = default;      // map nodes move with the map, so those pointers stay good
    Metrics& operator=(Metrics&&) = default;

    // Interaction lifecycle. Interaction ids are unique; a step that does not follow from the
    // interaction's current one (or names one never queued) is ignored.

    /// An interaction arrived for `serviceId` and waits; it counts as offered to the service.
    void queued(std::string_view interactionId, std::string_view serviceId, TimePoint at);
    /// An offer rang out or was rejected: the interaction waits again, keeping its original arrival time.
    void requeued(std::string_view interactionId, TimePoint at);
    /// The interaction rings at an agent: no longer counted in queue, though its wait goes on.
    void offered(std::string_view interactionId, TimePoint at);
    /// An agent answered (from the queue or while ringing); the wait is `at` minus the arrival time.
    void answered(std::string_view interactionId, std::string_view agentId, TimePoint at);
    /// The customer left before an answer, from the queue or while ringing.
    void abandoned(std::string_view interactionId, TimePoint at);
    /// The conversation is over; wrap-up may follow.
    void ended(std::string_view interactionId, TimePoint at);
    /// Wrap-up is done (or there was none): handle time is `at` minus the answer time, and the
    /// interaction counts as handled by the agent who answered it, on its service's channel.
    void completed(std::string_view interactionId, TimePoint at);

    // Agents.

    /// The agent starts a session, Not Ready "Logged in" until agentState() says otherwise (as the state
    /// machine does). Ignored while logged in.
    /// The name, team and skills given here replace those of an earlier session.
    void agentLoggedIn(const AgentInfo& agent, TimePoint at);
    /// The agent's state (and Not Ready reason) changed. LoggedOut is the same as agentLoggedOut().
    void agentState(std::string_view agentId, AgentState state, std::string_view reason, TimePoint at);
    /// The agent's session ended; their figures stay in the snapshot.
    void agentLoggedOut(std::string_view agentId, TimePoint at);

    // Snapshots: O(services + agents).

    /// Every service's figures at `now`, in configuration order.
    events::ServiceMetricsSnapshot services(TimePoint now) const;
    /// Every agent who logged in today, at `now`, by display name (then id).
    events::AgentMetricsSnapshot agents(TimePoint now) const;
    /// One service's figures at `now`, or nullopt for an unknown id.
    std::optional<events::ServiceMetrics> service(std::string_view serviceId, TimePoint now) const;
    /// One agent's figures at `now`, or nullopt when they have not logged in today.
    std::optional<events::AgentMetrics> agent(std::string_view agentId, TimePoint now) const;

    /// Interactions remembered now: queued and not yet completed or abandoned.
    std::size_t liveInteractions() const { return interactions_.size(); }

private:
    /// Where a live interaction stands.
    enum class Phase { Waiting, Ringing, Talking, WrappingUp };
    /// A waiting interaction in its service's queue: arrival time, then a serial number for ties.
    using QueueKey = std::pair<TimePoint, std::uint64_t>;
    /// Agent states the figures count (Ready, Not Ready, Busy, After Call Work); others have none.
    static constexpr std::size_t countedStates = 4;

    struct Interaction {
        std::size_t service = 0;
        QueueKey arrival;
        Phase phase = Phase::Waiting;
        TimePoint answeredAt{};
        std::string agentId;  ///< who answered
    };

    struct Service {
        ServiceInfo info;
        std::vector<std::string> sortedSkills;
        int offered = 0;
        int answered = 0;
        int answeredWithinThreshold = 0;
        int abandoned = 0;
        int completed = 0;
        std::int64_t waitSumMs = 0;    ///< of the answered ones
        std::int64_t handleSumMs = 0;  ///< of the completed ones
        std::set<QueueKey> waiting;    ///< oldest first
        std::array<int, countedStates> agentsByState{};  ///< logged-in skilled agents, by counted state
    };

    struct Agent {
        AgentInfo info;
        AgentState state = AgentState::LoggedOut;
        std::string reason;
        TimePoint since{};
        std::vector<std::size_t> services;  ///< skilled for these (indices), while logged in
        std::array<int, 4> handledByChannel{};  ///< completed, indexed by Channel
        int handled = 0;
        std::int64_t handleSumMs = 0;
        std::array<std::int64_t, countedStates> closedMsByState{};  ///< finished segments only
    };

    /// Display name, then id: the order of the agent snapshot.
    struct ByDisplayName {
        bool operator()(const Agent* a, const Agent* b) const;
    };

    static std::optional<std::size_t> countedSlot(AgentState state);

    Interaction* findInteraction(std::string_view id);
    Agent* findAgent(std::string_view id);
    void leaveQueue(Interaction& interaction);
    /// Closes the agent's current segment at `at` and moves them (and the per-service counts) to `state`.
    void moveAgent(Agent& agent, AgentState state, std::string_view reason, TimePoint at);
    static events::ServiceMetrics figures(const Service& service, TimePoint now);
    static events::AgentMetrics figures(const Agent& agent, TimePoint now);

    std::vector<Service> services_;                                        // configuration order
    std::map<std::string, std::size_t, std::less<>> serviceIndex_;         // by service id
    std::map<std::string, Interaction, std::less<>> interactions_;         // live ones, by interaction id
    std::map<std::string, Agent, std::less<>> agents_;                     // everyone logged in today, by id
    std::set<const Agent*, ByDisplayName> agentOrder_;                     // the same, for the snapshot
    std::uint64_t nextSerial_ = 0;
};

}  // namespace agentdesk::engine
