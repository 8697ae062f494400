#pragma once
// Typed reads of the scenario's JSON files. `where` names the entry ("user 3 (\"chloe\")",
// "center settings") so that every ConfigError message points at what to fix.

#include "model/center_config.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace agentdesk::engine {

/// Throws ConfigError "<where>: <problem>".
[[noreturn]] void fail(std::string_view where, std::string_view problem);
/// A non-empty string (trimmed).
std::string requireString(const nlohmann::json& object, const char* key, std::string_view where);
/// A string (trimmed), or `fallback` when absent.
std::string optionalString(const nlohmann::json& object, const char* key, std::string_view where,
                           std::string fallback = {});
/// A boolean, or `fallback` when absent.
bool optionalBool(const nlohmann::json& object, const char* key, std::string_view where, bool fallback);
/// A list of distinct, non-empty strings (empty when absent).
std::vector<std::string> optionalStringList(const nlohmann::json& object, const char* key, std::string_view where);
/// A duration given in seconds (whole or fractional), strictly positive; nullopt when absent.
std::optional<Milliseconds> optionalSeconds(const nlohmann::json& object, const char* key, std::string_view where);
/// A number in [min, max], or `fallback` when absent.
double optionalNumber(const nlohmann::json& object, const char* key, std::string_view where, double fallback,
                      double min, double max);
/// A whole number in [min, max], or `fallback` when absent.
int optionalInt(const nlohmann::json& object, const char* key, std::string_view where, int fallback, int min, int max);
/// A file's JSON; ConfigError when it is missing or not JSON. `purpose` says what the file holds.
nlohmann::json readJsonFile(const std::filesystem::path& file, std::string_view purpose);

/// Reads `file` and parses it with `parse`, prefixing any ConfigError with the file's name.
template <typename Parse>
auto parseFile(const std::filesystem::path& file, std::string_view purpose, Parse parse) {
    nlohmann::json content = readJsonFile(file, purpose);
    try {
        return parse(content);
    } catch (const ConfigError& e) {
        throw ConfigError(fmt::format("{}: {}", file.string(), e.what()));
    }
}

}  // namespace agentdesk::engine
