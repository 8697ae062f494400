#include "model/contact_center.hpp"
#include "model/answering_scope.hpp"
#include "model/password.hpp"
#include "model/text.hpp"

#include <agentdesk/events/core.hpp>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <utility>

namespace agentdesk::engine {

namespace {

/// A number the system can dial: digits with an optional leading '+', spaces and - . ( ) dropped,
/// 3 to 15 digits (E.164's longest). nullopt when it is not one.
std::optional<std::string> normalizedPhoneNumber(std::string_view typed) {
    std::string number;
    for (char c : trimmed(typed)) {
        if (c >= '0' && c <= '9') number += c;
        else if (c == '+' && number.empty()) number += c;
        else if (c == ' ' || c == '-' || c == '.' || c == '(' || c == ')') continue;
        else return std::nullopt;
    }
    const std::size_t digits = number.size() - (number.starts_with('+') ? 1 : 0);
    if (digits < 3 || digits > 15) return std::nullopt;
    return number;
}

}  // namespace

ContactCenter::ContactCenter(Bus& bus, const Clock& clock, Timers& timers, CenterConfig config)
    : bus_(bus), clock_(clock), timers_(timers), config_(std::move(config)) {
    personalService_.id = "personal";
    personalService_.name = "Personal call";
    personalService_.channel = Channel::Voice;
    personalService_.afterCallWork = WrapUp::none();
    personalService_.meanHandleTime = std::chrono::seconds(90);
    subscriptions_.push_back(bus_.subscribe<events::LoginRequest>(
        [this](const events::LoginRequest& request, const Message& message) { onLoginRequest(request, message); }));
    subscriptions_.push_back(bus_.subscribe<events::LogoutRequest>(
        [this](const events::LogoutRequest& request, const Message& message) { onLogoutRequest(request, message); }));
    subscriptions_.push_back(bus_.subscribe<events::SetState>(
        [this](const events::SetState& request, const Message& message) { onSetState(request, message); }));
    // Interaction commands: each is answered by its event, or by an error carrying the refusal.
    auto answer = [this](std::string_view command, const Message& message, const std::optional<Refusal>& refusal) {
        if (refusal) refuse(command, *refusal, message.correlation);
    };
    subscriptions_.push_back(bus_.subscribe<events::Accept>([this, answer](const events::Accept& c, const Message& m) {
        answer(events::Accept::topic, m, accept(c.agentId, c.interactionId, m.correlation));
    }));
    subscriptions_.push_back(bus_.subscribe<events::Reject>([this, answer](const events::Reject& c, const Message& m) {
        answer(events::Reject::topic, m, reject(c.agentId, c.interactionId, m.correlation));
    }));
    subscriptions_.push_back(bus_.subscribe<events::Release>([this, answer](const events::Release& c, const Message& m) {
        answer(events::Release::topic, m, release(c.agentId, c.interactionId, m.correlation));
    }));
    subscriptions_.push_back(
        bus_.subscribe<events::SaveWrapUp>([this, answer](const events::SaveWrapUp& c, const Message& m) {
            answer(events::SaveWrapUp::topic, m, saveWrapUp(c.agentId, c.interactionId, c.disposition, c.notes, m.correlation));
        }));
    subscriptions_.push_back(bus_.subscribe<events::Complete>([this, answer](const events::Complete& c, const Message& m) {
        answer(events::Complete::topic, m, complete(c.agentId, c.interactionId, c.disposition, c.notes, m.correlation));
    }));
    // Interaction ids stay unique across runs that share one database: they carry the start time.
    idPrefix_ = fmt::format("i{}-", toEpochMs(clock_.now()) / 1000);

    // Demo accounts that start "logged in on another desktop", so the take-over flow can be tried.
    for (const UserAccount& user : config_.users) {
        if (user.loggedInElsewhere) startSession(user, PhoneDevice::Softphone, {}, 0);
    }
}

ContactCenter::~ContactCenter() = default;

// ---- queries -------------------------------------------------------------------------------------

bool ContactCenter::isLoggedIn(std::string_view agentId) const { return findSession(agentId) != nullptr; }

std::vector<std::string> ContactCenter::loggedInAgents() const {
    std::vector<std::string> ids;
    ids.reserve(sessions_.size());
    for (const auto& [id, session] : sessions_) ids.push_back(id);
    return ids;
}

AgentStateMachine* ContactCenter::agentState(std::string_view agentId) {
    Session* session = findSession(agentId);
    return session ? &session->state : nullptr;
}

const AgentStateMachine* ContactCenter::agentState(std::string_view agentId) const {
    const Session* session = findSession(agentId);
    return session ? &session->state : nullptr;
}

std::optional<PhoneDevice> ContactCenter::phoneDeviceOf(std::string_view agentId) const {
    const Session* session = findSession(agentId);
    return session ? std::optional(session->device) : std::nullopt;
}

bool ContactCenter::isLocked(std::string_view userId) const { return lockedAccounts_.contains(userId); }

std::string ContactCenter::passwordHashOf(const UserAccount& user) const {
    if (passwordSource_) {
        if (std::string changed = passwordSource_(user.id); !changed.empty()) return changed;
    }
    return user.passwordHash;
}

// ---- commands ------------------------------------------------------------------------------------

void ContactCenter::onLoginRequest(const events::LoginRequest& request, const Message& message) {
    constexpr std::string_view command = events::LoginRequest::topic;
    const UserAccount* user = config_.findUserByName(request.userName);
    if (!user) {
        const std::string_view typed = trimmed(request.userName);
        refuse(command,
               {error_codes::unknownUser,
                typed.empty() ? std::string("Enter your user name.")
                              : fmt::format("There is no user named \"{}\". Check the spelling, or ask your "
                                            "supervisor for your user name.",
                                            typed)},
               message.correlation);
        return;
    }
    if (auto refusal = checkCredentials(*user, request.password)) {
        refuse(command, *refusal, message.correlation);
        return;
    }
    const bool sessionElsewhere = findSession(user->id) != nullptr;
    if (sessionElsewhere && !request.takeOver) {
        refuse(command,
               {error_codes::alreadyLoggedIn,
                "You are already logged in on another desktop. Take over the session to log out there and "
                "continue here."},
               message.correlation);
        return;
    }
    // The device is checked before a take-over ends the other session: a refused login changes nothing.
    DeviceChoice device = checkDevice(request, *user);
    if (device.refusal) {
        refuse(command, *device.refusal, message.correlation);
        return;
    }
    if (sessionElsewhere) {
        endSession(user->id, "Your session was taken over: you logged in on another desktop.", 0);
    }
    startSession(*user, request.device, std::move(device.number), message.correlation);
}

void ContactCenter::onLogoutRequest(const events::LogoutRequest& request, const Message& message) {
    if (auto refusal = logOut(request.agentId, message.correlation)) {
        refuse(events::LogoutRequest::topic, *refusal, message.correlation);
    }
}

std::optional<ContactCenter::Refusal> ContactCenter::logOut(std::string_view agentId, std::uint64_t correlation) {
    const Session* session = findSession(agentId);
    if (!session) return Refusal{error_codes::notLoggedIn, "You are not logged in."};
    if (session->state.activeInteractions() > 0) {
        return Refusal{error_codes::interactionsActive, "Finish your active interactions before logging out."};
    }
    endSession(std::string(agentId), {}, correlation);
    return std::nullopt;
}

bool ContactCenter::logInSimulated(const UserAccount& user) {
    if (findSession(user.id)) return false;
    startSession(user, PhoneDevice::Softphone, {}, 0);
    findSession(user.id)->simulated = true;
    return true;
}

void ContactCenter::onSetState(const events::SetState& request, const Message& message) {
    if (auto refusal = setState(request.agentId, request.state, request.reason, message.correlation)) {
        refuse(events::SetState::topic, *refusal, message.correlation);
    }
}

std::optional<ContactCenter::Refusal> ContactCenter::setState(std::string_view agentId, AgentState state,
                                                              std::string reason, std::uint64_t correlation) {
    Session* session = findSession(agentId);
    if (!session) return Refusal{error_codes::notLoggedIn, "You are not logged in. Log in first."};
    if (state != AgentState::Ready && state != AgentState::NotReady) {
        return Refusal{error_codes::invalidState,
                       fmt::format("You cannot choose {} yourself; choose Ready or Not Ready.", displayName(state))};
    }
    if (state == AgentState::NotReady && !config_.isNotReadyReason(reason)) {
        std::string text = reason.empty() ? std::string("Choose a reason for Not Ready.")
                                          : fmt::format("\"{}\" is not a Not Ready reason here.", reason);
        text += fmt::format(" Choose one of: {}.", fmt::join(config_.settings.notReadyReasons, ", "));
        return Refusal{error_codes::unknownReason, std::move(text)};
    }
    AnsweringScope answering(answering_, correlation);
    if (session->state.state() == AgentState::AfterCallWork) {
        // Choosing a state ends After Call Work, and with it every wrap-up: each must be complete.
        for (const Interaction* interaction : interactionsOf(agentId)) {
            if (interaction->stage != Stage::WrapUp) continue;
            if (auto refusal = checkDisposition(*interaction, interaction->disposition, true)) return refusal;
        }
        completingForStateChange_ = true;
        completeWrapUpsOf(session->user.id, false, correlation);
        completingForStateChange_ = false;
    }
    const RequestOutcome outcome = state == AgentState::Ready ? session->state.requestReady()
                                                              : session->state.requestNotReady(std::move(reason));
    // Every command gets an answer, even one that changes nothing: repeat the current state.
    if (outcome == RequestOutcome::Unchanged) publishState(*session, correlation);
    return std::nullopt;
}

// ---- login checks ------------------------------------------------------------------------------

std::optional<ContactCenter::Refusal> ContactCenter::checkCredentials(const UserAccount& user,
                                                                      std::string_view password) {
    // A locked account is refused before the password is looked at: even the right one does not help.
    if (lockedAccounts_.contains(user.id)) {
        return Refusal{error_codes::accountLocked,
                       "Your account is locked after too many wrong passwords. Ask your supervisor to unlock it."};
    }
    if (verifyPassword(password, passwordHashOf(user))) {
        failedLogins_.erase(user.id);
        return std::nullopt;
    }
    const int failures = ++failedLogins_[user.id];
    const int limit = config_.settings.maxFailedLogins;
    if (failures >= limit) {
        lockedAccounts_.insert(user.id);
        failedLogins_.erase(user.id);
        return Refusal{error_codes::accountLocked,
                       fmt::format("The password was wrong {} times in a row, so your account is now locked. "
                                   "Ask your supervisor to unlock it.",
                                   failures)};
    }
    std::string text = "The user name or password is not correct.";
    if (const int left = limit - failures; left <= 2) {
        text += fmt::format(" {} more wrong {} will lock your account.", left, left == 1 ? "attempt" : "attempts");
    }
    return Refusal{error_codes::invalidCredentials, std::move(text)};
}

ContactCenter::DeviceChoice ContactCenter::checkDevice(const events::LoginRequest& request,
                                                       const UserAccount& user) const {
    auto refused = [](std::string text) {
        return DeviceChoice{{}, Refusal{error_codes::deviceUnavailable, std::move(text)}};
    };
    // Another agent's session on the same number: the phone would ring for two people.
    auto usedByAnother = [&](const std::string& number) -> const Session* {
        for (const auto& [id, session] : sessions_) {
            if (id != user.id && session->device == request.device && session->deviceNumber == number) {
                return session.get();
            }
        }
        return nullptr;
    };

    switch (request.device) {
        case PhoneDevice::DeskPhone: {
            std::string extension(trimmed(request.deviceNumber));
            if (extension.empty()) return refused("Enter the extension of your desk phone.");
            if (!config_.isDeskPhoneExtension(extension)) {
                return refused(fmt::format("Extension {} is not a desk phone of this contact center. Check the "
                                           "number shown on the phone.",
                                           extension));
            }
            if (const Session* other = usedByAnother(extension)) {
                return refused(fmt::format("Desk phone {} is in use by {}. Choose another phone.", extension,
                                           other->user.displayName));
            }
            return DeviceChoice{std::move(extension), std::nullopt};
        }
        case PhoneDevice::DialOut: {
            if (trimmed(request.deviceNumber).empty()) {
                return refused("Enter the phone number the system should call you on.");
            }
            auto number = normalizedPhoneNumber(request.deviceNumber);
            if (!number) {
                return refused(fmt::format("\"{}\" is not a phone number the system can call. Use digits, "
                                           "optionally starting with +.",
                                           trimmed(request.deviceNumber)));
            }
            if (const Session* other = usedByAnother(*number)) {
                return refused(fmt::format("The number {} is in use by {}. Choose another phone.", *number,
                                           other->user.displayName));
            }
            return DeviceChoice{std::move(*number), std::nullopt};
        }
        case PhoneDevice::Softphone:
        case PhoneDevice::NoPhone:
            break;
    }
    return DeviceChoice{};  // a softphone lives in the desktop; "no phone" needs no number
}

// ---- sessions ------------------------------------------------------------------------------------

void ContactCenter::startSession(const UserAccount& user, PhoneDevice device, std::string deviceNumber,
                                 std::uint64_t correlation) {
    auto onChange = [this, id = user.id](const AgentStatus&) {
        Session* session = findSession(id);
        if (!session) return;
        const AgentState before = std::exchange(session->lastState, session->state.state());
        publishState(*session, answering_);
        onStateChange(id, before);
    };
    auto created = std::make_unique<Session>(user, device, std::move(deviceNumber), clock_, timers_, std::move(onChange));
    Session& session = *created;
    sessions_[user.id] = std::move(created);

    // LoggedIn first: a desktop only follows an agent's state once it knows it is logged in.
    bus_.publish(events::LoggedIn{user.id, user.userName, user.displayName, user.role, session.device,
                                  session.deviceNumber, config_.settings.notReadyReasons},
                 correlation);
    notify([&](CenterObserver& o) { o.loggedIn(user, clock_.now()); });
    AnsweringScope answering(answering_, correlation);
    session.state.logIn(config_.settings.stateAfterLogin);
}

void ContactCenter::endSession(const std::string& agentId, const std::string& reason, std::uint64_t correlation) {
    const std::string id = agentId;  // the caller's string may live in the session we erase
    Session* session = findSession(id);
    if (!session) return;
    // An offer ringing here goes to someone else; unfinished wrap-ups are completed as they are.
    if (Interaction* ringing = findInteraction(session->ringing)) withdraw(*ringing, events::WithdrawReason::LoggedOut, 0);
    completingForStateChange_ = true;  // the session ends: no Ready in between
    completeWrapUpsOf(id, false, correlation);
    completingForStateChange_ = false;
    {
        // The state goes to LoggedOut before the session ends, so state timelines close the last span.
        AnsweringScope answering(answering_, correlation);
        session->state.logOut();
    }
    const UserAccount& user = session->user;
    bus_.publish(events::LoggedOut{id, reason}, correlation);
    sessions_.erase(id);
    notify([&](CenterObserver& o) { o.loggedOut(user, clock_.now()); });
    route();
}

ContactCenter::Session* ContactCenter::findSession(std::string_view agentId) {
    auto it = sessions_.find(agentId);
    return it == sessions_.end() ? nullptr : it->second.get();
}

const ContactCenter::Session* ContactCenter::findSession(std::string_view agentId) const {
    auto it = sessions_.find(agentId);
    return it == sessions_.end() ? nullptr : it->second.get();
}

// ---- publishing ----------------------------------------------------------------------------------

void ContactCenter::publishState(const Session& session, std::uint64_t correlation) {
    const AgentStatus& status = session.state.status();
    events::StateChanged event;
    event.agentId = session.user.id;
    event.state = status.state;
    event.reason = status.reason;
    event.sinceMs = toEpochMs(status.since);
    event.hasPending = status.pending.has_value();
    if (status.pending) {
        event.pendingState = status.pending->state;
        event.pendingReason = status.pending->reason;
    }
    event.acwEndsAtMs = status.acwEndsAt ? toEpochMs(*status.acwEndsAt) : 0;
    bus_.publish(event, correlation);
}

void ContactCenter::refuse(std::string_view command, const Refusal& refusal, std::uint64_t correlation) {
    bus_.publish(events::Error{std::string(command), std::string(refusal.code), refusal.message}, correlation);
}

}  // namespace agentdesk::engine
