#pragma once
// What agents send the contact center for support, kept in engine.db:
//
// - call quality reports (spec OTHER-06): during or after a call the agent reports echo, noise,
//   one-way audio, a dropped call or delay, with a comment; the report is stored with the call's id.
// - log bundles (OTHER-07): the desktop sends an archive in chunks over the bus; it is written to
//   the administrator's inbox folder (`<data>/admin-inbox/<ticket>-<name>`) and listed in the
//   admin_inbox table under a ticket number the agent can quote.

#include "model/contact_center.hpp"
#include "store/engine_store.hpp"

#include <agentdesk/bus.hpp>
#include <agentdesk/clock.hpp>
#include <agentdesk/events/support.hpp>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <map>
#include <string>
#include <vector>

namespace agentdesk::engine {

/// A stored call quality report.
struct QualityReport {
    std::int64_t id = 0;
    std::string interactionId;
    std::string agentId;
    std::vector<std::string> problems;
    std::string comment;
    std::int64_t reportedMs = 0;
};

/// A file in the administrator's inbox.
struct InboxItem {
    std::string ticket;
    std::string agentId;
    std::string description;
    std::string fileName;
    std::filesystem::path storedAs;
    std::int64_t size = 0;
    std::int64_t receivedMs = 0;
};

class SupportInbox {
public:
    /// The largest bundle accepted.
    static constexpr std::int64_t maxUploadBytes = 64 * 1024 * 1024;

    /// Files go to `inboxDir` (created when needed). Everything passed must outlive this object.
    SupportInbox(ContactCenter& center, EngineStore& store, Bus& bus, const Clock& clock, std::filesystem::path inboxDir);
    ~SupportInbox();

    std::vector<QualityReport> reportsFor(std::string_view interactionId) const;
    std::vector<InboxItem> inbox() const;

private:
    struct Upload {
        std::string agentId;
        std::string fileName;
        std::string description;
        std::int64_t size = 0;
        std::int64_t received = 0;
        std::filesystem::path partial;
        std::ofstream out;
    };

    void onReport(const events::ReportCallQuality& command, const Message& message);
    void onBegin(const events::BeginLogsUpload& command, const Message& message);
    void onChunk(const events::LogsUploadChunk& command, const Message& message);
    void onEnd(const events::EndLogsUpload& command, const Message& message);
    void refuse(std::string_view command, std::string_view code, std::string text, std::uint64_t correlation);
    void fail(std::string_view command, const std::string& uploadId, std::string text, std::uint64_t correlation);
    /// True when `agentId` handles or handled the call `interactionId`.
    bool wasTheirCall(std::string_view agentId, std::string_view interactionId) const;

    ContactCenter& center_;
    EngineStore& store_;
    Bus& bus_;
    const Clock& clock_;
    std::filesystem::path inboxDir_;
    std::map<std::string, Upload> uploads_;
    std::vector<Subscription> subscriptions_;
};

}  // namespace agentdesk::engine
