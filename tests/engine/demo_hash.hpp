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
