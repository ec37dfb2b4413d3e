//! Boundaries projected once and written as SVG path data for a box. Projection happens when the
//! geometry arrives; a new box only rescales, and recolouring a map never touches the paths.

use crate::geo::albers::{Albers, Fit};
use crate::geo::topojson::Shape;
use crate::geo::Point;

/// One layer's shapes in projected units, with their bounds.
#[derive(Clone, Debug, PartialEq)]
pub struct Projected {
    /// Each shape's adcode with its rings (outer rings and holes alike).
    pub shapes: Vec<(String, Vec<Vec<Point>>)>,
    /// Lines (e.g. maritime boundaries).
    pub lines: Vec<Vec<Point>>,
    pub min: Point,
    pub max: Point,
}

impl Projected {
    /// Projects `shapes` with `albers`.
    pub fn new(shapes: &[Shape], albers: &Albers) -> Projected {
        let (mut min, mut max) = ((f64::INFINITY, f64::INFINITY), (f64::NEG_INFINITY, f64::NEG_INFINITY));
        let mut project = |p: &Point| {
            let q = albers.project(*p);
            min = (min.0.min(q.0), min.1.min(q.1));
            max = (max.0.max(q.0), max.1.max(q.1));
            q
        };
        let mut projected = Vec::with_capacity(shapes.len());
        let mut lines = Vec::new();
        for shape in shapes {
            let rings = shape.polygons.iter().flatten().map(|ring| ring.iter().map(&mut project).collect()).collect();
            projected.push((shape.adcode.clone(), rings));
            lines.extend(shape.lines.iter().map(|l| l.iter().map(&mut project).collect::<Vec<_>>()));
        }
        Projected { shapes: projected, lines, min, max }
    }

    /// The fit of this layer's bounds into a `width` × `height` box (share it between layers drawn
    /// together so they line up).
    pub fn fit(&self, width: f64, height: f64, padding: f64) -> Fit {
        Fit::new(self.min, self.max, width, height, padding)
    }

    /// Path data (`d`) for every shape, in the pixels of `fit`.
    pub fn paths(&self, fit: &Fit) -> Vec<(&str, String)> {
        self.shapes.iter().map(|(code, rings)| (code.as_str(), path(rings.iter().map(Vec::as_slice), fit, true))).collect()
    }

    /// Path data for the layer's lines.
    pub fn line_paths(&self, fit: &Fit) -> String {
        path(self.lines.iter().map(Vec::as_slice), fit, false)
    }
}

/// `M x,y L x,y … Z` for each ring (or line), rounded to tenths of a pixel, skipping points that
/// round to the one before.
fn path<'a>(rings: impl Iterator<Item = &'a [Point]>, fit: &Fit, close: bool) -> String {
    use std::fmt::Write;
    let mut d = String::new();
    for ring in rings {
        let mut last: Option<(i64, i64)> = None;
        for p in ring {
            let (x, y) = fit.apply(*p);
            let q = ((x * 10.0).round() as i64, (y * 10.0).round() as i64);
            if last == Some(q) {
                continue;
            }
            let command = if last.is_none() { 'M' } else { 'L' };
            let _ = write!(d, "{command}{:.1},{:.1}", q.0 as f64 / 10.0, q.1 as f64 / 10.0);
            last = Some(q);
        }
        if close && last.is_some() {
            d.push('Z');
        }
    }
    d
}

#[cfg(test)]
mod tests {
    use super::*;

    fn square(code: &str, lon: f64, lat: f64) -> Shape {
        Shape {
            adcode: code.into(),
            name: code.into(),
            level: "province".into(),
            parent: "100000".into(),
            polygons: vec![vec![vec![(lon, lat), (lon + 1.0, lat), (lon + 1.0, lat + 1.0), (lon, lat + 1.0)]]],
            lines: Vec::new(),
        }
    }

    #[test]
    fn paths_fill_the_box_and_close_their_rings() {
        let projected = Projected::new(&[square("a", 100.0, 30.0), square("b", 110.0, 40.0)], &Albers::china());
        let paths = projected.paths(&projected.fit(400.0, 300.0, 10.0));
        assert_eq!(paths.len(), 2);
        for (_, d) in &paths {
            assert!(d.starts_with('M') && d.ends_with('Z'), "{d}");
            for pair in d.trim_end_matches('Z').split(['M', 'L']).filter(|s| !s.is_empty()) {
                let (x, y) = pair.split_once(',').expect("x,y");
                let (x, y): (f64, f64) = (x.parse().expect("x"), y.parse().expect("y"));
                assert!((9.9..=390.1).contains(&x) && (9.9..=290.1).contains(&y), "({x}, {y}) outside the box");
            }
        }
        // North is up: the northern square's top edge is nearer the top of the box.
        let top = |d: &str| d.split(['M', 'L']).filter_map(|s| s.trim_end_matches('Z').split_once(',')).filter_map(|(_, y)| y.parse::<f64>().ok()).fold(f64::INFINITY, f64::min);
        assert!(top(&paths[1].1) < top(&paths[0].1));
    }

    #[test]
    fn points_that_round_together_are_written_once() {
        let mut tiny = square("t", 100.0, 30.0);
        tiny.polygons[0][0].insert(1, (100.000_001, 30.0));
        let projected = Projected::new(&[tiny, square("b", 110.0, 40.0)], &Albers::china());
        let d = &projected.paths(&projected.fit(400.0, 300.0, 10.0))[0].1;
        assert_eq!(d.matches('L').count(), 3, "{d}");
    }
}
