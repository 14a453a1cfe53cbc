//! Modality: whether a figure is stated as fact or as a plan, prospect,
//! expectation, or what usually happens ("for much of the past century,
//! the conclave has needed between three and 14 ballots"). Cue words come
//! from `rules/modality.toml`; a cue counts when it stands in the figure's
//! clause before the figure ("at the prospect of seven hours of talks",
//! "who once said he would end the war within 24 hours"), or, for a cue
//! marked `sentence`, anywhere in the sentence before it. A rule may also
//! say the modality of what it matches itself (the old value of "revised
//! the magnitude from 8.0 to 8.8" is `earlier`).

use crate::fact::Modality;
use crate::normalise::subjects::{clause, floor_char};
use serde::Deserialize;

/// How far before a figure a sentence-wide cue is looked for, in bytes.
const SENTENCE_REACH: usize = 200;
/// How many words after a figure a cue of `reach = "after"` is looked for.
const AFTER_WORDS: usize = 4;

/// `rules/modality.toml`.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ModalityFile {
    #[serde(default)]
    pub cue: Vec<Cue>,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Cue {
    pub id: String,
    pub description: String,
    pub modality: ModalityName,
    pub words: Vec<String>,
    /// Where the cue counts: before the figure in its clause (the
    /// default), anywhere before it in its sentence (an opening phrase set
    /// off by a comma: "For much of the past century, the conclave has
    /// needed …"), or in the few words right after it ("waves up to three
    /// meters high that could reach the coast").
    #[serde(default)]
    pub reach: Reach,
    #[serde(default)]
    pub test: Vec<CueTest>,
}

#[derive(Clone, Copy, Debug, Default, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum Reach {
    #[default]
    Clause,
    Sentence,
    After,
}

#[derive(Clone, Copy, Debug, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum ModalityName {
    Planned,
    Expected,
    Negated,
    Habitual,
    Earlier,
}

impl From<ModalityName> for Modality {
    fn from(m: ModalityName) -> Modality {
        match m {
            ModalityName::Planned => Modality::Planned,
            ModalityName::Expected => Modality::Expected,
            ModalityName::Negated => Modality::Negated,
            ModalityName::Habitual => Modality::Habitual,
            ModalityName::Earlier => Modality::Earlier,
        }
    }
}

/// `input` is a sentence with the figure in `[brackets]`; `expect` the
/// modality name.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CueTest {
    pub input: String,
    pub expect: String,
}

impl ModalityFile {
    /// The modality of the figure at `fact` (byte range in `sentence`).
    pub fn of(&self, sentence: &str, fact: (usize, usize)) -> Modality {
        let (lo, hi) = clause(sentence, fact);
        let end = floor_char(sentence, fact.0.min(sentence.len()));
        let joined = |from: usize, to: usize, limit: usize| {
            let part = sentence[from.min(to)..to].to_lowercase();
            let words: Vec<&str> = part
                .split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’'))
                .filter(|w| !w.is_empty())
                .take(limit)
                .collect();
            format!(" {} ", words.join(" "))
        };
        let in_clause = joined(lo, end, usize::MAX);
        // Sentence-wide cues are read up to SENTENCE_REACH bytes before
        // the figure, cues after it in AFTER_WORDS words: each only when a
        // cue asks.
        let mut in_sentence: Option<String> = None;
        let mut after: Option<String> = None;
        for cue in &self.cue {
            let text = match cue.reach {
                Reach::Clause => &in_clause,
                Reach::Sentence => in_sentence.get_or_insert_with(|| {
                    let from = floor_char(sentence, end.saturating_sub(SENTENCE_REACH));
                    joined(from, end, usize::MAX)
                }),
                Reach::After => after.get_or_insert_with(|| {
                    let from = floor_char(sentence, fact.1.min(sentence.len()));
                    joined(from, hi.max(from), AFTER_WORDS)
                }),
            };
            if cue
                .words
                .iter()
                .any(|w| text.contains(&format!(" {} ", w.to_lowercase())))
            {
                return cue.modality.into();
            }
        }
        Modality::Actual
    }

    pub fn check_examples(&self) -> Vec<String> {
        let mut failures = Vec::new();
        for cue in &self.cue {
            for t in &cue.test {
                let (Some(a), Some(b)) = (t.input.find('['), t.input.find(']')) else {
                    failures.push(format!(
                        "modality.toml {}: test input needs [brackets]",
                        cue.id
                    ));
                    continue;
                };
                let sentence = t.input.replace(['[', ']'], "");
                let got = self.of(&sentence, (a, b - 1));
                if got.as_str() != t.expect {
                    failures.push(format!(
                        "modality.toml {}: {:?} gave {:?}, expected {:?}",
                        cue.id,
                        t.input,
                        got.as_str(),
                        t.expect
                    ));
                }
            }
        }
        failures
    }
}
