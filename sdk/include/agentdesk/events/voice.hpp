#pragma once
// Call control on a connected call (spec VOICE-05, 09, 13, 21, 22). A call is an interaction
// (events/interaction.hpp: offered, accept, release, wrap-up); its controls travel here:
//
//   voice.hold / voice.retrieve   ->   voice.call   (held, with when the hold began)
//   voice.mute                    ->   voice.call   (muted or not)
//   voice.record                  ->   voice.call   (recording on, paused, off; the gaps are kept)
//   voice.dtmf                    ->   voice.dtmf.sent, or error invalid_digits
//   voice.dial                    ->   interaction.offered (outbound: it rings at the customer), then
//                                      interaction.connected when they answer; or error
//
// voice.call carries the whole state of the call after every change, so a desktop that
// (re)starts needs no history.

#include "agentdesk/codec.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace agentdesk::events {

/// Whether a call is being recorded.
enum class Recording { Off, On, Paused };
AGENTDESK_ENUM_NAMES(Recording, {Recording::Off, "Off"}, {Recording::On, "On"}, {Recording::Paused, "Paused"})

/// What the agent asks of the recording.
enum class RecordingAction { Start, Pause, Resume, Stop };
AGENTDESK_ENUM_NAMES(RecordingAction, {RecordingAction::Start, "Start"}, {RecordingAction::Pause, "Pause"},
                     {RecordingAction::Resume, "Resume"}, {RecordingAction::Stop, "Stop"})

/// A stretch of a call that was recorded; the time between two of them is a marked gap.
struct RecordedPart {
    std::int64_t fromMs = 0;
    std::int64_t toMs = 0;  ///< 0 while still recording
    MSGPACK_DEFINE_MAP(fromMs, toMs)
};

/// Event: the state of a connected call, after every change.
struct CallState {
    static constexpr std::string_view topic = "voice.call";
    std::string interactionId;
    std::string agentId;
    bool held = false;
    std::int64_t heldSinceMs = 0;     ///< while held
    std::int64_t heldTotalMs = 0;     ///< earlier holds of this call
    bool muted = false;
    Recording recording = Recording::Off;
    std::vector<RecordedPart> recorded;
    std::string digitsSent;           ///< every DTMF digit sent so far
    MSGPACK_DEFINE_MAP(interactionId, agentId, held, heldSinceMs, heldTotalMs, muted, recording, recorded, digitsSent)
};

/// Command: put the customer on hold (music). Answered by CallState or Error (invalid_state when
/// already held or not connected).
struct HoldCall {
    static constexpr std::string_view topic = "voice.hold";
    std::string interactionId;
    std::string agentId;
    MSGPACK_DEFINE_MAP(interactionId, agentId)
};

/// Command: take the customer off hold. Answered by CallState or Error.
struct RetrieveCall {
    static constexpr std::string_view topic = "voice.retrieve";
    std::string interactionId;
    std::string agentId;
    MSGPACK_DEFINE_MAP(interactionId, agentId)
};

/// Command: mute or unmute the agent's microphone. Answered by CallState or Error.
struct MuteCall {
    static constexpr std::string_view topic = "voice.mute";
    std::string interactionId;
    std::string agentId;
    bool muted = true;
    MSGPACK_DEFINE_MAP(interactionId, agentId, muted)
};

/// Command: start, pause, resume or stop recording. Answered by CallState or Error (invalid_state
/// when the action does not fit the recording's state).
struct RecordCall {
    static constexpr std::string_view topic = "voice.record";
    std::string interactionId;
    std::string agentId;
    RecordingAction action = RecordingAction::Start;
    MSGPACK_DEFINE_MAP(interactionId, agentId, action)
};

/// Command: send DTMF digits (0-9, *, #, A-D) into the call. Answered by DigitsSent or Error
/// (invalid_digits, invalid_state when held).
struct SendDigits {
    static constexpr std::string_view topic = "voice.dtmf";
    std::string interactionId;
    std::string agentId;
    std::string digits;
    MSGPACK_DEFINE_MAP(interactionId, agentId, digits)
};

/// Command: call a number for a service (its caller id, dispositions and reporting). Answered by
/// interaction.offered with `outbound` set, then interaction.connected when the customer answers;
/// interaction.release while it rings hangs up. Errors: invalid_number, unknown_service,
/// invalid_state (already on a call, or no phone), not_logged_in.
struct Dial {
    static constexpr std::string_view topic = "voice.dial";
    std::string agentId;
    std::string number;
    std::string serviceId;
    MSGPACK_DEFINE_MAP(agentId, number, serviceId)
};

/// Event: digits went into the call.
struct DigitsSent {
    static constexpr std::string_view topic = "voice.dtmf.sent";
    std::string interactionId;
    std::string digits;
    MSGPACK_DEFINE_MAP(interactionId, digits)
};

}  // namespace agentdesk::events
