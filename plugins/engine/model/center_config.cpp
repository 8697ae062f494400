#include "model/center_config.hpp"
#include "model/password.hpp"
#include "model/text.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <set>

namespace agentdesk::engine {

using nlohmann::json;

namespace {

// ---- typed reads with messages that say where ----------------------------------------------
// `where` names the entry ("user 3 (\"chloe\")", "center settings") so every message points at it.

[[noreturn]] void fail(std::string_view where, std::string_view problem) {
    throw ConfigError(fmt::format("{}: {}", where, problem));
}

std::string requireString(const json& object, const char* key, std::string_view where) {
    auto it = object.find(key);
    if (it == object.end() || it->is_null()) fail(where, fmt::format("\"{}\" is missing", key));
    if (!it->is_string()) fail(where, fmt::format("\"{}\" must be text", key));
    std::string value(trimmed(it->get_ref<const std::string&>()));
    if (value.empty()) fail(where, fmt::format("\"{}\" must not be empty", key));
    return value;
}

std::string optionalString(const json& object, const char* key, std::string_view where, std::string fallback = {}) {
    auto it = object.find(key);
    if (it == object.end() || it->is_null()) return fallback;
    if (!it->is_string()) fail(where, fmt::format("\"{}\" must be text", key));
    return std::string(trimmed(it->get_ref<const std::string&>()));
}

bool optionalBool(const json& object, const char* key, std::string_view where, bool fallback) {
    auto it = object.find(key);
    if (it == object.end() || it->is_null()) return fallback;
    if (!it->is_boolean()) fail(where, fmt::format("\"{}\" must be true or false", key));
    return it->get<bool>();
}

/// A list of distinct, non-empty strings.
std::vector<std::string> optionalStringList(const json& object, const char* key, std::string_view where) {
    std::vector<std::string> values;
    auto it = object.find(key);
    if (it == object.end() || it->is_null()) return values;
    if (!it->is_array()) fail(where, fmt::format("\"{}\" must be a list of texts", key));
    std::set<std::string> seen;
    for (const json& item : *it) {
        if (!item.is_string()) fail(where, fmt::format("\"{}\" must be a list of texts", key));
        std::string value(trimmed(item.get_ref<const std::string&>()));
        if (value.empty()) fail(where, fmt::format("\"{}\" contains an empty entry", key));
        if (!seen.insert(value).second) fail(where, fmt::format("\"{}\" lists \"{}\" twice", key, value));
        values.push_back(std::move(value));
    }
    return values;
}

/// A duration given in seconds (whole or fractional), strictly positive.
std::optional<Milliseconds> optionalSeconds(const json& object, const char* key, std::string_view where) {
    auto it = object.find(key);
    if (it == object.end() || it->is_null()) return std::nullopt;
    if (!it->is_number()) fail(where, fmt::format("\"{}\" must be a number of seconds", key));
    const double seconds = it->get<double>();
    if (!(seconds > 0) || seconds > 24 * 3600) {
        fail(where, fmt::format("\"{}\" must be more than 0 and at most 86400 seconds", key));
    }
    return Milliseconds(std::llround(seconds * 1000));
}

WrapUp parseAfterCallWork(const json& object, std::string_view where) {
    auto it = object.find("afterCallWork");
    if (it == object.end() || it->is_null()) return CenterSettings{}.afterCallWork;
    const std::string here = fmt::format("{}, \"afterCallWork\"", where);
    if (!it->is_object()) fail(here, "must be an object like {\"enabled\": true, \"timeoutSeconds\": 60}");
    if (!optionalBool(*it, "enabled", here, true)) return WrapUp::none();
    // Without a timeout, After Call Work lasts until the agent completes it.
    auto timeout = optionalSeconds(*it, "timeoutSeconds", here);
    return timeout ? WrapUp::limitedTo(*timeout) : WrapUp::untilCompleted();
}

std::string describeUser(const json& entry, std::size_t index) {
    if (entry.is_object()) {
        for (const char* key : {"userName", "id"}) {
            auto it = entry.find(key);
            if (it != entry.end() && it->is_string()) return fmt::format("user {} (\"{}\")", index + 1, it->get<std::string>());
        }
    }
    return fmt::format("user {}", index + 1);
}

UserAccount parseUser(const json& entry, const std::string& where) {
    if (!entry.is_object()) fail(where, "must be an object with id, userName, role and passwordHash");
    UserAccount user;
    user.id = requireString(entry, "id", where);
    user.userName = requireString(entry, "userName", where);
    if (user.userName.find_first_of(" \t") != std::string::npos) fail(where, "\"userName\" must not contain spaces");
    user.displayName = optionalString(entry, "displayName", where, user.userName);
    user.role = requireString(entry, "role", where);
    if (user.role != "agent" && user.role != "supervisor") {
        fail(where, fmt::format("\"role\" must be \"agent\" or \"supervisor\", not \"{}\"", user.role));
    }
    user.team = optionalString(entry, "team", where);
    user.skills = optionalStringList(entry, "skills", where);
    user.loggedInElsewhere = optionalBool(entry, "loggedInElsewhere", where, false);

    // A plain-text password must never sit in a file, even next to a hash: refuse it outright.
    if (entry.contains("password")) {
        fail(where, "a plain-text \"password\" must not be stored; remove it and store \"passwordHash\" made "
                    "with agentdesk-hash-password instead");
    }
    auto hash = entry.find("passwordHash");
    if (hash == entry.end() || hash->is_null()) {
        fail(where, "\"passwordHash\" is missing; make one with agentdesk-hash-password");
    }
    if (!hash->is_string() || !looksLikePasswordHash(hash->get_ref<const std::string&>())) {
        fail(where, "\"passwordHash\" is not an argon2id hash (\"$argon2id$...\"); make one with agentdesk-hash-password");
    }
    user.passwordHash = hash->get<std::string>();
    return user;
}

// ---- files -------------------------------------------------------------------------------------

json readJsonFile(const std::filesystem::path& file, std::string_view purpose) {
    std::ifstream in(file, std::ios::binary);
    if (!in) throw ConfigError(fmt::format("{} is missing or cannot be read; it holds {}", file.string(), purpose));
    try {
        return json::parse(in);
    } catch (const json::parse_error& e) {
        // Drop nlohmann's "[json.exception.parse_error.101] " prefix: it means nothing to a reader.
        std::string_view what = e.what();
        if (auto end = what.find("] "); what.starts_with("[") && end != std::string_view::npos) what.remove_prefix(end + 2);
        throw ConfigError(fmt::format("{} is not valid JSON: {}", file.string(), what));
    }
}

template <typename Parse>
auto parseFile(const std::filesystem::path& file, std::string_view purpose, Parse parse) {
    json content = readJsonFile(file, purpose);
    try {
        return parse(content);
    } catch (const ConfigError& e) {
        throw ConfigError(fmt::format("{}: {}", file.string(), e.what()));
    }
}

}  // namespace

// ---- CenterConfig --------------------------------------------------------------------------------

const UserAccount* CenterConfig::findUserByName(std::string_view userName) const {
    const std::string wanted = lowerAscii(trimmed(userName));
    if (wanted.empty()) return nullptr;
    for (const UserAccount& user : users) {
        if (lowerAscii(user.userName) == wanted) return &user;
    }
    return nullptr;
}

const UserAccount* CenterConfig::findUserById(std::string_view id) const {
    for (const UserAccount& user : users) {
        if (user.id == id) return &user;
    }
    return nullptr;
}

bool CenterConfig::isNotReadyReason(std::string_view reason) const {
    return std::find(settings.notReadyReasons.begin(), settings.notReadyReasons.end(), reason) !=
           settings.notReadyReasons.end();
}

bool CenterConfig::isDeskPhoneExtension(std::string_view extension) const {
    return std::find(settings.deskPhoneExtensions.begin(), settings.deskPhoneExtensions.end(), extension) !=
           settings.deskPhoneExtensions.end();
}

// ---- parsing ---------------------------------------------------------------------------------------

CenterSettings parseCenterSettings(const json& content) {
    const std::string where = "center settings";
    if (!content.is_object()) fail(where, "the file must contain one JSON object");
    CenterSettings settings;
    settings.name = optionalString(content, "name", where);

    settings.notReadyReasons = optionalStringList(content, "notReadyReasons", where);
    if (settings.notReadyReasons.empty()) {
        fail(where, "\"notReadyReasons\" must list at least one reason, e.g. [\"Break\", \"Lunch\"]");
    }

    if (auto it = content.find("maxFailedLogins"); it != content.end() && !it->is_null()) {
        if (!it->is_number_integer() || it->get<long long>() < 1 || it->get<long long>() > 100) {
            fail(where, "\"maxFailedLogins\" must be a whole number from 1 to 100");
        }
        settings.maxFailedLogins = it->get<int>();
    }

    const std::string afterLogin = optionalString(content, "stateAfterLogin", where, "NotReady");
    auto state = enumFromName<AgentState>(afterLogin);
    if (!state || (*state != AgentState::NotReady && *state != AgentState::Ready)) {
        fail(where, fmt::format("\"stateAfterLogin\" must be \"NotReady\" or \"Ready\", not \"{}\"", afterLogin));
    }
    settings.stateAfterLogin = *state;

    settings.deskPhoneExtensions = optionalStringList(content, "deskPhoneExtensions", where);
    if (auto ring = optionalSeconds(content, "ringTimeoutSeconds", where)) settings.ringTimeout = *ring;
    settings.afterCallWork = parseAfterCallWork(content, where);
    return settings;
}

std::vector<UserAccount> parseUsers(const json& content) {
    if (!content.is_object() || !content.contains("users") || !content["users"].is_array()) {
        throw ConfigError("the file must contain an object with a \"users\" list: {\"users\": [...]}");
    }
    const json& entries = content["users"];
    if (entries.empty()) throw ConfigError("\"users\" is empty; nobody could log in");

    std::vector<UserAccount> users;
    std::set<std::string> ids, userNames;
    for (std::size_t i = 0; i < entries.size(); ++i) {
        const std::string where = describeUser(entries[i], i);
        UserAccount user = parseUser(entries[i], where);
        if (!ids.insert(user.id).second) fail(where, fmt::format("the id \"{}\" is already used by another user", user.id));
        if (!userNames.insert(lowerAscii(user.userName)).second) {
            fail(where, fmt::format("the user name \"{}\" is already used by another user", user.userName));
        }
        users.push_back(std::move(user));
    }
    return users;
}

CenterConfig loadCenterConfig(const std::filesystem::path& scenarioDir) {
    CenterConfig config;
    config.settings = parseFile(scenarioDir / "center.json", "the contact center's settings", parseCenterSettings);
    config.users = parseFile(scenarioDir / "users.json", "the users who can log in", parseUsers);
    return config;
}

std::filesystem::path scenarioDirFor(const json& pluginSettings, const std::filesystem::path& assets) {
    if (pluginSettings.is_object()) {
        if (auto it = pluginSettings.find("scenarioDir"); it != pluginSettings.end() && !it->is_null()) {
            if (!it->is_string() || trimmed(it->get_ref<const std::string&>()).empty()) {
                throw ConfigError("the engine setting \"scenarioDir\" must be the path of a scenario folder");
            }
            std::filesystem::path dir(std::string(trimmed(it->get_ref<const std::string&>())));
            return dir.is_relative() ? assets / dir : dir;
        }
    }
    return assets / "scenario";
}

}  // namespace agentdesk::engine
