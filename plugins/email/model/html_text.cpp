#include "model/html_text.hpp"

#include <array>
#include <cctype>
#include <cstdint>
#include <utility>

namespace agentdesk::email {

namespace {

std::string lower(std::string_view text) {
    std::string out(text);
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

void appendUtf8(std::string& out, std::uint32_t code) {
    if (code < 0x80) {
        out += static_cast<char>(code);
    } else if (code < 0x800) {
        out += static_cast<char>(0xC0 | (code >> 6));
        out += static_cast<char>(0x80 | (code & 0x3F));
    } else if (code < 0x10000) {
        out += static_cast<char>(0xE0 | (code >> 12));
        out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (code & 0x3F));
    } else if (code < 0x110000) {
        out += static_cast<char>(0xF0 | (code >> 18));
        out += static_cast<char>(0x80 | ((code >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (code & 0x3F));
    }
}

/// Decodes the entity at `i` ('&'); returns the characters consumed, 0 when it is not one.
std::size_t entity(std::string_view html, std::size_t i, std::string& out) {
    const std::size_t end = html.find(';', i);
    if (end == std::string_view::npos || end - i > 10) return 0;
    const std::string_view name = html.substr(i + 1, end - i - 1);
    static constexpr std::array<std::pair<std::string_view, std::string_view>, 9> named{{
        {"amp", "&"}, {"lt", "<"}, {"gt", ">"}, {"quot", "\""}, {"apos", "'"}, {"nbsp", " "},
        {"euro", "\xE2\x82\xAC"}, {"copy", "\xC2\xA9"}, {"hellip", "\xE2\x80\xA6"}}};
    for (const auto& [key, value] : named) {
        if (name == key) {
            out += value;
            return end - i + 1;
        }
    }
    if (name.size() > 1 && name[0] == '#') {
        std::uint32_t code = 0;
        const bool hex = name[1] == 'x' || name[1] == 'X';
        for (std::size_t k = hex ? 2 : 1; k < name.size(); ++k) {
            const char c = name[k];
            int digit = -1;
            if (c >= '0' && c <= '9') digit = c - '0';
            else if (hex && c >= 'a' && c <= 'f') digit = c - 'a' + 10;
            else if (hex && c >= 'A' && c <= 'F') digit = c - 'A' + 10;
            if (digit < 0 || code > 0x10FFFF) return 0;
            code = code * (hex ? 16 : 10) + static_cast<std::uint32_t>(digit);
        }
        if (code == 0 || code > 0x10FFFF) return 0;
        appendUtf8(out, code);
        return end - i + 1;
    }
    return 0;
}

void newline(std::string& out) {
    while (!out.empty() && out.back() == ' ') out.pop_back();
    out += '\n';
}

}  // namespace

std::string htmlToText(std::string_view html) {
    std::string out;
    std::size_t i = 0;
    bool space = false;  // whitespace seen and not yet written
    while (i < html.size()) {
        const char c = html[i];
        if (c == '<') {
            const std::size_t close = html.find('>', i);
            if (close == std::string_view::npos) break;  // a broken tag: drop the rest
            std::string_view tag = html.substr(i + 1, close - i - 1);
            if (tag.starts_with("!--")) {
                const std::size_t end = html.find("-->", i);
                i = end == std::string_view::npos ? html.size() : end + 3;
                continue;
            }
            const bool closing = tag.starts_with('/');
            if (closing) tag.remove_prefix(1);
            std::size_t nameEnd = 0;
            while (nameEnd < tag.size() && std::isalnum(static_cast<unsigned char>(tag[nameEnd]))) ++nameEnd;
            const std::string name = lower(tag.substr(0, nameEnd));
            i = close + 1;
            if (!closing && (name == "script" || name == "style" || name == "head" || name == "title")) {
                // Their content is not text for the reader: skip to the closing tag.
                const std::string lowered = lower(html.substr(i));
                const std::size_t end = lowered.find("</" + name);
                if (end == std::string::npos) break;
                i += end;
                const std::size_t endClose = html.find('>', i);
                i = endClose == std::string_view::npos ? html.size() : endClose + 1;
                continue;
            }
            if (name == "br") {
                newline(out);
                space = false;
            } else if (name == "p" || name == "div" || name == "tr" || name == "h1" || name == "h2" || name == "h3" ||
                       name == "ul" || name == "ol" || name == "blockquote" || name == "table") {
                if (!out.empty() && out.back() != '\n') newline(out);
                if (closing && name == "p" && !out.empty()) newline(out);
                space = false;
            } else if (name == "li" && !closing) {
                if (!out.empty() && out.back() != '\n') newline(out);
                out += "\xE2\x80\xA2 ";
                space = false;
            } else if (name == "td" || name == "th") {
                space = true;
            }
            continue;
        }
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            space = true;
            ++i;
            continue;
        }
        if (space && !out.empty() && out.back() != '\n') out += ' ';
        space = false;
        if (c == '&') {
            if (const std::size_t used = entity(html, i, out)) {
                i += used;
                continue;
            }
        }
        out += c;
        ++i;
    }
    while (!out.empty() && (out.back() == '\n' || out.back() == ' ')) out.pop_back();
    return out;
}

}  // namespace agentdesk::email
