//! Stacked horizontal bars: one bar per published total, its parts as segments named below the
//! bar with leader lines, and the total as published drawn as a marker (it may say 余).

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::text::BOLD_WIDER;
use super::{bold, failed, fit, nice_ceiling, text, text_width, tick_label, ticks, Axis, Drawing, Hit, Palette};
use crate::chart::spec::{Chart, Total};

const TOP: u32 = 6;
const LABEL: u32 = 24;
const BAR: u32 = 28;
const LINE: u32 = 18;
const GAP: u32 = 18;
const AXIS: u32 = 28;

pub(super) fn height(chart: &Chart) -> u32 {
    let rows: u32 = chart
        .groups()
        .iter()
        .map(|g| LABEL + BAR + 8 + LINE * chart.marks.iter().filter(|m| m.group == *g).count() as u32 + GAP)
        .sum();
    TOP + rows.max(LABEL + BAR) + AXIS
}

pub(super) fn draw(chart: &Chart, totals: &[Option<Total>], root: &DrawingArea<SVGBackend<'_>, Shift>, palette: &Palette) -> Drawing {
    let (width, _) = root.dim_in_pixel();
    // Room at the right for the published total printed beside its bar.
    let widest = totals.iter().flatten().map(|t| text_width(&t.text, 13.0)).fold(0.0, f64::max);
    let (left, right) = (8.0, (f64::from(width) - widest - 20.0).max(f64::from(width) * 0.5));
    let groups = chart.groups();
    let stacked_max = groups
        .iter()
        .map(|g| chart.marks.iter().filter(|m| m.group == *g).map(|m| m.value).sum::<f64>())
        .fold(0.0, f64::max);
    let total_max = totals.iter().flatten().map(|t| t.value).fold(0.0, f64::max);
    let x_max = nice_ceiling(stacked_max.max(total_max) * 1.05);
    let x = Axis::new(x_max, left, right);
    let px = |v: f64| v.round() as i32;

    let row_style = bold(14.0, palette.text).pos(Pos::new(HPos::Left, VPos::Center));
    let part_style = text(13.0, palette.text).pos(Pos::new(HPos::Left, VPos::Center));
    let total_style = bold(13.0, palette.text).pos(Pos::new(HPos::Left, VPos::Center));
    let part_left_style = text(13.0, palette.text).pos(Pos::new(HPos::Right, VPos::Center));
    let mut hits = Vec::with_capacity(chart.marks.len());
    let mut y = f64::from(TOP);
    for (g, group) in groups.iter().enumerate() {
        let name = fit(group, 14.0 * BOLD_WIDER, f64::from(width) - left - 8.0);
        root.draw(&Text::new(name, (px(left), px(y + f64::from(LABEL) / 2.0)), row_style.clone())).map_err(failed)?;
        let (top, bottom) = (y + f64::from(LABEL), y + f64::from(LABEL + BAR));
        let mut start = 0.0;
        let parts: Vec<(usize, &crate::chart::spec::Mark)> = chart.marks.iter().enumerate().filter(|(_, m)| m.group == *group).collect();
        for (j, (i, mark)) in parts.iter().enumerate() {
            let (x0, x1) = (x.at(start), x.at(start + mark.value));
            start += mark.value;
            let colour = palette.series(j);
            let rect = [(px(x0), px(top)), (px(x1), px(bottom))];
            if mark.hollow {
                root.draw(&Rectangle::new(rect, colour.stroke_width(2))).map_err(failed)?;
            } else {
                root.draw(&Rectangle::new(rect, colour.filled())).map_err(failed)?;
                // A gap in the background colour keeps neighbouring segments apart without colour.
                root.draw(&PathElement::new(vec![(px(x1), px(top)), (px(x1), px(bottom))], palette.background.stroke_width(2)))
                    .map_err(failed)?;
            }
            // The part's name and value on its own line below the bar, joined to its segment.
            let cx = (x0 + x1) / 2.0;
            let line_y = bottom + 8.0 + f64::from(LINE) * (j as f64 + 0.5);
            // Names of segments in the right half (or that would overflow) sit left of their leader,
            // so they never cross the leaders of segments further right.
            let label = format!("{}  {}", mark.label, mark.text);
            let width_needed = text_width(&label, 13.0);
            let (room_right, room_left) = (f64::from(width) - cx - 10.0, cx - 10.0);
            let to_left = (cx > (left + right) / 2.0 || width_needed > room_right) && (width_needed <= room_left || room_left > room_right);
            let label = fit(&label, 13.0, if to_left { room_left } else { room_right });
            root.draw(&PathElement::new(vec![(px(cx), px(bottom)), (px(cx), px(line_y))], colour.stroke_width(1))).map_err(failed)?;
            root.draw(&Circle::new((px(cx), px(line_y)), 3, colour.filled())).map_err(failed)?;
            if to_left {
                root.draw(&Text::new(label, (px(cx - 7.0), px(line_y)), part_left_style.clone())).map_err(failed)?;
            } else {
                root.draw(&Text::new(label, (px(cx + 7.0), px(line_y)), part_style.clone())).map_err(failed)?;
            }
            hits.push(Hit { mark: *i, x: x0, y: top, w: (x1 - x0).max(6.0), h: f64::from(BAR) });
        }
        if let Some(Some(total)) = totals.get(g) {
            let tx = x.at(total.value);
            root.draw(&PathElement::new(vec![(px(tx), px(top - 4.0)), (px(tx), px(bottom + 4.0))], palette.text.stroke_width(2)))
                .map_err(failed)?;
            let beyond = tx.max(x.at(start)) + 6.0;
            root.draw(&Text::new(total.text.clone(), (px(beyond), px((top + bottom) / 2.0)), total_style.clone())).map_err(failed)?;
        }
        y = bottom + 8.0 + f64::from(LINE) * parts.len() as f64 + f64::from(GAP);
    }
    let tick_style = text(12.0, palette.muted).pos(Pos::new(HPos::Center, VPos::Top));
    for t in ticks(x_max, 5) {
        root.draw(&Text::new(tick_label(t), (px(x.at(t)), px(y + 6.0)), tick_style.clone())).map_err(failed)?;
    }
    root.draw(&PathElement::new(vec![(px(left), px(y)), (px(right), px(y))], palette.grid.stroke_width(1))).map_err(failed)?;
    Ok(hits)
}
