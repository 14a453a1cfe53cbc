//! Durations: how long something lasted or will last.
//!
//! Examples (from the alaska-summit corpus): "the nearly three-hour talks"
//! → [2.4 h, 3 h); "for less than three hours" → [0, 3 h); "the over
//! three-hour meeting" → (3 h, ∞]; "within 24 hours" → [0, 24 h]; "in just a
//! day" → [12 h, 36 h]; "three to four hours" → [3 h, 4 h].
//!
//! Values are in seconds. Rules: `rules/duration.toml`.
//!
//! Known gaps: "half an hour", "an hour and a half" and clock times
//! ("from 11:30 to 14:15") are not read.

use super::Extractor;
use super::numeric::{MatchContext, Reading, extract_with, hedge_of, unit_seconds};
use crate::clean::Document;
use crate::fact::{Fact, Kind, Value};
use crate::interval::Interval;
use crate::normalise::{hedges, numbers};
use crate::rules::Rules;
use regex::Captures;

pub struct Duration;

impl Extractor for Duration {
    fn kind(&self) -> Kind {
        Kind::Duration
    }
    fn extract(&self, doc: &Document, rules: &Rules) -> Vec<Fact> {
        extract_with(Kind::Duration, doc, rules, read)
    }
}

fn read(caps: &Captures, ctx: &MatchContext) -> Option<Reading> {
    let unit_word = caps.name("unit")?.as_str();
    let unit = unit_seconds(unit_word)?;
    let num = caps.name("num")?.as_str();
    // "a second meeting" is an ordinal, not one second.
    if unit_word.eq_ignore_ascii_case("second") && matches!(num.to_lowercase().as_str(), "a" | "an")
    {
        return None;
    }
    let n = numbers::parse(num)?;
    let (hedge, words) = hedge_of(caps, ctx);
    let interval = match caps.name("num2") {
        Some(m) => Interval::closed(n.value, numbers::parse(m.as_str())?.value),
        None => hedges::apply(hedge, n),
    };
    Some(Reading {
        value: Value::Quantity {
            interval: interval.scale(unit),
            unit: "s".into(),
            noun: None,
        },
        hedge: words,
        subject: None,
    })
}
