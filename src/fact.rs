//! The one type that flows through the pipeline: a checkable fact with the
//! words it came from, where they stand in the file, and its canonical value.

use crate::interval::{Interval, fmt_grouped, fmt_num};
use crate::words::Word;
use chrono::NaiveDate;
use serde::Serialize;
use std::borrow::Cow;
use std::fmt;
use std::sync::Arc;

/// What a fact is about. The order here is the order of the report's rows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Duration,
    Since,
    Age,
    Count,
    Date,
    Money,
    Percent,
    Measure,
    Time,
    Tally,
    Ordinal,
    Identifier,
    Quote,
    Name,
    List,
}

impl Kind {
    pub const ALL: [Kind; 15] = [
        Kind::Duration,
        Kind::Since,
        Kind::Age,
        Kind::Count,
        Kind::Date,
        Kind::Money,
        Kind::Percent,
        Kind::Measure,
        Kind::Time,
        Kind::Tally,
        Kind::Ordinal,
        Kind::Identifier,
        Kind::Quote,
        Kind::Name,
        Kind::List,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Duration => "duration",
            Kind::Since => "since",
            Kind::Age => "age",
            Kind::Count => "count",
            Kind::Date => "date",
            Kind::Measure => "measure",
            Kind::Time => "time",
            Kind::Tally => "tally",
            Kind::Ordinal => "ordinal",
            Kind::Identifier => "identifier",
            Kind::Quote => "quote",
            Kind::Name => "name",
            Kind::List => "list",
            Kind::Money => "money",
            Kind::Percent => "percent",
        }
    }

    /// Whether facts of this kind are figures, aligned across outlets by
    /// their frames (quotes, names and lists align by their own words).
    pub fn is_figure(self) -> bool {
        !matches!(self, Kind::Quote | Kind::Name | Kind::List)
    }

    pub fn parse(s: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Whether the text states a figure as having happened, or as a plan or
/// expectation. Planned and expected figures are never compared with actual
/// ones ("the prospect of seven hours of talks").
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Modality {
    #[default]
    Actual,
    Planned,
    Expected,
    Negated,
    /// What usually happens or happened over many past cases, not this
    /// story's event: "for much of the past century, the conclave has
    /// needed between three and 14 ballots".
    Habitual,
    /// A figure the story says was superseded: the old value of a change
    /// or a revision ("rose to 3.1 percent, up from 2.9 percent", "revised
    /// the magnitude from 8.0 to 8.8").
    Earlier,
}

impl Modality {
    pub fn as_str(self) -> &'static str {
        match self {
            Modality::Actual => "actual",
            Modality::Planned => "planned",
            Modality::Expected => "expected",
            Modality::Negated => "negated",
            Modality::Habitual => "habitual",
            Modality::Earlier => "earlier",
        }
    }
}

/// One person named in a list, with the key that identifies them across
/// spellings, and the side or delegation the text places them on.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Member {
    pub name: String,
    pub key: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub side: Option<String>,
}

/// The canonical value of a fact. JSON: an object with a `type` field, the
/// rest kind-specific (documented in the README). Units, nouns, currencies,
/// zones and schemes are interned ([`crate::words::intern`]): a few hundred
/// distinct strings, held by every figure.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Value {
    /// A hedged quantity in the canonical unit of its dimension: seconds
    /// for durations, years for ages and "years before publication" for
    /// undated `since` windows, `count` for counts. `noun` is what a count
    /// counts ("people"), kept apart from the unit: "242 people" and "243
    /// passengers" are on one scale, and alignment decides whether they
    /// speak of one thing.
    Quantity {
        interval: Interval,
        unit: &'static str,
        #[serde(skip_serializing_if = "Option::is_none")]
        noun: Option<&'static str>,
    },
    /// A range of days `[from, to)`, resolved against the publication date
    /// where the text was relative.
    Dates {
        from: NaiveDate,
        to: NaiveDate,
        relative: bool,
    },
    /// A direct quotation: the words as printed, the matching key, and
    /// whether it is speech at all (a backdrop's words are not).
    Quote {
        /// The quoted words, shared with the document's text.
        words: Span,
        /// Shared by the facts of one article that quote the same words.
        key: Arc<str>,
        speech: bool,
    },
    /// A person's or place's name as spelled, the entity key, and which of
    /// the two it names.
    Name {
        surface: String,
        key: String,
        entity: Entity,
    },
    /// A set of people, with the count the text states and the side.
    List {
        members: Vec<Member>,
        stated_count: Option<u32>,
        side: Option<String>,
    },
    /// An amount of money ([`Money`]), boxed: it is the largest value,
    /// and every fact would otherwise hold room for one.
    Money(Box<Money>),
    /// A percentage (`unit` "percent") or a difference of percentages
    /// (`unit` "percentage points"); `from` is the level before a stated
    /// change ("lowered to 47% from 57%").
    Percent {
        interval: Interval,
        unit: &'static str,
        #[serde(skip_serializing_if = "Option::is_none")]
        from: Option<Box<Interval>>,
    },
    /// A clock time or window: minutes of the day, in UTC where the zone
    /// was stated and known, else as read on the clock. `zone` is its unit:
    /// `utc-time`, `local-time`, or a label crosscheck cannot resolve
    /// (`XYZ-time`). `reading` is the time as printed ("02:45 UTC",
    /// "09:20–09:27 local").
    Clock {
        interval: Interval,
        zone: &'static str,
        reading: Box<str>,
    },
    /// A pair of figures compared as a pair: a vote or a score ("222-209",
    /// "won 3-1"), or a part of a whole ("89 votes of 133", `of_total`).
    Tally {
        first: u64,
        second: u64,
        of_total: bool,
    },
    /// A code or model name, normalised ("AI171", "11A", "BOEING 787-8"),
    /// with its scheme (`flight`, `seat`, `model`, `bill`).
    Code { code: String, scheme: &'static str },
}

/// An amount of money: `interval` in `unit`, which is `EUR` where a rate
/// of the publication date converted it, else the stated currency's code;
/// `amount` in the stated `currency`, and the ECB rate day used
/// (`rate_date`).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Money {
    pub interval: Interval,
    pub unit: &'static str,
    pub amount: Interval,
    pub currency: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rate_date: Option<NaiveDate>,
}

/// What a name fact names: a person, or a place (a city, a region, a
/// peninsula). Places are compared for spelling like people, but never
/// merged into a longer place ("Santiago de Cuba" is not "Cuba").
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Entity {
    #[default]
    Person,
    Place,
}

/// How two values of one kind stand to each other, for verdicts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Relation {
    /// They denote the same thing ("80 years" and "eight decades").
    Same,
    /// They can both be true but differ in precision or extent.
    Overlap,
    /// They cannot both be true.
    Disjoint,
    /// They are not on one scale (different units, no rate to convert).
    Incomparable,
}

impl Value {
    /// How `self` stands to `other`. Values on one numeric axis compare by
    /// interval overlap; kinds with values of their own (pairs, codes) add
    /// their arm here, so one verdict path serves every kind.
    pub fn relation(&self, other: &Value) -> Relation {
        // Two amounts in one currency compare as stated, free of rate noise.
        if let (Value::Money(a), Value::Money(b)) = (self, other)
            && a.currency == b.currency
        {
            return interval_relation(&a.amount, &b.amount);
        }
        if self.unit() != other.unit() {
            return Relation::Incomparable;
        }
        match (self.interval(), other.interval()) {
            (Some(x), Some(y)) if x.same_as(&y) => Relation::Same,
            (Some(x), Some(y)) if x.overlaps(&y) => Relation::Overlap,
            (Some(_), Some(_)) => Relation::Disjoint,
            _ => match (self, other) {
                // A vote or score is one fact: "222-209" = "222 to 209";
                // the order of the two figures is the writer's choice.
                (
                    Value::Tally {
                        first: a1,
                        second: a2,
                        ..
                    },
                    Value::Tally {
                        first: b1,
                        second: b2,
                        ..
                    },
                ) => {
                    let sorted = |x: u64, y: u64| (x.max(y), x.min(y));
                    if sorted(*a1, *a2) == sorted(*b1, *b2) {
                        Relation::Same
                    } else {
                        Relation::Disjoint
                    }
                }
                // "Boeing 787" generalises "Boeing 787-8".
                (Value::Code { code: a, .. }, Value::Code { code: b, .. }) => {
                    if a == b {
                        Relation::Same
                    } else if code_generalises(a, b) || code_generalises(b, a) {
                        Relation::Overlap
                    } else {
                        Relation::Disjoint
                    }
                }
                _ => Relation::Incomparable,
            },
        }
    }

    /// The value as a set of numbers on one axis, for kinds compared by
    /// overlap. Dates become day numbers.
    pub fn interval(&self) -> Option<Interval> {
        match self {
            Value::Quantity { interval, .. }
            | Value::Percent { interval, .. }
            | Value::Clock { interval, .. } => Some(*interval),
            Value::Money(m) => Some(m.interval),
            Value::Dates { from, to, .. } => Some(Interval::half_open(
                day_number(*from) as f64,
                day_number(*to) as f64,
            )),
            _ => None,
        }
    }

    /// The unit a quantity is measured in; values of different units are
    /// never compared.
    pub fn unit(&self) -> &str {
        match self {
            Value::Quantity { unit, .. } | Value::Percent { unit, .. } => unit,
            Value::Money(m) => m.unit,
            Value::Dates { .. } => "days",
            Value::Clock { zone, .. } => zone,
            Value::Tally {
                of_total: false, ..
            } => "tally",
            Value::Tally { of_total: true, .. } => "tally-of-total",
            Value::Code { scheme, .. } => scheme,
            _ => "",
        }
    }

    /// The value in words for reports ("under 3 h", "over 1,000,000
    /// people"); [`Value::describe`] gives the exact interval.
    pub fn reading(&self) -> String {
        match self {
            Value::Quantity { interval, unit, .. } if *unit == "s" => {
                let (div, name) = duration_unit(interval);
                format!("{} {name}", interval.reading(|x| fmt_grouped(x / div)))
            }
            // Distances read in kilometres and speeds in km/h, as news
            // prints them, though compared in m and m/s.
            Value::Quantity { interval, unit, .. }
                if *unit == "m" && interval.lo.abs() >= 1000.0 =>
            {
                format!(
                    "{} km",
                    interval.reading(|x| fmt_grouped(round3(x / 1000.0)))
                )
            }
            Value::Quantity { interval, unit, .. } if *unit == "m/s" => {
                format!(
                    "{} km/h",
                    interval.reading(|x| fmt_grouped(round3(x * 3.6)))
                )
            }
            Value::Quantity { interval, unit, .. } if *unit == "degC" => {
                format!("{} °C", interval.reading(|x| fmt_grouped(round3(x))))
            }
            Value::Quantity {
                interval,
                unit,
                noun,
            } if !unit.is_empty() => {
                let unit = noun.as_deref().unwrap_or(unit);
                // A bare whole count ("26 leaders" = 25.5 to 26.5) reads as itself.
                let mid = (interval.lo + interval.hi) / 2.0;
                let whole = (interval.hi - interval.lo - 1.0).abs() < 1e-9
                    && !interval.lo_open
                    && !interval.hi_open
                    && mid.fract() == 0.0;
                if whole {
                    format!("{} {unit}", fmt_grouped(mid))
                } else {
                    format!("{} {unit}", interval.reading(fmt_grouped))
                }
            }
            Value::Quantity { interval, .. } => interval.reading(fmt_grouped),
            Value::Dates { from, to, .. } => describe_dates(*from, *to),
            Value::Money(m) => format!("{} {}", m.amount.reading(fmt_grouped), m.currency),
            Value::Percent { interval, unit, .. } => {
                format!("{} {}", interval.reading(fmt_grouped), percent_sign(unit))
            }
            other => other.describe(),
        }
    }

    /// The exact value: intervals in interval notation ("[2.4, 3) h").
    pub fn describe(&self) -> String {
        match self {
            Value::Quantity {
                interval,
                unit,
                noun,
            } => describe_quantity(interval, noun.as_deref().unwrap_or(unit)),
            Value::Dates { from, to, .. } => describe_dates(*from, *to),
            Value::Quote { words, .. } => format!("“{words}”"),
            Value::Name { surface, .. } => surface.clone(),
            Value::Money(m) => {
                let Money {
                    interval,
                    unit,
                    amount,
                    currency,
                    ..
                } = &**m;
                let stated = amount.display_with(fmt_sig);
                if unit == currency {
                    format!("{} {currency}", interval.display_with(fmt_sig))
                } else {
                    format!(
                        "{stated} {currency} = {} {unit}",
                        interval.display_with(fmt_sig)
                    )
                }
            }
            Value::Percent {
                interval,
                unit,
                from,
            } => match from {
                Some(f) => format!("{f} → {interval} {}", percent_sign(unit)),
                None => format!("{interval} {}", percent_sign(unit)),
            },
            Value::Clock { reading, .. } => reading.to_string(),
            Value::Tally {
                first,
                second,
                of_total: false,
            } => format!("{first}-{second}"),
            Value::Tally {
                first,
                second,
                of_total: true,
            } => format!("{first} of {second}"),
            Value::Code { code, .. } => code.clone(),
            Value::List {
                members,
                stated_count,
                ..
            } => {
                let names: Vec<&str> = members.iter().map(|m| m.name.as_str()).collect();
                match stated_count {
                    Some(n) => format!("{n} stated: {}", names.join(", ")),
                    None => names.join(", "),
                }
            }
        }
    }
}

/// How two intervals stand to each other.
fn interval_relation(x: &Interval, y: &Interval) -> Relation {
    if x.same_as(y) {
        Relation::Same
    } else if x.overlaps(y) {
        Relation::Overlap
    } else {
        Relation::Disjoint
    }
}

/// `%` for percent, `pp` for percentage points.
fn percent_sign(unit: &str) -> &'static str {
    if unit == "percent" { "%" } else { "pp" }
}

/// A converted amount to four significant digits ("102.1M"), enough to read
/// and free of rate noise.
fn fmt_sig(x: f64) -> String {
    if !x.is_finite() {
        return fmt_num(x);
    }
    let (div, suffix) = if x.abs() >= 1e9 {
        (1e9, "bn")
    } else if x.abs() >= 1e6 {
        (1e6, "m")
    } else {
        (1.0, "")
    };
    let v = x / div;
    let digits = if v.abs() >= 1000.0 {
        0
    } else if v.abs() >= 100.0 {
        1
    } else if v.abs() >= 10.0 {
        2
    } else {
        3
    };
    let s = format!("{v:.digits$}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    format!("{s}{suffix}")
}

/// Whether code `general` names a family that `specific` belongs to:
/// "BOEING 787" of "BOEING 787-8", "BOEING" of "BOEING 787".
fn code_generalises(general: &str, specific: &str) -> bool {
    specific.len() > general.len()
        && specific.starts_with(general)
        && specific[general.len()..].starts_with([' ', '-', '/'])
}

/// Rounded to three decimals, for readings.
fn round3(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}

fn day_number(d: NaiveDate) -> i64 {
    d.signed_duration_since(NaiveDate::from_ymd_opt(1970, 1, 1).expect("valid date"))
        .num_days()
}

fn describe_quantity(iv: &Interval, unit: &str) -> String {
    if unit == "s" {
        // Durations read best in the largest unit that keeps them whole-ish.
        let (div, name) = duration_unit(iv);
        return format!("{} {name}", iv.display_with(|x| fmt_num(x / div)));
    }
    if unit.is_empty() {
        iv.to_string()
    } else {
        format!("{iv} {unit}")
    }
}

fn duration_unit(iv: &Interval) -> (f64, &'static str) {
    let x = if iv.hi.is_finite() { iv.hi } else { iv.lo };
    // A counted number of days ("43-day") reads in days.
    let days = x / 86400.0;
    if iv.lo == iv.hi && (1.0..366.0).contains(&days) && days.fract() == 0.0 {
        return (86400.0, "days");
    }
    // (unit, name, shown from this many units up)
    const UNITS: [(f64, &str, f64); 7] = [
        (365.25 * 86400.0, "years", 2.0),
        (365.25 / 12.0 * 86400.0, "months", 2.0),
        (7.0 * 86400.0, "weeks", 2.0),
        (86400.0, "days", 2.0),
        (3600.0, "h", 0.999),
        (60.0, "min", 0.999),
        (1.0, "s", 0.0),
    ];
    for (div, name, from) in UNITS {
        if x >= div * from {
            return (div, name);
        }
    }
    (1.0, "s")
}

fn describe_dates(from: NaiveDate, to: NaiveDate) -> String {
    let last = to.pred_opt().unwrap_or(to);
    if from == last {
        return from.format("%Y-%m-%d").to_string();
    }
    use chrono::Datelike;
    if from.day() == 1 && to.day() == 1 {
        let months = (to.year() - from.year()) * 12 + to.month() as i32 - from.month() as i32;
        if months == 12 && from.month() == 1 {
            return from.format("%Y").to_string();
        }
        if months == 1 {
            return from.format("%Y-%m").to_string();
        }
    }
    format!("{} to {}", from.format("%Y-%m-%d"), last.format("%Y-%m-%d"))
}

/// The sentence around `start..end`; of a very long sentence, only the
/// part near the fact.
fn sentence_window(doc: &crate::clean::Document, start: usize, end: usize) -> Excerpt {
    const REACH: usize = 300;
    let Some(s) = doc.sentence_at(start) else {
        return Excerpt::default();
    };
    let text = &doc.text;
    let floor = |mut i: usize| {
        while i > 0 && !text.is_char_boundary(i) {
            i -= 1;
        }
        i
    };
    let a = floor(s.start.max(start.saturating_sub(REACH)));
    let b = floor(s.end.min(end + REACH)).max(a);
    Excerpt {
        text: Arc::clone(text),
        start: offset(a),
        end: offset(b),
        cut_before: a > s.start,
        cut_after: b < s.end,
    }
}

/// A stretch of a document's text, with `…` where it cuts a sentence
/// short. It shares the document's text instead of copying it: a feed's
/// facts would otherwise hold their sentences many times over. Serialises
/// as the string it reads.
#[derive(Clone, Default)]
pub struct Excerpt {
    text: Arc<str>,
    start: u32,
    end: u32,
    cut_before: bool,
    cut_after: bool,
}

impl Excerpt {
    /// The excerpt as one string, `…` marks included; borrowed when the
    /// excerpt is a whole sentence.
    pub fn as_text(&self) -> Cow<'_, str> {
        let body = &self.text[self.start as usize..self.end as usize];
        if !self.cut_before && !self.cut_after {
            return Cow::Borrowed(body);
        }
        let mut out = String::with_capacity(body.len() + 6);
        if self.cut_before {
            out.push('…');
        }
        out.push_str(body);
        if self.cut_after {
            out.push('…');
        }
        Cow::Owned(out)
    }

    /// Length in bytes of [`Excerpt::as_text`].
    pub fn len(&self) -> usize {
        let mark = '…'.len_utf8();
        (self.end - self.start) as usize
            + mark * (usize::from(self.cut_before) + usize::from(self.cut_after))
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

impl From<&str> for Excerpt {
    fn from(s: &str) -> Excerpt {
        Excerpt {
            text: Arc::from(s),
            start: 0,
            end: offset(s.len()),
            cut_before: false,
            cut_after: false,
        }
    }
}

impl fmt::Display for Excerpt {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.as_text())
    }
}

impl fmt::Debug for Excerpt {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&*self.as_text(), f)
    }
}

impl PartialEq for Excerpt {
    fn eq(&self, other: &Excerpt) -> bool {
        self.as_text() == other.as_text()
    }
}

impl Serialize for Excerpt {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.as_text())
    }
}

/// Words of a document's text, shared with it instead of copied: a
/// quote-heavy story would otherwise hold every quotation twice. Reads as
/// a `&str` and serialises as the string.
#[derive(Clone, Default)]
pub struct Span {
    text: Arc<str>,
    start: u32,
    end: u32,
}

/// A byte offset into an article's text, which [`crate::ingest`] keeps
/// under 4 GB (the `--max-size` cap): spans and excerpts hold 4-byte
/// offsets, as a long article holds several for every fact.
fn offset(i: usize) -> u32 {
    u32::try_from(i).expect("an article's text is under 4 GB")
}

/// A 1-based line number of an article: 4 bytes, as its offsets, since
/// an article has fewer lines than bytes.
pub fn line_number(n: usize) -> u32 {
    offset(n)
}

impl Span {
    /// `text[start..end]`; both ends must be char boundaries of `text`.
    pub fn new(text: &Arc<str>, start: usize, end: usize) -> Span {
        debug_assert!(text.is_char_boundary(start) && text.is_char_boundary(end));
        Span {
            text: Arc::clone(text),
            start: offset(start),
            end: offset(end),
        }
    }

    /// Its byte range in the text it is part of.
    pub fn range(&self) -> (usize, usize) {
        (self.start as usize, self.end as usize)
    }
}

impl std::ops::Deref for Span {
    type Target = str;
    fn deref(&self) -> &str {
        &self.text[self.start as usize..self.end as usize]
    }
}

impl AsRef<str> for Span {
    fn as_ref(&self) -> &str {
        self
    }
}

impl From<&str> for Span {
    fn from(s: &str) -> Span {
        Span {
            text: Arc::from(s),
            start: 0,
            end: offset(s.len()),
        }
    }
}

impl From<String> for Span {
    fn from(s: String) -> Span {
        let end = offset(s.len());
        Span {
            text: Arc::from(s),
            start: 0,
            end,
        }
    }
}

impl fmt::Display for Span {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self)
    }
}

impl fmt::Debug for Span {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&**self, f)
    }
}

impl PartialEq for Span {
    fn eq(&self, other: &Span) -> bool {
        **self == **other
    }
}

impl PartialEq<str> for Span {
    fn eq(&self, other: &str) -> bool {
        &**self == other
    }
}

impl PartialEq<&str> for Span {
    fn eq(&self, other: &&str) -> bool {
        &**self == *other
    }
}

impl PartialEq<String> for Span {
    fn eq(&self, other: &String) -> bool {
        **self == **other
    }
}

impl PartialEq<Span> for String {
    fn eq(&self, other: &Span) -> bool {
        **self == **other
    }
}

impl PartialEq<Span> for &str {
    fn eq(&self, other: &Span) -> bool {
        *self == &**other
    }
}

impl Serialize for Span {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self)
    }
}

/// What a figure is about, read from its own sentence: the features
/// alignment compares across outlets. Keys are word stems, or `=id` for a
/// word of a `rules/lexicon.toml` set ("passengers" → `=people`). Keys
/// and names are interned words: a long article holds a frame for every
/// figure, and few distinct words among them.
///
/// Its four word lists are laid out in one block and the context in a
/// second: a frame takes two allocations however many lists it fills.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Frame {
    /// Head, predicate, place and holder words, one list after another.
    words: crate::packed::Packed<Word, 3>,
    /// The main head as written, lower-case, for people to read.
    pub noun: Option<&'static str>,
    /// Content words of its sentence with their nearness weight (0–1].
    context: Box<[(Word, f32)]>,
    /// Whether it stands in the article's first sentences, where news
    /// states its main event.
    pub lead: bool,
}

/// A frame's lists as they are read, before [`Frame::new`] packs them.
#[derive(Clone, Debug, Default)]
pub struct FrameLists {
    pub head: Vec<Word>,
    pub predicate: Vec<Word>,
    pub place: Vec<Word>,
    pub holder: Vec<Word>,
    pub context: Vec<(Word, f32)>,
}

impl Frame {
    /// The frame of `lists`, its four word lists packed into one block.
    pub fn new(lists: FrameLists, noun: Option<&'static str>, lead: bool) -> Frame {
        let FrameLists {
            head,
            predicate,
            place,
            holder,
            context,
        } = lists;
        Frame {
            words: crate::packed::Packed::new([head, predicate, place, holder]),
            noun,
            context: context.into_boxed_slice(),
            lead,
        }
    }

    fn list(&self, i: usize) -> &[Word] {
        self.words.get(i)
    }

    /// The nouns it counts or measures, the main one first.
    pub fn head(&self) -> &[Word] {
        self.list(0)
    }

    /// The verbs and event words that govern it, nearest first.
    pub fn predicate(&self) -> &[Word] {
        self.list(1)
    }

    /// Places its clause anchors it to ("in Japan").
    pub fn place(&self) -> &[Word] {
        self.list(2)
    }

    /// Other names in its clause: whose figure it is.
    pub fn holder(&self) -> &[Word] {
        self.list(3)
    }

    /// Content words of its sentence with their nearness weight (0–1].
    pub fn context(&self) -> &[(Word, f32)] {
        &self.context
    }
}

/// As the lists it holds: head, noun, predicate, place and holder.
impl Serialize for Frame {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut s = serializer.serialize_struct("Frame", 5)?;
        s.serialize_field("head", self.head())?;
        if let Some(noun) = self.noun {
            s.serialize_field("noun", noun)?;
        } else {
            s.skip_field("noun")?;
        }
        s.serialize_field("predicate", self.predicate())?;
        s.serialize_field("place", self.place())?;
        s.serialize_field("holder", self.holder())?;
        s.end()
    }
}

/// A fact's id: `f1`, `f2`, … in source order, then file order. Kept as
/// its number (4 bytes, where a string took a pointer, two lengths and a
/// heap block per fact) and written as `f` and the number.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct FactId(pub u32);

impl std::fmt::Display for FactId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "f{}", self.0)
    }
}

impl Serialize for FactId {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl FactId {
    /// The id written as `f12`, as reports give it.
    pub fn parse(s: &str) -> Option<FactId> {
        s.strip_prefix('f')?.parse().ok().map(FactId)
    }
}

/// A checkable fact of one source.
#[derive(Clone, Debug, Serialize)]
pub struct Fact {
    /// `f1`, `f2`, … in source order, then file order.
    pub id: FactId,
    /// The source's id, shared by all its facts.
    pub source: Arc<str>,
    pub kind: Kind,
    /// Canonical subject id (`meeting`, `war`); empty when none was found,
    /// and then the fact is compared with nothing. Interned, as are the
    /// subject's words and the hedge: few distinct ones, many facts.
    pub subject: Word,
    /// The words the subject was read from.
    pub subject_words: Option<Word>,
    /// The fact's words exactly as in the file.
    pub text: Span,
    /// Byte offsets into the file as read from disk, front matter included.
    pub start: usize,
    pub end: usize,
    /// 1-based line of `start`; 4 bytes, as the text is under 4 GB.
    pub line: u32,
    pub value: Value,
    pub hedge: Option<Word>,
    pub modality: Modality,
    /// Entity key of the person who said or wrote it (quotes), interned:
    /// a story's quotes come from few people.
    pub speaker: Option<Word>,
    /// The id of the rule that produced it, interned in the word table:
    /// one copy per rule id, not one per fact.
    pub rule: Word,
    /// The sentence it stands in.
    pub sentence: Excerpt,
    /// What it is about, for alignment (figures only). Boxed: most facts
    /// of a quote-heavy story have none, and the list of facts is the
    /// largest thing crosscheck holds.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub frame: Option<Box<Frame>>,
}

impl Fact {
    /// A fact with the common fields set from a match in a document; the
    /// extractor fills in subject, hedge, modality and speaker.
    pub fn new(
        doc: &crate::clean::Document,
        kind: Kind,
        start: usize,
        end: usize,
        value: Value,
        rule: &str,
    ) -> Fact {
        Fact {
            id: FactId::default(),
            source: Arc::clone(&doc.id),
            kind,
            subject: Word::EMPTY,
            subject_words: None,
            text: Span::new(&doc.text, start, end),
            start,
            end,
            line: line_number(doc.line_of(start)),
            value,
            hedge: None,
            modality: Modality::Actual,
            speaker: None,
            rule: Word::of(rule),
            sentence: sentence_window(doc, start, end),
            frame: None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// "Eight items were stolen from the Louvre in Paris": a frame packs
    /// its lists into one block and gives each back whole, empty ones too,
    /// and the report shows the lists as before.
    #[test]
    fn a_frame_gives_back_each_list_it_packed() {
        let w = Word::of;
        let lists = FrameLists {
            head: vec![w("=items")],
            predicate: vec![w("+steal")],
            place: vec![w("louvr"), w("pari")],
            holder: Vec::new(),
            context: vec![(w("louvr"), 0.5), (w("stolen"), 1.0)],
        };
        let frame = Frame::new(lists, Some("items"), true);
        assert_eq!(frame.head(), [w("=items")]);
        assert_eq!(frame.predicate(), [w("+steal")]);
        assert_eq!(frame.place(), [w("louvr"), w("pari")]);
        assert!(frame.holder().is_empty());
        assert_eq!(frame.context(), [(w("louvr"), 0.5), (w("stolen"), 1.0)]);
        assert!(frame.lead);
        assert_eq!(
            serde_json::to_string(&frame).unwrap(),
            r#"{"head":["=items"],"noun":"items","predicate":["+steal"],"place":["louvr","pari"],"holder":[]}"#
        );
        assert_eq!(Frame::default().head(), &[] as &[Word]);
    }

    #[test]
    fn an_optional_word_takes_no_more_room_than_a_word() {
        assert_eq!(std::mem::size_of::<Option<Word>>(), 4);
    }

    /// A long article holds a fact every 200 bytes or so: a fact's fixed
    /// part is most of the memory after its text. Interned words, 4-byte
    /// lines and boxed rare values keep it at 192 bytes.
    #[test]
    fn a_fact_stays_small() {
        assert!(
            std::mem::size_of::<Fact>() <= 192,
            "{}",
            std::mem::size_of::<Fact>()
        );
        assert!(
            std::mem::size_of::<Value>() <= 64,
            "{}",
            std::mem::size_of::<Value>()
        );
    }

    #[test]
    fn no_subject_is_the_empty_word() {
        assert_eq!(Word::of(""), Word::EMPTY);
        assert!(Word::EMPTY.is_empty() && Word::EMPTY.as_str().is_empty());
        assert!(!Word::of("pope").is_empty());
    }
}
