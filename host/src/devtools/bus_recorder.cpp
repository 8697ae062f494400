#include "devtools/bus_recorder.hpp"

#include <nlohmann/json.hpp>

#include <cstring>

namespace agentdesk::host {

namespace {

// A recording is shared in bug reports: values of fields named "password" (or "oldPassword",
// "newPassword", ...) never go into it.
void redactPasswords(nlohmann::json& value) {
    if (value.is_object()) {
        for (auto& [key, field] : value.items()) {
            const bool secret = key == "password" || key.ends_with("Password");
            if (secret && field.is_string()) field = "***";
            else redactPasswords(field);
        }
    } else if (value.is_array()) {
        for (auto& item : value) redactPasswords(item);
    }
}

}  // namespace

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

std::string BusRecorder::line(const Message& message, TimePoint at) {
    nlohmann::json payload;
    try {
        payload = nlohmann::json::from_msgpack(message.payload);
    } catch (const nlohmann::json::exception&) {
        static constexpr char kHex[] = "0123456789abcdef";
        std::string hex;
        for (unsigned char c : message.payload) {
            hex += kHex[c >> 4];
            hex += kHex[c & 0xf];
        }
        payload = {{"undecodable", hex}};
    }
    redactPasswords(payload);
    nlohmann::json line = {{"atMs", toEpochMs(at)},
                           {"topic", message.topic},
                           {"sender", message.sender},
                           {"correlation", message.correlation},
                           {"payload", std::move(payload)}};
    // Replace rather than throw on text that is not UTF-8 (a payload is any bytes).
    return line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace agentdesk::host
