// A plugin built before SDK 1.1 (its entry says 1.0): it must still load into this host.
#include <agentdesk/plugin.hpp>

#undef AGENTDESK_SDK_VERSION_MINOR
#define AGENTDESK_SDK_VERSION_MINOR 0

namespace {
class OldPlugin final : public agentdesk::Plugin {
public:
    void init(agentdesk::HostApi& host) override { host.addPanel({"sdk_1_0.panel", "Old", "", agentdesk::DockHint::Right, [] {}}); }
};
}  // namespace

AGENTDESK_PLUGIN(OldPlugin)
