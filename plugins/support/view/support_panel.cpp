#include "view/support_panel.hpp"

#include <agentdesk/text.hpp>
#include <agentdesk/ui/colours.hpp>
#include <agentdesk/ui/icons.hpp>

#include <imgui.h>

#include <fmt/format.h>

#include <algorithm>
#include <stdexcept>

namespace agentdesk::support {

namespace {

ImVec4 colour(unsigned int packed) { return ImGui::ColorConvertU32ToFloat4(packed); }

const char* modeName(events::SupervisionMode mode) {
    switch (mode) {
        case events::SupervisionMode::Monitor: return "monitoring";
        case events::SupervisionMode::Coach: return "coaching";
        case events::SupervisionMode::Barge: return "in the conversation";
    }
    return "";
}

/// Picks `chosen` among `work` in a combo; keeps the choice valid (the first when it went away).
void chooseWork(const char* label, const std::vector<const Work*>& work, std::string& chosen) {
    if (work.empty()) return;
    auto current = std::find_if(work.begin(), work.end(), [&](const Work* w) { return w->interactionId == chosen; });
    if (current == work.end()) {
        current = work.begin();
        chosen = (*current)->interactionId;
    }
    ImGui::SetNextItemWidth(-1);
    if (ImGui::BeginCombo(label, (*current)->label.c_str())) {
        for (const Work* w : work) {
            const std::string item = w->label + (w->ended ? "  (ended)" : "") + "##" + w->interactionId;
            if (ImGui::Selectable(item.c_str(), w->interactionId == chosen)) chosen = w->interactionId;
        }
        ImGui::EndCombo();
    }
}

}  // namespace

void SupportPanel::draw() {
    if (!desk_.loggedIn()) {
        ImGui::TextDisabled("Log in to ask a supervisor for help, report call quality or send your logs.");
        return;
    }
    if (ImGui::CollapsingHeader(AD_ICON_HAND_PAPER "  Ask a supervisor", ImGuiTreeNodeFlags_DefaultOpen)) drawAsk();
    if (desk_.isSupervisor() && ImGui::CollapsingHeader(AD_ICON_EYE "  Supervise", ImGuiTreeNodeFlags_DefaultOpen)) {
        drawSupervise();
    }
    if (ImGui::CollapsingHeader(AD_ICON_PHONE "  Report a call quality problem")) drawQuality();
    if (ImGui::CollapsingHeader(AD_ICON_PAPER_PLANE "  Send logs to the administrator")) drawLogs();
}

void SupportPanel::toggleHand() {
    const auto work = desk_.connectedWork();
    if (work.empty()) {
        host_.notify({Severity::Warning, "Assistance", "You can ask for help on an interaction you are handling."});
        return;
    }
    const std::string id = askAbout_.empty() ? work.front()->interactionId : askAbout_;
    if (desk_.handOn(id)) desk_.lowerHand(id);
    else desk_.raiseHand(id, note_.data());
}

void SupportPanel::drawAsk() {
    const auto work = desk_.connectedWork();
    if (work.empty()) {
        ImGui::TextDisabled("Ask for help on an interaction you are handling.");
        return;
    }
    chooseWork("##ask-about", work, askAbout_);
    const events::AssistanceRequest* hand = desk_.handOn(askAbout_);
    for (const auto* supervision : desk_.supervisorsOn(askAbout_)) {
        ImGui::TextColored(colour(ui::stateColour(AgentState::Supervising)), AD_ICON_EYE "  %s is %s",
                           supervision->supervisorName.c_str(), modeName(supervision->mode));
    }
    if (hand) {
        const auto waited = host_.clock().now() - fromEpochMs(hand->raisedAtMs);
        ImGui::PushStyleColor(ImGuiCol_Text, colour(ui::rgba(230, 160, 40)));
        ImGui::TextWrapped(AD_ICON_HAND_PAPER "  Hand raised %s ago: waiting for a supervisor",
                           text::clockText(std::chrono::duration_cast<Milliseconds>(waited)).c_str());
        ImGui::PopStyleColor();
        if (!hand->note.empty()) ImGui::TextWrapped("\"%s\"", hand->note.c_str());
        if (ImGui::Button(AD_ICON_TIMES "  Lower hand")) desk_.lowerHand(askAbout_);
        return;
    }
    ImGui::SetNextItemWidth(-1);
    ImGui::InputTextWithHint("##note", "What do you need? (optional)", note_.data(), note_.size());
    if (ImGui::Button(AD_ICON_HAND_PAPER "  Raise hand")) {
        desk_.raiseHand(askAbout_, note_.data());
        note_.fill('\0');
    }
    ImGui::SameLine();
    ImGui::TextDisabled("Ctrl+Shift+U");
}

void SupportPanel::drawSupervise() {
    if (const auto& supervising = desk_.supervising()) {
        ImGui::TextColored(colour(ui::stateColour(AgentState::Supervising)), AD_ICON_EYE "  You are %s - %s",
                           modeName(supervising->mode), supervising->agentName.c_str());
        for (auto mode : {events::SupervisionMode::Monitor, events::SupervisionMode::Coach, events::SupervisionMode::Barge}) {
            ImGui::BeginDisabled(mode == supervising->mode);
            if (ImGui::Button(enumName(mode).data())) desk_.join(supervising->interactionId, mode);
            ImGui::EndDisabled();
            ImGui::SameLine();
        }
        if (ImGui::Button(AD_ICON_SIGN_OUT "  Leave")) desk_.leave();
        ImGui::Separator();
    }
    const auto& hands = desk_.raisedHands();
    if (hands.empty()) {
        ImGui::TextDisabled("No agent is asking for help.");
        return;
    }
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingStretchProp;
    if (!ImGui::BeginTable("##hands", 3, flags)) return;
    ImGui::TableSetupColumn("Agent");
    ImGui::TableSetupColumn("Waiting", ImGuiTableColumnFlags_WidthFixed);
    ImGui::TableSetupColumn("##join", ImGuiTableColumnFlags_WidthFixed);
    ImGui::TableHeadersRow();
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(hands.size()));
    while (clipper.Step()) {
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
            const auto& hand = hands[static_cast<std::size_t>(i)];
            ImGui::PushID(hand.requestId.c_str());
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::Text("%s %s  %s", ui::channelIcon(hand.channel), hand.agentName.c_str(), hand.customer.c_str());
            ImGui::TextDisabled("%s%s%s", hand.serviceName.c_str(), hand.note.empty() ? "" : " - ", hand.note.c_str());
            ImGui::TableNextColumn();
            const auto waited = host_.clock().now() - fromEpochMs(hand.raisedAtMs);
            ImGui::TextUnformatted(text::clockText(std::chrono::duration_cast<Milliseconds>(waited)).c_str());
            ImGui::TableNextColumn();
            if (ImGui::SmallButton("Monitor")) desk_.join(hand.interactionId, events::SupervisionMode::Monitor);
            ImGui::SameLine();
            if (ImGui::SmallButton("Coach")) desk_.join(hand.interactionId, events::SupervisionMode::Coach);
            ImGui::SameLine();
            if (ImGui::SmallButton("Barge")) desk_.join(hand.interactionId, events::SupervisionMode::Barge);
            ImGui::PopID();
        }
    }
    ImGui::EndTable();
}

void SupportPanel::drawQuality() {
    const auto calls = desk_.reportableCalls();
    if (calls.empty()) {
        ImGui::TextDisabled("Report a problem during a call or right after it.");
        return;
    }
    chooseWork("##report-on", calls, reportOn_);
    const auto& problems = events::callQualityProblems();
    for (std::size_t i = 0; i < problems.size(); ++i) {
        if (i % 3 != 0) ImGui::SameLine(static_cast<float>(i % 3) * ImGui::GetFontSize() * 10.0f);
        ImGui::Checkbox(problemLabel(problems[i]).c_str(), &problems_[i]);
    }
    ImGui::InputTextMultiline("##comment", comment_.data(), comment_.size(), ImVec2(-1, ImGui::GetTextLineHeight() * 3));
    const bool any = std::any_of(problems_.begin(), problems_.end(), [](bool b) { return b; });
    ImGui::BeginDisabled(!any);
    if (ImGui::Button(AD_ICON_PAPER_PLANE "  Report")) {
        std::vector<std::string> chosen;
        for (std::size_t i = 0; i < problems.size(); ++i) {
            if (problems_[i]) chosen.push_back(problems[i]);
        }
        desk_.reportQuality(reportOn_, std::move(chosen), comment_.data());
        problems_.fill(false);
        comment_.fill('\0');
    }
    ImGui::EndDisabled();
    if (!any) {
        ImGui::SameLine();
        ImGui::TextDisabled("Tick what you noticed.");
    }
}

void SupportPanel::drawLogs() {
    const UploadStatus& upload = desk_.upload();
    ImGui::TextWrapped("Sends the desktop's log files and its last %zu bus messages to the administrator.", traffic_.size());
    ImGui::InputTextWithHint("##description", "What happened, and when?", description_.data(), description_.size());
    ImGui::BeginDisabled(upload.stage == UploadStage::Sending);
    if (ImGui::Button(AD_ICON_PAPER_PLANE "  Send logs")) sendLogs();
    ImGui::EndDisabled();
    switch (upload.stage) {
        case UploadStage::Idle: break;
        case UploadStage::Sending:
            ImGui::ProgressBar(upload.fraction(), ImVec2(-1, 0),
                               fmt::format("{} of {}", text::sizeText(upload.sent), text::sizeText(upload.size)).c_str());
            break;
        case UploadStage::Done:
            ImGui::TextColored(colour(ui::stateColour(AgentState::Ready)), AD_ICON_CHECK_CIRCLE "  Sent as %s (%s)",
                               upload.ticket.c_str(), text::sizeText(upload.size).c_str());
            break;
        case UploadStage::Failed:
            ImGui::TextColored(colour(ui::rgba(220, 70, 60)), AD_ICON_TIMES_CIRCLE "  %s", upload.error.c_str());
            break;
    }
}

void SupportPanel::sendLogs() {
    BundleContents contents;
    contents.description = description_.data();
    contents.agent = desk_.agentName();
    contents.version = host_.desktopVersion();
    contents.createdAt = host_.clock().now();
    contents.logDirectory = host_.logDirectory();
    contents.traffic = traffic_.lines();
    try {
        Bundle bundle = makeBundle(contents);
        host_.log().info(fmt::format("sending the logs: {} ({}, {} files)", bundle.fileName, text::sizeText(
                                         static_cast<std::int64_t>(bundle.bytes.size())), bundle.entries.size()));
        if (desk_.sendLogs(std::move(bundle.bytes), bundle.fileName, contents.description)) description_.fill('\0');
    } catch (const std::exception& e) {
        host_.notify({Severity::Error, "Send logs", e.what()});
    }
}

}  // namespace agentdesk::support
