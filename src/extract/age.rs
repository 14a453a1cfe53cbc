//! Ages: how old something is — "3-1/2-year-old war" → [3.25, 3.75] years,
//! "3½ year conflict", "now in its fourth year" → [3, 4) years.
//!
//! Rules: `rules/age.toml`.
//!
//! People's ages as news style gives them: "Ramesh, 38," → [38, 39)
//! years (a person who is 38 has not yet turned 39), "aged 69", "a
//! 40-year-old British national", "died at the age of 88"; the subject is
//! the person's surname. A
//! sentence that opens "The 69-year-old …" and names no one refers back
//! to the person named last before it.
//!
//! Known gaps: "in the fourth year of the war" needs the subject after the
//! ordinal; "(69)" after a name and "69 years old" are not read.

use super::Extractor;
use super::numeric::{MatchContext, Reading, extract_with, hedge_of, unit_years};
use crate::clean::Document;
use crate::fact::{Entity, Fact, Kind, Value};
use crate::interval::Interval;
use crate::normalise::{hedges, numbers};
use crate::rules::Rules;
use regex::Captures;

pub struct Age;

impl Extractor for Age {
    fn kind(&self) -> Kind {
        Kind::Age
    }

    fn reads_people(&self) -> bool {
        true
    }

    fn extract(&self, doc: &Document, rules: &Rules) -> Vec<Fact> {
        extract_with(Kind::Age, doc, rules, read)
    }
}

/// Words that take a comma and a small number without being a person:
/// "In March, 12, people were hurt".
const NOT_A_PERSON: [&str; 21] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
    "However",
    "Meanwhile",
];

fn read(caps: &Captures, ctx: &MatchContext) -> Option<Reading> {
    // "aged 18 to 25": an age range of a group, not one age.
    if caps.name("range").is_some() {
        return None;
    }
    if let Some(name) = caps.name("name")
        && NOT_A_PERSON.contains(&name.as_str())
    {
        return None;
    }
    // A person's age has no unit word: years.
    let per_unit = match caps.name("unit") {
        Some(u) => unit_years(u.as_str())?,
        None => 1.0,
    };
    let (hedge, words) = hedge_of(caps, ctx);
    let subject = person(caps, ctx);
    let interval = if let Some(ord) = caps.name("ord") {
        let n = numbers::parse_ordinal(ord.as_str())? as f64;
        Interval::half_open((n - 1.0) * per_unit, n * per_unit)
    } else {
        let n = numbers::parse(caps.name("num")?.as_str())?;
        let whole = n.value.fract() == 0.0;
        if subject.is_some() && hedge.is_none() && per_unit == 1.0 && whole {
            // A person who is 40 has lived 40 years and not yet 41; a
            // round 40 is not "about 40" here.
            Interval::half_open(n.value, n.value + 1.0)
        } else {
            hedges::apply(hedge, n).scale(per_unit)
        }
    };
    Some(Reading {
        value: Value::Quantity {
            interval,
            unit: "years",
            noun: None,
        },
        hedge: words,
        subject,
    })
}

/// How far from the figure a person's name may stand and still be whose
/// age it is ("Cardinal Prevost, aged 69"; "Aged 69 and originally from
/// Chicago, Prevost has …").
const PERSON_REACH: usize = 60;

/// How far before its sentence the person a definite age ("The
/// 69-year-old …") refers back to may be named.
const ANAPHORA_REACH: usize = 600;

/// A person's age is about that person: the subject is the surname and
/// given initial of the nearest person the sentence names within
/// [`PERSON_REACH`] bytes (a bare surname takes the given name the document
/// introduced for it), so "Ramesh, 38" meets "40-year-old Vishwash Kumar
/// Ramesh". An age of a
/// thing ("3-1/2-year-old war") keeps its noun as subject.
fn person(caps: &Captures, ctx: &MatchContext) -> Option<(String, String)> {
    if caps.name("noun").is_some_and(|n| {
        ctx.rules
            .subject_index
            .nearest(n.as_str(), (0, 0), Kind::Age)
            .is_some()
    }) || caps.name("ord").is_some()
    {
        return None;
    }
    let (a, b) = (
        ctx.paragraph_start + ctx.span.0,
        ctx.paragraph_start + ctx.span.1,
    );
    let sentence = ctx.doc.sentence_at(a)?;
    let people = &ctx.doc.mentions.people;
    let from = people.partition_point(|m| m.end + PERSON_REACH < a);
    let in_sentence = people[from..]
        .iter()
        .take_while(|m| m.start <= b + PERSON_REACH)
        .filter(|m| {
            m.entity == Entity::Person && m.start >= sentence.start && m.end <= sentence.end
        })
        .min_by_key(|m| {
            if m.end <= a {
                a - m.end
            } else {
                m.start.saturating_sub(b)
            }
        });
    // "The 69-year-old native of Chicago": a definite age with no name
    // refers back to the person named last before its sentence.
    let definite = ctx.doc.text[sentence.start..a]
        .trim()
        .eq_ignore_ascii_case("the");
    let named_before = || {
        let k = people.partition_point(|m| m.end <= sentence.start);
        people[..k]
            .iter()
            .rev()
            .take_while(|m| m.end + ANAPHORA_REACH >= sentence.start)
            .find(|m| m.entity == Entity::Person)
    };
    in_sentence
        .or_else(|| definite.then(named_before).flatten())
        .map(|m| {
            let (surname, given) = m.key.split_once('/').unwrap_or((&m.key, ""));
            // The given name's initial keeps two of a family apart ("Ajay
            // Kumar Ramesh, 45" and "Nayan Ramesh, 27") and survives the
            // spellings outlets give one name ("Vishwash", "Viswash").
            let subject = match given.chars().next() {
                Some(i) => format!("person:{surname}/{i}"),
                None => format!("person:{surname}"),
            };
            (subject, m.surface(&ctx.doc.text).to_string())
        })
}

#[cfg(test)]
mod tests {
    use crate::fact::{Fact, Kind};
    use crate::rules::Rules;

    fn ages(text: &str) -> Vec<Fact> {
        let rules = Rules::embedded().unwrap();
        let doc = crate::clean::example_document(text, None, &rules);
        crate::extract::extract(&doc, &rules)
            .into_iter()
            .filter(|f| f.kind == Kind::Age)
            .collect()
    }

    #[test]
    fn an_age_at_the_age_of() {
        // An obituary and a papal death.
        let a = ages("The actor died at age 87 at his home in Los Angeles, his family said.");
        assert_eq!(a.len(), 1, "{a:?}");
        let iv = a[0].value.interval().unwrap();
        assert!(
            iv.lo <= 87.0 && 87.0 < iv.hi && iv.hi - iv.lo <= 1.0,
            "{iv}"
        );
        let b = ages("Pope Francis died at the age of 88 on Easter Monday.");
        assert_eq!(b[0].text, "at the age of 88");
        // A range of ages is a group, not one person's age.
        assert!(ages("Voters register at age 18 to 25 in the youth scheme.").is_empty());
    }
}
