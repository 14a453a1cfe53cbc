//! Lists: who was at the table, and lists that state their own count.
//!
//! ## What it extracts
//! - Participant lists: a trigger phrase from `rules/lists.toml` and the
//!   people named next to it, one fact per sentence. "The meeting also
//!   included US Secretary of State Marco Rubio; Trump's special envoy to
//!   Russia, Steve Witkoff; …" gives Rubio and Witkoff (Trump, in the
//!   possessive, is not a member). "Putin was joined by Yuri Ushakov …"
//!   counts Putin too. Each member carries the side the text places them
//!   on: the delegation of the trigger ("The US delegation included",
//!   "represented the American delegation"), or a side word right before
//!   the member ("Russian counterparts Yury Ushakov and Sergei Lavrov");
//!   a member joined by a bare "and" shares the side of the one before.
//! - Counted lists: "at least five provinces, Crimea, Zaporizhzhia,
//!   Lukhansk, Donetsk and Kherson" — the stated count and the items, so
//!   the comparison can check one against the other.
//!
//! ## Known gaps
//! - All participant lists of the articles are taken to describe one
//!   meeting; two meetings in one story would be merged.
//! - Members are people only; "the Russian side" or "officials" are not
//!   members.
//!
//! Rules: `rules/lists.toml`.

use super::Extractor;
use super::name::Mention;
use crate::clean::Document;
use crate::fact::{Fact, Kind, Member, Value};
use crate::normalise::names::fold;
use crate::rules::Rules;
use regex::Regex;
use serde::Deserialize;
use std::sync::LazyLock;

/// `rules/lists.toml`.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ListRules {
    #[serde(default)]
    pub trigger: Vec<Trigger>,
    #[serde(default)]
    pub clause_breaks: Vec<String>,
    #[serde(default)]
    pub side: Vec<Side>,
    #[serde(default)]
    pub counted: Vec<Counted>,
    #[serde(default, rename = "test")]
    pub tests: Vec<ListTest>,
    /// The patterns above, compiled once when the rules load.
    #[serde(skip)]
    compiled: CompiledLists,
}

#[derive(Clone, Debug, Default)]
struct CompiledLists {
    triggers: Vec<Regex>,
    breaks: Vec<Regex>,
    counted: Vec<Regex>,
}

impl ListRules {
    /// Compiles every pattern; one that does not compile is an error at its
    /// line and column.
    pub fn compile(&mut self, ctx: &crate::rules::Ctx) -> crate::error::Result<()> {
        let one = |pattern: &str| {
            compile(pattern).map_err(|e| {
                ctx.error_at(
                    ctx.text.find(pattern).unwrap_or(0),
                    format!(
                        "pattern does not compile: {}",
                        crate::clean::boilerplate::one_line(&e)
                    ),
                )
            })
        };
        let mut c = CompiledLists::default();
        for t in &self.trigger {
            c.triggers.push(one(&t.pattern)?);
        }
        for b in &self.clause_breaks {
            c.breaks.push(one(b)?);
        }
        for k in &self.counted {
            c.counted.push(one(&k.pattern)?);
        }
        self.compiled = c;
        Ok(())
    }
}

/// A phrase that introduces the people at a meeting.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Trigger {
    pub id: String,
    pub pattern: String,
    /// `after` or `before`: where the members stand.
    pub members: String,
    /// Whether the person just before the phrase is a member too.
    #[serde(default)]
    pub principal: bool,
}

/// A side and the words that place someone on it.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Side {
    pub id: String,
    pub words: Vec<String>,
}

/// A counted-list pattern: captures `num`, `noun`, and optionally `hedge`
/// and `partial` ("including").
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Counted {
    pub id: String,
    pub pattern: String,
    /// Counted nouns that never head a list of names ("three weeks, Trump
    /// and Putin …" is a time, then a subject).
    #[serde(default)]
    pub skip_nouns: Vec<String>,
    /// Words that, alone before the count, make it an opening phrase
    /// ("In three weeks, …", "After two meetings, …").
    #[serde(default)]
    pub skip_after: Vec<String>,
}

/// An inline example: a sentence and the list read from it.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ListTest {
    pub input: String,
    pub members: Vec<String>,
    #[serde(default)]
    pub sides: Option<Vec<String>>,
    /// `consistent` or `mismatch` for a counted list.
    #[serde(default)]
    pub count: Option<String>,
}

impl ListRules {
    /// Runs the file's inline examples; one line per failure.
    pub fn check_examples(&self, rules: &Rules) -> Vec<String> {
        let mut failures = Vec::new();
        for t in &self.tests {
            let doc = crate::clean::example_document(&t.input, None, rules);
            let facts = List.extract(&doc, rules);
            let fail = |what: String| format!("lists.toml: {:?}: {what}", t.input);
            let Some(f) = facts.first() else {
                if !t.members.is_empty() {
                    failures.push(fail(format!("no list, expected {:?}", t.members)));
                }
                continue;
            };
            let Value::List {
                members,
                stated_count,
                ..
            } = &f.value
            else {
                continue;
            };
            let names: Vec<&str> = members.iter().map(|m| m.name.as_str()).collect();
            if names != t.members {
                failures.push(fail(format!("gave {names:?}, expected {:?}", t.members)));
            }
            if let Some(sides) = &t.sides {
                let got: Vec<&str> = members
                    .iter()
                    .map(|m| m.side.as_deref().unwrap_or(""))
                    .collect();
                if &got != sides {
                    failures.push(fail(format!("sides {got:?}, expected {sides:?}")));
                }
            }
            if let Some(want) = &t.count {
                let got = match stated_count.and_then(|n| {
                    count_agrees(n, members.len(), f.hedge.map(crate::words::Word::as_str))
                }) {
                    Some(true) => "consistent",
                    Some(false) => "mismatch",
                    None => "unchecked",
                };
                if got != want {
                    failures.push(fail(format!("count {got}, expected {want}")));
                }
            }
        }
        failures
    }
}

/// Whether `listed` items fit a stated count with its hedge: exact counts
/// must match; "at least" needs as many, "at most" no more; a partial list
/// ("including …") may list fewer. `None` for vague counts ("about ten").
pub fn count_agrees(stated: u32, listed: usize, hedge: Option<&str>) -> Option<bool> {
    let n = stated as usize;
    let h = hedge.unwrap_or("").to_lowercase();
    let partial = h.contains("including")
        || h.contains("such as")
        || h.contains("among them")
        || h.contains("namely");
    let has = |w: &str| h.contains(w);
    if has("about") || has("around") || has("roughly") || has("some") || has("nearly") {
        return None;
    }
    if has("at least") || has("more than") || has("over") {
        let enough = if has("at least") {
            listed >= n
        } else {
            listed > n
        };
        return Some(enough || partial);
    }
    if has("at most") || has("up to") {
        return Some(listed <= n);
    }
    if has("fewer than") || has("less than") {
        return Some(listed < n);
    }
    if partial {
        return Some(listed <= n);
    }
    Some(listed == n)
}

fn compile(pattern: &str) -> Result<Regex, regex::Error> {
    let p = pattern.replace("{number}", &crate::normalise::numbers::number_pattern());
    // ASCII word boundaries, as in the numeric rules: a Unicode `\b` makes
    // the regex engine leave its fast DFA on any text with curly quotes or
    // dashes, which is most news; the trigger and count words are ASCII.
    Regex::new(&format!("(?i){}", p.replace(r"\b", r"(?-u:\b)")))
}

/// The side id a word names, if any.
fn side_of_word(rules: &ListRules, word: &str, ignore_case: bool) -> Option<String> {
    rules
        .side
        .iter()
        .find(|s| {
            s.words.iter().any(|w| {
                if ignore_case {
                    w.eq_ignore_ascii_case(word)
                } else {
                    w == word
                }
            })
        })
        .map(|s| s.id.clone())
}

/// The side a stretch of text names by one of its words.
fn side_in(rules: &ListRules, text: &str) -> Option<String> {
    text.split(|c: char| c.is_whitespace() || c == ',' || c == ';')
        .filter(|w| !w.is_empty())
        .find_map(|w| side_of_word(rules, w, false))
}

pub struct List;

impl Extractor for List {
    fn kind(&self) -> Kind {
        Kind::List
    }

    fn reads_people(&self) -> bool {
        true
    }

    fn extract(&self, doc: &Document, rules: &Rules) -> Vec<Fact> {
        let lr = &rules.lists;
        let people = &doc.mentions.people;
        let triggers: Vec<(&Trigger, &Regex)> =
            lr.trigger.iter().zip(&lr.compiled.triggers).collect();
        let breaks = &lr.compiled.breaks;
        let counted: Vec<(&Counted, &Regex)> =
            lr.counted.iter().zip(&lr.compiled.counted).collect();
        let mut facts = Vec::new();
        for s in &doc.sentences {
            let text = doc.sentence_text(s);
            if let Some(f) = participants(doc, s.start, text, people, &triggers, breaks, lr) {
                facts.push(f);
            }
            for (c, re) in &counted {
                for caps in re.captures_iter(text) {
                    if let Some(f) = counted_list(doc, s.start, text, &caps, c) {
                        facts.push(f);
                    }
                }
            }
        }
        facts
    }
}

/// Lower-case words after a trigger past which the first person named is
/// the owner of a thing listed, not a member: "included special envoy
/// Steve Witkoff" has two, "included a tiara and earrings from the set of
/// Queen Marie-Amélie" eight.
const THINGS_WORDS: usize = 4;

/// The participant list of one sentence, if it has one.
fn participants(
    doc: &Document,
    base: usize,
    text: &str,
    people: &[Mention],
    triggers: &[(&Trigger, &Regex)],
    breaks: &[Regex],
    lr: &ListRules,
) -> Option<Fact> {
    let mut hits: Vec<(usize, usize, &Trigger, Option<String>)> = Vec::new();
    for (t, re) in triggers {
        for caps in re.captures_iter(text) {
            let m = caps.get(0)?;
            let side = caps
                .name("side")
                .and_then(|w| side_of_word(lr, w.as_str(), true));
            hits.push((m.start(), m.end(), t, side));
        }
    }
    if hits.is_empty() {
        return None;
    }
    hits.sort_by_key(|h| h.0);
    let mut break_points: Vec<usize> = breaks
        .iter()
        .flat_map(|b| b.find_iter(text).map(|m| m.start()))
        .chain(text.match_indices(';').map(|(i, _)| i))
        .collect();
    break_points.sort_unstable();
    // The clause start before `ts`: the last break point before it, unless
    // a semicolon stands between (a semicolon is itself a break point, so
    // only the last one can be that semicolon). Sorted: logarithmic.
    let clause_start = |ts: usize| {
        let k = break_points.partition_point(|&b| b < ts);
        k.checked_sub(1)
            .map(|k| break_points[k])
            .filter(|&b| !text[b..].starts_with(';'))
            .unwrap_or(0)
    };
    // Mentions are in file order: the sentence's are one slice of them.
    let lo = people.partition_point(|m| m.start < base);
    let hi = people.partition_point(|m| m.start < base + text.len());
    let in_sentence: Vec<&Mention> = people[lo..hi]
        .iter()
        .filter(|m| m.start >= base && m.end <= base + text.len())
        .filter(|m| m.entity == crate::fact::Entity::Person)
        .collect();
    // The mentions starting in `[from, to)` of the file.
    let starting_in = |from: usize, to: usize| {
        let a = in_sentence.partition_point(|m| m.start < from);
        let b = in_sentence.partition_point(|m| m.start < to);
        &in_sentence[a..b.max(a)]
    };
    // (mention, segment side, cue start) for every member found.
    let mut found: Vec<(&Mention, Option<String>, usize)> = Vec::new();
    let mut keys: std::collections::BTreeSet<&str> = std::collections::BTreeSet::new();
    let mut span = (usize::MAX, 0);
    for (i, &(ts, te, t, ref side)) in hits.iter().enumerate() {
        let (from, to) = if t.members == "before" {
            (clause_start(ts), ts)
        } else {
            let next_trigger = hits.get(i + 1).map_or(text.len(), |h| h.0);
            let k = break_points.partition_point(|&b| b < te);
            let next_break = break_points[k..]
                .iter()
                .find(|&&b| text[b..].starts_with(|c: char| c != ';'))
                .copied()
                .unwrap_or(text.len());
            (te, next_trigger.min(next_break))
        };
        let mut seg: Vec<(&Mention, usize)> = starting_in(base + from, base + to)
            .iter()
            .filter(|m| !m.possessive && m.end <= base + to)
            .map(|m| (*m, base + from))
            .collect();
        // "The stolen items included a tiara and earrings from the set of
        // Queen Marie-Amélie": a list of things, whose owners are named
        // deep inside it, not of people taking part.
        if t.members == "after"
            && let Some(&(m, _)) = seg.first()
        {
            let lead = text[te..(m.start - base).max(te)].trim_start();
            let words = lead.split_whitespace().count();
            if lead.starts_with(|c: char| c.is_lowercase()) && words > THINGS_WORDS {
                seg.clear();
            }
        }
        if t.principal {
            let clause = clause_start(ts);
            if let Some(p) = starting_in(base + clause, base + ts)
                .iter()
                .rfind(|m| !m.possessive && m.end <= base + ts)
            {
                seg.insert(0, (p, base + clause));
            }
        }
        for (m, cue) in seg {
            if keys.insert(&*m.key) {
                // A principal is on no side the trigger names.
                let seg_side = if cue == base + from {
                    side.clone()
                } else {
                    None
                };
                found.push((m, seg_side, cue.min(m.start)));
            }
        }
        span = (span.0.min(base + ts), span.1.max(base + te));
    }
    if found.len() < 2 {
        return None;
    }
    found.sort_by_key(|(m, _, _)| m.start);
    let mut members: Vec<Member> = Vec::new();
    let mut prev_end = None;
    for (m, seg_side, cue) in &found {
        let cue_text = &doc.text[prev_end.map_or(*cue, |p: usize| p.max(*cue))..m.start];
        let gap = prev_end.map(|p| {
            doc.text[p.min(m.start)..m.start]
                .trim_matches(|c: char| c.is_whitespace() || c == ',')
                .to_string()
        });
        let side = if gap.as_deref().is_some_and(|g| g.is_empty() || g == "and") {
            members.last().and_then(|p| p.side.clone())
        } else {
            // Only the words that introduce this member count ("Russian
            // counterparts", "US Secretary of State"), not a clause about
            // someone else before them.
            let title = cue_text
                .rsplit([',', ';'])
                .next()
                .unwrap_or("")
                .rsplit(" and ")
                .next()
                .unwrap_or("");
            side_in(lr, title).or_else(|| seg_side.clone())
        };
        members.push(Member {
            name: m.surface(&doc.text).to_string(),
            key: m.key.to_string(),
            side,
        });
        prev_end = Some(m.end);
        span = (span.0.min(m.start), span.1.max(m.end));
    }
    let first = members.first().and_then(|m| m.side.clone());
    let side = members
        .iter()
        .all(|m| m.side == first)
        .then_some(first)
        .flatten();
    let rule = hits.first().map_or("list", |h| h.2.id.as_str());
    let mut f = Fact::new(
        doc,
        Kind::List,
        span.0,
        span.1,
        Value::List {
            members,
            stated_count: None,
            side,
        },
        rule,
    );
    f.subject = crate::words::Word::of("participants");
    Some(f)
}

/// One listed item: capitalised words, with "of", "the" or a name particle
/// between them ("Republic of Crimea").
const ITEM: &str =
    r"\p{Lu}[\p{L}\p{M}'’-]*(?:\s+(?:(?:of|the|de|von|van|der|al|bin)\s+)?\p{Lu}[\p{L}\p{M}'’-]*)*";

static ITEM_RE: LazyLock<Regex> = LazyLock::new(|| Regex::new(ITEM).expect("item pattern"));
static ITEMS_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^{ITEM}(?:\s*,\s*{ITEM})*(?:,?\s+(?:and|or)\s+{ITEM})?"
    ))
    .expect("items pattern")
});

/// A counted list starting at a count match, if items follow.
fn counted_list(
    doc: &Document,
    base: usize,
    text: &str,
    caps: &regex::Captures,
    rule: &Counted,
) -> Option<Fact> {
    let whole = caps.get(0)?;
    let noun = caps.name("noun")?.as_str().to_lowercase();
    if rule
        .skip_nouns
        .iter()
        .any(|n| n.eq_ignore_ascii_case(&noun))
    {
        return None;
    }
    let opening = text[..whole.start()].trim();
    if opening.is_empty()
        || rule
            .skip_after
            .iter()
            .any(|w| w.eq_ignore_ascii_case(opening))
    {
        return None;
    }
    let num = crate::normalise::numbers::parse(caps.name("num")?.as_str())?;
    if num.vague.is_some() || num.value.fract() != 0.0 || num.value < 2.0 {
        return None;
    }
    let stated = num.value as u32;
    // Items: capitalised chunks separated by commas and a final "and"/"or".
    let stretch = ITEMS_RE.find(&text[whole.end()..])?;
    // Only a list set off from the sentence is read: followed by
    // punctuation, its end, or "as"; "three weeks, Trump and Putin will
    // meet" is no list.
    let after = text[whole.end() + stretch.end()..].trim_start();
    if !(after.is_empty()
        || after.starts_with([',', '.', ';', ':', ')', '—', '–'])
        || after.starts_with("as ")
        || after.starts_with("- "))
    {
        return None;
    }
    let items: Vec<(usize, usize)> = ITEM_RE
        .find_iter(stretch.as_str())
        .map(|m| (whole.end() + m.start(), whole.end() + m.end()))
        .collect();
    if items.len() < 2 {
        return None;
    }
    let members: Vec<Member> = items
        .iter()
        .map(|&(a, b)| Member {
            name: text[a..b].to_string(),
            key: fold(&text[a..b]),
            side: None,
        })
        .collect();
    let hedge = match (caps.name("hedge"), caps.name("partial")) {
        (Some(h), Some(p)) => Some(format!("{}, {}", h.as_str(), p.as_str().trim())),
        (Some(h), None) => Some(h.as_str().to_string()),
        (None, Some(p)) => Some(p.as_str().trim().to_string()),
        (None, None) => None,
    };
    let end = items.last().map_or(whole.end(), |i| i.1);
    let mut f = Fact::new(
        doc,
        Kind::List,
        base + whole.start(),
        base + end,
        Value::List {
            members,
            stated_count: Some(stated),
            side: None,
        },
        &rule.id,
    );
    f.hedge = hedge.as_deref().map(crate::words::Word::of);
    f.subject = caps.name("noun").map_or(crate::words::Word::EMPTY, |n| {
        crate::words::Word::of(&n.as_str().to_lowercase())
    });
    Some(f)
}
