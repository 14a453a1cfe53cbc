//! Percentages: "47 percent", "47%", "3.2 per cent", "nearly 70%", ranges
//! ("3 to 4 percent"), changes with both ends ("lowered to 47% from 57%",
//! "from 57% to 47%") and percentage points ("2 percentage points", "25
//! basis points"), a unit of its own: a rise of 2 points is not 2%.
//!
//! The value is the interval of the percentage (47 → [46.5, 47.5]) in unit
//! `percent`, or `percentage points`. A change's value is the new level,
//! the old one kept in `from`.
//!
//! A percentage of a whole ("about 20% of Ukraine", "over 77% of its
//! network") is a share: counts read it as a fraction of that whole, so it
//! meets "one-fifth of Ukraine" (see `count.percent-of` in
//! `rules/count.toml`); this extractor leaves it alone.
//!
//! Rules: `rules/percent.toml`.
//!
//! "minus 0.3 percent" is below zero; "percentage" and "percents" are
//! read as the unit word, except in "percentage points".
//!
//! Known gaps: "-0.3%" (a sign with no word) is read without its sign
//! unless a range reads it; "a third" of something is a count share, never a percentage;
//! "percent" written far from its number ("47, or percent") is not read;
//! what the percentage is of (a tariff, a vote) is left to grouping.

use super::Extractor;
use super::numeric::{MatchContext, Reading, extract_with, hedge_of};
use crate::clean::Document;
use crate::fact::{Fact, Kind, Value};
use crate::interval::Interval;
use crate::normalise::{hedges, numbers};
use crate::rules::Rules;
use regex::Captures;

pub struct Percent;

impl Extractor for Percent {
    fn kind(&self) -> Kind {
        Kind::Percent
    }
    fn extract(&self, doc: &Document, rules: &Rules) -> Vec<Fact> {
        extract_with(Kind::Percent, doc, rules, read)
    }
}

/// A bare percentage: X ± half its rounding step, never the whole-number
/// reading counts use.
fn level(num: &str, hedge: Option<&hedges::Hedge>) -> Option<Interval> {
    let n = numbers::parse(num)?;
    if !n.value.is_finite() || n.value > 1e6 {
        return None;
    }
    Some(hedges::apply(hedge, n))
}

fn read(caps: &Captures, ctx: &MatchContext) -> Option<Reading> {
    let num = caps.name("num")?.as_str();
    if matches!(num.to_lowercase().as_str(), "a" | "an") {
        return None;
    }
    // "20% of Ukraine" is a share: counts read it.
    let after = ctx.next_lower(32);
    if caps.name("num2").is_none()
        && caps.name("old").is_none()
        && caps.name("pts").is_none()
        && after.starts_with("of ")
    {
        return None;
    }
    // "30 percentage points" is a change, read by its own rule.
    if caps.name("pts").is_none()
        && caps
            .get(0)?
            .as_str()
            .to_ascii_lowercase()
            .ends_with("percentage")
        && after.starts_with("point")
    {
        return None;
    }
    let (hedge, words) = hedge_of(caps, ctx);
    let mut interval = match caps.name("num2") {
        Some(m) => {
            let (lo, hi) = (
                numbers::parse(num)?.value,
                numbers::parse(m.as_str())?.value,
            );
            if lo > hi {
                return None;
            }
            Interval::closed(lo, hi)
        }
        None => level(num, hedge)?,
    };
    // "minus 0.3 percent": a fall, below zero.
    if caps.name("neg").is_some() {
        if hedge.is_some() {
            return None;
        }
        interval = Interval {
            lo: -interval.hi,
            hi: -interval.lo,
            lo_open: interval.hi_open,
            hi_open: interval.lo_open,
        };
    }
    let mut unit = "percent";
    if let Some(p) = caps.name("pts") {
        unit = "percentage points";
        let p = p.as_str().to_lowercase();
        if p.starts_with("basis") || p == "bps" {
            interval = interval.scale(0.01);
        }
    }
    let from = match caps.name("old") {
        Some(m) => Some(level(m.as_str(), None)?),
        None => None,
    };
    Some(Reading {
        value: Value::Percent {
            interval,
            unit,
            from: from.map(Box::new),
        },
        hedge: words,
        subject: None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fact::Relation;

    fn facts(text: &str) -> Vec<Fact> {
        let rules = Rules::embedded().unwrap();
        let doc = crate::clean::example_document(text, None, &rules);
        crate::extract::extract(&doc, &rules)
    }

    fn percent(text: &str) -> Fact {
        let f: Vec<Fact> = facts(text)
            .into_iter()
            .filter(|f| f.kind == Kind::Percent)
            .collect();
        assert_eq!(
            f.len(),
            1,
            "{text}: {:?}",
            f.iter().map(|f| &f.text).collect::<Vec<_>>()
        );
        f[0].clone()
    }

    #[test]
    fn tariff_cut_told_two_ways_agrees() {
        // Trump-Xi meeting in Busan, October 2025.
        let a = percent("Trump agreed to reduce tariffs on Chinese goods to 47 percent.");
        let b = percent("The overall tariff on Chinese goods will be lowered to 47% from 57%.");
        assert_eq!(a.text, "47 percent");
        assert_eq!(b.text, "47% from 57%");
        assert_eq!(a.value.relation(&b.value), Relation::Same);
        let Value::Percent { from, .. } = &b.value else {
            panic!()
        };
        assert_eq!(from.as_ref().map(|f| f.lo), Some(56.5));
    }

    #[test]
    fn points_are_not_percent() {
        let pts = percent("Unemployment rose 2 percentage points in a year.");
        let pct = percent("Unemployment rose 2% in a year.");
        assert_eq!(pts.value.unit(), "percentage points");
        assert_eq!(pts.value.relation(&pct.value), Relation::Incomparable);
    }

    #[test]
    fn inflation_and_vote_shares_of_other_news() {
        let a = percent("Annual inflation eased to 3.2 per cent in September.");
        let b = percent("Inflation fell to 3.4% in September, the statistics office said.");
        assert_eq!(a.value.relation(&b.value), Relation::Disjoint);
        let hedged = percent("Turnout was nearly 70%.");
        assert_eq!(hedged.hedge.map(crate::words::Word::as_str), Some("nearly"));
    }

    #[test]
    fn a_share_of_a_whole_stays_a_count() {
        // "about 20% of Ukraine" must still meet "one-fifth of Ukraine".
        let f = facts("Russia controls about 20% of Ukraine.");
        assert!(f.iter().all(|f| f.kind != Kind::Percent));
        assert!(
            f.iter()
                .any(|f| f.kind == Kind::Count && f.text == "about 20% of Ukraine")
        );
        let g = facts("The outage cut over 77% of its network.");
        assert!(g.iter().all(|f| f.kind != Kind::Percent));
    }

    #[test]
    fn fentanyl_tariff_both_levels() {
        // Busan, October 2025: "20% ... reduced to 10%".
        let f: Vec<Fact> = facts(
            "Trump said the 20% tariffs on China related to fentanyl were being reduced to 10%.",
        )
        .into_iter()
        .filter(|f| f.kind == Kind::Percent)
        .collect();
        let texts: Vec<&str> = f.iter().map(|f| &*f.text).collect();
        assert_eq!(texts, ["20%", "10%"]);
    }

    #[test]
    fn a_fall_below_zero_and_other_unit_words() {
        // An economy shrinking, and a poll written with "percentage".
        let a = percent("The economy grew by minus 0.3 percent in the third quarter.");
        let iv = a.value.interval().unwrap();
        assert!(iv.hi < 0.0 && iv.lo <= -0.3 && -0.3 <= iv.hi, "{iv}");
        let b = percent("Support for the plan rose to 30 percentage in the poll.");
        assert_eq!(b.text, "30 percentage");
        let c = percent("Rates rose by 30 percentage points.");
        assert_eq!(c.value.unit(), "percentage points");
    }
}
