#pragma once
// The Event Inspector panel: filter, pause and clear above a table of the messages kept (time,
// topic, sender, correlation), clipped to the rows in view, and the selected message's payload
// (with its time to the millisecond and its size) below it.

#include "model/event_log.hpp"

#include <cstdint>

namespace agentdesk::inspector {

class InspectorPanel {
public:
    explicit InspectorPanel(EventLog& log) : log_(log) {}
    /// Draws the panel's contents.
    void draw();

private:
    EventLog& log_;
    char filter_[128] = "";
    std::uint64_t selected_ = 0;  // sequence of the selected message, 0 for none
    bool follow_ = true;          // keep the newest row in view
};

}  // namespace agentdesk::inspector
