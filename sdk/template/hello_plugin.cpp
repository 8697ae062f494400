// The smallest useful plugin: a panel with a button that publishes hello.said, and the last
// greeting heard on the bus. Copy this folder to start a plugin of your own.
#include <agentdesk/plugin.hpp>

#include <string>

namespace {

/// Event: someone said hello. Its topic is declared under "publishes" in plugin.json.
struct HelloSaid {
    static constexpr std::string_view topic = "hello.said";
    std::string text;
    MSGPACK_DEFINE_MAP(text)
};

class HelloPlugin final : public agentdesk::Plugin {
public:
    void init(agentdesk::HostApi& host) override {
        heard_ = host.bus().subscribe<HelloSaid>([this](const HelloSaid& e) { last_ = e.text; });
        host.addPanel({"hello.panel", "Hello", "", agentdesk::DockHint::Right, [this, &host] {
                           if (ImGui::Button("Say hello")) host.bus().publish(HelloSaid{"Hello from a plugin"});
                           ImGui::TextUnformatted(last_.empty() ? "Nothing heard yet." : last_.c_str());
                       }});
    }

private:
    agentdesk::Subscription heard_;  // ends with the plugin
    std::string last_;
};

}  // namespace

AGENTDESK_PLUGIN(HelloPlugin)
