#pragma once
// How plugins on one desktop cooperate without knowing each other (spec UI-*, KB-02): which
// interaction the agent is working on, and putting text into whichever editor handles it.
//
//   desktop.interaction.selected   the agent brought an interaction forward (any plugin may say so)
//   compose.insert            ->   compose.inserted from the plugin whose editor took the text
//   desktop.dial                   put a number in the dialer, for the agent to choose the service and call
//   desktop.teamchat.open          open the internal chat with a colleague
//
// These stay on the desktop: a contact center back end neither publishes nor answers them.

#include "agentdesk/codec.hpp"
#include "agentdesk/types.hpp"

#include <string>

namespace agentdesk::events {

/// Event: the agent selected an interaction (in the active communications list, a chat tab, an
/// email case). "" when nothing is selected any more. Channel plugins bring their panel forward;
/// helpers such as the knowledge base follow it for suggestions.
struct InteractionSelected {
    static constexpr std::string_view topic = "desktop.interaction.selected";
    std::string interactionId;
    Channel channel = Channel::Voice;
    MSGPACK_DEFINE_MAP(interactionId, channel)
};

/// Command: insert text at the cursor of the editor that composes for this interaction (the chat
/// input, the email reply), for the agent to edit before sending. interactionId "" means the
/// selected one. Answered by Inserted from the plugin owning that editor; when no editor takes it
/// nothing answers, and the sender falls back (e.g. copies the text to the clipboard).
struct InsertText {
    static constexpr std::string_view topic = "compose.insert";
    std::string interactionId;
    std::string text;
    std::string source;  ///< who offers it, e.g. "kb:article-id", so the use can be counted
    MSGPACK_DEFINE_MAP(interactionId, text, source)
};

/// Event: the text is in the editor.
struct Inserted {
    static constexpr std::string_view topic = "compose.inserted";
    std::string interactionId;
    std::string source;
    MSGPACK_DEFINE_MAP(interactionId, source)
};

/// Command: get a call ready to a number found elsewhere (the directory, a contact record): the
/// plugin with the dialer puts the number in it and brings it forward; the agent places the call.
struct PrepareDial {
    static constexpr std::string_view topic = "desktop.dial";
    std::string number;
    std::string name;  ///< who is called, for the agent to see
    MSGPACK_DEFINE_MAP(number, name)
};

/// Command: open the internal conversation with a colleague and bring it forward.
struct OpenTeamChat {
    static constexpr std::string_view topic = "desktop.teamchat.open";
    std::string agentId;
    MSGPACK_DEFINE_MAP(agentId)
};

}  // namespace agentdesk::events
