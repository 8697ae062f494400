// Appearance settings: theme and text size come back as saved; what cannot be used is reported.

#include "shell/appearance.hpp"

#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

using namespace agentdesk::host;

TEST_CASE("appearance round-trips through the settings - nothing saved means dark at 100 %") {
    CHECK(appearanceFrom(nlohmann::json()) == Appearance{});
    const Appearance light{Theme::Light, 1.3f};
    CHECK(appearanceFrom(toJson(light)) == light);
    const Appearance contrast{Theme::HighContrast, 1.0f};
    CHECK(toJson(contrast)["theme"] == "HighContrast");
    CHECK(appearanceFrom(toJson(contrast)) == contrast);
    CHECK(themeLabel(Theme::HighContrast) == "High contrast");
}

TEST_CASE("an unknown theme or a text size out of range is reported and replaced") {
    std::vector<std::string> problems;
    auto a = appearanceFrom(nlohmann::json{{"theme", "Purple"}, {"fontScale", 7}}, &problems);
    CHECK(a.theme == Theme::Dark);
    CHECK(a.fontScale == Appearance::kMaxFontScale);
    REQUIRE(problems.size() == 2);
    CHECK(problems[0].find("Purple") != std::string::npos);
    CHECK(problems[1].find("out of range") != std::string::npos);
    problems.clear();
    CHECK(appearanceFrom(nlohmann::json{{"fontScale", "big"}}, &problems).fontScale == 1.0f);
    CHECK(problems.size() == 1);
    problems.clear();
    appearanceFrom(nlohmann::json::array(), &problems);
    CHECK(problems.size() == 1);
}
