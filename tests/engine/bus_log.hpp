#pragma once
// Records every message on a bus, for engine tests that read what a desktop would see.

#include <agentdesk/bus.hpp>
#include <agentdesk/events/agent.hpp>
#include <agentdesk/events/core.hpp>

#include <doctest/doctest.h>

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace agentdesk::testing {

/// Every message on the bus, in order.
struct BusLog {
    std::vector<Message> messages;
    Subscription subscription;

    explicit BusLog(Bus& bus)
        : subscription(bus.subscribePattern("*", [this](const Message& m) { messages.push_back(m); })) {}

    /// The payloads of type E, in order, each with its envelope.
    template <typename E>
    std::vector<std::pair<E, Message>> all() const {
        std::vector<std::pair<E, Message>> found;
        for (const Message& m : messages) {
            if (m.topic != E::topic) continue;
            E payload;
            REQUIRE(decode(m.payload, payload));
            found.emplace_back(payload, m);
        }
        return found;
    }
    template <typename E>
    std::size_t count() const { return all<E>().size(); }
    /// The last payload of type E and its envelope; fails the test when there is none.
    template <typename E>
    std::pair<E, Message> last() const {
        auto found = all<E>();
        REQUIRE_FALSE(found.empty());
        return found.back();
    }
    /// The error that answered the command sent with `correlation`; nullopt when none did.
    std::optional<events::Error> errorFor(std::uint64_t correlation) const {
        for (const auto& [error, message] : all<events::Error>()) {
            if (message.correlation == correlation) return error;
        }
        return std::nullopt;
    }
    /// Its code only.
    std::optional<std::string> errorCode(std::uint64_t correlation) const {
        auto error = errorFor(correlation);
        return error ? std::optional<std::string>(error->code) : std::nullopt;
    }
    /// Topics of what the engine published, in order (the commands sent to it left out).
    std::vector<std::string> answerTopics() const {
        std::vector<std::string> out;
        for (const Message& m : messages) {
            if (m.topic == events::LoginRequest::topic || m.topic == events::LogoutRequest::topic ||
                m.topic == events::SetState::topic) {
                continue;
            }
            out.push_back(m.topic);
        }
        return out;
    }
    /// Every topic, in order.
    std::vector<std::string> topics() const {
        std::vector<std::string> out;
        for (const Message& m : messages) out.push_back(m.topic);
        return out;
    }
    void clear() { messages.clear(); }
};

}  // namespace agentdesk::testing
