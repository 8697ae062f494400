// The company directory against the embedded contact center: search over colleagues, teams,
// services and contacts with live states, favourites first and kept, and a result starting a
// call in the dialer or a chat in Team Chat.

#include "model/call_control.hpp"
#include "model/contact_center.hpp"
#include "model/directory_model.hpp"
#include "model/directory_service.hpp"
#include "model/team_chat_model.hpp"
#include "store/engine_store.hpp"
#include "store/team_chat.hpp"

#include <agentdesk/events/agent.hpp>
#include <agentdesk/events/core.hpp>
#include <agentdesk/events/desktop.hpp>
#include <agentdesk/runtime/harness.hpp>

#include "engine/bus_log.hpp"
#include "engine/demo_hash.hpp"
#include "engine/scratch_dir.hpp"

#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

using namespace agentdesk;
using namespace std::chrono_literals;
namespace engine = agentdesk::engine;
using agentdesk::testing::demoUser;

namespace {

engine::CenterConfig company() {
    engine::CenterConfig config;
    config.settings.notReadyReasons = {"Break"};
    auto anna = demoUser("anna", {"sales"}, "Anna Kowalski");
    anna.team = "Sales";
    anna.extension = "3101";
    auto maya = demoUser("maya", {"sales"}, "Maya Patel");
    maya.team = "Sales";
    maya.extension = "3102";
    maya.simulated = true;
    auto ben = demoUser("ben", {"support"}, "Ben Okafor");
    ben.team = "Support";
    ben.extension = "3201";
    config.users = {ben, maya, anna};
    engine::ServiceConfig sales;
    sales.id = "sales-voice";
    sales.name = "Sales line";
    sales.channel = Channel::Voice;
    sales.skills = {"sales"};
    config.services = {sales};
    config.contacts = {{"warehouse", "Warehouse dispatch desk", "+49 30 5550 2100", "dispatch@example.com", "Logistics"},
                       {"returns", "Returns centre", "+49 30 5550 2150", "", "Logistics"}};
    return config;
}

struct Office {
    agentdesk::testing::ScratchDir dir{"agentdesk-directory"};
    Harness harness;
    agentdesk::testing::BusLog log{harness.bus};
    engine::ContactCenter center{harness.bus, harness.clock, harness.timers, company()};
    engine::DirectoryService directory{center, harness.bus};
    std::vector<std::vector<std::string>> saved;
    directory::DirectoryModel model;

    explicit Office(std::vector<std::string> favorites = {})
        : model(harness.bus, std::move(favorites), [this](const std::vector<std::string>& ids) { saved.push_back(ids); }) {}

    void logIn() { harness.bus.publish(events::LoginRequest{"anna", "demo", PhoneDevice::Softphone, {}, false}); }

    std::vector<std::string> names() const {
        std::vector<std::string> out;
        for (const auto& row : model.rows()) out.push_back(row.entry.name);
        return out;
    }
};

}  // namespace

TEST_CASE("the directory lists colleagues, then teams, services and contacts, each by name") {
    Office o;
    o.logIn();
    CHECK(o.names() == std::vector<std::string>{"Anna Kowalski", "Ben Okafor", "Maya Patel", "Sales", "Support",
                                                "Sales line", "Returns centre", "Warehouse dispatch desk"});
    CHECK(o.model.total() == 8);
    const auto& ben = o.model.rows()[1].entry;
    CHECK(ben.kind == events::DirectoryKind::Colleague);
    CHECK(ben.number == "3201");
    CHECK(ben.detail == "Support");
    CHECK(ben.state == AgentState::LoggedOut);
}

TEST_CASE("every word of the search must match the name, team, company, number or email") {
    Office o;
    o.logIn();
    o.model.setQuery("sales");
    CHECK(o.names() == std::vector<std::string>{"Anna Kowalski", "Maya Patel", "Sales", "Sales line"});
    o.model.setQuery("SALES maya");
    CHECK(o.names() == std::vector<std::string>{"Maya Patel"});
    o.model.setQuery("5550 2100");
    CHECK(o.names() == std::vector<std::string>{"Warehouse dispatch desk"});
    o.model.setQuery("dispatch@");
    CHECK(o.names() == std::vector<std::string>{"Warehouse dispatch desk"});
    o.model.setQuery("nobody here");
    CHECK(o.model.rows().empty());
    CHECK(o.model.total() == 0);
}

TEST_CASE("a limited search says how many matched in all") {
    Office o;
    o.logIn();
    const auto answer = o.directory.search("", 3);
    CHECK(answer.entries.size() == 3);
    CHECK(answer.total == 8);
}

TEST_CASE("colleagues show their state now and as it changes - teams and services count who is Ready") {
    Office o;
    REQUIRE(o.center.logInSimulated(*o.center.config().findUserById("u-maya")));
    o.logIn();
    o.model.setQuery("maya");
    REQUIRE(o.model.rows().size() == 1);
    CHECK(o.model.rows()[0].entry.state == AgentState::NotReady);
    o.harness.bus.publish(events::SetState{"u-maya", AgentState::Ready, ""});
    CHECK(o.model.rows()[0].entry.state == AgentState::Ready);
    CHECK(o.model.rows()[0].entry.stateSinceMs == toEpochMs(o.harness.clock.now()));

    o.model.setQuery("sales");
    const auto& rows = o.model.rows();
    REQUIRE(rows.size() == 4);
    CHECK(rows[2].entry.kind == events::DirectoryKind::Team);
    CHECK(rows[2].entry.members == 2);
    CHECK(rows[2].entry.membersReady == 1);
    CHECK(rows[3].entry.kind == events::DirectoryKind::Service);
    CHECK(rows[3].entry.members == 2);  // Anna and Maya are logged in with the skill
    CHECK(rows[3].entry.membersReady == 1);
}

TEST_CASE("favourites come first and are kept - a new desktop starts with them") {
    Office o;
    o.logIn();
    o.model.toggleFavorite("contact:warehouse");
    o.model.toggleFavorite("u-ben");
    REQUIRE(o.saved.size() == 2);
    CHECK(o.saved.back() == std::vector<std::string>{"contact:warehouse", "u-ben"});
    CHECK(o.names()[0] == "Warehouse dispatch desk");
    CHECK(o.names()[1] == "Ben Okafor");
    CHECK(o.model.rows()[0].favorite);
    CHECK(o.names().size() == 8);  // each once
    o.model.setQuery("logistics");
    CHECK(o.names() == std::vector<std::string>{"Warehouse dispatch desk", "Returns centre"});

    directory::DirectoryModel later(o.harness.bus, o.saved.back());
    o.harness.bus.publish(events::LoginRequest{"anna", "demo", PhoneDevice::Softphone, {}, true});
    REQUIRE(later.rows().size() == 8);
    CHECK(later.rows()[0].entry.name == "Warehouse dispatch desk");
    CHECK(later.rows()[1].entry.name == "Ben Okafor");

    later.toggleFavorite("contact:warehouse");
    CHECK_FALSE(later.isFavorite("contact:warehouse"));
    CHECK(later.rows()[0].entry.name == "Ben Okafor");
}

TEST_CASE("the directory answers only a logged-in agent") {
    Office o;
    const auto correlation = o.harness.bus.nextCorrelation();
    o.harness.bus.publish(events::SearchDirectory{"u-anna", "", {}, 10}, correlation);
    const auto [error, envelope] = o.log.last<events::Error>();
    CHECK(envelope.correlation == correlation);
    CHECK(error.code == "not_logged_in");
    CHECK(o.log.count<events::DirectoryResults>() == 0);
}

TEST_CASE("call from the directory puts the number in the dialer - chat opens the colleague's room") {
    Office o;
    voice::CallControl calls(o.harness.bus, o.harness.clock);
    engine::EngineStore store(engine::EngineStore::fileIn(o.dir.path()));
    engine::TeamChat chatService(o.center, store, o.harness.bus, o.harness.clock, o.harness.timers);
    teamchat::TeamChatModel chat(o.harness.bus);
    o.logIn();
    o.model.setQuery("warehouse");
    REQUIRE(o.model.rows().size() == 1);
    o.model.call(o.model.rows()[0].entry);
    auto prepared = calls.takePrepared();
    REQUIRE(prepared);
    CHECK(prepared->number == "+49 30 5550 2100");
    CHECK(prepared->name == "Warehouse dispatch desk");
    CHECK_FALSE(calls.takePrepared());  // taken once

    o.model.setQuery("ben");
    REQUIRE(o.model.rows().size() == 1);
    REQUIRE(o.model.canChat(o.model.rows()[0].entry));
    o.model.chat(o.model.rows()[0].entry);
    CHECK(chat.active() == engine::TeamChat::directRoom("u-anna", "u-ben"));

    o.model.setQuery("anna");
    CHECK_FALSE(o.model.canChat(o.model.rows()[0].entry));  // not with yourself
    o.model.setQuery("support");
    REQUIRE(o.model.rows().size() == 2);
    CHECK_FALSE(directory::DirectoryModel::canCall(o.model.rows()[1].entry));  // a team has no number
}

TEST_CASE("directory.json: every contact needs an id, a name and a number, and ids are unique") {
    using nlohmann::json;
    CHECK(engine::parseDirectory(json::parse(R"({"contacts": [{"id": "a", "name": "A", "number": "1"}]})")).size() == 1);
    CHECK_THROWS_WITH_AS(engine::parseDirectory(json::parse(R"({"contacts": [{"id": "a", "name": "A"}]})")),
                         doctest::Contains("contact 1"), engine::ConfigError);
    CHECK_THROWS_WITH_AS(engine::parseDirectory(json::parse(
                             R"({"contacts": [{"id": "a", "name": "A", "number": "1"}, {"id": "a", "name": "B", "number": "2"}]})")),
                         doctest::Contains("already used"), engine::ConfigError);
    CHECK_THROWS_AS(engine::parseDirectory(json::parse(R"({"people": []})")), engine::ConfigError);
}
