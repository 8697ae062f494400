#pragma once
// Finds, checks, loads and unloads plugins. Every failure disables only the plugin concerned,
// with a reason written for whoever installed it; the desktop keeps running.
//
// Load sequence per folder under the plugins dir:
//   plugin.json present and valid -> not disabled by the user -> manifest SDK compatible ->
//   library present -> dlopen(RTLD_NOW) -> entry symbol present -> entry SDK and Dear ImGui match
//   -> create + init(HostApi) without throwing -> Loaded.
//
// A plugin under development (`--dev-plugin DIR`) is loaded from a private copy of its library,
// so that a rebuild can be loaded beside the old code even where the old code cannot be unmapped;
// pollDevPlugins() reloads it once a rebuilt library has settled.

#include "core/notification_center.hpp"
#include "core/paths.hpp"
#include "media/picture_cache.hpp"
#include "plugins/manifest.hpp"
#include "plugins/registry.hpp"

#include <agentdesk/runtime/event_bus.hpp>
#include <agentdesk/runtime/timing.hpp>

#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace agentdesk::host {

/// What the host shares with every plugin context.
struct HostServices {
    EventBus& bus;
    const Clock& clock;
    TimerQueue& timers;
    Registry& registry;
    NotificationCenter& notifications;
    Paths paths;
    bool headless = false;
    std::function<void()> requestRedraw;
    std::function<void(std::string_view)> focusPanel;
    DisplayMode display{};                          ///< desktop or wallboard mode, and the monitor
    std::function<ImFont*(float)> displayFont{};    ///< baked large fonts; empty without a window
    PictureCache* pictures = nullptr;               ///< decoded pictures; null: plugins get none
};

enum class PluginStatus { Loaded, Disabled, Failed };

class PluginContext;
}  // namespace agentdesk::host
namespace agentdesk {
class Plugin;
}  // namespace agentdesk
namespace agentdesk::host {
struct LoadedLibrary;

struct PluginRecord {
    std::filesystem::path dir;
    Manifest manifest;          ///< as far as it could be read (id falls back to the folder name)
    PluginStatus status = PluginStatus::Failed;
    std::string reason;         ///< why it is not loaded, for the Plugins panel
    double loadMilliseconds = 0;
    bool dev = false;               ///< loaded with --dev-plugin: watched and reloaded on rebuild
    std::filesystem::path loadedFrom;  ///< the library file actually opened (a private copy for dev plugins)
    std::unique_ptr<LoadedLibrary> library;
    std::unique_ptr<PluginContext> context;
    Plugin* instance = nullptr;

    PluginRecord();
    PluginRecord(PluginRecord&&) noexcept;
    PluginRecord& operator=(PluginRecord&&) noexcept;
    ~PluginRecord();
};

class PluginManager {
public:
    explicit PluginManager(HostServices services);
    ~PluginManager();

    /// Loads every plugin folder in `dir` (sorted by name). Ids in `disabled` are listed but not loaded.
    void loadAll(const std::filesystem::path& dir, const std::vector<std::string>& disabled = {});
    /// Loads one plugin folder and returns its record.
    const PluginRecord& loadOne(const std::filesystem::path& dir, const std::vector<std::string>& disabled = {});
    /// Loads a plugin under development: like loadOne, from a private copy of its library, and
    /// watched by pollDevPlugins().
    const PluginRecord& loadDev(const std::filesystem::path& dir, const std::vector<std::string>& disabled = {});
    /// Checks the libraries and manifests of the dev plugins; one that changed and then stayed the
    /// same for one more poll (the linker is done) is shut down and loaded again in place: its
    /// panels keep their ids and so their places. Returns the ids reloaded.
    std::vector<std::string> pollDevPlugins();
    /// Shuts every plugin down (reverse load order) and drops what it registered; libraries stay mapped.
    void shutdownAll();
    /// Unmaps the libraries; call after ImGui::DestroyContext.
    void unloadLibraries();

    const std::vector<PluginRecord>& plugins() const { return plugins_; }
    std::size_t loadedCount() const;

private:
    /// Runs the load sequence into `record` (whose dir and dev flag are set).
    void load(PluginRecord& record, const std::vector<std::string>& disabled);
    void shutdown(PluginRecord& record);
    /// What the dev plugin's files look like now (sizes and times of plugin.json and its library).
    std::string devStamp(const PluginRecord& record) const;
    /// Where the private copy of a dev plugin's library goes.
    std::filesystem::path devCopyPath(const PluginRecord& record);

    struct DevWatch {
        std::size_t index;       ///< into plugins_
        std::string loaded;      ///< the stamp of the files that were loaded
        std::string seen;        ///< the stamp seen at the last poll
        std::vector<std::string> disabled;
    };

    HostServices services_;
    std::vector<PluginRecord> plugins_;
    std::vector<DevWatch> devWatches_;
    std::vector<std::unique_ptr<LoadedLibrary>> retired_;   ///< replaced dev libraries, unmapped at the end
    std::vector<std::filesystem::path> retiredFiles_;       ///< their private copies
    unsigned devGeneration_ = 0;
};

/// A one-line status for a record ("loaded", "failed: ...", "disabled: ...").
std::string describe(const PluginRecord& record);

}  // namespace agentdesk::host
