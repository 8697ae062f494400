// Event Inspector: every message on the bus, live, in a panel — a developer tool, shipped in
// lib/agentdesk/devtools so agents never see it; open it with
// agentdesk --dev-plugin <prefix>/lib/agentdesk/devtools/inspector.
#include "model/event_log.hpp"
#include "view/inspector_panel.hpp"

#include <agentdesk/plugin.hpp>
#include <agentdesk/ui/icons.hpp>

namespace agentdesk::inspector {

class InspectorPlugin final : public Plugin {
public:
    void init(HostApi& host) override {
        host_ = &host;
        everything_ = host.bus().subscribePattern("*", [this](const Message& m) { log_.add(m, host_->clock().now()); });
        host.addPanel({"inspector.events", "Event Inspector", AD_ICON_LIST, DockHint::Bottom, [this] { panel_.draw(); }});
        // Whoever loads a developer tool wants to see it: bring its tab forward once it is placed.
        shown_ = host.timers().at(host.clock().now(), [this] { host_->focusPanel("inspector.events"); });
    }

private:
    HostApi* host_ = nullptr;
    EventLog log_;
    InspectorPanel panel_{log_};
    Subscription everything_;
    Timer shown_;
};

}  // namespace agentdesk::inspector

AGENTDESK_PLUGIN(agentdesk::inspector::InspectorPlugin)
