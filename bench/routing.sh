#!/usr/bin/env bash
# Routing benchmark: our index vs PostGIS on every US county, state and the nation (us-atlas), 100,000 points.
# Installs PostgreSQL 15 + PostGIS 3 from Debian if missing, runs a throwaway cluster on 127.0.0.1:54329, and
# prints the table recorded in docs/benchmarks.md. Needs root (apt-get, and to run postgres as its own user).
set -euo pipefail
cd "$(dirname "$0")/.."
PG=/usr/lib/postgresql/15/bin
if [ ! -x "$PG/postgres" ] || [ ! -d /usr/share/postgresql/15/extension ] || ! ls /usr/share/postgresql/15/extension/postgis.control >/dev/null 2>&1; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql-15 postgresql-15-postgis-3 >/dev/null
fi
[ -d node_modules/us-atlas ] && [ -d node_modules/topojson-client ] || npm ci --no-audit --no-fund --loglevel=error
node tools/boundaries/us-atlas.mjs .run/us-atlas

data=$(mktemp -d)
chown postgres "$data"
su postgres -c "$PG/initdb -D $data/db -A trust -U postgres" >/dev/null
su postgres -c "$PG/pg_ctl -D $data/db -l $data/log -w start -o '-p 54329 -k /tmp -c listen_addresses=127.0.0.1 -c jit=off -c shared_buffers=1GB -c work_mem=256MB -c max_parallel_workers_per_gather=0'" >/dev/null
trap 'su postgres -c "$PG/pg_ctl -D $data/db -m fast stop" >/dev/null; rm -rf "$data"' EXIT

dotnet build bench/Open311.Benchmarks -c Release -v quiet -nologo >/dev/null
BENCH_PG="Host=127.0.0.1;Port=54329;Username=postgres;Database=postgres" BENCH_BOUNDARIES=.run/us-atlas \
  dotnet run --project bench/Open311.Benchmarks -c Release --no-build -- routing
