// The Profile dialog's model against the embedded contact center (UI-11): the profile kept in
// engine.db, and the password change checked against the stored hash and the policy, after which
// the agent logs in with the new password (also after the engine restarts).

#include "model/agent_session.hpp"
#include "model/contact_center.hpp"
#include "model/profile_model.hpp"
#include "store/engine_store.hpp"
#include "store/profile_service.hpp"

#include <agentdesk/events/agent.hpp>
#include <agentdesk/runtime/harness.hpp>

#include "engine/demo_hash.hpp"
#include "engine/scratch_dir.hpp"

#include <doctest/doctest.h>

using namespace agentdesk;
namespace engine = agentdesk::engine;

namespace {

engine::CenterConfig center() {
    engine::CenterConfig config;
    config.settings.notReadyReasons = {"Break"};
    config.users = {agentdesk::testing::demoUser("anna", {"support"}, "Anna Kowalski")};
    return config;
}

struct Desk {
    agentdesk::testing::ScratchDir dir{"agentdesk-profile"};
    Harness h;
    std::unique_ptr<engine::ContactCenter> contactCenter =
        std::make_unique<engine::ContactCenter>(h.bus, h.clock, h.timers, center());
    std::unique_ptr<engine::EngineStore> store = std::make_unique<engine::EngineStore>(engine::EngineStore::fileIn(dir.path()));
    std::unique_ptr<engine::ProfileService> profiles = std::make_unique<engine::ProfileService>(
        *contactCenter, *store, h.bus, h.clock, engine::HashCost::Minimal);
    agent::AgentSession session{h.bus, h.clock};
    agent::ProfileModel profile{h.bus};

    Desk() { session.login("anna", "demo", PhoneDevice::Softphone, ""); }

    /// The engine starts again on the same database (the desktop was closed and opened).
    void restartEngine() {
        profiles.reset();
        contactCenter = std::make_unique<engine::ContactCenter>(h.bus, h.clock, h.timers, center());
        store = std::make_unique<engine::EngineStore>(engine::EngineStore::fileIn(dir.path()));
        profiles = std::make_unique<engine::ProfileService>(*contactCenter, *store, h.bus, h.clock, engine::HashCost::Minimal);
    }
};

}  // namespace

TEST_CASE("initials for the avatar come from the display name") {
    CHECK(agent::ProfileModel::initials("Anna Kowalski") == "AK");
    CHECK(agent::ProfileModel::initials("jean-luc picard smith") == "JL");
    CHECK(agent::ProfileModel::initials("Ben") == "B");
    CHECK(agent::ProfileModel::initials("") == "?");
}

TEST_CASE("a saved profile is a row of engine.db and is what the agent sees at the next login") {
    Desk d;
    REQUIRE(d.session.loggedIn());
    CHECK(d.profile.displayName() == "Anna Kowalski");  // the account's until changed
    events::AgentProfile edited = d.profile.profile();
    edited.displayName = "Anna K.";
    edited.photoPath = "/home/anna/photo.png";
    edited.phone = "+44 (20) 7946-0001";
    edited.language = "pl";
    d.profile.save(edited);
    CHECK_FALSE(d.profile.saving());
    CHECK(d.profile.takeError().empty());
    CHECK(d.profile.displayName() == "Anna K.");
    CHECK(d.profile.profile().phone == "+442079460001");  // normalised

    const auto row = d.store->profile("u-anna");
    REQUIRE(row);
    CHECK(row->displayName == "Anna K.");
    CHECK(row->photoPath == "/home/anna/photo.png");
    CHECK(row->phone == "+442079460001");
    CHECK(row->language == "pl");

    d.session.logout();
    d.restartEngine();
    agent::ProfileModel fresh{d.h.bus};
    d.session.login("anna", "demo", PhoneDevice::Softphone, "");
    CHECK(fresh.profile().displayName == "Anna K.");
    CHECK(fresh.profile().language == "pl");
    CHECK(fresh.profile().photoPath == "/home/anna/photo.png");
}

TEST_CASE("a dial-out number the system cannot call is refused with a readable error - the profile stays") {
    Desk d;
    events::AgentProfile edited = d.profile.profile();
    edited.phone = "call me maybe";
    d.profile.save(edited);
    CHECK(d.profile.takeError() == "\"call me maybe\" is not a phone number the system can call. Use digits, optionally "
                                   "starting with +.");
    CHECK_FALSE(d.store->profile("u-anna"));
}

TEST_CASE("a password change with the wrong current password is refused with a readable error - the old one still works") {
    Desk d;
    REQUIRE(d.profile.changePassword("wrong", "Better2026", "Better2026"));
    CHECK_FALSE(d.profile.changingPassword());
    CHECK_FALSE(d.profile.passwordChanged());
    CHECK(d.profile.passwordError() == "The current password is not correct. Your password was not changed.");
    CHECK(d.store->passwordHash("u-anna").empty());

    d.session.logout();
    d.session.login("anna", "Better2026", PhoneDevice::Softphone, "");
    CHECK_FALSE(d.session.loggedIn());
    CHECK(d.session.loginErrorCode() == "invalid_credentials");
    d.session.login("anna", "demo", PhoneDevice::Softphone, "");
    CHECK(d.session.loggedIn());
}

TEST_CASE("the password policy: 8 characters, letters and digits, not the old one - a mistyped repeat is caught first") {
    Desk d;
    CHECK_FALSE(d.profile.changePassword("demo", "Better2026", "Better2062"));
    CHECK(d.profile.passwordError() == "The new password and its confirmation differ.");
    d.profile.changePassword("demo", "short1", "short1");
    CHECK(d.profile.passwordError() == "The new password must have at least 8 characters.");
    d.profile.changePassword("demo", "onlyletters", "onlyletters");
    CHECK(d.profile.passwordError() == "The new password must contain both letters and digits.");
    d.profile.changePassword("demo", "12345678", "12345678");
    CHECK(d.profile.passwordError() == "The new password must contain both letters and digits.");
    CHECK(engine::passwordPolicyProblem("Same2026x", "Same2026x") == "The new password must differ from the old one.");
    CHECK(d.store->passwordHash("u-anna").empty());
}

TEST_CASE("after a password change the agent logs in with the new password only - also after a restart") {
    Desk d;
    REQUIRE(d.profile.changePassword("demo", "Better2026", "Better2026"));
    CHECK(d.profile.passwordChanged());
    CHECK(d.profile.passwordError().empty());
    const std::string hash = d.store->passwordHash("u-anna");
    CHECK(engine::looksLikePasswordHash(hash));
    CHECK(hash.find("Better2026") == std::string::npos);

    d.session.logout();
    d.session.login("anna", "demo", PhoneDevice::Softphone, "");
    CHECK_FALSE(d.session.loggedIn());
    CHECK(d.session.loginErrorCode() == "invalid_credentials");
    d.session.login("anna", "Better2026", PhoneDevice::Softphone, "");
    CHECK(d.session.loggedIn());

    d.session.logout();
    d.restartEngine();
    d.session.login("anna", "Better2026", PhoneDevice::Softphone, "");
    CHECK(d.session.loggedIn());
    // And the next change checks against the new password.
    d.profile.changePassword("demo", "Another2027", "Another2027");
    CHECK(d.profile.passwordError() == "The current password is not correct. Your password was not changed.");
}

TEST_CASE("the profile photo is read for the avatar unless it is missing or too large, and cropped to its middle square") {
    testing::ScratchDir dir("agentdesk-photo");
    const std::filesystem::path sample = std::filesystem::path(AGENTDESK_TEST_ASSETS) / "scenario/files/boots-sole.png";
    agent::PhotoFile read = agent::ProfileModel::readPhoto(sample);
    CHECK(read.problem.empty());
    CHECK(read.bytes.size() == std::filesystem::file_size(sample));
    CHECK(std::string(read.bytes.begin() + 1, read.bytes.begin() + 4) == "PNG");

    agent::PhotoFile missing = agent::ProfileModel::readPhoto(dir.path() / "me.png");
    CHECK(missing.bytes.empty());
    CHECK(missing.problem == "Cannot read \"" + (dir.path() / "me.png").string() + "\": there is no such file.");

    const auto big = dir.path() / "huge.png";
    std::filesystem::copy_file(sample, big);
    std::filesystem::resize_file(big, agent::ProfileModel::kMaxPhotoBytes + 1024 * 1024);
    agent::PhotoFile tooLarge = agent::ProfileModel::readPhoto(big);
    CHECK(tooLarge.bytes.empty());
    CHECK(tooLarge.problem == "\"huge.png\" is 11.0 MB; it may be at most 10.0 MB.");

    CHECK(agent::ProfileModel::readPhoto(dir.path()).problem.ends_with("there is no such file."));  // a folder

    using Crop = std::array<float, 4>;
    CHECK(agent::ProfileModel::squareCrop(160, 120) == Crop{0.125f, 0, 0.875f, 1});
    CHECK(agent::ProfileModel::squareCrop(100, 200) == Crop{0, 0.25f, 1, 0.75f});
    CHECK(agent::ProfileModel::squareCrop(64, 64) == Crop{0, 0, 1, 1});
    CHECK(agent::ProfileModel::squareCrop(0, 0) == Crop{0, 0, 1, 1});
}
