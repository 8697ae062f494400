// The support plugin: asking a supervisor for help and supervising (spec OTHER-04), reporting a
// call quality problem (OTHER-06) and sending the logs to the administrator (OTHER-07), over the
// bus only.

#include "model/log_bundle.hpp"
#include "model/support_desk.hpp"
#include "view/support_panel.hpp"

#include <agentdesk/plugin.hpp>
#include <agentdesk/ui/icons.hpp>

#include <memory>

namespace agentdesk::support {

class SupportPlugin final : public Plugin {
public:
    void init(HostApi& host) override {
        traffic_ = std::make_unique<TrafficRing>(host.bus(), host.clock());
        desk_ = std::make_unique<SupportDesk>(host.bus(), host.clock(),
                                              [&host](bool problem, const std::string& title, const std::string& text) {
                                                  host.notify({problem ? Severity::Warning : Severity::Info, title, text});
                                              });
        panel_ = std::make_unique<SupportPanel>(*desk_, *traffic_, host);
        host.addPanel({"support.panel", "Assistance", AD_ICON_HAND_PAPER, DockHint::Right, [this] { panel_->draw(); }});
        host.addCommand({"support.hand", "Raise / lower your hand for a supervisor", "Ctrl+Shift+U",
                         [this] { panel_->toggleHand(); }, [this] { return desk_->loggedIn(); }});
        host.addCommand({"support.logs", "Send logs to the administrator", "", [&host] { host.focusPanel("support.panel"); },
                         [this] { return desk_->loggedIn(); }});
    }

    void shutdown() override {
        panel_.reset();
        desk_.reset();
        traffic_.reset();
    }

private:
    std::unique_ptr<TrafficRing> traffic_;
    std::unique_ptr<SupportDesk> desk_;
    std::unique_ptr<SupportPanel> panel_;
};

}  // namespace agentdesk::support

AGENTDESK_PLUGIN(agentdesk::support::SupportPlugin)
