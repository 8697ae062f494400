#pragma once
// Getting help while working: asking a supervisor for assistance (spec OTHER-04), supervisors
// monitoring, coaching or barging in, reporting a call quality problem (OTHER-06), and sending the
// desktop's logs to the administrator (OTHER-07).
//
//   assistance.request   ->   assistance.requested     (to every desktop: supervisors list it)
//   assistance.cancel    ->   assistance.cleared       (Cancelled)
//   assistance.list      ->   assistance.open          (the raised hands now, for a desktop that starts late)
//   supervision.join     ->   supervision.started      (the supervisor is Supervising; a raised hand
//                                                       on that interaction clears as Handled)
//   supervision.leave    ->   supervision.ended
//   quality.report       ->   quality.reported
//   logs.upload.begin    ->   logs.upload.progress     (then one per chunk)
//   logs.upload.chunk    ->   logs.upload.progress
//   logs.upload.end      ->   logs.uploaded            (stored in the administrator's inbox)
//
// A hand also clears (InteractionEnded) and a supervision ends when the interaction ends. Refusals
// are errors with the command's correlation id: not_logged_in, unknown_interaction, not_yours,
// already_requested, not_a_supervisor, busy, invalid_report, upload_failed.

#include "agentdesk/codec.hpp"
#include "agentdesk/types.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace agentdesk::events {

/// How a supervisor takes part in an agent's interaction.
enum class SupervisionMode { Monitor, Coach, Barge };
AGENTDESK_ENUM_NAMES(SupervisionMode, {SupervisionMode::Monitor, "Monitor"}, {SupervisionMode::Coach, "Coach"},
                     {SupervisionMode::Barge, "Barge"})

/// Why a raised hand came down.
enum class AssistanceOutcome { Handled, Cancelled, InteractionEnded };
AGENTDESK_ENUM_NAMES(AssistanceOutcome, {AssistanceOutcome::Handled, "Handled"},
                     {AssistanceOutcome::Cancelled, "Cancelled"},
                     {AssistanceOutcome::InteractionEnded, "InteractionEnded"})

/// An agent's raised hand, with the interaction it is about.
struct AssistanceRequest {
    std::string requestId;
    std::string agentId;
    std::string agentName;
    std::string team;
    std::string interactionId;
    Channel channel = Channel::Voice;
    std::string customer;      ///< the customer's name, or their number/address when unknown
    std::string serviceName;
    std::string note;          ///< what the agent needs, as typed
    std::int64_t raisedAtMs = 0;
    MSGPACK_DEFINE_MAP(requestId, agentId, agentName, team, interactionId, channel, customer, serviceName, note,
                       raisedAtMs)
};

/// Command: raise a hand on one of the agent's connected interactions. Answered by AssistanceRequested.
struct RequestAssistance {
    static constexpr std::string_view topic = "assistance.request";
    std::string agentId;
    std::string interactionId;
    std::string note;
    MSGPACK_DEFINE_MAP(agentId, interactionId, note)
};

/// Event: a hand went up.
struct AssistanceRequested {
    static constexpr std::string_view topic = "assistance.requested";
    AssistanceRequest request;
    MSGPACK_DEFINE_MAP(request)
};

/// Command: the agent lowers their hand. Answered by AssistanceCleared (Cancelled).
struct CancelAssistance {
    static constexpr std::string_view topic = "assistance.cancel";
    std::string agentId;
    std::string requestId;
    MSGPACK_DEFINE_MAP(agentId, requestId)
};

/// Event: a hand came down. `by` names the supervisor who handled it (Handled).
struct AssistanceCleared {
    static constexpr std::string_view topic = "assistance.cleared";
    std::string requestId;
    std::string agentId;
    std::string interactionId;
    AssistanceOutcome outcome = AssistanceOutcome::Handled;
    std::string by;
    MSGPACK_DEFINE_MAP(requestId, agentId, interactionId, outcome, by)
};

/// Command: the hands raised now. Answered by OpenAssistance.
struct ListAssistance {
    static constexpr std::string_view topic = "assistance.list";
    std::string agentId;
    MSGPACK_DEFINE_MAP(agentId)
};

/// Event: the hands raised now, oldest first.
struct OpenAssistance {
    static constexpr std::string_view topic = "assistance.open";
    std::vector<AssistanceRequest> requests;
    MSGPACK_DEFINE_MAP(requests)
};

/// Command: a supervisor (role "supervisor", not busy with work of their own) joins an agent's
/// connected interaction, or changes how they take part. Answered by SupervisionStarted.
struct JoinInteraction {
    static constexpr std::string_view topic = "supervision.join";
    std::string supervisorId;
    std::string interactionId;
    SupervisionMode mode = SupervisionMode::Monitor;
    MSGPACK_DEFINE_MAP(supervisorId, interactionId, mode)
};

/// Event: a supervisor takes part in an interaction: Monitor listens, Coach speaks to the agent
/// only, Barge joins the conversation. The agent's desktop shows it.
struct SupervisionStarted {
    static constexpr std::string_view topic = "supervision.started";
    std::string supervisorId;
    std::string supervisorName;
    std::string agentId;
    std::string interactionId;
    SupervisionMode mode = SupervisionMode::Monitor;
    std::string agentName;
    MSGPACK_DEFINE_MAP(supervisorId, supervisorName, agentId, interactionId, mode, agentName)
};

/// Command: the supervisor leaves. Answered by SupervisionEnded.
struct LeaveInteraction {
    static constexpr std::string_view topic = "supervision.leave";
    std::string supervisorId;
    std::string interactionId;
    MSGPACK_DEFINE_MAP(supervisorId, interactionId)
};

/// Event: a supervision ended (the supervisor left, or the interaction ended).
struct SupervisionEnded {
    static constexpr std::string_view topic = "supervision.ended";
    std::string supervisorId;
    std::string agentId;
    std::string interactionId;
    MSGPACK_DEFINE_MAP(supervisorId, agentId, interactionId)
};

/// The problems a call quality report may name, in the order a form offers them.
inline const std::vector<std::string>& callQualityProblems() {
    static const std::vector<std::string> problems{"echo", "noise", "one_way_audio", "dropped", "delay", "other"};
    return problems;
}

/// Command: report a quality problem with a call the agent has or had. `problems` holds one or
/// more of callQualityProblems(): "echo", "noise", "one_way_audio", "dropped", "delay", "other".
/// Answered by CallQualityReported.
struct ReportCallQuality {
    static constexpr std::string_view topic = "quality.report";
    std::string agentId;
    std::string interactionId;
    std::vector<std::string> problems;
    std::string comment;
    MSGPACK_DEFINE_MAP(agentId, interactionId, problems, comment)
};

/// Event: the report is stored with the call's id.
struct CallQualityReported {
    static constexpr std::string_view topic = "quality.reported";
    std::int64_t reportId = 0;
    std::string agentId;
    std::string interactionId;
    std::vector<std::string> problems;
    MSGPACK_DEFINE_MAP(reportId, agentId, interactionId, problems)
};

/// Command: starts sending a file to the administrator (a log bundle). `uploadId` is chosen by the
/// sender and names the upload in the chunks that follow. Answered by LogsUploadProgress.
struct BeginLogsUpload {
    static constexpr std::string_view topic = "logs.upload.begin";
    std::string agentId;
    std::string uploadId;
    std::string fileName;
    std::string description;  ///< what went wrong, as the agent wrote it
    std::int64_t size = 0;
    MSGPACK_DEFINE_MAP(agentId, uploadId, fileName, description, size)
};

/// Command: the next part of the file, starting at `offset` (parts come in order).
struct LogsUploadChunk {
    static constexpr std::string_view topic = "logs.upload.chunk";
    std::string uploadId;
    std::int64_t offset = 0;
    std::vector<char> data;
    MSGPACK_DEFINE_MAP(uploadId, offset, data)
};

/// Command: every part was sent. Answered by LogsUploaded.
struct EndLogsUpload {
    static constexpr std::string_view topic = "logs.upload.end";
    std::string uploadId;
    MSGPACK_DEFINE_MAP(uploadId)
};

/// Event: how much of an upload has arrived.
struct LogsUploadProgress {
    static constexpr std::string_view topic = "logs.upload.progress";
    std::string uploadId;
    std::int64_t received = 0;
    std::int64_t size = 0;
    MSGPACK_DEFINE_MAP(uploadId, received, size)
};

/// Event: the file is in the administrator's inbox under `ticket` ("LOG-0001").
struct LogsUploaded {
    static constexpr std::string_view topic = "logs.uploaded";
    std::string uploadId;
    std::string ticket;
    std::int64_t size = 0;
    MSGPACK_DEFINE_MAP(uploadId, ticket, size)
};

}  // namespace agentdesk::events
