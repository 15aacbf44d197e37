#!/usr/bin/env bash
# Runs Open311 Functions locally: Azurite (storage emulator) + the Kestrel host on http://127.0.0.1:7071,
# seeds the demo town "riverton.example" on first run and prints the URLs, the admin key and a demo API key.
#
# Honours: OPEN311_URL (listen URL), Open311__AdminKey, Storage__ConnectionString (skip Azurite when set),
#          OPEN311_DATA (Azurite data folder, default .run/azurite).
set -euo pipefail
cd "$(dirname "$0")"

URL="${OPEN311_URL:-http://127.0.0.1:7071}"
STATE=.run
DATA="${OPEN311_DATA:-$STATE/azurite}"
mkdir -p "$STATE" "$DATA"
server_pid=""
azurite_pid=""
# Stops the server first (no write in flight), then Azurite with SIGTERM and waits: Azurite writes its data to disk
# every few seconds and once more as it shuts down, so a graceful stop keeps every acknowledged write.
stop() {
  local pid=$1 name=$2
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null || return 0
  kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.5; done
  echo "$name did not stop within 15 s" >&2
}
cleanup() { trap - EXIT INT TERM; stop "$server_pid" "The server"; stop "$azurite_pid" "Azurite"; }
trap cleanup EXIT
trap 'exit 130' INT TERM

say() { printf '\033[1m%s\033[0m\n' "$*"; }
need() { command -v "$1" >/dev/null || { echo "run.sh needs $1 ($2)" >&2; exit 1; }; }
need dotnet "the .NET 10 SDK"
need curl "apt-get install curl"

# 1. Storage: Azurite on loopback unless a connection string was given
if [ -z "${Storage__ConnectionString:-}" ]; then
  need npm "Node.js 20+"
  if [ ! -x node_modules/.bin/azurite ] || [ ! -f node_modules/leaflet/dist/leaflet.js ]; then
    say "Installing Azurite (pinned in package.json)…"
    npm install --no-audit --no-fund --loglevel=error
  fi
  if curl -s -o /dev/null "http://127.0.0.1:10002/devstoreaccount1/Tables" 2>/dev/null; then
    say "Azurite is already listening on 127.0.0.1:10000-10002; using it."
  else
    say "Starting Azurite (data in $DATA)…"
    # Its own session: Ctrl+C reaches the server and this script, and Azurite is stopped after the server, in order.
    setsid node_modules/.bin/azurite --blobHost 127.0.0.1 --queueHost 127.0.0.1 --tableHost 127.0.0.1 \
      --location "$DATA" --skipApiVersionCheck --disableTelemetry --silent >"$STATE/azurite.log" 2>&1 &
    azurite_pid=$!
  fi
  export Storage__ConnectionString="UseDevelopmentStorage=true"
  # A hard kill of Azurite forgets its last seconds of writes; ids then jump 1,000 after a restart rather than repeat.
  export Storage__IdGapAfterRestart="${Storage__IdGapAfterRestart:-1000}"
fi

# 2. The admin key: the environment's, else one made once and kept in .run/admin-key
if [ -z "${Open311__AdminKey:-}" ]; then
  [ -s "$STATE/admin-key" ] || head -c 32 /dev/urandom | base64 | tr -d '=+/\n' >"$STATE/admin-key"
  Open311__AdminKey="$(cat "$STATE/admin-key")"
  export Open311__AdminKey
fi

# Public URLs (media links, discovery) come from configuration, never from a client's Host header
export Open311__PublicBaseUrl="${Open311__PublicBaseUrl:-$URL}"

# 3. The server
say "Building and starting Open311.Server on $URL…"
dotnet build src/Open311.Server -c Release -v quiet -nologo >"$STATE/build.log" 2>&1 || { cat "$STATE/build.log"; exit 1; }
dotnet src/Open311.Server/bin/Release/net10.0/Open311.Server.dll --contentRoot "$PWD/src/Open311.Server" --urls "$URL" >"$STATE/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 1 60); do
  curl -s -o /dev/null "$URL/open311/discovery.json" && break
  kill -0 "$server_pid" 2>/dev/null || { cat "$STATE/server.log"; exit 1; }
  sleep 1
done

# 4. The demo town and a demo key, first run only
auth=(-H "Authorization: Bearer $Open311__AdminKey")
if [ "$(curl -s -o /dev/null -w '%{http_code}' "${auth[@]}" "$URL/open311/manage/jurisdictions/riverton.example")" = 404 ]; then
  say "Seeding the demo town riverton.example…"
  curl -sf "${auth[@]}" -X PUT -H 'Content-Type: application/json' --data-binary @samples/riverton.json \
    "$URL/open311/manage/jurisdictions/riverton.example" >/dev/null
  curl -sf "${auth[@]}" -X POST -H 'Content-Type: application/json' -d '{"name":"Demo key (run.sh)","rate_per_minute":600}' \
    "$URL/open311/manage/keys" | sed -n 's/.*"api_key":"\([^"]*\)".*/\1/p' >"$STATE/demo-key"
  curl -sf "${auth[@]}" -X POST -H 'Content-Type: application/json' -d '{"name":"Demo clerk (run.sh)","jurisdictions":["riverton.example"]}' \
    "$URL/open311/manage/staff-keys" | sed -n 's/.*"staff_key":"\([^"]*\)".*/\1/p' >"$STATE/staff-key"
fi

cat <<INFO

Open311 Functions is running.
  Discovery     $URL/open311/discovery.xml   (or .json)
  Services      $URL/open311/v2/services.json
  Requests      $URL/open311/v2/requests.json
  Manage API    $URL/open311/manage/jurisdictions   (Authorization: Bearer <admin key>)
  Admin key     $Open311__AdminKey
  Demo API key  $(cat "$STATE/demo-key" 2>/dev/null || echo "(not issued: the demo town already existed in this storage)")
  Console       $URL/open311/console/   staff key: $(cat "$STATE/staff-key" 2>/dev/null || echo "(issue one: POST manage/staff-keys)")
  Tracker       $URL/open311/track/?jurisdiction_id=riverton.example
  Logs          $STATE/server.log

Try:
  curl -s $URL/open311/v2/services.json
  curl -s -X POST $URL/open311/v2/requests.json -d api_key=$(cat "$STATE/demo-key" 2>/dev/null || echo KEY) \\
       -d service_code=pothole -d lat=44.2 -d long=-72.57 -d 'attribute[size]=large' -d 'description=Deep hole by the school'

Press Ctrl+C to stop (the server first, then Azurite, which saves its data on the way out).
INFO
wait "$server_pid"
