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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn points_inside_and_outside_a_ring() {
        let square = [(0.0, 0.0), (2.0, 0.0), (2.0, 2.0), (0.0, 2.0)];
        assert!(ring_contains(&square, (1.0, 1.0)));
        assert!(!ring_contains(&square, (3.0, 1.0)));
        assert!(!ring_contains(&[], (0.0, 0.0)));
    }
}
