// A well-behaved plugin: registers a panel and a command, answers test.ping with test.pong.
#include <agentdesk/plugin.hpp>

#include <memory>

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
// Not declared in the manifest: publishing it must be refused.
struct Forbidden {
    static constexpr std::string_view topic = "agent.state.set";
    int value = 0;
    MSGPACK_DEFINE_MAP(value)
};

class GoodPlugin final : public agentdesk::Plugin {
public:
    void init(agentdesk::HostApi& host) override {
        host_ = &host;
        host.addPanel({"good.panel", "Good", "", agentdesk::DockHint::Right, [] {}});
        host.addCommand({"good.hello", "Say hello", "Ctrl+H", [] {}, {}});
        pings_ = host.bus().subscribe<Ping>([this](const Ping& p, const agentdesk::Message& m) {
            host_->bus().publish(Pong{p.value + 1}, m.correlation);
            host_->bus().publish(Forbidden{p.value});
        });
    }

private:
    agentdesk::HostApi* host_ = nullptr;
    agentdesk::Subscription pings_;
};

}  // namespace

AGENTDESK_PLUGIN(GoodPlugin)
