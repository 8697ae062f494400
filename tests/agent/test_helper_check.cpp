// The helper application check at login (UI-04): found and up to date, missing, out of date, or
// not answering — and what the agent is told to do about it.

#include "model/helper_check.hpp"

#include <agentdesk/helper_app.hpp>

#include "engine/scratch_dir.hpp"

#include <doctest/doctest.h>

#include <fstream>

using namespace agentdesk;
using agent::HelperStatus;
namespace fs = std::filesystem;

namespace {

/// A stand-in helper: a shell script with `body`, executable.
fs::path fakeHelper(const fs::path& dir, const std::string& body) {
    const fs::path file = dir / "agentdesk-helper";
    std::ofstream(file) << "#!/bin/sh\n" << body << "\n";
    fs::permissions(file, fs::perms::owner_all);
    return file;
}

}  // namespace

TEST_CASE("versions compare number by number, a shorter one counting as zeros") {
    CHECK(agent::versionAtLeast("0.1.0", "0.1"));
    CHECK(agent::versionAtLeast("0.10.0", "0.9"));
    CHECK(agent::versionAtLeast("1.0", "0.9"));
    CHECK(agent::versionAtLeast("0.2.0-rc1", "0.2"));
    CHECK_FALSE(agent::versionAtLeast("0.0.9", "0.1"));
    CHECK_FALSE(agent::versionAtLeast("0.9", "0.10"));
    CHECK_FALSE(agent::versionAtLeast("beta", "0.1"));
}

TEST_CASE("a helper of this version or newer is usable, and no advice is given") {
    agentdesk::testing::ScratchDir dir{"agentdesk-helper"};
    const fs::path helper = fakeHelper(dir.path(), "echo 'agentdesk-helper 0.1.7'");
    const HelperStatus status = agent::checkHelper({dir.path() / "missing" / "agentdesk-helper", helper}, "0.1.0");
    CHECK(status.kind == HelperStatus::Kind::Present);
    CHECK(status.usable());
    CHECK(status.version == "0.1.7");
    CHECK(status.path == helper);
    CHECK(status.advice().empty());
    CHECK(status.summary().find("0.1.7") != std::string::npos);
}

TEST_CASE("no helper anywhere: the agent is told how to install it, and that the rest works") {
    agentdesk::testing::ScratchDir dir{"agentdesk-helper"};
    const HelperStatus status = agent::checkHelper({dir.path() / "agentdesk-helper"}, "0.1.0");
    CHECK(status.kind == HelperStatus::Kind::Missing);
    CHECK_FALSE(status.usable());
    CHECK(status.advice().find("was not found") != std::string::npos);
    CHECK(status.advice().find("everything else works") != std::string::npos);
}

TEST_CASE("an older helper is out of date: the advice names its version and the one needed") {
    agentdesk::testing::ScratchDir dir{"agentdesk-helper"};
    const fs::path helper = fakeHelper(dir.path(), "echo 'agentdesk-helper 0.0.4'");
    const HelperStatus status = agent::checkHelper({helper}, "0.1.0");
    CHECK(status.kind == HelperStatus::Kind::Outdated);
    CHECK(status.required == "0.1");
    CHECK(status.advice().find("version 0.0.4") != std::string::npos);
    CHECK(status.advice().find("0.1 or newer") != std::string::npos);
}

TEST_CASE("a helper that fails, answers nonsense or hangs is reported as not answering") {
    agentdesk::testing::ScratchDir dir{"agentdesk-helper"};
    SUBCASE("fails") { fakeHelper(dir.path(), "exit 3"); }
    SUBCASE("nonsense") { fakeHelper(dir.path(), "echo 'hello'"); }
    SUBCASE("hangs") { fakeHelper(dir.path(), "exec sleep 30"); }
    const HelperStatus status = agent::checkHelper({dir.path() / "agentdesk-helper"}, "0.1.0", Milliseconds(300));
    CHECK(status.kind == HelperStatus::Kind::Broken);
    CHECK(status.advice().find("did not answer") != std::string::npos);
}

TEST_CASE("the agentdesk-helper built with the desktop is found beside it and is up to date") {
    const std::optional<fs::path> built = findHelper();  // beside the running program, as for the desktop
    REQUIRE(built);
    const HelperStatus status = agent::checkHelper({*built}, AGENTDESK_TEST_VERSION);
    CHECK(status.kind == HelperStatus::Kind::Present);
    CHECK(status.version == AGENTDESK_TEST_VERSION);
    CHECK(agent::runForOutput(*built, {"open"}, Milliseconds(2000)) == std::nullopt);  // usage: exit status 2
}
