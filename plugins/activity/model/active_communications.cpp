#include "model/active_communications.hpp"

#include <agentdesk/events/core.hpp>
#include <agentdesk/events/desktop.hpp>

#include <algorithm>

namespace agentdesk::activity {

ActiveCommunications::ActiveCommunications(Bus& bus, const Clock& clock, OfferListener onOffer, ErrorListener onError)
    : bus_(bus), clock_(clock), onOffer_(std::move(onOffer)), onError_(std::move(onError)), agent_(bus, [this](const std::string& agentId) {
          if (agentId.empty()) {
              items_.clear();
              selected_.clear();
          }
      }) {
    subscriptions_.push_back(bus_.subscribe<events::Offered>([this](const events::Offered& e) {
        if (!agent_.is(e.agentId) || find(e.interactionId)) return;
        Item item;
        item.offer = e;
        item.offeredAt = fromEpochMs(e.offeredAtMs);
        items_.push_back(item);
        lastWithdrawn_.clear();
        if (selected_.empty() || e.outbound) selected_ = e.interactionId;  // a call the agent placed is what they look at
        if (onOffer_ && !e.outbound) onOffer_(items_.back());
    }));
    subscriptions_.push_back(bus_.subscribe<events::OfferWithdrawn>([this](const events::OfferWithdrawn& e) {
        const auto* item = agent_.is(e.agentId) ? find(e.interactionId) : nullptr;
        if (!item) return;
        if (item->offer.personal) {  // not the ACD's: the state stays, the caller goes on (VOICE-02)
            lastWithdrawn_ = e.why == events::WithdrawReason::Rejected ? "You sent the personal call to your voicemail."
                             : e.why == events::WithdrawReason::NotAnswered
                                 ? "The personal call was not answered: it went to your voicemail or your forwarding number."
                             : e.why == events::WithdrawReason::Abandoned ? "The caller hung up before you answered."
                                                                          : "";
            remove(e.interactionId);
            return;
        }
        switch (e.why) {
            case events::WithdrawReason::NotAnswered:
                lastWithdrawn_ = "An offer was not answered in time and went to a colleague; you are now Not Ready.";
                break;
            case events::WithdrawReason::Abandoned:
                lastWithdrawn_ = "The customer hung up before you answered.";
                break;
            case events::WithdrawReason::Rejected:
                lastWithdrawn_ = "You rejected the offer; it went back to the queue and you are now Not Ready.";
                break;
            case events::WithdrawReason::LoggedOut:
                lastWithdrawn_.clear();
                break;
        }
        remove(e.interactionId);
    }));
    subscriptions_.push_back(bus_.subscribe<events::Connected>([this](const events::Connected& e) {
        if (Item* item = findMutable(e.interactionId); item && agent_.is(e.agentId)) {
            item->stage = ItemStage::Connected;
            item->connectedAt = fromEpochMs(e.connectedAtMs);
        }
    }));
    subscriptions_.push_back(bus_.subscribe<events::Ended>([this](const events::Ended& e) {
        Item* item = findMutable(e.interactionId);
        if (!item || !agent_.is(e.agentId)) return;
        if (e.by == events::EndedBy::Transferred && !e.wrapUp) {  // handed on: nothing more for this agent
            remove(e.interactionId);
            return;
        }
        item->endedAt = fromEpochMs(e.endedAtMs);
        item->endedBy = e.by;
        if (e.wrapUpEndsAtMs > 0) item->wrapUpEndsAt = fromEpochMs(e.wrapUpEndsAtMs);
        if (e.wrapUp) {
            item->stage = ItemStage::WrapUp;
            selected_ = e.interactionId;  // wrap-up wants the agent's attention
        }
    }));
    subscriptions_.push_back(bus_.subscribe<events::InteractionSelected>([this](const events::InteractionSelected& e) {
        if (find(e.interactionId)) selected_ = e.interactionId;  // chosen in a channel's panel
    }));
    subscriptions_.push_back(bus_.subscribe<events::WrapUpSaved>([this](const events::WrapUpSaved& e) {
        Item* item = findMutable(e.interactionId);
        if (!item) return;
        // What the agent typed since wins over an older answer; otherwise the stored values are the truth
        // (they may have been saved from elsewhere, e.g. a supervisor tool or a scenario).
        if (item->disposition == e.disposition && item->notes == e.notes) {
            item->unsaved = false;
        } else if (!item->unsaved) {
            item->disposition = e.disposition;
            item->notes = e.notes;
        }
    }));
    subscriptions_.push_back(bus_.subscribe<events::Completed>([this](const events::Completed& e) {
        if (agent_.is(e.agentId)) remove(e.interactionId);
    }));
    subscriptions_.push_back(bus_.subscribe<events::Error>([this](const events::Error& e, const Message& m) {
        if (std::find(sent_.begin(), sent_.end(), m.correlation) == sent_.end()) return;
        lastError_ = e.message;
        if (onError_) onError_(e.message);
    }));
}

const Item* ActiveCommunications::find(const std::string& interactionId) const {
    auto it = std::find_if(items_.begin(), items_.end(),
                           [&](const Item& item) { return item.offer.interactionId == interactionId; });
    return it == items_.end() ? nullptr : &*it;
}

Item* ActiveCommunications::findMutable(const std::string& interactionId) {
    return const_cast<Item*>(std::as_const(*this).find(interactionId));
}

void ActiveCommunications::remove(const std::string& interactionId) {
    std::erase_if(items_, [&](const Item& item) { return item.offer.interactionId == interactionId; });
    if (selected_ == interactionId) selected_ = items_.empty() ? std::string() : items_.front().offer.interactionId;
}

void ActiveCommunications::select(const std::string& interactionId) {
    // The agent chose it: its channel's panel comes forward.
    if (selected_ != interactionId) reveal(interactionId);
}

void ActiveCommunications::reveal(const std::string& interactionId) {
    const Item* item = find(interactionId);
    if (!item) return;
    selected_ = interactionId;
    bus_.publish(events::InteractionSelected{interactionId, item->offer.channel});
}

std::uint64_t ActiveCommunications::send(const auto& command) {
    lastError_.clear();
    const std::uint64_t correlation = bus_.nextCorrelation();
    sent_.push_back(correlation);
    if (sent_.size() > 32) sent_.erase(sent_.begin());
    bus_.publish(command, correlation);
    return correlation;
}

void ActiveCommunications::accept(const std::string& id) { send(events::Accept{id, agent_.id()}); }

void ActiveCommunications::reject(const std::string& id) { send(events::Reject{id, agent_.id()}); }

void ActiveCommunications::release(const std::string& id) {
    if (const Item* item = find(id); item && item->unsaved) saveWrapUp(id);  // notes typed during the call
    send(events::Release{id, agent_.id()});
}

void ActiveCommunications::edit(const std::string& id, std::string disposition, std::string notes) {
    Item* item = findMutable(id);
    if (!item || (item->disposition == disposition && item->notes == notes)) return;
    item->disposition = std::move(disposition);
    item->notes = std::move(notes);
    item->unsaved = true;
}

void ActiveCommunications::saveWrapUp(const std::string& id) {
    const Item* item = find(id);
    if (!item) return;
    send(events::SaveWrapUp{id, agent_.id(), item->disposition, item->notes});
}

void ActiveCommunications::complete(const std::string& id) {
    const Item* item = find(id);
    if (!item) return;
    send(events::Complete{id, agent_.id(), item->disposition, item->notes});
}

Milliseconds ActiveCommunications::elapsed(const Item& item) const {
    const TimePoint now = clock_.now();
    switch (item.stage) {
        case ItemStage::Ringing: return std::chrono::duration_cast<Milliseconds>(now - item.offeredAt);
        case ItemStage::Connected: return std::chrono::duration_cast<Milliseconds>(now - item.connectedAt);
        case ItemStage::WrapUp: return std::chrono::duration_cast<Milliseconds>(now - item.endedAt);
    }
    return Milliseconds(0);
}

}  // namespace agentdesk::activity
