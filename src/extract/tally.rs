//! Tallies: votes and scores, a pair of figures compared as a pair — "by a
//! vote of 222-209", "a narrow vote of 222 to 219", "The House vote passed
//! 222-209", "won 3-1", "a 2-0 win", and a part of a whole, "89 votes of
//! 133".
//!
//! The value is [`Value::Tally`]: two tallies are the same fact when they
//! hold the same two figures in either order ("222-209" = "209-222 against"),
//! and disjoint otherwise; a part of a whole is compared only with parts of
//! wholes. The subject is the nearest subject word, else `vote` when the
//! sentence speaks of a vote, else `score`.
//!
//! Not tallies: a part bounded below ("secured at least 89 votes of the 133
//! cardinals"), a threshold read as two counts; a pair with no word that
//! makes it a vote or a score — dates
//! ("2024-25"), ranges with units ("119-136 km"), model numbers ("787-8") —
//! and pairs followed by a percent sign.
//!
//! Known gaps: tallies in words ("two to one") and three-way splits
//! ("222-209-4") are not read; who won is not kept.

use super::Extractor;
use super::numeric::{MatchContext, Reading, extract_with};
use crate::clean::Document;
use crate::fact::{Fact, Kind, Value};
use crate::rules::Rules;
use regex::Captures;

pub struct Tally;

impl Extractor for Tally {
    fn kind(&self) -> Kind {
        Kind::Tally
    }
    fn extract(&self, doc: &Document, rules: &Rules) -> Vec<Fact> {
        extract_with(Kind::Tally, doc, rules, read)
    }
}

fn read(caps: &Captures, ctx: &MatchContext) -> Option<Reading> {
    let first: u64 = caps.name("a")?.as_str().parse().ok()?;
    let second: u64 = caps.name("b")?.as_str().parse().ok()?;
    let of_total = caps.name("total").is_some();
    // "2024-25" is a season, "3-4%" a range of percentages.
    if first >= 1000 && second < 100 {
        return None;
    }
    // "2-3% higher", "2 to 3 hours later": a range of a quantity.
    let next = ctx.next_lower(32);
    let word: String = next.chars().take_while(|c| c.is_alphabetic()).collect();
    if next.starts_with('%')
        || [
            "per", "percent", "points", "hours", "days", "weeks", "months", "years", "minutes",
            "times", "km", "miles", "metres", "meters", "feet",
        ]
        .contains(&word.as_str())
    {
        return None;
    }
    if of_total && first > second {
        return None;
    }
    // "secured at least 89 votes of the 133 cardinals": a part bounded
    // below is a threshold, not a result; its two figures are counts, each
    // compared with the outlets that state it alone ("a minimum of 89
    // votes", "the 133 cardinal electors").
    if of_total && ctx.rules.hedges.bounds_below(&ctx.prev_lower(32)) {
        return None;
    }
    let (sentence, span) = ctx.sentence();
    let subject = ctx
        .rules
        .subject_index
        .nearest(sentence, span, Kind::Tally)
        .unwrap_or_else(|| {
            let lower = sentence.to_lowercase();
            let vote = ["vote", "ballot", "elect", "majority", "passed", "approved"]
                .iter()
                .any(|w| lower.contains(w));
            let id = if vote { "vote" } else { "score" };
            (id.to_string(), String::new())
        });
    Some(Reading {
        value: Value::Tally {
            first,
            second,
            of_total,
        },
        hedge: None,
        subject: Some(subject),
    })
}

#[cfg(test)]
mod tests {
    use crate::fact::{Fact, Kind, Relation};
    use crate::rules::Rules;

    fn tallies(text: &str) -> Vec<Fact> {
        let rules = Rules::embedded().unwrap();
        let doc = crate::clean::example_document(text, None, &rules);
        crate::extract::extract(&doc, &rules)
            .into_iter()
            .filter(|f| f.kind == Kind::Tally)
            .collect()
    }

    fn one(text: &str) -> Fact {
        let mut f = tallies(text);
        assert_eq!(f.len(), 1, "{text}: {f:?}");
        f.remove(0)
    }

    #[test]
    fn house_votes_compare_as_pairs() {
        // us-shutdown-ends-2025: 222-209 everywhere but one outlet's 222 to 219.
        let a = one(
            "Republicans used their narrow majority to get the bill over the finish line by a vote of 222-209.",
        );
        let b = one("The House vote passed 222-209, sending the bill to the president.");
        let c = one(
            "The House of Representatives approved it by a narrow vote of 222 to 219, allowing agencies to reopen.",
        );
        assert_eq!(a.value.relation(&b.value), Relation::Same);
        assert_eq!(a.value.relation(&c.value), Relation::Disjoint);
        assert_eq!(a.subject, b.subject);
    }

    #[test]
    fn scores_and_parts_of_wholes() {
        // Football, written two ways.
        let a = one("Arsenal sealed a 2-0 win over Chelsea at the Emirates.");
        let b = one("Chelsea lost 0-2 at the Emirates on Sunday.");
        assert_eq!(a.value.relation(&b.value), Relation::Same);
        // pope-leo-xiv-election-2025: a two-thirds majority of 133 electors.
        let c = one("A two-thirds majority, or 89 votes of 133, is needed to elect a pope.");
        assert_eq!(c.value.describe(), "89 of 133");
        assert_eq!(a.value.relation(&c.value), Relation::Incomparable);
    }

    #[test]
    #[ignore = "gap: tallies in words ('two to one', 'by a two-vote margin') are not read"]
    fn tallies_in_words() {
        let a = one("The committee voted seven to two to advance the bill.");
        assert_eq!(a.value.describe(), "7-2");
    }

    #[test]
    fn not_tallies() {
        assert!(tallies("The 2024-25 season ended with a title.").is_empty());
        assert!(tallies("The epicenter was 119-136 km east-southeast of the city.").is_empty());
        assert!(tallies("The Boeing 787-8 Dreamliner was carrying 242 people.").is_empty());
    }
}
