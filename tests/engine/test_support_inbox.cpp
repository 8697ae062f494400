// What agents send for support (OTHER-06, OTHER-07), against the embedded contact center and its
// store: call quality reports kept with the call's id, and log bundles that arrive in chunks and
// land in the administrator's inbox under a ticket.

#include "model/contact_center.hpp"
#include "store/engine_store.hpp"
#include "store/interaction_recorder.hpp"
#include "store/support_inbox.hpp"

#include <agentdesk/events/core.hpp>
#include <agentdesk/events/support.hpp>
#include <agentdesk/runtime/harness.hpp>

#include "engine/bus_log.hpp"
#include "engine/demo_hash.hpp"
#include "engine/scratch_dir.hpp"

#include <doctest/doctest.h>

#include <fstream>
#include <iterator>

using namespace agentdesk;
using namespace agentdesk::engine;
using agentdesk::testing::BusLog;
using namespace std::chrono_literals;

namespace {

CenterConfig supportCenter() {
    CenterConfig config;
    config.settings.notReadyReasons = {"Break"};
    config.users = {agentdesk::testing::demoUser("anna", {"support"}), agentdesk::testing::demoUser("ben", {"support"})};
    ServiceConfig voice;
    voice.id = "support-voice";
    voice.name = "Support line";
    voice.skills = {"support"};
    ServiceConfig chat;
    chat.id = "support-chat";
    chat.name = "Support chat";
    chat.channel = Channel::Chat;
    chat.skills = {"support"};
    config.services = {voice, chat};
    return config;
}

struct Desk {
    agentdesk::testing::ScratchDir dir{"agentdesk-support"};
    Harness harness;
    BusLog log{harness.bus};
    EngineStore store{dir.path() / "engine.db"};
    ContactCenter center{harness.bus, harness.clock, harness.timers, supportCenter()};
    InteractionRecorder recorder{center, store};
    SupportInbox inbox{center, store, harness.bus, harness.clock, dir.path() / "admin-inbox"};

    Desk() {
        for (const char* user : {"anna", "ben"}) {
            harness.bus.publish(events::LoginRequest{user, "demo", PhoneDevice::Softphone, {}, false});
        }
        harness.bus.publish(events::SetState{"u-anna", AgentState::Ready, {}});
    }
    std::string answeredCall() {
        const std::string call = *center.arrive(Arrival{"support-voice", "", "+44 20 7946 0000", {}, std::nullopt});
        REQUIRE_FALSE(center.accept("u-anna", call));
        return call;
    }
};

std::string fileText(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

}  // namespace

TEST_CASE("a call quality report is stored with the call's id, during the call and after it ended") {
    Desk d;
    const std::string call = d.answeredCall();
    d.harness.advance(30s);
    d.harness.bus.publish(events::ReportCallQuality{"u-anna", call, {"echo", "delay", "echo"}, "Started after 20 s"});
    const auto reported = d.log.last<events::CallQualityReported>().first;
    CHECK(reported.interactionId == call);
    CHECK(reported.problems == std::vector<std::string>{"echo", "delay"});

    REQUIRE_FALSE(d.center.release("u-anna", call));
    d.harness.advance(1min);
    d.harness.bus.publish(events::ReportCallQuality{"u-anna", call, {"dropped"}, ""});

    const auto reports = d.inbox.reportsFor(call);
    REQUIRE(reports.size() == 2);
    CHECK(reports[0].agentId == "u-anna");
    CHECK(reports[0].problems == std::vector<std::string>{"echo", "delay"});
    CHECK(reports[0].comment == "Started after 20 s");
    CHECK(reports[1].problems == std::vector<std::string>{"dropped"});
    CHECK(reports[1].reportedMs - reports[0].reportedMs == 60'000);
}

TEST_CASE("a quality report needs the agent's own call and at least one known problem") {
    Desk d;
    const std::string call = d.answeredCall();
    const std::uint64_t notTheirs = d.harness.bus.publish(events::ReportCallQuality{"u-ben", call, {"echo"}, ""});
    CHECK(d.log.errorFor(notTheirs)->code == "unknown_interaction");
    const std::uint64_t none = d.harness.bus.publish(events::ReportCallQuality{"u-anna", call, {}, "bad"});
    CHECK(d.log.errorFor(none)->code == "invalid_report");
    const std::uint64_t unknown = d.harness.bus.publish(events::ReportCallQuality{"u-anna", call, {"static"}, ""});
    CHECK(d.log.errorFor(unknown)->message == "\"static\" is not a call quality problem.");

    REQUIRE_FALSE(d.center.release("u-anna", call));
    d.harness.bus.publish(events::SetState{"u-anna", AgentState::Ready, {}});
    const std::string chat = *d.center.arrive(Arrival{"support-chat", "", "visitor-7", {}, std::nullopt});
    REQUIRE_FALSE(d.center.accept("u-anna", chat));
    const std::uint64_t onChat = d.harness.bus.publish(events::ReportCallQuality{"u-anna", chat, {"noise"}, ""});
    CHECK(d.log.errorFor(onChat)->code == "unknown_interaction");
    CHECK(d.inbox.reportsFor(call).empty());
}

TEST_CASE("a log bundle sent in chunks lands whole in the administrator's inbox under a ticket") {
    Desk d;
    std::string bundle;
    for (int i = 0; i < 5000; ++i) bundle += static_cast<char>(i * 7 % 256);
    d.harness.bus.publish(events::BeginLogsUpload{"u-anna", "up-1", "../../etc/agentdesk logs.tar.gz",
                                                  "The call panel froze after a transfer",
                                                  static_cast<std::int64_t>(bundle.size())});
    CHECK(d.log.last<events::LogsUploadProgress>().first.received == 0);
    for (std::size_t offset = 0; offset < bundle.size(); offset += 2048) {
        const std::string part = bundle.substr(offset, 2048);
        d.harness.bus.publish(events::LogsUploadChunk{"up-1", static_cast<std::int64_t>(offset),
                                                      std::vector<char>(part.begin(), part.end())});
    }
    const auto progress = d.log.all<events::LogsUploadProgress>();
    REQUIRE(progress.size() == 4);
    CHECK(progress[1].first.received == 2048);
    CHECK(progress[3].first.received == 5000);
    CHECK(progress[3].first.size == 5000);
    d.harness.bus.publish(events::EndLogsUpload{"up-1"});
    const auto uploaded = d.log.last<events::LogsUploaded>().first;
    CHECK(uploaded.ticket == "LOG-0001");
    CHECK(uploaded.size == 5000);

    const auto items = d.inbox.inbox();
    REQUIRE(items.size() == 1);
    CHECK(items[0].agentId == "u-anna");
    CHECK(items[0].description == "The call panel froze after a transfer");
    CHECK(items[0].fileName == "agentdesk_logs.tar.gz");  // the path and the space are gone
    CHECK(items[0].storedAs.parent_path() == d.dir.path() / "admin-inbox");
    CHECK(fileText(items[0].storedAs) == bundle);

    // The next one gets the next ticket.
    d.harness.bus.publish(events::BeginLogsUpload{"u-anna", "up-2", "b.tar.gz", "", 3});
    d.harness.bus.publish(events::LogsUploadChunk{"up-2", 0, {'a', 'b', 'c'}});
    d.harness.bus.publish(events::EndLogsUpload{"up-2"});
    CHECK(d.log.last<events::LogsUploaded>().first.ticket == "LOG-0002");
}

TEST_CASE("a bundle with a missing part, a short one or an oversized one is refused and leaves nothing behind") {
    Desk d;
    d.harness.bus.publish(events::BeginLogsUpload{"u-anna", "gap", "a.tar.gz", "", 10});
    d.harness.bus.publish(events::LogsUploadChunk{"gap", 0, {'1', '2', '3'}});
    const std::uint64_t skipped = d.harness.bus.publish(events::LogsUploadChunk{"gap", 5, {'6', '7'}});
    CHECK(d.log.errorFor(skipped)->code == "upload_failed");
    const std::uint64_t afterFailure = d.harness.bus.publish(events::EndLogsUpload{"gap"});
    CHECK(d.log.errorFor(afterFailure)->code == "upload_failed");

    d.harness.bus.publish(events::BeginLogsUpload{"u-anna", "short", "a.tar.gz", "", 10});
    d.harness.bus.publish(events::LogsUploadChunk{"short", 0, {'1'}});
    const std::uint64_t early = d.harness.bus.publish(events::EndLogsUpload{"short"});
    CHECK(d.log.errorFor(early)->message == "The logs could not be sent: 1 of 10 bytes arrived.");

    const std::uint64_t huge =
        d.harness.bus.publish(events::BeginLogsUpload{"u-anna", "huge", "a.tar.gz", "", SupportInbox::maxUploadBytes + 1});
    CHECK(d.log.errorFor(huge)->code == "upload_failed");
    const std::uint64_t stranger = d.harness.bus.publish(events::BeginLogsUpload{"u-zed", "z", "a.tar.gz", "", 1});
    CHECK(d.log.errorFor(stranger)->code == "not_logged_in");

    CHECK(d.inbox.inbox().empty());
    CHECK(std::filesystem::is_empty(d.dir.path() / "admin-inbox"));
}
