//! The Markdown report: valid CommonMark that a person can read, and the
//! committed example report is exactly what the README's command writes.

mod common;

use common::{CORPUS, corpus_report};
use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

fn render() -> String {
    crosscheck::render::markdown::render(&corpus_report(), "alaska-summit")
}

#[test]
fn report_is_commonmark_with_well_formed_tables() {
    let md = render();
    let mut headings = Vec::new();
    let mut in_heading = false;
    let (mut head_cells, mut row_cells, mut rows) = (0, 0, 0);
    let mut in_head = false;
    for event in Parser::new_ext(&md, Options::ENABLE_TABLES) {
        match event {
            Event::Start(Tag::Heading { .. }) => {
                in_heading = true;
                headings.push(String::new());
            }
            Event::End(TagEnd::Heading(_)) => in_heading = false,
            Event::Text(t) if in_heading => headings.last_mut().unwrap().push_str(&t),
            Event::Start(Tag::TableHead) => {
                in_head = true;
                head_cells = 0;
            }
            Event::End(TagEnd::TableHead) => in_head = false,
            Event::Start(Tag::TableRow) => row_cells = 0,
            Event::Start(Tag::TableCell) if in_head => head_cells += 1,
            Event::Start(Tag::TableCell) => row_cells += 1,
            Event::End(TagEnd::TableRow) => {
                rows += 1;
                assert_eq!(
                    row_cells, head_cells,
                    "a row with a stray pipe or a missing cell"
                );
            }
            Event::Html(h) | Event::InlineHtml(h) => panic!("raw HTML in the report: {h}"),
            _ => {}
        }
    }
    assert!(rows > 20, "the report has its tables");
    assert_eq!(headings[0], "crosscheck report: alaska-summit");
    for h in ["Conflicts", "Sources", "Single-source facts"] {
        assert!(
            headings.iter().any(|x| x == h),
            "no {h} section in {headings:?}"
        );
    }
    // Conflicts come first.
    let conflicts = headings.iter().position(|h| h == "Conflicts").unwrap();
    assert_eq!(conflicts, 1, "{headings:?}");
}

#[test]
fn conflicts_show_every_outlets_words_and_line() {
    let md = render();
    let start = md.find("## Conflicts").unwrap();
    let section = &md[start
        ..md[start + 3..]
            .find("\n## ")
            .map_or(md.len(), |i| start + 3 + i)];
    for row in [
        "| aljazeera | 9 | less than three hours |",
        "| reuters | 7 | nearly three-hour |",
        "| wsj | 12 | over three-hour |",
        "| uk-daily | 12 | first meeting with Mr Trump in seven years |",
    ] {
        assert!(section.contains(row), "missing {row:?} in\n{section}");
    }
}

#[test]
fn committed_example_report_is_current() {
    let committed = std::fs::read_to_string("reports/alaska-summit.md").unwrap();
    let fresh = crosscheck::render::markdown::render(
        &crosscheck::run(&crosscheck::Config {
            paths: vec![CORPUS.into()],
            ..Default::default()
        })
        .unwrap(),
        "alaska-summit",
    );
    assert!(
        committed == fresh,
        "reports/alaska-summit.md is stale: run `cargo run --release -- report tests/fixtures/alaska-summit` and review the diff"
    );
}
