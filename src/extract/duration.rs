//! Durations: how long something lasted or will last.
//!
//! Examples (from the alaska-summit corpus): "the nearly three-hour talks"
//! → [2.4 h, 3 h); "for less than three hours" → [0, 3 h); "the over
//! three-hour meeting" → (3 h, 4 h]; "within 24 hours" → [0, 24 h]; "in just a
//! day" → [12 h, 36 h]; "three to four hours" → [3 h, 4 h].
//!
//! Values are in seconds. Rules: `rules/duration.toml`.
//!
//! One duration in two units is one value: "about one hour, 40 minutes"
//! → [85, 115] min, "3 minutes and 57 seconds" → 237 ± 0.5 s. "two and a
//! half hours" is 2.5 h, never a range. A whole number of days is exact
//! ("43-day" = 43 days, which conflicts with "42 days"); hours and minutes
//! are rounded (X ± half the rounding step).
//!
//! "an hour and a half" and "a day and a half" are one value (1.5 h ± a
//! quarter hour), as are "five and half minutes"; a unit written onto its
//! figure ("24h", "48hrs", "90min") is read too.
//!
//! Known gaps: spans of the calendar ("all day", "a full week", "the
//! weekend", "three nights") and "1 hour thirty" are not read; clock
//! windows ("from 11:30 to 14:15") are times, not durations.

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
    let num = match caps.name("num")?.as_str() {
        // "another hour" is one hour more.
        n if n.eq_ignore_ascii_case("another") => "an",
        n => n,
    };
    // "a second meeting" is an ordinal, not one second.
    if unit_word.eq_ignore_ascii_case("second") && matches!(num.to_lowercase().as_str(), "a" | "an")
    {
        return None;
    }
    // "a months-long trade war": the article belongs to the war; one of
    // something is never a plural unit.
    if matches!(num.to_lowercase().as_str(), "a" | "an" | "one")
        && unit_word.len() > 1
        && unit_word.ends_with(['s', 'S'])
    {
        return None;
    }
    // "188 miles an hour" is a speed.
    if matches!(num.to_lowercase().as_str(), "a" | "an") {
        let before = ctx.prev_lower(16);
        if [
            "miles",
            "mile",
            "kilometres",
            "kilometers",
            "km",
            "knots",
            "metres",
            "meters",
        ]
        .iter()
        .any(|u| before.ends_with(u))
        {
            return None;
        }
    }
    // "20 minutes past 9pm", "ten minutes to midnight" is a clock time.
    if unit_word.to_lowercase().starts_with("min") && caps.name("num2").is_none() {
        static CLOCK: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
        let clock = CLOCK.get_or_init(|| {
            regex::Regex::new(
                r"^(?:past\s+(?:1[0-2]|0?[1-9]|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|noon|midnight)(?:\b|[ap]\.?m\b)|to\s+(?:(?:1[0-2]|0?[1-9])\s?[ap]\.?m\b|noon\b|midnight\b|\w+\s+o['’]clock\b))",
            )
            .expect("clock pattern")
        });
        if clock.is_match(&ctx.next_lower(24)) {
            return None;
        }
    }
    let n = numbers::parse(num)?;
    let (hedge, words) = hedge_of(caps, ctx);
    let interval = match (caps.name("num2"), caps.name("num3")) {
        (Some(m), _) => {
            let hi = numbers::parse(m.as_str())?.value;
            // "two and a half hours" is no range from 2 down to a half.
            if hi < n.value {
                return None;
            }
            Interval::closed(n.value, hi).scale(unit)
        }
        // "an hour and a half": the fraction is of the unit.
        (None, None) if caps.name("frac").is_some() => {
            let frac = caps.name("frac")?.as_str().to_ascii_lowercase();
            let (part, step) = if frac.ends_with("half") {
                (0.5, 0.5)
            } else if frac.starts_with("three") {
                (0.75, 0.25)
            } else {
                (0.25, 0.25)
            };
            if n.vague.is_some() {
                return None;
            }
            let total = numbers::Number {
                value: n.value + part,
                step,
                vague: None,
            };
            hedges::apply(hedge, total).scale(unit)
        }
        (None, Some(m)) => {
            // "one hour, 40 minutes": one value, as precise as its last part.
            let small = unit_seconds(caps.name("unit3")?.as_str())?;
            if small >= unit {
                return None;
            }
            let rest = numbers::parse(m.as_str())?;
            if rest.vague.is_some() || n.vague.is_some() || rest.value * small >= unit {
                return None;
            }
            let total = numbers::Number {
                value: n.value * unit + rest.value * small,
                step: rest.step * small,
                vague: None,
            };
            hedges::apply(hedge, total)
        }
        // A whole number of days is counted, not rounded: "43-day" is
        // exactly 43 days, and conflicts with "42 days".
        (None, None)
            if hedge.is_none()
                && unit == 86400.0
                && n.vague.is_none()
                && n.step == 1.0
                && n.value.fract() == 0.0 =>
        {
            Interval::point(n.value * unit)
        }
        (None, None) => hedges::apply(hedge, n).scale(unit),
    };
    Some(Reading {
        value: Value::Quantity {
            interval,
            unit: "s",
            noun: None,
        },
        hedge: words,
        subject: None,
    })
}

#[cfg(test)]
mod tests {
    use crate::fact::{Kind, Relation};
    use crate::rules::Rules;

    fn facts(text: &str) -> Vec<crate::fact::Fact> {
        let rules = Rules::embedded().unwrap();
        let p = chrono::NaiveDate::from_ymd_opt(2025, 11, 13);
        let doc = crate::clean::example_document(text, p, &rules);
        crate::extract::extract(&doc, &rules)
    }

    fn durations(text: &str) -> Vec<crate::fact::Fact> {
        facts(text)
            .into_iter()
            .filter(|f| f.kind == Kind::Duration)
            .collect()
    }

    #[test]
    fn a_speed_per_hour_is_no_duration_however_long_the_paragraph() {
        // A hurricane story: "an hour" after a distance is a speed. The
        // words before are read from the end of the text before it, not the
        // whole paragraph (which made a long paragraph quadratic).
        assert!(durations("Melissa had winds of 188 miles an hour.").is_empty());
        let long = format!(
            "{} Melissa had winds of 188 miles an hour.",
            "Жители бежали, ".repeat(2000)
        );
        assert!(durations(&long).is_empty());
        assert_eq!(durations("The talks lasted an hour.").len(), 1);
    }

    #[test]
    fn one_hour_forty_minutes_is_one_value_that_meets_nearly_two_hours() {
        // Trump-Xi meeting in Busan, October 2025: three outlets.
        let a = durations("The two leaders met for about one hour, 40 minutes at Gimhae air base.");
        assert_eq!(a.len(), 1, "{a:?}");
        let b = durations("The meeting lasted nearly two hours, the White House said.");
        let c = durations("They wrapped up in under two hours Thursday.");
        assert_ne!(a[0].value.relation(&b[0].value), Relation::Disjoint);
        assert_ne!(a[0].value.relation(&c[0].value), Relation::Disjoint);
    }

    #[test]
    fn compound_forms_of_other_news() {
        for (s, secs) in [
            ("The spacewalk lasted 6 hours and 30 minutes.", 23_400.0),
            ("He ran the mile in 3 minutes and 57 seconds.", 237.0),
            ("Voting took 1 hour and 40 minutes.", 6_000.0),
        ] {
            let d = durations(s);
            assert_eq!(d.len(), 1, "{s}");
            let iv = d[0].value.interval().unwrap();
            assert!(iv.lo <= secs && secs <= iv.hi, "{s}: {iv}");
        }
    }

    #[test]
    fn a_whole_number_of_days_is_exact() {
        // US shutdown, November 2025: "43-day" against "42 days" is a real conflict.
        let a = durations("The 43-day shutdown, the longest in US history, ended on Wednesday.");
        let b = durations("The government shutdown lasted 42 days.");
        assert_eq!(a[0].value.relation(&b[0].value), Relation::Disjoint);
        let c = durations("The shutdown lasted more than 40 days.");
        assert_ne!(a[0].value.relation(&c[0].value), Relation::Disjoint);
    }

    #[test]
    fn and_a_half_is_no_range() {
        for s in [
            "The talks lasted two and a half hours.",
            "The flight took one and a half hours.",
            "The hearing ran for 2 and a half hours.",
        ] {
            let d = durations(s);
            assert_eq!(d.len(), 1, "{s}");
            let iv = d[0].value.interval().unwrap();
            assert!(iv.lo <= iv.hi && iv.lo > 3600.0, "{s}: {iv}");
        }
    }

    #[test]
    fn a_number_lost_in_rewording_is_no_value() {
        assert!(durations("Congress ended a historic -day funding lapse on Wednesday.").is_empty());
    }

    #[test]
    fn a_hundred_thousand_digits_give_no_infinite_value() {
        let text = format!(
            "The queue held {} people for {} hours.",
            "9".repeat(100_000),
            "7".repeat(50_000)
        );
        for f in facts(&text) {
            if let Some(iv) = f.value.interval() {
                assert!(iv.lo.is_finite() && iv.lo <= iv.hi, "{}: {iv}", f.rule);
            }
        }
    }

    #[test]
    fn a_unit_and_a_fraction_of_it_is_one_value() {
        // A fire, a ceasefire talk and a rail strike.
        for (s, secs) in [
            (
                "Firefighters battled the blaze for an hour and a half before it was contained.",
                5_400.0,
            ),
            (
                "Negotiators talked for a day and a half before the ceasefire was agreed.",
                129_600.0,
            ),
            (
                "The siege lasted an hour and half before police went in.",
                5_400.0,
            ),
            ("The flight took one and quarter hours.", 4_500.0),
            (
                "Rail workers will strike for 48hrs from Friday, the union said.",
                172_800.0,
            ),
        ] {
            let d = durations(s);
            assert_eq!(d.len(), 1, "{s}: {d:?}");
            let iv = d[0].value.interval().unwrap();
            assert!(iv.lo <= secs && secs <= iv.hi, "{s}: {iv}");
            assert!(iv.hi - iv.lo < secs / 2.0, "{s}: {iv}");
        }
    }

    #[test]
    fn more_time_is_a_duration_too() {
        // Diplomatic talks extended, a hearing adjourned.
        let a = durations("The talks will continue for two more days in Geneva.");
        assert_eq!(a.len(), 1, "{a:?}");
        assert_eq!(a[0].value.describe(), "2 days");
        let b = durations("The hearing was adjourned for another hour.");
        assert_eq!(b[0].text, "another hour");
        let iv = b[0].value.interval().unwrap();
        assert!(iv.lo <= 3600.0 && 3600.0 <= iv.hi, "{iv}");
        assert!(durations("The pope met another second group of pilgrims.").is_empty());
    }

    #[test]
    fn a_glued_unit_needs_a_time_unit() {
        assert!(durations("The 3D printer jammed in 2024.").is_empty());
        assert!(durations("Shares fell 9m in early trade.").is_empty());
    }
}
