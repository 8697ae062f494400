#pragma once
// Finds, checks, loads and unloads plugins. Every failure disables only the plugin concerned,
// with a reason written for whoever installed it; the desktop keeps running.
//
// Load sequence per folder under the plugins dir:
//   plugin.json present and valid -> not disabled by the user -> manifest SDK compatible ->
//   library present -> dlopen(RTLD_NOW) -> entry symbol present -> entry SDK and Dear ImGui match
//   -> create + init(HostApi) without throwing -> Loaded.

#include "core/notification_center.hpp"
#include "core/paths.hpp"
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
    /// Shuts every plugin down (reverse load order) and drops what it registered; libraries stay mapped.
    void shutdownAll();
    /// Unmaps the libraries; call after ImGui::DestroyContext.
    void unloadLibraries();

    const std::vector<PluginRecord>& plugins() const { return plugins_; }
    std::size_t loadedCount() const;

private:
    void shutdown(PluginRecord& record);

    HostServices services_;
    std::vector<PluginRecord> plugins_;
};

/// A one-line status for a record ("loaded", "failed: ...", "disabled: ...").
std::string describe(const PluginRecord& record);

}  // namespace agentdesk::host
