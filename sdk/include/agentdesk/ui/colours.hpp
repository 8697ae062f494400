#pragma once
// Colours every panel uses for the same meaning, packed as Dear ImGui's ImU32 (IM_COL32 order:
// red in the low byte), so that a header without ImGui can name them.

#include "agentdesk/types.hpp"

namespace agentdesk::ui {

/// IM_COL32(r, g, b, a) without ImGui.
constexpr unsigned int rgba(unsigned r, unsigned g, unsigned b, unsigned a = 255) {
    return r | (g << 8) | (b << 16) | (a << 24);
}

/// An agent state's colour: the state bar, presence dots, the directory.
constexpr unsigned int stateColour(AgentState state) {
    switch (state) {
        case AgentState::Ready: return rgba(46, 170, 80);
        case AgentState::NotReady: return rgba(205, 60, 55);
        case AgentState::Busy: return rgba(225, 150, 30);
        case AgentState::AfterCallWork: return rgba(120, 100, 210);
        case AgentState::Supervising: return rgba(40, 160, 170);
        case AgentState::LoggedOut: break;
    }
    return rgba(120, 120, 120);
}

}  // namespace agentdesk::ui
