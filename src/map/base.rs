//! The first view's base map: provinces, prefectures and the 南海诸岛 maritime lines of
//! `china.topo.json`, projected once, with an anchor for every division.

use rustc_hash::FxHashMap;

use crate::geo::albers::{Albers, Fit};
use crate::geo::topojson::Layers;
use crate::geo::{anchor, Point};

use super::paths::Projected;

/// The layers of the first view, projected, and where each division is (longitude/latitude).
#[derive(Clone, Debug, PartialEq)]
pub struct BaseMap {
    pub albers: Albers,
    pub provinces: Projected,
    pub prefectures: Projected,
    pub maritime: Projected,
    pub anchors: FxHashMap<String, Point>,
}

/// The width the map is laid out at; it scales with its box.
pub const WIDTH: f64 = 960.0;
const PADDING: f64 = 8.0;

impl BaseMap {
    /// Builds the base map from the decoded first-view file; a missing layer draws nothing.
    pub fn new(layers: &Layers) -> BaseMap {
        let albers = Albers::china();
        let layer = |name: &str| layers.get(name).map(Vec::as_slice).unwrap_or_default();
        let anchors = layers.values().flatten().filter_map(|s| anchor(&s.polygons).map(|p| (s.adcode.clone(), p))).collect();
        BaseMap {
            provinces: Projected::new(layer("provinces"), &albers),
            prefectures: Projected::new(layer("prefectures"), &albers),
            maritime: Projected::new(layer("maritime"), &albers),
            albers,
            anchors,
        }
    }

    /// The height the map takes at [`WIDTH`], and the fit every layer is drawn with (the
    /// provinces' bounds, which include 南海诸岛).
    pub fn layout(&self) -> (f64, Fit) {
        let (min, max) = (self.provinces.min, self.provinces.max);
        let aspect = if max.0 > min.0 { (max.1 - min.1) / (max.0 - min.0) } else { 1.0 };
        let height = (WIDTH - 2.0 * PADDING) * aspect.clamp(0.2, 3.0) + 2.0 * PADDING;
        (height, Fit::new(min, max, WIDTH, height, PADDING))
    }

    /// A longitude/latitude point in the pixels of `fit`.
    pub fn pixel(&self, fit: &Fit, point: Point) -> Point {
        fit.apply(self.albers.project(point))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::geo::topojson::decode;

    #[test]
    fn the_first_view_lays_out_with_every_layer_in_the_box() {
        let text = include_str!("../../public/geo/china.topo.json");
        let base = BaseMap::new(&decode("china.topo.json", text).expect("decodes"));
        let (height, fit) = base.layout();
        assert!(height > 600.0 && height < 1400.0, "{height}");
        assert_eq!(base.provinces.shapes.len(), 34);
        assert_eq!(base.prefectures.shapes.len(), 370);
        let beijing = base.pixel(&fit, base.anchors["110000"]);
        let sanya = base.pixel(&fit, base.anchors["460200"]);
        assert!(beijing.1 < sanya.1 && (0.0..WIDTH).contains(&beijing.0), "north is up: {beijing:?} {sanya:?}");
        let d = base.maritime.line_paths(&fit);
        assert!(d.matches('M').count() >= 9);
    }
}
