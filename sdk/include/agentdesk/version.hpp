#pragma once
// AgentDesk SDK version.
//
// Compatibility rule: a plugin built against SDK X.Y loads into a host with SDK X.Z when Z >= Y.
// The same major version means binary compatible (no virtual function removed or reordered, no
// struct layout changed); a new minor may only append. A different major is refused at load.

#define AGENTDESK_SDK_VERSION_MAJOR 1
#define AGENTDESK_SDK_VERSION_MINOR 3
#define AGENTDESK_SDK_VERSION_PATCH 0
#define AGENTDESK_SDK_VERSION_STRING "1.3.0"

namespace agentdesk {

/// A semantic version triple, as used by the SDK and by plugin manifests.
struct SdkVersion {
    int major = 0;
    int minor = 0;
    int patch = 0;
};

/// The SDK version this translation unit was compiled against.
inline constexpr SdkVersion kSdkVersion{AGENTDESK_SDK_VERSION_MAJOR, AGENTDESK_SDK_VERSION_MINOR,
                                        AGENTDESK_SDK_VERSION_PATCH};

/// True when code built for `built` can run on a host providing `host` (same major, host minor not older).
constexpr bool isCompatible(SdkVersion built, SdkVersion host) {
    return built.major == host.major && built.minor <= host.minor;
}

}  // namespace agentdesk
