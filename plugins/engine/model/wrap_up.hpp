#pragma once
// What follows an interaction when it ends (spec STATE-04, VOICE-11): nothing, After Call Work
// until the agent completes it, or After Call Work that also ends by itself after a timeout.
// Each service carries its own WrapUp; center.json gives the default.

#include <agentdesk/clock.hpp>

#include <optional>

namespace agentdesk::engine {

struct WrapUp {
    bool applies = false;                 ///< the agent enters After Call Work
    std::optional<Milliseconds> timeout;  ///< ACW ends by itself after this; nullopt = until completed
    bool notReadyAfterTimeout = false;    ///< the timeout leaves the agent Not Ready instead of Ready

    /// No After Call Work: the agent goes straight to the next state.
    static WrapUp none() { return {}; }
    /// After Call Work that lasts until the agent completes it.
    static WrapUp untilCompleted() { return {true, std::nullopt}; }
    /// After Call Work that ends by itself after `timeout` unless the agent completes it sooner.
    static WrapUp limitedTo(Milliseconds timeout, bool thenNotReady = false) { return {true, timeout, thenNotReady}; }

    bool operator==(const WrapUp&) const = default;
};

}  // namespace agentdesk::engine
