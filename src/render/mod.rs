//! Render: a [`Report`](crate::Report) as a terminal table, a Markdown
//! report or JSON. Layout only; every decision was made upstream.

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
