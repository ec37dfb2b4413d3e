//! Every division the map has geometry for, projected once when its file arrives: the provinces
//! and prefectures of the first view, the counties of the provinces loaded on drill-down, and the
//! 南海诸岛 lines. It answers where a division is, what it belongs to, what it contains, and how
//! a view of it is laid out.

use rustc_hash::{FxHashMap, FxHashSet};

use crate::data::{Level, Region};
use crate::geo::albers::{Albers, Fit};
use crate::geo::topojson::{Layers, Shape};
use crate::geo::{anchor, Point};

/// The province of the division `code`: its two-digit prefix, which names its county file.
pub fn province_of(code: &str) -> Option<&str> {
    code.get(..2)
}

/// The provinces (two-digit code prefixes, sorted, each once) of the county-level regions among
/// `regions`: the county files a map of them needs.
pub fn county_provinces<'r>(regions: impl IntoIterator<Item = &'r Region>) -> Vec<String> {
    let mut provinces: Vec<String> = regions.into_iter().filter(|r| r.level == Level::County).filter_map(|r| province_of(&r.code)).map(str::to_owned).collect();
    provinces.sort();
    provinces.dedup();
    provinces
}

/// The tiers of China's administrative divisions the boundary files hold.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Tier {
    Province,
    Prefecture,
    County,
}

impl Tier {
    fn of(level: &str) -> Option<Tier> {
        match level {
            "province" => Some(Tier::Province),
            "prefecture" => Some(Tier::Prefecture),
            "county" => Some(Tier::County),
            _ => None,
        }
    }

    /// The tier of the data's `level`, if it is a division's.
    pub fn of_level(level: Level) -> Option<Tier> {
        match level {
            Level::Province => Some(Tier::Province),
            Level::Prefecture => Some(Tier::Prefecture),
            Level::County => Some(Tier::County),
            _ => None,
        }
    }

    /// The data's level of a division of this tier.
    pub fn level(self) -> Level {
        match self {
            Tier::Province => Level::Province,
            Tier::Prefecture => Level::Prefecture,
            Tier::County => Level::County,
        }
    }
}

/// One division, projected.
#[derive(Clone, Debug, PartialEq)]
pub struct Division {
    pub code: String,
    /// The name as the boundary file writes it (zh-Hans).
    pub name: String,
    pub tier: Tier,
    /// The code of the division it belongs to (100000 for a province).
    pub parent: String,
    /// Outer rings and holes alike, in projected units.
    pub rings: Vec<Vec<Point>>,
    pub min: Point,
    pub max: Point,
    /// Where labels and arrows attach (the centre of its largest polygon), projected.
    pub anchor: Point,
}

/// The south edge of the main frame when 南海诸岛 is drawn as an inset: just south of Hainan.
const MAIN_SOUTH: f64 = 17.5;
/// The inset's window in longitude/latitude: the South China Sea down to 曾母暗沙 and the lines.
const INSET_WINDOW: (Point, Point) = ((106.5, 2.5), (123.5, 24.5));

/// The width every view is laid out at; the SVG scales with its box.
pub const WIDTH: f64 = 960.0;
const PADDING: f64 = 8.0;

/// Where a view's boundaries go in its box.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Layout {
    pub width: f64,
    pub height: f64,
    pub fit: Fit,
    /// The 南海诸岛 inset, drawn in a corner of the country view in landscape layouts.
    pub inset: Option<Inset>,
}

/// A box in the view (pixels) and the fit that draws the inset's window into it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Inset {
    pub x: f64,
    pub y: f64,
    pub width: f64,
    pub height: f64,
    pub fit: Fit,
}

/// The divisions with geometry, and the maritime lines.
#[derive(Clone, Debug, PartialEq)]
pub struct Atlas {
    pub albers: Albers,
    pub divisions: Vec<Division>,
    /// Division indexes by code, coarsest tier first (重庆 500000 is a province and a prefecture).
    by_code: FxHashMap<String, Vec<usize>>,
    pub maritime: Vec<Vec<Point>>,
    /// Bounds of everything, and of everything north of [`MAIN_SOUTH`].
    all: (Point, Point),
    mainland: (Point, Point),
    /// Provinces (two-digit prefixes) whose county file has been added.
    counties_loaded: FxHashSet<String>,
}

fn grow(bounds: &mut (Point, Point), p: Point) {
    bounds.0 = (bounds.0 .0.min(p.0), bounds.0 .1.min(p.1));
    bounds.1 = (bounds.1 .0.max(p.0), bounds.1 .1.max(p.1));
}

const EMPTY: (Point, Point) = ((f64::INFINITY, f64::INFINITY), (f64::NEG_INFINITY, f64::NEG_INFINITY));

impl Atlas {
    /// An atlas without divisions yet: files are [`add`](Atlas::add)ed in any order as they arrive.
    pub fn empty() -> Atlas {
        Atlas {
            albers: Albers::china(),
            divisions: Vec::new(),
            by_code: FxHashMap::default(),
            maritime: Vec::new(),
            all: EMPTY,
            mainland: EMPTY,
            counties_loaded: FxHashSet::default(),
        }
    }

    /// The atlas of the first view's file (layers `provinces`, `prefectures`, `maritime`).
    pub fn new(layers: &Layers) -> Atlas {
        let mut atlas = Atlas::empty();
        atlas.add(layers);
        atlas
    }

    /// Adds the divisions and lines of a decoded file (a province's counties, say). A division
    /// already present at the same tier is kept as it was.
    pub fn add(&mut self, layers: &Layers) {
        for shape in layers.values().flatten() {
            if shape.level == "maritime" {
                for line in &shape.lines {
                    let projected: Vec<Point> = line.iter().map(|p| self.project(*p, false)).collect();
                    self.maritime.push(projected);
                }
                continue;
            }
            let Some(tier) = Tier::of(&shape.level) else { continue };
            if tier == Tier::County {
                if let Some(prefix) = province_of(&shape.adcode) {
                    self.counties_loaded.insert(prefix.to_owned());
                }
            }
            if self.find_at(&shape.adcode, tier).is_some() {
                continue;
            }
            self.push(shape, tier);
        }
    }

    fn project(&mut self, p: Point, area: bool) -> Point {
        let q = self.albers.project(p);
        grow(&mut self.all, q);
        if p.1 >= MAIN_SOUTH && area {
            grow(&mut self.mainland, q);
        }
        q
    }

    fn push(&mut self, shape: &Shape, tier: Tier) {
        let mut bounds = EMPTY;
        let rings: Vec<Vec<Point>> = shape
            .polygons
            .iter()
            .flatten()
            .map(|ring| {
                ring.iter()
                    .map(|p| {
                        let q = self.project(*p, true);
                        grow(&mut bounds, q);
                        q
                    })
                    .collect()
            })
            .collect();
        let Some(centre) = anchor(&shape.polygons) else { return };
        let index = self.divisions.len();
        self.divisions.push(Division {
            code: shape.adcode.clone(),
            name: shape.name.clone(),
            tier,
            parent: shape.parent.clone(),
            rings,
            min: bounds.0,
            max: bounds.1,
            anchor: self.albers.project(centre),
        });
        let list = self.by_code.entry(shape.adcode.clone()).or_default();
        list.push(index);
        list.sort_by_key(|&i| self.divisions[i].tier);
    }

    /// Whether the counties of `code`'s province have been added.
    pub fn has_counties_of(&self, code: &str) -> bool {
        province_of(code).is_some_and(|p| self.counties_loaded.contains(p))
    }

    /// The coarsest division with `code` (a province before the prefecture of the same code).
    pub fn find(&self, code: &str) -> Option<usize> {
        self.by_code.get(code).and_then(|l| l.first().copied())
    }

    /// The division with `code` at `tier`.
    pub fn find_at(&self, code: &str, tier: Tier) -> Option<usize> {
        self.by_code.get(code)?.iter().copied().find(|&i| self.divisions[i].tier == tier)
    }

    /// The division `index` belongs to: the one named by its parent code, at a coarser tier.
    pub fn parent(&self, index: usize) -> Option<usize> {
        let d = self.divisions.get(index)?;
        self.by_code.get(&d.parent)?.iter().copied().filter(|&i| self.divisions[i].tier < d.tier).last()
    }

    /// The divisions from the province down to `index`, leaving out a level that only repeats the
    /// name above it (北京市 the province and 北京市 the prefecture).
    pub fn chain(&self, index: usize) -> Vec<usize> {
        let mut chain = vec![index];
        while let Some(p) = chain.last().and_then(|&i| self.parent(i)) {
            if chain.contains(&p) {
                break;
            }
            chain.push(p);
        }
        chain.reverse();
        chain.dedup_by(|b, a| self.divisions[*a].name == self.divisions[*b].name);
        chain
    }

    /// What a view of `at` (the country when `None`) shows, one tier down: the provinces; or the
    /// prefectures and directly governed counties of a province (its counties when it has a single
    /// prefecture); or a prefecture's counties. Empty for a county, or while counties are not loaded.
    pub fn children(&self, at: Option<usize>) -> Vec<usize> {
        let Some(at) = at else {
            return (0..self.divisions.len()).filter(|&i| self.divisions[i].tier == Tier::Province).collect();
        };
        let d = &self.divisions[at];
        let direct: Vec<usize> = (0..self.divisions.len())
            .filter(|&i| {
                let c = &self.divisions[i];
                c.parent == d.code && c.code != d.code && c.tier > d.tier
            })
            .collect();
        match direct.as_slice() {
            [only] if self.divisions[*only].tier == Tier::Prefecture => self.children(Some(*only)),
            _ => direct,
        }
    }

    /// The layout of a view of `at` (the country when `None`) at [`WIDTH`]: the country with
    /// 南海诸岛 as an inset when `landscape`, or whole; a division fitted to its bounds.
    pub fn layout(&self, at: Option<usize>, landscape: bool) -> Layout {
        let (bounds, inset) = match at.and_then(|i| self.divisions.get(i)) {
            Some(d) => ((d.min, d.max), false),
            None if landscape && self.mainland.0 .0.is_finite() => (self.mainland, true),
            None => (self.all, false),
        };
        let (min, max) = bounds;
        let aspect = if max.0 > min.0 { (max.1 - min.1) / (max.0 - min.0) } else { 1.0 };
        let aspect = if at.is_some() { aspect.clamp(0.45, 1.0) } else { aspect.clamp(0.4, 1.6) };
        let height = ((WIDTH - 2.0 * PADDING) * aspect + 2.0 * PADDING).round();
        let fit = Fit::new(min, max, WIDTH, height, PADDING);
        let inset = inset.then(|| self.inset(height));
        Layout { width: WIDTH, height, fit, inset }
    }

    /// The 南海诸岛 inset in the bottom-right corner of a view `height` high.
    fn inset(&self, height: f64) -> Inset {
        // The window's projected bounds: sample its edges, since parallels project as arcs.
        let mut bounds = EMPTY;
        let ((west, south), (east, north)) = INSET_WINDOW;
        for step in 0..=20 {
            let t = f64::from(step) / 20.0;
            for p in [(west + t * (east - west), south), (west + t * (east - west), north), (west, south + t * (north - south)), (east, south + t * (north - south))] {
                grow(&mut bounds, self.albers.project(p));
            }
        }
        let h = (height * 0.3).round();
        let w = (h * (bounds.1 .0 - bounds.0 .0) / (bounds.1 .1 - bounds.0 .1)).round();
        let (x, y) = (WIDTH - w - PADDING, height - h - PADDING);
        let inner = Fit::new(bounds.0, bounds.1, w, h, 2.0);
        Inset { x, y, width: w, height: h, fit: Fit { scale: inner.scale, dx: inner.dx + x, dy: inner.dy + y } }
    }

    /// Path data for division `index` in the pixels of `fit`.
    pub fn path(&self, index: usize, fit: &Fit) -> String {
        self.divisions.get(index).map_or_else(String::new, |d| super::paths::path(d.rings.iter().map(Vec::as_slice), fit, true))
    }

    /// Path data for division `index` in tenths of the pixels of `fit`, relative and whole (for a
    /// layer drawn inside `scale(0.1)`; see [`super::paths::path_tenths`]).
    pub fn path_tenths(&self, index: usize, fit: &Fit) -> String {
        self.divisions.get(index).map_or_else(String::new, |d| super::paths::path_tenths(d.rings.iter().map(Vec::as_slice), fit))
    }

    /// Path data for the maritime lines.
    pub fn maritime_path(&self, fit: &Fit) -> String {
        super::paths::path(self.maritime.iter().map(Vec::as_slice), fit, false)
    }

    /// The anchor of the finest division with `code`, projected (arrows start at counties when
    /// their file is loaded).
    pub fn anchor(&self, code: &str) -> Option<Point> {
        self.by_code.get(code)?.last().map(|&i| self.divisions[i].anchor)
    }

    /// Whether the pixel box of division `index` under `fit` overlaps the `width` × `height` view.
    pub fn visible(&self, index: usize, fit: &Fit, width: f64, height: f64) -> bool {
        self.divisions.get(index).is_some_and(|d| {
            let (a, b) = (fit.apply(d.min), fit.apply(d.max));
            a.0 <= width && b.0 >= 0.0 && b.1 <= height && a.1 >= 0.0
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::geo::topojson::decode;

    fn first_view() -> Atlas {
        let text = include_str!("../../public/geo/china.topo.json");
        Atlas::new(&decode("china.topo.json", text).expect("decodes"))
    }

    fn add_counties(atlas: &mut Atlas, province: &str, text: &str) {
        atlas.add(&decode(&format!("{province}.topo.json"), text).expect("decodes"));
    }

    fn names(atlas: &Atlas, indexes: &[usize]) -> Vec<String> {
        indexes.iter().map(|&i| atlas.divisions[i].name.clone()).collect()
    }

    #[test]
    fn the_country_shows_its_provinces_and_a_province_its_prefectures() {
        let atlas = first_view();
        assert_eq!(atlas.children(None).len(), 34);
        let mongolia = atlas.find("150000").expect("内蒙古");
        let prefectures = names(&atlas, &atlas.children(Some(mongolia)));
        assert_eq!(prefectures.len(), 12);
        assert!(prefectures.contains(&"通辽市".to_owned()));
        // Counties are not loaded yet: a prefecture has nothing to show below it.
        let tongliao = atlas.find("150500").expect("通辽市");
        assert!(atlas.children(Some(tongliao)).is_empty());
        assert!(!atlas.has_counties_of("150500"));
    }

    #[test]
    fn counties_arrive_with_their_province_file() {
        let mut atlas = first_view();
        add_counties(&mut atlas, "150000", include_str!("../../public/geo/counties/150000.topo.json"));
        assert!(atlas.has_counties_of("150521"));
        let tongliao = atlas.find("150500").expect("通辽市");
        let counties = names(&atlas, &atlas.children(Some(tongliao)));
        assert!(counties.contains(&"科尔沁左翼中旗".to_owned()) && counties.len() == 8, "{counties:?}");
        let banner = atlas.find("150521").expect("科左中旗");
        assert_eq!(names(&atlas, &atlas.chain(banner)), ["内蒙古自治区", "通辽市", "科尔沁左翼中旗"]);
        // The county's anchor now wins over nothing; the prefecture's stays its own.
        assert_ne!(atlas.anchor("150521"), atlas.anchor("150500"));
    }

    #[test]
    fn a_province_with_one_prefecture_shows_its_counties_and_names_once() {
        let mut atlas = first_view();
        add_counties(&mut atlas, "110000", include_str!("../../public/geo/counties/110000.topo.json"));
        let beijing = atlas.find("110000").expect("北京市");
        assert_eq!(atlas.divisions[beijing].tier, Tier::Province);
        let districts = names(&atlas, &atlas.children(Some(beijing)));
        assert_eq!(districts.len(), 16, "{districts:?}");
        let dongcheng = atlas.find("110101").expect("东城区");
        assert_eq!(names(&atlas, &atlas.chain(dongcheng)), ["北京市", "东城区"]);
        // 重庆: counties belong to the province directly.
        add_counties(&mut atlas, "500000", include_str!("../../public/geo/counties/500000.topo.json"));
        let chongqing = atlas.find("500000").expect("重庆市");
        assert_eq!(atlas.children(Some(chongqing)).len(), 38);
    }

    #[test]
    fn county_files_that_arrive_before_the_first_view_make_the_same_atlas() {
        let first = decode("china.topo.json", include_str!("../../public/geo/china.topo.json")).expect("decodes");
        let counties = decode("150000.topo.json", include_str!("../../public/geo/counties/150000.topo.json")).expect("decodes");
        let mut late = Atlas::new(&first);
        late.add(&counties);
        let mut early = Atlas::empty();
        early.add(&counties);
        early.add(&first);
        assert_eq!(early.divisions.len(), late.divisions.len());
        for code in ["150000", "150500", "150521", "110000"] {
            let chain = |a: &Atlas| a.find(code).map(|i| names(a, &a.chain(i)));
            assert!(chain(&late).is_some(), "{code}");
            assert_eq!(chain(&early), chain(&late), "{code}");
        }
        let sorted_children = |a: &Atlas, code: &str| {
            let mut n = names(a, &a.children(a.find(code)));
            n.sort();
            n
        };
        assert_eq!(sorted_children(&early, "150500"), sorted_children(&late, "150500"));
        assert_eq!(early.layout(None, true), late.layout(None, true));
        assert!(early.has_counties_of("150521"));
    }

    #[test]
    fn a_county_map_needs_the_files_of_its_counties_provinces_only() {
        let region = |code: &str, level| Region { code: code.into(), names: Default::default(), level, parent: None, note: Default::default() };
        let regions = [
            region("150521", Level::County),
            region("210904", Level::County),
            region("150522", Level::County),
            region("130000", Level::Province),
            region("370200", Level::Prefecture),
        ];
        assert_eq!(county_provinces(&regions), ["15", "21"]);
        assert!(county_provinces(&regions[3..]).is_empty());
    }

    #[test]
    fn the_country_in_landscape_draws_the_south_china_sea_as_an_inset() {
        let atlas = first_view();
        let whole = atlas.layout(None, false);
        let wide = atlas.layout(None, true);
        assert!(whole.inset.is_none() && whole.height > wide.height, "{} vs {}", whole.height, wide.height);
        let inset = wide.inset.expect("an inset");
        assert!(inset.x + inset.width <= WIDTH && inset.y + inset.height <= wide.height);
        // 曾母暗沙 and 三亚 fall inside the inset box; 三亚 is also inside the main frame.
        let in_box = |p: Point| p.0 >= inset.x && p.0 <= inset.x + inset.width && p.1 >= inset.y && p.1 <= inset.y + inset.height;
        assert!(in_box(inset.fit.apply(atlas.albers.project((112.2833, 3.9667)))));
        assert!(in_box(inset.fit.apply(atlas.albers.project((109.5119, 18.2528)))));
        let sanya = wide.fit.apply(atlas.albers.project((109.5119, 18.2528)));
        assert!(sanya.1 < wide.height && sanya.1 > 0.0, "{sanya:?}");
        // Every point north of the inset's edge is in the frame; 漠河 is at the top.
        let mohe = wide.fit.apply(atlas.albers.project((122.5, 53.3)));
        assert!(mohe.1 > 0.0 && mohe.1 < 0.1 * wide.height, "{mohe:?}");
    }

    #[test]
    fn a_division_view_fits_the_division() {
        let atlas = first_view();
        let tongliao = atlas.find("150500").expect("通辽市");
        let layout = atlas.layout(Some(tongliao), true);
        assert!(layout.inset.is_none());
        let d = &atlas.divisions[tongliao];
        let (a, b) = (layout.fit.apply(d.min), layout.fit.apply(d.max));
        assert!(a.0 >= PADDING - 0.01 && b.0 <= WIDTH - PADDING + 0.01, "{a:?} {b:?}");
        assert!(b.1 >= PADDING - 0.01 && a.1 <= layout.height - PADDING + 0.01, "{a:?} {b:?}");
        let langfang = atlas.find("131000").expect("廊坊市");
        assert!(!atlas.visible(langfang, &layout.fit, layout.width, layout.height));
        assert!(atlas.visible(tongliao, &layout.fit, layout.width, layout.height));
    }
}
