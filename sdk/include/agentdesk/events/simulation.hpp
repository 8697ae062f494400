#pragma once
// The embedded contact center's simulated world (customers arriving, simulated colleagues):
// pause it, resume it, change its speed for a demo, or play a customer by hand (a scenario, a
// trainer). A networked back end ignores these.

#include "agentdesk/codec.hpp"
#include "agentdesk/types.hpp"

#include <cstdint>
#include <string>
#include <vector>

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

/// Command: a customer arrives for a service. Answered by interaction.queued, or Error
/// (unknown_service, customer_blacklisted; invalid_input for a file not in the scenario folder). A
/// chat whose topic has a script in chat.json takes its first message, medium and details from it
/// unless given here, and its customer plays it.
struct InjectArrival {
    static constexpr std::string_view topic = "simulation.arrive";
    std::string serviceId;
    std::string customerId;       ///< one of customers.json, or "" for an unknown caller
    std::string from;             ///< number or address; the customer's when empty
    std::string subject;
    std::int64_t patienceMs = 0;           ///< the customer gives up after waiting this long; 0: never
    ChatMedium medium = ChatMedium::None;  ///< chats: web chat, SMS or mobile app
    std::string message;                   ///< chats: the first message; emails: the body
    std::vector<std::string> files;        ///< emails: files of the scenario folder attached ("files/a.png")
    MSGPACK_DEFINE_MAP(serviceId, customerId, from, subject, patienceMs, medium, message, files)
};

/// Command: the customer of an interaction hangs up or leaves (abandons while waiting).
struct CustomerLeaves {
    static constexpr std::string_view topic = "simulation.leave";
    std::string interactionId;
    MSGPACK_DEFINE_MAP(interactionId)
};

}  // namespace agentdesk::events
