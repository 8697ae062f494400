#pragma once
// Asking a supervisor for help (spec OTHER-04) and supervisors joining interactions, in the
// embedded contact center:
//
// - An agent raises a hand on one of their connected interactions; every desktop hears it, so
//   supervisors see the list. One hand per interaction; the agent may lower it again.
// - A supervisor (role "supervisor", Ready or Not Ready, with no work of their own) joins any
//   connected interaction to monitor, coach or barge in: they are Supervising until they leave or
//   the interaction ends, and a raised hand on that interaction clears as Handled.
// - When no supervisor is logged in, the center plays one: the agent's team supervisor (else the
//   first supervisor) answers a raised hand after `simulatedAnswer`, coaching, and leaves after
//   `simulatedStay` — so the flow works on a desktop of its own.
// - A hand clears and a supervision ends when the interaction ends.

#include "model/contact_center.hpp"

#include <agentdesk/bus.hpp>
#include <agentdesk/clock.hpp>
#include <agentdesk/events/support.hpp>

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace agentdesk::engine {

class Assistance final : public CenterObserver {
public:
    /// Everything passed must outlive this object.
    Assistance(ContactCenter& center, Bus& bus, const Clock& clock, Timers& timers);
    ~Assistance() override;
    Assistance(const Assistance&) = delete;
    Assistance& operator=(const Assistance&) = delete;

    static constexpr Milliseconds simulatedAnswer{std::chrono::seconds(20)};
    static constexpr Milliseconds simulatedStay{std::chrono::seconds(90)};

    /// Raised hands, oldest first.
    std::vector<events::AssistanceRequest> open() const;

    // CenterObserver
    void ended(const Interaction& interaction, events::EndedBy by) override;
    void transferred(const Interaction& interaction, const std::string& fromAgentId) override;
    void loggedOut(const UserAccount& user, TimePoint at) override;

private:
    struct Hand {
        events::AssistanceRequest request;
        Timer simulatedAnswer;
    };
    struct Supervision {
        events::SupervisionStarted started;
        bool simulated = false;
        Timer simulatedLeave;
    };

    void onRequest(const events::RequestAssistance& command, const Message& message);
    void onCancel(const events::CancelAssistance& command, const Message& message);
    void onJoin(const events::JoinInteraction& command, const Message& message);
    void onLeave(const events::LeaveInteraction& command, const Message& message);
    void refuse(std::string_view command, std::string_view code, std::string text, std::uint64_t correlation);
    /// Starts (or changes) a supervision and clears a hand on the interaction as Handled.
    void join(const UserAccount& supervisor, const Interaction& interaction, events::SupervisionMode mode,
              bool simulated, std::uint64_t correlation);
    void clearHand(const std::string& interactionId, events::AssistanceOutcome outcome, const std::string& by,
                   std::uint64_t correlation);
    /// The agent's part in the interaction is over: its hand clears and its supervisions end.
    void endSupervisions(const std::string& interactionId);
    void endSupervision(std::map<std::string, Supervision>::iterator it, std::uint64_t correlation);
    const UserAccount* playedSupervisorFor(const UserAccount& agent) const;
    bool supervisorLoggedIn() const;

    ContactCenter& center_;
    Bus& bus_;
    const Clock& clock_;
    Timers& timers_;
    std::uint64_t nextRequest_ = 1;
    std::map<std::string, Hand> hands_;                // by interaction id
    std::map<std::string, Supervision> supervisions_;  // by supervisor id
    std::vector<Subscription> subscriptions_;
};

}  // namespace agentdesk::engine
