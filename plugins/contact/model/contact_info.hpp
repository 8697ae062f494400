#pragma once
// The Contact Info panel's model (spec UI-07, screen-pop, CHAT-10): the customer of the
// interaction the agent works on — details and history across channels — fetched from the
// contact center when an interaction rings here (screen-pop) or is selected, and again when one
// is completed (the history grew). A past chat's stored transcript can be opened. Where the
// service has a screen-pop page, it is handed on to open when offered or accepted. No ImGui here.

#include <agentdesk/bus.hpp>
#include <agentdesk/current_agent.hpp>
#include <agentdesk/events/chat.hpp>
#include <agentdesk/events/customer.hpp>
#include <agentdesk/events/interaction.hpp>

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace agentdesk::contact {

class ContactInfo {
public:
    /// Called when a new customer is shown (the panel comes forward).
    using Shown = std::function<void(const events::CustomerRecord&)>;
    /// Called with a service's screen-pop page for the customer (UI-10), to open in the browser.
    using OpenPage = std::function<void(const std::string& url)>;
    explicit ContactInfo(Bus& bus, Shown shown = {}, OpenPage openPage = {});

    /// The interaction whose customer is shown ("" when none).
    const std::string& interactionId() const { return interactionId_; }
    /// The record shown, once the contact center answered.
    const std::optional<events::CustomerRecord>& record() const { return record_; }
    /// Shows the customer of one of this agent's interactions.
    void show(const std::string& interactionId);
    /// Opens the stored transcript of a past chat in the history.
    void openTranscript(const std::string& interactionId);
    /// The transcript opened last ("" id when none).
    const events::ChatTranscript& transcript() const { return transcript_; }

private:
    void request();

    Bus& bus_;
    Shown shown_;
    OpenPage openPage_;
    CurrentAgent agent_;
    std::map<std::string, events::Offered, std::less<>> offers_;  // this agent's live interactions
    std::string interactionId_;
    std::optional<events::CustomerRecord> record_;
    std::uint64_t pending_ = 0;
    std::uint64_t pendingTranscript_ = 0;
    events::ChatTranscript transcript_;
    std::vector<Subscription> subscriptions_;
};

}  // namespace agentdesk::contact
