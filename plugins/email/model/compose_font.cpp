#include "model/compose_font.hpp"

#include <algorithm>

namespace agentdesk::email {

std::string_view familyName(FontFamily family) { return family == FontFamily::Monospace ? "Monospace" : "Proportional"; }

ComposeFont composeFontIn(const nlohmann::json& settings, std::string_view agentId) {
    ComposeFont font;
    if (!settings.is_object() || agentId.empty()) return font;
    const auto all = settings.find("composeFont");
    if (all == settings.end() || !all->is_object()) return font;
    const auto mine = all->find(std::string(agentId));
    if (mine == all->end() || !mine->is_object()) return font;
    if (auto family = mine->find("family"); family != mine->end() && family->is_string()) {
        font.family = family->get<std::string>() == "Monospace" ? FontFamily::Monospace : FontFamily::Proportional;
    }
    if (auto size = mine->find("size"); size != mine->end() && size->is_number()) {
        font.size = std::clamp(size->get<int>(), ComposeFont::minSize, ComposeFont::maxSize);
    }
    return font;
}

void storeComposeFont(nlohmann::json& settings, std::string_view agentId, ComposeFont font) {
    if (!settings.is_object()) settings = nlohmann::json::object();
    if (!settings.contains("composeFont") || !settings["composeFont"].is_object()) settings["composeFont"] = nlohmann::json::object();
    settings["composeFont"][std::string(agentId)] = {
        {"family", std::string(familyName(font.family))},
        {"size", std::clamp(font.size, ComposeFont::minSize, ComposeFont::maxSize)}};
}

void ComposeFontSetting::useAgent(std::string agentId) {
    agentId_ = std::move(agentId);
    font_ = agentId_.empty() || !load_ ? ComposeFont{} : composeFontIn(load_(), agentId_);
}

bool ComposeFontSetting::set(ComposeFont font) {
    font.size = std::clamp(font.size, ComposeFont::minSize, ComposeFont::maxSize);
    if (font == font_) return false;
    font_ = font;
    if (agentId_.empty() || !load_ || !save_) return true;
    nlohmann::json settings = load_();  // what other parts of the plugin saved is kept
    storeComposeFont(settings, agentId_, font_);
    save_(settings);
    return true;
}

}  // namespace agentdesk::email
