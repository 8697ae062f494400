#pragma once
// Reading and writing the desktop's JSON files (settings, layouts, plugin settings).
// Writes are atomic (temp file + rename) so a crash never leaves half a file; a file that cannot
// be parsed is kept aside as "<file>.corrupt-<timestamp>" and reported, never silently dropped.

#include <nlohmann/json.hpp>

#include <filesystem>
#include <string>

namespace agentdesk::host {

struct JsonFileRead {
    enum class Status { Missing, Ok, Corrupt };
    Status status = Status::Missing;
    nlohmann::json value;                  ///< the parsed document when Ok
    std::filesystem::path backup;          ///< where a corrupt file was moved
    std::string message;                   ///< for the user, when Corrupt
};

/// Reads `file`. A parse failure, or a document `validate` rejects (returning a reason), moves the
/// file to a timestamped backup and returns Corrupt with a message naming the backup.
JsonFileRead readJsonFile(const std::filesystem::path& file,
                          const std::function<std::string(const nlohmann::json&)>& validate = {});

/// Moves a rejected file aside; returns the backup path (empty if it could not be moved).
std::filesystem::path backupCorruptFile(const std::filesystem::path& file);

/// Writes `value` to `file` atomically (pretty-printed), creating parent directories.
bool writeJsonFile(const std::filesystem::path& file, const nlohmann::json& value, std::string* error = nullptr);

}  // namespace agentdesk::host
