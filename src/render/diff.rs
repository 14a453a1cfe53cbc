//! The views of `crosscheck diff BASE VARIANT` (the logic is in
//! [`crate::compare::diff`]): a terminal table, Markdown, JSON, and an HTML
//! page with the two versions side by side.
//!
//! The terminal and Markdown views list the facts that changed, then the
//! facts dropped and added, then sentences reworded (with a word diff), cut
//! and added. The HTML page lists the changed facts first, each linked
//! into both texts, then the two versions aligned sentence by sentence.

use super::{Format, md_cell};
use crate::compare::diff::{Diff, FactRef, SentenceChangeKind, WordOp, compute};
use crate::error::{Error, Result};
use std::collections::BTreeSet;
use std::path::Path;

/// Renders the differences between two articles.
pub fn run(base: &Path, variant: &Path, format: Format, rules: Option<&Path>) -> Result<String> {
    let diff = compute(base, variant, rules)?;
    Ok(match format {
        Format::Json => {
            let mut s = serde_json::to_string_pretty(&diff)
                .map_err(|e| Error::new(format!("cannot write JSON: {e}")))?;
            s.push('\n');
            s
        }
        Format::Markdown => markdown(&diff),
        Format::Table => terminal(&diff, super::fancy()),
        Format::Html => html(&diff)?,
    })
}

/// The word diff as `[-cut-]{+added+}`, the way `git diff --word-diff` writes it.
fn word_diff_plain(ops: &[WordOp]) -> String {
    let mut s = String::new();
    for op in ops {
        match op.op {
            "delete" => s.push_str(&format!("[-{}-]", op.text)),
            "insert" => s.push_str(&format!("{{+{}+}}", op.text)),
            _ => s.push_str(&op.text),
        }
    }
    s
}

/// The word diff with ~~cut~~ and **added** words.
fn word_diff_markdown(ops: &[WordOp]) -> String {
    let mut s = String::new();
    for op in ops {
        match op.op {
            "delete" => s.push_str(&format!("~~{}~~", md_cell(&op.text))),
            "insert" => s.push_str(&format!("**{}**", md_cell(&op.text))),
            _ => s.push_str(&md_cell(&op.text)),
        }
    }
    s
}

fn subject_of(f: &FactRef) -> String {
    if f.subject.is_empty() {
        "—".into()
    } else {
        f.subject.clone()
    }
}

fn summary(d: &Diff) -> String {
    format!(
        "{} → {}: {} facts changed, {} dropped, {} added, {} unchanged · sentences: {} kept, {} reworded, {} cut, {} added",
        d.base.id,
        d.variant.id,
        d.changed_facts.len(),
        d.dropped_facts.len(),
        d.added_facts.len(),
        d.unchanged_facts,
        d.count(SentenceChangeKind::Kept),
        d.count(SentenceChangeKind::Reworded),
        d.count(SentenceChangeKind::Cut),
        d.count(SentenceChangeKind::Added),
    )
}

/// The terminal view.
pub fn terminal(d: &Diff, fancy: bool) -> String {
    use super::new_table;
    let mut out = format!("{}\n", summary(d));
    if !d.changed_facts.is_empty() {
        out.push_str("\nChanged facts\n");
        let mut t = new_table(fancy);
        t.set_header(vec![
            "kind".to_string(),
            "subject".into(),
            "change".into(),
            format!("{} (line)", d.base.id),
            format!("{} (line)", d.variant.id),
        ]);
        for c in &d.changed_facts {
            t.add_row(vec![
                c.base.kind.to_string(),
                subject_of(&c.base),
                format!("{:?}", c.change).to_lowercase(),
                format!("{} ({})", c.base.text, c.base.line),
                format!("{} ({})", c.variant.text, c.variant.line),
            ]);
        }
        out.push_str(&t.to_string());
        out.push('\n');
    }
    for (title, facts) in [
        (format!("Facts {} dropped", d.variant.id), &d.dropped_facts),
        (format!("Facts {} added", d.variant.id), &d.added_facts),
    ] {
        if facts.is_empty() {
            continue;
        }
        out.push_str(&format!("\n{title}\n"));
        let mut t = new_table(fancy);
        t.set_header(vec!["kind", "subject", "line", "words", "reads as"]);
        for f in facts {
            t.add_row(vec![
                f.kind.to_string(),
                subject_of(f),
                f.line.to_string(),
                f.text.clone(),
                f.reads_as.clone(),
            ]);
        }
        out.push_str(&t.to_string());
        out.push('\n');
    }
    let section = |kind: SentenceChangeKind| d.sentences.iter().filter(move |s| s.change == kind);
    if d.count(SentenceChangeKind::Reworded) > 0 {
        out.push_str("\nReworded sentences ([-cut-] {+added+})\n");
        for s in section(SentenceChangeKind::Reworded) {
            out.push_str(&format!(
                "\n  line {} → line {}: {}\n",
                s.base_line.unwrap_or(0),
                s.variant_line.unwrap_or(0),
                word_diff_plain(&s.words)
            ));
        }
    }
    for (kind, title) in [
        (SentenceChangeKind::Cut, format!("Cut from {}", d.base.id)),
        (
            SentenceChangeKind::Added,
            format!("Added in {}", d.variant.id),
        ),
    ] {
        if d.count(kind) == 0 {
            continue;
        }
        out.push_str(&format!("\n{title}\n"));
        for s in section(kind) {
            let (line, text) = match kind {
                SentenceChangeKind::Cut => (s.base_line, &s.base),
                _ => (s.variant_line, &s.variant),
            };
            out.push_str(&format!(
                "  line {:<4} {}\n",
                line.unwrap_or(0),
                text.as_deref().unwrap_or("")
            ));
        }
    }
    out
}

/// The Markdown view.
pub fn markdown(d: &Diff) -> String {
    let mut out = format!(
        "# crosscheck diff: {} → {}\n\n**{}**\n",
        md_cell(&d.base.id),
        md_cell(&d.variant.id),
        md_cell(&summary(d))
    );
    if !d.changed_facts.is_empty() {
        out.push_str(&format!(
            "\n## Changed facts\n\n| Kind | Subject | Change | {} | {} |\n|---|---|---|---|---|\n",
            md_cell(&d.base.id),
            md_cell(&d.variant.id)
        ));
        for c in &d.changed_facts {
            out.push_str(&format!(
                "| {} | {} | {} | {} (line {}) | {} (line {}) |\n",
                c.base.kind,
                md_cell(&subject_of(&c.base)),
                format!("{:?}", c.change).to_lowercase(),
                md_cell(&c.base.text),
                c.base.line,
                md_cell(&c.variant.text),
                c.variant.line
            ));
        }
    }
    for (title, facts) in [
        (format!("Facts {} dropped", d.variant.id), &d.dropped_facts),
        (format!("Facts {} added", d.variant.id), &d.added_facts),
    ] {
        if facts.is_empty() {
            continue;
        }
        out.push_str(&format!(
            "\n## {}\n\n| Kind | Subject | Line | Words | Reads as |\n|---|---|---|---|---|\n",
            md_cell(&title)
        ));
        for f in facts {
            out.push_str(&format!(
                "| {} | {} | {} | {} | {} |\n",
                f.kind,
                md_cell(&subject_of(f)),
                f.line,
                md_cell(&f.text),
                md_cell(&f.reads_as)
            ));
        }
    }
    let section = |kind: SentenceChangeKind| d.sentences.iter().filter(move |s| s.change == kind);
    if d.count(SentenceChangeKind::Reworded) > 0 {
        out.push_str("\n## Reworded sentences\n\n~~cut~~ and **added** words.\n\n");
        for s in section(SentenceChangeKind::Reworded) {
            out.push_str(&format!(
                "- line {} → line {}: {}\n",
                s.base_line.unwrap_or(0),
                s.variant_line.unwrap_or(0),
                word_diff_markdown(&s.words)
            ));
        }
    }
    for (kind, title) in [
        (SentenceChangeKind::Cut, format!("Cut from {}", d.base.id)),
        (
            SentenceChangeKind::Added,
            format!("Added in {}", d.variant.id),
        ),
    ] {
        if d.count(kind) == 0 {
            continue;
        }
        out.push_str(&format!("\n## {}\n\n", md_cell(&title)));
        for s in section(kind) {
            let (line, text) = match kind {
                SentenceChangeKind::Cut => (s.base_line, &s.base),
                _ => (s.variant_line, &s.variant),
            };
            out.push_str(&format!(
                "- line {}: {}\n",
                line.unwrap_or(0),
                md_cell(text.as_deref().unwrap_or(""))
            ));
        }
    }
    out
}

/// One row of the side-by-side view: a base sentence, a variant sentence,
/// or both.
struct Row<'a> {
    change: SentenceChangeKind,
    s: &'a crate::compare::diff::SentenceChange,
}

/// Sentences in reading order for both sides: the variant's order, with
/// each cut base sentence placed after the row holding the base sentence
/// before it.
fn rows(d: &Diff) -> Vec<Row<'_>> {
    let mut rows: Vec<Row> = d
        .sentences
        .iter()
        .filter(|s| s.change != SentenceChangeKind::Cut)
        .map(|s| Row {
            change: s.change,
            s,
        })
        .collect();
    for s in d
        .sentences
        .iter()
        .filter(|s| s.change == SentenceChangeKind::Cut)
    {
        let line = s.base_start.unwrap_or(0);
        let at = rows
            .iter()
            .rposition(|r| r.s.base_start.is_some_and(|b| b <= line))
            .map_or(0, |i| i + 1);
        // After the cut sentences already placed there.
        let at = at
            + rows[at..]
                .iter()
                .take_while(|r| r.change == SentenceChangeKind::Cut && r.s.base_start <= Some(line))
                .count();
        rows.insert(
            at,
            Row {
                change: s.change,
                s,
            },
        );
    }
    rows
}

/// A fact of one side and the anchor it gets in that side's text.
struct Anchor<'a> {
    f: &'a FactRef,
    id: String,
    class: &'static str,
}

/// The HTML view: changed facts first, each linked into both texts, then
/// the two versions side by side, sentence by sentence.
pub fn html(d: &Diff) -> Result<String> {
    use maud::{DOCTYPE, html};
    let mut base_anchors: Vec<Anchor> = Vec::new();
    let mut variant_anchors: Vec<Anchor> = Vec::new();
    for (k, c) in d.changed_facts.iter().enumerate() {
        let class = change_word(c.change);
        base_anchors.push(Anchor {
            f: &c.base,
            id: format!("b-c{k}"),
            class,
        });
        variant_anchors.push(Anchor {
            f: &c.variant,
            id: format!("v-c{k}"),
            class,
        });
    }
    for (k, f) in d.dropped_facts.iter().enumerate() {
        base_anchors.push(Anchor {
            f,
            id: format!("b-d{k}"),
            class: "dropped",
        });
    }
    for (k, f) in d.added_facts.iter().enumerate() {
        variant_anchors.push(Anchor {
            f,
            id: format!("v-a{k}"),
            class: "added",
        });
    }
    // By start, longer first, so a fact inside another nests in it.
    for anchors in [&mut base_anchors, &mut variant_anchors] {
        anchors.sort_by_key(|a| (a.f.start, std::cmp::Reverse(a.f.end)));
    }
    let title = format!("crosscheck diff: {} → {}", d.base.id, d.variant.id);
    let rows = rows(d);
    // The texts first, to know which facts found a place in them: a fact
    // in a sentence left out of the alignment (a caption, a dateline) is
    // listed without a link.
    let mut placed: BTreeSet<String> = BTreeSet::new();
    let mut cells: Vec<(maud::Markup, maud::Markup)> = Vec::new();
    for r in &rows {
        let mut side =
            |text: &Option<String>, start: Option<usize>, anchors: &[Anchor]| match (text, start) {
                (Some(t), Some(start)) => marked(t, start, anchors, &mut placed),
                _ => html! {},
            };
        let b = side(&r.s.base, r.s.base_start, &base_anchors);
        let v = side(&r.s.variant, r.s.variant_start, &variant_anchors);
        cells.push((b, v));
    }
    let link = |id: String, text: &str| {
        html! {
            @if placed.contains(&id) { a href=(format!("#{id}")) { (text) } }
            @else { (text) }
        }
    };
    let fact_list = |facts: &[FactRef], prefix: &str| {
        html! {
            ul.facts {
                @for (k, f) in facts.iter().enumerate() {
                    li {
                        (f.kind.as_str()) " · " (subject_of(f)) ": "
                        (link(format!("{prefix}{k}"), &f.text)) " (line " (f.line) (reads(f)) ")"
                    }
                }
            }
        }
    };
    let page = html! {
        (DOCTYPE)
        html lang="en" {
            (super::html::head(&title, DIFF_CSS))
            body {
                header {
                    h1 { (title) }
                    p.summary { (summary(d)) }
                }
                main {
                    section #changed aria-labelledby="h-changed" {
                        h2 #h-changed { "Changed facts" }
                        @if d.changed_facts.is_empty() { p { "No fact changed." } }
                        @else {
                            div.scroll { table {
                                thead { tr {
                                    th scope="col" { "Kind · subject" } th scope="col" { "Change" }
                                    th scope="col" { (d.base.id) } th scope="col" { (d.variant.id) }
                                } }
                                tbody {
                                    @for (k, c) in d.changed_facts.iter().enumerate() {
                                        tr {
                                            td data-label="Fact" { (c.base.kind.as_str()) " · " (subject_of(&c.base)) }
                                            td data-label="Change" { span class=(format!("tag t-{}", change_word(c.change))) { (change_word(c.change)) } }
                                            td data-label=(d.base.id) { (link(format!("b-c{k}"), &c.base.text)) " " span.muted { "line " (c.base.line) (reads(&c.base)) } }
                                            td data-label=(d.variant.id) { (link(format!("v-c{k}"), &c.variant.text)) " " span.muted { "line " (c.variant.line) (reads(&c.variant)) } @if !c.words.is_empty() { div.wd { span.vh { "Word diff: " } (super::html::word_ops(&c.words)) } } }
                                        }
                                    }
                                }
                            } }
                        }
                        @if !d.dropped_facts.is_empty() {
                            h3 { "Facts " (d.variant.id) " dropped" }
                            (fact_list(&d.dropped_facts, "b-d"))
                        }
                        @if !d.added_facts.is_empty() {
                            h3 { "Facts " (d.variant.id) " added" }
                            (fact_list(&d.added_facts, "v-a"))
                        }
                    }
                    section #texts aria-labelledby="h-texts" {
                        h2 #h-texts { "The two versions, sentence by sentence" }
                        p.muted { "Each row is one sentence of either version: "
                            span.tag.t-kept { "kept" } ", " span.tag.t-reworded { "reworded" } " (with the word diff: "
                            del { "cut" } ", " ins { "added" } "), " span.tag.t-cut { "cut" } " or " span.tag.t-added { "added" } "." }
                        div.sxs role="table" aria-label="Sentences of both versions" {
                            div.sxs-row.sxs-head role="row" {
                                div role="columnheader" { "Change" }
                                div role="columnheader" { (d.base.id) " (base)" }
                                div role="columnheader" { (d.variant.id) " (variant)" }
                            }
                            @for (r, (b, v)) in rows.iter().zip(&cells) {
                                @let word = sentence_word(r.change);
                                div class=(format!("sxs-row r-{word}")) role="row" {
                                    div role="cell" { span class=(format!("tag t-{word}")) { (word) } }
                                    div role="cell" lang="en" {
                                        @if let Some(line) = r.s.base_line {
                                            span.ln { (line) } " " (b)
                                        }
                                    }
                                    div role="cell" {
                                        @if let Some(line) = r.s.variant_line {
                                            span.ln { (line) } " " (v)
                                        }
                                        @if r.change == SentenceChangeKind::Reworded {
                                            div.wd { span.vh { "Word diff: " } (super::html::word_ops(&r.s.words)) }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    };
    let mut out = page.into_string();
    out.push('\n');
    Ok(out)
}

/// " · reads as …" for figures; quotes and names read as their own words.
fn reads(f: &FactRef) -> String {
    use crate::fact::Kind;
    if matches!(f.kind, Kind::Quote | Kind::Name) {
        String::new()
    } else {
        format!(" · reads as {}", f.reads_as)
    }
}

fn change_word(c: crate::compare::diff::FactChangeKind) -> &'static str {
    match c {
        crate::compare::diff::FactChangeKind::Value => "value",
        crate::compare::diff::FactChangeKind::Wording => "wording",
    }
}

fn sentence_word(c: SentenceChangeKind) -> &'static str {
    match c {
        SentenceChangeKind::Kept => "kept",
        SentenceChangeKind::Reworded => "reworded",
        SentenceChangeKind::Cut => "cut",
        SentenceChangeKind::Added => "added",
    }
}

/// A sentence (starting at byte `start` of its file) with the anchored
/// facts that start inside it marked (to the sentence's end at most); a
/// fact inside another nests. `anchors` are sorted by start, longest
/// first; the ids marked are added to `placed`.
fn marked(
    text: &str,
    start: usize,
    anchors: &[Anchor],
    placed: &mut BTreeSet<String>,
) -> maud::Markup {
    let end = start + text.len();
    let first = anchors.partition_point(|a| a.f.start < start);
    let mut out = String::new();
    let esc = |s: &str| maud::html! { (s) }.into_string();
    let mut stack: Vec<usize> = Vec::new();
    let mut pos = 0;
    for a in anchors[first..].iter().take_while(|a| a.f.start < end) {
        let s = a.f.start - start;
        let e = (a.f.end.min(end) - start).max(s);
        if !text.is_char_boundary(s) || !text.is_char_boundary(e) || placed.contains(&a.id) {
            continue;
        }
        while let Some(&top) = stack.last() {
            if top > s {
                break;
            }
            out.push_str(&esc(&text[pos..top]));
            pos = top;
            out.push_str("</mark>");
            stack.pop();
        }
        let e = stack.last().map_or(e, |&top| e.min(top));
        out.push_str(&esc(&text[pos..s]));
        pos = s;
        out.push_str(&format!(
            "<mark id=\"{id}\" class=\"m-{class}\" title=\"{class}\"><span class=\"vh\">({class}) </span>",
            id = esc(&a.id),
            class = a.class
        ));
        placed.insert(a.id.clone());
        stack.push(e);
    }
    while let Some(top) = stack.pop() {
        out.push_str(&esc(&text[pos..top]));
        pos = top;
        out.push_str("</mark>");
    }
    out.push_str(&esc(&text[pos..]));
    maud::PreEscaped(out)
}

const DIFF_CSS: &str = r#"
*{box-sizing:border-box}
body{margin:0 auto;max-width:80rem;padding:0 1rem 3rem;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#111827}
h1{font-size:1.5rem}h2{font-size:1.25rem;border-bottom:2px solid #d1d5db;margin-top:2rem}
.summary{font-weight:600}.muted{color:#4b5563}.scroll{overflow-x:auto}
table{border-collapse:collapse;width:100%}th,td{text-align:left;vertical-align:top;padding:.35rem .5rem;border-bottom:1px solid #d1d5db}
a{color:#1d4ed8}a:focus-visible{outline:3px solid #f59e0b;outline-offset:2px}
.vh{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
.tag{display:inline-block;padding:0 .45rem;border-radius:999px;font-size:.8rem;font-weight:700;text-transform:uppercase;border:1px solid currentColor}
.t-value,.t-cut{color:#9b1c1c;background:#fde2e1}.t-wording,.t-reworded{color:#7a4400;background:#fff1c2}
.t-added{color:#17603a;background:#d9f5e3}.t-kept{color:#374151;background:#eceff3}
mark{padding:0 .1em;border-bottom:2px solid currentColor}mark.m-value,mark.m-dropped{color:#9b1c1c;background:#fde2e1}
mark.m-wording{color:#7a4400;background:#fff1c2}mark.m-added{color:#17603a;background:#d9f5e3}
mark:target{outline:3px solid #f59e0b;background:#fde68a;color:#111827}
del{background:#fde2e1;color:#9b1c1c}ins{background:#d9f5e3;color:#17603a;font-weight:600}
.sxs-row{display:grid;grid-template-columns:6.5rem 1fr 1fr;gap:.75rem;padding:.4rem 0;border-bottom:1px solid #e5e7eb}
.sxs-head{font-weight:700;position:sticky;top:0;background:#fff}
.r-kept{color:#374151}.ln{color:#6b7280;font-size:.8rem}.wd{margin-top:.3rem;padding:.25rem .5rem;background:#f9fafb;border-left:3px solid #d1d5db}
@media (max-width:44rem){#changed thead{display:none}#changed table,#changed tbody,#changed tr,#changed td{display:block}
#changed tr{border-bottom:2px solid #d1d5db;padding:.4rem 0}#changed td{border:0;padding:.1rem 0}
#changed td::before{content:attr(data-label) ": ";font-weight:700}.sxs-row{grid-template-columns:1fr}.sxs-head{display:none}
.sxs-row>div:nth-child(2):not(:empty)::before{content:"base: ";font-weight:700}
.sxs-row>div:nth-child(3):not(:empty)::before{content:"variant: ";font-weight:700}}
"#;
