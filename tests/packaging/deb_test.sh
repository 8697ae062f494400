#!/usr/bin/env bash
# The Debian packages as a user gets them: build them with CPack, check what they hold and
# depend on, unpack the desktop with dpkg-deb -x (no root needed) and run it from there: the
# unpacked agentdesk finds its plugins and assets beside itself.
#   deb_test.sh CPACK BUILD_DIR SOURCE_DIR WORK_DIR VERSION
set -euo pipefail
cpack=$1 build=$2 source=$3 work=$4 version=$5
rm -rf "$work"
mkdir -p "$work"

fail() { echo "FAIL: $*" >&2; exit 1; }

"$cpack" --config "$build/CPackConfig.cmake" -B "$work/out" >"$work/cpack.log" 2>&1 || { cat "$work/cpack.log"; fail "cpack"; }
deb=$(ls "$work/out"/agentdesk_"$version"_*.deb)
sdk=$(ls "$work/out"/agentdesk-sdk_"$version"_all.deb)

# What the desktop package depends on: the libraries its binaries link, found by dpkg-shlibdeps,
# and the fonts it opens by path.
depends=$(dpkg-deb -f "$deb" Depends)
echo "Depends: $depends"
for pkg in libglfw3 libsqlite3-0 libsodium23 libstdc++6 libc6 fonts-dejavu-core fonts-font-awesome; do
    [[ ", $depends," == *", $pkg "* || ", $depends," == *", $pkg,"* ]] || fail "agentdesk does not depend on $pkg"
done
[[ $(dpkg-deb -f "$deb" Package) == agentdesk ]] || fail "package name"
[[ $(dpkg-deb -f "$sdk" Depends) == *"libmsgpack-cxx-dev"* ]] || fail "agentdesk-sdk does not depend on msgpack"

dpkg-deb -c "$deb" | awk '{print $6}' | sed 's|^\./|/|' >"$work/contents.txt"
for f in /usr/bin/agentdesk /usr/bin/agentdesk-helper /usr/bin/agentdesk-hash-password /usr/lib/agentdesk/plugins/engine/libagentdesk_engine.so \
         /usr/lib/agentdesk/plugins/engine/plugin.json /usr/lib/agentdesk/plugins/agent/libagentdesk_agent.so \
         /usr/lib/agentdesk/devtools/inspector/libagentdesk_inspector.so \
         /usr/share/agentdesk/scenario/users.json /usr/share/agentdesk/layouts/ /usr/share/agentdesk/kb/ \
         /usr/share/applications/agentdesk.desktop /usr/share/icons/hicolor/scalable/apps/agentdesk.svg \
         /usr/share/metainfo/io.agentdesk.AgentDesk.metainfo.xml; do
    grep -qx "$f" "$work/contents.txt" || fail "$f is not in the package"
done
! grep -q '^/usr/include' "$work/contents.txt" || fail "SDK headers belong in agentdesk-sdk"
dpkg-deb -c "$sdk" >"$work/sdk-contents.txt"
grep -q './usr/include/agentdesk/plugin.hpp' "$work/sdk-contents.txt" || fail "agentdesk-sdk has no headers"
grep -q './usr/share/cmake/AgentDeskSDK/AgentDeskSDKConfig.cmake' "$work/sdk-contents.txt" || fail "agentdesk-sdk has no CMake package"

if command -v desktop-file-validate >/dev/null; then desktop-file-validate "$source/packaging/agentdesk.desktop"; fi

root=$work/root
dpkg-deb -x "$deb" "$root"
[[ $("$root/usr/bin/agentdesk" --version) == "AgentDesk $version (plugin SDK "* ]] || fail "--version: $("$root/usr/bin/agentdesk" --version)"
home=$work/home
"$root/usr/bin/agentdesk" --list-plugins --config-dir "$home/config" --data-dir "$home/data" >"$work/list.txt" 2>&1 || true
cat "$work/list.txt"
for id in engine agent activity chat voice kb; do
    grep -Eq "^$id .*loaded" "$work/list.txt" || fail "the unpacked desktop did not load its $id plugin"
done
"$root/usr/bin/agentdesk" --headless --scenario "$source/tests/scenarios/login_and_states.json" \
    --config-dir "$home/config" --data-dir "$home/data"
echo "Debian packages: OK"
