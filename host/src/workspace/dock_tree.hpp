// Dock tree: the plain-C++ model behind AgentDesk's own docking (Dear ImGui 1.86 has none).
//
// The workspace is a binary tree. A split node divides its rectangle between `first` and
// `second` along an axis, `ratio` being the share of `first`. A leaf is a tab node: an ordered
// list of panel ids plus the active tab. Panels can also float in their own window, outside
// the tree. Every panel id appears at most once in the whole tree (docked or floating).
//
// Invariants kept by every mutator:
//   * split nodes always have two children and a ratio in [0.05, 0.95];
//   * only the root may be an empty tab node (an emptied tab node collapses into its sibling);
//   * node ids are never reused within one DockTree, so an id held by the UI either still
//     names the same node or names nothing.
//
// Drawing lives elsewhere: layout() turns the tree into rectangles that a thin ImGui layer
// paints, and mouse drags come back as dock()/setRatio() calls.
//
// JSON form (toJson/fromJson), version 1:
//   {
//     "version": 1,
//     "root": <node>,
//     "floating": [ {"panel": "x", "x": 10, "y": 20, "w": 300, "h": 200}, ... ]
//   }
//   <node> = {"split": "horizontal" | "vertical", "ratio": 0.3, "first": <node>, "second": <node>}
//          | {"tabs": ["panel.a", "panel.b"], "active": 0}
// "floating" and "active" are optional (default: none / 0); unknown keys are ignored so newer
// builds can add fields. Node ids are not stored; they are reassigned on load.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

namespace agentdesk::workspace {

// Horizontal: first | second side by side (first on the left); Vertical: first above second.
enum class Axis { Horizontal, Vertical };
enum class DropZone { Left, Right, Top, Bottom, Center };

using NodeId = int;  // -1 means "no node"
inline constexpr NodeId kNoNode = -1;

struct Rect {
    float x = 0, y = 0, w = 0, h = 0;
};

struct DockNode {
    NodeId id = kNoNode;
    bool split = false;

    // Split nodes.
    Axis axis = Axis::Horizontal;
    float ratio = 0.5f;  // size fraction of `first`
    std::unique_ptr<DockNode> first, second;

    // Tab nodes.
    std::vector<std::string> panels;
    int activeTab = 0;
};

struct FloatingPanel {
    std::string panelId;
    Rect rect;
};

class DockTree {
public:
    static constexpr float kMinRatio = 0.05f;
    static constexpr float kMaxRatio = 0.95f;
    // Share of the space a newly docked side panel gets when splitting the root: the root is
    // usually the whole window, where half would swamp the main work area.
    static constexpr float kRootSideShare = 0.3f;
    // Share a newly docked side panel gets when splitting any other node.
    static constexpr float kInnerSideShare = 0.5f;

    /// Creates a tree whose root is one empty tab node.
    DockTree();
    /// Deep copy; the copy keeps the same node ids.
    DockTree(const DockTree& other);
    /// Deep copy assignment.
    DockTree& operator=(const DockTree& other);
    /// Moves; the moved-from tree is left as a valid empty tree.
    DockTree(DockTree&& other) noexcept;
    /// Move assignment; the moved-from tree is left as a valid empty tree.
    DockTree& operator=(DockTree&& other) noexcept;
    ~DockTree() = default;

    /// The root node (never null; an empty tab node when nothing is docked).
    const DockNode& root() const { return root_; }
    /// The node with this id, or nullptr.
    const DockNode* findNode(NodeId id) const;
    /// The tab node holding `panel`, or -1 if it is not docked (absent or floating).
    NodeId nodeOfPanel(std::string_view panel) const;
    /// True if `panel` is in a floating window.
    bool isFloating(std::string_view panel) const;
    /// True if `panel` is docked or floating.
    bool contains(std::string_view panel) const;
    /// Every panel id: docked ones in tree order (first before second, tab order), then floating ones.
    std::vector<std::string> panels() const;
    /// Floating windows, in creation order (later ones are drawn on top).
    const std::vector<FloatingPanel>& floating() const { return floating_; }

    /// Docks `panel` at `zone` of node `target`, moving it if it is already docked or floating.
    ///
    /// Center on a tab node appends it as the active tab; Center on a split node docks into the
    /// first tab node under it. Left/Right/Top/Bottom split `target` in place: `target` keeps its
    /// id and moves to the opposite side, a new tab node holding the panel takes the requested
    /// side and gets kRootSideShare (0.3) of the space when `target` is the root, else
    /// kInnerSideShare (0.5). A side zone on an empty tab node (only the root can be one) just
    /// adds the panel as a tab, since splitting off empty space is pointless.
    ///
    /// If moving the panel out of its old place collapses the split that was `target`, the
    /// sibling that took the split's place is used instead (it occupies the same area).
    /// Returns false and changes nothing if the panel id is empty, `target` is unknown, or the
    /// move is a no-op/illegal: Center on the tab node already holding the panel, or a side
    /// zone of the tab node that holds only this panel.
    bool dock(std::string panel, NodeId target, DropZone zone);

    /// Removes a docked or floating panel; an emptied non-root tab node collapses (its sibling
    /// takes the parent's place, keeping the sibling's id). Returns false if absent.
    bool removePanel(std::string_view panel);
    /// Undocks `panel` into a floating window at `rect` (adds it if absent; if already floating
    /// only the rect changes). Returns false only for an empty panel id.
    bool floatPanel(std::string_view panel, Rect rect);
    /// Makes the docked `panel` the active tab of its node. False if not docked.
    bool setActive(std::string_view panel);
    /// Sets a split node's ratio, clamped to [kMinRatio, kMaxRatio]. False if `split` is not a
    /// split node or the ratio is NaN.
    bool setRatio(NodeId split, float ratio);
    /// Moves/resizes a floating window. False if `panel` is not floating.
    bool setFloatingRect(std::string_view panel, Rect rect);

    struct TabArea {
        NodeId node;
        Rect rect;
    };
    struct Splitter {
        NodeId node;  // the split node this bar resizes
        Axis axis;
        Rect rect;
        Rect parent;  // the split node's rect, for turning a mouse drag into a ratio
    };
    struct Layout {
        std::vector<TabArea> tabs;
        std::vector<Splitter> splitters;
    };
    /// Lays the tree out over `area`. Tab areas and splitter bars tile `area` exactly without
    /// overlapping; each splitter is `splitterThickness` wide (shrunk if the space is smaller).
    Layout layout(Rect area, float splitterThickness) const;

    /// Serializes to the JSON form documented at the top of this file.
    nlohmann::json toJson() const;
    /// Strictly parses the JSON form. Returns std::nullopt with a readable reason (prefixed by
    /// the JSON path, e.g. `root.first.tabs[1]: duplicate panel id "x"`) in *error for anything
    /// malformed: wrong types, unknown version, ratio outside (0,1), a split without two
    /// children, a non-root empty tab node, an out-of-range active tab, duplicate panel ids,
    /// negative floating sizes. Accepted ratios are clamped like setRatio. `error` may be null.
    static std::optional<DockTree> fromJson(const nlohmann::json& json, std::string* error);

private:
    DockNode* findMutable(NodeId id);
    // What taking a panel out of the tree did to it, so dock() can re-resolve its target.
    struct Removal {
        bool removed = false;
        NodeId collapsedSplit = kNoNode;  // split node that vanished
        NodeId survivor = kNoNode;        // node that took its place
    };
    Removal take(std::string_view panel);

    DockNode root_;
    std::vector<FloatingPanel> floating_;
    NodeId nextId_ = 0;
};

}  // namespace agentdesk::workspace
