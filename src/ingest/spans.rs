//! Span maps: where the text crosscheck reads came from, when it is not the
//! file itself. An HTML page is read as its decoded body text (`&amp;` is
//! `&`, tags are gone, runs of white space are one space); a JSON Lines
//! record as its `text` (or `html`) field. Facts are found in that text, and
//! their offsets are mapped back here so that `start`/`end` point at the
//! bytes as stored (the raw HTML of a fact, tags and entities included) and
//! `line` is the line they stand on.
//!
//! A map is a sorted list of pieces, each a range of the text and the range
//! of the stored bytes it came from. A piece whose two ranges have one
//! length is copied byte for byte and maps offset by offset; any other (an
//! entity, collapsed white space, a line break put between two paragraphs)
//! maps whole: a fact starting inside it starts where its bytes start, and
//! one ending inside it ends where they end.
//!
//! Known gaps: none known; offsets between two pieces (inside a tag) map to
//! the next piece's start, or the previous piece's end.

/// One piece: `text` bytes of the read text came from `stored` bytes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Piece {
    text: (usize, usize),
    stored: (usize, usize),
}

impl Piece {
    fn linear(&self) -> bool {
        self.text.1 - self.text.0 == self.stored.1 - self.stored.0
    }
}

/// How a line number is found for a stored offset.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Lines {
    /// Every offset is on this line (a JSON Lines record).
    Fixed(usize),
    /// Offsets into a file with lines starting at these bytes.
    Starts(Vec<usize>),
}

/// Maps offsets of the read text to offsets of the stored bytes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SpanMap {
    pieces: Vec<Piece>,
    lines: Lines,
}

impl SpanMap {
    /// The identity map for text read as it is stored, all on `line` (a
    /// JSON Lines record's `text` field).
    pub fn identity_on_line(len: usize, line: usize) -> SpanMap {
        SpanMap {
            pieces: vec![Piece {
                text: (0, len),
                stored: (0, len),
            }],
            lines: Lines::Fixed(line),
        }
    }

    /// An empty map whose lines are those of `stored` (an HTML file).
    pub fn for_file(stored: &str) -> SpanMap {
        let mut starts = vec![0];
        starts.extend(stored.match_indices('\n').map(|(i, _)| i + 1));
        SpanMap {
            pieces: Vec::new(),
            lines: Lines::Starts(starts),
        }
    }

    /// An empty map whose offsets all stand on `line`.
    pub fn on_line(line: usize) -> SpanMap {
        SpanMap {
            pieces: Vec::new(),
            lines: Lines::Fixed(line),
        }
    }

    /// Records that the text from `text_at` on, `len` bytes, came from
    /// `stored` (pieces must come in order).
    pub fn push(&mut self, text_at: usize, len: usize, stored: (usize, usize)) {
        if let Some(last) = self.pieces.last_mut()
            && last.linear()
            && last.text.1 == text_at
            && last.stored.1 == stored.0
            && len == stored.1 - stored.0
        {
            // Copied bytes right after copied bytes: one piece.
            last.text.1 += len;
            last.stored.1 = stored.1;
            return;
        }
        self.pieces.push(Piece {
            text: (text_at, text_at + len),
            stored,
        });
    }

    /// The stored offset where a span starting at text offset `t` starts.
    pub fn stored_start(&self, t: usize) -> usize {
        let i = self.pieces.partition_point(|p| p.text.1 <= t);
        match self.pieces.get(i) {
            Some(p) if p.text.0 <= t && p.linear() => p.stored.0 + (t - p.text.0),
            Some(p) => p.stored.0,
            None => self.pieces.last().map_or(0, |p| p.stored.1),
        }
    }

    /// The stored offset where a span ending at text offset `t` ends.
    pub fn stored_end(&self, t: usize) -> usize {
        let i = self.pieces.partition_point(|p| p.text.1 < t);
        match self.pieces.get(i) {
            Some(p) if p.text.0 < t && p.linear() => p.stored.0 + (t - p.text.0),
            Some(p) if p.text.0 < t => p.stored.1,
            _ => i.checked_sub(1).map_or(0, |j| self.pieces[j].stored.1),
        }
    }

    /// The text offset where a span starting at stored offset `s` starts.
    pub fn text_start(&self, s: usize) -> usize {
        let i = self.pieces.partition_point(|p| p.stored.1 <= s);
        match self.pieces.get(i) {
            Some(p) if p.stored.0 <= s && p.linear() => p.text.0 + (s - p.stored.0),
            Some(p) => p.text.0,
            None => self.pieces.last().map_or(0, |p| p.text.1),
        }
    }

    /// The text offset where a span ending at stored offset `s` ends.
    pub fn text_end(&self, s: usize) -> usize {
        let i = self.pieces.partition_point(|p| p.stored.1 < s);
        match self.pieces.get(i) {
            Some(p) if p.stored.0 < s && p.linear() => p.text.0 + (s - p.stored.0),
            Some(p) if p.stored.0 < s => p.text.1,
            _ => i.checked_sub(1).map_or(0, |j| self.pieces[j].text.1),
        }
    }

    /// The 1-based line of stored offset `s`.
    pub fn line_of(&self, s: usize) -> usize {
        match &self.lines {
            Lines::Fixed(n) => *n,
            Lines::Starts(starts) => starts.partition_point(|&a| a <= s),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `a &amp; b` read as `a & b`.
    fn entity_map() -> SpanMap {
        let mut m = SpanMap::for_file("x\na &amp; b");
        m.push(0, 2, (2, 4)); // "a "
        m.push(2, 1, (4, 9)); // "&" from "&amp;"
        m.push(3, 2, (9, 11)); // " b"
        m
    }

    #[test]
    fn copied_bytes_map_one_to_one_and_entities_whole() {
        let m = entity_map();
        assert_eq!(m.stored_start(0), 2);
        assert_eq!(m.stored_start(2), 4);
        assert_eq!(m.stored_end(3), 9);
        assert_eq!(m.stored_end(5), 11);
        assert_eq!(m.text_start(4), 2);
        assert_eq!(m.text_end(9), 3);
        assert_eq!(m.line_of(m.stored_start(0)), 2);
    }

    #[test]
    fn adjacent_copies_join_into_one_piece() {
        let mut m = SpanMap::on_line(3);
        m.push(0, 2, (10, 12));
        m.push(2, 3, (12, 15));
        assert_eq!(m.pieces.len(), 1);
        assert_eq!(m.stored_end(5), 15);
        assert_eq!(m.line_of(12), 3);
    }
}
