#!/bin/bash
# One statement import over HTTP into a fresh user's household (bench/README.md, "Statement import").
set -e
S=${GLIDEPATH_URL:-http://127.0.0.1:5099}; E="bench$RANDOM$RANDOM@example.com"; P="a long benchmark passphrase"
curl -sf -X POST $S/auth/register -H 'Content-Type: application/json' -d "{\"email\":\"$E\",\"password\":\"$P\"}" >/dev/null
T=$(curl -sf -X POST $S/auth/login -H 'Content-Type: application/json' -d "{\"email\":\"$E\",\"password\":\"$P\"}" | python3 -c 'import json,sys;print(json.load(sys.stdin)["accessToken"])')
H=$(curl -sf $S/api/v1/households -H "Authorization: Bearer $T" | python3 -c 'import json,sys;d=json.load(sys.stdin);d=d if isinstance(d,list) else d.get("items");print(d[0]["id"])')
A=$(curl -sf -X POST $S/api/v1/households/$H/accounts -H "Authorization: Bearer $T" -H 'Content-Type: application/json' -d '{"name":"Checking","type":"Checking","baseCurrency":"USD"}' | python3 -c 'import json,sys;print(json.load(sys.stdin)["id"])')
curl -s -o /tmp/glidepath-statement-answer.json -w 'http=%{http_code} total=%{time_total}s\n' -X POST "$S/api/v1/households/$H/imports/statement?accountId=$A" -H "Authorization: Bearer $T" -H 'Content-Type: application/x-ofx' --data-binary @"$1"
head -c 200 /tmp/glidepath-statement-answer.json; echo
