#pragma once
// Events every plugin may meet, whatever its domain.

#include "agentdesk/codec.hpp"

#include <string>

namespace agentdesk::events {

/// The answer to a command that could not be carried out. The envelope's correlation id is the
/// command's. `message` is written for the agent and shown as a notification; `code` is stable
/// for programs ("invalid_credentials", "account_locked", ...).
struct Error {
    static constexpr std::string_view topic = "error";
    std::string command;  ///< topic of the refused command
    std::string code;
    std::string message;
    MSGPACK_DEFINE_MAP(command, code, message)
};

}  // namespace agentdesk::events
