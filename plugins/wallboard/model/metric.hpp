#pragma once
// The figures a wallboard tile can show (spec OTHER-02), how each reads, and how thresholds turn
// one amber or red. Plain C++: no ImGui, no bus.
//
// A threshold has an amber and a red boundary. Whether a larger value is worse depends on the
// metric: a longer wait is worse (higher is bad), a lower service level is worse (lower is bad).
// Reaching a boundary counts as crossing it: with amber 60 s, a longest wait of exactly 60 s is amber.

#include <agentdesk/events/metrics.hpp>

#include <array>
#include <optional>
#include <string>
#include <string_view>

namespace agentdesk::wallboard {

/// One figure of a service.
enum class Metric {
    InQueue,               ///< waiting now
    LongestWait,           ///< seconds the oldest waiting one has waited
    ServiceLevel,          ///< percent answered within the service's threshold
    AverageSpeedOfAnswer,  ///< seconds
    AverageHandleTime,     ///< seconds
    Abandoned,             ///< count today
    Offered,               ///< count today
    Answered,              ///< count today
    AgentsReady,
    AgentsBusy,
    AgentsAfterCallWork,
    AgentsNotReady,
};
inline constexpr std::size_t kMetricCount = 12;

/// Every metric, in the order an editor lists them.
inline constexpr std::array<Metric, kMetricCount> kAllMetrics{
    Metric::InQueue,           Metric::LongestWait, Metric::ServiceLevel, Metric::AverageSpeedOfAnswer,
    Metric::AverageHandleTime, Metric::Abandoned,   Metric::Offered,      Metric::Answered,
    Metric::AgentsReady,       Metric::AgentsBusy,  Metric::AgentsAfterCallWork, Metric::AgentsNotReady};

/// How a figure is coloured against its thresholds.
enum class Level { Ok, Amber, Red };

/// The amber and red boundaries of one metric (in the metric's unit: seconds, percent, count).
struct Threshold {
    double amber = 0;
    double red = 0;
    friend bool operator==(const Threshold&, const Threshold&) = default;
};

/// The id used in board files: "inQueue", "longestWait", "serviceLevel", "asa", "aht", ...
std::string_view metricId(Metric metric);
/// The metric with that id, if any.
std::optional<Metric> metricFromId(std::string_view id);
/// Every id, comma separated, for error messages.
std::string knownMetricIds();
/// A short label for a tile: "In queue", "Longest wait", "Service level", "ASA", ...
std::string_view metricLabel(Metric metric);
/// The unit a board file writes thresholds in: "s", "%" or "" (a count).
std::string_view metricUnit(Metric metric);
/// True when a larger value is worse (waits, queues); false for service level and Ready agents.
bool higherIsBad(Metric metric);

/// The value of `metric` in a service's figures, in its unit; nullopt when there is none yet
/// (a service level before anything was answered or abandoned).
std::optional<double> valueOf(Metric metric, const events::ServiceMetrics& figures);

/// Ok, Amber or Red for `value` against `threshold`, in the metric's direction.
Level evaluate(Metric metric, const Threshold& threshold, double value);

/// True when `threshold` is ordered the metric's way (red beyond amber); otherwise `why` says how.
bool validThreshold(Metric metric, const Threshold& threshold, std::string& why);

/// A figure as the wallboard shows it: "12", "2:25", "33%"; "–" when there is no value.
std::string formatFigure(Metric metric, std::optional<double> value);

}  // namespace agentdesk::wallboard
