// The help plugin (spec UI-16): the user guide shipped in assets/help/guide.md, searchable, in a
// Help panel.

#include "model/guide.hpp"
#include "view/help_panel.hpp"

#include <agentdesk/plugin.hpp>
#include <agentdesk/ui/icons.hpp>

#include <memory>

namespace agentdesk::help {

class HelpPlugin final : public Plugin {
public:
    void init(HostApi& host) override {
        std::string error;
        guide_ = Guide::load(host.paths().assets / "help" / "guide.md", error);
        if (!error.empty()) host.log().warn(error);
        panel_ = std::make_unique<HelpPanel>(guide_, error);
        host.addPanel({"help.guide", "Help", AD_ICON_QUESTION_CIRCLE, DockHint::Right, [this] { panel_->draw(); }});
        host.addCommand({"help.open", "Open the user guide", "Shift+F1", [this, &host] {
                             host.focusPanel("help.guide");
                             panel_->focusSearch();
                         }, {}});
    }

    void shutdown() override { panel_.reset(); }

private:
    Guide guide_;
    std::unique_ptr<HelpPanel> panel_;
};

}  // namespace agentdesk::help

AGENTDESK_PLUGIN(agentdesk::help::HelpPlugin)
