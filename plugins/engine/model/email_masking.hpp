#pragma once
// Masking of sensitive data in emails (spec EMAIL-07): card numbers and account ids found in a
// text, and parts an agent selected, are replaced so that what is stored never holds them.
// Plain functions on UTF-8 text; no storage here.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace agentdesk::engine {

/// A part of a text, in bytes.
struct TextSpan {
    std::size_t start = 0;
    std::size_t length = 0;
    bool operator==(const TextSpan&) const = default;
};

/// Card numbers (13 to 19 digits, spaces or dashes between groups, passing the Luhn check) and
/// IBAN-like account ids (two letters, two check digits, 10 to 30 more letters or digits), in order.
std::vector<TextSpan> findSensitiveData(std::string_view text);

/// Replaces the found card numbers and account ids: every digit or letter but the last four
/// becomes '*' (separators stay, so "4111 1111 1111 1111" reads "**** **** **** 1111").
/// `masked`, when given, receives how many were replaced.
std::string maskDetected(std::string_view text, int* masked = nullptr);

/// Replaces every character of each span but spaces and line breaks with one '*' (a UTF-8
/// character counts once). Spans past the end are cut at the end.
std::string maskSpans(std::string_view text, const std::vector<TextSpan>& spans);

}  // namespace agentdesk::engine
