#include "workspace/dock_tree.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <set>
#include <utility>

namespace agentdesk::workspace {

namespace {

constexpr int kJsonVersion = 1;
// Real layouts are a handful of levels deep; the cap only stops hostile files from
// exhausting the stack in the recursive parser.
constexpr int kMaxJsonDepth = 64;

std::unique_ptr<DockNode> cloneNode(const DockNode& src) {
    auto copy = std::make_unique<DockNode>();
    copy->id = src.id;
    copy->split = src.split;
    copy->axis = src.axis;
    copy->ratio = src.ratio;
    if (src.first) copy->first = cloneNode(*src.first);
    if (src.second) copy->second = cloneNode(*src.second);
    copy->panels = src.panels;
    copy->activeTab = src.activeTab;
    return copy;
}

DockNode cloneRoot(const DockNode& src) {
    return std::move(*cloneNode(src));
}

const DockNode* findIn(const DockNode& node, NodeId id) {
    if (node.id == id) return &node;
    if (!node.split) return nullptr;
    if (const DockNode* hit = findIn(*node.first, id)) return hit;
    return findIn(*node.second, id);
}

const DockNode* findPanelIn(const DockNode& node, std::string_view panel) {
    if (!node.split) {
        const bool here = std::find(node.panels.begin(), node.panels.end(), panel) != node.panels.end();
        return here ? &node : nullptr;
    }
    if (const DockNode* hit = findPanelIn(*node.first, panel)) return hit;
    return findPanelIn(*node.second, panel);
}

// The split node whose direct child has id `child`, or nullptr (also for the root itself).
DockNode* findParentOf(DockNode& node, NodeId child) {
    if (!node.split) return nullptr;
    if (node.first->id == child || node.second->id == child) return &node;
    if (DockNode* hit = findParentOf(*node.first, child)) return hit;
    return findParentOf(*node.second, child);
}

DockNode& firstTabNode(DockNode& node) {
    DockNode* n = &node;
    while (n->split) n = n->first.get();
    return *n;
}

void collectPanels(const DockNode& node, std::vector<std::string>& out) {
    if (node.split) {
        collectPanels(*node.first, out);
        collectPanels(*node.second, out);
        return;
    }
    out.insert(out.end(), node.panels.begin(), node.panels.end());
}

float clampRatio(float ratio) {
    return std::clamp(ratio, DockTree::kMinRatio, DockTree::kMaxRatio);
}

// Writes a float as the shortest decimal that reads back to the same float, so files say 0.3
// instead of 0.30000001192092896 while round trips stay exact.
double tidy(float value) {
    if (!std::isfinite(value)) return 0.0;
    char buf[32];
    auto [end, ec] = std::to_chars(buf, buf + sizeof buf, value);
    if (ec != std::errc{}) return value;
    double out = value;
    std::from_chars(buf, end, out);
    return out;
}

nlohmann::json nodeToJson(const DockNode& node) {
    if (node.split) {
        return {
            {"split", node.axis == Axis::Horizontal ? "horizontal" : "vertical"},
            {"ratio", tidy(node.ratio)},
            {"first", nodeToJson(*node.first)},
            {"second", nodeToJson(*node.second)},
        };
    }
    return {{"tabs", node.panels}, {"active", node.activeTab}};
}

void layoutNode(const DockNode& node, Rect r, float thickness, DockTree::Layout& out) {
    if (!node.split) {
        out.tabs.push_back({node.id, r});
        return;
    }
    Rect a = r, bar = r, b = r;
    if (node.axis == Axis::Horizontal) {
        const float t = std::clamp(thickness, 0.0f, std::max(r.w, 0.0f));
        const float avail = std::max(r.w - t, 0.0f);
        const float firstW = avail * node.ratio;
        a.w = firstW;
        bar.x = r.x + firstW;
        bar.w = t;
        b.x = bar.x + t;
        b.w = avail - firstW;
    } else {
        const float t = std::clamp(thickness, 0.0f, std::max(r.h, 0.0f));
        const float avail = std::max(r.h - t, 0.0f);
        const float firstH = avail * node.ratio;
        a.h = firstH;
        bar.y = r.y + firstH;
        bar.h = t;
        b.y = bar.y + t;
        b.h = avail - firstH;
    }
    out.splitters.push_back({node.id, node.axis, bar, r});
    layoutNode(*node.first, a, thickness, out);
    layoutNode(*node.second, b, thickness, out);
}

// Recursive-descent reader for the JSON form; the first problem found wins.
struct JsonReader {
    std::string error;
    std::set<std::string, std::less<>> seen;
    NodeId nextId = 0;

    bool fail(const std::string& path, const std::string& what) {
        error = path + ": " + what;
        return false;
    }

    bool claimPanel(const nlohmann::json& value, const std::string& path, std::string& out) {
        if (!value.is_string()) return fail(path, "panel id must be a string");
        out = value.get<std::string>();
        if (out.empty()) return fail(path, "panel id must not be empty");
        if (!seen.insert(out).second) return fail(path, "duplicate panel id \"" + out + "\"");
        return true;
    }

    bool readNode(const nlohmann::json& j, const std::string& path, int depth, bool isRoot, DockNode& out) {
        if (depth > kMaxJsonDepth) return fail(path, "nested too deeply");
        if (!j.is_object()) return fail(path, "expected an object");
        const bool hasSplit = j.contains("split");
        const bool hasTabs = j.contains("tabs");
        if (hasSplit && hasTabs) return fail(path, "has both \"split\" and \"tabs\"");
        if (!hasSplit && !hasTabs) return fail(path, "needs either \"split\" or \"tabs\"");

        out.id = nextId++;  // pre-order numbering
        if (hasSplit) return readSplit(j, path, depth, out);
        return readTabs(j, path, isRoot, out);
    }

    bool readSplit(const nlohmann::json& j, const std::string& path, int depth, DockNode& out) {
        const auto& axis = j["split"];
        if (axis == "horizontal") {
            out.axis = Axis::Horizontal;
        } else if (axis == "vertical") {
            out.axis = Axis::Vertical;
        } else {
            return fail(path + ".split", "must be \"horizontal\" or \"vertical\"");
        }
        if (!j.contains("ratio")) return fail(path, "split node needs a \"ratio\"");
        const auto& ratio = j["ratio"];
        if (!ratio.is_number()) return fail(path + ".ratio", "must be a number");
        const double r = ratio.get<double>();
        if (!(r > 0.0 && r < 1.0)) return fail(path + ".ratio", "must be strictly between 0 and 1, got " + ratio.dump());
        out.split = true;
        out.ratio = clampRatio(static_cast<float>(r));

        if (!j.contains("first") || !j.contains("second"))
            return fail(path, "split node needs both \"first\" and \"second\"");
        out.first = std::make_unique<DockNode>();
        out.second = std::make_unique<DockNode>();
        return readNode(j["first"], path + ".first", depth + 1, false, *out.first) &&
               readNode(j["second"], path + ".second", depth + 1, false, *out.second);
    }

    bool readTabs(const nlohmann::json& j, const std::string& path, bool isRoot, DockNode& out) {
        const auto& tabs = j["tabs"];
        if (!tabs.is_array()) return fail(path + ".tabs", "must be an array");
        // The model collapses emptied nodes, so an empty one below the root means a broken file.
        if (tabs.empty() && !isRoot) return fail(path + ".tabs", "only the root may be an empty tab node");
        for (std::size_t i = 0; i < tabs.size(); ++i) {
            std::string id;
            if (!claimPanel(tabs[i], path + ".tabs[" + std::to_string(i) + "]", id)) return false;
            out.panels.push_back(std::move(id));
        }
        if (j.contains("active")) {
            const auto& active = j["active"];
            if (!active.is_number_integer()) return fail(path + ".active", "must be an integer");
            const auto limit = static_cast<std::int64_t>(std::max<std::size_t>(out.panels.size(), 1));
            const bool inRange = active.is_number_unsigned() ? active.get<std::uint64_t>() < static_cast<std::uint64_t>(limit)
                                                             : active.get<std::int64_t>() >= 0 && active.get<std::int64_t>() < limit;
            if (!inRange) return fail(path + ".active", "out of range: " + active.dump());
            out.activeTab = static_cast<int>(active.get<std::int64_t>());
        }
        return true;
    }

    bool readCoord(const nlohmann::json& j, const char* key, const std::string& path, float& out) {
        if (!j.contains(key)) return fail(path, std::string("missing \"") + key + "\"");
        const auto& v = j[key];
        if (!v.is_number()) return fail(path + "." + key, "must be a number");
        const double d = v.get<double>();
        if (!std::isfinite(static_cast<float>(d))) return fail(path + "." + key, "must be finite");
        out = static_cast<float>(d);
        return true;
    }

    bool readFloating(const nlohmann::json& j, std::vector<FloatingPanel>& out) {
        if (!j.is_array()) return fail("floating", "must be an array");
        for (std::size_t i = 0; i < j.size(); ++i) {
            const std::string path = "floating[" + std::to_string(i) + "]";
            const auto& item = j[i];
            if (!item.is_object()) return fail(path, "expected an object");
            if (!item.contains("panel")) return fail(path, "missing \"panel\"");
            FloatingPanel fp;
            if (!claimPanel(item["panel"], path + ".panel", fp.panelId)) return false;
            if (!readCoord(item, "x", path, fp.rect.x) || !readCoord(item, "y", path, fp.rect.y) ||
                !readCoord(item, "w", path, fp.rect.w) || !readCoord(item, "h", path, fp.rect.h))
                return false;
            if (fp.rect.w < 0 || fp.rect.h < 0) return fail(path, "w and h must not be negative");
            out.push_back(std::move(fp));
        }
        return true;
    }
};

}  // namespace

DockTree::DockTree() {
    root_.id = nextId_++;
}

DockTree::DockTree(const DockTree& other)
    : root_(cloneRoot(other.root_)), floating_(other.floating_), nextId_(other.nextId_) {}

DockTree& DockTree::operator=(const DockTree& other) {
    if (this != &other) {
        DockTree copy(other);
        *this = std::move(copy);
    }
    return *this;
}

DockTree::DockTree(DockTree&& other) noexcept
    : root_(std::move(other.root_)), floating_(std::move(other.floating_)), nextId_(other.nextId_) {
    // Leave the source usable rather than with a split root that lost its children.
    other.root_ = DockNode{};
    other.root_.id = other.nextId_++;
    other.floating_.clear();
}

DockTree& DockTree::operator=(DockTree&& other) noexcept {
    if (this != &other) {
        root_ = std::move(other.root_);
        floating_ = std::move(other.floating_);
        nextId_ = other.nextId_;
        other.root_ = DockNode{};
        other.root_.id = other.nextId_++;
        other.floating_.clear();
    }
    return *this;
}

const DockNode* DockTree::findNode(NodeId id) const {
    if (id == kNoNode) return nullptr;
    return findIn(root_, id);
}

DockNode* DockTree::findMutable(NodeId id) {
    return const_cast<DockNode*>(findNode(id));
}

NodeId DockTree::nodeOfPanel(std::string_view panel) const {
    const DockNode* node = findPanelIn(root_, panel);
    return node ? node->id : kNoNode;
}

bool DockTree::isFloating(std::string_view panel) const {
    return std::any_of(floating_.begin(), floating_.end(), [&](const FloatingPanel& f) { return f.panelId == panel; });
}

bool DockTree::contains(std::string_view panel) const {
    return nodeOfPanel(panel) != kNoNode || isFloating(panel);
}

std::vector<std::string> DockTree::panels() const {
    std::vector<std::string> out;
    collectPanels(root_, out);
    for (const auto& f : floating_) out.push_back(f.panelId);
    return out;
}

DockTree::Removal DockTree::take(std::string_view panel) {
    Removal result;
    auto floatIt = std::find_if(floating_.begin(), floating_.end(), [&](const FloatingPanel& f) { return f.panelId == panel; });
    if (floatIt != floating_.end()) {
        floating_.erase(floatIt);
        result.removed = true;
        return result;
    }

    DockNode* home = findMutable(nodeOfPanel(panel));
    if (!home) return result;
    result.removed = true;

    const auto it = std::find(home->panels.begin(), home->panels.end(), panel);
    const int index = static_cast<int>(it - home->panels.begin());
    home->panels.erase(it);
    // Keep the same tab selected when an earlier one goes; if the active one goes, its right
    // neighbour (or the new last tab) takes over, like browser tabs.
    if (index < home->activeTab) --home->activeTab;
    home->activeTab = std::clamp(home->activeTab, 0, std::max(static_cast<int>(home->panels.size()) - 1, 0));

    if (!home->panels.empty() || home == &root_) return result;

    DockNode* parent = findParentOf(root_, home->id);
    std::unique_ptr<DockNode> survivor = parent->first->id == home->id ? std::move(parent->second) : std::move(parent->first);
    result.collapsedSplit = parent->id;
    result.survivor = survivor->id;
    // `home` is destroyed here together with the parent's old contents.
    *parent = std::move(*survivor);
    return result;
}

bool DockTree::dock(std::string panel, NodeId target, DropZone zone) {
    if (panel.empty()) return false;
    DockNode* node = findMutable(target);
    if (!node) return false;
    if (node->split && zone == DropZone::Center) node = &firstTabNode(*node);

    if (!node->split) {
        const bool holdsPanel = std::find(node->panels.begin(), node->panels.end(), panel) != node->panels.end();
        if (holdsPanel && zone == DropZone::Center) return false;
        if (holdsPanel && node->panels.size() == 1) return false;  // would split a node off itself
    }

    NodeId targetId = node->id;
    const Removal removal = take(panel);
    if (removal.collapsedSplit == targetId) targetId = removal.survivor;
    node = findMutable(targetId);  // nodes may have moved during the collapse

    const bool asTab = zone == DropZone::Center || (!node->split && node->panels.empty());
    if (asTab) {
        node->panels.push_back(std::move(panel));
        node->activeTab = static_cast<int>(node->panels.size()) - 1;
        return true;
    }

    auto fresh = std::make_unique<DockNode>();
    fresh->id = nextId_++;
    fresh->panels.push_back(std::move(panel));

    const float share = node == &root_ ? kRootSideShare : kInnerSideShare;
    const bool newFirst = zone == DropZone::Left || zone == DropZone::Top;
    auto old = std::make_unique<DockNode>(std::move(*node));

    // Split in place so whoever owns `node` (parent or the tree itself) now owns the split.
    *node = DockNode{};
    node->id = nextId_++;
    node->split = true;
    node->axis = (zone == DropZone::Left || zone == DropZone::Right) ? Axis::Horizontal : Axis::Vertical;
    node->ratio = newFirst ? share : 1.0f - share;
    node->first = newFirst ? std::move(fresh) : std::move(old);
    node->second = newFirst ? std::move(old) : std::move(fresh);
    return true;
}

bool DockTree::removePanel(std::string_view panel) {
    return take(panel).removed;
}

bool DockTree::floatPanel(std::string_view panel, Rect rect) {
    if (panel.empty()) return false;
    if (setFloatingRect(panel, rect)) return true;
    take(panel);
    floating_.push_back({std::string(panel), rect});
    return true;
}

bool DockTree::setActive(std::string_view panel) {
    DockNode* node = findMutable(nodeOfPanel(panel));
    if (!node) return false;
    const auto it = std::find(node->panels.begin(), node->panels.end(), panel);
    node->activeTab = static_cast<int>(it - node->panels.begin());
    return true;
}

bool DockTree::setRatio(NodeId split, float ratio) {
    DockNode* node = findMutable(split);
    if (!node || !node->split || std::isnan(ratio)) return false;
    node->ratio = clampRatio(ratio);
    return true;
}

bool DockTree::setFloatingRect(std::string_view panel, Rect rect) {
    for (auto& f : floating_) {
        if (f.panelId == panel) {
            f.rect = rect;
            return true;
        }
    }
    return false;
}

DockTree::Layout DockTree::layout(Rect area, float splitterThickness) const {
    Layout out;
    layoutNode(root_, area, std::isnan(splitterThickness) ? 0.0f : splitterThickness, out);
    return out;
}

nlohmann::json DockTree::toJson() const {
    nlohmann::json floating = nlohmann::json::array();
    for (const auto& f : floating_) {
        floating.push_back({
            {"panel", f.panelId},
            {"x", tidy(f.rect.x)},
            {"y", tidy(f.rect.y)},
            {"w", tidy(f.rect.w)},
            {"h", tidy(f.rect.h)},
        });
    }
    return {{"version", kJsonVersion}, {"root", nodeToJson(root_)}, {"floating", std::move(floating)}};
}

std::optional<DockTree> DockTree::fromJson(const nlohmann::json& json, std::string* error) {
    JsonReader reader;
    DockTree tree;
    bool ok = false;
    try {
        if (!json.is_object()) {
            reader.fail("layout", "expected an object");
        } else if (!json.contains("version")) {
            reader.fail("layout", "missing \"version\"");
        } else if (!json["version"].is_number_integer() || json["version"].get<std::int64_t>() != kJsonVersion) {
            reader.fail("version", "unsupported version " + json["version"].dump() + " (expected 1)");
        } else if (!json.contains("root")) {
            reader.fail("layout", "missing \"root\"");
        } else {
            DockNode root;
            std::vector<FloatingPanel> floating;
            ok = reader.readNode(json["root"], "root", 0, true, root) &&
                 (!json.contains("floating") || reader.readFloating(json["floating"], floating));
            if (ok) {
                tree.root_ = std::move(root);
                tree.floating_ = std::move(floating);
                tree.nextId_ = reader.nextId;
            }
        }
    } catch (const nlohmann::json::exception& e) {
        // Every access above is type-checked first; this is a safety net, not a code path.
        ok = false;
        reader.error = std::string("invalid layout: ") + e.what();
    }
    if (!ok) {
        if (error) *error = reader.error;
        return std::nullopt;
    }
    return tree;
}

}  // namespace agentdesk::workspace
