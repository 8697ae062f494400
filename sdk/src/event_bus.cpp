#include "agentdesk/runtime/event_bus.hpp"

#include <algorithm>
#include <cstdio>
#include <string>

namespace agentdesk {

namespace {

bool isPattern(std::string_view pattern) { return pattern == "*" || pattern.ends_with(".*"); }

}  // namespace

EventBus::EventBus(Delivery delivery) : delivery_(delivery) {}

EventBus::~EventBus() = default;

void EventBus::publishRaw(Message message) {
    {
        std::lock_guard lock(queueMutex_);
        queue_.push_back(std::move(message));
    }
    if (wake_) wake_();
    if (delivery_ == Delivery::Synchronous && dispatchDepth_ == 0) dispatch();
}

SubscriptionId EventBus::subscribeRaw(std::string pattern, RawHandler handler) {
    SubscriptionId id = nextId_++;
    auto shared = std::make_shared<RawHandler>(std::move(handler));
    if (isPattern(pattern)) {
        topicOf_.emplace(id, std::string());
        patterns_.push_back(Entry{id, std::move(pattern), std::move(shared)});
    } else {
        topicOf_.emplace(id, pattern);
        auto& list = exact_[pattern];
        list.push_back(Entry{id, std::move(pattern), std::move(shared)});
    }
    return id;
}

void EventBus::unsubscribe(SubscriptionId id) {
    auto it = topicOf_.find(id);
    if (it == topicOf_.end()) return;
    std::vector<Entry>* list = &patterns_;
    if (!it->second.empty()) {
        auto found = exact_.find(it->second);
        if (found == exact_.end()) return;
        list = &found->second;
    }
    for (Entry& entry : *list) {
        if (entry.id == id) entry.handler.reset();  // removed from the vector later, never mid-dispatch
    }
    topicOf_.erase(it);
    needsCompaction_ = true;
    if (dispatchDepth_ == 0) compact();
}

std::uint64_t EventBus::nextCorrelation() { return nextCorrelation_.fetch_add(1, std::memory_order_relaxed); }

void EventBus::reportMalformed(const Message& message, std::string_view what) {
    std::string problem = "could not decode payload: ";
    problem += what;
    if (problemSink_) {
        problemSink_(message, problem);
    } else {
        std::fprintf(stderr, "bus: %s on %s from %s\n", problem.c_str(), message.topic.c_str(), message.sender.c_str());
    }
}

std::size_t EventBus::dispatch() {
    ++dispatchDepth_;
    std::size_t delivered = 0;
    for (;;) {
        Message message;
        {
            std::lock_guard lock(queueMutex_);
            if (queue_.empty()) break;
            message = std::move(queue_.front());
            queue_.pop_front();
        }
        deliver(message);
        ++delivered;
    }
    --dispatchDepth_;
    if (dispatchDepth_ == 0 && needsCompaction_) compact();
    return delivered;
}

bool EventBus::hasPending() const {
    std::lock_guard lock(queueMutex_);
    return !queue_.empty();
}

void EventBus::setWakeCallback(std::function<void()> wake) { wake_ = std::move(wake); }

void EventBus::setProblemSink(ProblemSink sink) { problemSink_ = std::move(sink); }

std::size_t EventBus::subscriptionCount() const { return topicOf_.size(); }

void EventBus::deliver(const Message& message) {
    // Index loops: a handler may subscribe (appending) while we iterate; new subscribers see the next message.
    if (auto it = exact_.find(message.topic); it != exact_.end()) {
        const std::size_t count = it->second.size();
        for (std::size_t i = 0; i < count; ++i) {
            // Re-look-up: a handler may have subscribed to a new topic, rehashing exact_.
            auto& list = exact_.find(message.topic)->second;
            callHandler(list[i], message);
        }
    }
    const std::size_t count = patterns_.size();
    for (std::size_t i = 0; i < count; ++i) {
        if (topicMatches(patterns_[i].pattern, message.topic)) callHandler(patterns_[i], message);
    }
}

void EventBus::callHandler(const Entry& entry, const Message& message) {
    std::shared_ptr<RawHandler> handler = entry.handler;  // keeps it alive if it unsubscribes itself
    if (!handler) return;
    try {
        (*handler)(message);
    } catch (const std::exception& e) {
        std::string problem = std::string("handler failed: ") + e.what();
        if (problemSink_) problemSink_(message, problem);
        else std::fprintf(stderr, "bus: %s on %s\n", problem.c_str(), message.topic.c_str());
    } catch (...) {
        if (problemSink_) problemSink_(message, "handler failed with an unknown exception");
    }
}

void EventBus::compact() {
    auto dead = [](const Entry& e) { return !e.handler; };
    for (auto it = exact_.begin(); it != exact_.end();) {
        std::erase_if(it->second, dead);
        it = it->second.empty() ? exact_.erase(it) : std::next(it);
    }
    std::erase_if(patterns_, dead);
    needsCompaction_ = false;
}

// --- SenderBus ---------------------------------------------------------------------------------

SenderBus::SenderBus(Bus& target, std::string sender) : target_(target), sender_(std::move(sender)) {}

SenderBus::~SenderBus() { unsubscribeAll(); }

void SenderBus::setPublishFilter(std::function<bool(std::string_view)> allow,
                                 std::function<void(const Message&)> refused) {
    allow_ = std::move(allow);
    refused_ = std::move(refused);
}

void SenderBus::unsubscribeAll() {
    for (SubscriptionId id : owned_) target_.unsubscribe(id);
    owned_.clear();
}

void SenderBus::publishRaw(Message message) {
    message.sender = sender_;
    if (allow_ && !allow_(message.topic)) {
        if (refused_) refused_(message);
        return;
    }
    target_.publishRaw(std::move(message));
}

SubscriptionId SenderBus::subscribeRaw(std::string pattern, RawHandler handler) {
    SubscriptionId id = target_.subscribeRaw(std::move(pattern), std::move(handler));
    owned_.push_back(id);
    return id;
}

void SenderBus::unsubscribe(SubscriptionId id) {
    std::erase(owned_, id);
    target_.unsubscribe(id);
}

std::uint64_t SenderBus::nextCorrelation() { return target_.nextCorrelation(); }

bool SenderBus::hasSubscribers(std::string_view topic) const { return target_.hasSubscribers(topic); }

void SenderBus::reportMalformed(const Message& message, std::string_view what) {
    target_.reportMalformed(message, std::string(what) + " (subscriber: " + sender_ + ")");
}

bool EventBus::hasSubscribers(std::string_view topic) const {
    if (auto it = exact_.find(std::string(topic)); it != exact_.end() && !it->second.empty()) return true;
    for (const Entry& entry : patterns_) {
        if (topicMatches(entry.pattern, topic)) return true;
    }
    return false;
}

}  // namespace agentdesk
