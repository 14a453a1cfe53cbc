//! Render: a [`Report`](crate::Report) as a terminal table, a Markdown
//! report, JSON or an HTML page, and a [`Diff`](crate::compare::diff::Diff)
//! in the same formats. Layout only; every decision was made upstream.
//!
//! The helpers every view shares live here, so the sections (quotes,
//! spellings, lineage) depend on this module only, never on `table`.

pub mod diff;
pub mod html;
pub mod json;
pub mod lineage;
pub mod markdown;
pub mod quotes;
pub mod spellings;
pub mod table;

/// Output formats of `check` and `diff`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Table,
    Markdown,
    Json,
    /// One self-contained HTML page.
    Html,
}

/// Whether to draw for a terminal: stdout is one and NO_COLOR is unset.
pub fn fancy() -> bool {
    use std::io::IsTerminal;
    std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none()
}

/// Escapes text for a Markdown table cell.
pub fn md_cell(s: &str) -> String {
    s.replace('\\', "\\\\")
        .replace('|', "\\|")
        .replace('\n', " ")
        .replace('*', "\\*")
        .replace('_', "\\_")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('`', "\\`")
        // Brackets only make a link when "](" follows.
        .replace("](", "\\](")
}

/// A table in the house style: box drawing for a terminal, plain ASCII
/// otherwise.
pub fn new_table(fancy: bool) -> comfy_table::Table {
    use comfy_table::{ContentArrangement, Table, presets};
    let mut t = Table::new();
    if fancy {
        t.load_style(presets::UTF8_FULL_CONDENSED);
        t.set_content_arrangement(ContentArrangement::Dynamic);
    } else {
        t.load_style(presets::ASCII_FULL_CONDENSED);
        t.force_no_tty();
        t.set_content_arrangement(ContentArrangement::Disabled);
    }
    t
}

/// The facts of a comparison, in its order.
pub fn facts_of<'a>(
    report: &'a crate::Report,
    c: &'a crate::compare::Comparison,
) -> impl Iterator<Item = &'a crate::fact::Fact> + 'a {
    c.facts.iter().filter_map(|id| report.fact(id))
}
