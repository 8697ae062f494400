// The wallboard start mode on the command line: agentdesk --wallboard [--monitor N] [--board FILE].

#include "core/options.hpp"

#include <doctest/doctest.h>

#include <vector>

using namespace agentdesk::host;

namespace {

std::optional<Options> parse(std::vector<const char*> args, std::string& error) {
    args.insert(args.begin(), "agentdesk");
    return parseOptions(static_cast<int>(args.size()), args.data(), error);
}

}  // namespace

TEST_CASE("--wallboard with a monitor and a board file") {
    std::string error;
    auto o = parse({"--wallboard", "--monitor", "2", "--board", "floor3.json"}, error);
    REQUIRE(o);
    CHECK(o->wallboard);
    CHECK(o->monitor == 2);
    CHECK(o->board == std::filesystem::path("floor3.json"));
    o = parse({"--wallboard"}, error);
    REQUIRE(o);
    CHECK(o->monitor == 0);  // the primary one
    CHECK_FALSE(o->board);
}

TEST_CASE("wallboard options are checked with a message") {
    std::string error;
    CHECK_FALSE(parse({"--wallboard", "--monitor", "0"}, error));
    CHECK(error == "--monitor needs a monitor number from 1, got '0'");
    CHECK_FALSE(parse({"--monitor", "2"}, error));
    CHECK(error == "--monitor goes with --wallboard");
    CHECK_FALSE(parse({"--board", "x.json"}, error));
    CHECK(error == "--board goes with --wallboard");
    CHECK_FALSE(parse({"--wallboard", "--board"}, error));
    CHECK(error == "--board needs a value");
}
