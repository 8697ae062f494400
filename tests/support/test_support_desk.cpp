// The Assistance panel's model against the embedded contact center: an agent raising a hand and
// seeing the supervisor join, a supervisor's list of raised hands and their supervision, a call
// quality report after the call, and a log bundle that travels in chunks to the administrator's
// inbox — plus what goes into the bundle.

#include "model/assistance.hpp"
#include "model/contact_center.hpp"
#include "model/log_bundle.hpp"
#include "model/support_desk.hpp"
#include "store/engine_store.hpp"
#include "store/interaction_recorder.hpp"
#include "store/support_inbox.hpp"

#include <agentdesk/events/agent.hpp>
#include <agentdesk/recording.hpp>
#include <agentdesk/runtime/harness.hpp>

#include "engine/demo_hash.hpp"
#include "engine/scratch_dir.hpp"

#include <archive.h>
#include <archive_entry.h>
#include <doctest/doctest.h>

#include <fstream>
#include <iterator>
#include <map>

using namespace agentdesk;
using namespace agentdesk::support;
using namespace std::chrono_literals;
namespace engine = agentdesk::engine;
using agentdesk::testing::demoUser;

namespace {

engine::CenterConfig floorConfig() {
    engine::CenterConfig config;
    config.settings.notReadyReasons = {"Break"};
    auto anna = demoUser("anna", {"support"}, "Anna Kowalski");
    anna.team = "Support";
    auto sam = demoUser("sam", {"support"}, "Sam Rivera", "supervisor");
    sam.team = "Support";
    config.users = {anna, sam};
    engine::ServiceConfig voice;
    voice.id = "support-voice";
    voice.name = "Support line";
    voice.skills = {"support"};
    config.services = {voice};
    config.customers = {engine::Customer{"c-1", "Maria Lopez", "+34 612 345 678", "", ""}};
    return config;
}

struct Notice {
    bool problem;
    std::string title;
    std::string text;
};

struct Floor {
    agentdesk::testing::ScratchDir dir{"agentdesk-support-desk"};
    Harness harness;
    engine::EngineStore store{dir.path() / "engine.db"};
    engine::ContactCenter center{harness.bus, harness.clock, harness.timers, floorConfig()};
    engine::InteractionRecorder recorder{center, store};
    engine::Assistance assistance{center, harness.bus, harness.clock, harness.timers};
    engine::SupportInbox inbox{center, store, harness.bus, harness.clock, dir.path() / "admin-inbox"};
    std::vector<Notice> notices;
    SupportDesk desk{harness.bus, harness.clock,
                     [this](bool problem, const std::string& title, const std::string& text) {
                         notices.push_back({problem, title, text});
                     }};

    /// This desktop's login.
    void logIn(const std::string& user) {
        harness.bus.publish(events::LoginRequest{user, "demo", PhoneDevice::Softphone, {}, false},
                            harness.bus.nextCorrelation());
        REQUIRE(desk.loggedIn());
    }
    /// A call answered by `agentId`.
    std::string answeredCall(const std::string& agentId) {
        REQUIRE_FALSE(center.setState(agentId, AgentState::Ready, {}));
        const std::string call = *center.arrive(engine::Arrival{"support-voice", "c-1", {}, {}, std::nullopt});
        REQUIRE_FALSE(center.accept(agentId, call));
        return call;
    }
};

std::map<std::string, std::string> unpack(const std::vector<char>& bytes) {
    std::map<std::string, std::string> files;
    archive* reader = archive_read_new();
    archive_read_support_filter_gzip(reader);
    archive_read_support_format_tar(reader);
    REQUIRE(archive_read_open_memory(reader, bytes.data(), bytes.size()) == ARCHIVE_OK);
    archive_entry* entry = nullptr;
    while (archive_read_next_header(reader, &entry) == ARCHIVE_OK) {
        std::string content(static_cast<std::size_t>(archive_entry_size(entry)), '\0');
        if (!content.empty()) archive_read_data(reader, content.data(), content.size());
        files[archive_entry_pathname(entry)] = content;
    }
    archive_read_free(reader);
    return files;
}

}  // namespace

TEST_CASE("the agent raises a hand on their call, sees the supervisor coach, and the hand comes down") {
    Floor f;
    f.logIn("anna");
    const std::string call = f.answeredCall("u-anna");
    REQUIRE(f.desk.connectedWork().size() == 1);
    CHECK(f.desk.connectedWork()[0]->label == "Maria Lopez - Support line");

    f.desk.raiseHand(call, "Refund over my limit");
    REQUIRE(f.desk.handOn(call));
    CHECK(f.desk.handOn(call)->note == "Refund over my limit");
    CHECK(f.desk.raisedHands().empty());  // the agent's own hand is not in the supervisors' list

    f.desk.raiseHand(call, "again");
    CHECK(f.desk.lastError() == "You have already asked for assistance on this interaction.");
    REQUIRE_FALSE(f.notices.empty());
    CHECK(f.notices.back().problem);

    f.harness.advance(engine::Assistance::simulatedAnswer);
    CHECK_FALSE(f.desk.handOn(call));
    const auto supervisors = f.desk.supervisorsOn(call);
    REQUIRE(supervisors.size() == 1);
    CHECK(supervisors[0]->supervisorName == "Sam Rivera");
    CHECK(supervisors[0]->mode == events::SupervisionMode::Coach);
    CHECK(f.notices.back().text == "Sam Rivera is coaching you (only you hear them).");

    REQUIRE_FALSE(f.center.release("u-anna", call));
    CHECK(f.desk.supervisorsOn(call).empty());
    CHECK(f.desk.connectedWork().empty());
}

TEST_CASE("a supervisor's desktop lists raised hands, joins one as Supervising, switches mode and leaves") {
    Floor f;
    f.logIn("sam");
    REQUIRE(f.desk.isSupervisor());
    REQUIRE(f.center.logInSimulated(*f.center.config().findUserById("u-anna")));
    const std::string call = f.answeredCall("u-anna");
    f.harness.bus.publish(events::RequestAssistance{"u-anna", call, "Angry customer"});
    REQUIRE(f.desk.raisedHands().size() == 1);
    CHECK(f.desk.raisedHands()[0].agentName == "Anna Kowalski");
    CHECK(f.desk.raisedHands()[0].note == "Angry customer");

    f.desk.join(call, events::SupervisionMode::Monitor);
    REQUIRE(f.desk.supervising());
    CHECK(f.desk.supervising()->agentName == "Anna Kowalski");
    CHECK(f.desk.raisedHands().empty());
    CHECK(f.center.agentState("u-sam")->state() == AgentState::Supervising);

    f.desk.join(call, events::SupervisionMode::Barge);
    CHECK(f.desk.supervising()->mode == events::SupervisionMode::Barge);
    f.desk.leave();
    CHECK_FALSE(f.desk.supervising());
    CHECK(f.center.agentState("u-sam")->state() == AgentState::NotReady);
}

TEST_CASE("a desktop that logs in late sees the hands already raised") {
    Floor f;
    REQUIRE(f.center.logInSimulated(*f.center.config().findUserById("u-anna")));
    const std::string call = f.answeredCall("u-anna");
    f.harness.bus.publish(events::RequestAssistance{"u-anna", call, ""});
    f.logIn("sam");
    REQUIRE(f.desk.raisedHands().size() == 1);
    CHECK(f.desk.raisedHands()[0].interactionId == call);
}

TEST_CASE("a call quality problem is reported on the call just ended and stored with its id") {
    Floor f;
    f.logIn("anna");
    const std::string call = f.answeredCall("u-anna");
    REQUIRE_FALSE(f.center.release("u-anna", call));
    const auto calls = f.desk.reportableCalls();
    REQUIRE(calls.size() == 1);
    CHECK(calls[0]->ended);
    f.desk.reportQuality(call, {"one_way_audio", "dropped"}, "Customer could not hear me");
    const auto reports = f.inbox.reportsFor(call);
    REQUIRE(reports.size() == 1);
    CHECK(reports[0].problems == std::vector<std::string>{"one_way_audio", "dropped"});
    CHECK(reports[0].comment == "Customer could not hear me");
    CHECK(f.notices.back().title == "Call quality");
}

TEST_CASE("only the last few calls stay reportable") {
    Floor f;
    f.logIn("anna");
    for (std::size_t i = 0; i < SupportDesk::recentCalls + 2; ++i) {
        const std::string call = f.answeredCall("u-anna");
        REQUIRE_FALSE(f.center.release("u-anna", call));
    }
    CHECK(f.desk.reportableCalls().size() == SupportDesk::recentCalls);
}

TEST_CASE("sending logs: the bundle goes in chunks with progress and comes back as a ticket") {
    Floor f;
    f.logIn("anna");
    std::vector<char> bundle(SupportDesk::chunkBytes * 2 + 1000);
    for (std::size_t i = 0; i < bundle.size(); ++i) bundle[i] = static_cast<char>(i % 251);
    std::vector<std::int64_t> progress;
    auto watch = f.harness.bus.subscribe<events::LogsUploadProgress>(
        [&](const events::LogsUploadProgress& e) { progress.push_back(e.received); });
    REQUIRE(f.desk.sendLogs(bundle, "agentdesk-logs.tar.gz", "Froze after a transfer"));
    CHECK(progress == std::vector<std::int64_t>{0, static_cast<std::int64_t>(SupportDesk::chunkBytes),
                                                static_cast<std::int64_t>(SupportDesk::chunkBytes * 2),
                                                static_cast<std::int64_t>(bundle.size())});
    CHECK(f.desk.upload().stage == UploadStage::Done);
    CHECK(f.desk.upload().ticket == "LOG-0001");
    CHECK(f.notices.back().text == "The administrator has your logs as LOG-0001.");
    const auto items = f.inbox.inbox();
    REQUIRE(items.size() == 1);
    CHECK(items[0].description == "Froze after a transfer");
    std::ifstream in(items[0].storedAs, std::ios::binary);
    CHECK(std::vector<char>(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()) == bundle);
}

TEST_CASE("a refused upload shows why and can be tried again") {
    Floor f;
    f.logIn("anna");
    REQUIRE(f.desk.sendLogs(std::vector<char>(engine::SupportInbox::maxUploadBytes + 1, 'x'), "big.tar.gz", ""));
    CHECK(f.desk.upload().stage == UploadStage::Failed);
    CHECK(f.desk.upload().error.find("64 MiB") != std::string::npos);
    REQUIRE(f.desk.sendLogs({'o', 'k'}, "small.tar.gz", ""));
    CHECK(f.desk.upload().stage == UploadStage::Done);
}

TEST_CASE("a log bundle holds the README, the log files and the recent bus traffic without passwords") {
    agentdesk::testing::ScratchDir logs{"agentdesk-bundle-logs"};
    std::ofstream(logs.path() / "agentdesk.log") << "[info] started\n[error] something broke\n";
    std::ofstream(logs.path() / "agentdesk.1.log") << "[info] yesterday\n";
    std::ofstream(logs.path() / "notes.txt") << "not a log";
    Harness harness;
    TrafficRing ring(harness.bus, harness.clock, 3);
    harness.bus.publish(events::LoginRequest{"anna", "s3cret", PhoneDevice::Softphone, {}, false});
    for (int i = 0; i < 4; ++i) harness.bus.publish(events::SetState{"u-anna", AgentState::Ready, {}});
    CHECK(ring.size() == 3);  // the oldest (the login) has gone

    BundleContents contents{"Froze after a transfer", "Anna Kowalski", "1.2.3", harness.clock.now(), logs.path(),
                            ring.lines()};
    contents.traffic.insert(contents.traffic.begin(),
                            recordingLine(Message{"agent.login.request",
                                                  encode(events::LoginRequest{"anna", "s3cret", PhoneDevice::Softphone, {}, false}),
                                                  0, "agent"},
                                          harness.clock.now()));
    const Bundle bundle = makeBundle(contents);
    CHECK(bundle.fileName.rfind("agentdesk-logs-", 0) == 0);
    const auto files = unpack(bundle.bytes);
    REQUIRE(files.size() == 4);
    CHECK(files.at("agentdesk-logs/logs/agentdesk.log") == "[info] started\n[error] something broke\n");
    CHECK(files.at("agentdesk-logs/logs/agentdesk.1.log") == "[info] yesterday\n");
    const std::string& readme = files.at("agentdesk-logs/README.txt");
    CHECK(readme.find("Froze after a transfer") != std::string::npos);
    CHECK(readme.find("Anna Kowalski") != std::string::npos);
    CHECK(readme.find("1.2.3") != std::string::npos);
    const std::string& traffic = files.at("agentdesk-logs/bus-recent.jsonl");
    CHECK(std::count(traffic.begin(), traffic.end(), '\n') == 4);
    CHECK(traffic.find("\"topic\":\"agent.state.set\"") != std::string::npos);
    CHECK(traffic.find("s3cret") == std::string::npos);
    CHECK(traffic.find("\"password\":\"***\"") != std::string::npos);
}
