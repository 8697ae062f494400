// SDK 1.1 appended the display mode and large fonts to HostApi: plugins built for 1.0 still load,
// and a plugin sees how the desktop was started.

#include "plugins/plugin_context.hpp"
#include "plugins/plugin_manager.hpp"

#include <agentdesk/runtime/harness.hpp>
#include <agentdesk/version.hpp>

#include <doctest/doctest.h>

#include <unistd.h>

using namespace agentdesk;
using namespace agentdesk::host;

namespace {

HostServices services(Harness& h, Registry& registry, NotificationCenter& notifications) {
    const auto home = std::filesystem::temp_directory_path() / ("agentdesk-sdk11-tests-" + std::to_string(::getpid()));
    return HostServices{h.bus, h.clock, h.timers, registry, notifications,
                        Paths{AGENTDESK_TEST_PLUGINS, AGENTDESK_TEST_ASSETS, home / "config", home / "data", home / "logs"},
                        true, {}, {}};
}

}  // namespace

TEST_CASE("the SDK is 1.3 and still takes plugins built for 1.0 but never the other way round") {
    CHECK(kSdkVersion.major == 1);
    CHECK(kSdkVersion.minor == 3);
    CHECK(isCompatible({1, 0, 0}, kSdkVersion));
    CHECK(isCompatible({1, 2, 0}, kSdkVersion));
    CHECK_FALSE(isCompatible({1, 4, 0}, kSdkVersion));
    CHECK_FALSE(isCompatible({1, 1, 0}, {1, 0, 0}));  // a 1.1 plugin is refused by a 1.0 host

    Harness h;
    Registry registry;
    NotificationCenter notifications;
    PluginManager manager(services(h, registry, notifications));
    const auto& old = manager.loadOne(std::filesystem::path(AGENTDESK_TEST_PLUGINS) / "sdk_1_0");
    CHECK_MESSAGE(old.status == PluginStatus::Loaded, old.reason);
    CHECK(registry.findPanel("sdk_1_0.panel"));
    manager.shutdownAll();
}

TEST_CASE("a plugin sees the wallboard mode with its board file and monitor and no large fonts without a window") {
    Harness h;
    Registry registry;
    NotificationCenter notifications;
    HostServices s = services(h, registry, notifications);
    CHECK_FALSE(PluginContext(s, Manifest{}).displayMode().wallboard);  // the desktop by default

    s.display.wallboard = true;
    s.display.boardFile = "floor3.json";
    s.display.monitorWidth = 3840;
    s.display.monitorHeight = 2160;
    Manifest manifest;
    manifest.id = "wallboard";
    PluginContext context(s, manifest);
    const HostApi& api = context;
    CHECK(api.displayMode().wallboard);
    CHECK(api.displayMode().boardFile == "floor3.json");
    CHECK(api.displayMode().monitorHeight == 2160);
    CHECK(api.displayFont(120) == nullptr);
}
