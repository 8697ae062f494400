#include "plugins/plugin_manager.hpp"

#include <agentdesk/runtime/harness.hpp>

#include <doctest/doctest.h>

#include <string>

#include <unistd.h>

#include <filesystem>
#include <fstream>

using namespace agentdesk;
using namespace agentdesk::host;

namespace {

struct Ping {
    static constexpr std::string_view topic = "test.ping";
    int value = 0;
    MSGPACK_DEFINE_MAP(value)
};
struct Pong {
    static constexpr std::string_view topic = "test.pong";
    int value = 0;
    MSGPACK_DEFINE_MAP(value)
};

struct Fixture {
    Harness h;
    Registry registry;
    NotificationCenter notifications;
    std::filesystem::path home = std::filesystem::temp_directory_path() / ("agentdesk-plugin-tests-" + std::to_string(::getpid()));
    PluginManager manager;

    Fixture()
        : manager(HostServices{h.bus, h.clock, h.timers, registry, notifications,
                               Paths{AGENTDESK_TEST_PLUGINS, AGENTDESK_TEST_ASSETS, home / "config", home / "data", home / "logs"},
                               true, {}, {}}) {}

    const PluginRecord* find(const std::string& folder) const {
        for (const auto& p : manager.plugins()) {
            if (p.dir.filename() == folder) return &p;
        }
        return nullptr;
    }
};

}  // namespace

TEST_CASE("every plugin folder is listed: good ones load, each broken one is disabled with its reason") {
    Fixture f;
    f.manager.loadAll(AGENTDESK_TEST_PLUGINS);

    const PluginRecord* good = f.find("good");
    REQUIRE(good);
    CHECK(good->status == PluginStatus::Loaded);
    CHECK(good->loadMilliseconds > 0);

    const PluginRecord* throws = f.find("throws");
    REQUIRE(throws);
    CHECK(throws->status == PluginStatus::Failed);
    CHECK(throws->reason == "initialisation failed: database file is locked");

    REQUIRE(f.find("no_entry"));
    CHECK(f.find("no_entry")->reason.find("not an AgentDesk plugin") != std::string::npos);

    REQUIRE(f.find("newer_sdk"));
    CHECK(f.find("newer_sdk")->reason.find("built for SDK 2.0") != std::string::npos);
    CHECK_FALSE(f.find("newer_sdk")->library);  // refused from the manifest, the library was never opened

    REQUIRE(f.find("lying_sdk"));
    CHECK(f.find("lying_sdk")->status == PluginStatus::Failed);
    CHECK(f.find("lying_sdk")->reason.find("the library was built for SDK 2.") != std::string::npos);

    REQUIRE(f.find("broken_manifest"));
    CHECK(f.find("broken_manifest")->reason.find("not valid JSON") != std::string::npos);
    REQUIRE(f.find("missing_manifest"));
    CHECK(f.find("missing_manifest")->reason.find("no plugin.json") != std::string::npos);

    REQUIRE(f.find("sdk_1_0"));  // built for an older minor of the same major
    CHECK(f.find("sdk_1_0")->status == PluginStatus::Loaded);

    CHECK(f.manager.loadedCount() == 2);
    // The agent hears about each disabled plugin.
    CHECK(f.notifications.history().size() == f.manager.plugins().size() - 2);
}

TEST_CASE("a plugin whose init throws leaves no panel or subscription behind") {
    Fixture f;
    std::size_t before = f.h.bus.subscriptionCount();
    f.manager.loadOne(std::filesystem::path(AGENTDESK_TEST_PLUGINS) / "throws");
    CHECK(f.registry.findPanel("throws.panel") == nullptr);
    CHECK(f.h.bus.subscriptionCount() == before);
}

TEST_CASE("a loaded plugin talks over the bus with its id as sender and cannot publish undeclared topics") {
    Fixture f;
    const auto& good = f.manager.loadOne(std::filesystem::path(AGENTDESK_TEST_PLUGINS) / "good");
    REQUIRE(good.status == PluginStatus::Loaded);
    CHECK(f.registry.findPanel("good.panel") != nullptr);
    CHECK(f.registry.findCommand("good.hello") != nullptr);

    int answer = 0;
    std::string sender;
    std::uint64_t answeredTo = 0;
    auto pongs = f.h.bus.subscribe<Pong>([&](const Pong& p, const Message& m) {
        answer = p.value;
        sender = m.sender;
        answeredTo = m.correlation;
    });
    int forbidden = 0;
    auto spy = f.h.bus.subscribePattern("agent.*", [&](const Message&) { ++forbidden; });
    std::uint64_t asked = f.h.bus.publish(Ping{41});
    CHECK(answer == 42);
    CHECK(sender == "good");
    CHECK(answeredTo == asked);
    CHECK(forbidden == 0);
}

TEST_CASE("shutting plugins down removes what they registered") {
    Fixture f;
    f.manager.loadOne(std::filesystem::path(AGENTDESK_TEST_PLUGINS) / "good");
    std::size_t subscriptions = f.h.bus.subscriptionCount();
    CHECK(subscriptions > 0);
    f.manager.shutdownAll();
    CHECK(f.registry.panels().empty());
    CHECK(f.registry.commands().empty());
    CHECK(f.h.bus.subscriptionCount() == 0);
    f.manager.unloadLibraries();
}

TEST_CASE("a plugin disabled by the user is listed as disabled and not loaded") {
    Fixture f;
    const auto& r = f.manager.loadOne(std::filesystem::path(AGENTDESK_TEST_PLUGINS) / "good", {"good"});
    CHECK(r.status == PluginStatus::Disabled);
    CHECK(r.reason == "disabled on the command line");
    CHECK(f.registry.findPanel("good.panel") == nullptr);
}

TEST_CASE("two plugins with the same id: the second is refused") {
    Fixture f;
    f.manager.loadOne(std::filesystem::path(AGENTDESK_TEST_PLUGINS) / "good");
    const auto& again = f.manager.loadOne(std::filesystem::path(AGENTDESK_TEST_PLUGINS) / "good");
    CHECK(again.status == PluginStatus::Failed);
    CHECK(again.reason.find("already loaded") != std::string::npos);
}

namespace {

/// A plugin folder being rebuilt: plugin.json plus a library that the test swaps between builds.
struct DevFolder {
    std::filesystem::path dir;
    explicit DevFolder(const std::filesystem::path& home) : dir(home / "dev" / "reload") {
        std::filesystem::create_directories(dir);
        std::ofstream(dir / "plugin.json") << R"({"id": "reload", "name": "Reload", "version": "0.0.1", "sdk": "1.0",
            "library": "libreload.so", "publishes": ["test.*"], "subscribes": ["test.*"]})";
    }
    /// "Rebuilds" the plugin: copies one of the two builds over the library, with a new time.
    void build(int version, std::filesystem::file_time_type when) const {
        const auto from = std::filesystem::path(AGENTDESK_TEST_DEV_PLUGINS) / ("reload_v" + std::to_string(version)) /
                          ("libreload_v" + std::to_string(version) + ".so");
        std::filesystem::copy_file(from, dir / "libreload.so", std::filesystem::copy_options::overwrite_existing);
        std::filesystem::last_write_time(dir / "libreload.so", when);
    }
    void breakLibrary(std::filesystem::file_time_type when) const {
        std::ofstream(dir / "libreload.so", std::ios::trunc) << "half-written";
        std::filesystem::last_write_time(dir / "libreload.so", when);
    }
};

int ping(Harness& h, int value) {
    int answer = -1;
    auto pongs = h.bus.subscribe<Pong>([&](const Pong& p, const Message&) { answer = p.value; });
    h.bus.publish(Ping{value});
    return answer;
}

}  // namespace

TEST_CASE("a plugin under development is reloaded in place once its rebuilt library has settled") {
    Fixture f;
    DevFolder folder(f.home);
    const auto t0 = std::filesystem::file_time_type::clock::now();
    folder.build(1, t0);

    const PluginRecord& record = f.manager.loadDev(folder.dir);
    REQUIRE(record.status == PluginStatus::Loaded);
    CHECK(record.dev);
    CHECK(record.loadedFrom != folder.dir / "libreload.so");  // a private copy was opened
    REQUIRE(f.registry.findPanel("reload.panel"));
    CHECK(f.registry.findPanel("reload.panel")->spec.title == "Reload v1");
    CHECK(ping(f.h, 4) == 41);

    CHECK(f.manager.pollDevPlugins().empty());  // nothing changed

    folder.build(2, t0 + std::chrono::seconds(5));
    CHECK(f.manager.pollDevPlugins().empty());  // just written: wait one more poll
    CHECK(f.manager.pollDevPlugins() == std::vector<std::string>{"reload"});

    REQUIRE(f.manager.plugins().size() == 1);
    CHECK(f.manager.plugins()[0].status == PluginStatus::Loaded);
    REQUIRE(f.registry.panels().size() == 1);  // the same panel id, now from the new build
    CHECK(f.registry.findPanel("reload.panel")->spec.title == "Reload v2");
    CHECK(ping(f.h, 4) == 42);  // only the new build answers
    CHECK(f.manager.pollDevPlugins().empty());
}

TEST_CASE("a broken rebuild disables the dev plugin with its reason, and the next good build loads again") {
    Fixture f;
    DevFolder folder(f.home);
    const auto t0 = std::filesystem::file_time_type::clock::now();
    folder.build(1, t0);
    f.manager.loadDev(folder.dir);

    folder.breakLibrary(t0 + std::chrono::seconds(5));
    f.manager.pollDevPlugins();
    CHECK(f.manager.pollDevPlugins() == std::vector<std::string>{"reload"});
    CHECK(f.manager.plugins()[0].status == PluginStatus::Failed);
    CHECK(f.manager.plugins()[0].reason.find("cannot load the library") != std::string::npos);
    CHECK(f.registry.findPanel("reload.panel") == nullptr);
    CHECK(ping(f.h, 4) == -1);

    folder.build(2, t0 + std::chrono::seconds(10));
    f.manager.pollDevPlugins();
    f.manager.pollDevPlugins();
    CHECK(f.manager.plugins()[0].status == PluginStatus::Loaded);
    CHECK(f.manager.plugins()[0].reason.empty());
    CHECK(ping(f.h, 4) == 42);
}
