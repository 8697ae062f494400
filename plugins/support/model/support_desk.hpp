#pragma once
// Getting help while working, as this desktop's agent sees it (spec OTHER-04, OTHER-06, OTHER-07).
// Plain C++ over the bus; the Assistance panel draws it.
//
// - Request assistance: raise a hand on one of the agent's connected interactions, with a note;
//   lower it again; see when a supervisor monitors, coaches or barges in.
// - Supervisors: the hands raised on the floor, oldest first; Monitor / Coach / Barge on one;
//   their current supervision with Leave.
// - Report a call quality problem on the current call or one of the last calls.
// - Send the logs: a bundle (made by the caller) goes to the administrator in chunks, one in
//   flight at a time, with progress, and comes back as a ticket number.

#include <agentdesk/bus.hpp>
#include <agentdesk/clock.hpp>
#include <agentdesk/current_agent.hpp>
#include <agentdesk/events/interaction.hpp>
#include <agentdesk/events/support.hpp>

#include <cstdint>
#include <deque>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace agentdesk::support {

/// One of the agent's interactions, as far as getting help goes.
struct Work {
    std::string interactionId;
    Channel channel = Channel::Voice;
    std::string label;        ///< "Maria Lopez - Support line"
    bool connected = false;
    bool ended = false;
};

/// Where sending the logs is.
enum class UploadStage { Idle, Sending, Done, Failed };

struct UploadStatus {
    UploadStage stage = UploadStage::Idle;
    std::int64_t sent = 0;       ///< bytes the administrator's inbox confirmed
    std::int64_t size = 0;
    std::string ticket;          ///< when Done
    std::string error;           ///< when Failed
    float fraction() const { return size > 0 ? static_cast<float>(sent) / static_cast<float>(size) : 0.0f; }
};

class SupportDesk {
public:
    /// Told what to show the agent: (is it a problem, title, text).
    using Notifier = std::function<void(bool problem, const std::string& title, const std::string& text)>;

    static constexpr std::size_t chunkBytes = 256 * 1024;
    static constexpr std::size_t recentCalls = 5;

    SupportDesk(Bus& bus, const Clock& clock, Notifier notify = {});

    bool loggedIn() const { return agent_.loggedIn(); }
    std::string agentName() const { return agent_.loggedIn() ? agent_.login().displayName : std::string(); }
    bool isSupervisor() const { return agent_.loggedIn() && agent_.login().role == "supervisor"; }

    // ---- request assistance --------------------------------------------------------------------
    /// Connected interactions the agent may ask about.
    std::vector<const Work*> connectedWork() const;
    /// The raised hand on `interactionId`, if any.
    const events::AssistanceRequest* handOn(const std::string& interactionId) const;
    /// Supervisors taking part in `interactionId` now.
    std::vector<const events::SupervisionStarted*> supervisorsOn(const std::string& interactionId) const;
    void raiseHand(const std::string& interactionId, std::string note);
    void lowerHand(const std::string& interactionId);

    // ---- supervisors -----------------------------------------------------------------------------
    /// Hands raised by others, oldest first.
    const std::vector<events::AssistanceRequest>& raisedHands() const { return raised_; }
    /// What this desktop's supervisor is supervising now.
    const std::optional<events::SupervisionStarted>& supervising() const { return supervising_; }
    void join(const std::string& interactionId, events::SupervisionMode mode);
    void leave();

    // ---- call quality ----------------------------------------------------------------------------
    /// The current call and the last few, newest first.
    std::vector<const Work*> reportableCalls() const;
    void reportQuality(const std::string& interactionId, std::vector<std::string> problems, std::string comment);

    // ---- logs --------------------------------------------------------------------------------------
    const UploadStatus& upload() const { return upload_; }
    /// Starts sending `bundle`; false (nothing sent) while another is on its way or when logged out.
    bool sendLogs(std::vector<char> bundle, std::string fileName, std::string description);

    /// The last refusal of one of these commands ("" when none).
    const std::string& lastError() const { return lastError_; }

private:
    Work* find(const std::string& interactionId);
    void forget(const std::string& interactionId);
    void sendNextChunk();
    void reset();
    template <typename Command>
    std::uint64_t send(const Command& command);

    Bus& bus_;
    const Clock& clock_;
    Notifier notify_;
    CurrentAgent agent_;
    std::deque<Work> work_;  // the agent's, in arrival order; ended calls stay for quality reports
    std::vector<events::AssistanceRequest> mine_;
    std::vector<events::AssistanceRequest> raised_;
    std::vector<events::SupervisionStarted> onMine_;
    std::optional<events::SupervisionStarted> supervising_;
    UploadStatus upload_;
    std::string uploadId_;
    std::vector<char> bundle_;
    std::uint64_t uploads_ = 0;
    std::vector<std::uint64_t> pending_;  // correlations of commands sent from here
    std::string lastError_;
    std::vector<Subscription> subscriptions_;
};

/// How a problem code reads for the agent ("one_way_audio" -> "One-way audio").
std::string problemLabel(std::string_view problem);

}  // namespace agentdesk::support
