#pragma once
// The concrete event bus the host runs, also usable on its own in plugin unit tests.

#include "agentdesk/bus.hpp"

#include <atomic>
#include <deque>
#include <memory>
#include <mutex>
#include <unordered_map>
#include <vector>

namespace agentdesk {

/// In-process bus. Queued delivery (the desktop) holds messages until dispatch() on the UI thread;
/// synchronous delivery (tests) dispatches inside publish, still in order: a message published
/// by a handler is delivered after the current one, never nested inside it.
class EventBus final : public Bus {
public:
    enum class Delivery { Queued, Synchronous };
    /// Called for a payload a subscriber could not decode, or a handler that threw.
    using ProblemSink = std::function<void(const Message&, std::string_view problem)>;

    explicit EventBus(Delivery delivery = Delivery::Queued);
    ~EventBus() override;

    void publishRaw(Message message) override;
    SubscriptionId subscribeRaw(std::string pattern, RawHandler handler) override;
    void unsubscribe(SubscriptionId id) override;
    std::uint64_t nextCorrelation() override;
    void reportMalformed(const Message& message, std::string_view what) override;
    bool hasSubscribers(std::string_view topic) const override;

    /// Delivers every queued message, including those published while delivering. Returns how many.
    std::size_t dispatch();
    /// True when messages wait for dispatch(). Thread-safe.
    bool hasPending() const;
    /// Called after every publish, from the publishing thread (the host wakes its frame loop).
    void setWakeCallback(std::function<void()> wake);
    /// Where malformed payloads and throwing handlers are reported (default: stderr).
    void setProblemSink(ProblemSink sink);
    /// Number of live subscriptions (for the inspector and tests).
    std::size_t subscriptionCount() const;

private:
    struct Entry {
        SubscriptionId id;
        std::string pattern;
        std::shared_ptr<RawHandler> handler;  // shared so a handler survives being unsubscribed mid-call
    };

    void deliver(const Message& message);
    void callHandler(const Entry& entry, const Message& message);
    void compact();

    Delivery delivery_;
    mutable std::mutex queueMutex_;
    std::deque<Message> queue_;
    std::atomic<std::uint64_t> nextCorrelation_{1};
    std::unordered_map<std::string, std::vector<Entry>> exact_;
    std::vector<Entry> patterns_;  // "prefix.*" and "*"
    std::unordered_map<SubscriptionId, std::string> topicOf_;  // id -> exact topic, or "" for patterns
    SubscriptionId nextId_ = 1;
    int dispatchDepth_ = 0;
    bool needsCompaction_ = false;
    std::function<void()> wake_;
    ProblemSink problemSink_;
};

/// A bus that forwards to another, stamps its sender id on every message, and ends every
/// subscription made through it when destroyed (a plugin that unloads leaves nothing behind).
/// `allowPublish` (optional) enforces a plugin's declared capabilities.
class SenderBus final : public Bus {
public:
    SenderBus(Bus& target, std::string sender);
    ~SenderBus() override;

    /// Refuses publishes for which `allow(topic)` is false; refused messages go to `refused`.
    void setPublishFilter(std::function<bool(std::string_view)> allow,
                          std::function<void(const Message&)> refused);
    /// Ends every subscription made through this bus.
    void unsubscribeAll();

    void publishRaw(Message message) override;
    SubscriptionId subscribeRaw(std::string pattern, RawHandler handler) override;
    void unsubscribe(SubscriptionId id) override;
    std::uint64_t nextCorrelation() override;
    void reportMalformed(const Message& message, std::string_view what) override;
    bool hasSubscribers(std::string_view topic) const override;

private:
    Bus& target_;
    std::string sender_;
    std::vector<SubscriptionId> owned_;
    std::function<bool(std::string_view)> allow_;
    std::function<void(const Message&)> refused_;
};

}  // namespace agentdesk
