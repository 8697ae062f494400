// The activity plugin: the agent's active communications across channels, over the bus only.

#include "model/active_communications.hpp"
#include "view/active_communications_panel.hpp"

#include <agentdesk/plugin.hpp>
#include <agentdesk/ui/icons.hpp>

#include <fmt/format.h>

#include <memory>

namespace agentdesk::activity {

class ActivityPlugin final : public Plugin {
public:
    void init(HostApi& host) override {
        model_ = std::make_unique<ActiveCommunications>(host.bus(), host.clock(), [&host](const Item& item) {
            const events::Offered& o = item.offer;
            const char* what = o.channel == Channel::Voice ? "Incoming call" : o.channel == Channel::Chat ? "New chat" : o.channel == Channel::Email ? "New email" : "New campaign record";
            host.notify({Severity::Info, what,
                         fmt::format("{} - {}", o.customerName.empty() ? o.from : o.customerName, o.serviceName)});
            host.focusPanel("activity.list");
        }, [&host](const std::string& refusal) {
            // Also for a shortcut pressed while the list is out of sight.
            host.notify({Severity::Warning, "Active Communications", refusal});
        });
        panel_ = std::make_unique<ActiveCommunicationsPanel>(*model_, host);
        host.addPanel({"activity.list", "Active Communications", AD_ICON_INBOX, DockHint::Center, [this] { panel_->draw(); }});
        auto selectedAt = [this](ItemStage stage) {
            const Item* item = model_->find(model_->selected());
            return item && item->stage == stage;
        };
        host.addCommand({"activity.accept", "Accept the selected offer", "Ctrl+Shift+A",
                         [this] { model_->accept(model_->selected()); },
                         [this, selectedAt] {
                             const Item* item = model_->find(model_->selected());
                             return selectedAt(ItemStage::Ringing) && item && !item->offer.outbound;
                         }});
        host.addCommand({"activity.release", "Release the selected interaction", "Ctrl+Shift+E",
                         [this] { model_->release(model_->selected()); },
                         [selectedAt] { return selectedAt(ItemStage::Connected); }});
        host.addCommand({"activity.complete", "Complete wrap-up", "Ctrl+Shift+C",
                         [this] { model_->complete(model_->selected()); },
                         [selectedAt] { return selectedAt(ItemStage::WrapUp); }});
    }

    void shutdown() override {
        panel_.reset();
        model_.reset();
    }

private:
    std::unique_ptr<ActiveCommunications> model_;
    std::unique_ptr<ActiveCommunicationsPanel> panel_;
};

}  // namespace agentdesk::activity

AGENTDESK_PLUGIN(agentdesk::activity::ActivityPlugin)
