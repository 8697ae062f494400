#pragma once
// The contact center's configuration, read from a scenario folder:
//   users.json      who can log in (id, user name, role, team, skills, argon2id password hash);
//                   "simulated": true marks a colleague the engine plays itself
//   center.json     Not Ready reasons, login policy, desk phones, ring and After Call Work defaults,
//                   channel capacity, conferences, voice applications and messages ("voice"), the simulation (seed, speed, daily profile)
//   services.json   the services interactions are routed for: channel, skills, service level,
//                   timers, dispositions, and how often simulated customers arrive
//   customers.json  sample customers the simulation plays (name, phone, email)
//   chat.json, canned_responses.json   the chat channel (model/chat_config.hpp)
// Anything wrong is reported as a ConfigError whose message names the file, the entry and the fix.

#include "model/chat_config.hpp"
#include "model/wrap_up.hpp"

#include <agentdesk/clock.hpp>
#include <agentdesk/events/voice.hpp>
#include <agentdesk/types.hpp>

#include <nlohmann/json_fwd.hpp>

#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace agentdesk::engine {

/// Configuration that cannot be used; the message is written for whoever edits the files.
class ConfigError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// Someone who can log in (one entry of users.json).
struct UserAccount {
    std::string id;                   ///< stable, used as agentId on the bus
    std::string userName;             ///< typed at login; matched without regard to case
    std::string displayName;
    std::string role;                 ///< "agent" or "supervisor"
    std::string team;
    std::vector<std::string> skills;
    std::string passwordHash;         ///< argon2id string made by agentdesk-hash-password
    bool loggedInElsewhere = false;   ///< demo: starts with a session on "another desktop" (take-over flow)
    bool simulated = false;           ///< a colleague the simulation logs in and plays
    std::string extension;            ///< internal number colleagues call; "" when none
};

/// How many interactions of each channel an agent handles at once, and whether digital work may be
/// offered during a call.
struct Capacity {
    int voice = 1;
    int chat = 3;
    int email = 2;
    int campaign = 1;
    bool digitalWhileOnCall = false;
    /// The limit for `channel`.
    int of(Channel channel) const;
};

/// Consultations, transfers and conferences, voice applications and prerecorded messages
/// (center.json "voice", spec VOICE-14..20, 23).
struct VoiceSettings {
    int conferenceLimit = 6;                    ///< parties in a conference, the customer and the host included
    bool conferenceContinuesWithoutHost = true; ///< the others go on talking when the host leaves
    std::vector<events::VoiceApplication> applications = defaultApplications();
    std::vector<events::PrerecordedMessage> messages = defaultMessages();

    /// Offered when center.json names none: a keypad payment, a survey and a voice signature.
    static std::vector<events::VoiceApplication> defaultApplications();
    /// Offered when center.json names none: a recording disclaimer, opening hours, a privacy notice.
    static std::vector<events::PrerecordedMessage> defaultMessages();
    const events::VoiceApplication* findApplication(std::string_view id) const;
    const events::PrerecordedMessage* findMessage(std::string_view id) const;
};

/// The simulated traffic (center.json "simulation").
struct SimulationSettings {
    bool enabled = true;
    std::uint64_t seed = 1;           ///< same seed, same configuration: the same day, every run
    double speed = 1.0;               ///< > 1 compresses time for demos: more arrivals, shorter work
    std::vector<double> dailyProfile; ///< 24 hourly factors on each service's arrival rate; empty = flat
    double personalCallsPerHour = 0;  ///< customers calling a logged-in (human) agent's own number; 0: none
    /// The factor for the hour of the day `hour` (0..23).
    double factorAt(int hour) const;
};

/// Center-wide settings (center.json).
struct CenterSettings {
    std::string name;
    std::vector<std::string> notReadyReasons;       ///< what an agent may choose, in display order
    int maxFailedLogins = 5;                        ///< wrong passwords in a row before the account locks
    AgentState stateAfterLogin = AgentState::NotReady;  ///< NotReady (reason "Logged in") or Ready
    std::vector<std::string> deskPhoneExtensions;   ///< desk phones an agent may log in with
    Milliseconds ringTimeout{20'000};               ///< an offer not answered within this is taken back
    WrapUp afterCallWork = WrapUp::limitedTo(Milliseconds(60'000));  ///< for services without their own
    Capacity capacity;
    VoiceSettings voice;
    SimulationSettings simulation;
};

/// A service interactions are routed for (one entry of services.json).
struct ServiceConfig {
    std::string id;
    std::string name;
    Channel channel = Channel::Voice;
    std::vector<std::string> skills;             ///< an agent needs all of them to be offered this service
    Milliseconds serviceLevelThreshold{20'000};  ///< answered within this counts for the service level
    Milliseconds ringTimeout{20'000};
    WrapUp afterCallWork;
    std::vector<std::string> dispositions;
    bool dispositionRequired = false;            ///< wrap-up cannot be completed without one
    /// Screen-pop (UI-10): a web page to open for the customer, with {customerId}, {customerName},
    /// {from}, {subject}, {interactionId} and {serviceId} filled in (URL-encoded); "" for none.
    std::string screenPopUrl;
    bool screenPopOnOffer = false;               ///< open it when offered; otherwise when accepted
    bool recordsCalls = false;                   ///< calls: recorded from the answer ("recordCalls"); else on demand
    // Simulated customers
    double arrivalsPerHour = 0;                  ///< mean rate before the daily profile and speed; 0: none
    Milliseconds meanPatience{120'000};          ///< how long a customer waits before giving up, on average
    Milliseconds meanHandleTime{180'000};        ///< how long a simulated colleague works on one
    std::vector<std::string> subjects;           ///< chat topics or email subjects to pick from
    /// Emails: the files a simulated customer attaches when writing about a subject, as paths in
    /// the scenario folder ("files/parcel.png").
    std::map<std::string, std::vector<std::string>, std::less<>> subjectFiles;
};

/// A customer the simulation plays (one entry of customers.json).
struct Customer {
    std::string id;
    std::string name;
    std::string phone;
    std::string email;
    std::string company;
};

/// An external contact of the company directory (one entry of directory.json): a speed dial.
struct DirectoryContact {
    std::string id;
    std::string name;
    std::string number;
    std::string email;
    std::string company;
};

/// Everything the engine runs from.
struct CenterConfig {
    CenterSettings settings;
    std::vector<UserAccount> users;
    std::vector<ServiceConfig> services;
    std::vector<Customer> customers;
    std::vector<DirectoryContact> contacts;
    ChatSettings chat;
    std::filesystem::path scenarioDir;  ///< where it was read from; "" when made in code

    /// A file of the scenario folder by its relative path ("files/a.png"), or nullopt when it is
    /// not a file there (absolute paths and ".." never are).
    std::optional<std::filesystem::path> scenarioFile(std::string_view relative) const;

    /// The user with this user name (case-insensitive, surrounding spaces ignored), or nullptr.
    const UserAccount* findUserByName(std::string_view userName) const;
    /// The user with this id, or nullptr.
    const UserAccount* findUserById(std::string_view id) const;
    /// True when an agent may choose `reason` for Not Ready.
    bool isNotReadyReason(std::string_view reason) const;
    /// The service with this id, or nullptr.
    const ServiceConfig* findService(std::string_view id) const;
    /// The customer with this id, or nullptr.
    const Customer* findCustomer(std::string_view id) const;
    /// True when `user` has every skill `service` asks for.
    static bool isSkilledFor(const UserAccount& user, const ServiceConfig& service);
    /// True when `extension` is one of the center's desk phones.
    bool isDeskPhoneExtension(std::string_view extension) const;
};

/// A service's screen-pop URL for one interaction: the template with its fields filled in, URL-encoded.
std::string expandScreenPop(std::string_view urlTemplate, const std::map<std::string, std::string>& fields);

/// Reads center.json's contents. Throws ConfigError.
CenterSettings parseCenterSettings(const nlohmann::json& json);
/// Reads users.json's contents ({"users": [...]}). Throws ConfigError.
std::vector<UserAccount> parseUsers(const nlohmann::json& json);
/// Reads services.json's contents ({"services": [...]}); `defaults` gives ring and wrap-up timers
/// a service does not set. Throws ConfigError.
std::vector<ServiceConfig> parseServices(const nlohmann::json& json, const CenterSettings& defaults);
/// Reads customers.json's contents ({"customers": [...]}). Throws ConfigError.
std::vector<Customer> parseCustomers(const nlohmann::json& json);
/// Reads directory.json's contents ({"contacts": [...]}). Throws ConfigError.
std::vector<DirectoryContact> parseDirectory(const nlohmann::json& json);
/// Loads the scenario folder's files. services.json and customers.json may be absent (no routed
/// work, no simulated customers). Throws ConfigError naming the file.
CenterConfig loadCenterConfig(const std::filesystem::path& scenarioDir);

/// The scenario folder: the plugin setting "scenarioDir" when set (relative paths are taken from
/// `assets`), else `<assets>/scenario`. Throws ConfigError when the setting is not a string.
std::filesystem::path scenarioDirFor(const nlohmann::json& pluginSettings, const std::filesystem::path& assets);

}  // namespace agentdesk::engine
