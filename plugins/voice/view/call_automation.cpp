// The Call panel's voice applications, prerecorded messages and text messages (VOICE-19, 20, 23, 25).

#include "view/call_panel.hpp"

#include <agentdesk/text.hpp>
#include <agentdesk/ui/icons.hpp>

#include <imgui.h>

#include <fmt/format.h>

#include <algorithm>

namespace agentdesk::voice {

namespace {

const ImVec4 kBusy(0.55f, 0.75f, 1.0f, 1.0f);
const ImVec4 kDone(0.35f, 0.78f, 0.45f, 1.0f);
const ImVec4 kWarning(0.95f, 0.66f, 0.20f, 1.0f);

/// SMS a text takes: 160 characters each.
std::size_t segments(std::size_t characters) { return characters == 0 ? 0 : (characters + 159) / 160; }

}  // namespace

void CallPanel::drawAutomationStatus() {
    const events::CallState& state = model_.call()->state;
    if (model_.inApplication()) {
        ImGui::TextColored(kBusy, "%s",
                           fmt::format("{} The customer is in {}: back in about {}", AD_ICON_KEYBOARD, state.application.name,
                                       text::clockText(model_.applicationLeft()))
                               .c_str());
        ImGui::TextDisabled("The other controls wait until then.");
    }
    if (model_.messagePlaying()) {
        ImGui::TextColored(kBusy, "%s", fmt::format("{} Playing \"{}\" to the customer: you are muted", AD_ICON_BULLHORN,
                                                    state.message.name).c_str());
        const float played = model_.messageProgress();
        const Milliseconds length(state.message.endsAtMs - state.message.startedMs);
        const auto at = std::chrono::duration_cast<Milliseconds>(length * static_cast<double>(played));
        ImGui::ProgressBar(played, ImVec2(-90, 0),
                           fmt::format("{} / {}", text::clockText(at), text::clockText(length)).c_str());
        ImGui::SameLine();
        if (ImGui::Button(AD_ICON_STOP " Stop")) model_.stopMessage();
    }
    for (const events::ApplicationResult& result : state.results) {
        const bool done = result.outcome == events::ApplicationOutcome::Completed;
        std::string line = fmt::format("{} {}: {}", done ? AD_ICON_CHECK_CIRCLE : AD_ICON_TIMES_CIRCLE, result.name, result.detail);
        if (!result.reference.empty()) line += " · " + result.reference;
        ImGui::TextColored(done ? kDone : kWarning, "%s", line.c_str());
    }
    for (const events::TextMessage& sent : state.texts) {
        ImGui::TextDisabled("%s", fmt::format("{} SMS to {}: {}", AD_ICON_MOBILE, sent.number, sent.text).c_str());
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", fmt::format("{}\n{}", sent.smsId, sent.text).c_str());
    }
}

void CallPanel::drawAutomationActions() {
    if (!model_.connected()) return;
    const events::VoiceCatalog& catalog = model_.catalog();
    const bool usable = model_.canUseAutomation();
    const char* why = model_.call()->state.held ? "Retrieve the customer first"
                      : model_.inApplication() || model_.messagePlaying()
                          ? "Wait until the customer is back with you"
                          : "Only with the customer alone: end the consultation or conference first";

    ImGui::BeginDisabled(!usable || catalog.messages.empty());
    if (ImGui::Button(AD_ICON_BULLHORN " Play message " AD_ICON_CARET_DOWN)) ImGui::OpenPopup("##messages");
    ImGui::EndDisabled();
    if (!usable && ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) ImGui::SetTooltip("%s", why);
    if (ImGui::BeginPopup("##messages")) {
        for (const events::PrerecordedMessage& message : catalog.messages) {
            const std::string label = fmt::format("{} ({} s)##{}", message.name, message.durationS, message.id);
            if (ImGui::MenuItem(label.c_str())) model_.playMessage(message.id);
            if (ImGui::IsItemHovered() && !message.text.empty()) ImGui::SetTooltip("\"%s\"", message.text.c_str());
        }
        ImGui::EndPopup();
    }

    ImGui::SameLine();
    ImGui::BeginDisabled(!usable || catalog.applications.empty());
    if (ImGui::Button(AD_ICON_KEYBOARD " Voice application " AD_ICON_CARET_DOWN)) ImGui::OpenPopup("##applications");
    ImGui::EndDisabled();
    if (!usable && ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) ImGui::SetTooltip("%s", why);
    if (ImGui::BeginPopup("##applications")) {
        for (const events::VoiceApplication& application : catalog.applications) {
            ImGui::PushID(application.id.c_str());
            ImGui::TextUnformatted(application.name.c_str());
            if (!application.description.empty()) {
                ImGui::SameLine();
                ImGui::TextDisabled("(?)");
                if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", application.description.c_str());
            }
            ImGui::Indent();
            if (ImGui::MenuItem(AD_ICON_REFRESH " Connect, then back to me")) model_.connectApplication(application.id, true);
            if (application.canKeep && ImGui::MenuItem(AD_ICON_SHARE " Hand the call over")) {
                model_.connectApplication(application.id, false);
            }
            ImGui::Unindent();
            ImGui::PopID();
        }
        ImGui::EndPopup();
    }

    ImGui::SameLine();
    if (ImGui::Button(AD_ICON_MOBILE " Text message...")) textOpen_ = !textOpen_;
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Send an SMS to the caller's mobile; it joins their history");
    if (textOpen_) drawTextEditor();
}

void CallPanel::drawTextEditor() {
    if (model_.takeTextSent()) {
        text_[0] = '\0';
        textOpen_ = false;
        return;
    }
    ImGui::Separator();
    const std::string caller = model_.call()->offer.from;
    ImGui::SetNextItemWidth(200);
    ImGui::InputTextWithHint("##smsNumber", caller.c_str(), textNumber_, sizeof textNumber_, ImGuiInputTextFlags_CharsNoBlank);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Empty: the caller's number");
    ImGui::InputTextMultiline("##sms", text_, sizeof text_, ImVec2(-1, ImGui::GetTextLineHeight() * 3.5f));
    const std::size_t length = text::characterCount(text_);
    const bool tooLong = length > events::kMaxTextMessageLength;
    const std::string count = fmt::format("{} / {} characters · {} SMS", length, events::kMaxTextMessageLength, segments(length));
    if (tooLong) ImGui::TextColored(kWarning, "%s", count.c_str());
    else ImGui::TextDisabled("%s", count.c_str());
    ImGui::SameLine();
    ImGui::BeginDisabled(length == 0 || tooLong);
    if (ImGui::Button(AD_ICON_PAPER_PLANE " Send")) model_.sendText(textNumber_, text_);
    ImGui::EndDisabled();
    ImGui::SameLine();
    if (ImGui::Button("Cancel##sms")) textOpen_ = false;
    ImGui::Separator();
}

}  // namespace agentdesk::voice
