#pragma once
// Draws the My Dashboard panel: today's own figures (handled per channel, average handle time,
// time in each state as a bar, occupancy) with charts of the last hour, then the queues of the
// agent's services with their last hour of waiting.

#include "model/agent_dashboard.hpp"

#include <agentdesk/host_api.hpp>

namespace agentdesk::dashboard {

class DashboardPanel {
public:
    DashboardPanel(AgentDashboard& model, HostApi& host);
    void draw();

private:
    void drawMine(const events::AgentMetrics& me);
    void drawServices();
    void drawServicePicker();

    AgentDashboard& model_;
    HostApi& host_;
};

}  // namespace agentdesk::dashboard
