//! SVG path data for projected rings and lines. Boundaries are projected once when their file
//! arrives ([`super::atlas`]); a new box only rescales, and recolouring never touches the paths.

use crate::geo::albers::Fit;
use crate::geo::Point;

/// `M x,y L x,y … Z` for each ring (or line, when not `close`), in the pixels of `fit`, rounded
/// to tenths of a pixel, skipping points that round to the one before.
pub fn path<'a>(rings: impl Iterator<Item = &'a [Point]>, fit: &Fit, close: bool) -> String {
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

    const UNIT: Fit = Fit { scale: 100.0, dx: 10.0, dy: 310.0 };

    #[test]
    fn rings_are_scaled_into_the_box_north_up_and_closed() {
        let square: Vec<Point> = vec![(0.0, 0.0), (1.0, 0.0), (1.0, 1.0), (0.0, 1.0)];
        let d = path([square.as_slice()].into_iter(), &UNIT, true);
        assert_eq!(d, "M10.0,310.0L110.0,310.0L110.0,210.0L10.0,210.0Z");
        let line = path([&square[..2]].into_iter(), &UNIT, false);
        assert_eq!(line, "M10.0,310.0L110.0,310.0");
    }

    #[test]
    fn points_that_round_together_are_written_once() {
        let ring: Vec<Point> = vec![(0.0, 0.0), (0.000_1, 0.0), (1.0, 0.0), (1.0, 1.0)];
        let d = path([ring.as_slice()].into_iter(), &UNIT, true);
        assert_eq!(d.matches('L').count(), 2, "{d}");
    }
}
