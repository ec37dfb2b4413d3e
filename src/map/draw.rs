//! What a view of the map draws, as data and as SVG markup: one path per region with its code,
//! level, name and fill. The markup is written in one piece so that 2,875 counties become DOM in
//! one parse; recolouring then only changes `fill` attributes.

use std::fmt::Write;

use crate::geo::Point;

use super::atlas::{Atlas, Layout, Tier};

/// One region drawn: its division and anchor in the view's pixels. Its path data is written
/// from the atlas when it is drawn ([`RegionPath::d`]), not kept: a county map's are megabytes.
#[derive(Clone, Debug, PartialEq)]
pub struct RegionPath {
    pub index: usize,
    pub code: String,
    pub name: String,
    pub tier: Tier,
    pub anchor: Point,
}

impl RegionPath {
    /// The region's path data in `layout`, in tenths of a pixel (the layer is drawn inside
    /// `scale(0.1)`).
    pub fn d(&self, atlas: &Atlas, layout: &Layout) -> String {
        atlas.path_tenths(self.index, &layout.fit)
    }
}

/// The regions `indexes` of `atlas` as drawn in `layout`.
pub fn region_paths(atlas: &Atlas, indexes: &[usize], layout: &Layout) -> Vec<RegionPath> {
    indexes
        .iter()
        .map(|&i| {
            let d = &atlas.divisions[i];
            RegionPath { index: i, code: d.code.clone(), name: d.name.clone(), tier: d.tier, anchor: layout.fit.apply(d.anchor) }
        })
        .collect()
}

/// The id of a region's path element.
pub fn element_id(code: &str) -> String {
    format!("region-{code}")
}

/// Escapes text for an XML attribute value in double quotes (or element content).
pub fn escape(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.contains(['&', '<', '>', '"', '\'']) {
        return text.into();
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out.into()
}

/// The transform of the group that holds regions' paths (written in tenths of a pixel).
pub const LAYER_TRANSFORM: &str = "scale(0.1)";

/// SVG `<path>` elements for `regions`, each focusable (the first is the layer's one tab stop),
/// named by its region, drawn as `d` gives its path data, filled by `fill` (no `fill` attribute:
/// the stylesheet's plain ground).
pub fn regions_markup<'a>(regions: &[RegionPath], d: impl Fn(&RegionPath) -> String, fill: impl Fn(&RegionPath) -> Option<&'a str>) -> String {
    let mut out = String::new();
    for (n, r) in regions.iter().enumerate() {
        let level: &str = r.tier.level().into();
        let _ = write!(
            out,
            r#"<path id="region-{code}" class="region" data-code="{code}" data-level="{level}" data-n="{n}" role="button" tabindex="{tab}" aria-label="{name}""#,
            code = escape(&r.code),
            name = escape(&r.name),
            tab = if n == 0 { 0 } else { -1 },
        );
        if let Some(colour) = fill(r) {
            let _ = write!(out, r#" fill="{}""#, escape(colour));
        }
        let _ = write!(out, r#" d="{}"></path>"#, d(r));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn region(code: &str, name: &str, n: usize) -> RegionPath {
        RegionPath { index: n, code: code.into(), name: name.into(), tier: Tier::County, anchor: (0.0, 0.0) }
    }

    #[test]
    fn each_region_is_a_path_with_its_code_name_and_fill_and_one_tab_stop() {
        let regions = [region("150521", "科尔沁左翼中旗", 0), region("150522", "科尔沁左翼后旗", 1)];
        let markup = regions_markup(&regions, |_| "M0.0,0.0L1.0,0.0Z".into(), |r| (r.code == "150521").then_some("#6baed6"));
        assert_eq!(markup.matches("<path ").count(), 2);
        assert_eq!(markup.matches(r#"tabindex="0""#).count(), 1);
        assert!(markup.starts_with(r##"<path id="region-150521" class="region" data-code="150521" data-level="county" data-n="0" role="button" tabindex="0" aria-label="科尔沁左翼中旗" fill="#6baed6" d="M0.0,0.0L1.0,0.0Z"></path>"##), "{markup}");
        assert!(markup.contains(r#"aria-label="科尔沁左翼后旗" d="#), "no fill: the plain ground");
    }

    #[test]
    fn names_from_a_boundary_file_stay_text() {
        let markup = regions_markup(&[region("1\"><script>", "<img src=x onerror=alert(1)>&'", 0)], |_| String::new(), |_| None);
        assert!(!markup.contains("<script>") && !markup.contains("<img"), "{markup}");
        assert!(markup.contains("aria-label=\"&lt;img src=x onerror=alert(1)&gt;&amp;&#39;\""), "{markup}");
        assert_eq!(escape("通辽市"), "通辽市");
    }
}
