#pragma once
// Simulated chat customers: each chat that arrives with a script (chat.json) plays it. The customer
// reads what the agent sends (delivered, then read), types for a while (typing indicator), and
// answers with the script's next reply; when the replies run out they say the closing line and
// leave. They fill secure forms and agree to co-browsing when their script names a page. All of it
// runs on the center's timers, so the same scenario gives the same chat every run.

#include "model/chat_service.hpp"
#include "model/contact_center.hpp"

#include <agentdesk/bus.hpp>
#include <agentdesk/clock.hpp>

#include <map>
#include <string>
#include <vector>

namespace agentdesk::engine {

/// Fills a chat arrival from its topic's script: first message, medium, details.
void applyChatScript(Arrival& arrival, const CenterConfig& config);

class ChatCustomers final : public CenterObserver {
public:
    /// Everything passed must outlive the customers.
    ChatCustomers(ContactCenter& center, ChatService& chats, Bus& bus, const Clock& clock, Timers& timers);
    ~ChatCustomers() override;
    ChatCustomers(const ChatCustomers&) = delete;
    ChatCustomers& operator=(const ChatCustomers&) = delete;

    /// How long a customer takes to type `text`.
    static Milliseconds typingTime(std::string_view text);

    // CenterObserver
    void queued(const Interaction& interaction, bool requeued) override;
    void abandoned(const Interaction& interaction, TimePoint at) override;
    void completed(const Interaction& interaction, TimePoint at, bool byTimeout) override;
    void ended(const Interaction& interaction, events::EndedBy by) override;

private:
    struct Customer {
        const ChatScript* script = nullptr;
        std::size_t nextReply = 0;
        bool leaving = false;
        Timer reply;                 // typing, then the next line
        Timer leave;
        Timer form;
        Timer coBrowse;
        std::vector<Timer> receipts;  // delivered / read marks of the agent's messages
    };

    void agentWrote(const events::ChatMessage& message);
    void answer(const std::string& interactionId);
    Customer* find(std::string_view interactionId);

    ContactCenter& center_;
    ChatService& chats_;
    const Clock& clock_;
    Timers& timers_;
    std::map<std::string, Customer, std::less<>> customers_;  // by interaction id
    std::vector<Subscription> subscriptions_;
};

}  // namespace agentdesk::engine
