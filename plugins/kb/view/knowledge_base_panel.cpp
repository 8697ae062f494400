#include "view/knowledge_base_panel.hpp"

#include "view/marked_text.hpp"

#include <agentdesk/ui/icons.hpp>

#include <imgui.h>
#include <imgui_stdlib.h>

#include <fmt/chrono.h>
#include <fmt/format.h>

#include <algorithm>

// Font Awesome 4.7 glyphs the SDK's icon list does not name (the host loads the whole range).
#define KB_ICON_THUMBS_UP "\xef\x85\xa4"    // U+F164
#define KB_ICON_THUMBS_DOWN "\xef\x85\xa5"  // U+F165
#define KB_ICON_PENCIL "\xef\x81\x80"       // U+F040
#define KB_ICON_FILES "\xef\x83\x85"        // U+F0C5
#define KB_ICON_HISTORY "\xef\x87\x9a"      // U+F1DA
#define KB_ICON_FOLDER "\xef\x81\xbc"       // U+F07C
#define KB_ICON_TAG "\xef\x80\xab"          // U+F02B
#define KB_ICON_PLUS "\xef\x81\xa7"         // U+F067
#define KB_ICON_REPLY "\xef\x84\x92"        // U+F112

namespace agentdesk::kb {

namespace {

const ImVec4 kErrorColour(0.95f, 0.45f, 0.40f, 1.0f);
const ImVec4 kInfoColour(0.45f, 0.80f, 0.55f, 1.0f);
const ImVec4 kPendingColour(0.95f, 0.66f, 0.20f, 1.0f);
const ImVec4 kTitleColour(0.62f, 0.80f, 1.0f, 1.0f);

/// "5 Jan 2026 09:30" (UTC, as the desktop shows times elsewhere).
std::string when(std::int64_t ms) {
    if (ms <= 0) return "-";
    return fmt::format("{:%d %b %Y %H:%M}", std::chrono::floor<std::chrono::seconds>(fromEpochMs(ms)));
}

/// "5 Jan 09:30", for tables.
std::string shortWhen(std::int64_t ms) {
    if (ms <= 0) return "-";
    return fmt::format("{:%d %b %H:%M}", std::chrono::floor<std::chrono::seconds>(fromEpochMs(ms)));
}

std::string joined(const std::vector<std::string>& items) {
    std::string out;
    for (const auto& item : items) out += (out.empty() ? "" : ", ") + item;
    return out;
}

/// Splits "a, b" into tags.
std::vector<std::string> tagsFrom(const std::string& text) { return normaliseTags({text}); }

ImVec4 statusColour(RevisionStatus status) {
    switch (status) {
        case RevisionStatus::Pending: return kPendingColour;
        case RevisionStatus::Approved: return kInfoColour;
        case RevisionStatus::Rejected: return kErrorColour;
        case RevisionStatus::Draft: break;
    }
    return ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled);
}

/// At most this many articles are listed without a query; a folder, a tag or a search narrows them.
constexpr int kBrowseLimit = 1000;
/// At most this many search results are listed.
constexpr int kSearchLimit = 200;

/// A row twice the text height, for the clipped lists.
float rowHeight() { return ImGui::GetTextLineHeight() * 2.0f + 2.0f; }

}  // namespace

KnowledgeBasePanel::KnowledgeBasePanel(KnowledgeDesk& desk, HostApi& host) : desk_(desk), host_(host) {}

void KnowledgeBasePanel::show(const std::string& articleId, const std::string& query) {
    query_ = query;
    open(articleId);
}

void KnowledgeBasePanel::open(const std::string& articleId) {
    openId_ = articleId;
    pane_ = Pane::Article;
    markedFor_ = "\x01";  // re-marks the body for the current query
    loadedRevision_ = ~0ull;
}

// ---- Loading ----------------------------------------------------------------------------------

void KnowledgeBasePanel::reload() {
    const bool changed = desk_.revision() != loadedRevision_;
    const bool listChanged = changed || query_ != loadedQuery_ || folder_ != loadedFolder_ || tag_ != loadedTag_;
    try {
        if (listChanged) {
            const SearchFilter filter{folder_, tag_, "", kBrowseLimit};
            hits_.clear();
            browse_.clear();
            if (typedQuery(query_).empty()) {
                browse_ = desk_.kb().browse(filter);
            } else {
                hits_ = desk_.kb().search(query_, {folder_, tag_, "", kSearchLimit});
            }
            loadedQuery_ = query_;
            loadedFolder_ = folder_;
            loadedTag_ = tag_;
        }
        if (changed) {
            folders_ = desk_.kb().folders();
            tags_ = desk_.kb().tags();
            pendingCount_ = desk_.isSupervisor() ? desk_.kb().pending().size() : 0;
            article_ = openId_.empty() ? std::nullopt : desk_.kb().article(openId_);
            markedFor_ = "\x01";  // the text may have changed (an approval)
            if (pane_ == Pane::History) history_ = desk_.kb().history(openId_);
            loadContributions();
        }
        if (article_ && markedFor_ != query_) {
            markedBody_ = desk_.kb().markedBody(openId_, query_);
            markedFor_ = query_;
        }
    } catch (const KbStoreError& e) {
        host_.log().error(e.what());
    }
    loadedRevision_ = desk_.revision();
}

// ---- Drawing ----------------------------------------------------------------------------------

void KnowledgeBasePanel::draw() {
    if (!desk_.loggedIn()) {
        ImGui::TextDisabled("Log in to use the knowledge base.");
        return;
    }
    reload();
    drawSearchBar();
    drawMessages();

    const ImVec2 avail = ImGui::GetContentRegionAvail();
    const bool wide = avail.x >= 720.0f;
    ImGui::BeginChild("##kb.list", wide ? ImVec2(std::max(280.0f, avail.x * 0.40f), 0) : ImVec2(0, avail.y * 0.42f), true);
    drawList();
    ImGui::EndChild();
    if (wide) ImGui::SameLine();
    ImGui::BeginChild("##kb.right", ImVec2(0, 0), true);
    switch (pane_) {
        case Pane::Article: drawArticle(); break;
        case Pane::Editor: drawEditor(); break;
        case Pane::History: drawHistory(); break;
        case Pane::Contributions: drawContributions(); break;
    }
    ImGui::EndChild();
}

void KnowledgeBasePanel::drawSearchBar() {
    const ImGuiStyle& style = ImGui::GetStyle();
    const std::string contributions =
        desk_.isSupervisor() ? fmt::format(AD_ICON_CHECK_CIRCLE " Review ({})", pendingCount_) : std::string(KB_ICON_PENCIL " Mine");
    const float buttons = ImGui::CalcTextSize(KB_ICON_PLUS " New").x + ImGui::CalcTextSize(contributions.c_str()).x +
                          style.FramePadding.x * 4 + style.ItemSpacing.x * 2;
    if (focusSearch_) {
        ImGui::SetKeyboardFocusHere();
        focusSearch_ = false;
    }
    ImGui::SetNextItemWidth(std::max(120.0f, ImGui::GetContentRegionAvail().x - buttons));
    ImGui::InputTextWithHint("##kb.search", AD_ICON_SEARCH "  Search articles (Ctrl+K)", &query_);
    ImGui::SameLine();
    if (ImGui::Button(KB_ICON_PLUS " New")) startEditing(nullptr);
    ImGui::SameLine();
    if (pendingCount_ > 0) ImGui::PushStyleColor(ImGuiCol_Text, kPendingColour);
    const bool openContributions = ImGui::Button(contributions.c_str());
    if (pendingCount_ > 0) ImGui::PopStyleColor();
    if (ImGui::IsItemHovered()) {
        ImGui::SetTooltip(desk_.isSupervisor() ? "Proposals waiting for your approval, and your own"
                                               : "Your drafts and proposals, and what the reviewers answered");
    }
    if (openContributions) {
        pane_ = Pane::Contributions;
        loadContributions();
        contributionSelected_ = 0;
        reviewComment_.clear();
    }

    // Folder and tag filters, half the width each.
    const float half = (ImGui::GetContentRegionAvail().x - style.ItemSpacing.x) / 2;
    ImGui::SetNextItemWidth(half);
    const std::string folderLabel = folder_.empty() ? KB_ICON_FOLDER "  All folders" : KB_ICON_FOLDER "  " + folder_;
    if (ImGui::BeginCombo("##kb.folder", folderLabel.c_str())) {
        if (ImGui::Selectable("All folders", folder_.empty())) folder_.clear();
        for (const auto& f : folders_) {
            const std::string label = fmt::format("{} ({})", f.folder, f.articles);
            if (ImGui::Selectable(label.c_str(), f.folder == folder_)) folder_ = f.folder;
        }
        ImGui::EndCombo();
    }
    ImGui::SameLine();
    ImGui::SetNextItemWidth(half);
    const std::string tagLabel = tag_.empty() ? KB_ICON_TAG "  All tags" : KB_ICON_TAG "  " + tag_;
    if (ImGui::BeginCombo("##kb.tag", tagLabel.c_str(), ImGuiComboFlags_HeightLarge)) {
        if (ImGui::Selectable("All tags", tag_.empty())) tag_.clear();
        for (const auto& t : tags_) {
            if (ImGui::Selectable(t.c_str(), t == tag_)) tag_ = t;
        }
        ImGui::EndCombo();
    }
}

void KnowledgeBasePanel::drawMessages() {
    if (!desk_.lastError().empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, kErrorColour);
        ImGui::TextWrapped("%s %s", AD_ICON_EXCLAMATION_TRIANGLE, desk_.lastError().c_str());
        ImGui::PopStyleColor();
    } else if (!desk_.lastInfo().empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, kInfoColour);
        ImGui::TextWrapped("%s %s", AD_ICON_INFO_CIRCLE, desk_.lastInfo().c_str());
        ImGui::PopStyleColor();
    }
}

void KnowledgeBasePanel::drawList() {
    const bool searching = !typedQuery(query_).empty();
    if (!searching && !desk_.suggestions().empty()) {
        const InteractionContext* c = desk_.context();
        ImGui::TextColored(kPendingColour, "%s Suggested for %s", AD_ICON_STAR, c ? c->customerName.c_str() : "this contact");
        if (c && !c->subject.empty()) {
            ImGui::SameLine();
            ImGui::TextDisabled("- %s", c->subject.c_str());
        }
        drawHitRows(desk_.suggestions(), "suggested");
        ImGui::Separator();
    }
    if (searching) {
        if (hits_.empty()) {
            ImGui::TextDisabled("No article matches \"%s\".", query_.c_str());
            ImGui::TextDisabled("Try fewer words, or another filter.");
        } else {
            ImGui::TextDisabled("%zu article%s", hits_.size(), hits_.size() == 1 ? "" : "s");
            drawHitRows(hits_, "hits");
        }
    } else {
        if (browse_.size() >= static_cast<std::size_t>(kBrowseLimit)) {
            ImGui::TextDisabled("The first %d articles by title: search, or pick a folder or a tag.", kBrowseLimit);
        } else {
            ImGui::TextDisabled("%s%zu article%s", folder_.empty() && tag_.empty() ? "All " : "", browse_.size(),
                                browse_.size() == 1 ? "" : "s");
        }
        drawBrowseRows();
    }
}

void KnowledgeBasePanel::drawHitRows(const std::vector<SearchHit>& hits, const char* id) {
    ImGui::PushID(id);
    const float height = rowHeight();
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(hits.size()), height + ImGui::GetStyle().ItemSpacing.y);
    while (clipper.Step()) {
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
            const SearchHit& hit = hits[static_cast<std::size_t>(i)];
            ImGui::PushID(i);
            const ImVec2 at = ImGui::GetCursorScreenPos();
            if (ImGui::Selectable("##hit", openId_ == hit.articleId, 0, ImVec2(0, height))) open(hit.articleId);
            if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", hit.folder.c_str());
            const float width = ImGui::GetItemRectSize().x;
            markedTextLine(at, width, hit.title);
            markedTextLine(ImVec2(at.x, at.y + ImGui::GetTextLineHeight() + 2), width, hit.snippet, true);
            ImGui::PopID();
        }
    }
    ImGui::PopID();
}

void KnowledgeBasePanel::drawBrowseRows() {
    const float height = rowHeight();
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(browse_.size()), height + ImGui::GetStyle().ItemSpacing.y);
    while (clipper.Step()) {
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
            const Article& a = browse_[static_cast<std::size_t>(i)];
            ImGui::PushID(i);
            const ImVec2 at = ImGui::GetCursorScreenPos();
            if (ImGui::Selectable("##article", openId_ == a.id, 0, ImVec2(0, height))) open(a.id);
            const float width = ImGui::GetItemRectSize().x;
            markedTextLine(at, width, a.content.title);
            const std::string detail = fmt::format("{}  -  used {}x  -  " KB_ICON_THUMBS_UP " {}", a.content.folder,
                                                   a.useCount, a.helpful);
            markedTextLine(ImVec2(at.x, at.y + ImGui::GetTextLineHeight() + 2), width, detail, true);
            ImGui::PopID();
        }
    }
}

void KnowledgeBasePanel::drawArticle() {
    if (!article_) {
        ImGui::TextDisabled("%d articles in %zu folders.", desk_.kb().publishedCount(), folders_.size());
        ImGui::TextWrapped("Type in the search box, or pick a folder or a tag, then open an article to insert it "
                           "into the reply you are writing.");
        return;
    }
    const Article& a = *article_;
    ImGui::PushTextWrapPos(0.0f);
    ImGui::PushStyleColor(ImGuiCol_Text, kTitleColour);
    ImGui::TextUnformatted(a.content.title.c_str());
    ImGui::PopStyleColor();
    ImGui::PopTextWrapPos();
    std::string meta = fmt::format("{}  -  {}", a.content.folder, a.content.service.empty() ? "all services" : a.content.service);
    if (a.state == ArticleState::Published) {
        meta += fmt::format("  -  version {}  -  {}", a.version, when(a.updatedAtMs));
    }
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    ImGui::TextWrapped("%s", meta.c_str());
    ImGui::TextWrapped("By %s  -  used %lld times  -  %d helpful, %d not", a.author.c_str(),
                       static_cast<long long>(a.useCount), a.helpful, a.notHelpful);
    ImGui::PopStyleColor();
    if (a.state != ArticleState::Published) {
        ImGui::TextColored(kPendingColour, "%s: not visible to other agents yet.", std::string(stateLabel(a.state)).c_str());
    }
    // Tags as small buttons, wrapped to the width: one filters the list by that tag.
    const float right = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
    for (std::size_t i = 0; i < a.content.tags.size(); ++i) {
        const std::string label = fmt::format(KB_ICON_TAG " {}", a.content.tags[i]);
        const float width = ImGui::CalcTextSize(label.c_str()).x + ImGui::GetStyle().FramePadding.x * 2;
        if (i > 0) {
            ImGui::SameLine();
            if (ImGui::GetCursorScreenPos().x + width > right) ImGui::NewLine();
        }
        if (ImGui::SmallButton(label.c_str())) tag_ = a.content.tags[i];
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("Show every article tagged \"%s\"", a.content.tags[i].c_str());
    }

    const bool published = a.state == ArticleState::Published;
    ImGui::BeginDisabled(!published || desk_.inserting(a.id));
    ImGui::PushStyleColor(ImGuiCol_Button, ImVec4(0.20f, 0.50f, 0.32f, 1));
    if (ImGui::Button(KB_ICON_REPLY "  Insert into reply")) desk_.use(a.id);
    ImGui::PopStyleColor();
    if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) {
        ImGui::SetTooltip("Puts the text in the chat input or email reply you are writing, to edit before sending");
    }
    ImGui::SameLine();
    if (ImGui::Button(KB_ICON_FILES "  Copy")) desk_.copy(a.id);
    ImGui::EndDisabled();
    ImGui::SameLine();
    const std::optional<bool> mine = desk_.kb().ratingBy(a.id, desk_.person().id);
    ImGui::BeginDisabled(!published);
    if (mine == true) ImGui::PushStyleColor(ImGuiCol_Text, kInfoColour);
    if (ImGui::Button(KB_ICON_THUMBS_UP)) desk_.rate(a.id, true);
    if (mine == true) ImGui::PopStyleColor();
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Helpful");
    ImGui::SameLine();
    if (mine == false) ImGui::PushStyleColor(ImGuiCol_Text, kErrorColour);
    if (ImGui::Button(KB_ICON_THUMBS_DOWN)) desk_.rate(a.id, false);
    if (mine == false) ImGui::PopStyleColor();
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Not helpful");
    ImGui::EndDisabled();
    ImGui::SameLine();
    if (ImGui::Button(KB_ICON_PENCIL)) startEditing(&a);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Propose a change (a supervisor approves it)");
    ImGui::SameLine();
    if (ImGui::Button(KB_ICON_HISTORY)) {
        pane_ = Pane::History;
        history_ = desk_.kb().history(a.id);
        historySelected_ = history_.empty() ? 0 : history_.front().id;
    }
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Versions and proposals");
    ImGui::Separator();

    ImGui::BeginChild("##kb.body");
    markedTextWrapped(markedBody_.empty() ? a.content.body : markedBody_, ImGui::GetContentRegionAvail().x);
    ImGui::EndChild();
}

void KnowledgeBasePanel::startEditing(const Article* article) {
    pane_ = Pane::Editor;
    editingId_ = article ? article->id : std::string();
    editTitle_ = article ? article->content.title : std::string();
    editFolder_ = article ? article->content.folder : folder_;
    editService_ = article ? article->content.service : std::string();
    editTags_ = article ? joined(article->content.tags) : std::string();
    editBody_ = article ? article->content.body : std::string();
    editSummary_.clear();
}

void KnowledgeBasePanel::drawEditor() {
    ImGui::TextUnformatted(editingId_.empty() ? KB_ICON_PLUS "  New article" : KB_ICON_PENCIL "  Propose a change");
    ImGui::TextDisabled("A supervisor approves it before other agents see it.");
    const float label = ImGui::CalcTextSize("Service ").x + ImGui::GetStyle().ItemSpacing.x;
    auto field = [&](const char* name, const char* id, std::string& value, const char* hint) {
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted(name);
        ImGui::SameLine(label);
        ImGui::SetNextItemWidth(-1);
        ImGui::InputTextWithHint(id, hint, &value);
    };
    field("Title", "##kb.title", editTitle_, "What the customer asks, in their words");
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted("Folder");
    ImGui::SameLine(label);
    ImGui::SetNextItemWidth(-ImGui::GetFrameHeight() - ImGui::GetStyle().ItemSpacing.x);
    ImGui::InputTextWithHint("##kb.editfolder", "A folder, new or existing", &editFolder_);
    ImGui::SameLine();
    if (ImGui::BeginCombo("##kb.pickfolder", "", ImGuiComboFlags_NoPreview | ImGuiComboFlags_PopupAlignLeft)) {
        for (const auto& f : folders_) {
            if (ImGui::Selectable(f.folder.c_str(), f.folder == editFolder_)) editFolder_ = f.folder;
        }
        ImGui::EndCombo();
    }
    field("Service", "##kb.service", editService_, "Service id (e.g. support-chat); empty for every service");
    field("Tags", "##kb.tags", editTags_, "Comma separated, e.g. returns, boots");
    if (!editingId_.empty()) field("Why", "##kb.summary", editSummary_, "What changed and why, for the reviewer");
    const float buttons = ImGui::GetFrameHeightWithSpacing() + ImGui::GetStyle().ItemSpacing.y;
    ImGui::InputTextMultiline("##kb.body", &editBody_, ImVec2(-1, std::max(ImGui::GetTextLineHeight() * 6,
                                                                            ImGui::GetContentRegionAvail().y - buttons)),
                              ImGuiInputTextFlags_None);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Plain text; a blank line between paragraphs, \"- \" for list items");
    const ArticleContent content{editTitle_, editBody_, editFolder_, editService_, tagsFrom(editTags_)};
    if (ImGui::Button(AD_ICON_CHECK "  Send for approval")) {
        if (editingId_.empty()) {
            const std::string id = desk_.createArticle(content, true);
            if (!id.empty()) open(id);
        } else if (desk_.proposeEdit(editingId_, content, editSummary_)) {
            open(editingId_);
        }
    }
    if (editingId_.empty()) {
        ImGui::SameLine();
        if (ImGui::Button("Save draft")) {
            const std::string id = desk_.createArticle(content, false);
            if (!id.empty()) open(id);
        }
    }
    ImGui::SameLine();
    if (ImGui::Button("Cancel")) pane_ = Pane::Article;
}

void KnowledgeBasePanel::drawHistory() {
    if (ImGui::Button("< Back to the article")) {
        pane_ = Pane::Article;
        return;
    }
    ImGui::SameLine();
    ImGui::TextDisabled("%s", article_ ? article_->content.title.c_str() : openId_.c_str());
    const Revision* selected = nullptr;
    if (ImGui::BeginTable("##kb.history", 4,
                          ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_ScrollY |
                              ImGuiTableFlags_SizingStretchProp,
                          ImVec2(0, std::min(ImGui::GetTextLineHeightWithSpacing() * (history_.size() + 1.5f),
                                             ImGui::GetContentRegionAvail().y * 0.4f)))) {
        ImGui::TableSetupScrollFreeze(0, 1);
        ImGui::TableSetupColumn("Version", ImGuiTableColumnFlags_WidthStretch, 0.7f);
        ImGui::TableSetupColumn("By", ImGuiTableColumnFlags_WidthStretch, 2.0f);
        ImGui::TableSetupColumn("When", ImGuiTableColumnFlags_WidthStretch, 1.4f);
        ImGui::TableSetupColumn("Status", ImGuiTableColumnFlags_WidthStretch, 1.1f);
        ImGui::TableHeadersRow();
        ImGuiListClipper clipper;
        clipper.Begin(static_cast<int>(history_.size()));
        while (clipper.Step()) {
            for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
                const Revision& r = history_[static_cast<std::size_t>(i)];
                ImGui::TableNextRow();
                ImGui::TableNextColumn();
                const std::string label = r.version > 0 ? fmt::format("v{}##{}", r.version, r.id) : fmt::format("-##{}", r.id);
                if (ImGui::Selectable(label.c_str(), historySelected_ == r.id, ImGuiSelectableFlags_SpanAllColumns)) {
                    historySelected_ = r.id;
                }
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(r.authorName.c_str());
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(shortWhen(r.reviewedAtMs ? r.reviewedAtMs : r.createdAtMs).c_str());
                ImGui::TableNextColumn();
                ImGui::TextColored(statusColour(r.status), "%s", r.status == RevisionStatus::Pending ? "Pending"
                                                                 : std::string(statusLabel(r.status)).c_str());
            }
        }
        ImGui::EndTable();
    }
    for (const Revision& r : history_) {
        if (r.id == historySelected_) selected = &r;
    }
    if (!selected) return;
    ImGui::Separator();
    ImGui::BeginChild("##kb.version");
    ImGui::TextWrapped("%s", selected->content.title.c_str());
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    ImGui::TextWrapped("%s  -  tags: %s", selected->content.folder.c_str(), joined(selected->content.tags).c_str());
    if (!selected->summary.empty()) ImGui::TextWrapped("Note: %s", selected->summary.c_str());
    if (!selected->reviewerName.empty()) {
        ImGui::TextWrapped("Reviewed by %s%s%s", selected->reviewerName.c_str(), selected->reviewComment.empty() ? "" : ": ",
                           selected->reviewComment.c_str());
    }
    ImGui::PopStyleColor();
    ImGui::Spacing();
    ImGui::TextWrapped("%s", selected->content.body.c_str());
    ImGui::EndChild();
}

void KnowledgeBasePanel::loadContributions() {
    // Supervisors review everyone's pending proposals; every agent sees their own drafts and answers.
    try {
        contributions_ = desk_.isSupervisor() ? desk_.kb().pending() : std::vector<Revision>{};
        for (auto& r : desk_.kb().contributionsBy(desk_.person().id)) {
            const bool listed = std::any_of(contributions_.begin(), contributions_.end(), [&](const Revision& c) { return c.id == r.id; });
            if (!listed) contributions_.push_back(std::move(r));
        }
    } catch (const KbStoreError& e) {
        host_.log().error(e.what());
    }
}

void KnowledgeBasePanel::drawContributions() {
    if (ImGui::Button("< Back")) {
        pane_ = Pane::Article;
        return;
    }
    ImGui::SameLine();
    ImGui::TextUnformatted(desk_.isSupervisor() ? "Waiting for approval, and your own proposals" : "Your proposals");
    if (contributions_.empty()) {
        ImGui::TextDisabled(desk_.isSupervisor() ? "Nothing waits for approval." : "You have no drafts or proposals waiting.");
        return;
    }
    const ImGuiStyle& style = ImGui::GetStyle();
    const float listHeight = std::min(contributions_.size() * (rowHeight() + style.ItemSpacing.y) + style.WindowPadding.y * 2,
                                      ImGui::GetContentRegionAvail().y * 0.35f);
    ImGui::BeginChild("##kb.contributions", ImVec2(0, listHeight), true);
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(contributions_.size()), rowHeight() + ImGui::GetStyle().ItemSpacing.y);
    while (clipper.Step()) {
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
            const Revision& r = contributions_[static_cast<std::size_t>(i)];
            ImGui::PushID(static_cast<int>(r.id));
            const ImVec2 at = ImGui::GetCursorScreenPos();
            if (ImGui::Selectable("##contribution", contributionSelected_ == r.id, 0, ImVec2(0, rowHeight()))) {
                contributionSelected_ = r.id;
                reviewComment_.clear();
            }
            const float width = ImGui::GetItemRectSize().x;
            markedTextLine(at, width, r.content.title);
            const std::string detail = fmt::format("{}  -  {}  -  {}  -  {}", statusLabel(r.status),
                                                   r.baseVersion ? fmt::format("change to v{}", r.baseVersion) : "new article",
                                                   r.authorName, when(r.createdAtMs));
            markedTextLine(ImVec2(at.x, at.y + ImGui::GetTextLineHeight() + 2), width, detail, true);
            ImGui::PopID();
        }
    }
    ImGui::EndChild();

    const auto it = std::find_if(contributions_.begin(), contributions_.end(),
                                 [&](const Revision& r) { return r.id == contributionSelected_; });
    if (it == contributions_.end()) {
        ImGui::TextDisabled("Select a proposal to read it.");
        return;
    }
    const Revision r = *it;  // a copy: the buttons below reload the list
    ImGui::TextWrapped("%s", r.content.title.c_str());
    ImGui::TextColored(statusColour(r.status), "%s", std::string(statusLabel(r.status)).c_str());
    ImGui::SameLine();
    ImGui::TextDisabled("%s", r.baseVersion ? fmt::format("change to version {}", r.baseVersion).c_str() : "new article");
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    ImGui::TextWrapped("By %s  -  %s  -  %s  -  tags: %s", r.authorName.c_str(), r.content.folder.c_str(),
                       r.content.service.empty() ? "all services" : r.content.service.c_str(), joined(r.content.tags).c_str());
    if (!r.summary.empty()) ImGui::TextWrapped("Why: %s", r.summary.c_str());
    ImGui::PopStyleColor();
    if (r.status == RevisionStatus::Rejected) {
        ImGui::TextColored(kErrorColour, "%s: %s", r.reviewerName.c_str(), r.reviewComment.c_str());
    }

    const bool review = desk_.isSupervisor() && r.status == RevisionStatus::Pending;
    const bool mine = r.authorId == desk_.person().id;
    if (review) {
        ImGui::SetNextItemWidth(-1);
        ImGui::InputTextWithHint("##kb.comment", "Comment for the author (needed to reject)", &reviewComment_);
        ImGui::PushStyleColor(ImGuiCol_Button, ImVec4(0.20f, 0.50f, 0.32f, 1));
        if (ImGui::Button(AD_ICON_CHECK "  Approve and publish")) {
            if (desk_.approve(r.id, reviewComment_)) contributionSelected_ = 0;
        }
        ImGui::PopStyleColor();
        ImGui::SameLine();
        if (ImGui::Button(AD_ICON_TIMES "  Reject")) {
            if (desk_.reject(r.id, reviewComment_)) contributionSelected_ = 0;
        }
    } else if (mine && r.status == RevisionStatus::Draft) {
        if (ImGui::Button(AD_ICON_CHECK "  Send for approval")) desk_.submit(r.id);
    } else if (mine && r.status == RevisionStatus::Rejected) {
        if (ImGui::Button(KB_ICON_PENCIL "  Revise")) {
            Article draft;
            draft.id = r.articleId;
            draft.content = r.content;
            startEditing(&draft);
            return;
        }
    }
    ImGui::Separator();
    ImGui::BeginChild("##kb.proposal");
    ImGui::TextWrapped("%s", r.content.body.c_str());
    if (r.baseVersion > 0) {
        const auto current = desk_.kb().article(r.articleId);
        if (current && ImGui::CollapsingHeader(fmt::format("Published version {}", current->version).c_str())) {
            ImGui::TextDisabled("%s", current->content.title.c_str());
            ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
            ImGui::TextWrapped("%s", current->content.body.c_str());
            ImGui::PopStyleColor();
        }
    }
    ImGui::EndChild();
}

}  // namespace agentdesk::kb
