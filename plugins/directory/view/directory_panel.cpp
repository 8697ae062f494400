#include "view/directory_panel.hpp"

#include <agentdesk/text.hpp>
#include <agentdesk/ui/colours.hpp>
#include <agentdesk/ui/icons.hpp>

#include <imgui.h>

#include <fmt/format.h>

namespace agentdesk::directory {

namespace {

const char* kindIcon(events::DirectoryKind kind) {
    switch (kind) {
        case events::DirectoryKind::Colleague: return AD_ICON_USER;
        case events::DirectoryKind::Team: return AD_ICON_USERS;
        case events::DirectoryKind::Service: return AD_ICON_HEADPHONES;
        case events::DirectoryKind::Contact: return AD_ICON_ADDRESS_BOOK;
    }
    return AD_ICON_CIRCLE;
}

}  // namespace

void DirectoryPanel::draw() {
    if (std::string error = model_.takeError(); !error.empty()) host_.notify({Severity::Warning, "Directory", error});
    if (!model_.loggedIn()) {
        ImGui::TextDisabled("Log in to search colleagues, teams, services and contacts.");
        return;
    }
    if (focusSearch_) {
        ImGui::SetKeyboardFocusHere();
        focusSearch_ = false;
    }
    ImGui::SetNextItemWidth(-1);
    if (ImGui::InputTextWithHint("##query", AD_ICON_SEARCH " Name, team, company or number", query_, sizeof query_)) {
        model_.setQuery(query_);
    }
    const auto& rows = model_.rows();
    if (rows.empty()) {
        ImGui::TextDisabled("%s", model_.query().empty() ? "The directory is empty." : "Nothing matches.");
        return;
    }
    if (model_.total() > static_cast<int>(rows.size())) {
        ImGui::TextDisabled("%d of %d shown: type more to narrow the list", static_cast<int>(rows.size()), model_.total());
    }
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY | ImGuiTableFlags_BordersInnerH;
    if (!ImGui::BeginTable("##directory", 3, flags)) return;
    ImGui::TableSetupColumn("##fav", ImGuiTableColumnFlags_WidthFixed, ImGui::GetFrameHeight());
    ImGui::TableSetupColumn("Name", ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableSetupColumn("##actions", ImGuiTableColumnFlags_WidthFixed, ImGui::GetFrameHeight() * (model_.onCall() ? 5.6f : 3.4f));
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(rows.size()), ImGui::GetTextLineHeightWithSpacing() * 2 + 4);
    while (clipper.Step()) {
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) drawRow(rows[static_cast<std::size_t>(i)]);
    }
    ImGui::EndTable();
}

void DirectoryPanel::keepTicking() {
    // Times in state count seconds: wake the desktop at the next one while they show.
    const TimePoint now = host_.clock().now();
    if (now >= tickAt_) {
        tickAt_ = std::chrono::floor<std::chrono::seconds>(now) + std::chrono::seconds(1);
        tick_ = host_.timers().at(tickAt_, [] {});
    }
}

void DirectoryPanel::drawRow(const Row& row) {
    const events::DirectoryEntry& e = row.entry;
    ImGui::TableNextRow();
    ImGui::PushID(e.id.c_str());
    ImGui::TableNextColumn();
    ImGui::PushStyleColor(ImGuiCol_Text, row.favorite ? ImVec4(0.98f, 0.78f, 0.25f, 1.0f) : ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    ImGui::PushStyleColor(ImGuiCol_Button, ImVec4(0, 0, 0, 0));
    if (ImGui::SmallButton(AD_ICON_STAR)) model_.toggleFavorite(e.id);
    ImGui::PopStyleColor(2);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip(row.favorite ? "Remove from favourites" : "Add to favourites: shown first");

    // Name on the first line; on the second, a colleague's state (in its colour, with the time in
    // it) or a team's or service's Ready count, then the detail and number.
    ImGui::TableNextColumn();
    ImGui::Text("%s %s", kindIcon(e.kind), e.name.c_str());
    std::string rest = e.detail;
    if (!e.number.empty()) rest += (rest.empty() ? "" : "  ·  ") + e.number;
    if (e.kind == events::DirectoryKind::Colleague) {
        std::string label(displayName(e.state));
        if (!e.reason.empty()) label += " (" + e.reason + ")";
        if (e.state != AgentState::LoggedOut && e.stateSinceMs > 0) {
            const auto inState = std::chrono::duration_cast<Milliseconds>(host_.clock().now() - fromEpochMs(e.stateSinceMs));
            label += " " + text::clockText(inState);
            keepTicking();
        }
        ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(ui::stateColour(e.state)), AD_ICON_CIRCLE " %s", label.c_str());
        ImGui::SameLine();
    } else if (e.kind == events::DirectoryKind::Team || e.kind == events::DirectoryKind::Service) {
        const AgentState look = e.membersReady > 0 ? AgentState::Ready : AgentState::LoggedOut;
        ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(ui::stateColour(look)), "%d of %d Ready", e.membersReady, e.members);
        if (ImGui::IsItemHovered()) {
            ImGui::SetTooltip(e.kind == events::DirectoryKind::Team ? "Ready of the team's members" : "Ready of the skilled agents logged in");
        }
        ImGui::SameLine();
    }
    ImGui::TextDisabled("%s", rest.c_str());

    ImGui::TableNextColumn();
    ImGui::BeginDisabled(!DirectoryModel::canCall(e));
    if (ImGui::SmallButton(AD_ICON_PHONE)) model_.call(e);
    ImGui::EndDisabled();
    if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) {
        std::string tip = DirectoryModel::canCall(e) ? fmt::format("Call {} ({})", e.name, e.number) : "No number to call";
        if (DirectoryModel::canCall(e) && e.kind == events::DirectoryKind::Colleague) {
            // VOICE-03: the colleague's state before calling; only a Ready colleague takes the call.
            tip += fmt::format(": {} now{}", displayName(e.state),
                               e.state == AgentState::Ready ? "" : ", so the call will be refused");
        }
        ImGui::SetTooltip("%s", tip.c_str());
    }
    if (model_.canChat(e)) {
        ImGui::SameLine();
        if (ImGui::SmallButton(AD_ICON_COMMENT)) model_.chat(e);
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("Chat with %s", e.name.c_str());
    }
    // On a call: consult or transfer to this entry (VOICE-14, 15, 18).
    if (model_.onCall() && model_.targetOf(e)) {
        ImGui::SameLine();
        if (ImGui::SmallButton(AD_ICON_USERS)) model_.consult(e);
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("Consult %s: your customer is put on hold", e.name.c_str());
        ImGui::SameLine();
        if (ImGui::SmallButton(AD_ICON_SHARE)) model_.transfer(e);
        if (ImGui::IsItemHovered()) {
            ImGui::SetTooltip("%s", e.kind == events::DirectoryKind::Service
                                        ? fmt::format("Transfer the call to the {} queue", e.name).c_str()
                                        : fmt::format("Transfer the call to {} now", e.name).c_str());
        }
    }
    ImGui::PopID();
}

}  // namespace agentdesk::directory
