#include "model/metric.hpp"

#include <cmath>
#include <cstdio>

namespace agentdesk::wallboard {

namespace {

struct MetricInfo {
    Metric metric;
    std::string_view id;
    std::string_view label;
    std::string_view unit;
    bool higherIsBad;
};

constexpr std::array<MetricInfo, kMetricCount> kInfo{{
    {Metric::InQueue, "inQueue", "In queue", "", true},
    {Metric::LongestWait, "longestWait", "Longest wait", "s", true},
    {Metric::ServiceLevel, "serviceLevel", "Service level", "%", false},
    {Metric::AverageSpeedOfAnswer, "asa", "Avg speed of answer", "s", true},
    {Metric::AverageHandleTime, "aht", "Avg handle time", "s", true},
    {Metric::Abandoned, "abandoned", "Abandoned", "", true},
    {Metric::Offered, "offered", "Offered", "", true},
    {Metric::Answered, "answered", "Answered", "", false},
    {Metric::AgentsReady, "agentsReady", "Ready", "", false},
    {Metric::AgentsBusy, "agentsBusy", "Busy", "", true},
    {Metric::AgentsAfterCallWork, "agentsAfterCallWork", "After call work", "", true},
    {Metric::AgentsNotReady, "agentsNotReady", "Not ready", "", true},
}};

const MetricInfo& info(Metric metric) { return kInfo[static_cast<std::size_t>(metric)]; }

double seconds(std::int64_t ms) { return static_cast<double>(ms) / 1000.0; }

}  // namespace

std::string_view metricId(Metric metric) { return info(metric).id; }
std::string_view metricLabel(Metric metric) { return info(metric).label; }
std::string_view metricUnit(Metric metric) { return info(metric).unit; }
bool higherIsBad(Metric metric) { return info(metric).higherIsBad; }

std::optional<Metric> metricFromId(std::string_view id) {
    for (const auto& i : kInfo) {
        if (i.id == id) return i.metric;
    }
    return std::nullopt;
}

std::string knownMetricIds() {
    std::string out;
    for (const auto& i : kInfo) {
        if (!out.empty()) out += ", ";
        out += i.id;
    }
    return out;
}

std::optional<double> valueOf(Metric metric, const events::ServiceMetrics& f) {
    switch (metric) {
        case Metric::InQueue: return f.inQueue;
        case Metric::LongestWait: return seconds(f.longestWaitMs);
        case Metric::ServiceLevel:
            if (f.serviceLevelPct < 0) return std::nullopt;
            return f.serviceLevelPct;
        case Metric::AverageSpeedOfAnswer:
            if (f.answered == 0) return std::nullopt;
            return seconds(f.averageSpeedOfAnswerMs);
        case Metric::AverageHandleTime:
            if (f.completed == 0) return std::nullopt;
            return seconds(f.averageHandleTimeMs);
        case Metric::Abandoned: return f.abandoned;
        case Metric::Offered: return f.offered;
        case Metric::Answered: return f.answered;
        case Metric::AgentsReady: return f.agentsReady;
        case Metric::AgentsBusy: return f.agentsBusy;
        case Metric::AgentsAfterCallWork: return f.agentsAfterCallWork;
        case Metric::AgentsNotReady: return f.agentsNotReady;
    }
    return std::nullopt;
}

Level evaluate(Metric metric, const Threshold& t, double value) {
    if (higherIsBad(metric)) {
        if (value >= t.red) return Level::Red;
        if (value >= t.amber) return Level::Amber;
        return Level::Ok;
    }
    if (value <= t.red) return Level::Red;
    if (value <= t.amber) return Level::Amber;
    return Level::Ok;
}

bool validThreshold(Metric metric, const Threshold& t, std::string& why) {
    char text[200];
    if (!std::isfinite(t.amber) || !std::isfinite(t.red)) {
        why = "amber and red must be numbers";
        return false;
    }
    if (higherIsBad(metric) && t.red < t.amber) {
        std::snprintf(text, sizeof text, "red (%g) must not be below amber (%g): a higher %s is worse", t.red, t.amber,
                      std::string(metricLabel(metric)).c_str());
        why = text;
        return false;
    }
    if (!higherIsBad(metric) && t.red > t.amber) {
        std::snprintf(text, sizeof text, "red (%g) must not be above amber (%g): a lower %s is worse", t.red, t.amber,
                      std::string(metricLabel(metric)).c_str());
        why = text;
        return false;
    }
    return true;
}

std::string formatFigure(Metric metric, std::optional<double> value) {
    if (!value) return "\xe2\x80\x93";  // an en dash: no figure yet
    char out[32];
    const std::string_view unit = metricUnit(metric);
    if (unit == "s") {
        const long long s = std::max(0LL, static_cast<long long>(std::floor(*value)));
        if (s >= 3600) std::snprintf(out, sizeof out, "%lld:%02lld:%02lld", s / 3600, s / 60 % 60, s % 60);
        else std::snprintf(out, sizeof out, "%lld:%02lld", s / 60, s % 60);
    } else if (unit == "%") {
        std::snprintf(out, sizeof out, "%.0f%%", std::floor(*value + 0.5));
    } else {
        std::snprintf(out, sizeof out, "%lld", static_cast<long long>(std::llround(*value)));
    }
    return out;
}

}  // namespace agentdesk::wallboard
