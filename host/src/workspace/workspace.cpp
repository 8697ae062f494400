#include "workspace/workspace.hpp"

#include <algorithm>
#include <cctype>
#include <fstream>

namespace agentdesk::workspace {

namespace fs = std::filesystem;

namespace {

std::string lowercase(std::string text) {
    std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return std::tolower(c); });
    return text;
}

DropZone zoneFor(DockHint hint) {
    switch (hint) {
        case DockHint::Left: return DropZone::Left;
        case DockHint::Right: return DropZone::Right;
        case DockHint::Bottom: return DropZone::Bottom;
        case DockHint::Center: return DropZone::Center;
    }
    return DropZone::Center;
}

// The biggest tab node is where "center" content belongs (the Context area).
NodeId largestTabNode(const DockTree& tree) {
    auto layout = tree.layout(Rect{0, 0, 1000, 1000}, 0);
    NodeId best = tree.root().id;
    float bestArea = -1;
    for (const auto& tab : layout.tabs) {
        float area = tab.rect.w * tab.rect.h;
        if (area > bestArea) {
            bestArea = area;
            best = tab.node;
        }
    }
    return best;
}

}  // namespace

Workspace::Workspace(LayoutStore& store, fs::path defaults) : store_(store), defaults_(std::move(defaults)) {}

std::optional<DockTree> Workspace::loadDefault(const std::string& name, std::string& error) const {
    fs::path file = defaults_ / (lowercase(name) + ".json");
    std::ifstream in(file);
    if (!in) {
        error = "no layout named \"" + name + "\"";
        return std::nullopt;
    }
    try {
        auto json = nlohmann::json::parse(in);
        auto tree = DockTree::fromJson(json, &error);
        if (!tree) error = file.filename().string() + ": " + error;
        return tree;
    } catch (const nlohmann::json::exception& e) {
        error = file.filename().string() + ": " + e.what();
        return std::nullopt;
    }
}

bool Workspace::open(const std::string& name, std::string& error) {
    if (const DockTree* saved = store_.find(name)) {
        tree_ = *saved;
    } else {
        auto shipped = loadDefault(name, error);
        if (!shipped) return false;
        tree_ = std::move(*shipped);
    }
    current_ = name;
    store_.setCurrent(name);
    dirty = true;
    return true;
}

void Workspace::resetToDefault() {
    std::string error;
    auto shipped = loadDefault(current_, error);
    tree_ = shipped ? std::move(*shipped) : DockTree();
    closed_.clear();
    store_.erase(current_);
    dirty = true;
}

void Workspace::saveCurrent(const std::string& name) {
    if (!name.empty()) {
        current_ = name;
        store_.setCurrent(name);
    }
    store_.put(current_, tree_);
}

std::vector<std::string> Workspace::layoutNames() const {
    std::vector<std::string> names = store_.names();
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(defaults_, ec)) {
        if (entry.path().extension() != ".json") continue;
        std::string stem = entry.path().stem().string();
        if (!stem.empty()) stem[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(stem[0])));
        names.push_back(stem);
    }
    std::sort(names.begin(), names.end());
    names.erase(std::unique(names.begin(), names.end()), names.end());
    return names;
}

void Workspace::dockByHint(const std::string& panel, DockHint hint,
                           const std::vector<std::pair<std::string, DockHint>>& registered) {
    // Beside a docked panel that asked for the same place, so side panels gather as tabs.
    for (const auto& [other, otherHint] : registered) {
        if (other == panel || otherHint != hint) continue;
        NodeId node = tree_.nodeOfPanel(other);
        if (node != kNoNode) {
            dockBehind(panel, node, DropZone::Center);
            return;
        }
    }
    NodeId target = hint == DockHint::Center ? largestTabNode(tree_) : tree_.root().id;
    dockBehind(panel, target, zoneFor(hint));
}

void Workspace::dockBehind(const std::string& panel, NodeId target, DropZone zone) {
    // A panel joining tabs stays behind the tab the agent was looking at.
    std::string shown;
    if (const DockNode* node = tree_.findNode(target); node && !node->split && !node->panels.empty()) {
        shown = node->panels[static_cast<std::size_t>(node->activeTab)];
    }
    tree_.dock(panel, target, zone);
    if (zone == DropZone::Center && !shown.empty()) tree_.setActive(shown);
    dirty = true;
}

bool Workspace::placeNewPanels(const std::vector<std::pair<std::string, DockHint>>& registered) {
    bool changed = false;
    for (const auto& [panel, hint] : registered) {
        if (tree_.contains(panel) || closed_.contains(panel)) continue;
        dockByHint(panel, hint, registered);
        changed = true;
    }
    return changed;
}

void Workspace::closePanel(const std::string& panel) {
    tree_.removePanel(panel);
    closed_.insert(panel);
    dirty = true;
}

void Workspace::reopenPanel(const std::string& panel, DockHint hint,
                            const std::vector<std::pair<std::string, DockHint>>& registered) {
    closed_.erase(panel);
    if (!tree_.contains(panel)) dockByHint(panel, hint, registered);
    tree_.setActive(panel);
    dirty = true;
}

}  // namespace agentdesk::workspace
