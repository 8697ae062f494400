#pragma once
// Files on the agent's own machine: reading one the agent picked (a photo, a file to send) with a
// size limit, and saving one that came from a customer into the Downloads folder without ever
// replacing a file already there. Problems come back as sentences to show the agent.

#include "agentdesk/text.hpp"

#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace agentdesk {

/// Far past any limit a contact center sets for files sent to customers: a file this large is not
/// even read into memory to be sent.
inline constexpr std::uintmax_t kLargestFileToSend = 256u * 1024 * 1024;

/// A file read whole, named without its folders, its type from its extension.
struct LocalFile {
    std::string name;
    std::string mimeType;
    std::vector<char> data;
};

/// Reads `file` whole when it is a regular file of at most `maxBytes`; otherwise nullopt and
/// `problem` says why ("Cannot read ...: there is no such file.", "... is 12.0 MB; it may be at
/// most 10.0 MB.").
inline std::optional<LocalFile> readLocalFile(const std::filesystem::path& file, std::uintmax_t maxBytes,
                                              std::string& problem) {
    std::error_code failed;
    if (!std::filesystem::is_regular_file(file, failed)) {
        problem = "Cannot read \"" + file.string() + "\": there is no such file.";
        return std::nullopt;
    }
    const std::uintmax_t size = std::filesystem::file_size(file, failed);
    if (!failed && size > maxBytes) {
        problem = "\"" + file.filename().string() + "\" is " + text::sizeText(static_cast<std::int64_t>(size)) +
                  "; it may be at most " + text::sizeText(static_cast<std::int64_t>(maxBytes)) + ".";
        return std::nullopt;
    }
    std::ifstream in(file, std::ios::binary);
    LocalFile read{file.filename().string(), text::mimeTypeOf(file), {}};
    if (in) read.data.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    if (failed || !in || read.data.size() > maxBytes) {  // vanished, unreadable, or grew while being read
        problem = "Cannot read \"" + file.string() + "\".";
        return std::nullopt;
    }
    return read;
}

/// The agent's Downloads folder: ~/Downloads.
inline std::filesystem::path downloadsFolder() {
    const char* home = std::getenv("HOME");
    return std::filesystem::path(home && *home ? home : ".") / "Downloads";
}

/// A name for a file someone else named: its folders dropped (a customer's "../../x" is "x"),
/// "attachment" when nothing usable is left.
inline std::string safeFileName(std::string_view name) {
    std::string base = std::filesystem::path(std::string(name)).filename().string();
    std::erase_if(base, [](char c) { return static_cast<unsigned char>(c) < 0x20 || c == 0x7f; });
    if (base.empty() || base == "." || base == "..") return "attachment";
    return base;
}

/// Saves `data` as `name` in `folder` (created when missing). A name already taken gets a number:
/// "photo (1).png", "photo (2).png", ... Nothing is ever overwritten. Returns the path written,
/// or nullopt and `problem`.
inline std::optional<std::filesystem::path> saveNewFile(const std::filesystem::path& folder, std::string_view name,
                                                        const std::vector<char>& data, std::string& problem) {
    std::error_code failed;
    std::filesystem::create_directories(folder, failed);
    const std::filesystem::path wanted(safeFileName(name));
    const std::string stem = wanted.stem().string();
    const std::string extension = wanted.extension().string();
    for (int copy = 0; copy < 1000; ++copy) {
        const std::filesystem::path target =
            folder / (copy == 0 ? wanted.string() : stem + " (" + std::to_string(copy) + ")" + extension);
        // "x": fails when the file exists, so two saves never write into one file.
        std::FILE* out = std::fopen(target.c_str(), "wbx");
        if (!out) {
            if (errno == EEXIST) continue;
            problem = "Could not save " + target.string() + ".";
            return std::nullopt;
        }
        const bool written = std::fwrite(data.data(), 1, data.size(), out) == data.size();
        if (std::fclose(out) != 0 || !written) {
            std::filesystem::remove(target, failed);
            problem = "Could not save " + target.string() + ": is the disk full?";
            return std::nullopt;
        }
        return target;
    }
    problem = "Could not save \"" + wanted.string() + "\": too many files of that name in " + folder.string() + ".";
    return std::nullopt;
}

}  // namespace agentdesk
