#pragma once
// How the desktop looks (spec UI-09): a theme (dark, light, high contrast) and a text size, kept
// in the desktop's settings ("appearance": {"theme": "Light", "fontScale": 1.15}). No ImGui here.

#include <nlohmann/json_fwd.hpp>

#include <array>
#include <string>
#include <string_view>
#include <vector>

namespace agentdesk::host {

enum class Theme { Dark, Light, HighContrast };

struct Appearance {
    Theme theme = Theme::Dark;
    float fontScale = 1.0f;  ///< text size, from kMinFontScale to kMaxFontScale
    bool operator==(const Appearance&) const = default;

    static constexpr float kMinFontScale = 0.8f;
    static constexpr float kMaxFontScale = 2.0f;
    /// The sizes the View menu offers.
    static constexpr std::array<float, 6> kFontScales{0.9f, 1.0f, 1.15f, 1.3f, 1.5f, 1.75f};
};

/// "Dark", "Light", "HighContrast": the settings' names; label() is what the menu shows.
std::string_view themeName(Theme theme);
std::string_view themeLabel(Theme theme);

/// Reads the settings' "appearance" object; what cannot be used keeps its default and is listed
/// in `problems` (an unknown theme, a text size out of range is brought into it).
Appearance appearanceFrom(const nlohmann::json& json, std::vector<std::string>* problems = nullptr);
nlohmann::json toJson(const Appearance& appearance);

}  // namespace agentdesk::host
