#pragma once
// Outbound campaigns (spec CAMP-01..05). The contact center hands a Ready agent who takes part in
// a campaign the next calling record that is due, as an interaction of the campaign's service
// (channel Campaign: interaction.offered with `outbound` set, then interaction.connected at once,
// so the agent is Busy with it and it is listed with their other work). What happens to the
// record travels here:
//
//   campaign.get             ->   campaign.list          (the campaigns the agent takes part in)
//   (a record is handed out)      campaign.record        (phase Preview with its deadline, or Dialing)
//   campaign.call            ->   campaign.record        (Dialing, then Talking, NoAnswer or LineBusy)
//   campaign.reject          ->   campaign.record.done   (the record goes back to the list)
//   campaign.reschedule      ->   campaign.record.done   (due again at the time chosen)
//   interaction.release           campaign.record        (WrapUp: the disposition list)
//   campaign.disposition     ->   campaign.record.done   (the disposition decides the record's fate)
//
// The preview has a time limit: when it runs out the record's first usable number is called, as
// if the agent had pressed Call. After a call, After Call Work follows as the campaign's service
// says; the wrap-up's disposition (campaign.disposition, or interaction.complete with a
// disposition of the service) is the attempt's result. Commands are answered by the event named
// or by events::Error with the command's correlation id (codes: not_logged_in, unknown_interaction,
// not_yours, invalid_state, invalid_number, unknown_disposition, invalid_time).

#include "agentdesk/codec.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace agentdesk::events {

/// How a campaign's records are dialled.
/// Preview: the agent sees the record first and decides (Call, Reject, Reschedule) within a time limit.
/// Progressive: the record's number is dialled as soon as it is handed to a Ready agent.
/// Predictive: dialled ahead of agents becoming free (the embedded engine paces one call per agent,
/// so it behaves as Progressive).
enum class DialingMode { Preview, Progressive, Predictive };
AGENTDESK_ENUM_NAMES(DialingMode, {DialingMode::Preview, "Preview"}, {DialingMode::Progressive, "Progressive"},
                     {DialingMode::Predictive, "Predictive"})

/// Where the record the agent holds is.
enum class RecordPhase { Preview, Dialing, Talking, NoAnswer, LineBusy, WrapUp };
AGENTDESK_ENUM_NAMES(RecordPhase, {RecordPhase::Preview, "Preview"}, {RecordPhase::Dialing, "Dialing"},
                     {RecordPhase::Talking, "Talking"}, {RecordPhase::NoAnswer, "NoAnswer"},
                     {RecordPhase::LineBusy, "LineBusy"}, {RecordPhase::WrapUp, "WrapUp"})

/// One campaign as an agent taking part in it sees it (CAMP-01).
struct CampaignInfo {
    std::string id;
    std::string name;
    DialingMode mode = DialingMode::Preview;
    std::string script;                      ///< instructions and what to say
    std::string serviceId;                   ///< caller id, dispositions, After Call Work
    std::string serviceName;
    std::int64_t previewLimitMs = 0;         ///< how long a record may be previewed (Preview mode)
    std::vector<std::string> dispositions;   ///< what an attempt may end with
    std::vector<std::string> rejectReasons;  ///< why a record may be skipped
    int dueRecords = 0;                      ///< records waiting to be called now
    int openRecords = 0;                     ///< records not closed yet
    MSGPACK_DEFINE_MAP(id, name, mode, script, serviceId, serviceName, previewLimitMs, dispositions, rejectReasons,
                       dueRecords, openRecords)
};

/// Command: the campaigns an agent takes part in. Answered by CampaignList.
struct GetCampaigns {
    static constexpr std::string_view topic = "campaign.get";
    std::string agentId;
    MSGPACK_DEFINE_MAP(agentId)
};

/// Event: the campaigns an agent takes part in (also sent when they log in and after each record).
struct CampaignList {
    static constexpr std::string_view topic = "campaign.list";
    std::string agentId;
    std::vector<CampaignInfo> campaigns;
    MSGPACK_DEFINE_MAP(agentId, campaigns)
};

/// One number of a calling record.
struct RecordNumber {
    std::string number;
    std::string label;   ///< "mobile", "home", "work", ...
    bool wrong = false;  ///< an earlier attempt found it is not the customer's: it is not called again
    MSGPACK_DEFINE_MAP(number, label, wrong)
};

/// A custom field of the calling list, in the list's order.
struct RecordField {
    std::string name;
    std::string value;
    MSGPACK_DEFINE_MAP(name, value)
};

/// Something that happened to a record earlier: a call with its disposition, a rejection, a reschedule.
struct RecordAttempt {
    std::int64_t atMs = 0;
    std::string agentId;
    std::string kind;         ///< "call", "reject" or "reschedule"
    std::string number;       ///< the number called, or chosen for the next attempt
    std::string disposition;  ///< a call's result
    std::string note;         ///< the reason of a rejection, the wrap-up notes, the new time of a reschedule
    MSGPACK_DEFINE_MAP(atMs, agentId, kind, number, disposition, note)
};

/// Event: the calling record an agent holds, after every change (CAMP-02).
struct CallingRecord {
    static constexpr std::string_view topic = "campaign.record";
    std::string agentId;
    std::string interactionId;   ///< the interaction the record is handled as; commands name it
    std::string campaignId;
    std::string campaignName;
    std::string recordId;
    std::string name;            ///< who is called
    std::vector<RecordNumber> numbers;
    std::vector<RecordField> fields;
    std::vector<RecordAttempt> attempts;  ///< earlier ones, oldest first, as stored
    RecordPhase phase = RecordPhase::Preview;
    std::int64_t previewEndsAtMs = 0;     ///< in Preview: the number is dialled then
    std::string preferredNumber;          ///< chosen at a reschedule; called first
    std::string dialledNumber;            ///< once called
    std::string suggestedDisposition;     ///< what the call's outcome suggests ("No answer", "Busy", "Answered")
    std::vector<std::string> dispositions;
    MSGPACK_DEFINE_MAP(agentId, interactionId, campaignId, campaignName, recordId, name, numbers, fields, attempts, phase,
                       previewEndsAtMs, preferredNumber, dialledNumber, suggestedDisposition, dispositions)
};

/// Command: call one of the record's numbers (CAMP-02). Answered by CallingRecord (Dialing), then
/// CallingRecord again when the customer answers (Talking), does not answer (NoAnswer) or is busy
/// (LineBusy). Errors: invalid_number (not one of the record's, or known to be wrong), invalid_state.
struct CallRecord {
    static constexpr std::string_view topic = "campaign.call";
    std::string agentId;
    std::string interactionId;
    std::string number;
    MSGPACK_DEFINE_MAP(agentId, interactionId, number)
};

/// Command: skip the previewed record (CAMP-03); it goes back to the list (due again after the
/// campaign's reject delay, for anyone). Answered by RecordDone. Errors: invalid_state (already called).
struct RejectRecord {
    static constexpr std::string_view topic = "campaign.reject";
    std::string agentId;
    std::string interactionId;
    std::string reason;
    MSGPACK_DEFINE_MAP(agentId, interactionId, reason)
};

/// Command: call the record again at `atMs` (CAMP-04), on `number` when given; `personal` keeps it
/// for this agent, otherwise anyone in the campaign may get it. Allowed in preview and while
/// wrapping up (then the attempt's disposition is Callback). Answered by RecordDone. Errors:
/// invalid_time (in the past), invalid_number, invalid_state.
struct RescheduleRecord {
    static constexpr std::string_view topic = "campaign.reschedule";
    std::string agentId;
    std::string interactionId;
    std::int64_t atMs = 0;
    std::string number;
    bool personal = true;
    std::string reason;  ///< why, as the agent puts it ("asked to call back after 6 pm"); may be ""
    MSGPACK_DEFINE_MAP(agentId, interactionId, atMs, number, personal, reason)
};

/// Command: end the attempt with a disposition (CAMP-05), during the call or its wrap-up; the
/// interaction is completed. Answered by RecordDone. Errors: unknown_disposition, invalid_state.
struct SetDisposition {
    static constexpr std::string_view topic = "campaign.disposition";
    std::string agentId;
    std::string interactionId;
    std::string disposition;
    std::string notes;
    MSGPACK_DEFINE_MAP(agentId, interactionId, disposition, notes)
};

/// Event: the agent is done with a record; what became of it.
struct RecordDone {
    static constexpr std::string_view topic = "campaign.record.done";
    std::string agentId;
    std::string interactionId;
    std::string campaignId;
    std::string recordId;
    bool closed = false;        ///< true: never called again
    std::string outcome;        ///< "Rejected", "Rescheduled", or the attempt's disposition
    std::string reason;         ///< why closed ("Do not call", "Maximum attempts reached", ...) or what comes next
    std::int64_t nextDueMs = 0; ///< when open: when it is due again
    std::string ownerAgentId;   ///< when open: "" for anyone, else the agent it is kept for
    MSGPACK_DEFINE_MAP(agentId, interactionId, campaignId, recordId, closed, outcome, reason, nextDueMs, ownerAgentId)
};

}  // namespace agentdesk::events
