#pragma once
// The simulated world around the contact center, so the desktop does real work with no server:
//
//   - customers arrive for each service as a Poisson process whose rate follows the service's
//     arrivalsPerHour times the center's daily profile (hours in UTC) times the speed factor;
//     callers and chatters have a patience (exponential around the service's mean) and give up
//     when it runs out; emails wait for ever;
//   - colleagues marked "simulated" in users.json log in a few minutes apart, go Ready, answer
//     offers after a few seconds, work for a time around the service's mean handle time, wrap up
//     with a disposition, and now and then take a break.
//
// Everything random comes from one generator seeded from center.json, and every wait is a timer
// on the center's clock: with a virtual clock the same configuration gives the same day, every
// run. The speed factor divides every duration and multiplies every rate.

#include "model/contact_center.hpp"

#include <agentdesk/clock.hpp>

#include <cstdint>
#include <functional>
#include <map>
#include <random>
#include <string>
#include <vector>

namespace agentdesk::engine {

class Simulation final : public CenterObserver {
public:
    /// Starts at once when the configuration enables it. `center`, `clock` and `timers` must outlive it.
    Simulation(ContactCenter& center, const Clock& clock, Timers& timers);
    ~Simulation() override;
    Simulation(const Simulation&) = delete;
    Simulation& operator=(const Simulation&) = delete;

    /// Starts or stops the traffic and the colleagues' actions (colleagues stay logged in).
    void setRunning(bool running);
    bool running() const { return running_; }
    /// Changes the speed factor (0.1 to 100) from now on.
    void setSpeed(double speed);
    double speed() const { return speed_; }

    /// Personal calls (UI-13): now and then, center.json's personalCallsPerHour times an hour (times
    /// the speed), a sample customer calls the own number of a logged-in agent the simulation does
    /// not play; `caller` places the call. From a generator of its own, so the rest of the day stays
    /// as it was.
    using PersonalCaller = std::function<void(const std::string& agentId, const Customer& customer, int messageSeconds)>;
    void simulatePersonalCalls(PersonalCaller caller);

    /// Customers who arrived so far, all services.
    std::uint64_t arrivals() const { return arrivals_; }

    // CenterObserver: the colleagues react to what the center does.
    void offered(const Interaction& interaction) override;
    void answered(const Interaction& interaction) override;
    void ended(const Interaction& interaction, events::EndedBy by) override;
    void withdrawn(const Interaction& interaction, const std::string& agentId, events::WithdrawReason why) override;
    void completed(const Interaction& interaction, TimePoint at, bool byTimeout) override;
    void stateChanged(const UserAccount& user, const AgentStatus& status) override;

private:
    struct Colleague {
        const UserAccount* user = nullptr;
        Timer action;  // the next thing this colleague does
        Timer breakTimer;
    };

    Milliseconds scaled(double seconds) const;
    Milliseconds exponential(Milliseconds mean);
    double uniform(double from, double to);
    void scheduleArrival(std::size_t serviceIndex);
    void arrive(std::size_t serviceIndex);
    void scheduleBreak(Colleague& colleague);
    void schedulePersonalCall();
    Colleague* colleague(std::string_view agentId);

    ContactCenter& center_;
    const Clock& clock_;
    Timers& timers_;
    std::mt19937_64 random_;
    double speed_ = 1.0;
    bool running_ = false;
    std::uint64_t arrivals_ = 0;
    std::vector<Timer> nextArrival_;  // by service index
    std::map<std::string, Colleague, std::less<>> colleagues_;  // by agent id
    std::map<std::string, Timer, std::less<>> work_;            // by interaction id: the colleague's next step on it
    PersonalCaller personalCaller_;
    std::mt19937_64 personalRandom_;
    Timer nextPersonalCall_;
};

}  // namespace agentdesk::engine
