// Detection is deliberately conservative for cards (Luhn must pass) so order numbers and phone
// numbers are left alone; an agent masks anything else by selecting it.

#include "model/email_masking.hpp"

#include <algorithm>
#include <cctype>

namespace agentdesk::engine {

namespace {

bool isDigit(char c) { return c >= '0' && c <= '9'; }
bool isAlpha(char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); }
bool isAlnum(char c) { return isDigit(c) || isAlpha(c); }

bool luhn(std::string_view digits) {
    int sum = 0;
    bool twice = false;
    for (auto it = digits.rbegin(); it != digits.rend(); ++it) {
        int d = *it - '0';
        if (twice) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
        sum += d;
        twice = !twice;
    }
    return sum % 10 == 0;
}

/// A run of digits with single spaces or dashes between them, starting at `i`; its end.
std::size_t digitRun(std::string_view text, std::size_t i, std::string& digits) {
    std::size_t end = i;
    while (i < text.size()) {
        if (isDigit(text[i])) {
            digits += text[i++];
            end = i;
        } else if ((text[i] == ' ' || text[i] == '-') && i + 1 < text.size() && isDigit(text[i + 1])) {
            ++i;
        } else {
            break;
        }
    }
    return end;
}

/// An IBAN-like id at `i` (letters upper case, optional single spaces); its end, or `i` when none.
std::size_t accountId(std::string_view text, std::size_t i) {
    if (i + 4 > text.size() || !std::isupper(static_cast<unsigned char>(text[i])) ||
        !std::isupper(static_cast<unsigned char>(text[i + 1])) || !isDigit(text[i + 2]) || !isDigit(text[i + 3])) {
        return i;
    }
    std::size_t j = i + 4;
    std::size_t end = j;
    int more = 0;
    while (j < text.size()) {
        if (isDigit(text[j]) || std::isupper(static_cast<unsigned char>(text[j]))) {
            ++more;
            end = ++j;
        } else if (text[j] == ' ' && j + 1 < text.size() && isAlnum(text[j + 1])) {
            ++j;
        } else {
            break;
        }
    }
    if (more < 10 || more > 30) return i;
    return end;
}

}  // namespace

std::vector<TextSpan> findSensitiveData(std::string_view text) {
    std::vector<TextSpan> found;
    std::size_t i = 0;
    while (i < text.size()) {
        const bool wordStart = i == 0 || !isAlnum(text[i - 1]);
        if (wordStart && isAlpha(text[i])) {
            if (std::size_t end = accountId(text, i); end != i && (end == text.size() || !isAlnum(text[end]))) {
                found.push_back({i, end - i});
                i = end;
                continue;
            }
        }
        if (wordStart && isDigit(text[i])) {
            std::string digits;
            const std::size_t end = digitRun(text, i, digits);
            if (digits.size() >= 13 && digits.size() <= 19 && luhn(digits) && (end == text.size() || !isAlnum(text[end]))) {
                found.push_back({i, end - i});
            }
            i = std::max(end, i + 1);
            continue;
        }
        ++i;
    }
    return found;
}

std::string maskDetected(std::string_view text, int* masked) {
    std::string out(text);
    const std::vector<TextSpan> spans = findSensitiveData(text);
    for (const TextSpan& span : spans) {
        int keep = 4;
        for (std::size_t k = span.start + span.length; k-- > span.start;) {
            if (!isAlnum(out[k])) continue;
            if (keep > 0) {
                --keep;
            } else {
                out[k] = '*';
            }
        }
    }
    if (masked) *masked = static_cast<int>(spans.size());
    return out;
}

std::string maskSpans(std::string_view text, const std::vector<TextSpan>& spans) {
    std::vector<bool> hide(text.size(), false);
    for (const TextSpan& span : spans) {
        const std::size_t end = std::min(text.size(), span.start + std::min(span.length, text.size()));
        for (std::size_t k = std::min(span.start, text.size()); k < end; ++k) hide[k] = true;
    }
    std::string out;
    out.reserve(text.size());
    for (std::size_t k = 0; k < text.size(); ++k) {
        const char c = text[k];
        if (!hide[k] || c == ' ' || c == '\n' || c == '\r' || c == '\t') {
            out += c;
        } else if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) {
            out += '*';  // one star per character: continuation bytes of UTF-8 add none
        }
    }
    return out;
}

}  // namespace agentdesk::engine
