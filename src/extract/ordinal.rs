//! Ordinals: which one of a series — "the 267th pope", "the fourth ballot",
//! "the fourth round of voting", "for the sixth time", "the second day of
//! their conclave".
//!
//! The value is the position, a point on the `ordinal` axis; the subject is
//! the noun ordered ("pope", "ballot", "round"), so only positions of one
//! kind of thing are compared.
//!
//! Not ordinals: "first" and "last" (mostly not positions: "for the first
//! time in years" is a `since` fact), ages ("in its fourth year", read by
//! the age rules first), dates ("21st of May", "May 21st": the `skip`
//! list of `rules/ordinal.toml`).
//!
//! An ordinal that can be no other word ("21st", "twenty-first",
//! "hundredth") is read anywhere, ordering the next lower-case word if one
//! follows ("the 101st birthday"); a "-second" compound before a noun is a
//! duration ("a thirty-second clip").
//!
//! Spelled ordinals from "tenth" on are read anywhere ("an eleventh day",
//! "twentieth anniversary"), with hundreds ("one hundred twenty-fifth",
//! "two hundredth") and with a space or dash in place of the hyphen
//! ("forty fourth", "twenty—fifth"). Before "of" an ordinal is a share or a
//! date ("a tenth of the budget", "the eleventh of November"), never a
//! position.
//!
//! Known gaps: a plain "third" or "fifth" is read only before a listed noun
//! or after a determiner; "forty-second" before a noun is read as a
//! duration ("a forty-second clip" is the likelier reading); "Leo XIV" (Roman
//! numerals) and "No. 2" are not read; "the fourth ballot" and "the fourth
//! round of voting" get different subjects.

use super::Extractor;
use super::numeric::{MatchContext, Reading, extract_with};
use crate::clean::Document;
use crate::fact::{Fact, Kind, Value};
use crate::interval::Interval;
use crate::normalise::numbers;
use crate::rules::Rules;
use regex::Captures;

pub struct Ordinal;

impl Extractor for Ordinal {
    fn kind(&self) -> Kind {
        Kind::Ordinal
    }
    fn extract(&self, doc: &Document, rules: &Rules) -> Vec<Fact> {
        extract_with(Kind::Ordinal, doc, rules, read)
    }
}

/// Words after an ordinal that are no series ("the third party", "a second
/// opinion") or no noun ("the second of", "the fourth largest").
const NOT_ORDERED: &[&str] = &[
    "party", "parties", "hand", "thought", "thoughts", "opinion", "world", "person", "nature",
    "wind", "guess", "fiddle", "rate", "class", "degree", "cousin", "string", "language", "the",
    "and", "of", "or", "in", "on", "at", "to", "for", "with", "from", "by", "was", "is", "are",
    "were", "has", "had", "that", "which", "who", "one", "ones", "time", "year", "years",
    "largest", "biggest", "highest", "lowest", "most", "least", "best", "worst", "oldest",
];

fn read(caps: &Captures, ctx: &MatchContext) -> Option<Reading> {
    let ord_m = caps.name("ord")?;
    let ord = ord_m.as_str();
    // "a fifth of the budget", "the eleventh of November": a share or a
    // date, never a position.
    let whole = caps.get(0)?;
    let tail = &whole.as_str()[ord_m.end() - whole.start()..];
    let tail = if tail.is_empty() {
        ctx.next_lower(4)
    } else {
        tail.to_ascii_lowercase()
    };
    let tail = tail.trim_start();
    if (tail == "of" || tail.starts_with("of ")) && caps.name("place").is_none() {
        return None;
    }
    if ord.eq_ignore_ascii_case("first") && caps.name("tens").is_none() {
        return None;
    }
    let mut n = match ord.to_lowercase().as_str() {
        "sixtieth" => 60,
        "seventieth" => 70,
        "eightieth" => 80,
        "ninetieth" => 90,
        "hundredth" => 100,
        "thousandth" => 1000,
        other => numbers::parse_ordinal(other)?,
    };
    // "twenty-first": tens before a unit ordinal.
    if let Some(t) = caps.name("tens") {
        if n >= 10 {
            return None;
        }
        let tens = [
            "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
        ];
        let i = tens
            .iter()
            .position(|w| t.as_str().eq_ignore_ascii_case(w))?;
        n += 20 + 10 * i as u32;
    }
    // "one hundred twenty-fifth", "two hundredth"; "a tenth", "one fifth"
    // with no hundred between are shares, not positions.
    if let Some(h) = caps.name("hund") {
        let k = match h.as_str().to_ascii_lowercase().as_str() {
            "a" => 1,
            w => numbers::parse(w)?.value as u32,
        };
        match caps.name("hw") {
            Some(w) => {
                let scale = if w.as_str().to_ascii_lowercase().starts_with("thousand") {
                    1000
                } else {
                    100
                };
                n += k * scale;
            }
            None if n == 100 || n == 1000 => n *= k,
            None => return None,
        }
    }
    if n == 0 || n > 100_000 {
        return None;
    }
    // "finished third", "in fourth place": a placing.
    let bare = caps.name("bare").is_some();
    if bare {
        let word = ord.chars().all(|c| c.is_ascii_alphabetic());
        match (caps.name("tens").is_some(), word) {
            // "twenty-1st".
            (true, false) => return None,
            // "first", "third": too often no position; the rules above read them.
            (false, true) if n < 10 => return None,
            // "a tenth of", "the eleventh of November": a share, a date.
            // "a thirty-second clip" is a duration.
            (true, true) if ord.eq_ignore_ascii_case("second") && caps.name("next").is_some() => {
                return None;
            }
            _ => {}
        }
    }
    let noun = match caps.name("noun") {
        Some(m) => m.as_str().to_lowercase(),
        None if caps.name("place").is_some() => "place".to_string(),
        None if bare => caps
            .name("next")
            .map(|m| m.as_str().to_lowercase())
            .filter(|w| !NOT_ORDERED.contains(&w.as_str()))
            .unwrap_or_default(),
        None => return None,
    };
    // Any noun: not idioms, function words, adjectives or units of time
    // ("in its fourth year" is an age).
    if caps.name("any").is_some() && NOT_ORDERED.contains(&noun.as_str()) {
        return None;
    }
    let noun = noun.split_whitespace().collect::<Vec<_>>().join(" ");
    let noun = match noun.as_str() {
        "popes" => "pope".to_string(),
        _ => noun,
    };
    // "Francis was elected in 2013 on the fifth ballot": a position in a
    // past series is about that year's series, not this story's.
    let subject = match past_year(ctx) {
        Some(y) => format!("{noun} ({y})"),
        None => noun.clone(),
    };
    Some(Reading {
        value: Value::Quantity {
            interval: Interval::point(f64::from(n)),
            unit: "ordinal",
            noun: None,
        },
        hedge: None,
        subject: (!noun.is_empty()).then_some((subject, noun)),
    })
}

/// The year nearest the ordinal in its sentence, when it is not the year of
/// publication.
fn past_year(ctx: &MatchContext) -> Option<i32> {
    let (sentence, (a, _)) = ctx.sentence();
    let this_year = ctx.doc.published.map(|d| chrono::Datelike::year(&d));
    let bytes = sentence.as_bytes();
    let mut best: Option<(usize, i32)> = None;
    let mut i = 0;
    while i + 4 <= bytes.len() {
        let digits = bytes[i..i + 4].iter().all(u8::is_ascii_digit);
        let bounded = (i == 0 || !bytes[i - 1].is_ascii_alphanumeric())
            && bytes.get(i + 4).is_none_or(|c| !c.is_ascii_alphanumeric());
        if digits && bounded {
            let year: i32 = sentence[i..i + 4].parse().ok()?;
            if (1800..=2100).contains(&year) {
                let distance = i.abs_diff(a);
                if best.is_none_or(|(d, _)| distance < d) {
                    best = Some((distance, year));
                }
            }
            i += 4;
        } else {
            i += 1;
        }
    }
    best.map(|(_, y)| y).filter(|y| Some(*y) != this_year)
}

#[cfg(test)]
mod tests {
    use crate::fact::{Fact, Kind, Relation};
    use crate::rules::Rules;

    fn ordinals(text: &str) -> Vec<Fact> {
        let rules = Rules::embedded().unwrap();
        let doc = crate::clean::example_document(text, None, &rules);
        crate::extract::extract(&doc, &rules)
            .into_iter()
            .filter(|f| f.kind == Kind::Ordinal)
            .collect()
    }

    #[test]
    fn positions_of_one_series_compare() {
        // pope-leo-xiv-election-2025.
        let a = ordinals("Bells tolled after cardinals elected the 267th pope to lead the Church.");
        let b = ordinals(
            "Prevost becomes the 267th Catholic pope and the first from the United States.",
        );
        assert_eq!(a.len(), 1);
        assert_eq!(b.len(), 1);
        assert_eq!(a[0].subject, "pope");
        assert_eq!(a[0].value.relation(&b[0].value), Relation::Same);
        // trump-xi-busan-2025 and a tennis line.
        let c = ordinals("Trump and Xi met for the sixth time, in Busan.");
        assert_eq!(c[0].value.describe(), "6 ordinal");
        let d = ordinals("She won the title for the seventh time on Sunday.");
        assert_eq!(c[0].value.relation(&d[0].value), Relation::Disjoint);
    }

    #[test]
    fn positions_in_past_series_are_apart() {
        // pope-leo-xiv-election-2025: earlier popes' ballots are other facts.
        let a = ordinals("Jorge Mario Bergoglio was elected in 2013 on the fifth ballot.");
        let b = ordinals(
            "John Paul I, who reigned for 33 days in 1978, was elected on the fourth ballot.",
        );
        let c = ordinals("Leo XIV was chosen on the fourth ballot.");
        assert_eq!(a[0].subject, "ballot (2013)");
        assert_eq!(b[0].subject, "ballot (1978)");
        assert_eq!(c[0].subject, "ballot");
    }

    #[test]
    #[ignore = "gap: regnal and Roman numerals (Leo XIV, Super Bowl LIX) are not read"]
    fn roman_numerals() {
        let a = ordinals("Pope Leo XIV greeted the crowd.");
        assert_eq!(a[0].value.describe(), "14 ordinal");
    }

    #[test]
    fn ages_and_dates_are_not_ordinals() {
        assert!(ordinals("The war, now in its fourth year, drags on.").is_empty());
        assert!(ordinals("The vote is set for the 21st of May.").is_empty());
        assert!(ordinals("They met for the first time in six years.").is_empty());
    }

    #[test]
    fn spelled_ordinals_past_the_ninth() {
        // A protest, an anniversary, a football club.
        let a = ordinals("Protesters marched through the capital for an eleventh day on Friday.");
        assert_eq!(a.len(), 1, "{a:?}");
        assert_eq!(a[0].value.describe(), "11 ordinal");
        assert_eq!(a[0].subject, "day");
        let b = ordinals("Kenya marks twentieth anniversary of the embassy bombing.");
        assert_eq!(b[0].value.describe(), "20 ordinal");
        let c = ordinals("The club kicked off its one hundred twenty-fifth season on Saturday.");
        assert_eq!(c[0].value.describe(), "125 ordinal");
        let d = ordinals("Obama, forty fourth president of the United States, spoke first.");
        assert_eq!(d[0].value.describe(), "44 ordinal");
    }

    #[test]
    fn shares_and_dates_in_words_are_not_positions() {
        assert!(ordinals("Only a tenth of the budget was spent, auditors found.").is_empty());
        assert!(ordinals("Only a fifth of voters backed the plan.").is_empty());
        assert!(ordinals("The armistice was signed on the eleventh of November.").is_empty());
    }
}
