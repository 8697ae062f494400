#include "model/shortcuts.hpp"

#include <algorithm>

#include <cctype>

namespace agentdesk::email {

namespace {

bool shortcutChar(char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.';
}

bool sameIgnoringCase(const std::string& a, const std::string& b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (std::tolower(static_cast<unsigned char>(a[i])) != std::tolower(static_cast<unsigned char>(b[i]))) return false;
    }
    return true;
}

}  // namespace

std::optional<Expansion> expandShortcut(const std::string& text, std::size_t cursor,
                                        const std::vector<events::CannedResponse>& canned, const std::string& agentName) {
    cursor = std::min(cursor, text.size());
    std::size_t start = cursor;
    while (start > 0 && shortcutChar(text[start - 1])) --start;
    if (start == cursor || start == 0 || text[start - 1] != '#') return std::nullopt;
    const std::size_t hash = start - 1;
    // "#" inside a word (an order "A#12") is not a shortcut.
    if (hash > 0 && !std::isspace(static_cast<unsigned char>(text[hash - 1]))) return std::nullopt;
    const std::string word = text.substr(start, cursor - start);
    const events::CannedResponse* found = nullptr;
    for (const events::CannedResponse& response : canned) {
        if (!response.shortcut.empty() && response.shortcut == word) {
            found = &response;
            break;
        }
    }
    for (std::size_t i = 0; !found && i < canned.size(); ++i) {
        if (!canned[i].shortcut.empty() && sameIgnoringCase(canned[i].shortcut, word)) found = &canned[i];
    }
    if (!found) return std::nullopt;
    std::string inserted = found->text;
    for (auto at = inserted.find("{agent}"); at != std::string::npos; at = inserted.find("{agent}", at + agentName.size())) {
        inserted.replace(at, 7, agentName);
    }
    Expansion out;
    out.text = text.substr(0, hash) + inserted + text.substr(cursor);
    out.cursor = hash + inserted.size();
    return out;
}

}  // namespace agentdesk::email
