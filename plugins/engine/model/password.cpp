#include "model/password.hpp"

#include <sodium.h>

#include <stdexcept>

namespace agentdesk::engine {

namespace {

void ensureSodiumStarted() {
    // sodium_init is thread-safe and idempotent; the static makes it run once.
    static const int result = sodium_init();
    if (result < 0) throw std::runtime_error("libsodium could not be initialised");
}

}  // namespace

std::string hashPassword(std::string_view password, HashCost cost) {
    ensureSodiumStarted();
    const bool minimal = cost == HashCost::Minimal;
    const unsigned long long opsLimit =
        minimal ? crypto_pwhash_argon2id_OPSLIMIT_MIN : crypto_pwhash_argon2id_OPSLIMIT_INTERACTIVE;
    const std::size_t memLimit =
        minimal ? crypto_pwhash_argon2id_MEMLIMIT_MIN : crypto_pwhash_argon2id_MEMLIMIT_INTERACTIVE;
    char out[crypto_pwhash_argon2id_STRBYTES];
    if (crypto_pwhash_argon2id_str(out, password.data(), password.size(), opsLimit, memLimit) != 0) {
        throw std::runtime_error("not enough memory to hash the password");
    }
    return std::string(out);
}

bool verifyPassword(std::string_view password, const std::string& hash) {
    ensureSodiumStarted();
    if (!looksLikePasswordHash(hash)) return false;
    return crypto_pwhash_str_verify(hash.c_str(), password.data(), password.size()) == 0;
}

bool looksLikePasswordHash(std::string_view text) {
    return text.starts_with("$argon2id$") || text.starts_with("$argon2i$");
}

std::string passwordPolicyProblem(std::string_view newPassword, std::string_view oldPassword) {
    bool letter = false;
    bool digit = false;
    for (unsigned char c : newPassword) {
        if (c >= '0' && c <= '9') digit = true;
        else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80) letter = true;
    }
    if (newPassword.size() < 8) return "The new password must have at least 8 characters.";
    if (!letter || !digit) return "The new password must contain both letters and digits.";
    if (newPassword == oldPassword) return "The new password must differ from the old one.";
    return {};
}

}  // namespace agentdesk::engine
