// Routing and the interaction lifecycle (spec STATE-02..04, VOICE-01/02/10/11/12, CHAT-01/02):
// customers arrive, the center offers, agents answer through the bus, and the tests read what a
// desktop would see come back.

#include "model/contact_center.hpp"

#include <agentdesk/events/core.hpp>
#include <agentdesk/events/interaction.hpp>
#include <agentdesk/runtime/harness.hpp>

#include "engine/bus_log.hpp"
#include "engine/demo_hash.hpp"

#include <doctest/doctest.h>

using namespace agentdesk;
using namespace agentdesk::engine;
using agentdesk::testing::BusLog;
using namespace std::chrono_literals;

namespace {

UserAccount agent(std::string name, std::vector<std::string> skills) {
    UserAccount user;
    user.id = "u-" + name;
    user.userName = name;
    user.displayName = name;
    user.role = "agent";
    user.skills = std::move(skills);
    user.passwordHash = agentdesk::testing::demoHash();
    return user;
}

ServiceConfig service(std::string id, Channel channel, std::vector<std::string> skills, WrapUp wrapUp = WrapUp::none()) {
    ServiceConfig s;
    s.id = id;
    s.name = "Service " + id;
    s.channel = channel;
    s.skills = std::move(skills);
    s.ringTimeout = 15s;
    s.afterCallWork = wrapUp;
    return s;
}

CenterConfig routingCenter() {
    CenterConfig config;
    config.settings.name = "Routing";
    config.settings.notReadyReasons = {"Break", "Lunch"};
    config.users = {agent("anna", {"sales"}), agent("ben", {"support"}), agent("chloe", {"sales", "support"})};
    config.services = {service("sales", Channel::Voice, {"sales"}),
                       service("support", Channel::Voice, {"support"}),
                       service("chat", Channel::Chat, {"support"}),
                       service("email", Channel::Email, {"support"})};
    config.customers = {Customer{"c-1", "Maria Lopez", "+34 612 345 678", "maria@example.es", ""}};
    return config;
}

struct Fixture {
    Harness harness;
    BusLog log{harness.bus};
    ContactCenter center;

    explicit Fixture(CenterConfig config = routingCenter())
        : center(harness.bus, harness.clock, harness.timers, std::move(config)) {}

    ServiceConfig& configured(const std::string& id) { return const_cast<ServiceConfig&>(*center.config().findService(id)); }

    void ready(const std::string& name) {
        REQUIRE(harness.bus.publish(events::LoginRequest{name, "demo", PhoneDevice::Softphone, {}, false}));
        REQUIRE(center.isLoggedIn("u-" + name));
        REQUIRE_FALSE(center.setState("u-" + name, AgentState::Ready, {}));
    }
    std::string arrive(const std::string& serviceId, std::optional<Milliseconds> patience = std::nullopt) {
        auto id = center.arrive(Arrival{serviceId, "c-1", {}, {}, patience});
        REQUIRE(id);
        return *id;
    }
    /// Who the interaction rings at now ("" when nobody).
    std::string ringingAt(const std::string& id) const {
        const Interaction* i = center.interaction(id);
        return i && i->stage == Stage::Ringing ? i->agentId : std::string();
    }
    AgentState state(const std::string& name) const { return center.agentState("u-" + name)->state(); }
    std::string reason(const std::string& name) const { return center.agentState("u-" + name)->status().reason; }
};

}  // namespace

TEST_CASE("an interaction is offered to the longest-idle Ready agent with the service's skills") {
    Fixture f;
    f.ready("chloe");  // sales + support, Ready first: idle longest
    f.harness.advance(10s);
    f.ready("anna");
    f.ready("ben");

    const std::string first = f.arrive("sales");
    CHECK(f.ringingAt(first) == "u-chloe");
    auto offered = f.log.last<events::Offered>().first;
    CHECK(offered.interactionId == first);
    CHECK(offered.serviceId == "sales");
    CHECK(offered.customerName == "Maria Lopez");
    CHECK(offered.from == "+34 612 345 678");  // a caller is known by their phone number
    CHECK(offered.ringTimeoutMs == 15'000);

    // Chloe is ringing: the next sales call goes to Anna; Ben has no sales skill.
    const std::string second = f.arrive("sales");
    CHECK(f.ringingAt(second) == "u-anna");
    const std::string third = f.arrive("sales");
    CHECK(f.ringingAt(third).empty());
    CHECK(f.center.queue("sales").size() == 1);
}

TEST_CASE("Not Ready agents are not offered work - the queue waits until someone is Ready") {
    Fixture f;
    REQUIRE(f.harness.bus.publish(events::LoginRequest{"anna", "demo", PhoneDevice::Softphone, {}, false}));
    const std::string id = f.arrive("sales");
    CHECK(f.ringingAt(id).empty());
    CHECK(f.log.last<events::Queued>().first.interactionId == id);
    REQUIRE_FALSE(f.center.setState("u-anna", AgentState::Ready, {}));
    CHECK(f.ringingAt(id) == "u-anna");
}

TEST_CASE("the oldest waiting interaction is served first across services") {
    Fixture f;
    const std::string support = f.arrive("support");
    f.harness.advance(5s);
    const std::string sales = f.arrive("sales");
    f.ready("chloe");  // skilled for both
    CHECK(f.ringingAt(support) == "u-chloe");
    CHECK(f.ringingAt(sales).empty());
}

TEST_CASE("an unanswered offer rings out: back to the queue in its place, the agent goes Not Ready \"No answer\"") {
    Fixture f;
    f.ready("anna");
    const std::string id = f.arrive("sales");
    const auto queuedAt = f.center.interaction(id)->queuedAt;
    f.harness.advance(14s);
    CHECK(f.ringingAt(id) == "u-anna");
    f.harness.advance(1s);
    auto withdrawn = f.log.last<events::OfferWithdrawn>().first;
    CHECK(withdrawn.interactionId == id);
    CHECK(withdrawn.why == events::WithdrawReason::NotAnswered);
    CHECK(f.state("anna") == AgentState::NotReady);
    CHECK(f.reason("anna") == "No answer");
    auto queued = f.log.last<events::Queued>().first;
    CHECK(queued.requeued);
    CHECK(queued.queuedAtMs == toEpochMs(queuedAt));

    // The next Ready agent gets it.
    f.ready("chloe");
    CHECK(f.ringingAt(id) == "u-chloe");
}

TEST_CASE("rejecting sends the interaction to another agent and sets the rejecting one Not Ready \"Rejected\"") {
    Fixture f;
    f.ready("anna");
    f.ready("chloe");
    const std::string id = f.arrive("sales");
    const std::string first = f.ringingAt(id);
    REQUIRE(first == "u-anna");
    const std::uint64_t correlation = f.harness.bus.publish(events::Reject{id, first});
    auto withdrawn = f.log.last<events::OfferWithdrawn>();
    CHECK(withdrawn.first.why == events::WithdrawReason::Rejected);
    CHECK(withdrawn.second.correlation == correlation);
    CHECK(f.state("anna") == AgentState::NotReady);
    CHECK(f.reason("anna") == "Rejected");
    CHECK(f.ringingAt(id) == "u-chloe");
}

TEST_CASE("accept, release and wrap-up over the bus - the ACW timeout completes the interaction") {
    Fixture f;
    f.configured("sales").afterCallWork = WrapUp::limitedTo(30s);
    f.ready("anna");
    const std::string id = f.arrive("sales");
    f.harness.advance(3s);
    const std::uint64_t accepted = f.harness.bus.publish(events::Accept{id, "u-anna"});
    auto connected = f.log.last<events::Connected>();
    CHECK(connected.first.interactionId == id);
    CHECK(connected.second.correlation == accepted);
    CHECK(f.state("anna") == AgentState::Busy);

    f.harness.advance(2min);
    f.harness.bus.publish(events::Release{id, "u-anna"});
    auto ended = f.log.last<events::Ended>().first;
    CHECK(ended.by == events::EndedBy::Agent);
    CHECK(ended.wrapUp);
    CHECK(ended.wrapUpEndsAtMs == toEpochMs(f.harness.clock.now() + 30s));
    CHECK(f.state("anna") == AgentState::AfterCallWork);

    f.harness.bus.publish(events::SaveWrapUp{id, "u-anna", "", "customer wants a catalogue"});
    CHECK(f.log.last<events::WrapUpSaved>().first.notes == "customer wants a catalogue");
    f.harness.advance(30s);
    auto completed = f.log.last<events::Completed>().first;
    CHECK(completed.interactionId == id);
    CHECK(completed.byTimeout);
    CHECK(completed.notes == "customer wants a catalogue");
    CHECK(f.state("anna") == AgentState::Ready);
    CHECK(f.center.interaction(id) == nullptr);
}

TEST_CASE("a service can send the agent Not Ready when its wrap-up times out") {
    Fixture f;
    f.configured("sales").afterCallWork = WrapUp::limitedTo(20s, /*thenNotReady=*/true);
    f.ready("anna");
    const std::string id = f.arrive("sales");
    REQUIRE_FALSE(f.center.accept("u-anna", id));
    REQUIRE_FALSE(f.center.release("u-anna", id));
    f.harness.advance(20s);
    CHECK(f.state("anna") == AgentState::NotReady);
    CHECK(f.reason("anna") == "Wrap-up timed out");
}

TEST_CASE("a required disposition must be chosen before wrap-up can end") {
    Fixture f;
    ServiceConfig& sales = f.configured("sales");
    sales.afterCallWork = WrapUp::untilCompleted();
    sales.dispositions = {"Order placed", "Not interested"};
    sales.dispositionRequired = true;
    f.ready("anna");
    const std::string id = f.arrive("sales");
    REQUIRE_FALSE(f.center.accept("u-anna", id));
    REQUIRE_FALSE(f.center.release("u-anna", id));

    std::uint64_t c = f.harness.bus.publish(events::Complete{id, "u-anna", "", "notes"});
    CHECK(f.log.last<events::Error>().first.code == "disposition_required");
    CHECK(f.log.last<events::Error>().second.correlation == c);
    f.harness.bus.publish(events::Complete{id, "u-anna", "Sold a tent", ""});
    CHECK(f.log.last<events::Error>().first.code == "unknown_disposition");
    // Choosing Ready would end wrap-up too: refused for the same reason.
    f.harness.bus.publish(events::SetState{"u-anna", AgentState::Ready, {}});
    CHECK(f.log.last<events::Error>().first.code == "disposition_required");
    CHECK(f.state("anna") == AgentState::AfterCallWork);

    // With a saved disposition, choosing Not Ready completes the wrap-up and applies the choice at once.
    f.harness.bus.publish(events::SaveWrapUp{id, "u-anna", "Order placed", "two tents"});
    f.log.clear();
    f.harness.bus.publish(events::SetState{"u-anna", AgentState::NotReady, "Lunch"});
    auto completed = f.log.last<events::Completed>().first;
    CHECK(completed.disposition == "Order placed");
    CHECK_FALSE(completed.byTimeout);
    CHECK(f.log.count<events::StateChanged>() == 1);  // straight from ACW to Not Ready, no Ready in between
    CHECK(f.state("anna") == AgentState::NotReady);
    CHECK(f.reason("anna") == "Lunch");
}

TEST_CASE("completing the last wrap-up ends After Call Work") {
    Fixture f;
    f.configured("sales").afterCallWork = WrapUp::untilCompleted();
    f.ready("anna");
    const std::string id = f.arrive("sales");
    REQUIRE_FALSE(f.center.accept("u-anna", id));
    REQUIRE_FALSE(f.center.release("u-anna", id));
    CHECK(f.state("anna") == AgentState::AfterCallWork);
    f.harness.advance(10min);  // no timeout: still wrapping up
    CHECK(f.state("anna") == AgentState::AfterCallWork);
    REQUIRE_FALSE(f.center.complete("u-anna", id, {}, "done"));
    CHECK(f.state("anna") == AgentState::Ready);
}

TEST_CASE("Not Ready chosen during a call takes effect when the call ends") {
    Fixture f;
    f.ready("anna");
    const std::string id = f.arrive("sales");
    REQUIRE_FALSE(f.center.accept("u-anna", id));
    REQUIRE_FALSE(f.center.setState("u-anna", AgentState::NotReady, "Break"));
    CHECK(f.state("anna") == AgentState::Busy);
    CHECK(f.log.last<events::StateChanged>().first.hasPending);
    // A second sales call does not reach an agent with a pending Not Ready.
    const std::string next = f.arrive("sales");
    CHECK(f.ringingAt(next).empty());
    REQUIRE_FALSE(f.center.release("u-anna", id));
    CHECK(f.state("anna") == AgentState::NotReady);
    CHECK(f.reason("anna") == "Break");
    CHECK(f.ringingAt(next).empty());
}

TEST_CASE("capacity: several chats at once, one call at a time, no chat during a call unless allowed") {
    Fixture f;
    f.ready("ben");  // support: voice, chat, email
    const std::string chat1 = f.arrive("chat");
    REQUIRE_FALSE(f.center.accept("u-ben", chat1));
    CHECK(f.state("ben") == AgentState::Busy);
    const std::string chat2 = f.arrive("chat");
    CHECK(f.ringingAt(chat2) == "u-ben");  // busy with a chat, room for more
    REQUIRE_FALSE(f.center.accept("u-ben", chat2));
    const std::string chat3 = f.arrive("chat");
    REQUIRE_FALSE(f.center.accept("u-ben", chat3));
    const std::string chat4 = f.arrive("chat");
    CHECK(f.ringingAt(chat4).empty());  // capacity 3 reached
    const std::string call = f.arrive("support");
    CHECK(f.ringingAt(call).empty());  // calls go to Ready agents only
    REQUIRE_FALSE(f.center.release("u-ben", chat1));
    CHECK(f.ringingAt(chat4) == "u-ben");  // room again
}

TEST_CASE("chats and emails reach an agent on a call only where the configuration allows it") {
    for (bool allowed : {false, true}) {
        CAPTURE(allowed);
        CenterConfig config = routingCenter();
        config.settings.capacity.digitalWhileOnCall = allowed;
        Fixture f(std::move(config));
        f.ready("ben");
        const std::string call = f.arrive("support");
        REQUIRE_FALSE(f.center.accept("u-ben", call));
        const std::string email = f.arrive("email");
        CHECK(f.ringingAt(email) == (allowed ? "u-ben" : ""));
    }
}

TEST_CASE("a customer who runs out of patience abandons, from the queue or while ringing") {
    Fixture f;
    const std::string waiting = f.arrive("sales", 40s);
    f.harness.advance(39s);
    CHECK(f.center.queue("sales").size() == 1);
    f.harness.advance(1s);
    CHECK(f.center.queue("sales").empty());
    auto abandoned = f.log.last<events::Abandoned>().first;
    CHECK(abandoned.interactionId == waiting);
    CHECK(abandoned.waitedMs == 40'000);

    f.ready("anna");
    const std::string ringing = f.arrive("sales", 5s);
    CHECK(f.ringingAt(ringing) == "u-anna");
    f.harness.advance(5s);
    CHECK(f.log.last<events::OfferWithdrawn>().first.why == events::WithdrawReason::Abandoned);
    CHECK(f.center.interaction(ringing) == nullptr);
    CHECK(f.state("anna") == AgentState::Ready);  // not the agent's fault: no Not Ready
}

TEST_CASE("a connected customer hanging up ends the interaction by Customer") {
    Fixture f;
    f.ready("anna");
    const std::string id = f.arrive("sales");
    REQUIRE_FALSE(f.center.accept("u-anna", id));
    f.center.customerLeft(id);
    CHECK(f.log.last<events::Ended>().first.by == events::EndedBy::Customer);
    CHECK(f.log.last<events::Completed>().first.interactionId == id);  // no wrap-up for this service
    CHECK(f.state("anna") == AgentState::Ready);
}

TEST_CASE("logging out withdraws a ringing offer - it goes to the next agent") {
    Fixture f;
    f.ready("anna");
    f.ready("chloe");
    const std::string id = f.arrive("sales");
    REQUIRE(f.ringingAt(id) == "u-anna");
    REQUIRE_FALSE(f.center.logOut("u-anna"));
    CHECK(f.log.last<events::OfferWithdrawn>().first.why == events::WithdrawReason::LoggedOut);
    CHECK(f.ringingAt(id) == "u-chloe");
}

TEST_CASE("commands on someone else's interaction, or at the wrong moment, are refused with a reason") {
    Fixture f;
    f.ready("anna");
    f.ready("chloe");
    const std::string id = f.arrive("sales");
    REQUIRE(f.ringingAt(id) == "u-anna");
    std::uint64_t c = f.harness.bus.publish(events::Accept{id, "u-chloe"});
    auto error = f.log.last<events::Error>();
    CHECK(error.first.code == "not_yours");
    CHECK(error.first.command == "interaction.accept");
    CHECK(error.second.correlation == c);
    f.harness.bus.publish(events::Release{id, "u-anna"});
    CHECK(f.log.last<events::Error>().first.code == "invalid_state");
    f.harness.bus.publish(events::Accept{"i-nope", "u-anna"});
    CHECK(f.log.last<events::Error>().first.code == "unknown_interaction");
    // Logged in with work in hand: logout is refused.
    REQUIRE_FALSE(f.center.accept("u-anna", id));
    auto refusal = f.center.logOut("u-anna");
    REQUIRE(refusal);
    CHECK(refusal->code == "interactions_active");
}

TEST_CASE("an agent with no phone gets chats and emails but no calls") {
    Fixture f;
    REQUIRE(f.harness.bus.publish(events::LoginRequest{"ben", "demo", PhoneDevice::NoPhone, {}, false}));
    REQUIRE_FALSE(f.center.setState("u-ben", AgentState::Ready, {}));
    const std::string call = f.arrive("support");
    CHECK(f.ringingAt(call).empty());
    const std::string email = f.arrive("email");
    CHECK(f.ringingAt(email) == "u-ben");
    CHECK(f.log.last<events::Offered>().first.from == "maria@example.es");  // an email comes from an address
}
