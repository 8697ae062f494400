#pragma once
// Small pieces of text every desktop shows the same way: durations, file sizes, file types.
// No ImGui and no formatting library here, so any plugin may use them.

#include "agentdesk/clock.hpp"

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace agentdesk::text {

/// Characters as a reader counts them in UTF-8 text (continuation bytes are not counted).
inline std::size_t characterCount(std::string_view utf8) {
    return static_cast<std::size_t>(std::count_if(utf8.begin(), utf8.end(), [](char c) {
        return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    }));
}

/// A duration as a clock reads it: "04:07", or "1:02:03" from an hour on; negative shows as 00:00.
inline std::string clockText(Milliseconds duration) {
    const std::int64_t s = std::max<std::int64_t>(0, duration.count() / 1000);
    char out[32];
    if (s >= 3600) {
        std::snprintf(out, sizeof out, "%lld:%02lld:%02lld", static_cast<long long>(s / 3600),
                      static_cast<long long>(s / 60 % 60), static_cast<long long>(s % 60));
    } else {
        std::snprintf(out, sizeof out, "%02lld:%02lld", static_cast<long long>(s / 60), static_cast<long long>(s % 60));
    }
    return out;
}

/// A moment as "2026-01-05 09:30" (UTC, to the minute): email headers, quotes and lists.
inline std::string dateTimeText(std::int64_t epochMs) {
    using namespace std::chrono;
    const sys_time<milliseconds> at{milliseconds(epochMs)};
    const auto day = floor<days>(at);
    const year_month_day date{day};
    const hh_mm_ss time{floor<minutes>(at - day)};
    char out[32];
    std::snprintf(out, sizeof out, "%04d-%02u-%02u %02lld:%02lld", static_cast<int>(date.year()),
                  static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()),
                  static_cast<long long>(time.hours().count()), static_cast<long long>(time.minutes().count()));
    return out;
}

/// The moment typed as "2026-01-05 09:30" (or "2026-01-05T09:30", UTC, as dateTimeText writes it),
/// or nullopt when it is not a real date and time.
inline std::optional<std::int64_t> parseDateTime(std::string_view typed) {
    using namespace std::chrono;
    int y = 0;
    unsigned mo = 0, d = 0, h = 0, mi = 0;
    char sep = 0;
    char rest = 0;
    const std::string text(typed);
    if (std::sscanf(text.c_str(), " %4d-%2u-%2u%c%2u:%2u %c", &y, &mo, &d, &sep, &h, &mi, &rest) != 6) return std::nullopt;
    if ((sep != ' ' && sep != 'T') || h > 23 || mi > 59) return std::nullopt;
    const year_month_day date{year(y), month(mo), day(d)};
    if (!date.ok()) return std::nullopt;
    const sys_time<milliseconds> at = sys_days(date) + hours(h) + minutes(mi);
    return at.time_since_epoch().count();
}

/// A file size for people: "512 bytes", "3 KB", "4.2 MB".
inline std::string sizeText(std::int64_t bytes) {
    char out[32];
    if (bytes >= 1024 * 1024) {
        std::snprintf(out, sizeof out, "%.1f MB", static_cast<double>(bytes) / (1024.0 * 1024.0));
    } else if (bytes >= 1024) {
        std::snprintf(out, sizeof out, "%lld KB", static_cast<long long>((bytes + 1023) / 1024));
    } else {
        std::snprintf(out, sizeof out, "%lld bytes", static_cast<long long>(bytes));
    }
    return out;
}

/// The MIME type of a file from its extension, for the kinds a contact center exchanges;
/// "application/octet-stream" for anything else.
inline std::string mimeTypeOf(const std::filesystem::path& file) {
    std::string ext = file.extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(),
                   [](unsigned char c) { return static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c); });
    if (ext == ".png") return "image/png";
    if (ext == ".jpg" || ext == ".jpeg") return "image/jpeg";
    if (ext == ".gif") return "image/gif";
    if (ext == ".pdf") return "application/pdf";
    if (ext == ".txt") return "text/plain";
    return "application/octet-stream";
}

}  // namespace agentdesk::text
