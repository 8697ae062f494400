#pragma once
// The agent's default font for writing emails (spec EMAIL-12): a family the desktop's font atlas
// offers (proportional or monospace) and a size. It is the agent's editing preference only: the
// email sent is plain text and carries no font. Kept per agent in the plugin's settings (the host
// saves them in the desktop's config dir, as it does the theme):
//
//   {"composeFont": {"u-anna": {"family": "Monospace", "size": 18}}}
//
// No ImGui here.

#include <nlohmann/json.hpp>

#include <functional>
#include <string>
#include <string_view>

namespace agentdesk::email {

enum class FontFamily { Proportional, Monospace };

struct ComposeFont {
    static constexpr int minSize = 10;
    static constexpr int maxSize = 32;
    static constexpr int defaultSize = 16;
    FontFamily family = FontFamily::Proportional;
    int size = defaultSize;  ///< pixels, before the desktop's font scale
    bool operator==(const ComposeFont&) const = default;
};

std::string_view familyName(FontFamily family);
/// The agent's font in `settings`; the default for an agent who never chose one. Sizes out of range
/// are brought into it; an unknown family is proportional.
ComposeFont composeFontIn(const nlohmann::json& settings, std::string_view agentId);
/// `settings` with the agent's font set (other agents' and other settings kept).
void storeComposeFont(nlohmann::json& settings, std::string_view agentId, ComposeFont font);

/// The font of the agent logged in, read from and saved to the plugin's settings through the two
/// functions given (HostApi::loadSettings and saveSettings in the desktop).
class ComposeFontSetting {
public:
    using Load = std::function<nlohmann::json()>;
    using Save = std::function<void(const nlohmann::json&)>;
    ComposeFontSetting(Load load, Save save) : load_(std::move(load)), save_(std::move(save)) {}

    /// Reads the agent's choice (at login); "" (logged out) gives the default.
    void useAgent(std::string agentId);
    const ComposeFont& font() const { return font_; }
    /// Changes the font and saves it at once; false when nothing changed.
    bool set(ComposeFont font);

private:
    Load load_;
    Save save_;
    std::string agentId_;
    ComposeFont font_;
};

}  // namespace agentdesk::email
