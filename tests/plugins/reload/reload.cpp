// A plugin under development, built twice (RELOAD_VERSION 1 and 2): its panel title and its
// answer to test.ping tell which build is loaded.
#include <agentdesk/plugin.hpp>

#include <string>

namespace {

struct Ping {
    static constexpr std::string_view topic = "test.ping";
    int value = 0;
    MSGPACK_DEFINE_MAP(value)
};
struct Pong {
    static constexpr std::string_view topic = "test.pong";
    int value = 0;
    MSGPACK_DEFINE_MAP(value)
};

class ReloadPlugin final : public agentdesk::Plugin {
public:
    void init(agentdesk::HostApi& host) override {
        host_ = &host;
        host.addPanel({"reload.panel", "Reload v" + std::to_string(RELOAD_VERSION), "", agentdesk::DockHint::Right, [] {}});
        pings_ = host.bus().subscribe<Ping>([this](const Ping& p, const agentdesk::Message& m) {
            host_->bus().publish(Pong{p.value * 10 + RELOAD_VERSION}, m.correlation);
        });
    }

private:
    agentdesk::HostApi* host_ = nullptr;
    agentdesk::Subscription pings_;
};

}  // namespace

AGENTDESK_PLUGIN(ReloadPlugin)
