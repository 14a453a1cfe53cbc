//! Time since: when something last happened, from "the first … since YEAR"
//! and "the first / deadliest … in N years".
//!
//! Examples: "their first meeting since 2019" → last occurrence in 2019;
//! "first face-to-face meeting with Putin in six years", published
//! 2025-08-16 → last occurrence between 2018-08-17 and 2019-08-16;
//! "the deadliest conflict in Europe in 80 years" = "in eight decades".
//!
//! Without a publication date a window stays relative ("6 years before
//! publication") and is compared only with other relative windows.
//! Rules: `rules/since.toml`.
//!
//! Known gaps: "since the 2019 G20 summit" (an event, not a year) and "for
//! the first time since he took office" are not read.

use super::Extractor;
use super::numeric::{MatchContext, Reading, extract_with, hedge_of, unit_years};
use crate::clean::Document;
use crate::fact::{Fact, Kind, Value};
use crate::interval::Interval;
use crate::normalise::{numbers, time};
use crate::rules::Rules;
use regex::Captures;

pub struct Since;

impl Extractor for Since {
    fn kind(&self) -> Kind {
        Kind::Since
    }
    fn extract(&self, doc: &Document, rules: &Rules) -> Vec<Fact> {
        extract_with(Kind::Since, doc, rules, read)
    }
}

fn read(caps: &Captures, ctx: &MatchContext) -> Option<Reading> {
    let (_, hedge) = hedge_of(caps, ctx);
    let subject = subject(caps, ctx);
    if let Some(year) = caps.name("year") {
        let (from, to) = time::year_range(year.as_str().parse().ok()?)?;
        return Some(Reading {
            value: Value::Dates {
                from,
                to,
                relative: false,
            },
            hedge,
            subject,
        });
    }
    let n = numbers::parse(caps.name("num")?.as_str())?;
    let years = n.value * unit_years(caps.name("unit")?.as_str())?;
    if years < 1.0 {
        return None;
    }
    let value = match ctx.doc.published {
        Some(p) => {
            let (from, to) = time::since_window(years, p)?;
            Value::Dates {
                from,
                to,
                relative: true,
            }
        }
        None => Value::Quantity {
            interval: Interval::half_open(years, years + 1.0),
            unit: "years before publication",
            noun: None,
        },
    };
    Some(Reading {
        value,
        hedge,
        subject,
    })
}

/// The nearest subject, with the superlative in front unless it is
/// "first"/"last": "the deadliest conflict in 80 years" is about the
/// `deadliest war`, and never compared with "the longest war since 1945".
fn subject(caps: &Captures, ctx: &MatchContext) -> Option<(String, String)> {
    let (sentence, span) = ctx.sentence();
    let (id, words) = ctx
        .rules
        .subject_index
        .nearest(sentence, span, Kind::Since)?;
    let word = caps.name("first").map(|m| m.as_str().to_lowercase());
    Some(match word.as_deref() {
        None | Some("first") | Some("last") => (id, words),
        Some(sup) => (format!("{sup} {id}"), words),
    })
}
