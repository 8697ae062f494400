// Typed reads of the scenario's JSON files with messages that say where a mistake is.

#include "model/json_reading.hpp"
#include "model/text.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <cmath>
#include <fstream>
#include <set>

namespace agentdesk::engine {

using nlohmann::json;

// ---- typed reads with messages that say where ----------------------------------------------
// `where` names the entry ("user 3 (\"chloe\")", "center settings") so every message points at it.

void fail(std::string_view where, std::string_view problem) {
    throw ConfigError(fmt::format("{}: {}", where, problem));
}

std::string requireString(const json& object, const char* key, std::string_view where) {
    auto it = object.find(key);
    if (it == object.end() || it->is_null()) fail(where, fmt::format("\"{}\" is missing", key));
    if (!it->is_string()) fail(where, fmt::format("\"{}\" must be text", key));
    std::string value(trimmed(it->get_ref<const std::string&>()));
    if (value.empty()) fail(where, fmt::format("\"{}\" must not be empty", key));
    return value;
}

std::string optionalString(const json& object, const char* key, std::string_view where, std::string fallback) {
    auto it = object.find(key);
    if (it == object.end() || it->is_null()) return fallback;
    if (!it->is_string()) fail(where, fmt::format("\"{}\" must be text", key));
    return std::string(trimmed(it->get_ref<const std::string&>()));
}

bool optionalBool(const json& object, const char* key, std::string_view where, bool fallback) {
    auto it = object.find(key);
    if (it == object.end() || it->is_null()) return fallback;
    if (!it->is_boolean()) fail(where, fmt::format("\"{}\" must be true or false", key));
    return it->get<bool>();
}

/// A list of distinct, non-empty strings.
std::vector<std::string> optionalStringList(const json& object, const char* key, std::string_view where) {
    std::vector<std::string> values;
    auto it = object.find(key);
    if (it == object.end() || it->is_null()) return values;
    if (!it->is_array()) fail(where, fmt::format("\"{}\" must be a list of texts", key));
    std::set<std::string> seen;
    for (const json& item : *it) {
        if (!item.is_string()) fail(where, fmt::format("\"{}\" must be a list of texts", key));
        std::string value(trimmed(item.get_ref<const std::string&>()));
        if (value.empty()) fail(where, fmt::format("\"{}\" contains an empty entry", key));
        if (!seen.insert(value).second) fail(where, fmt::format("\"{}\" lists \"{}\" twice", key, value));
        values.push_back(std::move(value));
    }
    return values;
}

/// A duration given in seconds (whole or fractional), strictly positive.
std::optional<Milliseconds> optionalSeconds(const json& object, const char* key, std::string_view where) {
    auto it = object.find(key);
    if (it == object.end() || it->is_null()) return std::nullopt;
    if (!it->is_number()) fail(where, fmt::format("\"{}\" must be a number of seconds", key));
    const double seconds = it->get<double>();
    if (!(seconds > 0) || seconds > 24 * 3600) {
        fail(where, fmt::format("\"{}\" must be more than 0 and at most 86400 seconds", key));
    }
    return Milliseconds(std::llround(seconds * 1000));
}

double optionalNumber(const json& object, const char* key, std::string_view where, double fallback, double min,
                      double max) {
    auto it = object.find(key);
    if (it == object.end() || it->is_null()) return fallback;
    if (!it->is_number() || it->get<double>() < min || it->get<double>() > max) {
        fail(where, fmt::format("\"{}\" must be a number from {} to {}", key, min, max));
    }
    return it->get<double>();
}

int optionalInt(const json& object, const char* key, std::string_view where, int fallback, int min, int max) {
    auto it = object.find(key);
    if (it == object.end() || it->is_null()) return fallback;
    if (!it->is_number_integer() || it->get<long long>() < min || it->get<long long>() > max) {
        fail(where, fmt::format("\"{}\" must be a whole number from {} to {}", key, min, max));
    }
    return it->get<int>();
}

// ---- files -------------------------------------------------------------------------------------

json readJsonFile(const std::filesystem::path& file, std::string_view purpose) {
    std::ifstream in(file, std::ios::binary);
    if (!in) throw ConfigError(fmt::format("{} is missing or cannot be read; it holds {}", file.string(), purpose));
    try {
        return json::parse(in);
    } catch (const json::parse_error& e) {
        // Drop nlohmann's "[json.exception.parse_error.101] " prefix: it means nothing to a reader.
        std::string_view what = e.what();
        if (auto end = what.find("] "); what.starts_with("[") && end != std::string_view::npos) what.remove_prefix(end + 2);
        throw ConfigError(fmt::format("{} is not valid JSON: {}", file.string(), what));
    }
}

}  // namespace agentdesk::engine
