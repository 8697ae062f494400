#include "view/campaign_panel.hpp"

#include <agentdesk/text.hpp>
#include <agentdesk/ui/icons.hpp>

#include <imgui.h>

#include <fmt/format.h>

#include <chrono>
#include <cstdio>
#include <ctime>

namespace agentdesk::campaign {

namespace {

const char* phaseText(events::RecordPhase phase) {
    switch (phase) {
        case events::RecordPhase::Preview: return "Preview";
        case events::RecordPhase::Dialing: return "Dialling...";
        case events::RecordPhase::Talking: return "Connected";
        case events::RecordPhase::NoAnswer: return "No answer";
        case events::RecordPhase::LineBusy: return "Line busy";
        case events::RecordPhase::WrapUp: return "Wrap-up";
    }
    return "";
}

/// "2026-01-05 14:30" (UTC) as epoch milliseconds, or 0 when it is not one.
std::int64_t parseDateTime(const char* text) {
    int y = 0, mo = 0, d = 0, h = 0, mi = 0;
    if (std::sscanf(text, "%d-%d-%d %d:%d", &y, &mo, &d, &h, &mi) != 5) return 0;
    using namespace std::chrono;
    const year_month_day date{year(y), month(static_cast<unsigned>(mo)), day(static_cast<unsigned>(d))};
    if (!date.ok() || h < 0 || h > 23 || mi < 0 || mi > 59) return 0;
    const sys_days days{date};
    return duration_cast<milliseconds>(days.time_since_epoch() + hours(h) + minutes(mi)).count();
}

/// Puts the next item of `width` beside the last one when it fits, else on a new line.
void flow(float width) {
    const float right = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
    if (ImGui::GetItemRectMax().x + ImGui::GetStyle().ItemSpacing.x + width <= right) ImGui::SameLine();
}

float buttonWidth(const char* label) { return ImGui::CalcTextSize(label, nullptr, true).x + ImGui::GetStyle().FramePadding.x * 2; }

}  // namespace

void CampaignPanel::keepTicking() {
    const TimePoint now = host_.clock().now();
    if (now >= tickAt_) {
        tickAt_ = std::chrono::floor<std::chrono::seconds>(now) + std::chrono::seconds(1);
        tick_ = host_.timers().at(tickAt_, [] {});
    }
}

void CampaignPanel::draw() {
    if (std::string error = desk_.takeError(); !error.empty()) host_.notify({Severity::Warning, "Campaign", error});
    if (!desk_.loggedIn()) {
        ImGui::TextDisabled("Log in to take part in outbound campaigns.");
        return;
    }
    const events::CampaignInfo* campaign = desk_.currentCampaign();
    if (!campaign) {
        ImGui::TextDisabled("You take part in no outbound campaign.");
        return;
    }
    drawCampaign(*campaign);
    ImGui::Separator();
    if (const auto& record = desk_.record()) {
        drawRecord(*record);
    } else {
        ImGui::TextDisabled("%s", campaign->dueRecords > 0 ? "Go Ready to get the next calling record."
                                                           : "No record is due now: the next one comes when it is due.");
        if (!desk_.lastOutcome().empty()) ImGui::TextWrapped("Last record: %s", desk_.lastOutcome().c_str());
    }
}

void CampaignPanel::drawCampaign(const events::CampaignInfo& campaign) {
    ImGui::Text(AD_ICON_BULLHORN " %s", campaign.name.c_str());
    ImGui::SameLine();
    ImGui::TextDisabled("%s dialing  |  %s  |  %d due, %d open", std::string(enumName(campaign.mode)).c_str(),
                        campaign.serviceName.c_str(), campaign.dueRecords, campaign.openRecords);
    if (desk_.campaigns().size() > 1) {
        ImGui::TextDisabled("Also in: ");
        for (const events::CampaignInfo& other : desk_.campaigns()) {
            if (other.id == campaign.id) continue;
            ImGui::SameLine();
            ImGui::TextDisabled("%s (%s)", other.name.c_str(), std::string(enumName(other.mode)).c_str());
        }
    }
    if (!campaign.script.empty() && ImGui::CollapsingHeader("Script", ImGuiTreeNodeFlags_DefaultOpen)) {
        ImGui::TextWrapped("%s", campaign.script.c_str());
    }
}

void CampaignPanel::drawRecord(const events::CallingRecord& record) {
    ImGui::Text(AD_ICON_USER " %s", record.name.c_str());
    ImGui::SameLine();
    ImGui::TextDisabled("record %s", record.recordId.c_str());
    if (record.phase == events::RecordPhase::Preview) {
        keepTicking();
        const std::int64_t left = desk_.previewLeftMs();
        ImGui::SameLine();
        ImGui::TextColored(left < 10'000 ? ImVec4(0.95f, 0.45f, 0.3f, 1) : ImVec4(0.5f, 0.8f, 1, 1),
                           AD_ICON_CLOCK " %s left to preview", text::clockText(Milliseconds(left)).c_str());
    } else {
        ImGui::SameLine();
        ImGui::TextColored(ImVec4(0.5f, 0.85f, 0.5f, 1), AD_ICON_PHONE " %s %s", phaseText(record.phase),
                           record.dialledNumber.c_str());
    }

    ImGui::Spacing();
    ImGui::TextDisabled("Numbers");
    const std::string chosen = desk_.chosenNumber();
    for (const events::RecordNumber& n : record.numbers) {
        const std::string label = fmt::format("{}{}{}{}##{}", n.number, n.label.empty() ? "" : "  (", n.label,
                                              n.label.empty() ? "" : ")", n.number);
        if (n.wrong) {
            ImGui::TextDisabled("  %s  wrong number", n.number.c_str());
            continue;
        }
        const bool enabled = record.phase == events::RecordPhase::Preview;
        if (!enabled) ImGui::BeginDisabled();
        if (ImGui::RadioButton(label.c_str(), n.number == chosen)) desk_.chooseNumber(n.number);
        if (!enabled) ImGui::EndDisabled();
    }

    if (!record.fields.empty() && ImGui::BeginTable("##fields", 2, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH)) {
        ImGui::TableSetupColumn("Field", ImGuiTableColumnFlags_WidthFixed, 160);
        ImGui::TableSetupColumn("Value", ImGuiTableColumnFlags_WidthStretch);
        for (const events::RecordField& f : record.fields) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::TextDisabled("%s", f.name.c_str());
            ImGui::TableNextColumn();
            ImGui::TextWrapped("%s", f.value.c_str());
        }
        ImGui::EndTable();
    }

    ImGui::Spacing();
    if (record.attempts.empty()) {
        ImGui::TextDisabled("No earlier attempts.");
    } else if (ImGui::TreeNodeEx("##attempts", ImGuiTreeNodeFlags_DefaultOpen, "Earlier attempts (%d)",
                                 static_cast<int>(record.attempts.size()))) {
        for (const events::RecordAttempt& a : record.attempts) {
            const std::string what = a.kind == "call"   ? fmt::format("called {}: {}", a.number, a.disposition)
                                     : a.kind == "reject" ? fmt::format("rejected: {}", a.note)
                                                          : fmt::format("rescheduled for {}", a.note);
            ImGui::BulletText("%s  %s  %s", text::dateTimeText(a.atMs).c_str(), a.agentId.c_str(), what.c_str());
        }
        ImGui::TreePop();
    }

    ImGui::Separator();
    if (record.phase == events::RecordPhase::Preview) {
        drawPreviewActions(record);
    } else if (record.phase == events::RecordPhase::Dialing) {
        if (ImGui::Button(AD_ICON_TIMES " Hang up")) desk_.hangUp();
    } else {
        if (desk_.talking()) {
            // The call's own controls (VOICE-09, 13), as in the Call panel.
            if (ImGui::Button(desk_.held() ? AD_ICON_PLAY " Retrieve" : AD_ICON_PAUSE " Hold")) desk_.toggleHold();
            ImGui::SameLine();
            if (ImGui::Button(desk_.muted() ? AD_ICON_MICROPHONE " Unmute" : AD_ICON_MICROPHONE_SLASH " Mute")) desk_.toggleMute();
            ImGui::SameLine();
            if (desk_.held()) {
                ImGui::TextColored(ImVec4(0.95f, 0.66f, 0.20f, 1.0f), "On hold %s", text::clockText(desk_.holdTime()).c_str());
                ImGui::SameLine();
            }
        }
        if (desk_.canHangUp() && ImGui::Button(AD_ICON_TIMES " Hang up")) desk_.hangUp();
        drawDispositions(record);
        if (desk_.canReschedule()) {
            ImGui::Spacing();
            drawReschedule(record, "Or call back later (the attempt ends as a Callback)");
        }
    }
}

void CampaignPanel::drawPreviewActions(const events::CallingRecord& record) {
    const events::CampaignInfo* campaign = desk_.currentCampaign();
    if (ImGui::Button(fmt::format(AD_ICON_PHONE " Call {}", desk_.chosenNumber()).c_str())) desk_.call();

    // Reject with a reason.
    if (campaign && !campaign->rejectReasons.empty()) {
        if (reason_ >= static_cast<int>(campaign->rejectReasons.size())) reason_ = 0;
        flow(220);
        ImGui::SetNextItemWidth(220);
        if (ImGui::BeginCombo("##reason", campaign->rejectReasons[static_cast<std::size_t>(reason_)].c_str())) {
            for (int i = 0; i < static_cast<int>(campaign->rejectReasons.size()); ++i) {
                if (ImGui::Selectable(campaign->rejectReasons[static_cast<std::size_t>(i)].c_str(), i == reason_)) reason_ = i;
            }
            ImGui::EndCombo();
        }
        flow(buttonWidth(AD_ICON_TIMES " Reject"));
        if (ImGui::Button(AD_ICON_TIMES " Reject")) desk_.reject(campaign->rejectReasons[static_cast<std::size_t>(reason_)]);
    }

    drawReschedule(record, "Reschedule");
}

void CampaignPanel::drawReschedule(const events::CallingRecord& record, const char* title) {
    // When (UTC), on which number, for whom, and why.
    if (whenFor_ != record.interactionId) {
        whenFor_ = record.interactionId;
        const std::string later = text::dateTimeText(toEpochMs(host_.clock().now()) + 60 * 60'000);
        std::snprintf(when_, sizeof when_, "%s", later.c_str());
        rescheduleNumber_ = 0;
        rescheduleReason_[0] = '\0';
    }
    ImGui::TextDisabled("%s", title);
    ImGui::SetNextItemWidth(150);
    ImGui::InputText("##when", when_, sizeof when_);
    flow(200);
    ImGui::SetNextItemWidth(200);
    const auto& numbers = record.numbers;
    if (rescheduleNumber_ > static_cast<int>(numbers.size())) rescheduleNumber_ = 0;
    const std::string current = rescheduleNumber_ == 0 ? "any number" : numbers[static_cast<std::size_t>(rescheduleNumber_ - 1)].number;
    if (ImGui::BeginCombo("##number", current.c_str())) {
        if (ImGui::Selectable("any number", rescheduleNumber_ == 0)) rescheduleNumber_ = 0;
        for (int i = 0; i < static_cast<int>(numbers.size()); ++i) {
            if (numbers[static_cast<std::size_t>(i)].wrong) continue;
            if (ImGui::Selectable(numbers[static_cast<std::size_t>(i)].number.c_str(), rescheduleNumber_ == i + 1)) rescheduleNumber_ = i + 1;
        }
        ImGui::EndCombo();
    }
    flow(buttonWidth("personal") + ImGui::GetFrameHeight());
    ImGui::Checkbox("personal", &personal_);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Kept for you; otherwise anyone in the campaign may get it");
    flow(220);
    ImGui::SetNextItemWidth(220);
    ImGui::InputTextWithHint("##why", "Reason (optional)", rescheduleReason_, sizeof rescheduleReason_);
    flow(buttonWidth(AD_ICON_CALENDAR " Reschedule"));
    const std::int64_t at = parseDateTime(when_);
    ImGui::BeginDisabled(at == 0);
    if (ImGui::Button(AD_ICON_CALENDAR " Reschedule")) {
        desk_.reschedule(at, current == "any number" ? "" : current, personal_, rescheduleReason_);
    }
    ImGui::EndDisabled();
    if (at == 0 && ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) ImGui::SetTooltip("Type the date and time as 2026-01-05 14:30");
}

void CampaignPanel::drawDispositions(const events::CallingRecord& record) {
    if (!desk_.canDispose()) return;
    ImGui::TextDisabled("Disposition%s", record.suggestedDisposition.empty()
                                              ? ""
                                              : fmt::format(" (the call suggests \"{}\")", record.suggestedDisposition).c_str());
    ImGui::SetNextItemWidth(-1);
    ImGui::InputTextWithHint("##notes", "Notes", notes_, sizeof notes_);
    bool first = true;
    for (const std::string& d : record.dispositions) {
        if (!first) flow(buttonWidth(d.c_str()));
        first = false;
        const bool suggested = d == record.suggestedDisposition;
        if (suggested) ImGui::PushStyleColor(ImGuiCol_Button, ImVec4(0.2f, 0.45f, 0.3f, 1));
        if (ImGui::Button(d.c_str())) {
            desk_.dispose(d, notes_);
            notes_[0] = '\0';
        }
        if (suggested) ImGui::PopStyleColor();
    }
}

}  // namespace agentdesk::campaign
