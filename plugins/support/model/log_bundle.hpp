#pragma once
// The archive an agent sends the administrator for troubleshooting (spec OTHER-07): a gzipped tar
// with the desktop's log files, the recent bus traffic (in the --record format, so it can be
// replayed with --replay) and a README with what the agent wrote.
//
//   agentdesk-logs/README.txt
//   agentdesk-logs/logs/agentdesk.log, agentdesk.1.log, ...
//   agentdesk-logs/bus-recent.jsonl

#include <agentdesk/bus.hpp>
#include <agentdesk/clock.hpp>

#include <cstddef>
#include <deque>
#include <filesystem>
#include <string>
#include <vector>

namespace agentdesk::support {

/// The last `capacity` messages on the bus, with when they were delivered.
class TrafficRing {
public:
    TrafficRing(Bus& bus, const Clock& clock, std::size_t capacity = 5000);
    /// The messages kept, oldest first, one JSON line each.
    std::vector<std::string> lines() const;
    std::size_t size() const { return kept_.size(); }

private:
    struct Kept {
        Message message;
        TimePoint at;
    };
    const Clock& clock_;
    std::size_t capacity_;
    std::deque<Kept> kept_;
    Subscription everything_;
};

struct BundleContents {
    std::string description;                   ///< what went wrong, as the agent wrote it
    std::string agent;                         ///< who sends it
    std::string version;                       ///< the desktop's version
    TimePoint createdAt{};
    std::filesystem::path logDirectory;        ///< its *.log files go in; "" for none
    std::vector<std::string> traffic;          ///< recent bus traffic, one JSON line each
};

/// What went into a bundle.
struct Bundle {
    std::vector<char> bytes;                   ///< the .tar.gz
    std::vector<std::string> entries;          ///< paths inside, in order
    std::string fileName;                      ///< "agentdesk-logs-20261204-153000.tar.gz"
};

/// Makes the archive. Log files that cannot be read are noted in the README, not fatal; throws
/// std::runtime_error when the archive itself cannot be written.
Bundle makeBundle(const BundleContents& contents);

}  // namespace agentdesk::support
