//! Ages: how old something is — "3-1/2-year-old war" → [3.25, 3.75] years,
//! "3½ year conflict", "now in its fourth year" → [3, 4) years.
//!
//! Rules: `rules/age.toml`.
//!
//! Known gaps: people's ages ("Putin, 72,") are not read; "in the fourth
//! year of the war" needs the subject after the ordinal.

use super::Extractor;
use super::numeric::{MatchContext, Reading, extract_with, hedge_of, unit_years};
use crate::clean::Document;
use crate::fact::{Fact, Kind, Value};
use crate::interval::Interval;
use crate::normalise::{hedges, numbers};
use crate::rules::Rules;
use regex::Captures;

pub struct Age;

impl Extractor for Age {
    fn kind(&self) -> Kind {
        Kind::Age
    }
    fn extract(&self, doc: &Document, rules: &Rules) -> Vec<Fact> {
        extract_with(Kind::Age, doc, rules, read)
    }
}

fn read(caps: &Captures, ctx: &MatchContext) -> Option<Reading> {
    let per_unit = unit_years(caps.name("unit")?.as_str())?;
    let (hedge, words) = hedge_of(caps, ctx);
    let interval = if let Some(ord) = caps.name("ord") {
        let n = numbers::parse_ordinal(ord.as_str())? as f64;
        Interval::half_open((n - 1.0) * per_unit, n * per_unit)
    } else {
        let n = numbers::parse(caps.name("num")?.as_str())?;
        hedges::apply(hedge, n).scale(per_unit)
    };
    Some(Reading {
        value: Value::Quantity {
            interval,
            unit: "years".into(),
            noun: None,
        },
        hedge: words,
        subject: None,
    })
}
