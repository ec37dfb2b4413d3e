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
/// reported and left out. The items stay where they are in memory.
pub fn link_parts<T: HasFigure>(file: &str, read: Unlinked<T>, kind: RefKind, dataset: &Dataset, problems: &mut Vec<DataError>) -> Vec<T> {
    let Unlinked { mut items, parts } = read;
    let figure = |i: usize| items[i].figure();
    let id_of = |i: usize| &*items[i].figure().id;
    let mut index = Positions::with_room(items.len());
    let mut alive = vec![true; items.len()];
    for (i, item) in items.iter().enumerate() {
        let f = item.figure();
        if let Some(first) = index.first(&f.id, i, id_of) {
            problems.push(DataError::cell(file, f.row.into(), "id", &f.id, Reason::Duplicate { first_row: figure(first).row.into() }));
            alive[i] = false;
        }
    }
    let unit = |f: &Figure| dataset.indicators.get(f.indicator).map(|i| i.unit);
    loop {
        let mut changed = false;
        for (i, total_id, _) in &parts {
            if !alive[*i] {
                continue;
            }
            let part = figure(*i);
            let reason = match index.get(total_id, id_of).filter(|t| alive[*t]).map(figure) {
                None => Some(Reason::UnknownRef(kind)),
                Some(total) if unit(part) != unit(total) => Some(Reason::PartUnitMismatch {
                    total_row: total.row.into(),
                    unit: unit(part).map_or("", Term::code),
                    total_unit: unit(total).map_or("", Term::code),
                }),
                Some(total) if part.status != total.status => Some(Reason::PartStatusMismatch {
                    total_row: total.row.into(),
                    status: part.status.code(),
                    total_status: total.status.code(),
                }),
                Some(_) => None,
            };
            if let Some(reason) = reason {
                problems.push(DataError::cell(file, part.row.into(), "part_of", total_id, reason));
                alive[*i] = false;
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
    let totals: Vec<Option<usize>> = parts.iter().map(|(_, total, _)| index.get(total, id_of)).collect();
    drop(index);
    for ((i, _, breakdown), total) in parts.into_iter().zip(totals) {
        if let (true, Some(t)) = (alive[i], total) {
            items[i].figure_mut().set_part_of(Some((new_position[t] as usize, breakdown)));
        }
    }
    drop(new_position);
    let mut at = 0;
    items.retain(|_| {
        at += 1;
        alive[at - 1]
    });
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
            problems.push(DataError::cell(file, total_figure.row.into(), value_column, &value, reason));
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
                    earlier_row: earlier.figure.row.into(),
                    earlier: qualified(earlier.figure.value, earlier.figure.qualifier),
                };
                problems.push(DataError::cell(file, later.figure.row.into(), "amount", &later.figure.value.to_string(), reason));
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
