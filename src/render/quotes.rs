//! The quotes section of the reports: each remark quoted by more than one
//! outlet, with its speaker, every outlet's exact words, and how the wording
//! differs (`get them ~~at a~~ **to the** table`). Conflicts first.

use super::md_cell;
use super::{facts_of, new_table};
use crate::Report;
use crate::compare::{Comparison, Verdict};
use crate::fact::{Fact, Kind, Value};
use crate::normalise::names;

/// Multi-source quote comparisons, conflicts first, then in report order.
fn groups(report: &Report) -> Vec<&Comparison> {
    let mut cs: Vec<&Comparison> = report
        .comparisons
        .iter()
        .filter(|c| c.kind == Kind::Quote && c.verdict != Verdict::SingleSource)
        .collect();
    cs.sort_by_key(|c| c.verdict);
    cs
}

fn single_count(report: &Report) -> usize {
    report
        .comparisons
        .iter()
        .filter(|c| c.kind == Kind::Quote && c.verdict == Verdict::SingleSource)
        .count()
}

/// Who said it, for a heading.
fn speaker_label(report: &Report, c: &Comparison) -> String {
    let speech = facts_of(report, c).all(|f| matches!(f.value, Value::Quote { speech: true, .. }));
    if !speech {
        return "not speech (display text)".to_string();
    }
    if c.subject.is_empty() {
        return "unattributed".to_string();
    }
    // The name as an outlet spelled it, where one attribution names them.
    let named = facts_of(report, c)
        .filter_map(|f| f.subject_words.map(crate::words::Word::as_str))
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .filter_map(|w| w.split_whitespace().last())
        .find(|w| names::key(w) == c.subject);
    if let Some(name) = named {
        return name.to_string();
    }
    // Else the surname as the articles spell it elsewhere ("Lipavsky", not
    // the key "lipavski").
    let spelled = report
        .facts
        .iter()
        .filter_map(|f| match &f.value {
            Value::Name { surface, .. } => surface.split_whitespace().last(),
            _ => None,
        })
        .find(|w| names::key(w) == c.subject);
    if let Some(name) = spelled {
        return name.to_string();
    }
    let mut chars = c.subject.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// How the wording differs within a comparison, one line per pair of
/// outlets (`a vs b: get them ~~at a~~ **to the** table`); none unless the
/// quotes conflict or one leaves words out.
fn diffs(report: &Report, c: &Comparison) -> Vec<String> {
    if !matches!(c.verdict, Verdict::Conflict | Verdict::Compatible) {
        return Vec::new();
    }
    let facts: Vec<&Fact> = facts_of(report, c).collect();
    crate::compare::quotes::differences(&facts)
        .iter()
        .map(|d| d.to_markdown())
        .collect()
}

fn words(v: &Value) -> &str {
    match v {
        Value::Quote { words, .. } => words,
        _ => "",
    }
}

/// Markdown section (with its heading), or "" when there is nothing to show.
pub fn markdown(report: &Report) -> String {
    let cs = groups(report);
    if cs.is_empty() {
        return String::new();
    }
    let mut out = String::from(
        "## Quotes\n\nRemarks quoted by more than one outlet: who said them, each outlet's exact \
         words, and how the wording differs (~~left out~~ **put in**).\n",
    );
    for c in cs {
        out.push_str(&format!(
            "\n### {} · {} · `{}`\n\n",
            md_cell(&speaker_label(report, c)),
            c.verdict,
            c.key
        ));
        out.push_str("| Outlet | Line | Words |\n|---|---|---|\n");
        for f in facts_of(report, c) {
            out.push_str(&format!(
                "| {} | {} | “{}” |\n",
                md_cell(&f.source),
                f.line,
                md_cell(words(&f.value))
            ));
        }
        let d = diffs(report, c);
        if !d.is_empty() {
            out.push('\n');
            for part in d {
                out.push_str(&format!("- {part}\n"));
            }
        }
    }
    let singles = single_count(report);
    if singles > 0 {
        out.push_str(&format!(
            "\n{singles} further quotes appear in one outlet only.\n"
        ));
    }
    out
}

/// Terminal section, or "" when there is nothing to show.
pub fn terminal(report: &Report, fancy: bool) -> String {
    let cs = groups(report);
    if cs.is_empty() {
        return String::new();
    }
    let mut out = String::from("Quotes\n");
    for c in cs {
        out.push_str(&format!(
            "\n{} · {} · {}\n",
            speaker_label(report, c),
            c.verdict,
            c.key
        ));
        let mut t = new_table(fancy);
        t.set_header(vec!["Outlet", "Line", "Words"]);
        for f in facts_of(report, c) {
            t.add_row(vec![
                f.source.to_string(),
                f.line.to_string(),
                format!("“{}”", words(&f.value)),
            ]);
        }
        out.push_str(&t.to_string());
        out.push('\n');
        for part in diffs(report, c) {
            out.push_str(&format!("  {part}\n"));
        }
    }
    let singles = single_count(report);
    if singles > 0 {
        out.push_str(&format!(
            "\n{singles} further quotes appear in one outlet only.\n"
        ));
    }
    out
}
