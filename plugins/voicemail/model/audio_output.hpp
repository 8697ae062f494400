#pragma once
// Where voicemail is heard: the computer's sound output. SystemAudio plays a WAV file from a
// position through ALSA's `aplay` when the computer has a playback device and the program; where
// either is missing it says why, and the Voicemail panel shows that instead of sound.

#include <cstdint>
#include <filesystem>
#include <string>

namespace agentdesk::voicemail {

class AudioOutput {
public:
    virtual ~AudioOutput() = default;
    /// Why nothing can be heard here ("" when sound can be played).
    virtual std::string unavailableReason() const = 0;
    /// Plays `wav` from `fromMs`; stops what played before. False when it could not start.
    virtual bool start(const std::filesystem::path& wav, std::int64_t fromMs) = 0;
    /// Stops playing (nothing when nothing plays).
    virtual void stop() = 0;
};

/// The computer's sound: `aplay` on the default ALSA device.
class SystemAudio final : public AudioOutput {
public:
    /// `scratch` is a folder for the part of a message that is left to play.
    explicit SystemAudio(std::filesystem::path scratch, std::filesystem::path devices = "/proc/asound/pcm");
    ~SystemAudio() override;
    SystemAudio(const SystemAudio&) = delete;
    SystemAudio& operator=(const SystemAudio&) = delete;

    std::string unavailableReason() const override;
    bool start(const std::filesystem::path& wav, std::int64_t fromMs) override;
    void stop() override;

private:
    std::filesystem::path scratch_;
    std::filesystem::path devices_;
    int child_ = 0;  // the playing aplay's process id, 0 when none
};

/// True when `devicesFile` (the format of /proc/asound/pcm) lists a playback device.
bool listsPlaybackDevice(const std::filesystem::path& devicesFile);
/// Writes the part of a PCM WAV file from `fromMs` on as a WAV file of its own. False when `wav`
/// is not a PCM WAV file this can read or `out` cannot be written.
bool writeWavFrom(const std::filesystem::path& wav, std::int64_t fromMs, const std::filesystem::path& out);

}  // namespace agentdesk::voicemail
