// CRM screen-pop: when something rings for this desktop's agent, show who it is and a link to
// their record in the company's CRM, and tell the bus (crm.screenpop.shown) so other tools can
// follow. A sample third-party plugin: it uses only the installed SDK.
//
// Settings ($XDG_CONFIG_HOME/agentdesk/plugins/crm_screenpop.json):
//   {"recordUrl": "https://crm.example.com/customers/{customerId}"}
// {customerId} and {from} are replaced; an unknown caller has no customerId, so {from} is used.
#include <agentdesk/current_agent.hpp>
#include <agentdesk/events/interaction.hpp>
#include <agentdesk/plugin.hpp>
#include <agentdesk/ui/icons.hpp>

#include <nlohmann/json.hpp>

#include <deque>
#include <string>

namespace crm {

/// Event: the screen-pop showed a customer for an offer to this desktop's agent.
struct ScreenPopShown {
    static constexpr std::string_view topic = "crm.screenpop.shown";
    std::string interactionId;
    std::string customerId;    ///< "" when the contact center does not know the caller
    std::string customerName;  ///< the known name, else the number or address it came from
    std::string recordUrl;     ///< where the customer's CRM record is
    MSGPACK_DEFINE_MAP(interactionId, customerId, customerName, recordUrl)
};

/// Replaces every `{key}` in `text` with `value`.
std::string replaceAll(std::string text, const std::string& key, const std::string& value) {
    const std::string marker = "{" + key + "}";
    for (auto at = text.find(marker); at != std::string::npos; at = text.find(marker, at + value.size()))
        text.replace(at, marker.size(), value);
    return text;
}

class ScreenPopPlugin final : public agentdesk::Plugin {
public:
    void init(agentdesk::HostApi& host) override {
        host_ = &host;
        recordUrl_ = host.loadSettings().value("recordUrl", std::string("https://crm.example.com/customers/{customerId}"));
        agent_ = std::make_unique<agentdesk::CurrentAgent>(host.bus());
        offers_ = host.bus().subscribe<agentdesk::events::Offered>([this](const agentdesk::events::Offered& e) {
            if (agent_->is(e.agentId)) pop(e);
        });
        host.addPanel({"crm_screenpop.panel", "CRM", AD_ICON_USER, agentdesk::DockHint::Right, [this] { draw(); }});
    }

private:
    static constexpr std::size_t kKept = 20;

    void pop(const agentdesk::events::Offered& offer) {
        ScreenPopShown shown;
        shown.interactionId = offer.interactionId;
        shown.customerId = offer.customerId;
        shown.customerName = offer.customerName.empty() ? offer.from : offer.customerName;
        const std::string key = offer.customerId.empty() ? offer.from : offer.customerId;
        shown.recordUrl = replaceAll(replaceAll(recordUrl_, "customerId", key), "from", offer.from);
        pops_.push_front(shown);
        if (pops_.size() > kKept) pops_.pop_back();
        host_->bus().publish(shown);
        host_->focusPanel("crm_screenpop.panel");
    }

    void draw() {
        if (pops_.empty()) {
            ImGui::TextDisabled("Customers of your offers appear here.");
            return;
        }
        for (const ScreenPopShown& p : pops_) {
            ImGui::PushID(p.interactionId.c_str());
            ImGui::TextUnformatted(p.customerName.c_str());
            ImGui::SameLine();
            ImGui::TextDisabled("%s", p.customerId.empty() ? "(not in the CRM)" : p.customerId.c_str());
            ImGui::TextWrapped("%s", p.recordUrl.c_str());
            if (ImGui::SmallButton("Copy link")) ImGui::SetClipboardText(p.recordUrl.c_str());
            ImGui::Separator();
            ImGui::PopID();
        }
    }

    agentdesk::HostApi* host_ = nullptr;
    std::string recordUrl_;
    std::unique_ptr<agentdesk::CurrentAgent> agent_;
    agentdesk::Subscription offers_;
    std::deque<ScreenPopShown> pops_;
};

}  // namespace crm

AGENTDESK_PLUGIN(crm::ScreenPopPlugin)
