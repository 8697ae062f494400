#include "view/email_panel.hpp"

#include "model/html_text.hpp"

#include <agentdesk/system_open.hpp>
#include <agentdesk/text.hpp>
#include <agentdesk/ui/icons.hpp>

#include <imgui.h>

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cstring>
#include <filesystem>
#include <string_view>
#include <utility>

namespace agentdesk::email {

namespace {

const ImVec4 kAccent(0.45f, 0.70f, 0.95f, 1.0f);
const ImVec4 kWarning(0.95f, 0.66f, 0.20f, 1.0f);
const ImVec4 kDue(0.92f, 0.35f, 0.30f, 1.0f);

constexpr const char* kStates[] = {"Any state", "Queued", "Open", "Closed"};

const char* kindLabel(events::EmailKind kind) {
    switch (kind) {
        case events::EmailKind::Inbound: return AD_ICON_INBOX " From customer";
        case events::EmailKind::Reply: return AD_ICON_SHARE " Reply";
        case events::EmailKind::Forward: return AD_ICON_SHARE " Forwarded";
        case events::EmailKind::Outbound: return AD_ICON_PAPER_PLANE " Sent";
    }
    return "";
}

void copyInto(char* buffer, std::size_t size, const std::string& text) {
    const std::size_t n = std::min(size - 1, text.size());
    std::memcpy(buffer, text.data(), n);
    buffer[n] = 0;
}

}  // namespace

EmailPanel::EmailPanel(EmailDesk& model, HostApi& host)
    : model_(model),
      host_(host),
      font_([&host] { return host.loadSettings(); }, [&host](const nlohmann::json& settings) { host.saveSettings(settings); }) {
    subscriptions_.push_back(host_.bus().subscribe<events::AgentMetricsSnapshot>(
        [this](const events::AgentMetricsSnapshot& e) { colleagues_ = e.agents; }));
    subscriptions_.push_back(host_.bus().subscribe<events::ServiceMetricsSnapshot>(
        [this](const events::ServiceMetricsSnapshot& e) { services_ = e.services; }));
}

void EmailPanel::draw() {
    if (model_.agentId() != fontAgent_) {  // each agent writes in their own font
        fontAgent_ = model_.agentId();
        font_.useAgent(fontAgent_);
    }
    if (std::string error = model_.takeError(); !error.empty()) host_.notify({Severity::Warning, "Email", error});
    if (const std::filesystem::path saved = model_.takeSaved(); !saved.empty()) {
        host_.notify({Severity::Info, "Attachment saved", saved.string()});
        // No shell: the name comes from the customer.
        if (!host_.headless() && !openWithSystem(saved.string())) host_.log().warn("xdg-open could not be started");
    }
    // Side by side when there is room; in a narrow panel the lists go above the case.
    const ImVec2 room = ImGui::GetContentRegionAvail();
    if (room.x >= 640.0f) {
        ImGui::BeginChild("lists", ImVec2(std::max(230.0f, room.x * 0.28f), 0), true);
        drawLists();
        ImGui::EndChild();
        ImGui::SameLine();
    } else {
        ImGui::BeginChild("lists", ImVec2(0, std::max(110.0f, room.y * (model_.myQueue().empty() ? 0.28f : 0.36f))), true);
        drawLists();
        ImGui::EndChild();
    }
    ImGui::BeginChild("case", ImVec2(0, 0), false);
    drawCase();
    ImGui::EndChild();
}

// ---- the left side: search, my emails, team queue, follow-ups, results --------------------------------

void EmailPanel::drawLists() {
    if (focusSearch_) {
        ImGui::SetKeyboardFocusHere();
        focusSearch_ = false;
    }
    ImGui::SetNextItemWidth(std::max(120.0f, ImGui::GetContentRegionAvail().x - 110.0f));
    if (ImGui::InputTextWithHint("##search", AD_ICON_SEARCH " Search cases: words, address, C-1001", search_, sizeof search_,
                                 ImGuiInputTextFlags_EnterReturnsTrue)) {
        std::string text = search_;
        std::string customer;
        // An address or a case number typed alone searches by it rather than by words.
        if (text.find('@') != std::string::npos && text.find(' ') == std::string::npos) std::swap(text, customer);
        model_.search(text, customer, stateFilter_ == 0 ? std::string() : kStates[stateFilter_]);
    }
    ImGui::SameLine();
    ImGui::SetNextItemWidth(-1);
    ImGui::Combo("##state", &stateFilter_, kStates, IM_ARRAYSIZE(kStates));

    const std::string shownCase = model_.shown() ? model_.shown()->summary.caseId : std::string();
    // What the agent just searched for comes first.
    if (!model_.results().empty()) {
        ImGui::TextColored(kAccent, AD_ICON_SEARCH " Found (%zu)", model_.results().size());
        for (const events::EmailCaseSummary& found : model_.results()) {
            ImGui::PushID(found.caseId.c_str());
            if (ImGui::Selectable(fmt::format("{}  {}  ({})", found.caseId, found.subject, enumName(found.state)).c_str(),
                                  found.caseId == shownCase)) {
                model_.showCase(found.caseId);
            }
            ImGui::TextDisabled("  %s", found.snippet.empty() ? found.customerAddress.c_str() : found.snippet.c_str());
            if (ImGui::IsItemHovered() && !found.snippet.empty()) ImGui::SetTooltip("%s", found.snippet.c_str());
            ImGui::PopID();
        }
        ImGui::Spacing();
    }

    ImGui::TextColored(kAccent, AD_ICON_ENVELOPE " My emails (%zu)", model_.work().size());
    if (model_.work().empty()) ImGui::TextDisabled("  None. Pull one from the team queue.");
    for (const EmailWork& work : model_.work()) {
        const std::string who = work.offer.customerName.empty() ? work.offer.from : work.offer.customerName;
        const std::string label = fmt::format("{}{}  {}##{}", work.ended ? AD_ICON_CHECK " " : "", who, work.offer.subject,
                                              work.offer.interactionId);
        if (ImGui::Selectable(label.c_str(), !work.caseId.empty() && work.caseId == shownCase)) {
            model_.showInteraction(work.offer.interactionId);
        }
    }

    drawMyQueue(shownCase);

    ImGui::Spacing();
    ImGui::TextColored(kAccent, AD_ICON_USERS " Team queue (%zu)", model_.queue().size());
    for (const events::EmailCaseSummary& waiting : model_.queue()) {
        ImGui::PushID(waiting.caseId.c_str());
        if (ImGui::SmallButton("Pull")) model_.pull(waiting.interactionId);
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("Take this email to work on it now");
        ImGui::SameLine();
        if (ImGui::Selectable(fmt::format("{}  {}", waiting.customerAddress, waiting.subject).c_str(), waiting.caseId == shownCase)) {
            model_.showCase(waiting.caseId);
        }
        ImGui::PopID();
    }

    if (!model_.followUps().empty()) {
        ImGui::Spacing();
        ImGui::TextColored(kAccent, AD_ICON_CLOCK " My follow-ups (%zu)", model_.followUps().size());
        for (const events::EmailFollowUp& followUp : model_.followUps()) {
            ImGui::PushID(static_cast<int>(followUp.followUpId));
            if (followUp.due) ImGui::PushStyleColor(ImGuiCol_Text, kDue);
            if (ImGui::Selectable(fmt::format("{}  {} {}", text::dateTimeText(followUp.dueAtMs), followUp.caseId, followUp.subject).c_str())) {
                model_.showCase(followUp.caseId);
            }
            if (followUp.due) ImGui::PopStyleColor();
            if (ImGui::IsItemHovered() && !followUp.note.empty()) ImGui::SetTooltip("%s", followUp.note.c_str());
            ImGui::PopID();
        }
    }

}

void EmailPanel::drawMyQueue(const std::string& shownCase) {
    ImGui::Spacing();
    const auto& items = model_.myQueue();
    ImGui::TextColored(kAccent, AD_ICON_INBOX " My Queue (%zu)", items.size());
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Emails for you personally: postponed, transferred to you, follow-ups due");
    if (items.empty()) ImGui::TextDisabled("  Nothing waits for you.");
    const std::int64_t now = toEpochMs(host_.clock().now());
    // "11:00" today, the date and time on another day.
    const std::string today = text::dateTimeText(now).substr(0, 10);
    auto when = [&](std::int64_t ms) {
        std::string at = text::dateTimeText(ms);
        return at.starts_with(today) && at.size() > 11 ? at.substr(11) : at;
    };
    for (const events::MyQueueItem& item : items) {
        ImGui::PushID(fmt::format("{}/{}", item.caseId, item.followUpId).c_str());
        std::string reason;
        std::string detail;
        switch (item.reason) {
            case events::MyQueueReason::Postponed:
                reason = AD_ICON_PAUSE " Postponed";
                detail = item.untilMs ? fmt::format("until {}", when(item.untilMs)) : fmt::format("since {}", when(item.sinceMs));
                break;
            case events::MyQueueReason::Transferred: {
                std::string from = item.fromAgentId;
                for (const events::AgentMetrics& colleague : colleagues_) {
                    if (colleague.agentId == item.fromAgentId) from = colleague.displayName;
                }
                reason = fmt::format(AD_ICON_EXCHANGE " From {}", from);
                detail = fmt::format("since {}", when(item.sinceMs));
                break;
            }
            case events::MyQueueReason::FollowUp:
                reason = AD_ICON_CLOCK " Follow-up";
                detail = fmt::format("due {}", when(item.sinceMs));
                break;
        }
        const bool due = item.reason == events::MyQueueReason::FollowUp ||
                         (item.reason == events::MyQueueReason::Postponed && item.untilMs != 0 && item.untilMs <= now);
        if (item.reason == events::MyQueueReason::FollowUp) {
            if (ImGui::SmallButton("Done")) {
                finishing_ = item.followUpId;
                note_[0] = 0;
                ImGui::OpenPopup("done");
            }
            if (ImGui::IsItemHovered()) ImGui::SetTooltip("Done without sending an email (New email in the case sends one)");
        } else {
            if (ImGui::SmallButton("Take")) model_.take(item.caseId);
            if (ImGui::IsItemHovered()) ImGui::SetTooltip("Work on it again: it counts among your emails at once");
        }
        ImGui::SameLine();
        ImGui::TextColored(due ? kDue : kWarning, "%s", reason.c_str());
        ImGui::SameLine();
        const std::string customer = item.customerName.empty() ? item.customerAddress : item.customerName;
        if (ImGui::Selectable(fmt::format("{}  {}  · {} · {}", item.caseId, item.subject, customer, detail).c_str(),
                              item.caseId == shownCase)) {
            model_.showCase(item.caseId);
        }
        if (ImGui::IsItemHovered()) {
            ImGui::SetTooltip("%s", fmt::format("{} {} for {}\nIn My Queue since {}{}{}", item.caseId, item.subject, customer,
                                                text::dateTimeText(item.sinceMs),
                                                item.untilMs ? fmt::format(", until {}", text::dateTimeText(item.untilMs)) : "",
                                                item.note.empty() ? std::string() : "\n" + item.note).c_str());
        }
        if (finishing_ == item.followUpId && ImGui::BeginPopup("done")) {
            ImGui::TextUnformatted("Done without sending an email? The case keeps it.");
            ImGui::SetNextItemWidth(360);
            ImGui::InputTextWithHint("##note", "What happened (the customer called, ...)", note_, sizeof note_);
            if (ImGui::Button(AD_ICON_CHECK " Done")) {
                model_.finishFollowUp(item.followUpId, note_);
                note_[0] = 0;
                ImGui::CloseCurrentPopup();
            }
            ImGui::SameLine();
            if (ImGui::Button("Cancel")) ImGui::CloseCurrentPopup();
            ImGui::EndPopup();
        }
        ImGui::PopID();
    }
}

// ---- the right side: the case, its threads and the reply -------------------------------------------------

void EmailPanel::drawCase() {
    const auto& shown = model_.shown();
    if (!shown) {
        ImGui::TextDisabled("No case open. Accept or pull an email, or search for a case.");
        ImGui::BeginDisabled(model_.agentId().empty());
        if (ImGui::Button(AD_ICON_PAPER_PLANE " New email")) ImGui::OpenPopup("compose");
        ImGui::EndDisabled();
        drawPopups(nullptr);
        return;
    }
    const events::EmailCaseSummary& summary = shown->summary;
    const EmailWork* work = model_.shownWork();
    ImGui::PushStyleColor(ImGuiCol_Text, kAccent);
    ImGui::TextWrapped("%s", fmt::format("{} {}  {}", AD_ICON_ENVELOPE, summary.caseId, summary.subject).c_str());
    ImGui::PopStyleColor();
    std::size_t messages = 0;
    for (const events::EmailThread& thread : shown->threads) messages += thread.messages.size();
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    ImGui::TextWrapped("%s", fmt::format("{} · {} · {} · {} thread{}, {} message{}", summary.customerAddress, summary.serviceId,
                                         enumName(summary.state), shown->threads.size(), shown->threads.size() == 1 ? "" : "s",
                                         messages, messages == 1 ? "" : "s").c_str());
    ImGui::PopStyleColor();
    if (work && !work->offer.transferNote.empty()) {
        ImGui::TextColored(kWarning, "%s", fmt::format("{} Transfer note: {}", AD_ICON_EXCHANGE, work->offer.transferNote).c_str());
    }
    drawActions(work);
    ImGui::Separator();

    // The reply editor stays one line high until the agent writes in it, leaving the room to the threads.
    const bool editing = work && !work->ended;
    const bool writing = editorActive_ || reply_[0] != 0;
    const float line = ImGui::GetTextLineHeightWithSpacing();
    editorHeight_ = writing ? std::clamp(ImGui::GetContentRegionAvail().y * 0.35f, line * 3, line * 8) : line * 1.4f;
    const float bar = ImGui::GetFrameHeightWithSpacing();  // attachments and font above the editor
    const float editor = editing ? editorHeight_ + bar + ImGui::GetStyle().ItemSpacing.y * 2 : 0.0f;
    ImGui::BeginChild("threads", ImVec2(0, -editor), false);
    int number = 0;
    for (const events::EmailThread& thread : shown->threads) {
        ++number;
        ImGui::PushID(static_cast<int>(thread.threadId));
        const std::string title = fmt::format("Thread {} · {} · {} message{}###thread", number, thread.subject,
                                              thread.messages.size(), thread.messages.size() == 1 ? "" : "s");
        // The newest thread opens; older ones stay folded until asked for.
        ImGui::SetNextItemOpen(number == static_cast<int>(shown->threads.size()), ImGuiCond_Appearing);
        if (ImGui::CollapsingHeader(title.c_str())) {
            for (const events::EmailMessage& message : thread.messages) drawMessage(message, summary.ownerId == model_.agentId());
        }
        ImGui::PopID();
    }
    if (!shown->followUps.empty()) {
        ImGui::Spacing();
        ImGui::TextColored(kAccent, AD_ICON_CLOCK " Follow-ups of this case");
        for (const events::EmailFollowUp& followUp : shown->followUps) {
            std::string how;
            switch (followUp.outcome) {
                case events::FollowUpOutcome::Open: how = followUp.due ? "due" : "open"; break;
                case events::FollowUpOutcome::Sent: how = fmt::format("follow-up email sent {}", text::dateTimeText(followUp.doneAtMs)); break;
                case events::FollowUpOutcome::Done:
                    how = fmt::format("done without an email {}{}", text::dateTimeText(followUp.doneAtMs),
                                      followUp.doneNote.empty() ? std::string() : ": " + followUp.doneNote);
                    break;
            }
            ImGui::TextWrapped("%s", fmt::format("  {} {} — {} ({})", text::dateTimeText(followUp.dueAtMs),
                                                 followUp.note.empty() ? std::string("Follow-up") : followUp.note, how,
                                                 followUp.agentId).c_str());
        }
    }
    ImGui::EndChild();
    if (editing) drawEditor(work);
    drawPopups(work);
}

void EmailPanel::drawMessage(const events::EmailMessage& message, bool canMask) {
    ImGui::PushID(static_cast<int>(message.messageId));
    ImGui::Spacing();
    ImGui::TextColored(message.kind == events::EmailKind::Inbound ? kAccent : kWarning, "%s", kindLabel(message.kind));
    ImGui::SameLine();
    ImGui::TextDisabled("%s", text::dateTimeText(message.atMs).c_str());
    if (canMask) {
        ImGui::SameLine();
        if (ImGui::SmallButton(AD_ICON_LOCK " Mask")) {
            masking_ = message.messageId;
            maskText_ = message.plainBody;
            selectionStart_ = selectionEnd_ = 0;
            ImGui::OpenPopup("mask");
        }
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("Hide card numbers, ids and text you select, for good");
    }
    if (ImGui::BeginTable("headers", 2, ImGuiTableFlags_SizingStretchProp)) {
        ImGui::TableSetupColumn("name", ImGuiTableColumnFlags_WidthFixed);
        ImGui::TableSetupColumn("value", ImGuiTableColumnFlags_WidthStretch);
        auto row = [](const char* name, const std::string& value) {
            if (value.empty()) return;
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::TextDisabled("%s", name);
            ImGui::TableNextColumn();
            ImGui::TextWrapped("%s", value.c_str());
        };
        row("From", message.from);
        row("To", message.to);
        row("Cc", message.cc);
        row("Subject", message.subject);
        ImGui::EndTable();
    }
    // HTML is never interpreted: when there is no plain part, its text is shown instead.
    const std::string body = message.plainBody.empty() ? htmlToText(message.htmlBody) : message.plainBody;
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(body.c_str());
    ImGui::PopTextWrapPos();
    if (message.plainBody.empty() && !message.htmlBody.empty()) ImGui::TextDisabled("(HTML email shown as text)");
    for (const events::EmailAttachment& file : message.attachments) {
        const std::string label =
            fmt::format("{} {}  ({}, {})", AD_ICON_PAPERCLIP, file.name, text::sizeText(file.sizeBytes), file.mimeType);
        if (ImGui::SmallButton(label.c_str())) model_.download(message.messageId, file.name);
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("Save to the downloads folder and open");
    }
    if (masking_ == message.messageId && ImGui::BeginPopup("mask")) {
        ImGui::TextUnformatted("Select what to hide. Card numbers and account ids are found and masked too.");
        struct Selection {
            int* start;
            int* end;
        } selection{&selectionStart_, &selectionEnd_};
        ImGui::InputTextMultiline("##masktext", maskText_.data(), maskText_.size() + 1, ImVec2(520, ImGui::GetTextLineHeight() * 10),
                                  ImGuiInputTextFlags_ReadOnly | ImGuiInputTextFlags_CallbackAlways,
                                  [](ImGuiInputTextCallbackData* data) {
                                      auto* s = static_cast<Selection*>(data->UserData);
                                      *s->start = std::min(data->SelectionStart, data->SelectionEnd);
                                      *s->end = std::max(data->SelectionStart, data->SelectionEnd);
                                      return 0;
                                  },
                                  &selection);
        const int length = selectionEnd_ - selectionStart_;
        if (ImGui::Button(length > 0 ? AD_ICON_LOCK " Mask selection and card numbers" : AD_ICON_LOCK " Mask card numbers and ids")) {
            model_.mask(message.messageId, selectionStart_, length);
            ImGui::CloseCurrentPopup();
        }
        ImGui::SameLine();
        if (ImGui::Button("Cancel")) ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
    }
    ImGui::Separator();
    ImGui::PopID();
}

void EmailPanel::drawActions(const EmailWork* work) {
    // Buttons flow onto the next line when the panel is narrow.
    const float right = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
    bool first = true;
    auto button = [&](const char* label) {
        const float width = ImGui::CalcTextSize(label, nullptr, true).x + ImGui::GetStyle().FramePadding.x * 2;
        if (!first) {
            ImGui::SameLine();
            if (ImGui::GetCursorScreenPos().x + width > right) ImGui::NewLine();
        }
        first = false;
        return ImGui::Button(label);
    };
    const bool live = work && !work->ended;
    ImGui::BeginDisabled(!live);
    if (button(AD_ICON_SHARE " Reply")) model_.reply(false);
    if (button("Reply all")) model_.reply(true);
    if (button(AD_ICON_PAPER_PLANE " Forward")) ImGui::OpenPopup("forward");
    if (button(AD_ICON_EXCHANGE " Transfer")) ImGui::OpenPopup("transfer");
    if (button(AD_ICON_PAUSE " Postpone")) ImGui::OpenPopup("postpone");
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Set it aside in My Queue: it no longer counts among your emails at once");
    if (button(AD_ICON_TIMES " Close")) ImGui::OpenPopup("close");
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Close without replying, with a disposition (spam, no reply needed)");
    ImGui::EndDisabled();
    if (button(AD_ICON_CLOCK " Follow-up")) ImGui::OpenPopup("followup");
    if (button(AD_ICON_PAPER_PLANE " New email")) ImGui::OpenPopup("compose");
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Write to any address: a new case, or a follow-up email in this one");
    if (live) {
        if (button(AD_ICON_FILE_TEXT " Canned")) ImGui::OpenPopup("canned");
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("Insert a canned response into the reply");
        ImGui::BeginDisabled(!model_.draftUnsaved());
        if (button(model_.draftUnsaved() ? "Save draft" : AD_ICON_CHECK " Draft saved")) model_.saveDraft();
        ImGui::EndDisabled();
    }
}

ImFont* EmailPanel::editorFont(float& scale) const {
    ImFontAtlas* atlas = ImGui::GetIO().Fonts;
    ImFont* chosen = nullptr;
    if (atlas && !atlas->Fonts.empty()) {
        chosen = atlas->Fonts[0];  // the UI font: proportional
        if (font_.font().family == FontFamily::Monospace) {
            for (ImFont* candidate : atlas->Fonts) {
                if (std::string_view(candidate->GetDebugName()).find("Mono") != std::string_view::npos) chosen = candidate;
            }
        }
    }
    scale = static_cast<float>(font_.font().size) / static_cast<float>(ComposeFont::defaultSize);
    return chosen;
}

void EmailPanel::drawEditorBar() {
    if (ImGui::SmallButton(AD_ICON_PAPERCLIP " Attach")) ImGui::OpenPopup("attach");
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Attach a file to the reply (pictures, PDF, text; as in chats)");
    const auto& files = model_.attachments();
    for (std::size_t i = 0; i < files.size(); ++i) {
        ImGui::SameLine();
        ImGui::PushID(static_cast<int>(i));
        ImGui::TextColored(kAccent, "%s", fmt::format("{} ({})", files[i].name,
                                                      text::sizeText(static_cast<std::int64_t>(files[i].data.size()))).c_str());
        ImGui::SameLine(0, 2);
        if (ImGui::SmallButton(AD_ICON_TIMES)) model_.removeAttachment(i);
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("Remove this attachment");
        ImGui::PopID();
    }
    ImGui::SameLine();
    const std::string fontLabel = fmt::format("Aa {} {} px", familyName(font_.font().family), font_.font().size);
    ImGui::SetCursorPosX(std::max(ImGui::GetCursorPosX(),
                                  ImGui::GetWindowContentRegionMax().x - ImGui::CalcTextSize(fontLabel.c_str()).x -
                                      ImGui::GetStyle().FramePadding.x * 2));
    if (ImGui::SmallButton(fontLabel.c_str())) ImGui::OpenPopup("font");
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Your font for writing emails; the email itself is sent as plain text");
    if (ImGui::BeginPopup("attach")) {
        ImGui::TextUnformatted("Attach a file (PNG, JPEG, GIF, PDF, text; the center's size limit applies):");
        ImGui::SetNextItemWidth(420);
        const bool enter = ImGui::InputTextWithHint("##path", "/home/me/Documents/return-label.pdf", attachPath_,
                                                    sizeof attachPath_, ImGuiInputTextFlags_EnterReturnsTrue);
        ImGui::SameLine();
        if ((ImGui::Button("Attach") || enter) && attachPath_[0]) {
            if (model_.attach(attachPath_)) attachPath_[0] = 0;
            ImGui::CloseCurrentPopup();
        }
        ImGui::EndPopup();
    }
    if (ImGui::BeginPopup("font")) {
        ComposeFont chosen = font_.font();
        ImGui::TextUnformatted("Your default font for writing emails");
        bool monoOffered = false;
        if (ImFontAtlas* atlas = ImGui::GetIO().Fonts) {
            for (ImFont* candidate : atlas->Fonts) {
                if (std::string_view(candidate->GetDebugName()).find("Mono") != std::string_view::npos) monoOffered = true;
            }
        }
        int family = chosen.family == FontFamily::Monospace ? 1 : 0;
        ImGui::RadioButton("Proportional", &family, 0);
        ImGui::SameLine();
        ImGui::BeginDisabled(!monoOffered && family == 0);
        ImGui::RadioButton("Monospace", &family, 1);
        ImGui::EndDisabled();
        ImGui::SetNextItemWidth(220);
        ImGui::SliderInt("Size (px)", &chosen.size, ComposeFont::minSize, ComposeFont::maxSize);
        chosen.family = family == 1 ? FontFamily::Monospace : FontFamily::Proportional;
        font_.set(chosen);  // saved with the desktop's settings at once
        ImGui::TextDisabled("Only how the editor shows your text: the email is sent as plain text.");
        ImGui::EndPopup();
    }
}

void EmailPanel::drawEditor(const EmailWork*) {
    if (model_.draft() != editorDraft_) {  // changed outside the editor: another case, an inserted article
        editorDraft_ = model_.draft();
        copyInto(reply_, sizeof reply_, editorDraft_);
    }
    drawEditorBar();
    float scale = 1.0f;
    ImFont* font = editorFont(scale);
    const float oldScale = font ? font->Scale : 1.0f;
    if (font) {
        font->Scale = scale;
        ImGui::PushFont(font);
    }
    // "#shortcut" then Tab puts in a canned response, where the cursor is.
    struct Completion {
        EmailPanel* panel;
        bool expanded = false;
    } completion{this};
    ImGui::InputTextMultiline("##reply", reply_, sizeof reply_, ImVec2(-1, editorHeight_),
                              ImGuiInputTextFlags_CallbackCompletion,
                              [](ImGuiInputTextCallbackData* data) {
                                  auto* c = static_cast<Completion*>(data->UserData);
                                  EmailPanel& panel = *c->panel;
                                  panel.model_.setDraft(std::string(data->Buf, static_cast<std::size_t>(data->BufTextLen)));
                                  if (auto cursor = panel.model_.expandShortcut(static_cast<std::size_t>(data->CursorPos))) {
                                      const std::string& after = panel.model_.draft();
                                      data->DeleteChars(0, data->BufTextLen);
                                      data->InsertChars(0, after.c_str());
                                      data->CursorPos = data->SelectionStart = data->SelectionEnd =
                                          std::min(static_cast<int>(*cursor), data->BufTextLen);
                                      panel.editorDraft_ = after;
                                      c->expanded = true;
                                  }
                                  return 0;
                              },
                              &completion);
    if (font) {
        font->Scale = oldScale;  // before PopFont, which measures the font it returns to
        ImGui::PopFont();
    }
    editorActive_ = ImGui::IsItemActive();
    if (!reply_[0] && !editorActive_) {
        // A hint where the text will go (ImGui 1.86 has no hint for multi-line inputs).
        const ImVec2 at = ImGui::GetItemRectMin();
        ImGui::GetWindowDrawList()->AddText(ImVec2(at.x + ImGui::GetStyle().FramePadding.x, at.y + ImGui::GetStyle().FramePadding.y),
                                            ImGui::GetColorU32(ImGuiCol_TextDisabled),
                                            "Write the reply here: the original is quoted below it, card numbers are masked");
    }
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Kept as the case's draft as you type. #shortcut then Tab: a canned response");
    if (editorDraft_ != reply_) {
        editorDraft_ = reply_;
        model_.setDraft(editorDraft_);
    }
}

void EmailPanel::drawPopups(const EmailWork* work) {
    if (ImGui::BeginPopup("forward")) {
        ImGui::TextUnformatted("Forward the customer's email to an external address, with a note:");
        ImGui::SetNextItemWidth(360);
        ImGui::InputTextWithHint("##to", "repairs@partner.example", address_, sizeof address_);
        ImGui::SetNextItemWidth(360);
        ImGui::InputTextWithHint("##note", "Note", note_, sizeof note_);
        if (ImGui::Button(AD_ICON_PAPER_PLANE " Forward") && address_[0]) {
            model_.forward(address_, note_);
            address_[0] = note_[0] = 0;
            ImGui::CloseCurrentPopup();
        }
        ImGui::EndPopup();
    }
    if (ImGui::BeginPopup("transfer")) {
        ImGui::TextUnformatted("Transfer to a colleague (it rings if they can take it now, else waits in their My Queue)\nor to another service. Note:");
        ImGui::SetNextItemWidth(360);
        ImGui::InputText("##note", note_, sizeof note_);
        ImGui::Separator();
        ImGui::TextDisabled("Colleagues");
        for (const events::AgentMetrics& colleague : colleagues_) {
            if (colleague.agentId == model_.agentId()) continue;
            const bool available = colleague.state == AgentState::Ready || colleague.state == AgentState::Busy;
            const std::string label = fmt::format("{}  ({}{})##{}", colleague.displayName, displayName(colleague.state),
                                                  available ? "" : ": into their My Queue", colleague.agentId);
            if (ImGui::Selectable(label.c_str())) {
                model_.transferToAgent(colleague.agentId, note_);
                note_[0] = 0;
            }
        }
        ImGui::Separator();
        ImGui::TextDisabled("Services (changes the email's service)");
        for (const events::ServiceMetrics& service : services_) {
            if (service.channel != Channel::Email || (work && service.serviceId == work->offer.serviceId)) continue;
            if (ImGui::Selectable(fmt::format("{}  ({} waiting)##{}", service.name, service.inQueue, service.serviceId).c_str())) {
                model_.transferToService(service.serviceId, note_);
                note_[0] = 0;
            }
        }
        ImGui::EndPopup();
    }
    if (ImGui::BeginPopup("close")) {
        const std::vector<std::string> dispositions = work ? work->offer.dispositions : std::vector<std::string>{};
        ImGui::TextUnformatted("Close without replying. Why?");
        for (std::size_t i = 0; i < dispositions.size(); ++i) {
            ImGui::RadioButton(dispositions[i].c_str(), &disposition_, static_cast<int>(i));
        }
        ImGui::SetNextItemWidth(360);
        ImGui::InputTextWithHint("##notes", "Notes", note_, sizeof note_);
        if (ImGui::Button(AD_ICON_CHECK " Close email")) {
            const std::string chosen = disposition_ >= 0 && static_cast<std::size_t>(disposition_) < dispositions.size()
                                           ? dispositions[static_cast<std::size_t>(disposition_)]
                                           : std::string();
            model_.close(chosen, note_);
            note_[0] = 0;
            ImGui::CloseCurrentPopup();
        }
        ImGui::EndPopup();
    }
    if (ImGui::BeginPopup("compose")) {
        const auto& shown = model_.shown();
        std::vector<const events::ServiceMetrics*> emailServices;
        for (const events::ServiceMetrics& service : services_) {
            if (service.channel == Channel::Email) emailServices.push_back(&service);
        }
        if (shown) {
            ImGui::Checkbox(fmt::format("In case {} (a follow-up email)", shown->summary.caseId).c_str(), &composeInCase_);
        } else {
            composeInCase_ = false;
        }
        if (!composeInCase_) {
            composeService_ = std::clamp(composeService_, 0, std::max(0, static_cast<int>(emailServices.size()) - 1));
            ImGui::SetNextItemWidth(360);
            if (ImGui::BeginCombo("Service", emailServices.empty() ? "" : emailServices[static_cast<std::size_t>(composeService_)]->name.c_str())) {
                for (std::size_t i = 0; i < emailServices.size(); ++i) {
                    if (ImGui::Selectable(emailServices[i]->name.c_str(), static_cast<int>(i) == composeService_)) {
                        composeService_ = static_cast<int>(i);
                    }
                }
                ImGui::EndCombo();
            }
        }
        ImGui::SetNextItemWidth(360);
        ImGui::InputTextWithHint("To", "customer@example.com", address_, sizeof address_);
        ImGui::SetNextItemWidth(360);
        ImGui::InputText("Subject", subject_, sizeof subject_);
        {
            float scale = 1.0f;
            ImFont* font = editorFont(scale);
            const float oldScale = font ? font->Scale : 1.0f;
            if (font) {
                font->Scale = scale;
                ImGui::PushFont(font);
            }
            ImGui::InputTextMultiline("##body", body_, sizeof body_, ImVec2(460, ImGui::GetTextLineHeightWithSpacing() * 8));
            if (font) {
                font->Scale = oldScale;
                ImGui::PopFont();
            }
        }
        ImGui::SetNextItemWidth(360);
        const bool enter = ImGui::InputTextWithHint("##attach", AD_ICON_PAPERCLIP " File to attach: /path/to/file.pdf", composePath_,
                                                    sizeof composePath_, ImGuiInputTextFlags_EnterReturnsTrue);
        ImGui::SameLine();
        if ((ImGui::Button("Attach") || enter) && composePath_[0]) {
            std::string error;
            if (auto file = readAttachment(composePath_, error)) {
                composeFiles_.push_back(std::move(*file));
                composePath_[0] = 0;
            } else {
                host_.notify({Severity::Warning, "Email", error});
            }
        }
        for (std::size_t i = 0; i < composeFiles_.size(); ++i) {
            ImGui::PushID(static_cast<int>(i));
            if (ImGui::SmallButton(AD_ICON_TIMES)) {
                composeFiles_.erase(composeFiles_.begin() + static_cast<std::ptrdiff_t>(i));
                ImGui::PopID();
                break;
            }
            ImGui::SameLine();
            ImGui::TextColored(kAccent, "%s", fmt::format("{} {} ({})", AD_ICON_PAPERCLIP, composeFiles_[i].name,
                                                          text::sizeText(static_cast<std::int64_t>(composeFiles_[i].data.size()))).c_str());
            ImGui::PopID();
        }
        const bool ready = address_[0] && subject_[0] && body_[0] && (composeInCase_ || !emailServices.empty());
        ImGui::BeginDisabled(!ready);
        if (ImGui::Button(AD_ICON_PAPER_PLANE " Send")) {
            model_.compose(composeInCase_ ? std::string() : emailServices[static_cast<std::size_t>(composeService_)]->serviceId,
                           composeInCase_ ? shown->summary.caseId : std::string(), address_, subject_, body_,
                           std::exchange(composeFiles_, {}));
            address_[0] = subject_[0] = body_[0] = 0;
            ImGui::CloseCurrentPopup();
        }
        ImGui::EndDisabled();
        ImGui::EndPopup();
    }
    if (ImGui::BeginPopup("canned")) {
        if (model_.canned().empty()) ImGui::TextDisabled("No canned responses.");
        std::string category;
        for (const events::CannedResponse& response : model_.canned()) {
            if (response.category != category) {
                category = response.category;
                ImGui::TextDisabled("%s", category.c_str());
            }
            if (ImGui::Selectable(fmt::format("  {}##{}", response.title, response.id).c_str())) {
                model_.insertIntoDraft(response.text);
            }
            if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", response.text.c_str());
        }
        ImGui::EndPopup();
    }
    if (ImGui::BeginPopup("postpone")) {
        ImGui::TextUnformatted("Set this email aside in My Queue (your draft stays with it).");
        ImGui::Checkbox("Remind me in", &postponeUntil_);
        ImGui::SameLine();
        ImGui::BeginDisabled(!postponeUntil_);
        ImGui::SetNextItemWidth(120);
        ImGui::InputInt("hours##postpone", &postponeHours_);
        postponeHours_ = std::clamp(postponeHours_, 1, 24 * 30);
        ImGui::EndDisabled();
        ImGui::SetNextItemWidth(360);
        ImGui::InputTextWithHint("##note", "Why (waiting for the warehouse, ...)", note_, sizeof note_);
        if (ImGui::Button(AD_ICON_PAUSE " Postpone")) {
            model_.postpone(postponeUntil_ ? toEpochMs(host_.clock().now() + std::chrono::hours(postponeHours_)) : 0, note_);
            note_[0] = 0;
            ImGui::CloseCurrentPopup();
        }
        ImGui::EndPopup();
    }
    if (ImGui::BeginPopup("followup")) {
        ImGui::TextUnformatted("Remind me about this case in");
        ImGui::SetNextItemWidth(120);
        ImGui::InputInt("hours", &followUpHours_);
        followUpHours_ = std::clamp(followUpHours_, 1, 24 * 90);
        ImGui::SetNextItemWidth(360);
        ImGui::InputTextWithHint("##note", "What to check", note_, sizeof note_);
        if (ImGui::Button(AD_ICON_CLOCK " Schedule")) {
            model_.scheduleFollowUp(std::chrono::hours(followUpHours_), note_);
            note_[0] = 0;
            ImGui::CloseCurrentPopup();
        }
        ImGui::EndPopup();
    }
}

}  // namespace agentdesk::email
