//! Decodes the portal's TopoJSON boundary files (quantized, delta-encoded arcs shared between
//! neighbours) into regions with their outlines in longitude/latitude.
//!
//! Format: <https://github.com/topojson/topojson-specification>. Only what the boundary files use
//! is read: `Polygon`, `MultiPolygon`, `LineString` and `MultiLineString` geometries in geometry
//! collections, with `adcode`, `name`, `level` and `parent` properties.

use std::collections::BTreeMap;

use serde::Deserialize;

use super::Point;

/// Why a boundary file could not be read: the file, and where in it.
#[derive(Clone, Debug, thiserror::Error, PartialEq)]
#[error("{file}: {reason}")]
pub struct GeoError {
    pub file: String,
    pub reason: String,
}

#[derive(Deserialize)]
struct Topology {
    #[serde(rename = "type")]
    kind: String,
    arcs: Vec<Vec<[f64; 2]>>,
    transform: Option<Transform>,
    objects: BTreeMap<String, Collection>,
}

#[derive(Deserialize)]
struct Transform {
    scale: [f64; 2],
    translate: [f64; 2],
}

#[derive(Deserialize)]
struct Collection {
    #[serde(default)]
    geometries: Vec<Geometry>,
}

#[derive(Deserialize)]
struct Geometry {
    /// `null` for a feature without a shape, as the specification allows.
    #[serde(rename = "type")]
    kind: Option<String>,
    #[serde(default)]
    arcs: serde_json::Value,
    #[serde(default)]
    properties: Properties,
}

#[derive(Deserialize, Default)]
struct Properties {
    #[serde(default)]
    adcode: String,
    #[serde(default)]
    name: String,
    #[serde(default)]
    level: String,
    #[serde(default)]
    parent: String,
}

/// One region's outline (or a set of lines, such as maritime boundaries).
#[derive(Clone, Debug, PartialEq)]
pub struct Shape {
    pub adcode: String,
    pub name: String,
    pub level: String,
    pub parent: String,
    /// Polygons, each an outer ring then its holes; empty for lines.
    pub polygons: Vec<Vec<Vec<Point>>>,
    /// Lines; empty for areas.
    pub lines: Vec<Vec<Point>>,
}

impl Shape {
    /// Whether the point (longitude, latitude) lies in one of the shape's polygons.
    pub fn contains(&self, point: Point) -> bool {
        self.polygons.iter().any(|rings| {
            rings.first().is_some_and(|outer| super::ring_contains(outer, point))
                && !rings.iter().skip(1).any(|hole| super::ring_contains(hole, point))
        })
    }
}

/// Every object of a topology, by name, as its shapes.
pub type Layers = BTreeMap<String, Vec<Shape>>;

/// Decodes the TopoJSON text of `file`.
pub fn decode(file: &str, text: &str) -> Result<Layers, GeoError> {
    let fail = |reason: String| GeoError { file: file.to_owned(), reason };
    let topology: Topology = serde_json::from_str(text)
        .map_err(|e| fail(format!("line {}, column {}: {e}", e.line(), e.column())))?;
    if topology.kind != "Topology" {
        return Err(fail(format!("the type is “{}”, not “Topology”", topology.kind)));
    }
    let arcs = absolute_arcs(&topology);
    if let Some(i) = arcs.iter().position(|arc| arc.iter().any(|(x, y)| !x.is_finite() || !y.is_finite())) {
        return Err(fail(format!("arc {i}: a position is not a finite number")));
    }
    let mut layers = Layers::new();
    for (name, collection) in topology.objects {
        let mut shapes = Vec::with_capacity(collection.geometries.len());
        for (i, g) in collection.geometries.into_iter().enumerate() {
            let at = |reason: String| fail(format!("object “{name}”, geometry {i} ({}): {reason}", g.properties.adcode));
            let indexes = |v: &serde_json::Value| -> Result<Vec<i64>, GeoError> {
                serde_json::from_value(v.clone()).map_err(|e| at(format!("arcs are not a list of arc indexes: {e}")))
            };
            let (mut polygons, mut lines) = (Vec::new(), Vec::new());
            match g.kind.as_deref().unwrap_or_default() {
                "Polygon" => polygons.push(rings(&arcs, &g.arcs, indexes).map_err(&at)?),
                "MultiPolygon" => {
                    for polygon in list(&g.arcs, "polygons").map_err(&at)? {
                        polygons.push(rings(&arcs, polygon, indexes).map_err(&at)?);
                    }
                }
                "LineString" => lines.push(line(&arcs, &indexes(&g.arcs)?).map_err(&at)?),
                "MultiLineString" => {
                    for l in list(&g.arcs, "lines").map_err(&at)? {
                        lines.push(line(&arcs, &indexes(l)?).map_err(&at)?);
                    }
                }
                kind @ ("Point" | "MultiPoint" | "GeometryCollection") => return Err(at(format!("“{kind}” geometries are not supported"))),
                // A geometry with no shape (null) draws nothing.
                _ => {}
            }
            let Properties { adcode, name: region, level, parent } = g.properties;
            shapes.push(Shape { adcode, name: region, level, parent, polygons, lines });
        }
        layers.insert(name, shapes);
    }
    Ok(layers)
}

/// The arcs as absolute longitude/latitude: positions of a quantized topology are deltas.
fn absolute_arcs(topology: &Topology) -> Vec<Vec<Point>> {
    topology
        .arcs
        .iter()
        .map(|arc| match &topology.transform {
            Some(t) => {
                let (mut x, mut y) = (0.0, 0.0);
                arc.iter()
                    .map(|[dx, dy]| {
                        x += dx;
                        y += dy;
                        (x * t.scale[0] + t.translate[0], y * t.scale[1] + t.translate[1])
                    })
                    .collect()
            }
            None => arc.iter().map(|[x, y]| (*x, *y)).collect(),
        })
        .collect()
}

/// Joins arcs into one line; index `!i` (negative) is arc `i` reversed. Each arc after the first
/// starts where the previous ended, so its first point is dropped.
fn line(arcs: &[Vec<Point>], indexes: &[i64]) -> Result<Vec<Point>, String> {
    let mut points: Vec<Point> = Vec::new();
    for &index in indexes {
        let (i, reversed) = if index < 0 { (!index, true) } else { (index, false) };
        let arc = usize::try_from(i).ok().and_then(|i| arcs.get(i)).ok_or_else(|| format!("arc {index} does not exist"))?;
        let skip = usize::from(!points.is_empty());
        if reversed {
            points.extend(arc.iter().rev().skip(skip));
        } else {
            points.extend(arc.iter().skip(skip));
        }
    }
    Ok(points)
}

/// The items of `value`, which must be a list (of `what`).
fn list<'v>(value: &'v serde_json::Value, what: &str) -> Result<&'v Vec<serde_json::Value>, String> {
    value.as_array().ok_or_else(|| format!("arcs are not a list of {what}"))
}

/// The rings of one polygon.
fn rings(
    arcs: &[Vec<Point>],
    polygon: &serde_json::Value,
    indexes: impl Fn(&serde_json::Value) -> Result<Vec<i64>, GeoError>,
) -> Result<Vec<Vec<Point>>, String> {
    list(polygon, "rings")?
        .iter()
        .map(|ring| indexes(ring).map_err(|e| e.reason).and_then(|ix| line(arcs, &ix)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const SQUARE: &str = r#"{"type":"Topology","transform":{"scale":[0.5,0.5],"translate":[100,20]},
        "arcs":[[[0,0],[2,0],[0,2]],[[2,2],[-2,0],[0,-2]],[[0,0],[0,2]]],
        "objects":{"regions":{"type":"GeometryCollection","geometries":[
            {"type":"Polygon","arcs":[[0,1]],"properties":{"adcode":"110000","name":"北京市","level":"province","parent":"100000"}},
            {"type":"MultiLineString","arcs":[[2],[-3]],"properties":{"adcode":"100000","name":"line","level":"maritime"}}
        ]}}}"#;

    #[test]
    fn quantized_arcs_decode_to_longitude_and_latitude() {
        let layers = decode("t.json", SQUARE).expect("decodes");
        let shapes = &layers["regions"];
        assert_eq!(shapes[0].name, "北京市");
        assert_eq!(shapes[0].polygons, [vec![vec![(100.0, 20.0), (101.0, 20.0), (101.0, 21.0), (100.0, 21.0), (100.0, 20.0)]]]);
        assert!(shapes[0].contains((100.5, 20.5)) && !shapes[0].contains((102.0, 20.5)));
        assert_eq!(shapes[1].lines, [vec![(100.0, 20.0), (100.0, 21.0)], vec![(100.0, 21.0), (100.0, 20.0)]]);
    }

    /// Found while seeding the `topojson` fuzz target: a geometry of type `null` (a feature with no
    /// shape, which the specification allows) made the whole file unreadable.
    #[test]
    fn a_geometry_without_a_shape_draws_nothing() {
        let text = SQUARE.replace(r#"{"type":"MultiLineString","arcs":[[2],[-3]],"#, r#"{"type":null,"#);
        let layers = decode("t.json", &text).expect("decodes");
        let empty = &layers["regions"][1];
        assert_eq!((empty.adcode.as_str(), empty.polygons.len(), empty.lines.len()), ("100000", 0, 0));
    }

    #[test]
    fn bad_files_name_the_file_and_the_place() {
        let e = decode("china.topo.json", "{\"type\": \"Topology\",\n \"arcs\": [}").expect_err("not JSON");
        assert_eq!(e.file, "china.topo.json");
        assert!(e.reason.starts_with("line 2, column"), "{}", e.reason);
        let e = decode("x.json", r#"{"type":"FeatureCollection","arcs":[],"objects":{}}"#).expect_err("not a topology");
        assert!(e.reason.contains("not “Topology”"), "{}", e.reason);
        let e = decode("x.json", &SQUARE.replace("[[0,1]]", "[[0,7]]")).expect_err("missing arc");
        assert!(e.reason.contains("object “regions”, geometry 0 (110000): arc 7 does not exist"), "{}", e.reason);
    }

    /// A corpus of broken boundary files: each is refused with a reason that says where, or read
    /// without panicking when it is merely odd.
    #[test]
    fn broken_boundary_files_are_refused_with_their_place() {
        let swap = |from: &str, to: &str| {
            assert!(SQUARE.contains(from), "{from}");
            SQUARE.replacen(from, to, 1)
        };
        let refused: Vec<(&str, String, &str)> = vec![
            ("empty", String::new(), "line 1, column 0: EOF"),
            ("truncated", SQUARE[..SQUARE.len() / 2].to_owned(), "EOF while parsing"),
            ("an array", "[]".into(), "line 1, column"),
            ("no arcs", swap(r#""arcs":[[[0,0],[2,0],[0,2]],[[2,2],[-2,0],[0,-2]],[[0,0],[0,2]]],"#, ""), "missing field `arcs`"),
            ("a position of three numbers", swap("[0,0],[2,0],[0,2]", "[0,0,0],[2,0],[0,2]"), "line 2"),
            ("a position as text", swap("[2,0],[0,2]", r#"["2",0],[0,2]"#), "invalid type: string"),
            ("NaN", swap("[2,0],[0,2]", "[NaN,0],[0,2]"), "line 2"),
            ("a number beyond f64", swap("[2,0],[0,2]", "[1e400,0],[0,2]"), "number out of range"),
            ("an infinite position", swap(r#""scale":[0.5,0.5]"#, r#""scale":[1e308,1e308]"#).replace("[2,0],[0,2]", "[1e308,0],[0,2]"), "arc 0: a position is not a finite number"),
            ("a negative arc out of range", swap("[[0,1]]", "[[0,-9]]"), "arc -9 does not exist"),
            ("an arc index beyond i64", swap("[[0,1]]", "[[0,99999999999999999999]]"), "arcs are not a list of arc indexes"),
            ("arcs as text", swap("[[0,1]]", r#""0,1""#), "geometry 0 (110000): arcs are not a list of rings"),
            ("multi-line arcs as a number", swap("[[2],[-3]]", "7"), "geometry 1 (100000): arcs are not a list of lines"),
            ("a point geometry", swap(r#"{"type":"Polygon""#, r#"{"type":"Point""#), "“Point” geometries are not supported"),
            ("objects as a list", swap(r#""objects":{"regions":"#, r#""objects":["#).replacen("]}}}", "]}]}", 1), "line"),
            ("a GeoJSON file", swap(r#""type":"Topology""#, r#""type":"FeatureCollection""#), "not “Topology”"),
        ];
        for (case, text, reason) in &refused {
            let e = decode("b.topo.json", text).expect_err(case);
            assert_eq!(e.file, "b.topo.json", "{case}");
            assert!(e.reason.contains(reason), "{case}: {}", e.reason);
        }
        let odd: Vec<(&str, String)> = vec![
            ("no transform", swap(r#""transform":{"scale":[0.5,0.5],"translate":[100,20]},"#, "")),
            ("an empty arc", swap("[[0,0],[0,2]]]", "[]]")),
            ("no objects", swap(r#""regions":{"type":"GeometryCollection","geometries":["#, r#""none":{"geometries":[],"x":["#)),
            ("no properties", swap(r#","properties":{"adcode":"110000","name":"北京市","level":"province","parent":"100000"}"#, "")),
            ("a null geometry", swap(r#"{"type":"Polygon""#, r#"{"type":null"#).replace(r#"{"type":null"#, r#"{"type":"""#)),
        ];
        for (case, text) in &odd {
            assert!(decode("b.topo.json", text).is_ok(), "{case}: {:?}", decode("b.topo.json", text).err());
        }
    }
}
