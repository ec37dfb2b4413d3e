//! Draws chart specs as SVG strings with plotters' SVG backend, one module per [`Body`] kind.
//!
//! A chart's height depends only on its spec ([`height`]), so a page can reserve the box before
//! drawing. Drawing returns the pixel box of every mark ([`Hit`]) so the page can lay focusable,
//! hoverable targets over them. Marks always carry a second encoding besides colour: direct labels,
//! and hollow shapes for planned or target figures. Text is escaped by plotters; the accessible
//! `<title>` and `<desc>` added here are escaped by [`escape_xml`].

mod bars;
mod flows;
mod lines;
mod stacked;
mod text;
mod timeline;

pub use text::{fit, text_width, wrap};

use plotters::prelude::*;

use super::spec::{Body, Chart};

/// The chart layer's error: plotters could not draw.
#[derive(Debug, thiserror::Error)]
#[error("drawing the chart “{title}” failed: {detail}")]
pub struct RenderError {
    pub title: String,
    pub detail: String,
}

/// Colours of one theme. Series colours come from the Okabe–Ito colour-blind-safe set. Every
/// series colour stands out from the background by at least 3:1 and the text colours by 4.5:1
/// (WCAG; checked by `tests/colour.rs`).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Palette {
    pub background: RGBColor,
    pub text: RGBColor,
    pub muted: RGBColor,
    pub grid: RGBColor,
    pub series: [RGBColor; 6],
}

impl Palette {
    pub const LIGHT: Palette = Palette {
        background: RGBColor(0xff, 0xff, 0xff),
        text: RGBColor(0x1f, 0x23, 0x28),
        muted: RGBColor(0x57, 0x60, 0x6a),
        grid: RGBColor(0xd0, 0xd7, 0xde),
        series: [
            RGBColor(0x00, 0x72, 0xb2),
            RGBColor(0xd5, 0x5e, 0x00),
            RGBColor(0x00, 0x9e, 0x73),
            RGBColor(0xcc, 0x79, 0xa7),
            // Sky blue and orange, darkened to stand out from white by 3:1.
            RGBColor(0x3a, 0x93, 0xc3),
            RGBColor(0xb9, 0x7c, 0x00),
        ],
    };
    pub const DARK: Palette = Palette {
        background: RGBColor(0x0d, 0x11, 0x17),
        text: RGBColor(0xe6, 0xed, 0xf3),
        muted: RGBColor(0xa0, 0xa9, 0xb3),
        grid: RGBColor(0x3d, 0x44, 0x4d),
        series: [
            RGBColor(0x56, 0xb4, 0xe9),
            RGBColor(0xe6, 0x9f, 0x00),
            RGBColor(0x00, 0x9e, 0x73),
            RGBColor(0xcc, 0x79, 0xa7),
            RGBColor(0xf0, 0xe4, 0x42),
            RGBColor(0xd5, 0x5e, 0x00),
        ],
    };

    /// For projectors: black text and strong lines on white, the darker Okabe–Ito colours.
    pub const CONTRAST: Palette = Palette {
        background: RGBColor(0xff, 0xff, 0xff),
        text: RGBColor(0x00, 0x00, 0x00),
        muted: RGBColor(0x1f, 0x23, 0x28),
        grid: RGBColor(0x8c, 0x95, 0x9f),
        series: [
            RGBColor(0x00, 0x5a, 0x8c),
            RGBColor(0xb3, 0x4d, 0x00),
            RGBColor(0x00, 0x73, 0x54),
            RGBColor(0xa3, 0x3d, 0x7d),
            RGBColor(0x1f, 0x6f, 0xa8),
            RGBColor(0x8a, 0x5f, 0x00),
        ],
    };

    /// The colour of series `i`, cycling through the palette.
    pub fn series(&self, i: usize) -> RGBColor {
        self.series[i % self.series.len()]
    }
}

/// The pixel box of one mark, for a focus and hover target laid over the SVG.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Hit {
    /// Index into the spec's marks.
    pub mark: usize,
    pub x: f64,
    pub y: f64,
    pub w: f64,
    pub h: f64,
}

/// A drawn chart: the SVG and where each mark is.
#[derive(Clone, Debug, PartialEq)]
pub struct Drawn {
    pub svg: String,
    pub width: u32,
    pub height: u32,
    pub hits: Vec<Hit>,
}

/// The narrowest a chart is drawn.
pub const MIN_WIDTH: u32 = 280;

/// The height `chart` takes at any width.
pub fn height(chart: &Chart) -> u32 {
    match &chart.body {
        Body::Bars { .. } => bars::height(chart),
        Body::Stacked { .. } => stacked::height(chart),
        Body::Lines { panels, .. } => lines::height(panels.len()),
        Body::Flows { nodes } => flows::height(chart, nodes),
        Body::Timeline { .. } => timeline::height(chart),
    }
}

/// Draws `chart` `width` pixels wide. `id` prefixes the ids of the SVG's `<title>` and `<desc>`.
pub fn render(chart: &Chart, width: u32, palette: &Palette) -> Result<Drawn, RenderError> {
    let width = width.max(MIN_WIDTH);
    let height = height(chart);
    let mut svg = String::new();
    let hits = {
        let root = SVGBackend::with_string(&mut svg, (width, height)).into_drawing_area();
        let drawn = match &chart.body {
            Body::Bars { max } => bars::draw(chart, *max, &root, palette),
            Body::Stacked { totals } => stacked::draw(chart, totals, &root, palette),
            Body::Lines { panels, x_labels } => lines::draw(chart, panels, x_labels, &root, palette),
            Body::Flows { nodes } => flows::draw(chart, nodes, &root, palette),
            Body::Timeline { months, month_labels } => timeline::draw(chart, *months, month_labels, &root, palette),
        };
        drawn.and_then(|hits| root.present().map(|_| hits).map_err(|e| e.to_string()))
    }
    .map_err(|detail| RenderError { title: chart.title.clone(), detail })?;
    Ok(Drawn { svg: with_text_alternative(&svg, &chart.id, &chart.title, &chart.summary), width, height, hits })
}

/// What a drawing step returns: the hits, or what went wrong.
type Drawing = Result<Vec<Hit>, String>;

/// Turns any plotters error into the text of a [`RenderError`].
fn failed<E: std::fmt::Display>(e: E) -> String {
    e.to_string()
}

/// The font family written into the SVG; the page's stylesheet supplies the CJK-capable stack.
const FONT: &str = "sans-serif";

/// A text style of `px` pixels. plotters writes `font-size = size / 1.24`, so this scales up.
fn text(px: f64, colour: RGBColor) -> TextStyle<'static> {
    TextStyle { font: (FONT, px * 1.24).into_font(), color: colour.to_backend_color(), pos: Default::default() }
}

/// A bold text style of `px` pixels.
fn bold(px: f64, colour: RGBColor) -> TextStyle<'static> {
    TextStyle { font: (FONT, px * 1.24).into_font().style(FontStyle::Bold), color: colour.to_backend_color(), pos: Default::default() }
}

/// The smallest 1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6 or 8 × 10ⁿ at or above `v` (1 for an empty chart):
/// the end of an axis that leaves little empty space.
pub fn nice_ceiling(v: f64) -> f64 {
    if !(v.is_finite() && v > 0.0) {
        return 1.0;
    }
    let magnitude = 10f64.powf(v.log10().floor());
    [1.0, 1.2, 1.5, 2.0, 2.5, 3.0, 4.0, 5.0, 6.0, 8.0, 10.0].iter().map(|m| m * magnitude).find(|c| *c >= v * (1.0 - 1e-12)).unwrap_or(10.0 * magnitude)
}

/// A value axis: values from 0 to `max` placed linearly from pixel `from` to pixel `to`, which may
/// run either way (a vertical axis runs up). Values outside are held at the ends, so a mark never
/// leaves its plot.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Axis {
    max: f64,
    from: f64,
    to: f64,
}

impl Axis {
    /// The axis of `0..=max` (`max` > 0, as [`nice_ceiling`] gives) from pixel `from` to `to`.
    pub fn new(max: f64, from: f64, to: f64) -> Axis {
        Axis { max, from, to }
    }

    /// The pixel position of `v`.
    pub fn at(&self, v: f64) -> f64 {
        self.from + (self.to - self.from) * (v / self.max).clamp(0.0, 1.0)
    }
}

/// Evenly spaced round tick values from 0 to `max`, about `count` intervals. When `max` is a
/// [`nice_ceiling`] the last tick is `max` itself.
pub fn ticks(max: f64, count: usize) -> Vec<f64> {
    if !(max.is_finite() && max > 0.0) || count == 0 {
        return vec![0.0];
    }
    let top = max.log10().floor() as i32;
    // Round steps (1, 2, 2.5, 3, 4 or 5 × 10ⁿ) that divide `max` into whole intervals, the closest to `count`.
    let dividing = (top - 3..=top)
        .flat_map(|e| [1.0, 2.0, 2.5, 3.0, 4.0, 5.0].map(|m| m * 10f64.powi(e)))
        .map(|step| (step, max / step))
        .filter(|(_, n)| (n - n.round()).abs() < 1e-6 && n.round() >= 2.0 && n.round() <= (2 * count).max(5) as f64)
        .min_by(|a, b| (a.1 - count as f64).abs().total_cmp(&(b.1 - count as f64).abs()));
    let (step, n) = match dividing {
        Some((step, n)) => (step, n.round() as usize),
        None => {
            let step = nice_ceiling(max / count as f64);
            (step, (max / step + 1e-9).floor() as usize)
        }
    };
    (0..=n).map(|i| i as f64 * step).collect()
}

/// A tick value without trailing zeros.
fn tick_label(v: f64) -> String {
    let s = format!("{v:.2}");
    s.trim_end_matches('0').trim_end_matches('.').to_owned()
}

/// Escapes text for use in XML content and attribute values.
pub fn escape_xml(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c => out.push(c),
        }
    }
    out
}

/// Makes the root `<svg>` an accessible image: `role="img"`, labelled by a `<title>` and
/// described by a `<desc>`; drops the fixed width and height so CSS can size it from the viewBox.
fn with_text_alternative(svg: &str, id: &str, title: &str, desc: &str) -> String {
    let id = escape_xml(id);
    let Some(open_end) = svg.find('>') else {
        return svg.to_owned();
    };
    let open = &svg[..open_end];
    let open: String =
        open.split(' ').filter(|attr| !attr.starts_with("width=") && !attr.starts_with("height=")).collect::<Vec<_>>().join(" ");
    format!(
        "{open} role=\"img\" aria-labelledby=\"{id}-title\" aria-describedby=\"{id}-desc\"><title id=\"{id}-title\">{}</title><desc id=\"{id}-desc\">{}</desc>{}",
        escape_xml(title),
        escape_xml(desc),
        &svg[open_end + 1..]
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nice_ceilings() {
        assert_eq!(nice_ceiling(708.0), 800.0);
        assert_eq!(nice_ceiling(10_889.0), 12_000.0);
        assert_eq!(nice_ceiling(9.5), 10.0);
        assert_eq!(nice_ceiling(180.0), 200.0);
        assert_eq!(nice_ceiling(240.0), 250.0);
        assert_eq!(nice_ceiling(500.0), 500.0);
        assert_eq!(nice_ceiling(0.0), 1.0);
        assert_eq!(nice_ceiling(f64::NAN), 1.0);
    }

    #[test]
    fn ticks_are_round_and_reach_the_end() {
        assert_eq!(ticks(1000.0, 5), [0.0, 200.0, 400.0, 600.0, 800.0, 1000.0]);
        assert_eq!(ticks(500.0, 3), [0.0, 250.0, 500.0]);
        assert_eq!(ticks(100.0, 4), [0.0, 25.0, 50.0, 75.0, 100.0]);
        assert_eq!(ticks(10.0, 5), [0.0, 2.0, 4.0, 6.0, 8.0, 10.0]);
        assert_eq!(ticks(0.0, 5), [0.0]);
        assert_eq!(tick_label(2.5), "2.5");
        assert_eq!(tick_label(200.0), "200");
    }

    #[cfg(not(target_arch = "wasm32"))]
    proptest::proptest! {
        /// Ticks start at 0, are evenly spaced round numbers, and end at the axis maximum.
        #[test]
        fn ticks_are_even_and_end_at_the_nice_maximum(v in 1e-3f64..1e12, count in 2usize..8) {
            let max = nice_ceiling(v);
            proptest::prop_assert!(max >= v * (1.0 - 1e-12) && max < v * 10.0 + 1e-9);
            let t = ticks(max, count);
            proptest::prop_assert_eq!(t[0], 0.0);
            proptest::prop_assert!((t[t.len() - 1] - max).abs() <= max * 1e-9, "{:?} for {}", t, max);
            let step = t[1] - t[0];
            for pair in t.windows(2) {
                proptest::prop_assert!(((pair[1] - pair[0]) - step).abs() <= step * 1e-9);
            }
            proptest::prop_assert!(t.len() <= (2 * count).max(5) + 1);
        }

        /// A larger value never gets a smaller axis.
        #[test]
        fn the_axis_end_grows_with_the_value(a in 1e-6f64..1e13, b in 1e-6f64..1e13) {
            proptest::prop_assert!(nice_ceiling(a.min(b)) <= nice_ceiling(a.max(b)));
        }

        /// Ticks of any axis, round or not, start at 0, increase, and stay inside it.
        #[test]
        fn ticks_stay_inside_any_axis(max in 1e-6f64..1e13, count in 1usize..12) {
            let t = ticks(max, count);
            proptest::prop_assert_eq!(t[0], 0.0);
            proptest::prop_assert!(t.windows(2).all(|p| p[0] < p[1]), "{:?}", t);
            proptest::prop_assert!(t[t.len() - 1] <= max * (1.0 + 1e-9), "{:?} for {}", t, max);
        }

        /// An axis puts 0 at its start and its maximum at its end, keeps every value (even one
        /// outside it) between them, and keeps values in order.
        #[test]
        fn an_axis_maps_its_values_onto_its_pixels_in_order(
            max in 1e-3f64..1e12, from in -1e4f64..1e4, to in -1e4f64..1e4, a in -1e13f64..1e13, b in -1e13f64..1e13,
        ) {
            let axis = Axis::new(max, from, to);
            let rounding = 1e-9 * (1.0 + from.abs() + to.abs());
            proptest::prop_assert!((axis.at(0.0) - from).abs() <= rounding && (axis.at(max) - to).abs() <= rounding);
            let (low, high) = (from.min(to) - rounding, from.max(to) + rounding);
            for v in [a, b] {
                proptest::prop_assert!((low..=high).contains(&axis.at(v)), "{} at {}", v, axis.at(v));
            }
            let (small, large) = (a.min(b), a.max(b));
            proptest::prop_assert!((axis.at(large) - axis.at(small)) * (to - from) >= 0.0, "{} and {} out of order", small, large);
        }
    }
}

/// Helpers for tests that read a drawn SVG.
#[cfg(test)]
pub(crate) mod probe {
    /// The attributes of every `tag` element in `svg`.
    pub fn attrs<'a>(svg: &'a str, tag: &str) -> std::vec::IntoIter<&'a str> {
        svg.split(&format!("<{tag} ")).skip(1).map(|rest| rest.split('>').next().unwrap_or("")).collect::<Vec<_>>().into_iter()
    }

    pub fn view_box(svg: &str) -> (f64, f64) {
        let start = svg.find("viewBox=\"").map(|i| i + 9).unwrap_or(0);
        let numbers: Vec<f64> = svg[start..].split('"').next().unwrap_or("").split(' ').filter_map(|n| n.parse().ok()).collect();
        (numbers.get(2).copied().unwrap_or(0.0), numbers.get(3).copied().unwrap_or(0.0))
    }

    /// The contents of every `<text>` element.
    pub fn texts(svg: &str) -> Vec<String> {
        svg.split("<text ").skip(1).filter_map(|t| t.split_once('>')).map(|(_, rest)| rest.split("</text>").next().unwrap_or("").trim().to_owned()).collect()
    }
}
