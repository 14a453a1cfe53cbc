//! Comparison of lists.
//!
//! Participant lists that share a person form one comparison (two
//! delegations named by no list together stay apart): `agree` when every
//! outlet names the same people, `compatible` when they name different
//! subsets (leaving someone out contradicts nobody), `conflict` only when
//! one outlet puts a person on one side and another on a different side.
//! The detail lists every person and the outlets that name them.
//!
//! A list with a stated count ("at least five provinces, Crimea, …") is
//! checked against itself: `agree` when the items fit the count, `conflict`
//! when they do not — a contradiction inside that one source.

use super::sets::find;
use super::{Comparison, Verdict, sources_of};
use crate::extract::list::count_agrees;
use crate::fact::{Fact, Kind, Member, Value};
use std::collections::{BTreeMap, BTreeSet};

pub fn compare(facts: &[&Fact]) -> Vec<Comparison> {
    let (counted, participants): (Vec<&Fact>, Vec<&Fact>) = facts.iter().partition(|f| {
        matches!(
            f.value,
            Value::List {
                stated_count: Some(_),
                ..
            }
        )
    });
    let mut out: Vec<Comparison> = counted.iter().map(|f| self_check(f)).collect();
    for group in groups(&participants) {
        out.push(compare_participants(&group));
    }
    out
}

/// Participant lists joined by the people they share: one delegation's
/// lists in one comparison, another delegation's (no one in common) in
/// another. In the order of each group's first list.
fn groups<'a>(lists: &[&'a Fact]) -> Vec<Vec<&'a Fact>> {
    let resolve = resolver(lists);
    let mut root: Vec<usize> = (0..lists.len()).collect();
    let mut first_with: BTreeMap<String, usize> = BTreeMap::new();
    for (i, f) in lists.iter().enumerate() {
        for m in members_of(f) {
            let k = resolve(&m.key);
            match first_with.get(&k) {
                Some(&j) => {
                    let (a, b) = (find(&mut root, i), find(&mut root, j));
                    root[a.max(b)] = a.min(b);
                }
                None => {
                    first_with.insert(k, i);
                }
            }
        }
    }
    let mut out: Vec<Vec<&Fact>> = Vec::new();
    let mut slot: BTreeMap<usize, usize> = BTreeMap::new();
    for (i, f) in lists.iter().enumerate() {
        let r = find(&mut root, i);
        let n = out.len();
        let at = *slot.entry(r).or_insert(n);
        if at == n {
            out.push(Vec::new());
        }
        out[at].push(*f);
    }
    out
}

fn members_of(f: &Fact) -> &[Member] {
    match &f.value {
        Value::List { members, .. } => members,
        _ => &[],
    }
}

/// A counted list against its own count.
fn self_check(f: &Fact) -> Comparison {
    let (members, stated) = match &f.value {
        Value::List {
            members,
            stated_count,
            ..
        } => (members.as_slice(), stated_count.unwrap_or(0)),
        _ => (&[][..], 0),
    };
    let names: Vec<&str> = members.iter().map(|m| m.name.as_str()).collect();
    let stated_words = match &f.hedge {
        Some(h) => format!("{h} {stated}"),
        None => stated.to_string(),
    };
    let (verdict, verb) = match count_agrees(
        stated,
        members.len(),
        f.hedge.map(crate::words::Word::as_str),
    ) {
        Some(true) => (Verdict::Agree, "fits"),
        Some(false) => (Verdict::Conflict, "does not fit"),
        None => (Verdict::SingleSource, "cannot be checked against"),
    };
    let detail = format!(
        "{}: {} listed ({}) {verb} the stated count, {stated_words}",
        f.source,
        members.len(),
        names.join(", ")
    );
    let detail = if verdict == Verdict::Conflict {
        format!("{detail}; the source contradicts itself")
    } else {
        detail
    };
    Comparison {
        key: format!("list/count-{}", f.subject),
        kind: Kind::List,
        subject: f.subject.to_string(),
        verdict,
        facts: vec![f.id],
        independent_sources: 0,
        detail,
        alignment: None,
    }
}

/// Person keys made comparable across sources: a bare surname takes the
/// one given name the lists know for it.
fn resolver(facts: &[&Fact]) -> impl Fn(&str) -> String {
    let mut given: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for f in facts {
        for m in members_of(f) {
            if let Some((surname, _)) = m.key.split_once('/') {
                given
                    .entry(surname.to_string())
                    .or_default()
                    .insert(m.key.clone());
            }
        }
    }
    move |key: &str| {
        if key.contains('/') {
            return key.to_string();
        }
        match given.get(key) {
            Some(keys) if keys.len() == 1 => keys.iter().next().cloned().unwrap_or_default(),
            _ => key.to_string(),
        }
    }
}

/// A person on the lists: display name, the sources naming them, and the
/// side each source places them on.
type Named<'a> = (String, Vec<&'a str>, BTreeMap<&'a str, String>);

/// Every outlet's participants, compared.
fn compare_participants(facts: &[&Fact]) -> Comparison {
    let resolve = resolver(facts);
    let sources = sources_of(facts);
    // person key → who they are on the lists
    let mut people: BTreeMap<String, Named> = BTreeMap::new();
    let mut order: Vec<String> = Vec::new();
    let mut by_source: BTreeMap<&str, BTreeSet<String>> = BTreeMap::new();
    for f in facts {
        for m in members_of(f) {
            let k = resolve(&m.key);
            if !people.contains_key(&k) {
                order.push(k.clone());
            }
            let entry = people
                .entry(k.clone())
                .or_insert_with(|| (m.name.clone(), Vec::new(), BTreeMap::new()));
            if m.name.split_whitespace().count() > entry.0.split_whitespace().count() {
                entry.0 = m.name.clone();
            }
            if !entry.1.contains(&&*f.source) {
                entry.1.push(&f.source);
            }
            if let Some(side) = &m.side {
                entry.2.insert(&f.source, side.clone());
            }
            by_source.entry(&f.source).or_default().insert(k);
        }
    }
    let mut clashes = Vec::new();
    for k in &order {
        let (name, _, sides) = &people[k];
        let distinct: BTreeSet<&String> = sides.values().collect();
        if distinct.len() > 1 {
            let said: Vec<String> = sides
                .iter()
                .map(|(s, side)| format!("{side} ({s})"))
                .collect();
            clashes.push(format!("{name} placed on {}", said.join(" vs ")));
        }
    }
    let sets: Vec<&BTreeSet<String>> = by_source.values().collect();
    let all_equal = sets.windows(2).all(|w| w[0] == w[1]);
    let who: Vec<String> = order
        .iter()
        .map(|k| {
            let (name, srcs, _) = &people[k];
            format!("{name} ({})", srcs.join(", "))
        })
        .collect();
    let (verdict, detail) = if sources.len() < 2 {
        (Verdict::SingleSource, who.join("; "))
    } else if !clashes.is_empty() {
        (
            Verdict::Conflict,
            format!("{}; named: {}", clashes.join("; "), who.join("; ")),
        )
    } else if all_equal {
        (Verdict::Agree, format!("same people: {}", who.join("; ")))
    } else {
        let union: BTreeSet<&String> = sets.iter().flat_map(|s| s.iter()).collect();
        let partial: Vec<&str> = by_source
            .iter()
            .filter(|(_, s)| s.len() < union.len())
            .map(|(src, _)| *src)
            .collect();
        (
            Verdict::Compatible,
            format!(
                "no one placed on two sides; {} name only some: {}",
                partial.join(", "),
                who.join("; ")
            ),
        )
    };
    let mut ids: Vec<&Fact> = facts.to_vec();
    ids.sort_by_key(|f| f.id);
    Comparison {
        key: "list/participants".into(),
        kind: Kind::List,
        subject: "participants".into(),
        verdict,
        facts: ids.iter().map(|f| f.id).collect(),
        independent_sources: 0,
        detail,
        alignment: None,
    }
}
