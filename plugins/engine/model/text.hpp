#pragma once
// Small text helpers for what people type (user names, extensions) and what config files hold.

#include <algorithm>
#include <string>
#include <string_view>

namespace agentdesk::engine {

/// `text` without leading and trailing blanks.
inline std::string_view trimmed(std::string_view text) {
    const auto first = text.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos) return {};
    const auto last = text.find_last_not_of(" \t\r\n");
    return text.substr(first, last - first + 1);
}

/// `text` with ASCII letters in lower case (user names compare without regard to case).
inline std::string lowerAscii(std::string_view text) {
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(),
                   [](unsigned char c) { return static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c); });
    return out;
}

}  // namespace agentdesk::engine
