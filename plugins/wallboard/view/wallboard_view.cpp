#include "view/wallboard_view.hpp"

#include <agentdesk/ui/icons.hpp>

#include <imgui.h>

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <ctime>

namespace agentdesk::wallboard {

namespace {

constexpr ImU32 kBackground = IM_COL32(14, 16, 20, 255);
constexpr ImU32 kPanel = IM_COL32(30, 34, 42, 255);
constexpr ImU32 kText = IM_COL32(236, 238, 242, 255);
constexpr ImU32 kDim = IM_COL32(150, 158, 172, 255);
constexpr ImU32 kOk = IM_COL32(60, 185, 100, 255);
constexpr ImU32 kAmber = IM_COL32(240, 170, 40, 255);
constexpr ImU32 kRed = IM_COL32(225, 60, 55, 255);

ImU32 levelColour(Level level) { return level == Level::Red ? kRed : level == Level::Amber ? kAmber : kOk; }

ImU32 stateColour(AgentState s) {
    switch (s) {
        case AgentState::Ready: return IM_COL32(46, 170, 80, 255);
        case AgentState::NotReady: return IM_COL32(205, 60, 55, 255);
        case AgentState::Busy: return IM_COL32(225, 150, 30, 255);
        case AgentState::AfterCallWork: return IM_COL32(120, 100, 210, 255);
        case AgentState::Supervising: return IM_COL32(40, 160, 170, 255);
        case AgentState::LoggedOut: return IM_COL32(90, 90, 90, 255);
    }
    return IM_COL32(90, 90, 90, 255);
}

const char* stateLabel(AgentState s) {
    switch (s) {
        case AgentState::Ready: return "Ready";
        case AgentState::NotReady: return "Not Ready";
        case AgentState::Busy: return "Busy";
        case AgentState::AfterCallWork: return "After Call Work";
        case AgentState::Supervising: return "Supervising";
        case AgentState::LoggedOut: return "Logged out";
    }
    return "";
}

/// A state as a tile's legend names it.
const char* shortStateLabel(AgentState s) {
    switch (s) {
        case AgentState::Ready: return "ready";
        case AgentState::Busy: return "busy";
        case AgentState::AfterCallWork: return "wrap-up";
        case AgentState::NotReady: return "not ready";
        default: return "";
    }
}

ImU32 darker(ImU32 c, float f) {
    ImVec4 v = ImGui::ColorConvertU32ToFloat4(c);
    return ImGui::GetColorU32(ImVec4(v.x * f, v.y * f, v.z * f, v.w));
}

std::string clockOf(std::int64_t ms) {
    const std::int64_t s = std::max<std::int64_t>(0, ms / 1000);
    if (s >= 3600) return fmt::format("{}:{:02}:{:02}", s / 3600, s / 60 % 60, s % 60);
    return fmt::format("{}:{:02}", s / 60, s % 60);
}

}  // namespace

/// The fonts of one frame, by role; sizes in pixels follow the area's height.
struct WallboardView::Fonts {
    ImFont* small;   // labels
    ImFont* body;    // names, figures in lists
    ImFont* title;   // tile titles, header
    ImFont* figure;  // a tile's headline figure
    float unit;      // pixels per point at 1080 lines

    Fonts(HostApi& host, float height) {
        unit = std::max(0.5f, height / 1080.0f);
        auto pick = [&](float px) {
            ImFont* f = host.displayFont(px * unit);
            return f ? f : ImGui::GetFont();
        };
        small = pick(22);
        body = pick(28);
        title = pick(36);
        figure = pick(120);
    }
};

namespace {

/// Draws `text` left-aligned in [x, maxX), cut with an ellipsis when it does not fit.
void textFit(ImDrawList* dl, ImFont* font, ImVec2 pos, float maxX, ImU32 colour, const std::string& text) {
    const float size = font->FontSize;
    const float width = maxX - pos.x;
    if (width <= 0) return;
    ImVec2 full = font->CalcTextSizeA(size, FLT_MAX, 0, text.c_str());
    if (full.x <= width) {
        dl->AddText(font, size, pos, colour, text.c_str());
        return;
    }
    const char* ellipsis = "\xe2\x80\xa6";
    const float ew = font->CalcTextSizeA(size, FLT_MAX, 0, ellipsis).x;
    const char* end = text.c_str();
    const char* stop = text.c_str() + text.size();
    float w = 0;
    while (end < stop) {
        int n = 1;  // bytes of this UTF-8 character
        while (end + n < stop && (static_cast<unsigned char>(end[n]) & 0xC0) == 0x80) ++n;
        const float cw = font->CalcTextSizeA(size, FLT_MAX, 0, end, end + n).x;
        if (w + cw + ew > width) break;
        w += cw;
        end += n;
    }
    dl->AddText(font, size, pos, colour, text.c_str(), end);
    dl->AddText(font, size, ImVec2(pos.x + w, pos.y), colour, ellipsis);
}

float textWidth(ImFont* font, const std::string& text) { return font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, text.c_str()).x; }

void textRight(ImDrawList* dl, ImFont* font, ImVec2 rightTop, ImU32 colour, const std::string& text) {
    dl->AddText(font, font->FontSize, ImVec2(rightTop.x - textWidth(font, text), rightTop.y), colour, text.c_str());
}

}  // namespace

WallboardView::WallboardView(WallboardModel& model, HostApi& host, std::function<void()> openEditor)
    : model_(model), host_(host), openEditor_(std::move(openEditor)) {}

void WallboardView::scheduleWake(TimePoint now) {
    // One redraw at each whole second, and no other: the clock, times in state, the ticker, the flash
    // (a second on, a second off) and new figures (at most a second late) all show then, so a
    // wallboard draws one frame a second however busy the center is. Page moves fall on a tick too.
    TimePoint next = std::chrono::floor<std::chrono::seconds>(now) + std::chrono::seconds(1);
    if (wake_ && wakeAt_ <= next && wakeAt_ > now) return;
    wakeAt_ = next;
    wake_ = host_.timers().at(next, [this] {
        wake_ = Timer();
        host_.requestRedraw();  // a full-screen wallboard is drawn only when asked (see the host's frame loop)
    });
}

void WallboardView::handleKeys(TimePoint now) {
    if (!ImGui::IsWindowFocused(ImGuiFocusedFlags_RootAndChildWindows) || ImGui::GetIO().WantTextInput) return;
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_RightArrow))) rotation_.next(now);
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_LeftArrow))) rotation_.previous(now);
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Space), false)) rotation_.setPaused(!rotation_.paused());
    if (openEditor_ && ImGui::IsKeyPressed('E', false) && !ImGui::GetIO().KeyCtrl) openEditor_();
}

void WallboardView::draw() {
    const TimePoint now = host_.clock().now();
    const Board& board = model_.board();
    rotation_.setInterval(std::chrono::seconds(board.rotateSeconds));
    rotation_.setPageCount(board.pages.size());
    handleKeys(now);

    ImVec2 min = ImGui::GetCursorScreenPos();
    ImVec2 avail = ImGui::GetContentRegionAvail();
    avail.x = std::max(avail.x, 200.0f);
    avail.y = std::max(avail.y, 150.0f);
    ImVec2 max(min.x + avail.x, min.y + avail.y);
    ImGui::InvisibleButton("##wallboard", avail);
    if (ImGui::IsItemClicked()) ImGui::SetWindowFocus();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->PushClipRect(min, max, true);
    dl->AddRectFilled(min, max, kBackground);

    const Fonts f(host_, avail.y);
    const float headerH = std::round(f.title->FontSize * 1.7f);
    const float footerH = std::round(f.body->FontSize * 1.8f);
    const float gap = std::round(12 * f.unit);
    drawHeader(dl, f, min, ImVec2(max.x, min.y + headerH), now);
    const ImVec2 bodyMin(min.x + gap, min.y + headerH + gap);
    const ImVec2 bodyMax(max.x - gap, max.y - footerH - gap);

    const auto position = rotation_.advance(now);
    if (!board.pages.empty() && bodyMax.y > bodyMin.y) {
        const Page& page = board.pages[position.page];
        if (!model_.updatedAt()) {
            const std::string wait = "Waiting for the contact center's figures...";
            dl->AddText(f.title, f.title->FontSize,
                        ImVec2((bodyMin.x + bodyMax.x - textWidth(f.title, wait)) / 2, (bodyMin.y + bodyMax.y) / 2), kDim,
                        wait.c_str());
        } else if (page.kind == PageKind::Services) {
            drawServices(dl, f, bodyMin, bodyMax, now, position.page);
        } else {
            drawAgents(dl, f, bodyMin, bodyMax, now, position.page);
        }
    }
    drawFooter(dl, f, ImVec2(min.x, max.y - footerH), max, now);
    dl->PopClipRect();

    // A small gear opens the editor (hover shows it; E does the same).
    if (openEditor_) {
        const float s = footerH * 0.8f;
        ImGui::SetCursorScreenPos(ImVec2(max.x - s - gap, max.y - footerH + (footerH - s) / 2));
        ImGui::PushStyleColor(ImGuiCol_Button, ImVec4(0, 0, 0, 0));
        ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.5f, 0.55f, 0.6f, 1));
        if (ImGui::Button(AD_ICON_COG "##editboard", ImVec2(s, s))) openEditor_();
        ImGui::PopStyleColor(2);
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("Edit the board (E)");
    }
    scheduleWake(now);
}

void WallboardView::drawHeader(ImDrawList* dl, const Fonts& f, ImVec2 min, ImVec2 max, TimePoint now) {
    dl->AddRectFilled(min, max, IM_COL32(22, 25, 32, 255));
    const float pad = std::round(20 * f.unit);
    const float y = min.y + (max.y - min.y - f.title->FontSize) / 2;
    const Board& board = model_.board();
    const auto position = rotation_.position();
    std::string title = board.name;
    if (position.page < board.pages.size()) title += "  \xe2\x80\xa2  " + board.pages[position.page].title;

    // Right: the clock (local time), then agents per state, then waiting per channel.
    const std::time_t seconds = static_cast<std::time_t>(toEpochMs(now) / 1000);
    std::tm local{};
    localtime_r(&seconds, &local);
    const std::string clock = fmt::format("{:02}:{:02}:{:02}", local.tm_hour, local.tm_min, local.tm_sec);
    float x = max.x - pad;
    textRight(dl, f.title, ImVec2(x, y), kText, clock);
    x -= textWidth(f.title, clock) + pad * 2;

    const auto& counts = model_.stateCounts();
    const AgentState order[] = {AgentState::AfterCallWork, AgentState::NotReady, AgentState::Busy, AgentState::Ready};
    const float dot = f.body->FontSize * 0.55f;
    const float by = min.y + (max.y - min.y - f.body->FontSize) / 2;
    for (AgentState s : order) {
        const std::string n = fmt::format("{} {}", shortStateLabel(s), counts[static_cast<std::size_t>(s)]);
        textRight(dl, f.body, ImVec2(x, by), kText, n);
        x -= textWidth(f.body, n) + dot * 0.6f;
        dl->AddCircleFilled(ImVec2(x - dot / 2, by + f.body->FontSize / 2), dot / 2, stateColour(s));
        x -= dot + pad;
    }
    x -= pad;
    const Channel channels[] = {Channel::Email, Channel::Chat, Channel::Voice};
    for (Channel c : channels) {
        const std::string n = fmt::format("{} {}", ui::channelIcon(c), model_.inQueueByChannel()[static_cast<std::size_t>(c)]);
        textRight(dl, f.body, ImVec2(x, by), kText, n);
        x -= textWidth(f.body, n) + pad;
    }
    textFit(dl, f.title, ImVec2(min.x + pad, y), x - pad, kText, title);
}

void WallboardView::drawServices(ImDrawList* dl, const Fonts& f, ImVec2 min, ImVec2 max, TimePoint now,
                                 std::size_t pageIndex) {
    const Page& page = model_.board().pages[pageIndex];
    const std::vector<int>& list = model_.servicesOn(pageIndex);
    if (list.empty()) {
        dl->AddText(f.title, f.title->FontSize, min, kDim, "No service of this page is known to the contact center.");
        return;
    }
    // As many columns as keep tiles at least this big; the rest go to further screenfuls.
    const float gap = std::round(14 * f.unit);
    const float minW = 440 * f.unit, minH = (150 + 46 * std::ceil((page.metrics.size() - 1) / 2.0f)) * f.unit;
    const float w = max.x - min.x, h = max.y - min.y;
    const int maxCols = std::max(1, static_cast<int>((w + gap) / (minW + gap)));
    const int maxRows = std::max(1, static_cast<int>((h + gap) / (minH + gap)));
    const int n = static_cast<int>(list.size());
    int cols = std::min(maxCols, n), rows = std::min(maxRows, (n + cols - 1) / cols);
    // Prefer fewer, wider columns when everything fits anyway.
    while (cols > 1 && (n + cols - 2) / (cols - 1) <= rows) --cols;
    const int perScreen = cols * rows;
    rotation_.setScreens((n + perScreen - 1) / perScreen);
    const int first = rotation_.position().screen * perScreen;
    const float tw = (w - gap * (cols - 1)) / cols, th = (h - gap * (rows - 1)) / rows;
    // Few tiles on a big wall: the figures grow with the tile (a tall tile lists them in one column),
    // so a three-service page is as readable from the back of the room as the tiles allow.
    const int others = static_cast<int>(page.metrics.size()) - 1;
    const int figureColumns = th > tw * 0.9f && others > 0 ? 1 : 2;
    const float baseW = figureColumns == 1 ? 400.0f : 480.0f;
    const float baseH = 150.0f + 46.0f * std::ceil(std::max(0, others) / static_cast<float>(figureColumns));
    const float scale = std::clamp(std::min(tw / (baseW * f.unit), th / (baseH * f.unit)), 1.0f, 2.2f);
    const Fonts tileFonts(host_, 1080.0f * f.unit * scale);
    for (int i = first; i < std::min(n, first + perScreen); ++i) {
        const int slot = i - first;
        const ImVec2 tmin(min.x + (slot % cols) * (tw + gap), min.y + (slot / cols) * (th + gap));
        drawTile(dl, tileFonts, model_.services()[static_cast<std::size_t>(list[static_cast<std::size_t>(i)])], page,
                 tmin, ImVec2(tmin.x + tw, tmin.y + th), now, figureColumns);
    }
}

void WallboardView::drawTile(ImDrawList* dl, const Fonts& f, const ServiceTile& tile, const Page& page, ImVec2 min,
                             ImVec2 max, TimePoint now, int columns) {
    const events::ServiceMetrics& s = tile.figures;
    const float rounding = 10 * f.unit;
    const float pad = std::round(18 * f.unit);
    ImU32 bg = kPanel;
    if (tile.worst == Level::Amber) bg = IM_COL32(92, 66, 20, 255);
    if (tile.worst == Level::Red) bg = IM_COL32(105, 28, 28, 255);
    // Flash: the tile alternates with its level's full colour each second for flashSeconds after a breach.
    const bool flashOn = model_.flashing(tile, now) && (toEpochMs(now) / 1000) % 2 == 0;
    if (flashOn) bg = darker(levelColour(tile.worst), 0.85f);
    dl->AddRectFilled(min, max, bg, rounding);
    dl->AddRectFilled(min, ImVec2(min.x + 8 * f.unit, max.y), levelColour(tile.worst), rounding, ImDrawFlags_RoundCornersLeft);
    dl->PushClipRect(min, max, true);

    // Title: channel icon and service name.
    float y = min.y + pad * 0.7f;
    textFit(dl, f.title, ImVec2(min.x + pad * 1.3f, y), max.x - pad, kText, fmt::format("{}  {}", ui::channelIcon(s.channel), s.name));
    y += f.title->FontSize + pad * 0.5f;

    // The headline figure, large, with its label.
    if (!page.metrics.empty()) {
        const Metric m = page.metrics.front();
        const Level level = tile.levels[static_cast<std::size_t>(m)];
        const std::string value = formatFigure(m, valueOf(m, s));
        dl->AddText(f.figure, f.figure->FontSize, ImVec2(min.x + pad * 1.3f, y), level == Level::Ok ? kText : levelColour(level),
                    value.c_str());
        const float vx = min.x + pad * 1.3f + textWidth(f.figure, value) + pad;
        dl->AddText(f.body, f.body->FontSize, ImVec2(vx, y + f.figure->FontSize - f.body->FontSize * 1.35f), kDim,
                    std::string(metricLabel(m)).c_str());
        y += f.figure->FontSize + pad * 0.3f;
    }

    // The other figures in one or two columns: label left, value right.
    const float bottomStrip = f.body->FontSize * 2.3f + pad;  // room for the legend in two lines
    const float colW = (max.x - min.x - pad * 2.3f - pad * static_cast<float>(columns - 1)) / static_cast<float>(columns);
    const float rows = std::ceil(static_cast<float>(page.metrics.size() - 1) / static_cast<float>(columns));
    const float rowH = std::clamp((max.y - bottomStrip - y) / std::max(1.0f, rows), f.body->FontSize * 1.3f, f.body->FontSize * 1.8f);
    for (std::size_t i = 1; i < page.metrics.size(); ++i) {
        const Metric m = page.metrics[i];
        const int col = static_cast<int>((i - 1) % static_cast<std::size_t>(columns));
        const float ry = y + static_cast<float>((i - 1) / static_cast<std::size_t>(columns)) * rowH;
        if (ry + rowH > max.y - bottomStrip) break;
        const float cx = min.x + pad * 1.3f + col * (colW + pad);
        const Level level = tile.levels[static_cast<std::size_t>(m)];
        const std::string value = formatFigure(m, valueOf(m, s));
        textRight(dl, f.body, ImVec2(cx + colW, ry), level == Level::Ok ? kText : levelColour(level), value);
        textFit(dl, f.small, ImVec2(cx, ry + (f.body->FontSize - f.small->FontSize) * 0.6f), cx + colW - textWidth(f.body, value) - pad * 0.5f,
                kDim, std::string(metricLabel(m)));
    }

    // Agents by state along the bottom (in two lines when one is too narrow).
    const float dot = f.small->FontSize * 0.6f;
    float legend = 0;
    for (AgentState st : {AgentState::Ready, AgentState::Busy, AgentState::AfterCallWork, AgentState::NotReady}) {
        legend += dot + textWidth(f.body, "00") + textWidth(f.small, shortStateLabel(st)) + pad * 1.6f;
    }
    const bool twoLines = legend > max.x - min.x - pad * 2.3f;
    const float lineH = f.body->FontSize * 1.15f;
    float sy = max.y - bottomStrip + pad * 0.2f - (twoLines ? lineH : 0.0f);
    float x = min.x + pad * 1.3f;
    int drawn = 0;
    const std::pair<AgentState, int> states[] = {{AgentState::Ready, s.agentsReady},
                                                 {AgentState::Busy, s.agentsBusy},
                                                 {AgentState::AfterCallWork, s.agentsAfterCallWork},
                                                 {AgentState::NotReady, s.agentsNotReady}};
    for (const auto& [state, count] : states) {
        if (twoLines && drawn++ == 2) {
            sy += lineH;
            x = min.x + pad * 1.3f;
        }
        dl->AddCircleFilled(ImVec2(x + dot / 2, sy + f.body->FontSize / 2), dot / 2, stateColour(state));
        x += dot + pad * 0.3f;
        const std::string n = std::to_string(count);
        dl->AddText(f.body, f.body->FontSize, ImVec2(x, sy), kText, n.c_str());
        x += textWidth(f.body, n) + pad * 0.3f;
        const char* label = shortStateLabel(state);
        dl->AddText(f.small, f.small->FontSize, ImVec2(x, sy + (f.body->FontSize - f.small->FontSize) * 0.7f), kDim, label);
        x += textWidth(f.small, label) + pad;
    }
    dl->PopClipRect();
}

void WallboardView::drawAgents(ImDrawList* dl, const Fonts& f, ImVec2 min, ImVec2 max, TimePoint now, std::size_t pageIndex) {
    const std::vector<int>& list = model_.agentsOn(pageIndex);
    if (list.empty()) {
        dl->AddText(f.title, f.title->FontSize, min, kDim, "Nobody of this page is logged in.");
        return;
    }
    const float w = max.x - min.x, h = max.y - min.y;
    const int n = static_cast<int>(list.size());
    // The largest cells (up to twice the base size) at which everyone fits on one screen; the base
    // size, over several screens, when they do not.
    float scale = 2.0f;
    auto fits = [&](float s) {
        const float cw = 330 * f.unit * s, ch = (28 + 22 + 24) * f.unit * s, g = 8 * f.unit * s;
        const int c = std::max(1, static_cast<int>((w + g) / (cw + g))), r = std::max(1, static_cast<int>((h + g) / (ch + g)));
        return c * r >= n;
    };
    while (scale > 1.0f && !fits(scale)) scale -= 0.25f;
    const Fonts cf(host_, 1080.0f * f.unit * scale);
    const float gap = std::round(8 * f.unit * scale);
    const float cellW = 330 * f.unit * scale, cellH = std::round(cf.body->FontSize + cf.small->FontSize + 24 * f.unit * scale);
    const int cols = std::max(1, static_cast<int>((w + gap) / (cellW + gap)));
    const int rows = std::max(1, static_cast<int>((h + gap) / (cellH + gap)));
    const int perScreen = cols * rows;
    rotation_.setScreens((n + perScreen - 1) / perScreen);
    const int first = rotation_.position().screen * perScreen;
    const float cw = (w - gap * (cols - 1)) / cols;
    const std::int64_t nowMs = toEpochMs(now);
    const float pad = std::round(10 * f.unit * scale);
    // Only the cells of this screenful: the grid costs what is visible, not the center's size.
    for (int i = first; i < std::min(n, first + perScreen); ++i) {
        const AgentCell& a = model_.agents()[static_cast<std::size_t>(list[static_cast<std::size_t>(i)])];
        const int slot = i - first;
        const ImVec2 cmin(min.x + (slot % cols) * (cw + gap), min.y + (slot / cols) * (cellH + gap));
        const ImVec2 cmax(cmin.x + cw, cmin.y + cellH);
        const ImU32 colour = stateColour(a.state);
        dl->AddRectFilled(cmin, cmax, darker(colour, 0.45f), 6 * f.unit * scale);
        dl->AddRectFilled(cmin, ImVec2(cmin.x + 8 * f.unit * scale, cmax.y), colour, 6 * f.unit * scale, ImDrawFlags_RoundCornersLeft);
        const std::string since = clockOf(nowMs - a.stateSinceMs);
        const float tx = cmin.x + pad + 8 * f.unit * scale;
        textRight(dl, cf.body, ImVec2(cmax.x - pad, cmin.y + pad * 0.6f), kText, since);
        textFit(dl, cf.body, ImVec2(tx, cmin.y + pad * 0.6f), cmax.x - pad * 2 - textWidth(cf.body, since), kText, a.displayName);
        std::string what = a.state == AgentState::NotReady && !a.reason.empty() ? a.reason : stateLabel(a.state);
        textFit(dl, cf.small, ImVec2(tx, cmin.y + pad * 0.6f + cf.body->FontSize + 2 * f.unit * scale), cmax.x - pad, IM_COL32(215, 220, 228, 255),
                a.team.empty() ? what : what + "  \xe2\x80\xa2  " + a.team);
    }
}

void WallboardView::drawFooter(ImDrawList* dl, const Fonts& f, ImVec2 min, ImVec2 max, TimePoint now) {
    dl->AddRectFilled(min, max, IM_COL32(22, 25, 32, 255));
    const float pad = std::round(20 * f.unit);
    const float y = min.y + (max.y - min.y - f.body->FontSize) / 2;
    const Board& board = model_.board();
    // Right: pages and freshness; left: the ticker line of the moment.
    const auto position = rotation_.position();
    std::string status = fmt::format("Page {}/{}", position.page + 1, std::max<std::size_t>(1, board.pages.size()));
    if (rotation_.paused()) status += " (held)";
    if (auto at = model_.updatedAt()) {
        const auto age = std::chrono::duration_cast<std::chrono::seconds>(now - *at).count();
        if (age > 10) status = fmt::format(AD_ICON_EXCLAMATION_TRIANGLE " no figures for {} s   ", age) + status;
    }
    const float right = max.x - pad - (openEditor_ ? (max.y - min.y) : 0.0f);
    textRight(dl, f.small, ImVec2(right, min.y + (max.y - min.y - f.small->FontSize) / 2), kDim, status);
    if (!board.ticker.empty()) {
        const auto slot = static_cast<std::size_t>(toEpochMs(now) / 1000 / std::max(1, board.tickerSeconds)) % board.ticker.size();
        dl->AddText(f.body, f.body->FontSize, ImVec2(min.x + pad, y), kAmber, AD_ICON_BULLHORN);
        textFit(dl, f.body, ImVec2(min.x + pad + f.body->FontSize * 1.6f, y), right - textWidth(f.small, status) - pad * 2, kText,
                board.ticker[slot]);
    }
}

}  // namespace agentdesk::wallboard
