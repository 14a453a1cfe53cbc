//! Counts: how many of something — "well over a million people" killed or
//! injured, "hundreds of children", "one-fifth of Ukraine", "at least five
//! provinces", "26 European Union leaders", "four F-35 jet fighters", and
//! levels that count people: "the death toll rose to 48", "a crowd of
//! 64,000".
//!
//! The value is an interval of the quantity; the unit is the counted noun,
//! so counts of different things are never compared. The subject is a
//! subject word right next to the figure ("killed or injured"), else the
//! counted noun.
//!
//! Not counts: "a"/"an"/"one" alone, years, references back to people
//! already named ("the two leaders", up to three after "the", "their",
//! "both" …; "the eight items of stolen jewellery" is a count), model
//! names ("F-35", "G20"): see the `skip` list of `rules/count.toml`.
//!
//! Percentages of a whole ("about 20% of Ukraine") are read as shares, like
//! fractions ("one-fifth of Ukraine").
//!
//! Known gaps: money and percentages that are not of a whole ("inflation
//! rose 3%") are not read; a count written after its noun ("children,
//! hundreds of them") is missed.

use super::Extractor;
use super::numeric::{MatchContext, Reading, extract_with, hedge_of};
use crate::clean::Document;
use crate::fact::{Fact, Kind, Value};
use crate::interval::Interval;
use crate::normalise::subjects::words_between;
use crate::normalise::{hedges, numbers};
use crate::rules::Rules;
use regex::Captures;

pub struct Count;

impl Extractor for Count {
    fn kind(&self) -> Kind {
        Kind::Count
    }
    fn extract(&self, doc: &Document, rules: &Rules) -> Vec<Fact> {
        extract_with(Kind::Count, doc, rules, read)
    }
}

/// Words before a small number that make it a reference, not a claim.
const ANAPHORA: [&str; 7] = ["the", "their", "both", "these", "those", "its", "all"];
/// Numbers up to this after [`ANAPHORA`] refer to people or things the
/// text has named ("the two leaders", "the three men"); larger ones state
/// a count of their own ("The eight items of stolen jewellery", "the four
/// slick crooks").
const ANAPHORA_MAX: f64 = 3.0;

/// A subject word at most this many words from the figure is its subject.
const SUBJECT_REACH: usize = 2;

fn read(caps: &Captures, ctx: &MatchContext) -> Option<Reading> {
    let num = caps.name("num")?.as_str();
    let lower = num.to_lowercase();
    if matches!(lower.as_str(), "a" | "an" | "one") {
        return None;
    }
    // "a quarter of a million people": the fraction is of the scale, which
    // the number rule reads whole; "a quarter" of "a million people" is not
    // the count.
    if let Some(noun) = caps.name("noun") {
        let mut words = noun.as_str().split_whitespace().map(str::to_lowercase);
        if let (Some(a), Some(b)) = (words.next(), words.next())
            && matches!(a.as_str(), "a" | "an")
            && numbers::LARGE_SCALES.contains(&b.trim_end_matches('s'))
        {
            return None;
        }
    }
    let n = numbers::parse(num)?;
    let is_year = num.len() == 4
        && num.chars().all(|c| c.is_ascii_digit())
        && (1500.0..=2100.0).contains(&n.value);
    if is_year {
        return None;
    }
    let (hedge, words) = hedge_of(caps, ctx);
    if hedge.is_none() && n.vague.is_none() && n.value <= ANAPHORA_MAX {
        let prev = ctx.before().split_whitespace().next_back().unwrap_or("");
        if ANAPHORA.contains(&prev.to_lowercase().as_str()) {
            return None;
        }
    }
    // A count may leave its noun out next to a casualty word ("injuring
    // more than 300", "400 were injured"): it counts people. So does a
    // level ("the death toll rose to 48", "a crowd of 64,000"), whose
    // word names what it is.
    let level = caps.name("level").map(|m| m.as_str());
    let noun = caps
        .name("noun")
        .map(|m| m.as_str())
        .or(level)
        .unwrap_or("");
    let head = match noun.split_whitespace().last().map(str::to_lowercase) {
        _ if level.is_some() => "people".to_string(),
        Some(w) if w == "others" => "people".to_string(),
        Some(w) => w,
        None => "people".to_string(),
    };
    // After "of", a singular common noun is counted only in shares ("half
    // of the vote"); "a couple of big ones" counts no "big".
    let singular = !head.ends_with('s')
        && ![
            "people",
            "children",
            "men",
            "women",
            "police",
            "staff",
            "personnel",
        ]
        .contains(&head.as_str())
        && !noun.starts_with(char::is_uppercase);
    if singular && n.value >= 1.0 && caps.name("pct").is_none() {
        return None;
    }
    let not_noun = ctx
        .rules
        .patterns_for(Kind::Count)
        .is_some_and(|p| p.not_nouns.contains(&head));
    if not_noun {
        return None;
    }
    let interval = match caps.name("num2") {
        Some(m) => Interval::closed(n.value, numbers::parse(m.as_str())?.value),
        // Things are counted in whole units: a bare "three people" is
        // exactly 3, never 2.5 to 3.5 (which would touch "two people").
        None if hedge.is_none()
            && caps.name("pct").is_none()
            && n.vague.is_none()
            && n.step == 1.0
            && n.value.fract() == 0.0 =>
        {
            Interval::point(n.value)
        }
        None => hedges::apply(hedge, n),
    };
    // "20% of Ukraine" is the share 0.2, like "one-fifth of Ukraine".
    let interval = if caps.name("pct").is_some() {
        interval.scale(0.01)
    } else {
        interval
    };
    // A share of a whole is at most all of it: "more than a third of
    // Jamaicans" is (1/3, 1], not (1/3, ∞], and no rounding step of a
    // fraction bounds it below that.
    let share = caps.name("pct").is_some() || (n.value < 1.0 && n.vague.is_none());
    let open_above = hedge.is_some_and(|h| h.implied_upper || h.hi.is_infinite());
    let interval = if share && interval.lo < 1.0 && (interval.hi > 1.0 || open_above) {
        Interval {
            hi: 1.0,
            hi_open: false,
            ..interval
        }
    } else {
        interval
    };
    let (sentence, span) = ctx.sentence();
    let near = ctx
        .rules
        .subject_index
        .nearest_hit(sentence, span, Kind::Count)
        .filter(|h| {
            let gap = if h.end <= span.0 {
                &sentence[h.end..span.0]
            } else {
                &sentence[span.1.min(h.start)..h.start]
            };
            words_between(gap) <= SUBJECT_REACH
        });
    let subject = match near {
        Some(h) => (h.id, h.words),
        None if noun.is_empty() => return None,
        None => (head.clone(), noun.to_string()),
    };
    Some(Reading {
        value: Value::Quantity {
            interval,
            unit: "count",
            noun: Some(crate::words::intern(&head)),
        },
        hedge: words,
        subject: Some(subject),
    })
}
