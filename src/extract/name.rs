//! Names: not yet extracted (see the open issue for this kind).
//!
//! Rules: `rules/names.toml`.

use super::Extractor;
use crate::clean::Document;
use crate::fact::{Fact, Kind};
use crate::rules::Rules;
use serde::Deserialize;

/// `rules/names.toml`.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NameRules {}

impl NameRules {
    /// Runs the file's inline examples; one line per failure.
    pub fn check_examples(&self, _rules: &Rules) -> Vec<String> {
        Vec::new()
    }
}

pub struct Name;

impl Extractor for Name {
    fn kind(&self) -> Kind {
        Kind::Name
    }
    fn extract(&self, _doc: &Document, _rules: &Rules) -> Vec<Fact> {
        Vec::new()
    }
}
