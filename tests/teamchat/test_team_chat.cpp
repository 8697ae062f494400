// Internal chat against the embedded contact center: rooms, presence, a colleague the engine
// plays answering, unread counts, and messages kept in the database.

#include "model/team_chat_model.hpp"
#include "model/contact_center.hpp"
#include "store/engine_store.hpp"
#include "store/team_chat.hpp"

#include <agentdesk/events/agent.hpp>
#include <agentdesk/events/core.hpp>
#include <agentdesk/runtime/harness.hpp>

#include "engine/bus_log.hpp"
#include "engine/demo_hash.hpp"
#include "engine/scratch_dir.hpp"

#include <doctest/doctest.h>

using namespace agentdesk;
using namespace std::chrono_literals;
namespace engine = agentdesk::engine;
using agentdesk::testing::demoUser;

namespace {

engine::CenterConfig center() {
    engine::CenterConfig config;
    config.settings.notReadyReasons = {"Break"};
    auto anna = demoUser("anna", {"sales"}, "Anna Kowalski");
    anna.team = "Sales";
    auto maya = demoUser("maya", {"sales"}, "Maya Patel");
    maya.team = "Sales";
    maya.simulated = true;
    auto ben = demoUser("ben", {"support"}, "Ben Okafor");
    ben.team = "Support";
    config.users = {anna, maya, ben};
    return config;
}

struct Office {
    agentdesk::testing::ScratchDir dir{"agentdesk-teamchat"};
    Harness harness;
    agentdesk::testing::BusLog log{harness.bus};
    engine::ContactCenter contactCenter{harness.bus, harness.clock, harness.timers, center()};
    std::unique_ptr<engine::EngineStore> store = std::make_unique<engine::EngineStore>(engine::EngineStore::fileIn(dir.path()));
    engine::TeamChat chat{contactCenter, *store, harness.bus, harness.clock, harness.timers};
    std::vector<std::string> notified;
    teamchat::TeamChatModel model{harness.bus, [this](const teamchat::RoomView&, const events::TeamMessage& m) {
                                      notified.push_back(m.fromName + ": " + m.text);
                                  }};

    Office() { harness.bus.publish(events::LoginRequest{"anna", "demo", PhoneDevice::Softphone, {}, false}); }
};

}  // namespace

TEST_CASE("an agent's rooms: the team's first, then one per colleague, the team room opened") {
    Office o;
    const auto& rooms = o.model.rooms();
    REQUIRE(rooms.size() == 3);
    CHECK(rooms[0].room.roomId == "team:Sales");
    CHECK(rooms[0].room.members.size() == 2);
    CHECK(rooms[1].room.title == "Ben Okafor");
    CHECK(rooms[1].room.direct);
    CHECK(rooms[2].room.roomId == engine::TeamChat::directRoom("u-anna", "u-maya"));
    CHECK(o.model.active() == "team:Sales");
}

TEST_CASE("a colleague the engine plays answers a direct message - unread until the room is opened") {
    Office o;
    REQUIRE(o.contactCenter.logInSimulated(*o.contactCenter.config().findUserById("u-maya")));
    CHECK(o.model.presenceOf("u-maya") == AgentState::NotReady);
    const std::string maya = engine::TeamChat::directRoom("u-anna", "u-maya");
    o.model.setDraft(maya, "Can you take the Lukas callback?");
    o.model.send(maya);
    CHECK(o.model.find(maya)->draft.empty());
    REQUIRE(o.model.find(maya)->messages.size() == 1);
    CHECK(o.model.find(maya)->unread == 0);  // her own message

    o.harness.advance(4s);
    const auto& messages = o.model.find(maya)->messages;
    REQUIRE(messages.size() == 2);
    CHECK(messages[1].fromName == "Maya Patel");
    CHECK(o.model.find(maya)->unread == 1);
    CHECK(o.notified.size() == 1);
    o.model.open(maya);
    CHECK(o.model.find(maya)->unread == 0);
}

TEST_CASE("a question to the team is answered by one teammate - a logged-out colleague does not answer") {
    Office o;
    o.model.setDraft("team:Sales", "Does anyone know the club discount?");
    o.model.send("team:Sales");
    o.harness.advance(10s);
    CHECK(o.model.find("team:Sales")->messages.size() == 1);  // Maya is not at her desk
    REQUIRE(o.contactCenter.logInSimulated(*o.contactCenter.config().findUserById("u-maya")));
    o.model.setDraft("team:Sales", "Anyone?");
    o.model.send("team:Sales");
    o.harness.advance(4s);
    CHECK(o.model.find("team:Sales")->messages.size() == 3);
}

TEST_CASE("someone outside a room cannot write in it, and the text comes back into the input") {
    Office o;
    o.harness.bus.publish(events::SendTeamMessage{"u-anna", "team:Support", "hello"});
    CHECK(o.log.last<events::Error>().first.code == "not_a_member");
    o.harness.bus.publish(events::SendTeamMessage{"u-anna", "direct:u-ben:u-maya", "hello"});
    CHECK(o.log.last<events::Error>().first.code == "not_a_member");
}

TEST_CASE("messages are kept: a restarted desktop sees the room's history") {
    Office o;
    const std::string ben = engine::TeamChat::directRoom("u-anna", "u-ben");
    o.model.setDraft(ben, "Lunch at 12?");
    o.model.send(ben);
    teamchat::TeamChatModel later{o.harness.bus};
    o.harness.bus.publish(events::LoginRequest{"anna", "demo", PhoneDevice::Softphone, {}, true});
    later.open(ben);
    REQUIRE(later.find(ben));
    REQUIRE(later.find(ben)->messages.size() == 1);
    CHECK(later.find(ben)->messages[0].text == "Lunch at 12?");
    CHECK(o.store->teamMessages(ben).size() == 1);
}
