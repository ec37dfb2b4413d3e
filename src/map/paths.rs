//! SVG path data for projected rings and lines. Boundaries are projected once when their file
//! arrives ([`super::atlas`]); a new box only rescales, and recolouring never touches the paths.

use crate::geo::albers::Fit;
use crate::geo::Point;

/// The least distance (in tenths of a pixel, along x plus along y) between points written.
const MIN_STEP: i64 = 5;

/// The points of `ring` written at this scale, in tenths of a pixel. Points less than half a
/// pixel from the last one written add nothing (a country of 2,875 counties is mostly such
/// points); a ring's last point is kept, and so is its second, so that a region smaller than a
/// pixel still has a shape.
fn kept<'r>(ring: &'r [Point], fit: &'r Fit) -> impl Iterator<Item = (i64, i64)> + 'r {
    let end = ring.len().saturating_sub(1);
    let (mut last, mut written) = (None::<(i64, i64)>, 0);
    ring.iter().enumerate().filter_map(move |(i, p)| {
        let (x, y) = fit.apply(*p);
        let q = ((x * 10.0).round() as i64, (y * 10.0).round() as i64);
        let near = |l: (i64, i64)| written >= 2 && i < end && (l.0 - q.0).abs() + (l.1 - q.1).abs() < MIN_STEP;
        if last.is_some_and(|l| l == q || near(l)) {
            return None;
        }
        written += 1;
        last = Some(q);
        Some(q)
    })
}

/// `M x,y L x,y … Z` for each ring (or line, when not `close`), in the pixels of `fit`, rounded
/// to tenths of a pixel, skipping points within half a pixel of the one before.
pub fn path<'a>(rings: impl Iterator<Item = &'a [Point]>, fit: &Fit, close: bool) -> String {
    let mut d = String::new();
    for ring in rings {
        let mut any = false;
        for q in kept(ring, fit) {
            d.push(if any { 'L' } else { 'M' });
            push_tenths(&mut d, q.0);
            d.push(',');
            push_tenths(&mut d, q.1);
            any = true;
        }
        if close && any {
            d.push('Z');
        }
    }
    d
}

/// Like [`path`], but in tenths of a pixel, as whole numbers, each point after a ring's first
/// written relative to the one before (`M7165,3208l-9,6 4,12`): about half the bytes, for a
/// layer drawn inside `scale(0.1)`. The same points are kept.
pub fn path_tenths<'a>(rings: impl Iterator<Item = &'a [Point]>, fit: &Fit) -> String {
    let mut d = String::new();
    for ring in rings {
        let mut last: Option<(i64, i64)> = None;
        for (n, q) in kept(ring, fit).enumerate() {
            match last {
                Some(l) => {
                    if n == 1 {
                        d.push('l');
                    } else if q.0 >= l.0 {
                        d.push(' ');
                    }
                    push_int(&mut d, q.0 - l.0);
                    if q.1 >= l.1 {
                        d.push(',');
                    }
                    push_int(&mut d, q.1 - l.1);
                }
                None => {
                    d.push('M');
                    push_int(&mut d, q.0);
                    d.push(',');
                    push_int(&mut d, q.1);
                }
            }
            last = Some(q);
        }
        if last.is_some() {
            d.push('Z');
        }
    }
    d
}

/// Writes a whole number with integer digits.
fn push_int(d: &mut String, n: i64) {
    if n < 0 {
        d.push('-');
    }
    let mut digits = [0u8; 20];
    let (mut v, mut i) = (n.unsigned_abs(), digits.len());
    loop {
        i -= 1;
        digits[i] = b'0' + (v % 10) as u8;
        v /= 10;
        if v == 0 {
            break;
        }
    }
    for &b in &digits[i..] {
        d.push(char::from(b));
    }
}

/// Writes `tenths / 10` with one decimal (−12 → "-1.2"). Integer digits, not float formatting:
/// 2,875 county paths are written this way on every new view.
fn push_tenths(d: &mut String, tenths: i64) {
    if tenths < 0 {
        d.push('-');
    }
    let t = tenths.unsigned_abs() as i64;
    push_int(d, t / 10);
    d.push('.');
    d.push(char::from(b'0' + (t % 10) as u8));
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
    fn tenths_paths_keep_the_same_points_relative_and_whole() {
        let ring: Vec<Point> = vec![(0.0, 0.0), (0.003, 0.0), (1.0, 0.0), (1.0, 1.0), (0.5, 1.5), (1.003, 1.0)];
        let absolute = path([ring.as_slice()].into_iter(), &UNIT, true);
        let relative = path_tenths([ring.as_slice()].into_iter(), &UNIT);
        assert_eq!(absolute, "M10.0,310.0L10.3,310.0L110.0,310.0L110.0,210.0L60.0,160.0L110.3,210.0Z");
        assert_eq!(relative, "M100,3100l3,0 997,0 0-1000-500-500 503,500Z");
        // Reading the relative path back gives the absolute points, in tenths.
        let mut at = (0i64, 0i64);
        let mut points = Vec::new();
        let body = relative.trim_end_matches('Z');
        let (first, rest) = body[1..].split_once('l').expect("M then l");
        let (x, y) = first.split_once(',').expect("x,y");
        at = (at.0 + x.parse::<i64>().expect("x"), at.1 + y.parse::<i64>().expect("y"));
        points.push(at);
        let numbers: Vec<i64> = rest.replace('-', " -").replace(',', " ").split_whitespace().map(|n| n.parse().expect("n")).collect();
        for pair in numbers.chunks(2) {
            at = (at.0 + pair[0], at.1 + pair[1]);
            points.push(at);
        }
        let expected: Vec<(i64, i64)> = absolute
            .trim_end_matches('Z')
            .split(['M', 'L'])
            .filter(|p| !p.is_empty())
            .map(|p| p.split_once(',').map(|(x, y)| ((x.parse::<f64>().expect("x") * 10.0).round() as i64, (y.parse::<f64>().expect("y") * 10.0).round() as i64)).expect("pair"))
            .collect();
        assert_eq!(points, expected);
    }

    #[test]
    fn tenths_are_written_like_float_formatting_would() {
        for tenths in [-12_345, -10, -9, -1, 0, 1, 9, 10, 99, 100, 1_234_567] {
            let mut d = String::new();
            push_tenths(&mut d, tenths);
            let expected = format!("{:.1}", tenths as f64 / 10.0);
            // Float formatting writes −0.9 as "-0.9" and 0 as "0.0", as does this.
            assert_eq!(d, expected, "{tenths}");
        }
    }

    #[test]
    fn points_within_half_a_pixel_are_written_once_but_a_ring_keeps_its_end() {
        let ring: Vec<Point> = vec![(0.0, 0.0), (0.000_1, 0.0), (0.003, 0.0), (0.006, 0.0), (1.0, 0.0), (1.0, 1.0), (1.003, 1.0)];
        let d = path([ring.as_slice()].into_iter(), &UNIT, true);
        assert_eq!(d, "M10.0,310.0L10.3,310.0L110.0,310.0L110.0,210.0L110.3,210.0Z", "0.3 px steps are skipped after the second point; the last is kept");
        let speck: Vec<Point> = vec![(0.0, 0.0), (0.002, 0.0), (0.002, 0.002), (0.0, 0.0)];
        assert_eq!(path([speck.as_slice()].into_iter(), &UNIT, true), "M10.0,310.0L10.2,310.0L10.0,310.0Z", "a speck keeps a shape");
    }
}
