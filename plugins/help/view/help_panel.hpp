#pragma once
// Draws the Help panel: a search box, the chapters and sections (or the matches of the search
// with a snippet) on the left, the chosen section on the right.

#include "model/guide.hpp"

#include <string>

namespace agentdesk::help {

class HelpPanel {
public:
    explicit HelpPanel(const Guide& guide, std::string problem) : guide_(guide), problem_(std::move(problem)) {}
    void draw();
    /// Puts the cursor in the search box at the next frame.
    void focusSearch() { focusSearch_ = true; }

private:
    const Guide& guide_;
    std::string problem_;
    char query_[128] = {};
    std::size_t shown_ = 0;
    bool focusSearch_ = false;
};

}  // namespace agentdesk::help
