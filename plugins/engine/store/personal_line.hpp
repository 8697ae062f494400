#pragma once
// The agents' personal lines in the embedded contact center (spec UI-12..14, VOICE-02): voicemail
// boxes and call forwarding, kept in engine.db (schema v11), and where a call to an agent's own
// number goes. Forwarding "always" sends it on at once; otherwise it rings at the agent when they
// can take a call. Busy (on a call, or one ringing) sends it to the "busy" forwarding number; not
// answered within the forwarding's seconds sends it to the "no answer" one. Whatever is not
// forwarded (rejected, rung out, the agent logged out or without a phone) reaches the voicemail:
// the caller hears the greeting and leaves a message, recorded as a WAV file beside engine.db.
// Calls of the center's services never come here.

#include "model/contact_center.hpp"
#include "model/password.hpp"
#include "store/engine_store.hpp"

#include <agentdesk/bus.hpp>
#include <agentdesk/clock.hpp>
#include <agentdesk/events/voicemail.hpp>

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace agentdesk::engine {

/// Writes `durationMs` of a caller's simulated message as 8 kHz, 8-bit mono WAV (syllable-like
/// bursts of tone with pauses; `seed` varies the voice). Throws std::runtime_error when it cannot.
void writeVoiceRecording(const std::filesystem::path& file, std::int64_t durationMs, std::uint32_t seed);

class PersonalLine final : public CenterObserver {
public:
    /// Everything passed must outlive the line. Recordings go to `recordings` (created when needed).
    PersonalLine(ContactCenter& center, EngineStore& store, Bus& bus, const Clock& clock,
                 std::filesystem::path recordings, HashCost cost = HashCost::Interactive);
    ~PersonalLine() override;
    PersonalLine(const PersonalLine&) = delete;
    PersonalLine& operator=(const PersonalLine&) = delete;

    /// The agent's box as the bus carries it.
    events::VoicemailBox boxOf(const std::string& agentId) const;
    /// A caller dials the agent's personal number (what simulation.personal_call does).
    std::optional<ContactCenter::Refusal> personalCall(const events::PersonalCall& call, std::uint64_t correlation = 0);

    // CenterObserver
    void withdrawn(const Interaction& interaction, const std::string& agentId, events::WithdrawReason why) override;

private:
    struct Settings {
        events::Greeting greeting = events::Greeting::Standard;
        std::string personalText;
        std::string pinHash;
        events::CallForwarding forwarding;
    };
    struct Caller {
        std::string agentId;
        std::string number;
        std::string customerId;
        std::string name;
        int messageSeconds = 20;
    };
    Settings settingsOf(const std::string& agentId) const;
    void save(const std::string& agentId, const Settings& settings);
    std::string greetingText(const std::string& agentId, const Settings& settings) const;
    void forward(const Caller& caller, const std::string& to, events::ForwardReason reason, std::uint64_t correlation);
    void takeMessage(const Caller& caller, std::uint64_t correlation);
    void publishBox(const std::string& agentId, std::uint64_t correlation);
    /// Checks the agent may change their box; refuses the command and returns false otherwise.
    bool mayChange(std::string_view command, const std::string& agentId, std::uint64_t correlation);
    /// The agent's own message `messageId`; otherwise refuses the command and returns nullopt.
    std::optional<Voicemail> ownMessage(std::string_view command, const std::string& agentId, std::int64_t messageId,
                                        std::uint64_t correlation);
    void refuse(std::string_view command, std::string_view code, std::string message, std::uint64_t correlation);
    void onForwarding(const events::SetCallForwarding& command, const Message& message);

    ContactCenter& center_;
    EngineStore& store_;
    Bus& bus_;
    const Clock& clock_;
    std::filesystem::path recordings_;
    HashCost cost_;
    std::map<std::string, Caller, std::less<>> ringing_;  // personal calls ringing at agents, by interaction id
    std::vector<Subscription> subscriptions_;
};

}  // namespace agentdesk::engine
