// The email plugin: the Email panel over the bus only. The reply being written is saved as the
// case's draft in the contact center a moment after each change, so it survives a crash or restart.

#include "model/email_desk.hpp"
#include "view/email_panel.hpp"

#include <agentdesk/events/desktop.hpp>
#include <agentdesk/plugin.hpp>
#include <agentdesk/ui/icons.hpp>

#include <chrono>
#include <memory>

namespace agentdesk::email {

class EmailPlugin final : public Plugin {
public:
    void init(HostApi& host) override {
        host_ = &host;
        model_ = std::make_unique<EmailDesk>(host.bus(), host.clock(), [&host](const std::string& title, const std::string& text) {
            host.notify({Severity::Info, title, text});
        });
        panel_ = std::make_unique<EmailPanel>(*model_, host);
        host.addPanel({"email.cases", "Email", AD_ICON_ENVELOPE, DockHint::Center, [this] {
                           panel_->draw();
                           if (model_->draftUnsaved()) scheduleDraftSave();
                       }});
        subscriptions_.push_back(host.bus().subscribe<events::InteractionSelected>([this, &host](const events::InteractionSelected& e) {
            if (e.channel != Channel::Email) return;
            for (const EmailWork& work : model_->work()) {
                if (work.offer.interactionId != e.interactionId) continue;
                model_->showInteraction(e.interactionId);
                host.focusPanel("email.cases");
            }
        }));
        subscriptions_.push_back(host.bus().subscribe<events::Connected>([this, &host](const events::Connected& e) {
            if (e.channel == Channel::Email && e.agentId == model_->agentId()) host.focusPanel("email.cases");
        }));
        host.addCommand({"email.search.focus", "Search email cases", "Ctrl+Shift+F", [this, &host] {
                             host.focusPanel("email.cases");
                             panel_->focusSearch();
                         },
                         [this] { return !model_->agentId().empty(); }});
    }

    void shutdown() override {
        if (model_) model_->saveDraft();
        saveTimer_ = {};
        subscriptions_.clear();
        panel_.reset();
        model_.reset();
    }

private:
    void scheduleDraftSave() {
        if (saveTimer_) return;
        saveTimer_ = host_->timers().at(host_->clock().now() + std::chrono::seconds(1), [this] {
            saveTimer_ = {};
            model_->saveDraft();
        });
    }

    HostApi* host_ = nullptr;
    std::unique_ptr<EmailDesk> model_;
    std::unique_ptr<EmailPanel> panel_;
    Timer saveTimer_;
    std::vector<Subscription> subscriptions_;
};

}  // namespace agentdesk::email

AGENTDESK_PLUGIN(agentdesk::email::EmailPlugin)
