// The Call panel's model for consultation, transfer and conference (spec VOICE-14..18): which
// actions it offers in each state of the call, what the agent sees after a warm transfer, what a
// colleague brought into the call sees, and a refused target reaching the agent in words.

#include "model/call_control.hpp"
#include "model/contact_center.hpp"
#include "model/directory_model.hpp"
#include "model/directory_service.hpp"
#include "model/voice_service.hpp"

#include <agentdesk/events/agent.hpp>
#include <agentdesk/runtime/harness.hpp>

#include "engine/demo_hash.hpp"

#include <doctest/doctest.h>

using namespace agentdesk;
using namespace std::chrono_literals;
namespace engine = agentdesk::engine;

namespace {

engine::CenterConfig center() {
    engine::CenterConfig config;
    config.settings.notReadyReasons = {"Break"};
    config.users = {agentdesk::testing::demoUser("anna", {"support"}, "Anna Kowalski"),
                    agentdesk::testing::demoUser("ben", {"support"}, "Ben Okafor")};
    engine::ServiceConfig voice;
    voice.id = "support-voice";
    voice.name = "Support line";
    voice.skills = {"support"};
    voice.afterCallWork = engine::WrapUp::untilCompleted();
    engine::ServiceConfig billing = voice;
    billing.id = "billing-voice";
    billing.name = "Billing";
    billing.skills = {"billing"};
    config.services = {voice, billing};
    config.customers = {engine::Customer{"c-1", "Maria Lopez", "+34 612 345 678", "", ""}};
    return config;
}

/// Anna's desktop and Ben's, on one bus with the contact center; Anna answers Maria's call.
struct TwoDesks {
    Harness harness;
    engine::ContactCenter contactCenter{harness.bus, harness.clock, harness.timers, center()};
    engine::VoiceService voiceService{contactCenter, harness.bus, harness.clock};
    engine::DirectoryService directoryService{contactCenter, harness.bus};
    voice::CallControl anna{harness.bus, harness.clock};
    directory::DirectoryModel annaDirectory{harness.bus, {}};
    std::optional<voice::CallControl> ben;
    std::string call;

    TwoDesks() {
        harness.bus.publish(events::LoginRequest{"anna", "demo", PhoneDevice::Softphone, {}, false});
        ben.emplace(harness.bus, harness.clock);
        harness.bus.publish(events::LoginRequest{"ben", "demo", PhoneDevice::Softphone, {}, false});
        harness.bus.publish(events::SetState{"u-anna", AgentState::Ready, {}});
        call = *contactCenter.arrive(engine::Arrival{"support-voice", "c-1", {}, {}, std::nullopt});
        harness.bus.publish(events::Accept{call, "u-anna"});
        REQUIRE(anna.connected());
        harness.bus.publish(events::SetState{"u-ben", AgentState::Ready, {}});
    }
};

const events::CallTarget kBen{events::TargetKind::Agent, "u-ben", {}};

}  // namespace

TEST_CASE("the panel offers consult and transfer on a call, then alternate, complete and merge once the colleague answers") {
    TwoDesks d;
    CHECK(d.anna.canConsult());
    CHECK(d.anna.canTransfer());
    CHECK_FALSE(d.anna.consultAnswered());
    CHECK_FALSE(d.anna.canMerge());

    d.anna.consult(kBen);
    CHECK(d.anna.consulting());
    CHECK(d.anna.call()->state.held);
    CHECK_FALSE(d.anna.canConsult());       // one consultation at a time
    CHECK_FALSE(d.anna.canCompleteTransfer());  // still ringing
    CHECK(d.anna.canTransfer());            // blind, elsewhere: the consultation is hung up
    REQUIRE(d.ben->joined());               // Ben's panel: Anna is consulting him, it rings
    CHECK(d.ben->joinedHostName() == "Anna Kowalski");
    CHECK(d.ben->consultRinging());

    d.harness.advance(3s);
    CHECK_FALSE(d.anna.consultAnswered());  // Ben is at a desktop: it rings until he answers
    d.ben->answerConsultation();
    CHECK_FALSE(d.ben->consultRinging());
    CHECK(d.ben->joined());
    CHECK(d.anna.consultAnswered());
    CHECK(d.anna.canCompleteTransfer());
    CHECK(d.anna.canMerge());
    d.anna.alternate();
    CHECK_FALSE(d.anna.call()->state.held);
    CHECK(d.anna.call()->state.consultation.held);

    d.anna.merge();
    CHECK(d.anna.inConference());
    CHECK_FALSE(d.anna.consulting());
    CHECK(d.anna.call()->state.participants.size() == 3);
    CHECK(d.anna.canConsult());   // room for more
    CHECK_FALSE(d.anna.canTransfer());
    CHECK(d.anna.canDrop(d.anna.call()->state.participants[2]));       // Ben
    CHECK_FALSE(d.anna.canDrop(d.anna.call()->state.participants[0])); // the customer
    CHECK_FALSE(d.anna.canDrop(d.anna.call()->state.participants[1])); // herself

    // Ben sees the participants and leaves.
    REQUIRE(d.ben->joined());
    CHECK(d.ben->joined()->participants.size() == 3);
    d.ben->leave();
    CHECK_FALSE(d.ben->joined());
    CHECK_FALSE(d.anna.inConference());
    CHECK(d.anna.canTransfer());
}

TEST_CASE("after a warm transfer Anna's panel shows it transferred for wrap-up - Ben's shows the customer's call") {
    TwoDesks d;
    d.anna.consult(kBen);
    d.ben->answerConsultation();
    d.anna.completeTransfer();
    REQUIRE(d.anna.call());
    CHECK(d.anna.call()->ended);
    CHECK(d.anna.call()->transferredTo == "Ben Okafor");
    CHECK_FALSE(d.anna.connected());
    CHECK_FALSE(d.ben->joined());
    REQUIRE(d.ben->connected());
    CHECK(d.ben->call()->offer.customerName == "Maria Lopez");
    CHECK(d.ben->call()->offer.transferNote == "Transferred by Anna Kowalski");
    d.harness.bus.publish(events::Complete{d.call, "u-anna", "", ""});
    CHECK_FALSE(d.anna.call());
}

TEST_CASE("Ben declines Anna's consultation, or lets it ring out - Anna reads why, her customer still on hold") {
    TwoDesks d;
    d.anna.consult(kBen);
    REQUIRE(d.ben->consultRinging());
    SUBCASE("declined") {
        d.ben->declineConsultation();
        CHECK(d.anna.takeError() == "Ben Okafor declined the consultation. Your customer is still on hold: Retrieve to talk to them again.");
    }
    SUBCASE("not answered") {
        d.harness.advance(20s);
        CHECK(d.anna.takeError() == "Ben Okafor did not answer. Your customer is still on hold: Retrieve to talk to them again.");
    }
    CHECK_FALSE(d.ben->joined());
    CHECK_FALSE(d.ben->consultRinging());
    CHECK_FALSE(d.anna.consulting());
    CHECK(d.anna.call()->state.held);
    CHECK(d.ben->takeError().empty());  // nothing for Ben to read
    d.anna.toggleHold();
    CHECK_FALSE(d.anna.call()->state.held);
}

TEST_CASE("transferring to a colleague who is Not Ready shows why, in words") {
    TwoDesks d;
    d.harness.bus.publish(events::SetState{"u-ben", AgentState::NotReady, "Break"});
    d.anna.transfer(kBen);
    CHECK(d.anna.takeError() == "Ben Okafor is Not Ready (Break) and cannot take a call now. Choose someone else, a service or a number.");
    CHECK(d.anna.connected());
    d.anna.consult(kBen);
    CHECK(d.anna.takeError().starts_with("Ben Okafor is Not Ready"));
    CHECK_FALSE(d.anna.consulting());
}

TEST_CASE("the consult picker lists colleagues with their state, voice services and contacts - not the agent") {
    TwoDesks d;
    d.anna.searchTargets("");
    std::vector<std::string> ids;
    for (const auto& e : d.anna.targets()) ids.push_back(e.id);
    CHECK(ids == std::vector<std::string>{"u-ben", "service:billing-voice", "service:support-voice"});
    CHECK(d.anna.targets()[0].state == AgentState::Ready);
    d.harness.bus.publish(events::SetState{"u-ben", AgentState::NotReady, "Break"});
    CHECK(d.anna.targets()[0].state == AgentState::NotReady);
    CHECK(d.anna.targets()[0].reason == "Break");
}

TEST_CASE("from the directory, a call is transferred to a service's queue - a refusal shows there") {
    TwoDesks d;
    directory::DirectoryModel& directory = d.annaDirectory;
    REQUIRE(directory.onCall());
    directory.setQuery("billing");
    REQUIRE(directory.rows().size() == 1);
    const events::DirectoryEntry billing = directory.rows()[0].entry;
    REQUIRE(directory.targetOf(billing));
    CHECK(directory.targetOf(billing)->kind == events::TargetKind::Service);

    directory.setQuery("ben");
    REQUIRE(directory.rows().size() == 1);
    d.harness.bus.publish(events::SetState{"u-ben", AgentState::NotReady, "Break"});
    directory.consult(directory.rows()[0].entry);
    CHECK(directory.takeError().starts_with("Ben Okafor is Not Ready (Break)"));

    directory.transfer(billing);
    CHECK(d.anna.call()->ended);
    CHECK(d.anna.call()->transferredTo == "Billing queue");
    CHECK(d.contactCenter.queue("billing-voice").size() == 1);
    CHECK_FALSE(directory.onCall());
}
