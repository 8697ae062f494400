#include "view/call_panel.hpp"

#include <agentdesk/text.hpp>
#include <agentdesk/ui/icons.hpp>

#include <imgui.h>

#include <fmt/format.h>

#include <algorithm>
#include <cstdio>

namespace agentdesk::voice {

namespace {

const ImVec4 kConnected(0.35f, 0.78f, 0.45f, 1.0f);
const ImVec4 kHeld(0.95f, 0.66f, 0.20f, 1.0f);
const ImVec4 kRecording(0.92f, 0.30f, 0.30f, 1.0f);

}  // namespace

void CallPanel::scheduleTick() {
    // The timers on screen change once a second: wake the desktop for that, only during a call.
    if (!model_.connected() || tick_) return;
    const TimePoint next = std::chrono::floor<std::chrono::seconds>(host_.clock().now()) + std::chrono::seconds(1);
    tick_ = host_.timers().at(next, [this] { tick_ = Timer(); });
}

void CallPanel::draw() {
    if (std::string error = model_.takeError(); !error.empty()) host_.notify({Severity::Warning, "Call", error});
    const auto& call = model_.call();
    if (!call) {
        drawDialer();
        return;
    }
    scheduleTick();
    const events::Offered& offer = call->offer;
    const events::CallState& state = call->state;
    ImGui::TextUnformatted(fmt::format("{} {}", AD_ICON_PHONE, offer.customerName.empty() ? offer.from : offer.customerName).c_str());
    ImGui::TextDisabled("%s", fmt::format("{} · {}", offer.from, offer.serviceName).c_str());

    // What the call is doing now, in words and colour.
    if (call->dialling) {
        ImGui::TextColored(kHeld, "%s", fmt::format("{} Calling... {}", AD_ICON_PHONE, text::clockText(model_.talkTime())).c_str());
        ImGui::PushStyleColor(ImGuiCol_Button, ImVec4(0.70f, 0.20f, 0.20f, 1.0f));
        if (ImGui::Button(AD_ICON_TIMES " Hang up")) model_.release();
        ImGui::PopStyleColor();
        return;
    }
    if (call->ended) {
        ImGui::TextDisabled("Call ended after %s. Wrap up in Active Communications.", text::clockText(model_.talkTime()).c_str());
    } else if (state.held) {
        ImGui::TextColored(kHeld, "%s", fmt::format("{} On hold {}   (call {})", AD_ICON_PAUSE, text::clockText(model_.holdTime()),
                                                    text::clockText(model_.talkTime())).c_str());
    } else {
        ImGui::TextColored(kConnected, "%s", fmt::format("Connected {}", text::clockText(model_.talkTime())).c_str());
    }
    if (state.muted) {
        ImGui::SameLine();
        ImGui::TextColored(kHeld, AD_ICON_MICROPHONE_SLASH " Muted");
    }
    if (state.recording != events::Recording::Off) {
        ImGui::SameLine();
        ImGui::TextColored(kRecording, state.recording == events::Recording::On ? AD_ICON_CIRCLE " REC" : AD_ICON_PAUSE " REC paused");
    }
    if (state.heldTotalMs > 0 || state.held) {
        ImGui::TextDisabled("Held %s in total", text::clockText(Milliseconds(state.heldTotalMs) + model_.holdTime()).c_str());
    }
    ImGui::Separator();

    const bool live = model_.connected();
    ImGui::BeginDisabled(!live);
    if (ImGui::Button(state.held ? AD_ICON_PLAY " Retrieve" : AD_ICON_PAUSE " Hold")) model_.toggleHold();
    ImGui::SameLine();
    if (ImGui::Button(state.muted ? AD_ICON_MICROPHONE " Unmute" : AD_ICON_MICROPHONE_SLASH " Mute")) model_.toggleMute();
    ImGui::SameLine();
    using events::Recording;
    using events::RecordingAction;
    if (state.recording == Recording::Off) {
        if (ImGui::Button(AD_ICON_CIRCLE " Record")) model_.record(RecordingAction::Start);
    } else {
        if (ImGui::Button(state.recording == Recording::On ? AD_ICON_PAUSE " Pause rec." : AD_ICON_PLAY " Resume rec.")) {
            model_.record(state.recording == Recording::On ? RecordingAction::Pause : RecordingAction::Resume);
        }
        ImGui::SameLine();
        if (ImGui::Button(AD_ICON_STOP " Stop rec.")) model_.record(RecordingAction::Stop);
    }
    ImGui::SameLine();
    ImGui::PushStyleColor(ImGuiCol_Button, ImVec4(0.70f, 0.20f, 0.20f, 1.0f));
    if (ImGui::Button(AD_ICON_TIMES " Release")) model_.release();
    ImGui::PopStyleColor();
    ImGui::EndDisabled();
    ImGui::SameLine();
    followUp_.draw(offer);

    ImGui::Spacing();
    if (ImGui::Checkbox("Dial pad", &dialPadOpen_)) {}
    if (dialPadOpen_) drawDialPad();
}

void CallPanel::drawDialer() {
    if (auto prepared = model_.takePrepared()) {
        std::string digits;
        for (char c : prepared->number) {
            if (c != ' ' && c != '\t') digits += c;
        }
        std::snprintf(number_, sizeof number_, "%s", digits.c_str());
        preparedName_ = prepared->name;
        preparedNumber_ = number_;
    }
    ImGui::TextDisabled("No call. Calls you answer are controlled here; or place one:");
    if (!preparedName_.empty() && preparedNumber_ == number_) {
        ImGui::TextColored(ImVec4(0.55f, 0.75f, 1.0f, 1.0f), "To %s: choose the service and press Call", preparedName_.c_str());
    }
    const auto& services = model_.services();
    ImGui::BeginDisabled(!model_.canDial());
    ImGui::SetNextItemWidth(200);
    const bool enter = ImGui::InputTextWithHint("##number", "+34 612 345 678", number_, sizeof number_,
                                                ImGuiInputTextFlags_EnterReturnsTrue | ImGuiInputTextFlags_CharsNoBlank);
    ImGui::SameLine();
    service_ = std::clamp(service_, 0, std::max(0, static_cast<int>(services.size()) - 1));
    ImGui::SetNextItemWidth(170);
    if (ImGui::BeginCombo("##service", services.empty() ? "Service" : services[static_cast<std::size_t>(service_)].name.c_str())) {
        for (std::size_t i = 0; i < services.size(); ++i) {
            if (ImGui::Selectable(services[i].name.c_str(), static_cast<int>(i) == service_)) service_ = static_cast<int>(i);
        }
        ImGui::EndCombo();
    }
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("The service you call for: caller id, dispositions and reporting");
    ImGui::SameLine();
    const bool ready = number_[0] && !services.empty();
    ImGui::BeginDisabled(!ready);
    if ((ImGui::Button(AD_ICON_PHONE " Call") || enter) && ready) {
        model_.dial(number_, services[static_cast<std::size_t>(service_)].id);
    }
    ImGui::EndDisabled();
    if (!model_.recent().empty()) {
        ImGui::Spacing();
        ImGui::TextDisabled("Recent numbers");
        for (const std::string& number : model_.recent()) {
            ImGui::PushID(number.c_str());
            if (ImGui::SmallButton(AD_ICON_REFRESH " Redial") && !services.empty()) {
                model_.dial(number, services[static_cast<std::size_t>(service_)].id);
            }
            ImGui::SameLine();
            ImGui::TextUnformatted(number.c_str());
            ImGui::PopID();
        }
    }
    ImGui::EndDisabled();
}

void CallPanel::drawDialPad() {
    const auto& call = model_.call();
    const bool usable = model_.connected() && !call->state.held;
    ImGui::TextDisabled("Sent:");
    ImGui::SameLine();
    ImGui::TextUnformatted(call->state.digitsSent.empty() ? "-" : call->state.digitsSent.c_str());
    static constexpr const char* keys[4][3] = {{"1", "2", "3"}, {"4", "5", "6"}, {"7", "8", "9"}, {"*", "0", "#"}};
    const float size = ImGui::GetFrameHeight() * 1.8f;
    ImGui::BeginDisabled(!usable);
    for (const auto& row : keys) {
        for (int i = 0; i < 3; ++i) {
            if (i > 0) ImGui::SameLine();
            if (ImGui::Button(row[i], ImVec2(size, size))) model_.sendDigits(row[i]);
        }
    }
    // Digits typed on the keyboard while the panel has focus go in too.
    if (usable && ImGui::IsWindowFocused(ImGuiFocusedFlags_RootAndChildWindows) && !ImGui::GetIO().WantTextInput) {
        for (ImWchar c : ImGui::GetIO().InputQueueCharacters) {
            if ((c >= '0' && c <= '9') || c == '*' || c == '#') model_.sendDigits(std::string(1, static_cast<char>(c)));
        }
    }
    ImGui::EndDisabled();
}

}  // namespace agentdesk::voice
