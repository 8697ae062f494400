#pragma once
// Draws the wallboard: a header (board, page, waiting per channel, agents per state, clock), the
// current page — service tiles coloured by their thresholds, or the agent grid coloured by state —
// and a footer with the news ticker. Everything is sized from the area's height and drawn with
// fonts the host baked at those sizes, so it reads the same at 1080p and 4K. Only what is on
// screen is drawn: a page of 10,000 agents costs the cells of one screenful.

#include "model/wallboard_model.hpp"

#include <agentdesk/host_api.hpp>

#include <functional>

struct ImFont;
struct ImDrawList;
struct ImVec2;

namespace agentdesk::wallboard {

class WallboardView {
public:
    /// `openEditor` is called when the user asks for the board editor (E, or the gear).
    WallboardView(WallboardModel& model, HostApi& host, std::function<void()> openEditor = {});

    /// Draws into the current ImGui window's remaining area.
    void draw();
    PageRotation& rotation() { return rotation_; }

private:
    struct Fonts;
    void drawHeader(ImDrawList* dl, const Fonts& f, ImVec2 min, ImVec2 max, TimePoint now);
    void drawServices(ImDrawList* dl, const Fonts& f, ImVec2 min, ImVec2 max, TimePoint now, std::size_t page);
    void drawTile(ImDrawList* dl, const Fonts& f, const ServiceTile& tile, const Page& page, ImVec2 min, ImVec2 max,
                  TimePoint now, int columns);
    void drawAgents(ImDrawList* dl, const Fonts& f, ImVec2 min, ImVec2 max, TimePoint now, std::size_t page);
    void drawFooter(ImDrawList* dl, const Fonts& f, ImVec2 min, ImVec2 max, TimePoint now);
    void handleKeys(TimePoint now);
    void scheduleWake(TimePoint now);

    WallboardModel& model_;
    HostApi& host_;
    std::function<void()> openEditor_;
    PageRotation rotation_;
    Timer wake_;
    TimePoint wakeAt_{};
};

}  // namespace agentdesk::wallboard
