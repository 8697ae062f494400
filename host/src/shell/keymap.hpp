#pragma once
// The agent's own keyboard shortcuts (spec OTHER-03): plugins register commands with a default
// shortcut; the agent may change or clear any of them. Kept as overrides by command id in the
// desktop's settings ("shortcuts": {"voice.hold": "F8", "kb.insert": ""}), so a default a
// plugin changes later still applies where the agent did not choose. No ImGui here.

#include <nlohmann/json_fwd.hpp>

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace agentdesk::host {

/// A command as the keymap sees it.
struct CommandKeys {
    std::string id;
    std::string label;
    std::string defaultShortcut;
};

class Keymap {
public:
    /// Shortcuts the desktop keeps for itself: quit, and the cheat sheet.
    static constexpr std::string_view kQuit = "Ctrl+Q";
    static constexpr std::string_view kCheatSheet = "F1";

    /// Takes the overrides from settings; entries that are not text, or not a shortcut, are left
    /// out and listed in `problems`.
    void load(const nlohmann::json& overrides, std::vector<std::string>* problems = nullptr);
    nlohmann::json toJson() const;

    /// The shortcut in effect for `command` ("" when none).
    std::string bindingOf(const CommandKeys& command) const;
    /// True when the agent chose the command's shortcut.
    bool isCustom(std::string_view commandId) const { return overrides_.contains(std::string(commandId)); }

    /// Binds `shortcut` to the command; "" when done, else why not (not a shortcut, kept by the
    /// desktop, or used by another command, which is named).
    std::string bind(std::string_view commandId, std::string_view shortcut, const std::vector<CommandKeys>& commands);
    /// The command gets no shortcut.
    void clear(std::string_view commandId) { overrides_[std::string(commandId)] = ""; }
    /// Back to the plugin's default.
    void reset(std::string_view commandId) { overrides_.erase(std::string(commandId)); }

    /// Pairs of commands whose shortcuts in effect are the same (plugin defaults may collide).
    std::vector<std::pair<std::string, std::string>> conflicts(const std::vector<CommandKeys>& commands) const;

private:
    std::map<std::string, std::string, std::less<>> overrides_;  // command id -> canonical text or ""
};

}  // namespace agentdesk::host
