// The contact center's interactions: queues, routing, offers and the lifecycle up to completion.
// Each step changes the center's state completely before it publishes or notifies anyone, so a
// listener that answers at once (a synchronous bus, the simulation) always sees a consistent center.

#include "model/contact_center.hpp"
#include "model/answering_scope.hpp"

#include <agentdesk/events/core.hpp>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <tuple>
#include <utility>

namespace agentdesk::engine {

namespace {

bool isDigital(Channel channel) { return channel == Channel::Chat || channel == Channel::Email; }

}  // namespace

// ---- observers and queries ---------------------------------------------------------------------

void ContactCenter::addObserver(CenterObserver* observer) { observers_.push_back(observer); }

void ContactCenter::removeObserver(CenterObserver* observer) { std::erase(observers_, observer); }

const Interaction* ContactCenter::interaction(std::string_view id) const {
    auto it = interactions_.find(id);
    return it == interactions_.end() ? nullptr : it->second.get();
}

Interaction* ContactCenter::findInteraction(std::string_view id) {
    if (id.empty()) return nullptr;
    auto it = interactions_.find(id);
    return it == interactions_.end() ? nullptr : it->second.get();
}

std::vector<const Interaction*> ContactCenter::queue(std::string_view serviceId) const {
    std::vector<const Interaction*> waiting;
    for (const auto& [key, interaction] : waiting_) {
        if (interaction->service->id == serviceId) waiting.push_back(interaction);
    }
    return waiting;
}

std::vector<const Interaction*> ContactCenter::interactionsOf(std::string_view agentId) const {
    std::vector<const Interaction*> mine;
    for (const auto& [id, interaction] : interactions_) {
        if (interaction->agentId == agentId && interaction->stage != Stage::Queued) mine.push_back(interaction.get());
    }
    std::sort(mine.begin(), mine.end(), [](const Interaction* a, const Interaction* b) { return a->arrival < b->arrival; });
    return mine;
}

// ---- arrivals ------------------------------------------------------------------------------------

std::optional<ContactCenter::Refusal> ContactCenter::checkArrival(const Arrival& arrival) const {
    const ServiceConfig* service = config_.findService(arrival.serviceId);
    if (!service) return Refusal{error_codes::unknownService, fmt::format("There is no service \"{}\".", arrival.serviceId)};
    if (admission_) return admission_(arrival, config_.findCustomer(arrival.customerId), *service);
    return std::nullopt;
}

std::optional<std::string> ContactCenter::arrive(const Arrival& arrival, std::uint64_t correlation) {
    if (checkArrival(arrival)) return std::nullopt;
    const ServiceConfig* service = config_.findService(arrival.serviceId);
    auto created = std::make_unique<Interaction>();
    Interaction& interaction = *created;
    interaction.arrival = ++arrivals_;
    interaction.id = fmt::format("{}{}", idPrefix_, interaction.arrival);
    interaction.service = service;
    interaction.customer = config_.findCustomer(arrival.customerId);
    if (service->channel == Channel::Chat) {
        interaction.medium = arrival.medium == ChatMedium::None ? ChatMedium::WebChat : arrival.medium;
        interaction.preview = arrival.message;
        interaction.details = arrival.details;
    }
    interaction.from = arrival.from;
    if (interaction.from.empty() && interaction.customer) {
        const bool byPhone = service->channel == Channel::Voice || interaction.medium == ChatMedium::Sms;
        interaction.from = service->channel == Channel::Email ? interaction.customer->email
                           : byPhone                          ? interaction.customer->phone
                                                              : interaction.customer->name;
    }
    interaction.subject = arrival.subject;
    interaction.queuedAt = clock_.now();
    if (arrival.patience) {
        interaction.patienceTimer =
            timers_.at(clock_.now() + *arrival.patience, [this, id = interaction.id] { customerLeft(id); });
    }
    const std::string id = interaction.id;
    interactions_[id] = std::move(created);
    waiting_[{interaction.queuedAt, interaction.arrival}] = &interaction;

    bus_.publish(events::Queued{id, service->channel, service->id, interaction.from, toEpochMs(interaction.queuedAt), false},
                 correlation);
    notify([&](CenterObserver& o) { o.queued(interaction, false); });
    route();
    return id;
}

void ContactCenter::customerLeft(std::string_view interactionId) {
    Interaction* interaction = findInteraction(interactionId);
    if (!interaction) return;
    switch (interaction->stage) {
        case Stage::Queued:
            abandon(*interaction);
            break;
        case Stage::Ringing:
            withdraw(*interaction, events::WithdrawReason::Abandoned, 0);
            abandon(*interaction);
            break;
        case Stage::Connected:
            endInteraction(*interaction, events::EndedBy::Customer, 0);
            break;
        case Stage::WrapUp:
            break;  // already over for the customer
    }
}

void ContactCenter::abandon(Interaction& interaction) {
    // Out of the queue before anyone hears of it: a listener that answers at once may route.
    waiting_.erase({interaction.queuedAt, interaction.arrival});
    const TimePoint now = clock_.now();
    bus_.publish(events::Abandoned{interaction.id, interaction.service->id,
                                   std::chrono::duration_cast<Milliseconds>(now - interaction.queuedAt).count()});
    notify([&](CenterObserver& o) { o.abandoned(interaction, now); });
    forget(interaction.id);
}

void ContactCenter::forget(const std::string& interactionId) {
    auto it = interactions_.find(interactionId);
    if (it == interactions_.end()) return;
    waiting_.erase({it->second->queuedAt, it->second->arrival});
    interactions_.erase(it);
}

// ---- routing -------------------------------------------------------------------------------------

bool ContactCenter::canTake(const Session& session, const Interaction& interaction) const {
    const ServiceConfig& service = *interaction.service;
    if (!session.ringing.empty()) return false;  // one offer rings at a time
    const AgentStatus& status = session.state.status();
    const Channel channel = service.channel;
    if (status.state == AgentState::Busy) {
        // More work while busy: only chats and emails up to capacity, and never past a pending change.
        if (!isDigital(channel) || status.pending) return false;
        if (session.loadOf(Channel::Voice) > 0 && !config_.settings.capacity.digitalWhileOnCall) return false;
    } else if (status.state != AgentState::Ready) {
        return false;
    }
    if (channel == Channel::Voice || channel == Channel::Campaign) {
        if (session.device == PhoneDevice::NoPhone) return false;
        if (session.loadOf(Channel::Voice) + session.loadOf(Channel::Campaign) > 0) return false;
    }
    if (session.loadOf(channel) >= config_.settings.capacity.of(channel)) return false;
    return CenterConfig::isSkilledFor(session.user, service);
}

const ContactCenter::Session* ContactCenter::bestAgentFor(const Interaction& interaction) const {
    // Ready agents first, longest idle first; then busy ones with room, least loaded first.
    const Session* best = nullptr;
    std::tuple<int, int, TimePoint, std::string_view> bestKey;
    for (const auto& [id, session] : sessions_) {
        if (!canTake(*session, interaction)) continue;
        const AgentStatus& status = session->state.status();
        int load = 0;
        for (int l : session->load) load += l;
        auto key = std::make_tuple(status.state == AgentState::Ready ? 0 : 1, load, status.since, std::string_view(id));
        if (!best || key < bestKey) {
            best = session.get();
            bestKey = key;
        }
    }
    return best;
}

void ContactCenter::route() {
    if (routing_) {
        routeAgain_ = true;
        return;
    }
    routing_ = true;
    do {
        routeAgain_ = false;
        // Oldest first across services; offering may publish, and listeners may change the queue.
        std::vector<std::string> candidates;
        candidates.reserve(waiting_.size());
        for (const auto& [key, interaction] : waiting_) candidates.push_back(interaction->id);
        for (const std::string& id : candidates) {
            Interaction* interaction = findInteraction(id);
            if (!interaction || interaction->stage != Stage::Queued) continue;
            if (const Session* agent = bestAgentFor(*interaction)) offer(*interaction, *agent);
        }
    } while (routeAgain_);
    routing_ = false;
}

void ContactCenter::offer(Interaction& interaction, const Session& chosen) {
    Session& session = *findSession(chosen.user.id);
    const ServiceConfig& service = *interaction.service;
    waiting_.erase({interaction.queuedAt, interaction.arrival});
    interaction.stage = Stage::Ringing;
    interaction.agentId = session.user.id;
    interaction.offeredAt = clock_.now();
    session.ringing = interaction.id;
    ++session.loadOf(service.channel);
    interaction.ringTimer = timers_.at(clock_.now() + service.ringTimeout, [this, id = interaction.id] {
        Interaction* ringing = findInteraction(id);
        if (!ringing || ringing->stage != Stage::Ringing) return;
        const std::string agentId = ringing->agentId;
        withdraw(*ringing, events::WithdrawReason::NotAnswered, 0);
        // Someone who does not answer is not taking work: stop offering it to them (STATE-04).
        if (Session* agent = findSession(agentId)) agent->state.offerNotAnswered();
        route();
    });

    publishOffer(interaction, 0);
    notify([&](CenterObserver& o) { o.offered(interaction); });
}

void ContactCenter::publishOffer(const Interaction& interaction, std::uint64_t correlation) {
    const ServiceConfig& service = *interaction.service;
    events::Offered event;
    event.interactionId = interaction.id;
    event.agentId = interaction.agentId;
    event.channel = service.channel;
    event.serviceId = service.id;
    event.serviceName = service.name;
    if (interaction.customer) {
        event.customerId = interaction.customer->id;
        event.customerName = interaction.customer->name;
    }
    event.from = interaction.from;
    if (const UserAccount* colleague = config_.findUserById(interaction.calledAgentId); colleague && event.customerName.empty()) {
        event.customerName = colleague->displayName;
    }
    if (event.customerName.empty()) event.customerName = interaction.callerName;
    event.personal = interaction.personal;
    event.subject = interaction.subject;
    event.queuedAtMs = toEpochMs(interaction.queuedAt);
    event.offeredAtMs = toEpochMs(interaction.offeredAt);
    event.ringTimeoutMs = (interaction.personal ? interaction.ringFor : service.ringTimeout).count();
    event.dispositions = service.dispositions;
    event.dispositionRequired = service.dispositionRequired;
    event.medium = interaction.medium;
    event.preview = interaction.preview;
    event.details = interaction.details;
    event.transferNote = interaction.transferNote;
    event.outbound = interaction.outbound;
    if (!service.screenPopUrl.empty()) {
        event.screenPopUrl = expandScreenPop(service.screenPopUrl, {{"customerId", event.customerId},
                                                                    {"customerName", event.customerName},
                                                                    {"from", event.from},
                                                                    {"subject", event.subject},
                                                                    {"interactionId", event.interactionId},
                                                                    {"serviceId", event.serviceId}});
        event.screenPopOnOffer = service.screenPopOnOffer;
    }
    bus_.publish(event, correlation);
}

void ContactCenter::withdraw(Interaction& interaction, events::WithdrawReason why, std::uint64_t correlation) {
    const std::string agentId = interaction.agentId;
    if (Session* session = findSession(agentId)) {
        if (session->ringing == interaction.id) session->ringing.clear();
        --session->loadOf(interaction.service->channel);
    }
    interaction.ringTimer.cancel();
    interaction.agentId.clear();
    interaction.stage = Stage::Queued;  // until requeued or abandoned, it is nobody's
    bus_.publish(events::OfferWithdrawn{interaction.id, agentId, why}, correlation);
    notify([&](CenterObserver& o) { o.withdrawn(interaction, agentId, why); });
    if (why == events::WithdrawReason::Abandoned) return;  // the caller abandons: abandon() follows
    bool claimed = interaction.personal;  // not the ACD's: the observers sent it on (voicemail, forwarding)
    notify([&](CenterObserver& o) { claimed = o.claimsWithdrawn(interaction, agentId) || claimed; });
    if (claimed) {
        forget(interaction.id);
        return;
    }
    requeue(interaction);
}

void ContactCenter::requeue(Interaction& interaction) {
    interaction.stage = Stage::Queued;
    waiting_[{interaction.queuedAt, interaction.arrival}] = &interaction;  // its original place in line
    const ServiceConfig& service = *interaction.service;
    bus_.publish(events::Queued{interaction.id, service.channel, service.id, interaction.from,
                                toEpochMs(interaction.queuedAt), true});
    notify([&](CenterObserver& o) { o.queued(interaction, true); });
}

// ---- the agent's actions -------------------------------------------------------------------------

std::optional<ContactCenter::Refusal> ContactCenter::checkOwnership(std::string_view agentId,
                                                                    std::string_view interactionId, Stage wanted,
                                                                    Interaction*& found) {
    if (!findSession(agentId)) return Refusal{error_codes::notLoggedIn, "You are not logged in. Log in first."};
    found = findInteraction(interactionId);
    if (!found) {
        return Refusal{error_codes::unknownInteraction,
                       "This interaction is no longer there: the customer may have left or it was handed on."};
    }
    if (found->agentId != agentId) return Refusal{error_codes::notYours, "This interaction is handled by someone else."};
    if (found->stage != wanted) {
        static constexpr std::string_view names[] = {"waiting", "ringing", "connected", "being wrapped up"};
        return Refusal{error_codes::invalidState,
                       fmt::format("This cannot be done now: the interaction is {}.",
                                   names[static_cast<std::size_t>(found->stage)])};
    }
    return std::nullopt;
}

std::optional<ContactCenter::Refusal> ContactCenter::checkDisposition(const Interaction& interaction,
                                                                      const std::string& disposition,
                                                                      bool completing) const {
    const ServiceConfig& service = *interaction.service;
    if (disposition.empty()) {
        if (completing && service.dispositionRequired) {
            return Refusal{error_codes::dispositionRequired,
                           fmt::format("{} needs a disposition before wrap-up can end. Choose one of: {}.",
                                       service.name, fmt::join(service.dispositions, ", "))};
        }
        return std::nullopt;
    }
    if (std::find(service.dispositions.begin(), service.dispositions.end(), disposition) == service.dispositions.end()) {
        return Refusal{error_codes::unknownDisposition,
                       service.dispositions.empty()
                           ? fmt::format("{} has no dispositions to choose from.", service.name)
                           : fmt::format("\"{}\" is not a disposition of {}. Choose one of: {}.", disposition,
                                         service.name, fmt::join(service.dispositions, ", "))};
    }
    return std::nullopt;
}

std::optional<ContactCenter::Refusal> ContactCenter::accept(std::string_view agentId, std::string_view interactionId,
                                                            std::uint64_t correlation) {
    Interaction* interaction = nullptr;
    if (auto refusal = checkOwnership(agentId, interactionId, Stage::Ringing, interaction)) return refusal;
    if (interaction->outbound) return Refusal{error_codes::invalidState, "The customer has not answered yet."};
    Session& session = *findSession(agentId);
    session.ringing.clear();
    interaction->ringTimer.cancel();
    interaction->patienceTimer.cancel();  // a connected customer no longer gives up waiting
    interaction->stage = Stage::Connected;
    interaction->answeredAt = clock_.now();
    bus_.publish(events::Connected{interaction->id, session.user.id, interaction->service->channel,
                                   interaction->service->id, toEpochMs(interaction->answeredAt)},
                 correlation);
    notify([&](CenterObserver& o) { o.answered(*interaction); });
    if (Session* agent = findSession(agentId)) {
        AnsweringScope answering(answering_, correlation);
        agent->state.interactionStarted();
    }
    route();  // a chat agent with room may get the next one
    return std::nullopt;
}

std::optional<ContactCenter::Refusal> ContactCenter::pull(std::string_view agentId, std::string_view interactionId,
                                                          std::uint64_t correlation) {
    Session* session = findSession(agentId);
    if (!session) return Refusal{error_codes::notLoggedIn, "You are not logged in. Log in first."};
    Interaction* interaction = findInteraction(interactionId);
    if (!interaction || interaction->stage != Stage::Queued) {
        return Refusal{error_codes::unknownInteraction, "This is no longer waiting: a colleague may have taken it."};
    }
    const ServiceConfig& service = *interaction->service;
    if (!isDigital(service.channel)) {
        return Refusal{error_codes::invalidState, "Only emails and chats can be taken from a queue."};
    }
    if (!CenterConfig::isSkilledFor(session->user, service)) {
        return Refusal{error_codes::notYours, fmt::format("{} is not one of your services.", service.name)};
    }
    if (!session->ringing.empty()) return Refusal{error_codes::invalidState, "Answer or reject the offer ringing first."};
    if (session->loadOf(service.channel) >= config_.settings.capacity.of(service.channel)) {
        return Refusal{error_codes::targetUnavailable,
                       fmt::format("You already handle {} of these at once: finish one first.",
                                   session->loadOf(service.channel))};
    }
    offer(*interaction, *session);
    return accept(agentId, interactionId, correlation);
}

bool ContactCenter::canTakeTransferNow(std::string_view colleagueId, std::string_view interactionId) const {
    const Session* session = findSession(colleagueId);
    const Interaction* found = interaction(interactionId);
    return session && found && canReceiveTransfer(*session, *found);
}

std::optional<ContactCenter::Refusal> ContactCenter::setAside(std::string_view agentId, std::string_view interactionId,
                                                              events::EndedBy by, std::string notes,
                                                              std::uint64_t correlation) {
    Interaction* interaction = nullptr;
    if (auto refusal = checkOwnership(agentId, interactionId, Stage::Connected, interaction)) return refusal;
    if (!isDigital(interaction->service->channel)) {
        return Refusal{error_codes::invalidState, "Only emails and chats can be set aside."};
    }
    interaction->notes = std::move(notes);
    endInteraction(*interaction, by, correlation, false, true);
    return std::nullopt;
}

std::optional<ContactCenter::Refusal> ContactCenter::handOut(std::string_view agentId, const Arrival& arrival,
                                                             std::string& interactionId, std::uint64_t correlation) {
    Session* session = findSession(agentId);
    if (!session) return Refusal{error_codes::notLoggedIn, "You are not logged in. Log in first."};
    const ServiceConfig* service = config_.findService(arrival.serviceId);
    if (!service) return Refusal{error_codes::unknownService, fmt::format("There is no service \"{}\".", arrival.serviceId)};
    if (!isDigital(service->channel)) return Refusal{error_codes::invalidState, "Only emails and chats can be handed out."};
    if (!session->ringing.empty()) return Refusal{error_codes::invalidState, "Answer or reject the offer ringing first."};
    if (session->loadOf(service->channel) >= config_.settings.capacity.of(service->channel)) {
        return Refusal{error_codes::targetUnavailable,
                       fmt::format("You already handle {} {} at once, as many as you may: finish one first.",
                                   session->loadOf(service->channel), service->channel == Channel::Email ? "emails" : "chats")};
    }
    auto created = std::make_unique<Interaction>();
    Interaction& interaction = *created;
    interaction.arrival = ++arrivals_;
    interaction.id = fmt::format("{}{}", idPrefix_, interaction.arrival);
    interaction.service = service;
    interaction.customer = config_.findCustomer(arrival.customerId);
    interaction.from = arrival.from;
    interaction.subject = arrival.subject;
    interaction.details = arrival.details;
    interaction.queuedAt = clock_.now();
    interactionId = interaction.id;
    interactions_[interactionId] = std::move(created);
    offer(interaction, *session);
    return accept(agentId, interactionId, correlation);
}

std::optional<ContactCenter::Refusal> ContactCenter::reject(std::string_view agentId, std::string_view interactionId,
                                                            std::uint64_t correlation) {
    Interaction* interaction = nullptr;
    if (auto refusal = checkOwnership(agentId, interactionId, Stage::Ringing, interaction)) return refusal;
    if (interaction->outbound) return Refusal{error_codes::invalidState, "The customer has not answered yet."};
    const bool personal = interaction->personal;
    withdraw(*interaction, events::WithdrawReason::Rejected, correlation);
    if (personal) return std::nullopt;  // a personal call goes to voicemail; the state stays (VOICE-02)
    if (Session* session = findSession(agentId)) {
        AnsweringScope answering(answering_, correlation);
        session->state.offerRejected();
    }
    route();
    return std::nullopt;
}

std::optional<ContactCenter::Refusal> ContactCenter::release(std::string_view agentId, std::string_view interactionId,
                                                             std::uint64_t correlation, bool wrapUpAnyway) {
    Interaction* interaction = findInteraction(interactionId);
    if (interaction && interaction->outbound && interaction->stage == Stage::Ringing && interaction->agentId == agentId) {
        // Hanging up before the customer answered: nothing happened, nothing to wrap up.
        Session& session = *findSession(agentId);
        session.ringing.clear();
        --session.loadOf(interaction->service->channel);
        interaction->ringTimer.cancel();
        const std::int64_t now = toEpochMs(clock_.now());
        bus_.publish(events::Ended{interaction->id, std::string(agentId), events::EndedBy::Agent, now, false, 0}, correlation);
        bus_.publish(events::Completed{interaction->id, std::string(agentId), "", "", now, false}, correlation);
        const std::string called = interaction->calledAgentId;
        forget(interaction->id);
        if (!called.empty()) legEnded(called, false);
        route();
        return std::nullopt;
    }
    interaction = nullptr;
    if (auto refusal = checkOwnership(agentId, interactionId, Stage::Connected, interaction)) return refusal;
    endInteraction(*interaction, events::EndedBy::Agent, correlation, wrapUpAnyway);
    return std::nullopt;
}

std::string ContactCenter::normalizedNumber(std::string_view number) {
    std::string out;
    for (std::size_t i = 0; i < number.size(); ++i) {
        const char c = number[i];
        if (c >= '0' && c <= '9') out += c;
        else if (c == '+' && out.empty()) out += c;
        else if (c != ' ' && c != '-' && c != '.' && c != '(' && c != ')') return {};
    }
    const std::size_t digits = out.size() - (out.starts_with('+') ? 1 : 0);
    return digits >= 3 && digits <= 15 ? out : std::string();
}

std::optional<ContactCenter::Refusal> ContactCenter::dial(std::string_view agentId, std::string_view serviceId,
                                                         std::string_view number, std::uint64_t correlation) {
    Session* session = findSession(agentId);
    if (!session) return Refusal{error_codes::notLoggedIn, "You are not logged in. Log in first."};
    const ServiceConfig* service = voiceService(serviceId);
    if (!service) {
        return Refusal{error_codes::unknownService, "Choose the voice service you are calling for."};
    }
    if (session->device == PhoneDevice::NoPhone) {
        return Refusal{error_codes::invalidState, "You logged in without a phone: log in with one to make calls."};
    }
    if (onThePhone(agentId)) {
        return Refusal{error_codes::invalidState, "Finish the current call first."};
    }
    if (session->state.state() == AgentState::AfterCallWork) {
        return Refusal{error_codes::invalidState, "Complete your wrap-up first."};
    }
    const std::string dialled = normalizedNumber(number);
    if (dialled.empty()) {
        return Refusal{error_codes::invalidNumber,
                       fmt::format("\"{}\" is not a phone number: use digits, optionally starting with +.", number)};
    }
    auto created = std::make_unique<Interaction>();
    Interaction& call = *created;
    call.arrival = ++arrivals_;
    call.id = fmt::format("{}{}", idPrefix_, call.arrival);
    call.service = service;
    call.outbound = true;
    call.from = dialled;
    for (const Customer& customer : config_.customers) {
        if (!customer.phone.empty() && normalizedNumber(customer.phone) == dialled) call.customer = &customer;
    }
    for (const UserAccount& user : config_.users) {
        if (user.extension.empty() || normalizedNumber(user.extension) != dialled) continue;
        if (auto refusal = checkCallable(agentId, user.id)) return refusal;  // nothing was created yet
        call.calledAgentId = user.id;
        legRinging(user.id);
    }
    call.queuedAt = call.offeredAt = clock_.now();
    call.stage = Stage::Ringing;
    call.agentId = session->user.id;
    session->ringing = call.id;
    ++session->loadOf(Channel::Voice);
    // The simulated customer picks up after a few rings.
    call.ringTimer = timers_.at(clock_.now() + std::chrono::seconds(5), [this, id = call.id] { connectOutbound(id); });
    const std::string id = call.id;
    interactions_[id] = std::move(created);
    publishOffer(*interactions_[id], correlation);
    return std::nullopt;
}

const ServiceConfig* ContactCenter::voiceService(std::string_view serviceId) const {
    if (serviceId == personalService_.id) return &personalService_;
    const ServiceConfig* service = config_.findService(serviceId);
    return service && service->channel == Channel::Voice ? service : nullptr;
}

bool ContactCenter::onThePhone(std::string_view agentId) const {
    const Session* session = findSession(agentId);
    return session && (!session->ringing.empty() ||
                       session->loadOf(Channel::Voice) + session->loadOf(Channel::Campaign) > 0);
}

std::optional<std::string> ContactCenter::ringPersonal(std::string_view agentId, const PersonalCallIn& in,
                                                       std::uint64_t correlation) {
    Session* session = findSession(agentId);
    if (!session || session->device == PhoneDevice::NoPhone || onThePhone(agentId)) return std::nullopt;
    auto created = std::make_unique<Interaction>();
    Interaction& call = *created;
    call.arrival = ++arrivals_;
    call.id = fmt::format("{}{}", idPrefix_, call.arrival);
    call.service = &personalService_;
    call.personal = true;
    call.customer = in.customer;
    call.callerName = in.callerName;
    call.from = in.from;
    call.ringFor = in.ringFor;
    call.queuedAt = call.offeredAt = clock_.now();
    call.stage = Stage::Ringing;
    call.agentId = session->user.id;
    session->ringing = call.id;
    ++session->loadOf(Channel::Voice);
    // Ringing out is no refusal of work: the state stays, the observers send the caller on.
    call.ringTimer = timers_.at(clock_.now() + in.ringFor, [this, id = call.id] {
        if (Interaction* ringing = findInteraction(id); ringing && ringing->stage == Stage::Ringing) {
            withdraw(*ringing, events::WithdrawReason::NotAnswered, 0);
        }
    });
    const std::string id = call.id;
    interactions_[id] = std::move(created);
    publishOffer(*interactions_[id], correlation);
    notify([&](CenterObserver& o) { o.offered(*interactions_[id]); });
    return id;
}

void ContactCenter::connectOutbound(const std::string& interactionId) {
    Interaction* call = findInteraction(interactionId);
    if (!call || call->stage != Stage::Ringing || !call->outbound) return;
    Session* session = findSession(call->agentId);
    if (!session) return;
    session->ringing.clear();
    call->stage = Stage::Connected;
    call->answeredAt = clock_.now();
    if (!call->calledAgentId.empty()) legConnected(call->calledAgentId);
    bus_.publish(events::Connected{call->id, call->agentId, Channel::Voice, call->service->id, toEpochMs(call->answeredAt)});
    notify([&](CenterObserver& o) { o.answered(*call); });
    session->state.interactionStarted();
}

bool ContactCenter::canStartOutboundWork(std::string_view agentId) const {
    const Session* session = findSession(agentId);
    if (!session || session->device == PhoneDevice::NoPhone || !session->ringing.empty()) return false;
    if (session->state.state() != AgentState::Ready || session->state.status().pending) return false;
    for (int load : session->load) {
        if (load > 0) return false;
    }
    return true;
}

std::optional<std::string> ContactCenter::startOutboundWork(std::string_view agentId, const OutboundWork& work) {
    const ServiceConfig* service = config_.findService(work.serviceId);
    if (!service || !canStartOutboundWork(agentId)) return std::nullopt;
    Session& session = *findSession(agentId);
    auto created = std::make_unique<Interaction>();
    Interaction& interaction = *created;
    interaction.arrival = ++arrivals_;
    interaction.id = fmt::format("{}{}", idPrefix_, interaction.arrival);
    interaction.service = service;
    interaction.outbound = true;
    interaction.from = work.from;
    interaction.subject = work.subject;
    interaction.details = work.details;
    interaction.queuedAt = interaction.offeredAt = interaction.answeredAt = clock_.now();
    interaction.stage = Stage::Ringing;
    interaction.agentId = session.user.id;
    ++session.loadOf(service->channel);
    const std::string id = interaction.id;
    interactions_[id] = std::move(created);
    publishOffer(interaction, 0);
    notify([&](CenterObserver& o) { o.offered(interaction); });
    // Handed out, not rung: the agent has it at once.
    interaction.stage = Stage::Connected;
    bus_.publish(events::Connected{id, session.user.id, service->channel, service->id, toEpochMs(interaction.answeredAt)});
    notify([&](CenterObserver& o) { o.answered(interaction); });
    session.state.interactionStarted();
    return id;
}

void ContactCenter::endOutboundWork(std::string_view interactionId, events::EndedBy by, bool wrapUp,
                                    std::uint64_t correlation) {
    Interaction* interaction = findInteraction(interactionId);
    if (!interaction || interaction->stage != Stage::Connected) return;
    endInteraction(*interaction, by, correlation, false, !wrapUp);
}

bool ContactCenter::canReceiveTransfer(const Session& session, const Interaction& interaction) const {
    // As routing would offer it, except that a colleague chosen by name needs no skill for the service.
    if (!session.ringing.empty()) return false;
    const AgentStatus& status = session.state.status();
    const Channel channel = interaction.service->channel;
    if (status.state == AgentState::Busy) {
        if (!isDigital(channel) || status.pending) return false;
        if (session.loadOf(Channel::Voice) > 0 && !config_.settings.capacity.digitalWhileOnCall) return false;
    } else if (status.state != AgentState::Ready) {
        return false;
    }
    if (channel == Channel::Voice && session.device == PhoneDevice::NoPhone) return false;
    return session.loadOf(channel) < config_.settings.capacity.of(channel);
}

std::optional<ContactCenter::Refusal> ContactCenter::transfer(std::string_view agentId, std::string_view interactionId,
                                                              std::string_view toAgentId, std::string_view toServiceId,
                                                              std::string note, std::uint64_t correlation) {
    Interaction* interaction = nullptr;
    if (auto refusal = checkOwnership(agentId, interactionId, Stage::Connected, interaction)) return refusal;
    const ServiceConfig* service = interaction->service;
    Session* target = nullptr;
    if (!toAgentId.empty()) {
        const UserAccount* user = config_.findUserById(toAgentId);
        if (!user) return Refusal{error_codes::unknownAgent, fmt::format("There is no colleague \"{}\".", toAgentId)};
        if (toAgentId == agentId) return Refusal{error_codes::targetUnavailable, "You cannot transfer to yourself."};
        target = findSession(toAgentId);
        if (!target) {
            return Refusal{error_codes::targetUnavailable,
                           fmt::format("{} is not logged in. Choose someone else or a service.", user->displayName)};
        }
        if (!canReceiveTransfer(*target, *interaction)) {
            return Refusal{error_codes::targetUnavailable,
                           fmt::format("{} is {} and cannot take it now. Choose someone else or a service.",
                                       user->displayName, displayName(target->state.state()))};
        }
    } else {
        service = config_.findService(toServiceId);
        if (!service) return Refusal{error_codes::unknownService, fmt::format("There is no service \"{}\".", toServiceId)};
        if (service->channel != interaction->service->channel) {
            return Refusal{error_codes::invalidState,
                           fmt::format("{} does not take {} interactions.", service->name,
                                       enumName(interaction->service->channel))};
        }
    }

    // The agent leaves it without wrap-up; the customer stays connected and waits for the next one.
    const std::string fromAgent = interaction->agentId;
    Session& from = *findSession(fromAgent);
    --from.loadOf(interaction->service->channel);
    interaction->agentId.clear();
    interaction->stage = Stage::Queued;
    interaction->service = service;
    interaction->transferNote = std::move(note);
    bus_.publish(events::Ended{interaction->id, fromAgent, events::EndedBy::Transferred, toEpochMs(clock_.now()), false, 0},
                 correlation);
    notify([&](CenterObserver& o) { o.transferred(*interaction, fromAgent); });
    {
        AnsweringScope answering(answering_, correlation);
        from.state.interactionEnded(WrapUp::none());
    }
    if (target) {
        offer(*interaction, *target);
    } else {
        requeue(*interaction);
    }
    route();
    return std::nullopt;
}

// ---- calls between colleagues -------------------------------------------------------------------

std::optional<ContactCenter::Refusal> ContactCenter::checkCallable(std::string_view agentId,
                                                                   std::string_view colleagueId) const {
    const UserAccount* user = config_.findUserById(colleagueId);
    if (!user) return Refusal{error_codes::unknownAgent, fmt::format("There is no colleague \"{}\".", colleagueId)};
    if (colleagueId == agentId) return Refusal{error_codes::targetUnavailable, "You cannot call yourself."};
    const Session* target = findSession(colleagueId);
    if (!target) {
        return Refusal{error_codes::targetUnavailable,
                       fmt::format("{} is not logged in. Choose someone else, a service or a number.", user->displayName)};
    }
    const AgentStatus& status = target->state.status();
    if (status.state != AgentState::Ready) {
        const std::string state = status.reason.empty() ? std::string(displayName(status.state))
                                                        : fmt::format("{} ({})", displayName(status.state), status.reason);
        return Refusal{error_codes::targetUnavailable,
                       fmt::format("{} is {} and cannot take a call now. Choose someone else, a service or a number.",
                                   user->displayName, state)};
    }
    if (target->device == PhoneDevice::NoPhone) {
        return Refusal{error_codes::targetUnavailable, fmt::format("{} has no phone in this session.", user->displayName)};
    }
    if (!target->ringing.empty() || target->loadOf(Channel::Voice) + target->loadOf(Channel::Campaign) > 0) {
        return Refusal{error_codes::targetUnavailable, fmt::format("{} is on another call.", user->displayName)};
    }
    return std::nullopt;
}

std::string ContactCenter::readyAgentFor(std::string_view serviceId, std::string_view except) const {
    const ServiceConfig* service = config_.findService(serviceId);
    if (!service) return {};
    const Session* best = nullptr;
    for (const auto& [id, session] : sessions_) {
        if (id == except || !CenterConfig::isSkilledFor(session->user, *service)) continue;
        if (checkCallable(except, id)) continue;
        if (!best || std::tie(session->state.status().since, id) < std::tie(best->state.status().since, best->user.id)) {
            best = session.get();
        }
    }
    return best ? best->user.id : std::string();
}

void ContactCenter::legRinging(std::string_view agentId) {
    if (Session* session = findSession(agentId)) ++session->loadOf(Channel::Voice);
}

void ContactCenter::legConnected(std::string_view agentId) {
    if (Session* session = findSession(agentId)) session->state.interactionStarted();
}

void ContactCenter::legEnded(std::string_view agentId, bool wasConnected) {
    Session* session = findSession(agentId);
    if (!session) return;
    if (session->loadOf(Channel::Voice) > 0) --session->loadOf(Channel::Voice);
    if (wasConnected) session->state.interactionEnded(WrapUp::none());
    route();
}

std::optional<ContactCenter::Refusal> ContactCenter::transferCall(std::string_view agentId,
                                                                  std::string_view interactionId,
                                                                  const CallHandOver& to, std::uint64_t correlation,
                                                                  std::string& newInteractionId) {
    newInteractionId.clear();
    Interaction* original = nullptr;
    if (auto refusal = checkOwnership(agentId, interactionId, Stage::Connected, original)) return refusal;
    if (original->service->channel != Channel::Voice && original->service->channel != Channel::Campaign) {
        return Refusal{error_codes::invalidState, "Only calls are transferred this way."};
    }
    const ServiceConfig* service = original->service->channel == Channel::Voice ? original->service : nullptr;
    Session* target = nullptr;
    std::string dialled;
    if (!to.toAgentId.empty()) {
        if (!to.connected) {
            if (auto refusal = checkCallable(agentId, to.toAgentId)) return refusal;
        }
        target = findSession(to.toAgentId);
        if (!target) return Refusal{error_codes::targetUnavailable, "That colleague is no longer logged in."};
        if (!service) service = config_.findService(original->service->id);
    } else if (!to.toServiceId.empty()) {
        service = config_.findService(to.toServiceId);
        if (!service) return Refusal{error_codes::unknownService, fmt::format("There is no service \"{}\".", to.toServiceId)};
        if (service->channel != Channel::Voice) {
            return Refusal{error_codes::unknownService, fmt::format("{} does not take calls.", service->name)};
        }
    } else if (!to.application.empty()) {
        // The automated scenario keeps the customer: nothing goes on in the center.
    } else {
        dialled = normalizedNumber(to.number);
        if (dialled.empty()) {
            return Refusal{error_codes::invalidNumber,
                           fmt::format("\"{}\" is not a phone number: use digits, optionally starting with +.", to.number)};
        }
    }
    if (!service) service = original->service;

    // The customer's call goes on as a new interaction; the agent's part ends and is wrapped up.
    Interaction* next = nullptr;
    if (dialled.empty() && to.application.empty()) {
        auto created = std::make_unique<Interaction>();
        next = created.get();
        next->arrival = ++arrivals_;
        next->id = fmt::format("{}{}", idPrefix_, next->arrival);
        next->service = service;
        next->customer = original->customer;
        next->from = original->from;
        next->subject = original->subject;
        next->details = original->details;
        const UserAccount* from = config_.findUserById(agentId);
        next->transferNote = fmt::format("Transferred by {}", from ? from->displayName : std::string(agentId));
        next->queuedAt = clock_.now();
        newInteractionId = next->id;
        interactions_[next->id] = std::move(created);
        bus_.publish(events::Queued{next->id, service->channel, service->id, next->from, toEpochMs(next->queuedAt), false},
                     correlation);
        notify([&](CenterObserver& o) { o.queued(*next, false); });
        if (to.connected && target) {
            // Warm: the colleague is already on the line; they are Busy before the agent's part ends.
            next->stage = Stage::Connected;
            next->agentId = target->user.id;
            next->offeredAt = next->answeredAt = clock_.now();
            ++target->loadOf(Channel::Voice);
            target->state.interactionStarted();
            publishOffer(*next, correlation);
            bus_.publish(events::Connected{next->id, next->agentId, service->channel, service->id,
                                           toEpochMs(next->answeredAt)},
                         correlation);
            notify([&](CenterObserver& o) { o.answered(*next); });
        }
    }
    original->transferredTo = to.targetName.empty() ? (dialled.empty() ? service->name : dialled) : to.targetName;
    endInteraction(*original, events::EndedBy::Transferred, correlation);
    if (next && !(to.connected && target)) {
        if (target) {
            offer(*next, *target);
        } else {
            waiting_[{next->queuedAt, next->arrival}] = next;
            route();
        }
    }
    return std::nullopt;
}

std::optional<ContactCenter::Refusal> ContactCenter::saveWrapUp(std::string_view agentId,
                                                                std::string_view interactionId,
                                                                std::string disposition, std::string notes,
                                                                std::uint64_t correlation) {
    Interaction* interaction = nullptr;
    auto refusal = checkOwnership(agentId, interactionId, Stage::Connected, interaction);
    if (refusal && interaction && interaction->agentId == agentId && interaction->stage == Stage::WrapUp) {
        refusal.reset();  // notes may be typed during the conversation and during wrap-up
    }
    if (refusal) return refusal;
    if (auto bad = checkDisposition(*interaction, disposition, false)) return bad;
    interaction->disposition = std::move(disposition);
    interaction->notes = std::move(notes);
    notify([&](CenterObserver& o) { o.wrapUpSaved(*interaction); });
    bus_.publish(events::WrapUpSaved{interaction->id, interaction->agentId, interaction->disposition, interaction->notes},
                 correlation);
    return std::nullopt;
}

std::optional<ContactCenter::Refusal> ContactCenter::complete(std::string_view agentId,
                                                              std::string_view interactionId,
                                                              std::string disposition, std::string notes,
                                                              std::uint64_t correlation) {
    Interaction* interaction = nullptr;
    if (auto refusal = checkOwnership(agentId, interactionId, Stage::WrapUp, interaction)) return refusal;
    if (auto bad = checkDisposition(*interaction, disposition, true)) return bad;
    interaction->disposition = std::move(disposition);
    interaction->notes = std::move(notes);
    finish(*interaction, false, correlation);
    return std::nullopt;
}

// ---- ending --------------------------------------------------------------------------------------

void ContactCenter::endInteraction(Interaction& interaction, events::EndedBy by, std::uint64_t correlation,
                                   bool wrapUpAnyway, bool noWrapUp) {
    const std::string agentId = interaction.agentId;
    WrapUp wrapUp = noWrapUp ? WrapUp::none() : interaction.service->afterCallWork;
    if (wrapUpAnyway && !wrapUp.applies) wrapUp = config_.settings.afterCallWork.applies ? config_.settings.afterCallWork
                                                                                          : WrapUp::untilCompleted();
    const TimePoint now = clock_.now();
    interaction.endedAt = now;
    interaction.stage = wrapUp.applies ? Stage::WrapUp : Stage::Connected;
    Session* session = findSession(agentId);
    if (session) --session->loadOf(interaction.service->channel);
    // After Call Work starts when the agent's last interaction ends; its timeout is known now.
    const bool last = session && session->state.activeInteractions() == 1;
    events::Ended event{interaction.id, agentId, by, toEpochMs(now), wrapUp.applies, 0};
    if (wrapUp.applies && last && wrapUp.timeout) event.wrapUpEndsAtMs = toEpochMs(now + *wrapUp.timeout);
    bus_.publish(event, correlation);
    notify([&](CenterObserver& o) { o.ended(interaction, by); });
    if (!interaction.calledAgentId.empty()) legEnded(std::exchange(interaction.calledAgentId, {}), true);
    // The order an agent sees: ended, completed (when nothing follows), then the new state.
    if (!wrapUp.applies) finish(interaction, false, correlation);  // `interaction` is gone after this
    if (Session* agent = findSession(agentId)) {
        AnsweringScope answering(answering_, correlation);
        agent->state.interactionEnded(wrapUp);
    }
    route();
}

void ContactCenter::finish(Interaction& interaction, bool byTimeout, std::uint64_t correlation) {
    const TimePoint now = clock_.now();
    const std::string agentId = interaction.agentId;
    const bool hadWrapUp = interaction.stage == Stage::WrapUp;
    bus_.publish(events::Completed{interaction.id, agentId, interaction.disposition, interaction.notes, toEpochMs(now),
                                   byTimeout},
                 correlation);
    notify([&](CenterObserver& o) { o.completed(interaction, now, byTimeout); });
    forget(interaction.id);
    if (!hadWrapUp || completingForStateChange_ || byTimeout) return;
    // The agent's last wrap-up is done: After Call Work ends with it.
    Session* session = findSession(agentId);
    if (!session || session->state.state() != AgentState::AfterCallWork) return;
    for (const auto& [id, other] : interactions_) {
        if (other->agentId == agentId && other->stage == Stage::WrapUp) return;
    }
    AnsweringScope answering(answering_, correlation);
    session->state.completeAfterCallWork();
}

void ContactCenter::completeWrapUpsOf(const std::string& agentId, bool byTimeout, std::uint64_t correlation) {
    std::vector<std::string> wrapping;
    for (const auto& [id, interaction] : interactions_) {
        if (interaction->agentId == agentId && interaction->stage == Stage::WrapUp) wrapping.push_back(id);
    }
    for (const std::string& id : wrapping) {
        if (Interaction* interaction = findInteraction(id)) finish(*interaction, byTimeout, correlation);
    }
}

void ContactCenter::onStateChange(const std::string& agentId, AgentState before) {
    Session* session = findSession(agentId);
    if (!session) return;
    notify([&](CenterObserver& o) { o.stateChanged(session->user, session->state.status()); });
    // After Call Work ended without the agent completing it (the timeout): the wrap-ups end with it.
    if (before == AgentState::AfterCallWork && session->state.state() != AgentState::AfterCallWork &&
        !completingForStateChange_) {
        completingForStateChange_ = true;
        completeWrapUpsOf(agentId, true, answering_);
        completingForStateChange_ = false;
    }
    route();
}

}  // namespace agentdesk::engine
