#!/usr/bin/env bash
# Offline validation of infra/: Bicep CLI from NuGet (tools/bicep/bicep.proj), build + lint, parameters JSON.
# Fails on any "Warning" or "Error" line: Bicep type diagnostics (BCPxxx) are warnings and exit 0 otherwise.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

# The version is pinned once, in bicep.proj (PackageDownload needs an exact [x.y.z]).
BICEP_VERSION="$(sed -n 's/.*CommandLine.linux-x64" Version="\[\([^]]*\)\]".*/\1/p' tools/bicep/bicep.proj)"
if ! restore="$(dotnet restore tools/bicep/bicep.proj --nologo -v quiet 2>&1)"; then
  printf '%s\n' "$restore"; echo "FAILED: dotnet restore tools/bicep/bicep.proj"; exit 1
fi
packages="$(dotnet nuget locals global-packages -l | sed 's/^global-packages: //')"
BICEP="${packages%/}/azure.bicep.commandline.linux-x64/${BICEP_VERSION}/tools/bicep"
[[ -x "$BICEP" ]] || chmod +x "$BICEP"
"$BICEP" --version

status=0
check() { # run a command, echo its output, fail on a non-zero exit or any Warning/Error line
  local out rc=0
  out="$("$@" 2>&1)" || rc=$?
  [[ -n "$out" ]] && printf '%s\n' "$out"
  if (( rc != 0 )) || grep -qE 'Warning|Error' <<<"$out"; then
    echo "FAILED: $*"
    status=1
  fi
}

build() { "$BICEP" build infra/main.bicep --stdout 2>&1 >/dev/null; } # keep diagnostics, drop the ARM JSON
lint() { "$BICEP" lint infra/main.bicep; }
parameters() { # azd substitutes ${VARS} later; here the file only has to be valid JSON
  if command -v python3 >/dev/null; then python3 -c 'import json, sys; json.load(open(sys.argv[1]))' infra/main.parameters.json
  else node -e 'JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"))' infra/main.parameters.json; fi
}

check build
check lint
check parameters

(( status == 0 )) && echo "infra OK: build, lint, parameters"
exit "$status"
