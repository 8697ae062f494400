#pragma once
// The plugin entry point. A plugin is a shared library with a plugin.json manifest beside it; it
// exports exactly one symbol, written by AGENTDESK_PLUGIN(ClassName) in one of its .cpp files:
//
//     class VoicePlugin final : public agentdesk::Plugin { ... };
//     AGENTDESK_PLUGIN(VoicePlugin)
//
// The host reads the entry before anything else and refuses the plugin politely when its SDK
// major differs, its SDK minor is newer than the host's, or it was built against another Dear
// ImGui (plugins draw with the host's single ImGui, so its data layout must match).

#include "agentdesk/host_api.hpp"
#include "agentdesk/version.hpp"

#include <imgui.h>

#include <cstddef>

namespace agentdesk {

/// A loaded plugin. init() may throw: the host then disables the plugin and shows the message.
class Plugin {
public:
    virtual ~Plugin() = default;
    /// Registers panels, commands and subscriptions. `host` outlives the plugin.
    virtual void init(HostApi& host) = 0;
    /// Called before the plugin is destroyed; subscriptions and timers held as members end with it.
    virtual void shutdown() {}
};

/// What the exported entry symbol returns. Append-only: fields are never reordered.
struct PluginEntry {
    int sdkMajor;
    int sdkMinor;
    int sdkPatch;
    int imguiVersionNum;
    std::size_t imguiIoSize;     ///< sizeof(ImGuiIO) as the plugin saw it
    std::size_t imguiStyleSize;  ///< sizeof(ImGuiStyle)
    Plugin* (*create)();
    void (*destroy)(Plugin*);
};

/// Name of the exported entry symbol.
inline constexpr const char* kPluginEntrySymbol = "agentdesk_plugin_entry";

}  // namespace agentdesk

/// Exports `ClassName` as this library's plugin.
#define AGENTDESK_PLUGIN(ClassName)                                                              \
    extern "C" __attribute__((visibility("default"))) const ::agentdesk::PluginEntry*            \
    agentdesk_plugin_entry() {                                                                   \
        static const ::agentdesk::PluginEntry entry{                                             \
            AGENTDESK_SDK_VERSION_MAJOR, AGENTDESK_SDK_VERSION_MINOR, AGENTDESK_SDK_VERSION_PATCH, \
            IMGUI_VERSION_NUM, sizeof(ImGuiIO), sizeof(ImGuiStyle),                               \
            []() -> ::agentdesk::Plugin* { return new ClassName(); },                             \
            [](::agentdesk::Plugin* p) { delete p; }};                                           \
        return &entry;                                                                           \
    }
