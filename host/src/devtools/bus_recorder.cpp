#include "devtools/bus_recorder.hpp"

#include <agentdesk/recording.hpp>

#include <cstring>

namespace agentdesk::host {

BusRecorder::BusRecorder(Bus& bus, const Clock& clock, const std::filesystem::path& file) : clock_(clock) {
    out_.open(file, std::ios::out | std::ios::trunc | std::ios::binary);
    if (!out_) {
        error_ = "cannot write the recording " + file.string() + ": " + std::strerror(errno);
        return;
    }
    everything_ = bus.subscribePattern("*", [this](const Message& m) {
        // Flushed per line: a recording is most useful after a crash.
        out_ << line(m, clock_.now()) << '\n' << std::flush;
        ++written_;
    });
}

std::string BusRecorder::line(const Message& message, TimePoint at) { return recordingLine(message, at); }

}  // namespace agentdesk::host
