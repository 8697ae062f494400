#include "view/profile_dialog.hpp"

#include <agentdesk/ui/icons.hpp>

#include <imgui.h>
#include <nlohmann/json.hpp>

#include <cstdio>
#include <cstring>

namespace agentdesk::agent {

namespace {

const ImVec4 kError(0.95f, 0.45f, 0.40f, 1);
const ImVec4 kGood(0.40f, 0.80f, 0.45f, 1);

void clear(char* buffer, std::size_t size) { std::memset(buffer, 0, size); }

/// Photos are decoded to this many pixels a side: sharp in the dialog's large avatar.
constexpr int kPhotoPixels = 128;

}  // namespace

void ProfileDialog::avatar(const std::string& name, const std::string& photo, float size) {
    const ImVec2 at = ImGui::GetCursorScreenPos();
    const ImVec2 centre(at.x + size / 2, at.y + size / 2);
    ImDrawList* draw = ImGui::GetWindowDrawList();
    if (!photo.empty() && !photoProblems_.contains(photo)) {
        Picture picture = host_.picture(photo);
        if (picture.state == Picture::State::None) {
            // Read once; a host that shows no pictures (None again) is not asked every frame.
            PhotoFile file = ProfileModel::readPhoto(photo);
            if (file.problem.empty()) picture = host_.loadPicture(photo, file.bytes, kPhotoPixels);
            if (picture.state == Picture::State::None) photoProblems_[photo] = file.problem;
        }
        if (picture.state == Picture::State::Unreadable) {
            photoProblems_[photo] = "This file is not a picture the desktop can show (PNG, JPEG, GIF or BMP).";
        }
        if (picture.state == Picture::State::Ready && picture.texture) {
            const auto [u0, v0, u1, v1] = ProfileModel::squareCrop(picture.width, picture.height);
            draw->AddImageRounded(picture.texture, at, ImVec2(at.x + size, at.y + size), ImVec2(u0, v0), ImVec2(u1, v1),
                                  IM_COL32_WHITE, size / 2);
            ImGui::Dummy(ImVec2(size, size));
            return;
        }
    }
    draw->AddCircleFilled(centre, size / 2, IM_COL32(66, 133, 204, 255), 32);
    const std::string letters = ProfileModel::initials(name);
    const ImVec2 textSize = ImGui::CalcTextSize(letters.c_str());
    draw->AddText(ImVec2(centre.x - textSize.x / 2, centre.y - textSize.y / 2), IM_COL32(255, 255, 255, 255),
                  letters.c_str());
    ImGui::Dummy(ImVec2(size, size));
}

void ProfileDialog::open() {
    const events::AgentProfile& p = model_.profile();
    std::snprintf(displayName_, sizeof displayName_, "%s", model_.displayName().c_str());
    std::snprintf(photo_, sizeof photo_, "%s", p.photoPath.c_str());
    std::snprintf(phone_, sizeof phone_, "%s", p.phone.c_str());
    language_ = 0;
    const auto& languages = ProfileModel::languages();
    for (std::size_t i = 0; i < languages.size(); ++i) {
        if (languages[i].code == p.language) language_ = static_cast<int>(i);
    }
    clear(oldPassword_, sizeof oldPassword_);
    clear(newPassword_, sizeof newPassword_);
    clear(confirmPassword_, sizeof confirmPassword_);
    error_.clear();
    photoProblems_.clear();  // a file may have been put in place since
    saveAsked_ = false;
    open_ = true;
    visible_ = true;
}

void ProfileDialog::draw() {
    if (std::string refused = model_.takeError(); !refused.empty()) {
        error_ = refused;
        saveAsked_ = false;
    }
    // A save the contact center accepted closes the dialog.
    if (saveAsked_ && !model_.saving()) {
        saveAsked_ = false;
        host_.notify({Severity::Success, "Profile", "Your profile is saved."});
        // The login screen offers the dial-out number before the profile can be asked for.
        nlohmann::json settings = host_.loadSettings();
        settings["dialOutNumber"] = model_.profile().phone;
        host_.saveSettings(settings);
        visible_ = false;
    }
    if (!visible_) return;
    // A window of its own rather than a modal popup: ImGui 1.86 asserts when another window
    // appears (a notification) while a modal opened from the top bar is up.
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    if (open_) {
        ImGui::SetNextWindowPos(ImVec2(vp->WorkPos.x + vp->WorkSize.x * 0.5f, vp->WorkPos.y + vp->WorkSize.y * 0.45f),
                                ImGuiCond_Always, ImVec2(0.5f, 0.5f));
        ImGui::SetNextWindowFocus();
        open_ = false;
    }
    ImGui::SetNextWindowSize(ImVec2(540, 0), ImGuiCond_Always);
    if (!ImGui::Begin(AD_ICON_USER "  Profile###agent.profile.dialog", &visible_,
                      ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoSavedSettings)) {
        ImGui::End();
        return;
    }

    avatar(displayName_, photo_, 56);
    ImGui::SameLine();
    ImGui::BeginGroup();
    ImGui::Text("%s", displayName_);
    ImGui::TextDisabled("%s", model_.profile().agentId.c_str());
    ImGui::EndGroup();
    ImGui::Spacing();

    ImGui::InputText("Display name", displayName_, sizeof displayName_);
    ImGui::InputText("Photo", photo_, sizeof photo_);
    if (photo_[0] != '\0') {
        if (auto problem = photoProblems_.find(photo_); problem != photoProblems_.end()) {
            ImGui::TextColored(kError, "%s", problem->second.empty() ? "This desktop cannot show pictures." : problem->second.c_str());
        } else {
            ImGui::TextDisabled("Shown round in the top bar; a square photo fits best.");
        }
    } else {
        ImGui::TextDisabled("A path to an image file (PNG or JPEG); your initials are shown without one.");
    }
    ImGui::InputTextWithHint("Dial-out phone", "+44 20 7946 0000", phone_, sizeof phone_);
    const auto& languages = ProfileModel::languages();
    if (ImGui::BeginCombo("Language", languages[static_cast<std::size_t>(language_)].name.c_str())) {
        for (std::size_t i = 0; i < languages.size(); ++i) {
            if (ImGui::Selectable(languages[i].name.c_str(), static_cast<int>(i) == language_)) language_ = static_cast<int>(i);
        }
        ImGui::EndCombo();
    }
    if (!error_.empty()) ImGui::TextColored(kError, AD_ICON_EXCLAMATION_TRIANGLE " %s", error_.c_str());
    ImGui::BeginDisabled(model_.saving());
    if (ImGui::Button(AD_ICON_CHECK " Save profile")) {
        events::AgentProfile edited = model_.profile();
        edited.displayName = displayName_;
        edited.photoPath = photo_;
        edited.phone = phone_;
        edited.language = languages[static_cast<std::size_t>(language_)].code;
        error_.clear();
        model_.save(edited);
        saveAsked_ = true;
    }
    ImGui::EndDisabled();

    ImGui::Spacing();
    ImGui::Separator();
    ImGui::TextUnformatted(AD_ICON_LOCK "  Change password");
    ImGui::InputText("Current password", oldPassword_, sizeof oldPassword_, ImGuiInputTextFlags_Password);
    ImGui::InputText("New password", newPassword_, sizeof newPassword_, ImGuiInputTextFlags_Password);
    ImGui::InputText("Repeat new password", confirmPassword_, sizeof confirmPassword_, ImGuiInputTextFlags_Password);
    ImGui::TextDisabled("At least 8 characters, with letters and digits, different from the current one.");
    if (!model_.passwordError().empty()) {
        ImGui::TextColored(kError, AD_ICON_EXCLAMATION_TRIANGLE " %s", model_.passwordError().c_str());
    } else if (model_.passwordChanged()) {
        ImGui::TextColored(kGood, AD_ICON_CHECK " Your password is changed. Use the new one next time you log in.");
    }
    ImGui::BeginDisabled(model_.changingPassword());
    if (ImGui::Button(AD_ICON_LOCK " Change password")) {
        if (model_.changePassword(oldPassword_, newPassword_, confirmPassword_)) {
            clear(oldPassword_, sizeof oldPassword_);
            clear(newPassword_, sizeof newPassword_);
            clear(confirmPassword_, sizeof confirmPassword_);
        }
    }
    ImGui::EndDisabled();

    ImGui::Spacing();
    ImGui::Separator();
    if (ImGui::Button("Close", ImVec2(90, 0)) ||
        (ImGui::IsWindowFocused(ImGuiFocusedFlags_RootAndChildWindows) && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape)))) {
        visible_ = false;
    }
    ImGui::End();
}

}  // namespace agentdesk::agent
