#pragma once
// --record FILE: every message on the bus, written as it is delivered, one JSON object a line —
// to read what plugins said to each other, diff two runs, or attach to a bug report:
//
//     {"atMs":1767600000000,"topic":"agent.state.set","sender":"agent","correlation":7,"payload":{...}}
//
// atMs is the desktop's clock (virtual in scenarios, so two runs of a scenario record the same
// times); payload is the msgpack map as JSON, or {"undecodable": "<hex>"} when it is not msgpack.
// Fields named "password" or "...Password" are written as "***".

#include <agentdesk/bus.hpp>
#include <agentdesk/clock.hpp>

#include <cstddef>
#include <filesystem>
#include <fstream>
#include <string>

namespace agentdesk::host {

class BusRecorder {
public:
    /// Starts recording into `file` (replaced if it exists). Check ok() afterwards.
    BusRecorder(Bus& bus, const Clock& clock, const std::filesystem::path& file);

    /// False when the file could not be opened; error() says why, for the user.
    bool ok() const { return error_.empty(); }
    const std::string& error() const { return error_; }
    /// Messages written so far.
    std::size_t written() const { return written_; }

    /// One message as its line (without the newline).
    static std::string line(const Message& message, TimePoint at);

private:
    const Clock& clock_;
    std::ofstream out_;
    std::string error_;
    std::size_t written_ = 0;
    Subscription everything_;  // last: it ends before the file closes
};

}  // namespace agentdesk::host
