#pragma once
// The desktop: the services every plugin shares (bus, clock, timers, registry, notifications),
// the plugin manager, and the two ways to run: with a window, or headless for scenarios.

#include "core/notification_center.hpp"
#include "core/options.hpp"
#include "core/paths.hpp"
#include "devtools/bus_recorder.hpp"
#include "devtools/bus_replayer.hpp"
#include "plugins/plugin_manager.hpp"
#include "plugins/registry.hpp"
#include "shell/appearance.hpp"
#include "shell/keymap.hpp"
#include "workspace/layout_store.hpp"
#include "workspace/workspace.hpp"

#include <agentdesk/runtime/event_bus.hpp>
#include <agentdesk/runtime/timing.hpp>

#include <nlohmann/json.hpp>

#include <atomic>
#include <chrono>
#include <memory>

struct GLFWwindow;

namespace agentdesk::host {

class Desktop {
public:
    /// `started` is when the process began, for the start-up time in the log.
    Desktop(Options options, Paths paths, std::chrono::steady_clock::time_point started = std::chrono::steady_clock::now());
    ~Desktop();

    /// Runs in the mode the options ask for; returns the process exit code.
    int run();

private:
    // Shared set-up.
    void loadPlugins();
    /// Polls the --dev-plugin folders once a second and reloads a plugin whose build changed.
    void watchDevPlugins();
    void postNotification(Notification n, std::string source);
    std::vector<std::pair<std::string, DockHint>> registeredPanels() const;
    int runScenario(bool withWindow);
    int listPlugins();

    // Window (desktop_window.cpp).
    bool openWindow(std::string& error);
    void closeWindow();
    int runWindowed();
    void loadFonts();
    static TextureFunctions glTextures();
    void applyTheme();
    void setAppearance(Appearance appearance);
    void drawAppearanceMenu();
    void renderFrame();
    void drawDesktop();
    void drawWallboard();
    ImFont* displayFont(float pixelHeight) const;
    bool chooseMonitor(int& x, int& y, int& width, int& height);
    static void noteInput(GLFWwindow* window);
    void drawMenuBar();
    void drawTopBar(float y, float height);
    void drawWorkspace(float top);
    void drawFloatingPanels();
    void drawHostPanels();
    void drawToasts();
    void handleShortcuts();
    void drawShortcutsWindow();
    void captureShortcut();
    std::vector<CommandKeys> commandKeys() const;
    void focusPanel(std::string_view panelId);
    std::string saveScreenshot(const std::filesystem::path& file);
    std::optional<double> waitTimeout() const;
    void loadSettings();
    void saveSettings();
    void saveLayouts();
    void registerHostPanels();

    Options options_;
    std::chrono::steady_clock::time_point started_;
    bool firstFrameLogged_ = false;
    Paths paths_;
    EventBus bus_;
    SystemClock systemClock_;
    VirtualClock virtualClock_;
    const Clock* clock_;
    TimerQueue timers_;
    Registry registry_;
    NotificationCenter notifications_;
    std::unique_ptr<PictureCache> pictures_;  // before plugins_: plugins drop their pictures as they unload
    std::unique_ptr<PluginManager> plugins_;
    Subscription errorSubscription_;
    std::unique_ptr<BusRecorder> recorder_;  // --record
    std::unique_ptr<BusReplayer> replayer_;  // --replay

    workspace::LayoutStore layouts_;
    workspace::Workspace workspace_;
    nlohmann::json settings_ = nlohmann::json::object();

    DisplayMode display_;               // desktop or wallboard, and the monitor's size and scale
    std::vector<ImFont*> displayFonts_; // the UI font baked at large sizes, smallest first
    std::string startNotice_;           // a warning found while opening the window, told once plugins are up

    GLFWwindow* window_ = nullptr;
    bool imguiReady_ = false;
    std::atomic<bool> redrawRequested_{true};
    std::atomic<bool> inputSeen_{false};  // wallboard mode: input since the last frame
    TimePoint lastFrameAt_{};
    int framesToSettle_ = 3;  // ImGui needs a few frames after input to settle hover and layout
    std::string dragPanel_;   // tab being dragged, "" when none
    std::string pendingScreenshot_;
    std::string screenshotError_;
    bool showAbout_ = false;
    bool showShortcuts_ = false;
    Keymap keymap_;
    Appearance appearance_;
    bool fontsDirty_ = false;     // the text size changed: bake the fonts again before the next frame
    std::string capturing_;       // command whose new shortcut is being typed, "" when none
    std::string shortcutProblem_; // why the last new shortcut was refused
    bool quitRequested_ = false;
};

}  // namespace agentdesk::host
