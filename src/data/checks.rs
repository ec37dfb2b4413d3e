//! Checks between rows: parts and their totals, breakdowns that must add up, and stages of funds
//! that may not grow. A part with a broken link is left out; a breakdown that does not add up
//! and a stage that exceeds an earlier one are reported, and the rows stay as published (a
//! breakdown that does not add up is no longer shown as one).

use rustc_hash::FxHashMap as HashMap;

use super::error::{DataError, Reason, RefKind};
use super::model::{Dataset, Figure, Fund};
use super::resources::Unlinked;
use super::vocab::{Qualifier, Term};

/// Something that carries a published figure: an observation or a fund.
pub trait HasFigure {
    fn figure(&self) -> &Figure;
    fn figure_mut(&mut self) -> &mut Figure;
}

impl HasFigure for Figure {
    fn figure(&self) -> &Figure {
        self
    }
    fn figure_mut(&mut self) -> &mut Figure {
        self
    }
}

impl HasFigure for Fund {
    fn figure(&self) -> &Figure {
        &self.figure
    }
    fn figure_mut(&mut self) -> &mut Figure {
        &mut self.figure
    }
}

/// The rows of a file by their ids: an open-addressing table of row numbers, a few bytes per row
/// where a map from ids would hold a reference and a position for each.
struct Positions {
    /// Row positions, [`Positions::EMPTY`] where there is none.
    slots: Vec<u32>,
}

impl Positions {
    const EMPTY: u32 = u32::MAX;

    /// A table with room for `rows` rows (at most half full).
    fn with_room(rows: usize) -> Positions {
        Positions { slots: vec![Positions::EMPTY; (rows * 2).next_power_of_two().max(2)] }
    }

    /// The slot that holds `id`, or the empty one where it would go; `id_of` gives a row's id.
    fn slot<'a>(&self, id: &str, id_of: impl Fn(usize) -> &'a str) -> usize {
        use std::hash::{Hash, Hasher};
        let mut hasher = rustc_hash::FxHasher::default();
        id.hash(&mut hasher);
        let mask = self.slots.len() - 1;
        let mut at = hasher.finish() as usize & mask;
        while self.slots[at] != Positions::EMPTY && id_of(self.slots[at] as usize) != id {
            at = (at + 1) & mask;
        }
        at
    }

    /// The position of the row with `id`.
    fn get<'a>(&self, id: &str, id_of: impl Fn(usize) -> &'a str) -> Option<usize> {
        let at = self.slots[self.slot(id, id_of)];
        (at != Positions::EMPTY).then_some(at as usize)
    }

    /// Records row `position` under `id`, unless a row has it already: then that row's position.
    fn first<'a>(&mut self, id: &str, position: usize, id_of: impl Fn(usize) -> &'a str) -> Option<usize> {
        let at = self.slot(id, id_of);
        match self.slots[at] {
            Positions::EMPTY => {
                // A file of at most `decode::MAX_BYTES` has far fewer rows than `u32::MAX`.
                self.slots[at] = position as u32;
                None
            }
            first => Some(first as usize),
        }
    }
}

/// Resolves each row's `part_of` to its total in the same file. A repeated id, and a part whose
/// total is unknown or itself left out, or whose unit or status differs from the total's, are
/// reported and left out.
pub fn link_parts<T: HasFigure>(file: &str, rows: Vec<Unlinked<T>>, kind: RefKind, dataset: &Dataset, problems: &mut Vec<DataError>) -> Vec<T> {
    let id_of = |i: usize| &*rows[i].item.figure().id;
    let mut index = Positions::with_room(rows.len());
    let mut alive = vec![true; rows.len()];
    for (i, row) in rows.iter().enumerate() {
        let figure = row.item.figure();
        if let Some(first) = index.first(&figure.id, i, id_of) {
            let first_row = rows[first].item.figure().row;
            problems.push(DataError::cell(file, figure.row, "id", &figure.id, Reason::Duplicate { first_row }));
            alive[i] = false;
        }
    }
    let unit = |f: &Figure| dataset.indicators.get(f.indicator).map(|i| i.unit);
    loop {
        let mut changed = false;
        for (i, row) in rows.iter().enumerate() {
            let (Some(total_id), true) = (row.part_of.as_ref().map(|p| &p.0), alive[i]) else { continue };
            let part = row.item.figure();
            let reason = match index.get(total_id, id_of).filter(|t| alive[*t]).map(|t| rows[t].item.figure()) {
                None => Some(Reason::UnknownRef(kind)),
                Some(total) if unit(part) != unit(total) => Some(Reason::PartUnitMismatch {
                    total_row: total.row,
                    unit: unit(part).map_or("", Term::code),
                    total_unit: unit(total).map_or("", Term::code),
                }),
                Some(total) if part.status != total.status => Some(Reason::PartStatusMismatch {
                    total_row: total.row,
                    status: part.status.code(),
                    total_status: total.status.code(),
                }),
                Some(_) => None,
            };
            if let Some(reason) = reason {
                problems.push(DataError::cell(file, part.row, "part_of", total_id, reason));
                alive[i] = false;
                changed = true;
            }
        }
        if !changed {
            break;
        }
    }

    // Positions after the rejected rows are left out: the number of kept rows before each.
    let new_position: Vec<u32> = alive.iter().scan(0, |kept, &a| {
        let at = *kept;
        *kept += u32::from(a);
        Some(at)
    })
    .collect();
    // The kept position of each part's total, in the order of the parts.
    let totals: Vec<usize> = rows
        .iter()
        .zip(&alive)
        .filter(|(r, a)| **a && r.part_of.is_some())
        .filter_map(|(r, _)| index.get(&r.part_of.as_ref()?.0, id_of).map(|t| new_position[t] as usize))
        .collect();
    drop((index, new_position));
    let mut totals = totals.into_iter();
    // Collected in the rows' own memory (the items are no larger than the rows).
    let mut items: Vec<T> = rows
        .into_iter()
        .zip(alive)
        .filter(|(_, a)| *a)
        .map(|(Unlinked { mut item, part_of }, _)| {
            if let Some(part_of) = part_of {
                let (_, breakdown) = *part_of;
                item.figure_mut().set_part_of(totals.next().map(|t| (t, breakdown)));
            }
            item
        })
        .collect();
    items.shrink_to_fit();
    items
}

/// The range of true values a set of figures allows when added.
fn sum_bounds<'a>(figures: impl Iterator<Item = &'a Figure>) -> (f64, f64) {
    figures.fold((0.0, 0.0), |(low, high), f| {
        let (l, h) = f.qualifier.bounds(f.value);
        (low + l, high + h)
    })
}

fn describe_range((low, high): (f64, f64)) -> String {
    if high.is_infinite() {
        format!("≥ {low}")
    } else if low == high {
        format!("{low}")
    } else {
        format!("{low}–{high}")
    }
}

/// Reports every breakdown whose parts cannot add up to their total (at the total's row and
/// `value_column`) and unlinks its parts.
pub fn check_breakdowns<T: HasFigure>(file: &str, items: &mut [T], value_column: &'static str, problems: &mut Vec<DataError>) {
    let mut groups: HashMap<(usize, &str), Vec<usize>> = HashMap::default();
    for (i, item) in items.iter().enumerate() {
        if let Some((total, breakdown)) = item.figure().part_of() {
            groups.entry((total, breakdown)).or_default().push(i);
        }
    }
    let mut broken: Vec<(usize, Vec<usize>, String)> = Vec::new();
    for ((total, breakdown), parts) in groups {
        let sum = sum_bounds(parts.iter().map(|&p| items[p].figure()));
        let total_figure = items[total].figure();
        let (low, high) = total_figure.qualifier.bounds(total_figure.value);
        let slack = 1e-9 * high.abs().clamp(1.0, 1e15);
        if sum.0 > high + slack || sum.1 < low - slack {
            broken.push((total, parts, breakdown.to_owned()));
            let rows: Vec<String> = broken[broken.len() - 1].1.iter().map(|&p| items[p].figure().row.to_string()).collect();
            let value = total_figure.value.to_string();
            let reason = Reason::PartsDoNotAddUp { breakdown: breakdown.to_owned(), rows: rows.join(", "), sum: describe_range(sum) };
            problems.push(DataError::cell(file, total_figure.row, value_column, &value, reason));
        }
    }
    for (_, parts, _) in broken {
        for p in parts {
            items[p].figure_mut().set_part_of(None);
        }
    }
}

/// Reports each fund whose amount exceeds that of an earlier stage of the same money (same
/// region, indicator, period, funding source, status and pairing): more disbursed than allocated.
pub fn check_stages(file: &str, funds: &[Fund], problems: &mut Vec<DataError>) {
    let mut groups: HashMap<_, Vec<&Fund>> = HashMap::default();
    for fund in funds {
        let f = &fund.figure;
        groups.entry((f.region, f.indicator, f.period, fund.funding_source, f.status, f.pairing())).or_default().push(fund);
    }
    for mut group in groups.into_values() {
        group.sort_by_key(|f| (f.stage, f.figure.row));
        for (i, later) in group.iter().enumerate() {
            let low = later.figure.qualifier.bounds(later.figure.value).0;
            let exceeded = group[..i].iter().find(|earlier| {
                let high = earlier.figure.qualifier.bounds(earlier.figure.value).1;
                earlier.stage < later.stage && low > high + 1e-9 * high.abs().max(1.0)
            });
            if let Some(earlier) = exceeded {
                let reason = Reason::StageExceeds {
                    stage: later.stage.code(),
                    earlier_stage: earlier.stage.code(),
                    earlier_row: earlier.figure.row,
                    earlier: qualified(earlier.figure.value, earlier.figure.qualifier),
                };
                problems.push(DataError::cell(file, later.figure.row, "amount", &later.figure.value.to_string(), reason));
            }
        }
    }
}

fn qualified(value: f64, qualifier: Qualifier) -> String {
    if qualifier == Qualifier::Exact {
        value.to_string()
    } else {
        format!("{value} ({})", qualifier.code())
    }
}
