#pragma once
// The HostApi one plugin holds: its own sender-stamped bus, log, timers and settings file, and
// registrations tagged with its id so they leave with it.

#include "plugins/plugin_manager.hpp"

#include <agentdesk/host_api.hpp>

#include <unordered_set>

namespace agentdesk::host {

class PluginContext final : public HostApi, private Logger, private Timers {
public:
    PluginContext(HostServices& services, const Manifest& manifest);
    ~PluginContext() override;

    std::string_view pluginId() const override { return id_; }
    Bus& bus() override { return bus_; }
    const Clock& clock() const override { return services_.clock; }
    agentdesk::Timers& timers() override { return *this; }
    Logger& log() override { return *this; }
    const PluginPaths& paths() const override { return paths_; }
    bool headless() const override { return services_.headless; }

    void addPanel(PanelSpec panel) override;
    void focusPanel(std::string_view panelId) override;
    void addTopBarItem(TopBarItem item) override;
    void addOverlay(Overlay overlay) override;
    void addCommand(CommandSpec command) override;

    nlohmann::json loadSettings() const override;
    void saveSettings(const nlohmann::json& settings) override;

    void notify(Notification notification) override;
    void requestRedraw() override;
    const DisplayMode& displayMode() const override { return services_.display; }
    ImFont* displayFont(float pixelHeight) const override {
        return services_.displayFont ? services_.displayFont(pixelHeight) : nullptr;
    }
    std::filesystem::path logDirectory() const override { return services_.paths.logs; }
    std::string desktopVersion() const override { return AGENTDESK_VERSION; }
    Picture loadPicture(std::string_view key, const std::vector<char>& encoded, int maxEdge) override {
        return services_.pictures ? services_.pictures->load(id_, key, encoded, maxEdge) : Picture{};
    }
    Picture picture(std::string_view key) override {
        return services_.pictures ? services_.pictures->find(id_, key) : Picture{};
    }
    void forgetPicture(std::string_view key) override {
        if (services_.pictures) services_.pictures->forget(id_, key);
    }

    /// Ends subscriptions, cancels timers, removes registrations and drops pictures.
    void detach();

private:
    void write(LogLevel level, std::string_view text) override;
    TimerId scheduleRaw(TimePoint when, std::function<void()> fn) override;
    void cancel(TimerId id) override;

    HostServices& services_;
    std::string id_;
    SenderBus bus_;
    PluginPaths paths_;
    std::unordered_set<TimerId> timers_;
};

}  // namespace agentdesk::host
