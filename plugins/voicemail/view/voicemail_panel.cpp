#include "view/voicemail_panel.hpp"

#include <agentdesk/text.hpp>
#include <agentdesk/ui/icons.hpp>

#include <imgui.h>

#include <algorithm>
#include <cstdio>
#include <cstring>

namespace agentdesk::voicemail {

namespace {

const ImVec4 kUnheard(0.95f, 0.62f, 0.20f, 1);
const ImVec4 kForwarding(0.35f, 0.70f, 0.95f, 1);
const ImVec4 kError(0.92f, 0.35f, 0.30f, 1);

template <std::size_t N>
void copyInto(std::array<char, N>& buffer, const std::string& text) {
    std::snprintf(buffer.data(), N, "%s", text.c_str());
}

void sectionTitle(const char* title) {
    ImGui::Dummy(ImVec2(0, 4));
    ImGui::TextUnformatted(title);
    ImGui::Separator();
}

}  // namespace

void VoicemailPanel::drawTopBar() {
    if (!model_.loggedIn()) return;
    const int unheard = model_.unheard();
    char label[64];
    std::snprintf(label, sizeof label, AD_ICON_PHONE_SQUARE " Voicemail %d", unheard);
    if (unheard > 0) ImGui::PushStyleColor(ImGuiCol_Text, kUnheard);
    if (ImGui::SmallButton(label)) host_.focusPanel("voicemail.view");
    if (unheard > 0) ImGui::PopStyleColor();
    if (ImGui::IsItemHovered()) {
        ImGui::SetTooltip(unheard == 1 ? "1 new voicemail message" : "%d new voicemail messages", unheard);
    }
    if (const std::string summary = forwardingSummary(model_.box().forwarding); !summary.empty()) {
        ImGui::SameLine(0, 16);
        ImGui::TextColored(kForwarding, AD_ICON_SHARE " %s", summary.c_str());
        if (ImGui::IsItemClicked()) host_.focusPanel("voicemail.view");
    }
}

void VoicemailPanel::draw() {
    model_.tick();
    if (model_.playing() && !tick_) {  // the position moves once a second while playing
        const TimePoint next = std::chrono::floor<std::chrono::seconds>(host_.clock().now()) + std::chrono::seconds(1);
        tick_ = host_.timers().at(next, [this] { tick_ = Timer(); });
    }
    if (!model_.loggedIn()) {
        ImGui::TextDisabled("Log in to see your voicemail.");
        return;
    }
    if (!model_.lastError().empty()) {
        ImGui::PushTextWrapPos(0);
        ImGui::TextColored(kError, AD_ICON_EXCLAMATION_TRIANGLE " %s", model_.lastError().c_str());
        ImGui::PopTextWrapPos();
    }
    if (ImGui::BeginTabBar("##voicemail")) {
        char messagesTab[48];
        std::snprintf(messagesTab, sizeof messagesTab, "Messages (%d new)###messages", model_.unheard());
        if (ImGui::BeginTabItem(messagesTab)) {
            drawMessages();
            ImGui::EndTabItem();
        }
        if (ImGui::BeginTabItem("Greeting and PIN")) {
            drawGreeting();
            ImGui::EndTabItem();
        }
        if (ImGui::BeginTabItem(model_.forwardingActive() ? "Call forwarding (on)###forwarding" : "Call forwarding###forwarding")) {
            drawForwarding();
            ImGui::EndTabItem();
        }
        ImGui::EndTabBar();
    }
}

void VoicemailPanel::drawMessages() {
    const auto& messages = model_.box().messages;
    if (messages.empty()) {
        ImGui::TextDisabled("No messages. Callers who miss you on your personal number can leave one here.");
        return;
    }
    const events::VoicemailMessage* chosen = model_.message(selected_);
    if (!chosen) {
        selected_ = messages.front().messageId;
        chosen = &messages.front();
    }
    drawPlayer(*chosen);
    ImGui::Dummy(ImVec2(0, 4));
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_ScrollY |
                                  ImGuiTableFlags_SizingStretchProp;
    if (!ImGui::BeginTable("##messages", 4, flags, ImVec2(0, 0))) return;
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn("", ImGuiTableColumnFlags_WidthFixed, 18);
    ImGui::TableSetupColumn("Caller", ImGuiTableColumnFlags_WidthStretch, 3);
    ImGui::TableSetupColumn("Received", ImGuiTableColumnFlags_WidthStretch, 2);
    ImGui::TableSetupColumn("Length", ImGuiTableColumnFlags_WidthFixed, 60);
    ImGui::TableHeadersRow();
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(messages.size()));
    while (clipper.Step()) {
        for (int row = clipper.DisplayStart; row < clipper.DisplayEnd; ++row) {
            const events::VoicemailMessage& m = messages[static_cast<std::size_t>(row)];
            ImGui::TableNextRow();
            ImGui::PushID(static_cast<int>(m.messageId));
            ImGui::TableNextColumn();
            if (!m.heard) ImGui::TextColored(kUnheard, AD_ICON_CIRCLE);
            ImGui::TableNextColumn();
            const std::string caller = callerText(m);
            if (!m.heard) ImGui::PushStyleColor(ImGuiCol_Text, kUnheard);
            if (ImGui::Selectable(caller.c_str(), selected_ == m.messageId, ImGuiSelectableFlags_SpanAllColumns)) {
                selected_ = m.messageId;
            }
            if (!m.heard) ImGui::PopStyleColor();
            if (ImGui::IsItemHovered() && ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left)) model_.play(m.messageId);
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(text::dateTimeText(m.receivedAtMs).c_str());
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(durationText(m.durationMs).c_str());
            ImGui::PopID();
        }
    }
    ImGui::EndTable();
}

void VoicemailPanel::drawPlayer(const events::VoicemailMessage& m) {
    ImGui::Text("%s", callerText(m).c_str());
    ImGui::TextDisabled("%s  -  %s%s", text::dateTimeText(m.receivedAtMs).c_str(), durationText(m.durationMs).c_str(),
                        m.heard ? "" : "  -  new");
    const bool thisOne = model_.playingId() == m.messageId;
    if (thisOne && model_.playing()) {
        if (ImGui::Button(AD_ICON_PAUSE " Pause", ImVec2(90, 0))) model_.pause();
    } else if (ImGui::Button(AD_ICON_PLAY " Play", ImVec2(90, 0))) {
        model_.play(m.messageId);
    }
    ImGui::SameLine();
    const std::int64_t at = thisOne ? model_.position() : 0;
    int seconds = static_cast<int>(at / 1000);
    const int total = static_cast<int>(std::max<std::int64_t>(m.durationMs / 1000, 1));
    ImGui::SetNextItemWidth(std::max(120.0f, ImGui::GetContentRegionAvail().x - 110));
    char format[32];
    std::snprintf(format, sizeof format, "%s / %s", durationText(at).c_str(), durationText(m.durationMs).c_str());
    ImGui::BeginDisabled(!thisOne);
    if (ImGui::SliderInt("##position", &seconds, 0, total, format, ImGuiSliderFlags_AlwaysClamp)) {
        model_.seek(std::int64_t{seconds} * 1000);
    }
    ImGui::EndDisabled();
    ImGui::SameLine();
    ImGui::BeginDisabled(!thisOne);
    if (ImGui::Button(AD_ICON_STOP " Stop")) model_.stopPlayer();
    ImGui::EndDisabled();
    if (thisOne && !model_.silentReason().empty()) {
        ImGui::PushTextWrapPos(0);
        ImGui::TextDisabled(AD_ICON_INFO_CIRCLE " %s", model_.silentReason().c_str());
        ImGui::PopTextWrapPos();
    }
    if (ImGui::Button(m.heard ? AD_ICON_CIRCLE " Mark as new" : AD_ICON_CHECK " Mark as heard")) {
        model_.markHeard(m.messageId, !m.heard);
    }
    ImGui::SameLine();
    ImGui::BeginDisabled(m.callerNumber.empty());
    if (ImGui::Button(AD_ICON_PHONE " Call back")) model_.callBack(m.messageId);
    ImGui::EndDisabled();
    ImGui::SameLine();
    if (ImGui::Button(AD_ICON_TIMES " Delete")) ImGui::OpenPopup("Delete message?");
    if (ImGui::BeginPopupModal("Delete message?", nullptr, ImGuiWindowFlags_AlwaysAutoResize)) {
        ImGui::Text("Delete the message from %s? It cannot be brought back.", callerText(m).c_str());
        if (ImGui::Button("Delete", ImVec2(100, 0))) {
            model_.remove(m.messageId);
            ImGui::CloseCurrentPopup();
        }
        ImGui::SameLine();
        if (ImGui::Button("Keep", ImVec2(100, 0))) ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
    }
}

void VoicemailPanel::drawGreeting() {
    const events::VoicemailBox& box = model_.box();
    if (!personalShown_ || *personalShown_ != box.personalText) {  // what the contact center keeps changed
        copyInto(personalText_, box.personalText);
        personalShown_ = box.personalText;
    }
    sectionTitle("What callers hear");
    ImGui::PushTextWrapPos(0);
    ImGui::TextDisabled("\"%s\"", box.greetingText.c_str());
    ImGui::PopTextWrapPos();
    ImGui::Dummy(ImVec2(0, 4));
    if (ImGui::RadioButton("Standard greeting", box.greeting == events::Greeting::Standard)) {
        model_.chooseGreeting(events::Greeting::Standard, personalText_.data());
    }
    if (ImGui::RadioButton("Away greeting", box.greeting == events::Greeting::Absent)) {
        model_.chooseGreeting(events::Greeting::Absent, personalText_.data());
    }
    if (ImGui::RadioButton("My own words", box.greeting == events::Greeting::Personal)) {
        model_.chooseGreeting(events::Greeting::Personal, personalText_.data());
    }
    ImGui::InputTextMultiline("##personal", personalText_.data(), personalText_.size(),
                              ImVec2(-1, ImGui::GetTextLineHeight() * 4));
    if (ImGui::Button("Use these words")) model_.chooseGreeting(events::Greeting::Personal, personalText_.data());

    sectionTitle("PIN");
    ImGui::TextDisabled(box.pinSet ? "A PIN protects your voicemail when you call it from a phone."
                                   : "No PIN: set one (4 to 8 digits) to listen from a phone.");
    ImGui::SetNextItemWidth(120);
    ImGui::InputText("##pin", pin_.data(), pin_.size(), ImGuiInputTextFlags_Password | ImGuiInputTextFlags_CharsDecimal);
    ImGui::SameLine();
    if (ImGui::Button(box.pinSet ? "Change PIN" : "Set PIN")) {
        model_.setPin(pin_.data());
        pin_.fill('\0');
    }
    if (box.pinSet) {
        ImGui::SameLine();
        if (ImGui::Button("Remove PIN")) model_.removePin();
    }
}

void VoicemailPanel::drawForwarding() {
    ForwardingForm& form = model_.form();
    events::CallForwarding& f = form.forwarding;
    if (!form.changed && numberShown_ != f.number) {
        copyInto(number_, f.number);
        numberShown_ = f.number;
    }
    ImGui::PushTextWrapPos(0);
    ImGui::TextDisabled("Personal calls (to your own number or extension) can go to another phone. Calls from the "
                        "contact center's services are never forwarded.");
    ImGui::PopTextWrapPos();
    if (const std::string summary = forwardingSummary(model_.box().forwarding); !summary.empty()) {
        ImGui::TextColored(kForwarding, AD_ICON_SHARE " %s", summary.c_str());
    } else {
        ImGui::TextDisabled("Forwarding is off.");
    }
    ImGui::Dummy(ImVec2(0, 4));
    ImGui::TextUnformatted("Forward to");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(200);
    if (ImGui::InputTextWithHint("##number", "+49 30 1234 5678", number_.data(), number_.size())) {
        f.number = number_.data();
        form.changed = true;
    }
    form.changed |= ImGui::Checkbox("All calls", &f.always);
    ImGui::BeginDisabled(f.always);
    form.changed |= ImGui::Checkbox("When I do not answer, after", &f.noAnswer);
    ImGui::SameLine();
    ImGui::SetNextItemWidth(100);
    form.changed |= ImGui::SliderInt("seconds", &f.noAnswerSeconds, 5, 120);
    form.changed |= ImGui::Checkbox("When I am on a call", &f.busy);
    ImGui::EndDisabled();
    ImGui::Dummy(ImVec2(0, 4));
    ImGui::BeginDisabled(!form.changed || model_.busy());
    if (ImGui::Button(AD_ICON_CHECK " Save")) model_.saveForwarding();
    ImGui::EndDisabled();
    ImGui::SameLine();
    ImGui::BeginDisabled(!model_.forwardingActive() || model_.busy());
    if (ImGui::Button("Stop forwarding")) model_.stopForwarding();
    ImGui::EndDisabled();

    const auto& forwarded = model_.box().forwarded;
    if (forwarded.empty()) return;
    sectionTitle("Recently forwarded");
    static constexpr const char* why[] = {"all calls", "no answer", "busy"};
    for (const events::ForwardedCall& call : forwarded) {
        ImGui::Text("%s  %s to %s (%s)", text::dateTimeText(call.atMs).c_str(),
                    call.callerName.empty() ? call.callerNumber.c_str() : call.callerName.c_str(), call.to.c_str(),
                    why[static_cast<std::size_t>(call.reason)]);
    }
}

}  // namespace agentdesk::voicemail
