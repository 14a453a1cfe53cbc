//! The people sections of the reports: how each outlet spells each person
//! named by more than one outlet (person × outlet), who each outlet puts at
//! the table, and counted lists checked against their own items.

use super::md_cell;
use crate::Report;
use crate::compare::{Comparison, Verdict};
use crate::fact::{Kind, Value};

/// One table: heading row and body rows.
struct Grid {
    head: Vec<String>,
    rows: Vec<Vec<String>>,
}

/// Person × outlet spellings, variants first; people named by one outlet
/// are left out.
fn spellings(report: &Report) -> Option<Grid> {
    let mut cs: Vec<&Comparison> = report
        .comparisons
        .iter()
        .filter(|c| {
            c.kind == Kind::Name
                && matches!(
                    c.verdict,
                    Verdict::Conflict | Verdict::Variant | Verdict::Agree
                )
                // Places only where the outlets spell them differently.
                && !(is_place(report, c) && c.verdict == Verdict::Agree)
        })
        .collect();
    if cs.is_empty() {
        return None;
    }
    cs.sort_by_key(|c| (c.verdict, c.subject.clone()));
    let mut head = vec!["person".to_string(), "verdict".to_string()];
    head.extend(report.sources.iter().map(|s| s.id.clone()));
    let rows = cs
        .iter()
        .map(|c| {
            let name = if is_place(report, c) {
                format!("{} (place)", c.subject)
            } else {
                c.subject.clone()
            };
            let mut row = vec![name, c.verdict.to_string()];
            for s in &report.sources {
                let mut spelled: Vec<&str> = Vec::new();
                for id in &c.facts {
                    if let Some(f) = report.fact(id).filter(|f| *f.source == *s.id)
                        && let Value::Name { surface, .. } = &f.value
                        && !spelled.contains(&surface.as_str())
                    {
                        spelled.push(surface);
                    }
                }
                row.push(if spelled.is_empty() {
                    "–".into()
                } else {
                    spelled.join(" / ")
                });
            }
            row
        })
        .collect();
    Some(Grid { head, rows })
}

/// Whether a name comparison is of a place.
fn is_place(report: &Report, c: &Comparison) -> bool {
    c.facts
        .first()
        .and_then(|id| report.fact(id))
        .is_some_and(|f| {
            matches!(
                f.value,
                Value::Name {
                    entity: crate::fact::Entity::Place,
                    ..
                }
            )
        })
}

/// Participants × outlet, with the side each outlet gives.
fn participants(report: &Report) -> Option<(Grid, &Comparison)> {
    let c = report
        .comparisons
        .iter()
        .find(|c| c.kind == Kind::List && c.subject == "participants")?;
    let mut head = vec!["person".to_string()];
    head.extend(report.sources.iter().map(|s| s.id.clone()));
    // Rows keyed by surname key so "Trump" and "Donald Trump" share one.
    let mut rows: Vec<(String, Vec<String>)> = Vec::new();
    for id in &c.facts {
        let Some(f) = report.fact(id) else { continue };
        let Value::List { members, .. } = &f.value else {
            continue;
        };
        let col = report.sources.iter().position(|s| *s.id == *f.source);
        for m in members {
            let surname = m.key.split('/').next().unwrap_or("").to_string();
            let i = match rows.iter().position(|(k, _)| *k == surname) {
                Some(i) => i,
                None => {
                    let mut cells = vec![String::new(); report.sources.len() + 1];
                    cells[0] = m.name.clone();
                    rows.push((surname, cells));
                    rows.len() - 1
                }
            };
            let cells = &mut rows[i].1;
            if m.name.len() > cells[0].len() {
                cells[0] = m.name.clone();
            }
            if let Some(col) = col {
                cells[col + 1] = match &m.side {
                    Some(side) => format!("✓ ({side})"),
                    None => "✓".into(),
                };
            }
        }
    }
    let rows = rows
        .into_iter()
        .map(|(_, mut cells)| {
            for cell in cells.iter_mut().skip(1) {
                if cell.is_empty() {
                    *cell = "–".into();
                }
            }
            cells
        })
        .collect();
    Some((Grid { head, rows }, c))
}

/// Counted lists checked against themselves.
fn counted(report: &Report) -> Vec<&Comparison> {
    report
        .comparisons
        .iter()
        .filter(|c| c.kind == Kind::List && c.key.starts_with("list/count-"))
        .collect()
}

fn md_grid(g: &Grid) -> String {
    let mut out = String::new();
    let cells = |r: &[String]| r.iter().map(|c| md_cell(c)).collect::<Vec<_>>().join(" | ");
    out.push_str(&format!("| {} |\n", cells(&g.head)));
    out.push_str(&format!("|{}\n", "---|".repeat(g.head.len())));
    for r in &g.rows {
        out.push_str(&format!("| {} |\n", cells(r)));
    }
    out
}

fn term_grid(g: &Grid, fancy: bool) -> String {
    super::table::grid(&g.head, &g.rows, fancy)
}

/// Markdown section (with its heading), or "" when there is nothing to show.
pub fn markdown(report: &Report) -> String {
    let mut out = String::new();
    if let Some(g) = spellings(report) {
        out.push_str(
            "## Spellings\n\nHow each outlet spells each person named by more than one outlet.\n\n",
        );
        out.push_str(&md_grid(&g));
    }
    if let Some((g, c)) = participants(report) {
        if !out.is_empty() {
            out.push('\n');
        }
        out.push_str(&format!(
            "## Participants\n\nWho each outlet puts at the table (side where stated). Verdict: **{}** — {}\n\n",
            c.verdict,
            md_cell(&c.detail)
        ));
        out.push_str(&md_grid(&g));
    }
    let counted = counted(report);
    if !counted.is_empty() {
        if !out.is_empty() {
            out.push('\n');
        }
        out.push_str(
            "## Counted lists\n\nLists that state their own count, checked against the items.\n\n",
        );
        for c in counted {
            out.push_str(&format!("- **{}**: {}\n", c.verdict, md_cell(&c.detail)));
        }
    }
    out
}

/// Terminal section, or "" when there is nothing to show.
pub fn terminal(report: &Report, fancy: bool) -> String {
    let mut out = String::new();
    if let Some(g) = spellings(report) {
        out.push_str("Spellings (person × outlet)\n");
        out.push_str(&term_grid(&g, fancy));
        out.push('\n');
    }
    if let Some((g, c)) = participants(report) {
        out.push_str(&format!("\nParticipants: {} ({})\n", c.verdict, c.detail));
        out.push_str(&term_grid(&g, fancy));
        out.push('\n');
    }
    for c in counted(report) {
        out.push_str(&format!("\nCounted list: {} ({})\n", c.verdict, c.detail));
    }
    out
}
