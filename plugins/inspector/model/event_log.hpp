#pragma once
// What the Event Inspector keeps: the last messages seen on the bus, newest last, with their
// payload decoded to JSON once, and the ones matching the filter indexed as they arrive, so the
// panel costs O(visible rows) per frame whatever the traffic. No ImGui here.

#include <agentdesk/bus.hpp>
#include <agentdesk/clock.hpp>

#include <cstddef>
#include <cstdint>
#include <deque>
#include <string>
#include <string_view>

namespace agentdesk::inspector {

/// One message as the inspector shows it.
struct LoggedMessage {
    std::uint64_t sequence = 0;  ///< 1 for the first message seen, counting those dropped
    std::int64_t atMs = 0;       ///< the desktop's clock when it was delivered
    std::string topic;
    std::string sender;
    std::uint64_t correlation = 0;
    std::size_t bytes = 0;       ///< encoded payload size
    std::string payloadJson;     ///< the msgpack map as indented JSON, or a note when it is not msgpack
};

class EventLog {
public:
    /// Keeps at most `capacity` messages; the oldest go first.
    explicit EventLog(std::size_t capacity = 5000);

    /// Adds a delivered message (ignored while paused).
    void add(const Message& message, TimePoint at);
    void setPaused(bool paused) { paused_ = paused; }
    bool paused() const { return paused_; }
    /// Forgets every message kept (the sequence keeps counting).
    void clear();

    /// Shows only messages whose topic or sender contains `text` ("" for all).
    void setFilter(std::string text);
    const std::string& filter() const { return filter_; }
    /// Messages matching the filter, oldest first: index 0 .. matchingCount()-1.
    std::size_t matchingCount() const { return matching_.size(); }
    const LoggedMessage& matchingAt(std::size_t index) const;

    /// Messages kept, and seen since start (including dropped and cleared ones).
    std::size_t size() const { return messages_.size(); }
    std::uint64_t seen() const { return seen_; }
    /// The kept message with this sequence number, or nullptr when it is gone.
    const LoggedMessage* find(std::uint64_t sequence) const;

private:
    bool matches(const LoggedMessage& m) const;

    std::size_t capacity_;
    std::deque<LoggedMessage> messages_;
    std::deque<std::uint64_t> matching_;  // sequence numbers, ascending
    std::string filter_;
    std::uint64_t seen_ = 0;
    bool paused_ = false;
};

}  // namespace agentdesk::inspector
