#!/usr/bin/env bash
# agentdesk --record: a headless scenario's bus traffic lands in the file, one JSON object a
# line, the engine's answer to the login carrying the login request's correlation id, and no
# password in it.
#   record_test.sh AGENTDESK SCENARIO WORK_DIR
set -euo pipefail
agentdesk=$1 scenario=$2 work=$3
rm -rf "$work"
mkdir -p "$work"
"$agentdesk" --headless --scenario "$scenario" --config-dir "$work/config" --data-dir "$work/data" \
    --record "$work/bus.jsonl" >/dev/null
python3 - "$work/bus.jsonl" <<'PY'
import json, sys
lines = [json.loads(l) for l in open(sys.argv[1])]
topics = [l["topic"] for l in lines]
assert "agent.login.request" in topics and "agent.login.succeeded" in topics, topics[:20]
answer = next(l for l in lines if l["topic"] == "agent.login.succeeded" and l["payload"]["userName"] == "anna")
assert answer["sender"] == "engine", answer
request = next(l for l in lines if l["topic"] == "agent.login.request" and l["correlation"] == answer["correlation"])
assert request["sender"] == "scenario" and request["payload"]["password"] == "***", request
assert lines.index(answer) > lines.index(request)
assert all(a["atMs"] <= b["atMs"] for a, b in zip(lines, lines[1:])), "times go backwards"
assert '"demo"' not in open(sys.argv[1]).read(), "a password was recorded"
print(f"{len(lines)} messages recorded")
PY
