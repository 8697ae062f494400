#pragma once
// Draws the Campaign panel: the campaign (name, dialing mode, script), then the calling record
// held: who, the preview countdown, the numbers to choose from, custom fields and earlier
// attempts, with Call / Reject (reason) / Reschedule (date and time, number, personal or anyone,
// reason); while calling, the call's phase and Hang up; during and after the call, the disposition
// list and Reschedule again (a callback).

#include "model/campaign_desk.hpp"

#include <agentdesk/host_api.hpp>

namespace agentdesk::campaign {

class CampaignPanel {
public:
    CampaignPanel(CampaignDesk& desk, HostApi& host) : desk_(desk), host_(host) {}
    void draw();

private:
    void drawCampaign(const events::CampaignInfo& campaign);
    void drawRecord(const events::CallingRecord& record);
    void drawPreviewActions(const events::CallingRecord& record);
    void drawReschedule(const events::CallingRecord& record, const char* title);
    void drawDispositions(const events::CallingRecord& record);
    void keepTicking();

    CampaignDesk& desk_;
    HostApi& host_;
    int reason_ = 0;
    char when_[20] = {};          // "2026-01-05 14:30"
    std::string whenFor_;         // the record `when_` was filled for
    bool personal_ = true;
    int rescheduleNumber_ = 0;    // 0: keep the choice open; n: the record's n-th number
    char rescheduleReason_[160] = {};
    char notes_[256] = {};
    TimePoint tickAt_{};
    Timer tick_;
};

}  // namespace agentdesk::campaign
