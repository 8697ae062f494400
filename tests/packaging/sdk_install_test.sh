#!/usr/bin/env bash
# The SDK as a third party gets it: install the build into a fresh prefix, check the SDK files,
# build the template with pkg-config and the CRM screen-pop example with CMake against that
# prefix, install the example beside the desktop's own plugins, and run the installed desktop
# headless: the example loads (from its build folder with --dev-plugin, and installed) and pops
# the customer of an offered call; the same plugin claiming a newer SDK is refused with the reason.
#   sdk_install_test.sh CMAKE BUILD_DIR SOURCE_DIR WORK_DIR
set -euo pipefail
cmake=$1 build=$2 source=$3 work=$4
prefix=$work/prefix
rm -rf "$work"
mkdir -p "$work"

fail() { echo "FAIL: $*" >&2; exit 1; }

"$cmake" --install "$build" --prefix "$prefix" >"$work/install.log"

for f in include/agentdesk/plugin.hpp include/agentdesk/host_api.hpp include/agentdesk/events/interaction.hpp \
         share/cmake/AgentDeskSDK/AgentDeskSDKConfig.cmake share/cmake/AgentDeskSDK/AgentDeskSDKConfigVersion.cmake \
         share/cmake/AgentDeskSDK/AgentDeskPlugin.cmake share/pkgconfig/agentdesk-sdk.pc bin/agentdesk \
         lib/agentdesk/plugins/engine/plugin.json share/agentdesk/scenario/users.json; do
    [[ -e $prefix/$f ]] || fail "$f is not installed"
done
[[ ! -e $prefix/include/agentdesk/runtime ]] || fail "the host's runtime headers were installed with the SDK"

# pkg-config: the template's plugin compiles with the flags it gives, and ImGui is left to the host.
export PKG_CONFIG_PATH=$prefix/share/pkgconfig
sdk_version=$(sed -n 's/^#define AGENTDESK_SDK_VERSION_STRING "\(.*\)"$/\1/p' "$source/sdk/include/agentdesk/version.hpp")
[[ -n $sdk_version && $(pkg-config --modversion agentdesk-sdk) == "$sdk_version" ]] || fail "pkg-config agentdesk-sdk version: $(pkg-config --modversion agentdesk-sdk)"
[[ $(pkg-config --variable=plugindir agentdesk-sdk) -ef $prefix/lib/agentdesk/plugins ]] || fail "plugindir is wrong"
mkdir -p "$work/hello"
# shellcheck disable=SC2046
c++ -shared -fPIC -fvisibility=hidden $(pkg-config --cflags agentdesk-sdk) "$source/sdk/template/hello_plugin.cpp" \
    -o "$work/hello/libagentdesk_hello.so"
nm -D --defined-only "$work/hello/libagentdesk_hello.so" | grep -q agentdesk_plugin_entry || fail "template: no entry symbol"
! nm -D --defined-only "$work/hello/libagentdesk_hello.so" | grep -q ImGui || fail "template carries its own ImGui"

# CMake: the example, out of tree, against the installed SDK only.
"$cmake" -S "$source/sdk/examples/crm_screenpop" -B "$work/crm-build" -DCMAKE_PREFIX_PATH="$prefix" \
    -DCMAKE_BUILD_TYPE=Release >"$work/crm-configure.log" || { cat "$work/crm-configure.log"; fail "configure"; }
"$cmake" --build "$work/crm-build" || fail "build"

# Straight from its build folder with --dev-plugin, beside the installed desktop's own plugins.
home=$work/home
"$prefix/bin/agentdesk" --headless --scenario "$source/tests/packaging/crm_screenpop.json" \
    --config-dir "$work/dev-home/config" --data-dir "$work/dev-home/data" \
    --dev-plugin "$work/crm-build/plugins/crm_screenpop" >/dev/null || fail "--dev-plugin: the example did not work from its build folder"

"$cmake" --install "$work/crm-build" --prefix "$prefix" >/dev/null
plugin=$prefix/lib/agentdesk/plugins/crm_screenpop
[[ -f $plugin/libagentdesk_crm_screenpop.so && -f $plugin/plugin.json ]] || fail "the example did not install beside the desktop's plugins"
grep -q "\"sdk\": \"$sdk_version\"" "$plugin/plugin.json" || fail "manifest does not name the SDK it was built with: $(cat "$plugin/plugin.json")"

# The same library claiming SDK 2.0 must be refused, and must not stop the others.
cp -r "$plugin" "$prefix/lib/agentdesk/plugins/crm_newer"
sed -i "s/\"id\": \"crm_screenpop\"/\"id\": \"crm_newer\"/; s/\"sdk\": \"$sdk_version\"/\"sdk\": \"2.0\"/" "$prefix/lib/agentdesk/plugins/crm_newer/plugin.json"

"$prefix/bin/agentdesk" --list-plugins --config-dir "$home/config" --data-dir "$home/data" >"$work/list.txt" 2>&1 || true
cat "$work/list.txt"
grep -Eq '^crm_screenpop .*loaded' "$work/list.txt" || fail "the example did not load"
grep -Eq '^engine .*loaded' "$work/list.txt" || fail "the installed desktop did not load its own plugins"
grep -E '^crm_newer ' "$work/list.txt" | grep -q 'built for SDK 2.0' || fail "a plugin built for SDK 2.0 was not refused with its reason"

rm -rf "$prefix/lib/agentdesk/plugins/crm_newer"
# A plugin under development replaces the installed copy with its id, which is refused by name.
"$prefix/bin/agentdesk" --list-plugins --config-dir "$home/config" --data-dir "$home/data" \
    --dev-plugin "$work/crm-build/plugins/crm_screenpop" >"$work/list-dev.txt" 2>&1 || true
[[ $(grep -Ec '^crm_screenpop +[^ ]+ +loaded$' "$work/list-dev.txt") == 1 ]] || fail "--dev-plugin: not exactly one crm_screenpop loaded"
grep -Eq "^crm_screenpop .*already loaded from .*crm-build/plugins/crm_screenpop" "$work/list-dev.txt" \
    || fail "--dev-plugin: the installed copy was not refused in favour of the build folder's"
"$prefix/bin/agentdesk" --headless --scenario "$source/tests/packaging/crm_screenpop.json" \
    --config-dir "$home/config" --data-dir "$home/data"
echo "SDK install, template, example and refusal: OK"
