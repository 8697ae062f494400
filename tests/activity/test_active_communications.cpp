// The Active Communications list against the real contact center, over a synchronous bus: what
// the agent sees in the list as work is offered, answered, wrapped up and completed.

#include "model/active_communications.hpp"
#include "model/contact_center.hpp"

#include <agentdesk/events/agent.hpp>
#include <agentdesk/events/desktop.hpp>
#include <agentdesk/runtime/harness.hpp>

#include "engine/demo_hash.hpp"

#include <doctest/doctest.h>

using namespace agentdesk;
using namespace agentdesk::activity;
using namespace std::chrono_literals;
namespace engine = agentdesk::engine;

namespace {

engine::CenterConfig center() {
    engine::CenterConfig config;
    config.settings.notReadyReasons = {"Break"};
    config.users = {agentdesk::testing::demoUser("anna", {"sales"}), agentdesk::testing::demoUser("ben", {"sales"})};
    engine::ServiceConfig sales;
    sales.id = "sales";
    sales.name = "Sales line";
    sales.skills = {"sales"};
    sales.ringTimeout = 15s;
    sales.afterCallWork = engine::WrapUp::limitedTo(60s);
    sales.dispositions = {"Order placed", "Not interested"};
    sales.dispositionRequired = true;
    config.services = {sales};
    config.customers = {engine::Customer{"c-1", "Maria Lopez", "+34 612 345 678", "", ""}};
    return config;
}

struct Desktop {
    Harness harness;
    engine::ContactCenter contactCenter{harness.bus, harness.clock, harness.timers, center()};
    std::vector<std::string> rings;
    std::vector<std::string> refusals;  // what the agent is notified of
    ActiveCommunications list{harness.bus, harness.clock, [this](const Item& item) { rings.push_back(item.offer.customerName); },
                              [this](const std::string& refusal) { refusals.push_back(refusal); }};

    void loginAndReady(const char* name) {
        harness.bus.publish(events::LoginRequest{name, "demo", PhoneDevice::Softphone, {}, false});
        harness.bus.publish(events::SetState{std::string("u-") + name, AgentState::Ready, {}});
    }
    std::string call() { return *contactCenter.arrive(engine::Arrival{"sales", "c-1", {}, {}, std::nullopt}); }
};

}  // namespace

TEST_CASE("an offer appears ringing and selected, is accepted, wrapped up with a disposition and leaves the list") {
    Desktop d;
    d.loginAndReady("anna");
    REQUIRE(d.list.loggedIn());
    const std::string id = d.call();
    REQUIRE(d.list.items().size() == 1);
    const Item& ringing = d.list.items().front();
    CHECK(ringing.stage == ItemStage::Ringing);
    CHECK(ringing.offer.customerName == "Maria Lopez");
    CHECK(d.list.selected() == id);
    CHECK(d.rings == std::vector<std::string>{"Maria Lopez"});

    d.harness.advance(5s);
    CHECK(d.list.elapsed(d.list.items().front()) == 5s);
    d.list.accept(id);
    CHECK(d.list.find(id)->stage == ItemStage::Connected);

    // Notes typed during the call are saved with the release.
    d.list.edit(id, "", "wants two tents");
    CHECK(d.list.find(id)->unsaved);
    d.harness.advance(2min);
    d.list.release(id);
    const Item* wrapping = d.list.find(id);
    REQUIRE(wrapping);
    CHECK(wrapping->stage == ItemStage::WrapUp);
    CHECK_FALSE(wrapping->unsaved);
    CHECK(d.contactCenter.interaction(id)->notes == "wants two tents");
    REQUIRE(wrapping->wrapUpEndsAt);
    CHECK(*wrapping->wrapUpEndsAt == d.harness.clock.now() + 60s);

    // The service needs a disposition: completing without one is refused with the engine's reason.
    d.list.complete(id);
    CHECK(d.list.lastError().find("needs a disposition") != std::string::npos);
    CHECK(d.refusals == std::vector<std::string>{d.list.lastError()});  // a notification too
    CHECK(d.list.find(id) != nullptr);
    d.list.edit(id, "Order placed", "wants two tents");
    d.list.complete(id);
    CHECK(d.list.items().empty());
    CHECK(d.list.selected().empty());
    CHECK(d.contactCenter.agentState("u-anna")->state() == AgentState::Ready);
}

TEST_CASE("a rejected or unanswered offer leaves the list with the reason") {
    Desktop d;
    d.loginAndReady("anna");
    const std::string first = d.call();
    d.list.reject(first);
    CHECK(d.list.items().empty());
    CHECK(d.list.lastWithdrawn().find("rejected") != std::string::npos);

    d.harness.bus.publish(events::SetState{"u-anna", AgentState::Ready, {}});
    REQUIRE(d.list.items().size() == 1);  // the same call comes back to Anna, the only Ready agent
    d.harness.advance(15s);
    CHECK(d.list.items().empty());
    CHECK(d.list.lastWithdrawn().find("not answered") != std::string::npos);
}

TEST_CASE("only this desktop's agent's work is listed, and logging out clears the list") {
    Desktop d;
    d.loginAndReady("ben");  // ben is this desktop's agent
    // Anna logs in elsewhere (no login request seen here would make her ours: the engine logs her in directly).
    d.harness.advance(1s);
    d.contactCenter.logInSimulated(*d.contactCenter.config().findUserById("u-anna"));
    REQUIRE_FALSE(d.contactCenter.setState("u-anna", AgentState::Ready, {}));
    const std::string first = d.call();   // Ben has been Ready longest
    const std::string second = d.call();  // rings at Anna
    CHECK(d.list.items().size() == 1);
    CHECK(d.list.find(first) != nullptr);
    CHECK(d.list.find(second) == nullptr);
    d.list.reject(first);
    d.harness.bus.publish(events::LogoutRequest{"u-ben"});
    CHECK_FALSE(d.list.loggedIn());
    CHECK(d.list.items().empty());
}

TEST_CASE("notes saved from elsewhere show in the list unless the agent is editing their own") {
    Desktop d;
    d.loginAndReady("anna");
    const std::string id = d.call();
    d.list.accept(id);
    d.harness.bus.publish(events::SaveWrapUp{id, "u-anna", "Not interested", "from a script"});
    CHECK(d.list.find(id)->notes == "from a script");
    CHECK(d.list.find(id)->disposition == "Not interested");
    d.list.edit(id, "Order placed", "typed here");
    d.harness.bus.publish(events::SaveWrapUp{id, "u-anna", "Not interested", "older answer"});
    CHECK(d.list.find(id)->notes == "typed here");
    CHECK(d.list.find(id)->unsaved);
}

TEST_CASE("a personal call rings marked personal, and sent to voicemail it leaves the list with the agent still Ready") {
    Desktop d;
    d.loginAndReady("anna");
    const auto id = d.contactCenter.ringPersonal("u-anna", {"+1 555 0100", nullptr, "Ben Okafor", 10s});
    REQUIRE(id);
    REQUIRE(d.list.items().size() == 1);
    CHECK(d.list.items()[0].offer.personal);
    CHECK(d.rings == std::vector<std::string>{"Ben Okafor"});
    d.list.reject(*id);
    CHECK(d.list.items().empty());
    CHECK(d.list.lastWithdrawn() == "You sent the personal call to your voicemail.");
    CHECK(d.contactCenter.agentState("u-anna")->state() == AgentState::Ready);

    REQUIRE(d.contactCenter.ringPersonal("u-anna", {"+1 555 0100", nullptr, "", 10s}));
    d.harness.advance(11s);
    CHECK(d.list.items().empty());
    CHECK(d.list.lastWithdrawn().find("personal call was not answered") != std::string::npos);
    CHECK(d.contactCenter.agentState("u-anna")->state() == AgentState::Ready);
}

TEST_CASE("a campaign call wraps up in the Campaign panel - the list brings that panel forward again on request") {
    Desktop d;
    d.loginAndReady("anna");
    const std::string id = d.call();
    std::vector<events::InteractionSelected> selections;
    Subscription watch = d.harness.bus.subscribe<events::InteractionSelected>(
        [&](const events::InteractionSelected& e) { selections.push_back(e); });
    d.list.select(id);  // already selected: nothing new to show
    CHECK(selections.empty());
    d.list.reveal(id);
    REQUIRE(selections.size() == 1);
    CHECK(selections[0].interactionId == id);
    CHECK(selections[0].channel == Channel::Voice);
    d.list.reveal("nothing-like-it");
    CHECK(selections.size() == 1);

    events::Offered offer = d.list.find(id)->offer;
    CHECK_FALSE(ActiveCommunications::wrapsUpElsewhere(offer));
    offer.channel = Channel::Campaign;
    CHECK(ActiveCommunications::wrapsUpElsewhere(offer));
}
