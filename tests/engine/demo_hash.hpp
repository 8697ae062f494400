#pragma once
// The hash of the sample password "demo" at minimal cost, made once per test process: logins in
// tests stay fast while going through the real argon2id check.

#include "model/password.hpp"

#include <string>

namespace agentdesk::testing {

inline const std::string& demoHash() {
    static const std::string hash = engine::hashPassword("demo", engine::HashCost::Minimal);
    return hash;
}

}  // namespace agentdesk::testing

#include "model/center_config.hpp"

#include <vector>

namespace agentdesk::testing {

/// A user who logs in as `userName` with the password "demo"; id "u-<userName>".
inline engine::UserAccount demoUser(const std::string& userName, std::vector<std::string> skills,
                                    std::string displayName = {}, std::string role = "agent") {
    engine::UserAccount user;
    user.id = "u-" + userName;
    user.userName = userName;
    user.displayName = displayName.empty() ? userName : std::move(displayName);
    user.role = std::move(role);
    user.skills = std::move(skills);
    user.passwordHash = demoHash();
    return user;
}

}  // namespace agentdesk::testing
