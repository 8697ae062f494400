// The campaign plugin (spec CAMP-01..05): the Campaign panel over the bus only; the calls it
// places are interactions of the contact center like any other.

#include "model/campaign_desk.hpp"
#include "view/campaign_panel.hpp"

#include <agentdesk/events/desktop.hpp>
#include <agentdesk/plugin.hpp>
#include <agentdesk/ui/icons.hpp>

#include <memory>

namespace agentdesk::campaign {

class CampaignPlugin final : public Plugin {
public:
    void init(HostApi& host) override {
        desk_ = std::make_unique<CampaignDesk>(host.bus(), host.clock());
        panel_ = std::make_unique<CampaignPanel>(*desk_, host);
        host.addPanel({"campaign.panel", "Campaign", AD_ICON_BULLHORN, DockHint::Center, [this] { panel_->draw(); }});
        host.addCommand({"campaign.show", "Show the Campaign panel", "", [&host] { host.focusPanel("campaign.panel"); }, {}});
        // Chosen elsewhere (Active Communications): the record and its result are here.
        selected_ = host.bus().subscribe<events::InteractionSelected>([&host](const events::InteractionSelected& e) {
            if (e.channel == Channel::Campaign) host.focusPanel("campaign.panel");
        });
    }

    void shutdown() override {
        selected_ = {};
        panel_.reset();
        desk_.reset();
    }

private:
    std::unique_ptr<CampaignDesk> desk_;
    std::unique_ptr<CampaignPanel> panel_;
    Subscription selected_;
};

}  // namespace agentdesk::campaign

AGENTDESK_PLUGIN(agentdesk::campaign::CampaignPlugin)
