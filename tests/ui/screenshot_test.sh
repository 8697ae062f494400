#!/usr/bin/env bash
# Runs the real desktop under Xvfb: the login screen, then a scenario that logs in and changes
# state, each saved as a screenshot that must not be blank (more than a handful of colours).
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
for y in range(0, h, 7):  # sampled rows; filters make raw bytes approximate, enough to tell blank from drawn
    row = raw[y*stride+1:(y+1)*stride]
    for x in range(0, w * 4, 28):
        seen.add(row[x:x+3])
print(w, h, len(seen))
PY
}

run() {
    xvfb-run -a -s "-screen 0 1920x1080x24" "$exe" --config-dir "$home/config" --data-dir "$home/data" --size 1280x800 "$@"
}

run --frames 5 --screenshot "$out/login.png"
read -r w h n < <(colours "$out/login.png")
echo "login.png: ${w}x${h}, $n colours"
[ "$w" = 1280 ] && [ "$h" = 800 ] && [ "$n" -gt 20 ]

# Runs a scenario that saves two screenshots; both must show something, and differ.
two_shots() {
    local scenario=$1 first=$2 second=$3
    (cd "$out" && run --scenario "$here/$scenario" "${@:4}")
    for shot in "$first" "$second"; do
        [ -f "$out/$shot" ] || { echo "missing $shot"; exit 1; }
        read -r w h n < <(colours "$out/$shot")
        echo "$shot: ${w}x${h}, $n colours"
        [ "$n" -gt 20 ]
    done
    ! cmp -s "$out/$first" "$out/$second"
}

# The state bar changes colour and label between the two.
two_shots desktop_after_login.json after-login.png not-ready.png
# A call in Active Communications: ringing, then wrap-up.
rm -rf "$home"
two_shots active_communications.json ringing.png wrap-up.png
# Three chats side by side; then the mobile chat with its photo, after the SMS customer was banned.
rm -rf "$home"
two_shots chats.json chats.png chat-photo.png
# A personal call ringing (To voicemail), then the Voicemail panel with two messages and forwarding on.
rm -rf "$home"
two_shots voicemail.json personal-call.png voicemail.png
# A call on hold (muted, recording), then digits sent with the dial pad.
rm -rf "$home"
two_shots call.json call-held.png call-dialpad.png
# A consultation with the consult / transfer picker open, then a conference of four.
rm -rf "$home"
two_shots call_conference.json call-consulting.png call-conference.png
# A colleague's consultation ringing here (Answer / Decline), then answered.
rm -rf "$home"
two_shots call_consulted.json consult-ringing.png consult-answered.png
# The customer in a voice signature (the controls wait), then a message playing with the signature's id and a text sent.
rm -rf "$home"
two_shots call_automation.json call-in-application.png call-automation.png
# A campaign record in preview (countdown, numbers, fields, earlier attempts), then its disposition list.
rm -rf "$home"
two_shots campaign.json campaign-preview.png campaign-disposition.png
# The agent's dashboard after four calls (Supervisor layout, where it has an area of its own).
rm -rf "$home"
(cd "$out" && run --layout Supervisor --scenario "$here/dashboard.json")
read -r w h n < <(colours "$out/dashboard.png")
echo "dashboard.png: ${w}x${h}, $n colours"
[ "$n" -gt 20 ]

# The directory with two favourites (as the star would keep them), then a number from it in the
# Call panel's dialer.
rm -rf "$home"
mkdir -p "$home/config/plugins"
echo '{"favorites": ["u-maya", "contact:warehouse"]}' > "$home/config/plugins/directory.json"
two_shots directory.json directory.png directory-dial.png

# The keyboard shortcuts list, with Hold moved to F8 and Mute cleared in the settings: the list
# shows the agent's choices, and the shortcut moved from Hold is free.
rm -rf "$home"
mkdir -p "$home/config"
echo '{"shortcuts": {"voice.hold": "F8", "voice.mute": ""}}' > "$home/config/settings.json"
(cd "$out" && run --scenario "$here/shortcuts.json")
read -r w h n < <(colours "$out/shortcuts.png")
echo "shortcuts.png: ${w}x${h}, $n colours"
[ "$n" -gt 20 ]
grep -q '"voice.hold": "F8"' "$home/config/settings.json"

# The light and high-contrast themes (UI-09), chosen in the settings: each differs from the other.
for theme in Light HighContrast; do
    rm -rf "$home"
    mkdir -p "$home/config"
    echo "{\"appearance\": {\"theme\": \"$theme\", \"fontScale\": 1.0}}" > "$home/config/settings.json"
    (cd "$out" && run --scenario "$here/theme.json")
    mv "$out/theme.png" "$out/theme-$theme.png"
    read -r w h n < <(colours "$out/theme-$theme.png")
    echo "theme-$theme.png: ${w}x${h}, $n colours"
    [ "$n" -gt 20 ]
    grep -q "\"theme\": *\"$theme\"" "$home/config/settings.json"
done
! cmp -s "$out/theme-Light.png" "$out/theme-HighContrast.png"

# The Help panel brought forward by its command, with the guide's chapters.
rm -rf "$home"
(cd "$out" && run --scenario "$here/help.json")
read -r w h n < <(colours "$out/help.png")
echo "help.png: ${w}x${h}, $n colours"
[ "$n" -gt 20 ]

# An email case with three threads; then the same case with a follow-up and search results
# (on a larger screen, as the README shows it).
rm -rf "$home"
two_shots email.json email.png email-search.png --size 1600x900
# My Queue: a postponed email, one a colleague transferred, a follow-up come due; then one taken back.
rm -rf "$home"
two_shots email_queue.json email-queue.png email-queue-taken.png --size 1600x900
# The calendar's week with events and follow-ups (two overlapping), then a follow-up's reminder
# popping at its time; the Profile dialog opened from the user menu (larger, as the README shows them).
rm -rf "$home"
two_shots calendar.json calendar-week.png calendar-reminder.png --size 1600x900
rm -rf "$home"
# The profile's photo is a path relative to where the desktop was started.
cp "$here/../../assets/scenario/files/boots-sole.png" "$out/anna.png"
(cd "$out" && run --scenario "$here/profile.json" --size 1600x900)
read -r w h n < <(colours "$out/profile.png")
echo "profile.png: ${w}x${h}, $n colours"
[ "$n" -gt 20 ]
echo "screenshots in $out"
