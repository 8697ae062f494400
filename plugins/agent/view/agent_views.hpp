#pragma once
// ImGui views of the agent session: the login screen and the state bar. They read the model
// and call its commands; no logic of their own beyond what the agent typed.

#include "model/agent_session.hpp"
#include "model/helper_check.hpp"
#include "view/profile_dialog.hpp"

#include <agentdesk/host_api.hpp>

#include <nlohmann/json.hpp>

#include <optional>
#include <string>

namespace agentdesk::agent {

class AgentViews {
public:
    /// `helper` is the helper application check of this session (UI-04), once made.
    AgentViews(AgentSession& session, HostApi& host, ProfileDialog& profile, const std::optional<HelperStatus>& helper);

    /// Full-window login screen while logged out (UI-01..03).
    void drawLoginScreen();
    /// State selector with colour, label, timer and pending state (STATE-01), phone device, user menu.
    void drawStateBar();
    /// The user menu at the right end of the top bar (profile, log out).
    void drawUserMenu();
    /// "My session" panel: who is logged in, on which device, and the state history with totals.
    void drawSessionPanel();

private:
    void submitLogin(bool takeOver);
    void keepTicking();

    AgentSession& session_;
    HostApi& host_;
    ProfileDialog& profile_;
    const std::optional<HelperStatus>& helper_;
    char userName_[64] = "";
    char password_[128] = "";
    char deviceNumber_[32] = "";
    int device_ = 0;
    Timer tick_;
    TimePoint tickAt_{};
    bool focusPassword_ = false;
    std::string dialOutNumber_;  // from the profile, kept in the settings
};

/// The colour that stands for a state on the state bar.
unsigned int stateColour(AgentState state);

}  // namespace agentdesk::agent
