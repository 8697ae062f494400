#include "shell/shortcuts.hpp"

#include <GLFW/glfw3.h>

#include <cctype>
#include <string>

namespace agentdesk::host {

namespace {

std::string upper(std::string_view text) {
    std::string out(text);
    for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return out;
}

struct NamedKey {
    const char* name;
    int key;
};
constexpr NamedKey kNamedKeys[] = {
    {"ENTER", GLFW_KEY_ENTER},   {"ESCAPE", GLFW_KEY_ESCAPE}, {"ESC", GLFW_KEY_ESCAPE}, {"SPACE", GLFW_KEY_SPACE},
    {"TAB", GLFW_KEY_TAB},       {"DELETE", GLFW_KEY_DELETE}, {"HOME", GLFW_KEY_HOME},  {"END", GLFW_KEY_END},
    {"PAGEUP", GLFW_KEY_PAGE_UP}, {"PAGEDOWN", GLFW_KEY_PAGE_DOWN}, {"UP", GLFW_KEY_UP}, {"DOWN", GLFW_KEY_DOWN},
    {"LEFT", GLFW_KEY_LEFT},     {"RIGHT", GLFW_KEY_RIGHT},   {"/", GLFW_KEY_SLASH},    {"?", GLFW_KEY_SLASH},
};

}  // namespace

std::optional<KeyChord> parseShortcut(std::string_view text) {
    KeyChord chord;
    bool haveKey = false;
    while (!text.empty()) {
        std::size_t plus = text.find('+', 1);  // a lone "+" key is not supported; "+" separates
        std::string part = upper(text.substr(0, plus));
        text = plus == std::string_view::npos ? std::string_view() : text.substr(plus + 1);
        if (part == "CTRL" || part == "CONTROL") chord.ctrl = true;
        else if (part == "SHIFT") chord.shift = true;
        else if (part == "ALT") chord.alt = true;
        else {
            if (haveKey) return std::nullopt;
            haveKey = true;
            if (part == "?") chord.shift = true;
            if (part.size() == 1 && std::isalnum(static_cast<unsigned char>(part[0]))) {
                chord.key = part[0];  // GLFW letter and digit codes are their ASCII upper-case values
            } else if (part.size() >= 2 && part[0] == 'F' && std::isdigit(static_cast<unsigned char>(part[1]))) {
                int n = std::stoi(part.substr(1));
                if (n < 1 || n > 12) return std::nullopt;
                chord.key = GLFW_KEY_F1 + n - 1;
            } else {
                bool found = false;
                for (const auto& named : kNamedKeys) {
                    if (part == named.name) {
                        chord.key = named.key;
                        found = true;
                        break;
                    }
                }
                if (!found) return std::nullopt;
            }
        }
    }
    if (!haveKey) return std::nullopt;
    return chord;
}

std::string formatShortcut(const KeyChord& chord) {
    std::string text;
    if (chord.ctrl) text += "Ctrl+";
    if (chord.alt) text += "Alt+";
    if (chord.shift) text += "Shift+";
    if (chord.key >= GLFW_KEY_F1 && chord.key <= GLFW_KEY_F12) {
        text += "F" + std::to_string(chord.key - GLFW_KEY_F1 + 1);
    } else if (chord.key < 128 && std::isalnum(chord.key)) {
        text += static_cast<char>(chord.key);
    } else {
        for (const auto& named : kNamedKeys) {
            if (named.key == chord.key) {
                std::string name = named.name;
                for (std::size_t i = 1; i < name.size(); ++i) name[i] = static_cast<char>(std::tolower(name[i]));
                text += name;
                break;
            }
        }
    }
    return text;
}

}  // namespace agentdesk::host
