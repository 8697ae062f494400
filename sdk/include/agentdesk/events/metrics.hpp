#pragma once
// Real-time statistics for the dashboard and the wallboard (spec OTHER-*, issue "Wallboard").
// The contact center keeps them up to date from its own events and publishes a snapshot of
// every service and every logged-in agent at a fixed rate (every 2 s of the center's clock).
// Counters cover the current day since the center started; times are milliseconds.

#include "agentdesk/codec.hpp"
#include "agentdesk/types.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace agentdesk::events {

/// One service's figures.
struct ServiceMetrics {
    std::string serviceId;
    std::string name;
    Channel channel = Channel::Voice;
    std::int64_t thresholdMs = 0;        ///< service-level threshold: answered within this counts
    int inQueue = 0;                     ///< waiting now (not counting ones ringing at an agent)
    std::int64_t longestWaitMs = 0;      ///< the oldest waiting one, 0 when none
    int offered = 0;                     ///< arrived today
    int answered = 0;
    int answeredWithinThreshold = 0;
    int abandoned = 0;                   ///< the customer left before being answered
    double serviceLevelPct = -1;         ///< answeredWithinThreshold / (answered + abandoned); -1: no data yet
    std::int64_t averageSpeedOfAnswerMs = 0;  ///< mean wait of the answered ones
    std::int64_t averageHandleTimeMs = 0;     ///< mean of talk + wrap-up of the completed ones
    int completed = 0;
    int agentsReady = 0;                 ///< logged-in agents skilled for the service, by state
    int agentsBusy = 0;
    int agentsAfterCallWork = 0;
    int agentsNotReady = 0;
    MSGPACK_DEFINE_MAP(serviceId, name, channel, thresholdMs, inQueue, longestWaitMs, offered, answered,
                       answeredWithinThreshold, abandoned, serviceLevelPct, averageSpeedOfAnswerMs,
                       averageHandleTimeMs, completed, agentsReady, agentsBusy, agentsAfterCallWork, agentsNotReady)
};

/// Event: every service's figures, published at a fixed rate.
struct ServiceMetricsSnapshot {
    static constexpr std::string_view topic = "metrics.services";
    std::int64_t atMs = 0;
    std::vector<ServiceMetrics> services;  ///< in configuration order
    MSGPACK_DEFINE_MAP(atMs, services)
};

/// One agent's figures for the day.
struct AgentMetrics {
    std::string agentId;
    std::string displayName;
    std::string team;
    AgentState state = AgentState::LoggedOut;
    std::string reason;                  ///< Not Ready reason
    std::int64_t stateSinceMs = 0;
    int handledVoice = 0;                ///< completed interactions, per channel
    int handledChat = 0;
    int handledEmail = 0;
    int handledCampaign = 0;
    std::int64_t averageHandleTimeMs = 0;
    std::int64_t readyMs = 0;            ///< time in each state today, the current one included
    std::int64_t notReadyMs = 0;
    std::int64_t busyMs = 0;
    std::int64_t afterCallWorkMs = 0;
    MSGPACK_DEFINE_MAP(agentId, displayName, team, state, reason, stateSinceMs, handledVoice, handledChat,
                       handledEmail, handledCampaign, averageHandleTimeMs, readyMs, notReadyMs, busyMs,
                       afterCallWorkMs)
};

/// Event: every agent who logged in today, published at a fixed rate.
struct AgentMetricsSnapshot {
    static constexpr std::string_view topic = "metrics.agents";
    std::int64_t atMs = 0;
    std::vector<AgentMetrics> agents;  ///< by display name
    MSGPACK_DEFINE_MAP(atMs, agents)
};

}  // namespace agentdesk::events
