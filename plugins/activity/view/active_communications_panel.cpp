#include "view/active_communications_panel.hpp"

#include <agentdesk/text.hpp>
#include <agentdesk/ui/icons.hpp>

#include <imgui.h>

#include <fmt/format.h>

#include <algorithm>
#include <cstring>

namespace agentdesk::activity {

namespace {

const ImVec4 kRinging(0.95f, 0.66f, 0.20f, 1.0f);
const ImVec4 kConnected(0.35f, 0.78f, 0.45f, 1.0f);
const ImVec4 kWrapUp(0.62f, 0.52f, 0.95f, 1.0f);

const char* stageLabel(ItemStage stage) {
    switch (stage) {
        case ItemStage::Ringing: return "Ringing";  // also a call being placed
        case ItemStage::Connected: return "Connected";
        case ItemStage::WrapUp: return "Wrap-up";
    }
    return "";
}

ImVec4 stageColour(ItemStage stage) {
    return stage == ItemStage::Ringing ? kRinging : stage == ItemStage::Connected ? kConnected : kWrapUp;
}

}  // namespace

ActiveCommunicationsPanel::ActiveCommunicationsPanel(ActiveCommunications& model, HostApi& host)
    : model_(model), host_(host) {}

void ActiveCommunicationsPanel::scheduleTick() {
    // Timers on screen change once a second: wake the desktop for that, and only while there is something to time.
    if (model_.items().empty() || tick_) return;
    const TimePoint next = std::chrono::floor<std::chrono::seconds>(host_.clock().now()) + std::chrono::seconds(1);
    tick_ = host_.timers().at(next, [this] { tick_ = Timer(); });
}

void ActiveCommunicationsPanel::draw() {
    if (!model_.loggedIn()) {
        ImGui::TextDisabled("Log in to receive calls, chats and emails.");
        return;
    }
    scheduleTick();
    if (model_.items().empty()) {
        ImGui::TextDisabled("No active communications. Go Ready to receive work.");
    } else {
        drawList();
    }
    if (!model_.lastWithdrawn().empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, kRinging);
        ImGui::TextWrapped("%s %s", AD_ICON_INFO_CIRCLE, model_.lastWithdrawn().c_str());
        ImGui::PopStyleColor();
    }
    if (!model_.lastError().empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.95f, 0.45f, 0.40f, 1));
        ImGui::TextWrapped("%s %s", AD_ICON_EXCLAMATION_TRIANGLE, model_.lastError().c_str());
        ImGui::PopStyleColor();
    }
    if (const Item* item = model_.find(model_.selected())) {
        ImGui::Separator();
        drawSelected(*item);
    }
}

void ActiveCommunicationsPanel::drawList() {
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingStretchProp;
    if (!ImGui::BeginTable("##active", 4, flags)) return;
    ImGui::TableSetupColumn("Customer", ImGuiTableColumnFlags_WidthStretch, 3.0f);
    ImGui::TableSetupColumn("Service", ImGuiTableColumnFlags_WidthStretch, 2.0f);
    ImGui::TableSetupColumn("State", ImGuiTableColumnFlags_WidthStretch, 1.2f);
    ImGui::TableSetupColumn("Time", ImGuiTableColumnFlags_WidthStretch, 1.0f);
    ImGui::TableHeadersRow();
    // Ringing rows flash (VOICE-01): bright and dim on alternate seconds, with the list's own tick.
    const bool bright = std::chrono::floor<std::chrono::seconds>(host_.clock().now()).time_since_epoch().count() % 2 == 0;
    for (const Item& item : model_.items()) {
        const events::Offered& o = item.offer;
        ImGui::TableNextRow();
        if (item.stage == ItemStage::Ringing) {
            const ImVec4 glow = bright ? ImVec4(0.60f, 0.40f, 0.05f, 0.75f) : ImVec4(0.45f, 0.30f, 0.05f, 0.35f);
            ImGui::TableSetBgColor(ImGuiTableBgTarget_RowBg0, ImGui::GetColorU32(glow));
        }
        ImGui::TableNextColumn();
        const std::string who = o.customerName.empty() ? o.from : o.customerName;
        const std::string label = fmt::format("{}  {}##{}", ui::channelIcon(o.channel), who, o.interactionId);
        if (ImGui::Selectable(label.c_str(), model_.selected() == o.interactionId, ImGuiSelectableFlags_SpanAllColumns)) {
            model_.select(o.interactionId);
        }
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(o.serviceName.c_str());
        ImGui::TableNextColumn();
        ImGui::TextColored(stageColour(item.stage), "%s", stageLabel(item.stage));
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(text::clockText(model_.elapsed(item)).c_str());
    }
    ImGui::EndTable();
}

void ActiveCommunicationsPanel::drawSelected(const Item& item) {
    const events::Offered& o = item.offer;
    ImGui::Text("%s  %s", ui::channelIcon(o.channel), o.customerName.empty() ? o.from.c_str() : o.customerName.c_str());
    if (!o.customerName.empty()) ImGui::TextDisabled("%s", o.from.c_str());
    ImGui::TextDisabled("%s%s%s", o.serviceName.c_str(), o.subject.empty() ? "" : "  -  ", o.subject.c_str());
    ImGui::Dummy(ImVec2(0, 4));
    const std::string& id = o.interactionId;
    switch (item.stage) {
        case ItemStage::Ringing: {
            if (o.outbound) {  // a call the agent placed, ringing at the customer
                ImGui::TextColored(kRinging, "%s Calling %s... %s", AD_ICON_PHONE, o.from.c_str(),
                                   text::clockText(model_.elapsed(item)).c_str());
                ImGui::PushStyleColor(ImGuiCol_Button, ImVec4(0.65f, 0.22f, 0.20f, 1));
                if (ImGui::Button(AD_ICON_TIMES "  Hang up", ImVec2(120, 30))) model_.release(id);
                ImGui::PopStyleColor();
                break;
            }
            const auto left = Milliseconds(o.ringTimeoutMs) - model_.elapsed(item);
            ImGui::TextColored(kRinging, "%s Ringing - %s left to answer", AD_ICON_BELL, text::clockText(left).c_str());
            ImGui::PushStyleColor(ImGuiCol_Button, ImVec4(0.20f, 0.55f, 0.30f, 1));
            if (ImGui::Button(AD_ICON_CHECK "  Accept", ImVec2(120, 30))) model_.accept(id);
            ImGui::PopStyleColor();
            ImGui::SameLine();
            // A personal call goes to voicemail; rejecting it leaves the agent's state as it is (VOICE-02).
            if (ImGui::Button(o.personal ? AD_ICON_TIMES "  To voicemail" : AD_ICON_TIMES "  Reject",
                              ImVec2(o.personal ? 150.0f : 120.0f, 30))) {
                model_.reject(id);
            }
            break;
        }
        case ItemStage::Connected:
            ImGui::TextColored(kConnected, "Connected for %s", text::clockText(model_.elapsed(item)).c_str());
            ImGui::PushStyleColor(ImGuiCol_Button, ImVec4(0.65f, 0.22f, 0.20f, 1));
            if (ImGui::Button(o.channel == Channel::Voice || o.channel == Channel::Campaign ? AD_ICON_PHONE "  Release" : AD_ICON_CHECK "  End",
                              ImVec2(120, 30))) {
                model_.release(id);
            }
            ImGui::PopStyleColor();
            if (ActiveCommunications::wrapsUpElsewhere(o)) {
                drawWrapsUpElsewhere(item);
            } else {
                drawWrapUp(item);
            }
            break;
        case ItemStage::WrapUp:
            if (item.wrapUpEndsAt) {
                const auto left = std::chrono::duration_cast<Milliseconds>(*item.wrapUpEndsAt - host_.clock().now());
                ImGui::TextColored(kWrapUp, "Wrap-up - %s left", text::clockText(left).c_str());
            } else {
                ImGui::TextColored(kWrapUp, "Wrap-up");
            }
            if (item.endedBy == events::EndedBy::Customer) ImGui::TextDisabled("The customer ended the conversation.");
            if (ActiveCommunications::wrapsUpElsewhere(o)) {
                drawWrapsUpElsewhere(item);
                break;
            }
            drawWrapUp(item);
            const bool missing = o.dispositionRequired && item.disposition.empty();
            ImGui::BeginDisabled(missing);
            if (ImGui::Button(AD_ICON_CHECK_CIRCLE "  Complete", ImVec2(140, 30))) model_.complete(id);
            ImGui::EndDisabled();
            if (missing) {
                ImGui::SameLine();
                ImGui::TextDisabled("Choose a disposition first.");
            }
            break;
    }
}

void ActiveCommunicationsPanel::drawWrapsUpElsewhere(const Item& item) {
    // One place for the result: the Campaign panel, where it also decides the record's next attempt.
    ImGui::TextWrapped("The call's result and notes are set in the Campaign panel; that completes the wrap-up.");
    if (ImGui::Button(AD_ICON_BULLHORN "  Open the Campaign panel")) model_.reveal(item.offer.interactionId);
}

void ActiveCommunicationsPanel::drawWrapUp(const Item& item) {
    const events::Offered& o = item.offer;
    const std::string& id = o.interactionId;
    // The buffer follows the stored notes unless the agent is typing in it.
    if (editingId_ != id || (!notesActive_ && item.notes != notes_)) {
        editingId_ = id;
        std::snprintf(notes_, sizeof notes_, "%s", item.notes.c_str());
    }
    std::string disposition = item.disposition;
    if (!o.dispositions.empty()) {
        ImGui::SetNextItemWidth(-1);
        const std::string preview = disposition.empty() ? (o.dispositionRequired ? "Disposition (required)" : "Disposition") : disposition;
        if (ImGui::BeginCombo("##disposition", preview.c_str())) {
            for (const std::string& d : o.dispositions) {
                if (ImGui::Selectable(d.c_str(), d == disposition)) {
                    model_.edit(id, d, notes_);
                    model_.saveWrapUp(id);
                }
            }
            ImGui::EndCombo();
        }
    }
    ImGui::TextUnformatted("Notes");
    ImGui::InputTextMultiline("##notes", notes_, sizeof notes_, ImVec2(-1, ImGui::GetTextLineHeight() * 5));
    notesActive_ = ImGui::IsItemActive();
    if (ImGui::IsItemEdited()) model_.edit(id, disposition, notes_);
    // Saved when the agent leaves the field, and before release and completion.
    if (ImGui::IsItemDeactivatedAfterEdit()) model_.saveWrapUp(id);
    if (item.unsaved) ImGui::TextDisabled("Not saved yet");
}

}  // namespace agentdesk::activity
