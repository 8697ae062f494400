// Loading the scenario folder (users.json, center.json) and password hashes.

#include "model/center_config.hpp"
#include "model/password.hpp"

#include "engine/demo_hash.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

using namespace agentdesk;
using namespace agentdesk::engine;
using namespace std::chrono_literals;
using nlohmann::json;

namespace {

/// A scenario folder in /tmp, removed at the end of the test.
class TempScenario {
public:
    TempScenario() {
        std::string pattern = (std::filesystem::temp_directory_path() / "agentdesk-engine-XXXXXX").string();
        REQUIRE(mkdtemp(pattern.data()) != nullptr);
        dir_ = pattern;
        write("center.json", R"({"name": "Test", "notReadyReasons": ["Break"]})");
    }
    ~TempScenario() {
        std::error_code ignored;
        std::filesystem::remove_all(dir_, ignored);
    }
    void write(const std::string& name, const std::string& text) const { std::ofstream(dir_ / name) << text; }
    void writeUsers(const std::vector<json>& users) const {
        json content = {{"users", json::array()}};
        for (const json& user : users) content["users"].push_back(user);
        write("users.json", content.dump(2));
    }
    const std::filesystem::path& dir() const { return dir_; }

private:
    std::filesystem::path dir_;
};


json validUser(const std::string& name) {
    return {{"id", "u-" + name}, {"userName", name}, {"role", "agent"}, {"passwordHash", agentdesk::testing::demoHash()}};
}

/// The ConfigError message loading `scenario` gives; fails the test when it loads.
std::string loadError(const TempScenario& scenario) {
    try {
        loadCenterConfig(scenario.dir());
    } catch (const ConfigError& e) {
        return e.what();
    }
    FAIL("the configuration loaded although it is wrong");
    return {};
}

bool contains(const std::string& text, std::string_view part) { return text.find(part) != std::string::npos; }

}  // namespace

TEST_CASE("the shipped scenario loads: users with hashed passwords, reasons, desk phones, ACW") {
    CenterConfig config = loadCenterConfig(std::filesystem::path(AGENTDESK_TEST_ASSETS) / "scenario");
    CHECK(config.users.size() == 16);
    CHECK(std::count_if(config.users.begin(), config.users.end(), [](const UserAccount& u) { return u.simulated; }) == 8);
    for (const UserAccount& user : config.users) {
        CHECK(user.passwordHash.starts_with("$argon2id$"));
    }
    const UserAccount* sam = config.findUserByName("sam");
    REQUIRE(sam);
    CHECK(sam->role == "supervisor");
    const UserAccount* farid = config.findUserById("u-farid");
    REQUIRE(farid);
    CHECK(farid->loggedInElsewhere);
    CHECK(config.settings.notReadyReasons == std::vector<std::string>{"Break", "Lunch", "Meeting", "Training", "Personal"});
    CHECK(config.settings.maxFailedLogins == 5);
    CHECK(config.settings.stateAfterLogin == AgentState::NotReady);
    CHECK(config.settings.deskPhoneExtensions.size() == 10);
    CHECK(config.isDeskPhoneExtension("2001"));
    CHECK(config.isDeskPhoneExtension("2010"));
    CHECK(config.settings.afterCallWork == WrapUp::limitedTo(60s));
    CHECK(config.settings.ringTimeout == 20s);
}

TEST_CASE("the shipped scenario has services, customers, capacity and a simulation") {
    CenterConfig config = loadCenterConfig(std::filesystem::path(AGENTDESK_TEST_ASSETS) / "scenario");
    REQUIRE(config.services.size() == 7);
    const ServiceConfig* sales = config.findService("sales-voice");
    REQUIRE(sales);
    CHECK(sales->channel == Channel::Voice);
    CHECK(sales->skills == std::vector<std::string>{"sales"});
    CHECK(sales->serviceLevelThreshold == 20s);
    CHECK(sales->ringTimeout == 15s);
    CHECK(sales->afterCallWork == WrapUp::limitedTo(45s));
    CHECK(sales->dispositionRequired);
    CHECK(sales->arrivalsPerHour == 30);
    const ServiceConfig* billing = config.findService("billing-voice");
    REQUIRE(billing);
    CHECK(billing->afterCallWork == WrapUp::limitedTo(90s, true));
    CHECK(billing->recordsCalls);
    CHECK_FALSE(sales->recordsCalls);
    const ServiceConfig* email = config.findService("support-email");
    REQUIRE(email);
    CHECK(email->afterCallWork == WrapUp::none());
    CHECK(email->ringTimeout == 30s);
    REQUIRE(email->subjectFiles.contains("Damaged parcel"));
    CHECK(config.scenarioFile(email->subjectFiles.find("Damaged parcel")->second.at(0)));
    CHECK(config.customers.size() == 12);
    CHECK(config.settings.capacity.of(Channel::Chat) == 3);
    CHECK_FALSE(config.settings.capacity.digitalWhileOnCall);
    CHECK(config.settings.simulation.enabled);
    CHECK(config.settings.simulation.dailyProfile.size() == 24);
    const UserAccount* anna = config.findUserByName("anna");
    REQUIRE(anna);
    CHECK(CenterConfig::isSkilledFor(*anna, *sales));
    CHECK_FALSE(CenterConfig::isSkilledFor(*anna, *billing));
}

TEST_CASE("services.json mistakes are named with the service and the fix") {
    CenterSettings defaults;
    auto error = [&](json services) -> std::string {
        try {
            parseServices(json{{"services", services}}, defaults);
        } catch (const ConfigError& e) {
            return e.what();
        }
        return {};
    };
    CHECK(contains(error(json::array({json{{"id", "x"}, {"channel", "Fax"}}})), "service 1 (\"x\"): \"channel\" must be"));
    CHECK(contains(error(json::array({json{{"id", "x"}, {"channel", "Voice"}, {"dispositionRequired", true}}})),
                   "\"dispositions\" lists none"));
    CHECK(contains(error(json::array({json{{"id", "x"}, {"channel", "Chat"}}, json{{"id", "x"}, {"channel", "Chat"}}})),
                   "already used"));
    CHECK(contains(error(json::array({json{{"id", "x"}, {"channel", "Voice"}, {"afterCallWork", {{"thenState", "Busy"}}}}})),
                   "\"thenState\""));
    CHECK(contains(error(json::array({json{{"id", "x"}, {"channel", "Chat"}, {"recordCalls", true}}})),
                   "\"recordCalls\" is for Voice and Campaign services only"));
    // Unset timers come from the center's defaults.
    auto services = parseServices(json{{"services", json::array({json{{"id", "x"}, {"channel", "Voice"}}})}}, defaults);
    CHECK(services.at(0).ringTimeout == defaults.ringTimeout);
    CHECK(services.at(0).afterCallWork == defaults.afterCallWork);
}

TEST_CASE("files a scenario names must lie in its folder - a simulated customer's attachment that is missing is refused") {
    TempScenario scenario;
    scenario.writeUsers({validUser("anna")});
    std::filesystem::create_directories(scenario.dir() / "files");
    scenario.write("files/parcel.png", "png");
    scenario.write("services.json", R"({"services": [{"id": "mail", "channel": "Email", "simulation": {
        "subjects": ["Damaged parcel"], "attachments": {"Damaged parcel": ["files/parcel.png"]}}}]})");
    const CenterConfig config = loadCenterConfig(scenario.dir());
    CHECK(config.scenarioFile("files/parcel.png") == scenario.dir() / "files/parcel.png");
    CHECK(config.scenarioFile("files/../files/parcel.png") == scenario.dir() / "files/parcel.png");
    CHECK_FALSE(config.scenarioFile("files/none.png"));
    CHECK_FALSE(config.scenarioFile("../users.json"));      // outside the folder
    CHECK_FALSE(config.scenarioFile((scenario.dir() / "users.json").string()));  // absolute
    CHECK_FALSE(config.scenarioFile("files"));              // a folder
    CHECK_FALSE(CenterConfig{}.scenarioFile("files/parcel.png"));  // made in code: no folder

    scenario.write("services.json", R"({"services": [{"id": "mail", "channel": "Email", "simulation": {
        "attachments": {"Damaged parcel": ["files/crushed.png"]}}}]})");
    const std::string error = loadError(scenario);
    CHECK(contains(error, "service \"mail\": the attachment \"files/crushed.png\" of \"Damaged parcel\" is not a file in the scenario folder"));
    scenario.write("services.json", R"({"services": [{"id": "mail", "channel": "Email", "simulation": {
        "attachments": {"Damaged parcel": "files/parcel.png"}}}]})");
    CHECK(contains(loadError(scenario), "\"attachments\" must map subjects to files"));
}

TEST_CASE("users.json with a plain-text password is refused with a clear message") {
    TempScenario scenario;
    json anna = validUser("anna");
    anna["password"] = "demo";
    scenario.writeUsers({validUser("ben"), anna});
    const std::string message = loadError(scenario);
    CHECK(contains(message, "users.json"));
    CHECK(contains(message, "user 2 (\"anna\")"));
    CHECK(contains(message, "a plain-text \"password\" must not be stored"));
    CHECK(contains(message, "agentdesk-hash-password"));
}

TEST_CASE("users.json with a user without a password hash is refused with a clear message") {
    TempScenario scenario;
    json anna = validUser("anna");
    anna.erase("passwordHash");
    scenario.writeUsers({anna});
    const std::string message = loadError(scenario);
    CHECK(contains(message, "user 1 (\"anna\"): \"passwordHash\" is missing"));
}

TEST_CASE("users.json with something other than an argon2 hash is refused") {
    TempScenario scenario;
    json anna = validUser("anna");
    anna["passwordHash"] = "5f4dcc3b5aa765d61d8327deb882cf99";
    scenario.writeUsers({anna});
    CHECK(contains(loadError(scenario), "not an argon2id hash"));
}

TEST_CASE("users.json entries are checked: role, duplicate user names, types") {
    TempScenario scenario;
    json admin = validUser("anna");
    admin["role"] = "admin";
    scenario.writeUsers({admin});
    CHECK(contains(loadError(scenario), "\"role\" must be \"agent\" or \"supervisor\", not \"admin\""));

    json twin = validUser("ANNA");
    twin["id"] = "u-anna-2";
    scenario.writeUsers({validUser("anna"), twin});
    CHECK(contains(loadError(scenario), "the user name \"ANNA\" is already used"));

    json badSkills = validUser("anna");
    badSkills["skills"] = "sales";
    scenario.writeUsers({badSkills});
    CHECK(contains(loadError(scenario), "\"skills\" must be a list of texts"));

    scenario.write("users.json", R"({"people": []})");
    CHECK(contains(loadError(scenario), "\"users\" list"));
}

TEST_CASE("a configuration file that is not valid JSON is refused with the file and the place") {
    TempScenario scenario;
    scenario.writeUsers({validUser("anna")});
    scenario.write("center.json", "{\n  \"notReadyReasons\": [\"Break\",]\n}");
    const std::string message = loadError(scenario);
    CHECK(contains(message, "center.json is not valid JSON"));
    CHECK(contains(message, "line 2"));
    CHECK_FALSE(contains(message, "[json.exception"));
}

TEST_CASE("a missing configuration file is refused with its path") {
    TempScenario scenario;  // center.json only
    const std::string message = loadError(scenario);
    CHECK(contains(message, (scenario.dir() / "users.json").string()));
    CHECK(contains(message, "is missing"));
}

TEST_CASE("center.json settings are checked and have sensible defaults") {
    CenterSettings defaults = parseCenterSettings(json{{"notReadyReasons", {"Break"}}});
    CHECK(defaults.maxFailedLogins == 5);
    CHECK(defaults.stateAfterLogin == AgentState::NotReady);
    CHECK(defaults.afterCallWork == WrapUp::limitedTo(60s));

    CHECK(parseCenterSettings(json::parse(R"({"notReadyReasons": ["Break"], "afterCallWork": {"enabled": false}})"))
              .afterCallWork == WrapUp::none());
    CHECK(parseCenterSettings(json::parse(R"({"notReadyReasons": ["Break"], "afterCallWork": {"enabled": true}})"))
              .afterCallWork == WrapUp::untilCompleted());
    CHECK(parseCenterSettings(json::parse(R"({"notReadyReasons": ["Break"], "stateAfterLogin": "Ready"})"))
              .stateAfterLogin == AgentState::Ready);

    CHECK_THROWS_WITH_AS(parseCenterSettings(json::parse(R"({"notReadyReasons": []})")),
                         doctest::Contains("must list at least one reason"), ConfigError);
    CHECK_THROWS_WITH_AS(parseCenterSettings(json::parse(R"({"notReadyReasons": ["Break", "Break"]})")),
                         doctest::Contains("lists \"Break\" twice"), ConfigError);
    CHECK_THROWS_WITH_AS(parseCenterSettings(json::parse(R"({"notReadyReasons": ["Break"], "maxFailedLogins": 0})")),
                         doctest::Contains("\"maxFailedLogins\" must be a whole number"), ConfigError);
    CHECK_THROWS_WITH_AS(parseCenterSettings(json::parse(R"({"notReadyReasons": ["Break"], "stateAfterLogin": "Busy"})")),
                         doctest::Contains("\"stateAfterLogin\" must be \"NotReady\" or \"Ready\""), ConfigError);
    CHECK_THROWS_WITH_AS(
        parseCenterSettings(json::parse(R"({"notReadyReasons": ["Break"], "afterCallWork": {"timeoutSeconds": -1}})")),
        doctest::Contains("\"timeoutSeconds\" must be more than 0"), ConfigError);
}

TEST_CASE("the scenario folder comes from the plugin setting \"scenarioDir\", else <assets>/scenario") {
    const std::filesystem::path assets = "/usr/share/agentdesk";
    CHECK(scenarioDirFor(json::object(), assets) == assets / "scenario");
    CHECK(scenarioDirFor(json(), assets) == assets / "scenario");
    CHECK(scenarioDirFor(json{{"scenarioDir", "/srv/center"}}, assets) == "/srv/center");
    CHECK(scenarioDirFor(json{{"scenarioDir", "demo/night-shift"}}, assets) == assets / "demo/night-shift");
    CHECK_THROWS_AS(scenarioDirFor(json{{"scenarioDir", 42}}, assets), ConfigError);
}

TEST_CASE("a password hash verifies the password it was made from and nothing else") {
    const std::string hash = hashPassword("correct horse", HashCost::Minimal);
    CHECK(hash.starts_with("$argon2id$"));
    CHECK(hash != hashPassword("correct horse", HashCost::Minimal));  // salted
    CHECK(verifyPassword("correct horse", hash));
    CHECK_FALSE(verifyPassword("correct horse ", hash));
    CHECK_FALSE(verifyPassword("", hash));
    CHECK_FALSE(verifyPassword("correct horse", "correct horse"));  // a plain text is never a hash
    CHECK_FALSE(verifyPassword("x", "$argon2id$garbage"));
}

TEST_CASE("the shipped users' hashes use interactive cost and reject a wrong password") {
    CenterConfig config = loadCenterConfig(std::filesystem::path(AGENTDESK_TEST_ASSETS) / "scenario");
    const std::string& hash = config.findUserByName("ben")->passwordHash;
    CHECK(hash.find("m=65536") != std::string::npos);  // 64 MiB: MEMLIMIT_INTERACTIVE
    CHECK_FALSE(verifyPassword("Demo", hash));
}
