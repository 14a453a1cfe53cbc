//! The Markdown report: a summary line; conflicts first, each with every
//! outlet's exact words and line; then compatible and agreeing facts; the
//! quote, spelling and lineage sections; single-source facts; the sources.

use super::table::{facts_of, subject_label};
use super::{lineage, md_cell, quotes, spellings};
use crate::Report;
use crate::compare::{Comparison, Verdict};

pub fn render(report: &Report, title: &str) -> String {
    let mut out = String::new();
    out.push_str(&format!("# crosscheck report: {}\n\n", md_cell(title)));
    out.push_str(&format!("{}\n", summary(report)));

    let sections = [
        (
            Verdict::Conflict,
            "Conflicts",
            "Values that cannot all be right.",
        ),
        (
            Verdict::Unclear,
            "Possibly the same figure",
            "Values that differ, in sentences only weakly alike: check whether they speak of one thing.",
        ),
        (
            Verdict::Compatible,
            "Compatible",
            "Values that overlap but differ in precision.",
        ),
        (
            Verdict::Agree,
            "Agreeing",
            "Every outlet's value denotes the same thing.",
        ),
    ];
    for (verdict, heading, blurb) in sections {
        let cs: Vec<&Comparison> = report
            .comparisons
            .iter()
            .filter(|c| c.verdict == verdict && c.kind.is_figure())
            .collect();
        if cs.is_empty() {
            continue;
        }
        out.push_str(&format!("\n## {heading}\n\n{blurb}\n"));
        for c in cs {
            out.push_str(&comparison(report, c));
        }
    }
    for section in [
        quotes::markdown(report),
        spellings::markdown(report),
        lineage::markdown(report),
    ] {
        if !section.is_empty() {
            out.push('\n');
            out.push_str(&section);
        }
    }
    let singles: Vec<&Comparison> = report
        .comparisons
        .iter()
        .filter(|c| c.verdict == Verdict::SingleSource && c.kind.is_figure())
        .collect();
    if !singles.is_empty() {
        out.push_str("\n## Single-source facts\n\nStated by one outlet only.\n\n");
        out.push_str("| Kind | Subject | Outlet | Line | Words | Reads as |\n");
        out.push_str("|---|---|---|---|---|---|\n");
        for c in singles {
            for f in facts_of(report, c) {
                out.push_str(&format!(
                    "| {} | {} | {} | {} | {} | {} |\n",
                    c.kind,
                    md_cell(&subject_label(c)),
                    md_cell(&f.source),
                    f.line,
                    md_cell(&f.text),
                    md_cell(&f.value.reading())
                ));
            }
        }
    }
    out.push_str("\n## Sources\n\n| Id | Outlet | Published | Path |\n|---|---|---|---|\n");
    for s in &report.sources {
        out.push_str(&format!(
            "| {} | {} | {} | {} |\n",
            md_cell(&s.id),
            md_cell(&s.outlet),
            match (s.published, s.assumed_published) {
                (Some(d), _) => d.to_string(),
                (None, Some(d)) =>
                    format!("unknown; relative dates read as of {d}, the story's date"),
                (None, None) => "unknown (relative dates compared only with each other)".into(),
            },
            md_cell(&s.path)
        ));
    }
    out
}

/// "5 sources · 61 facts · 2 conflicts · …"
pub fn summary(report: &Report) -> String {
    format!(
        "**{} sources · {} facts · {} conflicts · {} unclear · {} variants · {} compatible · {} agree · {} single-source**",
        report.sources.len(),
        report.facts.len(),
        report.count(Verdict::Conflict),
        report.count(Verdict::Unclear),
        report.count(Verdict::Variant),
        report.count(Verdict::Compatible),
        report.count(Verdict::Agree),
        report.count(Verdict::SingleSource),
    )
}

/// One comparison: heading, verdict and detail, and a row per fact.
pub fn comparison(report: &Report, c: &Comparison) -> String {
    let outlets = {
        let mut s: Vec<&str> = facts_of(report, c).map(|f| &*f.source).collect();
        s.dedup();
        s.len()
    };
    let mut out = format!(
        "\n### {} · {}\n\n**{}** — {} outlets, {} independent. {}\n\n",
        c.kind,
        md_cell(&subject_label(c)),
        c.verdict,
        outlets,
        c.independent_sources,
        md_cell(&c.detail)
    );
    out.push_str("| Outlet | Line | Words | Reads as |\n|---|---|---|---|\n");
    for f in facts_of(report, c) {
        out.push_str(&format!(
            "| {} | {} | {} | {} |\n",
            md_cell(&f.source),
            f.line,
            md_cell(&f.text),
            md_cell(&f.value.reading())
        ));
    }
    out
}
