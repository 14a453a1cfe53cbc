//! `crosscheck diff BASE VARIANT`: how one wire story changed in another
//! outlet's version. Not yet built (see the open issue for lineage).

use crate::error::{Error, Result};
use crate::render::Format;
use std::path::Path;

/// Renders the differences between two articles.
pub fn run(
    _base: &Path,
    _variant: &Path,
    _format: Format,
    _rules: Option<&Path>,
) -> Result<String> {
    Err(Error::new("diff is not available yet"))
}
