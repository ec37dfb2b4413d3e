//! Horizontal bars in sections: each bar named above it, its value printed at its end, planned
//! and target figures drawn hollow. Values are never summed.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::text::BOLD_WIDER;
use super::{bold, failed, fit, nice_ceiling, text, text_width, tick_label, ticks, Axis, Drawing, Hit, Palette};
use crate::chart::spec::Chart;

const SECTION: u32 = 30;
const ROW: u32 = 46;
const AXIS: u32 = 28;
const TOP: u32 = 6;

/// Whether the chart's marks fall into more than one named section.
fn sectioned(chart: &Chart) -> bool {
    chart.marks.iter().any(|m| !m.group.is_empty())
}

pub(super) fn height(chart: &Chart) -> u32 {
    let sections = if sectioned(chart) { chart.groups().iter().filter(|g| **g != chart.title).count() as u32 } else { 0 };
    TOP + sections * SECTION + ROW * chart.marks.len().max(1) as u32 + AXIS
}

pub(super) fn draw(chart: &Chart, max: Option<f64>, root: &DrawingArea<SVGBackend<'_>, Shift>, palette: &Palette) -> Drawing {
    let (width, _) = root.dim_in_pixel();
    let shown = |m: &crate::chart::spec::Mark| if m.hollow { format!("{} ({})", m.text, m.status) } else { m.text.clone() };
    // Room at the right for the longest value printed past its bar's end.
    let widest = chart.marks.iter().map(|m| text_width(&shown(m), 14.0)).fold(24.0, f64::max);
    let (left, right) = (8.0, (f64::from(width) - widest - 14.0).max(f64::from(width) * 0.5));
    let data_max = chart.marks.iter().map(|m| m.value).fold(0.0, f64::max);
    let x_max = nice_ceiling(max.unwrap_or(data_max).max(data_max));
    let x = Axis::new(x_max, left, right);
    let px = |v: f64| v.round() as i32;

    let mut hits = Vec::with_capacity(chart.marks.len());
    let mut y = f64::from(TOP);
    let label_style = text(14.0, palette.text).pos(Pos::new(HPos::Left, VPos::Bottom));
    let value_style = bold(14.0, palette.text).pos(Pos::new(HPos::Left, VPos::Center));
    let section_style = bold(13.0, palette.muted).pos(Pos::new(HPos::Left, VPos::Center));
    let groups = chart.groups();
    let plot_top = y;
    for (g, group) in groups.iter().enumerate() {
        // A section named like the chart itself (a small-multiples panel) needs no heading.
        if sectioned(chart) && *group != chart.title {
            let heading = fit(group, 13.0 * BOLD_WIDER, f64::from(width) - left - 8.0);
            root.draw(&Text::new(heading, (px(left), px(y + f64::from(SECTION) * 0.55)), section_style.clone())).map_err(failed)?;
            y += f64::from(SECTION);
        }
        let colour = palette.series(g);
        for (i, mark) in chart.marks.iter().enumerate().filter(|(_, m)| m.group == *group) {
            let top = y + 22.0;
            let bottom = top + 16.0;
            let label = fit(&mark.label, 14.0, f64::from(width) - left - 8.0);
            root.draw(&Text::new(label, (px(left), px(top - 3.0)), label_style.clone())).map_err(failed)?;
            let end = x.at(mark.value).max(left + 1.0);
            let rect = [(px(left), px(top)), (px(end), px(bottom))];
            if mark.hollow {
                root.draw(&Rectangle::new(rect, colour.stroke_width(2))).map_err(failed)?;
            } else {
                root.draw(&Rectangle::new(rect, colour.filled())).map_err(failed)?;
            }
            root.draw(&Text::new(shown(mark), (px(end + 5.0), px((top + bottom) / 2.0)), value_style.clone())).map_err(failed)?;
            hits.push(Hit { mark: i, x: left, y, w: (right - left).max(end - left), h: f64::from(ROW) });
            y += f64::from(ROW);
        }
    }
    // The value axis: round ticks along the bottom, with faint gridlines through the bars.
    let tick_style = text(12.0, palette.muted).pos(Pos::new(HPos::Center, VPos::Top));
    for t in ticks(x_max, 5) {
        let tx = px(x.at(t));
        root.draw(&PathElement::new(vec![(tx, px(plot_top)), (tx, px(y))], palette.grid.stroke_width(1))).map_err(failed)?;
        root.draw(&Text::new(tick_label(t), (tx, px(y + 6.0)), tick_style.clone())).map_err(failed)?;
    }
    Ok(hits)
}
