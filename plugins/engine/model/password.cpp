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

}  // namespace agentdesk::engine
