// The team chat plugin: internal chat with colleagues and supervisors, over the bus only.

#include "model/team_chat_model.hpp"
#include "view/team_chat_panel.hpp"

#include <agentdesk/events/desktop.hpp>
#include <agentdesk/plugin.hpp>
#include <agentdesk/ui/icons.hpp>

#include <memory>

namespace agentdesk::teamchat {

class TeamChatPlugin final : public Plugin {
public:
    void init(HostApi& host) override {
        model_ = std::make_unique<TeamChatModel>(host.bus(), [&host](const RoomView& room, const events::TeamMessage& m) {
            host.notify({Severity::Info, room.room.direct ? m.fromName : room.room.title + ": " + m.fromName, m.text});
        });
        panel_ = std::make_unique<TeamChatPanel>(*model_, host);
        host.addPanel({"teamchat.rooms", "Team Chat", AD_ICON_USERS, DockHint::Bottom, [this] { panel_->draw(); }});
        // Another panel (the directory) asked to chat with a colleague: the model opened the room.
        open_ = host.bus().subscribe<events::OpenTeamChat>([this, &host](const events::OpenTeamChat& c) {
            const RoomView* room = model_->find(model_->active());
            if (!room || !room->room.direct) return;
            for (const auto& member : room->room.members) {
                if (member.agentId == c.agentId) host.focusPanel("teamchat.rooms");
            }
        });
    }

    void shutdown() override {
        open_ = {};
        panel_.reset();
        model_.reset();
    }

private:
    std::unique_ptr<TeamChatModel> model_;
    std::unique_ptr<TeamChatPanel> panel_;
    Subscription open_;
};

}  // namespace agentdesk::teamchat

AGENTDESK_PLUGIN(agentdesk::teamchat::TeamChatPlugin)
