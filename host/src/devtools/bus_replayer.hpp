#pragma once
// --replay FILE: puts a recording made with --record back on the bus — every message with its
// topic, sender, correlation id and payload, at its recorded distance from the first — so a
// desktop shows again what another one saw (a bug report, a demo). Start it with the plugins
// that produced the traffic disabled (usually --disable-plugin engine), or they answer the
// replayed commands a second time.

#include <agentdesk/bus.hpp>
#include <agentdesk/clock.hpp>

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace agentdesk::host {

class BusReplayer {
public:
    /// Reads the recording. Check ok() afterwards.
    explicit BusReplayer(const std::filesystem::path& file);

    /// False when the file could not be read; error() names the file and the line, for the user.
    bool ok() const { return error_.empty(); }
    const std::string& error() const { return error_; }
    /// Messages in the recording.
    std::size_t size() const { return entries_.size(); }
    /// Messages published so far.
    std::size_t replayed() const { return next_; }

    /// Publishes the first messages now (by `timers`' clock, `now`) and the others as their time comes.
    void start(Bus& bus, Timers& timers, TimePoint now);

private:
    struct Entry {
        std::int64_t offsetMs = 0;  ///< after the recording's first message
        Message message;
    };
    void publishDue();

    std::vector<Entry> entries_;
    std::string error_;
    Bus* bus_ = nullptr;
    Timers* timers_ = nullptr;
    TimePoint startedAt_{};
    std::size_t next_ = 0;
    Timer timer_;  // the next message's time
};

}  // namespace agentdesk::host
