#include "view/call_panel.hpp"

#include <agentdesk/text.hpp>
#include <agentdesk/ui/colours.hpp>
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

/// Puts the next button beside the last one when it fits in the panel, else on the next line.
void besideIfFits(const char* label) {
    const ImGuiStyle& style = ImGui::GetStyle();
    const float right = ImGui::GetItemRectMax().x + style.ItemSpacing.x + ImGui::CalcTextSize(label, nullptr, true).x +
                        style.FramePadding.x * 2;
    if (right <= ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x) ImGui::SameLine();
}

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
        if (model_.joined()) {
            drawJoined();
            return;
        }
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
    if (call->ended && !call->transferredTo.empty()) {
        ImGui::TextDisabled("Transferred to %s after %s. Wrap up in Active Communications.", call->transferredTo.c_str(),
                            text::clockText(model_.talkTime()).c_str());
    } else if (call->ended) {
        ImGui::TextDisabled("Call ended after %s. Wrap up in Active Communications.", text::clockText(model_.talkTime()).c_str());
    } else if (state.held) {
        const char* who = state.participants.empty() ? "On hold" : "Conference on hold";
        ImGui::TextColored(kHeld, "%s", fmt::format("{} {} {}   (call {})", AD_ICON_PAUSE, who, text::clockText(model_.holdTime()),
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
    drawAutomationStatus();

    const bool live = model_.connected();
    if (live && state.consulting) drawConsultation();
    if (live && !state.participants.empty()) drawParticipants(state, true);

    const bool automated = model_.automated();
    ImGui::BeginDisabled(!model_.canHold());
    if (ImGui::Button(state.held ? AD_ICON_PLAY " Retrieve" : AD_ICON_PAUSE " Hold")) model_.toggleHold();
    ImGui::EndDisabled();
    if (state.consulting && ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) {
        ImGui::SetTooltip("Use Alternate to switch between the parties");
    }
    ImGui::SameLine();
    ImGui::BeginDisabled(!model_.canMute());
    if (ImGui::Button(state.muted ? AD_ICON_MICROPHONE " Unmute" : AD_ICON_MICROPHONE_SLASH " Mute")) model_.toggleMute();
    ImGui::EndDisabled();
    ImGui::SameLine();
    using events::Recording;
    using events::RecordingAction;
    // One button for what fits the recording now; Stop beside it unless the service records everything.
    const RecordingAction next = state.recording == Recording::Off  ? RecordingAction::Start
                                 : state.recording == Recording::On ? RecordingAction::Pause
                                                                    : RecordingAction::Resume;
    static constexpr const char* labels[] = {AD_ICON_CIRCLE " Record", AD_ICON_PAUSE " Pause rec.", AD_ICON_PLAY " Resume rec."};
    ImGui::BeginDisabled(!model_.canRecord(next));
    if (ImGui::Button(labels[static_cast<int>(next)])) model_.record(next);
    ImGui::EndDisabled();
    if (state.serviceRecords && ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) {
        ImGui::SetTooltip("%s records every call: pause while a card number is read", offer.serviceName.c_str());
    }
    if (state.recording != Recording::Off && !state.serviceRecords) {
        besideIfFits(AD_ICON_STOP " Stop rec.");
        ImGui::BeginDisabled(!model_.canRecord(RecordingAction::Stop));
        if (ImGui::Button(AD_ICON_STOP " Stop rec.")) model_.record(RecordingAction::Stop);
        ImGui::EndDisabled();
    }
    besideIfFits(AD_ICON_TIMES " Release");
    ImGui::BeginDisabled(!live);
    ImGui::PushStyleColor(ImGuiCol_Button, ImVec4(0.70f, 0.20f, 0.20f, 1.0f));
    if (ImGui::Button(AD_ICON_TIMES " Release")) model_.release();
    ImGui::PopStyleColor();
    ImGui::EndDisabled();
    ImGui::SameLine();
    followUp_.draw(offer);

    // Consult and transfer: the picker below says whom to.
    ImGui::BeginDisabled((!model_.canConsult() && !model_.canTransfer()) || automated);
    if (ImGui::Button(AD_ICON_USERS " Consult / Transfer...")) pickerOpen_ = !pickerOpen_;
    ImGui::EndDisabled();
    if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) {
        ImGui::SetTooltip("%s", model_.consulting()
                                    ? "Transfer the customer to someone else: the consultation is hung up"
                                    : "Consult or transfer to a colleague, a service or a number (Ctrl+Shift+T)");
    }
    if (model_.inConference()) {
        ImGui::SameLine();
        if (ImGui::Button(AD_ICON_SIGN_OUT " Leave conference")) model_.leave();
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("The others go on talking; the call is wrapped up here");
    }
    if (pickerOpen_ && live && !automated && (model_.canConsult() || model_.canTransfer())) drawPicker();
    drawAutomationActions();

    ImGui::Spacing();
    if (ImGui::Checkbox("Dial pad", &dialPadOpen_)) {}
    if (dialPadOpen_) drawDialPad();
}

void CallPanel::drawConsultation() {
    const events::CallState& state = model_.call()->state;
    const events::CallParty& party = state.consultation;
    ImGui::Separator();
    std::string who = party.name;
    if (!party.via.empty()) who += fmt::format(" (via {})", party.via);
    if (party.ringing) {
        ImGui::TextColored(kHeld, "%s", fmt::format("{} Consulting {}: ringing...", AD_ICON_PHONE, who).c_str());
    } else if (party.held) {
        ImGui::TextColored(kHeld, "%s", fmt::format("{} Consultation with {} on hold: talking to the customer", AD_ICON_PAUSE, who).c_str());
    } else {
        ImGui::TextColored(kConnected, "%s", fmt::format("{} Consulting {}: the customer is on hold", AD_ICON_PHONE, who).c_str());
    }
    ImGui::BeginDisabled(!model_.consultAnswered());
    if (ImGui::Button(AD_ICON_EXCHANGE " Alternate")) model_.alternate();
    ImGui::EndDisabled();
    besideIfFits(AD_ICON_SHARE " Complete transfer");
    ImGui::BeginDisabled(!model_.canCompleteTransfer());
    if (ImGui::Button(AD_ICON_SHARE " Complete transfer")) model_.completeTransfer();
    ImGui::EndDisabled();
    if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) ImGui::SetTooltip("The customer goes to %s; you wrap up", party.name.c_str());
    besideIfFits(AD_ICON_USERS " Conference");
    ImGui::BeginDisabled(!model_.canMerge());
    if (ImGui::Button(AD_ICON_USERS " Conference")) model_.merge();
    ImGui::EndDisabled();
    if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) {
        ImGui::SetTooltip("Everyone together (%d parties at most)", state.conferenceLimit);
    }
    besideIfFits(AD_ICON_TIMES " End consultation");
    if (ImGui::Button(AD_ICON_TIMES " End consultation")) model_.endConsultation();
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Hang up on %s and retrieve the customer", party.name.c_str());
    ImGui::Separator();
}

void CallPanel::drawParticipants(const events::CallState& state, bool host) {
    ImGui::TextUnformatted(fmt::format("{} Conference: {} of {} parties", AD_ICON_USERS, state.participants.size(),
                                       state.conferenceLimit).c_str());
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingStretchProp;
    if (!ImGui::BeginTable("##participants", 3, flags)) return;
    ImGui::TableSetupColumn("Name", ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableSetupColumn("Role", ImGuiTableColumnFlags_WidthFixed, 120);
    ImGui::TableSetupColumn("##drop", ImGuiTableColumnFlags_WidthFixed, 70);
    for (const events::CallParty& party : state.participants) {
        ImGui::PushID(party.id.c_str());
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        const char* icon = party.kind == events::PartyKind::Customer ? AD_ICON_USER
                           : party.kind == events::PartyKind::Number ? AD_ICON_PHONE
                                                                     : AD_ICON_HEADPHONES;
        ImGui::Text("%s %s", icon, party.name.c_str());
        ImGui::TableNextColumn();
        const bool isHost = party.agentId == state.agentId && !party.agentId.empty();
        ImGui::TextDisabled("%s", isHost ? "host" : party.kind == events::PartyKind::Customer ? "customer"
                                                 : party.kind == events::PartyKind::Number  ? party.number.c_str()
                                                                                             : "colleague");
        ImGui::TableNextColumn();
        if (host && model_.canDrop(party)) {
            if (ImGui::SmallButton("Drop")) model_.drop(party.id);
            if (ImGui::IsItemHovered()) ImGui::SetTooltip("Take %s out of the conference", party.name.c_str());
        }
        ImGui::PopID();
    }
    ImGui::EndTable();
}

void CallPanel::drawJoined() {
    const events::CallState& state = *model_.joined();
    const std::string host = model_.joinedHostName();
    if (model_.consultRinging()) {
        ImGui::TextColored(kHeld, "%s", fmt::format("{} {} is calling to consult you", AD_ICON_PHONE, host).c_str());
        if (!state.consultation.via.empty()) ImGui::TextDisabled("Through %s", state.consultation.via.c_str());
        ImGui::PushTextWrapPos(0.0f);
        ImGui::TextDisabled("Their customer is on hold while you talk. If you decline, they stay with the customer.");
        ImGui::PopTextWrapPos();
        ImGui::Spacing();
        ImGui::PushStyleColor(ImGuiCol_Button, ImVec4(0.20f, 0.55f, 0.30f, 1.0f));
        if (ImGui::Button(AD_ICON_PHONE " Answer")) model_.answerConsultation();
        ImGui::PopStyleColor();
        ImGui::SameLine();
        ImGui::PushStyleColor(ImGuiCol_Button, ImVec4(0.70f, 0.20f, 0.20f, 1.0f));
        if (ImGui::Button(AD_ICON_TIMES " Decline")) model_.declineConsultation();
        ImGui::PopStyleColor();
        return;
    }
    if (state.participants.empty()) {
        ImGui::TextColored(kConnected, "%s", fmt::format("{} {} is consulting you", AD_ICON_PHONE, host).c_str());
        ImGui::PushTextWrapPos(0.0f);
        ImGui::TextDisabled("Their customer is on hold. They may transfer the call to you or bring you into a conference.");
        ImGui::PopTextWrapPos();
    } else {
        ImGui::TextColored(kConnected, "%s", fmt::format("{} In {}'s conference", AD_ICON_USERS, host).c_str());
        drawParticipants(state, false);
    }
    ImGui::Spacing();
    ImGui::PushStyleColor(ImGuiCol_Button, ImVec4(0.70f, 0.20f, 0.20f, 1.0f));
    if (ImGui::Button(state.participants.empty() ? AD_ICON_TIMES " Hang up" : AD_ICON_SIGN_OUT " Leave conference")) model_.leave();
    ImGui::PopStyleColor();
}

void CallPanel::drawPicker() {
    ImGui::Separator();
    if (!searched_) {
        model_.searchTargets(targetQuery_);
        searched_ = true;
    }
    if (focusPicker_) {
        ImGui::SetKeyboardFocusHere();
        focusPicker_ = false;
    }
    ImGui::SetNextItemWidth(-1);
    if (ImGui::InputTextWithHint("##target", AD_ICON_SEARCH " Colleague, service or contact", targetQuery_, sizeof targetQuery_)) {
        model_.searchTargets(targetQuery_);
    }
    const bool consult = model_.canConsult();
    const bool transfer = model_.canTransfer();
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_ScrollY;
    const float height = ImGui::GetTextLineHeightWithSpacing() * 7;
    if (ImGui::BeginTable("##targets", 2, flags, ImVec2(0, height))) {
        ImGui::TableSetupColumn("Who", ImGuiTableColumnFlags_WidthStretch);
        ImGui::TableSetupColumn("##act", ImGuiTableColumnFlags_WidthFixed, 150);
        for (const events::DirectoryEntry& e : model_.targets()) {
            ImGui::PushID(e.id.c_str());
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            events::CallTarget target;
            if (e.kind == events::DirectoryKind::Colleague) {
                target = {events::TargetKind::Agent, e.id, {}};
                ImGui::Text("%s %s", AD_ICON_USER, e.name.c_str());
                ImGui::SameLine();
                std::string label(displayName(e.state));
                if (!e.reason.empty()) label += " (" + e.reason + ")";
                ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(ui::stateColour(e.state)), AD_ICON_CIRCLE " %s", label.c_str());
            } else if (e.kind == events::DirectoryKind::Service) {
                target = {events::TargetKind::Service, e.id.substr(std::string_view("service:").size()), {}};
                ImGui::Text("%s %s", AD_ICON_HEADPHONES, e.name.c_str());
                ImGui::SameLine();
                ImGui::TextDisabled("%d of %d Ready", e.membersReady, e.members);
            } else {
                target = {events::TargetKind::Number, {}, e.number};
                ImGui::Text("%s %s", AD_ICON_ADDRESS_BOOK, e.name.c_str());
                ImGui::SameLine();
                ImGui::TextDisabled("%s", e.number.c_str());
            }
            ImGui::TableNextColumn();
            ImGui::BeginDisabled(!consult);
            if (ImGui::SmallButton("Consult")) model_.consult(target);
            ImGui::EndDisabled();
            ImGui::SameLine();
            ImGui::BeginDisabled(!transfer);
            if (ImGui::SmallButton("Transfer")) model_.transfer(target);
            ImGui::EndDisabled();
            if (ImGui::IsItemHovered()) {
                ImGui::SetTooltip("%s", e.kind == events::DirectoryKind::Service
                                            ? "Into the service's queue: the next skilled agent gets the call"
                                            : "Straight away: you leave the call and wrap up");
            }
            ImGui::PopID();
        }
        ImGui::EndTable();
    }
    ImGui::SetNextItemWidth(200);
    ImGui::InputTextWithHint("##targetNumber", "Other number", targetNumber_, sizeof targetNumber_, ImGuiInputTextFlags_CharsNoBlank);
    ImGui::SameLine();
    ImGui::BeginDisabled(!targetNumber_[0] || !consult);
    if (ImGui::Button("Consult##number")) model_.consult({events::TargetKind::Number, {}, targetNumber_});
    ImGui::EndDisabled();
    ImGui::SameLine();
    ImGui::BeginDisabled(!targetNumber_[0] || !transfer);
    if (ImGui::Button("Transfer##number")) model_.transfer({events::TargetKind::Number, {}, targetNumber_});
    ImGui::EndDisabled();
    ImGui::Separator();
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
    const bool usable = model_.canSendDigits();
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
