#include "model/audio_output.hpp"

#include <csignal>
#include <cstring>
#include <fstream>
#include <sstream>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

extern char** environ;

namespace agentdesk::voicemail {

namespace {

std::uint32_t readLittleEndian(const char* bytes, int count) {
    std::uint32_t value = 0;
    for (int i = count - 1; i >= 0; --i) value = (value << 8) | static_cast<unsigned char>(bytes[i]);
    return value;
}

void putLittleEndian(std::string& out, std::uint32_t value, int count) {
    for (int i = 0; i < count; ++i) out += static_cast<char>((value >> (8 * i)) & 0xFF);
}

bool onPath(const char* program) {
    const char* path = std::getenv("PATH");
    if (!path) return false;
    std::stringstream dirs(path);
    std::string dir;
    while (std::getline(dirs, dir, ':')) {
        if (!dir.empty() && ::access((std::filesystem::path(dir) / program).c_str(), X_OK) == 0) return true;
    }
    return false;
}

}  // namespace

bool listsPlaybackDevice(const std::filesystem::path& devicesFile) {
    std::ifstream in(devicesFile);
    std::string line;
    while (std::getline(in, line)) {
        if (line.find("playback") != std::string::npos) return true;
    }
    return false;
}

bool writeWavFrom(const std::filesystem::path& wav, std::int64_t fromMs, const std::filesystem::path& out) {
    std::ifstream in(wav, std::ios::binary);
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (bytes.size() < 12 || bytes.compare(0, 4, "RIFF") != 0 || bytes.compare(8, 4, "WAVE") != 0) return false;
    std::string format;
    std::size_t dataAt = 0;
    std::size_t dataSize = 0;
    for (std::size_t at = 12; at + 8 <= bytes.size();) {
        const std::string id = bytes.substr(at, 4);
        const std::size_t size = readLittleEndian(bytes.data() + at + 4, 4);
        if (id == "fmt " && size >= 16 && at + 8 + size <= bytes.size()) format = bytes.substr(at + 8, 16);
        if (id == "data") {
            dataAt = at + 8;
            dataSize = std::min(size, bytes.size() - dataAt);
            break;
        }
        at += 8 + size + (size % 2);
    }
    if (format.size() != 16 || dataAt == 0 || readLittleEndian(format.data(), 2) != 1) return false;
    const std::uint32_t bytesPerSecond = readLittleEndian(format.data() + 8, 4);
    const std::uint32_t blockAlign = std::max<std::uint32_t>(readLittleEndian(format.data() + 12, 2), 1);
    std::size_t skip = static_cast<std::size_t>(std::max<std::int64_t>(fromMs, 0)) * bytesPerSecond / 1000;
    skip = std::min(skip - skip % blockAlign, dataSize);
    const auto left = static_cast<std::uint32_t>(dataSize - skip);
    std::string header = "RIFF";
    putLittleEndian(header, 36 + left, 4);
    header += "WAVEfmt ";
    putLittleEndian(header, 16, 4);
    header += format;
    header += "data";
    putLittleEndian(header, left, 4);
    std::error_code ignored;
    std::filesystem::create_directories(out.parent_path(), ignored);
    std::ofstream file(out, std::ios::binary | std::ios::trunc);
    file.write(header.data(), static_cast<std::streamsize>(header.size()));
    file.write(bytes.data() + dataAt + skip, left);
    return static_cast<bool>(file.flush());
}

SystemAudio::SystemAudio(std::filesystem::path scratch, std::filesystem::path devices)
    : scratch_(std::move(scratch)), devices_(std::move(devices)) {}

SystemAudio::~SystemAudio() { stop(); }

std::string SystemAudio::unavailableReason() const {
    if (!listsPlaybackDevice(devices_)) {
        return "This computer has no sound output: the message plays silently. Connect a headset or speakers to "
               "hear it.";
    }
    if (!onPath("aplay")) {
        return "Sound cannot be played: the program aplay (Debian package alsa-utils) is not installed.";
    }
    return {};
}

bool SystemAudio::start(const std::filesystem::path& wav, std::int64_t fromMs) {
    stop();
    if (!unavailableReason().empty()) return false;
    const std::filesystem::path part = scratch_ / "playing.wav";
    if (!writeWavFrom(wav, fromMs, part)) return false;
    std::string program = "aplay";
    std::string quiet = "-q";
    std::string file = part.string();
    char* argv[] = {program.data(), quiet.data(), file.data(), nullptr};
    pid_t child = 0;
    if (posix_spawnp(&child, "aplay", nullptr, nullptr, argv, environ) != 0) return false;
    child_ = child;
    return true;
}

void SystemAudio::stop() {
    if (child_ == 0) return;
    ::kill(child_, SIGTERM);
    ::waitpid(child_, nullptr, 0);
    child_ = 0;
}

}  // namespace agentdesk::voicemail
