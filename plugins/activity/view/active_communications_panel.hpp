#pragma once
// Draws the Active Communications panel: the list (channel icon, customer, service, timer,
// ringing highlight) and, below it, the selected interaction's actions and wrap-up.

#include "model/active_communications.hpp"

#include <agentdesk/host_api.hpp>

#include <string>

namespace agentdesk::activity {

class ActiveCommunicationsPanel {
public:
    ActiveCommunicationsPanel(ActiveCommunications& model, HostApi& host);
    void draw();

private:
    void drawList();
    void drawSelected(const Item& item);
    void drawWrapUp(const Item& item);
    /// For an interaction wrapped up in its own channel's panel: where to go.
    void drawWrapsUpElsewhere(const Item& item);
    void scheduleTick();

    ActiveCommunications& model_;
    HostApi& host_;
    Timer tick_;
    std::string editingId_;  // the interaction whose notes are in the buffer
    char notes_[2048] = {};
    bool notesActive_ = false;  // the agent is typing in the notes field
};

}  // namespace agentdesk::activity
