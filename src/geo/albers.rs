//! Albers equal-area conic projection for China: standard parallels 25°N and 47°N, central
//! meridian 105°E, on a unit sphere (Snyder, *Map Projections — A Working Manual*, pp. 98–100),
//! and fitting projected bounds into a box. A dozen lines, so no projection crate.

use super::Point;

/// The projection's constants.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Albers {
    n: f64,
    c: f64,
    rho0: f64,
    lambda0: f64,
}

impl Albers {
    /// Parallels `phi1` and `phi2`, origin latitude `phi0`, central meridian `lambda0` (degrees).
    pub fn new(phi1: f64, phi2: f64, phi0: f64, lambda0: f64) -> Albers {
        let (s1, s2) = (phi1.to_radians().sin(), phi2.to_radians().sin());
        let n = (s1 + s2) / 2.0;
        let c = phi1.to_radians().cos().powi(2) + 2.0 * n * s1;
        let rho0 = (c - 2.0 * n * phi0.to_radians().sin()).sqrt() / n;
        Albers { n, c, rho0, lambda0: lambda0.to_radians() }
    }

    /// The projection China's maps use: 25°N/47°N, 105°E, origin on the equator.
    pub fn china() -> Albers {
        Albers::new(25.0, 47.0, 0.0, 105.0)
    }

    /// Projects longitude/latitude in degrees to x (east) and y (north) on the unit sphere.
    pub fn project(&self, (lon, lat): Point) -> Point {
        let theta = self.n * (lon.to_radians() - self.lambda0);
        let rho = (self.c - 2.0 * self.n * lat.to_radians().sin()).max(0.0).sqrt() / self.n;
        (rho * theta.sin(), self.rho0 - rho * theta.cos())
    }
}

/// A scale and offset that place projected points in a box of screen pixels (y down).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Fit {
    pub scale: f64,
    pub dx: f64,
    pub dy: f64,
}

impl Fit {
    /// Fits projected bounds `(min, max)` into `width` × `height` pixels with `padding` on every
    /// side, keeping the aspect ratio and centring the shorter dimension.
    pub fn new(min: Point, max: Point, width: f64, height: f64, padding: f64) -> Fit {
        let (w, h) = ((max.0 - min.0).max(1e-12), (max.1 - min.1).max(1e-12));
        let scale = ((width - 2.0 * padding) / w).min((height - 2.0 * padding) / h).max(0.0);
        let dx = (width - w * scale) / 2.0 - min.0 * scale;
        let dy = (height - h * scale) / 2.0 + max.1 * scale;
        Fit { scale, dx, dy }
    }

    /// The pixel position of a projected point.
    pub fn apply(&self, (x, y): Point) -> Point {
        (x * self.scale + self.dx, self.dy - y * self.scale)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Reference values from PROJ 9 (`+proj=aea +lat_1=25 +lat_2=47 +lat_0=0 +lon_0=105 +R=1`).
    const PROJ: [(&str, f64, f64, f64, f64); 5] = [
        ("北京", 116.4074, 39.9042, 0.14982683629278795, 0.684474138723439),
        ("乌鲁木齐", 87.6168, 43.8256, -0.21556129687580075, 0.7641864116155854),
        ("三亚", 109.5119, 18.2528, 0.07663211841614247, 0.2975541373862989),
        ("曾母暗沙", 112.2833, 3.9667, 0.1408111974702991, 0.06657827502578884),
        ("钓鱼岛", 123.476, 25.746, 0.2881599034237473, 0.4521373894630403),
    ];

    #[test]
    fn known_points_match_proj() {
        let albers = Albers::china();
        for (name, lon, lat, x, y) in PROJ {
            let (px, py) = albers.project((lon, lat));
            assert!((px - x).abs() < 1e-9 && (py - y).abs() < 1e-9, "{name}: ({px}, {py}) vs ({x}, {y})");
        }
        assert_eq!(albers.project((105.0, 0.0)), (0.0, 0.0));
    }

    #[test]
    fn equal_areas_stay_equal() {
        // Two 1° × 1° cells on the same parallel but far apart in longitude cover the same area.
        let albers = Albers::china();
        assert!((cell_area(&albers, 80.0, 40.0) / cell_area(&albers, 120.0, 40.0) - 1.0).abs() < 1e-6);
    }

    /// The area of the 1° × 1° cell whose south-west corner is (`lon`, `lat`), projected.
    fn cell_area(albers: &Albers, lon: f64, lat: f64) -> f64 {
        let ring: Vec<Point> = [(lon, lat), (lon + 1.0, lat), (lon + 1.0, lat + 1.0), (lon, lat + 1.0)].iter().map(|&p| albers.project(p)).collect();
        (0..4).map(|i| ring[i].0 * ring[(i + 1) % 4].1 - ring[(i + 1) % 4].0 * ring[i].1).sum::<f64>().abs() / 2.0
    }

    #[test]
    fn a_fit_places_the_bounds_inside_the_box_centred() {
        let fit = Fit::new((-1.0, 0.0), (1.0, 1.0), 400.0, 300.0, 10.0);
        let (left, top) = fit.apply((-1.0, 1.0));
        let (right, bottom) = fit.apply((1.0, 0.0));
        assert!((left - 10.0).abs() < 1e-9 && (right - 390.0).abs() < 1e-9, "width is the binding side");
        assert!((top - (150.0 - 95.0)).abs() < 1e-9 && (bottom - (150.0 + 95.0)).abs() < 1e-9, "centred vertically");
    }

    // The projection has no inverse: the portal never maps a pixel back to a place.
    #[cfg(not(target_arch = "wasm32"))]
    use proptest::strategy::Just;

    #[cfg(not(target_arch = "wasm32"))]
    proptest::proptest! {
        /// Every longitude and latitude, the poles and the antimeridian included, projects to a
        /// finite point.
        #[test]
        fn every_place_projects_to_a_finite_point(
            lon in proptest::prop_oneof![Just(-180.0), Just(180.0), -180.0f64..=180.0],
            lat in proptest::prop_oneof![Just(-90.0), Just(90.0), -90.0f64..=90.0],
        ) {
            let (x, y) = Albers::china().project((lon, lat));
            proptest::prop_assert!(x.is_finite() && y.is_finite(), "({}, {}) → ({}, {})", lon, lat, x, y);
        }

        /// Along any parallel over China and its seas, east is to the right.
        #[test]
        fn east_is_right_on_every_parallel(lat in -10.0f64..60.0, a in 60.0f64..150.0, b in 60.0f64..150.0) {
            proptest::prop_assume!(a < b);
            let albers = Albers::china();
            proptest::prop_assert!(albers.project((a, lat)).0 < albers.project((b, lat)).0);
        }

        /// Along any meridian over China, north is up.
        #[test]
        fn north_is_up_on_every_meridian(lon in 60.0f64..150.0, a in -30.0f64..80.0, b in -30.0f64..80.0) {
            proptest::prop_assume!(a < b);
            let albers = Albers::china();
            proptest::prop_assert!(albers.project((lon, a)).1 < albers.project((lon, b)).1);
        }

        /// Cells of one degree on the same parallel cover the same area wherever they are.
        #[test]
        fn cells_on_a_parallel_keep_equal_areas(lat in 0.0f64..55.0, a in 70.0f64..140.0, b in 70.0f64..140.0) {
            let albers = Albers::china();
            let ratio = cell_area(&albers, a, lat) / cell_area(&albers, b, lat);
            proptest::prop_assert!((ratio - 1.0).abs() < 1e-6, "{}", ratio);
        }

        /// A fit puts every point of its bounds inside the box, within the padding.
        #[test]
        fn a_fit_keeps_its_bounds_inside_the_box(
            (x0, x1, y0, y1) in (-2.0f64..2.0, -2.0f64..2.0, -2.0f64..2.0, -2.0f64..2.0),
            (width, height, padding) in (50.0f64..2000.0, 50.0f64..2000.0, 0.0f64..20.0),
            (s, t) in (0.0f64..=1.0, 0.0f64..=1.0),
        ) {
            let (min, max) = ((x0.min(x1), y0.min(y1)), (x0.max(x1), y0.max(y1)));
            let fit = Fit::new(min, max, width, height, padding);
            let (px, py) = fit.apply((min.0 + s * (max.0 - min.0), min.1 + t * (max.1 - min.1)));
            let rounding = 1e-6;
            proptest::prop_assert!(px >= padding - rounding && px <= width - padding + rounding, "x {} in {}", px, width);
            proptest::prop_assert!(py >= padding - rounding && py <= height - padding + rounding, "y {} in {}", py, height);
        }
    }
}
