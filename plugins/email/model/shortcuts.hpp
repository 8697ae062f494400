#pragma once
// Canned responses typed as "#shortcut" in the email editor (spec EMAIL-13), as in chats: the word
// before the cursor, right after a '#', is replaced by the canned response with that shortcut.

#include <agentdesk/events/chat.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace agentdesk::email {

struct Expansion {
    std::string text;
    std::size_t cursor = 0;  ///< right after the inserted response
};

/// `text` with the "#shortcut" ending at `cursor` replaced by its canned response ("{agent}" in it
/// becomes `agentName`); nullopt when there is no '#word' there or no response has that shortcut.
/// Shortcuts match exactly first, then ignoring case.
std::optional<Expansion> expandShortcut(const std::string& text, std::size_t cursor,
                                        const std::vector<events::CannedResponse>& canned, const std::string& agentName);

}  // namespace agentdesk::email
