// The engine plugin: the embedded contact center behind the desktop. It has no panels; it loads
// the scenario folder and runs a ContactCenter and its Simulation on the host's bus, clock and timers.

#include "model/center_config.hpp"
#include "model/contact_center.hpp"
#include "model/simulation.hpp"

#include <agentdesk/events/simulation.hpp>

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
        simulation_ = std::make_unique<Simulation>(*center_, host.clock(), host.timers());
        Bus& bus = host.bus();
        simulationControl_ = bus.subscribe<events::SetSimulation>([this, &bus](const events::SetSimulation& c, const Message& m) {
            if (c.speed > 0) simulation_->setSpeed(c.speed);
            simulation_->setRunning(c.running);
            bus.publish(events::SimulationState{simulation_->running(), simulation_->speed(), simulation_->arrivals()},
                        m.correlation);
        });
        bus.publish(events::SimulationState{simulation_->running(), simulation_->speed(), simulation_->arrivals()});
    }

    void shutdown() override {
        simulationControl_ = {};
        simulation_.reset();
        center_.reset();
    }

private:
    std::unique_ptr<ContactCenter> center_;
    std::unique_ptr<Simulation> simulation_;
    Subscription simulationControl_;
};

}  // namespace agentdesk::engine

AGENTDESK_PLUGIN(agentdesk::engine::EnginePlugin)
