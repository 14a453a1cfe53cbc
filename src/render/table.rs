//! The terminal table: one row per compared fact (kind, subject), one column
//! per outlet with its words, a verdict column; then the conflicts with
//! their evidence (outlet, line, exact words). Plain ASCII when stdout is
//! not a terminal or NO_COLOR is set.

use super::{lineage, quotes, spellings};
use crate::Report;
use crate::compare::{Comparison, Verdict};
use crate::fact::{Fact, Kind};
use comfy_table::{ContentArrangement, Table, presets};

/// Verdicts in the order rows are shown.
pub const VERDICT_ORDER: [Verdict; 6] = [
    Verdict::Conflict,
    Verdict::Unclear,
    Verdict::Variant,
    Verdict::Compatible,
    Verdict::Agree,
    Verdict::SingleSource,
];

/// Comparisons of `kinds`, conflicts first.
pub fn ordered<'a>(report: &'a Report, kinds: &[Kind]) -> Vec<&'a Comparison> {
    let mut out = Vec::new();
    for v in VERDICT_ORDER {
        out.extend(
            report
                .comparisons
                .iter()
                .filter(|c| c.verdict == v && kinds.contains(&c.kind)),
        );
    }
    out
}

pub const NUMERIC: [Kind; 12] = [
    Kind::Duration,
    Kind::Since,
    Kind::Age,
    Kind::Count,
    Kind::Date,
    Kind::Money,
    Kind::Percent,
    Kind::Measure,
    Kind::Time,
    Kind::Tally,
    Kind::Ordinal,
    Kind::Identifier,
];

/// A table in the house style.
pub fn new_table(fancy: bool) -> Table {
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

pub fn render(report: &Report, fancy: bool) -> String {
    let mut out = String::new();
    out.push_str(&summary_line(report));
    out.push_str("\n\n");
    let rows = ordered(report, &NUMERIC);
    if !rows.is_empty() {
        let mut t = new_table(fancy);
        let mut header = vec!["kind".to_string(), "subject".to_string()];
        header.extend(report.sources.iter().map(|s| s.id.clone()));
        header.push("outlets".into());
        header.push("verdict".into());
        t.set_header(header);
        for c in rows {
            let mut row = vec![c.kind.to_string(), subject_label(c)];
            for s in &report.sources {
                let words: Vec<String> = facts_of(report, c)
                    .filter(|f| f.source == s.id)
                    .map(|f| f.text.clone())
                    .collect();
                row.push(words.join("; "));
            }
            row.push(outlets(report, c));
            row.push(c.verdict.to_string());
            t.add_row(row);
        }
        out.push_str(&t.to_string());
        out.push('\n');
    }
    let conflicts: Vec<&Comparison> = report
        .comparisons
        .iter()
        .filter(|c| c.verdict == Verdict::Conflict && NUMERIC.contains(&c.kind))
        .collect();
    if !conflicts.is_empty() {
        out.push_str("\nConflicts\n");
        for c in conflicts {
            out.push_str(&format!("\n{}: {}\n", c.key, c.detail));
            for f in facts_of(report, c) {
                out.push_str(&format!(
                    "  {:<18} line {:<4} “{}”  → {}\n",
                    f.source,
                    f.line,
                    f.text,
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
    let mut sources: Vec<&str> = facts_of(report, c).map(|f| f.source.as_str()).collect();
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
            f.subject.clone(),
            f.text.clone(),
            f.value.reading(),
            f.hedge.clone().unwrap_or_default(),
            f.modality.as_str().to_string(),
            f.rule.clone(),
        ]);
    }
    format!("{}\n", t)
}
