#include "view/contact_panel.hpp"

#include <agentdesk/ui/icons.hpp>

#include <imgui.h>

#include <fmt/format.h>

#include <ctime>

namespace agentdesk::contact {

namespace {

std::string dateTime(std::int64_t epochMs) {
    const std::time_t seconds = static_cast<std::time_t>(epochMs / 1000);
    std::tm local{};
    localtime_r(&seconds, &local);
    static constexpr const char* months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                             "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    return fmt::format("{} {:02} {:02}:{:02}", months[local.tm_mon], local.tm_mday, local.tm_hour, local.tm_min);
}

void field(const char* label, const std::string& value) {
    if (value.empty()) return;
    ImGui::TextDisabled("%s", label);
    ImGui::SameLine(90);
    ImGui::TextUnformatted(value.c_str());
}

}  // namespace

void ContactPanel::draw() {
    const auto& record = model_.record();
    if (model_.interactionId().empty() || !record) {
        ImGui::TextDisabled("The customer of the interaction you select appears here.");
        return;
    }
    if (!record->found) {
        ImGui::TextUnformatted(AD_ICON_USER " Unknown customer");
        ImGui::TextDisabled("No record and no earlier contact from this address.");
        return;
    }
    const events::CustomerInfo& customer = record->customer;
    ImGui::TextUnformatted(fmt::format("{} {}", AD_ICON_USER, customer.name).c_str());
    field("Phone", customer.phone);
    field("Email", customer.email);
    field("Company", customer.company);
    field("Customer", customer.id);
    ImGui::Separator();
    ImGui::TextDisabled("History (%d)", static_cast<int>(record->history.size()));
    const auto& transcript = model_.transcript();
    const float tableHeight = transcript.interactionId.empty() ? 0.0f : ImGui::GetContentRegionAvail().y * 0.5f;
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY | ImGuiTableFlags_BordersInnerV |
                                  ImGuiTableFlags_Resizable | ImGuiTableFlags_SizingStretchProp;
    if (ImGui::BeginTable("history", 3, flags, ImVec2(0, tableHeight))) {
        ImGui::TableSetupScrollFreeze(0, 1);
        ImGui::TableSetupColumn("When", ImGuiTableColumnFlags_WidthFixed, ImGui::CalcTextSize(AD_ICON_PHONE " Sep 30 10:00 (now)").x);
        ImGui::TableSetupColumn("Service");
        ImGui::TableSetupColumn("Outcome");
        ImGui::TableHeadersRow();
        ImGuiListClipper clipper;
        clipper.Begin(static_cast<int>(record->history.size()));
        while (clipper.Step()) {
            for (int row = clipper.DisplayStart; row < clipper.DisplayEnd; ++row) {
                const events::HistoryEntry& entry = record->history[static_cast<std::size_t>(row)];
                ImGui::TableNextRow();
                ImGui::TableNextColumn();
                const bool current = entry.interactionId == model_.interactionId();
                const std::string label = fmt::format("{} {}{}##{}", ui::channelIcon(entry.channel), dateTime(entry.queuedAtMs),
                                                      current ? " (now)" : "", row);
                const bool selected = entry.interactionId == transcript.interactionId;
                if (ImGui::Selectable(label.c_str(), selected, ImGuiSelectableFlags_SpanAllColumns) &&
                    entry.channel == Channel::Chat) {
                    model_.openTranscript(entry.interactionId);
                }
                if (ImGui::IsItemHovered()) {
                    // The details that do not fit a narrow panel.
                    ImGui::SetTooltip("%s", fmt::format("{}\nAgent: {}\nSubject: {}\nNotes: {}{}", entry.serviceName,
                                                        entry.agentName.empty() ? "-" : entry.agentName,
                                                        entry.subject.empty() ? "-" : entry.subject,
                                                        entry.notes.empty() ? "-" : entry.notes,
                                                        entry.channel == Channel::Chat ? "\nClick to read the transcript" : "")
                                                .c_str());
                }
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(entry.serviceName.empty() ? entry.serviceId.c_str() : entry.serviceName.c_str());
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(entry.disposition.empty() ? entry.outcome.c_str() : entry.disposition.c_str());
            }
        }
        ImGui::EndTable();
    }
    if (transcript.interactionId.empty()) return;
    ImGui::Separator();
    ImGui::TextDisabled("Transcript of %s", transcript.interactionId.c_str());
    ImGui::BeginChild("##transcript");
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(transcript.messages.size()));
    while (clipper.Step()) {
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
            const events::ChatMessage& line = transcript.messages[static_cast<std::size_t>(i)];
            const char* who = line.from == events::Party::System ? "" : line.authorName.c_str();
            ImGui::TextDisabled("%s", who);
            ImGui::SameLine();
            ImGui::TextUnformatted(line.text.c_str());
        }
    }
    ImGui::EndChild();
}

}  // namespace agentdesk::contact
