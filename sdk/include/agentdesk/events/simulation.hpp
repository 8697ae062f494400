#pragma once
// The embedded contact center's simulated world (customers arriving, simulated colleagues):
// pause it, resume it, or change its speed for a demo. A networked back end ignores these.

#include "agentdesk/codec.hpp"

#include <cstdint>
#include <string>

namespace agentdesk::events {

/// Command: run or pause the simulation, and set its speed factor (0.1 to 100; 0 keeps the
/// current one). Answered by SimulationState.
struct SetSimulation {
    static constexpr std::string_view topic = "simulation.set";
    bool running = true;
    double speed = 0;
    MSGPACK_DEFINE_MAP(running, speed)
};

/// Event: the simulation's state, after every change and when the engine starts.
struct SimulationState {
    static constexpr std::string_view topic = "simulation.state";
    bool running = false;
    double speed = 1;
    std::uint64_t arrivals = 0;  ///< customers who arrived so far
    MSGPACK_DEFINE_MAP(running, speed, arrivals)
};

}  // namespace agentdesk::events
