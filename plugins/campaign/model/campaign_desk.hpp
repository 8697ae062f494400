#pragma once
// The Campaign panel's model (spec CAMP-01..05): the campaigns this desktop's agent takes part in
// (name, dialing mode, script), the calling record they hold (numbers, custom fields, earlier
// attempts, the preview countdown, the call's phase) and the actions on it: Call a number, Hold and Mute, Reject
// with a reason, Reschedule (time, number, personal or for anyone), Hang up, and the disposition.
// Over the bus only (events/campaign.hpp); no ImGui here.

#include <agentdesk/bus.hpp>
#include <agentdesk/clock.hpp>
#include <agentdesk/current_agent.hpp>
#include <agentdesk/events/campaign.hpp>
#include <agentdesk/events/voice.hpp>

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace agentdesk::campaign {

class CampaignDesk {
public:
    CampaignDesk(Bus& bus, const Clock& clock);

    bool loggedIn() const { return agent_.loggedIn(); }
    /// The campaigns the agent takes part in (CAMP-01); empty when none.
    const std::vector<events::CampaignInfo>& campaigns() const { return campaigns_; }
    /// The campaign of the record held, else the first one; nullptr when none.
    const events::CampaignInfo* currentCampaign() const;
    /// The record the agent holds, if any (CAMP-02).
    const std::optional<events::CallingRecord>& record() const { return record_; }
    /// What became of the last record ("" before the first).
    const std::string& lastOutcome() const { return lastOutcome_; }

    /// Milliseconds left to preview the record (0 when not in preview or run out).
    std::int64_t previewLeftMs() const;
    /// The numbers that may be called, in the record's order.
    std::vector<std::string> callableNumbers() const;
    /// The number Call dials: the one chosen, else the preferred one, else the first callable.
    std::string chosenNumber() const;
    void chooseNumber(std::string number) { chosen_ = std::move(number); }
    /// True while the record may be called, rejected or rescheduled before a call.
    bool inPreview() const;
    /// True once the call is over or going on and a disposition may be chosen.
    bool canDispose() const;
    bool canHangUp() const;
    /// The campaign call's hold, mute and hold time while the customer is on the line (VOICE-09, 13).
    bool talking() const { return record_ && record_->phase == events::RecordPhase::Talking; }
    bool held() const { return talking() && call_ && call_->held; }
    bool muted() const { return talking() && call_ && call_->muted; }
    Milliseconds holdTime() const;
    void toggleHold();
    void toggleMute();

    void call();
    void reject(const std::string& reason);
    /// True while the next attempt may be rescheduled: in preview, and during or after the call
    /// (then the attempt ends as a Callback).
    bool canReschedule() const { return inPreview() || canDispose(); }
    /// `reason` may be "": it is kept with the attempt.
    void reschedule(std::int64_t atMs, const std::string& number, bool personal, const std::string& reason = {});
    void hangUp();
    void dispose(const std::string& disposition, const std::string& notes);
    void refresh();

    /// The last refusal ("" when none), and clears it.
    std::string takeError();

private:
    template <typename Command>
    void send(Command command);

    Bus& bus_;
    const Clock& clock_;
    CurrentAgent agent_;
    std::vector<events::CampaignInfo> campaigns_;
    std::optional<events::CallingRecord> record_;
    std::optional<events::CallState> call_;  // the record's call, once connected
    std::string chosen_;
    std::string lastOutcome_;
    std::set<std::uint64_t> pending_;
    std::string error_;
    std::vector<Subscription> subscriptions_;
};

}  // namespace agentdesk::campaign
