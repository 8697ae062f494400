#!/usr/bin/env bash
# agentdesk --replay: a scenario recorded with --record, replayed with the engine disabled,
# puts every recorded message back on the bus — same topic, sender, correlation id and payload,
# in the same order, at the same times — and the desktop's plugins see them as before.
#   replay_test.sh AGENTDESK RECORDED_SCENARIO REPLAY_SCENARIO WORK_DIR
set -euo pipefail
agentdesk=$1 recorded=$2 replay=$3 work=$4
rm -rf "$work"
mkdir -p "$work"
"$agentdesk" --headless --scenario "$recorded" --config-dir "$work/a/config" --data-dir "$work/a/data" \
    --record "$work/original.jsonl" >/dev/null
"$agentdesk" --headless --scenario "$replay" --config-dir "$work/b/config" --data-dir "$work/b/data" \
    --disable-plugin engine --replay "$work/original.jsonl" --record "$work/replayed.jsonl"
python3 - "$work/original.jsonl" "$work/replayed.jsonl" <<'PY'
import json, sys
original = [json.loads(l) for l in open(sys.argv[1])]
replayed = [json.loads(l) for l in open(sys.argv[2])]
# Messages the scenario runner published the first time are replayed too; the replay's own
# plugins add theirs in between. Every original message must come back, in order, on time.
at = 0
for message in original:
    while at < len(replayed) and replayed[at] != message:
        at += 1
    assert at < len(replayed), f"not replayed (or out of order): {message}"
    at += 1
print(f"{len(original)} recorded messages replayed in order, on time")
PY
! "$agentdesk" --headless --scenario "$replay" --config-dir "$work/c/config" --data-dir "$work/c/data" \
    --replay "$work/missing.jsonl" 2>"$work/missing.txt" || { echo "a missing recording was accepted"; exit 1; }
grep -q "cannot read the recording .*missing.jsonl" "$work/missing.txt"
