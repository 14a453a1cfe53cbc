//! Dates: days, months and years, resolved against the publication date.
//!
//! Examples (published Saturday 2025-08-16): "on Friday", "Friday's
//! meeting" → 2025-08-15; "at the White House in February" → 2025-02;
//! "February 2022" → 2022-02; "invasion of Ukraine in 2022" → 2022;
//! "August 15, 2025" → 2025-08-15. A weekday or month is the latest one on
//! or before publication unless its clause speaks of the future before it
//! ("will travel to Washington on Monday" → 2025-08-18).
//!
//! Without a publication date, weekdays and bare months are compared only
//! with the same words in other undated articles.
//! Rules: `rules/date.toml`.
//!
//! Known gaps: "today", "yesterday", "last week" are not read (aggregator
//! copies carry a later publication date than the story, so "today" would
//! mislead); "Aug. 15" needs the abbreviation rule.

use super::Extractor;
use super::numeric::{MatchContext, Reading, extract_with};
use crate::clean::Document;
use crate::fact::{Fact, Kind, Value};
use crate::interval::Interval;
use crate::normalise::subjects::clause;
use crate::normalise::time;
use crate::rules::Rules;
use chrono::{Datelike, Duration, NaiveDate};
use regex::Captures;

pub struct Date;

impl Extractor for Date {
    fn kind(&self) -> Kind {
        Kind::Date
    }
    fn extract(&self, doc: &Document, rules: &Rules) -> Vec<Fact> {
        extract_with(Kind::Date, doc, rules, read)
    }
}

/// Words before a weekday or month in its clause that put it in the future.
const FUTURE: [&str; 8] = [
    "will",
    "would",
    "next",
    "scheduled",
    "upcoming",
    "plans",
    "planned",
    "set",
];

fn read(caps: &Captures, ctx: &MatchContext) -> Option<Reading> {
    let year: Option<i32> = caps.name("year").and_then(|m| m.as_str().parse().ok());
    let month = caps
        .name("month")
        .and_then(|m| time::month_number(m.as_str()));
    let day: Option<u32> = caps.name("day").and_then(|m| m.as_str().parse().ok());
    let weekday = caps.name("weekday").and_then(|m| time::weekday(m.as_str()));
    let published = ctx.doc.published;
    let future = || {
        let (sentence, span) = ctx.sentence();
        let (lo, _) = clause(sentence, span);
        sentence[lo..span.0]
            .split(|c: char| !c.is_alphanumeric())
            .any(|w| FUTURE.contains(&w.to_lowercase().as_str()))
    };
    let dates =
        |from: NaiveDate, to: NaiveDate, relative: bool| Value::Dates { from, to, relative };
    let value = match (year, month, day, weekday) {
        (Some(y), Some(m), Some(d), _) => {
            let from = NaiveDate::from_ymd_opt(y, m, d)?;
            dates(from, from + Duration::days(1), false)
        }
        (None, Some(m), Some(d), _) => match published {
            Some(p) => {
                let (first, _) = time::resolve_month(m, p, future());
                let from = NaiveDate::from_ymd_opt(first.year(), m, d)?;
                dates(from, from + Duration::days(1), true)
            }
            None => undated(m as f64 * 100.0 + d as f64, "month-day (undated)"),
        },
        (Some(y), Some(m), None, _) => {
            let (from, to) = time::month_range(y, m);
            dates(from, to, false)
        }
        (Some(y), None, None, _) => {
            let (from, to) = time::year_range(y)?;
            dates(from, to, false)
        }
        (None, Some(m), None, _) => match published {
            Some(p) => {
                let (from, to) = time::resolve_month(m, p, future());
                dates(from, to, true)
            }
            None => undated(m as f64, "month (undated)"),
        },
        (None, None, None, Some(w)) => match published {
            Some(p) => {
                let day = time::resolve_weekday(w, p, future());
                dates(day, day + Duration::days(1), true)
            }
            None => undated(w.num_days_from_monday() as f64, "weekday (undated)"),
        },
        _ => return None,
    };
    Some(Reading {
        value,
        hedge: None,
        subject: None,
    })
}

fn undated(x: f64, unit: &str) -> Value {
    Value::Quantity {
        interval: Interval::point(x),
        unit: unit.into(),
        noun: None,
    }
}
