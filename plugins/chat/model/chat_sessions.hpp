#pragma once
// The agent's chat sessions as the chat panel shows them (spec CHAT-*, MOBILE-01), built from bus
// events only: one session per chat this desktop's agent works on, with its transcript, unread
// count, the customer's typing indicator, co-browsing and forms, and the agent's unsent draft.
// Commands go out through the bus; what the center refuses comes back as `lastError`.
// No ImGui here: the panel reads this model and calls its actions.

#include <agentdesk/bus.hpp>
#include <agentdesk/clock.hpp>
#include <agentdesk/current_agent.hpp>
#include <agentdesk/events/chat.hpp>
#include <agentdesk/events/interaction.hpp>

#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace agentdesk::chat {

/// One chat the agent works on.
struct ChatSession {
    events::Offered offer;                         ///< who, which service, medium, details
    std::vector<events::ChatMessage> messages;     ///< oldest first
    std::string draft;                             ///< what the agent typed and has not sent
    int unread = 0;                                ///< customer lines since the agent last looked
    bool customerTyping = false;
    bool ended = false;                            ///< the conversation is over (wrap-up may follow)
    events::EndedBy endedBy = events::EndedBy::Agent;
    events::CoBrowseState coBrowse = events::CoBrowseState::Ended;
    std::string coBrowseUrl;
    std::vector<events::ChatForm> forms;           ///< latest status of each form sent, by request
    std::uint64_t revision = 0;                    ///< changes whenever the transcript does
    std::uint64_t reflowed = 0;                    ///< changes when a line was replaced or inserted before others
};

class ChatSessions {
public:
    /// Called when a chat needs the agent's eye (a new session, or a customer line in a background one).
    using Attention = std::function<void(const ChatSession&)>;
    /// Called when drafts changed, so they can be saved.
    using DraftsChanged = std::function<void()>;

    ChatSessions(Bus& bus, const Clock& clock, Attention attention = {}, DraftsChanged draftsChanged = {});

    /// Sessions in the order they started.
    const std::vector<ChatSession>& sessions() const { return sessions_; }
    const ChatSession* find(std::string_view interactionId) const;
    /// The session the agent looks at ("" when none).
    const std::string& active() const { return active_; }
    /// Shows a session: its unread count is cleared; others hear of it (desktop.interaction.selected).
    void activate(const std::string& interactionId);
    /// The next session after the active one (wraps), for the "next chat" shortcut.
    void activateNext();

    /// Replaces the draft of a session; tells the customer when the agent starts or stops typing.
    void setDraft(const std::string& interactionId, std::string text);
    /// Sends the draft: "/ban" blacklists the customer and ends the chat; anything else is a message.
    /// The draft is kept until the center confirms, and restored when it refuses.
    void sendDraft(const std::string& interactionId);
    /// Replaces a trailing "#shortcut" of the draft by its canned response; false when none matches.
    bool expandShortcut(const std::string& interactionId);
    /// Appends a text to the draft (a canned response, a knowledge-base article).
    void insertIntoDraft(const std::string& interactionId, const std::string& text);

    /// Sends a file from disk; unreadable files are refused here with a message.
    void sendFile(const std::string& interactionId, const std::filesystem::path& file);
    void transferToAgent(const std::string& interactionId, const std::string& agentId, const std::string& note);
    void transferToService(const std::string& interactionId, const std::string& serviceId, const std::string& note);
    void sendForm(const std::string& interactionId, const std::string& formId);
    void requestCoBrowse(const std::string& interactionId);
    void stopCoBrowse(const std::string& interactionId);
    void end(const std::string& interactionId);
    void saveCanned(events::CannedResponse response);
    void deleteCanned(const std::string& id);
    /// Asks for a file's bytes; `done` gets them (once) when they arrive.
    void fetchFile(const std::string& fileId, std::function<void(const events::ChatFile&)> done);

    /// Canned responses (shared first) and the secure forms this agent may use.
    const std::vector<events::CannedResponse>& canned() const { return canned_; }
    const std::vector<events::SecureForm>& forms() const { return forms_; }

    /// Drafts of every session, for saving; restore() puts them back after a restart.
    std::map<std::string, std::string> drafts() const;
    void restoreDrafts(std::map<std::string, std::string> drafts);

    /// The last refusal of something this model asked for ("" when none), and clears it.
    std::string takeError();
    /// Changes whenever anything shown changed (for redraw decisions and clipping caches).
    std::uint64_t revision() const { return revision_; }

private:
    ChatSession* findMutable(std::string_view interactionId);
    void addLine(ChatSession& session, const events::ChatMessage& line);
    void remove(const std::string& interactionId);
    /// Publishes a command whose refusal should reach the agent; returns its correlation id.
    template <typename Command>
    std::uint64_t command(Command command);

    Bus& bus_;
    const Clock& clock_;
    Attention attention_;
    DraftsChanged draftsChanged_;
    CurrentAgent agent_;
    std::vector<ChatSession> sessions_;
    std::map<std::string, events::Offered, std::less<>> offers_;       // offered to this agent, not yet connected
    std::map<std::string, std::string, std::less<>> savedDrafts_;      // restored before the session came back
    std::map<std::string, std::string, std::less<>> sending_;          // draft being sent, by interaction
    std::map<std::uint64_t, std::string> sendCorrelations_;            // chat.send correlation -> interaction
    std::map<std::uint64_t, std::function<void(const events::ChatFile&)>> fileRequests_;
    std::vector<std::uint64_t> sent_;                                  // correlations of our commands
    std::vector<events::CannedResponse> canned_;
    std::vector<events::SecureForm> forms_;
    std::string active_;
    std::string error_;
    std::uint64_t revision_ = 0;
    std::vector<Subscription> subscriptions_;
};

}  // namespace agentdesk::chat
