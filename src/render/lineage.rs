//! The lineage section of the reports: which articles copy or rewrite which,
//! as a table, as a Mermaid graph (GitHub draws it), and with the aligned
//! sentences that show it.

use super::md_cell;
use crate::Report;
use crate::compare::lineage::{AlignedPair, Link, Relation};
use std::collections::BTreeSet;

/// Aligned sentence pairs shown per link.
const EVIDENCE_SHOWN: usize = 3;

/// Markdown section (with its heading), or "" when there is nothing to show.
pub fn markdown(report: &Report) -> String {
    if report.lineage.is_empty() {
        return String::new();
    }
    let mut out = String::from(
        "## Lineage\n\nArticles that copy or rewrite another count as one source; partial \
         borrowing leaves both independent. Quoted words are left out: outlets quoting one \
         press conference are not copying each other.\n\n",
    );
    out.push_str("| From | Relation | To | Shared | Aligned sentences |\n|---|---|---|---|---|\n");
    for l in &report.lineage {
        out.push_str(&format!(
            "| {} | {} | {} | {:.0}% | {} |\n",
            md_cell(&l.from),
            l.relation.as_str(),
            md_cell(&l.to),
            l.shared * 100.0,
            l.evidence.len()
        ));
    }
    out.push_str(&format!("\n```mermaid\n{}```\n", mermaid(report)));
    let alone = unlinked(report);
    if !alone.is_empty() {
        out.push_str(&format!(
            "\nIndependent of every other source: {}.\n",
            alone
                .iter()
                .map(|s| md_cell(s))
                .collect::<Vec<_>>()
                .join(", ")
        ));
    }
    for l in &report.lineage {
        out.push_str(&format!(
            "\n**{} → {}** ({}):\n\n",
            md_cell(&l.from),
            md_cell(&l.to),
            l.relation.as_str()
        ));
        for e in strongest(l) {
            out.push_str(&format!(
                "- line {} “{}” ↔ line {} “{}”\n",
                e.from_line,
                md_cell(&e.from_text),
                e.to_line,
                md_cell(&e.to_text)
            ));
        }
    }
    out
}

/// The relation graph in Mermaid: solid arrows for copies and rewrites,
/// dotted for partial borrowing.
pub fn mermaid(report: &Report) -> String {
    let mut out = String::from("graph LR\n");
    let node = |id: &str| {
        report
            .sources
            .iter()
            .position(|s| s.id == id)
            .map_or_else(|| format!("x{}", id.len()), |i| format!("s{i}"))
    };
    let mut declared = BTreeSet::new();
    for l in &report.lineage {
        for id in [&l.from, &l.to] {
            if declared.insert(id.clone()) {
                out.push_str(&format!("  {}[\"{}\"]\n", node(id), mermaid_label(id)));
            }
        }
    }
    for l in &report.lineage {
        let arrow = match l.relation {
            Relation::Partial => "-.->",
            _ => "-->",
        };
        out.push_str(&format!(
            "  {} {arrow}|\"{} {:.0}%\"| {}\n",
            node(&l.from),
            l.relation.as_str(),
            l.shared * 100.0,
            node(&l.to)
        ));
    }
    out
}

fn mermaid_label(s: &str) -> String {
    s.replace('"', "#quot;")
        .replace('<', "#lt;")
        .replace('>', "#gt;")
}

/// Sources in no link at all.
fn unlinked(report: &Report) -> Vec<&str> {
    let linked: BTreeSet<&str> = report
        .lineage
        .iter()
        .flat_map(|l| [l.from.as_str(), l.to.as_str()])
        .collect();
    report
        .sources
        .iter()
        .map(|s| s.id.as_str())
        .filter(|s| !linked.contains(s))
        .collect()
}

/// The most telling aligned pairs: verbatim ones first, then the most
/// similar, shown in the later article's order.
fn strongest(l: &Link) -> Vec<&AlignedPair> {
    let mut pairs: Vec<&AlignedPair> = l.evidence.iter().collect();
    pairs.sort_by(|a, b| {
        b.verbatim
            .cmp(&a.verbatim)
            .then(b.similarity.total_cmp(&a.similarity))
    });
    pairs.truncate(EVIDENCE_SHOWN);
    pairs.sort_by_key(|p| p.to_line);
    pairs
}

/// Terminal section, or "" when there is nothing to show.
pub fn terminal(report: &Report, fancy: bool) -> String {
    if report.lineage.is_empty() {
        return String::new();
    }
    let mut t = super::new_table(fancy);
    t.set_header(vec![
        "from",
        "relation",
        "to",
        "shared",
        "aligned sentences",
    ]);
    for l in &report.lineage {
        t.add_row(vec![
            l.from.clone(),
            l.relation.as_str().to_string(),
            l.to.clone(),
            format!("{:.0}%", l.shared * 100.0),
            l.evidence.len().to_string(),
        ]);
    }
    let mut out = format!("Lineage (copies and rewrites count as one source)\n{t}\n");
    let alone = unlinked(report);
    if !alone.is_empty() {
        out.push_str(&format!(
            "Independent of every other source: {}\n",
            alone.join(", ")
        ));
    }
    out
}
