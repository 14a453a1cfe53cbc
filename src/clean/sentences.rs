//! Sentence splitting with byte spans. A sentence ends at `.`, `!`, `?` or
//! `…` (with any closing quotes or brackets after it) when the next word
//! starts a new sentence: a capital, a digit or an opening quote.
//! Abbreviations ("Mr.", "U.S.", "Gen.") and initials do not end sentences.
//!
//! Known gaps: an abbreviation at the real end of a sentence ("… in the
//! U.S. Trump said") joins two sentences.

/// Words after which a full stop is not a sentence end.
const ABBREVIATIONS: [&str; 34] = [
    "mr", "mrs", "ms", "dr", "st", "gen", "sen", "rep", "gov", "lt", "col", "capt", "sgt", "jr",
    "sr", "prof", "rev", "no", "vs", "inc", "corp", "co", "ltd", "jan", "feb", "aug", "sept",
    "oct", "nov", "dec", "u.s", "u.k", "u.n", "e.g",
];

const CLOSERS: &[char] = &['"', '\'', '”', '’', ')', ']'];
const OPENERS: &[char] = &['"', '\'', '“', '‘', '(', '['];

/// Splits `text` into sentences: byte ranges, trimmed. One pass over the
/// characters, no copy of them: linear time and no memory beyond the
/// result, whatever the length of the text.
pub fn split(text: &str) -> Vec<(usize, usize)> {
    let is_stop = |c: char| matches!(c, '.' | '!' | '?' | '…');
    let mut out = Vec::new();
    let mut start = 0;
    let mut it = text.char_indices().peekable();
    while let Some((at, c)) = it.next() {
        if !is_stop(c) {
            continue;
        }
        // Take in further stops and closing quotes: `."`, `?!`, `...'`.
        while it
            .peek()
            .is_some_and(|&(_, n)| is_stop(n) || CLOSERS.contains(&n))
        {
            it.next();
        }
        let end = it.peek().map_or(text.len(), |&(p, _)| p);
        let rest = &text[end..];
        let spaced = rest.starts_with(char::is_whitespace);
        let next_word = rest.trim_start().chars().next();
        let starts_sentence = next_word
            .is_none_or(|n| n.is_uppercase() || n.is_ascii_digit() || OPENERS.contains(&n));
        if (spaced || rest.is_empty())
            && starts_sentence
            && !(c == '.' && is_abbreviation(&text[start..at]))
            && !(c == '.' && zone_follows_clock(&text[start..at], rest))
        {
            push(text, start, end, &mut out);
            start = end;
        }
    }
    push(text, start, text.len(), &mut out);
    out
}

fn is_abbreviation(before: &str) -> bool {
    let word = before
        .rsplit(|c: char| c.is_whitespace() || OPENERS.contains(&c))
        .next()
        .unwrap_or("");
    if word.chars().count() == 1 && word.chars().all(|c| c.is_uppercase()) {
        return true; // an initial: "J. Smith"
    }
    ABBREVIATIONS.contains(&word.to_lowercase().as_str())
}

/// Whether a stop ending "a.m"/"p.m" is followed by the clock time's zone
/// ("10 a.m. Macau time", "9:45 p.m. ET"): the sentence goes on.
fn zone_follows_clock(before: &str, rest: &str) -> bool {
    let tail = before.get(before.len().saturating_sub(4)..).unwrap_or("");
    let clock = tail.eq_ignore_ascii_case(" a.m")
        || tail.eq_ignore_ascii_case(" p.m")
        || before.eq_ignore_ascii_case("a.m")
        || before.eq_ignore_ascii_case("p.m");
    if !clock {
        return false;
    }
    let rest = rest.trim_start();
    let alpha_run = |s: &str| s.bytes().take_while(u8::is_ascii_alphabetic).count();
    let at = rest
        .find(|c: char| c.is_ascii_alphabetic())
        .unwrap_or(rest.len());
    let first = &rest[at..at + alpha_run(&rest[at..])];
    let after = &rest[at + first.len()..];
    let next = after.trim_start_matches(|c: char| !c.is_ascii_alphabetic());
    let second = &next[..alpha_run(next)];
    let zone_abbreviation =
        (2..=5).contains(&first.len()) && first.bytes().all(|b| b.is_ascii_uppercase());
    // Only the words right after the stop count: "a.m. Macau time", not a
    // next sentence that mentions time later.
    let adjacent = at == 0 && after.starts_with(' ');
    zone_abbreviation || (adjacent && second.eq_ignore_ascii_case("time"))
}

fn push(text: &str, a: usize, b: usize, out: &mut Vec<(usize, usize)>) {
    let piece = &text[a..b];
    let lead = piece.len() - piece.trim_start().len();
    let trail = piece.len() - piece.trim_end().len();
    if lead + trail < piece.len() {
        out.push((a + lead, b - trail));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentences(text: &str) -> Vec<&str> {
        split(text).into_iter().map(|(a, b)| &text[a..b]).collect()
    }

    #[test]
    fn splits_after_closing_quotes() {
        // Reuters: a quote that ends a sentence, then the next one.
        let t =
            "\"There's no deal until there's a deal,\" he added. The talks did not produce steps.";
        assert_eq!(
            sentences(t),
            [
                "\"There's no deal until there's a deal,\" he added.",
                "The talks did not produce steps."
            ]
        );
        let t = "Putin said he did not want to \"disrupt the emerging progress.\" He left.";
        assert_eq!(sentences(t).len(), 2);
    }

    #[test]
    fn keeps_abbreviations_and_initials() {
        let t = "Russia sold Alaska to the U.S. in 1867. Mr. Trump met J. D. Vance.";
        assert_eq!(
            sentences(t),
            [
                "Russia sold Alaska to the U.S. in 1867.",
                "Mr. Trump met J. D. Vance."
            ]
        );
    }

    #[test]
    fn a_clock_time_keeps_its_zone() {
        // Plataforma Media (trade talks) and a House-vote story: the zone
        // after "a.m."/"p.m." goes on with the sentence.
        let t = "The meeting began at 10 a.m. Macau time on Wednesday (Oct. 30) at the \
                 airport and lasted one hour and 40 minutes. Trump then left.";
        assert_eq!(sentences(t).len(), 2, "{:?}", sentences(t));
        let t = "Trump is expected to sign the bill at 9:45 p.m. ET, the White House said.";
        assert_eq!(sentences(t).len(), 1);
        // A real sentence end after "p.m." still ends the sentence.
        let t = "The vote came at 9 p.m. The bill now goes to the Senate.";
        assert_eq!(sentences(t).len(), 2);
        // A quotation opening the next sentence: two sentences, no panic
        // on the multi-byte quote mark.
        let t = "It struck at 10 a.m. “I ran,” she said.";
        assert_eq!(sentences(t).len(), 2);
    }

    #[test]
    fn long_runs_of_spaces_and_stops_stay_linear() {
        // Each stop looks past the spaces after it once; a stop followed by
        // a long run of spaces and no capital does not rescan the run.
        let t = format!("a.{}b. C.", " ".repeat(200_000));
        let started = std::time::Instant::now();
        assert_eq!(split(&t).len(), 2);
        assert!(started.elapsed().as_secs() < 5);
    }

    #[test]
    fn spans_are_byte_offsets() {
        let t = "Zelenskiy wrote “We are counting on America.” Then he left.";
        let spans = split(t);
        assert_eq!(&t[spans[1].0..spans[1].1], "Then he left.");
    }
}
