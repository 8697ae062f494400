#include "shell/appearance.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>

namespace agentdesk::host {

namespace {

constexpr Theme kThemes[] = {Theme::Dark, Theme::Light, Theme::HighContrast};

}  // namespace

std::string_view themeName(Theme theme) {
    switch (theme) {
        case Theme::Dark: return "Dark";
        case Theme::Light: return "Light";
        case Theme::HighContrast: return "HighContrast";
    }
    return "Dark";
}

std::string_view themeLabel(Theme theme) {
    return theme == Theme::HighContrast ? "High contrast" : themeName(theme);
}

Appearance appearanceFrom(const nlohmann::json& json, std::vector<std::string>* problems) {
    Appearance out;
    if (json.is_null()) return out;
    if (!json.is_object()) {
        if (problems) problems->push_back("\"appearance\" is not an object");
        return out;
    }
    if (auto it = json.find("theme"); it != json.end()) {
        const auto known = std::find_if(std::begin(kThemes), std::end(kThemes), [&](Theme t) {
            return it->is_string() && it->get_ref<const std::string&>() == themeName(t);
        });
        if (known != std::end(kThemes)) out.theme = *known;
        else if (problems) problems->push_back(fmt::format("unknown theme {} (Dark, Light or HighContrast)", it->dump()));
    }
    if (auto it = json.find("fontScale"); it != json.end()) {
        if (!it->is_number()) {
            if (problems) problems->push_back("the text size is not a number");
        } else {
            const float wanted = it->get<float>();
            out.fontScale = std::clamp(wanted, Appearance::kMinFontScale, Appearance::kMaxFontScale);
            if (out.fontScale != wanted && problems) {
                problems->push_back(fmt::format("text size {:g} is out of range; {:g} is used", wanted, out.fontScale));
            }
        }
    }
    return out;
}

nlohmann::json toJson(const Appearance& appearance) {
    return {{"theme", std::string(themeName(appearance.theme))}, {"fontScale", appearance.fontScale}};
}

}  // namespace agentdesk::host
