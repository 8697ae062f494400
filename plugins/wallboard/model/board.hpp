#pragma once
// A board: what a wallboard shows, as a JSON file a supervisor can write or edit in the desktop
// (see assets/boards/default.json and README "Wallboard and dashboard").
//
//   {"version": 1, "name": "Contact center", "rotateSeconds": 15, "flashSeconds": 10,
//    "tickerSeconds": 8, "ticker": ["Team Blue won the month!"],
//    "thresholds": {"longestWait": {"amber": 60, "red": 120}, "serviceLevel": {"amber": 80, "red": 70}},
//    "serviceThresholds": {"billing-voice": {"longestWait": {"amber": 30, "red": 60}}},
//    "pages": [{"title": "Voice", "kind": "services", "services": ["sales-voice"], "metrics": ["inQueue", ...]},
//              {"title": "Agents", "kind": "agents", "teams": ["Team Blue"]}]}
//
// Thresholds are in the metric's unit (seconds, percent, count). Reading a file never throws: a
// file that cannot be used comes back with a message naming the file and the field.

#include "model/metric.hpp"

#include <nlohmann/json_fwd.hpp>

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace agentdesk::wallboard {

/// What a page shows.
enum class PageKind { Services, Agents };

/// One page of the rotation.
struct Page {
    std::string title;
    PageKind kind = PageKind::Services;
    std::vector<std::string> services;  ///< service ids in display order; empty: every service
    std::vector<Metric> metrics;        ///< the figures of each service tile, first one shown largest
    std::vector<std::string> teams;     ///< agents page: these teams only; empty: everyone
    friend bool operator==(const Page&, const Page&) = default;
};

/// A whole board.
struct Board {
    static constexpr int kVersion = 1;
    std::string name = "Contact center";
    int rotateSeconds = 15;             ///< each page (and each screenful of a long page) stays this long
    int flashSeconds = 10;              ///< a tile flashes this long after one of its figures got worse
    int tickerSeconds = 8;              ///< each ticker line stays this long
    std::vector<std::string> ticker;    ///< news lines at the bottom
    std::map<Metric, Threshold> thresholds;  ///< for every service
    std::map<std::string, std::map<Metric, Threshold>> serviceThresholds;  ///< per service, over the above
    std::vector<Page> pages;
    friend bool operator==(const Board&, const Board&) = default;

    /// The threshold that applies to `metric` of `serviceId`, if any.
    const Threshold* thresholdFor(const std::string& serviceId, Metric metric) const;
};

/// The board used when no file is given or the given one cannot be used: every service with the
/// usual figures, then the agents, with common thresholds.
Board defaultBoard();

/// The result of reading a board: a board, or a message for the user (and no board).
struct BoardRead {
    std::optional<Board> board;
    std::string error;
};

/// Reads a board from JSON; unknown metrics, misordered thresholds and wrong types are errors
/// naming the field ("pages[1].metrics[2]: unknown metric 'longwait' ...").
BoardRead boardFromJson(const nlohmann::json& json);
/// The JSON form of a board; boardFromJson(toJson(b)) gives b back.
nlohmann::json toJson(const Board& board);

/// Reads a board file; a missing, unreadable or invalid file comes back with a message naming it.
BoardRead loadBoardFile(const std::filesystem::path& file);
/// Writes a board file atomically (a temporary beside it, then renamed); false with `error` set on failure.
bool saveBoardFile(const std::filesystem::path& file, const Board& board, std::string& error);

}  // namespace agentdesk::wallboard
