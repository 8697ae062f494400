#pragma once
// Marks the command being handled, so the state changes it causes are published as its answer
// (with its correlation id), and restores the previous one when the handling ends.

#include <cstdint>
#include <utility>

namespace agentdesk::engine {

class AnsweringScope {
public:
    AnsweringScope(std::uint64_t& slot, std::uint64_t correlation) : slot_(slot), saved_(std::exchange(slot, correlation)) {}
    ~AnsweringScope() { slot_ = saved_; }
    AnsweringScope(const AnsweringScope&) = delete;
    AnsweringScope& operator=(const AnsweringScope&) = delete;

private:
    std::uint64_t& slot_;
    std::uint64_t saved_;
};

}  // namespace agentdesk::engine
