#include "model/simulation.hpp"
#include "model/chat_customers.hpp"

#include <algorithm>
#include <cmath>

namespace agentdesk::engine {

namespace {

constexpr std::int64_t kHourMs = 3'600'000;

int hourOfDay(TimePoint t) { return static_cast<int>((toEpochMs(t) / kHourMs) % 24); }

TimePoint nextHour(TimePoint t) { return fromEpochMs((toEpochMs(t) / kHourMs + 1) * kHourMs); }

}  // namespace

Simulation::Simulation(ContactCenter& center, const Clock& clock, Timers& timers)
    : center_(center),
      clock_(clock),
      timers_(timers),
      random_(center.config().settings.simulation.seed),
      speed_(center.config().settings.simulation.speed),
      personalRandom_(center.config().settings.simulation.seed + 1) {
    nextArrival_.resize(center_.config().services.size());
    for (const UserAccount& user : center_.config().users) {
        if (user.simulated) colleagues_[user.id].user = &user;
    }
    center_.addObserver(this);
    if (center_.config().settings.simulation.enabled) setRunning(true);
}

Simulation::~Simulation() { center_.removeObserver(this); }

void Simulation::setRunning(bool running) {
    if (running == running_) return;
    running_ = running;
    if (!running) {
        // Nobody new arrives and nobody starts or ends a break; work in hand is finished.
        for (Timer& timer : nextArrival_) timer.cancel();
        for (auto& [id, colleague] : colleagues_) colleague.breakTimer.cancel();
        nextPersonalCall_.cancel();
        return;
    }
    schedulePersonalCall();
    for (std::size_t i = 0; i < nextArrival_.size(); ++i) scheduleArrival(i);
    for (auto& [id, colleague] : colleagues_) {
        if (center_.isLoggedIn(id)) {
            scheduleBreak(colleague);
            continue;
        }
        // Colleagues arrive over the first minutes, not all in the same second.
        colleague.action = timers_.at(clock_.now() + scaled(uniform(5, 300)), [this, user = colleague.user] {
            if (running_) center_.logInSimulated(*user);
        });
    }
}

void Simulation::setSpeed(double speed) {
    speed_ = std::clamp(speed, 0.1, 100.0);
    if (!running_) return;
    for (std::size_t i = 0; i < nextArrival_.size(); ++i) scheduleArrival(i);  // the new rate from now on
    schedulePersonalCall();
}

void Simulation::simulatePersonalCalls(PersonalCaller caller) {
    personalCaller_ = std::move(caller);
    if (running_) schedulePersonalCall();
}

void Simulation::schedulePersonalCall() {
    nextPersonalCall_.cancel();
    const double perHour = center_.config().settings.simulation.personalCallsPerHour * speed_;
    if (!personalCaller_ || perHour <= 0 || center_.config().customers.empty()) return;
    std::exponential_distribution<double> gapHours(perHour);
    const auto gap = Milliseconds(std::llround(gapHours(personalRandom_) * 3'600'000.0));
    nextPersonalCall_ = timers_.at(clock_.now() + gap, [this] {
        std::vector<std::string> people;
        for (const std::string& id : center_.loggedInAgents()) {
            if (!colleague(id)) people.push_back(id);
        }
        const auto& customers = center_.config().customers;
        if (!people.empty()) {
            const std::string agent = people[std::uniform_int_distribution<std::size_t>(0, people.size() - 1)(personalRandom_)];
            const Customer& customer = customers[std::uniform_int_distribution<std::size_t>(0, customers.size() - 1)(personalRandom_)];
            personalCaller_(agent, customer, std::uniform_int_distribution<int>(8, 45)(personalRandom_));
        }
        schedulePersonalCall();
    });
}

// ---- randomness ----------------------------------------------------------------------------------

Milliseconds Simulation::scaled(double seconds) const {
    return Milliseconds(std::llround(seconds * 1000.0 / speed_));
}

Milliseconds Simulation::exponential(Milliseconds mean) {
    std::exponential_distribution<double> distribution(1.0 / static_cast<double>(std::max<std::int64_t>(1, mean.count())));
    return Milliseconds(std::llround(distribution(random_)));
}

double Simulation::uniform(double from, double to) { return std::uniform_real_distribution<double>(from, to)(random_); }

// ---- customers ------------------------------------------------------------------------------------

void Simulation::scheduleArrival(std::size_t serviceIndex) {
    const ServiceConfig& service = center_.config().services[serviceIndex];
    const TimePoint now = clock_.now();
    const double perHour =
        service.arrivalsPerHour * center_.config().settings.simulation.factorAt(hourOfDay(now)) * speed_;
    if (service.arrivalsPerHour <= 0) return;
    if (perHour <= 0) {
        // Closed this hour: look again when the next one starts.
        nextArrival_[serviceIndex] = timers_.at(nextHour(now), [this, serviceIndex] { scheduleArrival(serviceIndex); });
        return;
    }
    const Milliseconds gap = exponential(Milliseconds(std::llround(kHourMs / perHour)));
    nextArrival_[serviceIndex] = timers_.at(now + gap, [this, serviceIndex] {
        arrive(serviceIndex);
        scheduleArrival(serviceIndex);
    });
}

void Simulation::arrive(std::size_t serviceIndex) {
    const CenterConfig& config = center_.config();
    const ServiceConfig& service = config.services[serviceIndex];
    Arrival arrival;
    arrival.serviceId = service.id;
    if (!config.customers.empty()) {
        std::uniform_int_distribution<std::size_t> pick(0, config.customers.size() - 1);
        arrival.customerId = config.customers[pick(random_)].id;
    }
    if (!service.subjects.empty()) {
        std::uniform_int_distribution<std::size_t> pick(0, service.subjects.size() - 1);
        arrival.subject = service.subjects[pick(random_)];
    }
    // Emails wait for ever; callers and chatters give up.
    if (service.channel != Channel::Email) {
        arrival.patience = std::max(scaled(5), Milliseconds(std::llround(exponential(service.meanPatience).count() / speed_)));
    }
    applyChatScript(arrival, config);
    ++arrivals_;
    center_.arrive(arrival);
}

// ---- colleagues -----------------------------------------------------------------------------------

Simulation::Colleague* Simulation::colleague(std::string_view agentId) {
    auto it = colleagues_.find(agentId);
    return it == colleagues_.end() ? nullptr : &it->second;
}

void Simulation::scheduleBreak(Colleague& colleague) {
    if (!running_ || colleague.breakTimer) return;
    const std::string& reason = center_.config().isNotReadyReason("Break")
                                    ? std::string("Break")
                                    : center_.config().settings.notReadyReasons.front();
    const Milliseconds after(std::llround(exponential(Milliseconds(45 * 60'000)).count() / speed_));
    colleague.breakTimer = timers_.at(clock_.now() + after, [this, id = colleague.user->id, reason] {
        if (Colleague* c = this->colleague(id)) c->breakTimer = Timer();
        center_.setState(id, AgentState::NotReady, reason);  // while busy it waits for the work to end
    });
}

void Simulation::offered(const Interaction& interaction) {
    if (!colleague(interaction.agentId)) return;
    work_[interaction.id] =
        timers_.at(clock_.now() + scaled(uniform(2, 6)), [this, agent = interaction.agentId, id = interaction.id] {
            center_.accept(agent, id);
        });
}

void Simulation::answered(const Interaction& interaction) {
    if (!colleague(interaction.agentId)) return;
    const Milliseconds handle =
        std::max(scaled(20), Milliseconds(std::llround(exponential(interaction.service->meanHandleTime).count() / speed_)));
    work_[interaction.id] = timers_.at(clock_.now() + handle, [this, agent = interaction.agentId, id = interaction.id] {
        center_.release(agent, id);
    });
}

void Simulation::ended(const Interaction& interaction, events::EndedBy) {
    if (!colleague(interaction.agentId)) return;
    if (interaction.stage != Stage::WrapUp) {
        work_.erase(interaction.id);
        return;
    }
    std::string disposition;
    if (const auto& list = interaction.service->dispositions; !list.empty()) {
        disposition = list[std::uniform_int_distribution<std::size_t>(0, list.size() - 1)(random_)];
    }
    work_[interaction.id] = timers_.at(clock_.now() + scaled(uniform(5, 25)),
                                       [this, agent = interaction.agentId, id = interaction.id, disposition] {
                                           center_.complete(agent, id, disposition, {});
                                       });
}

void Simulation::withdrawn(const Interaction& interaction, const std::string&, events::WithdrawReason) {
    work_.erase(interaction.id);
}

void Simulation::completed(const Interaction& interaction, TimePoint, bool) { work_.erase(interaction.id); }

void Simulation::stateChanged(const UserAccount& user, const AgentStatus& status) {
    Colleague* c = colleague(user.id);
    if (!c) return;
    switch (status.state) {
        case AgentState::Ready:
            c->action.cancel();
            scheduleBreak(*c);
            break;
        case AgentState::NotReady: {
            // A break lasts 5 to 15 minutes; any other Not Ready (just logged in, a missed offer) a few seconds.
            const bool onBreak = status.reason == "Break";
            const Milliseconds back = onBreak ? scaled(uniform(300, 900)) : scaled(uniform(3, 10));
            c->action = timers_.at(clock_.now() + back, [this, id = user.id] {
                if (running_) center_.setState(id, AgentState::Ready, {});
            });
            break;
        }
        case AgentState::LoggedOut:
            c->action.cancel();
            c->breakTimer.cancel();
            break;
        default:
            break;
    }
}

}  // namespace agentdesk::engine
