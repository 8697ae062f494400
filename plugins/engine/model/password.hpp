#pragma once
// Password hashes for users.json: argon2id strings made by libsodium, never plain text.
// A hash string carries its own cost parameters, so verification works with any of them.

#include <string>
#include <string_view>

namespace agentdesk::engine {

/// How expensive a new hash is to compute (and so to guess).
enum class HashCost {
    Interactive,  ///< libsodium's interactive limits (~50-100 ms, 64 MiB): the only choice for real accounts
    Minimal,      ///< the smallest argon2id allows: for test fixtures only, where speed matters
};

/// Hashes `password` into an argon2id string ("$argon2id$v=19$..."). Throws std::runtime_error when
/// libsodium cannot start or runs out of memory.
std::string hashPassword(std::string_view password, HashCost cost = HashCost::Interactive);

/// True when `password` matches `hash`. A malformed hash never matches.
bool verifyPassword(std::string_view password, const std::string& hash);

/// Why `newPassword` may not replace `oldPassword` (UI-11: at least 8 characters, letters and
/// digits, not the old one), in words for the agent; "" when it may.
std::string passwordPolicyProblem(std::string_view newPassword, std::string_view oldPassword);

/// True when `text` has the shape of an argon2 hash string (it is not checked further).
bool looksLikePasswordHash(std::string_view text);

}  // namespace agentdesk::engine
