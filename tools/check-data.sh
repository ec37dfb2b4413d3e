#!/usr/bin/env bash
# Cross-checks the data package format with the reference Frictionless validator (PyPI
# `frictionless`): the default package must pass it and the native checker, and malformed
# fixtures that break the Table Schema (types, enums, keys) must fail both.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$ROOT"
FRICTIONLESS="$ROOT/tools/.venv/bin/frictionless"
passed=0

run_check() { cargo run --quiet --locked --release --bin gongkai-check -- --lang en "$1"; }

echo "default package: frictionless validate"
"$FRICTIONLESS" validate public/data/datapackage.json >/dev/null || {
  "$FRICTIONLESS" validate public/data/datapackage.json | tail -40; echo "error: frictionless rejects the default package" >&2; exit 1; }
passed=$((passed + 1))
echo "default package: gongkai-check"
run_check public/data/datapackage.json
passed=$((passed + 1))

# Fixtures whose problem the Table Schema itself can see: the reference validator must agree.
for fixture in 01-negative-value 04-unknown-region 07-duplicate-id 08-bad-qualifier 12-period-syntax 32-bad-funding-source 52-source-url-not-web; do
  dir=$(mktemp -d)
  cp public/data/datapackage.json tests/fixtures/base/*.csv "$dir"/
  cp "tests/fixtures/invalid/$fixture"/*.csv "$dir"/
  if "$FRICTIONLESS" validate "$dir/datapackage.json" >/dev/null 2>&1; then
    echo "error: frictionless accepts the malformed fixture $fixture" >&2; exit 1
  fi
  if run_check "$dir/datapackage.json" >/dev/null 2>&1; then
    echo "error: gongkai-check accepts the malformed fixture $fixture" >&2; exit 1
  fi
  echo "fixture $fixture: rejected by both"
  passed=$((passed + 1))
  rm -rf "$dir"
done
echo "data: $passed passed"
