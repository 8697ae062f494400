// The chat plugin: the agent's chat sessions, over the bus only. Drafts are written to the
// plugin's data folder a moment after each change, so what the agent typed survives a crash.

#include "model/chat_sessions.hpp"
#include "view/chat_panel.hpp"

#include <agentdesk/events/desktop.hpp>
#include <agentdesk/plugin.hpp>
#include <agentdesk/ui/icons.hpp>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <chrono>
#include <fstream>
#include <memory>

namespace agentdesk::chat {

class ChatPlugin final : public Plugin {
public:
    void init(HostApi& host) override {
        host_ = &host;
        draftsFile_ = host.paths().data / "drafts.json";
        model_ = std::make_unique<ChatSessions>(
            host.bus(), host.clock(),
            [&host](const ChatSession& session) {
                const std::string who = session.offer.customerName.empty() ? session.offer.from : session.offer.customerName;
                const std::string last = session.messages.empty() ? session.offer.preview : session.messages.back().text;
                host.notify({Severity::Info, fmt::format("Chat with {}", who), last});
                host.focusPanel("chat.sessions");
            },
            [this] { scheduleDraftSave(); });
        model_->restoreDrafts(loadDrafts());
        panel_ = std::make_unique<ChatPanel>(*model_, host);
        host.addPanel({"chat.sessions", "Chats", AD_ICON_COMMENTS, DockHint::Center, [this] { panel_->draw(); }});
        // Chosen elsewhere (Active Communications): the Chats panel comes forward.
        selected_ = host.bus().subscribe<events::InteractionSelected>([this, &host](const events::InteractionSelected& e) {
            if (e.channel == Channel::Chat && model_->find(e.interactionId)) host.focusPanel("chat.sessions");
        });
        host.addCommand({"chat.next", "Next chat", "F6", [this, &host] {
                             model_->activateNext();
                             host.focusPanel("chat.sessions");
                             panel_->focusInput();
                         },
                         [this] { return !model_->sessions().empty(); }});
    }

    void shutdown() override {
        if (saveTimer_) saveDrafts();
        saveTimer_ = {};
        selected_ = {};
        panel_.reset();
        model_.reset();
    }

private:
    void scheduleDraftSave() {
        if (saveTimer_) return;
        saveTimer_ = host_->timers().at(host_->clock().now() + std::chrono::milliseconds(500), [this] {
            saveTimer_ = {};
            saveDrafts();
        });
    }

    void saveDrafts() {
        // Write a new file and rename it over the old one: a crash leaves one or the other, never half.
        std::error_code failed;
        std::filesystem::create_directories(draftsFile_.parent_path(), failed);
        const std::filesystem::path temporary = draftsFile_.string() + ".new";
        {
            std::ofstream out(temporary, std::ios::trunc);
            out << nlohmann::json(model_->drafts()).dump(1);
            if (!out) {
                host_->log().error(fmt::format("could not save chat drafts to {}", temporary.string()));
                return;
            }
        }
        std::filesystem::rename(temporary, draftsFile_, failed);
        if (failed) host_->log().error(fmt::format("could not save chat drafts: {}", failed.message()));
    }

    std::map<std::string, std::string> loadDrafts() {
        std::ifstream in(draftsFile_);
        if (!in) return {};
        const nlohmann::json content = nlohmann::json::parse(in, nullptr, false);
        std::map<std::string, std::string> drafts;
        if (!content.is_object()) {
            host_->log().warn(fmt::format("{} is not a drafts file; starting without drafts", draftsFile_.string()));
            std::error_code ignored;
            std::filesystem::rename(draftsFile_, draftsFile_.string() + ".bad", ignored);
            return drafts;
        }
        for (const auto& [id, text] : content.items()) {
            if (text.is_string()) drafts[id] = text.get<std::string>();
        }
        return drafts;
    }

    HostApi* host_ = nullptr;
    std::filesystem::path draftsFile_;
    std::unique_ptr<ChatSessions> model_;
    std::unique_ptr<ChatPanel> panel_;
    Timer saveTimer_;
    Subscription selected_;
};

}  // namespace agentdesk::chat

AGENTDESK_PLUGIN(agentdesk::chat::ChatPlugin)
