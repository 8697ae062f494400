#pragma once
// Draws the Chats panel: the agent's sessions on the left (customer, medium, unread count,
// typing), the active one on the right — header with the customer's details and the chat's
// tools (transfer, form, co-browsing, end), the transcript (clipped to what is visible, so
// thousands of lines cost nothing; pictures show as thumbnails), and the input (Enter sends,
// Shift+Enter a new line, #shortcut then Tab inserts a canned response, /ban blacklists the
// customer).

#include "model/chat_sessions.hpp"

#include <agentdesk/events/metrics.hpp>
#include <agentdesk/host_api.hpp>

#include <map>
#include <set>
#include <string>
#include <vector>

namespace agentdesk::chat {

class ChatPanel {
public:
    ChatPanel(ChatSessions& model, HostApi& host);
    void draw();
    /// Puts the keyboard focus in the active chat's input on the next frame.
    void focusInput() { focusInput_ = true; }

private:
    void drawSessionList();
    void drawSession(const ChatSession& session);
    void drawHeader(const ChatSession& session);
    void drawTranscript(const ChatSession& session);
    void drawInput(const ChatSession& session);
    void drawTransferPopup(const ChatSession& session);
    void drawCannedPopup(const ChatSession& session);
    void drawAttachPopup(const ChatSession& session);
    void openAttachment(const events::Attachment& attachment);
    /// A picture attachment's thumbnail in a box `edge` high, fetched and decoded the first time it shows.
    void drawThumbnail(const events::Attachment& attachment, float edge);

    ChatSessions& model_;
    HostApi& host_;
    // Transcript clipping: line tops for the current wrap width; new lines extend it, a new chat,
    // width or reflow measures again.
    std::string heightsFor_;
    std::uint64_t heightsReflowed_ = 0;
    float heightsWidth_ = 0;
    std::vector<float> lineTops_;  // y of each line's top, plus the total height at the end
    std::size_t linesSeen_ = 0;    // to scroll down when new lines arrive
    std::set<std::string> picturesAsked_;  // files fetched for a thumbnail (or that this host cannot show)
    // Editors
    std::string inputFor_;
    char input_[4096] = {};
    char note_[256] = {};
    char filePath_[512] = {};
    char cannedFilter_[64] = {};
    events::CannedResponse editing_;
    char editTitle_[128] = {};
    char editShortcut_[32] = {};
    char editText_[1024] = {};
    bool focusInput_ = false;
    // Colleagues and services to transfer to, from the center's figures.
    std::vector<events::AgentMetrics> colleagues_;
    std::vector<events::ServiceMetrics> services_;
    std::vector<Subscription> subscriptions_;
};

}  // namespace agentdesk::chat
