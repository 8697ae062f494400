// The knowledge base plugin (spec KB-01..03): its own SQLite file in the plugin's data folder,
// seeded from assets/kb, the Knowledge Base panel, and the kb.* vocabulary on the bus.

#include "model/knowledge_base.hpp"
#include "model/knowledge_desk.hpp"
#include "model/starter_articles.hpp"
#include "view/knowledge_base_panel.hpp"

#include <agentdesk/plugin.hpp>
#include <agentdesk/ui/icons.hpp>

#include <fmt/format.h>

#include <memory>

namespace agentdesk::kb {

class KbPlugin final : public Plugin {
public:
    void init(HostApi& host) override {
        // A file that cannot be opened throws KbStoreError: the host shows the message and disables the plugin.
        kb_ = std::make_unique<KnowledgeBase>(host.paths().data / "kb.db");
        const StarterArticles starter = loadStarterArticles(host.paths().assets / "kb");
        for (const auto& problem : starter.problems) host.log().warn(fmt::format("starter article skipped: {}", problem));
        const int added = kb_->seed(starter.articles, toEpochMs(host.clock().now()));
        host.log().info(fmt::format("{}: {} published articles ({} added from the starter set)", kb_->file().string(),
                                    kb_->publishedCount(), added));

        desk_ = std::make_unique<KnowledgeDesk>(
            *kb_, host.bus(), host.clock(), host.timers(),
            DeskHooks{[](const std::string& text) {
                          if (ImGui::GetCurrentContext()) ImGui::SetClipboardText(text.c_str());
                      },
                      [&host](Notification notification) { host.notify(std::move(notification)); },
                      [this, &host](const std::string& articleId, const std::string& query) {
                          panel_->show(articleId, query);
                          host.focusPanel("kb.panel");
                      }});
        panel_ = std::make_unique<KnowledgeBasePanel>(*desk_, host);
        host.addPanel({"kb.panel", "Knowledge Base", AD_ICON_BOOK, DockHint::Right, [this] { panel_->draw(); }});
        host.addCommand({"kb.focus_search", "Search the knowledge base", "Ctrl+K",
                         [this, &host] {
                             host.focusPanel("kb.panel");
                             panel_->focusSearch();
                         },
                         [this] { return desk_->loggedIn(); }});
        host.addCommand({"kb.insert", "Insert the open article into the reply", "Ctrl+Shift+K",
                         [this] { desk_->use(panel_->openArticle()); },
                         [this] { return desk_->loggedIn() && !panel_->openArticle().empty(); }});
    }

    void shutdown() override {
        panel_.reset();
        desk_.reset();
        kb_.reset();
    }

private:
    std::unique_ptr<KnowledgeBase> kb_;
    std::unique_ptr<KnowledgeDesk> desk_;
    std::unique_ptr<KnowledgeBasePanel> panel_;
};

}  // namespace agentdesk::kb

AGENTDESK_PLUGIN(agentdesk::kb::KbPlugin)
