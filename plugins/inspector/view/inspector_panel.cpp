#include "view/inspector_panel.hpp"

#include <agentdesk/ui/icons.hpp>

#include <imgui.h>

#include <cstdio>
#include <ctime>

namespace agentdesk::inspector {

namespace {

// "08:00:01" in UTC, like the scenario runner's step times; with milliseconds: "08:00:01.250".
void formatTime(std::int64_t atMs, bool withMilliseconds, char (&out)[16]) {
    const std::time_t seconds = static_cast<std::time_t>(atMs / 1000);
    std::tm tm{};
    gmtime_r(&seconds, &tm);
    if (withMilliseconds) {
        std::snprintf(out, sizeof out, "%02d:%02d:%02d.%03d", tm.tm_hour, tm.tm_min, tm.tm_sec, static_cast<int>(atMs % 1000));
    } else {
        std::snprintf(out, sizeof out, "%02d:%02d:%02d", tm.tm_hour, tm.tm_min, tm.tm_sec);
    }
}

}  // namespace

void InspectorPanel::draw() {
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 16);
    if (ImGui::InputTextWithHint("##filter", "Filter by topic or sender", filter_, sizeof filter_)) log_.setFilter(filter_);
    ImGui::SameLine();
    if (ImGui::Button(log_.paused() ? "Resume" : "Pause")) log_.setPaused(!log_.paused());
    ImGui::SameLine();
    if (ImGui::Button("Clear")) {
        log_.clear();
        selected_ = 0;
    }
    ImGui::SameLine();
    ImGui::Checkbox("Follow", &follow_);
    ImGui::SameLine();
    ImGui::TextDisabled("%zu shown, %zu kept, %llu seen", log_.matchingCount(), log_.size(),
                        static_cast<unsigned long long>(log_.seen()));

    const float detailHeight = selected_ != 0 ? ImGui::GetContentRegionAvail().y * 0.4f : 0.0f;
    const ImGuiTableFlags flags = ImGuiTableFlags_ScrollY | ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV |
                                  ImGuiTableFlags_Resizable | ImGuiTableFlags_SizingStretchProp;
    // Time, topic, sender and correlation fit a side panel; milliseconds and size are in the details.
    if (ImGui::BeginTable("inspector.messages", 4, flags, ImVec2(0, -detailHeight))) {
        ImGui::TableSetupScrollFreeze(0, 1);
        ImGui::TableSetupColumn("Time", ImGuiTableColumnFlags_WidthFixed, ImGui::CalcTextSize("00:00:00").x);
        ImGui::TableSetupColumn("Topic", ImGuiTableColumnFlags_WidthStretch, 3.0f);
        ImGui::TableSetupColumn("Sender", ImGuiTableColumnFlags_WidthStretch, 1.0f);
        ImGui::TableSetupColumn("Corr.", ImGuiTableColumnFlags_WidthFixed, ImGui::CalcTextSize("0000").x);
        ImGui::TableHeadersRow();
        ImGuiListClipper clipper;
        clipper.Begin(static_cast<int>(log_.matchingCount()));
        while (clipper.Step()) {
            for (int row = clipper.DisplayStart; row < clipper.DisplayEnd; ++row) {
                const LoggedMessage& m = log_.matchingAt(static_cast<std::size_t>(row));
                ImGui::TableNextRow();
                ImGui::TableNextColumn();
                char time[16];
                formatTime(m.atMs, false, time);
                ImGui::PushID(static_cast<int>(m.sequence));
                if (ImGui::Selectable(time, selected_ == m.sequence, ImGuiSelectableFlags_SpanAllColumns)) {
                    selected_ = m.sequence;
                    follow_ = false;
                }
                ImGui::PopID();
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(m.topic.c_str());
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(m.sender.c_str());
                ImGui::TableNextColumn();
                if (m.correlation != 0) ImGui::Text("%llu", static_cast<unsigned long long>(m.correlation));
            }
        }
        if (follow_ && !log_.paused()) ImGui::SetScrollHereY(1.0f);
        ImGui::EndTable();
    }
    if (selected_ != 0) {
        if (const LoggedMessage* m = log_.find(selected_)) {
            char time[16];
            formatTime(m->atMs, true, time);
            ImGui::Text("%s  %s from %s, %zu bytes", time, m->topic.c_str(), m->sender.empty() ? "?" : m->sender.c_str(),
                        m->bytes);
            ImGui::SameLine();
            if (ImGui::SmallButton("Copy")) ImGui::SetClipboardText(m->payloadJson.c_str());
            ImGui::BeginChild("inspector.payload", ImVec2(0, 0), true);
            ImGui::TextUnformatted(m->payloadJson.c_str());
            ImGui::EndChild();
        } else {
            selected_ = 0;  // dropped or cleared
        }
    }
}

}  // namespace agentdesk::inspector
