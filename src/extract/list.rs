//! Lists: not yet extracted (see the open issue for this kind).
//!
//! Rules: `rules/lists.toml`.

use super::Extractor;
use crate::clean::Document;
use crate::fact::{Fact, Kind};
use crate::rules::Rules;
use serde::Deserialize;

/// `rules/lists.toml`.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ListRules {}

impl ListRules {
    /// Runs the file's inline examples; one line per failure.
    pub fn check_examples(&self, _rules: &Rules) -> Vec<String> {
        Vec::new()
    }
}

pub struct List;

impl Extractor for List {
    fn kind(&self) -> Kind {
        Kind::List
    }
    fn extract(&self, _doc: &Document, _rules: &Rules) -> Vec<Fact> {
        Vec::new()
    }
}
