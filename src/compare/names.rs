//! Comparison of names: the facts of one person (or place) across outlets,
//! and whether the outlets spell it alike.
//!
//! People are grouped by surname key (spelling folded, see
//! [`crate::normalise::names`]); within a surname, different given names
//! are different people (Donald Trump, Melania Trump) unless one extends
//! the other (Ajay Ramesh / Ajay Kumar Ramesh), and a bare surname
//! joins the one person of that surname when there is only one. Two people
//! of different outlets are then one person misspelled when one name part is
//! a near spelling of the other and the other part is the same (Howard
//! Lutnick / Howard Latnick, Jamieson / Jamison Greer, Vishwash / Viswash
//! Kumar Ramesh) — never when one outlet names both. Places are keyed whole
//! and compared only with the same place.
//!
//! Verdicts:
//! - `agree`: every outlet spells it alike (or one gives a fuller form);
//! - `variant`: the spellings differ only by transliteration scheme or
//!   diacritics (Zelensky / Zelenskiy / Zelenskyy, Yuri / Yury, Lipavsky /
//!   Lipavský, Petropavlovsk-Kamchatsky / -Kamchatski), or given names
//!   written joined (Vishwashkumar);
//! - `conflict`: one outlet misspells the name that the others spell
//!   another way; `detail` names the majority spelling.
//! - `single-source`: one outlet names it.
//!
//! An outlet that leaves a person out contradicts nobody.

use super::sets::find;
use super::{Comparison, Verdict, sources_of};
use crate::fact::{Entity, Fact, Value};
use crate::normalise::names::{Person, how_differ, joined_alike, near_spelling, sounds_alike};
use std::collections::{BTreeMap, BTreeSet};

/// One person or place: the facts that name them.
struct Group<'a> {
    key: String,
    entity: Entity,
    facts: Vec<&'a Fact>,
    /// Set when the group joins near spellings of different outlets.
    misspelt: bool,
}

pub fn compare(facts: &[&Fact]) -> Vec<Comparison> {
    let (places, people): (Vec<&Fact>, Vec<&Fact>) = facts.iter().partition(|f| {
        matches!(
            f.value,
            Value::Name {
                entity: Entity::Place,
                ..
            }
        )
    });
    let mut groups = merge_misspellings(group(&people));
    groups.extend(group_places(&places));
    groups.iter().map(judge).collect()
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

fn sort_facts(fs: &mut [&Fact]) {
    fs.sort_by_key(|f| f.id);
}

/// Places: one group per whole key.
fn group_places<'a>(facts: &[&'a Fact]) -> Vec<Group<'a>> {
    let mut by_key: BTreeMap<&str, Vec<&'a Fact>> = BTreeMap::new();
    for f in facts {
        by_key.entry(key_of(f)).or_default().push(f);
    }
    by_key
        .into_iter()
        .map(|(key, mut fs)| {
            sort_facts(&mut fs);
            Group {
                key: key.to_string(),
                entity: Entity::Place,
                facts: fs,
                misspelt: false,
            }
        })
        .collect()
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
        join_fuller_forms(&mut people);
        if people.len() == 1
            && let Some(v) = people.values_mut().next()
        {
            v.append(&mut bare);
        }
        if !bare.is_empty() {
            people.insert(surname, bare);
        }
        for (key, mut fs) in people {
            sort_facts(&mut fs);
            out.push(Group {
                key,
                entity: Entity::Person,
                facts: fs,
                misspelt: false,
            });
        }
    }
    out
}

/// Joins the people of one surname whose given names are a fuller form of
/// another's ("Ajay Ramesh" / "Ajay Kumar Ramesh", "Jorge Bergoglio" /
/// "Jorge Mario Bergoglio"): one person, named with or without a middle
/// name. A short form that more than one fuller form extends ("Ajay Kumar"
/// and "Ajay Singh") is left alone: it may be either.
fn join_fuller_forms(people: &mut BTreeMap<String, Vec<&Fact>>) {
    let givens: Vec<(String, Vec<String>)> = people
        .keys()
        .map(|key| {
            let given = key
                .split_once('/')
                .map(|(_, g)| g.split('-').map(str::to_string).collect())
                .unwrap_or_default();
            (key.clone(), given)
        })
        .collect();
    for (short, short_given) in &givens {
        if short_given.is_empty() {
            continue;
        }
        let fuller: Vec<&String> = givens
            .iter()
            .filter(|(_, g)| g.len() > short_given.len() && g.starts_with(short_given))
            .map(|(k, _)| k)
            .collect();
        if let [long] = fuller[..]
            && people.contains_key(long)
        {
            let moved = people.remove(short).unwrap_or_default();
            if let Some(into) = people.get_mut(long) {
                into.extend(moved);
            }
        }
    }
}

/// Joins groups of one person misspelled by some outlet: same given names
/// and near surnames, or same surname and near given names. Candidates are
/// looked for only among groups sharing one of the two parts, so this stays
/// far from quadratic in the number of people.
fn merge_misspellings(groups: Vec<Group<'_>>) -> Vec<Group<'_>> {
    let parts: Vec<Option<(String, String)>> = groups
        .iter()
        .map(|g| {
            let (s, given) = g.key.split_once('/')?;
            Some((s.to_string(), given.to_string()))
        })
        .collect();
    let sources: Vec<BTreeSet<&str>> = groups
        .iter()
        .map(|g| g.facts.iter().map(|f| &*f.source).collect())
        .collect();
    let mut by_surname: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    let mut by_given: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (i, p) in parts.iter().enumerate() {
        if let Some((s, g)) = p {
            by_surname.entry(s).or_default().push(i);
            by_given.entry(g).or_default().push(i);
        }
    }
    let mut parent: Vec<usize> = (0..groups.len()).collect();
    let mut joined = vec![false; groups.len()];
    let mut consider = |members: &[usize], part: usize, parent: &mut Vec<usize>| {
        for (n, &a) in members.iter().enumerate() {
            for &b in &members[n + 1..] {
                let (Some(pa), Some(pb)) = (&parts[a], &parts[b]) else {
                    continue;
                };
                let (x, y) = if part == 0 {
                    (&pa.0, &pb.0)
                } else {
                    (&pa.1, &pb.1)
                };
                let (x, y) = (x.replace('-', " "), y.replace('-', " "));
                // Given names of one surname are short: one spelt by ear
                // ("Suzy" for "Susie") is misspelt too.
                let misspelt = near_spelling(&x, &y) || (part == 1 && sounds_alike(&x, &y));
                // An outlet that names both names two people.
                if sources[a].intersection(&sources[b]).next().is_some()
                    || !(misspelt || joined_alike(&x, &y))
                {
                    continue;
                }
                let (ra, rb) = (find(parent, a), find(parent, b));
                if ra != rb {
                    parent[rb] = ra;
                    joined[a] |= misspelt;
                    joined[b] |= misspelt;
                }
            }
        }
    };
    // Bounded buckets: a surname or given name shared by very many people
    // is no evidence worth a pairwise look.
    for members in by_given.values().filter(|m| m.len() <= 64) {
        consider(members, 0, &mut parent);
    }
    for members in by_surname.values().filter(|m| m.len() <= 64) {
        consider(members, 1, &mut parent);
    }
    let mut merged: BTreeMap<usize, Group> = BTreeMap::new();
    // The key of a merged person is that of the spelling most outlets use.
    let mut best: BTreeMap<usize, usize> = BTreeMap::new();
    let mut order = Vec::new();
    for (i, g) in groups.into_iter().enumerate() {
        let r = find(&mut parent, i);
        let b = best.entry(r).or_insert(sources[i].len());
        let lead = sources[i].len() > *b;
        *b = (*b).max(sources[i].len());
        match merged.get_mut(&r) {
            Some(m) => {
                m.facts.extend(g.facts);
                m.misspelt |= joined[i];
                if lead {
                    m.key = g.key;
                }
            }
            None => {
                order.push(r);
                merged.insert(
                    r,
                    Group {
                        misspelt: joined[i],
                        ..g
                    },
                );
            }
        }
    }
    order
        .into_iter()
        .filter_map(|r| merged.remove(&r))
        .map(|mut g| {
            sort_facts(&mut g.facts);
            g
        })
        .collect()
}

/// The spelling each source gives in full (its longest), and the sources
/// behind each spelling, most sources first.
fn spellings<'a>(g: &Group<'a>) -> Vec<(&'a str, Vec<&'a str>)> {
    let mut per_source: BTreeMap<&str, &str> = BTreeMap::new();
    for f in &g.facts {
        let s = surface_of(f);
        let e = per_source.entry(&*f.source).or_insert(s);
        if s.split_whitespace().count() > e.split_whitespace().count() {
            *e = s;
        }
    }
    let mut by_spelling: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for (src, s) in per_source {
        by_spelling.entry(s).or_default().push(src);
    }
    let mut v: Vec<(&str, Vec<&str>)> = by_spelling.into_iter().collect();
    v.sort_by(|a, b| b.1.len().cmp(&a.1.len()).then(a.0.cmp(b.0)));
    v
}

fn judge(g: &Group) -> Comparison {
    let sources = sources_of(&g.facts);
    // The name in full, as most facts give it.
    let full = g
        .facts
        .iter()
        .map(|f| surface_of(f))
        .max_by_key(|s| (s.split_whitespace().count(), std::cmp::Reverse(*s)))
        .unwrap_or("");
    // A misspelt name goes by the spelling most outlets use.
    let majority = if g.misspelt { spellings(g) } else { Vec::new() };
    let full = majority.first().map_or(full, |(s, _)| *s);
    let key = match g.entity {
        Entity::Person => format!("name/{}", g.key),
        Entity::Place => format!("name/place:{}", g.key),
    };
    let comparison = |verdict: Verdict, detail: String| Comparison {
        key: key.clone(),
        kind: crate::fact::Kind::Name,
        subject: full.to_string(),
        verdict,
        facts: g.facts.iter().map(|f| f.id).collect(),
        independent_sources: 0,
        detail,
        alignment: None,
    };
    if sources.len() < 2 {
        return comparison(
            Verdict::SingleSource,
            format!("{full}: named by {}", sources.join(", ")),
        );
    }
    if g.misspelt {
        let sp = spellings(g);
        let listed = |items: &[(&str, Vec<&str>)]| -> String {
            items
                .iter()
                .map(|(s, srcs)| format!("{s} ({})", srcs.join(", ")))
                .collect::<Vec<_>>()
                .join(" / ")
        };
        let detail = match sp.as_slice() {
            [first, second, ..] if first.1.len() > second.1.len() => format!(
                "{}: the majority spelling is {} ({}); {} spelled differently, not by transliteration",
                first.0,
                first.0,
                first.1.join(", "),
                listed(&sp[1..])
            ),
            _ => format!(
                "{full}: spelled {}; no majority spelling, and the spellings differ beyond transliteration",
                listed(&sp)
            ),
        };
        return comparison(Verdict::Conflict, detail);
    }
    if g.entity == Entity::Place {
        let sp = spellings(g);
        let names: Vec<&str> = sp.iter().map(|(s, _)| *s).collect();
        return if names.len() < 2 {
            comparison(
                Verdict::Agree,
                format!("{full}: spelled alike by {}", sources.join(", ")),
            )
        } else {
            let listed: Vec<String> = sp
                .iter()
                .map(|(s, srcs)| format!("{s} ({})", srcs.join(", ")))
                .collect();
            comparison(
                Verdict::Variant,
                format!(
                    "{full}: one place; {}: {}",
                    listed.join(" / "),
                    how_differ(names[0], names[1])
                ),
            )
        };
    }
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
    // Given names that another outlet writes in a fuller form ("Ajay" of
    // "Ajay Kumar") are that form shortened, not another spelling.
    let shortened: Vec<String> = givens
        .keys()
        .filter(|k| {
            let words: Vec<&str> = k.split_whitespace().collect();
            givens.keys().any(|o| {
                let other: Vec<&str> = o.split_whitespace().collect();
                other.len() > words.len() && other.starts_with(&words)
            })
        })
        .cloned()
        .collect();
    for k in &shortened {
        givens.remove(k);
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
    let (verdict, detail) = if why.is_empty() {
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
    let detail = if shortened.is_empty() {
        detail
    } else {
        format!(
            "{detail}; {} shortens the first names of {full}",
            shortened.join(", ")
        )
    };
    comparison(verdict, detail)
}

fn push_source<'a>(m: &mut BTreeMap<String, Vec<&'a str>>, spelling: &str, source: &'a str) {
    let v = m.entry(spelling.to_string()).or_default();
    if !v.contains(&source) {
        v.push(source);
    }
}
