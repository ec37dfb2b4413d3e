#!/usr/bin/env bash
# Fuzzes every parser of published text (fuzz/fuzz_targets/) for a bounded time each, on stable
# Rust, and fails if any target crashes or hangs.
#
#   tools/fuzz.sh [SECONDS_PER_TARGET]    default 30
#
# cargo-fuzz (pinned below, installed if missing) builds the targets with libFuzzer and
# SanitizerCoverage and no sanitizer (`-s none`): that needs no nightly-only flag. Each target
# starts from its corpus in fuzz/corpus/ (kept between runs, not committed) plus seeds made here
# from public/data, public/geo, the test fixtures and fuzz/seeds/. A crashing input is saved in
# fuzz/artifacts/<target>/; replay it with `cargo fuzz run -s none <target> <file>`.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$ROOT"

CARGO_FUZZ_VERSION=0.13.2
SECONDS_PER_TARGET=${1:-30}
[[ "$SECONDS_PER_TARGET" =~ ^[1-9][0-9]*$ ]] || { echo "usage: tools/fuzz.sh [SECONDS_PER_TARGET]" >&2; exit 2; }
TARGETS=(csv_package descriptor stories topojson names_index adcode_changes url_state)
SEEDS="$ROOT/fuzz/target/seeds"
LOGS="$ROOT/fuzz/target/logs"

# libfuzzer-sys compiles libFuzzer with the C++ compiler; the seeds are cut with python3.
apt_pkgs=()
command -v c++ >/dev/null || apt_pkgs+=(g++)
command -v python3 >/dev/null || apt_pkgs+=(python3)
if (( ${#apt_pkgs[@]} )); then
  step "apt: ${apt_pkgs[*]}"
  SUDO=""; [[ $(id -u) -ne 0 ]] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${apt_pkgs[@]}"
fi

if ! cargo fuzz --version 2>/dev/null | grep -q " $CARGO_FUZZ_VERSION\$"; then
  step "cargo install cargo-fuzz $CARGO_FUZZ_VERSION (about 2 minutes)"
  cargo install cargo-fuzz --version "$CARGO_FUZZ_VERSION" --locked --force
fi

step "build the fuzz targets (libFuzzer, no sanitizer)"
cargo fetch --locked --manifest-path fuzz/Cargo.toml
cargo fuzz build -s none

step "seed corpora"
rm -rf "$SEEDS" && mkdir -p "$LOGS"
for t in "${TARGETS[@]}"; do
  mkdir -p "$SEEDS/$t" "fuzz/corpus/$t"
  [[ -d "fuzz/seeds/$t" ]] && cp fuzz/seeds/"$t"/* "$SEEDS/$t/"
done
# A package input is its CSV files in the order the portal reads them (data::resources::ALL),
# separated by the ASCII record separator.
CSVS=(regions sources indicators pairings observations funds commitments)
package_input() { # DIR [OVERRIDE_DIR]: the files of DIR, those of OVERRIDE_DIR put in place
  local first=1 name file
  for name in "${CSVS[@]}"; do
    file="$1/$name.csv"
    [[ -n "${2:-}" && -f "$2/$name.csv" ]] && file="$2/$name.csv"
    (( first )) || printf '\x1e'
    head -n "${LINES_PER_FILE:-1000000}" "$file"
    first=0
  done
}
# The published package's first rows: the whole of it (190 KB) makes each run three times slower.
LINES_PER_FILE=24 package_input public/data >"$SEEDS/csv_package/published"
package_input tests/fixtures/base >"$SEEDS/csv_package/base"
for dir in tests/fixtures/invalid/*/; do
  name=$(basename "$dir")
  if [[ -f "$dir/datapackage.json" ]]; then
    cp "$dir/datapackage.json" "$SEEDS/descriptor/$name"
  else
    package_input tests/fixtures/base "$dir" >"$SEEDS/csv_package/$name"
  fi
done
cp public/data/datapackage.json "$SEEDS/descriptor/published"
python3 - "$SEEDS" <<'EOF'
import json, sys
seeds = sys.argv[1]
package = json.load(open("public/data/datapackage.json", encoding="utf-8"))
json.dump(package["gongkai:stories"], open(f"{seeds}/stories/published", "w", encoding="utf-8"), ensure_ascii=False, indent=1)
names = json.load(open("public/geo/names.json", encoding="utf-8"))
names["divisions"] = names["divisions"][:60]
excerpt = json.dumps(names, ensure_ascii=False)
open(f"{seeds}/names_index/excerpt", "w", encoding="utf-8").write(excerpt)
open(f"{seeds}/names_index/query", "w", encoding="utf-8").write("tls\x1e" + excerpt)
EOF
# Boundary files up to 40 KB (the larger ones only slow each run down).
find public/geo/counties -name '*.topo.json' -size -40k -exec cp {} "$SEEDS/topojson/" \;
cp public/geo/adcode-changes.csv "$SEEDS/adcode_changes/"

passed=0
failed=0
for t in "${TARGETS[@]}"; do
  log="$LOGS/$t.log"
  dict=()
  [[ -f "fuzz/dict/$t.dict" ]] && dict=("-dict=fuzz/dict/$t.dict")
  if cargo fuzz run -s none "$t" "fuzz/corpus/$t" "$SEEDS/$t" -- \
      -max_total_time="$SECONDS_PER_TARGET" -timeout=10 "${dict[@]}" >"$log" 2>&1; then
    runs=$(grep -Eo '^Done [0-9]+ runs' "$log" | grep -Eo '[0-9]+' || true)
    if [[ -n "$runs" ]]; then
      echo "fuzz $t: $runs executions, 0 crashes"
      passed=$((passed + 1))
      continue
    fi
  fi
  failed=$((failed + 1))
  input=$(grep -Eo 'Test unit written to [^ ]+' "$log" | tail -1 | cut -d' ' -f5 || true)
  echo "fuzz $t: FAILED${input:+, input saved in $input} (log: $log)"
  grep -E "panicked at|^ *(assertion|left|right)|ERROR: libFuzzer" "$log" | head -8 | sed 's/^/    /' || true
done
echo "fuzz: $passed passed, $failed failed"
(( failed == 0 ))
