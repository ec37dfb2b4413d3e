//! Line panels over one shared horizontal axis: each series in its own panel with its own unit,
//! aligned in time (never two units on one dual axis). Points carry a shape per panel, and their
//! values are printed beside them when there are few.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::text::BOLD_WIDER;
use super::{bold, failed, fit, nice_ceiling, text, tick_label, ticks, Axis, Drawing, Hit, Palette};
use crate::chart::spec::{Chart, Panel, Place};

const TOP: u32 = 6;
const TITLE: u32 = 28;
const PLOT: u32 = 150;
const PANEL_GAP: u32 = 14;
const AXIS: u32 = 28;
/// Points are labelled with their values up to this many per panel.
const LABELLED: usize = 14;

pub(super) fn height(panels: usize) -> u32 {
    TOP + (TITLE + PLOT + PANEL_GAP) * panels.max(1) as u32 + AXIS
}

pub(super) fn draw(
    chart: &Chart,
    panels: &[Panel],
    x_labels: &[(f64, String)],
    root: &DrawingArea<SVGBackend<'_>, Shift>,
    palette: &Palette,
) -> Drawing {
    let (width, _) = root.dim_in_pixel();
    let (left, right) = (52.0, f64::from(width) - 28.0);
    let xs = chart.marks.iter().filter_map(|m| match m.place {
        Place::Point { x, .. } => Some(x),
        _ => None,
    });
    let (mut x_min, mut x_max) = xs.fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), x| (a.min(x), b.max(x)));
    for (x, _) in x_labels {
        (x_min, x_max) = (x_min.min(*x), x_max.max(*x));
    }
    if !(x_min.is_finite() && x_max > x_min) {
        (x_min, x_max) = (x_min.min(0.0), x_min.max(0.0) + 1.0);
    }
    // Points stay clear of the value labels at the left edge and of the right edge.
    let (inner_left, inner_right) = (left + 16.0, right - 12.0);
    let sx = |x: f64| inner_left + (inner_right - inner_left) * (x - x_min) / (x_max - x_min);
    let px = |v: f64| v.round() as i32;
    let title_style = bold(14.0, palette.text).pos(Pos::new(HPos::Left, VPos::Center));
    let tick_style = text(12.0, palette.muted).pos(Pos::new(HPos::Right, VPos::Center));
    let value_style = text(12.0, palette.text).pos(Pos::new(HPos::Center, VPos::Bottom));

    let mut hits = Vec::with_capacity(chart.marks.len());
    let mut y = f64::from(TOP);
    for (p, panel) in panels.iter().enumerate() {
        let points: Vec<(usize, f64, f64)> = chart
            .marks
            .iter()
            .enumerate()
            .filter_map(|(i, m)| match m.place {
                Place::Point { panel, x } if panel == p => Some((i, x, m.value)),
                _ => None,
            })
            .collect();
        let title = fit(&format!("{}（{}）", panel.title, panel.unit), 14.0 * BOLD_WIDER, f64::from(width) - (left - 44.0) - 8.0);
        root.draw(&Text::new(title, (px(left - 44.0), px(y + f64::from(TITLE) / 2.0)), title_style.clone())).map_err(failed)?;
        let (top, bottom) = (y + f64::from(TITLE), y + f64::from(TITLE + PLOT));
        let y_max = nice_ceiling(points.iter().map(|p| p.2).fold(0.0, f64::max) * 1.05);
        let sy = Axis::new(y_max, bottom, top + 12.0);
        for t in ticks(y_max, 3) {
            root.draw(&PathElement::new(vec![(px(left), px(sy.at(t))), (px(right), px(sy.at(t)))], palette.grid.stroke_width(1))).map_err(failed)?;
            root.draw(&Text::new(tick_label(t), (px(left - 6.0), px(sy.at(t))), tick_style.clone())).map_err(failed)?;
        }
        let colour = palette.series(p);
        let path: Vec<(i32, i32)> = points.iter().map(|&(_, x, v)| (px(sx(x)), px(sy.at(v)))).collect();
        root.draw(&PathElement::new(path, colour.stroke_width(2))).map_err(failed)?;
        let step = if points.len() > 1 { (right - left) / (points.len() - 1) as f64 } else { right - left };
        for (n, &(i, x, v)) in points.iter().enumerate() {
            let (cx, cy) = (sx(x), sy.at(v));
            let hollow = chart.marks.get(i).is_some_and(|m| m.hollow);
            if points.len() <= LABELLED * 4 {
                let style = if hollow { ShapeStyle::from(colour).stroke_width(2) } else { colour.filled() };
                // A second encoding per panel: circles in the first, squares in the next.
                if p % 2 == 0 {
                    root.draw(&Circle::new((px(cx), px(cy)), 4, style)).map_err(failed)?;
                } else {
                    root.draw(&Rectangle::new([(px(cx - 4.0), px(cy - 4.0)), (px(cx + 4.0), px(cy + 4.0))], style)).map_err(failed)?;
                }
            }
            // Every point is labelled when there are few and they are far enough apart (a narrow
            // phone screen keeps only the first and last).
            let label_this = (points.len() <= LABELLED && step >= 34.0) || n == 0 || n + 1 == points.len();
            if label_this {
                if let Some(mark) = chart.marks.get(i) {
                    root.draw(&Text::new(mark.text.clone(), (px(cx), px(cy - 7.0)), value_style.clone())).map_err(failed)?;
                }
            }
            hits.push(Hit { mark: i, x: cx - step.min(40.0) / 2.0, y: top, w: step.clamp(2.0, 40.0), h: bottom - top });
        }
        root.draw(&PathElement::new(vec![(px(left), px(bottom)), (px(right), px(bottom))], palette.muted.stroke_width(1))).map_err(failed)?;
        y = bottom + f64::from(PANEL_GAP);
    }
    // The shared time axis, thinned so labels never touch.
    let axis_style = text(12.0, palette.muted).pos(Pos::new(HPos::Center, VPos::Top));
    let room = ((right - left) / 48.0).max(1.0) as usize;
    let every = x_labels.len().div_ceil(room).max(1);
    for (x, label) in x_labels.iter().step_by(every) {
        root.draw(&Text::new(label.clone(), (px(sx(*x)), px(y - f64::from(PANEL_GAP) + 6.0)), axis_style.clone())).map_err(failed)?;
    }
    Ok(hits)
}
