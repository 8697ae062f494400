#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "workspace/dock_tree.hpp"

using agentdesk::workspace::Axis;
using agentdesk::workspace::DockNode;
using agentdesk::workspace::DockTree;
using agentdesk::workspace::DropZone;
using agentdesk::workspace::NodeId;
using agentdesk::workspace::Rect;
using nlohmann::json;

namespace {

// Root: split(horizontal 0.3) [nav] | split(vertical 0.5) [chat, email] / [crm]
DockTree sampleTree() {
    DockTree tree;
    REQUIRE(tree.dock("chat", tree.root().id, DropZone::Center));
    REQUIRE(tree.dock("email", tree.root().id, DropZone::Center));
    const NodeId work = tree.root().id;
    REQUIRE(tree.dock("nav", work, DropZone::Left));
    REQUIRE(tree.dock("crm", work, DropZone::Bottom));
    return tree;
}

std::vector<NodeId> allIds(const DockNode& node) {
    std::vector<NodeId> ids{node.id};
    if (node.split) {
        for (NodeId id : allIds(*node.first)) ids.push_back(id);
        for (NodeId id : allIds(*node.second)) ids.push_back(id);
    }
    return ids;
}

std::vector<std::string> sorted(std::vector<std::string> v) {
    std::sort(v.begin(), v.end());
    return v;
}

float overlapArea(const Rect& a, const Rect& b) {
    const float w = std::min(a.x + a.w, b.x + b.w) - std::max(a.x, b.x);
    const float h = std::min(a.y + a.h, b.y + b.h) - std::max(a.y, b.y);
    return (w > 0 && h > 0) ? w * h : 0.0f;
}

bool inside(const Rect& inner, const Rect& outer) {
    const float eps = 1e-3f;
    return inner.x >= outer.x - eps && inner.y >= outer.y - eps && inner.x + inner.w <= outer.x + outer.w + eps &&
           inner.y + inner.h <= outer.y + outer.h + eps && inner.w >= 0 && inner.h >= 0;
}

json parseLayout(const char* text) {
    return json::parse(text);
}

std::string rejectReason(const json& j) {
    std::string error;
    const auto tree = DockTree::fromJson(j, &error);
    CHECK_FALSE(tree.has_value());
    CHECK_FALSE(error.empty());
    return error;
}

}  // namespace

TEST_CASE("a new tree is one empty tab node covering the whole area") {
    DockTree tree;
    CHECK_FALSE(tree.root().split);
    CHECK(tree.root().panels.empty());
    CHECK(tree.root().id >= 0);
    CHECK(tree.panels().empty());

    const auto layout = tree.layout({10, 20, 800, 600}, 4);
    REQUIRE(layout.tabs.size() == 1);
    CHECK(layout.splitters.empty());
    CHECK(layout.tabs[0].node == tree.root().id);
    CHECK(layout.tabs[0].rect.x == 10);
    CHECK(layout.tabs[0].rect.w == 800);
    CHECK(layout.tabs[0].rect.h == 600);
}

TEST_CASE("docking into the center of a tab node appends the panel as the active tab") {
    DockTree tree;
    CHECK(tree.dock("chat", tree.root().id, DropZone::Center));
    CHECK(tree.dock("email", tree.root().id, DropZone::Center));
    CHECK_FALSE(tree.root().split);
    CHECK(tree.root().panels == std::vector<std::string>{"chat", "email"});
    CHECK(tree.root().activeTab == 1);
    CHECK(tree.nodeOfPanel("email") == tree.root().id);
}

TEST_CASE("a side zone on the empty root just adds a tab instead of splitting off empty space") {
    DockTree tree;
    CHECK(tree.dock("chat", tree.root().id, DropZone::Left));
    CHECK_FALSE(tree.root().split);
    CHECK(tree.root().panels == std::vector<std::string>{"chat"});
}

TEST_CASE("docking to the left of the root splits it and keeps the old content on the right") {
    DockTree tree;
    tree.dock("chat", tree.root().id, DropZone::Center);
    tree.dock("email", tree.root().id, DropZone::Center);
    const NodeId oldRoot = tree.root().id;

    REQUIRE(tree.dock("nav", oldRoot, DropZone::Left));
    const DockNode& root = tree.root();
    REQUIRE(root.split);
    CHECK(root.id != oldRoot);
    CHECK(root.axis == Axis::Horizontal);
    CHECK(root.ratio == doctest::Approx(DockTree::kRootSideShare));
    CHECK(root.first->panels == std::vector<std::string>{"nav"});
    CHECK(root.second->id == oldRoot);  // the target keeps its id
    CHECK(root.second->panels == std::vector<std::string>{"chat", "email"});
    CHECK(root.second->activeTab == 1);
}

TEST_CASE("docking to the right or bottom of the root gives the new side 0.3 as the second child") {
    DockTree tree;
    tree.dock("chat", tree.root().id, DropZone::Center);
    const NodeId chatNode = tree.root().id;

    REQUIRE(tree.dock("crm", chatNode, DropZone::Bottom));
    REQUIRE(tree.root().split);
    CHECK(tree.root().axis == Axis::Vertical);
    CHECK(tree.root().ratio == doctest::Approx(1.0f - DockTree::kRootSideShare));
    CHECK(tree.root().first->id == chatNode);
    CHECK(tree.root().second->panels == std::vector<std::string>{"crm"});

    // Splitting the (new) root again to the right: the old split goes left.
    const NodeId oldRoot = tree.root().id;
    REQUIRE(tree.dock("kb", oldRoot, DropZone::Right));
    CHECK(tree.root().axis == Axis::Horizontal);
    CHECK(tree.root().ratio == doctest::Approx(0.7f));
    CHECK(tree.root().first->id == oldRoot);
    CHECK(tree.root().second->panels == std::vector<std::string>{"kb"});
}

TEST_CASE("splitting a node below the root gives each side half and keeps the node's place") {
    DockTree tree = sampleTree();
    const NodeId crmNode = tree.nodeOfPanel("crm");

    REQUIRE(tree.dock("notes", crmNode, DropZone::Top));
    const DockNode* split = tree.findNode(tree.root().second->second->id);
    REQUIRE(split != nullptr);
    REQUIRE(split->split);
    CHECK(split->axis == Axis::Vertical);
    CHECK(split->ratio == doctest::Approx(0.5f));
    CHECK(split->first->panels == std::vector<std::string>{"notes"});
    CHECK(split->second->id == crmNode);
    // The rest of the tree is untouched.
    CHECK(tree.root().first->panels == std::vector<std::string>{"nav"});
}

TEST_CASE("center on a split node docks into the first tab node under it") {
    DockTree tree = sampleTree();
    const NodeId workSplit = tree.root().second->id;
    const NodeId chatNode = tree.nodeOfPanel("chat");

    REQUIRE(tree.dock("kb", workSplit, DropZone::Center));
    CHECK(tree.nodeOfPanel("kb") == chatNode);
    const DockNode* node = tree.findNode(chatNode);
    REQUIRE(node != nullptr);
    CHECK(node->panels.back() == "kb");
    CHECK(node->activeTab == static_cast<int>(node->panels.size()) - 1);
}

TEST_CASE("illegal or no-op docks are refused and change nothing") {
    DockTree tree = sampleTree();
    const json before = tree.toJson();
    const NodeId navNode = tree.nodeOfPanel("nav");
    const NodeId chatNode = tree.nodeOfPanel("chat");

    CHECK_FALSE(tree.dock("nav", navNode, DropZone::Left));    // the node holds only this panel
    CHECK_FALSE(tree.dock("nav", navNode, DropZone::Bottom));
    CHECK_FALSE(tree.dock("chat", chatNode, DropZone::Center)); // already a tab there
    CHECK_FALSE(tree.dock("nav", 9999, DropZone::Center));      // unknown node
    CHECK_FALSE(tree.dock("nav", -1, DropZone::Left));
    CHECK_FALSE(tree.dock("", chatNode, DropZone::Center));     // empty id
    CHECK(tree.toJson() == before);
}

TEST_CASE("moving a panel between nodes keeps one copy") {
    DockTree tree = sampleTree();
    const NodeId crmNode = tree.nodeOfPanel("crm");
    const NodeId chatNode = tree.nodeOfPanel("chat");

    REQUIRE(tree.dock("email", crmNode, DropZone::Center));
    CHECK(tree.nodeOfPanel("email") == crmNode);
    CHECK(sorted(tree.panels()) == std::vector<std::string>{"chat", "crm", "email", "nav"});
    const DockNode* chat = tree.findNode(chatNode);
    REQUIRE(chat != nullptr);
    CHECK(chat->panels == std::vector<std::string>{"chat"});
}

TEST_CASE("splitting off one tab of a multi-tab node moves it beside the rest") {
    DockTree tree;
    tree.dock("chat", tree.root().id, DropZone::Center);
    tree.dock("email", tree.root().id, DropZone::Center);
    const NodeId node = tree.root().id;

    REQUIRE(tree.dock("chat", node, DropZone::Right));
    REQUIRE(tree.root().split);
    CHECK(tree.root().first->id == node);
    CHECK(tree.root().first->panels == std::vector<std::string>{"email"});
    CHECK(tree.root().second->panels == std::vector<std::string>{"chat"});
    CHECK(tree.panels().size() == 2);
}

TEST_CASE("moving the only panel of a node into its sibling collapses the split") {
    DockTree tree;
    tree.dock("chat", tree.root().id, DropZone::Center);
    const NodeId chatNode = tree.root().id;
    tree.dock("nav", chatNode, DropZone::Left);

    REQUIRE(tree.dock("nav", chatNode, DropZone::Center));
    CHECK_FALSE(tree.root().split);
    CHECK(tree.root().id == chatNode);
    CHECK(tree.root().panels == std::vector<std::string>{"chat", "nav"});
}

TEST_CASE("docking beside a split that collapses during the move uses the sibling that replaced it") {
    // root = [p] | ([b] / [c]); docking p to the left of the root empties [p], so the root split
    // collapses into the ([b] / [c]) split, which is then split again with p on the left.
    DockTree tree;
    tree.dock("b", tree.root().id, DropZone::Center);
    const NodeId bNode = tree.root().id;
    tree.dock("c", bNode, DropZone::Bottom);
    const NodeId inner = tree.root().id;
    tree.dock("p", inner, DropZone::Left);
    const NodeId outer = tree.root().id;
    REQUIRE(tree.root().second->id == inner);

    REQUIRE(tree.dock("p", outer, DropZone::Left));
    CHECK(tree.findNode(outer) == nullptr);
    REQUIRE(tree.root().split);
    CHECK(tree.root().first->panels == std::vector<std::string>{"p"});
    CHECK(tree.root().second->id == inner);
    CHECK(tree.root().ratio == doctest::Approx(DockTree::kRootSideShare));
    CHECK(tree.panels().size() == 3);
}

TEST_CASE("removing the last tab of a node collapses it into its sibling") {
    DockTree tree;
    tree.dock("chat", tree.root().id, DropZone::Center);
    const NodeId chatNode = tree.root().id;
    tree.dock("nav", chatNode, DropZone::Left);
    REQUIRE(tree.root().split);

    CHECK(tree.removePanel("nav"));
    CHECK_FALSE(tree.root().split);
    CHECK(tree.root().id == chatNode);
    CHECK(tree.root().panels == std::vector<std::string>{"chat"});
    CHECK_FALSE(tree.contains("nav"));

    // The root itself may become an empty tab node.
    CHECK(tree.removePanel("chat"));
    CHECK_FALSE(tree.root().split);
    CHECK(tree.root().panels.empty());
    CHECK_FALSE(tree.removePanel("chat"));
}

TEST_CASE("removing a nested node's last tab promotes its sibling subtree") {
    DockTree tree = sampleTree();  // [nav] | ([chat, email] / [crm])
    const NodeId chatNode = tree.nodeOfPanel("chat");
    CHECK(tree.removePanel("crm"));
    REQUIRE(tree.root().split);
    CHECK(tree.root().second->id == chatNode);
    CHECK_FALSE(tree.root().second->split);
    CHECK(tree.root().ratio == doctest::Approx(0.3f));  // the surviving split keeps its ratio
}

TEST_CASE("removing tabs keeps a sensible active tab") {
    DockTree tree;
    for (const char* p : {"a", "b", "c", "d"}) tree.dock(p, tree.root().id, DropZone::Center);
    REQUIRE(tree.setActive("c"));
    CHECK(tree.root().activeTab == 2);

    tree.removePanel("a");  // an earlier tab goes: "c" stays active
    CHECK(tree.root().panels[static_cast<std::size_t>(tree.root().activeTab)] == "c");

    tree.removePanel("c");  // the active tab goes: its right neighbour takes over
    CHECK(tree.root().panels[static_cast<std::size_t>(tree.root().activeTab)] == "d");

    tree.removePanel("d");  // the last tab goes: the new last one is active
    CHECK(tree.root().panels[static_cast<std::size_t>(tree.root().activeTab)] == "b");
}

TEST_CASE("floating a docked panel removes it from the tree") {
    DockTree tree = sampleTree();
    const Rect rect{100, 50, 400, 300};

    REQUIRE(tree.floatPanel("crm", rect));
    CHECK(tree.nodeOfPanel("crm") == -1);
    CHECK(tree.isFloating("crm"));
    CHECK(tree.contains("crm"));
    REQUIRE(tree.floating().size() == 1);
    CHECK(tree.floating()[0].panelId == "crm");
    CHECK(tree.floating()[0].rect.w == 400);
    // Its node was emptied and collapsed: chat/email now fill the right side alone.
    CHECK_FALSE(tree.root().second->split);
    const auto all = tree.panels();
    CHECK(std::count(all.begin(), all.end(), "crm") == 1);

    // Floating it again only moves the window.
    REQUIRE(tree.floatPanel("crm", {0, 0, 10, 10}));
    CHECK(tree.floating().size() == 1);
    CHECK(tree.floating()[0].rect.w == 10);
}

TEST_CASE("floating an unknown panel adds it and docking it back takes it off the floating list") {
    DockTree tree = sampleTree();
    REQUIRE(tree.floatPanel("kb", {1, 2, 3, 4}));
    CHECK(tree.isFloating("kb"));
    CHECK(tree.panels().back() == "kb");

    REQUIRE(tree.dock("kb", tree.nodeOfPanel("nav"), DropZone::Center));
    CHECK_FALSE(tree.isFloating("kb"));
    CHECK(tree.floating().empty());
    CHECK(tree.nodeOfPanel("kb") == tree.nodeOfPanel("nav"));
    CHECK_FALSE(tree.floatPanel("", {}));
}

TEST_CASE("setActive and setFloatingRect only act on panels in the right state") {
    DockTree tree = sampleTree();
    tree.floatPanel("kb", {0, 0, 100, 100});

    CHECK(tree.setActive("chat"));
    CHECK(tree.findNode(tree.nodeOfPanel("chat"))->activeTab == 0);
    CHECK_FALSE(tree.setActive("missing"));
    CHECK_FALSE(tree.setActive("kb"));  // floating panels have no tab

    CHECK(tree.setFloatingRect("kb", {5, 6, 7, 8}));
    CHECK(tree.floating()[0].rect.x == 5);
    CHECK(tree.floating()[0].rect.h == 8);
    CHECK_FALSE(tree.setFloatingRect("chat", {}));  // docked, not floating
    CHECK_FALSE(tree.setFloatingRect("missing", {}));
}

TEST_CASE("setRatio clamps") {
    DockTree tree = sampleTree();
    const NodeId split = tree.root().id;

    CHECK(tree.setRatio(split, 0.42f));
    CHECK(tree.root().ratio == doctest::Approx(0.42f));
    CHECK(tree.setRatio(split, 2.0f));
    CHECK(tree.root().ratio == doctest::Approx(0.95f));
    CHECK(tree.setRatio(split, -1.0f));
    CHECK(tree.root().ratio == doctest::Approx(0.05f));

    CHECK_FALSE(tree.setRatio(split, std::numeric_limits<float>::quiet_NaN()));
    CHECK(tree.root().ratio == doctest::Approx(0.05f));
    CHECK_FALSE(tree.setRatio(tree.nodeOfPanel("nav"), 0.5f));  // a tab node
    CHECK_FALSE(tree.setRatio(12345, 0.5f));
}

TEST_CASE("node ids are unique and never reused after nodes disappear") {
    DockTree tree = sampleTree();
    std::set<NodeId> everSeen;
    for (NodeId id : allIds(tree.root())) CHECK(everSeen.insert(id).second);

    tree.removePanel("crm");  // collapses two nodes away
    tree.removePanel("nav");  // and two more
    const auto survivors = allIds(tree.root());
    tree.dock("x", tree.root().id, DropZone::Left);
    tree.dock("y", tree.nodeOfPanel("x"), DropZone::Top);

    const auto ids = allIds(tree.root());
    CHECK(std::set<NodeId>(ids.begin(), ids.end()).size() == ids.size());
    int fresh = 0;
    for (NodeId id : ids) {
        if (std::find(survivors.begin(), survivors.end(), id) != survivors.end()) continue;
        CHECK_MESSAGE(everSeen.count(id) == 0, "recycled id ", id);
        ++fresh;
    }
    CHECK(fresh == 4);  // two splits and two tab nodes were created
}

TEST_CASE("a node id from a removed node never names a new node") {
    DockTree tree;
    tree.dock("a", tree.root().id, DropZone::Center);
    tree.dock("b", tree.root().id, DropZone::Left);
    const NodeId bNode = tree.nodeOfPanel("b");
    const NodeId splitNode = tree.root().id;
    tree.removePanel("b");
    REQUIRE(tree.findNode(bNode) == nullptr);
    REQUIRE(tree.findNode(splitNode) == nullptr);

    for (int i = 0; i < 5; ++i) tree.dock("p" + std::to_string(i), tree.root().id, DropZone::Right);
    CHECK(tree.findNode(bNode) == nullptr);
    CHECK(tree.findNode(splitNode) == nullptr);
}

TEST_CASE("copies are deep and moved-from trees stay usable") {
    DockTree original = sampleTree();
    DockTree copy = original;
    CHECK(copy.toJson() == original.toJson());
    CHECK(copy.root().id == original.root().id);

    copy.removePanel("nav");
    copy.setRatio(copy.root().id, 0.8f);
    CHECK(original.contains("nav"));
    CHECK(original.root().ratio == doctest::Approx(0.3f));

    DockTree assigned;
    assigned = original;
    CHECK(assigned.toJson() == original.toJson());

    DockTree moved = std::move(original);
    CHECK(moved.contains("crm"));
    // NOLINTNEXTLINE(bugprone-use-after-move): documented to be a valid empty tree
    CHECK_FALSE(original.root().split);
    CHECK(original.panels().empty());
    CHECK(original.dock("z", original.root().id, DropZone::Center));
}

TEST_CASE("layout rects tile the area without overlap") {
    DockTree tree = sampleTree();
    tree.dock("notes", tree.nodeOfPanel("nav"), DropZone::Bottom);
    const Rect area{10, 20, 1000, 700};
    const float thickness = 6;

    const auto layout = tree.layout(area, thickness);
    REQUIRE(layout.tabs.size() == 4);
    REQUIRE(layout.splitters.size() == 3);

    std::vector<Rect> pieces;
    for (const auto& t : layout.tabs) pieces.push_back(t.rect);
    for (const auto& s : layout.splitters) pieces.push_back(s.rect);

    float total = 0;
    for (std::size_t i = 0; i < pieces.size(); ++i) {
        CHECK(inside(pieces[i], area));
        total += pieces[i].w * pieces[i].h;
        for (std::size_t j = i + 1; j < pieces.size(); ++j) CHECK(overlapArea(pieces[i], pieces[j]) == doctest::Approx(0.0f));
    }
    CHECK(total == doctest::Approx(area.w * area.h).epsilon(1e-4));

    // Every tab node appears once, and splitters are the split nodes with their thickness.
    std::set<NodeId> tabNodes;
    for (const auto& t : layout.tabs) {
        CHECK_FALSE(tree.findNode(t.node)->split);
        tabNodes.insert(t.node);
    }
    CHECK(tabNodes.size() == 4);

    const auto& rootBar = layout.splitters[0];
    CHECK(rootBar.node == tree.root().id);
    CHECK(rootBar.axis == Axis::Horizontal);
    CHECK(rootBar.rect.w == doctest::Approx(thickness));
    CHECK(rootBar.rect.h == doctest::Approx(area.h));
    CHECK(rootBar.rect.x == doctest::Approx(area.x + (area.w - thickness) * 0.3f));
    CHECK(rootBar.parent.x == area.x);
    CHECK(rootBar.parent.w == area.w);
    for (const auto& s : layout.splitters) {
        CHECK(tree.findNode(s.node)->split);
        CHECK(inside(s.rect, s.parent));
        if (s.axis == Axis::Vertical) CHECK(s.rect.h == doctest::Approx(thickness));
    }
}

TEST_CASE("layout shrinks splitters that do not fit and never produces negative sizes") {
    DockTree tree = sampleTree();
    const auto layout = tree.layout({0, 0, 3, 3}, 10);
    for (const auto& t : layout.tabs) {
        CHECK(t.rect.w >= 0);
        CHECK(t.rect.h >= 0);
    }
    for (const auto& s : layout.splitters) {
        CHECK(s.rect.w >= 0);
        CHECK(s.rect.h >= 0);
        CHECK(inside(s.rect, {0, 0, 3, 3}));
    }
}

TEST_CASE("json round trip keeps structure, ratios and active tabs") {
    DockTree tree = sampleTree();
    tree.setActive("email");
    tree.setRatio(tree.root().second->id, 0.62f);
    tree.floatPanel("kb", {12.5f, 30, 640, 480});

    const json j = tree.toJson();
    std::string error;
    const auto loaded = DockTree::fromJson(j, &error);
    REQUIRE_MESSAGE(loaded.has_value(), error);
    CHECK(loaded->toJson() == j);

    const DockNode& root = loaded->root();
    REQUIRE(root.split);
    CHECK(root.axis == Axis::Horizontal);
    CHECK(root.ratio == 0.3f);  // exact: ratios survive the text form bit for bit
    CHECK(root.first->panels == std::vector<std::string>{"nav"});
    REQUIRE(root.second->split);
    CHECK(root.second->axis == Axis::Vertical);
    CHECK(root.second->ratio == 0.62f);
    CHECK(root.second->first->panels == std::vector<std::string>{"chat", "email"});
    CHECK(root.second->first->activeTab == 1);
    CHECK(root.second->second->panels == std::vector<std::string>{"crm"});
    REQUIRE(loaded->floating().size() == 1);
    CHECK(loaded->floating()[0].panelId == "kb");
    CHECK(loaded->floating()[0].rect.x == 12.5f);
    CHECK(loaded->floating()[0].rect.h == 480);

    // And it survives the trip through text, written tidily.
    const std::string text = j.dump();
    CHECK(text.find("0.3000000") == std::string::npos);
    const auto reparsed = DockTree::fromJson(json::parse(text), &error);
    REQUIRE(reparsed.has_value());
    CHECK(reparsed->toJson() == j);
}

TEST_CASE("json uses the documented shape") {
    DockTree tree;
    tree.dock("chat", tree.root().id, DropZone::Center);
    tree.dock("email", tree.root().id, DropZone::Center);
    tree.dock("nav", tree.root().id, DropZone::Top);
    tree.floatPanel("kb", {1, 2, 3, 4});

    const json j = tree.toJson();
    CHECK(j["version"] == 1);
    CHECK(j["root"]["split"] == "vertical");
    CHECK(j["root"]["ratio"].get<double>() == doctest::Approx(0.3));
    CHECK(j["root"]["first"]["tabs"] == json::array({"nav"}));
    CHECK(j["root"]["first"]["active"] == 0);
    CHECK(j["root"]["second"]["tabs"] == json::array({"chat", "email"}));
    CHECK(j["root"]["second"]["active"] == 1);
    CHECK(j["floating"] == json::parse(R"([{"panel":"kb","x":1,"y":2,"w":3,"h":4}])"));
}

TEST_CASE("fromJson reassigns node ids in pre-order and later docks get fresh ones") {
    const auto loaded = DockTree::fromJson(parseLayout(R"({"version":1,"root":{"split":"horizontal","ratio":0.4,
        "first":{"tabs":["a"]},"second":{"split":"vertical","ratio":0.5,"first":{"tabs":["b"]},"second":{"tabs":["c"],"active":0}}}})"),
                                           nullptr);
    REQUIRE(loaded.has_value());
    DockTree tree = *loaded;
    CHECK(allIds(tree.root()) == std::vector<NodeId>{0, 1, 2, 3, 4});
    CHECK(tree.nodeOfPanel("c") == 4);
    CHECK(tree.floating().empty());

    REQUIRE(tree.dock("d", 1, DropZone::Right));
    const auto ids = allIds(tree.root());
    CHECK(std::set<NodeId>(ids.begin(), ids.end()).size() == ids.size());
    CHECK(tree.nodeOfPanel("d") >= 5);
}

TEST_CASE("fromJson clamps accepted ratios like setRatio") {
    const auto loaded = DockTree::fromJson(
        parseLayout(R"({"version":1,"root":{"split":"horizontal","ratio":0.01,"first":{"tabs":["a"]},"second":{"tabs":["b"]}}})"),
        nullptr);
    REQUIRE(loaded.has_value());
    CHECK(loaded->root().ratio == doctest::Approx(DockTree::kMinRatio));
}

TEST_CASE("fromJson rejects duplicates and bad ratios with a reason") {
    std::string why = rejectReason(parseLayout(
        R"({"version":1,"root":{"split":"horizontal","ratio":0.5,"first":{"tabs":["a","b"]},"second":{"tabs":["c","a"]}}})"));
    CHECK(why.find("duplicate panel id \"a\"") != std::string::npos);
    CHECK(why.find("root.second.tabs[1]") != std::string::npos);

    why = rejectReason(parseLayout(R"({"version":1,"root":{"tabs":["a"]},"floating":[{"panel":"a","x":0,"y":0,"w":1,"h":1}]})"));
    CHECK(why.find("duplicate panel id \"a\"") != std::string::npos);
    CHECK(why.find("floating[0]") != std::string::npos);

    for (const char* ratio : {"0", "1", "1.5", "-0.2", "\"0.5\"", "null"}) {
        CAPTURE(ratio);
        const std::string text = std::string(R"({"version":1,"root":{"split":"vertical","ratio":)") + ratio +
                                 R"(,"first":{"tabs":["a"]},"second":{"tabs":["b"]}}})";
        why = rejectReason(json::parse(text));
        CHECK(why.find("ratio") != std::string::npos);
    }
    why = rejectReason(parseLayout(R"({"version":1,"root":{"split":"vertical","first":{"tabs":["a"]},"second":{"tabs":["b"]}}})"));
    CHECK(why.find("ratio") != std::string::npos);
}

TEST_CASE("fromJson rejects malformed trees with a reason") {
    struct Case {
        const char* text;
        const char* expect;
    };
    const Case cases[] = {
        {R"([1,2])", "expected an object"},
        {R"({"root":{"tabs":[]}})", "version"},
        {R"({"version":2,"root":{"tabs":[]}})", "version"},
        {R"({"version":"1","root":{"tabs":[]}})", "version"},
        {R"({"version":1})", "root"},
        {R"({"version":1,"root":{}})", "either \"split\" or \"tabs\""},
        {R"({"version":1,"root":{"tabs":["a"],"split":"vertical"}})", "both"},
        {R"({"version":1,"root":{"split":"vertical","ratio":0.5,"first":{"tabs":["a"]}}})", "\"first\" and \"second\""},
        {R"({"version":1,"root":{"split":"diagonal","ratio":0.5,"first":{"tabs":["a"]},"second":{"tabs":["b"]}}})",
         "root.split"},
        {R"({"version":1,"root":{"split":"vertical","ratio":0.5,"first":{"tabs":[]},"second":{"tabs":["b"]}}})",
         "only the root may be an empty tab node"},
        {R"({"version":1,"root":{"split":"vertical","ratio":0.5,"first":[],"second":{"tabs":["b"]}}})", "root.first"},
        {R"({"version":1,"root":{"tabs":"a"}})", "root.tabs"},
        {R"({"version":1,"root":{"tabs":["a", 3]}})", "root.tabs[1]"},
        {R"({"version":1,"root":{"tabs":["a", ""]}})", "empty"},
        {R"({"version":1,"root":{"tabs":["a","b"],"active":2}})", "root.active"},
        {R"({"version":1,"root":{"tabs":["a","b"],"active":-1}})", "root.active"},
        {R"({"version":1,"root":{"tabs":["a","b"],"active":0.5}})", "root.active"},
        {R"({"version":1,"root":{"tabs":[]},"floating":{}})", "floating"},
        {R"({"version":1,"root":{"tabs":[]},"floating":[{"panel":"a","x":0,"y":0,"w":1}]})", "\"h\""},
        {R"({"version":1,"root":{"tabs":[]},"floating":[{"panel":"a","x":0,"y":"0","w":1,"h":1}]})", "floating[0].y"},
        {R"({"version":1,"root":{"tabs":[]},"floating":[{"panel":"a","x":0,"y":0,"w":-1,"h":1}]})", "negative"},
        {R"({"version":1,"root":{"tabs":[]},"floating":[{"x":0,"y":0,"w":1,"h":1}]})", "panel"},
    };
    for (const auto& c : cases) {
        CAPTURE(c.text);
        const std::string why = rejectReason(json::parse(c.text));
        CAPTURE(why);
        CHECK(why.find(c.expect) != std::string::npos);
    }

    // A null error pointer is allowed.
    CHECK_FALSE(DockTree::fromJson(json::parse("null"), nullptr).has_value());
}

TEST_CASE("fromJson refuses absurdly deep nesting instead of overflowing the stack") {
    json node = {{"tabs", {"leaf"}}};
    for (int i = 0; i < 200; ++i) {
        node = {{"split", "horizontal"}, {"ratio", 0.5}, {"first", std::move(node)}, {"second", {{"tabs", {"p" + std::to_string(i)}}}}};
    }
    const std::string why = rejectReason({{"version", 1}, {"root", node}});
    CHECK(why.find("nested too deeply") != std::string::npos);
}

TEST_CASE("an empty root and unknown keys load fine") {
    const auto loaded = DockTree::fromJson(parseLayout(R"({"version":1,"root":{"tabs":[],"future":true},"extra":[1]})"), nullptr);
    REQUIRE(loaded.has_value());
    CHECK_FALSE(loaded->root().split);
    CHECK(loaded->root().panels.empty());
    CHECK(loaded->panels().empty());
}
