#pragma once
// Draws text whose matched words are wrapped in kMarkStart / kMarkEnd (titles, snippets and
// article bodies from the knowledge base): each marked run gets a highlight behind it. Dear
// ImGui 1.86 has no rich text, so the words are laid out here and drawn with the window's draw list.

#include <string_view>

struct ImVec2;

namespace agentdesk::kb {

/// Wraps `text` at `wrapWidth` (paragraphs at '\n') from the cursor, highlighting marked words;
/// takes the space as one ImGui item.
void markedTextWrapped(std::string_view text, float wrapWidth);

/// Draws `text` on one line at `pos`, clipped to `maxWidth`, highlighting marked words. `dim`
/// draws unmarked words in the disabled colour. Does not move the cursor.
void markedTextLine(const ImVec2& pos, float maxWidth, std::string_view text, bool dim = false);

}  // namespace agentdesk::kb
