//! Moving between a map's regions by keyboard: an arrow key goes to the nearest region in its
//! direction, so that 2,875 counties need one tab stop, not 2,875.

use crate::geo::Point;

/// An arrow key's direction on screen (y grows downwards).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Direction {
    Left,
    Right,
    Up,
    Down,
}

impl Direction {
    /// The direction of an arrow key's `KeyboardEvent.key`.
    pub fn of_key(key: &str) -> Option<Direction> {
        match key {
            "ArrowLeft" => Some(Direction::Left),
            "ArrowRight" => Some(Direction::Right),
            "ArrowUp" => Some(Direction::Up),
            "ArrowDown" => Some(Direction::Down),
            _ => None,
        }
    }

    fn unit(self) -> Point {
        match self {
            Direction::Left => (-1.0, 0.0),
            Direction::Right => (1.0, 0.0),
            Direction::Up => (0.0, -1.0),
            Direction::Down => (0.0, 1.0),
        }
    }
}

/// The point to go to from `points[from]` in `direction`: among the points ahead within 60° of
/// the direction, the one nearest, with sideways distance counting double. `None` at the edge.
pub fn step(points: &[Point], from: usize, direction: Direction) -> Option<usize> {
    let origin = *points.get(from)?;
    let (ux, uy) = direction.unit();
    points
        .iter()
        .enumerate()
        .filter(|&(i, _)| i != from)
        .filter_map(|(i, &(x, y))| {
            let (dx, dy) = (x - origin.0, y - origin.1);
            let ahead = dx * ux + dy * uy;
            let aside = (dx * uy - dy * ux).abs();
            // tan 60° ≈ 1.732: keep what lies within the cone.
            (ahead > 0.0 && aside <= ahead * 1.732).then_some((i, ahead + 2.0 * aside))
        })
        .min_by(|a, b| a.1.total_cmp(&b.1))
        .map(|(i, _)| i)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A 3 × 3 grid, numbered row by row from the top left.
    fn grid() -> Vec<Point> {
        (0..9).map(|i| (f64::from(i % 3) * 10.0, f64::from(i / 3) * 10.0)).collect()
    }

    #[test]
    fn arrows_go_to_the_neighbour_in_their_direction() {
        let g = grid();
        assert_eq!(step(&g, 4, Direction::Left), Some(3));
        assert_eq!(step(&g, 4, Direction::Right), Some(5));
        assert_eq!(step(&g, 4, Direction::Up), Some(1));
        assert_eq!(step(&g, 4, Direction::Down), Some(7));
    }

    #[test]
    fn at_the_edge_there_is_nowhere_to_go() {
        let g = grid();
        assert_eq!(step(&g, 0, Direction::Left), None);
        assert_eq!(step(&g, 0, Direction::Up), None);
        assert_eq!(step(&g, 8, Direction::Down), None);
        assert_eq!(step(&[], 0, Direction::Down), None);
    }

    #[test]
    fn a_region_off_to_the_side_is_reached_when_nothing_is_straight_ahead() {
        let points = [(0.0, 0.0), (10.0, 8.0), (30.0, 0.0)];
        assert_eq!(step(&points, 0, Direction::Right), Some(1), "near and within the cone beats far and straight");
        assert_eq!(step(&points, 0, Direction::Down), Some(1));
        assert_eq!(step(&points, 1, Direction::Up), Some(0));
        assert_eq!(Direction::of_key("ArrowUp"), Some(Direction::Up));
        assert_eq!(Direction::of_key("Enter"), None);
    }
}
