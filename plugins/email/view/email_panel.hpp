#pragma once
// Draws the Email panel (spec EMAIL-03..18): on the left the search box, the agent's emails, My
// Queue with Take and Done, the team queue with Pull, follow-ups and search results; on the right
// the case shown, its threads with every message's headers, text (HTML shown as plain text, never
// as markup), attachments with sizes and Mask, its follow-ups, then the reply editor (in the
// agent's font, with attachments and #shortcuts) with Reply, Reply all, Forward, Transfer,
// Postpone, Close, Follow-up.

#include "model/compose_font.hpp"
#include "model/email_desk.hpp"

#include <agentdesk/events/metrics.hpp>
#include <agentdesk/host_api.hpp>

#include <cstdint>

struct ImFont;
#include <string>
#include <vector>

namespace agentdesk::email {

class EmailPanel {
public:
    EmailPanel(EmailDesk& model, HostApi& host);
    void draw();
    /// Puts the keyboard in the search box at the next frame.
    void focusSearch() { focusSearch_ = true; }

private:
    void drawLists();
    void drawCase();
    void drawMessage(const events::EmailMessage& message, bool canMask);
    void drawActions(const EmailWork* work);
    void drawEditor(const EmailWork* work);
    void drawPopups(const EmailWork* work);
    void drawMyQueue(const std::string& shownCase);
    void drawEditorBar();
    /// The atlas font for the agent's family (nullptr: the current one), and the scale for their size.
    ImFont* editorFont(float& scale) const;

    EmailDesk& model_;
    HostApi& host_;
    std::vector<events::AgentMetrics> colleagues_;
    std::vector<events::ServiceMetrics> services_;
    std::vector<Subscription> subscriptions_;
    bool focusSearch_ = false;
    char search_[256] = {};
    int stateFilter_ = 0;
    char reply_[16384] = {};
    std::string editorDraft_;       // the model's draft as last copied into reply_
    bool editorActive_ = false;     // the reply editor had the keyboard last frame
    float editorHeight_ = 0.0f;
    char address_[256] = {};
    char note_[512] = {};
    char subject_[256] = {};
    char body_[8192] = {};
    bool composeInCase_ = false;
    int composeService_ = 0;
    int disposition_ = 0;
    int followUpHours_ = 24;
    std::int64_t masking_ = 0;      // the message whose text is open for masking
    int selectionStart_ = 0;
    int selectionEnd_ = 0;
    std::string maskText_;
    ComposeFontSetting font_;
    std::string fontAgent_;         // whose font font_ holds
    char attachPath_[1024] = {};
    char composePath_[1024] = {};
    std::vector<events::EmailFile> composeFiles_;
    int postponeHours_ = 2;
    bool postponeUntil_ = true;
    std::int64_t finishing_ = 0;    // the follow-up whose Done popup is open
};

}  // namespace agentdesk::email
