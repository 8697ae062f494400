#include "view/team_chat_panel.hpp"

#include <agentdesk/ui/colours.hpp>
#include <agentdesk/ui/icons.hpp>

#include <imgui.h>

#include <fmt/format.h>

#include <cstdio>
#include <ctime>

namespace agentdesk::teamchat {

namespace {

std::string timeOfDay(std::int64_t epochMs) {
    const std::time_t seconds = static_cast<std::time_t>(epochMs / 1000);
    std::tm local{};
    localtime_r(&seconds, &local);
    return fmt::format("{:02}:{:02}", local.tm_hour, local.tm_min);
}

}  // namespace

void TeamChatPanel::draw() {
    if (std::string error = model_.takeError(); !error.empty()) host_.notify({Severity::Warning, "Team chat", error});
    if (model_.rooms().empty()) {
        ImGui::TextDisabled("Log in to chat with your team.");
        return;
    }
    const float listWidth = std::min(200.0f, ImGui::GetContentRegionAvail().x * 0.35f);
    ImGui::BeginChild("##rooms", ImVec2(listWidth, 0), true);
    ImDrawList* draw = ImGui::GetWindowDrawList();
    for (const RoomView& room : model_.rooms()) {
        const std::string& id = room.room.roomId;
        std::string other;
        for (const auto& member : room.room.members) {
            if (member.agentId != model_.me()) other = member.agentId;
        }
        const AgentState presence = room.room.direct ? model_.presenceOf(other) : AgentState::Ready;
        const std::string label = fmt::format("   {}{}##{}", room.room.direct ? "" : AD_ICON_USERS " ", room.room.title, id);
        if (ImGui::Selectable(label.c_str(), id == model_.active())) model_.open(id);
        const ImVec2 at = ImGui::GetItemRectMin();
        const float line = ImGui::GetTextLineHeight();
        if (room.room.direct) draw->AddCircleFilled(ImVec2(at.x + line * 0.4f, at.y + line * 0.55f), line * 0.28f, ui::stateColour(presence));
        if (ImGui::IsItemHovered() && room.room.direct) ImGui::SetTooltip("%s", std::string(displayName(presence)).c_str());
        if (room.unread > 0) {
            ImGui::SameLine(ImGui::GetContentRegionAvail().x - 10);
            ImGui::TextColored(ImVec4(0.95f, 0.66f, 0.2f, 1), "%d", room.unread);
        }
    }
    ImGui::EndChild();
    ImGui::SameLine();
    ImGui::BeginChild("##room");
    const RoomView* room = model_.find(model_.active());
    if (room) {
        ImGui::TextUnformatted(room->room.title.c_str());
        if (!room->room.direct) {
            ImGui::SameLine();
            ImGui::TextDisabled("%d members", static_cast<int>(room->room.members.size()));
        }
        ImGui::Separator();
        const float inputHeight = ImGui::GetFrameHeightWithSpacing() + 4;
        ImGui::BeginChild("##messages", ImVec2(0, -inputHeight));
        ImGuiListClipper clipper;
        clipper.Begin(static_cast<int>(room->messages.size()));
        while (clipper.Step()) {
            for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
                const events::TeamMessage& m = room->messages[static_cast<std::size_t>(i)];
                const bool mine = m.fromId == model_.me();
                ImGui::TextColored(mine ? ImVec4(0.45f, 0.85f, 0.55f, 1) : ImVec4(0.55f, 0.78f, 1, 1), "%s",
                                   fmt::format("{} {}", timeOfDay(m.atMs), mine ? "You" : m.fromName).c_str());
                ImGui::SameLine();
                ImGui::TextUnformatted(m.text.c_str());
            }
        }
        if (room->messages.size() != seen_) ImGui::SetScrollHereY(1.0f);
        seen_ = room->messages.size();
        ImGui::EndChild();
        if (inputFor_ != room->room.roomId || room->draft != input_) {
            std::snprintf(input_, sizeof input_, "%s", room->draft.c_str());
            inputFor_ = room->room.roomId;
        }
        ImGui::SetNextItemWidth(-70);
        const bool enter = ImGui::InputTextWithHint("##input", "Message", input_, sizeof input_, ImGuiInputTextFlags_EnterReturnsTrue);
        model_.setDraft(room->room.roomId, input_);
        ImGui::SameLine();
        if (ImGui::Button("Send") || enter) {
            model_.send(room->room.roomId);
            ImGui::SetKeyboardFocusHere(-1);
        }
    }
    ImGui::EndChild();
}

}  // namespace agentdesk::teamchat
