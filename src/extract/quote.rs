//! Quotes: not yet extracted (see the open issue for this kind).
//!
//! Rules: `rules/quotes.toml`.

use super::Extractor;
use crate::clean::Document;
use crate::fact::{Fact, Kind};
use crate::rules::Rules;
use serde::Deserialize;

/// `rules/quotes.toml`.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QuoteRules {}

impl QuoteRules {
    /// Runs the file's inline examples; one line per failure.
    pub fn check_examples(&self, _rules: &Rules) -> Vec<String> {
        Vec::new()
    }
}

pub struct Quote;

impl Extractor for Quote {
    fn kind(&self) -> Kind {
        Kind::Quote
    }
    fn extract(&self, _doc: &Document, _rules: &Rules) -> Vec<Fact> {
        Vec::new()
    }
}
