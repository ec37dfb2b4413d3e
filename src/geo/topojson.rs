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
                    for polygon in g.arcs.as_array().into_iter().flatten() {
                        polygons.push(rings(&arcs, polygon, indexes).map_err(&at)?);
                    }
                }
                "LineString" => lines.push(line(&arcs, &indexes(&g.arcs)?).map_err(&at)?),
                "MultiLineString" => {
                    for l in g.arcs.as_array().into_iter().flatten() {
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

/// The rings of one polygon.
fn rings(
    arcs: &[Vec<Point>],
    polygon: &serde_json::Value,
    indexes: impl Fn(&serde_json::Value) -> Result<Vec<i64>, GeoError>,
) -> Result<Vec<Vec<Point>>, String> {
    polygon
        .as_array()
        .into_iter()
        .flatten()
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
}
