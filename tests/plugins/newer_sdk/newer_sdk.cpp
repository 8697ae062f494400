// A plugin built for another SDK major: its entry reports that version.
#include <agentdesk/plugin.hpp>

#undef AGENTDESK_SDK_VERSION_MAJOR
#define AGENTDESK_SDK_VERSION_MAJOR TEST_SDK_MAJOR

namespace {
class NewerPlugin final : public agentdesk::Plugin {
public:
    void init(agentdesk::HostApi&) override {}
};
}  // namespace

AGENTDESK_PLUGIN(NewerPlugin)
