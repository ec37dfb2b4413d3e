//! Checks between rows: parts and their totals, breakdowns that must add up, and stages of funds
//! that may not grow. A part with a broken link is left out; a breakdown that does not add up
//! and a stage that exceeds an earlier one are reported, and the rows stay as published (a
//! breakdown that does not add up is no longer shown as one).

use std::collections::hash_map::Entry;

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

/// Resolves each row's `part_of` to its total in the same file. A repeated id, and a part whose
/// total is unknown or itself left out, or whose unit or status differs from the total's, are
/// reported and left out.
pub fn link_parts<T: HasFigure>(file: &str, rows: Vec<Unlinked<T>>, kind: RefKind, dataset: &Dataset, problems: &mut Vec<DataError>) -> Vec<T> {
    let mut index: HashMap<&str, usize> = HashMap::default();
    index.reserve(rows.len());
    let mut alive = vec![true; rows.len()];
    for (i, row) in rows.iter().enumerate() {
        let figure = row.item.figure();
        match index.entry(figure.id.as_str()) {
            Entry::Occupied(first) => {
                let first_row = rows[*first.get()].item.figure().row;
                problems.push(DataError::cell(file, figure.row, "id", &figure.id, Reason::Duplicate { first_row }));
                alive[i] = false;
            }
            Entry::Vacant(slot) => {
                slot.insert(i);
            }
        }
    }
    let unit = |f: &Figure| dataset.indicators.get(f.indicator).map(|i| i.unit);
    loop {
        let mut changed = false;
        for (i, row) in rows.iter().enumerate() {
            let (Some((total_id, _)), true) = (&row.part_of, alive[i]) else { continue };
            let part = row.item.figure();
            let reason = match index.get(total_id.as_str()).copied().filter(|t| alive[*t]).map(|t| rows[t].item.figure()) {
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
    let new_position: Vec<usize> = alive.iter().scan(0, |kept, &a| {
        let at = *kept;
        *kept += usize::from(a);
        Some(at)
    })
    .collect();
    let totals: Vec<Option<usize>> =
        rows.iter().map(|r| r.part_of.as_ref().and_then(|(total, _)| index.get(total.as_str()).map(|&t| new_position[t]))).collect();
    rows.into_iter()
        .zip(alive)
        .zip(totals)
        .filter(|((_, a), _)| *a)
        .map(|((Unlinked { mut item, part_of }, _), total)| {
            item.figure_mut().part_of = part_of.zip(total).map(|((_, breakdown), t)| (t, breakdown));
            item
        })
        .collect()
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
        if let Some((total, breakdown)) = &item.figure().part_of {
            groups.entry((*total, breakdown.as_str())).or_default().push(i);
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
            items[p].figure_mut().part_of = None;
        }
    }
}

/// Reports each fund whose amount exceeds that of an earlier stage of the same money (same
/// region, indicator, period, funding source, status and pairing): more disbursed than allocated.
pub fn check_stages(file: &str, funds: &[Fund], problems: &mut Vec<DataError>) {
    let mut groups: HashMap<_, Vec<&Fund>> = HashMap::default();
    for fund in funds {
        let f = &fund.figure;
        groups.entry((f.region, f.indicator, f.period, fund.funding_source, f.status, f.pairing)).or_default().push(fund);
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
