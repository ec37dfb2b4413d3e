//! Flow diagram: money from sending regions (left column) to receiving regions (right column),
//! one band per published amount, its thickness proportional to the amount. Amounts are never
//! added up: a node's height only stacks its bands, and no total is printed. Each band is labelled
//! at its receiving end with its value and what it is; planned and target amounts are outlined.
//!
//! Layout, top to bottom in each column: a block per node, its name above its bar. On the right,
//! the block is as tall as the bar or the labels of its bands, whichever is taller, so labels
//! never overlap; a thin leader joins each band's end to its label. The scale is the largest that
//! fits both columns in the height, which depends only on the spec (sized at [`MIN_WIDTH`]).

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::text::BOLD_WIDER;
use super::{wrap, bold, failed, text, text_width, Drawing, Hit, Palette, MIN_WIDTH};
use crate::chart::spec::{Chart, Mark, Node, Place};

/// Space above and below the columns.
const TOP: f64 = 8.0;
const BOTTOM: f64 = 8.0;
/// Space at the left and right edges.
const SIDE: f64 = 8.0;
/// The width of a node's bar.
const NODE_W: f64 = 10.0;
/// Between a receiver's bar and its bands' labels (room for the leader lines).
const LEAD: f64 = 14.0;
/// Between the blocks of one column.
const GAP: f64 = 14.0;
/// Between neighbouring bands at a node (bands from one sender share a colour).
const BAND_GAP: f64 = 4.0;
/// The thinnest a band is drawn.
const MIN_BAND: f64 = 2.0;
/// Between two labels of one receiver.
const ITEM_GAP: f64 = 6.0;
/// Node names.
const NAME_PX: f64 = 13.0;
const NAME_LINE: f64 = 17.0;
/// A band's value, then what it is.
const VALUE_PX: f64 = 13.0;
const VALUE_LINE: f64 = 16.0;
const LABEL_PX: f64 = 12.0;
const LABEL_LINE: f64 = 15.0;
/// The most of the width the labels take.
const LABEL_SHARE: f64 = 0.45;
/// Points sampled along each curved edge of a band.
const SAMPLES: usize = 24;
/// The smallest height, and the room added per band so thickness can show proportion.
const MIN_HEIGHT: f64 = 220.0;
const PER_BAND: f64 = 16.0;
const SPARE: f64 = 40.0;

/// A band that can be drawn: a mark linking a sender (column 0) to a receiver (another column).
#[derive(Clone, Copy, Debug)]
struct Link {
    mark: usize,
    from: usize,
    to: usize,
    value: f64,
}

fn links(chart: &Chart, nodes: &[Node]) -> Vec<Link> {
    let sender = |i: usize| nodes.get(i).is_some_and(|n| n.column == 0);
    let receiver = |i: usize| nodes.get(i).is_some_and(|n| n.column != 0);
    chart
        .marks
        .iter()
        .enumerate()
        .filter_map(|(mark, m)| match m.place {
            Place::Link { from, to } if sender(from) && receiver(to) => {
                let value = if m.value.is_finite() { m.value.max(0.0) } else { 0.0 };
                Some(Link { mark, from, to, value })
            }
            _ => None,
        })
        .collect()
}

/// The nodes of one side that have bands, in the order of the spec.
fn column(links: &[Link], end: impl Fn(&Link) -> usize) -> Vec<usize> {
    let mut used: Vec<usize> = links.iter().map(end).collect();
    used.sort_unstable();
    used.dedup();
    used
}

/// A band's value as printed: planned and target amounts also name their status.
fn shown(mark: &Mark) -> String {
    if mark.hollow && !mark.status.is_empty() {
        format!("{} ({})", mark.text, mark.status)
    } else {
        mark.text.clone()
    }
}

/// The horizontal layout at one width.
#[derive(Clone, Copy, Debug)]
struct Frame {
    width: f64,
    /// The left edge of the receivers' bars.
    receiver_x: f64,
    /// The left edge of the bands' labels.
    label_x: f64,
    /// How wide labels, sender names and receiver names may be.
    label_w: f64,
    sender_name_w: f64,
    receiver_name_w: f64,
}

fn frame(chart: &Chart, nodes: &[Node], links: &[Link], width: f64) -> Frame {
    let mut wanted: f64 = 0.0;
    for link in links {
        if let Some(mark) = chart.marks.get(link.mark) {
            wanted = wanted.max(text_width(&shown(mark), VALUE_PX) * BOLD_WIDER).max(text_width(&mark.label, LABEL_PX));
        }
    }
    for &r in &column(links, |l| l.to) {
        if let Some(node) = nodes.get(r) {
            wanted = wanted.max(text_width(&node.name, NAME_PX) * BOLD_WIDER - LEAD - NODE_W);
        }
    }
    let label_w = (wanted + 2.0).min(width * LABEL_SHARE).max(NAME_PX * 2.0);
    let receiver_x = width - SIDE - label_w - LEAD - NODE_W;
    Frame {
        width,
        receiver_x,
        label_x: receiver_x + NODE_W + LEAD,
        label_w,
        sender_name_w: (receiver_x - SIDE - 8.0).max(NAME_PX * 2.0),
        receiver_name_w: width - SIDE - receiver_x,
    }
}

/// A band's label: its value then what it is, as wrapped lines.
#[derive(Clone, Debug)]
struct Label {
    value: Vec<String>,
    label: Vec<String>,
}

impl Label {
    fn of(mark: &Mark, frame: &Frame) -> Label {
        Label {
            value: wrap(&shown(mark), VALUE_PX * BOLD_WIDER, frame.label_w),
            label: wrap(&mark.label, LABEL_PX, frame.label_w),
        }
    }

    fn height(&self) -> f64 {
        self.value.len() as f64 * VALUE_LINE + self.label.len() as f64 * LABEL_LINE
    }
}

/// A node's block: its name, then its bar.
#[derive(Clone, Debug)]
struct Block {
    node: usize,
    name: Vec<String>,
    /// The top of the block (of the name).
    top: f64,
    bar_top: f64,
    /// The whole block, name included.
    h: f64,
}

/// One band, placed.
#[derive(Clone, Debug)]
struct Band {
    link: Link,
    /// The sender's position among the senders (its colour).
    sender: usize,
    thickness: f64,
    from_top: f64,
    to_top: f64,
    label: Label,
    label_top: f64,
}

#[derive(Clone, Debug)]
struct Layout {
    frame: Frame,
    senders: Vec<Block>,
    receivers: Vec<Block>,
    bands: Vec<Band>,
}

fn name_height(lines: usize) -> f64 {
    lines as f64 * NAME_LINE + 4.0
}

/// The height of each side's stack of blocks when bands are `scale` pixels per unit.
struct Stacks {
    senders: Vec<(usize, Vec<String>, f64, f64)>, // (node, name lines, bar height, block height)
    receivers: Vec<(usize, Vec<String>, f64, f64)>,
}

impl Stacks {
    fn new(chart: &Chart, nodes: &[Node], links: &[Link], frame: &Frame, scale: f64) -> Stacks {
        let thickness = |l: &Link| (l.value * scale).max(MIN_BAND);
        let bar = |of: &[&Link]| of.iter().map(|l| thickness(l)).sum::<f64>() + BAND_GAP * of.len().saturating_sub(1) as f64;
        let name = |n: usize, w: f64| nodes.get(n).map(|node| wrap(&node.name, NAME_PX * BOLD_WIDER, w)).unwrap_or_default();
        let senders = column(links, |l| l.from)
            .into_iter()
            .map(|s| {
                let own: Vec<&Link> = links.iter().filter(|l| l.from == s).collect();
                let lines = name(s, frame.sender_name_w);
                let bar_h = bar(&own);
                let h = name_height(lines.len()) + bar_h;
                (s, lines, bar_h, h)
            })
            .collect();
        let receivers = column(links, |l| l.to)
            .into_iter()
            .map(|r| {
                let own: Vec<&Link> = links.iter().filter(|l| l.to == r).collect();
                let lines = name(r, frame.receiver_name_w);
                let labels: f64 = own.iter().filter_map(|l| chart.marks.get(l.mark)).map(|m| Label::of(m, frame).height()).sum::<f64>()
                    + ITEM_GAP * own.len().saturating_sub(1) as f64;
                let bar_h = bar(&own);
                let h = name_height(lines.len()) + bar_h.max(labels);
                (r, lines, bar_h, h)
            })
            .collect();
        Stacks { senders, receivers }
    }

    /// The taller side's height.
    fn needed(&self) -> f64 {
        let side = |blocks: &[(usize, Vec<String>, f64, f64)]| {
            blocks.iter().map(|b| b.3).sum::<f64>() + GAP * blocks.len().saturating_sub(1) as f64
        };
        side(&self.senders).max(side(&self.receivers))
    }
}

pub(super) fn height(chart: &Chart, nodes: &[Node]) -> u32 {
    let links = links(chart, nodes);
    let frame = frame(chart, nodes, &links, f64::from(MIN_WIDTH));
    let needed = Stacks::new(chart, nodes, &links, &frame, 0.0).needed();
    let h = (TOP + BOTTOM + needed + SPARE + PER_BAND * links.len() as f64).max(MIN_HEIGHT).ceil();
    if h.is_finite() && h < f64::from(u32::MAX) {
        h as u32
    } else {
        MIN_HEIGHT as u32
    }
}

/// Places blocks of heights `hs` from `top` over `room` pixels, spreading what is left evenly.
fn spread(hs: &[f64], top: f64, room: f64) -> Vec<f64> {
    let used = hs.iter().sum::<f64>() + GAP * hs.len().saturating_sub(1) as f64;
    let slack = ((room - used) / (hs.len() + 1) as f64).max(0.0);
    let mut y = top + slack;
    hs.iter()
        .map(|h| {
            let at = y;
            y += h + GAP + slack;
            at
        })
        .collect()
}

/// Moves items (top, height) apart so none overlap, keeping their order and staying within
/// `low..high` where they fit.
fn separate(items: &mut [(f64, f64)], low: f64, high: f64) {
    let mut floor = low;
    for item in items.iter_mut() {
        item.0 = item.0.max(floor);
        floor = item.0 + item.1 + ITEM_GAP;
    }
    let mut ceiling = high;
    for item in items.iter_mut().rev() {
        item.0 = item.0.min(ceiling - item.1);
        ceiling = item.0 - ITEM_GAP;
    }
    let mut floor = low;
    for item in items.iter_mut() {
        item.0 = item.0.max(floor);
        floor = item.0 + item.1 + ITEM_GAP;
    }
}

fn layout(chart: &Chart, nodes: &[Node], width: f64, height: f64) -> Layout {
    let links = links(chart, nodes);
    let frame = frame(chart, nodes, &links, width);
    let room = height - TOP - BOTTOM;
    // The largest scale at which both sides fit.
    let largest = links.iter().map(|l| l.value).fold(0.0, f64::max);
    let mut scale = 0.0;
    if largest > 0.0 {
        let (mut low, mut high) = (0.0, room.max(0.0) / largest);
        for _ in 0..48 {
            let mid = (low + high) / 2.0;
            if Stacks::new(chart, nodes, &links, &frame, mid).needed() <= room {
                low = mid;
            } else {
                high = mid;
            }
        }
        scale = low;
    }
    let stacks = Stacks::new(chart, nodes, &links, &frame, scale);
    let place = |blocks: &[(usize, Vec<String>, f64, f64)]| -> Vec<Block> {
        let tops = spread(&blocks.iter().map(|b| b.3).collect::<Vec<_>>(), TOP, room);
        blocks
            .iter()
            .zip(tops)
            .map(|((node, name, _, h), top)| {
                let bar_top = top + name_height(name.len());
                Block { node: *node, name: name.clone(), top, bar_top, h: *h }
            })
            .collect()
    };
    let senders = place(&stacks.senders);
    let receivers = place(&stacks.receivers);
    let sender_at = |n: usize| senders.iter().position(|b| b.node == n).unwrap_or(0);
    let receiver_at = |n: usize| receivers.iter().position(|b| b.node == n).unwrap_or(0);

    let mut bands: Vec<Band> = links
        .iter()
        .map(|&link| Band {
            link,
            sender: sender_at(link.from),
            thickness: (link.value * scale).max(MIN_BAND),
            from_top: 0.0,
            to_top: 0.0,
            label: chart.marks.get(link.mark).map(|m| Label::of(m, &frame)).unwrap_or(Label { value: Vec::new(), label: Vec::new() }),
            label_top: 0.0,
        })
        .collect();
    // At a sender, bands run in the order of their receivers, and the other way round, so that
    // few bands cross.
    let mut order: Vec<usize> = (0..bands.len()).collect();
    order.sort_by_key(|&i| bands.get(i).map(|b| (b.sender, receiver_at(b.link.to), b.link.mark)));
    for block in &senders {
        let mut y = block.bar_top;
        for &i in &order {
            if let Some(band) = bands.get_mut(i).filter(|b| b.link.from == block.node) {
                band.from_top = y;
                y += band.thickness + BAND_GAP;
            }
        }
    }
    order.sort_by_key(|&i| bands.get(i).map(|b| (receiver_at(b.link.to), b.sender, b.link.mark)));
    for block in &receivers {
        let mut y = block.bar_top;
        let mut items: Vec<(usize, (f64, f64))> = Vec::new();
        for &i in &order {
            if let Some(band) = bands.get_mut(i).filter(|b| b.link.to == block.node) {
                band.to_top = y;
                let middle = y + band.thickness / 2.0;
                items.push((i, (middle - VALUE_LINE / 2.0, band.label.height())));
                y += band.thickness + BAND_GAP;
            }
        }
        let mut spans: Vec<(f64, f64)> = items.iter().map(|(_, span)| *span).collect();
        separate(&mut spans, block.bar_top, block.top + block.h);
        for ((i, _), (top, _)) in items.iter().zip(spans) {
            if let Some(band) = bands.get_mut(*i) {
                band.label_top = top;
            }
        }
    }
    Layout { frame, senders, receivers, bands }
}

/// The points of a curve with horizontal tangents from `(x0, y0)` to `(x1, y1)`.
fn curve(x0: f64, y0: f64, x1: f64, y1: f64) -> impl DoubleEndedIterator<Item = (f64, f64)> {
    let middle = (x0 + x1) / 2.0;
    (0..=SAMPLES).map(move |i| {
        let t = i as f64 / SAMPLES as f64;
        let u = 1.0 - t;
        // A cubic Bézier with control points (middle, y0) and (middle, y1).
        let x = u * u * u * x0 + 3.0 * u * u * t * middle + 3.0 * u * t * t * middle + t * t * t * x1;
        let y = u * u * u * y0 + 3.0 * u * u * t * y0 + 3.0 * u * t * t * y1 + t * t * t * y1;
        (x, y)
    })
}

pub(super) fn draw(chart: &Chart, nodes: &[Node], root: &DrawingArea<SVGBackend<'_>, Shift>, palette: &Palette) -> Drawing {
    let (width, height) = root.dim_in_pixel();
    let Layout { frame, senders, receivers, bands } = layout(chart, nodes, f64::from(width), f64::from(height));
    let px = |v: f64| v.round() as i32;
    let x0 = SIDE + NODE_W;
    let x1 = frame.receiver_x;

    // Bands first, beneath the bars and the text.
    for band in &bands {
        let colour = palette.series(band.sender);
        let t = band.thickness;
        let outline: Vec<(i32, i32)> = curve(x0, band.from_top, x1, band.to_top)
            .chain(curve(x0, band.from_top + t, x1, band.to_top + t).rev())
            .map(|(x, y)| (px(x), px(y)))
            .collect();
        let hollow = chart.marks.get(band.link.mark).is_some_and(|m| m.hollow);
        let mut closed = outline.clone();
        if let Some(&first) = outline.first() {
            closed.push(first);
        }
        if hollow {
            // A thin band gets a thin outline, so it reads as hollow rather than as a thick line.
            let stroke = if t < 6.0 { 1 } else { 2 };
            root.draw(&PathElement::new(closed, colour.stroke_width(stroke))).map_err(failed)?;
        } else if t < 6.0 {
            // A thin band is filled in its full colour: edged, it would read as hollow.
            root.draw(&Polygon::new(outline, colour.filled())).map_err(failed)?;
        } else {
            // A see-through fill, edged in the full colour so that the band stands out from the
            // background (the fill alone is too faint).
            root.draw(&Polygon::new(outline, colour.mix(0.45).filled())).map_err(failed)?;
            root.draw(&PathElement::new(closed, colour.stroke_width(1))).map_err(failed)?;
        }
    }

    // The bars: one piece per band at each end, senders in their bands' colour, receivers in the
    // muted text colour. A region's amounts stay separate pieces, never one bar that reads as a sum.
    for band in &bands {
        let from = [(px(SIDE), px(band.from_top)), (px(SIDE + NODE_W), px(band.from_top + band.thickness))];
        root.draw(&Rectangle::new(from, palette.series(band.sender).filled())).map_err(failed)?;
        let to = [(px(x1), px(band.to_top)), (px(x1 + NODE_W), px(band.to_top + band.thickness))];
        root.draw(&Rectangle::new(to, palette.muted.filled())).map_err(failed)?;
    }

    // Names above the bars; a sender's name may lie over bands, so it gets a backing.
    let name_style = bold(NAME_PX, palette.text).pos(Pos::new(HPos::Left, VPos::Top));
    for block in &senders {
        for (j, line) in block.name.iter().enumerate() {
            let y = block.top + 1.0 + j as f64 * NAME_LINE;
            let w = text_width(line, NAME_PX) * BOLD_WIDER;
            let backing = [(px(SIDE - 2.0), px(y - 1.0)), (px(SIDE + w + 3.0), px(y + NAME_LINE - 1.0))];
            root.draw(&Rectangle::new(backing, palette.background.mix(0.8).filled())).map_err(failed)?;
            root.draw(&Text::new(line.clone(), (px(SIDE), px(y)), name_style.clone())).map_err(failed)?;
        }
    }
    for block in &receivers {
        for (j, line) in block.name.iter().enumerate() {
            let y = block.top + 1.0 + j as f64 * NAME_LINE;
            root.draw(&Text::new(line.clone(), (px(x1), px(y)), name_style.clone())).map_err(failed)?;
        }
    }

    // Each band's label at its receiving end, joined to it by a leader.
    let value_style = bold(VALUE_PX, palette.text).pos(Pos::new(HPos::Left, VPos::Top));
    let label_style = text(LABEL_PX, palette.muted).pos(Pos::new(HPos::Left, VPos::Top));
    let mut hits = Vec::with_capacity(bands.len());
    for band in &bands {
        let end = band.to_top + band.thickness / 2.0;
        let leader = vec![
            (px(x1 + NODE_W + 1.0), px(end)),
            (px(x1 + NODE_W + 4.0), px(end)),
            (px(frame.label_x - 3.0), px(band.label_top + VALUE_LINE / 2.0)),
        ];
        root.draw(&PathElement::new(leader, palette.muted.stroke_width(1))).map_err(failed)?;
        let mut y = band.label_top;
        let mut widest: f64 = 0.0;
        for line in &band.label.value {
            root.draw(&Text::new(line.clone(), (px(frame.label_x), px(y + 1.0)), value_style.clone())).map_err(failed)?;
            widest = widest.max(text_width(line, VALUE_PX) * BOLD_WIDER);
            y += VALUE_LINE;
        }
        for line in &band.label.label {
            root.draw(&Text::new(line.clone(), (px(frame.label_x), px(y + 1.0)), label_style.clone())).map_err(failed)?;
            widest = widest.max(text_width(line, LABEL_PX));
            y += LABEL_LINE;
        }
        let top = band.to_top.min(band.label_top);
        let bottom = (band.to_top + band.thickness).max(y);
        let right = (frame.label_x + widest + 2.0).min(frame.width);
        hits.push(Hit { mark: band.link.mark, x: x1, y: top, w: right - x1, h: bottom - top });
    }
    hits.sort_by_key(|h| h.mark);
    Ok(hits)
}

#[cfg(test)]
mod tests {
    use super::super::probe::{attrs, view_box};
    use super::super::{render, Palette};
    use super::*;
    use crate::chart::spec::Body;
    use crate::data::Qualifier;

    fn mark(group: &str, label: &str, value: f64, hollow: bool, from: usize, to: usize) -> Mark {
        Mark {
            group: group.into(),
            label: label.into(),
            value,
            number: value.to_string(),
            unit: "万元".into(),
            text: value.to_string(),
            qualifier: Qualifier::Exact,
            hollow,
            status: if hollow { "计划".into() } else { "实际".into() },
            detail: String::new(),
            source: None,
            figure: None,
            place: Place::Link { from, to },
        }
    }

    fn chart(marks: Vec<Mark>, nodes: Vec<Node>) -> Chart {
        Chart {
            id: "flows".into(),
            title: "Flows".into(),
            subtitle: String::new(),
            unit: "万元".into(),
            summary: String::new(),
            notes: Vec::new(),
            sources: Vec::new(),
            group_heading: String::new(),
            label_heading: String::new(),
            marks,
            body: Body::Flows { nodes },
        }
    }

    fn node(name: &str, column: u8) -> Node {
        Node { name: name.into(), column }
    }

    fn sample() -> Chart {
        chart(
            vec![
                mark("北京市 → 通辽市", "东西部扶贫协作资金（到位）", 19700.0, false, 0, 2),
                mark("北京市 → 通辽市", "项目资金（到位）", 19721.0, false, 0, 2),
                mark("<script> → 义县", "帮扶资金（拨付）", 90.0, false, 1, 3),
                mark("<script> → 义县", "物资价值（拨付）", 10.0, true, 1, 3),
                mark("北京市 → 义县", "Pairing assistance funds for schools (allocated)", 600.0, false, 0, 3),
            ],
            vec![node("北京市", 0), node("<script>alert(1)</script>", 0), node("通辽市", 1), node("义县", 1)],
        )
    }

    #[test]
    fn one_hit_per_band_inside_the_drawing() {
        let chart = sample();
        for width in [280, 600, 1400] {
            let drawn = render(&chart, width, &Palette::LIGHT).unwrap();
            assert_eq!(drawn.hits.len(), chart.marks.len());
            assert_eq!(drawn.hits.iter().map(|h| h.mark).collect::<Vec<_>>(), [0, 1, 2, 3, 4]);
            for hit in &drawn.hits {
                assert!(hit.w > 0.0 && hit.h > 0.0, "{hit:?}");
                assert!(hit.x >= 0.0 && hit.y >= 0.0, "{hit:?} at {width}");
                assert!(hit.x + hit.w <= f64::from(drawn.width) + 0.5, "{hit:?} at {width}");
                assert!(hit.y + hit.h <= f64::from(drawn.height) + 0.5, "{hit:?} at {width}");
            }
            assert_eq!(view_box(&drawn.svg), (f64::from(drawn.width), f64::from(drawn.height)));
            assert_eq!(drawn.height, super::super::height(&chart));
        }
    }

    #[test]
    fn bands_stay_inside_the_drawing_at_every_width() {
        let chart = sample();
        for width in [280, 281, 350, 600, 999, 1400] {
            let drawn = render(&chart, width, &Palette::LIGHT).unwrap();
            for points in attrs(&drawn.svg, "polygon").chain(attrs(&drawn.svg, "polyline")) {
                let list = points.split("points=\"").nth(1).and_then(|p| p.split('"').next()).unwrap_or("");
                for point in list.split(' ').filter(|p| !p.is_empty()) {
                    let (x, y) = point.split_once(',').unwrap();
                    let (x, y): (f64, f64) = (x.parse().unwrap(), y.parse().unwrap());
                    assert!((0.0..=f64::from(drawn.width)).contains(&x), "{x} at {width}");
                    assert!((0.0..=f64::from(drawn.height)).contains(&y), "{y} at {width}");
                }
            }
        }
    }

    #[test]
    fn thickness_follows_value() {
        let chart = sample();
        let layout = layout(&chart, match &chart.body {
            Body::Flows { nodes } => nodes,
            _ => unreachable!(),
        }, 600.0, f64::from(super::super::height(&chart)));
        let thickness = |mark: usize| layout.bands.iter().find(|b| b.link.mark == mark).unwrap().thickness;
        assert!(thickness(1) > thickness(0) && thickness(0) > thickness(4) && thickness(4) > thickness(2));
        assert!(thickness(2) >= thickness(3) && thickness(3) >= MIN_BAND);
        // Proportional above the minimum.
        assert!((thickness(1) / thickness(0) - 19721.0 / 19700.0).abs() < 1e-9);
        // Bands at one node never overlap.
        for block in layout.senders.iter().chain(&layout.receivers) {
            let mut spans: Vec<(f64, f64)> = layout
                .bands
                .iter()
                .filter(|b| b.link.from == block.node || b.link.to == block.node)
                .map(|b| if b.link.from == block.node { (b.from_top, b.thickness) } else { (b.to_top, b.thickness) })
                .collect();
            spans.sort_by(|a, b| a.0.total_cmp(&b.0));
            for pair in spans.windows(2) {
                assert!(pair[0].0 + pair[0].1 <= pair[1].0 + 1e-9, "{spans:?}");
            }
        }
        // Labels of one receiver never overlap.
        let mut labels: Vec<(f64, f64)> = layout.bands.iter().map(|b| (b.label_top, b.label.height())).collect();
        labels.sort_by(|a, b| a.0.total_cmp(&b.0));
        for pair in labels.windows(2) {
            assert!(pair[0].0 + pair[0].1 <= pair[1].0 + 1e-9, "{labels:?}");
        }
    }

    #[test]
    fn bigger_values_get_taller_hits() {
        let chart = chart(
            vec![mark("a", "big", 100.0, false, 0, 1), mark("a", "small", 10.0, false, 0, 1)],
            vec![node("A", 0), node("B", 1)],
        );
        let drawn = render(&chart, 600, &Palette::LIGHT).unwrap();
        let h = |mark: usize| drawn.hits.iter().find(|h| h.mark == mark).unwrap().h;
        assert!(h(0) > h(1), "{:?}", drawn.hits);
    }

    #[test]
    fn hollow_bands_are_outlined_not_filled() {
        let chart = chart(
            vec![mark("a", "done", 50.0, false, 0, 1), mark("a", "planned", 40.0, true, 0, 1)],
            vec![node("A", 0), node("B", 1)],
        );
        let drawn = render(&chart, 600, &Palette::LIGHT).unwrap();
        // One filled band; the planned one is a closed outline with no fill.
        assert_eq!(drawn.svg.matches("<polygon ").count(), 1);
        let outlines: Vec<&str> = attrs(&drawn.svg, "polyline").filter(|a| a.contains("stroke-width=\"2\"")).collect();
        assert_eq!(outlines.len(), 1);
        assert!(outlines[0].contains("fill=\"none\""));
        assert!(drawn.svg.contains("40 (计划)"));
    }

    #[test]
    fn text_comes_escaped_and_totals_are_never_printed() {
        let drawn = render(&sample(), 600, &Palette::LIGHT).unwrap();
        assert!(drawn.svg.contains("&lt;script&gt;"));
        assert!(!drawn.svg.contains("<script"));
        // 19700 + 19721 + 600 at 北京市 and 19700 + 19721 at 通辽市 appear nowhere.
        assert!(!drawn.svg.contains("39421") && !drawn.svg.contains("40021"));
    }

    #[test]
    fn empty_and_broken_specs_draw_nothing() {
        let empty = chart(Vec::new(), Vec::new());
        let drawn = render(&empty, 280, &Palette::LIGHT).unwrap();
        assert!(drawn.hits.is_empty());
        assert_eq!(drawn.height, 220);
        // Links to missing nodes, or the wrong way round, are skipped rather than panicking.
        let broken = chart(
            vec![mark("a", "x", f64::NAN, false, 0, 9), mark("a", "y", -5.0, false, 1, 0), mark("a", "z", f64::INFINITY, false, 0, 1)],
            vec![node("A", 0), node("B", 1)],
        );
        let drawn = render(&broken, 280, &Palette::DARK).unwrap();
        assert_eq!(drawn.hits.len(), 1);
    }

    #[test]
    fn height_depends_only_on_the_spec() {
        let chart = sample();
        let h = super::super::height(&chart);
        for width in [280, 700, 1400] {
            assert_eq!(render(&chart, width, &Palette::LIGHT).unwrap().height, h);
        }
        assert!(h >= 220);
    }
}
