#!/usr/bin/env bash
# Installs what is missing, builds the portal (release) with the embedded default dataset and
# serves it on http://127.0.0.1:8080, rebuilding when sources change. Extra arguments go to trunk.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$ROOT"
tools/setup.sh
step "cargo fetch"
cargo fetch --locked
step "serving http://127.0.0.1:8080 (Ctrl-C stops)"
exec trunk serve --release --offline --address 127.0.0.1 --port 8080 "$@"
