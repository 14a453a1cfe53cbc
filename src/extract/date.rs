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
//! Also: day-first dates ("12 June 2025", "19 Oct", "1st jan", "the
//! eleventh of November 1918"), "Jan. 30",
//! ISO dates ("2025-06-12"), numeric dates whose order is plain ("4/22",
//! "21/04/2016"; "3/4" could be either and is not read), and "today",
//! "yesterday", "tomorrow" against the publication date. A weekday in a
//! clause that speaks of the future ("will hit Cuba on Wednesday", "is
//! expected … by Wednesday") is the next one; otherwise the latest one.
//! "This may …" is no month (a month name in lower case needs a day next
//! to it), and a bare year inside a phone number, code or coordinate is no
//! year.
//!
//! Known gaps: "last week", "last month" are not read; "today" in an
//! aggregator copy that carries a later publication date than the story
//! resolves to the copy's date.

use super::Extractor;
use super::numeric::{MatchContext, Reading, extract_with};
use crate::clean::Document;
use crate::fact::{Fact, Kind, Value};
use crate::interval::Interval;
use crate::normalise::subjects::clause;
use crate::normalise::{currency, numbers, time, units};
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
const FUTURE: [&str; 13] = [
    "will",
    "would",
    "next",
    "scheduled",
    "upcoming",
    "plans",
    "planned",
    "set",
    "expected",
    "forecast",
    "due",
    "shall",
    "ll",
];

/// Words right before a bare numeric date ("4/22") that make it a date.
const BEFORE_NUMERIC: [&str; 9] = [
    "on", "since", "from", "until", "by", "before", "after", "dated", "of",
];

/// Whether a bare 4-digit year sits inside a longer code: a phone number
/// ("020 7946 2019"), coordinates ("52.2019"), a code ("4471-2018").
fn inside_code(before: &str, after: &str) -> bool {
    let mut b = before.chars().rev();
    let prev = b.next();
    let prev2 = b.next();
    let mut a = after.chars();
    let next = a.next();
    let next2 = a.next();
    let digit = |c: Option<char>| c.is_some_and(|c| c.is_ascii_digit());
    let glue =
        |c: Option<char>| matches!(c, Some('.' | ',' | ':' | '/' | '-' | '+' | '#' | '°' | ' '));
    (matches!(prev, Some('.' | ':' | '/' | '+' | '#' | '-'))
        && (digit(prev2) || prev == Some('+') || prev == Some('#')))
        || (prev == Some(' ') && digit(prev2))
        || (glue(next) && digit(next2) && next != Some(','))
        || next == Some('°')
}

/// Whether the end of `before` (a sentence up to a fact) is inside a
/// quotation: more opening than closing curly quotes, or an odd number of
/// straight double quotes.
fn inside_quote(before: &str) -> bool {
    let open = before.matches(['“', '‘']).count();
    let close = before.matches(['”', '’']).count();
    let straight = before.matches('"').count();
    open > close || straight % 2 == 1
}

/// A numeric date "n1/n2[/year]" as (month, day): day-first when the first
/// number cannot be a month, month-first when the second cannot; neither
/// when both could ("3/4").
fn numeric_order(n1: u32, n2: u32) -> Option<(u32, u32)> {
    match (n1 <= 12, n2 <= 12) {
        (true, false) if n2 <= 31 => Some((n1, n2)),
        (false, true) if n1 <= 31 => Some((n2, n1)),
        _ => None,
    }
}

/// A day of the month in digits or as an ordinal word ("11", "eleventh",
/// "twenty-first").
fn day_number(text: &str) -> Option<u32> {
    if let Ok(d) = text.parse() {
        return Some(d);
    }
    let t = text.to_ascii_lowercase();
    let (tens, unit) = match t.split_once(['-', ' ']) {
        Some(("twenty", u)) => (20, u.trim()),
        Some(("thirty", u)) => (30, u.trim()),
        Some(_) => return None,
        None => (0, t.as_str()),
    };
    Some(tens + numbers::parse_ordinal(unit)?)
}

fn read(caps: &Captures, ctx: &MatchContext) -> Option<Reading> {
    let mut year: Option<i32> = caps.name("year").and_then(|m| m.as_str().parse().ok());
    if let (Some(y), Some(m)) = (year, caps.name("year"))
        && m.as_str().len() == 2
    {
        year = Some(2000 + y);
    }
    let mut month = caps
        .name("month")
        .and_then(|m| time::month_number(m.as_str()))
        .or_else(|| caps.name("mnum").and_then(|m| m.as_str().parse().ok()));
    let mut day: Option<u32> = caps.name("day").and_then(|m| day_number(m.as_str()));
    let weekday = caps.name("weekday").and_then(|m| time::weekday(m.as_str()));
    let published = ctx.doc.published;
    // "This may be …": a month name in lower case is no month unless a day
    // stands next to it ("1st jan").
    if let Some(m) = caps.name("month")
        && day.is_none()
        && !m.as_str().starts_with(char::is_uppercase)
    {
        return None;
    }
    if let (Some(n1), Some(n2)) = (caps.name("n1"), caps.name("n2")) {
        // Not a numeric date inside a longer run ("1/2/3/4", "10/20-30").
        let before = ctx.before();
        let after = ctx.after();
        if before.ends_with(|c: char| c.is_ascii_digit() || c == '/' || c == '.')
            || after.starts_with(['/', '-'])
        {
            return None;
        }
        let (m, d) = numeric_order(n1.as_str().parse().ok()?, n2.as_str().parse().ok()?)?;
        if year.is_none() {
            let prev = before
                .split(|c: char| !c.is_alphanumeric())
                .rfind(|w| !w.is_empty())
                .unwrap_or("")
                .to_lowercase();
            if !BEFORE_NUMERIC.contains(&prev.as_str()) {
                return None;
            }
        }
        month = Some(m);
        day = Some(d);
    }
    if caps.name("year").is_some() && month.is_none() && inside_code(ctx.before(), ctx.after()) {
        return None;
    }
    // "2000 milligrams", "1500 metres", "2000 euros": a figure with its
    // unit, not a year.
    if caps.name("year").is_some() && month.is_none() && day.is_none() {
        let next = ctx.next_lower(24);
        let word = next
            .split(|c: char| !c.is_alphanumeric() && c != '/' && c != '°')
            .next()
            .unwrap_or("");
        // Letters alone ("in 2019 L'Oreal") and three-letter words ("the
        // 2019 won") say too little.
        if word.len() > 1
            && (units::find(word).is_some()
                || (word.len() > 3 && currency::code_of(word).is_some()))
        {
            return None;
        }
    }
    if let Some(w) = caps.name("deictic") {
        // "in today's world" is no day ("yesterday's vote" is one), and a
        // quote's "today" is the speaker's, not the article's.
        let (sentence, span) = ctx.sentence();
        let possessive = ctx.after().starts_with(['\'', '’']);
        if (possessive && w.as_str().eq_ignore_ascii_case("today"))
            || inside_quote(&sentence[..span.0])
        {
            return None;
        }
        let from = time::deictic_day(w.as_str(), published?)?;
        return Some(Reading {
            value: Value::Dates {
                from,
                to: from + Duration::days(1),
                relative: true,
            },
            hedge: None,
            subject: None,
        });
    }
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
        unit: crate::words::intern(unit),
        noun: None,
    }
}

#[cfg(test)]
mod tests {
    use crate::fact::{Fact, Kind};
    use crate::rules::Rules;
    use chrono::NaiveDate;

    fn dates(text: &str, published: &str) -> Vec<(String, String)> {
        let rules = Rules::embedded().unwrap();
        let p = NaiveDate::parse_from_str(published, "%Y-%m-%d").ok();
        let doc = crate::clean::example_document(text, p, &rules);
        crate::extract::extract(&doc, &rules)
            .into_iter()
            .filter(|f: &Fact| f.kind == Kind::Date)
            .map(|f| (f.text.to_string(), f.value.describe()))
            .collect()
    }

    fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
        list.iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect()
    }

    #[test]
    fn busan_summit_dates_and_a_planned_visit() {
        // Plataforma Media, published Thursday 30 October 2025.
        let got = dates(
            "The summit began around 10 a.m. Macau time on Wednesday (Oct. 30) at the VIP lounge of Busan’s Gimhae International Airport.",
            "2025-10-30",
        );
        assert_eq!(
            got,
            pairs(&[("Wednesday", "2025-10-29"), ("Oct. 30", "2025-10-30")])
        );
        let got = dates(
            "He also confirmed plans to visit China in April next year.",
            "2025-10-30",
        );
        assert_eq!(got, pairs(&[("in April", "2026-04")]));
    }

    #[test]
    fn weekdays_by_tense() {
        // Alaska summit, published Saturday 16 August 2025.
        let got = dates(
            "Leaders from the so-called coalition of the willing countries that pledged support to Kyiv will hold a video call on Sunday, France said on Saturday.",
            "2025-08-16",
        );
        assert_eq!(
            got,
            pairs(&[("Sunday", "2025-08-17"), ("Saturday", "2025-08-16")])
        );
        // Hurricane news written on Tuesday 28 October 2025.
        let ahead = dates(
            "Melissa will hit Cuba on Wednesday as a major hurricane.",
            "2025-10-28",
        );
        assert_eq!(ahead, pairs(&[("Wednesday", "2025-10-29")]));
        let past = dates(
            "Melissa hit Jamaica on Monday as a category 5 storm.",
            "2025-10-28",
        );
        assert_eq!(past, pairs(&[("Monday", "2025-10-27")]));
    }

    #[test]
    fn day_first_iso_numeric_and_deictic_forms() {
        let p = "2025-06-14";
        for (sentence, text, value) in [
            (
                "The flight crashed on 12 June 2025 in Ahmedabad.",
                "12 June 2025",
                "2025-06-12",
            ),
            (
                "Investigators met on 19 Oct to review the data.",
                "19 Oct",
                "2024-10-19",
            ),
            (
                "The report is dated 2025-06-12.",
                "2025-06-12",
                "2025-06-12",
            ),
            (
                "The order took effect on 21/04/2016 nationwide.",
                "21/04/2016",
                "2016-04-21",
            ),
            (
                "Prices were frozen on 4/22 by decree.",
                "4/22",
                "2025-04-22",
            ),
            (
                "The airline said yesterday that it would pay families.",
                "yesterday",
                "2025-06-13",
            ),
            (
                "Fares rise from 1st jan under the plan.",
                "1st jan",
                "2025-01-01",
            ),
            (
                "Yesterday's vote ended the longest shutdown on record.",
                "Yesterday",
                "2025-06-13",
            ),
        ] {
            let got = dates(sentence, p);
            assert!(
                got.contains(&(text.to_string(), value.to_string())),
                "{sentence}: {got:?}"
            );
        }
    }

    #[test]
    fn not_dates() {
        let p = "2025-08-16";
        for sentence in [
            "This may be the last chance for a deal, the envoy said.",
            "For help call +1 202 456 1999 or 020 7946 2019.",
            "The epicentre was at 52.2019 N, 160.1800 E.",
            "The hotline is open 24/7 for families.",
            "Only 3/4 of the seats were filled.",
            "She noted 'in today's world, some children are forced to carry a quiet burden.'",
        ] {
            assert_eq!(dates(sentence, p), vec![], "{sentence}");
        }
    }

    #[test]
    fn days_spelled_as_ordinals() {
        // A remembrance story and a parliament diary.
        assert_eq!(
            dates(
                "The armistice was signed on the eleventh of November 1918.",
                "2025-11-11"
            ),
            [("the eleventh of November 1918".into(), "1918-11-11".into())]
        );
        assert_eq!(
            dates(
                "Parliament returned on the twenty-first of September.",
                "2025-10-02"
            ),
            [("the twenty-first of September".into(), "2025-09-21".into())]
        );
        assert_eq!(
            dates(
                "The second of the suspects was arrested on Tuesday.",
                "2025-10-02"
            ),
            [("Tuesday".into(), "2025-09-30".into())]
        );
    }
}
