#!/usr/bin/env bash
# Installs whatever the portal needs to build and test, skipping what is already present.
# Versions follow ../shared/TOOLCHAIN.md; every step is idempotent and safe to re-run.
#
#   tools/setup.sh          build tools (wasm target, trunk, wasm-bindgen-cli, npm tools, brotli) and
#                           Debian's chromium, which pre-renders the first view at each build
#                           (tools/prerender.mjs)
#   tools/setup.sh --test   also the rest of the browser stack (chromedriver, CJK fonts) and
#                           Debian's nginx, which serves the build to the end-to-end journeys
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TRUNK_VERSION=0.21.14
WASM_BINDGEN_VERSION=0.2.130

log() { printf '\033[1;34m[setup]\033[0m %s\n' "$*"; }

want_test=0
[[ "${1:-}" == "--test" ]] && want_test=1

# --- Debian packages -------------------------------------------------------
apt_pkgs=()
command -v brotli >/dev/null || apt_pkgs+=(brotli)
command -v chromium >/dev/null || apt_pkgs+=(chromium)
if (( want_test )); then
  command -v chromedriver >/dev/null || apt_pkgs+=(chromium-driver)
  dpkg -s fonts-wqy-microhei >/dev/null 2>&1 || apt_pkgs+=(fonts-wqy-microhei)
  [[ -x /usr/sbin/nginx ]] || apt_pkgs+=(nginx)
  # Brotli for nginx (deploy/policy.mjs serves the build's .br copies).
  for mod in libnginx-mod-http-brotli-static libnginx-mod-http-brotli-filter; do
    dpkg -s "$mod" >/dev/null 2>&1 || apt_pkgs+=("$mod")
  done
fi
if (( ${#apt_pkgs[@]} )); then
  log "apt: ${apt_pkgs[*]}"
  SUDO=""; [[ $(id -u) -ne 0 ]] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${apt_pkgs[@]}"
fi

# --- Rust ------------------------------------------------------------------
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  log "rustup target add wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi

if ! trunk --version 2>/dev/null | grep -q " $TRUNK_VERSION"; then
  log "cargo install trunk $TRUNK_VERSION (about 6 minutes)"
  CARGO_PROFILE_RELEASE_LTO=false CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16 \
    cargo install trunk --version "$TRUNK_VERSION" --locked --force
fi

if ! wasm-bindgen --version 2>/dev/null | grep -q " $WASM_BINDGEN_VERSION"; then
  log "cargo install wasm-bindgen-cli $WASM_BINDGEN_VERSION (about 3 minutes)"
  # No --locked: the CLI's own lockfile names a crate version the registry lacks.
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --force
fi

# --- npm tools (binaryen's wasm-opt, playwright-core, axe-core; echarts and topojson-client for bench/peer) ---
if [[ ! -x "$ROOT/tools/node_modules/.bin/wasm-opt" || "$ROOT/tools/package-lock.json" -nt "$ROOT/tools/node_modules/.package-lock.json" ]]; then
  log "npm ci in tools/"
  (cd "$ROOT/tools" && npm ci --no-audit --no-fund --loglevel=error)
fi

# --- Python: the reference Frictionless validator, for the data-format cross-check -----
FRICTIONLESS_VERSION=5.21.0
if (( want_test )) && ! "$ROOT/tools/.venv/bin/frictionless" --version 2>/dev/null | grep -q "$FRICTIONLESS_VERSION"; then
  log "python venv with frictionless $FRICTIONLESS_VERSION"
  if ! python3 -m venv "$ROOT/tools/.venv" 2>/dev/null; then
    SUDO=""; [[ $(id -u) -ne 0 ]] && SUDO="sudo"
    $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends python3-venv
    python3 -m venv "$ROOT/tools/.venv"
  fi
  "$ROOT/tools/.venv/bin/pip" install --quiet --disable-pip-version-check "frictionless==$FRICTIONLESS_VERSION"
fi

log "ready"
