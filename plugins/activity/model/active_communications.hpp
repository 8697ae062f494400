#pragma once
// The agent's active communications (spec UI-06, VOICE-01/02/10/11/12, CHAT-01/02): every
// interaction offered to, handled by or being wrapped up by this desktop's agent, whatever its
// channel, with the actions that fit its stage. Plain C++ over the bus; the panel draws it.
//
//   ringing     Accept / Reject            (interaction.offered .. connected / offer_withdrawn)
//   connected   Release; notes typed now   (interaction.connected .. ended)
//   wrap-up     disposition, notes, Complete (interaction.ended .. completed)
//
// Notes and the disposition are sent to the contact center with interaction.wrapup.save as the
// agent edits them (the engine stores them at once), so they survive a crash of the desktop.

#include <agentdesk/bus.hpp>
#include <agentdesk/clock.hpp>
#include <agentdesk/current_agent.hpp>
#include <agentdesk/events/interaction.hpp>

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace agentdesk::activity {

enum class ItemStage { Ringing, Connected, WrapUp };

/// One interaction in the list.
struct Item {
    events::Offered offer;          // everything known about it
    ItemStage stage = ItemStage::Ringing;
    TimePoint offeredAt{};
    TimePoint connectedAt{};
    TimePoint endedAt{};
    std::optional<TimePoint> wrapUpEndsAt;
    events::EndedBy endedBy = events::EndedBy::Agent;
    std::string disposition;        // as last saved or chosen
    std::string notes;
    bool unsaved = false;           // notes or disposition changed since the last save
};

class ActiveCommunications {
public:
    /// Called when an offer arrives for this agent (for a ring notification).
    using OfferListener = std::function<void(const Item&)>;
    /// Called when one of this list's commands is refused, with the engine's words.
    using ErrorListener = std::function<void(const std::string&)>;

    ActiveCommunications(Bus& bus, const Clock& clock, OfferListener onOffer = {}, ErrorListener onError = {});

    const std::vector<Item>& items() const { return items_; }
    const Item* find(const std::string& interactionId) const;
    /// The selected interaction ("" when none); a new offer is selected when nothing else is.
    const std::string& selected() const { return selected_; }
    void select(const std::string& interactionId);
    /// Brings the interaction's own panel forward again (where its wrap-up is done, for one that
    /// wraps up elsewhere).
    void reveal(const std::string& interactionId);
    /// True when the interaction's wrap-up belongs to its channel's panel, not this list: a
    /// campaign call's result decides what becomes of its calling record (CAMP-05).
    static bool wrapsUpElsewhere(const events::Offered& offer) { return offer.channel == Channel::Campaign; }
    bool loggedIn() const { return agent_.loggedIn(); }
    /// The last refusal of one of this list's commands, for the agent to read ("" when none).
    const std::string& lastError() const { return lastError_; }
    /// Why the last offer disappeared without being answered ("" when none).
    const std::string& lastWithdrawn() const { return lastWithdrawn_; }

    void accept(const std::string& interactionId);
    void reject(const std::string& interactionId);
    void release(const std::string& interactionId);
    /// Keeps what the agent typed in the item; saveWrapUp sends it.
    void edit(const std::string& interactionId, std::string disposition, std::string notes);
    void saveWrapUp(const std::string& interactionId);
    void complete(const std::string& interactionId);

    /// Seconds left to answer (ringing), talk time (connected), or wrap-up time used, for display.
    Milliseconds elapsed(const Item& item) const;

private:
    Item* findMutable(const std::string& interactionId);
    void remove(const std::string& interactionId);
    std::uint64_t send(const auto& command);

    Bus& bus_;
    const Clock& clock_;
    OfferListener onOffer_;
    ErrorListener onError_;
    CurrentAgent agent_;
    std::vector<Item> items_;
    std::string selected_;
    std::string lastError_;
    std::string lastWithdrawn_;
    std::vector<std::uint64_t> sent_;  // correlations of commands sent from here
    std::vector<Subscription> subscriptions_;
};

}  // namespace agentdesk::activity
