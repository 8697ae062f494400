// ContactCenter over the bus (spec UI-03, UI-05, STATE-*): commands go in as a desktop sends
// them, and the tests read what a desktop would see come back.

#include "model/contact_center.hpp"
#include "model/password.hpp"

#include <agentdesk/events/agent.hpp>
#include <agentdesk/events/core.hpp>
#include <agentdesk/runtime/harness.hpp>

#include "engine/bus_log.hpp"
#include "engine/demo_hash.hpp"

#include <doctest/doctest.h>

#include <vector>

using namespace agentdesk;
using namespace agentdesk::engine;
using agentdesk::testing::BusLog;
using agentdesk::testing::demoHash;
using namespace std::chrono_literals;

namespace {


UserAccount user(std::string id, std::string userName, std::string displayName, std::string role = "agent",
                 bool loggedInElsewhere = false) {
    return UserAccount{std::move(id), std::move(userName), std::move(displayName), std::move(role), "Support",
                       {"support"}, demoHash(), loggedInElsewhere, false, ""};
}

CenterConfig testCenter() {
    CenterConfig config;
    config.settings.name = "Test Center";
    config.settings.notReadyReasons = {"Break", "Lunch", "Meeting"};
    config.settings.maxFailedLogins = 3;
    config.settings.deskPhoneExtensions = {"2001", "2002"};
    config.settings.afterCallWork = WrapUp::limitedTo(30s);
    config.users = {user("u-anna", "anna", "Anna Kowalski"), user("u-ben", "ben", "Ben Okafor"),
                    user("u-sam", "sam", "Sam Rivera", "supervisor"),
                    user("u-farid", "farid", "Farid Haddad", "agent", /*loggedInElsewhere=*/true)};
    return config;
}

struct CenterFixture {
    Harness harness;
    BusLog log{harness.bus};
    ContactCenter center;

    explicit CenterFixture(CenterConfig config = testCenter())
        : center(harness.bus, harness.clock, harness.timers, std::move(config)) {
        log.clear();  // forget the demo sessions announced at start
    }

    std::uint64_t login(const std::string& userName, const std::string& password = "demo",
                        PhoneDevice device = PhoneDevice::Softphone, const std::string& number = {},
                        bool takeOver = false) {
        return harness.bus.publish(events::LoginRequest{userName, password, device, number, takeOver});
    }
    std::uint64_t setState(const std::string& agentId, AgentState state, const std::string& reason = {}) {
        return harness.bus.publish(events::SetState{agentId, state, reason});
    }
    std::uint64_t logout(const std::string& agentId) { return harness.bus.publish(events::LogoutRequest{agentId}); }

    /// Logs in and starts with an empty log.
    void loggedIn(const std::string& userName, PhoneDevice device = PhoneDevice::Softphone,
                  const std::string& number = {}) {
        login(userName, "demo", device, number);
        REQUIRE(log.count<events::LoggedIn>() == 1);
        log.clear();
    }
    events::StateChanged lastState() const { return log.last<events::StateChanged>().first; }
    std::int64_t nowMs() const { return toEpochMs(harness.clock.now()); }
};

/// The error answering `correlation`; fails the test when there is none.
events::Error errorFor(const BusLog& log, std::uint64_t correlation) {
    for (const auto& [error, message] : log.all<events::Error>()) {
        if (message.correlation == correlation) return error;
    }
    FAIL("no error carries correlation " << correlation);
    return {};
}

}  // namespace

// ---- login (UI-03) ---------------------------------------------------------------------------------

TEST_CASE("login succeeds and the agent starts Not Ready \"Logged in\"") {
    CenterFixture f;
    const std::uint64_t correlation = f.login("anna");

    CHECK(f.log.answerTopics() == std::vector<std::string>{"agent.login.succeeded", "agent.state.changed"});
    auto [loggedIn, envelope] = f.log.last<events::LoggedIn>();
    CHECK(envelope.correlation == correlation);
    CHECK(loggedIn.agentId == "u-anna");
    CHECK(loggedIn.userName == "anna");
    CHECK(loggedIn.displayName == "Anna Kowalski");
    CHECK(loggedIn.role == "agent");
    CHECK(loggedIn.device == PhoneDevice::Softphone);
    CHECK(loggedIn.notReadyReasons == std::vector<std::string>{"Break", "Lunch", "Meeting"});

    auto [state, stateEnvelope] = f.log.last<events::StateChanged>();
    CHECK(stateEnvelope.correlation == correlation);
    CHECK(state.agentId == "u-anna");
    CHECK(state.state == AgentState::NotReady);
    CHECK(state.reason == "Logged in");
    CHECK(state.sinceMs == f.nowMs());
    CHECK_FALSE(state.hasPending);
    CHECK(state.acwEndsAtMs == 0);
    CHECK(f.center.isLoggedIn("u-anna"));
}

TEST_CASE("user names are matched without regard to case or surrounding spaces") {
    CenterFixture f;
    f.login("  Anna ");
    CHECK(f.center.isLoggedIn("u-anna"));
}

TEST_CASE("a center configured so starts agents Ready after login") {
    CenterConfig config = testCenter();
    config.settings.stateAfterLogin = AgentState::Ready;
    CenterFixture f(std::move(config));
    f.login("anna");
    CHECK(f.lastState().state == AgentState::Ready);
    CHECK(f.lastState().reason.empty());
}

TEST_CASE("a wrong password is refused as invalid_credentials carrying the command's correlation id") {
    CenterFixture f;
    const std::uint64_t correlation = f.login("anna", "not-the-password");

    events::Error error = errorFor(f.log, correlation);
    CHECK(error.command == "agent.login.request");
    CHECK(error.code == "invalid_credentials");
    CHECK(error.message.starts_with("The user name or password is not correct."));
    CHECK(f.log.count<events::LoggedIn>() == 0);
    CHECK_FALSE(f.center.isLoggedIn("u-anna"));
}

TEST_CASE("the account locks after the configured number of wrong passwords, and then even the right one is refused") {
    CenterFixture f;  // maxFailedLogins = 3
    CHECK(errorFor(f.log, f.login("anna", "x1")).code == "invalid_credentials");
    events::Error secondTry = errorFor(f.log, f.login("anna", "x2"));
    CHECK(secondTry.code == "invalid_credentials");
    CHECK(secondTry.message.find("1 more wrong attempt will lock your account") != std::string::npos);

    events::Error third = errorFor(f.log, f.login("anna", "x3"));
    CHECK(third.code == "account_locked");
    CHECK(f.center.isLocked("u-anna"));

    events::Error rightPassword = errorFor(f.log, f.login("anna", "demo"));
    CHECK(rightPassword.code == "account_locked");
    CHECK(rightPassword.message.find("supervisor") != std::string::npos);
    CHECK_FALSE(f.center.isLoggedIn("u-anna"));
    CHECK(f.log.count<events::LoggedIn>() == 0);
}

TEST_CASE("a successful login resets the count of wrong passwords") {
    CenterFixture f;
    f.login("ben", "x");
    f.login("ben", "x");
    f.login("ben");
    f.logout("u-ben");
    f.login("ben", "x");
    CHECK_FALSE(f.center.isLocked("u-ben"));
    CHECK(f.log.last<events::Error>().first.code == "invalid_credentials");
}

TEST_CASE("an unknown user name is refused as unknown_user") {
    CenterFixture f;
    events::Error error = errorFor(f.log, f.login("zoe"));
    CHECK(error.code == "unknown_user");
    CHECK(error.message.find("\"zoe\"") != std::string::npos);
    CHECK(errorFor(f.log, f.login("   ")).message == "Enter your user name.");
}

TEST_CASE("a user logged in elsewhere is refused, and taking over ends the other session") {
    CenterFixture f;  // farid starts logged in on "another desktop"
    REQUIRE(f.center.isLoggedIn("u-farid"));

    events::Error error = errorFor(f.log, f.login("farid"));
    CHECK(error.code == "already_logged_in");
    CHECK(f.log.count<events::LoggedOut>() == 0);

    f.log.clear();
    const std::uint64_t correlation = f.login("farid", "demo", PhoneDevice::NoPhone, {}, /*takeOver=*/true);
    // The old session ends first (state, then the session), then the new one starts.
    CHECK(f.log.answerTopics() == std::vector<std::string>{"agent.state.changed", "agent.logged_out",
                                                     "agent.login.succeeded", "agent.state.changed"});
    auto [loggedOut, outEnvelope] = f.log.last<events::LoggedOut>();
    CHECK(loggedOut.agentId == "u-farid");
    CHECK(loggedOut.reason.find("taken over") != std::string::npos);
    CHECK(outEnvelope.correlation != correlation);  // it is news for the other desktop, not this answer

    auto [loggedIn, inEnvelope] = f.log.last<events::LoggedIn>();
    CHECK(inEnvelope.correlation == correlation);
    CHECK(loggedIn.device == PhoneDevice::NoPhone);
    CHECK(f.center.phoneDeviceOf("u-farid") == PhoneDevice::NoPhone);
    CHECK(f.lastState().reason == "Logged in");
}

TEST_CASE("a take-over with a wrong password changes nothing") {
    CenterFixture f;
    CHECK(errorFor(f.log, f.login("farid", "wrong", PhoneDevice::Softphone, {}, true)).code == "invalid_credentials");
    CHECK(f.center.isLoggedIn("u-farid"));
    CHECK(f.log.count<events::LoggedOut>() == 0);
}

// ---- phone devices (UI-02, UI-03) -----------------------------------------------------------------

TEST_CASE("a desk phone extension in use by another agent is refused as device_unavailable") {
    CenterFixture f;
    f.loggedIn("anna", PhoneDevice::DeskPhone, "2001");
    events::Error error = errorFor(f.log, f.login("ben", "demo", PhoneDevice::DeskPhone, "2001"));
    CHECK(error.code == "device_unavailable");
    CHECK(error.message.find("Anna Kowalski") != std::string::npos);
    CHECK_FALSE(f.center.isLoggedIn("u-ben"));

    f.login("ben", "demo", PhoneDevice::DeskPhone, "2002");
    CHECK(f.center.isLoggedIn("u-ben"));
    CHECK(f.log.last<events::LoggedIn>().first.deviceNumber == "2002");
}

TEST_CASE("a desk phone extension the center does not have is refused") {
    CenterFixture f;
    CHECK(errorFor(f.log, f.login("anna", "demo", PhoneDevice::DeskPhone, "2999")).code == "device_unavailable");
    CHECK(errorFor(f.log, f.login("anna", "demo", PhoneDevice::DeskPhone, "")).message ==
          "Enter the extension of your desk phone.");
}

TEST_CASE("an agent taking over their own session keeps their desk phone") {
    CenterFixture f;
    f.loggedIn("anna", PhoneDevice::DeskPhone, "2001");
    f.login("anna", "demo", PhoneDevice::DeskPhone, "2001", /*takeOver=*/true);
    CHECK(f.log.count<events::Error>() == 0);
    CHECK(f.log.last<events::LoggedIn>().first.deviceNumber == "2001");
}

TEST_CASE("a dial-out number must be given and look like a phone number - it is normalised") {
    CenterFixture f;
    CHECK(errorFor(f.log, f.login("anna", "demo", PhoneDevice::DialOut, " ")).code == "device_unavailable");
    CHECK(errorFor(f.log, f.login("anna", "demo", PhoneDevice::DialOut, "call me")).code == "device_unavailable");
    f.login("anna", "demo", PhoneDevice::DialOut, "+1 (555) 010-0200");
    CHECK(f.log.last<events::LoggedIn>().first.deviceNumber == "+15550100200");
}

// ---- states (STATE-01..04) -------------------------------------------------------------------------

TEST_CASE("the agent goes Ready, then Not Ready with a reason, each answered with one state change") {
    CenterFixture f;
    f.loggedIn("anna");
    f.harness.advance(1min);

    const std::uint64_t ready = f.setState("u-anna", AgentState::Ready);
    CHECK(f.log.count<events::StateChanged>() == 1);
    auto [readyState, readyEnvelope] = f.log.last<events::StateChanged>();
    CHECK(readyEnvelope.correlation == ready);
    CHECK(readyState.state == AgentState::Ready);
    CHECK(readyState.sinceMs == f.nowMs());

    f.harness.advance(1min);
    const std::uint64_t notReady = f.setState("u-anna", AgentState::NotReady, "Lunch");
    CHECK(f.log.count<events::StateChanged>() == 2);
    auto [notReadyState, notReadyEnvelope] = f.log.last<events::StateChanged>();
    CHECK(notReadyEnvelope.correlation == notReady);
    CHECK(notReadyState.state == AgentState::NotReady);
    CHECK(notReadyState.reason == "Lunch");
    CHECK(notReadyState.sinceMs == f.nowMs());
}

TEST_CASE("a request that changes nothing is answered with the current state") {
    CenterFixture f;
    f.loggedIn("anna");
    f.setState("u-anna", AgentState::Ready);
    const std::int64_t since = f.lastState().sinceMs;
    f.harness.advance(10s);
    const std::uint64_t again = f.setState("u-anna", AgentState::Ready);
    auto [state, envelope] = f.log.last<events::StateChanged>();
    CHECK(envelope.correlation == again);
    CHECK(state.sinceMs == since);  // the time in state keeps running
}

TEST_CASE("a Not Ready reason that is not configured is refused as unknown_reason") {
    CenterFixture f;
    f.loggedIn("anna");
    events::Error error = errorFor(f.log, f.setState("u-anna", AgentState::NotReady, "Nap"));
    CHECK(error.command == "agent.state.set");
    CHECK(error.code == "unknown_reason");
    CHECK(error.message == "\"Nap\" is not a Not Ready reason here. Choose one of: Break, Lunch, Meeting.");
    CHECK(errorFor(f.log, f.setState("u-anna", AgentState::NotReady, "")).code == "unknown_reason");
    // The engine's own reasons cannot be chosen.
    CHECK(errorFor(f.log, f.setState("u-anna", AgentState::NotReady, "Logged in")).code == "unknown_reason");
    CHECK(f.log.count<events::StateChanged>() == 0);
}

TEST_CASE("only Ready and Not Ready can be chosen, and only when logged in") {
    CenterFixture f;
    CHECK(errorFor(f.log, f.setState("u-anna", AgentState::Ready)).code == "not_logged_in");
    f.loggedIn("anna");
    CHECK(errorFor(f.log, f.setState("u-anna", AgentState::AfterCallWork)).code == "invalid_state");
    CHECK(errorFor(f.log, f.setState("u-anna", AgentState::Busy)).code == "invalid_state");
}

TEST_CASE("Not Ready requested while Busy is pending and applies after the interaction and its ACW") {
    CenterFixture f;
    f.loggedIn("anna");
    f.setState("u-anna", AgentState::Ready);
    AgentStateMachine* anna = f.center.agentState("u-anna");
    REQUIRE(anna);
    anna->interactionStarted();
    CHECK(f.lastState().state == AgentState::Busy);

    const std::uint64_t request = f.setState("u-anna", AgentState::NotReady, "Break");
    auto [pending, envelope] = f.log.last<events::StateChanged>();
    CHECK(envelope.correlation == request);
    CHECK(pending.state == AgentState::Busy);
    CHECK(pending.hasPending);
    CHECK(pending.pendingState == AgentState::NotReady);
    CHECK(pending.pendingReason == "Break");

    f.harness.advance(4min);
    anna->interactionEnded(f.center.config().settings.afterCallWork);  // 30 s of ACW
    events::StateChanged acw = f.lastState();
    CHECK(acw.state == AgentState::AfterCallWork);
    CHECK(acw.hasPending);
    CHECK(acw.acwEndsAtMs == f.nowMs() + 30'000);

    f.harness.advance(30s);
    events::StateChanged after = f.lastState();
    CHECK(after.state == AgentState::NotReady);
    CHECK(after.reason == "Break");
    CHECK(after.sinceMs == acw.acwEndsAtMs);
    CHECK_FALSE(after.hasPending);
}

TEST_CASE("the ACW timeout returns the agent to Ready at the right virtual time") {
    CenterFixture f;
    f.loggedIn("ben");
    f.setState("u-ben", AgentState::Ready);
    f.center.agentState("u-ben")->interactionStarted();
    f.center.agentState("u-ben")->interactionEnded(WrapUp::limitedTo(45s));
    const std::int64_t acwStart = f.nowMs();
    f.log.clear();

    f.harness.advance(44s);
    CHECK(f.log.count<events::StateChanged>() == 0);
    f.harness.advance(10s);
    REQUIRE(f.log.count<events::StateChanged>() == 1);
    CHECK(f.lastState().state == AgentState::Ready);
    CHECK(f.lastState().sinceMs == acwStart + 45'000);
}

TEST_CASE("choosing Ready during ACW completes it at once") {
    CenterFixture f;
    f.loggedIn("ben");
    f.setState("u-ben", AgentState::Ready);
    f.center.agentState("u-ben")->interactionStarted();
    f.center.agentState("u-ben")->interactionEnded(WrapUp::limitedTo(60s));
    f.harness.advance(5s);

    f.setState("u-ben", AgentState::Ready);
    CHECK(f.lastState().state == AgentState::Ready);
    CHECK(f.lastState().acwEndsAtMs == 0);
    const std::size_t changes = f.log.count<events::StateChanged>();
    f.harness.advance(2min);
    CHECK(f.log.count<events::StateChanged>() == changes);  // the ACW timeout did not fire later
}

TEST_CASE("an offer not answered puts the agent Not Ready \"No answer\"") {
    CenterFixture f;
    f.loggedIn("anna");
    f.setState("u-anna", AgentState::Ready);
    f.center.agentState("u-anna")->offerNotAnswered();
    CHECK(f.lastState().state == AgentState::NotReady);
    CHECK(f.lastState().reason == "No answer");
}

TEST_CASE("rejecting an offered service interaction puts the agent Not Ready \"Rejected\"") {
    CenterFixture f;
    f.loggedIn("anna");
    f.setState("u-anna", AgentState::Ready);
    f.center.agentState("u-anna")->offerRejected();
    CHECK(f.lastState().state == AgentState::NotReady);
    CHECK(f.lastState().reason == "Rejected");
}

TEST_CASE("several agents are logged in at once, each with their own state") {
    CenterFixture f;
    f.loggedIn("anna");
    f.loggedIn("sam");
    f.setState("u-sam", AgentState::Ready);
    CHECK(f.lastState().agentId == "u-sam");
    CHECK(f.center.agentState("u-anna")->state() == AgentState::NotReady);
    CHECK(f.center.agentState("u-sam")->state() == AgentState::Ready);
    CHECK(f.center.loggedInAgents() == std::vector<std::string>{"u-anna", "u-farid", "u-sam"});
}

// ---- logout (UI-05) --------------------------------------------------------------------------------

TEST_CASE("logout is refused while an interaction is active") {
    CenterFixture f;
    f.loggedIn("anna");
    f.center.agentState("u-anna")->interactionStarted();
    events::Error error = errorFor(f.log, f.logout("u-anna"));
    CHECK(error.command == "agent.logout.request");
    CHECK(error.code == "interactions_active");
    CHECK(error.message == "Finish your active interactions before logging out.");
    CHECK(f.center.isLoggedIn("u-anna"));
}

TEST_CASE("logout ends the session: the state goes LoggedOut, then the session is reported ended") {
    CenterFixture f;
    f.loggedIn("anna", PhoneDevice::DeskPhone, "2001");
    const std::uint64_t correlation = f.logout("u-anna");
    CHECK(f.log.answerTopics() == std::vector<std::string>{"agent.state.changed", "agent.logged_out"});
    CHECK(f.lastState().state == AgentState::LoggedOut);
    auto [loggedOut, envelope] = f.log.last<events::LoggedOut>();
    CHECK(envelope.correlation == correlation);
    CHECK(loggedOut.agentId == "u-anna");
    CHECK(loggedOut.reason.empty());
    CHECK_FALSE(f.center.isLoggedIn("u-anna"));

    // The desk phone is free again.
    f.login("ben", "demo", PhoneDevice::DeskPhone, "2001");
    CHECK(f.center.isLoggedIn("u-ben"));
}

TEST_CASE("logout of an agent who is not logged in is refused as not_logged_in") {
    CenterFixture f;
    CHECK(errorFor(f.log, f.logout("u-anna")).code == "not_logged_in");
}

// ---- the shipped scenario ----------------------------------------------------------------------

TEST_CASE("an agent of the shipped scenario logs in with the demo password") {
    Harness harness;
    BusLog log(harness.bus);
    ContactCenter center(harness.bus, harness.clock, harness.timers,
                         loadCenterConfig(std::filesystem::path(AGENTDESK_TEST_ASSETS) / "scenario"));
    const std::uint64_t correlation =
        harness.bus.publish(events::LoginRequest{"anna", "demo", PhoneDevice::DeskPhone, "2003", false});
    auto [loggedIn, envelope] = log.last<events::LoggedIn>();
    CHECK(envelope.correlation == correlation);
    CHECK(loggedIn.displayName == "Anna Kowalski");
    CHECK(loggedIn.notReadyReasons ==
          std::vector<std::string>{"Break", "Lunch", "Meeting", "Training", "Personal"});
    CHECK(center.isLoggedIn("u-anna"));
    CHECK(center.isLoggedIn("u-farid"));  // the demo user who starts logged in elsewhere
}
