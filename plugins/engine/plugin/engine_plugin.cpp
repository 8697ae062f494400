// The engine plugin: the embedded contact center behind the desktop. It has no panels; it loads
// the scenario folder and runs a ContactCenter on the host's bus, clock and timers.

#include "model/center_config.hpp"
#include "model/contact_center.hpp"

#include <agentdesk/plugin.hpp>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <memory>

namespace agentdesk::engine {

class EnginePlugin final : public Plugin {
public:
    void init(HostApi& host) override {
        // A ConfigError escapes on purpose: the host disables the plugin and shows its message.
        const std::filesystem::path scenarioDir = scenarioDirFor(host.loadSettings(), host.paths().assets);
        CenterConfig config = loadCenterConfig(scenarioDir);
        host.log().info(fmt::format("contact center \"{}\" loaded from {}: {} users, {} desk phones",
                                    config.settings.name, scenarioDir.string(), config.users.size(),
                                    config.settings.deskPhoneExtensions.size()));
        center_ = std::make_unique<ContactCenter>(host.bus(), host.clock(), host.timers(), std::move(config));
    }

    void shutdown() override { center_.reset(); }

private:
    std::unique_ptr<ContactCenter> center_;
};

}  // namespace agentdesk::engine

AGENTDESK_PLUGIN(agentdesk::engine::EnginePlugin)
