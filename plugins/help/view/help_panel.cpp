#include "view/help_panel.hpp"

#include <agentdesk/ui/icons.hpp>

#include <imgui.h>

#include <fmt/format.h>

namespace agentdesk::help {

void HelpPanel::draw() {
    if (!problem_.empty()) {
        ImGui::TextWrapped("%s", problem_.c_str());
        return;
    }
    const auto& sections = guide_.sections();
    if (sections.empty()) {
        ImGui::TextDisabled("The user guide is empty.");
        return;
    }
    const float listWidth = std::min(15.0f * ImGui::GetFontSize(), ImGui::GetContentRegionAvail().x * 0.4f);
    ImGui::BeginChild("##contents", ImVec2(listWidth, 0), true);
    if (focusSearch_) {
        ImGui::SetKeyboardFocusHere();
        focusSearch_ = false;
    }
    ImGui::SetNextItemWidth(-1);
    ImGui::InputTextWithHint("##search", AD_ICON_SEARCH " Search the guide", query_, sizeof query_);
    if (query_[0] == '\0') {
        for (std::size_t i = 0; i < sections.size(); ++i) {
            const Section& s = sections[i];
            if (s.level > 1) ImGui::Indent();
            if (ImGui::Selectable(fmt::format("{}##{}", s.title, i).c_str(), shown_ == i)) shown_ = i;
            if (s.level > 1) ImGui::Unindent();
        }
    } else {
        const auto matches = guide_.search(query_);
        if (matches.empty()) ImGui::TextDisabled("Nothing in the guide matches.");
        for (const Match& m : matches) {
            if (ImGui::Selectable(fmt::format("{}##{}", sections[m.section].title, m.section).c_str(), shown_ == m.section)) {
                shown_ = m.section;
            }
            if (!m.snippet.empty()) {
                ImGui::PushTextWrapPos(0);
                ImGui::TextDisabled("%s", m.snippet.c_str());
                ImGui::PopTextWrapPos();
            }
        }
    }
    ImGui::EndChild();
    ImGui::SameLine();
    ImGui::BeginChild("##page", ImVec2(0, 0), true);
    const Section& page = sections[std::min(shown_, sections.size() - 1)];
    ImGui::TextUnformatted(page.title.c_str());
    ImGui::Separator();
    ImGui::PushTextWrapPos(0);
    for (const Block& b : page.blocks) {
        if (b.kind == Block::Kind::Bullet) {
            ImGui::Bullet();
            ImGui::TextWrapped("%s", b.text.c_str());
        } else {
            ImGui::Spacing();
            ImGui::TextWrapped("%s", b.text.c_str());
        }
    }
    // A chapter shows its sections' titles, to go on reading.
    if (page.level == 1) {
        for (std::size_t i = shown_ + 1; i < sections.size() && sections[i].level > 1; ++i) {
            ImGui::Spacing();
            if (ImGui::SmallButton(fmt::format("{} {}##go{}", AD_ICON_SHARE, sections[i].title, i).c_str())) shown_ = i;
        }
    }
    ImGui::PopTextWrapPos();
    ImGui::EndChild();
}

}  // namespace agentdesk::help
