// The wallboard's model (spec OTHER-02): thresholds in both directions, figures as the board
// shows them, boards read and written, live figures kept incrementally, flashes and page rotation.

#include "model/board.hpp"
#include "model/wallboard_model.hpp"

#include <agentdesk/runtime/harness.hpp>

#include "engine/scratch_dir.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <fstream>

using namespace agentdesk;
using namespace agentdesk::wallboard;
using agentdesk::testing::ScratchDir;
using namespace std::chrono_literals;

namespace {

events::ServiceMetrics service(std::string id, Channel channel = Channel::Voice) {
    events::ServiceMetrics s;
    s.serviceId = id;
    s.name = "Service " + id;
    s.channel = channel;
    return s;
}

events::AgentMetrics agent(std::string id, std::string team, AgentState state, std::int64_t since = 0) {
    events::AgentMetrics a;
    a.agentId = id;
    a.displayName = "Agent " + id;
    a.team = std::move(team);
    a.state = state;
    a.stateSinceMs = since;
    return a;
}

Board boardWith(std::map<Metric, Threshold> thresholds) {
    Board b;
    b.thresholds = std::move(thresholds);
    b.pages = {Page{"All", PageKind::Services, {}, {Metric::InQueue, Metric::LongestWait, Metric::ServiceLevel}, {}},
               Page{"Agents", PageKind::Agents, {}, {}, {}}};
    return b;
}

}  // namespace

// ---- thresholds --------------------------------------------------------------------------------

TEST_CASE("a longer wait is worse: amber from the amber boundary and red from the red one") {
    const Threshold t{60, 120};
    CHECK(evaluate(Metric::LongestWait, t, 0) == Level::Ok);
    CHECK(evaluate(Metric::LongestWait, t, 59.999) == Level::Ok);
    CHECK(evaluate(Metric::LongestWait, t, 60) == Level::Amber);  // reaching the boundary counts
    CHECK(evaluate(Metric::LongestWait, t, 119.999) == Level::Amber);
    CHECK(evaluate(Metric::LongestWait, t, 120) == Level::Red);
    CHECK(evaluate(Metric::LongestWait, t, 5000) == Level::Red);
}

TEST_CASE("a lower service level is worse: amber at or below amber and red at or below red") {
    const Threshold t{80, 70};
    CHECK(evaluate(Metric::ServiceLevel, t, 100) == Level::Ok);
    CHECK(evaluate(Metric::ServiceLevel, t, 80.001) == Level::Ok);
    CHECK(evaluate(Metric::ServiceLevel, t, 80) == Level::Amber);
    CHECK(evaluate(Metric::ServiceLevel, t, 70.001) == Level::Amber);
    CHECK(evaluate(Metric::ServiceLevel, t, 70) == Level::Red);
    CHECK(evaluate(Metric::ServiceLevel, t, 0) == Level::Red);
}

TEST_CASE("thresholds ordered against the metric's direction are refused with the reason") {
    std::string why;
    CHECK(validThreshold(Metric::LongestWait, {60, 120}, why));
    CHECK_FALSE(validThreshold(Metric::LongestWait, {120, 60}, why));
    CHECK(why == "red (60) must not be below amber (120): a higher Longest wait is worse");
    CHECK(validThreshold(Metric::ServiceLevel, {80, 70}, why));
    CHECK_FALSE(validThreshold(Metric::ServiceLevel, {70, 80}, why));
    CHECK(why == "red (80) must not be above amber (70): a lower Service level is worse");
}

TEST_CASE("figures read as on a wallboard: counts and m:ss and whole percents and a dash without data") {
    CHECK(formatFigure(Metric::InQueue, 12) == "12");
    CHECK(formatFigure(Metric::LongestWait, 0) == "0:00");
    CHECK(formatFigure(Metric::AverageHandleTime, 145) == "2:25");
    CHECK(formatFigure(Metric::AverageSpeedOfAnswer, 59.999) == "0:59");
    CHECK(formatFigure(Metric::LongestWait, 3725) == "1:02:05");
    CHECK(formatFigure(Metric::ServiceLevel, 100.0 / 3) == "33%");
    CHECK(formatFigure(Metric::ServiceLevel, 66.5) == "67%");
    CHECK(formatFigure(Metric::ServiceLevel, std::nullopt) == "\xe2\x80\x93");
    events::ServiceMetrics s = service("x");
    CHECK_FALSE(valueOf(Metric::ServiceLevel, s));           // -1: nothing answered or abandoned yet
    CHECK_FALSE(valueOf(Metric::AverageHandleTime, s));      // nothing completed
    s.longestWaitMs = 61'500;
    CHECK(*valueOf(Metric::LongestWait, s) == doctest::Approx(61.5));
}

// ---- board files -------------------------------------------------------------------------------

TEST_CASE("a board survives the round trip through JSON and a file unchanged") {
    Board b = defaultBoard();
    b.name = "Floor 3";
    b.rotateSeconds = 20;
    b.ticker = {"Łódź team leads the month", "Coffee in the kitchen"};
    b.serviceThresholds["billing"] = {{Metric::LongestWait, {30, 45.5}}};
    b.pages.push_back(Page{"Billing", PageKind::Services, {"billing"}, {Metric::ServiceLevel, Metric::Abandoned}, {}});
    b.pages.push_back(Page{"Team Blue", PageKind::Agents, {}, {}, {"Team Blue"}});
    BoardRead back = boardFromJson(toJson(b));
    REQUIRE_MESSAGE(back.board, back.error);
    CHECK(*back.board == b);

    ScratchDir dir;
    std::string error;
    REQUIRE(saveBoardFile(dir.path() / "boards" / "floor3.json", b, error));
    BoardRead file = loadBoardFile(dir.path() / "boards" / "floor3.json");
    REQUIRE_MESSAGE(file.board, file.error);
    CHECK(*file.board == b);
    CHECK(file.board->thresholdFor("billing", Metric::LongestWait)->red == 45.5);
    CHECK(file.board->thresholdFor("sales", Metric::LongestWait)->red == 120);  // the board's own
}

TEST_CASE("the shipped default board is valid") {
    BoardRead read = loadBoardFile(std::filesystem::path(AGENTDESK_TEST_ASSETS) / "boards" / "default.json");
    REQUIRE_MESSAGE(read.board, read.error);
    CHECK(read.board->pages.size() == 3);
    CHECK(read.board->pages[2].kind == PageKind::Agents);
}

TEST_CASE("a corrupt board file is refused with a message naming the file and where it broke") {
    ScratchDir dir;
    const auto file = dir.path() / "broken.json";
    std::ofstream(file) << "{\n  \"name\": \"Floor 3\",\n  \"pages\": [\n";
    BoardRead read = loadBoardFile(file);
    CHECK_FALSE(read.board);
    CHECK(read.error.find(file.string()) != std::string::npos);
    CHECK(read.error.find("is not valid JSON") != std::string::npos);
    CHECK(read.error.find("line 4") != std::string::npos);
    // The file is left as it was: nothing of it is lost.
    std::ifstream in(file);
    std::string text((std::istreambuf_iterator<char>(in)), {});
    CHECK(text == "{\n  \"name\": \"Floor 3\",\n  \"pages\": [\n");

    CHECK(loadBoardFile(dir.path() / "missing.json").error == "board " + (dir.path() / "missing.json").string() + " does not exist");
}

TEST_CASE("a board with wrong fields is refused naming the field") {
    using nlohmann::json;
    auto error = [](json j) { return boardFromJson(j).error; };
    json pages = json::array({{{"kind", "services"}, {"metrics", {"inQueue"}}}});
    CHECK(error({{"pages", json::array({{{"metrics", {"inQueue", "longwait"}}}})}}).starts_with(
        "pages[0].metrics[1]: unknown metric 'longwait' (known: inQueue, longestWait, serviceLevel"));
    CHECK(error({{"pages", pages}, {"thresholds", {{"serviceLevel", {{"amber", 70}, {"red", 80}}}}}}) ==
          "thresholds.serviceLevel: red (80) must not be above amber (70): a lower Service level is worse");
    CHECK(error({{"pages", pages}, {"thresholds", {{"longestWait", {{"amber", 60}}}}}}) ==
          "thresholds.longestWait: needs numbers \"amber\" and \"red\"");
    CHECK(error({{"name", "x"}}) == "pages: missing: a board needs at least one page");
    CHECK(error({{"pages", pages}, {"rotateSeconds", 1}}) == "rotateSeconds: must be between 3 and 3600");
    CHECK(error({{"pages", json::array({{{"kind", "graphs"}}})}}) == "pages[0].kind: must be \"services\" or \"agents\", not 'graphs'");
    CHECK(error({{"pages", pages}, {"version", 2}}).starts_with("version: this board was written by a newer AgentDesk"));
    CHECK(boardFromJson({{"pages", pages}}).board);
}

// ---- live figures ------------------------------------------------------------------------------

TEST_CASE("a service tile takes the worst level of the figures the board shows and flashes when one gets worse") {
    Harness h;
    WallboardModel model(h.bus, h.clock, boardWith({{Metric::LongestWait, {60, 120}}, {Metric::ServiceLevel, {80, 70}},
                                                    {Metric::Abandoned, {1, 2}}}));
    events::ServiceMetricsSnapshot snap;
    snap.atMs = toEpochMs(h.clock.now());
    snap.services = {service("sales"), service("chat", Channel::Chat)};
    snap.services[0].serviceLevelPct = 90;
    snap.services[0].inQueue = 2;
    snap.services[1].inQueue = 3;
    h.bus.publish(snap);
    REQUIRE(model.services().size() == 2);
    const ServiceTile* sales = model.service("sales");
    CHECK(sales->worst == Level::Ok);
    CHECK(model.inQueueByChannel()[static_cast<int>(Channel::Voice)] == 2);
    CHECK(model.inQueueByChannel()[static_cast<int>(Channel::Chat)] == 3);
    CHECK_FALSE(model.flashing(*sales, h.clock.now()));

    h.advance(2s);
    snap.atMs = toEpochMs(h.clock.now());
    snap.services[0].longestWaitMs = 60'000;  // amber
    snap.services[0].serviceLevelPct = 70;    // red
    snap.services[0].abandoned = 5;           // red, but no page shows it: it does not colour the tile
    snap.services[0].inQueue = 4;
    h.bus.publish(snap);
    sales = model.service("sales");
    CHECK(sales->levels[static_cast<int>(Metric::LongestWait)] == Level::Amber);
    CHECK(sales->levels[static_cast<int>(Metric::ServiceLevel)] == Level::Red);
    CHECK(sales->levels[static_cast<int>(Metric::Abandoned)] == Level::Red);
    CHECK(sales->worst == Level::Red);
    CHECK(model.inQueueByChannel()[static_cast<int>(Channel::Voice)] == 4);
    CHECK(model.flashing(*sales, h.clock.now()));
    CHECK(model.flashing(*sales, h.clock.now() + 9s));
    CHECK_FALSE(model.flashing(*sales, h.clock.now() + 10s));  // flashSeconds = 10
    CHECK(model.flashEnds(h.clock.now()) == h.clock.now() + 10s);
    CHECK(model.service("chat")->worst == Level::Ok);

    // The same figures again change nothing (and do not flash again).
    const auto revision = model.revision();
    h.advance(20s);
    snap.atMs = toEpochMs(h.clock.now());
    h.bus.publish(snap);
    CHECK(model.revision() == revision);
    CHECK_FALSE(model.flashing(*model.service("sales"), h.clock.now()));

    // Per-service thresholds win over the board's.
    Board b = model.board();
    b.serviceThresholds["sales"] = {{Metric::ServiceLevel, {60, 50}}};
    model.setBoard(b);
    CHECK(model.service("sales")->levels[static_cast<int>(Metric::ServiceLevel)] == Level::Ok);
    CHECK(model.service("sales")->worst == Level::Amber);  // the wait is still amber
}

TEST_CASE("agent counts move only with the agents whose state changed and pages keep their teams") {
    Harness h;
    Board b = boardWith({});
    b.pages.push_back(Page{"Blue", PageKind::Agents, {}, {}, {"Blue"}});
    WallboardModel model(h.bus, h.clock, b);
    events::AgentMetricsSnapshot snap;
    snap.atMs = toEpochMs(h.clock.now());
    snap.agents = {agent("a", "Blue", AgentState::Ready), agent("b", "Red", AgentState::Busy),
                   agent("c", "Blue", AgentState::NotReady), agent("d", "Blue", AgentState::LoggedOut)};
    h.bus.publish(snap);
    auto count = [&](AgentState s) { return model.stateCounts()[static_cast<int>(s)]; };
    CHECK(count(AgentState::Ready) == 1);
    CHECK(count(AgentState::Busy) == 1);
    CHECK(count(AgentState::NotReady) == 1);
    CHECK(model.agentsOn(1) == std::vector<int>{0, 1, 2});  // everyone logged in
    CHECK(model.agentsOn(2) == std::vector<int>{0, 2});     // Blue only

    snap.agents[0].state = AgentState::Busy;
    snap.agents[0].stateSinceMs = 5000;
    snap.agents[3].state = AgentState::Ready;  // d logs in
    h.bus.publish(snap);
    CHECK(count(AgentState::Ready) == 1);
    CHECK(count(AgentState::Busy) == 2);
    CHECK(model.agents()[0].stateSinceMs == 5000);
    CHECK(model.agentsOn(2) == std::vector<int>{0, 2, 3});

    snap.agents.push_back(agent("e", "Red", AgentState::Ready));  // someone new: counted again from scratch
    h.bus.publish(snap);
    CHECK(count(AgentState::Ready) == 2);
    CHECK(model.agents().size() == 5);
}

TEST_CASE("a services page lists its services in the board's order skipping unknown ones") {
    Harness h;
    Board b = boardWith({});
    b.pages[0].services = {"email", "nope", "sales"};
    WallboardModel model(h.bus, h.clock, b);
    events::ServiceMetricsSnapshot snap;
    snap.services = {service("sales"), service("chat"), service("email")};
    h.bus.publish(snap);
    CHECK(model.servicesOn(0) == std::vector<int>{2, 0});
}

TEST_CASE("pages rotate every interval through each screenful of a long page") {
    PageRotation r(15s);
    const TimePoint t0 = fromEpochMs(1'767'600'000'000);
    r.setPageCount(2);
    CHECK(r.advance(t0) == PageRotation::Position{0, 0});
    r.setScreens(3);  // page 0 needs three screens
    CHECK(r.advance(t0 + 14s) == PageRotation::Position{0, 0});
    CHECK(r.advance(t0 + 15s) == PageRotation::Position{0, 1});
    CHECK(r.nextMove() == t0 + 30s);
    CHECK(r.advance(t0 + 30s) == PageRotation::Position{0, 2});
    CHECK(r.advance(t0 + 45s) == PageRotation::Position{1, 0});
    CHECK(r.advance(t0 + 60s) == PageRotation::Position{0, 0});
    r.setPaused(true);
    CHECK(r.advance(t0 + 200s) == PageRotation::Position{0, 0});
    CHECK_FALSE(r.nextMove());
    r.setPaused(false);
    CHECK(r.previous(t0 + 201s) == PageRotation::Position{1, 0});
    r.setPageCount(1);
    r.setScreens(1);
    CHECK(r.advance(t0 + 400s) == PageRotation::Position{0, 0});
    CHECK_FALSE(r.nextMove());  // one page, one screen: nothing to wake up for
}
