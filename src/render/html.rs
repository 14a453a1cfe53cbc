//! The HTML evidence view: one self-contained page (inline CSS and a small
//! inline script, nothing fetched, works from `file://`) that a
//! fact-checker verifies at a glance.
//!
//! Top: the summary and the outlets (independent, or a copy of which), with
//! the lineage drawn as inline SVG. Then the comparisons, conflicts first,
//! then "possibly the same figure" (disagreements the align stage found only
//! weakly aligned), variants, compatible, agreeing and single-source
//! facts: every outlet's sentence with the figure highlighted, what it
//! reads as and the verdict's reason; quotes show the word diff. Each
//! highlighted figure links to its outlet's full article further down the
//! page, where every fact is marked in its verdict's colour and word. A
//! filter by verdict and kind hides and shows comparisons.
//!
//! Built with `maud`, which escapes every piece of text it is given: an
//! article containing `<script>` renders as text. The bytes depend only on
//! the report and the article files (no clock, no hash order).

use super::table::subject_label;
use crate::Report;
use crate::compare::lineage::Relation;
use crate::compare::{Comparison, Verdict};
use crate::error::{Error, Result};
use crate::fact::{Fact, Kind, Value};
use crate::normalise::names;
use maud::{DOCTYPE, Markup, PreEscaped, html};
use std::collections::BTreeMap;
use std::path::Path;

/// One article's text as read, for the article view.
#[derive(Clone, Debug)]
pub struct Article {
    /// The text facts were found in: the whole file for text files, the
    /// decoded article for HTML and JSON Lines.
    pub text: String,
    /// Where the body starts (after the front matter).
    pub body_start: usize,
    /// How fact offsets (into the bytes as stored) map into `text`, when
    /// `text` is not the file itself.
    pub origin: Option<crate::ingest::SpanMap>,
}

impl From<crate::ingest::Source> for Article {
    fn from(src: crate::ingest::Source) -> Article {
        Article {
            text: src.text,
            body_start: src.body_start,
            origin: src.origin,
        }
    }
}

/// Reads the article files of `report` again, for their full text. A
/// JSON Lines feed is read once; its records are the report's sources of
/// that path, in order.
pub fn articles(report: &Report) -> Result<BTreeMap<String, Article>> {
    let mut out = BTreeMap::new();
    let mut by_path: Vec<(&str, Vec<&crate::SourceInfo>)> = Vec::new();
    for s in &report.sources {
        match by_path.iter_mut().find(|(p, _)| *p == s.path) {
            Some((_, list)) => list.push(s),
            None => by_path.push((&s.path, vec![s])),
        }
    }
    let options = crate::ingest::Options {
        skip_bad: true,
        ..crate::ingest::Options::default()
    };
    for (path, infos) in by_path {
        let (sources, _) = crate::ingest::read_sources(Path::new(path), &options)?;
        // A file given twice is listed twice: its records again.
        for (info, src) in infos.into_iter().zip(sources.iter().cycle()) {
            out.insert(info.id.clone(), Article::from(src.clone()));
        }
    }
    Ok(out)
}

/// The page for `report`, reading the article texts from their files.
pub fn render_files(report: &Report, title: &str) -> Result<String> {
    let texts = articles(report).map_err(|e| {
        Error::new(format!(
            "{} (the HTML page shows the articles' text)",
            e.message()
        ))
    })?;
    Ok(render(report, &texts, title))
}

/// A section of comparisons.
struct Section {
    id: &'static str,
    heading: &'static str,
    blurb: &'static str,
    verdict: &'static str,
}

const SECTIONS: [Section; 6] = [
    Section {
        id: "conflicts",
        heading: "Conflicts",
        blurb: "Values that cannot all be right.",
        verdict: "conflict",
    },
    Section {
        id: "possibly",
        heading: "Possibly the same figure",
        blurb: "Weakly aligned: these may not be the same fact, so no verdict is drawn.",
        verdict: "possibly",
    },
    Section {
        id: "variants",
        heading: "Spelled differently",
        blurb: "The same person in another transliteration.",
        verdict: "variant",
    },
    Section {
        id: "compatible",
        heading: "Compatible",
        blurb: "Values that overlap but differ in precision, or quotes that leave words out.",
        verdict: "compatible",
    },
    Section {
        id: "agree",
        heading: "Agreeing",
        blurb: "Every outlet's value denotes the same thing.",
        verdict: "agree",
    },
    Section {
        id: "single",
        heading: "Single-source facts",
        blurb: "Stated by one outlet only.",
        verdict: "single-source",
    },
];

/// The `<head>` every crosscheck page shares: its title and inline CSS.
pub(super) fn head(title: &str, css: &str) -> Markup {
    html! {
        head {
            meta charset="utf-8";
            meta name="viewport" content="width=device-width, initial-scale=1";
            title { (title) }
            style { (PreEscaped(css)) }
        }
    }
}

/// The section a comparison is shown in: its verdict's, or "possibly" for
/// a disagreement the align stage found only weakly aligned.
fn section_of(c: &Comparison) -> &'static str {
    if c.verdict == Verdict::Unclear {
        return "possibly";
    }
    c.verdict.as_str()
}

/// The alignment score of a comparison, when it has one.
fn alignment_score(c: &Comparison) -> Option<f64> {
    c.alignment.as_ref().map(|a| a.score)
}

/// Everything the page needs to know about one fact.
struct Mark<'a> {
    fact: &'a Fact,
    /// Index of its comparison in the report, for links.
    comparison: usize,
    class: &'static str,
}

/// What the page looks up, indexed once so that rendering stays linear in
/// the size of the report.
struct Index<'a> {
    facts: BTreeMap<crate::fact::FactId, &'a Fact>,
    /// The section of each comparison, by index.
    sections: Vec<&'static str>,
    /// Surname spellings by name key, for quote headings.
    surnames: BTreeMap<String, &'a str>,
}

impl<'a> Index<'a> {
    fn new(report: &'a Report) -> Index<'a> {
        let mut surnames = BTreeMap::new();
        for f in &report.facts {
            if let Value::Name { surface, .. } = &f.value
                && let Some(last) = surface.split_whitespace().last()
            {
                surnames.entry(names::key(last)).or_insert(last);
            }
        }
        Index {
            facts: report.facts.iter().map(|f| (f.id, f)).collect(),
            sections: report.comparisons.iter().map(section_of).collect(),
            surnames,
        }
    }

    fn facts_of(&self, c: &'a Comparison) -> Vec<&'a Fact> {
        c.facts
            .iter()
            .filter_map(|id| self.facts.get(id).copied())
            .collect()
    }

    /// Who said a quote, as the outlets spell them.
    fn speaker(&self, c: &Comparison, facts: &[&Fact]) -> String {
        if facts
            .iter()
            .any(|f| matches!(f.value, Value::Quote { speech: false, .. }))
        {
            return "not speech (display text)".into();
        }
        if c.subject.is_empty() {
            return "unattributed".into();
        }
        let named = facts
            .iter()
            .filter_map(|f| f.subject_words.map(crate::words::Word::as_str))
            .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
            .filter_map(|w| w.split_whitespace().last())
            .find(|w| names::key(w) == c.subject);
        if let Some(name) = named.or_else(|| self.surnames.get(&c.subject).copied()) {
            return name.to_string();
        }
        let mut chars = c.subject.chars();
        match chars.next() {
            Some(first) => first.to_uppercase().chain(chars).collect(),
            None => String::new(),
        }
    }
}

/// Renders the page.
pub fn render(report: &Report, texts: &BTreeMap<String, Article>, title: &str) -> String {
    let index = Index::new(report);
    let mut marks: BTreeMap<&str, Vec<Mark>> = BTreeMap::new();
    for (i, c) in report.comparisons.iter().enumerate() {
        for f in index.facts_of(c) {
            marks.entry(&*f.source).or_default().push(Mark {
                fact: f,
                comparison: i,
                class: index.sections[i],
            });
        }
    }
    let kinds: Vec<Kind> = Kind::ALL
        .into_iter()
        .filter(|k| report.comparisons.iter().any(|c| c.kind == *k))
        .collect();
    let counts: Vec<(&Section, usize)> = SECTIONS
        .iter()
        .map(|s| {
            let n = index.sections.iter().filter(|x| **x == s.verdict).count();
            (s, n)
        })
        .collect();

    let page = html! {
        (DOCTYPE)
        html lang="en" {
            (head(&format!("crosscheck report: {title}"), CSS))
            body {
                a.skip href="#comparisons" { "Skip to the comparisons" }
                header {
                    h1 { "crosscheck report: " (title) }
                    p.summary { (summary(report)) }
                }
                main {
                    (sources(report))
                    (lineage_svg(report))
                    (filters(&counts, &kinds, report))
                    div #comparisons {
                        @for (s, n) in &counts {
                            @if *n > 0 {
                                section.verdict-section #(s.id) aria-labelledby=(format!("h-{}", s.id)) {
                                    h2 #(format!("h-{}", s.id)) { (s.heading) " " span.count { "(" (n) ")" } }
                                    p.blurb { (s.blurb) }
                                    @for (i, c) in report.comparisons.iter().enumerate() {
                                        @if index.sections[i] == s.verdict {
                                            (comparison(&index, i, c))
                                        }
                                    }
                                }
                            }
                        }
                    }
                    (article_texts(report, texts, &marks))
                }
                footer {
                    p { "Written by crosscheck. Every highlighted figure links to its place in the article; "
                        "each mark in an article links back to its comparison." }
                }
                script { (PreEscaped(SCRIPT)) }
            }
        }
    };
    let mut out = page.into_string();
    out.push('\n');
    out
}

fn summary(report: &Report) -> String {
    let mut parts = vec![
        format!("{} sources", report.sources.len()),
        format!("{} facts", report.facts.len()),
    ];
    for v in super::table::VERDICT_ORDER {
        parts.push(format!("{} {}", report.count(v), v));
    }
    parts.join(" · ")
}

/// Where each source stands: independent, or a copy / rewrite of another.
fn standing(report: &Report, id: &str) -> String {
    let mut parts = Vec::new();
    for l in report.lineage.iter().filter(|l| l.to == id) {
        let what = match l.relation {
            Relation::Copy => "copy of",
            Relation::Rewrite => "rewrite of",
            Relation::Partial => "independent; borrows passages from",
        };
        parts.push(format!(
            "{what} {} ({:.0}% shared)",
            l.from,
            l.shared * 100.0
        ));
    }
    if parts.is_empty() {
        "independent".into()
    } else {
        parts.join("; ")
    }
}

fn sources(report: &Report) -> Markup {
    html! {
        section #sources aria-labelledby="h-sources" {
            h2 #h-sources { "Outlets" }
            div.scroll {
                table {
                    thead { tr { th scope="col" { "Source" } th scope="col" { "Outlet" } th scope="col" { "Published" } th scope="col" { "Standing" } } }
                    tbody {
                        @for s in &report.sources {
                            tr {
                                th scope="row" { a href=(format!("#article-{}", s.id)) { (s.id) } }
                                td { (s.outlet) }
                                td.nowrap { @match (s.published, s.assumed_published) { (Some(d), _) => (d.to_string()), (None, Some(d)) => { "unknown; read as of " (d.to_string()) }, (None, None) => "unknown" } }
                                td { (standing(report, &s.id)) }
                            }
                        }
                    }
                }
            }
        }
    }
}

/// The lineage as an arc diagram: one box per source down the page, an
/// arrow from each source to the ones that copy or rewrite it (dashed for
/// partial borrowing), labelled with the relation and the share.
fn lineage_svg(report: &Report) -> Markup {
    if report.lineage.is_empty() {
        return html! {};
    }
    const ROW: usize = 44;
    const BOX_W: usize = 200;
    let n = report.sources.len();
    let height = n * ROW + 8;
    let width = 420;
    let y_of = |id: &str| {
        report
            .sources
            .iter()
            .position(|s| s.id == id)
            .map(|i| i * ROW + 4 + 16)
    };
    let description: Vec<String> = report
        .lineage
        .iter()
        .map(|l| {
            let what = match l.relation {
                Relation::Copy => "is a copy of",
                Relation::Rewrite => "is a rewrite of",
                Relation::Partial => "borrows passages from",
            };
            format!(
                "{} {what} {} ({:.0}% shared)",
                l.to,
                l.from,
                l.shared * 100.0
            )
        })
        .collect();
    html! {
        section #lineage aria-labelledby="h-lineage" {
            h2 #h-lineage { "Lineage" }
            p.blurb { "Articles that copy or rewrite another count as one source; partial borrowing leaves both independent." }
            svg role="img" aria-labelledby="lineage-title lineage-desc" viewBox=(format!("0 0 {width} {height}")) width=(width) height=(height) xmlns="http://www.w3.org/2000/svg" {
                title #lineage-title { "Lineage of the sources" }
                desc #lineage-desc { (description.join(". ")) }
                defs {
                    marker #arrow viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse" {
                        path d="M 0 0 L 10 5 L 0 10 z" fill="#1f2937" {}
                    }
                }
                @for (i, s) in report.sources.iter().enumerate() {
                    g {
                        rect x="4" y=(i * ROW + 4) width=(BOX_W) height="32" rx="6" fill="#f3f4f6" stroke="#374151" {}
                        text x="14" y=(i * ROW + 25) font-size="14" fill="#111827" { (s.id) }
                    }
                }
                @for (k, l) in report.lineage.iter().enumerate() {
                    @if let (Some(y1), Some(y2)) = (y_of(&l.from), y_of(&l.to)) {
                        @let x = BOX_W + 4;
                        @let bulge = x + 40 + 40 * (k % 3) + y1.abs_diff(y2) / 4;
                        @let mid = (y1 + y2) / 2;
                        path d=(format!("M {x} {y1} C {bulge} {y1}, {bulge} {y2}, {} {y2}", x + 2))
                            fill="none" stroke="#1f2937" stroke-width="2"
                            stroke-dasharray=[(l.relation == Relation::Partial).then_some("6 4")]
                            marker-end="url(#arrow)" {}
                        text x=((bulge - 14).min(width - 96)) y=(mid + 5) font-size="13" fill="#111827" stroke="#fff" stroke-width="4" paint-order="stroke" {
                            (l.relation.as_str()) " " (format!("{:.0}%", l.shared * 100.0))
                        }
                    }
                }
            }
            ul.lineage-text {
                @for d in &description { li { (d) } }
            }
        }
    }
}

fn filters(counts: &[(&Section, usize)], kinds: &[Kind], report: &Report) -> Markup {
    html! {
        form #filters hidden aria-label="Filter the comparisons" {
            fieldset {
                legend { "Verdict" }
                @for (s, n) in counts {
                    @if *n > 0 {
                        label.chip { input type="checkbox" name="verdict" value=(s.verdict) checked; " " span class=(format!("badge v-{}", s.verdict)) { (s.verdict) } " (" (n) ")" }
                    }
                }
            }
            fieldset {
                legend { "Kind" }
                @for k in kinds {
                    label.chip { input type="checkbox" name="kind" value=(k.as_str()) checked; " " (k.as_str()) " (" (report.comparisons.iter().filter(|c| c.kind == *k).count()) ")" }
                }
            }
            p #shown aria-live="polite" {}
        }
    }
}

/// Who a comparison is about, for its heading.
fn heading(index: &Index, c: &Comparison, facts: &[&Fact]) -> String {
    match c.kind {
        Kind::Quote => format!("quote · {}", index.speaker(c, facts)),
        _ => format!("{} · {}", c.kind, subject_label(c)),
    }
}

fn comparison(index: &Index, i: usize, c: &Comparison) -> Markup {
    let class = index.sections[i];
    let facts: Vec<&Fact> = index.facts_of(c);
    let mut outlets: Vec<&str> = facts.iter().map(|f| &*f.source).collect();
    outlets.sort_unstable();
    outlets.dedup();
    let quote = c.kind == Kind::Quote;
    let diffs = if quote && matches!(c.verdict, Verdict::Conflict | Verdict::Compatible) {
        crate::compare::quotes::differences(&facts)
    } else {
        Vec::new()
    };
    html! {
        article class=(format!("cmp v-{class}")) id=(format!("c{i}")) data-verdict=(class) data-kind=(c.kind.as_str()) aria-labelledby=(format!("c{i}-h")) {
            h3 id=(format!("c{i}-h")) {
                span class=(format!("badge v-{class}")) { (class) }
                " " (heading(index, c, &facts))
            }
            p.meta {
                (outlets.len()) @if outlets.len() == 1 { " outlet" } @else { " outlets" }
                @if outlets.len() > 1 { ", " (c.independent_sources) " independent" }
                @if let Some(score) = alignment_score(c) { " · alignment score " (format!("{score:.2}")) }
                " · " code { (c.key) }
            }
            @if !quote || c.verdict == Verdict::Agree {
                p.reason { (c.detail) }
            }
            @if !diffs.is_empty() {
                div.diffs {
                    p { "How the wording differs (" del { "left out" } ", " ins { "put in" } "):" }
                    ul {
                        @for d in &diffs {
                            li {
                                @match &d.ops {
                                    Some(ops) => {
                                        span.pair { (d.from) " → " (d.to) ": " }
                                        (word_ops(ops))
                                    }
                                    None => { (d.from) " quotes part of " (d.to) }
                                }
                            }
                        }
                    }
                }
            }
            ul.evidence {
                @for f in &facts {
                    li {
                        span.outlet { (f.source) }
                        " " span.line { "line " (f.line) }
                        @if !quote && !matches!(f.value, Value::Name { .. }) {
                            " " span.reads { "reads as " strong { (f.value.reading()) } }
                        }
                        @if let Some(h) = &f.hedge { " " span.hedge { "hedge: " (h) } }
                        blockquote { (sentence(f, class)) }
                    }
                }
            }
        }
    }
}

/// Cut and added words: `<del>` and `<ins>`, which say so to a screen
/// reader and strike through or underline besides the colour.
pub fn word_ops(ops: &[crate::compare::diff::WordOp]) -> Markup {
    html! {
        span.wdiff {
            @for (i, op) in ops.iter().enumerate() {
                // A cut stretch right before an added one: keep them apart.
                @if op.op == "insert" && i > 0 && ops[i - 1].op == "delete" { " " }
                @match op.op {
                    "delete" => { del { (op.text) } }
                    "insert" => { ins { (op.text) } }
                    _ => { (op.text) }
                }
            }
        }
    }
}

/// The sentence of a fact with the fact's words highlighted, linked to the
/// fact in its article.
fn sentence(f: &Fact, class: &str) -> Markup {
    let s = f.sentence.as_text();
    let s = s.as_ref();
    let link = html! {
        a class=(format!("fig v-{class}")) href=(format!("#{}", f.id)) title=(format!("{class}: show in the {} article", f.source)) { (f.text) }
    };
    match locate(f) {
        Some((i, true)) => html! { (&s[..i]) (link) (&s[i + f.text.len()..]) },
        // The words run on past the sentence (a quote of several).
        Some((i, false)) => html! { (&s[..i]) (link) },
        None => html! { (link) },
    }
}

/// Where the fact's words start in its sentence window, and whether they
/// end there too: a quote of several sentences starts in its window and
/// runs on. Of repeated words, the first occurrence.
fn locate(f: &Fact) -> Option<(usize, bool)> {
    let s = f.sentence.as_text();
    let s = s.as_ref();
    if f.text.is_empty() {
        return None;
    }
    if let Some(i) = s.find(&*f.text) {
        return Some((i, true));
    }
    // The longest head of the words that the window ends with.
    let mut heads: Vec<usize> = f.text.char_indices().map(|(i, _)| i).skip(1).collect();
    heads.push(f.text.len());
    heads.into_iter().rev().find_map(|n| {
        let head = &f.text[..n];
        let window = s.trim_end_matches('…');
        (n >= 8 && window.ends_with(head)).then(|| (window.len() - n, false))
    })
}

fn article_texts(
    report: &Report,
    texts: &BTreeMap<String, Article>,
    marks: &BTreeMap<&str, Vec<Mark>>,
) -> Markup {
    html! {
        section #articles aria-labelledby="h-articles" {
            h2 #h-articles { "Articles" }
            p.blurb { "Each article's text with every fact marked in its verdict's colour and word; a mark links back to its comparison." }
            (legend(marks))
            @for s in &report.sources {
                article.text-article id=(format!("article-{}", s.id)) aria-labelledby=(format!("article-{}-h", s.id)) {
                    h3 id=(format!("article-{}-h", s.id)) { (s.outlet) " " span.id { "(" (s.id) ")" } }
                    p.meta {
                        @if let Some(d) = s.published { "published " (d.to_string()) " · " }
                        (standing(report, &s.id)) " · " (s.path)
                    }
                    @match texts.get(&s.id) {
                        Some(a) => { div.body { (marked_text(a, marks.get(s.id.as_str()).map_or(&[], Vec::as_slice))) } }
                        None => { p { "The article text could not be read." } }
                    }
                }
            }
        }
    }
}

fn legend(marks: &BTreeMap<&str, Vec<Mark>>) -> Markup {
    let used: std::collections::BTreeSet<&str> =
        marks.values().flatten().map(|m| m.class).collect();
    html! {
        ul.legend aria-label="Mark colours" {
            @for s in SECTIONS.iter().filter(|s| used.contains(s.verdict)) {
                li { mark class=(format!("fact v-{}", s.verdict)) { (s.verdict) } }
            }
        }
    }
}

/// One article body with its facts marked. Facts inside another fact's
/// words (a name inside a quote) nest; a fact overlapping the end of an
/// earlier one is cut at that end, so every fact keeps its anchor. The
/// outermost mark's words link back to its comparison (links cannot nest).
fn marked_text(a: &Article, marks: &[Mark]) -> Markup {
    let len = a.text.len();
    let floor = |mut i: usize| {
        while i > 0 && !a.text.is_char_boundary(i) {
            i -= 1;
        }
        i.min(len)
    };
    let mut spans: Vec<(usize, usize, &Mark)> = marks
        .iter()
        .map(|m| {
            // Fact offsets are into the bytes as stored; the view shows
            // the text read from them.
            let (start, end) = match &a.origin {
                Some(map) => (map.text_start(m.fact.start), map.text_end(m.fact.end)),
                None => (m.fact.start, m.fact.end),
            };
            let start = floor(start.max(a.body_start).min(len));
            let end = floor(end.min(len)).max(start);
            (start, end, m)
        })
        .collect();
    spans.sort_by(|x, y| {
        x.0.cmp(&y.0)
            .then(y.1.cmp(&x.1))
            .then(x.2.fact.id.cmp(&y.2.fact.id))
    });
    let mut out = String::new();
    // Ends of the open marks, innermost last.
    let mut stack: Vec<usize> = Vec::new();
    let mut pos = a.body_start.min(len);
    let text = |out: &mut String, from: usize, to: usize| {
        if to > from {
            out.push_str(&esc(&a.text[from..to]));
        }
    };
    let close = |out: &mut String, depth: usize| {
        out.push_str(if depth == 1 { "</a></mark>" } else { "</mark>" });
    };
    for (start, end, m) in spans {
        while let Some(&top) = stack.last() {
            if top > start {
                break;
            }
            text(&mut out, pos, top);
            pos = top;
            close(&mut out, stack.len());
            stack.pop();
        }
        let end = stack.last().map_or(end, |&top| end.min(top));
        text(&mut out, pos, start);
        pos = start;
        let f = m.fact;
        // Open tags only: the closing ones come when the span ends.
        out.push_str(&format!(
            "<mark class=\"fact v-{class}\" id=\"{id}\" title=\"{title}\"><span class=\"vh\">({class}) </span>",
            class = m.class,
            id = f.id,
            title = esc(&format!("{}: {} · line {}", m.class, f.kind, f.line)),
        ));
        if stack.is_empty() {
            out.push_str(&format!("<a href=\"#c{}\">", m.comparison));
        }
        stack.push(end);
    }
    while let Some(top) = stack.last().copied() {
        text(&mut out, pos, top);
        pos = top;
        close(&mut out, stack.len());
        stack.pop();
    }
    text(&mut out, pos, len);
    PreEscaped(out)
}

const CSS: &str = r#"
:root{--fg:#111827;--muted:#4b5563;--bg:#fff;--line:#d1d5db;
--conflict:#9b1c1c;--conflict-bg:#fde2e1;--possibly:#1e4e8c;--possibly-bg:#e0ecfb;
--variant:#5b21b6;--variant-bg:#ede9fe;--compatible:#7a4400;--compatible-bg:#fff1c2;
--agree:#17603a;--agree-bg:#d9f5e3;--single:#374151;--single-bg:#eceff3}
*{box-sizing:border-box}
body{margin:0 auto;max-width:72rem;padding:0 1rem 3rem;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--fg);background:var(--bg)}
h1{font-size:1.6rem;margin:1rem 0 .25rem}h2{font-size:1.3rem;margin:2rem 0 .25rem;border-bottom:2px solid var(--line)}h3{font-size:1.05rem;margin:0 0 .25rem}
.summary{font-weight:600;margin:.25rem 0 1rem}
.skip{position:absolute;left:-999px}.skip:focus{left:1rem;top:1rem;background:#fff;padding:.5rem;z-index:2}
.vh{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
a{color:#1d4ed8}a:focus-visible,input:focus-visible{outline:3px solid #f59e0b;outline-offset:2px}
.scroll{overflow-x:auto}.nowrap{white-space:nowrap}table{border-collapse:collapse;width:100%}th,td{text-align:left;vertical-align:top;padding:.35rem .5rem;border-bottom:1px solid var(--line)}
.blurb,.meta{color:var(--muted);margin:.25rem 0 .75rem}.meta code{font-size:.85em}
svg{max-width:100%;height:auto}.lineage-text{color:var(--muted);font-size:.95rem}
#filters{position:sticky;top:0;z-index:1;background:var(--bg);border-bottom:1px solid var(--line);padding:.5rem 0;display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:flex-start}
fieldset{border:1px solid var(--line);border-radius:6px;margin:0;padding:.25rem .5rem .4rem;display:flex;flex-wrap:wrap;gap:.25rem .75rem}legend{font-weight:600;padding:0 .25rem}
.chip{white-space:nowrap;cursor:pointer}#shown{margin:.25rem 0;font-weight:600}
.cmp{border:1px solid var(--line);border-left:6px solid var(--single);border-radius:6px;padding:.75rem 1rem;margin:.75rem 0}
.cmp.v-conflict{border-left-color:var(--conflict)}.cmp.v-possibly{border-left-color:var(--possibly);border-left-style:dashed}
.cmp.v-variant{border-left-color:var(--variant)}.cmp.v-compatible{border-left-color:var(--compatible)}.cmp.v-agree{border-left-color:var(--agree)}
.cmp.v-single-source{padding:.4rem .75rem}.cmp.v-single-source blockquote{margin-top:.1rem}
.cmp:target{box-shadow:0 0 0 3px #f59e0b}
.cmp,mark.fact{scroll-margin-top:12rem}
.badge{display:inline-block;padding:0 .45rem;border-radius:999px;font-size:.8rem;font-weight:700;text-transform:uppercase;letter-spacing:.03em;border:1px solid currentColor}
.v-conflict.badge,mark.v-conflict,a.fig.v-conflict{color:var(--conflict);background:var(--conflict-bg)}
.v-possibly.badge,mark.v-possibly,a.fig.v-possibly{color:var(--possibly);background:var(--possibly-bg)}
.v-variant.badge,mark.v-variant,a.fig.v-variant{color:var(--variant);background:var(--variant-bg)}
.v-compatible.badge,mark.v-compatible,a.fig.v-compatible{color:var(--compatible);background:var(--compatible-bg)}
.v-agree.badge,mark.v-agree,a.fig.v-agree{color:var(--agree);background:var(--agree-bg)}
.v-single-source.badge,mark.v-single-source,a.fig.v-single-source{color:var(--single);background:var(--single-bg)}
.evidence{list-style:none;padding:0;margin:.5rem 0 0}.evidence li{margin:.5rem 0}
.outlet{font-weight:700}.line,.hedge{color:var(--muted);font-size:.9rem}.reads{font-size:.95rem}
blockquote{margin:.2rem 0 0;padding:.1rem 0 .1rem .75rem;border-left:3px solid var(--line)}
a.fig{font-weight:700;padding:0 .15em;border-radius:3px;text-decoration:underline;text-decoration-thickness:2px;text-underline-offset:3px}
.diffs p{margin:.25rem 0}.diffs ul{margin:.25rem 0;padding-left:1.25rem}.pair{font-weight:600}
del{background:var(--conflict-bg);color:var(--conflict);text-decoration:line-through}
ins{background:var(--agree-bg);color:var(--agree);text-decoration:underline;font-weight:600}
.legend{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:.5rem}
.text-article{border-top:1px solid var(--line);padding-top:.5rem;margin-top:1.5rem}.text-article .id{color:var(--muted);font-weight:400}
.body{white-space:pre-wrap;overflow-wrap:anywhere;font-family:Georgia,"Times New Roman",serif;font-size:1.02rem;line-height:1.6}
mark.fact{padding:0 .1em;border-radius:2px;border-bottom:2px solid currentColor}mark.fact a{color:inherit;text-decoration:none}
mark.v-conflict{border-bottom-style:double;border-bottom-width:4px}mark.v-compatible{border-bottom-style:dashed}mark.v-possibly{border-bottom-style:dotted}
mark.fact:target{outline:3px solid #f59e0b;outline-offset:2px;background:#fde68a;color:#111827}
footer{margin-top:3rem;color:var(--muted);font-size:.9rem}
@media (max-width:40rem){body{padding:0 .6rem 2rem;font-size:15px}.cmp{padding:.5rem .6rem}h1{font-size:1.3rem}
#filters{position:static}.cmp,mark.fact{scroll-margin-top:1rem}#sources thead th:nth-child(2),#sources tbody td:nth-child(2){display:none}}
"#;

/// The filter: shows the comparisons whose verdict and kind are both
/// ticked, hides a section left empty, and says how many are shown.
/// The form stays hidden without script, and then everything shows.
const SCRIPT: &str = r#"
(function(){
var form=document.getElementById('filters');if(!form)return;form.hidden=false;
var cards=document.querySelectorAll('.cmp'),sections=document.querySelectorAll('.verdict-section'),shown=document.getElementById('shown');
function apply(){
var on={};form.querySelectorAll('input').forEach(function(i){on[i.name+':'+i.value]=i.checked;});
var n=0;cards.forEach(function(c){var show=on['verdict:'+c.dataset.verdict]&&on['kind:'+c.dataset.kind];c.hidden=!show;if(show)n++;});
sections.forEach(function(s){s.hidden=!s.querySelector('.cmp:not([hidden])');});
shown.textContent='Showing '+n+' of '+cards.length+' comparisons';}
form.addEventListener('change',apply);apply();
window.crosscheckFilter=function(name,value,checked){var i=form.querySelector('input[name="'+name+'"][value="'+value+'"]');if(!i)return false;i.checked=checked;apply();return true;};
})();
"#;

/// `s` escaped for HTML text and attribute values.
fn esc(s: &str) -> String {
    html! { (s) }.into_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fact::Modality;

    fn fact(id: &str, text: &str, start: usize, kind: Kind, sentence: &str) -> Fact {
        Fact {
            id: crate::fact::FactId::parse(id).expect("a test id"),
            source: "a".into(),
            kind,
            subject: crate::words::Word::EMPTY,
            subject_words: None,
            text: text.into(),
            start,
            end: start + text.len(),
            line: 1,
            value: Value::Name {
                surface: text.into(),
                key: String::new(),
                entity: crate::fact::Entity::Person,
            },
            hedge: None,
            modality: Modality::Actual,
            speaker: None,
            rule: crate::words::Word::of("test"),
            sentence: sentence.into(),
            frame: None,
        }
    }

    #[test]
    fn a_name_inside_a_quote_nests_and_an_overlap_is_cut() {
        // Trump–Xi meeting coverage: a quote naming a person.
        let text = "“I think we’ve already agreed to a lot of things, and we’ll agree to some more \
                    right now, but President Xi is a great leader of a great country, and I think \
                    we’re going to have a fantastic relationship for a long period of time,” Trump said.";
        let at = |w: &str| text.find(w).expect("in the sentence");
        let q = &text[at("I think")..at("” Trump")];
        let quote = fact("f1", q, at("I think"), Kind::Quote, text);
        let name = fact("f2", "President Xi", at("President Xi"), Kind::Name, text);
        // Ends past the quote's end: cut there, not dropped.
        let over = fact("f3", "time,” Trump", at("time,”"), Kind::Name, text);
        let marks = [&quote, &name, &over].map(|f| Mark {
            fact: f,
            comparison: 0,
            class: "conflict",
        });
        let out = marked_text(
            &Article {
                text: text.into(),
                body_start: 0,
                origin: None,
            },
            &marks,
        )
        .into_string();
        assert_eq!(out.matches("<mark").count(), 3, "{out}");
        assert_eq!(out.matches("</mark>").count(), 3, "{out}");
        assert_eq!(out.matches("<a ").count(), 1, "links never nest: {out}");
        let f2 = out.find("id=\"f2\"").expect("f2");
        let f1_end = out.find("</a></mark>").expect("f1 closes");
        assert!(f2 < f1_end, "the name stands inside the quote: {out}");
        assert!(out.ends_with("” Trump said."), "{out}");
    }

    #[test]
    fn a_quote_running_past_its_sentence_is_found_by_its_head() {
        // Air India crash coverage: a survivor's quote of two sentences.
        let sentence = "According to a report by Hindustan Times, 40-year-old Ramesh said from his \
                        hospital bed, “Thirty seconds after takeoff, there was a loud noise, and \
                        then the crash.";
        let words = "Thirty seconds after takeoff, there was a loud noise, and then the crash. \
                     It all happened so fast.";
        let f = fact("f1", words, 0, Kind::Quote, sentence);
        let at = sentence.find("Thirty").expect("in the sentence");
        assert_eq!(locate(&f), Some((at, false)));
        let html = sentence_markup(&f);
        assert!(html.contains("bed, “<a "), "{html}");
        assert_eq!(html.matches("Thirty seconds").count(), 1, "{html}");
        assert!(html.ends_with("so fast.</a>"), "{html}");
    }

    #[test]
    fn weakly_aligned_disagreements_are_possibly_the_same_figure() {
        let c = |verdict| Comparison {
            key: "count/people".into(),
            kind: Kind::Count,
            subject: "people".into(),
            verdict,
            facts: vec![crate::fact::FactId(1), crate::fact::FactId(2)],
            independent_sources: 2,
            detail: String::new(),
            alignment: Some(crate::align::Alignment {
                score: 0.31,
                matched: vec!["head:people".into()],
            }),
        };
        assert_eq!(section_of(&c(Verdict::Unclear)), "possibly");
        assert_eq!(section_of(&c(Verdict::Conflict)), "conflict");
        assert_eq!(alignment_score(&c(Verdict::Agree)), Some(0.31));
    }

    fn sentence_markup(f: &Fact) -> String {
        sentence(f, "conflict").into_string()
    }
}
