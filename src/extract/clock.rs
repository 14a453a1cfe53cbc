//! Clock times: "9:45 p.m. ET", "at 18:07 CET", "at 6:07 p.m. local time",
//! "at approximately 01:30 local time", "around 10 a.m. Macau time", and
//! windows "between 9:20am and 9:27am" (one fact).
//!
//! The value is a set of minutes of the day ([`Value::Clock`]): a stated
//! minute is that minute, "around"/"approximately" ± 10 minutes, "shortly
//! after" the 30 minutes after. Where the zone is stated and known — an
//! abbreviation or name of the `zone` table in `rules/time.toml`, or a
//! place whose IANA zone has that city ("Macau time") — the time is
//! resolved to UTC with the offset on the publication date (ET is EDT in
//! summer, EST in winter), so "18:07 CET" meets "17:07 GMT". Otherwise the
//! time stays as read on the clock: unit `local-time`, compared only with
//! other local times; a zone label crosscheck does not know keeps its label
//! as unit (`XYZ-time`).
//!
//! "Local time" is resolved the same way through the place it belongs
//! to: the place its sentence names nearest to it ("in Rome", "Russia's
//! Kamchatka Peninsula": an IANA zone city, or a country or state of one
//! zone from the table), else the place the article's lead names most
//! (the dateline's "VATICAN CITY"). With no such place, or a lead split
//! between zones, it stays a local time.
//!
//! House styles read too: "15h30", "3:15p", "330 p.m.", "7 p . m .",
//! "7:56:30pm", and hours and minutes in words with a.m. or p.m. ("seven
//! thirty p.m.", "five oh five am"), and an hour after its part of the day
//! ("tonight at 8", "this afternoon at 3:20").
//!
//! Known gaps: a bare time with no zone at all ("at 8:24 a.m.") is never
//! resolved, since it may be the outlet's own clock; a window
//! across midnight is compared as minutes past the first midnight;
//! times with a dot ("9.45") are read only with a.m./p.m.; words without
//! a.m./p.m. ("eight forty"), "15h" alone, "11ish" and "mid-morning" are
//! not read.

use super::Extractor;
use super::numeric::{MatchContext, Reading, extract_with};
use crate::clean::Document;
use crate::fact::{Fact, Kind, Value};
use crate::interval::Interval;
use crate::normalise::numbers;
use crate::rules::Rules;
use chrono::{NaiveDate, NaiveTime, Offset, TimeZone};
use regex::Captures;
use serde::Deserialize;
use std::collections::HashMap;
use std::sync::LazyLock;

pub struct Clock;

impl Extractor for Clock {
    fn kind(&self) -> Kind {
        Kind::Time
    }
    fn extract(&self, doc: &Document, rules: &Rules) -> Vec<Fact> {
        extract_with(Kind::Time, doc, rules, read)
    }
}

/// One row of the zone table of `rules/time.toml`: its names, and either
/// an IANA zone (`tz`) or a fixed offset in hours.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Zone {
    pub words: Vec<String>,
    #[serde(default)]
    pub tz: Option<String>,
    #[serde(default)]
    pub offset: Option<f64>,
    /// The words name a place (a country, a state) whose "local time" is
    /// this zone's: "in Italy … at 6:07 p.m. local time".
    #[serde(default)]
    pub place: bool,
}

impl Zone {
    /// Whether the row is usable: `tz` or `offset` (both for a loosely
    /// used abbreviation), a known IANA zone, an offset within a day, and a
    /// `tz` for a place.
    pub fn check(&self) -> Result<(), String> {
        let what = self.words.join(", ");
        if let Some(tz) = &self.tz
            && tz.parse::<chrono_tz::Tz>().is_err()
        {
            return Err(format!("zone {what}: unknown IANA zone {tz:?}"));
        }
        match (&self.tz, self.offset) {
            (_, Some(h)) if h.abs() > 14.0 => Err(format!("zone {what}: offset beyond ±14 hours")),
            (None, None) => Err(format!("zone {what}: give tz, offset or both")),
            (None, Some(_)) if self.place => Err(format!("zone {what}: a place needs a tz")),
            _ => Ok(()),
        }
    }

    /// Minutes east of UTC on `date`, as the least and greatest offset: an
    /// IANA zone's offset that day (either season's without a date); a
    /// fixed offset; with both, either of them ("CET" is often written for
    /// summer time).
    fn offset_minutes(&self, date: Option<NaiveDate>) -> Option<(i64, i64)> {
        let fixed = self.offset.map(|h| (h * 60.0).round() as i64);
        let zone = match self.tz.as_deref().map(str::parse::<chrono_tz::Tz>) {
            Some(Ok(tz)) => offsets(tz, date),
            _ => None,
        };
        match (fixed, zone) {
            (Some(m), Some((lo, hi))) => Some((m.min(lo), m.max(hi))),
            (Some(m), None) => Some((m, m)),
            (None, zone) => zone,
        }
    }
}

/// The zone's offset on `date`, or the least and greatest of January and
/// July when there is no date.
fn offsets(tz: chrono_tz::Tz, date: Option<NaiveDate>) -> Option<(i64, i64)> {
    match date {
        Some(d) => tz_offset(tz, d).map(|m| (m, m)),
        None => {
            let jan = tz_offset(tz, NaiveDate::from_ymd_opt(2025, 1, 15)?)?;
            let jul = tz_offset(tz, NaiveDate::from_ymd_opt(2025, 7, 15)?)?;
            Some((jan.min(jul), jan.max(jul)))
        }
    }
}

fn tz_offset(tz: chrono_tz::Tz, date: NaiveDate) -> Option<i64> {
    let noon = date.and_time(NaiveTime::from_hms_opt(12, 0, 0)?);
    let local = tz.from_local_datetime(&noon).earliest()?;
    Some(i64::from(local.offset().fix().local_minus_utc()) / 60)
}

/// The IANA zone whose city is `place` ("Macau" → Asia/Macau, "New York"
/// → America/New_York).
fn zone_of_place(place: &str) -> Option<chrono_tz::Tz> {
    let want = place.trim().replace(' ', "_");
    chrono_tz::TZ_VARIANTS.iter().copied().find(|tz| {
        let name = tz.name();
        name.contains('/')
            && name
                .rsplit('/')
                .next()
                .is_some_and(|city| city.eq_ignore_ascii_case(&want))
    })
}

/// IANA zone cities a text may name as places, by lower-case name with
/// spaces ("vatican", "new york"). Only cities of the world's regions:
/// legacy names ("US/Pacific", "Australia/North") and Antarctic stations
/// would read ordinary words and surnames ("Pacific", "Davis") as places.
static ZONE_CITIES: LazyLock<HashMap<String, chrono_tz::Tz>> = LazyLock::new(|| {
    const AREAS: [&str; 7] = [
        "Africa", "America", "Asia", "Atlantic", "Europe", "Indian", "Pacific",
    ];
    // City names that are also common words or given names.
    const NOT_PLACES: [&str; 6] = ["easter", "christmas", "regina", "stanley", "darwin", "wake"];
    let mut cities = HashMap::new();
    for tz in chrono_tz::TZ_VARIANTS {
        let mut parts = tz.name().split('/');
        let (Some(area), Some(city), None) = (parts.next(), parts.next(), parts.next()) else {
            continue;
        };
        let city = city.replace('_', " ").to_lowercase();
        if AREAS.contains(&area) && !NOT_PLACES.contains(&city.as_str()) {
            cities.entry(city).or_insert(tz);
        }
    }
    cities
});

/// Words that end a place's name without changing where it is
/// ("Kamchatka Peninsula", "Vatican City").
const PLACE_SUFFIXES: [&str; 10] = [
    "Peninsula",
    "Island",
    "Islands",
    "City",
    "Region",
    "Province",
    "Prefecture",
    "Oblast",
    "Krai",
    "Atoll",
];

/// Small words inside a place's name ("Santiago de Cuba", "Bay of
/// Plenty").
const PARTICLES: [&str; 9] = ["de", "del", "da", "do", "dos", "la", "of", "el", "al"];

/// The zones of the places `text` names: runs of capitalised words that
/// are an IANA city or a `place` row of the zone table, with where each
/// run starts.
fn places_in<'a>(
    text: &'a str,
    zones: &'a [Zone],
) -> impl Iterator<Item = (usize, chrono_tz::Tz)> + 'a {
    let mut runs: Vec<(usize, usize)> = Vec::new();
    let mut open: Option<(usize, usize)> = None;
    let words: Vec<(usize, &str)> = text
        .split_whitespace()
        .map(|w| (w.as_ptr() as usize - text.as_ptr() as usize, w))
        .collect();
    for (i, &(at, word)) in words.iter().enumerate() {
        let core = word.trim_matches(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’');
        let capital = core.chars().next().is_some_and(char::is_uppercase);
        // "Santiago de Cuba" is one name, not the Chilean capital.
        let joins = open.is_some()
            && PARTICLES.contains(&word)
            && words
                .get(i + 1)
                .is_some_and(|(_, next)| next.starts_with(char::is_uppercase));
        if joins {
            continue;
        }
        if !capital {
            if let Some(run) = open.take() {
                runs.push(run);
            }
            continue;
        }
        let lead = word.len()
            - word
                .trim_start_matches(|c: char| !c.is_alphanumeric())
                .len();
        let end = at + lead + core.len();
        open = Some(match open {
            Some((start, _)) => (start, end),
            None => (at + lead, end),
        });
        // A possessive or a punctuation mark ends the name.
        let possessive = core.ends_with("'s") || core.ends_with("’s");
        if possessive || core.len() + lead < word.len() {
            runs.extend(open.take());
        }
    }
    runs.extend(open);
    runs.into_iter().filter_map(move |(start, end)| {
        let mut name = text[start..end]
            .trim_end_matches("'s")
            .trim_end_matches("’s");
        for suffix in PLACE_SUFFIXES {
            if let Some(rest) = name.strip_suffix(suffix) {
                name = rest.trim_end();
                break;
            }
        }
        if name.len() < 3 {
            return None;
        }
        let row = zones
            .iter()
            .filter(|z| z.place)
            .find(|z| z.words.iter().any(|w| w == name))
            .and_then(|z| z.tz.as_deref()?.parse().ok());
        row.or_else(|| ZONE_CITIES.get(&name.to_lowercase()).copied())
            .map(|tz| (start, tz))
    })
}

/// How far into the article its lead runs, in bytes: the dateline and
/// first paragraphs, where news says where it happened.
const LEAD: usize = 1500;

/// The zone of a "local time": the place its sentence names nearest to
/// it, else the place the article's lead names most, when places of its
/// offset on `date` are named at least twice as often as those of any
/// other ("at the Vatican" twice, "in Peru" once). None when no place is
/// known or the lead is split between offsets.
fn local_zone(
    ctx: &MatchContext,
    zones: &[Zone],
    date: Option<NaiveDate>,
) -> Option<chrono_tz::Tz> {
    let (sentence, (at, _)) = ctx.sentence();
    let nearest = places_in(sentence, zones).min_by_key(|&(start, _)| start.abs_diff(at));
    if let Some((_, tz)) = nearest {
        return Some(tz);
    }
    let doc = ctx.doc;
    let body = &doc.text[doc.body_start..];
    let lead = &body[..crate::normalise::subjects::floor_char(body, LEAD.min(body.len()))];
    // Per offset: how often the lead names it, and its first place.
    let mut tally: Vec<((i64, i64), usize, chrono_tz::Tz)> = Vec::new();
    for (_, tz) in places_in(lead, zones) {
        let Some(offset) = offsets(tz, date) else {
            continue;
        };
        match tally.iter_mut().find(|t| t.0 == offset) {
            Some(t) => t.1 += 1,
            None => tally.push((offset, 1, tz)),
        }
    }
    tally.sort_by_key(|t| std::cmp::Reverse(t.1));
    match tally.as_slice() {
        [] => None,
        [(_, _, tz)] => Some(*tz),
        [(_, most, tz), (_, next, _), ..] => (*most >= 2 * next).then_some(*tz),
    }
}

const DAY: i64 = 24 * 60;

/// Minutes past midnight of one clock reading, from the captures with
/// suffix `i` ("1" or "2"), and whether a.m. or p.m. was stated.
fn minutes(caps: &Captures, i: &str) -> Option<(i64, bool)> {
    let get = |name: &str| caps.name(&format!("{name}{i}")).map(|m| m.as_str());
    let digits = |s: &str| s.parse::<i64>().ok();
    if let Some(named) = get("named") {
        let m = if named.to_ascii_lowercase().ends_with("night") {
            0
        } else {
            12 * 60
        };
        return Some((m, true));
    }
    let (hour, minute, ampm) = if let Some(h) = get("h") {
        let m = get("m")?;
        // "19.30" is a number unless a.m./p.m. follows.
        let dot = caps
            .name(&format!("h{i}"))
            .zip(caps.name(&format!("m{i}")))
            .is_some_and(|(a, b)| {
                caps.get(0).is_some_and(|all| {
                    let t = all.as_str();
                    t.get(a.end() - all.start()..b.start() - all.start()) == Some(".")
                })
            });
        if dot && get("ap").is_none() {
            return None;
        }
        (digits(h)?, digits(m)?, get("ap"))
    } else if let Some(h) = get("hc") {
        // "0700 GMT": wire style, only with a zone.
        caps.name("zone")?;
        (digits(h)?, digits(get("mc")?)?, None)
    } else if let Some(h) = get("he") {
        // "330 p.m.": hour and minutes run together, only with a.m./p.m.
        (digits(h)?, digits(get("me")?)?, get("ape"))
    } else if let Some(h) = get("hw") {
        // "seven thirty p.m.", "five oh five am".
        let m = get("mw")?.to_ascii_lowercase();
        let m = m
            .strip_prefix("oh")
            .or_else(|| m.strip_prefix('o'))
            .unwrap_or(&m);
        let m = m.trim_start_matches([' ', '-']);
        (hour_of(h)?, numbers::parse(m)?.value as i64, get("apw"))
    } else if let Some(h) = get("hf") {
        // "this afternoon at 3:20": the part of the day comes first.
        (digits(h)?, digits(get("mf")?)?, None)
    } else if let Some(h) = get("hg") {
        // "tonight at 8".
        (hour_of(h)?, 0, None)
    } else if let Some(h) = get("hd") {
        // "3 in the morning": the part of the day says which half.
        (hour_of(h)?, 0, None)
    } else {
        (hour_of(get("hb")?)?, 0, get("apb"))
    };
    // "ten o'clock" says nothing of morning or evening.
    let ampm = ampm
        .map(str::trim_start)
        .filter(|a| !a.to_ascii_lowercase().starts_with('o'));
    let mut hour = match ampm.map(|a| a.to_ascii_lowercase().starts_with('p')) {
        Some(_) if hour > 12 || hour == 0 => return None,
        Some(true) => hour % 12 + 12,
        Some(false) => hour % 12,
        None => hour,
    };
    // "8:30 in the evening".
    if ampm.is_none()
        && hour < 12
        && caps
            .name("dayp")
            .or(caps.name("dayd"))
            .or(caps.name("dayb"))
            .is_some_and(|d| {
                let d = d.as_str().to_lowercase();
                d.ends_with("afternoon") || d.ends_with("evening") || d.ends_with("night")
            })
    {
        hour += 12;
    }
    (hour < 24 && minute < 60).then_some((hour * 60 + minute, ampm.is_some()))
}

/// An hour as written: "7", "07", "seven" (the patterns admit only
/// whole hours).
fn hour_of(h: &str) -> Option<i64> {
    crate::normalise::numbers::parse(h)
        .filter(|n| n.value.fract() == 0.0)
        .map(|n| n.value as i64)
}

/// Words before "noon" or "midnight" that make it a time of day ("at
/// midnight"), not a name ("the midnight deadline"); also before a bare
/// hour with a part of the day ("at 3 in the morning", not "killed five in
/// the morning raid").
const BEFORE_NAMED: [&str; 10] = [
    "at", "by", "before", "after", "until", "till", "around", "about", "past", "from",
];

/// Words after "noon" or "midnight" that make it the name of something
/// ("the midnight deadline", "noon prayers"), not a time of day.
const NAMED_BEFORE_NOUN: [&str; 14] = [
    "deadline", "curfew", "mass", "sun", "prayer", "prayers", "news", "meal", "train", "flight",
    "session", "shift", "edition", "hour",
];

/// Whether "noon", "midday" or "midnight" is a time of day here: after
/// "at", "by", "until" … always; else not after an article or possessive
/// ("the midnight deadline", "Friday's midnight vote") nor before a noun
/// it names.
fn named_is_time(ctx: &MatchContext) -> bool {
    let prev = ctx
        .before()
        .split_whitespace()
        .next_back()
        .unwrap_or("")
        .to_lowercase();
    if BEFORE_NAMED.contains(&prev.as_str()) {
        return true;
    }
    let determiner = matches!(
        prev.as_str(),
        "the" | "a" | "an" | "this" | "that" | "its" | "their" | "his" | "her" | "our" | "every"
    ) || prev.ends_with("'s")
        || prev.ends_with("’s");
    let next = ctx.next_lower(16);
    let next_word = next
        .split(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("");
    !determiner && !NAMED_BEFORE_NOUN.contains(&next_word)
}

/// Minutes a relative time moves its hour: "half past" +30, "a quarter
/// to" −15, "20 minutes past" +20. `None` where the words are likelier a
/// range ("from 5 to 10 years") than a time.
fn relative_minutes(caps: &Captures) -> Option<i64> {
    let rel = caps.name("rel")?.as_str().to_lowercase();
    let to = caps.name("dir")?.as_str().eq_ignore_ascii_case("to");
    let n = match rel.trim_start_matches("a ").trim() {
        "quarter" => 15,
        "half" if !to => 30,
        "half" => return None,
        "five" => 5,
        "ten" => 10,
        "fifteen" => 15,
        "twenty" => 20,
        "twenty-five" => 25,
        d => {
            let n = d.parse::<i64>().ok()?;
            // "5 to 10", "10 past 12 months": digits need "minutes" or a.m./p.m.
            if caps.name("mins").is_none()
                && caps.name("apb1").is_none()
                && caps.name("dayp").is_none()
            {
                return None;
            }
            n
        }
    };
    if !(1..60).contains(&n) {
        return None;
    }
    // "ten to six" is a time, "ten to 15" a range: a word count wants a word
    // hour, a.m./p.m. or a part of the day.
    if rel.chars().all(|c| c.is_ascii_alphabetic() || c == '-')
        && !matches!(rel.trim_start_matches("a ").trim(), "quarter" | "half")
        && caps.name("mins").is_none()
        && caps.name("apb1").is_none()
        && caps.name("dayp").is_none()
        && caps
            .name("hb1")
            .is_some_and(|h| h.as_str().starts_with(|c: char| c.is_ascii_digit()))
    {
        return None;
    }
    Some(if to { -n } else { n })
}

fn read(caps: &Captures, ctx: &MatchContext) -> Option<Reading> {
    let relative = caps.name("rel").is_some();
    if caps.name("hd1").is_some() {
        let prev = ctx.before().split_whitespace().next_back().unwrap_or("");
        if !BEFORE_NAMED.contains(&prev.to_lowercase().as_str()) {
            return None;
        }
    }
    if caps.name("named1").is_some() && !relative && !named_is_time(ctx) {
        return None;
    }
    // "one am" is seldom a time: a word hour wants "a.m." with its dots.
    if let (Some(h), Some(ap)) = (caps.name("hb1"), caps.name("apb1"))
        && !h.as_str().starts_with(|c: char| c.is_ascii_digit())
        && ap.as_str().eq_ignore_ascii_case("am")
    {
        return None;
    }
    let (mut start, start_ap) = minutes(caps, "1")?;
    if relative {
        start = (start + relative_minutes(caps)?).rem_euclid(DAY);
    }
    let (mut lo, mut hi, hedge) = match caps.name("h2").or(caps.name("hb2")) {
        Some(_) => {
            let (mut end, end_ap) = minutes(caps, "2")?;
            // "from 7:30 to 8:30pm": the first time shares the second's p.m.
            if !start_ap && end_ap && end >= 12 * 60 && start < 12 * 60 && start + 12 * 60 <= end {
                start += 12 * 60;
            }
            if end < start {
                end += DAY;
            }
            (start, end + 1, None)
        }
        None => match (caps.name("about"), caps.name("shortly")) {
            (Some(a), _) => (start - 10, start + 11, Some(a.as_str())),
            (_, Some(s)) if s.as_str().to_lowercase().ends_with("before") => {
                (start - 30, start + 1, Some(s.as_str()))
            }
            (_, Some(s)) => (start, start + 31, Some(s.as_str())),
            _ => (start, start + 1, None),
        },
    };
    let zone_words = caps
        .name("zone")
        .map(|m| m.as_str().split_whitespace().collect::<Vec<_>>().join(" "));
    let date = ctx.doc.published;
    let mut local_place = None;
    let zone = match zone_words.as_deref() {
        None => "local-time".to_string(),
        Some(z) if z.eq_ignore_ascii_case("local time") || z.eq_ignore_ascii_case("local") => {
            let table = ctx
                .rules
                .patterns_for(Kind::Time)
                .map_or(&[][..], |p| &p.zones[..]);
            match local_zone(ctx, table, date).and_then(|tz| Some((tz, offsets(tz, date)?))) {
                Some((tz, (least, most))) => {
                    lo -= most;
                    hi -= least;
                    local_place = Some(tz);
                    "utc-time".to_string()
                }
                None => "local-time".to_string(),
            }
        }
        Some(z) => match utc_offset(z, ctx) {
            Some((least, most)) => {
                lo -= most;
                hi -= least;
                "utc-time".to_string()
            }
            None => format!("{z}-time"),
        },
    };
    // Minutes of the day: the start falls in [0, 1440).
    let shift = lo.div_euclid(DAY) * DAY;
    lo -= shift;
    hi -= shift;
    let reading = {
        let label = match zone.as_str() {
            "utc-time" => "UTC".to_string(),
            "local-time" => "local".to_string(),
            other => other.trim_end_matches("-time").to_string(),
        };
        let local = local_place.map_or(String::new(), |tz| format!(" (local time, {})", tz.name()));
        if hi - lo == 1 {
            format!("{} {label}{local}", hhmm(lo))
        } else {
            format!("{}–{} {label}{local}", hhmm(lo), hhmm(hi - 1))
        }
    };
    Some(Reading {
        value: Value::Clock {
            interval: Interval::half_open(lo as f64, hi as f64),
            zone: crate::words::intern(&zone),
            reading: reading.into(),
        },
        hedge: hedge.map(str::to_lowercase),
        subject: Some(subject(ctx)),
    })
}

/// Minutes east of UTC for a zone as written, if crosscheck knows it (the
/// least and the greatest, see [`Zone::offset_minutes`]).
fn utc_offset(zone: &str, ctx: &MatchContext) -> Option<(i64, i64)> {
    let date = ctx.doc.published;
    let zones = &ctx.rules.patterns_for(Kind::Time)?.zones;
    // "UTC+3", "GMT-5", "UTC+05:30".
    if let Some(rest) = zone
        .strip_prefix("UTC")
        .or_else(|| zone.strip_prefix("GMT"))
        .filter(|r| !r.trim().is_empty())
    {
        let rest: String = rest.chars().filter(|c| !c.is_whitespace()).collect();
        let (sign, digits) = match rest.chars().next()? {
            '+' => (1, &rest[1..]),
            '-' => (-1, &rest[1..]),
            '−' => (-1, &rest['−'.len_utf8()..]),
            _ => return None,
        };
        let (h, m) = match digits.split_once(':') {
            Some((h, m)) => (h.parse::<i64>().ok()?, m.parse::<i64>().ok()?),
            None if digits.len() > 2 => (
                digits.get(..digits.len() - 2)?.parse().ok()?,
                digits.get(digits.len() - 2..)?.parse().ok()?,
            ),
            None => (digits.parse().ok()?, 0),
        };
        let m = sign * (h * 60 + m);
        return (h <= 14).then_some((m, m));
    }
    let bare = zone.strip_suffix(" time").unwrap_or(zone);
    let row = zones.iter().find(|z| {
        z.words
            .iter()
            .any(|w| w == zone || (w.len() > 3 && w.eq_ignore_ascii_case(bare)))
    });
    if let Some(row) = row {
        return row.offset_minutes(date);
    }
    if zone.ends_with(" time") {
        return offsets(zone_of_place(bare)?, date);
    }
    None
}

fn hhmm(m: i64) -> String {
    let m = m.rem_euclid(DAY);
    format!("{:02}:{:02}", m / 60, m % 60)
}

/// The nearest subject word of the clause, else of the sentence ("The
/// quake, one of the strongest ever recorded, struck at 8:24 a.m."), else
/// `clock-time`.
fn subject(ctx: &MatchContext) -> (String, String) {
    let (sentence, span) = ctx.sentence();
    if let Some(hit) = ctx.rules.subject_index.nearest(sentence, span, Kind::Time) {
        return hit;
    }
    let lower = sentence.to_lowercase();
    let mut best: Option<(usize, &str, &str)> = None;
    for s in &ctx.rules.subjects.subject {
        if !s.kinds.is_empty() && !s.kinds.iter().any(|k| k == "time") {
            continue;
        }
        for w in &s.words {
            let w_lower = w.to_lowercase();
            for (at, _) in lower.match_indices(&w_lower) {
                let end = at + w_lower.len();
                let bounded = !lower[..at].ends_with(char::is_alphanumeric)
                    && !lower[end..].starts_with(char::is_alphanumeric);
                // Lower-casing may move byte offsets: use only hits that
                // stand at the same place in the original sentence.
                let Some(words) = sentence.get(at..end) else {
                    continue;
                };
                if !bounded || !words.eq_ignore_ascii_case(w) {
                    continue;
                }
                let distance = if end <= span.0 {
                    span.0 - end
                } else {
                    at.saturating_sub(span.1)
                };
                if best.is_none_or(|(d, _, _)| distance < d) {
                    best = Some((distance, s.id.as_str(), words));
                }
            }
        }
    }
    match best {
        Some((_, id, words)) => (id.to_string(), words.to_string()),
        None => ("clock-time".into(), String::new()),
    }
}

#[cfg(test)]
mod tests {
    use crate::fact::{Fact, Kind, Relation};
    use crate::rules::Rules;
    use chrono::NaiveDate;

    fn times(text: &str, published: &str) -> Vec<Fact> {
        let rules = Rules::embedded().unwrap();
        let date = NaiveDate::parse_from_str(published, "%Y-%m-%d").ok();
        let doc = crate::clean::example_document(text, date, &rules);
        crate::extract::extract(&doc, &rules)
            .into_iter()
            .filter(|f| f.kind == Kind::Time)
            .collect()
    }

    fn one(text: &str, published: &str) -> Fact {
        let mut f = times(text, published);
        assert_eq!(f.len(), 1, "{text}: {f:?}");
        f.remove(0)
    }

    #[test]
    fn local_times_of_one_quake_conflict() {
        // kamchatka-earthquake-2025: two outlets, two "local" times.
        let a = one(
            "A powerful 8.8 magnitude earthquake struck near Russia's Kamchatka Peninsula at approximately 01:30 local time.",
            "2025-07-30",
        );
        let b = one(
            "Authorities declared a state of emergency after the quake struck at 8:24 a.m. local time.",
            "2025-07-30",
        );
        // The first names its place, so it is read in Kamchatka's zone
        // (UTC+12); the second names none and stays on the local clock.
        assert_eq!(
            a.value.describe(),
            "13:20–13:40 UTC (local time, Asia/Kamchatka)"
        );
        assert_eq!(b.value.unit(), "local-time");
        let b_in_lead = times(
            "PETROPAVLOVSK-KAMCHATSKY, Russia — A quake struck off Kamchatka on Wednesday.\n\nAuthorities declared a state of emergency after the quake struck at 8:24 a.m. local time.",
            "2025-07-30",
        );
        assert_eq!(
            b_in_lead[0].value.describe(),
            "20:24 UTC (local time, Asia/Kamchatka)"
        );
        assert_eq!(a.value.relation(&b_in_lead[0].value), Relation::Disjoint);
        // The quake is the subject of both, though one names it a clause away.
        let c = one(
            "The quake, one of the strongest ever recorded globally, struck at 8:24 a.m. local time off the coast.",
            "2025-07-30",
        );
        assert_eq!(a.subject, "incident");
        assert_eq!(c.subject, "incident");
    }

    #[test]
    fn zones_resolve_to_utc() {
        // pope-leo-xiv-election-2025 and an invented wire line in GMT.
        let a = one(
            "White smoke rose from the Sistine Chapel chimney at 18:07 CET.",
            "2025-01-08",
        );
        let b = one(
            "The smoke appeared at 17:07 GMT, Reuters said.",
            "2025-01-09",
        );
        assert_eq!(a.value.relation(&b.value), Relation::Same);
        // In summer, news still writes CET for Central European summer
        // time: 18:07 "CET" in May is 16:07 or 17:07 UTC.
        let may = one(
            "White smoke rose from the Sistine Chapel chimney at 18:07 CET.",
            "2025-05-08",
        );
        assert_eq!(may.value.describe(), "16:07–17:07 UTC");
        assert_eq!(may.value.relation(&b.value), Relation::Overlap);
        // us-shutdown-ends-2025: ET in November is EST.
        let c = one(
            "Trump signed the bill at 9:45 p.m. ET on Wednesday.",
            "2025-11-13",
        );
        assert_eq!(c.value.describe(), "02:45 UTC");
        let d = one("He signed it at 02:45 GMT.", "2025-11-13");
        assert_eq!(c.value.relation(&d.value), Relation::Same);
        // Without a publication date, ET may be EST or EDT.
        let e = one("Trump signed the bill at 9:45 p.m. ET on Wednesday.", "");
        assert_eq!(e.value.describe(), "01:45–02:45 UTC");
        assert_eq!(e.value.relation(&d.value), Relation::Overlap);
    }

    #[test]
    fn windows_are_one_fact() {
        // louvre-heist-2025.
        let w = one(
            "The thieves were inside between 9:20am and 9:27am, the minister said.",
            "2025-10-20",
        );
        assert_eq!(w.text, "between 9:20am and 9:27am");
        let inside = one("An alarm was raised at 9:25am, police said.", "2025-10-20");
        let later = one("They gained entry at 09:34, police said.", "2025-10-20");
        assert_eq!(w.value.relation(&inside.value), Relation::Overlap);
        assert_eq!(w.value.relation(&later.value), Relation::Disjoint);
    }

    #[test]
    fn local_time_meets_its_zone() {
        // pope-leo-xiv-election-2025: one moment, in CET and in local time.
        let a = one("White smoke rose at 18:07 CET.", "2025-05-08");
        let b = one(
            "White smoke rose at 6:07 p.m. local time in Rome.",
            "2025-05-08",
        );
        assert_eq!(b.value.describe(), "16:07 UTC (local time, Europe/Rome)");
        assert_eq!(a.value.relation(&b.value), Relation::Overlap);
        // A place of the sentence, suffix and possessive dropped: "the
        // Vatican's", "Vatican City", "Kamchatka Peninsula".
        let c = one(
            "The cardinals gathered in the Vatican's Sistine Chapel saw white smoke at 6:07 pm local time on Thursday.",
            "2025-05-08",
        );
        assert_eq!(c.value.relation(&b.value), Relation::Same);
        // A country of one zone (air-india-ai171-crash-2025).
        let d = one(
            "The plane crashed in India shortly after take-off at 1:39 p.m. local time.",
            "2025-06-12",
        );
        assert_eq!(d.value.describe(), "08:09 UTC (local time, Asia/Kolkata)");
    }

    #[test]
    fn local_time_takes_the_place_the_lead_names_most() {
        // The lead names the Vatican twice and Peru once: the Vatican's
        // local time (pope-leo-xiv-election-2025).
        let lead = "Newly elected Pope Leo XIV appears at St. Peter's Basilica at the Vatican, Thursday.\n\nCardinal Robert Prevost, who spent his career in Peru and leads the Vatican's office of bishops, was elected pope.\n\nThe crowd cheered after the white smoke rose at 6:07 p.m. local time.";
        let t = times(lead, "2025-05-08");
        assert_eq!(
            t[0].value.describe(),
            "16:07 UTC (local time, Europe/Vatican)"
        );
        // Places of different offsets named as often: the clock stays local.
        let split = "Flights from Japan to Hawaii were cancelled.\n\nThe warning was lifted at 7 a.m. local time.";
        assert_eq!(times(split, "2025-07-30")[0].value.unit(), "local-time");
        // A longer name holding a city's is not that city.
        let cuba = "Thousands fled Santiago de Cuba before the storm hit at 3 a.m. local time.";
        assert_eq!(one(cuba, "2025-10-29").value.unit(), "local-time");
        // An ocean, a person or a weekday is no place.
        for text in [
            "Waves crossed the Pacific Ocean and reached the coast at 7 a.m. local time.",
            "Regina Stanley said the alarm sounded at 9:25 a.m. local time on Easter Sunday.",
        ] {
            assert_eq!(one(text, "2025-07-30").value.unit(), "local-time", "{text}");
        }
    }

    #[test]
    fn times_in_words() {
        let a = one("The alarm sounded at half past nine.", "2025-10-20");
        assert_eq!(a.value.describe(), "09:30 local");
        // A storm, a court, a vote.
        let b = one(
            "The river burst its banks at a quarter to ten.",
            "2025-10-20",
        );
        assert_eq!(b.value.describe(), "09:45 local");
        let c = one("The jury returned at 20 minutes past 3pm.", "2025-10-20");
        assert_eq!(c.value.describe(), "15:20 local");
        let d = one("Polls close at eight o'clock tonight.", "2025-10-20");
        assert_eq!(d.text, "eight o'clock");
        assert!(times("Sentences range from 5 to 10 years.", "2025-10-20").is_empty());
    }

    #[test]
    fn odd_text_does_not_panic() {
        for text in [
            "İİİ at 9:45 p.m. ET İstanbul time",
            "at 23:59 UTC+14:00 and 00:00 UTC-12",
            "between 11:59pm and 12:01am",
            "at 99:99 and 0:00 and 24:00 GMT",
            "at midnight(GMT",
        ] {
            for f in times(text, "2025-03-30") {
                let iv = f.value.interval().unwrap();
                assert!(iv.lo <= iv.hi, "{text}: {iv:?}");
            }
        }
    }

    #[test]
    fn numbers_are_not_times() {
        assert!(times("The quake was 19.30 km deep.", "2025-07-30").is_empty());
        assert!(times("The bill passed 222-209 in the House.", "2025-11-13").is_empty());
    }

    #[test]
    fn clock_times_in_other_house_styles() {
        // A race start, a shooting report, a launch, a strike notice.
        for (s, want) in [
            (
                "The race starts at 15h30 on Sunday, organisers said.",
                "15:30 local",
            ),
            (
                "The shooting was reported at 330 p.m., police said.",
                "15:30 local",
            ),
            (
                "The store reopened at 3:15p after the evacuation.",
                "15:15 local",
            ),
            (
                "Police logged the first call at 7:56:30pm on Friday.",
                "19:56 local",
            ),
            (
                "The alarm sounded at five oh five am, residents said.",
                "05:05 local",
            ),
            (
                "Doors open at seven thirty p.m. for the vigil.",
                "19:30 local",
            ),
            (
                "The president will address the nation tonight at 8.",
                "20:00 local",
            ),
            (
                "The verdict is due this afternoon at 3:20, the court said.",
                "15:20 local",
            ),
            ("The ceasefire took hold at mid-night.", "00:00 local"),
        ] {
            assert_eq!(one(s, "2025-10-30").value.describe(), want, "{s}");
        }
        // "a" after a time is an article, not a.m.
        assert_eq!(
            one("The meeting ran to 9:30 a day earlier than planned.", "")
                .value
                .describe(),
            "09:30 local"
        );
    }
}
