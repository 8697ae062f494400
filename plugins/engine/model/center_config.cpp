#include "model/center_config.hpp"
#include "model/json_reading.hpp"
#include "model/password.hpp"
#include "model/text.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <fstream>
#include <set>

namespace agentdesk::engine {

using nlohmann::json;

namespace {

WrapUp parseAfterCallWork(const json& object, std::string_view where, const WrapUp& fallback) {
    auto it = object.find("afterCallWork");
    if (it == object.end() || it->is_null()) return fallback;
    const std::string here = fmt::format("{}, \"afterCallWork\"", where);
    if (!it->is_object()) fail(here, "must be an object like {\"enabled\": true, \"timeoutSeconds\": 60}");
    if (!optionalBool(*it, "enabled", here, true)) return WrapUp::none();
    // Without a timeout, After Call Work lasts until the agent completes it.
    auto timeout = optionalSeconds(*it, "timeoutSeconds", here);
    const std::string then = optionalString(*it, "thenState", here, "Ready");
    if (then != "Ready" && then != "NotReady") fail(here, "\"thenState\" must be \"Ready\" or \"NotReady\"");
    return timeout ? WrapUp::limitedTo(*timeout, then == "NotReady") : WrapUp::untilCompleted();
}

Capacity parseCapacity(const json& content, std::string_view where) {
    Capacity capacity;
    auto it = content.find("capacity");
    if (it == content.end() || it->is_null()) return capacity;
    const std::string here = fmt::format("{}, \"capacity\"", where);
    if (!it->is_object()) fail(here, "must be an object like {\"voice\": 1, \"chat\": 3, \"email\": 2}");
    capacity.voice = optionalInt(*it, "voice", here, capacity.voice, 0, 1);
    capacity.chat = optionalInt(*it, "chat", here, capacity.chat, 0, 20);
    capacity.email = optionalInt(*it, "email", here, capacity.email, 0, 20);
    capacity.campaign = optionalInt(*it, "campaign", here, capacity.campaign, 0, 1);
    capacity.digitalWhileOnCall = optionalBool(*it, "digitalWhileOnCall", here, capacity.digitalWhileOnCall);
    return capacity;
}

events::ApplicationKind parseApplicationKind(const json& object, std::string_view where) {
    const std::string kind = optionalString(object, "kind", where, "Other");
    for (auto candidate : {events::ApplicationKind::Payment, events::ApplicationKind::Survey,
                           events::ApplicationKind::Signature, events::ApplicationKind::Other}) {
        if (kind == enumName(candidate)) return candidate;
    }
    fail(where, fmt::format("\"kind\" \"{}\" is not one of Payment, Survey, Signature, Other", kind));
}

/// A list of objects under `key`, each read by `parse(object, where)`; ids must be distinct.
template <typename T, typename Parse>
std::vector<T> parseCatalogList(const json& voice, const char* key, std::string_view where, std::vector<T> fallback,
                                Parse parse) {
    auto it = voice.find(key);
    if (it == voice.end() || it->is_null()) return fallback;
    const std::string here = fmt::format("{}, \"{}\"", where, key);
    if (!it->is_array()) fail(here, "must be a list of objects with an \"id\" and a \"name\"");
    std::vector<T> out;
    std::set<std::string> ids;
    for (std::size_t i = 0; i < it->size(); ++i) {
        const json& entry = (*it)[i];
        const std::string at = fmt::format("{} entry {}", here, i + 1);
        if (!entry.is_object()) fail(at, "must be an object with an \"id\" and a \"name\"");
        T item = parse(entry, at);
        if (!ids.insert(item.id).second) fail(at, fmt::format("the id \"{}\" is used twice", item.id));
        out.push_back(std::move(item));
    }
    return out;
}

VoiceSettings parseVoice(const json& content, std::string_view where) {
    VoiceSettings voice;
    auto it = content.find("voice");
    if (it == content.end() || it->is_null()) return voice;
    const std::string here = fmt::format("{}, \"voice\"", where);
    if (!it->is_object()) fail(here, "must be an object like {\"conferenceLimit\": 6, \"conferenceContinuesWithoutHost\": true}");
    voice.conferenceLimit = optionalInt(*it, "conferenceLimit", here, voice.conferenceLimit, 3, 32);
    voice.conferenceContinuesWithoutHost =
        optionalBool(*it, "conferenceContinuesWithoutHost", here, voice.conferenceContinuesWithoutHost);
    voice.applications = parseCatalogList<events::VoiceApplication>(
        *it, "applications", here, std::move(voice.applications), [](const json& entry, std::string_view at) {
            events::VoiceApplication application;
            application.id = requireString(entry, "id", at);
            application.name = requireString(entry, "name", at);
            application.kind = parseApplicationKind(entry, at);
            application.description = optionalString(entry, "description", at);
            application.durationS = optionalInt(entry, "durationSeconds", at, 30, 1, 3600);
            // A signature is the agent's to continue with: it always comes back.
            application.canKeep = application.kind != events::ApplicationKind::Signature &&
                                  optionalBool(entry, "canKeepCall", at, true);
            return application;
        });
    voice.messages = parseCatalogList<events::PrerecordedMessage>(
        *it, "messages", here, std::move(voice.messages), [](const json& entry, std::string_view at) {
            events::PrerecordedMessage message;
            message.id = requireString(entry, "id", at);
            message.name = requireString(entry, "name", at);
            message.text = optionalString(entry, "text", at);
            message.durationS = optionalInt(entry, "durationSeconds", at, 15, 1, 600);
            return message;
        });
    return voice;
}

SimulationSettings parseSimulation(const json& content, std::string_view where) {
    SimulationSettings simulation;
    auto it = content.find("simulation");
    if (it == content.end() || it->is_null()) return simulation;
    const std::string here = fmt::format("{}, \"simulation\"", where);
    if (!it->is_object()) fail(here, "must be an object like {\"enabled\": true, \"seed\": 7, \"speed\": 1}");
    simulation.enabled = optionalBool(*it, "enabled", here, true);
    simulation.seed = static_cast<std::uint64_t>(optionalNumber(*it, "seed", here, 1, 0, 9.0e15));
    simulation.speed = optionalNumber(*it, "speed", here, 1.0, 0.1, 100.0);
    simulation.personalCallsPerHour = optionalNumber(*it, "personalCallsPerHour", here, 0.0, 0.0, 60.0);
    if (auto p = it->find("dailyProfile"); p != it->end() && !p->is_null()) {
        if (!p->is_array() || p->size() != 24) fail(here, "\"dailyProfile\" must list 24 hourly factors (0 = closed)");
        for (const json& factor : *p) {
            if (!factor.is_number() || factor.get<double>() < 0 || factor.get<double>() > 100) {
                fail(here, "\"dailyProfile\" factors must be numbers from 0 to 100");
            }
            simulation.dailyProfile.push_back(factor.get<double>());
        }
    }
    return simulation;
}

ServiceConfig parseService(const json& entry, const std::string& where, const CenterSettings& defaults) {
    if (!entry.is_object()) fail(where, "must be an object with id, name and channel");
    ServiceConfig service;
    service.id = requireString(entry, "id", where);
    service.name = optionalString(entry, "name", where, service.id);
    const std::string channel = requireString(entry, "channel", where);
    auto parsed = enumFromName<Channel>(channel);
    if (!parsed) fail(where, fmt::format("\"channel\" must be Voice, Chat, Email or Campaign, not \"{}\"", channel));
    service.channel = *parsed;
    service.skills = optionalStringList(entry, "skills", where);
    if (auto sl = optionalSeconds(entry, "serviceLevelSeconds", where)) service.serviceLevelThreshold = *sl;
    service.ringTimeout = optionalSeconds(entry, "ringTimeoutSeconds", where).value_or(defaults.ringTimeout);
    service.afterCallWork = parseAfterCallWork(entry, where, defaults.afterCallWork);
    if (entry.contains("screenPop")) {
        const json& pop = entry["screenPop"];
        if (!pop.is_object()) fail(where, "\"screenPop\" must be an object: {\"url\": \"https://...\", \"on\": \"accept\"}");
        service.screenPopUrl = requireString(pop, "url", where + " screenPop");
        if (!service.screenPopUrl.starts_with("https://") && !service.screenPopUrl.starts_with("http://")) {
            fail(where, fmt::format("the screen-pop url must start with https:// or http://, not \"{}\"", service.screenPopUrl));
        }
        const std::string on = optionalString(pop, "on", where + " screenPop", "accept");
        if (on != "accept" && on != "offer") fail(where, fmt::format("screenPop \"on\" must be offer or accept, not \"{}\"", on));
        service.screenPopOnOffer = on == "offer";
    }
    service.recordsCalls = optionalBool(entry, "recordCalls", where, false);
    if (service.recordsCalls && service.channel != Channel::Voice && service.channel != Channel::Campaign) {
        fail(where, "\"recordCalls\" is for Voice and Campaign services only");
    }
    service.dispositions = optionalStringList(entry, "dispositions", where);
    service.dispositionRequired = optionalBool(entry, "dispositionRequired", where, false);
    if (service.dispositionRequired && service.dispositions.empty()) {
        fail(where, "\"dispositionRequired\" is true but \"dispositions\" lists none to choose from");
    }
    if (auto sim = entry.find("simulation"); sim != entry.end() && !sim->is_null()) {
        const std::string here = fmt::format("{}, \"simulation\"", where);
        if (!sim->is_object()) fail(here, "must be an object like {\"arrivalsPerHour\": 30}");
        service.arrivalsPerHour = optionalNumber(*sim, "arrivalsPerHour", here, 0, 0, 100000);
        if (auto p = optionalSeconds(*sim, "meanPatienceSeconds", here)) service.meanPatience = *p;
        if (auto h = optionalSeconds(*sim, "meanHandleSeconds", here)) service.meanHandleTime = *h;
        service.subjects = optionalStringList(*sim, "subjects", here);
        if (auto files = sim->find("attachments"); files != sim->end() && !files->is_null()) {
            const char* shape = "\"attachments\" must map subjects to files: {\"Damaged parcel\": [\"files/parcel.png\"]}";
            if (!files->is_object()) fail(here, shape);
            for (const auto& [subject, list] : files->items()) {
                if (!list.is_array()) fail(here, shape);
                for (const json& file : list) {
                    if (!file.is_string()) fail(here, shape);
                    service.subjectFiles[subject].push_back(file.get<std::string>());
                }
            }
        }
    }
    return service;
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
    user.simulated = optionalBool(entry, "simulated", where, false);
    user.extension = optionalString(entry, "extension", where);

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

}  // namespace

std::vector<events::VoiceApplication> VoiceSettings::defaultApplications() {
    using events::ApplicationKind;
    return {
        {"payment", "Payment by keypad", ApplicationKind::Payment, "The customer keys in their card; the agent hears nothing of it", 45, true},
        {"survey", "Satisfaction survey", ApplicationKind::Survey, "Three questions answered on the keypad", 40, true},
        {"signature", "Voice signature", ApplicationKind::Signature, "Records the customer's spoken consent", 25, false},
    };
}

std::vector<events::PrerecordedMessage> VoiceSettings::defaultMessages() {
    return {
        {"disclaimer", "Recording disclaimer", "This call may be recorded for quality and training purposes.", 8},
        {"hours", "Opening hours", "We are open Monday to Friday from eight to eight, Saturday from nine to five.", 15},
        {"privacy", "Privacy notice", "How we use your data is explained at our website under Privacy.", 20},
    };
}

const events::VoiceApplication* VoiceSettings::findApplication(std::string_view id) const {
    for (const events::VoiceApplication& application : applications) {
        if (application.id == id) return &application;
    }
    return nullptr;
}

const events::PrerecordedMessage* VoiceSettings::findMessage(std::string_view id) const {
    for (const events::PrerecordedMessage& message : messages) {
        if (message.id == id) return &message;
    }
    return nullptr;
}

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

std::optional<std::filesystem::path> CenterConfig::scenarioFile(std::string_view relative) const {
    const std::filesystem::path path = std::filesystem::path(std::string(relative)).lexically_normal();
    if (relative.empty() || scenarioDir.empty() || path.is_absolute() || path.begin() == path.end() || *path.begin() == "..") {
        return std::nullopt;
    }
    std::error_code failed;
    if (!std::filesystem::is_regular_file(scenarioDir / path, failed)) return std::nullopt;
    return scenarioDir / path;
}

const Customer* CenterConfig::findCustomer(std::string_view id) const {
    if (id.empty()) return nullptr;
    for (const Customer& customer : customers) {
        if (customer.id == id) return &customer;
    }
    return nullptr;
}

const ServiceConfig* CenterConfig::findService(std::string_view id) const {
    for (const ServiceConfig& service : services) {
        if (service.id == id) return &service;
    }
    return nullptr;
}

bool CenterConfig::isSkilledFor(const UserAccount& user, const ServiceConfig& service) {
    return std::all_of(service.skills.begin(), service.skills.end(), [&](const std::string& skill) {
        return std::find(user.skills.begin(), user.skills.end(), skill) != user.skills.end();
    });
}

int Capacity::of(Channel channel) const {
    switch (channel) {
        case Channel::Voice: return voice;
        case Channel::Chat: return chat;
        case Channel::Email: return email;
        case Channel::Campaign: return campaign;
    }
    return 0;
}

double SimulationSettings::factorAt(int hour) const {
    if (dailyProfile.size() != 24) return 1.0;
    return dailyProfile[static_cast<std::size_t>(((hour % 24) + 24) % 24)];
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
    settings.afterCallWork = parseAfterCallWork(content, where, settings.afterCallWork);
    settings.capacity = parseCapacity(content, where);
    settings.voice = parseVoice(content, where);
    settings.simulation = parseSimulation(content, where);
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

std::vector<ServiceConfig> parseServices(const json& content, const CenterSettings& defaults) {
    if (!content.is_object() || !content.contains("services") || !content["services"].is_array()) {
        throw ConfigError("the file must contain an object with a \"services\" list: {\"services\": [...]}");
    }
    std::vector<ServiceConfig> services;
    std::set<std::string> ids;
    const json& entries = content["services"];
    for (std::size_t i = 0; i < entries.size(); ++i) {
        std::string where = fmt::format("service {}", i + 1);
        if (entries[i].is_object() && entries[i].contains("id") && entries[i]["id"].is_string()) {
            where += fmt::format(" (\"{}\")", entries[i]["id"].get<std::string>());
        }
        ServiceConfig service = parseService(entries[i], where, defaults);
        if (!ids.insert(service.id).second) fail(where, fmt::format("the id \"{}\" is already used", service.id));
        services.push_back(std::move(service));
    }
    return services;
}

std::vector<Customer> parseCustomers(const json& content) {
    if (!content.is_object() || !content.contains("customers") || !content["customers"].is_array()) {
        throw ConfigError("the file must contain an object with a \"customers\" list: {\"customers\": [...]}");
    }
    std::vector<Customer> customers;
    std::set<std::string> ids;
    const json& entries = content["customers"];
    for (std::size_t i = 0; i < entries.size(); ++i) {
        const std::string where = fmt::format("customer {}", i + 1);
        if (!entries[i].is_object()) fail(where, "must be an object with id and name");
        Customer customer;
        customer.id = requireString(entries[i], "id", where);
        customer.name = requireString(entries[i], "name", where);
        customer.phone = optionalString(entries[i], "phone", where);
        customer.email = optionalString(entries[i], "email", where);
        customer.company = optionalString(entries[i], "company", where);
        if (!ids.insert(customer.id).second) fail(where, fmt::format("the id \"{}\" is already used", customer.id));
        customers.push_back(std::move(customer));
    }
    return customers;
}

std::string expandScreenPop(std::string_view urlTemplate, const std::map<std::string, std::string>& fields) {
    auto encoded = [](std::string_view value) {
        std::string out;
        for (unsigned char c : value) {
            if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') out += static_cast<char>(c);
            else out += fmt::format("%{:02X}", c);
        }
        return out;
    };
    std::string url;
    for (std::size_t i = 0; i < urlTemplate.size(); ++i) {
        if (urlTemplate[i] == '{') {
            const auto close = urlTemplate.find('}', i);
            if (close != std::string_view::npos) {
                auto it = fields.find(std::string(urlTemplate.substr(i + 1, close - i - 1)));
                if (it != fields.end()) {
                    url += encoded(it->second);
                    i = close;
                    continue;
                }
            }
        }
        url += urlTemplate[i];
    }
    return url;
}

std::vector<DirectoryContact> parseDirectory(const json& content) {
    if (!content.is_object() || !content.contains("contacts") || !content["contacts"].is_array()) {
        throw ConfigError("the file must contain an object with a \"contacts\" list: {\"contacts\": [...]}");
    }
    std::vector<DirectoryContact> contacts;
    std::set<std::string> ids;
    const json& entries = content["contacts"];
    for (std::size_t i = 0; i < entries.size(); ++i) {
        const std::string where = fmt::format("contact {}", i + 1);
        if (!entries[i].is_object()) fail(where, "must be an object with id, name and number");
        DirectoryContact contact;
        contact.id = requireString(entries[i], "id", where);
        contact.name = requireString(entries[i], "name", where);
        contact.number = requireString(entries[i], "number", where);
        contact.email = optionalString(entries[i], "email", where);
        contact.company = optionalString(entries[i], "company", where);
        if (!ids.insert(contact.id).second) fail(where, fmt::format("the id \"{}\" is already used", contact.id));
        contacts.push_back(std::move(contact));
    }
    return contacts;
}

CenterConfig loadCenterConfig(const std::filesystem::path& scenarioDir) {
    CenterConfig config;
    config.scenarioDir = scenarioDir;
    config.settings = parseFile(scenarioDir / "center.json", "the contact center's settings", parseCenterSettings);
    config.users = parseFile(scenarioDir / "users.json", "the users who can log in", parseUsers);
    if (std::filesystem::exists(scenarioDir / "services.json")) {
        config.services = parseFile(scenarioDir / "services.json", "the services work is routed for",
                                    [&](const json& content) { return parseServices(content, config.settings); });
        for (const ServiceConfig& service : config.services) {
            for (const auto& [subject, files] : service.subjectFiles) {
                for (const std::string& file : files) {
                    if (!config.scenarioFile(file)) {
                        throw ConfigError(fmt::format(
                            "{}: service \"{}\": the attachment \"{}\" of \"{}\" is not a file in the scenario folder",
                            (scenarioDir / "services.json").string(), service.id, file, subject));
                    }
                }
            }
        }
    }
    if (std::filesystem::exists(scenarioDir / "customers.json")) {
        config.customers = parseFile(scenarioDir / "customers.json", "the sample customers", parseCustomers);
    }
    if (std::filesystem::exists(scenarioDir / "directory.json")) {
        config.contacts = parseFile(scenarioDir / "directory.json", "the company directory", parseDirectory);
    }
    if (std::filesystem::exists(scenarioDir / "chat.json")) {
        config.chat = parseFile(scenarioDir / "chat.json", "the chat channel's settings",
                                [&](const json& content) { return parseChatSettings(content, scenarioDir); });
    }
    if (std::filesystem::exists(scenarioDir / "canned_responses.json")) {
        config.chat.canned = parseFile(scenarioDir / "canned_responses.json", "the shared canned responses",
                                       parseCannedResponses);
    }
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
