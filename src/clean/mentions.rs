//! Mentions: the quote spans and the person mentions of a document, found
//! once when the document is cleaned and shared by the quote, name and list
//! extractors (before, quote marks were parsed and people found by each of
//! them separately).
//!
//! - [`quote_spans`]: every quoted passage in real news typography —
//!   straight and curly, double and single marks; in single-quote house
//!   styles a mark between two letters is an apostrophe (`There's`), never a
//!   quote mark; quotes nested in a double-quoted quote belong to it; a
//!   double quote left open runs to the paragraph end.
//! - `people`: every person mention, from [`crate::extract::name::mentions`]
//!   (names with titles, speakers, full names and bare surnames of people
//!   the document named).
//!
//! Known gaps: a possessive plural inside a single-quoted quote
//! (`'the leaders' aims'`) ends the quote early; a quote running over several
//! paragraphs is cut at each paragraph end.

use super::Document;
use crate::extract::name::Mention;
use crate::rules::Rules;

/// What the extractors share about one document.
#[derive(Clone, Debug, Default)]
pub struct Mentions {
    /// Quoted passages, sorted by opening mark, disjoint.
    pub quotes: Vec<QuoteSpan>,
    /// Whether the document has a quoted passage: still known once
    /// `quotes` is dropped.
    pub quoted: bool,
    /// Person mentions in file order.
    pub people: Vec<Mention>,
}

impl Mentions {
    /// Finds the quote spans and people of `doc`.
    pub fn find(doc: &Document, rules: &Rules) -> Mentions {
        let quotes = quote_spans(doc);
        Mentions {
            quoted: !quotes.is_empty(),
            quotes,
            people: crate::extract::name::mentions(doc, &rules.names),
        }
    }

    /// Whether byte `at` stands inside a quoted passage's words.
    pub fn in_quotes(&self, at: usize) -> bool {
        let i = self.quotes.partition_point(|s| s.open <= at);
        i > 0 && {
            let s = &self.quotes[i - 1];
            s.inner_start <= at && at < s.inner_end
        }
    }
}

/// Which mark family a quote uses.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Family {
    Double,
    Single,
}

/// A quote mark and what it may do where it stands.
#[derive(Clone, Copy, Debug)]
struct Mark {
    at: usize,
    len: usize,
    family: Family,
    open: bool,
    close: bool,
}

/// One quoted passage: the opening mark, the words, and the end of the
/// closing mark (or of the paragraph when the quote runs on).
#[derive(Clone, Copy, Debug)]
pub struct QuoteSpan {
    /// Byte of the opening mark.
    pub open: usize,
    /// The quoted words, marks excluded.
    pub inner_start: usize,
    pub inner_end: usize,
    /// End of the closing mark, or of the paragraph when the quote runs on.
    pub close_end: usize,
}

fn is_open_context(c: Option<char>) -> bool {
    match c {
        None => true,
        Some(c) => {
            c.is_whitespace() || matches!(c, '(' | '[' | '{' | '—' | '–' | '-' | '/' | '“' | '‘')
        }
    }
}

fn starts_word(rest: &str) -> bool {
    match rest.chars().next() {
        Some(c) if c.is_alphanumeric() || matches!(c, '[' | '(' | '…' | '$' | '£' | '€') => {
            true
        }
        Some('.') => rest.starts_with("..."),
        _ => false,
    }
}

/// The quote marks of a paragraph, classified by their neighbours.
fn marks(text: &str, a: usize, b: usize) -> Vec<Mark> {
    let para = &text[a..b];
    let mut out = Vec::new();
    let mut prev: Option<char> = None;
    for (i, ch) in para.char_indices() {
        let rest = &para[i + ch.len_utf8()..];
        let next = rest.chars().next();
        let between_letters =
            prev.is_some_and(|p| p.is_alphanumeric()) && next.is_some_and(|n| n.is_alphanumeric());
        let open_ctx = is_open_context(prev) && starts_word(rest);
        let after_space = prev.is_none_or(|p| p.is_whitespace());
        let mark = match ch {
            '“' => Some((Family::Double, true, false)),
            '”' => Some((Family::Double, false, true)),
            '"' => {
                let spaced = after_space && next.is_none_or(|n| n.is_whitespace());
                Some((Family::Double, open_ctx || spaced, !open_ctx || spaced))
            }
            '‘' if !between_letters => Some((Family::Single, true, false)),
            '\'' | '’' if !between_letters => {
                if open_ctx {
                    Some((Family::Single, true, false))
                } else {
                    Some((Family::Single, false, !after_space || !starts_word(rest)))
                }
            }
            _ => None,
        };
        if let Some((family, open, close)) = mark
            && (open || close)
        {
            out.push(Mark {
                at: a + i,
                len: ch.len_utf8(),
                family,
                open,
                close,
            });
        }
        prev = Some(ch);
    }
    out
}

/// Pairs marks of one family into spans, skipping marks inside `outer`.
fn pair(marks: &[Mark], family: Family, outer: &[QuoteSpan], para_end: usize) -> Vec<QuoteSpan> {
    // `outer` is sorted and disjoint: the span holding `at` is the last one
    // opening before it.
    let inside = |at: usize| {
        let i = outer.partition_point(|s| s.open <= at);
        i > 0 && at < outer[i - 1].close_end
    };
    let mut out = Vec::new();
    let mut open: Option<Mark> = None;
    for m in marks.iter().filter(|m| m.family == family && !inside(m.at)) {
        match open {
            None if m.open => open = Some(*m),
            None => {}
            Some(o) if m.close => {
                out.push(QuoteSpan {
                    open: o.at,
                    inner_start: o.at + o.len,
                    inner_end: m.at,
                    close_end: m.at + m.len,
                });
                open = None;
            }
            Some(_) => open = Some(*m),
        }
    }
    // A double quote left open runs to the paragraph end (the next paragraph
    // reopens it); a lone single mark is more likely an apostrophe.
    if let Some(o) = open
        && family == Family::Double
    {
        out.push(QuoteSpan {
            open: o.at,
            inner_start: o.at + o.len,
            inner_end: para_end,
            close_end: para_end,
        });
    }
    out
}

/// All quote spans of a document, in file order.
pub fn quote_spans(doc: &Document) -> Vec<QuoteSpan> {
    let mut all = Vec::new();
    for &(a, b) in &doc.paragraphs {
        let ms = marks(&doc.text, a, b);
        let doubles = pair(&ms, Family::Double, &[], b);
        let singles = pair(&ms, Family::Single, &doubles, b);
        all.extend(doubles);
        all.extend(singles);
    }
    all.sort_by_key(|s| s.open);
    // A single-quoted passage may hold a double-quoted one (`‘he said “no”
    // twice’`): the inner quote belongs to the outer, and the spans stay
    // disjoint, as every reader of them assumes.
    let mut end = 0;
    all.retain(|s| {
        let keep = s.open >= end;
        if keep {
            end = s.close_end;
        }
        keep
    });
    all
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clean::example_document;

    fn quoted(text: &str) -> Vec<String> {
        let rules = Rules::embedded().expect("rules");
        let doc = example_document(text, None, &rules);
        doc.mentions
            .quotes
            .iter()
            .map(|s| text[s.inner_start..s.inner_end].to_string())
            .collect()
    }

    #[test]
    fn single_quote_house_style_keeps_apostrophes() {
        // Alaska summit, Reuters.
        assert_eq!(
            quoted("'There's no deal until there's a deal,' Trump told reporters."),
            ["There's no deal until there's a deal,"]
        );
    }

    #[test]
    fn curly_double_quotes_and_a_nested_single() {
        // A hurricane story.
        assert_eq!(
            quoted("“We have ‘Category 5’ winds,” the minister said."),
            ["We have ‘Category 5’ winds,"]
        );
    }

    #[test]
    fn a_double_quote_inside_a_single_quote_belongs_to_it() {
        // British house style: single marks outside, double inside.
        let text = "‘He told me “never again” twice,’ she said. “Yes,” he said.";
        assert_eq!(quoted(text), ["He told me “never again” twice,", "Yes,"]);
        let rules = Rules::embedded().expect("rules");
        let doc = example_document(text, None, &rules);
        // Inside the outer quote, after the inner one has closed.
        assert!(doc.mentions.in_quotes(text.find("twice").unwrap_or(0)));
    }

    #[test]
    fn people_are_found_once_per_document() {
        let rules = Rules::embedded().expect("rules");
        let text = "Local Government Minister Desmond McKenzie said three people died. \"We are still counting,\" McKenzie said.";
        let doc = example_document(text, None, &rules);
        let names: Vec<&str> = doc
            .mentions
            .people
            .iter()
            .map(|m| m.surface(&doc.text))
            .collect();
        assert_eq!(names, ["Desmond McKenzie", "McKenzie"]);
        assert!(doc.mentions.in_quotes(text.find("still").unwrap_or(0)));
        assert!(!doc.mentions.in_quotes(text.find("three").unwrap_or(0)));
    }
}
