//! Identifiers: flight numbers ("Flight AI171"), seats ("seat 11A",
//! "seated in 11A"), aircraft models ("The Boeing 787-8 Dreamliner",
//! "Boeing 787"), bill numbers ("H.R. 5371") and case numbers ("Case No.
//! 22-1234").
//!
//! The value is [`Value::Code`]: the code normalised (upper case; dots and
//! spaces dropped in flight, seat and bill numbers; a marketing name such
//! as "Dreamliner" left out) and its scheme, which is also the subject and
//! the unit, so a flight number is only compared with flight numbers. Equal
//! codes are the same; a code that names the family of another ("BOEING
//! 787" of "BOEING 787-8") overlaps it; any other two conflict.
//!
//! Known gaps: flight numbers without the word "flight", seats without
//! "seat"/"seated", makers outside the rule's list, and ship, train or
//! licence-plate numbers are not read.

use super::Extractor;
use super::numeric::{MatchContext, Reading, extract_with};
use crate::clean::Document;
use crate::fact::{Fact, Kind, Value};
use crate::rules::Rules;
use regex::Captures;

pub struct Identifier;

impl Extractor for Identifier {
    fn kind(&self) -> Kind {
        Kind::Identifier
    }
    fn extract(&self, doc: &Document, rules: &Rules) -> Vec<Fact> {
        extract_with(Kind::Identifier, doc, rules, read)
    }
}

/// The schemes, each marked in a rule by an empty group of its name.
const SCHEMES: [&str; 5] = ["flight", "seat", "aircraft", "bill", "case"];

fn read(caps: &Captures, _ctx: &MatchContext) -> Option<Reading> {
    let scheme = SCHEMES.iter().find(|s| caps.name(s).is_some())?;
    let raw = caps.name("code")?.as_str();
    let code = match *scheme {
        "aircraft" | "case" => raw
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_uppercase(),
        _ => raw
            .chars()
            .filter(|c| !c.is_whitespace() && *c != '.')
            .collect::<String>()
            .to_uppercase(),
    };
    Some(Reading {
        value: Value::Code {
            code,
            scheme: crate::words::intern(scheme),
        },
        hedge: None,
        subject: Some((scheme.to_string(), scheme.to_string())),
    })
}

#[cfg(test)]
mod tests {
    use crate::fact::{Fact, Kind, Relation};
    use crate::rules::Rules;

    fn codes(text: &str) -> Vec<Fact> {
        let rules = Rules::embedded().unwrap();
        let doc = crate::clean::example_document(text, None, &rules);
        crate::extract::extract(&doc, &rules)
            .into_iter()
            .filter(|f| f.kind == Kind::Identifier)
            .collect()
    }

    fn one(text: &str) -> Fact {
        let mut f = codes(text);
        assert_eq!(f.len(), 1, "{text}: {f:?}");
        f.remove(0)
    }

    #[test]
    fn aircraft_models_generalise() {
        // air-india-ai171-crash-2025: two outlets, two precisions.
        let a = one("The Boeing 787-8 Dreamliner was carrying 242 people.");
        let b = one("The Boeing 787 Dreamliner had a good safety record until then.");
        let c = one("The airline also flies the Airbus A320neo on the route.");
        assert_eq!(a.value.relation(&b.value), Relation::Overlap);
        assert_eq!(a.value.relation(&c.value), Relation::Disjoint);
        assert_eq!(c.value.describe(), "AIRBUS A320NEO");
    }

    #[test]
    fn seats_and_flights() {
        let a = one("Vishwash Kumar Ramesh, who was seated in 11A, walked out of the wreckage.");
        let b = one("The lone survivor, in seat 11A, escaped through an emergency exit.");
        assert_eq!(a.value.relation(&b.value), Relation::Same);
        assert_eq!(a.subject, "seat");
        let f = one("Air India Flight AI171 crashed shortly after take-off.");
        let g = one("Air India flight AI 171 was bound for London.");
        assert_eq!(f.value.relation(&g.value), Relation::Same);
        // us-shutdown-ends-2025-style bill numbers.
        let h = one("The House passed H.R. 5371 on Wednesday.");
        let i = one("The House passed H.R.5371 on Wednesday.");
        assert_eq!(h.value.relation(&i.value), Relation::Same);
        assert_eq!(f.value.relation(&h.value), Relation::Incomparable);
    }

    #[test]
    #[ignore = "gap: flight numbers without the word flight ('MH370 vanished') are not read"]
    fn bare_flight_numbers() {
        let f = one("MH370 vanished over the Indian Ocean in 2014.");
        assert_eq!(f.value.describe(), "MH370");
    }

    #[test]
    fn not_identifiers() {
        assert!(codes("The flight lasted 20 minutes.").is_empty());
        assert!(codes("U.S. 20 runs through Oregon.").is_empty());
    }
}
