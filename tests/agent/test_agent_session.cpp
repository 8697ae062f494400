// The agent session as the login screen and state bar see it, against the real engine, over the bus.
#include "model/agent_session.hpp"
#include "model/center_config.hpp"
#include "model/contact_center.hpp"

#include <agentdesk/runtime/harness.hpp>

#include <doctest/doctest.h>

using namespace agentdesk;
using namespace std::chrono_literals;

namespace {

struct Desk {
    Harness h;
    engine::ContactCenter center{h.bus, h.clock, h.timers, engine::loadCenterConfig(AGENTDESK_TEST_ASSETS "/scenario")};
    agent::AgentSession session{h.bus, h.clock};
};

}  // namespace

TEST_CASE("logging in shows the agent Not Ready with reason Logged in, and the reasons to choose from") {
    Desk d;
    d.session.login("anna", "demo", PhoneDevice::Softphone, "");
    REQUIRE(d.session.loggedIn());
    CHECK(d.session.identity().userName == "anna");
    CHECK(d.session.state().state == AgentState::NotReady);
    CHECK(d.session.state().reason == "Logged in");
    CHECK_FALSE(d.session.notReadyReasons().empty());
}

TEST_CASE("a refused login is explained on the login screen and the agent stays logged out") {
    Desk d;
    d.session.login("anna", "not-the-password", PhoneDevice::Softphone, "");
    CHECK_FALSE(d.session.loggedIn());
    CHECK_FALSE(d.session.loginPending());
    CHECK(d.session.loginErrorCode() == "invalid_credentials");
    CHECK_FALSE(d.session.loginError().empty());
}

TEST_CASE("the state bar follows Ready and Not Ready and counts time in state on the clock") {
    Desk d;
    d.session.login("anna", "demo", PhoneDevice::Softphone, "");
    d.h.advance(30s);
    d.session.goReady();
    CHECK(d.session.state().state == AgentState::Ready);
    d.h.advance(95s);
    CHECK(d.session.timeInState() == 95s);
    d.session.goNotReady("Lunch");
    CHECK(d.session.state().state == AgentState::NotReady);
    CHECK(d.session.state().reason == "Lunch");
    d.h.advance(10s);
    CHECK(d.session.totalIn(AgentState::Ready) == 95s);
    CHECK(d.session.totalIn(AgentState::NotReady) == 40s);
    REQUIRE(d.session.history().size() == 3);
    CHECK(d.session.history()[1].state == AgentState::Ready);
}

TEST_CASE("a refused state change is shown, and the state stays") {
    Desk d;
    d.session.login("anna", "demo", PhoneDevice::Softphone, "");
    d.session.goNotReady("Nap");
    CHECK(d.session.state().reason == "Logged in");
    CHECK_FALSE(d.session.lastError().empty());
}

TEST_CASE("a Not Ready chosen while busy shows as the next state, then applies when the work ends") {
    Desk d;
    d.session.login("anna", "demo", PhoneDevice::Softphone, "");
    d.session.goReady();
    auto* machine = d.center.agentState(d.session.identity().agentId);
    REQUIRE(machine);
    machine->interactionStarted();
    CHECK(d.session.state().state == AgentState::Busy);
    d.session.goNotReady("Break");
    CHECK(d.session.state().state == AgentState::Busy);
    CHECK(d.session.state().hasPending);
    CHECK(d.session.state().pendingState == AgentState::NotReady);
    CHECK(d.session.state().pendingReason == "Break");
    machine->interactionEnded(engine::WrapUp::none());
    CHECK(d.session.state().state == AgentState::NotReady);
    CHECK(d.session.state().reason == "Break");
    CHECK_FALSE(d.session.state().hasPending);
}

TEST_CASE("logging out returns to the login screen - a session taken over elsewhere says why") {
    Desk d;
    d.session.login("anna", "demo", PhoneDevice::Softphone, "");
    d.session.logout();
    CHECK_FALSE(d.session.loggedIn());
    CHECK(d.session.endedReason().empty());

    d.session.login("anna", "demo", PhoneDevice::Softphone, "");
    REQUIRE(d.session.loggedIn());
    // The same user logs in on another desktop and takes the session over.
    d.h.bus.publish(events::LoginRequest{"anna", "demo", PhoneDevice::NoPhone, "", true}, 999'999);
    CHECK_FALSE(d.session.loggedIn());
    CHECK_FALSE(d.session.endedReason().empty());
}
