// The voice plugin: the Call panel for the agent's connected call, over the bus only.

#include "model/call_control.hpp"
#include "view/call_panel.hpp"

#include <agentdesk/events/desktop.hpp>
#include <agentdesk/plugin.hpp>
#include <agentdesk/ui/icons.hpp>

#include <nlohmann/json.hpp>

#include <memory>

namespace agentdesk::voice {

class VoicePlugin final : public Plugin {
public:
    void init(HostApi& host) override {
        // Recent numbers are kept in the plugin's settings, so redial works after a restart.
        model_ = std::make_unique<CallControl>(host.bus(), host.clock(), [&host](const std::vector<std::string>& numbers) {
            nlohmann::json settings = host.loadSettings();
            settings["recentNumbers"] = numbers;
            host.saveSettings(settings);
        });
        if (const nlohmann::json settings = host.loadSettings(); settings.contains("recentNumbers") &&
                                                                 settings["recentNumbers"].is_array()) {
            std::vector<std::string> numbers;
            for (const auto& n : settings["recentNumbers"]) {
                if (n.is_string()) numbers.push_back(n.get<std::string>());
            }
            model_->setRecent(std::move(numbers));
        }
        panel_ = std::make_unique<CallPanel>(*model_, host);
        host.addPanel({"voice.call", "Call", AD_ICON_PHONE, DockHint::Center, [this] { panel_->draw(); }});
        connected_ = host.bus().subscribe<events::Connected>([this, &host](const events::Connected&) {
            if (model_->connected()) host.focusPanel("voice.call");
        });
        // Another panel (the directory) put a number in the dialer: show it.
        prepare_ = host.bus().subscribe<events::PrepareDial>([&host](const events::PrepareDial&) { host.focusPanel("voice.call"); });
        // A colleague consulted this agent or brought them into a conference: show it, and say
        // who is calling while their consultation rings here.
        joined_ = host.bus().subscribe<events::CallState>([this, &host](const events::CallState& e) {
            const bool now = model_->joined() && model_->joined()->interactionId == e.interactionId;
            if (now && !wasJoined_) host.focusPanel("voice.call");
            if (now && !wasJoined_ && model_->consultRinging()) {
                host.notify({Severity::Info, "Consultation",
                             model_->joinedHostName() + " is calling to consult you: Answer or Decline in the Call panel."});
            }
            wasJoined_ = model_->joined().has_value();
        });
        // Also on a call another panel shows (a campaign call).
        auto live = [this] { return model_->connected() || model_->callElsewhere() != nullptr; };
        host.addCommand({"voice.hold", "Hold / retrieve the call", "Ctrl+Shift+H", [this] { model_->toggleHold(); }, live});
        host.addCommand({"voice.mute", "Mute / unmute", "Ctrl+Shift+M", [this] { model_->toggleMute(); }, live});
        host.addCommand({"voice.transfer", "Consult / transfer the call", "Ctrl+Shift+T", [this, &host] {
                             host.focusPanel("voice.call");
                             panel_->openTransfer();
                         },
                         [this] { return model_->canConsult() || model_->canTransfer(); }});
        auto consultRinging = [this] { return model_->consultRinging(); };
        host.addCommand({"voice.consult.answer", "Answer a colleague's consultation", "",
                         [this] { model_->answerConsultation(); }, consultRinging});
        host.addCommand({"voice.consult.decline", "Decline a colleague's consultation", "",
                         [this] { model_->declineConsultation(); }, consultRinging});
    }

    void shutdown() override {
        joined_ = {};
        connected_ = {};
        prepare_ = {};
        panel_.reset();
        model_.reset();
    }

private:
    std::unique_ptr<CallControl> model_;
    std::unique_ptr<CallPanel> panel_;
    Subscription connected_;
    Subscription prepare_;
    Subscription joined_;
    bool wasJoined_ = false;
};

}  // namespace agentdesk::voice

AGENTDESK_PLUGIN(agentdesk::voice::VoicePlugin)
