#include "view/calendar_panel.hpp"

#include <agentdesk/text.hpp>
#include <agentdesk/ui/icons.hpp>

#include <imgui.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <iterator>

namespace agentdesk::calendar {

namespace {

constexpr const char* kDayNames[] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
constexpr std::int64_t kHourMs = 60LL * 60 * 1000;
constexpr float kHourHeight = 44.0f;
constexpr float kGutter = 48.0f;

const ImU32 kEventColour = IM_COL32(66, 133, 204, 230);
const ImU32 kFollowUpColour = IM_COL32(214, 137, 46, 235);
const ImU32 kEmailColour = IM_COL32(120, 110, 190, 230);

ImU32 colourOf(const Item& item) {
    if (item.fromEmail) return kEmailColour;
    return item.entry.kind == events::CalendarKind::FollowUp ? kFollowUpColour : kEventColour;
}

std::string timeText(std::int64_t ms) { return text::dateTimeText(ms).substr(11); }

int dayOfMonth(std::int64_t ms) {
    using namespace std::chrono;
    const year_month_day d{floor<days>(sys_time<milliseconds>(milliseconds(ms)))};
    return static_cast<int>(static_cast<unsigned>(d.day()));
}

int monthOf(std::int64_t ms) {
    using namespace std::chrono;
    const year_month_day d{floor<days>(sys_time<milliseconds>(milliseconds(ms)))};
    return static_cast<int>(static_cast<unsigned>(d.month()));
}

const char* reminderLabel(int minutes) {
    switch (minutes) {
        case -1: return "No reminder";
        case 0: return "At the start";
        case 5: return "5 minutes before";
        case 15: return "15 minutes before";
        case 30: return "30 minutes before";
        case 60: return "1 hour before";
        case 1440: return "1 day before";
        default: return "Custom";
    }
}

std::string label(const Item& item) {
    std::string text = item.entry.title;
    if (!item.entry.customerName.empty() && text.find(item.entry.customerName) == std::string::npos) {
        text += " (" + item.entry.customerName + ")";
    }
    return text;
}

}  // namespace

void CalendarPanel::draw() {
    if (std::string error = model_.takeError(); !error.empty()) {
        if (editorVisible_) editorError_ = error;
        else host_.notify({Severity::Warning, "Calendar", error});
    }
    if (model_.agentId().empty()) {
        ImGui::TextDisabled("Log in to see your calendar.");
        return;
    }
    drawToolbar();
    ImGui::Separator();
    switch (model_.mode()) {
        case ViewMode::Day: drawHourGrid(1); break;
        case ViewMode::Week: drawHourGrid(7); break;
        case ViewMode::Month: drawMonth(); break;
    }
    drawEditor();
}

void CalendarPanel::drawToolbar() {
    const ViewMode mode = model_.mode();
    auto modeButton = [&](const char* name, ViewMode m) {
        const bool on = mode == m;
        if (on) ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetStyleColorVec4(ImGuiCol_ButtonActive));
        if (ImGui::Button(name)) model_.setMode(m);
        if (on) ImGui::PopStyleColor();
        ImGui::SameLine();
    };
    modeButton("Day", ViewMode::Day);
    modeButton("Week", ViewMode::Week);
    modeButton("Month", ViewMode::Month);
    ImGui::SameLine(0, 16);
    if (ImGui::ArrowButton("##previous", ImGuiDir_Left)) model_.previous();
    ImGui::SameLine();
    if (ImGui::Button("Today")) model_.today();
    ImGui::SameLine();
    if (ImGui::ArrowButton("##next", ImGuiDir_Right)) model_.next();
    ImGui::SameLine(0, 16);
    if (ImGui::Button("+ New event")) {
        const std::int64_t now = toEpochMs(host_.clock().now());
        openEditor(model_.newDraft((now / kHourMs + 1) * kHourMs));
    }
    // The range last: in a narrow panel it is what gets cut, not the buttons.
    ImGui::SameLine(0, 16);
    ImGui::TextUnformatted((std::string(AD_ICON_CALENDAR "  ") + model_.rangeTitle()).c_str());
}

void CalendarPanel::drawHourGrid(int days) {
    const Range range = model_.range();
    const std::int64_t firstDay = days == 1 ? model_.anchorDay() : range.fromMs;
    const std::int64_t today = dayStart(toEpochMs(host_.clock().now()));
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const ImU32 line = ImGui::GetColorU32(ImGuiCol_Separator);
    const ImU32 textColour = ImGui::GetColorU32(ImGuiCol_Text);
    const ImU32 dimText = ImGui::GetColorU32(ImGuiCol_TextDisabled);
    const float width = ImGui::GetContentRegionAvail().x;
    const float columnWidth = (width - kGutter) / static_cast<float>(days);

    // Day headings, fixed above the scrolling hours.
    ImVec2 head = ImGui::GetCursorScreenPos();
    for (int d = 0; d < days; ++d) {
        const std::int64_t day = firstDay + d * CalendarModel::kDayMs;
        const unsigned weekdayIndex =
            static_cast<unsigned>(((day / CalendarModel::kDayMs) % 7 + 10) % 7);  // 1970-01-01 was a Thursday
        char heading[32];
        std::snprintf(heading, sizeof heading, "%s %d", kDayNames[weekdayIndex], dayOfMonth(day));
        const ImVec2 at(head.x + kGutter + columnWidth * d + 6, head.y);
        if (day == today) {
            draw->AddRectFilled(ImVec2(at.x - 6, at.y), ImVec2(at.x - 6 + columnWidth, at.y + ImGui::GetTextLineHeight() + 4),
                                IM_COL32(66, 133, 204, 70), 3.0f);
        }
        draw->AddText(at, day == today ? textColour : dimText, heading);
    }
    ImGui::Dummy(ImVec2(width, ImGui::GetTextLineHeight() + 6));

    ImGui::BeginChild("##hours", ImVec2(0, 0), false);
    if (!scrolled_) {
        ImGui::SetScrollY(kHourHeight * 7.5f);  // the working day in view
        scrolled_ = true;
    }
    draw = ImGui::GetWindowDrawList();
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const float innerWidth = ImGui::GetContentRegionAvail().x;
    const float colWidth = (innerWidth - kGutter) / static_cast<float>(days);
    for (int h = 0; h <= 24; ++h) {
        const float y = origin.y + kHourHeight * h;
        draw->AddLine(ImVec2(origin.x + kGutter, y), ImVec2(origin.x + innerWidth, y), line);
        if (h < 24) {
            char hour[8];
            std::snprintf(hour, sizeof hour, "%02d:00", h);
            draw->AddText(ImVec2(origin.x + 4, y + 2), dimText, hour);
        }
    }
    for (int d = 0; d <= days; ++d) {
        const float x = origin.x + kGutter + colWidth * d;
        draw->AddLine(ImVec2(x, origin.y), ImVec2(x, origin.y + kHourHeight * 24), line);
    }
    // A click on an empty hour makes a new entry there.
    ImGui::InvisibleButton("##grid", ImVec2(innerWidth, kHourHeight * 24));
    bool itemClicked = false;
    for (int d = 0; d < days; ++d) {
        const std::int64_t day = firstDay + d * CalendarModel::kDayMs;
        for (const Placed& placed : layoutDay(model_.itemsOn(day))) {
            const auto& e = placed.item.entry;
            const std::int64_t from = std::max(e.startsMs, day);
            const std::int64_t to = std::min(std::max<std::int64_t>(e.endsMs, e.startsMs + 30 * 60'000LL), day + CalendarModel::kDayMs);
            const float laneWidth = (colWidth - 4) / static_cast<float>(placed.lanes);
            const ImVec2 a(origin.x + kGutter + colWidth * d + 2 + laneWidth * placed.lane,
                           origin.y + kHourHeight * static_cast<float>(from - day) / kHourMs + 1);
            const ImVec2 b(a.x + laneWidth - 2, origin.y + kHourHeight * static_cast<float>(to - day) / kHourMs - 1);
            draw->AddRectFilled(a, b, colourOf(placed.item), 4.0f);
            draw->PushClipRect(a, b, true);
            // "10:30 Call back Lukas Schmidt", wrapped to the lane; a bell when a reminder is to come.
            const std::string text = timeText(e.startsMs) + (e.remindAtMs > 0 ? " " AD_ICON_BELL " " : " ") + label(placed.item);
            draw->AddText(ImGui::GetFont(), ImGui::GetFontSize(), ImVec2(a.x + 3, a.y + 1), IM_COL32(255, 255, 255, 255),
                          text.c_str(), nullptr, b.x - a.x - 5);
            draw->PopClipRect();
            if (ImGui::IsMouseHoveringRect(a, b)) {
                ImGui::SetTooltip("%s\n%s - %s%s%s", label(placed.item).c_str(), text::dateTimeText(e.startsMs).c_str(),
                                  timeText(e.endsMs).c_str(), e.note.empty() ? "" : "\n", e.note.c_str());
                if (ImGui::IsMouseClicked(ImGuiMouseButton_Left)) {
                    itemClicked = true;
                    openItem(placed.item);
                }
            }
        }
    }
    // The current time, as a red line across today.
    const std::int64_t now = toEpochMs(host_.clock().now());
    if (now >= firstDay && now < firstDay + days * CalendarModel::kDayMs) {
        const int d = static_cast<int>((dayStart(now) - firstDay) / CalendarModel::kDayMs);
        const float y = origin.y + kHourHeight * static_cast<float>(now - dayStart(now)) / kHourMs;
        draw->AddLine(ImVec2(origin.x + kGutter + colWidth * d, y), ImVec2(origin.x + kGutter + colWidth * (d + 1), y),
                      IM_COL32(220, 60, 60, 255), 2.0f);
    }

    if (!itemClicked && ImGui::IsItemClicked(ImGuiMouseButton_Left)) {
        const ImVec2 mouse = ImGui::GetIO().MousePos;
        const int d = static_cast<int>((mouse.x - origin.x - kGutter) / colWidth);
        const int hour = static_cast<int>((mouse.y - origin.y) / kHourHeight);
        if (d >= 0 && d < days && hour >= 0 && hour < 24) {
            openEditor(model_.newDraft(firstDay + d * CalendarModel::kDayMs + hour * kHourMs));
        }
    }
    ImGui::EndChild();
}

void CalendarPanel::drawMonth() {
    const Range range = model_.range();
    const int weeks = static_cast<int>((range.toMs - range.fromMs) / (7 * CalendarModel::kDayMs));
    const int month = monthOf(model_.anchorDay());
    const std::int64_t today = dayStart(toEpochMs(host_.clock().now()));
    if (!ImGui::BeginTable("##month", 7, ImGuiTableFlags_Borders | ImGuiTableFlags_SizingStretchSame)) return;
    for (const char* name : kDayNames) ImGui::TableSetupColumn(name);
    ImGui::TableHeadersRow();
    const float cellHeight = std::max(70.0f, (ImGui::GetContentRegionAvail().y - 30) / static_cast<float>(weeks));
    for (int w = 0; w < weeks; ++w) {
        ImGui::TableNextRow(ImGuiTableRowFlags_None, cellHeight);
        for (int d = 0; d < 7; ++d) {
            ImGui::TableNextColumn();
            const std::int64_t day = range.fromMs + (w * 7 + d) * CalendarModel::kDayMs;
            ImGui::PushID(static_cast<int>(day / CalendarModel::kDayMs));
            if (day == today) ImGui::TableSetBgColor(ImGuiTableBgTarget_CellBg, IM_COL32(66, 133, 204, 50));
            char number[8];
            std::snprintf(number, sizeof number, "%d", dayOfMonth(day));
            if (monthOf(day) == month) ImGui::TextUnformatted(number);
            else ImGui::TextDisabled("%s", number);
            if (ImGui::IsItemClicked()) {
                model_.setMode(ViewMode::Day);
                model_.setAnchorDay(day);
            }
            const auto items = model_.itemsOn(day);
            int shown = 0;
            for (const Item& item : items) {
                if (shown == 3) {
                    ImGui::TextDisabled("+%d more", static_cast<int>(items.size()) - shown);
                    break;
                }
                ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(colourOf(item)));
                const std::string line = timeText(item.entry.startsMs) + " " + label(item);
                ImGui::PushID(static_cast<int>(item.entry.entryId));
                if (ImGui::Selectable(line.c_str())) openItem(item);
                ImGui::PopID();
                ImGui::PopStyleColor();
                ++shown;
            }
            ImGui::PopID();
        }
    }
    ImGui::EndTable();
}

void CalendarPanel::openItem(const Item& item) {
    if (!item.editable()) {
        host_.notify({Severity::Info, "Email follow-up", item.entry.title + " - open the case in the Email panel to send it."});
        return;
    }
    openEditor(model_.draftOf(item.entry));
}

void CalendarPanel::openEditor(const Draft& draft) {
    draft_ = draft;
    std::snprintf(title_, sizeof title_, "%s", draft.title.c_str());
    std::snprintf(start_, sizeof start_, "%s", text::dateTimeText(draft.startsMs).c_str());
    std::snprintf(end_, sizeof end_, "%s", text::dateTimeText(draft.endsMs).c_str());
    std::snprintf(note_, sizeof note_, "%s", draft.note.c_str());
    reminder_ = 0;
    for (int i = 0; i < static_cast<int>(std::size(kReminderChoices)); ++i) {
        if (kReminderChoices[i] == draft.remindMinutesBefore) reminder_ = i;
    }
    editorError_.clear();
    openEditor_ = true;
    editorVisible_ = true;
}

void CalendarPanel::drawEditor() {
    if (!editorVisible_) return;
    // A window of its own rather than a modal popup: ImGui 1.86 asserts when another window
    // appears (a notification, a reminder) while a modal is up.
    if (openEditor_) {
        const ImGuiViewport* vp = ImGui::GetMainViewport();
        ImGui::SetNextWindowPos(ImVec2(vp->WorkPos.x + vp->WorkSize.x * 0.5f, vp->WorkPos.y + vp->WorkSize.y * 0.45f),
                                ImGuiCond_Always, ImVec2(0.5f, 0.5f));
        ImGui::SetNextWindowFocus();
        openEditor_ = false;
    }
    ImGui::SetNextWindowSize(ImVec2(480, 0), ImGuiCond_Always);
    if (!ImGui::Begin(AD_ICON_CALENDAR "  Calendar entry###calendar.editor", &editorVisible_,
                      ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoSavedSettings)) {
        ImGui::End();
        return;
    }
    const bool followUp = draft_.kind == events::CalendarKind::FollowUp;
    ImGui::TextDisabled("%s", draft_.entryId == 0 ? "New event" : followUp ? "Follow-up" : "Event");
    if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();
    ImGui::InputText("Title", title_, sizeof title_);
    ImGui::InputText("Start", start_, sizeof start_);
    ImGui::InputText("End", end_, sizeof end_);
    ImGui::SameLine();
    ImGui::TextDisabled("(UTC)");
    if (ImGui::BeginCombo("Reminder", reminderLabel(kReminderChoices[reminder_]))) {
        for (int i = 0; i < static_cast<int>(std::size(kReminderChoices)); ++i) {
            if (ImGui::Selectable(reminderLabel(kReminderChoices[i]), i == reminder_)) reminder_ = i;
        }
        ImGui::EndCombo();
    }
    ImGui::InputTextMultiline("Note", note_, sizeof note_, ImVec2(0, 80));
    if (!editorError_.empty()) ImGui::TextColored(ImVec4(0.95f, 0.45f, 0.40f, 1), "%s", editorError_.c_str());
    ImGui::Separator();
    if (ImGui::Button("Save", ImVec2(90, 0))) {
        const auto starts = text::parseDateTime(start_);
        const auto ends = text::parseDateTime(end_);
        if (!starts || !ends) {
            editorError_ = "Write the start and end as YYYY-MM-DD HH:MM, e.g. 2026-01-05 09:30.";
        } else {
            Draft draft = draft_;
            draft.title = title_;
            draft.note = note_;
            draft.startsMs = *starts;
            draft.endsMs = *ends;
            draft.remindMinutesBefore = kReminderChoices[reminder_];
            if (model_.save(draft)) editorVisible_ = false;
            else editorError_ = model_.takeError();
        }
    }
    ImGui::SameLine();
    if (draft_.entryId != 0) {
        ImGui::PushStyleColor(ImGuiCol_Button, ImVec4(0.70f, 0.20f, 0.20f, 1.0f));
        if (ImGui::Button("Delete", ImVec2(90, 0))) {
            model_.remove(draft_.entryId);
            editorVisible_ = false;
        }
        ImGui::PopStyleColor();
        ImGui::SameLine();
    }
    if (ImGui::Button("Cancel", ImVec2(90, 0)) ||
        (ImGui::IsWindowFocused(ImGuiFocusedFlags_RootAndChildWindows) && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape)))) {
        editorVisible_ = false;
    }
    ImGui::End();
}

}  // namespace agentdesk::calendar
