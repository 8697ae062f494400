#include "model/contact_info.hpp"

#include <agentdesk/events/desktop.hpp>
#include <agentdesk/events/voice.hpp>

namespace agentdesk::contact {

ContactInfo::ContactInfo(Bus& bus, Shown shown, OpenPage openPage)
    : bus_(bus), shown_(std::move(shown)), openPage_(std::move(openPage)), agent_(bus, [this](const std::string& agentId) {
          if (!agentId.empty()) return;
          offers_.clear();
          interactionId_.clear();
          record_.reset();
          transcript_ = {};
      }) {
    subscriptions_.push_back(bus_.subscribe<events::Offered>([this](const events::Offered& e) {
        if (!agent_.is(e.agentId)) return;
        const bool known = offers_.contains(e.interactionId);
        offers_[e.interactionId] = e;
        show(e.interactionId);  // screen-pop: the caller's record while it rings
        if (!known && e.screenPopOnOffer && !e.screenPopUrl.empty() && openPage_) openPage_(e.screenPopUrl);
    }));
    subscriptions_.push_back(bus_.subscribe<events::InteractionSelected>(
        [this](const events::InteractionSelected& e) { show(e.interactionId); }));
    subscriptions_.push_back(bus_.subscribe<events::Connected>([this](const events::Connected& e) {
        if (!agent_.is(e.agentId)) return;
        if (e.interactionId == interactionId_) request();  // now "connected" in the history
        auto it = offers_.find(e.interactionId);
        if (it != offers_.end() && !it->second.screenPopOnOffer && !it->second.screenPopUrl.empty() && openPage_) {
            openPage_(it->second.screenPopUrl);
        }
    }));
    subscriptions_.push_back(bus_.subscribe<events::OfferWithdrawn>([this](const events::OfferWithdrawn& e) {
        if (agent_.is(e.agentId)) offers_.erase(e.interactionId);
    }));
    subscriptions_.push_back(bus_.subscribe<events::Completed>([this](const events::Completed& e) {
        if (!agent_.is(e.agentId)) return;
        const bool shown = e.interactionId == interactionId_;
        if (shown) request();  // the history has the finished interaction now
        offers_.erase(e.interactionId);
    }));
    subscriptions_.push_back(bus_.subscribe<events::SmsSent>([this](const events::SmsSent& e) {
        if (e.interactionId == interactionId_) request();  // the text joined the history shown
    }));
    subscriptions_.push_back(bus_.subscribe<events::CustomerRecord>([this](const events::CustomerRecord& e, const Message& m) {
        if (m.correlation != pending_) return;
        const bool newCustomer = !record_ || record_->customer.id != e.customer.id || record_->customer.name != e.customer.name;
        record_ = e;
        if (newCustomer && shown_) shown_(e);
    }));
    subscriptions_.push_back(bus_.subscribe<events::ChatTranscript>([this](const events::ChatTranscript& e, const Message& m) {
        if (m.correlation == pendingTranscript_) transcript_ = e;
    }));
}

void ContactInfo::show(const std::string& interactionId) {
    if (!offers_.contains(interactionId) || interactionId == interactionId_) return;
    interactionId_ = interactionId;
    transcript_ = {};
    request();
}

void ContactInfo::request() {
    auto it = offers_.find(interactionId_);
    if (it == offers_.end()) return;
    pending_ = bus_.nextCorrelation();
    bus_.publish(events::GetCustomer{it->second.customerId, it->second.customerId.empty() ? it->second.from : ""}, pending_);
}

void ContactInfo::openTranscript(const std::string& interactionId) {
    pendingTranscript_ = bus_.nextCorrelation();
    bus_.publish(events::GetChatHistory{interactionId}, pendingTranscript_);
}

}  // namespace agentdesk::contact
