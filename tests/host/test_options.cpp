#include "core/options.hpp"
#include "shell/shortcuts.hpp"

#include <doctest/doctest.h>

#include <GLFW/glfw3.h>

using namespace agentdesk::host;

namespace {
std::optional<Options> parse(std::initializer_list<const char*> args, std::string& error) {
    std::vector<const char*> argv{"agentdesk"};
    argv.insert(argv.end(), args.begin(), args.end());
    return parseOptions(static_cast<int>(argv.size()), argv.data(), error);
}
}  // namespace

TEST_CASE("command-line options are read into their fields") {
    std::string error;
    auto o = parse({"--plugins-dir", "/p", "--config-dir", "/c", "--layout", "Supervisor", "--frames", "4",
                    "--screenshot", "out.png", "--size", "1920x1080", "--disable-plugin", "voice"},
                   error);
    REQUIRE(o);
    CHECK(o->pluginsDir == std::filesystem::path("/p"));
    CHECK(o->configDir == std::filesystem::path("/c"));
    CHECK(o->layout == "Supervisor");
    CHECK(o->frames == 4);
    CHECK(o->screenshot == std::filesystem::path("out.png"));
    CHECK(o->width == 1920);
    CHECK(o->height == 1080);
    CHECK(o->disabledPlugins == std::vector<std::string>{"voice"});
}

TEST_CASE("--dev-plugin may be given several times, each a plugin folder to load first") {
    std::string error;
    auto o = parse({"--dev-plugin", "build/plugins/crm", "--dev-plugin", "/src/other/build/plugins/other"}, error);
    REQUIRE(o);
    CHECK(o->devPlugins == std::vector<std::filesystem::path>{"build/plugins/crm", "/src/other/build/plugins/other"});
}

TEST_CASE("bad options are refused with a message naming them") {
    std::string error;
    CHECK_FALSE(parse({"--frobnicate"}, error));
    CHECK(error.find("--frobnicate") != std::string::npos);
    CHECK_FALSE(parse({"--frames", "zero"}, error));
    CHECK(error.find("--frames") != std::string::npos);
    CHECK_FALSE(parse({"--layout"}, error));
    CHECK(error.find("needs a value") != std::string::npos);
    CHECK_FALSE(parse({"--headless", "--screenshot", "x.png"}, error));
    CHECK_FALSE(parse({"--size", "big"}, error));
}

TEST_CASE("a screenshot without a frame count renders a few frames first") {
    std::string error;
    auto o = parse({"--screenshot", "x.png"}, error);
    REQUIRE(o);
    CHECK(o->frames == 3);
}

TEST_CASE("shortcuts parse into key chords and print back the same") {
    auto chord = parseShortcut("Ctrl+Shift+R");
    REQUIRE(chord);
    CHECK(chord->ctrl);
    CHECK(chord->shift);
    CHECK_FALSE(chord->alt);
    CHECK(chord->key == GLFW_KEY_R);
    CHECK(formatShortcut(*chord) == "Ctrl+Shift+R");
    auto f5 = parseShortcut("f5");
    REQUIRE(f5);
    CHECK(f5->key == GLFW_KEY_F5);
    CHECK(formatShortcut(*parseShortcut("alt+enter")) == "Alt+Enter");
    CHECK_FALSE(parseShortcut("Ctrl+"));
    CHECK_FALSE(parseShortcut("Ctrl+Banana"));
    CHECK_FALSE(parseShortcut("F13"));
    CHECK_FALSE(parseShortcut("A+B"));
}
