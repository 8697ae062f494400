#include "app/desktop.hpp"

#include "core/json_file.hpp"
#include "core/logging.hpp"
#include "scenario/scenario_runner.hpp"

#include <agentdesk/events/core.hpp>
#include <agentdesk/plugin.hpp>

#include <fmt/format.h>
#include <spdlog/logger.h>

#include <GLFW/glfw3.h>

#include <algorithm>
#include <cstdio>
#include <iostream>

namespace agentdesk::host {

namespace {
/// Pictures kept as textures, all plugins together (a screenful of chat photos, with room to scroll back).
constexpr std::size_t kPicturesKept = 96;
}  // namespace

Desktop::Desktop(Options options, Paths paths, std::chrono::steady_clock::time_point started)
    : options_(std::move(options)),
      started_(started),
      paths_(std::move(paths)),
      clock_(options_.scenario ? static_cast<const Clock*>(&virtualClock_) : &systemClock_),
      layouts_(paths_.config / "layouts.json"),
      workspace_(layouts_, paths_.assets / "layouts") {
    display_.wallboard = options_.wallboard;
    if (options_.board) display_.boardFile = *options_.board;
    if (options_.scenario) {
        virtualClock_.set(ScenarioRunner::startOf(*options_.scenario).value_or(systemClock_.now()));
    }
    bus_.setWakeCallback([this] {
        if (!options_.wallboard) redrawRequested_ = true;  // a wallboard's plugin asks when its figures change
        if (window_) glfwPostEmptyEvent();
    });
    bus_.setProblemSink([](const Message& m, std::string_view problem) {
        appLog().error("bus: {} (topic {}, sender {})", problem, m.topic, m.sender);
    });
    // Every refused command reaches the agent as a notification and stays in the history (UI-30).
    errorSubscription_ = bus_.subscribe<events::Error>([this](const events::Error& e, const Message& m) {
        postNotification({Severity::Error, "Request refused", e.message}, m.sender.empty() ? "host" : m.sender);
    });
}

Desktop::~Desktop() {
    errorSubscription_.reset();
    if (plugins_) plugins_->shutdownAll();
    closeWindow();
    if (plugins_) plugins_->unloadLibraries();
}

void Desktop::postNotification(Notification n, std::string source) {
    appLog().info("notification [{}] {}: {}", source, n.title, n.message);
    notifications_.post(std::move(n), std::move(source), clock_->now());
    redrawRequested_ = true;
}

void Desktop::loadPlugins() {
    HostServices services{bus_,
                          *clock_,
                          timers_,
                          registry_,
                          notifications_,
                          paths_,
                          options_.headless,
                          [this] {
                              redrawRequested_ = true;
                              if (window_) glfwPostEmptyEvent();
                          },
                          [this](std::string_view id) { focusPanel(id); },
                          display_,
                          {}};
    if (window_) services.displayFont = [this](float pixelHeight) { return displayFont(pixelHeight); };
    // With a window, pictures are decoded on a worker and drawn from textures; headless, they are
    // decoded at once for their size only.
    if (!pictures_) {
        pictures_ = std::make_unique<PictureCache>(window_ ? glTextures() : TextureFunctions{}, kPicturesKept,
                                                   window_ != nullptr, services.requestRedraw);
    }
    services.pictures = pictures_.get();
    plugins_ = std::make_unique<PluginManager>(std::move(services));
    // A plugin being developed comes first, so an installed copy with its id is the one refused.
    for (const auto& dir : options_.devPlugins) plugins_->loadDev(dir, options_.disabledPlugins);
    plugins_->loadAll(paths_.plugins, options_.disabledPlugins);
    if (!options_.devPlugins.empty()) watchDevPlugins();
    bus_.dispatch();
    if (replayer_) {  // once every plugin listens
        appLog().info("replaying {} recorded messages from {}", replayer_->size(), options_.replay->string());
        replayer_->start(bus_, timers_, clock_->now());
    }
}

void Desktop::watchDevPlugins() {
    timers_.scheduleRaw(clock_->now() + std::chrono::seconds(1), [this] {
        for (const std::string& id : plugins_->pollDevPlugins()) {
            const auto& records = plugins_->plugins();
            auto record = std::find_if(records.begin(), records.end(), [&](const auto& r) { return r.dev && r.manifest.id == id; });
            if (record != records.end() && record->status == PluginStatus::Loaded) {
                postNotification({Severity::Info, "Plugin reloaded", fmt::format("{} {} from {}", record->manifest.name,
                                                                                  record->manifest.version,
                                                                                  record->dir.string())},
                                 "host");
            }
            redrawRequested_ = true;
        }
        watchDevPlugins();
    });
}

std::vector<std::pair<std::string, DockHint>> Desktop::registeredPanels() const {
    std::vector<std::pair<std::string, DockHint>> panels;
    for (const auto& p : registry_.panels()) panels.emplace_back(p.spec.id, p.spec.hint);
    return panels;
}

int Desktop::listPlugins() {
    ImGui::CreateContext();  // plugins may touch ImGui state in init even without a window
    imguiReady_ = true;
    loadPlugins();
    for (const auto& p : plugins_->plugins()) {
        std::printf("%-12s %-8s %s\n", p.manifest.id.c_str(), p.manifest.version.c_str(), describe(p).c_str());
    }
    return 0;
}

int Desktop::runScenario(bool withWindow) {
    ScenarioTarget target{bus_, virtualClock_, timers_, {}, {}, {}};
    target.runCommand = [this](const std::string& id) -> std::string {
        const RegisteredCommand* found = registry_.findCommand(id);
        if (!found) return "no command \"" + id + "\" (see Help > Keyboard shortcuts for the loaded ones)";
        if (found->command.enabled && !found->command.enabled()) return "the command \"" + id + "\" is not available now";
        found->command.run();
        return {};
    };
    if (withWindow) {
        target.renderFrames = [this](int n) {
            for (int i = 0; i < n; ++i) renderFrame();
        };
        target.screenshot = [this](const std::filesystem::path& file) {
            return saveScreenshot(file);
        };
    }
    ScenarioRunner runner(target);
    ScenarioResult result = runner.runFile(*options_.scenario);
    std::fputs(result.report.c_str(), result.passed ? stdout : stderr);
    return result.passed ? 0 : 1;
}

int Desktop::run() {
    std::string error;
    if (!ensureWritableDirs(paths_, error)) {
        std::fprintf(stderr, "agentdesk: %s\n", error.c_str());
        return 1;
    }
    if (options_.record) {  // before plugins load, so their first words are in it too
        recorder_ = std::make_unique<BusRecorder>(bus_, *clock_, *options_.record);
        if (!recorder_->ok()) {
            std::fprintf(stderr, "agentdesk: %s\n", recorder_->error().c_str());
            return 1;
        }
        appLog().info("recording the bus into {}", options_.record->string());
    }
    if (options_.replay) {
        replayer_ = std::make_unique<BusReplayer>(*options_.replay);
        if (!replayer_->ok()) {
            std::fprintf(stderr, "agentdesk: %s\n", replayer_->error().c_str());
            return 1;
        }
    }
    if (options_.listPlugins) return listPlugins();
    if (options_.headless) {
        if (!options_.scenario) {
            std::fprintf(stderr, "agentdesk: --headless needs --scenario FILE or --list-plugins\n");
            return 2;
        }
        ImGui::CreateContext();
        imguiReady_ = true;
        loadPlugins();
        return runScenario(false);
    }
    return runWindowed();
}

}  // namespace agentdesk::host
