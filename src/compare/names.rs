//! Comparison of names: not yet built (see its open issue); each fact is
//! its own single-source comparison.

use super::{Comparison, single};
use crate::fact::Fact;

pub fn compare(facts: &[&Fact]) -> Vec<Comparison> {
    facts
        .iter()
        .map(|f| single(f, format!("{}/{}", f.kind, f.id), f.value.describe()))
        .collect()
}
