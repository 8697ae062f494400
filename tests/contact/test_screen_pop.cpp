// Screen-pop to a web page (UI-10): a service may name a page for the customer, opened in the
// browser when its interaction is offered or when it is accepted.

#include "model/contact_info.hpp"
#include "model/contact_center.hpp"

#include <agentdesk/events/agent.hpp>
#include <agentdesk/events/interaction.hpp>
#include <agentdesk/runtime/harness.hpp>

#include "engine/demo_hash.hpp"

#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

using namespace agentdesk;
namespace engine = agentdesk::engine;

namespace {

engine::CenterConfig center(bool onOffer) {
    engine::CenterConfig config;
    config.settings.notReadyReasons = {"Break"};
    config.users = {agentdesk::testing::demoUser("anna", {"support"}, "Anna Kowalski")};
    engine::ServiceConfig voice;
    voice.id = "support-voice";
    voice.name = "Support line";
    voice.channel = Channel::Voice;
    voice.skills = {"support"};
    voice.screenPopUrl = "https://crm.example.com/customers/{customerId}?name={customerName}&call={interactionId}";
    voice.screenPopOnOffer = onOffer;
    engine::ServiceConfig plain = voice;
    plain.id = "sales-voice";
    plain.screenPopUrl.clear();
    config.services = {voice, plain};
    config.customers = {engine::Customer{"c-1", "María López & Co", "+34 612 345 678", "maria@example.es", ""}};
    return config;
}

struct Desktop {
    Harness harness;
    engine::ContactCenter contactCenter;
    std::vector<std::string> opened;
    contact::ContactInfo info;

    explicit Desktop(bool onOffer)
        : contactCenter(harness.bus, harness.clock, harness.timers, center(onOffer)),
          info(harness.bus, {}, [this](const std::string& url) { opened.push_back(url); }) {
        harness.bus.publish(events::LoginRequest{"anna", "demo", PhoneDevice::Softphone, {}, false});
        harness.bus.publish(events::SetState{"u-anna", AgentState::Ready, {}});
    }
    std::string arrive(const char* service) {
        return *contactCenter.arrive(engine::Arrival{service, "c-1", "", "", std::nullopt});
    }
};

}  // namespace

TEST_CASE("the service's page opens when the call is accepted, once, with the customer filled in") {
    Desktop d(false);
    const std::string call = d.arrive("support-voice");
    CHECK(d.opened.empty());  // ringing: not yet
    d.harness.bus.publish(events::Accept{call, "u-anna"});
    REQUIRE(d.opened.size() == 1);
    CHECK(d.opened[0] == "https://crm.example.com/customers/c-1?name=Mar%C3%ADa%20L%C3%B3pez%20%26%20Co&call=" + call);
}

TEST_CASE("a service may open its page as soon as the call rings - one without a page opens nothing") {
    Desktop d(true);
    d.arrive("support-voice");
    CHECK(d.opened.size() == 1);
    Desktop other(true);
    const std::string call = other.arrive("sales-voice");
    other.harness.bus.publish(events::Accept{call, "u-anna"});
    CHECK(other.opened.empty());
}

TEST_CASE("services.json: a screen-pop needs a web address and says when it opens") {
    engine::CenterSettings defaults;
    auto parse = [&](const char* text) { return engine::parseServices(nlohmann::json::parse(text), defaults); };
    auto services = parse(R"({"services": [{"id": "s", "channel": "Voice",
        "screenPop": {"url": "https://crm.example.com/{from}", "on": "offer"}}]})");
    CHECK(services[0].screenPopUrl == "https://crm.example.com/{from}");
    CHECK(services[0].screenPopOnOffer);
    CHECK_THROWS_WITH_AS(parse(R"({"services": [{"id": "s", "channel": "Voice", "screenPop": {"url": "file:///etc/passwd"}}]})"),
                         doctest::Contains("https://"), engine::ConfigError);
    CHECK_THROWS_WITH_AS(parse(R"({"services": [{"id": "s", "channel": "Voice", "screenPop": {"url": "https://x", "on": "later"}}]})"),
                         doctest::Contains("offer or accept"), engine::ConfigError);
    CHECK(engine::expandScreenPop("https://x/{from}/{unknown}", {{"from", "+1 555"}}) == "https://x/%2B1%20555/{unknown}");
}
