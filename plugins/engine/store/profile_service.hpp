#pragma once
// Agent profiles in the embedded contact center (spec UI-11): display name, photo, dial-out number
// and language kept in engine.db, and password changes. A changed password's hash is stored in the
// agent's profile row and from then on takes the place of the one in users.json for their logins.

#include "model/contact_center.hpp"
#include "model/password.hpp"
#include "store/engine_store.hpp"

#include <agentdesk/bus.hpp>
#include <agentdesk/clock.hpp>
#include <agentdesk/events/agent.hpp>

#include <vector>

namespace agentdesk::engine {

class ProfileService {
public:
    /// Everything passed must outlive the service. `cost` is how expensive new password hashes are
    /// (Interactive for real accounts; tests pass Minimal).
    ProfileService(ContactCenter& center, EngineStore& store, Bus& bus, const Clock& clock,
                   HashCost cost = HashCost::Interactive);
    ~ProfileService();
    ProfileService(const ProfileService&) = delete;
    ProfileService& operator=(const ProfileService&) = delete;

    /// The agent's profile as the bus carries it (empty fields when never saved).
    events::AgentProfile profileOf(const std::string& agentId) const;

private:
    void onSave(const events::SaveProfile& command, const Message& message);
    void onChangePassword(const events::ChangePassword& command, const Message& message);
    void refuse(std::string_view command, std::string_view code, std::string message, std::uint64_t correlation);

    ContactCenter& center_;
    EngineStore& store_;
    Bus& bus_;
    const Clock& clock_;
    HashCost cost_;
    std::vector<Subscription> subscriptions_;
};

}  // namespace agentdesk::engine
