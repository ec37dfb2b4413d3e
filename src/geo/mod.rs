//! Map geometry: the Albers projection for China ([`albers`]) and the boundary files the portal
//! draws, decoded from TopoJSON ([`topojson`]). Pure Rust, tested natively.

pub mod albers;
pub mod topojson;

/// A point in longitude and latitude (degrees), or in projected units.
pub type Point = (f64, f64);

/// Whether `point` lies inside the closed `ring` (even–odd rule; the ring need not repeat its
/// first point).
pub fn ring_contains(ring: &[Point], point: Point) -> bool {
    let (x, y) = point;
    let mut inside = false;
    let mut previous = match ring.last() {
        Some(p) => *p,
        None => return false,
    };
    for &(x1, y1) in ring {
        let (x2, y2) = previous;
        if (y1 > y) != (y2 > y) && x < (x2 - x1) * (y - y1) / (y2 - y1) + x1 {
            inside = !inside;
        }
        previous = (x1, y1);
    }
    inside
}

/// The signed area of a ring (positive when counter-clockwise) and its centroid.
fn ring_area_centroid(ring: &[Point]) -> (f64, Point) {
    let (mut area, mut cx, mut cy) = (0.0, 0.0, 0.0);
    for (i, &(x0, y0)) in ring.iter().enumerate() {
        let (x1, y1) = ring[(i + 1) % ring.len()];
        let cross = x0 * y1 - x1 * y0;
        area += cross;
        cx += (x0 + x1) * cross;
        cy += (y0 + y1) * cross;
    }
    area /= 2.0;
    if area == 0.0 {
        return (0.0, ring.first().copied().unwrap_or((0.0, 0.0)));
    }
    (area, (cx / (6.0 * area), cy / (6.0 * area)))
}

/// Where to anchor a label or an arrow on a region: the centroid of its largest polygon's outer
/// ring (so an island group does not pull it into the sea), or `None` for a shape with no area.
pub fn anchor(polygons: &[Vec<Vec<Point>>]) -> Option<Point> {
    polygons
        .iter()
        .filter_map(|rings| rings.first())
        .map(|outer| ring_area_centroid(outer))
        .filter(|(area, _)| *area != 0.0)
        .max_by(|a, b| a.0.abs().total_cmp(&b.0.abs()))
        .map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_anchor_is_the_centre_of_the_largest_polygon() {
        let big = vec![vec![(0.0, 0.0), (4.0, 0.0), (4.0, 2.0), (0.0, 2.0)]];
        let islet = vec![vec![(10.0, 10.0), (10.5, 10.0), (10.5, 10.5)]];
        assert_eq!(anchor(&[islet.clone(), big]), Some((2.0, 1.0)));
        assert_eq!(anchor(&[]), None);
        assert_eq!(anchor(&[vec![vec![(1.0, 1.0), (1.0, 1.0)]]]), None);
    }

    #[test]
    fn points_inside_and_outside_a_ring() {
        let square = [(0.0, 0.0), (2.0, 0.0), (2.0, 2.0), (0.0, 2.0)];
        assert!(ring_contains(&square, (1.0, 1.0)));
        assert!(!ring_contains(&square, (3.0, 1.0)));
        assert!(!ring_contains(&[], (0.0, 0.0)));
    }
}
