#include "model/chat_customers.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace agentdesk::engine {

namespace {

using namespace std::chrono_literals;

constexpr Milliseconds kDelivered = 1s;
constexpr Milliseconds kRead = 2s;
constexpr Milliseconds kStartsTyping = 3s;
constexpr Milliseconds kLeavesAfterClosing = 4s;
constexpr Milliseconds kFillsForm = 6s;
constexpr Milliseconds kAnswersCoBrowse = 3s;

std::optional<CustomerFile> readFile(const std::filesystem::path& file) {
    std::string problem;
    return file.empty() ? std::nullopt : readLocalFile(file, kLargestFileToSend, problem);
}

/// What a simulated customer types into a secure form's field.
std::string sampleValue(std::string_view field, const Interaction* interaction) {
    std::string lower(field);
    std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (lower.find("card") != std::string::npos && lower.find("number") != std::string::npos) return "4111 1111 1111 1111";
    if (lower.find("expir") != std::string::npos) return "09/29";
    if (lower.find("cvc") != std::string::npos || lower.find("cvv") != std::string::npos) return "123";
    if (lower.find("name") != std::string::npos && interaction && interaction->customer) return interaction->customer->name;
    return "on file";
}

}  // namespace

void applyChatScript(Arrival& arrival, const CenterConfig& config) {
    const ServiceConfig* service = config.findService(arrival.serviceId);
    if (!service || service->channel != Channel::Chat) return;
    const ChatScript* script = config.chat.scriptFor(arrival.subject);
    if (!script) return;
    if (arrival.message.empty()) arrival.message = script->opening;
    if (arrival.medium == ChatMedium::None) arrival.medium = script->medium;
    if (arrival.details.empty()) arrival.details = script->details;
}

Milliseconds ChatCustomers::typingTime(std::string_view text) {
    return std::clamp(Milliseconds(60 * static_cast<std::int64_t>(text.size())), Milliseconds(2s), Milliseconds(8s));
}

ChatCustomers::ChatCustomers(ContactCenter& center, ChatService& chats, Bus& bus, const Clock& clock, Timers& timers)
    : center_(center), chats_(chats), clock_(clock), timers_(timers) {
    center_.addObserver(this);
    subscriptions_.push_back(bus.subscribe<events::ChatMessage>([this](const events::ChatMessage& m) {
        if (m.from == events::Party::Agent) agentWrote(m);
    }));
    subscriptions_.push_back(bus.subscribe<events::ChatForm>([this](const events::ChatForm& f) {
        Customer* customer = find(f.interactionId);
        if (!customer || f.status != events::FormStatus::Sent) return;
        customer->form = timers_.at(clock_.now() + kFillsForm, [this, f] {
            const Interaction* interaction = center_.interaction(f.interactionId);
            std::map<std::string, std::string> values;
            for (const std::string& field : f.fields) values[field] = sampleValue(field, interaction);
            chats_.customerFilledForm(f.requestId, values);
        });
    }));
    subscriptions_.push_back(bus.subscribe<events::ChatCoBrowse>([this](const events::ChatCoBrowse& c) {
        Customer* customer = find(c.interactionId);
        if (!customer || c.state != events::CoBrowseState::Requested) return;
        customer->coBrowse = timers_.at(clock_.now() + kAnswersCoBrowse, [this, id = c.interactionId] {
            Customer* asked = find(id);
            if (!asked) return;
            const std::string& page = asked->script->coBrowsePage;
            chats_.customerCoBrowse(id, !page.empty(), page);
        });
    }));
}

ChatCustomers::~ChatCustomers() {
    subscriptions_.clear();
    customers_.clear();
    center_.removeObserver(this);
}

ChatCustomers::Customer* ChatCustomers::find(std::string_view interactionId) {
    auto it = customers_.find(interactionId);
    return it == customers_.end() ? nullptr : &it->second;
}

void ChatCustomers::queued(const Interaction& interaction, bool requeued) {
    if (requeued || interaction.service->channel != Channel::Chat) return;
    const ChatScript* script = center_.config().chat.scriptFor(interaction.subject);
    if (!script || script->opening != interaction.preview) return;  // someone else speaks for this customer
    customers_[interaction.id].script = script;
}

void ChatCustomers::agentWrote(const events::ChatMessage& message) {
    Customer* customer = find(message.interactionId);
    if (!customer || customer->leaving) return;
    const TimePoint now = clock_.now();
    const std::string id = message.interactionId;
    const std::string messageId = message.messageId;
    customer->receipts.push_back(timers_.at(now + kDelivered, [this, id, messageId] {
        chats_.customerReceived(id, messageId, events::Delivery::Delivered);
    }));
    customer->receipts.push_back(timers_.at(now + kRead, [this, id, messageId] {
        chats_.customerReceived(id, messageId, events::Delivery::Read);
    }));
    // One answer per burst: a later message from the agent restarts the customer's reading and typing.
    customer->reply = timers_.at(now + kStartsTyping, [this, id] {
        Customer* typing = find(id);
        if (!typing) return;
        chats_.customerTyping(id, true);
        const bool closing = typing->nextReply >= typing->script->replies.size();
        const std::string& text = closing ? typing->script->closing : typing->script->replies[typing->nextReply].text;
        typing->reply = timers_.at(clock_.now() + typingTime(text), [this, id] { answer(id); });
    });
}

void ChatCustomers::answer(const std::string& interactionId) {
    Customer* customer = find(interactionId);
    if (!customer) return;
    const ChatScript& script = *customer->script;
    if (customer->nextReply < script.replies.size()) {
        const ScriptLine& line = script.replies[customer->nextReply++];
        chats_.customerSays(interactionId, line.text, readFile(line.file));
        return;
    }
    customer->leaving = true;
    chats_.customerSays(interactionId, script.closing);
    customer->leave = timers_.at(clock_.now() + kLeavesAfterClosing, [this, interactionId] {
        center_.customerLeft(interactionId);
    });
}

void ChatCustomers::ended(const Interaction& interaction, events::EndedBy) {
    // The chat is over for the customer (the agent ended it, or they left): nothing more to say.
    if (Customer* customer = find(interaction.id)) {
        customer->reply.cancel();
        customer->leave.cancel();
        customer->leaving = true;
    }
}

void ChatCustomers::abandoned(const Interaction& interaction, TimePoint) { customers_.erase(interaction.id); }

void ChatCustomers::completed(const Interaction& interaction, TimePoint, bool) { customers_.erase(interaction.id); }

}  // namespace agentdesk::engine
