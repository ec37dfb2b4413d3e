//! Timeline: plan tasks placed in the month they are due, in one row per region. Tasks due in the
//! same month stack upwards as small circles, hollow until reported done, with their number
//! printed above stacks of more than one; a month axis with a tick for every month runs along the
//! bottom. A row is as tall as its tallest stack, so the height depends only on the spec.

use std::collections::BTreeMap;

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::text::BOLD_WIDER;
use super::wrap;
use super::{bold, failed, text, text_width, Drawing, Hit, Palette, MIN_WIDTH};
use crate::chart::spec::{Body, Chart, Place};

/// The vertical distance between tasks of one stack.
const STEP: f64 = 14.0;
/// The room in a row besides its tallest stack: counts above, padding below.
const ROW_PAD: f64 = 36.0;
/// From a row's bottom to the centre of its lowest task.
const BASE: f64 = 13.0;
/// The month axis along the bottom.
const AXIS: f64 = 40.0;
/// Space at the left and right edges, and between the names and the months.
const SIDE: f64 = 8.0;
const NAME_GAP: f64 = 10.0;
/// The most of the width the region names take.
const NAME_SHARE: f64 = 0.35;
const NAME_PX: f64 = 13.0;
const NAME_LINE: f64 = 16.0;
const COUNT_PX: f64 = 11.0;
const MONTH_PX: f64 = 12.0;
/// The largest radius of a task; narrower months get smaller circles.
const RADIUS: f64 = 5.0;
/// The size of a task's hit box.
const HIT: f64 = 14.0;

/// The first and last month shown, in order.
fn span(chart: &Chart) -> Option<(i32, i32)> {
    match chart.body {
        Body::Timeline { months: (a, b), .. } => Some((a.min(b), a.max(b))),
        _ => None,
    }
}

/// A row: a group and its tasks by month (months outside the span are drawn at its ends).
struct Row<'a> {
    group: &'a str,
    months: BTreeMap<i32, Vec<usize>>,
}

impl Row<'_> {
    fn tallest(&self) -> usize {
        self.months.values().map(Vec::len).max().unwrap_or(0)
    }
}

fn rows(chart: &Chart) -> Vec<Row<'_>> {
    let Some((first, last)) = span(chart) else { return Vec::new() };
    let mut rows: Vec<Row<'_>> = chart.groups().into_iter().map(|group| Row { group, months: BTreeMap::new() }).collect();
    for (i, mark) in chart.marks.iter().enumerate() {
        let Place::Due { month } = mark.place else { continue };
        if let Some(row) = rows.iter_mut().find(|r| r.group == mark.group) {
            row.months.entry(month.clamp(first, last)).or_default().push(i);
        }
    }
    rows.retain(|r| !r.months.is_empty());
    rows
}

/// How wide the names may be at `width`.
fn name_width(rows: &[Row<'_>], width: f64) -> f64 {
    let widest = rows.iter().map(|r| text_width(r.group, NAME_PX) * BOLD_WIDER).fold(0.0, f64::max);
    (widest + 1.0).min(width * NAME_SHARE - SIDE - NAME_GAP).max(NAME_PX * 2.0)
}

/// A row's height: its tallest stack, or its name wrapped at the narrowest width.
fn row_height(row: &Row<'_>, name_lines: usize) -> f64 {
    (row.tallest() as f64 * STEP + ROW_PAD).max(name_lines as f64 * NAME_LINE + 12.0)
}

fn row_heights(rows: &[Row<'_>]) -> Vec<f64> {
    let names = name_width(rows, f64::from(MIN_WIDTH));
    rows.iter().map(|r| row_height(r, wrap(r.group, NAME_PX * BOLD_WIDER, names).len())).collect()
}

pub(super) fn height(chart: &Chart) -> u32 {
    let h = (row_heights(&rows(chart)).iter().sum::<f64>() + AXIS).ceil();
    if h.is_finite() && h < f64::from(u32::MAX) {
        h as u32
    } else {
        AXIS as u32
    }
}

/// Whether two boxes (left, top, right, bottom) overlap.
fn overlap(a: (f64, f64, f64, f64), b: (f64, f64, f64, f64)) -> bool {
    a.0 < b.2 && b.0 < a.2 && a.1 < b.3 && b.1 < a.3
}

pub(super) fn draw(
    chart: &Chart,
    months: (i32, i32),
    labels: &[(i32, String)],
    root: &DrawingArea<SVGBackend<'_>, Shift>,
    palette: &Palette,
) -> Drawing {
    let rows = rows(chart);
    if rows.is_empty() {
        return Ok(Vec::new());
    }
    let (first, last) = (months.0.min(months.1), months.0.max(months.1));
    let (width, _) = root.dim_in_pixel();
    let width = f64::from(width);
    let names = name_width(&rows, width);
    let left = SIDE + names + NAME_GAP;
    let right = width - SIDE;
    let count = f64::from(last) - f64::from(first) + 1.0;
    let step = (right - left) / count;
    let x = |m: i32| left + (f64::from(m.clamp(first, last)) - f64::from(first) + 0.5) * step;
    let radius = (step / 2.0 - 0.5).floor().clamp(3.0, RADIUS);
    let ring = if radius >= 4.0 { 2 } else { 1 };
    let hit_w = HIT.min(step.max(6.0));
    let px = |v: f64| v.round() as i32;
    let heights = row_heights(&rows);
    let bottom: f64 = heights.iter().sum();

    // Faint lines at the labelled months (the starts of years), under everything else.
    for (m, _) in labels.iter().filter(|(m, _)| (first..=last).contains(m)) {
        let lx = px(x(*m) - step / 2.0);
        root.draw(&PathElement::new(vec![(lx, 0), (lx, px(bottom))], palette.grid.stroke_width(1))).map_err(failed)?;
    }

    let name_style = bold(NAME_PX, palette.text).pos(Pos::new(HPos::Left, VPos::Top));
    let count_style = bold(COUNT_PX, palette.text).pos(Pos::new(HPos::Center, VPos::Top));
    let mut hits = Vec::with_capacity(chart.marks.len());
    let mut top = 0.0;
    for (g, (row, h)) in rows.iter().zip(&heights).enumerate() {
        let colour = palette.series(g);
        let row_bottom = top + h;
        if g + 1 < rows.len() {
            root.draw(&PathElement::new(vec![(px(SIDE), px(row_bottom)), (px(right), px(row_bottom))], palette.grid.stroke_width(1)))
                .map_err(failed)?;
        }
        // The name's last line sits level with the row's lowest tasks.
        let lines = wrap(row.group, NAME_PX * BOLD_WIDER, names);
        let mut y = row_bottom - BASE - NAME_LINE / 2.0 - (lines.len().saturating_sub(1)) as f64 * NAME_LINE;
        for line in lines {
            root.draw(&Text::new(line, (px(SIDE), px(y + 1.0)), name_style.clone())).map_err(failed)?;
            y += NAME_LINE;
        }

        // Every task as a circle, each on a backing so that neighbours stay apart.
        let base = row_bottom - BASE;
        let mut taken: Vec<(f64, f64, f64, f64)> = Vec::new();
        for (&month, marks) in &row.months {
            let cx = x(month);
            for (k, &i) in marks.iter().enumerate() {
                let cy = base - k as f64 * STEP;
                let centre = (px(cx), px(cy));
                let hollow = chart.marks.get(i).is_some_and(|m| m.hollow);
                root.draw(&Circle::new(centre, radius + 1.0, palette.background.filled())).map_err(failed)?;
                if hollow {
                    root.draw(&Circle::new(centre, radius, colour.stroke_width(ring))).map_err(failed)?;
                } else {
                    root.draw(&Circle::new(centre, radius, colour.filled())).map_err(failed)?;
                }
                taken.push((cx - radius - 1.0, cy - radius - 1.0, cx + radius + 1.0, cy + radius + 1.0));
                hits.push(Hit { mark: i, x: cx - hit_w / 2.0, y: cy - HIT / 2.0, w: hit_w, h: HIT });
            }
        }
        // The number of tasks above each stack of more than one, moved up clear of its neighbours
        // where months are narrow (and left out where there is no room: the stack still shows it).
        for (&month, marks) in row.months.iter().filter(|(_, marks)| marks.len() > 1) {
            let cx = x(month);
            let label = marks.len().to_string();
            let half = text_width(&label, COUNT_PX) * BOLD_WIDER / 2.0 + 1.0;
            let mut cy = base - (marks.len() - 1) as f64 * STEP - radius - 2.0 - COUNT_PX;
            while cy >= top + 1.0 {
                let spot = (cx - half, cy, cx + half, cy + COUNT_PX);
                if !taken.iter().any(|t| overlap(*t, spot)) {
                    root.draw(&Text::new(label, (px(cx), px(cy)), count_style.clone())).map_err(failed)?;
                    taken.push(spot);
                    break;
                }
                cy -= COUNT_PX + 1.0;
            }
        }
        top = row_bottom;
    }

    // The month axis: a tick for every month, longer at labelled months, labels kept apart.
    let axis = px(bottom + 2.0);
    root.draw(&PathElement::new(vec![(px(left), axis), (px(right), axis)], palette.muted.stroke_width(1))).map_err(failed)?;
    let labelled: Vec<i32> = labels.iter().map(|(m, _)| *m).collect();
    // (A tick per month only while months are at least a pixel apart.)
    for m in (first..=last).take(if step >= 1.0 { usize::MAX } else { 0 }) {
        let long = if labelled.contains(&m) { 6 } else { 3 };
        root.draw(&PathElement::new(vec![(px(x(m)), axis), (px(x(m)), axis + long)], palette.muted.stroke_width(1))).map_err(failed)?;
    }
    let month_style = text(MONTH_PX, palette.muted).pos(Pos::new(HPos::Left, VPos::Top));
    let mut placed: Vec<(f64, f64, f64, f64)> = Vec::new();
    for (m, label) in labels.iter().filter(|(m, _)| (first..=last).contains(m)) {
        let w = text_width(label, MONTH_PX);
        let lx = (x(*m) - w / 2.0).min(width - 2.0 - w).max(2.0);
        for level in 0..2 {
            let ly = bottom + 11.0 + f64::from(level) * (MONTH_PX + 2.0);
            let spot = (lx - 3.0, ly, lx + w + 3.0, ly + MONTH_PX);
            if !placed.iter().any(|p| overlap(*p, spot)) {
                root.draw(&Text::new(label.clone(), (px(lx), px(ly)), month_style.clone())).map_err(failed)?;
                placed.push(spot);
                break;
            }
        }
    }
    hits.sort_by_key(|h| h.mark);
    Ok(hits)
}

#[cfg(test)]
mod tests {
    use super::super::probe::{texts, view_box};
    use super::super::{render, Palette};
    use super::*;
    use crate::chart::spec::Mark;
    use crate::data::Qualifier;

    fn task(group: &str, label: &str, month: i32, hollow: bool) -> Mark {
        Mark {
            group: group.into(),
            label: label.into(),
            value: f64::from(month),
            number: String::new(),
            unit: String::new(),
            text: String::new(),
            qualifier: Qualifier::Exact,
            hollow,
            status: String::new(),
            detail: String::new(),
            source: None,
            figure: None,
            place: Place::Due { month },
        }
    }

    const MARCH_2018: i32 = 2018 * 12 + 2;

    fn chart(marks: Vec<Mark>, months: (i32, i32)) -> Chart {
        let month_labels =
            (months.0..=months.1).filter(|m| m.rem_euclid(12) == 0 || *m == months.0).map(|m| (m, format!("{}-{}", m / 12, m % 12 + 1))).collect();
        Chart {
            id: "commitments".into(),
            title: "Timeline".into(),
            subtitle: String::new(),
            unit: String::new(),
            summary: String::new(),
            notes: Vec::new(),
            sources: Vec::new(),
            group_heading: String::new(),
            label_heading: String::new(),
            marks,
            body: Body::Timeline { months, month_labels },
        }
    }

    fn sample() -> Chart {
        let mut marks = vec![
            task("<script>alert(1)</script>", "a", MARCH_2018, true),
            task("<script>alert(1)</script>", "b", MARCH_2018, false),
            task("<script>alert(1)</script>", "c", MARCH_2018 + 1, true),
            task("通辽市", "d", MARCH_2018 + 9, true),
        ];
        marks.extend((0..5).map(|i| task("通辽市", &format!("e{i}"), MARCH_2018 + 33, i % 2 == 0)));
        chart(marks, (MARCH_2018, MARCH_2018 + 33))
    }

    #[test]
    fn height_sums_the_rows_and_the_axis() {
        // Row 1: tallest stack 2 → 2 × 14 + 36; row 2: 5 → 5 × 14 + 36; axis 40.
        let chart = sample();
        assert_eq!(super::super::height(&chart), 64 + 106 + 40);
        for width in [280, 600, 1400] {
            let drawn = render(&chart, width, &Palette::LIGHT).unwrap();
            assert_eq!(drawn.height, 210);
            assert_eq!(view_box(&drawn.svg), (f64::from(drawn.width), 210.0));
        }
    }

    #[test]
    fn one_hit_per_task_inside_the_drawing() {
        let chart = sample();
        for width in [280, 333, 600, 1400] {
            let drawn = render(&chart, width, &Palette::LIGHT).unwrap();
            assert_eq!(drawn.hits.len(), chart.marks.len());
            assert_eq!(drawn.hits.iter().map(|h| h.mark).collect::<Vec<_>>(), (0..chart.marks.len()).collect::<Vec<_>>());
            for hit in &drawn.hits {
                assert!(hit.x >= 0.0 && hit.y >= 0.0, "{hit:?} at {width}");
                assert!(hit.x + hit.w <= f64::from(drawn.width), "{hit:?} at {width}");
                assert!(hit.y + hit.h <= f64::from(drawn.height) - AXIS, "{hit:?} at {width}");
            }
            // Tasks of one month stack without overlapping; later months lie further right.
            let hit = |i: usize| drawn.hits[i];
            assert_eq!(hit(0).x, hit(1).x);
            assert!(hit(1).y + hit(1).h <= hit(0).y + 1e-9);
            assert!(hit(2).x > hit(0).x && hit(3).x > hit(2).x && hit(4).x > hit(3).x);
            // The second row lies below the first.
            assert!(hit(3).y > hit(0).y);
        }
    }

    #[test]
    fn hollow_tasks_are_rings_and_done_tasks_are_filled() {
        let chart = chart(vec![task("A", "a", 100, true), task("A", "b", 100, false), task("A", "c", 101, true)], (100, 101));
        let drawn = render(&chart, 600, &Palette::LIGHT).unwrap();
        let circles: Vec<&str> = drawn.svg.split("<circle ").skip(1).collect();
        let colour = "#0072B2";
        let rings = circles.iter().filter(|c| c.contains("fill=\"none\"") && c.contains(&format!("stroke=\"{colour}\""))).count();
        let filled = circles.iter().filter(|c| c.contains(&format!("fill=\"{colour}\""))).count();
        assert_eq!((rings, filled), (2, 1));
    }

    #[test]
    fn counts_show_above_stacks_of_more_than_one() {
        for width in [280, 600] {
            let texts = texts(&render(&sample(), width, &Palette::LIGHT).unwrap().svg);
            assert!(texts.iter().any(|t| t == "2"), "{texts:?}");
            assert!(texts.iter().any(|t| t == "5"), "{texts:?}");
            assert!(!texts.iter().any(|t| t == "1"), "{texts:?}");
        }
    }

    #[test]
    fn a_tick_for_every_month_and_escaped_names() {
        let chart = sample();
        let drawn = render(&chart, 600, &Palette::LIGHT).unwrap();
        assert!(drawn.svg.contains("&lt;script&gt;"));
        assert!(!drawn.svg.contains("<script"));
        let texts = texts(&drawn.svg);
        assert!(texts.iter().any(|t| t == "2018-3") && texts.iter().any(|t| t == "2020-1"), "{texts:?}");
        // 34 ticks, plus the axis, the row separator and three year lines.
        assert_eq!(drawn.svg.matches("<polyline ").count(), 34 + 1 + 1 + 3);
    }

    #[test]
    fn empty_and_odd_specs_do_not_panic() {
        let empty = chart(Vec::new(), (0, 0));
        let drawn = render(&empty, 280, &Palette::LIGHT).unwrap();
        assert!(drawn.hits.is_empty());
        assert_eq!(drawn.height, 40);
        // Reversed months, a task outside them and a mark of another kind.
        let mut odd = chart(vec![task("A", "a", 5, true), task("A", "b", 500, false), task("", "c", -3, false)], (20, 10));
        odd.marks.push(Mark { place: Place::Bar, ..task("A", "d", 0, false) });
        let drawn = render(&odd, 280, &Palette::DARK).unwrap();
        assert_eq!(drawn.hits.len(), 3);
        for width in [280, 1400] {
            let wide = chart((0..200).map(|i| task("A", "t", i % 120, false)).collect(), (0, 119));
            let drawn = render(&wide, width, &Palette::LIGHT).unwrap();
            assert_eq!(drawn.hits.len(), 200);
        }
    }

}
