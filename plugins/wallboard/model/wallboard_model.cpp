#include "model/wallboard_model.hpp"

#include <algorithm>

namespace agentdesk::wallboard {

namespace {

bool sameFigures(const events::ServiceMetrics& a, const events::ServiceMetrics& b) {
    return a.inQueue == b.inQueue && a.longestWaitMs == b.longestWaitMs && a.offered == b.offered &&
           a.answered == b.answered && a.answeredWithinThreshold == b.answeredWithinThreshold &&
           a.abandoned == b.abandoned && a.serviceLevelPct == b.serviceLevelPct &&
           a.averageSpeedOfAnswerMs == b.averageSpeedOfAnswerMs && a.averageHandleTimeMs == b.averageHandleTimeMs &&
           a.completed == b.completed && a.agentsReady == b.agentsReady && a.agentsBusy == b.agentsBusy &&
           a.agentsAfterCallWork == b.agentsAfterCallWork && a.agentsNotReady == b.agentsNotReady &&
           a.thresholdMs == b.thresholdMs && a.name == b.name && a.channel == b.channel;
}

std::size_t stateSlot(AgentState s) { return static_cast<std::size_t>(s); }
std::size_t channelSlot(Channel c) { return static_cast<std::size_t>(c); }

}  // namespace

WallboardModel::WallboardModel(Bus& bus, const Clock& clock, Board board) : WallboardModel(clock, std::move(board)) {
    follow(bus);
}

WallboardModel::WallboardModel(const Clock& clock, Board board) : clock_(clock) { setBoard(std::move(board)); }

void WallboardModel::follow(Bus& bus) {
    if (following()) return;
    subscriptions_.push_back(bus.subscribe<events::ServiceMetricsSnapshot>(
        [this](const events::ServiceMetricsSnapshot& s) { applyServices(s); }));
    subscriptions_.push_back(
        bus.subscribe<events::AgentMetricsSnapshot>([this](const events::AgentMetricsSnapshot& s) { applyAgents(s); }));
}

void WallboardModel::setBoard(Board board) {
    board_ = std::move(board);
    shown_.fill(false);
    for (const Page& p : board_.pages) {
        for (Metric m : p.metrics) shown_[static_cast<std::size_t>(m)] = true;
    }
    const TimePoint now = clock_.now();
    for (ServiceTile& tile : services_) evaluate(tile, now, /*fresh=*/true);
    lastWorsened_.reset();
    rebuildPages();
    ++revision_;
}

void WallboardModel::evaluate(ServiceTile& tile, TimePoint now, bool fresh) {
    Level worst = Level::Ok;
    bool worsened = false;
    for (Metric m : kAllMetrics) {
        const auto slot = static_cast<std::size_t>(m);
        Level level = Level::Ok;
        if (const Threshold* t = board_.thresholdFor(tile.figures.serviceId, m)) {
            if (auto value = valueOf(m, tile.figures)) level = wallboard::evaluate(m, *t, *value);
        }
        if (shown_[slot]) {
            if (level > tile.levels[slot]) worsened = true;
            worst = std::max(worst, level);
        }
        tile.levels[slot] = level;
    }
    tile.worst = worst;
    if (worsened && !fresh) {
        tile.worsenedAt = now;
        lastWorsened_ = now;
    }
}


void WallboardModel::applyServices(const events::ServiceMetricsSnapshot& snapshot) {
    const TimePoint now = clock_.now();
    bool added = false;
    bool changed = false;
    for (const events::ServiceMetrics& s : snapshot.services) {
        auto it = serviceIndex_.find(s.serviceId);
        if (it == serviceIndex_.end()) {
            serviceIndex_.emplace(s.serviceId, static_cast<int>(services_.size()));
            ServiceTile tile;
            tile.figures = s;
            evaluate(tile, now, /*fresh=*/true);
            inQueueByChannel_[channelSlot(s.channel)] += s.inQueue;
            services_.push_back(std::move(tile));
            added = changed = true;
            continue;
        }
        ServiceTile& tile = services_[static_cast<std::size_t>(it->second)];
        if (sameFigures(tile.figures, s)) continue;
        inQueueByChannel_[channelSlot(tile.figures.channel)] -= tile.figures.inQueue;
        inQueueByChannel_[channelSlot(s.channel)] += s.inQueue;
        tile.figures = s;
        evaluate(tile, now, /*fresh=*/false);
        changed = true;
    }
    if (added) rebuildPages();
    updatedAt_ = fromEpochMs(snapshot.atMs);
    if (changed) ++revision_;
}

void WallboardModel::applyAgents(const events::AgentMetricsSnapshot& snapshot) {
    bool rebuild = snapshot.agents.size() != agents_.size();
    bool changed = false;
    if (!rebuild) {
        for (const events::AgentMetrics& a : snapshot.agents) {
            auto it = agentIndex_.find(a.agentId);
            if (it == agentIndex_.end()) {
                rebuild = true;
                break;
            }
            AgentCell& cell = agents_[static_cast<std::size_t>(it->second)];
            if (cell.state == a.state && cell.stateSinceMs == a.stateSinceMs && cell.reason == a.reason) continue;
            if ((cell.state == AgentState::LoggedOut) != (a.state == AgentState::LoggedOut)) rebuild = true;
            --stateCounts_[stateSlot(cell.state)];
            ++stateCounts_[stateSlot(a.state)];
            cell.state = a.state;
            cell.reason = a.reason;
            cell.stateSinceMs = a.stateSinceMs;
            changed = true;
        }
    }
    if (rebuild) {
        // Someone new (or gone): take the snapshot's order (by display name) as it is, and count again.
        agents_.clear();
        agentIndex_.clear();
        stateCounts_.fill(0);
        agents_.reserve(snapshot.agents.size());
        for (const events::AgentMetrics& a : snapshot.agents) {
            agentIndex_.emplace(a.agentId, static_cast<int>(agents_.size()));
            agents_.push_back(AgentCell{a.agentId, a.displayName, a.team, a.state, a.reason, a.stateSinceMs});
            ++stateCounts_[stateSlot(a.state)];
        }
        rebuildPages();
        changed = true;
    }
    if (changed) ++revision_;
}

void WallboardModel::rebuildPages() {
    servicesOnPage_.assign(board_.pages.size(), {});
    agentsOnPage_.assign(board_.pages.size(), {});
    for (std::size_t p = 0; p < board_.pages.size(); ++p) {
        const Page& page = board_.pages[p];
        if (page.kind == PageKind::Services) {
            auto& list = servicesOnPage_[p];
            if (page.services.empty()) {
                for (int i = 0; i < static_cast<int>(services_.size()); ++i) list.push_back(i);
            } else {
                for (const std::string& id : page.services) {
                    if (auto it = serviceIndex_.find(id); it != serviceIndex_.end()) list.push_back(it->second);
                }
            }
        } else {
            auto& list = agentsOnPage_[p];
            for (int i = 0; i < static_cast<int>(agents_.size()); ++i) {
                const AgentCell& a = agents_[static_cast<std::size_t>(i)];
                if (a.state == AgentState::LoggedOut) continue;
                if (!page.teams.empty() && std::find(page.teams.begin(), page.teams.end(), a.team) == page.teams.end()) {
                    continue;
                }
                list.push_back(i);
            }
        }
    }
}

const ServiceTile* WallboardModel::service(const std::string& serviceId) const {
    auto it = serviceIndex_.find(serviceId);
    return it == serviceIndex_.end() ? nullptr : &services_[static_cast<std::size_t>(it->second)];
}

const std::vector<int>& WallboardModel::servicesOn(std::size_t page) const {
    static const std::vector<int> none;
    return page < servicesOnPage_.size() ? servicesOnPage_[page] : none;
}

const std::vector<int>& WallboardModel::agentsOn(std::size_t page) const {
    static const std::vector<int> none;
    return page < agentsOnPage_.size() ? agentsOnPage_[page] : none;
}

bool WallboardModel::flashing(const ServiceTile& tile, TimePoint now) const {
    return tile.worsenedAt && tile.worst != Level::Ok && now - *tile.worsenedAt < std::chrono::seconds(board_.flashSeconds);
}

std::optional<TimePoint> WallboardModel::flashEnds(TimePoint now) const {
    if (!lastWorsened_) return std::nullopt;
    const TimePoint end = *lastWorsened_ + std::chrono::seconds(board_.flashSeconds);
    return end > now ? std::optional(end) : std::nullopt;
}

// ---- PageRotation -------------------------------------------------------------------------------

void PageRotation::setPageCount(std::size_t pages) {
    pages_ = std::max<std::size_t>(1, pages);
    if (position_.page >= pages_) position_ = {};
}

void PageRotation::setScreens(int screens) {
    screens_ = std::max(1, screens);
    if (position_.screen >= screens_) position_.screen = 0;
}

PageRotation::Position PageRotation::advance(TimePoint now) {
    if (!shownSince_) shownSince_ = now;
    if (paused_ || (pages_ == 1 && screens_ == 1)) {
        shownSince_ = now;  // a single screenful stays; the interval starts again when there is more
        return position_;
    }
    if (now - *shownSince_ >= interval_) return next(now);
    return position_;
}

PageRotation::Position PageRotation::next(TimePoint now) {
    if (position_.screen + 1 < screens_) {
        ++position_.screen;
    } else {
        position_.screen = 0;
        position_.page = (position_.page + 1) % pages_;
        screens_ = 1;  // the view tells how many the new page needs
    }
    shownSince_ = now;
    return position_;
}

PageRotation::Position PageRotation::previous(TimePoint now) {
    if (position_.screen > 0) {
        --position_.screen;
    } else {
        position_.page = (position_.page + pages_ - 1) % pages_;
        position_.screen = 0;
        screens_ = 1;
    }
    shownSince_ = now;
    return position_;
}

std::optional<TimePoint> PageRotation::nextMove() const {
    if (paused_ || !shownSince_ || (pages_ == 1 && screens_ == 1)) return std::nullopt;
    return *shownSince_ + interval_;
}

}  // namespace agentdesk::wallboard
