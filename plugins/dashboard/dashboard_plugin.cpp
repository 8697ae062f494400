// The dashboard plugin (spec OTHER-01): the logged-in agent's own figures for today and the
// queues of their services, with the last hour charted, in a dockable panel.

#include "model/agent_dashboard.hpp"
#include "view/dashboard_panel.hpp"

#include <agentdesk/plugin.hpp>
#include <agentdesk/ui/icons.hpp>

#include <nlohmann/json.hpp>

#include <memory>

namespace agentdesk::dashboard {

class DashboardPlugin final : public Plugin {
public:
    void init(HostApi& host) override {
        host_ = &host;
        model_ = std::make_unique<AgentDashboard>(host.bus());
        const nlohmann::json settings = host.loadSettings();
        if (settings.contains("services") && settings["services"].is_array()) {
            std::set<std::string> chosen;
            for (const auto& id : settings["services"]) {
                if (id.is_string()) chosen.insert(id.get<std::string>());
            }
            model_->setChosen(std::move(chosen));
        }
        panel_ = std::make_unique<DashboardPanel>(*model_, host);
        host.addPanel({"dashboard.mine", "My Dashboard", AD_ICON_DASHBOARD, DockHint::Right, [this] {
            shown_ = true;
            if (model_->loggedIn() && !model_->following()) model_->follow(true);
            panel_->draw();
        }});
        sampleInBackground();
    }

    void shutdown() override {
        panel_.reset();
        model_.reset();
    }

private:
    void sampleInBackground() {
        // Live while the panel is on screen. Hidden, it listens for one snapshot a minute so the
        // last hour's charts have no hole, and the desktop otherwise sleeps.
        background_ = host_->timers().at(host_->clock().now() + std::chrono::seconds(60), [this] {
            const bool wasShown = shown_;
            shown_ = false;
            if (!model_->loggedIn()) {
                model_->follow(false);
            } else if (!wasShown) {
                model_->follow(true);
                stopListening_ = host_->timers().at(host_->clock().now() + std::chrono::milliseconds(2'500), [this] {
                    if (!shown_) model_->follow(false);
                });
            }
            sampleInBackground();
        });
    }

    HostApi* host_ = nullptr;
    std::unique_ptr<AgentDashboard> model_;
    std::unique_ptr<DashboardPanel> panel_;
    bool shown_ = false;
    Timer background_;
    Timer stopListening_;
};

}  // namespace agentdesk::dashboard

AGENTDESK_PLUGIN(agentdesk::dashboard::DashboardPlugin)
