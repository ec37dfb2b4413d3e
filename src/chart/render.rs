//! Renders chart specs to SVG strings with plotters' SVG backend.
//!
//! Labels sit directly on the chart (each bar is named above it and its value printed at its
//! end), so colour is never the only way to tell marks apart. Text is escaped by plotters; the
//! accessible `<title>` and `<desc>` added here are escaped by [`escape_xml`].

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::spec::BarChart;

/// The chart layer's error: plotters could not draw.
#[derive(Debug, thiserror::Error)]
#[error("drawing the chart “{title}” failed: {detail}")]
pub struct RenderError {
    pub title: String,
    pub detail: String,
}

/// Colours of one theme. Series colours come from the Okabe–Ito colour-blind-safe set.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Palette {
    pub text: RGBColor,
    pub muted: RGBColor,
    pub grid: RGBColor,
    pub series: [RGBColor; 4],
}

impl Palette {
    pub const LIGHT: Palette = Palette {
        text: RGBColor(0x1f, 0x23, 0x28),
        muted: RGBColor(0x57, 0x60, 0x6a),
        grid: RGBColor(0xd0, 0xd7, 0xde),
        series: [RGBColor(0x00, 0x72, 0xb2), RGBColor(0xd5, 0x5e, 0x00), RGBColor(0x00, 0x9e, 0x73), RGBColor(0xcc, 0x79, 0xa7)],
    };
    pub const DARK: Palette = Palette {
        text: RGBColor(0xe6, 0xed, 0xf3),
        muted: RGBColor(0xa0, 0xa9, 0xb3),
        grid: RGBColor(0x3d, 0x44, 0x4d),
        series: [RGBColor(0x56, 0xb4, 0xe9), RGBColor(0xe6, 0x9f, 0x00), RGBColor(0x00, 0x9e, 0x73), RGBColor(0xcc, 0x79, 0xa7)],
    };
}

/// The font family written into the SVG; the page's stylesheet supplies the CJK-capable stack.
const FONT: &str = "sans-serif";
/// plotters writes `font-size = size / 1.24`; this makes the written size the named one.
fn font_size(px: f64) -> f64 {
    px * 1.24
}

const ROW_HEIGHT: u32 = 56;
const AXIS_HEIGHT: u32 = 34;
const MARGIN: u32 = 8;

/// The height a bar chart of `bars` bars takes, so a page can reserve the box before drawing.
pub fn bar_chart_height(bars: usize) -> u32 {
    ROW_HEIGHT * bars.max(1) as u32 + AXIS_HEIGHT + 2 * MARGIN
}

/// Draws `spec` as a horizontal bar chart `width` pixels wide. `id` prefixes the ids of the
/// SVG's `<title>` and `<desc>` so several charts can share a page.
pub fn bar_chart_svg(spec: &BarChart, width: u32, palette: &Palette, id: &str) -> Result<String, RenderError> {
    let width = width.max(240);
    let height = bar_chart_height(spec.bars.len());
    let mut svg = String::new();
    draw_bars(spec, (width, height), palette, &mut svg)
        .map_err(|e| RenderError { title: spec.title.clone(), detail: e.to_string() })?;
    Ok(with_text_alternative(&svg, id, &spec.title, &spec.summary))
}

fn draw_bars(
    spec: &BarChart,
    size: (u32, u32),
    palette: &Palette,
    out: &mut String,
) -> Result<(), Box<dyn std::error::Error>> {
    let root = SVGBackend::with_string(out, size).into_drawing_area();
    let rows = spec.bars.len().max(1) as f64;
    let max = spec.bars.iter().map(|b| b.value).fold(0.0, f64::max);
    let x_max = nice_ceiling(max * 1.18);

    let mut chart = ChartBuilder::on(&root)
        .margin(MARGIN)
        .margin_right(MARGIN * 3)
        .x_label_area_size(AXIS_HEIGHT)
        .build_cartesian_2d(0.0..x_max, 0.0..rows)?;

    let axis_text = TextStyle::from((FONT, font_size(12.0)).into_font()).color(&palette.muted);
    chart
        .configure_mesh()
        .disable_y_mesh()
        .disable_y_axis()
        .x_labels(5)
        .x_label_style(axis_text)
        .x_label_formatter(&|v| trim_number(*v))
        .axis_style(palette.grid)
        .light_line_style(palette.grid.mix(0.0))
        .bold_line_style(palette.grid)
        .draw()?;

    let label_style = TextStyle::from((FONT, font_size(14.0)).into_font())
        .color(&palette.text)
        .pos(Pos::new(HPos::Left, VPos::Bottom));
    let value_style = TextStyle::from((FONT, font_size(14.0)).into_font().style(FontStyle::Bold))
        .color(&palette.text)
        .pos(Pos::new(HPos::Left, VPos::Center));

    for (i, bar) in spec.bars.iter().enumerate() {
        // Row i counts from the top; plotters' y grows upwards.
        let top = rows - i as f64;
        let colour = palette.series[i % palette.series.len()];
        chart.draw_series(std::iter::once(Rectangle::new([(0.0, top - 0.5), (bar.value, top - 0.85)], colour.filled())))?;
        chart.draw_series(std::iter::once(Text::new(bar.label.clone(), (0.0, top - 0.42), label_style.clone())))?;
        chart.draw_series(std::iter::once(Text::new(
            bar.value_text.clone(),
            (bar.value + x_max * 0.012, top - 0.675),
            value_style.clone(),
        )))?;
    }
    root.present()?;
    Ok(())
}

/// The smallest 1, 2, 2.5 or 5 × 10ⁿ at or above `v` (1 for an empty chart).
pub fn nice_ceiling(v: f64) -> f64 {
    if !(v.is_finite() && v > 0.0) {
        return 1.0;
    }
    let magnitude = 10f64.powf(v.log10().floor());
    [1.0, 2.0, 2.5, 5.0, 10.0].iter().map(|m| m * magnitude).find(|c| *c >= v * (1.0 - 1e-12)).unwrap_or(10.0 * magnitude)
}

fn trim_number(v: f64) -> String {
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
    let open: String = open
        .split(' ')
        .filter(|attr| !attr.starts_with("width=") && !attr.starts_with("height="))
        .collect::<Vec<_>>()
        .join(" ");
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
    use crate::chart::spec::Bar;
    use crate::data::Qualifier;

    fn spec(labels: &[&str]) -> BarChart {
        BarChart {
            title: "Title <b>".into(),
            subtitle: String::new(),
            unit: "万元".into(),
            source: "来源".into(),
            summary: "Summary & more".into(),
            bars: labels
                .iter()
                .enumerate()
                .map(|(i, l)| Bar {
                    label: (*l).into(),
                    value: 100.0 * (i + 1) as f64,
                    value_text: format!("{}", 100 * (i + 1)),
                    qualifier: Qualifier::Exact,
                })
                .collect(),
        }
    }

    #[test]
    fn svg_has_title_desc_and_one_bar_per_row() {
        let svg = bar_chart_svg(&spec(&["上级资金", "区政府"]), 600, &Palette::LIGHT, "c1").expect("renders");
        assert!(svg.starts_with("<svg"), "{}", &svg[..60]);
        assert!(svg.contains(r#"role="img" aria-labelledby="c1-title""#));
        assert!(svg.contains("<title id=\"c1-title\">Title &lt;b&gt;</title>"));
        assert!(svg.contains("<desc id=\"c1-desc\">Summary &amp; more</desc>"));
        assert!(!svg.contains("width=\"600\""), "fixed size must go so CSS can scale the chart");
        assert!(svg.contains(&format!("viewBox=\"0 0 600 {}\"", bar_chart_height(2))));
        let bar_fill = "fill=\"#0072B2\"";
        assert_eq!(svg.matches(bar_fill).count(), 1, "first series colour on exactly one bar");
        assert!(svg.contains("上级资金") && svg.contains("区政府") && svg.contains(">\n200\n<"));
    }

    #[test]
    fn hostile_labels_are_escaped() {
        let svg = bar_chart_svg(&spec(&["<script>alert(1)</script>"]), 400, &Palette::DARK, "x\"y").expect("renders");
        assert!(!svg.contains("<script>"));
        assert!(svg.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assert!(svg.contains("aria-labelledby=\"x&quot;y-title\""));
    }

    #[test]
    fn nice_ceilings() {
        assert_eq!(nice_ceiling(708.0), 1000.0);
        assert_eq!(nice_ceiling(7.08), 10.0);
        assert_eq!(nice_ceiling(180.0), 200.0);
        assert_eq!(nice_ceiling(240.0), 250.0);
        assert_eq!(nice_ceiling(500.0), 500.0);
        assert_eq!(nice_ceiling(0.0), 1.0);
        assert_eq!(nice_ceiling(f64::NAN), 1.0);
    }
}
