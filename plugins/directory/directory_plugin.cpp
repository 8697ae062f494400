// The directory plugin (spec VOICE-06, VOICE-08): the company directory with favourites, over
// the bus only; calls and chats it starts go to the plugins that handle them.

#include "model/directory_model.hpp"
#include "view/directory_panel.hpp"

#include <agentdesk/plugin.hpp>
#include <agentdesk/ui/icons.hpp>

#include <nlohmann/json.hpp>

#include <memory>

namespace agentdesk::directory {

class DirectoryPlugin final : public Plugin {
public:
    void init(HostApi& host) override {
        // Favourites are kept in the plugin's settings by entry id.
        std::vector<std::string> favorites;
        if (const nlohmann::json settings = host.loadSettings(); settings.contains("favorites") && settings["favorites"].is_array()) {
            for (const auto& id : settings["favorites"]) {
                if (id.is_string()) favorites.push_back(id.get<std::string>());
            }
        }
        model_ = std::make_unique<DirectoryModel>(host.bus(), std::move(favorites), [&host](const std::vector<std::string>& ids) {
            nlohmann::json settings = host.loadSettings();
            if (!settings.is_object()) settings = nlohmann::json::object();
            settings["favorites"] = ids;
            host.saveSettings(settings);
        });
        panel_ = std::make_unique<DirectoryPanel>(*model_, host);
        host.addPanel({"directory.panel", "Directory", AD_ICON_ADDRESS_BOOK, DockHint::Right, [this] { panel_->draw(); }});
        host.addCommand({"directory.search", "Search the directory", "Ctrl+Shift+D", [this, &host] {
                             host.focusPanel("directory.panel");
                             panel_->focusSearch();
                         }, {}});
    }

    void shutdown() override {
        panel_.reset();
        model_.reset();
    }

private:
    std::unique_ptr<DirectoryModel> model_;
    std::unique_ptr<DirectoryPanel> panel_;
};

}  // namespace agentdesk::directory

AGENTDESK_PLUGIN(agentdesk::directory::DirectoryPlugin)
