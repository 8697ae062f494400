// The voicemail plugin: the agent's voicemail box and call forwarding (UI-12..14), over the bus only.

#include "model/audio_output.hpp"
#include "model/voicemail_model.hpp"
#include "view/voicemail_panel.hpp"

#include <agentdesk/plugin.hpp>
#include <agentdesk/ui/icons.hpp>

#include <memory>

namespace agentdesk::voicemail {

class VoicemailPlugin final : public Plugin {
public:
    void init(HostApi& host) override {
        audio_ = std::make_unique<SystemAudio>(host.paths().data);
        model_ = std::make_unique<VoicemailModel>(host.bus(), host.clock(), *audio_,
                                                  [&host](const std::string& title, const std::string& message) {
                                                      host.notify({Severity::Info, title, message});
                                                  });
        panel_ = std::make_unique<VoicemailPanel>(*model_, host);
        host.addPanel({"voicemail.view", "Voicemail", AD_ICON_PHONE_SQUARE, DockHint::Center, [this] { panel_->draw(); }});
        host.addTopBarItem({"voicemail.indicator", 30, [this] { panel_->drawTopBar(); }});
        host.addCommand({"voicemail.open", "Open voicemail", "", [&host] { host.focusPanel("voicemail.view"); }, {}});
    }

    void shutdown() override {
        panel_.reset();
        model_.reset();
        audio_.reset();
    }

private:
    std::unique_ptr<SystemAudio> audio_;
    std::unique_ptr<VoicemailModel> model_;
    std::unique_ptr<VoicemailPanel> panel_;
};

}  // namespace agentdesk::voicemail

AGENTDESK_PLUGIN(agentdesk::voicemail::VoicemailPlugin)
