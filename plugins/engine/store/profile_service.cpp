#include "store/profile_service.hpp"

#include "model/text.hpp"

#include <agentdesk/events/core.hpp>

#include <fmt/format.h>

namespace agentdesk::engine {

ProfileService::ProfileService(ContactCenter& center, EngineStore& store, Bus& bus, const Clock& clock, HashCost cost)
    : center_(center), store_(store), bus_(bus), clock_(clock), cost_(cost) {
    center_.setPasswordSource([this](std::string_view userId) { return store_.passwordHash(userId); });
    subscriptions_.push_back(bus_.subscribe<events::GetProfile>([this](const events::GetProfile& c, const Message& m) {
        bus_.publish(events::AgentProfileSaved{profileOf(c.agentId)}, m.correlation);
    }));
    subscriptions_.push_back(bus_.subscribe<events::SaveProfile>(
        [this](const events::SaveProfile& c, const Message& m) { onSave(c, m); }));
    subscriptions_.push_back(bus_.subscribe<events::ChangePassword>(
        [this](const events::ChangePassword& c, const Message& m) { onChangePassword(c, m); }));
}

ProfileService::~ProfileService() { center_.setPasswordSource({}); }

events::AgentProfile ProfileService::profileOf(const std::string& agentId) const {
    events::AgentProfile profile;
    profile.agentId = agentId;
    if (const auto stored = store_.profile(agentId)) {
        profile.displayName = stored->displayName;
        profile.photoPath = stored->photoPath;
        profile.phone = stored->phone;
        profile.language = stored->language;
        profile.updatedMs = stored->updatedMs;
    }
    return profile;
}

void ProfileService::onSave(const events::SaveProfile& command, const Message& message) {
    const events::AgentProfile& wanted = command.profile;
    if (!center_.isLoggedIn(wanted.agentId)) {
        refuse(command.topic, error_codes::notLoggedIn, "You are not logged in.", message.correlation);
        return;
    }
    std::string phone;
    if (!trimmed(wanted.phone).empty()) {
        phone = ContactCenter::normalizedNumber(wanted.phone);
        if (phone.empty()) {
            refuse(command.topic, "invalid_input",
                   fmt::format("\"{}\" is not a phone number the system can call. Use digits, optionally starting "
                               "with +.",
                               trimmed(wanted.phone)),
                   message.correlation);
            return;
        }
    }
    AgentProfile profile = store_.profile(wanted.agentId).value_or(AgentProfile{});
    profile.agentId = wanted.agentId;
    profile.displayName = std::string(trimmed(wanted.displayName));
    profile.photoPath = std::string(trimmed(wanted.photoPath));
    profile.phone = phone;
    profile.language = wanted.language;
    profile.updatedMs = toEpochMs(clock_.now());
    store_.saveProfile(profile);
    bus_.publish(events::AgentProfileSaved{profileOf(wanted.agentId)}, message.correlation);
}

void ProfileService::onChangePassword(const events::ChangePassword& command, const Message& message) {
    const UserAccount* user = center_.config().findUserById(command.agentId);
    if (!user || !center_.isLoggedIn(command.agentId)) {
        refuse(command.topic, error_codes::notLoggedIn, "You are not logged in.", message.correlation);
        return;
    }
    if (!verifyPassword(command.oldPassword, center_.passwordHashOf(*user))) {
        refuse(command.topic, "wrong_password", "The current password is not correct. Your password was not changed.",
               message.correlation);
        return;
    }
    if (std::string problem = passwordPolicyProblem(command.newPassword, command.oldPassword); !problem.empty()) {
        refuse(command.topic, "weak_password", std::move(problem), message.correlation);
        return;
    }
    store_.savePasswordHash(command.agentId, hashPassword(command.newPassword, cost_), toEpochMs(clock_.now()));
    bus_.publish(events::PasswordChanged{command.agentId}, message.correlation);
}

void ProfileService::refuse(std::string_view command, std::string_view code, std::string message,
                            std::uint64_t correlation) {
    bus_.publish(events::Error{std::string(command), std::string(code), std::move(message)}, correlation);
}

}  // namespace agentdesk::engine
