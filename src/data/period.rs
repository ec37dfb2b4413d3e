//! Periods as published: a year (`2017`), a month (`2018-10`), a day (`2018-04-28`), or a range of
//! those (`2016/2017`, `2018-01/2018-10`) whose start may be unstated (`../2018-04-28`).

use std::fmt;

/// A calendar date as precise as the source gives it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: u16,
    /// 1–12, if stated.
    pub month: Option<u8>,
    /// 1–31, if stated (only with a month).
    pub day: Option<u8>,
}

impl Date {
    /// The first day the date covers, as `(year, month, day)`.
    fn first_day(self) -> (u16, u8, u8) {
        (self.year, self.month.unwrap_or(1), self.day.unwrap_or(1))
    }

    /// The last day the date covers, as `(year, month, day)`.
    fn last_day(self) -> (u16, u8, u8) {
        let month = self.month.unwrap_or(12);
        (self.year, month, self.day.unwrap_or_else(|| days_in_month(self.year, month)))
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}", self.year)?;
        if let Some(m) = self.month {
            write!(f, "-{m:02}")?;
        }
        if let Some(d) = self.day {
            write!(f, "-{d:02}")?;
        }
        Ok(())
    }
}

/// A published period: one date, or a range from `start` (unstated when `None`) to `end`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Period {
    /// A single year, month or day: for a stock the date of the level, for a flow the span it covers.
    Date(Date),
    Range { start: Option<Date>, end: Date },
}

impl Period {
    /// The date the period ends on (for a stock, the date of the level).
    pub fn end(&self) -> Date {
        match *self {
            Period::Date(d) | Period::Range { end: d, .. } => d,
        }
    }

    /// Whether it is a single date rather than a range.
    pub fn is_date(&self) -> bool {
        matches!(self, Period::Date(_))
    }
}

impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Period::Date(d) => write!(f, "{d}"),
            Period::Range { start: Some(s), end } => write!(f, "{s}/{end}"),
            Period::Range { start: None, end } => write!(f, "../{end}"),
        }
    }
}

/// Why a period or date could not be read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PeriodError {
    /// Not of the form `YYYY`, `YYYY-MM`, `YYYY-MM-DD` or a range of those.
    Syntax,
    /// A month outside 1–12 or a day the month does not have.
    NoSuchDate,
    /// The range ends before it starts.
    EndsBeforeStart,
}

impl std::str::FromStr for Date {
    type Err = PeriodError;

    fn from_str(text: &str) -> Result<Date, PeriodError> {
        let mut parts = text.split('-');
        let year = number(parts.next(), 4)?;
        let month = parts.next().map(|m| number(Some(m), 2)).transpose()?;
        let day = parts.next().map(|d| number(Some(d), 2)).transpose()?;
        if parts.next().is_some() {
            return Err(PeriodError::Syntax);
        }
        let year = u16::try_from(year).map_err(|_| PeriodError::Syntax)?;
        let month = month.map(|m| u8::try_from(m).map_err(|_| PeriodError::NoSuchDate)).transpose()?;
        let day = day.map(|d| u8::try_from(d).map_err(|_| PeriodError::NoSuchDate)).transpose()?;
        if let Some(m) = month {
            if !(1..=12).contains(&m) {
                return Err(PeriodError::NoSuchDate);
            }
            if day.is_some_and(|d| d == 0 || d > days_in_month(year, m)) {
                return Err(PeriodError::NoSuchDate);
            }
        }
        Ok(Date { year, month, day })
    }
}

impl std::str::FromStr for Period {
    type Err = PeriodError;

    fn from_str(text: &str) -> Result<Period, PeriodError> {
        let Some((start, end)) = text.split_once('/') else {
            return text.parse().map(Period::Date);
        };
        let end: Date = end.parse()?;
        let start = if start == ".." { None } else { Some(start.parse::<Date>()?) };
        if start.is_some_and(|s| s.first_day() > end.last_day()) {
            return Err(PeriodError::EndsBeforeStart);
        }
        Ok(Period::Range { start, end })
    }
}

/// Exactly `digits` ASCII digits.
fn number(part: Option<&str>, digits: usize) -> Result<u32, PeriodError> {
    match part {
        Some(p) if p.len() == digits && p.bytes().all(|b| b.is_ascii_digit()) => p.parse().map_err(|_| PeriodError::Syntax),
        _ => Err(PeriodError::Syntax),
    }
}

fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        2 if year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(year: u16, month: Option<u8>, day: Option<u8>) -> Date {
        Date { year, month, day }
    }

    #[test]
    fn reads_years_months_days_and_ranges() {
        assert_eq!("2017".parse(), Ok(Period::Date(date(2017, None, None))));
        assert_eq!("2018-04-28".parse(), Ok(Period::Date(date(2018, Some(4), Some(28)))));
        assert_eq!(
            "2018-01/2018-10".parse(),
            Ok(Period::Range { start: Some(date(2018, Some(1), None)), end: date(2018, Some(10), None) })
        );
        assert_eq!("../2018-04-28".parse(), Ok(Period::Range { start: None, end: date(2018, Some(4), Some(28)) }));
    }

    #[test]
    fn writes_what_it_reads() {
        for text in ["2017", "2018-10", "2018-04-28", "2016/2017", "../2018-04-28", "2018-01/2018-10"] {
            assert_eq!(text.parse::<Period>().map(|p| p.to_string()).as_deref(), Ok(text));
        }
    }

    #[test]
    fn rejects_what_is_not_a_period() {
        for text in ["", "17", "2017-1", "2017/", "2017-01-01-01", "二〇一七", "2017 ", "2017-10..", "../..", "2017//2018"] {
            assert_eq!(text.parse::<Period>(), Err(PeriodError::Syntax), "{text:?}");
        }
        for text in ["2017-13", "2017-00", "2018-02-29", "2018-04-31", "2018-04-00"] {
            assert_eq!(text.parse::<Period>(), Err(PeriodError::NoSuchDate), "{text:?}");
        }
        assert_eq!("2020-02-29".parse::<Period>().map(|p| p.end().day), Ok(Some(29)));
        assert_eq!("2018/2017".parse::<Period>(), Err(PeriodError::EndsBeforeStart));
        assert_eq!("2018-03/2018-02".parse::<Period>(), Err(PeriodError::EndsBeforeStart));
        assert!("2018/2018-03".parse::<Period>().is_ok(), "a range may end inside the year it starts");
    }
}
