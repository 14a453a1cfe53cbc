//! Render: a [`Report`](crate::Report) as a terminal table, a Markdown
//! report or JSON. Layout only; every decision was made upstream.

pub mod json;
pub mod lineage;
pub mod markdown;
pub mod quotes;
pub mod spellings;
pub mod table;

use std::sync::atomic::{AtomicU8, AtomicU16, Ordering};

/// Output formats of `check` and `diff`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Table,
    Markdown,
    Json,
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
    match COLOR.load(Ordering::Relaxed) {
        1 => true,
        2 => false,
        _ => {
            std::io::stdout().is_terminal()
                && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
        }
    }
}

/// The width tables must fit: `--width`, else the terminal's (when it
/// reports a usable one), else [`PIPED_WIDTH`].
pub fn width() -> u16 {
    match WIDTH.load(Ordering::Relaxed) {
        0 => comfy_table::Table::new()
            .width()
            .filter(|&w| w >= 20)
            .unwrap_or(PIPED_WIDTH),
        w => w.max(20),
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
