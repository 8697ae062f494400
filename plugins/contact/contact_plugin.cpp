// The contact plugin: the Contact Info panel, with the customer's record popping up when an
// interaction rings or is selected.

#include "model/contact_info.hpp"
#include "view/contact_panel.hpp"

#include <agentdesk/plugin.hpp>
#include <agentdesk/helper_app.hpp>
#include <agentdesk/ui/icons.hpp>

#include <memory>

namespace agentdesk::contact {

class ContactPlugin final : public Plugin {
public:
    void init(HostApi& host) override {
        model_ = std::make_unique<ContactInfo>(
            host.bus(), [&host](const events::CustomerRecord&) { host.focusPanel("contact.info"); },
            [&host](const std::string& url) {
                // UI-10: the service's page for this customer, in the agent's browser, opened by the
                // helper application (UI-04) like every screen-pop into another program.
                host.log().info("screen-pop " + url);
                if (host.headless()) return;
                if (!findHelper()) {
                    host.notify({Severity::Warning, "Screen-pop",
                                 "Not opened: screen-pops into other programs need the helper application "
                                 "(agentdesk-helper; see My Session). The page was " + url});
                } else if (!openWithHelper(url)) {
                    host.notify({Severity::Warning, "Screen-pop", "The helper application could not be started for " + url});
                }
            });
        panel_ = std::make_unique<ContactPanel>(*model_);
        host.addPanel({"contact.info", "Contact Info", AD_ICON_ADDRESS_BOOK, DockHint::Right, [this] { panel_->draw(); }});
    }

    void shutdown() override {
        panel_.reset();
        model_.reset();
    }

private:
    std::unique_ptr<ContactInfo> model_;
    std::unique_ptr<ContactPanel> panel_;
};

}  // namespace agentdesk::contact

AGENTDESK_PLUGIN(agentdesk::contact::ContactPlugin)
