#pragma once
// Draws the Directory panel: a search box (Ctrl+Shift+D puts the cursor in it), then favourites
// and results (clipped), each with a star, its kind, name and detail, a colleague's state in its
// colour with the time in it, a team's or service's Ready count, the number, and Call / Chat.

#include "model/directory_model.hpp"

#include <agentdesk/host_api.hpp>

namespace agentdesk::directory {

class DirectoryPanel {
public:
    DirectoryPanel(DirectoryModel& model, HostApi& host) : model_(model), host_(host) {}
    void draw();
    /// Puts the cursor in the search box at the next frame.
    void focusSearch() { focusSearch_ = true; }

private:
    void drawRow(const Row& row);
    void keepTicking();

    DirectoryModel& model_;
    HostApi& host_;
    char query_[128] = {};
    bool focusSearch_ = false;
    TimePoint tickAt_{};
    Timer tick_;
};

}  // namespace agentdesk::directory
