#include "view/board_editor.hpp"

#include <agentdesk/ui/icons.hpp>

#include <imgui.h>
#include <imgui_stdlib.h>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <set>
#include <sstream>

namespace agentdesk::wallboard {

namespace {

std::string joinLines(const std::vector<std::string>& lines) {
    std::string out;
    for (const auto& l : lines) out += l + "\n";
    return out;
}

std::vector<std::string> splitLines(const std::string& text) {
    std::vector<std::string> out;
    std::stringstream in(text);
    for (std::string line; std::getline(in, line);) {
        if (!line.empty()) out.push_back(line);
    }
    return out;
}

template <typename T>
void toggle(std::vector<T>& list, const T& value, bool on) {
    auto it = std::find(list.begin(), list.end(), value);
    if (on && it == list.end()) list.push_back(value);
    if (!on && it != list.end()) list.erase(it);
}

}  // namespace

BoardEditor::BoardEditor(std::function<void(const Board&)> apply, std::function<std::string(const Board&)> save)
    : apply_(std::move(apply)), save_(std::move(save)) {}

void BoardEditor::open(const Board& board) {
    draft_ = board;
    tickerText_ = joinLines(board.ticker);
    message_.clear();
    open_ = true;
    justOpened_ = true;
}

std::string BoardEditor::check() {
    draft_.ticker = splitLines(tickerText_);
    // The same rules as a file: what cannot be read back is not applied.
    BoardRead read = boardFromJson(toJson(draft_));
    return read.board ? std::string() : read.error;
}

void BoardEditor::draw(const WallboardModel& model) {
    if (!open_) return;
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    if (justOpened_) {
        ImGui::SetNextWindowPos(ImVec2(vp->Pos.x + vp->Size.x / 2, vp->Pos.y + vp->Size.y / 2), ImGuiCond_Always, ImVec2(0.5f, 0.5f));
        ImGui::SetNextWindowSize(ImVec2(std::min(vp->Size.x * 0.8f, ImGui::GetFontSize() * 56), vp->Size.y * 0.8f), ImGuiCond_Always);
        ImGui::SetNextWindowFocus();
        justOpened_ = false;
    }
    if (!ImGui::Begin(AD_ICON_DASHBOARD "  Board editor###wallboard.editor", &open_, ImGuiWindowFlags_NoSavedSettings)) {
        ImGui::End();
        return;
    }
    const float footer = ImGui::GetFrameHeightWithSpacing() * (message_.empty() ? 1.3f : 2.6f);
    ImGui::BeginChild("##editor", ImVec2(0, -footer));
    if (ImGui::BeginTabBar("##sections")) {
        if (ImGui::BeginTabItem("Board")) {
            drawGeneral();
            ImGui::EndTabItem();
        }
        if (ImGui::BeginTabItem("Thresholds")) {
            drawThresholds(model);
            ImGui::EndTabItem();
        }
        if (ImGui::BeginTabItem("Pages")) {
            drawPages(model);
            ImGui::EndTabItem();
        }
        ImGui::EndTabBar();
    }
    ImGui::EndChild();
    if (!message_.empty()) {
        ImGui::TextColored(messageIsError_ ? ImVec4(0.95f, 0.45f, 0.40f, 1) : ImVec4(0.45f, 0.85f, 0.5f, 1), "%s %s",
                           messageIsError_ ? AD_ICON_EXCLAMATION_TRIANGLE : AD_ICON_CHECK, message_.c_str());
    }
    if (ImGui::Button(AD_ICON_CHECK "  Apply")) {
        message_ = check();
        messageIsError_ = !message_.empty();
        if (!messageIsError_) {
            apply_(draft_);
            message_ = "Shown on the wallboard (not saved yet).";
        }
    }
    ImGui::SameLine();
    if (ImGui::Button(AD_ICON_FILE_TEXT "  Save")) {
        message_ = check();
        messageIsError_ = !message_.empty();
        if (!messageIsError_) {
            apply_(draft_);
            message_ = save_(draft_);
            messageIsError_ = !message_.empty();
            if (!messageIsError_) message_ = "Saved.";
        }
    }
    ImGui::SameLine();
    if (ImGui::Button("Revert")) open(model.board());
    ImGui::SameLine();
    if (ImGui::Button("Close")) open_ = false;
    ImGui::End();
}

void BoardEditor::drawGeneral() {
    ImGui::InputText("Name", &draft_.name);
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 8);
    ImGui::InputInt("Seconds per page", &draft_.rotateSeconds);
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 8);
    ImGui::InputInt("Seconds a tile flashes after a breach", &draft_.flashSeconds);
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 8);
    ImGui::InputInt("Seconds per ticker line", &draft_.tickerSeconds);
    ImGui::TextUnformatted("Ticker (one line each):");
    ImGui::InputTextMultiline("##ticker", &tickerText_, ImVec2(-1, ImGui::GetTextLineHeight() * 8));
}

void BoardEditor::drawThresholds(const WallboardModel& model) {
    ImGui::TextWrapped("Amber and red boundaries per figure; reaching one counts. For waits, queues and times a larger "
                       "value is worse (red above amber); for service level and Ready agents a smaller one is (red below amber).");
    std::string label = thresholdService_.empty() ? std::string("Every service") : thresholdService_;
    if (const ServiceTile* t = model.service(thresholdService_)) label = t->figures.name;
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 18);
    if (ImGui::BeginCombo("Applies to", label.c_str())) {
        if (ImGui::Selectable("Every service", thresholdService_.empty())) thresholdService_.clear();
        for (const ServiceTile& t : model.services()) {
            if (ImGui::Selectable(t.figures.name.c_str(), thresholdService_ == t.figures.serviceId)) {
                thresholdService_ = t.figures.serviceId;
            }
        }
        ImGui::EndCombo();
    }
    auto& table = thresholdService_.empty() ? draft_.thresholds : draft_.serviceThresholds[thresholdService_];
    if (!ImGui::BeginTable("##thresholds", 4, ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp)) return;
    ImGui::TableSetupColumn("Figure");
    ImGui::TableSetupColumn("Use");
    ImGui::TableSetupColumn("Amber");
    ImGui::TableSetupColumn("Red");
    ImGui::TableHeadersRow();
    for (Metric m : kAllMetrics) {
        ImGui::PushID(static_cast<int>(m));
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        const std::string unit(metricUnit(m));
        ImGui::Text("%s%s", std::string(metricLabel(m)).c_str(), unit.empty() ? "" : fmt::format(" ({})", unit).c_str());
        ImGui::TableNextColumn();
        auto it = table.find(m);
        bool used = it != table.end();
        if (ImGui::Checkbox("##use", &used)) {
            if (used) table[m] = higherIsBad(m) ? Threshold{10, 20} : Threshold{80, 70};
            else table.erase(m);
        }
        it = table.find(m);
        if (it != table.end()) {
            ImGui::TableNextColumn();
            ImGui::SetNextItemWidth(-1);
            ImGui::InputDouble("##amber", &it->second.amber, 0, 0, "%g");
            ImGui::TableNextColumn();
            ImGui::SetNextItemWidth(-1);
            ImGui::InputDouble("##red", &it->second.red, 0, 0, "%g");
            std::string why;
            if (!validThreshold(m, it->second, why)) {
                ImGui::SameLine();
                ImGui::TextColored(ImVec4(0.95f, 0.45f, 0.40f, 1), AD_ICON_EXCLAMATION_TRIANGLE);
                if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", why.c_str());
            }
        }
        ImGui::PopID();
    }
    ImGui::EndTable();
    if (!thresholdService_.empty() && table.empty()) draft_.serviceThresholds.erase(thresholdService_);
}

void BoardEditor::drawPages(const WallboardModel& model) {
    std::set<std::string> teams;
    for (const AgentCell& a : model.agents()) {
        if (!a.team.empty()) teams.insert(a.team);
    }
    std::optional<std::size_t> remove, up;
    for (std::size_t i = 0; i < draft_.pages.size(); ++i) {
        Page& page = draft_.pages[i];
        ImGui::PushID(static_cast<int>(i));
        const std::string header = fmt::format("{}. {}###page", i + 1, page.title);
        if (ImGui::CollapsingHeader(header.c_str(), ImGuiTreeNodeFlags_DefaultOpen)) {
            ImGui::InputText("Title", &page.title);
            int kind = page.kind == PageKind::Agents ? 1 : 0;
            ImGui::RadioButton("Service tiles", &kind, 0);
            ImGui::SameLine();
            ImGui::RadioButton("Agent grid", &kind, 1);
            page.kind = kind ? PageKind::Agents : PageKind::Services;
            if (page.kind == PageKind::Services) {
                ImGui::TextDisabled("Figures (the first is shown large):");
                for (Metric m : kAllMetrics) {
                    bool on = std::find(page.metrics.begin(), page.metrics.end(), m) != page.metrics.end();
                    if (ImGui::Checkbox(std::string(metricLabel(m)).c_str(), &on)) toggle(page.metrics, m, on);
                    if (static_cast<int>(m) % 4 != 3) ImGui::SameLine();
                }
                ImGui::NewLine();
                ImGui::TextDisabled("Services (none ticked: all of them):");
                int n = 0;
                for (const ServiceTile& t : model.services()) {
                    bool on = std::find(page.services.begin(), page.services.end(), t.figures.serviceId) != page.services.end();
                    if (ImGui::Checkbox(t.figures.name.c_str(), &on)) toggle(page.services, t.figures.serviceId, on);
                    if (++n % 3 != 0) ImGui::SameLine();
                }
                ImGui::NewLine();
            } else {
                ImGui::TextDisabled("Teams (none ticked: everyone):");
                int n = 0;
                for (const std::string& team : teams) {
                    bool on = std::find(page.teams.begin(), page.teams.end(), team) != page.teams.end();
                    if (ImGui::Checkbox(team.c_str(), &on)) toggle(page.teams, team, on);
                    if (++n % 4 != 0) ImGui::SameLine();
                }
                ImGui::NewLine();
            }
            if (i > 0 && ImGui::SmallButton("Move up")) up = i;
            ImGui::SameLine();
            if (draft_.pages.size() > 1 && ImGui::SmallButton("Remove page")) remove = i;
        }
        ImGui::PopID();
    }
    if (up) std::swap(draft_.pages[*up], draft_.pages[*up - 1]);
    if (remove) draft_.pages.erase(draft_.pages.begin() + static_cast<std::ptrdiff_t>(*remove));
    if (ImGui::Button("Add a services page")) {
        draft_.pages.push_back(Page{"Services", PageKind::Services, {}, {Metric::InQueue, Metric::LongestWait, Metric::ServiceLevel}, {}});
    }
    ImGui::SameLine();
    if (ImGui::Button("Add an agents page")) draft_.pages.push_back(Page{"Agents", PageKind::Agents, {}, {}, {}});
}

}  // namespace agentdesk::wallboard
