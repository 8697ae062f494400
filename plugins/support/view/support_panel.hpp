#pragma once
// The Assistance panel: ask a supervisor for help, supervise (for supervisors), report a call
// quality problem, send the logs to the administrator.

#include "model/log_bundle.hpp"
#include "model/support_desk.hpp"

#include <agentdesk/host_api.hpp>

#include <array>
#include <string>

namespace agentdesk::support {

class SupportPanel {
public:
    SupportPanel(SupportDesk& desk, TrafficRing& traffic, HostApi& host) : desk_(desk), traffic_(traffic), host_(host) {}

    void draw();
    /// Raises (or lowers) the hand on the first connected interaction: the panel's shortcut.
    void toggleHand();

private:
    void drawAsk();
    void drawSupervise();
    void drawQuality();
    void drawLogs();
    void sendLogs();

    SupportDesk& desk_;
    TrafficRing& traffic_;
    HostApi& host_;
    std::string askAbout_;                 // interaction chosen for a raised hand
    std::array<char, 256> note_{};
    std::string reportOn_;                 // call chosen for a quality report
    std::array<bool, 6> problems_{};
    std::array<char, 512> comment_{};
    std::array<char, 1024> description_{};
};

}  // namespace agentdesk::support
