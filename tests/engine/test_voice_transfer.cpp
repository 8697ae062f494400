// Consultation, transfer and conference against the embedded contact center (spec VOICE-14..18,
// UI-30's "target unavailable"): who is held, who rings and answers, who is Busy, where the
// customer's call goes, and what the agent wraps up - as the desktops on the bus see it.

#include "model/contact_center.hpp"
#include "model/voice_service.hpp"

#include <agentdesk/events/core.hpp>
#include <agentdesk/events/voice.hpp>
#include <agentdesk/runtime/harness.hpp>

#include "engine/bus_log.hpp"
#include "engine/demo_hash.hpp"

#include <doctest/doctest.h>

#include <algorithm>

using namespace agentdesk;
using namespace agentdesk::engine;
using agentdesk::testing::BusLog;
using namespace std::chrono_literals;

namespace {

CenterConfig transferCenter(int conferenceLimit = 6, bool continuesWithoutHost = true) {
    CenterConfig config;
    config.settings.notReadyReasons = {"Break"};
    config.settings.voice.conferenceLimit = conferenceLimit;
    config.settings.voice.conferenceContinuesWithoutHost = continuesWithoutHost;
    config.users = {agentdesk::testing::demoUser("anna", {"support"}, "Anna Kowalski"),
                    agentdesk::testing::demoUser("ben", {"support"}, "Ben Okafor"),
                    agentdesk::testing::demoUser("carl", {"support"}, "Carl Hansen"),
                    agentdesk::testing::demoUser("dora", {"billing"}, "Dora Lindqvist")};
    ServiceConfig support;
    support.id = "support-voice";
    support.name = "Support line";
    support.skills = {"support"};
    support.afterCallWork = WrapUp::untilCompleted();
    support.dispositions = {"Resolved", "Escalated"};
    ServiceConfig billing;
    billing.id = "billing-voice";
    billing.name = "Billing";
    billing.skills = {"billing"};
    billing.afterCallWork = WrapUp::untilCompleted();
    config.services = {support, billing};
    config.customers = {Customer{"c-1", "Maria Lopez", "+34 612 345 678", "", ""}};
    config.contacts = {DirectoryContact{"k-1", "Parcel courier", "+44 20 7946 0000", "", "Swift Parcels"}};
    return config;
}

events::CallTarget agent(std::string id) { return {events::TargetKind::Agent, std::move(id), {}}; }
events::CallTarget service(std::string id) { return {events::TargetKind::Service, std::move(id), {}}; }
events::CallTarget number(std::string n) { return {events::TargetKind::Number, {}, std::move(n)}; }

/// Anna on a call with Maria; Ben, Carl and Dora logged in, Not Ready until a test makes them Ready.
struct Office {
    Harness harness;
    BusLog log{harness.bus};
    ContactCenter center;
    VoiceService voice{center, harness.bus, harness.clock};
    std::string call;

    explicit Office(CenterConfig config = transferCenter()) : center(harness.bus, harness.clock, harness.timers, std::move(config)) {
        for (const char* name : {"anna", "ben", "carl", "dora"}) {
            harness.bus.publish(events::LoginRequest{name, "demo", PhoneDevice::Softphone, {}, false});
        }
        ready("u-anna");
        call = *center.arrive(Arrival{"support-voice", "c-1", {}, {}, std::nullopt});
        REQUIRE_FALSE(center.accept("u-anna", call));
    }
    void ready(const std::string& agentId) { harness.bus.publish(events::SetState{agentId, AgentState::Ready, {}}); }
    AgentState state(const std::string& agentId) const { return center.agentState(agentId)->state(); }
    events::CallState callState() const { return log.last<events::CallState>().first; }
    const events::CallState& live() const { return *voice.call(call); }
    /// Anna consults `target`, who answers: a colleague at their desktop, a number after the ring.
    void consultAndWait(const events::CallTarget& target) {
        const std::uint64_t c = harness.bus.publish(events::ConsultCall{call, "u-anna", target});
        REQUIRE_FALSE(log.errorFor(c));
        if (live().consultation.kind == events::PartyKind::Agent) answer(live().consultation.agentId);
        else harness.advance(3s);
        REQUIRE_FALSE(live().consultation.ringing);
    }
    /// The consulted colleague answers at their desktop.
    void answer(const std::string& agentId) {
        const std::uint64_t c = harness.bus.publish(events::AnswerConsultation{"", agentId});
        REQUIRE_FALSE(log.errorFor(c));
    }
    std::vector<std::string> participantIds() const {
        std::vector<std::string> ids;
        for (const auto& p : live().participants) ids.push_back(p.id);
        return ids;
    }
};

}  // namespace

TEST_CASE("consultation: the customer is held, the colleague answers at their desktop, alternate, end and retrieve") {
    Office o;
    o.ready("u-ben");
    o.harness.advance(10s);
    o.harness.bus.publish(events::ConsultCall{o.call, "u-anna", agent("u-ben")});
    CHECK(o.live().held);
    CHECK(o.live().consulting);
    CHECK(o.live().consultation.name == "Ben Okafor");
    CHECK(o.live().consultation.ringing);
    CHECK(o.state("u-ben") == AgentState::Ready);  // not talking yet

    // Ben is at a desktop: it rings until he answers there; Carl cannot answer it for him.
    o.harness.advance(3s);
    CHECK(o.live().consultation.ringing);
    const std::uint64_t notHis = o.harness.bus.publish(events::AnswerConsultation{"", "u-carl"});
    CHECK(o.log.errorFor(notHis)->message == "Nobody is consulting you now.");
    const std::uint64_t answer = o.harness.bus.publish(events::AnswerConsultation{"", "u-ben"});
    CHECK_FALSE(o.log.errorFor(answer));
    CHECK_FALSE(o.live().consultation.ringing);
    CHECK(o.callState().interactionId == o.call);
    CHECK(o.state("u-ben") == AgentState::Busy);
    const std::uint64_t twice = o.harness.bus.publish(events::AnswerConsultation{o.call, "u-ben"});
    CHECK(o.log.errorFor(twice)->message == "You already answered this consultation.");

    const std::uint64_t hold = o.harness.bus.publish(events::RetrieveCall{o.call, "u-anna"});
    CHECK(o.log.errorFor(hold)->code == "invalid_state");  // alternate, not retrieve, while consulting

    o.harness.bus.publish(events::AlternateCall{o.call, "u-anna"});
    CHECK_FALSE(o.live().held);
    CHECK(o.live().consultation.held);
    CHECK(o.live().heldTotalMs == 3'000);
    o.harness.advance(5s);
    o.harness.bus.publish(events::AlternateCall{o.call, "u-anna"});
    CHECK(o.live().held);
    CHECK_FALSE(o.live().consultation.held);

    o.harness.advance(2s);
    o.harness.bus.publish(events::EndConsultation{o.call, "u-anna"});
    CHECK_FALSE(o.live().consulting);
    CHECK_FALSE(o.live().held);
    CHECK(o.live().heldTotalMs == 5'000);
    CHECK(o.state("u-ben") == AgentState::Ready);
    CHECK(o.state("u-anna") == AgentState::Busy);
}

TEST_CASE("a colleague who is Not Ready, logged out or on a call cannot be consulted or transferred to - the error says why") {
    Office o;
    o.harness.bus.publish(events::SetState{"u-ben", AgentState::NotReady, "Break"});
    const std::uint64_t consult = o.harness.bus.publish(events::ConsultCall{o.call, "u-anna", agent("u-ben")});
    REQUIRE(o.log.errorFor(consult));
    CHECK(o.log.errorFor(consult)->code == "target_unavailable");
    CHECK(o.log.errorFor(consult)->message == "Ben Okafor is Not Ready (Break) and cannot take a call now. Choose someone else, a service or a number.");
    CHECK_FALSE(o.live().consulting);
    CHECK_FALSE(o.live().held);  // nothing happened to the customer

    const std::uint64_t blind = o.harness.bus.publish(events::TransferCall{o.call, "u-anna", agent("u-ben")});
    CHECK(o.log.errorFor(blind)->code == "target_unavailable");
    CHECK(o.center.interaction(o.call)->agentId == "u-anna");  // still Anna's call

    o.harness.bus.publish(events::LogoutRequest{"u-carl"});
    const std::uint64_t gone = o.harness.bus.publish(events::ConsultCall{o.call, "u-anna", agent("u-carl")});
    CHECK(o.log.errorFor(gone)->message == "Carl Hansen is not logged in. Choose someone else, a service or a number.");

    const std::uint64_t nobody = o.harness.bus.publish(events::ConsultCall{o.call, "u-anna", service("billing-voice")});
    CHECK(o.log.errorFor(nobody)->code == "target_unavailable");
    const std::uint64_t bad = o.harness.bus.publish(events::ConsultCall{o.call, "u-anna", number("ring me")});
    CHECK(o.log.errorFor(bad)->code == "invalid_number");
}

TEST_CASE("a colleague the simulation plays and a number answer a consultation by themselves after a short ring") {
    CenterConfig config = transferCenter();
    config.users[2].simulated = true;  // Carl
    Office o(std::move(config));
    o.ready("u-carl");
    o.harness.bus.publish(events::ConsultCall{o.call, "u-anna", agent("u-carl")});
    CHECK(o.live().consultation.ringing);
    o.harness.advance(3s);
    CHECK_FALSE(o.live().consultation.ringing);
    CHECK(o.state("u-carl") == AgentState::Busy);
    o.harness.bus.publish(events::EndConsultation{o.call, "u-anna"});
    CHECK(o.state("u-carl") == AgentState::Ready);

    o.harness.bus.publish(events::ConsultCall{o.call, "u-anna", number("+44 20 7946 0000")});
    CHECK(o.live().consultation.ringing);
    o.harness.advance(3s);
    CHECK_FALSE(o.live().consultation.ringing);
}

TEST_CASE("a consulted colleague declines, does not answer or hangs up - the agent is told and the customer stays on hold") {
    Office o;
    o.ready("u-ben");
    SUBCASE("declines") {
        o.harness.bus.publish(events::ConsultCall{o.call, "u-anna", agent("u-ben")});
        const std::uint64_t decline = o.harness.bus.publish(events::DeclineConsultation{"", "u-ben"});
        CHECK_FALSE(o.log.errorFor(decline));
        const auto ended = o.log.last<events::ConsultationEnded>();
        CHECK(ended.second.correlation == decline);
        CHECK(ended.first.interactionId == o.call);
        CHECK(ended.first.agentId == "u-anna");
        CHECK(ended.first.party.name == "Ben Okafor");
        CHECK(ended.first.why == events::ConsultationEnd::Declined);
        const std::uint64_t again = o.harness.bus.publish(events::DeclineConsultation{o.call, "u-ben"});
        CHECK(o.log.errorFor(again)->code == "invalid_state");
    }
    SUBCASE("does not answer within the center's ring timeout") {
        o.harness.bus.publish(events::ConsultCall{o.call, "u-anna", agent("u-ben")});
        o.harness.advance(19s);
        CHECK(o.live().consultation.ringing);
        CHECK(o.log.count<events::ConsultationEnded>() == 0);
        o.harness.advance(1s);
        REQUIRE(o.log.count<events::ConsultationEnded>() == 1);
        CHECK(o.log.last<events::ConsultationEnded>().first.why == events::ConsultationEnd::NotAnswered);
        const std::uint64_t late = o.harness.bus.publish(events::AnswerConsultation{"", "u-ben"});
        CHECK(o.log.errorFor(late)->message == "Nobody is consulting you now.");
    }
    SUBCASE("answers, then hangs up") {
        o.consultAndWait(agent("u-ben"));
        CHECK(o.state("u-ben") == AgentState::Busy);
        const std::uint64_t declineLate = o.harness.bus.publish(events::DeclineConsultation{o.call, "u-ben"});
        CHECK(o.log.errorFor(declineLate)->message == "You already answered this consultation: hang up instead.");
        o.harness.bus.publish(events::LeaveConference{o.call, "u-ben"});
        CHECK(o.log.last<events::ConsultationEnded>().first.why == events::ConsultationEnd::HungUp);
    }
    CHECK_FALSE(o.live().consulting);
    CHECK(o.live().held);  // Anna retrieves her customer when she is ready to
    CHECK(o.state("u-ben") == AgentState::Ready);
    CHECK(o.state("u-anna") == AgentState::Busy);
    o.harness.bus.publish(events::RetrieveCall{o.call, "u-anna"});
    CHECK_FALSE(o.live().held);
}

TEST_CASE("blind transfer during a consultation: the consulted colleague is hung up on - to them, it is a warm transfer once they answered") {
    Office o;
    o.ready("u-ben");
    o.ready("u-carl");
    SUBCASE("to someone else") {
        o.consultAndWait(agent("u-ben"));
        o.harness.bus.publish(events::TransferCall{o.call, "u-anna", agent("u-carl")});
        CHECK(o.log.last<events::Offered>().first.agentId == "u-carl");
        CHECK(o.log.last<events::CallTransferred>().first.targetName == "Carl Hansen");
        CHECK(o.state("u-ben") == AgentState::Ready);
        CHECK(o.center.agentState("u-ben")->activeInteractions() == 0);
        CHECK(o.state("u-anna") == AgentState::AfterCallWork);
    }
    SUBCASE("to a queue while the consultation still rings") {
        o.harness.bus.publish(events::ConsultCall{o.call, "u-anna", agent("u-ben")});
        o.harness.bus.publish(events::TransferCall{o.call, "u-anna", service("billing-voice")});
        CHECK(o.log.last<events::CallTransferred>().first.targetName == "Billing queue");
        CHECK(o.state("u-ben") == AgentState::Ready);
        o.harness.advance(30s);  // the ring timer went with the call
        CHECK(o.log.count<events::ConsultationEnded>() == 0);
    }
    SUBCASE("to the consulted colleague") {
        o.harness.bus.publish(events::ConsultCall{o.call, "u-anna", agent("u-ben")});
        const std::uint64_t early = o.harness.bus.publish(events::TransferCall{o.call, "u-anna", agent("u-ben")});
        CHECK(o.log.errorFor(early)->message ==
              "Ben Okafor has not answered yet: transfer to them once they do, or end the consultation.");
        CHECK(o.live().consulting);
        o.answer("u-ben");
        o.harness.bus.publish(events::TransferCall{o.call, "u-anna", agent("u-ben")});
        const auto transferred = o.log.last<events::CallTransferred>().first;
        CHECK(transferred.warm);
        CHECK(o.center.interaction(transferred.newInteractionId)->agentId == "u-ben");
        CHECK(o.center.interaction(transferred.newInteractionId)->stage == Stage::Connected);
        CHECK(o.center.agentState("u-ben")->activeInteractions() == 1);
    }
}

TEST_CASE("warm transfer: the consulted colleague gets the customer's call - the agent leaves it and wraps up per service") {
    Office o;
    o.ready("u-ben");
    o.consultAndWait(agent("u-ben"));
    o.harness.bus.publish(events::CompleteTransfer{o.call, "u-anna"});

    const auto transferred = o.log.last<events::CallTransferred>().first;
    CHECK(transferred.warm);
    CHECK(transferred.targetName == "Ben Okafor");
    const std::string next = transferred.newInteractionId;
    REQUIRE_FALSE(next.empty());
    const Interaction* bens = o.center.interaction(next);
    REQUIRE(bens);
    CHECK(bens->agentId == "u-ben");
    CHECK(bens->stage == Stage::Connected);
    CHECK(bens->customer->name == "Maria Lopez");
    CHECK(o.log.last<events::Connected>().first.agentId == "u-ben");
    CHECK(o.state("u-ben") == AgentState::Busy);
    CHECK(o.center.agentState("u-ben")->activeInteractions() == 1);
    REQUIRE(o.voice.call(next));
    CHECK(o.voice.call(next)->agentId == "u-ben");

    // Anna: ended by transfer, into After Call Work as the service has it, then a disposition.
    const auto ended = o.log.last<events::Ended>().first;
    CHECK(ended.interactionId == o.call);
    CHECK(ended.by == events::EndedBy::Transferred);
    CHECK(ended.wrapUp);
    CHECK(o.state("u-anna") == AgentState::AfterCallWork);
    CHECK_FALSE(o.voice.call(o.call));
    o.harness.bus.publish(events::Complete{o.call, "u-anna", "Escalated", "to Ben"});
    CHECK(o.log.last<events::Completed>().first.disposition == "Escalated");
    CHECK(o.state("u-anna") == AgentState::Ready);
    CHECK(o.state("u-ben") == AgentState::Busy);
}

TEST_CASE("blind transfer to a service queue: the call is routed again by skills") {
    Office o;
    o.harness.bus.publish(events::TransferCall{o.call, "u-anna", service("billing-voice")});
    const auto transferred = o.log.last<events::CallTransferred>().first;
    CHECK(transferred.targetName == "Billing queue");
    const std::string next = transferred.newInteractionId;
    REQUIRE(o.center.interaction(next));
    CHECK(o.center.interaction(next)->stage == Stage::Queued);  // nobody in Billing is Ready
    CHECK(o.center.queue("billing-voice").size() == 1);
    CHECK(o.state("u-anna") == AgentState::AfterCallWork);

    o.ready("u-ben");  // support only: not offered
    CHECK(o.center.interaction(next)->stage == Stage::Queued);
    o.ready("u-dora");  // billing: offered
    const auto offer = o.log.last<events::Offered>().first;
    CHECK(offer.interactionId == next);
    CHECK(offer.agentId == "u-dora");
    CHECK(offer.serviceId == "billing-voice");
    CHECK(offer.customerName == "Maria Lopez");
    CHECK(offer.transferNote == "Transferred by Anna Kowalski");
}

TEST_CASE("blind transfer to a Ready colleague rings at them - to a number the call leaves the center") {
    SUBCASE("a colleague") {
        Office o;
        o.ready("u-carl");
        o.harness.bus.publish(events::TransferCall{"", "u-anna", agent("u-carl")});  // "": the agent's call
        const auto offer = o.log.last<events::Offered>().first;
        CHECK(offer.agentId == "u-carl");
        CHECK(offer.serviceId == "support-voice");
        CHECK(o.log.last<events::Ended>().first.by == events::EndedBy::Transferred);
        o.harness.bus.publish(events::Accept{offer.interactionId, "u-carl"});
        CHECK(o.state("u-carl") == AgentState::Busy);
    }
    SUBCASE("a number") {
        Office o;
        o.harness.bus.publish(events::TransferCall{o.call, "u-anna", number("+44 20 7946 0000")});
        const auto transferred = o.log.last<events::CallTransferred>().first;
        CHECK(transferred.newInteractionId.empty());
        CHECK(transferred.targetName == "+442079460000");
        CHECK(o.state("u-anna") == AgentState::AfterCallWork);
        CHECK(o.center.liveInteractions() == 1);  // only Anna's wrap-up
    }
}

TEST_CASE("a conference: merge, the participant list, add up to the limit, drop, a participant leaves") {
    Office o(transferCenter(4));
    o.ready("u-ben");
    o.ready("u-carl");
    o.consultAndWait(agent("u-ben"));
    o.harness.bus.publish(events::MergeConference{o.call, "u-anna"});
    CHECK(o.participantIds() == std::vector<std::string>{"customer", "u-anna", "u-ben"});
    CHECK(o.live().participants[0].name == "Maria Lopez");
    CHECK_FALSE(o.live().held);
    CHECK_FALSE(o.live().consulting);
    CHECK(o.state("u-ben") == AgentState::Busy);

    // A fourth party: the courier's number, consulted and merged.
    o.consultAndWait(number("+44 20 7946 0000"));
    CHECK(o.live().consultation.name == "Parcel courier");
    o.harness.bus.publish(events::MergeConference{o.call, "u-anna"});
    CHECK(o.participantIds() == std::vector<std::string>{"customer", "u-anna", "u-ben", "number:+442079460000"});

    // Full at four: no more consultations.
    const std::uint64_t full = o.harness.bus.publish(events::ConsultCall{o.call, "u-anna", agent("u-carl")});
    CHECK(o.log.errorFor(full)->message == "The conference is full: 4 parties at most.");

    const std::uint64_t customer = o.harness.bus.publish(events::DropParticipant{o.call, "u-anna", "customer"});
    CHECK(o.log.errorFor(customer)->code == "invalid_state");
    o.harness.bus.publish(events::DropParticipant{o.call, "u-anna", "number:+442079460000"});
    CHECK(o.participantIds() == std::vector<std::string>{"customer", "u-anna", "u-ben"});

    // Ben sees Anna's conference and leaves it: back to a call between Anna and Maria.
    o.consultAndWait(agent("u-carl"));
    o.harness.bus.publish(events::MergeConference{o.call, "u-anna"});
    CHECK(o.participantIds() == std::vector<std::string>{"customer", "u-anna", "u-ben", "u-carl"});
    o.harness.bus.publish(events::LeaveConference{o.call, "u-ben"});
    CHECK(o.participantIds() == std::vector<std::string>{"customer", "u-anna", "u-carl"});
    CHECK(o.state("u-ben") == AgentState::Ready);
    o.harness.bus.publish(events::DropParticipant{o.call, "u-anna", "u-carl"});
    CHECK(o.live().participants.empty());
    CHECK(o.state("u-carl") == AgentState::Ready);
}

TEST_CASE("the host leaves a conference: another agent carries on with it, or it ends when so configured") {
    SUBCASE("continues") {
        Office o;
        o.ready("u-ben");
        o.ready("u-carl");
        o.consultAndWait(agent("u-ben"));
        o.harness.bus.publish(events::MergeConference{o.call, "u-anna"});
        o.consultAndWait(agent("u-carl"));
        o.harness.bus.publish(events::MergeConference{o.call, "u-anna"});
        o.harness.bus.publish(events::LeaveConference{o.call, "u-anna"});

        CHECK(o.state("u-anna") == AgentState::AfterCallWork);
        const std::string next = o.log.last<events::CallTransferred>().first.newInteractionId;
        REQUIRE(o.voice.call(next));
        const events::CallState& continued = *o.voice.call(next);
        CHECK(continued.agentId == "u-ben");
        REQUIRE(continued.participants.size() == 3);
        CHECK(continued.participants[1].agentId == "u-ben");
        CHECK(continued.participants[2].agentId == "u-carl");
        CHECK(o.center.agentState("u-ben")->activeInteractions() == 1);
        CHECK(o.state("u-carl") == AgentState::Busy);

        // Ben ends it: Carl is free again.
        o.harness.bus.publish(events::Release{next, "u-ben"});
        CHECK(o.state("u-carl") == AgentState::Ready);
        CHECK(o.state("u-ben") == AgentState::AfterCallWork);
    }
    SUBCASE("ends with the host") {
        Office o(transferCenter(6, false));
        o.ready("u-ben");
        o.consultAndWait(agent("u-ben"));
        o.harness.bus.publish(events::MergeConference{o.call, "u-anna"});
        o.harness.bus.publish(events::LeaveConference{o.call, "u-anna"});
        CHECK(o.log.last<events::Ended>().first.by == events::EndedBy::Agent);
        CHECK(o.state("u-anna") == AgentState::AfterCallWork);
        CHECK(o.state("u-ben") == AgentState::Ready);
    }
}

TEST_CASE("the customer hanging up during a consultation frees the consulted colleague") {
    Office o;
    o.ready("u-ben");
    o.consultAndWait(agent("u-ben"));
    o.center.customerLeft(o.call);
    CHECK(o.state("u-ben") == AgentState::Ready);
    CHECK(o.state("u-anna") == AgentState::AfterCallWork);
}

TEST_CASE("an internal call to a colleague's extension: refused while they are Not Ready, else they are Busy with it") {
    CenterConfig config = transferCenter();
    config.users[1].extension = "3102";
    Office o(std::move(config));
    o.harness.bus.publish(events::Release{o.call, "u-anna"});
    o.harness.bus.publish(events::Complete{o.call, "u-anna", "Resolved", ""});
    REQUIRE(o.state("u-anna") == AgentState::Ready);

    o.harness.bus.publish(events::SetState{"u-ben", AgentState::NotReady, "Break"});
    const std::uint64_t refused = o.harness.bus.publish(events::Dial{"u-anna", "3102", "support-voice"});
    REQUIRE(o.log.errorFor(refused));
    CHECK(o.log.errorFor(refused)->code == "target_unavailable");
    CHECK(o.log.errorFor(refused)->message.starts_with("Ben Okafor is Not Ready (Break)"));

    o.ready("u-ben");
    o.harness.bus.publish(events::Dial{"u-anna", "3102", "support-voice"});
    const auto offer = o.log.last<events::Offered>().first;
    CHECK(offer.customerName == "Ben Okafor");
    o.harness.advance(5s);
    CHECK(o.state("u-ben") == AgentState::Busy);
    CHECK(o.state("u-anna") == AgentState::Busy);
    o.harness.bus.publish(events::Release{offer.interactionId, "u-anna"});
    CHECK(o.state("u-ben") == AgentState::Ready);
}
