#pragma once
// The event bus: the only way plugins talk to each other and to the contact center.
//
// A message has a stable topic ("agent.state.changed"), a msgpack-map payload, a correlation id and
// the id of the plugin that sent it. Topics come in two kinds:
//   - commands ask for something ("agent.state.set"); the owner answers with an event, or with an
//     `error` event (events/core.hpp) that carries the command's correlation id and a message
//     written for the agent;
//   - events state facts ("agent.state.changed").
// Publishing is thread-safe. Delivery happens on the UI thread, in publish order, when the host
// dispatches (once per frame); a synchronous bus (runtime/event_bus.hpp) delivers at once for tests.
// Subscribing and unsubscribing happen on the UI thread.

#include "agentdesk/codec.hpp"

#include <concepts>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <utility>

namespace agentdesk {

/// One message on the bus, with its payload still encoded.
struct Message {
    std::string topic;           ///< e.g. "voice.call.offered"
    std::string payload;         ///< msgpack-encoded map
    std::uint64_t correlation = 0;  ///< ties an answer (event or error) to the command that caused it
    std::string sender;          ///< plugin id of the publisher ("host" for the host itself)
};

/// A payload type that knows its topic: a struct with `static constexpr std::string_view topic`
/// and MSGPACK_DEFINE_MAP.
template <typename E>
concept BusEvent = requires {
    { E::topic } -> std::convertible_to<std::string_view>;
};

using SubscriptionId = std::uint64_t;
using RawHandler = std::function<void(const Message&)>;

class Bus;

/// Unsubscribes when destroyed. Movable, not copyable. Keep it as a member of what handles the events.
class Subscription {
public:
    Subscription() = default;
    Subscription(Bus* bus, SubscriptionId id) : bus_(bus), id_(id) {}
    Subscription(Subscription&& other) noexcept : bus_(std::exchange(other.bus_, nullptr)), id_(other.id_) {}
    Subscription& operator=(Subscription&& other) noexcept {
        if (this != &other) {
            reset();
            bus_ = std::exchange(other.bus_, nullptr);
            id_ = other.id_;
        }
        return *this;
    }
    Subscription(const Subscription&) = delete;
    Subscription& operator=(const Subscription&) = delete;
    ~Subscription() { reset(); }

    /// Stops delivery now.
    void reset();
    /// True while subscribed.
    explicit operator bool() const { return bus_ != nullptr; }

private:
    Bus* bus_ = nullptr;
    SubscriptionId id_ = 0;
};

/// The bus interface handed to plugins. Topic patterns: an exact topic, a prefix ending in ".*"
/// ("voice.*" matches "voice.call.offered"), or "*" for everything.
class Bus {
public:
    virtual ~Bus() = default;

    /// Queues a message for delivery. Thread-safe. The sender field is filled in by the bus a plugin holds.
    virtual void publishRaw(Message message) = 0;
    /// Calls `handler` for every message whose topic matches `pattern`. UI thread only.
    virtual SubscriptionId subscribeRaw(std::string pattern, RawHandler handler) = 0;
    /// Stops a subscription; safe to call from inside a handler. UI thread only.
    virtual void unsubscribe(SubscriptionId id) = 0;
    /// A fresh correlation id for a command, unique for this bus.
    virtual std::uint64_t nextCorrelation() = 0;
    /// Reports a payload that could not be decoded into the type a subscriber expected.
    virtual void reportMalformed(const Message& message, std::string_view what) = 0;
    /// True when some subscription (exact or pattern) would receive `topic`. UI thread only. Lets a
    /// producer skip building periodic messages nobody reads, so an idle desktop stays asleep.
    virtual bool hasSubscribers(std::string_view topic) const = 0;

    /// Publishes a typed payload and returns its correlation id (a fresh one unless given).
    template <BusEvent E>
    std::uint64_t publish(const E& payload, std::uint64_t correlation = 0) {
        if (correlation == 0) correlation = nextCorrelation();
        publishRaw(Message{std::string(E::topic), encode(payload), correlation, {}});
        return correlation;
    }

    /// Subscribes to a typed payload; the handler also receives the envelope (correlation, sender).
    template <BusEvent E, typename F>
        requires std::invocable<F&, const E&, const Message&>
    [[nodiscard]] Subscription subscribe(F handler) {
        return Subscription(this, subscribeRaw(std::string(E::topic),
                                               [this, handler = std::move(handler)](const Message& m) mutable {
                                                   E payload{};
                                                   std::string error;
                                                   if (decode(m.payload, payload, &error)) {
                                                       handler(payload, m);
                                                   } else {
                                                       reportMalformed(m, error);
                                                   }
                                               }));
    }

    /// Subscribes to a typed payload when the envelope is not needed.
    template <BusEvent E, typename F>
        requires std::invocable<F&, const E&>
    [[nodiscard]] Subscription subscribe(F handler) {
        return subscribe<E>([handler = std::move(handler)](const E& e, const Message&) mutable { handler(e); });
    }

    /// Subscribes to raw messages by pattern (inspectors, recorders, bridges).
    [[nodiscard]] Subscription subscribePattern(std::string pattern, RawHandler handler) {
        return Subscription(this, subscribeRaw(std::move(pattern), std::move(handler)));
    }
};

inline void Subscription::reset() {
    if (bus_) {
        bus_->unsubscribe(id_);
        bus_ = nullptr;
    }
}

/// True when `topic` matches a subscription pattern (exact, "prefix.*" or "*").
inline bool topicMatches(std::string_view pattern, std::string_view topic) {
    if (pattern == "*") return true;
    if (pattern.size() >= 2 && pattern.ends_with(".*")) {
        std::string_view prefix = pattern.substr(0, pattern.size() - 1);  // keeps the dot
        return topic.starts_with(prefix);
    }
    return pattern == topic;
}

}  // namespace agentdesk
