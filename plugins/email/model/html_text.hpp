#pragma once
// HTML email bodies shown safely (spec EMAIL-06): the markup is never interpreted beyond turning
// it into readable text — no scripts, no styles, no images or links fetched. Paragraphs, line
// breaks and list items become line breaks and bullets; entities are decoded.

#include <string>
#include <string_view>

namespace agentdesk::email {

/// The readable text of an HTML body.
std::string htmlToText(std::string_view html);

}  // namespace agentdesk::email
