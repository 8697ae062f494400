// The user guide: Markdown read into chapters and sections, searched; the shipped guide covers
// the desktop.

#include "model/guide.hpp"

#include <doctest/doctest.h>

#include <algorithm>

using agentdesk::help::Block;
using agentdesk::help::Guide;

TEST_CASE("headings make chapters and sections - bullets and wrapped lines make blocks - marks are dropped") {
    const Guide guide = Guide::parse(R"(# Calls

The **Call** panel controls
the call you are on.

- **Hold** puts the customer
  on hold.
- `Mute`

## Dialling
Type a number.
)");
    const auto& s = guide.sections();
    REQUIRE(s.size() == 2);
    CHECK(s[0].title == "Calls");
    CHECK(s[0].level == 1);
    REQUIRE(s[0].blocks.size() == 3);
    CHECK(s[0].blocks[0].kind == Block::Kind::Paragraph);
    CHECK(s[0].blocks[0].text == "The Call panel controls the call you are on.");
    CHECK(s[0].blocks[1].kind == Block::Kind::Bullet);
    CHECK(s[0].blocks[1].text == "Hold puts the customer on hold.");
    CHECK(s[0].blocks[2].text == "Mute");
    CHECK(s[1].title == "Dialling");
    CHECK(s[1].level == 2);
    CHECK(s[1].blocks.size() == 1);
}

TEST_CASE("a search finds sections with every word - title matches first - with a snippet") {
    const Guide guide = Guide::parse("# Chats\nEnd chat ends it.\n# Wrap-up\nAfter a chat or a call, choose a disposition.\n"
                                     "# Calls\nHold the call.\n");
    auto matches = guide.search("CHAT");
    REQUIRE(matches.size() == 2);
    CHECK(guide.sections()[matches[0].section].title == "Chats");
    CHECK(guide.sections()[matches[1].section].title == "Wrap-up");
    CHECK(matches[1].snippet.find("chat") != std::string::npos);
    CHECK(guide.search("call disposition").size() == 1);
    CHECK(guide.search("fax").empty());
    CHECK(guide.search("").size() == 3);
}

TEST_CASE("the shipped user guide covers logging in, states, channels and messages") {
    std::string error;
    const Guide guide = Guide::load(AGENTDESK_SOURCE_ASSETS "/help/guide.md", error);
    CHECK(error.empty());
    std::vector<std::string> titles;
    for (const auto& s : guide.sections()) titles.push_back(s.title);
    for (const char* wanted : {"Logging in", "Your state", "Calls", "Chats", "Emails", "Knowledge base", "Directory", "Messages"}) {
        CHECK_MESSAGE(std::find(titles.begin(), titles.end(), wanted) != titles.end(), wanted);
    }
    CHECK_FALSE(guide.search("blacklisted").empty());
    std::string missing;
    CHECK(Guide::load("/nonexistent/guide.md", missing).sections().empty());
    CHECK(missing.find("could not be read") != std::string::npos);
}
