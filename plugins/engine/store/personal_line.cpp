#include "store/personal_line.hpp"

#include "model/text.hpp"

#include <agentdesk/events/core.hpp>
#include <agentdesk/text.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <numbers>
#include <random>
#include <stdexcept>

namespace agentdesk::engine {

namespace {

constexpr int kSampleRate = 8000;
constexpr std::size_t kForwardedShown = 20;

void putLittleEndian(std::ofstream& out, std::uint32_t value, int bytes) {
    for (int i = 0; i < bytes; ++i) out.put(static_cast<char>((value >> (8 * i)) & 0xFF));
}

bool validPin(std::string_view pin) {
    return pin.size() >= 4 && pin.size() <= 8 && std::all_of(pin.begin(), pin.end(), [](char c) { return c >= '0' && c <= '9'; });
}

}  // namespace

void writeVoiceRecording(const std::filesystem::path& file, std::int64_t durationMs, std::uint32_t seed) {
    const auto samples = static_cast<std::uint32_t>(std::max<std::int64_t>(durationMs, 0) * kSampleRate / 1000);
    std::filesystem::create_directories(file.parent_path());
    std::ofstream out(file, std::ios::binary | std::ios::trunc);
    if (!out) throw std::runtime_error(fmt::format("cannot write {}", file.string()));
    out.write("RIFF", 4);
    putLittleEndian(out, 36 + samples, 4);
    out.write("WAVEfmt ", 8);
    putLittleEndian(out, 16, 4);           // format chunk size
    putLittleEndian(out, 1, 2);            // PCM
    putLittleEndian(out, 1, 2);            // mono
    putLittleEndian(out, kSampleRate, 4);  // samples per second
    putLittleEndian(out, kSampleRate, 4);  // bytes per second
    putLittleEndian(out, 1, 2);            // block align
    putLittleEndian(out, 8, 2);            // bits per sample
    out.write("data", 4);
    putLittleEndian(out, samples, 4);
    // Syllables of 120-300 ms with a gliding pitch, short gaps between them, longer between phrases.
    std::mt19937 random(seed);
    std::uniform_int_distribution<int> syllable(kSampleRate * 12 / 100, kSampleRate * 30 / 100);
    std::uniform_int_distribution<int> gap(kSampleRate * 4 / 100, kSampleRate * 12 / 100);
    std::uniform_real_distribution<double> pitch(110.0, 220.0);
    std::uint32_t written = 0;
    int phrase = 0;
    while (written < samples) {
        const auto length = std::min<std::uint32_t>(static_cast<std::uint32_t>(syllable(random)), samples - written);
        const double from = pitch(random);
        const double to = pitch(random);
        double phase = 0;
        for (std::uint32_t i = 0; i < length; ++i) {
            const double t = static_cast<double>(i) / length;
            phase += 2 * std::numbers::pi * (from + (to - from) * t) / kSampleRate;
            const double envelope = std::sin(std::numbers::pi * t);
            const double value = envelope * (0.6 * std::sin(phase) + 0.25 * std::sin(2 * phase) + 0.1 * std::sin(3 * phase));
            out.put(static_cast<char>(128 + std::lround(value * 90)));
        }
        written += length;
        const auto pause = std::min<std::uint32_t>(static_cast<std::uint32_t>(gap(random) * (++phrase % 5 == 0 ? 4 : 1)),
                                                   samples - written);
        for (std::uint32_t i = 0; i < pause; ++i) out.put(static_cast<char>(128));
        written += pause;
    }
    if (!out.flush()) throw std::runtime_error(fmt::format("cannot write {}", file.string()));
}

PersonalLine::PersonalLine(ContactCenter& center, EngineStore& store, Bus& bus, const Clock& clock,
                           std::filesystem::path recordings, HashCost cost)
    : center_(center), store_(store), bus_(bus), clock_(clock), recordings_(std::move(recordings)), cost_(cost) {
    center_.addObserver(this);
    subscriptions_.push_back(bus_.subscribe<events::GetVoicemail>(
        [this](const events::GetVoicemail& c, const Message& m) {
            if (!center_.config().findUserById(c.agentId)) {
                refuse(c.topic, error_codes::unknownAgent, "There is no such user.", m.correlation);
                return;
            }
            publishBox(c.agentId, m.correlation);
        }));
    subscriptions_.push_back(bus_.subscribe<events::SetGreeting>([this](const events::SetGreeting& c, const Message& m) {
        if (!mayChange(c.topic, c.agentId, m.correlation)) return;
        const std::string text(trimmed(c.personalText));
        if (c.greeting == events::Greeting::Personal && text.empty()) {
            refuse(c.topic, "invalid_input", "Write the words of your personal greeting first.", m.correlation);
            return;
        }
        if (text::characterCount(text) > events::kMaxGreetingLength) {
            refuse(c.topic, "invalid_input",
                   fmt::format("A greeting can be at most {} characters long.", events::kMaxGreetingLength),
                   m.correlation);
            return;
        }
        Settings settings = settingsOf(c.agentId);
        settings.greeting = c.greeting;
        settings.personalText = text;
        save(c.agentId, settings);
        publishBox(c.agentId, m.correlation);
    }));
    subscriptions_.push_back(bus_.subscribe<events::SetVoicemailPin>([this](const events::SetVoicemailPin& c,
                                                                             const Message& m) {
        if (!mayChange(c.topic, c.agentId, m.correlation)) return;
        if (!c.pin.empty() && !validPin(c.pin)) {
            refuse(c.topic, "invalid_input", "A voicemail PIN is 4 to 8 digits.", m.correlation);
            return;
        }
        Settings settings = settingsOf(c.agentId);
        settings.pinHash = c.pin.empty() ? std::string() : hashPassword(c.pin, cost_);
        save(c.agentId, settings);
        publishBox(c.agentId, m.correlation);
    }));
    subscriptions_.push_back(bus_.subscribe<events::SetCallForwarding>(
        [this](const events::SetCallForwarding& c, const Message& m) { onForwarding(c, m); }));
    subscriptions_.push_back(bus_.subscribe<events::MarkVoicemail>([this](const events::MarkVoicemail& c, const Message& m) {
        if (!ownMessage(c.topic, c.agentId, c.messageId, m.correlation)) return;
        store_.markHeard(c.messageId, c.heard);
        publishBox(c.agentId, m.correlation);
    }));
    subscriptions_.push_back(bus_.subscribe<events::DeleteVoicemail>([this](const events::DeleteVoicemail& c,
                                                                             const Message& m) {
        const auto found = ownMessage(c.topic, c.agentId, c.messageId, m.correlation);
        if (!found) return;
        store_.deleteVoicemail(c.messageId);
        if (!found->audioFile.empty()) {
            std::error_code ignored;
            std::filesystem::remove(found->audioFile, ignored);
        }
        publishBox(c.agentId, m.correlation);
    }));
    subscriptions_.push_back(bus_.subscribe<events::PersonalCall>([this](const events::PersonalCall& c, const Message& m) {
        if (auto refusal = personalCall(c, m.correlation)) refuse(c.topic, refusal->code, refusal->message, m.correlation);
    }));
}

PersonalLine::~PersonalLine() { center_.removeObserver(this); }

PersonalLine::Settings PersonalLine::settingsOf(const std::string& agentId) const {
    Statement select = store_.database().prepare(
        "SELECT greeting, personal_text, pin_hash, forward_always, forward_no_answer, forward_busy, forward_number, "
        "no_answer_s FROM voicemail_boxes WHERE agent_id = ?1");
    select.bind(1, agentId);
    Settings settings;
    if (!select.step()) return settings;
    settings.greeting = enumFromName<events::Greeting>(select.columnText(0)).value_or(events::Greeting::Standard);
    settings.personalText = select.columnText(1);
    settings.pinHash = select.columnText(2);
    settings.forwarding.always = select.columnInt64(3) != 0;
    settings.forwarding.noAnswer = select.columnInt64(4) != 0;
    settings.forwarding.busy = select.columnInt64(5) != 0;
    settings.forwarding.number = select.columnText(6);
    settings.forwarding.noAnswerSeconds = static_cast<int>(select.columnInt64(7));
    return settings;
}

void PersonalLine::save(const std::string& agentId, const Settings& settings) {
    Database& db = store_.database();
    Transaction transaction(db);
    db.prepare("INSERT OR REPLACE INTO voicemail_boxes (agent_id, greeting, personal_text, pin_hash, forward_always, "
               "forward_no_answer, forward_busy, forward_number, no_answer_s, updated_ms) "
               "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)")
        .bind(1, agentId)
        .bind(2, enumName(settings.greeting))
        .bind(3, settings.personalText)
        .bind(4, settings.pinHash)
        .bind(5, settings.forwarding.always ? 1 : 0)
        .bind(6, settings.forwarding.noAnswer ? 1 : 0)
        .bind(7, settings.forwarding.busy ? 1 : 0)
        .bind(8, settings.forwarding.number)
        .bind(9, settings.forwarding.noAnswerSeconds)
        .bind(10, toEpochMs(clock_.now()))
        .execute();
    transaction.commit();
}

std::string PersonalLine::greetingText(const std::string& agentId, const Settings& settings) const {
    const UserAccount* user = center_.config().findUserById(agentId);
    const std::string name = user ? user->displayName : agentId;
    switch (settings.greeting) {
        case events::Greeting::Standard:
            return fmt::format("You have reached {}. Please leave a message after the tone.", name);
        case events::Greeting::Absent:
            return fmt::format("{} is away at the moment. Please leave a message after the tone, and you will be "
                               "called back on their return.",
                               name);
        case events::Greeting::Personal:
            return settings.personalText;
    }
    return {};
}

events::VoicemailBox PersonalLine::boxOf(const std::string& agentId) const {
    const Settings settings = settingsOf(agentId);
    events::VoicemailBox box;
    box.agentId = agentId;
    box.greeting = settings.greeting;
    box.personalText = settings.personalText;
    box.greetingText = greetingText(agentId, settings);
    box.pinSet = !settings.pinHash.empty();
    box.forwarding = settings.forwarding;
    for (const Voicemail& stored : store_.voicemailsFor(agentId)) {
        events::VoicemailMessage message;
        message.messageId = stored.id;
        message.callerName = stored.callerName;
        message.callerNumber = stored.fromAddress;
        message.customerId = stored.customerId;
        message.receivedAtMs = stored.atMs;
        message.durationMs = std::int64_t{stored.durationS} * 1000;
        message.heard = stored.heard;
        message.audioFile = stored.audioFile;
        if (!message.heard) ++box.unheard;
        box.messages.push_back(std::move(message));
    }
    Statement forwarded = store_.database().prepare(
        "SELECT caller_name, caller_number, to_number, reason, at_ms FROM forwarded_calls WHERE agent_id = ?1 "
        "ORDER BY at_ms DESC, id DESC LIMIT ?2");
    forwarded.bind(1, agentId).bind(2, static_cast<std::int64_t>(kForwardedShown));
    while (forwarded.step()) {
        box.forwarded.push_back({forwarded.columnText(0), forwarded.columnText(1), forwarded.columnText(2),
                                 enumFromName<events::ForwardReason>(forwarded.columnText(3))
                                     .value_or(events::ForwardReason::Always),
                                 forwarded.columnInt64(4)});
    }
    return box;
}

void PersonalLine::publishBox(const std::string& agentId, std::uint64_t correlation) {
    bus_.publish(boxOf(agentId), correlation);
}

bool PersonalLine::mayChange(std::string_view command, const std::string& agentId, std::uint64_t correlation) {
    if (center_.isLoggedIn(agentId)) return true;
    refuse(command, error_codes::notLoggedIn, "You are not logged in. Log in first.", correlation);
    return false;
}

std::optional<Voicemail> PersonalLine::ownMessage(std::string_view command, const std::string& agentId,
                                                  std::int64_t messageId, std::uint64_t correlation) {
    if (!mayChange(command, agentId, correlation)) return std::nullopt;
    auto found = store_.voicemail(messageId);
    if (!found || found->agentId != agentId) {
        refuse(command, "unknown_message", "This message is no longer in your voicemail.", correlation);
        return std::nullopt;
    }
    return found;
}

void PersonalLine::refuse(std::string_view command, std::string_view code, std::string message,
                          std::uint64_t correlation) {
    bus_.publish(events::Error{std::string(command), std::string(code), std::move(message)}, correlation);
}

void PersonalLine::onForwarding(const events::SetCallForwarding& command, const Message& message) {
    if (!mayChange(command.topic, command.agentId, message.correlation)) return;
    events::CallForwarding wanted = command.forwarding;
    const bool anyOn = wanted.always || wanted.noAnswer || wanted.busy;
    const std::string typed(trimmed(wanted.number));
    wanted.number = ContactCenter::normalizedNumber(typed);
    if (wanted.number.empty() && (anyOn || !typed.empty())) {
        refuse(command.topic, error_codes::invalidNumber,
               typed.empty() ? std::string("Enter the number to forward your calls to.")
                             : fmt::format("\"{}\" is not a phone number: use digits, optionally starting with +.", typed),
               message.correlation);
        return;
    }
    if (const UserAccount* user = center_.config().findUserById(command.agentId);
        user && !user->extension.empty() && ContactCenter::normalizedNumber(user->extension) == wanted.number) {
        refuse(command.topic, error_codes::invalidNumber, "Calls cannot be forwarded to your own extension.",
               message.correlation);
        return;
    }
    if (wanted.noAnswerSeconds < 5 || wanted.noAnswerSeconds > 120) {
        refuse(command.topic, "invalid_input", "Forward unanswered calls after 5 to 120 seconds.", message.correlation);
        return;
    }
    Settings settings = settingsOf(command.agentId);
    settings.forwarding = wanted;
    save(command.agentId, settings);
    publishBox(command.agentId, message.correlation);
}

std::optional<ContactCenter::Refusal> PersonalLine::personalCall(const events::PersonalCall& call,
                                                                 std::uint64_t correlation) {
    if (!center_.config().findUserById(call.agentId)) {
        return ContactCenter::Refusal{error_codes::unknownAgent, fmt::format("There is no agent \"{}\".", call.agentId)};
    }
    const Customer* customer = call.customerId.empty() ? nullptr : center_.config().findCustomer(call.customerId);
    Caller caller{call.agentId, call.from, customer ? customer->id : std::string(), call.callerName,
                  std::clamp(call.messageSeconds, 1, 600)};
    if (caller.number.empty() && customer) caller.number = customer->phone;
    if (customer) caller.name = customer->name;
    const events::CallForwarding forwarding = settingsOf(call.agentId).forwarding;
    if (forwarding.always && !forwarding.number.empty()) {
        forward(caller, forwarding.number, events::ForwardReason::Always, correlation);
        return std::nullopt;
    }
    if (center_.onThePhone(call.agentId)) {
        if (forwarding.busy && !forwarding.number.empty()) forward(caller, forwarding.number, events::ForwardReason::Busy, correlation);
        else takeMessage(caller, correlation);
        return std::nullopt;
    }
    ContactCenter::PersonalCallIn ring{caller.number, customer, customer ? std::string() : caller.name};
    if (forwarding.noAnswer && !forwarding.number.empty()) ring.ringFor = std::chrono::seconds(forwarding.noAnswerSeconds);
    if (const auto id = center_.ringPersonal(call.agentId, ring, correlation)) {
        ringing_[*id] = std::move(caller);
    } else {
        takeMessage(caller, correlation);  // logged out or without a phone
    }
    return std::nullopt;
}

void PersonalLine::withdrawn(const Interaction& interaction, const std::string&, events::WithdrawReason why) {
    const auto it = ringing_.find(interaction.id);
    if (it == ringing_.end()) return;
    const Caller caller = std::move(it->second);
    ringing_.erase(it);
    if (why == events::WithdrawReason::Abandoned) return;  // the caller hung up
    const events::CallForwarding forwarding = settingsOf(caller.agentId).forwarding;
    if (why == events::WithdrawReason::NotAnswered && forwarding.noAnswer && !forwarding.number.empty()) {
        forward(caller, forwarding.number, events::ForwardReason::NoAnswer, 0);
    } else {
        takeMessage(caller, 0);
    }
}

void PersonalLine::forward(const Caller& caller, const std::string& to, events::ForwardReason reason,
                           std::uint64_t correlation) {
    events::ForwardedCall call{caller.name, caller.number, to, reason, toEpochMs(clock_.now())};
    Database& db = store_.database();
    Transaction transaction(db);
    db.prepare("INSERT INTO forwarded_calls (agent_id, caller_name, caller_number, to_number, reason, at_ms) "
               "VALUES (?1, ?2, ?3, ?4, ?5, ?6)")
        .bind(1, caller.agentId)
        .bind(2, call.callerName)
        .bind(3, call.callerNumber)
        .bind(4, call.to)
        .bind(5, enumName(call.reason))
        .bind(6, call.atMs)
        .execute();
    transaction.commit();
    bus_.publish(events::CallForwarded{caller.agentId, call}, correlation);
    publishBox(caller.agentId, correlation);
}

void PersonalLine::takeMessage(const Caller& caller, std::uint64_t correlation) {
    const std::int64_t now = toEpochMs(clock_.now());
    Voicemail stored{0, caller.agentId, caller.number, now, caller.messageSeconds, false, caller.name, caller.customerId,
                     ""};
    stored.id = store_.addVoicemail(stored);
    // The recording is kept beside the database; a message without one still lists and can be called back.
    const std::filesystem::path file = recordings_ / fmt::format("voicemail-{}.wav", stored.id);
    try {
        writeVoiceRecording(file, std::int64_t{caller.messageSeconds} * 1000, static_cast<std::uint32_t>(stored.id));
        stored.audioFile = file.string();
        store_.database()
            .prepare("UPDATE voicemails SET audio_file = ?2 WHERE id = ?1")
            .bind(1, stored.id)
            .bind(2, stored.audioFile)
            .execute();
    } catch (const std::exception&) {
        stored.audioFile.clear();
    }
    events::VoicemailMessage message{stored.id, stored.callerName, stored.fromAddress, stored.customerId, stored.atMs,
                                     std::int64_t{stored.durationS} * 1000, false, stored.audioFile};
    bus_.publish(events::NewVoicemail{caller.agentId, message}, correlation);
    publishBox(caller.agentId, correlation);
}

}  // namespace agentdesk::engine
