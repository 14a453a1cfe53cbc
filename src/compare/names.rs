//! Comparison of names: the facts of one person across outlets, and whether
//! the outlets spell that person alike.
//!
//! Names are grouped by surname key (spelling folded, see
//! [`crate::normalise::names`]); within a surname, different given names
//! are different people (Donald Trump, Melania Trump), and a bare surname
//! joins the one person of that surname when there is only one. Verdicts:
//! `variant` when the outlets spell the person differently, `agree` when all
//! spell alike, `single-source` when one outlet names them. A name is never
//! a conflict: an outlet that leaves a person out contradicts nobody.

use super::{Comparison, Verdict, sources_of};
use crate::fact::{Fact, Value};
use crate::normalise::names::{Person, how_differ};
use std::collections::BTreeMap;

/// One person: the facts that name them.
struct Group<'a> {
    key: String,
    facts: Vec<&'a Fact>,
}

pub fn compare(facts: &[&Fact]) -> Vec<Comparison> {
    group(facts).into_iter().map(|g| judge(&g)).collect()
}

fn key_of(f: &Fact) -> &str {
    match &f.value {
        Value::Name { key, .. } => key,
        _ => "",
    }
}

fn surface_of(f: &Fact) -> &str {
    match &f.value {
        Value::Name { surface, .. } => surface,
        _ => "",
    }
}

/// Splits the facts into people.
fn group<'a>(facts: &[&'a Fact]) -> Vec<Group<'a>> {
    let mut by_surname: BTreeMap<String, Vec<&'a Fact>> = BTreeMap::new();
    for f in facts {
        let surname = key_of(f).split('/').next().unwrap_or("").to_string();
        by_surname.entry(surname).or_default().push(f);
    }
    let mut out = Vec::new();
    for (surname, fs) in by_surname {
        let mut people: BTreeMap<String, Vec<&'a Fact>> = BTreeMap::new();
        let mut bare: Vec<&'a Fact> = Vec::new();
        for f in fs {
            if key_of(f).contains('/') {
                people.entry(key_of(f).to_string()).or_default().push(f);
            } else {
                bare.push(f);
            }
        }
        if people.len() == 1
            && let Some(v) = people.values_mut().next()
        {
            v.append(&mut bare);
        }
        if !bare.is_empty() {
            people.insert(surname, bare);
        }
        for (key, mut fs) in people {
            fs.sort_by(|a, b| a.id.len().cmp(&b.id.len()).then(a.id.cmp(&b.id)));
            out.push(Group { key, facts: fs });
        }
    }
    out
}

fn judge(g: &Group) -> Comparison {
    let sources = sources_of(&g.facts);
    // The person's name in full, as most facts give it.
    let full = g
        .facts
        .iter()
        .map(|f| surface_of(f))
        .max_by_key(|s| (s.split_whitespace().count(), std::cmp::Reverse(*s)))
        .unwrap_or("");
    // Spellings of the surname and of the given names, each with its sources.
    let mut surnames: BTreeMap<String, Vec<&str>> = BTreeMap::new();
    let mut givens: BTreeMap<String, Vec<&str>> = BTreeMap::new();
    for f in &g.facts {
        let p = Person::parse(surface_of(f));
        push_source(&mut surnames, &p.surname, &f.source);
        if !p.given.is_empty() {
            push_source(&mut givens, &p.given, &f.source);
        }
    }
    let spelled = |m: &BTreeMap<String, Vec<&str>>| -> String {
        m.iter()
            .map(|(s, srcs)| format!("{s} ({})", srcs.join(", ")))
            .collect::<Vec<_>>()
            .join(" / ")
    };
    let differs = |m: &BTreeMap<String, Vec<&str>>| -> Option<&'static str> {
        let v: Vec<&String> = m.keys().collect();
        (v.len() > 1).then(|| how_differ(v[0], v[1]))
    };
    let short_form = g
        .facts
        .iter()
        .any(|f| Person::parse(surface_of(f)).given.is_empty())
        && g.facts
            .iter()
            .any(|f| !Person::parse(surface_of(f)).given.is_empty());
    let mut why = Vec::new();
    if let Some(how) = differs(&surnames) {
        why.push(format!("surname {}: {how}", spelled(&surnames)));
    }
    if let Some(how) = differs(&givens) {
        why.push(format!("first names {}: {how}", spelled(&givens)));
    }
    let (verdict, detail) = if sources.len() < 2 {
        (
            Verdict::SingleSource,
            format!("{full}: named by {}", sources.join(", ")),
        )
    } else if why.is_empty() {
        (
            Verdict::Agree,
            format!("{full}: spelled alike by {}", sources.join(", ")),
        )
    } else {
        let mut d = format!(
            "{full}: one person, same surname after folding; {}",
            why.join("; ")
        );
        if short_form {
            d.push_str(&format!("; the bare surname is a short form of {full}"));
        }
        (Verdict::Variant, d)
    };
    let detail = if short_form && verdict != Verdict::Variant {
        format!("{detail}; the bare surname is a short form of {full}")
    } else {
        detail
    };
    Comparison {
        key: format!("name/{}", g.key),
        kind: crate::fact::Kind::Name,
        subject: full.to_string(),
        verdict,
        facts: g.facts.iter().map(|f| f.id.clone()).collect(),
        independent_sources: 0,
        detail,
        alignment: None,
    }
}

fn push_source<'a>(m: &mut BTreeMap<String, Vec<&'a str>>, spelling: &str, source: &'a str) {
    let v = m.entry(spelling.to_string()).or_default();
    if !v.contains(&source) {
        v.push(source);
    }
}
