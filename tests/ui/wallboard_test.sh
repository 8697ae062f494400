#!/usr/bin/env bash
# The wallboard under Xvfb at 3840x2160 (spec OTHER-02): full screen with no login, fed by the
# simulated center on a virtual clock; two screenshots (service tiles, then the agent grid) must
# be 4K, not blank, and differ. Then a corrupt board file: the wallboard still starts, with the
# default board, and says why.
set -euo pipefail
exe=$(realpath "$1")
out=$2
here=$(realpath "$3")
rm -rf "$out"
mkdir -p "$out"
home="$(cd "$out" && pwd)/home"

colours() {
    python3 - "$1" <<'PY'
import sys, zlib, struct
data = open(sys.argv[1], 'rb').read()
assert data[:8] == b'\x89PNG\r\n\x1a\n', 'not a PNG'
pos, idat, w, h = 8, b'', 0, 0
while pos < len(data):
    n, kind = struct.unpack('>I4s', data[pos:pos+8]); body = data[pos+8:pos+8+n]; pos += 12 + n
    if kind == b'IHDR': w, h = struct.unpack('>II', body[:8])
    if kind == b'IDAT': idat += body
raw = zlib.decompress(idat)
stride = w * 4 + 1
seen = set()
for y in range(0, h, 7):
    row = raw[y*stride+1:(y+1)*stride]
    for x in range(0, w * 4, 28):
        seen.add(row[x:x+3])
print(w, h, len(seen))
PY
}

wall() {
    xvfb-run -a -s "-screen 0 3840x2160x24" "$exe" --wallboard --config-dir "$home/config" --data-dir "$home/data" "$@"
}

(cd "$out" && wall --scenario "$here/wallboard.json")
for shot in wallboard.png wallboard-agents.png; do
    [ -f "$out/$shot" ] || { echo "missing $shot"; exit 1; }
    read -r w h n < <(colours "$out/$shot")
    echo "$shot: ${w}x${h}, $n colours"
    [ "$w" = 3840 ] && [ "$h" = 2160 ] && [ "$n" -gt 20 ]
done
! cmp -s "$out/wallboard.png" "$out/wallboard-agents.png"
grep -q "fonts baked: UI 32 px, display 44..240 px" "$home/data/logs/"*.log || { echo "fonts not baked for 4K"; exit 1; }

# A corrupt board: refused with a message, the default board is shown, the file is left as it was.
printf '{\n  "name": "Floor 3",\n  "pages": [\n' > "$out/broken.json"
cp "$out/broken.json" "$out/broken.expected"
rm -rf "$home"
wall --board "$out/broken.json" --frames 4 --screenshot "$out/corrupt-board.png"
read -r w h n < <(colours "$out/corrupt-board.png")
echo "corrupt-board.png: ${w}x${h}, $n colours"
[ "$n" -gt 20 ]
grep -q "Board not used: board $out/broken.json is not valid JSON: parse error at line 4" "$home/data/logs/"*.log ||
    { echo "no message about the corrupt board"; exit 1; }
cmp -s "$out/broken.json" "$out/broken.expected" || { echo "the corrupt board was changed"; exit 1; }
echo "screenshots in $out"
