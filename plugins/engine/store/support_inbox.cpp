#include "store/support_inbox.hpp"

#include <agentdesk/events/core.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <system_error>

namespace agentdesk::engine {

namespace {

std::vector<std::string> splitProblems(const std::string& joined) {
    std::vector<std::string> problems;
    std::size_t start = 0;
    while (start < joined.size()) {
        const std::size_t comma = joined.find(',', start);
        const std::size_t end = comma == std::string::npos ? joined.size() : comma;
        if (end > start) problems.push_back(joined.substr(start, end - start));
        start = end + 1;
    }
    return problems;
}

/// The last path component, with anything but letters, digits, '.', '-' and '_' replaced: a
/// sender cannot write outside the inbox or create hidden files.
std::string safeFileName(std::string_view name) {
    if (auto slash = name.find_last_of("/\\"); slash != std::string_view::npos) name.remove_prefix(slash + 1);
    std::string safe;
    for (char c : name) {
        const bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
                           c == '-' || c == '_';
        safe += plain ? c : '_';
    }
    while (!safe.empty() && safe.front() == '.') safe.erase(safe.begin());
    if (safe.size() > 100) safe.resize(100);
    return safe.empty() ? std::string("logs.tar.gz") : safe;
}

}  // namespace

SupportInbox::SupportInbox(ContactCenter& center, EngineStore& store, Bus& bus, const Clock& clock,
                           std::filesystem::path inboxDir)
    : center_(center), store_(store), bus_(bus), clock_(clock), inboxDir_(std::move(inboxDir)) {
    subscriptions_.push_back(bus_.subscribe<events::ReportCallQuality>(
        [this](const events::ReportCallQuality& c, const Message& m) { onReport(c, m); }));
    subscriptions_.push_back(bus_.subscribe<events::BeginLogsUpload>(
        [this](const events::BeginLogsUpload& c, const Message& m) { onBegin(c, m); }));
    subscriptions_.push_back(bus_.subscribe<events::LogsUploadChunk>(
        [this](const events::LogsUploadChunk& c, const Message& m) { onChunk(c, m); }));
    subscriptions_.push_back(bus_.subscribe<events::EndLogsUpload>(
        [this](const events::EndLogsUpload& c, const Message& m) { onEnd(c, m); }));
}

SupportInbox::~SupportInbox() {
    subscriptions_.clear();
    std::error_code ignored;
    for (auto& [id, upload] : uploads_) {
        upload.out.close();
        std::filesystem::remove(upload.partial, ignored);  // never finished: nothing to keep
    }
}

void SupportInbox::refuse(std::string_view command, std::string_view code, std::string text, std::uint64_t correlation) {
    bus_.publish(events::Error{std::string(command), std::string(code), std::move(text)}, correlation);
}

bool SupportInbox::wasTheirCall(std::string_view agentId, std::string_view interactionId) const {
    if (const Interaction* live = center_.interaction(interactionId)) {
        const Channel channel = live->service->channel;
        return live->agentId == agentId && (channel == Channel::Voice || channel == Channel::Campaign);
    }
    const std::optional<InteractionRecord> stored = store_.interaction(interactionId);
    return stored && stored->agentId == std::string(agentId) &&
           (stored->channel == Channel::Voice || stored->channel == Channel::Campaign);
}

void SupportInbox::onReport(const events::ReportCallQuality& c, const Message& m) {
    if (!center_.isLoggedIn(c.agentId)) {
        return refuse(c.topic, error_codes::notLoggedIn, "You are not logged in. Log in first.", m.correlation);
    }
    if (!wasTheirCall(c.agentId, c.interactionId)) {
        return refuse(c.topic, error_codes::unknownInteraction, "You can report the quality of your own calls only.",
                      m.correlation);
    }
    std::vector<std::string> problems;
    for (const std::string& problem : c.problems) {
        const auto& known = events::callQualityProblems();
        if (std::find(known.begin(), known.end(), problem) == known.end()) {
            return refuse(c.topic, "invalid_report", fmt::format("\"{}\" is not a call quality problem.", problem),
                          m.correlation);
        }
        if (std::find(problems.begin(), problems.end(), problem) == problems.end()) problems.push_back(problem);
    }
    if (problems.empty()) {
        return refuse(c.topic, "invalid_report", "Choose at least one problem you noticed on the call.", m.correlation);
    }
    std::string joined;
    for (const std::string& problem : problems) joined += (joined.empty() ? "" : ",") + problem;
    Database& db = store_.database();
    Transaction transaction(db);
    db.prepare("INSERT INTO call_quality_reports (interaction_id, agent_id, problems, comment, reported_ms) "
               "VALUES (?, ?, ?, ?, ?)")
        .bind(1, c.interactionId)
        .bind(2, c.agentId)
        .bind(3, joined)
        .bind(4, c.comment)
        .bind(5, toEpochMs(clock_.now()))
        .execute();
    const std::int64_t id = db.lastInsertRowId();
    transaction.commit();
    bus_.publish(events::CallQualityReported{id, c.agentId, c.interactionId, std::move(problems)}, m.correlation);
}

void SupportInbox::fail(std::string_view command, const std::string& uploadId, std::string text, std::uint64_t correlation) {
    if (auto it = uploads_.find(uploadId); it != uploads_.end()) {
        it->second.out.close();
        std::error_code ignored;
        std::filesystem::remove(it->second.partial, ignored);
        uploads_.erase(it);
    }
    refuse(command, "upload_failed", std::move(text), correlation);
}

void SupportInbox::onBegin(const events::BeginLogsUpload& c, const Message& m) {
    if (!center_.isLoggedIn(c.agentId)) {
        return refuse(c.topic, error_codes::notLoggedIn, "You are not logged in. Log in first.", m.correlation);
    }
    if (c.uploadId.empty() || uploads_.count(c.uploadId)) {
        return refuse(c.topic, "upload_failed", "The logs could not be sent: the upload has no new id.", m.correlation);
    }
    if (c.size <= 0 || c.size > maxUploadBytes) {
        return refuse(c.topic, "upload_failed",
                      fmt::format("The logs could not be sent: {} bytes is more than the {} MiB the administrator accepts.",
                                  c.size, maxUploadBytes / (1024 * 1024)),
                      m.correlation);
    }
    std::error_code error;
    std::filesystem::create_directories(inboxDir_, error);
    Upload upload;
    upload.agentId = c.agentId;
    upload.fileName = safeFileName(c.fileName);
    upload.description = c.description;
    upload.size = c.size;
    upload.partial = inboxDir_ / fmt::format(".upload-{}", safeFileName(c.uploadId));
    upload.out.open(upload.partial, std::ios::binary | std::ios::trunc);
    if (!upload.out) {
        return refuse(c.topic, "upload_failed",
                      fmt::format("The logs could not be sent: the inbox {} cannot be written.", inboxDir_.string()),
                      m.correlation);
    }
    uploads_.emplace(c.uploadId, std::move(upload));
    bus_.publish(events::LogsUploadProgress{c.uploadId, 0, c.size}, m.correlation);
}

void SupportInbox::onChunk(const events::LogsUploadChunk& c, const Message& m) {
    auto it = uploads_.find(c.uploadId);
    if (it == uploads_.end()) return refuse(c.topic, "upload_failed", "The logs could not be sent: the upload was not started.", m.correlation);
    Upload& upload = it->second;
    if (c.offset != upload.received) {
        return fail(c.topic, c.uploadId,
                    fmt::format("The logs could not be sent: a part went missing (expected byte {}, got {}).",
                                upload.received, c.offset),
                    m.correlation);
    }
    if (upload.received + static_cast<std::int64_t>(c.data.size()) > upload.size) {
        return fail(c.topic, c.uploadId, "The logs could not be sent: more arrived than announced.", m.correlation);
    }
    upload.out.write(c.data.data(), static_cast<std::streamsize>(c.data.size()));
    if (!upload.out) return fail(c.topic, c.uploadId, "The logs could not be sent: the inbox is full.", m.correlation);
    upload.received += static_cast<std::int64_t>(c.data.size());
    bus_.publish(events::LogsUploadProgress{c.uploadId, upload.received, upload.size}, m.correlation);
}

void SupportInbox::onEnd(const events::EndLogsUpload& c, const Message& m) {
    auto it = uploads_.find(c.uploadId);
    if (it == uploads_.end()) return refuse(c.topic, "upload_failed", "The logs could not be sent: the upload was not started.", m.correlation);
    Upload& upload = it->second;
    if (upload.received != upload.size) {
        return fail(c.topic, c.uploadId,
                    fmt::format("The logs could not be sent: {} of {} bytes arrived.", upload.received, upload.size),
                    m.correlation);
    }
    upload.out.flush();
    upload.out.close();
    Database& db = store_.database();
    Statement count = db.prepare("SELECT COUNT(*) FROM admin_inbox");
    count.step();
    const std::string ticket = fmt::format("LOG-{:04}", count.columnInt64(0) + 1);
    const std::filesystem::path storedAs = inboxDir_ / fmt::format("{}-{}", ticket, upload.fileName);
    std::error_code error;
    std::filesystem::rename(upload.partial, storedAs, error);
    if (error) return fail(c.topic, c.uploadId, "The logs could not be sent: " + error.message(), m.correlation);
    Transaction transaction(db);
    db.prepare("INSERT INTO admin_inbox (ticket, agent_id, description, file_name, stored_as, size_bytes, received_ms) "
               "VALUES (?, ?, ?, ?, ?, ?, ?)")
        .bind(1, ticket)
        .bind(2, upload.agentId)
        .bind(3, upload.description)
        .bind(4, upload.fileName)
        .bind(5, storedAs.string())
        .bind(6, upload.size)
        .bind(7, toEpochMs(clock_.now()))
        .execute();
    transaction.commit();
    const std::int64_t size = upload.size;
    uploads_.erase(it);
    bus_.publish(events::LogsUploaded{c.uploadId, ticket, size}, m.correlation);
}

std::vector<QualityReport> SupportInbox::reportsFor(std::string_view interactionId) const {
    Statement query = store_.database().prepare(
        "SELECT id, interaction_id, agent_id, problems, comment, reported_ms FROM call_quality_reports "
        "WHERE interaction_id = ? ORDER BY id");
    query.bind(1, interactionId);
    std::vector<QualityReport> reports;
    while (query.step()) {
        reports.push_back({query.columnInt64(0), query.columnText(1), query.columnText(2), splitProblems(query.columnText(3)),
                           query.columnText(4), query.columnInt64(5)});
    }
    return reports;
}

std::vector<InboxItem> SupportInbox::inbox() const {
    Statement query = store_.database().prepare(
        "SELECT ticket, agent_id, description, file_name, stored_as, size_bytes, received_ms FROM admin_inbox ORDER BY ticket");
    std::vector<InboxItem> items;
    while (query.step()) {
        items.push_back({query.columnText(0), query.columnText(1), query.columnText(2), query.columnText(3),
                         query.columnText(4), query.columnInt64(5), query.columnInt64(6)});
    }
    return items;
}

}  // namespace agentdesk::engine
