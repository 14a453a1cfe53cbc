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

use std::ffi::OsStr;
use std::sync::atomic::{AtomicU8, AtomicU16, Ordering};

/// Output formats of `check` and `diff`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Table,
    Markdown,
    Json,
    /// One self-contained HTML page.
    Html,
}

/// `--color`: when tables are drawn with box characters.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum ColorChoice {
    /// On a terminal, unless `NO_COLOR` is set to a non-empty value.
    #[default]
    Auto,
    Always,
    Never,
}

static COLOR: AtomicU8 = AtomicU8::new(0);
static WIDTH: AtomicU16 = AtomicU16::new(0);

/// The tables' width when stdout is not a terminal and `--width` is not given.
pub const PIPED_WIDTH: u16 = 100;

/// Sets `--color` for this process.
pub fn set_color(choice: ColorChoice) {
    COLOR.store(choice as u8, Ordering::Relaxed);
}

/// Sets `--width` for this process (`None`: the terminal's, or 100).
pub fn set_width(width: Option<u16>) {
    WIDTH.store(width.unwrap_or(0), Ordering::Relaxed);
}

/// Whether to draw for a terminal: `--color always`, or `auto` with stdout
/// a terminal and `NO_COLOR` unset or empty (the no-color.org convention).
pub fn fancy() -> bool {
    use std::io::IsTerminal;
    let choice = match COLOR.load(Ordering::Relaxed) {
        1 => ColorChoice::Always,
        2 => ColorChoice::Never,
        _ => ColorChoice::Auto,
    };
    fancy_for(
        choice,
        std::io::stdout().is_terminal(),
        std::env::var_os("NO_COLOR").as_deref(),
    )
}

/// [`fancy`] for a given choice, terminal and `NO_COLOR` value.
pub fn fancy_for(choice: ColorChoice, terminal: bool, no_color: Option<&OsStr>) -> bool {
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => terminal && no_color.is_none_or(|v| v.is_empty()),
    }
}

/// The width tables must fit: `--width`, else the terminal's (when it
/// reports a usable one), else [`PIPED_WIDTH`].
pub fn width() -> u16 {
    let set = WIDTH.load(Ordering::Relaxed);
    width_for((set > 0).then_some(set), comfy_table::Table::new().width())
}

/// [`width`] for a `--width` and what the terminal reports: a terminal that
/// reports 0 (or fewer than 20) columns gets [`PIPED_WIDTH`], not
/// one-character cells.
pub fn width_for(set: Option<u16>, terminal: Option<u16>) -> u16 {
    match set {
        Some(w) => w.max(20),
        None => terminal.filter(|&w| w >= 20).unwrap_or(PIPED_WIDTH),
    }
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

/// A table in the house style (box drawing for a terminal, plain ASCII
/// otherwise), as wide as [`width`] allows.
pub fn new_table(fancy: bool) -> comfy_table::Table {
    use comfy_table::{ContentArrangement, Table, presets};
    let mut t = Table::new();
    if fancy {
        t.load_style(presets::UTF8_FULL_CONDENSED);
    } else {
        t.load_style(presets::ASCII_FULL_CONDENSED);
        t.force_no_tty();
    }
    t.set_content_arrangement(ContentArrangement::Dynamic);
    t.set_width(width());
    t
}

/// The facts of a comparison, in its order.
pub fn facts_of<'a>(
    report: &'a crate::Report,
    c: &'a crate::compare::Comparison,
) -> impl Iterator<Item = &'a crate::fact::Fact> + 'a {
    c.facts.iter().filter_map(|id| report.fact(id))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_color_set_but_empty_is_ignored() {
        let auto = ColorChoice::Auto;
        assert!(fancy_for(auto, true, None));
        assert!(
            fancy_for(auto, true, Some(OsStr::new(""))),
            "NO_COLOR= is unset"
        );
        assert!(!fancy_for(auto, true, Some(OsStr::new("1"))));
        assert!(!fancy_for(auto, false, None), "piped: plain");
        assert!(fancy_for(ColorChoice::Always, false, Some(OsStr::new("1"))));
        assert!(!fancy_for(ColorChoice::Never, true, None));
    }

    #[test]
    fn terminal_reporting_zero_columns_gets_100() {
        assert_eq!(width_for(None, Some(0)), PIPED_WIDTH);
        assert_eq!(width_for(None, Some(5)), PIPED_WIDTH);
        assert_eq!(width_for(None, None), PIPED_WIDTH, "piped");
        assert_eq!(width_for(None, Some(132)), 132);
        assert_eq!(width_for(Some(60), Some(132)), 60, "--width wins");
    }
}
