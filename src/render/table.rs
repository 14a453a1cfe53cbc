//! The terminal table: one row per compared fact (kind, subject), one column
//! per outlet with its words, a verdict column; then the conflicts with
//! their evidence (outlet, line, exact words). Plain ASCII when stdout is
//! not a terminal or NO_COLOR is set.
//!
//! Output stays proportional to the input: a cell holds at most
//! [`CELL_CHARS`] characters (cut with "…" and "+N more" for the facts left
//! out), tables fit [`super::width`] columns, and with more outlets than fit
//! side by side the outlets share one column.

use super::{lineage, quotes, spellings};
use crate::Report;
use crate::compare::{Comparison, Verdict};
use crate::fact::Fact;
use comfy_table::{ColumnConstraint, Table};

/// Verdicts in the order rows are shown.
pub const VERDICT_ORDER: [Verdict; 6] = [
    Verdict::Conflict,
    Verdict::Unclear,
    Verdict::Variant,
    Verdict::Compatible,
    Verdict::Agree,
    Verdict::SingleSource,
];

/// Comparisons of figures (the kinds shown in the main table), conflicts
/// first.
pub fn ordered(report: &Report) -> Vec<&Comparison> {
    let mut out = Vec::new();
    for v in VERDICT_ORDER {
        out.extend(
            report
                .comparisons
                .iter()
                .filter(|c| c.verdict == v && c.kind.is_figure()),
        );
    }
    out
}

/// The most characters a table cell shows.
pub const CELL_CHARS: usize = 120;

/// The narrowest useful outlet column: with more outlets than fit at this
/// width, the outlets share one column.
const OUTLET_COLUMN: usize = 14;

pub use super::new_table;

/// Keeps the columns `columns` (short words: kinds, verdicts, rule ids) on
/// one line; the others wrap to fit the width.
pub fn no_wrap(t: &mut Table, columns: &[usize]) {
    for &i in columns {
        if let Some(c) = t.column_mut(i) {
            c.set_constraint(ColumnConstraint::ContentWidth);
        }
    }
}

/// A grid (person × outlet …) as a table: side by side while its columns
/// fit the width, else one row per grid row with the first column and the
/// others' non-empty cells joined ("verdict: variant; reuters: Zelenskiy;
/// … +1,998 more"), so a grid of 2,000 outlets stays readable and its size
/// proportional to what it holds.
pub fn grid(head: &[String], rows: &[Vec<String>], fancy: bool) -> String {
    let mut t = new_table(fancy);
    if head.len() * OUTLET_COLUMN / 2 <= usize::from(super::width()) {
        t.set_header(head.to_vec());
        for r in rows {
            t.add_row(r.iter().map(|c| cut(c, CELL_CHARS)).collect::<Vec<_>>());
        }
        return t.to_string();
    }
    let first = head.first().cloned().unwrap_or_default();
    t.set_header(vec![first, "by outlet".to_string()]);
    for r in rows {
        let cells: Vec<String> = head
            .iter()
            .zip(r)
            .skip(1)
            .filter(|(_, c)| !c.is_empty())
            .map(|(h, c)| format!("{h}: {c}"))
            .collect();
        let label = r.first().map_or(String::new(), |c| cut(c, CELL_CHARS));
        t.add_row(vec![label, join_cut(&cells, CELL_CHARS * 2)]);
    }
    t.to_string()
}

/// At most `max` characters of `s`, cut with "…".
pub fn cut(s: &str, max: usize) -> String {
    match s.char_indices().nth(max.saturating_sub(1)) {
        Some((i, _)) if s[i..].chars().nth(1).is_some() => format!("{}…", &s[..i]),
        _ => s.to_string(),
    }
}

/// Items joined with "; " within `max` characters; the rest counted:
/// "nearly three hours; over three-hour; … +9,362 more".
pub fn join_cut<S: AsRef<str>>(items: &[S], max: usize) -> String {
    let mut out = String::new();
    let mut used = 0;
    for (i, item) in items.iter().enumerate() {
        let item = item.as_ref();
        let sep = if out.is_empty() { 0 } else { 2 };
        let len = item.chars().count();
        if used + sep + len > max && i > 0 {
            out.push_str(&format!("; … +{} more", thousands(items.len() - i)));
            return out;
        }
        if sep > 0 {
            out.push_str("; ");
        }
        let piece = cut(item, max);
        used += sep + piece.chars().count();
        out.push_str(&piece);
        if used >= max && i + 1 < items.len() {
            out.push_str(&format!("; … +{} more", thousands(items.len() - i - 1)));
            return out;
        }
    }
    out
}

/// 9362 → "9,362".
pub fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

pub fn render(report: &Report, fancy: bool) -> String {
    let mut out = String::new();
    out.push_str(&summary_line(report));
    out.push_str("\n\n");
    let rows = ordered(report);
    if !rows.is_empty() {
        let mut t = new_table(fancy);
        let mut header = vec!["kind".to_string(), "subject".to_string()];
        // Outlets side by side while they fit; else one shared column.
        let side_by_side = report.sources.len() * OUTLET_COLUMN + 40 <= usize::from(super::width());
        if side_by_side {
            header.extend(report.sources.iter().map(|s| s.id.clone()));
        } else {
            header.push("what the outlets say".into());
        }
        header.push("outlets".into());
        header.push("verdict".into());
        t.set_header(header);
        let index: std::collections::HashMap<&str, usize> = report
            .sources
            .iter()
            .enumerate()
            .map(|(i, s)| (s.id.as_str(), i))
            .collect();
        for c in rows {
            let mut row = vec![c.kind.to_string(), cut(&subject_label(c), CELL_CHARS)];
            if side_by_side {
                let mut words: Vec<Vec<&str>> = vec![Vec::new(); report.sources.len()];
                for f in facts_of(report, c) {
                    if let Some(&i) = index.get(&*f.source) {
                        words[i].push(&f.text);
                    }
                }
                row.extend(words.iter().map(|w| join_cut(w, CELL_CHARS)));
            } else {
                let words: Vec<String> = facts_of(report, c)
                    .map(|f| format!("{}: {}", f.source, f.text))
                    .collect();
                row.push(join_cut(&words, CELL_CHARS * 2));
            }
            row.push(outlets(report, c));
            row.push(c.verdict.to_string());
            t.add_row(row);
        }
        let n = t.column_count();
        no_wrap(&mut t, &[0, n.saturating_sub(1)]);
        out.push_str(&t.to_string());
        out.push('\n');
    }
    let conflicts: Vec<&Comparison> = report
        .comparisons
        .iter()
        .filter(|c| c.verdict == Verdict::Conflict && c.kind.is_figure())
        .collect();
    if !conflicts.is_empty() {
        out.push_str("\nConflicts\n");
        for c in conflicts {
            out.push_str(&format!(
                "\n{}: {}\n",
                c.key,
                cut(&c.detail, CELL_CHARS * 4)
            ));
            for f in facts_of(report, c) {
                out.push_str(&format!(
                    "  {:<18} line {:<4} “{}”  → {}\n",
                    f.source,
                    f.line,
                    cut(&f.text, CELL_CHARS),
                    f.value.reading()
                ));
            }
        }
    }
    for section in [
        quotes::terminal(report, fancy),
        spellings::terminal(report, fancy),
        lineage::terminal(report, fancy),
    ] {
        if !section.is_empty() {
            out.push('\n');
            out.push_str(&section);
            if !section.ends_with('\n') {
                out.push('\n');
            }
        }
    }
    out
}

/// "5 sources · 61 facts · 40 comparisons: 2 conflict, 1 compatible, …"
pub fn summary_line(report: &Report) -> String {
    let counts: Vec<String> = VERDICT_ORDER
        .iter()
        .map(|v| format!("{} {}", report.count(*v), v))
        .collect();
    format!(
        "{} sources · {} facts · {} comparisons: {}",
        report.sources.len(),
        report.facts.len(),
        report.comparisons.len(),
        counts.join(", ")
    )
}

/// "4 (3 indep.)": outlets behind a comparison, copies counted once.
pub fn outlets(report: &Report, c: &Comparison) -> String {
    let mut sources: Vec<&str> = facts_of(report, c).map(|f| &*f.source).collect();
    sources.sort_unstable();
    sources.dedup();
    if sources.len() == c.independent_sources {
        sources.len().to_string()
    } else {
        format!("{} ({} indep.)", sources.len(), c.independent_sources)
    }
}

pub fn subject_label(c: &Comparison) -> String {
    let base = if c.subject.is_empty() {
        "(none)".to_string()
    } else {
        c.subject.clone()
    };
    match c.key.split_once(" (") {
        Some((_, rest)) => format!("{base} ({rest}"),
        None => base,
    }
}

pub fn facts_of<'a>(report: &'a Report, c: &'a Comparison) -> impl Iterator<Item = &'a Fact> + 'a {
    c.facts.iter().filter_map(|id| report.fact(id))
}

/// `crosscheck extract`: the facts of one article with their rule ids.
pub fn facts_table(report: &Report, fancy: bool) -> String {
    let mut t = new_table(fancy);
    t.set_header(vec![
        "line", "kind", "subject", "words", "value", "hedge", "modality", "rule",
    ]);
    for f in &report.facts {
        t.add_row(vec![
            f.line.to_string(),
            f.kind.to_string(),
            cut(f.subject.as_str(), CELL_CHARS),
            cut(&f.text, CELL_CHARS),
            cut(&f.value.reading(), CELL_CHARS),
            f.hedge.map_or("", crate::words::Word::as_str).to_string(),
            f.modality.as_str().to_string(),
            f.rule.to_string(),
        ]);
    }
    no_wrap(&mut t, &[0, 1, 6, 7]);
    format!("{}\n", t)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_cells_are_cut_with_a_count() {
        let items: Vec<String> = (0..9_363).map(|_| "nearly three hours".into()).collect();
        let cell = join_cut(&items, CELL_CHARS);
        assert!(cell.ends_with("+9,357 more"), "{cell}");
        assert!(cell.chars().count() < CELL_CHARS + 20, "{cell}");
        assert_eq!(join_cut(&["a", "b"], CELL_CHARS), "a; b");
        assert_eq!(cut("abcdef", 4), "abc…");
        assert_eq!(cut("abcd", 4), "abcd");
        assert_eq!(thousands(1_234_567), "1,234,567");
    }
}
