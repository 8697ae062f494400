#include "plugins/registry.hpp"

#include <algorithm>

namespace agentdesk::host {

bool Registry::addPanel(PanelSpec spec, std::string owner) {
    if (findPanel(spec.id)) return false;
    panels_.push_back({std::move(spec), std::move(owner)});
    return true;
}

void Registry::addTopBarItem(TopBarItem item, std::string owner) {
    topBar_.push_back({std::move(item), std::move(owner)});
    std::stable_sort(topBar_.begin(), topBar_.end(),
                     [](const auto& a, const auto& b) { return a.item.order < b.item.order; });
}

void Registry::addOverlay(Overlay overlay, std::string owner) { overlays_.push_back({std::move(overlay), std::move(owner)}); }

bool Registry::addCommand(CommandSpec command, std::string owner) {
    if (findCommand(command.id)) return false;
    commands_.push_back({std::move(command), std::move(owner)});
    return true;
}

void Registry::removeOwner(std::string_view owner) {
    auto owned = [owner](const auto& entry) { return entry.owner == owner; };
    std::erase_if(panels_, owned);
    std::erase_if(topBar_, owned);
    std::erase_if(overlays_, owned);
    std::erase_if(commands_, owned);
}

const RegisteredPanel* Registry::findPanel(std::string_view id) const {
    auto it = std::find_if(panels_.begin(), panels_.end(), [id](const auto& p) { return p.spec.id == id; });
    return it == panels_.end() ? nullptr : &*it;
}

const RegisteredCommand* Registry::findCommand(std::string_view id) const {
    auto it = std::find_if(commands_.begin(), commands_.end(), [id](const auto& c) { return c.command.id == id; });
    return it == commands_.end() ? nullptr : &*it;
}

}  // namespace agentdesk::host
