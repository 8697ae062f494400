#include "view/chat_panel.hpp"

#include <agentdesk/local_files.hpp>
#include <agentdesk/system_open.hpp>
#include <agentdesk/text.hpp>
#include <agentdesk/ui/icons.hpp>

#include <imgui.h>

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <ctime>

extern "C" char** environ;

namespace agentdesk::chat {

namespace {

const ImVec4 kCustomer(0.55f, 0.78f, 1.0f, 1.0f);
const ImVec4 kAgent(0.45f, 0.85f, 0.55f, 1.0f);
const ImVec4 kSystem(0.65f, 0.65f, 0.70f, 1.0f);
const ImVec4 kWarning(0.95f, 0.66f, 0.20f, 1.0f);

const char* mediumIcon(ChatMedium medium) {
    switch (medium) {
        case ChatMedium::Sms: return AD_ICON_COMMENT;
        case ChatMedium::MobileApp: return AD_ICON_MOBILE;
        default: return AD_ICON_COMMENTS;
    }
}

const char* mediumName(ChatMedium medium) {
    switch (medium) {
        case ChatMedium::Sms: return "SMS";
        case ChatMedium::MobileApp: return "Mobile app";
        default: return "Web chat";
    }
}

std::string timeOfDay(std::int64_t epochMs) {
    const std::time_t seconds = static_cast<std::time_t>(epochMs / 1000);
    std::tm local{};
    localtime_r(&seconds, &local);
    return fmt::format("{:02}:{:02}", local.tm_hour, local.tm_min);
}

/// Thumbnails are decoded to at most this many pixels a side: sharp at twice the UI's usual size.
constexpr int kThumbnailPixels = 320;

bool isPicture(const events::Attachment& attachment) { return attachment.mimeType.starts_with("image/"); }

const char* deliveryMark(events::Delivery delivery) {
    switch (delivery) {
        case events::Delivery::Sent: return AD_ICON_CHECK;
        case events::Delivery::Delivered: return AD_ICON_CHECK AD_ICON_CHECK;
        case events::Delivery::Read: return AD_ICON_CHECK_CIRCLE " read";
    }
    return "";
}

std::string customerOf(const ChatSession& session) {
    return session.offer.customerName.empty() ? session.offer.from : session.offer.customerName;
}

}  // namespace

ChatPanel::ChatPanel(ChatSessions& model, HostApi& host) : model_(model), host_(host) {
    subscriptions_.push_back(host_.bus().subscribe<events::AgentMetricsSnapshot>(
        [this](const events::AgentMetricsSnapshot& e) { colleagues_ = e.agents; }));
    subscriptions_.push_back(host_.bus().subscribe<events::ServiceMetricsSnapshot>(
        [this](const events::ServiceMetricsSnapshot& e) { services_ = e.services; }));
}

void ChatPanel::draw() {
    if (std::string error = model_.takeError(); !error.empty()) {
        host_.notify({Severity::Warning, "Chat", error});
    }
    if (model_.sessions().empty()) {
        ImGui::TextDisabled("No chats. Chats you accept open here, side by side.");
        return;
    }
    const float listWidth = std::min(230.0f * ImGui::GetIO().FontGlobalScale, ImGui::GetContentRegionAvail().x * 0.3f);
    ImGui::BeginChild("##sessions", ImVec2(listWidth, 0), true);
    drawSessionList();
    ImGui::EndChild();
    ImGui::SameLine();
    ImGui::BeginChild("##session", ImVec2(0, 0), false);
    if (const ChatSession* active = model_.find(model_.active())) drawSession(*active);
    ImGui::EndChild();
}

void ChatPanel::drawSessionList() {
    for (const ChatSession& session : model_.sessions()) {
        const std::string& id = session.offer.interactionId;
        ImGui::PushID(id.c_str());
        const bool active = id == model_.active();
        std::string label = fmt::format("{} {}", mediumIcon(session.offer.medium), customerOf(session));
        if (ImGui::Selectable(label.c_str(), active, 0, ImVec2(0, ImGui::GetTextLineHeight() * 2.2f))) model_.activate(id);
        // Second line: the service, and what needs attention.
        const ImVec2 end = ImGui::GetItemRectMax();
        const ImVec2 start = ImGui::GetItemRectMin();
        ImDrawList* draw = ImGui::GetWindowDrawList();
        const float line = ImGui::GetTextLineHeight();
        std::string status = session.ended ? (session.endedBy == events::EndedBy::Customer ? "customer left" : "ended")
                             : session.customerTyping ? "typing..."
                                                      : session.offer.serviceName;
        draw->AddText(ImVec2(start.x + line * 1.4f, start.y + line * 1.1f), ImGui::GetColorU32(ImGuiCol_TextDisabled),
                      status.c_str());
        if (session.unread > 0) {
            const std::string count = std::to_string(session.unread);
            const ImVec2 size = ImGui::CalcTextSize(count.c_str());
            const ImVec2 centre(end.x - size.x - 8, start.y + line * 0.6f);
            draw->AddRectFilled(ImVec2(centre.x - 5, centre.y - 1), ImVec2(centre.x + size.x + 5, centre.y + size.y + 1),
                                ImGui::GetColorU32(kWarning), size.y);
            draw->AddText(centre, IM_COL32(20, 20, 20, 255), count.c_str());
        } else if (!session.draft.empty()) {
            draw->AddText(ImVec2(end.x - line * 1.2f, start.y + line * 0.1f), ImGui::GetColorU32(ImGuiCol_TextDisabled),
                          AD_ICON_KEYBOARD);
        }
        ImGui::PopID();
    }
}

void ChatPanel::drawSession(const ChatSession& session) {
    drawHeader(session);
    ImGui::Separator();
    const float inputHeight = ImGui::GetTextLineHeightWithSpacing() * 4 + ImGui::GetFrameHeightWithSpacing();
    ImGui::BeginChild("##transcript", ImVec2(0, -inputHeight), false);
    drawTranscript(session);
    ImGui::EndChild();
    drawInput(session);
}

void ChatPanel::drawHeader(const ChatSession& session) {
    const events::Offered& offer = session.offer;
    const std::string& id = offer.interactionId;
    ImGui::TextUnformatted(fmt::format("{} {}", mediumIcon(offer.medium), customerOf(session)).c_str());
    ImGui::SameLine();
    ImGui::TextDisabled("%s", fmt::format("{} · {} · {}", mediumName(offer.medium), offer.serviceName, offer.from).c_str());
    if (!offer.details.empty()) {
        std::string details;
        for (const auto& [key, value] : offer.details) details += fmt::format("{}{}: {}", details.empty() ? "" : "   ", key, value);
        ImGui::TextDisabled("%s", details.c_str());
    }
    if (!offer.transferNote.empty()) ImGui::TextColored(kWarning, "%s", fmt::format("{} Transfer note: {}", AD_ICON_EXCHANGE, offer.transferNote).c_str());
    if (session.coBrowse == events::CoBrowseState::Active) {
        ImGui::TextColored(kAgent, "%s", fmt::format("{} Co-browsing {}", AD_ICON_EYE, session.coBrowseUrl).c_str());
    } else if (session.coBrowse == events::CoBrowseState::Requested) {
        ImGui::TextColored(kWarning, "%s Co-browsing requested, waiting for the customer", AD_ICON_EYE);
    }
    for (const events::ChatForm& form : session.forms) {
        const char* state = form.status == events::FormStatus::Sent ? "sent, waiting" : form.status == events::FormStatus::Filled ? "filled" : "failed";
        ImGui::TextColored(form.status == events::FormStatus::Failed ? kWarning : kSystem, "%s",
                           fmt::format("{} {}: {}{}", AD_ICON_LOCK, form.title, state, form.detail.empty() ? "" : " - " + form.detail).c_str());
    }

    const bool live = !session.ended;
    ImGui::BeginDisabled(!live);
    if (ImGui::Button(AD_ICON_EXCHANGE " Transfer")) ImGui::OpenPopup("transfer");
    ImGui::SameLine();
    if (ImGui::Button(AD_ICON_LOCK " Form")) ImGui::OpenPopup("forms");
    ImGui::SameLine();
    if (session.coBrowse == events::CoBrowseState::Active || session.coBrowse == events::CoBrowseState::Requested) {
        if (ImGui::Button(AD_ICON_EYE " Stop co-browsing")) model_.stopCoBrowse(id);
    } else if (ImGui::Button(AD_ICON_EYE " Co-browse")) {
        model_.requestCoBrowse(id);
    }
    ImGui::SameLine();
    if (ImGui::Button(AD_ICON_TIMES " End chat")) model_.end(id);
    ImGui::EndDisabled();
    if (session.ended) {
        ImGui::SameLine();
        ImGui::TextColored(kWarning, "%s", session.endedBy == events::EndedBy::Customer
                                               ? "The customer left. Wrap up in Active Communications."
                                               : "Chat ended. Wrap up in Active Communications.");
    }
    drawTransferPopup(session);
    if (ImGui::BeginPopup("forms")) {
        if (model_.forms().empty()) ImGui::TextDisabled("No secure forms are configured.");
        for (const events::SecureForm& form : model_.forms()) {
            if (ImGui::Selectable(form.title.c_str())) model_.sendForm(id, form.id);
            if (ImGui::IsItemHovered()) ImGui::SetTooltip("Fields: %s", fmt::format("{}", fmt::join(form.fields, ", ")).c_str());
        }
        ImGui::EndPopup();
    }
}

void ChatPanel::drawTransferPopup(const ChatSession& session) {
    if (!ImGui::BeginPopup("transfer")) return;
    ImGui::TextUnformatted("Transfer with the transcript. Note for the colleague:");
    ImGui::SetNextItemWidth(360);
    ImGui::InputText("##note", note_, sizeof note_);
    ImGui::Separator();
    ImGui::TextDisabled("Colleagues");
    int shown = 0;
    for (const events::AgentMetrics& colleague : colleagues_) {
        if (colleague.state == AgentState::LoggedOut || colleague.agentId == session.offer.agentId) continue;
        ++shown;
        const bool available = colleague.state == AgentState::Ready || colleague.state == AgentState::Busy;
        std::string label = fmt::format("{}  ({})##{}", colleague.displayName, displayName(colleague.state), colleague.agentId);
        if (ImGui::Selectable(label.c_str(), false, available ? 0 : ImGuiSelectableFlags_Disabled)) {
            model_.transferToAgent(session.offer.interactionId, colleague.agentId, note_);
            note_[0] = 0;
        }
    }
    if (shown == 0) ImGui::TextDisabled("Nobody else is logged in.");
    ImGui::Separator();
    ImGui::TextDisabled("Services");
    for (const events::ServiceMetrics& service : services_) {
        if (service.channel != Channel::Chat) continue;
        std::string label = fmt::format("{}  ({} waiting)##{}", service.name, service.inQueue, service.serviceId);
        if (ImGui::Selectable(label.c_str())) {
            model_.transferToService(session.offer.interactionId, service.serviceId, note_);
            note_[0] = 0;
        }
    }
    ImGui::EndPopup();
}

void ChatPanel::drawTranscript(const ChatSession& session) {
    const float width = ImGui::GetContentRegionAvail().x;
    const float wrap = std::max(50.0f, width - ImGui::GetStyle().ItemSpacing.x);
    const float lineHeight = ImGui::GetTextLineHeightWithSpacing();
    const float thumbnail = std::round(ImGui::GetFontSize() * 9.0f);
    // Heights of every line at this width. Lines are only ever added (a delivery mark changes no
    // height), so new lines extend the table and only a new chat or width measures everything again.
    auto heightOf = [&](const events::ChatMessage& line) {
        float height = lineHeight;  // the author and time
        if (!line.text.empty()) height += ImGui::CalcTextSize(line.text.c_str(), nullptr, false, wrap).y;
        for (const events::Attachment& attachment : line.attachments) {
            height += lineHeight + (isPicture(attachment) ? thumbnail + ImGui::GetStyle().ItemSpacing.y : 0.0f);
        }
        return height + ImGui::GetStyle().ItemSpacing.y * 2;
    };
    const bool sameView = heightsFor_ == session.offer.interactionId && heightsWidth_ == wrap;
    if (!sameView || heightsReflowed_ != session.reflowed || lineTops_.size() != session.messages.size() + 1) {
        if (!sameView || heightsReflowed_ != session.reflowed || lineTops_.size() > session.messages.size() + 1) {
            lineTops_.assign(1, 0.0f);
            if (heightsFor_ != session.offer.interactionId) linesSeen_ = 0;
        }
        for (std::size_t i = lineTops_.size() - 1; i < session.messages.size(); ++i) {
            lineTops_.push_back(lineTops_.back() + heightOf(session.messages[i]));
        }
        heightsFor_ = session.offer.interactionId;
        heightsReflowed_ = session.reflowed;
        heightsWidth_ = wrap;
    }
    const float scrollY = ImGui::GetScrollY();
    const float visible = ImGui::GetWindowHeight();
    const bool atBottom = scrollY >= ImGui::GetScrollMaxY() - 4;
    // Only the lines inside the view are drawn.
    const auto first = static_cast<std::size_t>(
        std::max<std::ptrdiff_t>(0, std::upper_bound(lineTops_.begin(), lineTops_.end(), scrollY) - lineTops_.begin() - 1));
    const float origin = ImGui::GetCursorPosY();
    for (std::size_t i = first; i < session.messages.size() && lineTops_[i] <= scrollY + visible; ++i) {
        const events::ChatMessage& line = session.messages[i];
        ImGui::SetCursorPosY(origin + lineTops_[i]);
        ImGui::PushID(static_cast<int>(i));
        const ImVec4 colour = line.from == events::Party::Customer ? kCustomer : line.from == events::Party::Agent ? kAgent : kSystem;
        const std::string who = line.from == events::Party::System ? "" : line.authorName;
        ImGui::TextColored(colour, "%s", fmt::format("{}{}{}", who, who.empty() ? "" : "  ", timeOfDay(line.atMs)).c_str());
        if (line.from == events::Party::Agent) {
            ImGui::SameLine();
            ImGui::TextDisabled("%s", deliveryMark(line.delivery));
        }
        if (!line.text.empty()) {
            if (line.from == events::Party::System) ImGui::PushStyleColor(ImGuiCol_Text, kSystem);
            ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + wrap);
            ImGui::TextUnformatted(line.text.c_str());
            ImGui::PopTextWrapPos();
            if (line.from == events::Party::System) ImGui::PopStyleColor();
        }
        for (const events::Attachment& attachment : line.attachments) {
            if (isPicture(attachment)) drawThumbnail(attachment, thumbnail);
            const std::string label = fmt::format("{} {} ({}, {})##{}", AD_ICON_PAPERCLIP, attachment.name,
                                                  attachment.mimeType, text::sizeText(attachment.sizeBytes), attachment.fileId);
            if (ImGui::SmallButton(label.c_str())) openAttachment(attachment);
            if (ImGui::IsItemHovered()) ImGui::SetTooltip("Save to the downloads folder and open");
        }
        ImGui::PopID();
    }
    ImGui::SetCursorPosY(origin + lineTops_.back());
    if (session.customerTyping) ImGui::TextColored(kSystem, "%s is typing...", customerOf(session).c_str());
    ImGui::Dummy(ImVec2(1, 1));
    // Follow the conversation when the agent is at the bottom (or just opened it).
    if (session.messages.size() != linesSeen_ && (atBottom || linesSeen_ == 0)) ImGui::SetScrollHereY(1.0f);
    linesSeen_ = session.messages.size();
}

void ChatPanel::drawInput(const ChatSession& session) {
    const std::string& id = session.offer.interactionId;
    if (inputFor_ != id || session.draft != input_) {
        // The model's draft is the truth (restored, inserted from a canned response or an article).
        std::snprintf(input_, sizeof input_, "%s", session.draft.c_str());
        inputFor_ = id;
    }
    ImGuiIO& io = ImGui::GetIO();
    // Enter sends; Shift+Enter starts a new line (ImGui's multi-line input knows Ctrl+Enter for that).
    const bool ctrl = io.KeyCtrl;
    if (io.KeyShift && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter))) io.KeyCtrl = true;
    struct Completion {
        ChatSessions* model;
        const std::string* id;
        bool expanded = false;
    } completion{&model_, &id};
    if (focusInput_) {
        ImGui::SetKeyboardFocusHere();
        focusInput_ = false;
    }
    ImGui::BeginDisabled(session.ended);
    const float buttons = ImGui::CalcTextSize(AD_ICON_PAPER_PLANE " Send").x + ImGui::GetStyle().FramePadding.x * 2 + 80;
    const bool enter = ImGui::InputTextMultiline(
        "##input", input_, sizeof input_, ImVec2(-buttons, ImGui::GetTextLineHeightWithSpacing() * 4),
        ImGuiInputTextFlags_EnterReturnsTrue | ImGuiInputTextFlags_CtrlEnterForNewLine | ImGuiInputTextFlags_CallbackCompletion,
        [](ImGuiInputTextCallbackData* data) {
            auto* c = static_cast<Completion*>(data->UserData);
            const std::string before(data->Buf, static_cast<std::size_t>(data->BufTextLen));
            c->model->setDraft(*c->id, before);
            if (c->model->expandShortcut(*c->id)) {
                const std::string& after = c->model->find(*c->id)->draft;
                data->DeleteChars(0, data->BufTextLen);
                data->InsertChars(0, after.c_str());
                c->expanded = true;
            }
            return 0;
        },
        &completion);
    io.KeyCtrl = ctrl;
    if (ImGui::IsItemHovered() && !session.ended) {
        ImGui::SetTooltip("Enter sends, Shift+Enter adds a line, #shortcut then Tab inserts a canned response, /ban blacklists the customer");
    }
    if (!completion.expanded) model_.setDraft(id, input_);
    if (enter) {
        model_.sendDraft(id);
        focusInput_ = true;
    }
    ImGui::SameLine();
    ImGui::BeginGroup();
    if (ImGui::Button(AD_ICON_PAPER_PLANE " Send")) model_.sendDraft(id);
    if (ImGui::Button(AD_ICON_LIST " Canned")) ImGui::OpenPopup("canned");
    if (ImGui::Button(AD_ICON_PAPERCLIP " Attach")) ImGui::OpenPopup("attach");
    ImGui::EndGroup();
    ImGui::EndDisabled();
    drawCannedPopup(session);
    drawAttachPopup(session);
}

void ChatPanel::drawCannedPopup(const ChatSession& session) {
    ImGui::SetNextWindowSize(ImVec2(520, 380), ImGuiCond_Appearing);
    if (!ImGui::BeginPopup("canned")) return;
    ImGui::SetNextItemWidth(-1);
    ImGui::InputTextWithHint("##filter", AD_ICON_SEARCH " Search responses", cannedFilter_, sizeof cannedFilter_);
    std::string filter = cannedFilter_;
    std::transform(filter.begin(), filter.end(), filter.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    ImGui::BeginChild("##list", ImVec2(0, -ImGui::GetFrameHeightWithSpacing() * 5), true);
    std::string category;
    for (const events::CannedResponse& response : model_.canned()) {
        std::string haystack = response.title + " " + response.text + " #" + response.shortcut + " " + response.category;
        std::transform(haystack.begin(), haystack.end(), haystack.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
        if (!filter.empty() && haystack.find(filter) == std::string::npos) continue;
        if (response.category != category) {
            category = response.category;
            ImGui::TextDisabled("%s", category.c_str());
        }
        ImGui::PushID(response.id.c_str());
        std::string label = fmt::format("{}{}{}", response.title, response.shortcut.empty() ? "" : "   #", response.shortcut);
        if (ImGui::Selectable(label.c_str())) {
            model_.insertIntoDraft(session.offer.interactionId, response.text);
            focusInput_ = true;
            ImGui::CloseCurrentPopup();
        }
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", response.text.c_str());
        if (response.personal) {
            ImGui::SameLine(ImGui::GetContentRegionAvail().x - 90);
            if (ImGui::SmallButton("Edit")) {
                editing_ = response;
                std::snprintf(editTitle_, sizeof editTitle_, "%s", response.title.c_str());
                std::snprintf(editShortcut_, sizeof editShortcut_, "%s", response.shortcut.c_str());
                std::snprintf(editText_, sizeof editText_, "%s", response.text.c_str());
            }
            ImGui::SameLine();
            if (ImGui::SmallButton("Delete")) model_.deleteCanned(response.id);
        }
        ImGui::PopID();
    }
    ImGui::EndChild();
    ImGui::TextDisabled("%s", editing_.id.empty() ? "New personal response" : "Edit your response");
    ImGui::SetNextItemWidth(220);
    ImGui::InputTextWithHint("##title", "Title", editTitle_, sizeof editTitle_);
    ImGui::SameLine();
    ImGui::SetNextItemWidth(120);
    ImGui::InputTextWithHint("##shortcut", "shortcut", editShortcut_, sizeof editShortcut_);
    ImGui::InputTextMultiline("##text", editText_, sizeof editText_, ImVec2(-90, ImGui::GetFrameHeight() * 2));
    ImGui::SameLine();
    if (ImGui::Button("Save")) {
        editing_.title = editTitle_;
        editing_.shortcut = editShortcut_;
        editing_.text = editText_;
        model_.saveCanned(editing_);
        editing_ = {};
        editTitle_[0] = editShortcut_[0] = editText_[0] = 0;
    }
    ImGui::EndPopup();
}

void ChatPanel::drawAttachPopup(const ChatSession& session) {
    if (!ImGui::BeginPopup("attach")) return;
    ImGui::TextUnformatted("Send a picture or document (PNG, JPEG, GIF, PDF, text):");
    ImGui::SetNextItemWidth(420);
    const bool enter = ImGui::InputTextWithHint("##path", "/home/me/Pictures/label.png", filePath_, sizeof filePath_,
                                                ImGuiInputTextFlags_EnterReturnsTrue);
    ImGui::SameLine();
    if ((ImGui::Button("Send file") || enter) && filePath_[0]) {
        model_.sendFile(session.offer.interactionId, filePath_);
        filePath_[0] = 0;
        ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
}

void ChatPanel::drawThumbnail(const events::Attachment& attachment, float edge) {
    Picture picture = host_.picture(attachment.fileId);
    if (picture.state == Picture::State::None && picturesAsked_.insert(attachment.fileId).second) {
        // Fetched once; evicted later, it is fetched again. A host that shows no pictures answers
        // None, and the file stays asked for so it is not fetched every frame.
        model_.fetchFile(attachment.fileId, [this, id = attachment.fileId](const events::ChatFile& file) {
            if (host_.loadPicture(id, file.data, kThumbnailPixels).state != Picture::State::None) picturesAsked_.erase(id);
        });
        picture = host_.picture(attachment.fileId);
    }
    const ImVec2 origin = ImGui::GetCursorPos();
    const ImVec2 corner = ImGui::GetCursorScreenPos();
    if (picture.state == Picture::State::Ready && picture.texture && picture.width > 0 && picture.height > 0) {
        // Fit inside a box as high as `edge` and half again as wide, never enlarged.
        const float scale = std::min({1.0f, edge * 1.5f / static_cast<float>(picture.width), edge / static_cast<float>(picture.height)});
        const ImVec2 size(std::round(picture.width * scale), std::round(picture.height * scale));
        if (ImGui::InvisibleButton("##thumbnail", size)) openAttachment(attachment);
        ImDrawList* draw = ImGui::GetWindowDrawList();
        draw->AddImage(picture.texture, corner, ImVec2(corner.x + size.x, corner.y + size.y));
        if (ImGui::IsItemHovered()) {
            draw->AddRect(corner, ImVec2(corner.x + size.x, corner.y + size.y), ImGui::GetColorU32(ImGuiCol_ButtonHovered), 0, 0, 2.0f);
            ImGui::SetTooltip("%s, %d x %d: click to save and open", attachment.name.c_str(), picture.width, picture.height);
        }
    } else {
        // Loading, not readable, or a host without pictures: a frame where the picture would be.
        const ImVec2 size(edge * 1.5f, edge);
        ImGui::GetWindowDrawList()->AddRect(corner, ImVec2(corner.x + size.x, corner.y + size.y), ImGui::GetColorU32(ImGuiCol_Border));
        const char* note = picture.state == Picture::State::Loading ? "Loading picture..."
                           : picture.state == Picture::State::Unreadable ? "Picture cannot be shown"
                                                                          : "";
        ImGui::SetCursorScreenPos(ImVec2(corner.x + ImGui::GetStyle().FramePadding.x, corner.y + ImGui::GetStyle().FramePadding.y));
        ImGui::TextDisabled("%s", note);
    }
    ImGui::SetCursorPos(ImVec2(origin.x, origin.y + edge + ImGui::GetStyle().ItemSpacing.y));
}

void ChatPanel::openAttachment(const events::Attachment& attachment) {
    model_.fetchFile(attachment.fileId, [this](const events::ChatFile& file) {
        std::string problem;
        const std::optional<std::filesystem::path> saved = saveNewFile(downloadsFolder(), file.name, file.data, problem);
        if (!saved) {
            host_.notify({Severity::Error, "Attachment", problem});
            return;
        }
        host_.notify({Severity::Info, "Attachment saved", saved->string()});
        if (!host_.headless()) {
            // No shell: the name comes from the customer.
            if (!openWithSystem(saved->string())) host_.log().warn("xdg-open could not be started");
        }
    });
}

}  // namespace agentdesk::chat
