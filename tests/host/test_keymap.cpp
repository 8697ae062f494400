// The agent's own keyboard shortcuts: overrides kept by command id, refused when a key is taken.

#include "shell/keymap.hpp"

#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

using namespace agentdesk::host;

namespace {

const std::vector<CommandKeys> kCommands{{"agent.ready", "Go Ready", "Ctrl+Shift+R"},
                                         {"voice.hold", "Hold / retrieve the call", "ctrl+shift+h"},
                                         {"kb.focus", "Search the knowledge base", ""}};

}  // namespace

TEST_CASE("without overrides every command has its plugin's default, written the canonical way") {
    Keymap keys;
    CHECK(keys.bindingOf(kCommands[0]) == "Ctrl+Shift+R");
    CHECK(keys.bindingOf(kCommands[1]) == "Ctrl+Shift+H");
    CHECK(keys.bindingOf(kCommands[2]).empty());
    CHECK(keys.toJson().empty());
}

TEST_CASE("a new shortcut replaces the default - clear leaves none - reset brings the default back") {
    Keymap keys;
    CHECK(keys.bind("voice.hold", "f8", kCommands).empty());
    CHECK(keys.bindingOf(kCommands[1]) == "F8");
    CHECK(keys.isCustom("voice.hold"));
    keys.clear("agent.ready");
    CHECK(keys.bindingOf(kCommands[0]).empty());
    CHECK(keys.toJson() == nlohmann::json{{"agent.ready", ""}, {"voice.hold", "F8"}});
    keys.reset("voice.hold");
    CHECK(keys.bindingOf(kCommands[1]) == "Ctrl+Shift+H");
    CHECK_FALSE(keys.isCustom("voice.hold"));
}

TEST_CASE("a shortcut in use, kept by the desktop or unknown is refused with the reason") {
    Keymap keys;
    CHECK(keys.bind("kb.focus", "Ctrl+Shift+R", kCommands) == "Ctrl+Shift+R is already \"Go Ready\": change or clear that one first");
    CHECK(keys.bindingOf(kCommands[2]).empty());
    CHECK(keys.bind("kb.focus", "ctrl+q", kCommands) == "Ctrl+Q quits the desktop");
    CHECK(keys.bind("kb.focus", "F1", kCommands) == "F1 shows the keyboard shortcuts");
    CHECK(keys.bind("kb.focus", "Ctrl+Banana", kCommands).find("not a key") != std::string::npos);
    CHECK(keys.bind("agent.ready", "Ctrl+Shift+R", kCommands).empty());  // its own shortcut again
    keys.clear("agent.ready");
    CHECK(keys.bind("kb.focus", "Ctrl+Shift+R", kCommands).empty());  // free once cleared
}

TEST_CASE("overrides come back from settings - bad entries are left out and reported") {
    Keymap keys;
    std::vector<std::string> problems;
    keys.load(nlohmann::json::parse(R"({"voice.hold": "alt+h", "agent.ready": "", "kb.focus": "Ctrl+Nope", "x": 3})"), &problems);
    CHECK(keys.bindingOf(kCommands[1]) == "Alt+H");
    CHECK(keys.bindingOf(kCommands[0]).empty());
    CHECK(keys.bindingOf(kCommands[2]).empty());
    CHECK(problems.size() == 2);
    Keymap again;
    again.load(keys.toJson());
    CHECK(again.toJson() == keys.toJson());
    problems.clear();
    again.load(nlohmann::json::array(), &problems);
    CHECK(problems.size() == 1);
    CHECK(again.bindingOf(kCommands[1]) == "Ctrl+Shift+H");
}

TEST_CASE("two commands whose defaults collide are reported") {
    std::vector<CommandKeys> commands = kCommands;
    commands.push_back({"chat.end", "End chat", "Ctrl+Shift+H"});
    Keymap keys;
    auto clashes = keys.conflicts(commands);
    REQUIRE(clashes.size() == 1);
    CHECK(clashes[0] == std::pair<std::string, std::string>{"voice.hold", "chat.end"});
    CHECK(keys.bind("chat.end", "Ctrl+Shift+E", commands).empty());
    CHECK(keys.conflicts(commands).empty());
}
