// A plugin whose init throws after registering: the host must disable it and remove what it added.
#include <agentdesk/plugin.hpp>

#include <stdexcept>

namespace {

class ThrowingPlugin final : public agentdesk::Plugin {
public:
    void init(agentdesk::HostApi& host) override {
        host.addPanel({"throws.panel", "Throws", "", agentdesk::DockHint::Left, [] {}});
        sub_ = host.bus().subscribePattern("test.*", [](const agentdesk::Message&) {});
        throw std::runtime_error("database file is locked");
    }

private:
    agentdesk::Subscription sub_;
};

}  // namespace

AGENTDESK_PLUGIN(ThrowingPlugin)
