# Sourced by the tools scripts: puts the pinned tools first on PATH and sets trunk's switches.
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PATH="$ROOT/tools/node_modules/.bin:$HOME/.cargo/bin:$PATH"
export TRUNK_SKIP_VERSION_CHECK=true
step() { printf '\n\033[1;32m==> %s\033[0m\n' "$*"; }
