#!/usr/bin/env bash
# The same as typed-client.ts over plain HTTP/JSON with curl: queries are GET with ?input=<JSON>,
# mutations are POST with a JSON body, answers are {"result":{"data":…}} or {"error":{…}}.
# (node only picks fields out of the JSON answers; use jq if you have it.)
#
#   KAOPING_URL=http://localhost:3000 KAOPING_TOKEN=kp_… examples/curl.sh
set -euo pipefail
URL="${KAOPING_URL:-http://localhost:3000}"
: "${KAOPING_TOKEN:?set KAOPING_TOKEN to an API token}"
AUTH="Authorization: Bearer $KAOPING_TOKEN"

get() { # get <procedure> <input JSON>
  curl -sS -G "$URL/trpc/$1" -H "$AUTH" --data-urlencode "input=$2"
}
post() { # post <procedure> <input JSON>
  curl -sS -X POST "$URL/trpc/$1" -H "$AUTH" -H 'Content-Type: application/json' -d "$2"
}
field() { # field <JS expression over d, the answer's data> — reads JSON from stdin
  node -e 'let s="";process.stdin.on("data",c=>s+=c).on("end",()=>{const j=JSON.parse(s);if(j.error){console.error(j.error.message);process.exit(1)}const d=j.result.data;console.log(eval(process.argv[1]))})' "$1"
}

echo "signed in as $(get auth.me 'null' | field 'd.user.username')"
PERIOD=$(get periods.list 'null' | field 'd[0].id')
ID=$(get assessments.list "{\"periodId\":$PERIOD,\"status\":\"draft\",\"limit\":50}" | field 'd.rows.find(r=>r.total!==null).id')
ASSESSMENT=$(get assessments.get "{\"id\":$ID}")
REVISION=$(echo "$ASSESSMENT" | field 'd.revision')
echo "assessment $ID: $(echo "$ASSESSMENT" | field 'd.result.total') points, revision $REVISION"

# One more failed product in the provincial spot checks.
FACTS=$(echo "$ASSESSMENT" | field 'JSON.stringify({...d.facts, 省抽不合格数: (d.facts["省抽不合格数"] ?? 0) + 1})')
echo "preview: $(get assessments.preview "{\"id\":$ID,\"facts\":$FACTS}" | field 'd.result.total') points"
SAVED=$(post assessments.saveFacts "{\"id\":$ID,\"revision\":$REVISION,\"facts\":$FACTS}")
echo "saved: $(echo "$SAVED" | field 'd.result.total') points, revision $(echo "$SAVED" | field 'd.revision')"

# The same save again is stale: HTTP 409 with the current revision.
STALE=$(mktemp)
trap 'rm -f "$STALE"' EXIT
STATUS=$(curl -sS -o "$STALE" -w '%{http_code}' -X POST "$URL/trpc/assessments.saveFacts" \
  -H "$AUTH" -H 'Content-Type: application/json' -d "{\"id\":$ID,\"revision\":$REVISION,\"facts\":$FACTS}")
echo "stale save refused: HTTP $STATUS, current revision $(node -p 'JSON.parse(require("fs").readFileSync(process.argv[1],"utf8")).error.data.currentRevision' "$STALE")"
