// The agent plugin: login screen, state bar and the session commands, over the bus only.

#include "model/agent_session.hpp"
#include "model/helper_check.hpp"
#include "model/profile_model.hpp"
#include "view/agent_views.hpp"

#include <agentdesk/current_agent.hpp>
#include <agentdesk/helper_app.hpp>
#include <agentdesk/plugin.hpp>
#include <agentdesk/ui/icons.hpp>

#include <memory>

namespace agentdesk::agent {

class AgentPlugin final : public Plugin {
public:
    void init(HostApi& host) override {
        session_ = std::make_unique<AgentSession>(host.bus(), host.clock());
        profile_ = std::make_unique<ProfileModel>(host.bus());
        profileDialog_ = std::make_unique<ProfileDialog>(*profile_, host);
        views_ = std::make_unique<AgentViews>(*session_, host, *profileDialog_, helper_);
        // UI-04: at each login, is the helper application there and up to date?
        agent_ = std::make_unique<CurrentAgent>(host.bus(), [this, &host](const std::string& agentId) {
            if (agentId.empty()) return;
            helper_ = checkHelper(helperCandidates(), host.desktopVersion());
            host.log().info("helper application: " + helper_->summary());
            if (!helper_->usable()) host.notify({Severity::Warning, "Helper application", helper_->advice()});
        });
        host.addOverlay({"agent.login", [this] { views_->drawLoginScreen(); }, [this] { return !session_->loggedIn(); }});
        host.addPanel({"agent.session", "My Session", AD_ICON_USER, DockHint::Left, [this] { views_->drawSessionPanel(); }});
        host.addTopBarItem({"agent.state", 0, [this] { views_->drawStateBar(); }});
        host.addTopBarItem({"agent.user", 1000, [this] { views_->drawUserMenu(); }});
        auto loggedIn = [this] { return session_->loggedIn(); };
        host.addCommand({"agent.ready", "Go Ready", "Ctrl+Shift+R", [this] { session_->goReady(); }, loggedIn});
        host.addCommand({"agent.not_ready", "Go Not Ready (first reason)", "Ctrl+Shift+N",
                         [this] {
                             if (!session_->notReadyReasons().empty()) session_->goNotReady(session_->notReadyReasons().front());
                         },
                         loggedIn});
        host.addCommand({"agent.logout", "Log out", "", [this] { session_->logout(); }, loggedIn});
        host.addCommand({"agent.profile", "Profile...", "", [this] { profileDialog_->open(); }, loggedIn});
    }

    void shutdown() override {
        agent_.reset();
        views_.reset();
        profileDialog_.reset();
        profile_.reset();
        session_.reset();
    }

private:
    std::unique_ptr<AgentSession> session_;
    std::unique_ptr<ProfileModel> profile_;
    std::unique_ptr<ProfileDialog> profileDialog_;
    std::unique_ptr<AgentViews> views_;
    std::optional<HelperStatus> helper_;  // checked at login
    std::unique_ptr<CurrentAgent> agent_;
};

}  // namespace agentdesk::agent

AGENTDESK_PLUGIN(agentdesk::agent::AgentPlugin)
