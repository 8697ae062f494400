#pragma once
// The embedded contact center: the back end every desktop on the bus talks to. It owns the
// sessions of all logged-in agents (the desktop's own agent and, later, simulated colleagues),
// answers the session commands of events/agent.hpp, and publishes each agent's state changes.
//
//   agent.login.request   -> agent.login.succeeded + agent.state.changed, or error
//   agent.logout.request  -> agent.state.changed(LoggedOut) + agent.logged_out, or error
//   agent.state.set       -> agent.state.changed, or error
//
//   interaction.accept / reject / release / wrapup.save / complete   (events/interaction.hpp)
//
// Answers carry the command's correlation id; refusals are events::Error with a stable code and a
// message written for the agent.
//
// Routing: every service has a queue, served oldest first across services. An interaction is
// offered to the agent who has been idle longest among the Ready agents skilled for its service
// (then, for chats and emails, to Busy agents with spare capacity, least loaded first). One offer
// rings at an agent at a time; an offer that rings out or is rejected goes back to the queue in
// its original place and the agent goes Not Ready (STATE-04). Customers who wait longer than their
// patience give up. Observers (metrics, storage, the simulation) hear every step.

#include "model/agent_state_machine.hpp"
#include "model/center_config.hpp"

#include <agentdesk/bus.hpp>
#include <agentdesk/clock.hpp>
#include <agentdesk/events/agent.hpp>
#include <agentdesk/events/interaction.hpp>

#include <array>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace agentdesk::engine {

/// Stable codes of the errors the engine answers session commands with.
namespace error_codes {
inline constexpr std::string_view unknownUser = "unknown_user";
inline constexpr std::string_view invalidCredentials = "invalid_credentials";
inline constexpr std::string_view accountLocked = "account_locked";
inline constexpr std::string_view alreadyLoggedIn = "already_logged_in";
inline constexpr std::string_view deviceUnavailable = "device_unavailable";
inline constexpr std::string_view notLoggedIn = "not_logged_in";
inline constexpr std::string_view unknownReason = "unknown_reason";
inline constexpr std::string_view invalidState = "invalid_state";
inline constexpr std::string_view interactionsActive = "interactions_active";
inline constexpr std::string_view unknownInteraction = "unknown_interaction";
inline constexpr std::string_view notYours = "not_yours";
inline constexpr std::string_view dispositionRequired = "disposition_required";
inline constexpr std::string_view unknownDisposition = "unknown_disposition";
inline constexpr std::string_view unknownService = "unknown_service";
inline constexpr std::string_view unknownAgent = "unknown_agent";
inline constexpr std::string_view targetUnavailable = "target_unavailable";
inline constexpr std::string_view customerBlacklisted = "customer_blacklisted";
inline constexpr std::string_view invalidNumber = "invalid_number";
}  // namespace error_codes

/// Where an interaction is in its life.
enum class Stage { Queued, Ringing, Connected, WrapUp };

/// A call, chat, email or campaign record the center routes.
struct Interaction {
    std::string id;
    const ServiceConfig* service = nullptr;  // points into the configuration, which never changes
    const Customer* customer = nullptr;      // nullptr for an unknown caller
    std::string from;
    std::string subject;
    ChatMedium medium = ChatMedium::None;
    std::string preview;                     // a chat's first message
    std::map<std::string, std::string> details;
    std::string transferNote;                // from the colleague who handed it on
    bool outbound = false;                   // the agent placed the call: it rings at the customer
    std::string transferredTo;               // a call the agent handed on: to whom, as the agent reads it
    std::string calledAgentId;               // an internal call: the colleague whose extension was dialled
    bool personal = false;                   // a call to the agent's own number, not routed (UI-14)
    std::string callerName;                  // a personal call's caller when not a known customer
    Milliseconds ringFor{0};                 // a personal call rings this long
    Stage stage = Stage::Queued;
    std::string agentId;                     // while ringing, connected or wrapping up
    TimePoint queuedAt{};
    TimePoint offeredAt{};
    TimePoint answeredAt{};
    TimePoint endedAt{};
    std::string disposition;
    std::string notes;
    std::uint64_t arrival = 0;               // arrival order: breaks ties between equal times
    Timer ringTimer;
    Timer patienceTimer;
};

/// What the simulation (or a test) brings in: a customer arriving for a service.
struct Arrival {
    std::string serviceId;
    std::string customerId;  ///< "" for an unknown caller
    std::string from;        ///< number or address; the customer's when empty
    std::string subject;
    std::optional<Milliseconds> patience;  ///< the customer gives up after waiting this long; nullopt: never
    ChatMedium medium = ChatMedium::None;  ///< for chats; None becomes WebChat
    std::string message{};                 ///< a chat's first message
    std::map<std::string, std::string> details{};  ///< shown with the offer (a mobile app's device, location)
};

/// Hears everything that happens in the center, in order, as it happens.
class CenterObserver {
public:
    virtual ~CenterObserver() = default;
    virtual void loggedIn(const UserAccount&, TimePoint) {}
    virtual void stateChanged(const UserAccount&, const AgentStatus&) {}
    virtual void loggedOut(const UserAccount&, TimePoint) {}
    virtual void queued(const Interaction&, bool /*requeued*/) {}
    virtual void offered(const Interaction&) {}
    virtual void withdrawn(const Interaction&, const std::string& /*agentId*/, events::WithdrawReason) {}
    /// Asked after an offer was withdrawn (not abandoned), before it goes back to its queue: true
    /// when the observer has put it somewhere else (an email handed to a colleague goes to their
    /// My Queue), and the center then forgets it.
    virtual bool claimsWithdrawn(const Interaction&, const std::string& /*agentId*/) { return false; }
    virtual void answered(const Interaction&) {}
    virtual void abandoned(const Interaction&, TimePoint) {}
    virtual void wrapUpSaved(const Interaction&) {}
    virtual void ended(const Interaction&, events::EndedBy) {}
    /// The agent handed the interaction on (to `interaction.agentId` when it rings there, else to a queue).
    virtual void transferred(const Interaction&, const std::string& /*fromAgentId*/) {}
    virtual void completed(const Interaction&, TimePoint, bool /*byTimeout*/) {}
};

class ContactCenter {
public:
    /// Subscribes to the session commands on `bus`. `bus`, `clock` and `timers` must outlive the center.
    ContactCenter(Bus& bus, const Clock& clock, Timers& timers, CenterConfig config);
    ~ContactCenter();
    ContactCenter(const ContactCenter&) = delete;
    ContactCenter& operator=(const ContactCenter&) = delete;

    /// The configuration the center runs from.
    const CenterConfig& config() const { return config_; }
    /// The timers the center runs its clock-driven steps on.
    Timers& timers() const { return timers_; }

    /// True while the agent with this id has a session.
    bool isLoggedIn(std::string_view agentId) const;
    /// Ids of the agents with a session, in id order.
    std::vector<std::string> loggedInAgents() const;
    /// The agent's state machine while logged in, else nullptr. Work (offers, interactions, wrap-up)
    /// is reported to it; every change it makes is published as agent.state.changed.
    AgentStateMachine* agentState(std::string_view agentId);
    const AgentStateMachine* agentState(std::string_view agentId) const;
    /// How the logged-in agent receives calls, or nullopt when not logged in.
    std::optional<PhoneDevice> phoneDeviceOf(std::string_view agentId) const;
    /// True when the account is locked after too many wrong passwords.
    bool isLocked(std::string_view userId) const;
    /// Where passwords changed in the desktop are kept (UI-11): the hash for a user id, or "" when
    /// they never changed it and users.json's hash holds.
    using PasswordSource = std::function<std::string(std::string_view userId)>;
    void setPasswordSource(PasswordSource source) { passwordSource_ = std::move(source); }
    /// The hash a login of `user` is checked against.
    std::string passwordHashOf(const UserAccount& user) const;

    // ---- interactions ------------------------------------------------------------------------

    /// Why a request was refused: a stable code and a message for the agent.
    struct Refusal {
        std::string_view code;
        std::string message;
    };

    /// Observers hear every later step; `observer` must outlive the center or be removed first.
    void addObserver(CenterObserver* observer);
    void removeObserver(CenterObserver* observer);

    /// Decides whether a customer may start an interaction (e.g. the blacklist); nullopt admits.
    using Admission = std::function<std::optional<Refusal>(const Arrival&, const Customer*, const ServiceConfig&)>;
    void setAdmission(Admission admission) { admission_ = std::move(admission); }
    /// Why `arrival` would be refused, or nullopt when it would be queued.
    std::optional<Refusal> checkArrival(const Arrival& arrival) const;
    /// A customer arrives: the interaction joins its service's queue and routing runs. Returns its id,
    /// or nullopt when it is refused (checkArrival says why).
    std::optional<std::string> arrive(const Arrival& arrival, std::uint64_t correlation = 0);
    /// The customer leaves: a waiting or ringing one is abandoned, a connected one ends (by Customer).
    void customerLeft(std::string_view interactionId);

    // The agent's actions, as the bus commands do them (nullopt = done, the events are published).
    std::optional<Refusal> accept(std::string_view agentId, std::string_view interactionId, std::uint64_t correlation = 0);
    std::optional<Refusal> reject(std::string_view agentId, std::string_view interactionId, std::uint64_t correlation = 0);
    /// Ends a connected interaction. `wrapUpAnyway` starts After Call Work even where the service has
    /// none (a banned customer: the agent notes what happened).
    std::optional<Refusal> release(std::string_view agentId, std::string_view interactionId, std::uint64_t correlation = 0,
                                   bool wrapUpAnyway = false);
    /// Calls `number` for a voice service: the call rings at the customer, who answers after a few
    /// seconds (interaction.offered with outbound set, then interaction.connected). A colleague's
    /// extension is an internal call (VOICE-03): refused unless they are Ready; they are Busy with it.
    std::optional<Refusal> dial(std::string_view agentId, std::string_view serviceId, std::string_view number,
                                std::uint64_t correlation = 0);
    /// Work the center hands an agent itself (a campaign's calling record): an interaction of a Campaign
    /// service, offered (outbound) and connected at once, so the agent is Busy with it and it is listed
    /// with their other work. Nullopt when the agent cannot take it (not logged in, no phone, not Ready,
    /// an offer ringing or a call going on).
    struct OutboundWork {
        std::string serviceId;
        std::string from;     ///< the number or name shown
        std::string subject;
        std::map<std::string, std::string> details{};
    };
    std::optional<std::string> startOutboundWork(std::string_view agentId, const OutboundWork& work);
    /// True when startOutboundWork would hand the agent work now.
    bool canStartOutboundWork(std::string_view agentId) const;
    /// Ends connected outbound work: with the service's After Call Work when `wrapUp`, else completed at once.
    void endOutboundWork(std::string_view interactionId, events::EndedBy by, bool wrapUp, std::uint64_t correlation = 0);
    /// A call to the agent's own number (UI-13, UI-14): not routed by the ACD, it rings at the agent for
    /// `ringFor` whatever their state, unless they are logged out, have no phone or are on a call (then
    /// nullopt). Rejected, rung out or withdrawn at logout, it is withdrawn and over, and the agent's
    /// state does not change (VOICE-02); observers hear `withdrawn` and decide where it goes.
    struct PersonalCallIn {
        std::string from;
        const Customer* customer = nullptr;
        std::string callerName;  ///< when `customer` is nullptr
        Milliseconds ringFor{20000};
    };
    std::optional<std::string> ringPersonal(std::string_view agentId, const PersonalCallIn& call,
                                            std::uint64_t correlation = 0);
    /// True when a call rings at the agent or they are on one (a personal call finds them busy).
    bool onThePhone(std::string_view agentId) const;
    /// The service personal calls belong to (no queue, no wrap-up); agents dial back with it.
    const ServiceConfig& personalService() const { return personalService_; }
    /// A phone number with spaces, dashes, dots and brackets taken out, or "" when it is not one.
    static std::string normalizedNumber(std::string_view number);
    /// Hands a connected interaction to a colleague (offered to them at once, whatever their skills)
    /// or to a service's queue of the same channel. The agent leaves it without wrap-up.
    std::optional<Refusal> transfer(std::string_view agentId, std::string_view interactionId,
                                    std::string_view toAgentId, std::string_view toServiceId, std::string note,
                                    std::uint64_t correlation = 0);

    // ---- calls between colleagues (VOICE-14..18) ----------------------------------------------

    /// Why `colleagueId` cannot be called by `agentId` now (unknown, yourself, logged out, not Ready,
    /// no phone, on a call), or nullopt when they can.
    std::optional<Refusal> checkCallable(std::string_view agentId, std::string_view colleagueId) const;
    /// The agent who would be offered a call of the voice service now (Ready, skilled, longest idle),
    /// other than `except`; "" when nobody is.
    std::string readyAgentFor(std::string_view serviceId, std::string_view except) const;
    /// A colleague's part in a call that is not routed (a consultation, a conference): ringing keeps
    /// other calls away from them, connected makes them Busy, ended gives them back.
    void legRinging(std::string_view agentId);
    void legConnected(std::string_view agentId);
    void legEnded(std::string_view agentId, bool wasConnected);
    /// Where a call is handed on: a colleague, a voice service's queue or a phone number.
    struct CallHandOver {
        std::string toAgentId;
        std::string toServiceId;
        std::string number;
        std::string application;  ///< a voice application takes the call for good (VOICE-19)
        bool connected = false;  ///< warm: the colleague already talks to the agent, no ring
        std::string targetName;  ///< for the history and the agent, e.g. "Ben Okafor"
    };
    /// Hands a connected call on: the customer's call goes on as a new interaction (its id in
    /// `newInteractionId`, "" for a number or an application) that rings at the colleague (connected at once when
    /// warm) or waits in the service's queue; the agent's part ends (by Transferred) with After
    /// Call Work as the service has it.
    std::optional<Refusal> transferCall(std::string_view agentId, std::string_view interactionId,
                                        const CallHandOver& to, std::uint64_t correlation,
                                        std::string& newInteractionId);
    /// True when a transfer of the interaction to the colleague would ring at them now (logged in,
    /// Ready or Busy with room for it, no offer ringing).
    bool canTakeTransferNow(std::string_view colleagueId, std::string_view interactionId) const;
    /// Takes a connected chat or email out of the agent's hands without wrap-up (postponed, or handed to
    /// a colleague's My Queue): ended (`by`) and completed with `notes`, it no longer counts as their work.
    std::optional<Refusal> setAside(std::string_view agentId, std::string_view interactionId, events::EndedBy by,
                                    std::string notes, std::uint64_t correlation = 0);
    /// Hands the agent an email or chat assigned to them personally (taken back from their My Queue):
    /// a new interaction of `arrival`'s service, offered and connected at once whatever their state
    /// and skills, when they have room for one more and no offer rings. Its id goes to `interactionId`.
    std::optional<Refusal> handOut(std::string_view agentId, const Arrival& arrival, std::string& interactionId,
                                   std::uint64_t correlation = 0);
    /// Takes a waiting chat or email out of its queue for this agent (skilled for its service, with
    /// room for one more, no offer ringing), whatever their state: it is offered and connected at once.
    std::optional<Refusal> pull(std::string_view agentId, std::string_view interactionId, std::uint64_t correlation = 0);
    std::optional<Refusal> saveWrapUp(std::string_view agentId, std::string_view interactionId, std::string disposition,
                                      std::string notes, std::uint64_t correlation = 0);
    std::optional<Refusal> complete(std::string_view agentId, std::string_view interactionId, std::string disposition,
                                    std::string notes, std::uint64_t correlation = 0);
    /// Ready or Not Ready (with a configured reason) for the agent, as agent.state.set does it.
    std::optional<Refusal> setState(std::string_view agentId, AgentState state, std::string reason,
                                    std::uint64_t correlation = 0);
    /// Logs in a colleague the simulation plays (no password; a softphone). False when already logged in.
    bool logInSimulated(const UserAccount& user);
    /// Ends a session as agent.logout.request does it.
    std::optional<Refusal> logOut(std::string_view agentId, std::uint64_t correlation = 0);

    /// A live interaction (queued to wrap-up), or nullptr.
    const Interaction* interaction(std::string_view id) const;
    /// Waiting interactions of a service, oldest first.
    std::vector<const Interaction*> queue(std::string_view serviceId) const;
    /// The agent's live interactions (ringing, connected, wrapping up), in arrival order.
    std::vector<const Interaction*> interactionsOf(std::string_view agentId) const;
    /// Live interactions, all stages.
    std::size_t liveInteractions() const { return interactions_.size(); }

private:
    /// A logged-in agent.
    struct Session {
        Session(const UserAccount& account, PhoneDevice phone, std::string number, const Clock& clock,
                Timers& timers, AgentStateMachine::ChangeListener onChange)
            : user(account), device(phone), deviceNumber(std::move(number)), state(clock, timers, std::move(onChange)) {}

        const UserAccount& user;  // points into config_.users, which never changes after construction
        PhoneDevice device;
        std::string deviceNumber;
        AgentStateMachine state;
        bool simulated = false;
        AgentState lastState = AgentState::LoggedOut;  // as last published
        std::string ringing;               // the interaction ringing here, "" when none
        std::array<int, 4> load{};         // ringing + connected interactions, by channel
        /// Ringing and connected interactions of `channel`.
        int& loadOf(Channel channel) { return load[static_cast<std::size_t>(channel)]; }
        int loadOf(Channel channel) const { return load[static_cast<std::size_t>(channel)]; }
    };
    /// The phone device an agent logs in with, checked and normalised.
    struct DeviceChoice {
        std::string number;
        std::optional<Refusal> refusal;
    };

    void onLoginRequest(const events::LoginRequest& request, const Message& message);
    void onLogoutRequest(const events::LogoutRequest& request, const Message& message);
    void onSetState(const events::SetState& request, const Message& message);

    std::optional<Refusal> checkCredentials(const UserAccount& user, std::string_view password);
    DeviceChoice checkDevice(const events::LoginRequest& request, const UserAccount& user) const;
    void startSession(const UserAccount& user, PhoneDevice device, std::string deviceNumber, std::uint64_t correlation);
    void endSession(const std::string& agentId, const std::string& reason, std::uint64_t correlation);
    Session* findSession(std::string_view agentId);
    const Session* findSession(std::string_view agentId) const;

    void publishState(const Session& session, std::uint64_t correlation);
    void onStateChange(const std::string& agentId, AgentState before);

    // interactions (interactions.cpp)
    Interaction* findInteraction(std::string_view id);
    std::optional<Refusal> checkOwnership(std::string_view agentId, std::string_view interactionId, Stage wanted,
                                          Interaction*& found);
    std::optional<Refusal> checkDisposition(const Interaction& interaction, const std::string& disposition,
                                            bool completing) const;
    void route();
    const Session* bestAgentFor(const Interaction& interaction) const;
    bool canTake(const Session& session, const Interaction& interaction) const;
    void offer(Interaction& interaction, const Session& session);
    void publishOffer(const Interaction& interaction, std::uint64_t correlation);
    void connectOutbound(const std::string& interactionId);
    /// The voice service `serviceId` names (the personal one included), or nullptr.
    const ServiceConfig* voiceService(std::string_view serviceId) const;
    void withdraw(Interaction& interaction, events::WithdrawReason why, std::uint64_t correlation);
    void requeue(Interaction& interaction);
    void endInteraction(Interaction& interaction, events::EndedBy by, std::uint64_t correlation,
                        bool wrapUpAnyway = false, bool noWrapUp = false);
    bool canReceiveTransfer(const Session& session, const Interaction& interaction) const;
    void finish(Interaction& interaction, bool byTimeout, std::uint64_t correlation);
    void completeWrapUpsOf(const std::string& agentId, bool byTimeout, std::uint64_t correlation);
    void abandon(Interaction& interaction);
    void forget(const std::string& interactionId);
    template <typename Call>
    void notify(Call call) {
        for (CenterObserver* observer : observers_) call(*observer);
    }
    void refuse(std::string_view command, const Refusal& refusal, std::uint64_t correlation);

    Bus& bus_;
    const Clock& clock_;
    Timers& timers_;
    CenterConfig config_;
    ServiceConfig personalService_;
    std::map<std::string, std::unique_ptr<Session>, std::less<>> sessions_;  // by agent id
    std::map<std::string, int, std::less<>> failedLogins_;                   // wrong passwords in a row, by user id
    std::set<std::string, std::less<>> lockedAccounts_;                      // by user id
    std::uint64_t answering_ = 0;  // correlation of the command being handled; the state changes it causes answer it

    std::map<std::string, std::unique_ptr<Interaction>, std::less<>> interactions_;  // live ones, by id
    std::map<std::pair<TimePoint, std::uint64_t>, Interaction*> waiting_;            // queued, oldest first
    std::uint64_t arrivals_ = 0;
    std::string idPrefix_;               // distinguishes this run's interaction ids from earlier runs'
    bool routing_ = false;               // route() is running; a nested call asks for another pass
    bool routeAgain_ = false;
    bool completingForStateChange_ = false;  // wrap-ups end because the agent chose a state: no ACW completion
    std::vector<CenterObserver*> observers_;
    Admission admission_;
    PasswordSource passwordSource_;
    std::vector<Subscription> subscriptions_;  // last: ends first, so no command arrives mid-destruction
};

}  // namespace agentdesk::engine
