#include "view/dashboard_panel.hpp"

#include <agentdesk/text.hpp>
#include <agentdesk/ui/icons.hpp>

#include <imgui.h>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>

namespace agentdesk::dashboard {

namespace {

const ImVec4 kDim(0.62f, 0.65f, 0.70f, 1);

ImU32 stateColour(AgentState s) {
    switch (s) {
        case AgentState::Ready: return IM_COL32(46, 170, 80, 255);
        case AgentState::NotReady: return IM_COL32(205, 60, 55, 255);
        case AgentState::Busy: return IM_COL32(225, 150, 30, 255);
        case AgentState::AfterCallWork: return IM_COL32(120, 100, 210, 255);
        default: return IM_COL32(120, 120, 120, 255);
    }
}

/// A figure with its label under it, in a fixed-width cell.
void figure(ImFont* big, const char* label, const std::string& value, float width) {
    ImGui::BeginGroup();
    // A font baked at the larger size when the host has one; scaled otherwise (tests, benchmarks).
    if (big) ImGui::PushFont(big);
    else ImGui::SetWindowFontScale(1.4f);
    ImGui::TextUnformatted(value.c_str());
    if (big) ImGui::PopFont();
    else ImGui::SetWindowFontScale(1.0f);
    ImGui::TextColored(kDim, "%s", label);
    ImGui::EndGroup();
    ImGui::SameLine(0, 0);
    ImGui::Dummy(ImVec2(std::max(0.0f, width - ImGui::GetItemRectSize().x), 1));
    ImGui::SameLine();
}

}  // namespace

DashboardPanel::DashboardPanel(AgentDashboard& model, HostApi& host) : model_(model), host_(host) {}

void DashboardPanel::draw() {
    if (!model_.loggedIn()) {
        ImGui::TextDisabled("Log in to see your figures for today.");
        return;
    }
    if (!model_.me()) {
        ImGui::TextDisabled("Waiting for today's figures from the contact center...");
    } else {
        drawMine(*model_.me());
    }
    ImGui::Spacing();
    drawServices();
}

void DashboardPanel::drawMine(const events::AgentMetrics& me) {
    ImGui::TextColored(kDim, AD_ICON_USER "  Today");
    const float cell = ImGui::GetFontSize() * 6.5f;
    ImFont* big = host_.displayFont(ImGui::GetFontSize() * 1.4f);
    figure(big, AD_ICON_PHONE " calls", std::to_string(me.handledVoice), cell);
    figure(big, AD_ICON_COMMENTS " chats", std::to_string(me.handledChat), cell);
    figure(big, AD_ICON_ENVELOPE " emails", std::to_string(me.handledEmail), cell);
    if (me.handledCampaign) figure(big, AD_ICON_BULLHORN " campaign", std::to_string(me.handledCampaign), cell);
    figure(big, "avg handle time", me.averageHandleTimeMs ? text::clockText(Milliseconds(me.averageHandleTimeMs)) : "-", cell);
    const auto occupancy = AgentDashboard::occupancyPct(me);
    figure(big, "occupancy", occupancy ? fmt::format("{:.0f}%", *occupancy) : "-", cell);
    ImGui::NewLine();

    // Time in each state today, as one bar split by state, with the times under it.
    const std::pair<AgentState, std::int64_t> parts[] = {{AgentState::Ready, me.readyMs},
                                                         {AgentState::Busy, me.busyMs},
                                                         {AgentState::AfterCallWork, me.afterCallWorkMs},
                                                         {AgentState::NotReady, me.notReadyMs}};
    std::int64_t total = 0;
    for (const auto& p : parts) total += p.second;
    const ImVec2 at = ImGui::GetCursorScreenPos();
    const float width = ImGui::GetContentRegionAvail().x, height = ImGui::GetFontSize() * 0.8f;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    float x = at.x;
    for (const auto& [state, ms] : parts) {
        if (total <= 0) break;
        const float w = width * static_cast<float>(ms) / static_cast<float>(total);
        dl->AddRectFilled(ImVec2(x, at.y), ImVec2(x + w, at.y + height), stateColour(state));
        x += w;
    }
    if (total <= 0) dl->AddRectFilled(at, ImVec2(at.x + width, at.y + height), IM_COL32(60, 60, 60, 255));
    ImGui::Dummy(ImVec2(width, height));
    const char* names[] = {"Ready", "Busy", "After call work", "Not ready"};
    for (int i = 0; i < 4; ++i) {
        if (i) ImGui::SameLine(0, ImGui::GetFontSize() * 1.5f);
        ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(stateColour(parts[i].first)), AD_ICON_CIRCLE);
        ImGui::SameLine();
        ImGui::Text("%s %s", names[i], text::clockText(Milliseconds(parts[i].second)).c_str());
    }

    // The last hour: handled per 5 minutes, and occupancy.
    const auto& samples = model_.mySamples();
    if (samples.size() >= 2) {
        constexpr std::size_t perBucket = 10;  // 10 samples of 30 s
        std::vector<float> handled;
        for (std::size_t i = 0; i < samples.size(); i += perBucket) {
            const std::size_t end = std::min(samples.size() - 1, i + perBucket);
            const std::size_t begin = i == 0 ? 0 : i - 1;
            handled.push_back(samples[end].handled - samples[begin].handled);
        }
        std::vector<float> occupancy;
        for (std::size_t i = 0; i < samples.size(); ++i) occupancy.push_back(samples[i].occupancyPct);
        const float chartW = (ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ItemSpacing.x) / 2;
        const float chartH = ImGui::GetFontSize() * 3.5f;
        ImGui::PlotHistogram("##handled", handled.data(), static_cast<int>(handled.size()), 0, "handled per 5 min", 0.0f,
                             std::max(1.0f, *std::max_element(handled.begin(), handled.end())), ImVec2(chartW, chartH));
        ImGui::SameLine();
        const std::string label = fmt::format("occupancy {:.0f}%", occupancy.back());
        ImGui::PlotLines("##occupancy", occupancy.data(), static_cast<int>(occupancy.size()), 0, label.c_str(), 0.0f, 100.0f,
                         ImVec2(chartW, chartH));
    } else {
        ImGui::TextColored(kDim, "Charts of the last hour fill in as the day goes on.");
    }
}

void DashboardPanel::drawServices() {
    ImGui::TextColored(kDim, AD_ICON_USERS "  My services%s", model_.showingAll() ? " (all: yours appear as work reaches you)" : "");
    ImGui::SameLine();
    if (ImGui::SmallButton(AD_ICON_COG "##pick")) ImGui::OpenPopup("##services");
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Choose the services to follow");
    drawServicePicker();
    const auto services = model_.myServices();
    if (services.empty()) {
        ImGui::TextDisabled("No figures yet.");
        return;
    }
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingStretchProp;
    if (!ImGui::BeginTable("##myservices", 6, flags)) return;
    ImGui::TableSetupColumn("Service", ImGuiTableColumnFlags_WidthStretch, 2.2f);
    ImGui::TableSetupColumn("Waiting", ImGuiTableColumnFlags_WidthStretch, 0.9f);
    ImGui::TableSetupColumn("Longest", ImGuiTableColumnFlags_WidthStretch, 0.9f);
    ImGui::TableSetupColumn("SL", ImGuiTableColumnFlags_WidthStretch, 0.6f);
    ImGui::TableSetupColumn("Agents", ImGuiTableColumnFlags_WidthStretch, 1.1f);
    ImGui::TableSetupColumn("Last hour", ImGuiTableColumnFlags_WidthStretch, 2.0f);
    ImGui::TableHeadersRow();
    for (const events::ServiceMetrics* s : services) {
        ImGui::PushID(s->serviceId.c_str());
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::Text("%s  %s", ui::channelIcon(s->channel), s->name.c_str());
        ImGui::TableNextColumn();
        ImGui::Text("%d", s->inQueue);
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(text::clockText(Milliseconds(s->longestWaitMs)).c_str());
        ImGui::TableNextColumn();
        if (s->serviceLevelPct < 0) ImGui::TextDisabled("-");
        else ImGui::Text("%.0f%%", s->serviceLevelPct);
        ImGui::TableNextColumn();
        ImGui::Text("%d/%d/%d/%d", s->agentsReady, s->agentsBusy, s->agentsAfterCallWork, s->agentsNotReady);
        if (ImGui::IsItemHovered()) {
            ImGui::SetTooltip("%d Ready, %d Busy, %d in After Call Work, %d Not Ready", s->agentsReady, s->agentsBusy,
                              s->agentsAfterCallWork, s->agentsNotReady);
        }
        ImGui::TableNextColumn();
        if (const ServiceHistory* h = model_.history(s->serviceId); h && h->inQueue.size() >= 2) {
            const auto values = h->inQueue.values();
            const float top = std::max(1.0f, *std::max_element(values.begin(), values.end()));
            ImGui::PlotLines("##queue", values.data(), static_cast<int>(values.size()), 0, nullptr, 0.0f, top,
                             ImVec2(std::max(ImGui::GetContentRegionAvail().x, ImGui::GetFontSize() * 4), ImGui::GetTextLineHeight() * 1.4f));
            if (ImGui::IsItemHovered()) ImGui::SetTooltip("Waiting, the last hour (0 to %.0f)", top);
        }
        ImGui::PopID();
    }
    ImGui::EndTable();
}

void DashboardPanel::drawServicePicker() {
    if (!ImGui::BeginPopup("##services")) return;
    ImGui::TextDisabled("Follow these services:");
    auto chosen = model_.chosen();
    bool changed = false;
    for (const auto& s : model_.services()) {
        bool on = chosen.count(s.serviceId) > 0;
        if (ImGui::Checkbox(s.name.c_str(), &on)) {
            if (on) chosen.insert(s.serviceId);
            else chosen.erase(s.serviceId);
            changed = true;
        }
    }
    if (changed) {
        model_.setChosen(chosen);
        nlohmann::json settings = host_.loadSettings();
        settings["services"] = chosen;
        host_.saveSettings(settings);
    }
    ImGui::EndPopup();
}

}  // namespace agentdesk::dashboard
