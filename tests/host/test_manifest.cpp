#include "plugins/manifest.hpp"

#include <nlohmann/json.hpp>

#include <doctest/doctest.h>

using namespace agentdesk;
using namespace agentdesk::host;

namespace {
nlohmann::json valid() {
    return {{"id", "voice"},          {"name", "Voice"}, {"version", "1.2.0"}, {"sdk", "1.0"},
            {"library", "libv.so"}, {"publishes", {"voice.*"}}, {"provides", {{"panels", {"voice.call"}}}}};
}
}  // namespace

TEST_CASE("a complete manifest is read") {
    std::string error;
    auto m = parseManifest(valid(), error);
    REQUIRE(m);
    CHECK(m->id == "voice");
    CHECK(m->sdk.major == 1);
    CHECK(m->sdk.minor == 0);
    CHECK(m->publishes == std::vector<std::string>{"voice.*"});
    CHECK(m->panels == std::vector<std::string>{"voice.call"});
}

TEST_CASE("a manifest missing a field or with bad values is refused with the reason") {
    std::string error;
    for (const char* key : {"id", "name", "version", "sdk", "library"}) {
        auto j = valid();
        j.erase(key);
        CHECK_FALSE(parseManifest(j, error));
        CHECK(error.find(key) != std::string::npos);
    }
    auto j = valid();
    j["id"] = "Voice Plugin";
    CHECK_FALSE(parseManifest(j, error));
    j = valid();
    j["sdk"] = "one";
    CHECK_FALSE(parseManifest(j, error));
    CHECK(error.find("sdk") != std::string::npos);
    j = valid();
    j["library"] = "../../evil.so";
    CHECK_FALSE(parseManifest(j, error));
    j = valid();
    j["publishes"] = "voice.*";
    CHECK_FALSE(parseManifest(j, error));
    CHECK_FALSE(parseManifest(nlohmann::json::array(), error));
}

TEST_CASE("sdk versions parse as major.minor[.patch]") {
    CHECK(parseSdkVersion("1.0")->minor == 0);
    CHECK(parseSdkVersion("2.3.4")->patch == 4);
    CHECK_FALSE(parseSdkVersion("1"));
    CHECK_FALSE(parseSdkVersion("1."));
    CHECK_FALSE(parseSdkVersion("1.x"));
    CHECK_FALSE(parseSdkVersion("1.2.3.4"));
}

TEST_CASE("same major and an older or equal minor is compatible - anything else is refused with a reason") {
    CHECK(sdkIncompatibility({1, 0, 0}, {1, 0, 0}).empty());
    CHECK(sdkIncompatibility({1, 0, 5}, {1, 2, 0}).empty());
    CHECK(sdkIncompatibility({1, 3, 0}, {1, 2, 0}).find("newer") != std::string::npos);
    CHECK(sdkIncompatibility({2, 0, 0}, {1, 2, 0}).find("major") != std::string::npos);
    CHECK(sdkIncompatibility({0, 9, 0}, {1, 0, 0}).find("major") != std::string::npos);
    CHECK(isCompatible({1, 0, 0}, {1, 1, 0}));
    CHECK_FALSE(isCompatible({1, 2, 0}, {1, 1, 0}));
}
