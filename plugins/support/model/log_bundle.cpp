#include "model/log_bundle.hpp"

#include <agentdesk/recording.hpp>
#include <agentdesk/text.hpp>

#include <archive.h>
#include <archive_entry.h>

#include <fmt/format.h>

#include <algorithm>
#include <ctime>
#include <fstream>
#include <iterator>
#include <memory>
#include <stdexcept>

namespace agentdesk::support {

TrafficRing::TrafficRing(Bus& bus, const Clock& clock, std::size_t capacity) : clock_(clock), capacity_(capacity) {
    everything_ = bus.subscribePattern("*", [this](const Message& m) {
        // Bundles themselves are not worth keeping: they would fill the ring with their own bytes.
        if (m.topic.rfind("logs.upload.", 0) == 0) return;
        if (kept_.size() == capacity_) kept_.pop_front();
        kept_.push_back({m, clock_.now()});
    });
}

std::vector<std::string> TrafficRing::lines() const {
    std::vector<std::string> lines;
    lines.reserve(kept_.size());
    for (const Kept& kept : kept_) lines.push_back(recordingLine(kept.message, kept.at));
    return lines;
}

namespace {

struct ArchiveDeleter {
    void operator()(archive* a) const { archive_write_free(a); }
};

std::string compactTime(TimePoint at) {
    const std::time_t seconds = static_cast<std::time_t>(toEpochMs(at) / 1000);
    std::tm utc{};
    gmtime_r(&seconds, &utc);
    char text[32];
    std::strftime(text, sizeof text, "%Y%m%d-%H%M%S", &utc);
    return text;
}

class TarWriter {
public:
    TarWriter() : archive_(archive_write_new()) {
        if (!archive_) throw std::runtime_error("cannot start the log archive");
        check(archive_write_set_format_pax_restricted(archive_.get()));
        check(archive_write_add_filter_gzip(archive_.get()));
        check(archive_write_open(archive_.get(), this, nullptr, &TarWriter::writeBytes, nullptr));
    }

    void add(const std::string& path, std::string_view bytes, std::int64_t mtime) {
        std::unique_ptr<archive_entry, decltype(&archive_entry_free)> entry(archive_entry_new(), archive_entry_free);
        archive_entry_set_pathname(entry.get(), path.c_str());
        archive_entry_set_size(entry.get(), static_cast<la_int64_t>(bytes.size()));
        archive_entry_set_filetype(entry.get(), AE_IFREG);
        archive_entry_set_perm(entry.get(), 0644);
        archive_entry_set_mtime(entry.get(), static_cast<time_t>(mtime), 0);
        check(archive_write_header(archive_.get(), entry.get()));
        if (!bytes.empty() && archive_write_data(archive_.get(), bytes.data(), bytes.size()) < 0) check(ARCHIVE_FATAL);
        entries_.push_back(path);
    }

    Bundle finish(std::string fileName) {
        check(archive_write_close(archive_.get()));
        return Bundle{std::move(bytes_), std::move(entries_), std::move(fileName)};
    }

private:
    static la_ssize_t writeBytes(archive*, void* self, const void* buffer, size_t length) {
        auto& bytes = static_cast<TarWriter*>(self)->bytes_;
        const char* begin = static_cast<const char*>(buffer);
        bytes.insert(bytes.end(), begin, begin + length);
        return static_cast<la_ssize_t>(length);
    }
    void check(int status) {
        if (status < ARCHIVE_WARN) {
            const char* why = archive_error_string(archive_.get());
            throw std::runtime_error(fmt::format("cannot write the log archive: {}", why ? why : "unknown error"));
        }
    }

    std::unique_ptr<archive, ArchiveDeleter> archive_;
    std::vector<char> bytes_;
    std::vector<std::string> entries_;
};

}  // namespace

Bundle makeBundle(const BundleContents& contents) {
    const std::string stamp = compactTime(contents.createdAt);
    const std::int64_t mtime = toEpochMs(contents.createdAt) / 1000;
    const std::string root = "agentdesk-logs/";

    std::vector<std::filesystem::path> logs;
    std::error_code error;
    if (!contents.logDirectory.empty()) {
        for (const auto& entry : std::filesystem::directory_iterator(contents.logDirectory, error)) {
            if (entry.is_regular_file(error) && entry.path().extension() == ".log") logs.push_back(entry.path());
        }
        std::sort(logs.begin(), logs.end());
    }

    TarWriter tar;
    std::string unreadable;
    std::vector<std::pair<std::string, std::string>> files;
    for (const auto& log : logs) {
        std::ifstream in(log, std::ios::binary);
        if (!in) {
            unreadable += fmt::format("  {} (could not be read)\n", log.filename().string());
            continue;
        }
        files.emplace_back(root + "logs/" + log.filename().string(),
                           std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()));
    }
    std::string readme = fmt::format(
        "AgentDesk logs\n\nSent by:     {}\nCreated:     {} UTC\nVersion:     {}\n\nWhat happened, in the agent's words:\n{}\n\n"
        "Contents:\n  logs/            the desktop's log files\n"
        "  bus-recent.jsonl the last {} messages on the event bus (agentdesk --replay reads it)\n",
        contents.agent, text::dateTimeText(toEpochMs(contents.createdAt)), contents.version,
        contents.description.empty() ? std::string("(no description)") : contents.description, contents.traffic.size());
    if (!unreadable.empty()) readme += "\nLeft out:\n" + unreadable;
    tar.add(root + "README.txt", readme, mtime);
    for (const auto& [path, bytes] : files) tar.add(path, bytes, mtime);
    std::string traffic;
    for (const std::string& line : contents.traffic) traffic += line + '\n';
    tar.add(root + "bus-recent.jsonl", traffic, mtime);
    return tar.finish(fmt::format("agentdesk-logs-{}.tar.gz", stamp));
}

}  // namespace agentdesk::support
