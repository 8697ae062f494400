#pragma once
// The workspace model above the dock tree: which layout is current, which panels the agent
// closed, and where a panel seen for the first time goes (its DockHint). No ImGui.

#include "workspace/dock_tree.hpp"
#include "workspace/layout_store.hpp"

#include <agentdesk/host_api.hpp>

#include <filesystem>
#include <set>
#include <string>
#include <vector>

namespace agentdesk::workspace {

class Workspace {
public:
    /// `defaults` holds the shipped layouts as <name lowercased>.json ("agent.json", ...).
    Workspace(LayoutStore& store, std::filesystem::path defaults);

    DockTree& tree() { return tree_; }
    const DockTree& tree() const { return tree_; }
    const std::string& currentName() const { return current_; }

    /// Makes `name` current: the agent's saved copy if any, else the shipped default. False with a reason when neither exists or is valid.
    bool open(const std::string& name, std::string& error);
    /// Replaces the current layout by the shipped default of the same name (or an empty tree).
    void resetToDefault();
    /// Stores the current tree under its name (and as `name` when given) in the store.
    void saveCurrent(const std::string& name = {});
    /// Layout names: shipped defaults and the agent's own, sorted, without duplicates.
    std::vector<std::string> layoutNames() const;

    /// Docks every registered panel that is neither placed nor closed, by its hint. Returns true if the tree changed.
    bool placeNewPanels(const std::vector<std::pair<std::string, DockHint>>& registered);
    /// Docks one panel by hint: beside a panel with the same hint, else at that side of the root.
    void dockByHint(const std::string& panel, DockHint hint, const std::vector<std::pair<std::string, DockHint>>& registered);
    /// Closes a panel (removes it and remembers it stays closed).
    void closePanel(const std::string& panel);
    /// Reopens a closed panel by its hint.
    void reopenPanel(const std::string& panel, DockHint hint, const std::vector<std::pair<std::string, DockHint>>& registered);
    bool isClosed(const std::string& panel) const { return closed_.contains(panel); }
    const std::set<std::string>& closed() const { return closed_; }
    void setClosed(std::set<std::string> closed) { closed_ = std::move(closed); }

    /// Set by every change; the shell saves and clears it.
    bool dirty = false;

private:
    void dockBehind(const std::string& panel, NodeId target, DropZone zone);
    std::optional<DockTree> loadDefault(const std::string& name, std::string& error) const;

    LayoutStore& store_;
    std::filesystem::path defaults_;
    DockTree tree_;
    std::string current_ = "Agent";
    std::set<std::string> closed_;
};

}  // namespace agentdesk::workspace
