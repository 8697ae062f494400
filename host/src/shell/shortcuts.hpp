#pragma once
// Keyboard shortcuts as text ("Ctrl+Shift+R", "F5") and as key chords for GLFW key codes
// (Dear ImGui 1.86 indexes keys by the backend's codes).

#include <optional>
#include <string>
#include <string_view>

namespace agentdesk::host {

struct KeyChord {
    int key = 0;  ///< GLFW key code
    bool ctrl = false, shift = false, alt = false;
    bool operator==(const KeyChord&) const = default;
};

/// Parses "Ctrl+R", "Alt+Shift+F4", "F1", "Enter", "Space", "Escape", "?"; nullopt when unknown.
std::optional<KeyChord> parseShortcut(std::string_view text);
/// The canonical text of a chord ("Ctrl+Shift+R").
std::string formatShortcut(const KeyChord& chord);

}  // namespace agentdesk::host
