#include "model/event_log.hpp"

#include <nlohmann/json.hpp>

namespace agentdesk::inspector {

EventLog::EventLog(std::size_t capacity) : capacity_(capacity == 0 ? 1 : capacity) {}

void EventLog::add(const Message& message, TimePoint at) {
    if (paused_) return;
    LoggedMessage m;
    m.sequence = ++seen_;
    m.atMs = toEpochMs(at);
    m.topic = message.topic;
    m.sender = message.sender;
    m.correlation = message.correlation;
    m.bytes = message.payload.size();
    try {
        m.payloadJson = nlohmann::json::from_msgpack(message.payload)
                            .dump(2, ' ', false, nlohmann::json::error_handler_t::replace);
    } catch (const nlohmann::json::exception&) {
        m.payloadJson = "(not a msgpack payload: " + std::to_string(m.bytes) + " bytes)";
    }
    if (matches(m)) matching_.push_back(m.sequence);
    messages_.push_back(std::move(m));
    while (messages_.size() > capacity_) {
        if (!matching_.empty() && matching_.front() == messages_.front().sequence) matching_.pop_front();
        messages_.pop_front();
    }
}

void EventLog::clear() {
    messages_.clear();
    matching_.clear();
}

void EventLog::setFilter(std::string text) {
    if (text == filter_) return;
    filter_ = std::move(text);
    matching_.clear();
    for (const auto& m : messages_) {
        if (matches(m)) matching_.push_back(m.sequence);
    }
}

const LoggedMessage& EventLog::matchingAt(std::size_t index) const {
    return *find(matching_.at(index));
}

const LoggedMessage* EventLog::find(std::uint64_t sequence) const {
    if (messages_.empty() || sequence < messages_.front().sequence || sequence > messages_.back().sequence) return nullptr;
    return &messages_[static_cast<std::size_t>(sequence - messages_.front().sequence)];
}

bool EventLog::matches(const LoggedMessage& m) const {
    return filter_.empty() || m.topic.find(filter_) != std::string::npos || m.sender.find(filter_) != std::string::npos;
}

}  // namespace agentdesk::inspector
