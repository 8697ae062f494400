#include "devtools/bus_replayer.hpp"

#include <nlohmann/json.hpp>

#include <fstream>

namespace agentdesk::host {

BusReplayer::BusReplayer(const std::filesystem::path& file) {
    std::ifstream in(file);
    if (!in) {
        error_ = "cannot read the recording " + file.string();
        return;
    }
    std::int64_t firstAtMs = 0;
    int lineNumber = 0;
    for (std::string line; std::getline(in, line);) {
        ++lineNumber;
        if (line.empty()) continue;
        try {
            const auto json = nlohmann::json::parse(line);
            Entry entry;
            const std::int64_t atMs = json.at("atMs").get<std::int64_t>();
            if (entries_.empty()) firstAtMs = atMs;
            entry.offsetMs = std::max<std::int64_t>(atMs - firstAtMs, entries_.empty() ? 0 : entries_.back().offsetMs);
            entry.message.topic = json.at("topic").get<std::string>();
            entry.message.sender = json.value("sender", std::string("replay"));
            entry.message.correlation = json.value("correlation", std::uint64_t{0});
            const auto bytes = nlohmann::json::to_msgpack(json.value("payload", nlohmann::json::object()));
            entry.message.payload.assign(bytes.begin(), bytes.end());
            entries_.push_back(std::move(entry));
        } catch (const nlohmann::json::exception& e) {
            error_ = file.string() + ":" + std::to_string(lineNumber) + ": not a recorded message (" + e.what() + ")";
            entries_.clear();
            return;
        }
    }
}

void BusReplayer::start(Bus& bus, Timers& timers, TimePoint now) {
    bus_ = &bus;
    timers_ = &timers;
    startedAt_ = now;
    next_ = 0;
    publishDue();
}

void BusReplayer::publishDue() {
    if (next_ >= entries_.size()) return;
    const std::int64_t dueMs = entries_[next_].offsetMs;
    while (next_ < entries_.size() && entries_[next_].offsetMs == dueMs) bus_->publishRaw(entries_[next_++].message);
    if (next_ < entries_.size()) {
        timer_ = timers_->at(startedAt_ + Milliseconds(entries_[next_].offsetMs), [this] { publishDue(); });
    }
}

}  // namespace agentdesk::host
