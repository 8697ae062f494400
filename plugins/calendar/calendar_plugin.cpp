// The calendar plugin: the agent's events and follow-ups with their reminders, over the bus only.

#include "model/calendar_model.hpp"
#include "view/calendar_panel.hpp"

#include <agentdesk/plugin.hpp>
#include <agentdesk/ui/icons.hpp>

#include <memory>

namespace agentdesk::calendar {

class CalendarPlugin final : public Plugin {
public:
    void init(HostApi& host) override {
        model_ = std::make_unique<CalendarModel>(host.bus(), host.clock(), [&host](const std::string& title, const std::string& message) {
            host.notify({Severity::Info, title, message});
        });
        panel_ = std::make_unique<CalendarPanel>(*model_, host);
        host.addPanel({"calendar.view", "Calendar", AD_ICON_CALENDAR, DockHint::Center, [this] { panel_->draw(); }});
        host.addCommand({"calendar.open", "Open the calendar", "", [&host] { host.focusPanel("calendar.view"); }, {}});
    }

    void shutdown() override {
        panel_.reset();
        model_.reset();
    }

private:
    std::unique_ptr<CalendarModel> model_;
    std::unique_ptr<CalendarPanel> panel_;
};

}  // namespace agentdesk::calendar

AGENTDESK_PLUGIN(agentdesk::calendar::CalendarPlugin)
