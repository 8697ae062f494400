#pragma once
// The built-in board editor: name, timings, ticker lines, thresholds per metric (and per service),
// and the pages with their services, figures and teams. Edits are checked as a board file would
// be; Apply shows them at once, Save also writes the file. Nothing is lost on a mistake: an
// invalid edit is explained and neither applied nor saved.

#include "model/wallboard_model.hpp"

#include <functional>
#include <string>

namespace agentdesk::wallboard {

class BoardEditor {
public:
    /// `apply` shows a board; `save` writes it and returns "" or why it could not.
    BoardEditor(std::function<void(const Board&)> apply, std::function<std::string(const Board&)> save);

    /// Opens the editor on a copy of `board`; `services` and `teams` are offered as choices.
    void open(const Board& board);
    bool isOpen() const { return open_; }
    /// Draws the editor window while open.
    void draw(const WallboardModel& model);

private:
    void drawGeneral();
    void drawThresholds(const WallboardModel& model);
    void drawPages(const WallboardModel& model);
    std::string check();

    std::function<void(const Board&)> apply_;
    std::function<std::string(const Board&)> save_;
    Board draft_;
    bool open_ = false;
    bool justOpened_ = false;
    std::string tickerText_;
    std::string message_;
    bool messageIsError_ = false;
    std::string thresholdService_;  // "" edits the thresholds of every service
};

}  // namespace agentdesk::wallboard
