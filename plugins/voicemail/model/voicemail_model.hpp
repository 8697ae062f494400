#pragma once
// The Voicemail panel's model (spec UI-12..14): this desktop's agent's voicemail box and call
// forwarding, over the bus only (events/voicemail.hpp). It keeps the box as the contact center
// last sent it, the forwarding form the agent edits, a message player (play / pause / position,
// through an AudioOutput where the computer has one), and what the top bar shows: the unheard
// count and whether calls are forwarded. Playing a new message marks it heard. No ImGui here.

#include "model/audio_output.hpp"

#include <agentdesk/bus.hpp>
#include <agentdesk/clock.hpp>
#include <agentdesk/current_agent.hpp>
#include <agentdesk/events/voicemail.hpp>

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace agentdesk::voicemail {

/// The forwarding form: what the agent typed, before it is saved.
struct ForwardingForm {
    events::CallForwarding forwarding;
    bool changed = false;  ///< differs from what the contact center keeps
};

/// "0:42" for a message's length or position.
std::string durationText(std::int64_t ms);
/// The caller as a list shows them: "Maria Lopez (+34 612 345 678)", the number alone, or "Unknown caller".
std::string callerText(const events::VoicemailMessage& message);
/// One line for the top bar while forwarding is on: "Forwarding all calls to +4930...", "" when off.
std::string forwardingSummary(const events::CallForwarding& forwarding);

class VoicemailModel {
public:
    /// Tells the agent something (a new message, a forwarded call): a title and a line of detail.
    using Notify = std::function<void(const std::string& title, const std::string& message)>;
    /// `audio` plays the recordings; everything passed must outlive the model.
    VoicemailModel(Bus& bus, const Clock& clock, AudioOutput& audio, Notify notify = {});

    bool loggedIn() const { return agent_.loggedIn(); }
    /// The box as last received (empty while logged out).
    const events::VoicemailBox& box() const { return box_; }
    int unheard() const { return box_.unheard; }
    const events::VoicemailMessage* message(std::int64_t messageId) const;

    // ---- greeting and PIN (UI-12) ------------------------------------------------------------
    void chooseGreeting(events::Greeting greeting, const std::string& personalText);
    void setPin(const std::string& pin);
    void removePin() { setPin({}); }

    // ---- the messages (UI-13) ----------------------------------------------------------------
    void markHeard(std::int64_t messageId, bool heard);
    void remove(std::int64_t messageId);
    /// Calls the message's caller back (voice.dial with the personal service).
    void callBack(std::int64_t messageId);

    /// The player: one message at a time.
    void play(std::int64_t messageId);
    void pause();
    /// Moves the position (clamped to the message); playing goes on from there.
    void seek(std::int64_t positionMs);
    void stopPlayer();
    std::int64_t playingId() const { return playerId_; }
    bool playing() const { return playerId_ != 0 && startedAt_.has_value(); }
    /// Where the player is in its message, in ms (advances with the clock while playing).
    std::int64_t position() const;
    /// Call every frame (or on a timer): the player stops at the end of its message.
    void tick();
    /// Why the computer cannot play the message aloud ("" when it can): the player still runs, silently.
    const std::string& silentReason() const { return silentReason_; }

    // ---- call forwarding (UI-14) -------------------------------------------------------------
    ForwardingForm& form() { return form_; }
    /// Sends the form to the contact center.
    void saveForwarding();
    /// Turns every kind off (keeps the number).
    void stopForwarding();
    bool forwardingActive() const { return box_.forwarding.active(); }

    /// The last refusal of one of this model's commands, "" after a success.
    const std::string& lastError() const { return lastError_; }
    /// True while a command waits for its answer.
    bool busy() const { return pending_ != 0; }

private:
    void onBox(const events::VoicemailBox& box, const Message& message);
    template <typename Command>
    std::uint64_t send(const Command& command);
    void startAudio();

    Bus& bus_;
    const Clock& clock_;
    AudioOutput& audio_;
    Notify notify_;
    CurrentAgent agent_;
    events::VoicemailBox box_;
    ForwardingForm form_;
    std::uint64_t pending_ = 0;   // a command the box answers
    std::uint64_t dialing_ = 0;   // a call-back, until it rings or is refused
    std::uint64_t savingForwarding_ = 0;  // the forwarding form's save, until answered
    std::string lastError_;
    std::int64_t playerId_ = 0;
    std::int64_t positionAtStart_ = 0;       // position when play last started or the player paused
    std::optional<TimePoint> startedAt_;     // set while playing
    std::string silentReason_;
    std::vector<Subscription> subscriptions_;
};

}  // namespace agentdesk::voicemail
