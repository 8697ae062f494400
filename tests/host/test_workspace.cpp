#include "workspace/workspace.hpp"

#include <doctest/doctest.h>

#include <fstream>
#include <string>

#include <unistd.h>

using namespace agentdesk;
using namespace agentdesk::workspace;
namespace fs = std::filesystem;

namespace {

struct Fixture {
    // One folder per process: ctest runs test cases in parallel processes.
    fs::path dir = fs::temp_directory_path() / ("agentdesk-workspace-tests-" + std::to_string(::getpid()));
    LayoutStore store{dir / "layouts.json"};
    std::vector<std::pair<std::string, DockHint>> panels{{"session", DockHint::Left},
                                                         {"contacts", DockHint::Left},
                                                         {"context", DockHint::Center},
                                                         {"log", DockHint::Bottom}};
    ~Fixture() {
        std::error_code ignored;
        fs::remove_all(dir, ignored);
    }
    Fixture() {
        fs::remove_all(dir);
        fs::create_directories(dir / "defaults");
        std::ofstream(dir / "defaults" / "agent.json")
            << R"({"version": 1, "root": {"split": "horizontal", "ratio": 0.3,
                 "first": {"tabs": ["session"]}, "second": {"tabs": ["context"]}}})";
    }
};

}  // namespace

TEST_CASE("opening a layout takes the shipped default until the agent saved their own") {
    Fixture f;
    Workspace w(f.store, f.dir / "defaults");
    std::string error;
    REQUIRE(w.open("Agent", error));
    CHECK(w.tree().nodeOfPanel("session") != kNoNode);
    w.tree().removePanel("session");
    w.saveCurrent();
    Workspace again(f.store, f.dir / "defaults");
    REQUIRE(again.open("Agent", error));
    CHECK_FALSE(again.tree().contains("session"));
    again.resetToDefault();
    CHECK(again.tree().contains("session"));
    CHECK_FALSE(w.open("Nonexistent", error));
    CHECK(error.find("Nonexistent") != std::string::npos);
}

TEST_CASE("a new panel joins the panels that asked for the same place, as a tab") {
    Fixture f;
    Workspace w(f.store, f.dir / "defaults");
    std::string error;
    REQUIRE(w.open("Agent", error));
    CHECK(w.placeNewPanels(f.panels));
    CHECK(w.tree().nodeOfPanel("contacts") == w.tree().nodeOfPanel("session"));
    CHECK(w.tree().nodeOfPanel("log") != kNoNode);
    CHECK(w.tree().nodeOfPanel("log") != w.tree().nodeOfPanel("context"));
    CHECK_FALSE(w.placeNewPanels(f.panels));  // nothing new the second time
}

TEST_CASE("a panel added to a tab area stays behind the tab that was shown - one the agent reopens comes forward") {
    Fixture f;
    Workspace w(f.store, f.dir / "defaults");
    std::string error;
    REQUIRE(w.open("Agent", error));
    w.placeNewPanels(f.panels);
    auto shown = [&w](const std::string& panel) {
        const DockNode* node = w.tree().findNode(w.tree().nodeOfPanel(panel));
        return node->panels[static_cast<std::size_t>(node->activeTab)];
    };
    CHECK(shown("contacts") == "session");
    std::vector<std::pair<std::string, DockHint>> more = f.panels;
    more.push_back({"board", DockHint::Center});
    REQUIRE(w.placeNewPanels(more));
    CHECK(w.tree().nodeOfPanel("board") == w.tree().nodeOfPanel("context"));
    CHECK(shown("board") == "context");
    w.closePanel("board");
    w.reopenPanel("board", DockHint::Center, more);
    CHECK(shown("board") == "board");
}

TEST_CASE("a closed panel stays closed until reopened") {
    Fixture f;
    Workspace w(f.store, f.dir / "defaults");
    std::string error;
    REQUIRE(w.open("Agent", error));
    w.placeNewPanels(f.panels);
    w.closePanel("log");
    CHECK_FALSE(w.tree().contains("log"));
    CHECK_FALSE(w.placeNewPanels(f.panels));
    CHECK_FALSE(w.tree().contains("log"));
    w.reopenPanel("log", DockHint::Bottom, f.panels);
    CHECK(w.tree().contains("log"));
    CHECK_FALSE(w.isClosed("log"));
}

TEST_CASE("layout names list shipped defaults and the agent's own") {
    Fixture f;
    Workspace w(f.store, f.dir / "defaults");
    std::string error;
    REQUIRE(w.open("Agent", error));
    w.saveCurrent("Evening shift");
    auto names = w.layoutNames();
    CHECK(std::find(names.begin(), names.end(), "Agent") != names.end());
    CHECK(std::find(names.begin(), names.end(), "Evening shift") != names.end());
    CHECK(w.currentName() == "Evening shift");
}
