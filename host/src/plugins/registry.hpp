#pragma once
// What the host and its plugins contributed to the desktop: panels, top-bar items, overlays and
// commands, each tagged with its owner so a plugin that unloads takes its contributions along.

#include <agentdesk/host_api.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace agentdesk::host {

struct RegisteredPanel {
    PanelSpec spec;
    std::string owner;  ///< plugin id, or "host"
};
struct RegisteredTopBarItem {
    TopBarItem item;
    std::string owner;
};
struct RegisteredOverlay {
    Overlay overlay;
    std::string owner;
};
struct RegisteredCommand {
    CommandSpec command;
    std::string owner;
};

class Registry {
public:
    /// Adds a panel; returns false (and keeps the first) when the id is taken.
    bool addPanel(PanelSpec spec, std::string owner);
    void addTopBarItem(TopBarItem item, std::string owner);
    void addOverlay(Overlay overlay, std::string owner);
    /// Adds a command; returns false when the id is taken.
    bool addCommand(CommandSpec command, std::string owner);
    /// Removes everything `owner` contributed.
    void removeOwner(std::string_view owner);

    const RegisteredPanel* findPanel(std::string_view id) const;
    const RegisteredCommand* findCommand(std::string_view id) const;
    const std::vector<RegisteredPanel>& panels() const { return panels_; }
    const std::vector<RegisteredTopBarItem>& topBar() const { return topBar_; }
    const std::vector<RegisteredOverlay>& overlays() const { return overlays_; }
    const std::vector<RegisteredCommand>& commands() const { return commands_; }

private:
    std::vector<RegisteredPanel> panels_;
    std::vector<RegisteredTopBarItem> topBar_;  // kept sorted by order
    std::vector<RegisteredOverlay> overlays_;
    std::vector<RegisteredCommand> commands_;
};

}  // namespace agentdesk::host
