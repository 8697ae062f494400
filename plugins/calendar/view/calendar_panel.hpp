#pragma once
// Draws the Calendar panel: a toolbar (Day / Week / Month, previous / today / next, New), the
// view — hour grids for a day or a week with overlapping entries side by side, a grid of days for
// a month — and the editor for an entry (title, start, end, reminder, note; Save, Delete).

#include "model/calendar_model.hpp"

#include <agentdesk/host_api.hpp>

#include <string>

namespace agentdesk::calendar {

class CalendarPanel {
public:
    CalendarPanel(CalendarModel& model, HostApi& host) : model_(model), host_(host) {}
    void draw();

private:
    void drawToolbar();
    void drawHourGrid(int days);
    void drawMonth();
    void drawEditor();
    void openEditor(const Draft& draft);
    void openItem(const Item& item);

    CalendarModel& model_;
    HostApi& host_;
    Draft draft_;
    bool openEditor_ = false;  // to be placed and focused on the next draw
    bool editorVisible_ = false;
    char title_[128] = {};
    char start_[32] = {};
    char end_[32] = {};
    char note_[1024] = {};
    int reminder_ = 3;
    std::string editorError_;
    bool scrolled_ = false;
};

}  // namespace agentdesk::calendar
