#include "view/marked_text.hpp"

#include "model/knowledge_base.hpp"

#include <imgui.h>

#include <cfloat>
#include <vector>

namespace agentdesk::kb {

namespace {

/// A piece of one word, all marked or all not.
struct Piece {
    std::string_view text;
    bool marked = false;
};

ImU32 markBackground() { return ImGui::GetColorU32(ImVec4(0.96f, 0.72f, 0.15f, 0.42f)); }

float widthOf(std::string_view text) {
    return ImGui::GetFont()->CalcTextSizeA(ImGui::GetFontSize(), FLT_MAX, 0.0f, text.data(), text.data() + text.size()).x;
}

/// Draws the pieces of one word at `at`; returns its width.
float drawWord(ImDrawList* draw, ImVec2 at, const std::vector<Piece>& word, ImU32 plain, ImU32 marked) {
    float x = at.x;
    const float height = ImGui::GetFontSize();
    for (const Piece& piece : word) {
        const float w = widthOf(piece.text);
        if (piece.marked) {
            draw->AddRectFilled(ImVec2(x - 1, at.y), ImVec2(x + w + 1, at.y + height + 1), markBackground(), 2.0f);
        }
        draw->AddText(ImGui::GetFont(), height, ImVec2(x, at.y), piece.marked ? marked : plain, piece.text.data(),
                      piece.text.data() + piece.text.size());
        x += w;
    }
    return x - at.x;
}

/// Splits `text` into words of pieces and hands each to `word(pieces, breakAfter)`, where
/// breakAfter is ' ' or '\n' (or 0 at the end).
template <typename OnWord>
void forEachWord(std::string_view text, OnWord word) {
    std::vector<Piece> pieces;
    bool marked = false;
    std::size_t start = 0;
    auto cut = [&](std::size_t end) {
        if (end > start) pieces.push_back({text.substr(start, end - start), marked});
        start = end + 1;
    };
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == kMarkStart || c == kMarkEnd) {
            cut(i);
            marked = c == kMarkStart;
        } else if (c == ' ' || c == '\n') {
            cut(i);
            word(pieces, c);
            pieces.clear();
        } else if (c == '\r') {
            cut(i);
        }
    }
    cut(text.size());
    word(pieces, '\0');
}

}  // namespace

void markedTextWrapped(std::string_view text, float wrapWidth) {
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const float lineHeight = ImGui::GetTextLineHeightWithSpacing();
    const float space = widthOf(" ");
    const ImU32 plain = ImGui::GetColorU32(ImGuiCol_Text);
    float x = 0;
    float y = 0;
    forEachWord(text, [&](const std::vector<Piece>& word, char after) {
        float width = 0;
        for (const Piece& p : word) width += widthOf(p.text);
        if (x > 0 && x + width > wrapWidth) {
            x = 0;
            y += lineHeight;
        }
        x += drawWord(draw, ImVec2(origin.x + x, origin.y + y), word, plain, plain);
        if (after == ' ') {
            x += space;
        } else if (after == '\n') {
            x = 0;
            y += lineHeight;
        }
    });
    ImGui::Dummy(ImVec2(wrapWidth, y + lineHeight));
}

void markedTextLine(const ImVec2& pos, float maxWidth, std::string_view text, bool dim) {
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const float space = widthOf(" ");
    const ImU32 plain = ImGui::GetColorU32(dim ? ImGuiCol_TextDisabled : ImGuiCol_Text);
    const ImU32 marked = ImGui::GetColorU32(ImGuiCol_Text);
    draw->PushClipRect(pos, ImVec2(pos.x + maxWidth, pos.y + ImGui::GetTextLineHeightWithSpacing()), true);
    float x = 0;
    forEachWord(text, [&](const std::vector<Piece>& word, char after) {
        if (x > maxWidth) return;
        x += drawWord(draw, ImVec2(pos.x + x, pos.y), word, plain, marked);
        if (after) x += space;  // a line break in a snippet reads as a space
    });
    draw->PopClipRect();
}

}  // namespace agentdesk::kb
