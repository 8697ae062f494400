#pragma once
// Bus traffic as text: one message as one JSON object a line, the format of `--record FILE` and of
// the recent traffic in a log bundle, which `--replay FILE` reads back:
//
//     {"atMs":1767600000000,"topic":"agent.state.set","sender":"agent","correlation":7,"payload":{...}}
//
// payload is the msgpack map as JSON, or {"undecodable": "<hex>"} when it is not msgpack. Values
// of fields named "password" or "...Password" (oldPassword, newPassword) are written as "***":
// recordings go into bug reports.

#include "agentdesk/bus.hpp"
#include "agentdesk/clock.hpp"

#include <nlohmann/json.hpp>

#include <string>

namespace agentdesk {

namespace detail {

inline void redactPasswords(nlohmann::json& value) {
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

}  // namespace detail

/// One message, delivered at `at`, as its line (without the newline).
inline std::string recordingLine(const Message& message, TimePoint at) {
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
    detail::redactPasswords(payload);
    nlohmann::json line = {{"atMs", toEpochMs(at)},
                           {"topic", message.topic},
                           {"sender", message.sender},
                           {"correlation", message.correlation},
                           {"payload", std::move(payload)}};
    // Replace rather than throw on text that is not UTF-8 (a payload is any bytes).
    return line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace agentdesk
