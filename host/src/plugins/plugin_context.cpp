#include "plugins/plugin_context.hpp"

#include "core/json_file.hpp"
#include "core/logging.hpp"

#include <spdlog/logger.h>

#include <memory>

namespace agentdesk::host {

PluginContext::PluginContext(HostServices& services, const Manifest& manifest)
    : services_(services), id_(manifest.id), bus_(services.bus, manifest.id) {
    paths_.assets = services.paths.assets;
    paths_.config = services.paths.config;
    paths_.data = services.paths.data / id_;
    std::error_code ec;
    std::filesystem::create_directories(paths_.data, ec);

    // Capabilities: a plugin publishes only the topics its manifest declares.
    bus_.setPublishFilter(
        [publishes = manifest.publishes](std::string_view topic) {
            for (const auto& pattern : publishes) {
                if (topicMatches(pattern, topic)) return true;
            }
            return false;
        },
        [this](const Message& refused) {
            appLog().warn("[{}] refused publish of '{}': not declared in plugin.json \"publishes\"", id_, refused.topic);
        });
}

PluginContext::~PluginContext() { detach(); }

void PluginContext::detach() {
    bus_.unsubscribeAll();
    for (TimerId id : timers_) services_.timers.cancel(id);
    timers_.clear();
    services_.registry.removeOwner(id_);
    if (services_.pictures) services_.pictures->forgetOwner(id_);
}

void PluginContext::addPanel(PanelSpec panel) {
    std::string id = panel.id;
    if (!services_.registry.addPanel(std::move(panel), id_)) {
        appLog().warn("[{}] panel id '{}' is already taken; the panel was not added", id_, id);
    }
}

void PluginContext::focusPanel(std::string_view panelId) {
    if (services_.focusPanel) services_.focusPanel(panelId);
}

void PluginContext::addTopBarItem(TopBarItem item) { services_.registry.addTopBarItem(std::move(item), id_); }

void PluginContext::addOverlay(Overlay overlay) { services_.registry.addOverlay(std::move(overlay), id_); }

void PluginContext::addCommand(CommandSpec command) {
    std::string id = command.id;
    if (!services_.registry.addCommand(std::move(command), id_)) {
        appLog().warn("[{}] command id '{}' is already taken; the command was not added", id_, id);
    }
}

nlohmann::json PluginContext::loadSettings() const {
    auto read = readJsonFile(paths_.config / "plugins" / (id_ + ".json"),
                             [](const nlohmann::json& j) { return j.is_object() ? "" : "not a JSON object"; });
    if (read.status == JsonFileRead::Status::Corrupt) {
        services_.notifications.post({Severity::Warning, "Settings reset", read.message}, id_, services_.clock.now());
        appLog().warn("[{}] {}", id_, read.message);
    }
    return read.status == JsonFileRead::Status::Ok ? read.value : nlohmann::json::object();
}

void PluginContext::saveSettings(const nlohmann::json& settings) {
    std::string error;
    if (!writeJsonFile(paths_.config / "plugins" / (id_ + ".json"), settings, &error)) {
        appLog().error("[{}] settings not saved: {}", id_, error);
    }
}

void PluginContext::notify(Notification notification) {
    appLog().info("[{}] notification: {}: {}", id_, notification.title, notification.message);
    services_.notifications.post(std::move(notification), id_, services_.clock.now());
    requestRedraw();
}

void PluginContext::requestRedraw() {
    if (services_.requestRedraw) services_.requestRedraw();
}

void PluginContext::write(LogLevel level, std::string_view text) {
    auto& log = appLog();
    switch (level) {
        case LogLevel::Debug: log.debug("[{}] {}", id_, text); break;
        case LogLevel::Info: log.info("[{}] {}", id_, text); break;
        case LogLevel::Warning: log.warn("[{}] {}", id_, text); break;
        case LogLevel::Error: log.error("[{}] {}", id_, text); break;
    }
}

TimerId PluginContext::scheduleRaw(TimePoint when, std::function<void()> fn) {
    // The wrapper forgets its id once fired, so detach() cancels only what is still pending.
    auto cell = std::make_shared<TimerId>(0);
    TimerId id = services_.timers.scheduleRaw(when, [this, cell, fn = std::move(fn)] {
        timers_.erase(*cell);
        fn();
    });
    *cell = id;
    timers_.insert(id);
    return id;
}

void PluginContext::cancel(TimerId id) {
    timers_.erase(id);
    services_.timers.cancel(id);
}

}  // namespace agentdesk::host
