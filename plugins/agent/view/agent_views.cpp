#include "view/agent_views.hpp"

#include <agentdesk/text.hpp>
#include <agentdesk/ui/colours.hpp>
#include <agentdesk/ui/icons.hpp>

#include <imgui.h>

#include <cstdio>
#include <cstring>

namespace agentdesk::agent {

namespace {

constexpr PhoneDevice kDevices[] = {PhoneDevice::Softphone, PhoneDevice::DeskPhone, PhoneDevice::DialOut,
                                    PhoneDevice::NoPhone};

ImVec4 toVec4(unsigned int c) { return ImGui::ColorConvertU32ToFloat4(c); }

}  // namespace

unsigned int stateColour(AgentState state) { return ui::stateColour(state); }

AgentViews::AgentViews(AgentSession& session, HostApi& host, ProfileDialog& profile,
                       const std::optional<HelperStatus>& helper)
    : session_(session), host_(host), profile_(profile), helper_(helper) {
    // UI-01: remember the last user name and phone device, never the password.
    nlohmann::json settings = host_.loadSettings();
    std::snprintf(userName_, sizeof userName_, "%s", settings.value("lastUserName", std::string()).c_str());
    std::snprintf(deviceNumber_, sizeof deviceNumber_, "%s", settings.value("lastDeviceNumber", std::string()).c_str());
    auto device = enumFromName<PhoneDevice>(settings.value("lastDevice", std::string("Softphone")));
    for (int i = 0; i < 4; ++i) {
        if (device && kDevices[i] == *device) device_ = i;
    }
    focusPassword_ = userName_[0] != '\0';
}

void AgentViews::submitLogin(bool takeOver) {
    PhoneDevice device = kDevices[device_];
    nlohmann::json settings = host_.loadSettings();
    settings["lastUserName"] = userName_;
    settings["lastDevice"] = std::string(enumName(device));
    settings["lastDeviceNumber"] = deviceNumber_;
    host_.saveSettings(settings);
    session_.login(userName_, password_, device, deviceNumber_, takeOver);
    std::memset(password_, 0, sizeof password_);
}

void AgentViews::drawLoginScreen() {
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(vp->WorkPos);
    ImGui::SetNextWindowSize(vp->WorkSize);
    ImVec4 backdrop = ImGui::GetStyleColorVec4(ImGuiCol_MenuBarBg);  // follows the theme
    backdrop.w = 0.97f;
    ImGui::PushStyleColor(ImGuiCol_WindowBg, backdrop);
    // NoBringToFrontOnFocus: notifications drawn later stay visible above the login screen.
    ImGui::Begin("##login-backdrop", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_NoBringToFrontOnFocus);
    ImGui::PopStyleColor();

    const ImVec2 size(420, 0);
    ImGui::SetCursorPos(ImVec2((vp->WorkSize.x - size.x) * 0.5f, vp->WorkSize.y * 0.14f));
    ImGui::BeginChild("##login-card", ImVec2(size.x, 400), true);
    ImGui::Dummy(ImVec2(0, 6));
    ImGui::SetWindowFontScale(1.5f);
    ImGui::TextUnformatted(AD_ICON_HEADPHONES "  AgentDesk");
    ImGui::SetWindowFontScale(1.0f);
    ImGui::TextDisabled("Sign in to start your working session");
    ImGui::Dummy(ImVec2(0, 8));

    const bool busy = session_.loginPending();
    ImGui::BeginDisabled(busy);
    ImGui::TextUnformatted("User name");
    ImGui::SetNextItemWidth(-1);
    if (ImGui::IsWindowAppearing() && !focusPassword_) ImGui::SetKeyboardFocusHere();
    ImGui::InputText("##user", userName_, sizeof userName_);
    ImGui::TextUnformatted("Password");
    ImGui::SetNextItemWidth(-1);
    if (ImGui::IsWindowAppearing() && focusPassword_) ImGui::SetKeyboardFocusHere();
    bool enter = ImGui::InputText("##password", password_, sizeof password_,
                                  ImGuiInputTextFlags_Password | ImGuiInputTextFlags_EnterReturnsTrue);

    ImGui::Dummy(ImVec2(0, 4));
    ImGui::TextUnformatted("Phone device");
    for (int i = 0; i < 4; ++i) {
        std::string label(displayName(kDevices[i]));
        if (i % 2) ImGui::SameLine(200);
        ImGui::RadioButton(label.c_str(), &device_, i);
    }
    PhoneDevice device = kDevices[device_];
    // UI-11: the dial-out number saved in the profile is offered when the field is empty.
    if (ImGui::IsWindowAppearing()) dialOutNumber_ = host_.loadSettings().value("dialOutNumber", std::string());
    if (device == PhoneDevice::DialOut && deviceNumber_[0] == '\0' && !dialOutNumber_.empty()) {
        std::snprintf(deviceNumber_, sizeof deviceNumber_, "%s", dialOutNumber_.c_str());
    }
    if (device == PhoneDevice::DeskPhone || device == PhoneDevice::DialOut) {
        ImGui::SetNextItemWidth(-1);
        ImGui::InputTextWithHint("##devnumber", device == PhoneDevice::DeskPhone ? "Extension, e.g. 2001" : "Phone number to call you on",
                                 deviceNumber_, sizeof deviceNumber_);
    } else if (device == PhoneDevice::NoPhone) {
        ImGui::TextDisabled("Digital channels only: no calls will be routed to you.");
    } else {
        ImGui::TextDisabled("Calls ring in this desktop.");
    }
    ImGui::Dummy(ImVec2(0, 6));
    const bool canSubmit = userName_[0] != '\0' && password_[0] != '\0';
    ImGui::BeginDisabled(!canSubmit);
    if (ImGui::Button(AD_ICON_SIGN_IN "  Log in", ImVec2(-1, 34)) || (enter && canSubmit)) submitLogin(false);
    ImGui::EndDisabled();
    ImGui::EndDisabled();

    if (busy) ImGui::TextDisabled("Signing in...");
    if (!session_.loginError().empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.95f, 0.45f, 0.40f, 1));
        ImGui::TextWrapped(AD_ICON_EXCLAMATION_TRIANGLE " %s", session_.loginError().c_str());
        ImGui::PopStyleColor();
        if (session_.loginErrorCode() == "already_logged_in") {
            ImGui::TextWrapped("Taking over ends the other session.");
            ImGui::BeginDisabled(password_[0] == '\0');
            if (ImGui::Button("Enter your password again and take over")) submitLogin(true);
            ImGui::EndDisabled();
        }
    } else if (!session_.endedReason().empty()) {
        ImGui::TextWrapped(AD_ICON_INFO_CIRCLE " %s", session_.endedReason().c_str());
    }
    ImGui::EndChild();
    ImGui::End();
}

void AgentViews::keepTicking() {
    // The timer on the state bar counts seconds; wake the desktop once a second while it shows.
    TimePoint now = host_.clock().now();
    if (now >= tickAt_) {
        tickAt_ = std::chrono::floor<std::chrono::seconds>(now) + std::chrono::seconds(1);
        tick_ = host_.timers().at(tickAt_, [] {});
    }
}

void AgentViews::drawStateBar() {
    if (!session_.loggedIn()) {
        ImGui::TextDisabled(AD_ICON_SIGN_IN "  Not logged in");
        return;
    }
    keepTicking();
    const auto& st = session_.state();
    std::string label(displayName(st.state));
    if (st.state == AgentState::NotReady && !st.reason.empty()) label += " (" + st.reason + ")";
    std::string timer = text::clockText(session_.timeInState());
    if (auto left = session_.acwRemaining()) timer += "  (" + text::clockText(*left) + " left)";

    ImGui::PushStyleColor(ImGuiCol_Button, toVec4(stateColour(st.state)));
    ImGui::PushStyleColor(ImGuiCol_ButtonHovered, toVec4(stateColour(st.state)));
    ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(1, 1, 1, 1));  // white on the state's colour, in every theme
    std::string button = std::string(AD_ICON_CIRCLE "  ") + label + "   " + timer + "  " AD_ICON_CARET_DOWN "###state";
    if (ImGui::Button(button.c_str(), ImVec2(0, 30))) ImGui::OpenPopup("##statemenu");
    ImGui::PopStyleColor(3);
    if (ImGui::BeginPopup("##statemenu")) {
        ImGui::PushStyleColor(ImGuiCol_Text, toVec4(stateColour(AgentState::Ready)));
        if (ImGui::MenuItem(AD_ICON_CIRCLE "  Ready", "Ctrl+Shift+R")) session_.goReady();
        ImGui::PopStyleColor();
        ImGui::Separator();
        ImGui::TextDisabled("Not Ready");
        for (const auto& reason : session_.notReadyReasons()) {
            ImGui::PushStyleColor(ImGuiCol_Text, toVec4(stateColour(AgentState::NotReady)));
            std::string item = std::string(AD_ICON_CIRCLE "  ") + reason;
            bool chosen = ImGui::MenuItem(item.c_str());
            ImGui::PopStyleColor();
            if (chosen) session_.goNotReady(reason);
        }
        ImGui::EndPopup();
    }
    if (st.hasPending) {
        ImGui::SameLine();
        std::string next(displayName(st.pendingState));
        if (!st.pendingReason.empty()) next += " (" + st.pendingReason + ")";
        ImGui::TextColored(toVec4(stateColour(st.pendingState)), "next: %s", next.c_str());
    }
    ImGui::SameLine(0, 24);
    const auto& id = session_.identity();
    std::string device(displayName(id.device));
    if (!id.deviceNumber.empty()) device += " " + id.deviceNumber;
    ImGui::TextDisabled("%s %s", id.device == PhoneDevice::NoPhone ? AD_ICON_MICROPHONE_SLASH : AD_ICON_PHONE,
                        device.c_str());
    if (!session_.lastError().empty()) {
        ImGui::SameLine(0, 24);
        ImGui::TextColored(ImVec4(0.95f, 0.45f, 0.40f, 1), AD_ICON_EXCLAMATION_TRIANGLE " %s", session_.lastError().c_str());
    }
}

void AgentViews::drawUserMenu() {
    if (!session_.loggedIn()) return;
    const auto& id = session_.identity();
    // On the right, behind the agent's initials and name (UI-11: the profile's name once set); other
    // plugins' top bar items sit between the state and this.
    std::string name = profile_.displayName();
    if (name.empty()) name = id.displayName;
    std::string user = name + "  " AD_ICON_CARET_DOWN "###user";
    const float avatarSize = ImGui::GetFrameHeight();
    float width = ImGui::CalcTextSize(user.c_str(), nullptr, true).x + 24 + avatarSize + 6;
    ImGui::SameLine(ImGui::GetWindowWidth() - width - 70);
    profile_.avatar(name, profile_.photoPath(), avatarSize);
    ImGui::SameLine(0, 6);
    if (ImGui::Button(user.c_str())) ImGui::OpenPopup("##usermenu");
    if (ImGui::BeginPopup("##usermenu")) {
        ImGui::TextDisabled("%s (%s)", id.userName.c_str(), id.role.c_str());
        ImGui::Separator();
        if (ImGui::MenuItem(AD_ICON_USER "  Profile...")) profile_.open();
        if (ImGui::MenuItem(AD_ICON_SIGN_OUT "  Log out")) session_.logout();
        ImGui::EndPopup();
    }
    profile_.draw();
}

void AgentViews::drawSessionPanel() {
    if (!session_.loggedIn()) {
        ImGui::TextDisabled("Not logged in.");
        return;
    }
    const auto& id = session_.identity();
    ImGui::Text(AD_ICON_USER "  %s", id.displayName.c_str());
    ImGui::TextDisabled("%s, %s, %s%s%s", id.userName.c_str(), id.role.c_str(), std::string(displayName(id.device)).c_str(),
                        id.deviceNumber.empty() ? "" : " ", id.deviceNumber.c_str());
    if (helper_) {
        // UI-04: the helper application, and how to install or update it when it is not usable.
        if (helper_->usable()) {
            ImGui::TextDisabled(AD_ICON_CHECK_CIRCLE " Helper: %s", helper_->summary().c_str());
        } else {
            ImGui::TextColored(ImVec4(0.95f, 0.66f, 0.20f, 1.0f), AD_ICON_EXCLAMATION_TRIANGLE " Helper: %s",
                               helper_->summary().c_str());
            ImGui::PushTextWrapPos(0);
            ImGui::TextDisabled("%s", helper_->advice().c_str());
            ImGui::PopTextWrapPos();
        }
    }
    ImGui::Separator();
    ImGui::TextUnformatted("Time in each state this session");
    if (ImGui::BeginTable("##totals", 2, ImGuiTableFlags_SizingFixedFit)) {
        for (AgentState s : {AgentState::Ready, AgentState::NotReady, AgentState::Busy, AgentState::AfterCallWork}) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::TextColored(toVec4(stateColour(s)), AD_ICON_CIRCLE "  %s", std::string(displayName(s)).c_str());
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(text::clockText(session_.totalIn(s)).c_str());
        }
        ImGui::EndTable();
    }
    ImGui::Separator();
    ImGui::TextUnformatted("State history");
    const auto& history = session_.history();
    if (ImGui::BeginTable("##history", 3, ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY | ImGuiTableFlags_SizingStretchProp)) {
        ImGui::TableSetupColumn("Since");
        ImGui::TableSetupColumn("State");
        ImGui::TableSetupColumn("Reason");
        ImGui::TableHeadersRow();
        ImGuiListClipper clipper;
        clipper.Begin(static_cast<int>(history.size()));
        while (clipper.Step()) {
            for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
                const auto& span = history[history.size() - 1 - i];  // newest first
                long long secs = toEpochMs(span.start) / 1000;
                ImGui::TableNextRow();
                ImGui::TableNextColumn();
                ImGui::Text("%02lld:%02lld:%02lld", secs / 3600 % 24, secs / 60 % 60, secs % 60);
                ImGui::TableNextColumn();
                ImGui::TextColored(toVec4(stateColour(span.state)), "%s", std::string(displayName(span.state)).c_str());
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(span.reason.c_str());
            }
        }
        ImGui::EndTable();
    }
}

}  // namespace agentdesk::agent
