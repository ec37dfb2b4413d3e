//! The shown data as CSV: one row per plotted mark, with the columns of the chart's table, the
//! value as a plain number in the chart's unit, and the figure's id for its provenance. Files
//! start with a byte-order mark so spreadsheet programs read them as UTF-8.

use crate::chart::spec::Chart;
use crate::format;
use crate::i18n::{tr, Locale};
use crate::derive::SourcedFigure;
use crate::labels;
use crate::map::choropleth::Row;

/// The UTF-8 byte-order mark that tells Excel the file is UTF-8.
pub const BOM: &str = "\u{feff}";

/// `cell` as a spreadsheet will not run it: text that starts like a formula (`=`, `+`, `-`, `@`,
/// a tab or a carriage return) gets a leading `'`, which spreadsheets show as text. Numbers stay as
/// they are.
fn inert(cell: &str) -> std::borrow::Cow<'_, str> {
    let formula = cell.starts_with(['=', '+', '-', '@', '\t', '\r']);
    if formula && cell.parse::<f64>().is_err() {
        format!("'{cell}").into()
    } else {
        cell.into()
    }
}

/// `rows` under `header` as CSV (RFC 4180 quoting), with a byte-order mark; no cell can start a
/// spreadsheet formula.
pub fn csv<R: AsRef<[String]>>(header: &[String], rows: &[R]) -> String {
    let mut writer = csv::WriterBuilder::new().terminator(csv::Terminator::CRLF).from_writer(Vec::new());
    // Writing to memory cannot fail; a failure would only lose rows, never panic.
    let _ = writer.write_record(header.iter().map(|c| inert(c).into_owned()));
    for row in rows {
        let _ = writer.write_record(row.as_ref().iter().map(|c| inert(c).into_owned()));
    }
    let bytes = writer.into_inner().unwrap_or_default();
    format!("{BOM}{}", String::from_utf8_lossy(&bytes))
}

/// The marks of `chart` as CSV, in `locale`'s words.
pub fn chart_csv(chart: &Chart, locale: Locale) -> String {
    let header: Vec<String> = [chart.group_heading.clone(), chart.label_heading.clone()]
        .into_iter()
        .chain(["chart-col-value", "chart-col-unit", "chart-col-qualifier", "chart-col-status", "chart-col-source", "chart-col-figure"].map(|id| tr(locale, id)))
        .collect();
    let rows: Vec<Vec<String>> = chart
        .marks
        .iter()
        .map(|m| {
            vec![
                m.group.clone(),
                m.label.clone(),
                format::plain(m.value),
                m.unit.clone(),
                labels::term("qualifier", m.qualifier, locale),
                m.status.clone(),
                m.source.as_ref().map(|s| s.text.clone()).unwrap_or_default(),
                m.figure.clone().unwrap_or_default(),
            ]
        })
        .collect();
    csv(&header, &rows)
}

/// The rows of a choropleth's table ([`Choropleth::rows`]) as CSV: region, value as shown, class,
/// source, the region's code and the figure's id.
pub fn choropleth_csv(rows: &[Row], locale: Locale) -> String {
    let header: Vec<String> =
        ["map-col-region", "chart-col-value", "map-col-class", "chart-col-source", "chart-col-code", "chart-col-figure"].map(|id| tr(locale, id)).into();
    let rows: Vec<Vec<String>> = rows
        .iter()
        .map(|r| vec![r.region.clone(), r.value.clone(), r.class.clone(), r.source.as_ref().map(|s| s.text.clone()).unwrap_or_default(), r.region_code.clone(), r.figure.clone()])
        .collect();
    csv(&header, &rows)
}

/// Figures as a figure table lists them: indicator, region, period, value as shown, status, the
/// verbatim quotation and the figure's id.
pub fn figures_csv(lines: &[SourcedFigure], locale: Locale) -> String {
    let header: Vec<String> = ["col-indicator", "col-region", "col-period", "col-value", "col-status", "col-quote", "chart-col-figure"].map(|id| tr(locale, id)).into();
    let rows: Vec<Vec<String>> =
        lines.iter().map(|f| vec![f.indicator.clone(), f.region.clone(), f.period.clone(), f.value.clone(), f.status.clone(), f.quote.clone(), f.id.clone()]).collect();
    csv(&header, &rows)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chart::catalogue::{self, tests::default_dataset};

    #[test]
    fn every_chart_reads_back_as_its_marks() {
        let dataset = default_dataset();
        for locale in Locale::ALL {
            for chart in catalogue::all(&dataset, locale) {
                let text = chart_csv(&chart, locale);
                let body = text.strip_prefix(BOM).expect("starts with a byte-order mark");
                let mut reader = csv::Reader::from_reader(body.as_bytes());
                let header = reader.headers().expect("a header").clone();
                assert_eq!(header.get(0), Some(chart.group_heading.as_str()));
                let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("a row")).collect();
                assert_eq!(rows.len(), chart.marks.len(), "{}", chart.id);
                for (row, mark) in rows.iter().zip(&chart.marks) {
                    assert_eq!((row.get(0), row.get(1)), (Some(mark.group.as_str()), Some(mark.label.as_str())));
                    let value: f64 = row.get(2).and_then(|v| v.parse().ok()).expect("a plain number");
                    assert!((value - mark.value).abs() <= mark.value.abs() * 1e-12, "{}: {value} vs {}", chart.id, mark.value);
                    assert_eq!(row.get(3), Some(mark.unit.as_str()));
                    assert_eq!(row.get(7).unwrap_or(""), mark.figure.as_deref().unwrap_or(""));
                }
            }
        }
    }

    #[test]
    fn a_choropleth_reads_back_as_its_table() {
        use crate::map::choropleth::{choices, choropleth};
        let dataset = default_dataset();
        let selection = choices(&dataset).first().and_then(|c| c.latest()).expect("something to map");
        let map = choropleth(&dataset, &selection, &Default::default(), &crate::map::bins::Binning::Quantile(5), Locale::En, crate::params::Theme::Light);
        let table = map.rows(&dataset, Locale::En);
        let text = choropleth_csv(&table, Locale::En);
        let mut reader = csv::Reader::from_reader(text.trim_start_matches(BOM).as_bytes());
        let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("a row")).collect();
        assert!(!rows.is_empty());
        assert_eq!(rows.len(), table.len());
        for (row, r) in rows.iter().zip(&table) {
            assert_eq!(row.iter().collect::<Vec<_>>(), [r.region.as_str(), &r.value, &r.class, r.source.as_ref().map_or("", |s| &s.text), &r.region_code, &r.figure]);
        }
    }

    #[test]
    fn figures_read_back_with_their_quotations() {
        let dataset = default_dataset();
        let lines = crate::derive::figures_of_indicator(&dataset, 0, Default::default(), Locale::ZhHant);
        let text = figures_csv(&lines, Locale::ZhHant);
        let mut reader = csv::Reader::from_reader(text.trim_start_matches(BOM).as_bytes());
        assert_eq!(reader.headers().expect("a header").len(), 7);
        let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("a row")).collect();
        assert!(!rows.is_empty());
        assert_eq!(rows.len(), lines.len());
        for (row, f) in rows.iter().zip(&lines) {
            assert_eq!((row.get(3), row.get(5), row.get(6)), (Some(f.value.as_str()), Some(f.quote.as_str()), Some(f.id.as_str())));
        }
    }

    #[test]
    fn no_cell_starts_a_formula() {
        let text = csv(&["=h".into()], &[vec!["=HYPERLINK(\"http://x\",\"y\")".to_owned()], vec!["@SUM(A1)".to_owned()], vec!["-12.5".to_owned()], vec!["+1 text".to_owned()]]);
        assert_eq!(text, "\u{feff}'=h\r\n\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"\r\n'@SUM(A1)\r\n-12.5\r\n'+1 text\r\n");
    }

    #[test]
    fn quotes_commas_and_line_breaks() {
        let text = csv(&["a".into(), "b".into()], &[vec!["x, \"y\"".to_owned(), "1\n2".to_owned()]]);
        assert_eq!(text, "\u{feff}a,b\r\n\"x, \"\"y\"\"\",\"1\n2\"\r\n");
    }
}
