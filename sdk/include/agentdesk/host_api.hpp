#pragma once
// What the host offers a plugin. A plugin receives one HostApi in Plugin::init and keeps the
// reference for its lifetime; everything it registers is removed when it unloads.

#include "agentdesk/bus.hpp"
#include "agentdesk/clock.hpp"

#include <nlohmann/json_fwd.hpp>

#include <filesystem>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

struct ImFont;

namespace agentdesk {

/// Where a panel docks the first time it appears in a layout that does not place it.
enum class DockHint { Left, Right, Bottom, Center };

/// A dockable panel. The host owns placement (dock tree, tabs, floating); the plugin draws contents.
struct PanelSpec {
    std::string id;        ///< unique, prefixed with the plugin id: "agent.state"
    std::string title;     ///< tab title
    std::string icon;      ///< a Font Awesome 4.7 glyph as UTF-8 (see ui.hpp), or empty
    DockHint hint = DockHint::Center;
    std::function<void()> draw;  ///< draws the contents with ImGui, inside the panel's area
};

/// Something drawn in the top bar under the menu (state selector, phone device, bell). Lower order draws first.
struct TopBarItem {
    std::string id;
    int order = 0;
    std::function<void()> draw;
};

/// A screen that takes the place of the workspace while `active()` says so (a login screen).
/// The host then draws the menu bar, the overlay in the viewport's work area, and notifications;
/// panels and the top bar wait until no overlay is active.
struct Overlay {
    std::string id;
    std::function<void()> draw;
    std::function<bool()> active;  ///< empty: always active
};

/// An action the agent can trigger from a menu, the command palette or a keyboard shortcut.
struct CommandSpec {
    std::string id;        ///< "agent.ready"
    std::string label;     ///< "Go Ready"
    std::string shortcut;  ///< default binding, e.g. "Ctrl+R", "F5", "" for none
    std::function<void()> run;
    std::function<bool()> enabled;  ///< empty means always enabled
};

enum class Severity { Info, Success, Warning, Error };

/// A message for the agent: shown as a toast and kept in the notification history.
struct Notification {
    Severity severity = Severity::Info;
    std::string title;
    std::string message;
};

enum class LogLevel { Debug, Info, Warning, Error };

/// The plugin's log: lines go to the desktop's rotating log file and Log panel, tagged with the plugin id.
class Logger {
public:
    virtual ~Logger() = default;
    /// Writes one line.
    virtual void write(LogLevel level, std::string_view text) = 0;
    void debug(std::string_view text) { write(LogLevel::Debug, text); }
    void info(std::string_view text) { write(LogLevel::Info, text); }
    void warn(std::string_view text) { write(LogLevel::Warning, text); }
    void error(std::string_view text) { write(LogLevel::Error, text); }
};

/// Directories a plugin may use.
struct PluginPaths {
    std::filesystem::path assets;   ///< read-only shared assets (scenario data, layouts, help)
    std::filesystem::path data;     ///< this plugin's writable data dir (databases, drafts)
    std::filesystem::path config;   ///< the desktop's config dir (settings, layouts)
};

/// How the desktop was started and the display it is on (SDK 1.1).
struct DisplayMode {
    bool wallboard = false;                ///< --wallboard: full screen, no login, the wallboard panel only
    std::filesystem::path boardFile;       ///< --board FILE; empty for the board saved last (or the default)
    int monitorWidth = 0;                  ///< pixels of the monitor the window is on (0: unknown, headless)
    int monitorHeight = 0;
    float contentScale = 1.0f;             ///< the monitor's DPI scale as the platform reports it
};

/// A picture the host decoded for a plugin and keeps as a texture (SDK 1.3).
struct Picture {
    enum class State {
        None,        ///< nothing kept under this key: never loaded, forgotten, or evicted to bound memory
        Loading,     ///< being decoded away from the UI thread; the host redraws when it is ready
        Ready,       ///< decoded: draw `texture`
        Unreadable,  ///< not a picture the host can read (or too large); kept so it is not tried again
    };
    State state = State::None;
    void* texture = nullptr;  ///< an ImTextureID for ImGui::Image; nullptr headless or until Ready
    int width = 0;            ///< the picture's own size in pixels (the texture may be smaller)
    int height = 0;
};

/// The host as a plugin sees it.
class HostApi {
public:
    virtual ~HostApi() = default;

    /// The id from this plugin's manifest.
    virtual std::string_view pluginId() const = 0;
    /// The bus; messages published through it carry this plugin's id as sender.
    virtual Bus& bus() = 0;
    /// Current time (virtual in tests and scenarios).
    virtual const Clock& clock() const = 0;
    /// One-shot timers on the UI thread; the frame loop wakes for them.
    virtual Timers& timers() = 0;
    /// This plugin's log.
    virtual Logger& log() = 0;
    /// Directories for this plugin.
    virtual const PluginPaths& paths() const = 0;
    /// True when the host runs without a window (scenarios, tests): nothing will be drawn.
    virtual bool headless() const = 0;

    /// Adds a dockable panel.
    virtual void addPanel(PanelSpec panel) = 0;
    /// Shows a panel and makes its tab active (e.g. when an interaction is selected).
    virtual void focusPanel(std::string_view panelId) = 0;
    /// Adds an item to the top bar.
    virtual void addTopBarItem(TopBarItem item) = 0;
    /// Adds an overlay drawn above the workspace.
    virtual void addOverlay(Overlay overlay) = 0;
    /// Adds a command with an optional default shortcut.
    virtual void addCommand(CommandSpec command) = 0;

    /// This plugin's settings, as saved last time (an empty object the first time).
    virtual nlohmann::json loadSettings() const = 0;
    /// Saves this plugin's settings (atomically, in the config dir).
    virtual void saveSettings(const nlohmann::json& settings) = 0;

    /// Shows a notification to the agent and keeps it in the history.
    virtual void notify(Notification notification) = 0;
    /// Asks for a redraw soon; thread-safe. Timers and bus traffic already wake the host.
    virtual void requestRedraw() = 0;

    // Added in SDK 1.1 (appended: plugins built for 1.0 never call them; the bodies below keep
    // hosts and test doubles written for 1.0 compiling).

    /// How the desktop was started (desktop or wallboard mode) and on which display.
    virtual const DisplayMode& displayMode() const {
        static const DisplayMode desktop;
        return desktop;
    }
    /// The UI font baked (not scaled) at the size nearest `pixelHeight`, for large text such as a
    /// wallboard's figures; nullptr when the host has none (headless, tests).
    virtual ImFont* displayFont(float pixelHeight) const {
        (void)pixelHeight;
        return nullptr;
    }

    // Added in SDK 1.2.

    /// The folder of the desktop's log files, for a support bundle; empty when unknown.
    virtual std::filesystem::path logDirectory() const { return {}; }
    /// The desktop's own version ("0.9.0"); empty when unknown.
    virtual std::string desktopVersion() const { return {}; }

    // Added in SDK 1.3.

    /// Decodes an encoded picture (PNG, JPEG, GIF's first frame, BMP) into a texture of at most
    /// `maxEdge` pixels a side, kept under `key` for this plugin until it unloads, forgets it, or
    /// the host evicts it (least recently drawn first). Decoding runs away from the UI thread: the
    /// answer is Loading, or what is already kept under `key`. State None: the host shows no pictures.
    virtual Picture loadPicture(std::string_view key, const std::vector<char>& encoded, int maxEdge) {
        (void)key;
        (void)encoded;
        (void)maxEdge;
        return {};
    }
    /// The picture kept under `key`; asking marks it as recently drawn.
    virtual Picture picture(std::string_view key) {
        (void)key;
        return {};
    }
    /// Drops the picture kept under `key` and its texture.
    virtual void forgetPicture(std::string_view key) { (void)key; }
};

}  // namespace agentdesk
