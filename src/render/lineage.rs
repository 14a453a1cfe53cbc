//! The lineage section of the reports: empty until its issue lands.

use crate::Report;

/// Markdown section (with its heading), or "" when there is nothing to show.
pub fn markdown(_report: &Report) -> String {
    String::new()
}

/// Terminal section, or "" when there is nothing to show.
pub fn terminal(_report: &Report, _fancy: bool) -> String {
    String::new()
}
