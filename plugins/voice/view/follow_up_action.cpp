#include "view/follow_up_action.hpp"

#include <agentdesk/text.hpp>
#include <agentdesk/ui/icons.hpp>

#include <imgui.h>

#include <cstdio>

namespace agentdesk::voice {

void FollowUpAction::draw(const events::Offered& call) {
    if (std::string refused = model_.takeError(); !refused.empty()) host_.notify({Severity::Warning, "Follow-up", refused});
    if (model_.confirmation() != shown_) {
        shown_ = model_.confirmation();
        host_.notify({Severity::Success, "Follow-up", shown_});
    }
    if (ImGui::Button(AD_ICON_CALENDAR " Follow-up")) {
        // Tomorrow at the same hour, to be changed.
        const std::int64_t now = toEpochMs(host_.clock().now());
        const std::int64_t hour = 60LL * 60 * 1000;
        std::snprintf(when_, sizeof when_, "%s", text::dateTimeText((now / hour) * hour + 24 * hour).c_str());
        note_[0] = '\0';
        error_.clear();
        ImGui::OpenPopup("Schedule a follow-up");
    }
    if (!ImGui::BeginPopup("Schedule a follow-up")) return;
    ImGui::TextUnformatted(CallFollowUp::titleFor(call).c_str());
    ImGui::InputText("When (UTC)", when_, sizeof when_);
    ImGui::InputTextMultiline("Note", note_, sizeof note_, ImVec2(320, 60));
    if (!error_.empty()) ImGui::TextColored(ImVec4(0.95f, 0.45f, 0.40f, 1), "%s", error_.c_str());
    if (ImGui::Button("Schedule")) {
        const auto at = text::parseDateTime(when_);
        if (!at) {
            error_ = "Write the time as YYYY-MM-DD HH:MM, e.g. 2026-01-06 10:00.";
        } else if (model_.schedule(call, *at, note_, toEpochMs(host_.clock().now()))) {
            ImGui::CloseCurrentPopup();
        } else {
            error_ = model_.takeError();
        }
    }
    ImGui::SameLine();
    if (ImGui::Button("Cancel")) ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
}

}  // namespace agentdesk::voice
