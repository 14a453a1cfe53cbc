//! Relative time against the publication date: weekdays ("on Friday"),
//! months without a year ("in February"), and "first … in N years" windows.
//!
//! Known gaps: "last week" and "next month" are not read; a weekday or month
//! is taken as the latest one on or before the publication date unless its
//! clause speaks of the future ("will", "next", "expected").

use chrono::{Datelike, Duration, Months, NaiveDate, Weekday};

pub const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

pub const WEEKDAYS: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// Whether a word names a month or a weekday, in any case.
pub fn is_calendar_word(word: &str) -> bool {
    MONTHS
        .iter()
        .chain(WEEKDAYS.iter())
        .any(|m| m.eq_ignore_ascii_case(word))
}

/// 1-based month number of a month name or its abbreviation ("Oct",
/// "Jan.", "Sept").
pub fn month_number(name: &str) -> Option<u32> {
    let n = name.trim_end_matches('.').to_lowercase();
    let n = if n == "sept" { "sep".to_string() } else { n };
    MONTHS
        .iter()
        .position(|m| *m == n || (n.len() == 3 && m.starts_with(&n)))
        .map(|i| i as u32 + 1)
}

/// The regular expression for a month name or abbreviation, the
/// abbreviation with an optional full stop: `{month}` in rule patterns.
pub fn month_pattern() -> String {
    format!(
        r"(?:(?:{})\b|(?:jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)(?:\.|\b))",
        MONTHS.join("|")
    )
}

/// The day a word for a day near publication names: "today", "yesterday",
/// "tomorrow".
pub fn deictic_day(word: &str, published: NaiveDate) -> Option<NaiveDate> {
    let offset = match word.to_lowercase().as_str() {
        "today" => 0,
        "yesterday" => -1,
        "tomorrow" => 1,
        _ => return None,
    };
    Some(published + Duration::days(offset))
}

pub fn weekday(name: &str) -> Option<Weekday> {
    let n = name.to_lowercase();
    let n = n.trim_end_matches("'s").trim_end_matches("’s");
    let i = WEEKDAYS.iter().position(|d| *d == n)?;
    Weekday::try_from(i as u8).ok()
}

/// The day a weekday names, relative to `published`: the latest such day on
/// or before it, or the first after it when `future`.
pub fn resolve_weekday(day: Weekday, published: NaiveDate, future: bool) -> NaiveDate {
    let p = published.weekday().num_days_from_monday() as i64;
    let d = day.num_days_from_monday() as i64;
    if future {
        let ahead = (d - p).rem_euclid(7);
        published + Duration::days(if ahead == 0 { 7 } else { ahead })
    } else {
        published - Duration::days((p - d).rem_euclid(7))
    }
}

/// The month `[first day, first day of next month)` a bare month name means.
pub fn resolve_month(month: u32, published: NaiveDate, future: bool) -> (NaiveDate, NaiveDate) {
    let mut year = published.year();
    if future && month <= published.month() {
        year += 1;
    } else if !future && month > published.month() {
        year -= 1;
    }
    month_range(year, month)
}

/// `[first day of month, first day of next month)`.
pub fn month_range(year: i32, month: u32) -> (NaiveDate, NaiveDate) {
    let from = NaiveDate::from_ymd_opt(year, month.clamp(1, 12), 1).unwrap_or_default();
    (from, from + Months::new(1))
}

/// `[1 January, 1 January next year)`.
pub fn year_range(year: i32) -> Option<(NaiveDate, NaiveDate)> {
    let from = NaiveDate::from_ymd_opt(year, 1, 1)?;
    Some((from, NaiveDate::from_ymd_opt(year + 1, 1, 1)?))
}

/// "first … in N years" published on P: the last occurrence lies in
/// (P − (N+1) years, P − N years]; as half-open days
/// `[P − (N+1)y + 1 day, P − N y + 1 day)`.
pub fn since_window(years: f64, published: NaiveDate) -> Option<(NaiveDate, NaiveDate)> {
    let months = (years * 12.0).round();
    if !(0.0..=12_000.0).contains(&months) {
        return None;
    }
    let months = months as u32;
    let near = published.checked_sub_months(Months::new(months))?;
    let far = published.checked_sub_months(Months::new(months + 12))?;
    Some((far + Duration::days(1), near + Duration::days(1)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn friday_before_a_saturday_publication() {
        // The corpus is published Saturday 2025-08-16; "on Friday" is the 15th.
        let p = d(2025, 8, 16);
        assert_eq!(resolve_weekday(Weekday::Fri, p, false), d(2025, 8, 15));
        assert_eq!(resolve_weekday(Weekday::Sat, p, false), p);
        assert_eq!(resolve_weekday(Weekday::Mon, p, true), d(2025, 8, 18));
    }

    #[test]
    fn bare_month_is_the_latest_one() {
        let p = d(2025, 8, 16);
        assert_eq!(resolve_month(2, p, false).0, d(2025, 2, 1));
        assert_eq!(resolve_month(9, p, false).0, d(2024, 9, 1));
        assert_eq!(resolve_month(2, p, true).0, d(2026, 2, 1));
    }

    #[test]
    fn seven_years_and_six_years_windows() {
        let p = d(2025, 8, 16);
        // "first meeting … in seven years": last met between 2017-08-17 and 2018-08-16.
        assert_eq!(since_window(7.0, p), Some((d(2017, 8, 17), d(2018, 8, 17))));
        // "in six years" takes in the Osaka G20 of June 2019.
        let (from, to) = since_window(6.0, p).unwrap();
        assert!(from <= d(2019, 6, 28) && d(2019, 6, 28) < to);
    }
}
