//! The Commitments timeline: each plan task placed in the month it is due, in rows by region,
//! drawn hollow until it is reported done.

use crate::data::{CommitmentStatus, Dataset};
use crate::data::period::Date;
use crate::format;
use crate::i18n::{tr, tr_args, Locale};
use crate::labels;

use super::super::spec::{Body, Chart, Cited, Mark, Place};

/// A month counted from year 0: year × 12 + month − 1.
fn month_index(date: Date) -> i32 {
    i32::from(date.year) * 12 + i32::from(date.month.unwrap_or(12)) - 1
}

fn month_date(index: i32) -> Date {
    Date { year: u16::try_from(index.div_euclid(12)).unwrap_or(0), month: u8::try_from(index.rem_euclid(12) + 1).ok(), day: None }
}

/// The timeline of every commitment, or `None` when the data has none.
pub fn timeline(dataset: &Dataset, locale: Locale) -> Option<Chart> {
    let mut items: Vec<_> = dataset.commitments.iter().collect();
    if items.is_empty() {
        return None;
    }
    items.sort_by_key(|c| (c.region, month_index(c.deadline)));
    let first = items.iter().map(|c| month_index(c.deadline)).min()?;
    let last = items.iter().map(|c| month_index(c.deadline)).max()?;
    let mut sources: Vec<usize> = Vec::new();
    let marks: Vec<Mark> = items
        .iter()
        .map(|c| {
            let region = dataset.regions.get(c.region).map(|r| r.names.get(locale).to_owned()).unwrap_or_default();
            let due = format::date(c.deadline, locale);
            let status = labels::term("commitment-status", c.status, locale);
            let source = dataset.sources.get(c.source).map(|s| Cited::of(s, locale));
            if !sources.contains(&c.source) {
                sources.push(c.source);
            }
            let task = c.task.get(locale).to_owned();
            let detail = tr_args(
                locale,
                "mark-detail-task",
                &[
                    ("task", task.as_str().into()),
                    ("due", due.as_str().into()),
                    ("status", status.as_str().into()),
                    ("source", source.as_ref().map(|s| s.text.clone()).unwrap_or_default().into()),
                ],
            );
            Mark {
                group: region,
                label: task,
                value: f64::from(month_index(c.deadline)),
                number: due.clone(),
                unit: String::new(),
                text: due,
                qualifier: Default::default(),
                hollow: c.status != CommitmentStatus::Done,
                status,
                detail,
                source,
                figure: None,
                place: Place::Due { month: month_index(c.deadline) },
            }
        })
        .collect();
    let busiest = (first..=last)
        .map(|month| (month, marks.iter().filter(|m| m.place == Place::Due { month }).count()))
        .max_by_key(|(month, count)| (*count, -month))?;
    let month_labels = (first..=last)
        .filter(|m| m.rem_euclid(12) == 0 || *m == first)
        .map(|m| (m, format::date(month_date(m), locale)))
        .collect();
    let summary = tr_args(
        locale,
        "chart-summary-timeline",
        &[
            ("count", marks.len().into()),
            ("first", format::date(month_date(first), locale).into()),
            ("last", format::date(month_date(last), locale).into()),
            ("busiest", format::date(month_date(busiest.0), locale).into()),
            ("busiestCount", busiest.1.into()),
        ],
    );
    Some(Chart {
        id: "commitments".into(),
        title: tr(locale, "chart-commitments-title"),
        subtitle: tr(locale, "chart-commitments-subtitle"),
        unit: tr(locale, "chart-unit-month"),
        summary,
        notes: vec![tr(locale, "chart-key-task")],
        sources: sources
            .iter()
            .filter_map(|&i| dataset.sources.get(i))
            .map(|s| Cited::of(s, locale))
            .collect(),
        group_heading: tr(locale, "chart-col-region"),
        label_heading: tr(locale, "chart-col-task"),
        marks,
        body: Body::Timeline { months: (first, last), month_labels },
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chart::catalogue::tests::default_dataset;

    #[test]
    fn every_task_sits_in_its_month_and_the_summary_names_the_busiest() {
        let d = default_dataset();
        let chart = timeline(&d, Locale::ZhHans).expect("timeline");
        assert_eq!(chart.marks.len(), d.commitments.len());
        let Body::Timeline { months, .. } = chart.body else { panic!("timeline") };
        assert_eq!(months, (2018 * 12 + 2, 2020 * 12 + 11));
        assert_eq!(chart.summary, "共47项任务，截止时间从2018年3月到2020年12月；到期最集中的是2020年12月（14项）。");
        let en = timeline(&d, Locale::En).expect("timeline");
        assert_eq!(en.summary, "47 tasks due between March 2018 and December 2020; most fall due in December 2020 (14).");
    }
}
