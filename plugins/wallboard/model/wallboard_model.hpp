#pragma once
// The live wallboard (spec OTHER-02): the contact center's metrics.services and metrics.agents
// snapshots turned into what the board shows — each service's figures with their threshold
// levels and the moment one got worse (for the flash), every agent's cell for the grid, counts
// per state and per channel — plus the page rotation. Plain C++ over the bus; the view draws it.
//
// Updates are incremental: a snapshot is matched to what is known by id; only a service whose
// figures changed is evaluated again, only an agent whose state changed moves the counts; nothing
// is recomputed per frame. A contact center of 10,000 agents and 200 services costs O(changes)
// per snapshot beyond reading it.

#include "model/board.hpp"

#include <agentdesk/bus.hpp>
#include <agentdesk/clock.hpp>
#include <agentdesk/events/metrics.hpp>

#include <array>
#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

namespace agentdesk::wallboard {

/// One service as the board shows it.
struct ServiceTile {
    events::ServiceMetrics figures;
    std::array<Level, kMetricCount> levels{};  ///< each metric against its threshold (Ok without one)
    Level worst = Level::Ok;                   ///< of the metrics the board shows anywhere
    std::optional<TimePoint> worsenedAt;       ///< when a figure last crossed into amber or red
};

/// One agent's cell in the grid.
struct AgentCell {
    std::string agentId;
    std::string displayName;
    std::string team;
    AgentState state = AgentState::LoggedOut;
    std::string reason;
    std::int64_t stateSinceMs = 0;
};

/// Agents per state (indexed by AgentState).
using StateCounts = std::array<int, 6>;

class WallboardModel {
public:
    /// Subscribes to the metrics snapshots on `bus` (which makes the contact center publish them).
    WallboardModel(Bus& bus, const Clock& clock, Board board);
    /// A model fed by hand (benchmarks, tests of the pieces) or told to follow() a bus later.
    WallboardModel(const Clock& clock, Board board);

    /// Subscribes to the snapshots on `bus` (the contact center publishes them only while someone does).
    void follow(Bus& bus);
    /// Stops listening; the figures stay as they were.
    void unfollow() { subscriptions_.clear(); }
    bool following() const { return !subscriptions_.empty(); }

    const Board& board() const { return board_; }
    /// Replaces the board: every level is evaluated again against its thresholds.
    void setBoard(Board board);

    /// Takes in a services snapshot; services whose figures changed are evaluated again.
    void applyServices(const events::ServiceMetricsSnapshot& snapshot);
    /// Takes in an agents snapshot; only agents whose state changed move the counts.
    void applyAgents(const events::AgentMetricsSnapshot& snapshot);

    /// Every service, in the contact center's order.
    const std::vector<ServiceTile>& services() const { return services_; }
    const ServiceTile* service(const std::string& serviceId) const;
    /// The services `page` shows (indexes into services()), in the board's order.
    const std::vector<int>& servicesOn(std::size_t page) const;
    /// Every agent, by display name.
    const std::vector<AgentCell>& agents() const { return agents_; }
    /// The agents `page` shows (indexes into agents()).
    const std::vector<int>& agentsOn(std::size_t page) const;
    /// Logged-in agents per state, across the center.
    const StateCounts& stateCounts() const { return stateCounts_; }
    /// Waiting now per channel (indexed by Channel), across every service.
    const std::array<int, 4>& inQueueByChannel() const { return inQueueByChannel_; }

    /// True while `tile` flashes: a figure got worse less than the board's flashSeconds ago.
    bool flashing(const ServiceTile& tile, TimePoint now) const;
    /// When the last flash ends (for the view's animation timer); nullopt when none flashes.
    std::optional<TimePoint> flashEnds(TimePoint now) const;

    /// When the last snapshot was taken by the contact center; nullopt before the first.
    std::optional<TimePoint> updatedAt() const { return updatedAt_; }
    /// Grows with every change the view should draw.
    std::uint64_t revision() const { return revision_; }


private:
    void evaluate(ServiceTile& tile, TimePoint now, bool fresh);
    void rebuildPages();

    const Clock& clock_;
    Board board_;
    std::array<bool, kMetricCount> shown_{};  // metrics some page shows: they make a tile's colour
    std::vector<ServiceTile> services_;
    std::unordered_map<std::string, int> serviceIndex_;
    std::vector<AgentCell> agents_;
    std::unordered_map<std::string, int> agentIndex_;
    std::vector<std::vector<int>> servicesOnPage_;
    std::vector<std::vector<int>> agentsOnPage_;
    StateCounts stateCounts_{};
    std::array<int, 4> inQueueByChannel_{};
    std::optional<TimePoint> updatedAt_;
    std::optional<TimePoint> lastWorsened_;
    std::uint64_t revision_ = 0;
    std::vector<Subscription> subscriptions_;
};

/// Which page (and which screenful of it) the wallboard shows: each screenful stays
/// rotateSeconds, then the next; a page of 500 agents where 120 fit shows five screenfuls.
class PageRotation {
public:
    struct Position {
        std::size_t page = 0;
        int screen = 0;  ///< 0-based screenful within the page
        friend bool operator==(const Position&, const Position&) = default;
    };

    explicit PageRotation(Milliseconds interval = std::chrono::seconds(15)) : interval_(interval) {}

    void setInterval(Milliseconds interval) { interval_ = interval; }
    /// How many pages there are; the position is kept when still valid.
    void setPageCount(std::size_t pages);
    /// How many screenfuls the current page needs (the view knows what fits).
    void setScreens(int screens);
    /// Moves on when the interval has passed since the last move (the first call starts the clock).
    Position advance(TimePoint now);
    /// Moves on at once (a key press); restarts the interval.
    Position next(TimePoint now);
    /// Back one screenful or page.
    Position previous(TimePoint now);
    /// Holds the current page until resumed.
    void setPaused(bool paused) { paused_ = paused; }
    bool paused() const { return paused_; }
    Position position() const { return position_; }
    /// When the next move is due; nullopt while paused or with a single screenful.
    std::optional<TimePoint> nextMove() const;

private:
    Milliseconds interval_;
    std::size_t pages_ = 1;
    int screens_ = 1;
    Position position_;
    std::optional<TimePoint> shownSince_;
    bool paused_ = false;
};

}  // namespace agentdesk::wallboard
