//! Interned words: each distinct word key (a stem or a `=set` id) is
//! stored once for the whole process, and a figure's frame holds 4-byte
//! [`Word`]s instead of its own copy of every context word.
//!
//! ```
//! use crosscheck::words::Word;
//! let a = Word::of("talk");
//! assert_eq!(a, Word::of("talk"));
//! assert_eq!(a.as_str(), "talk");
//! ```
//!
//! A word's number depends on which thread met it first, so numbers are
//! compared for equality only, never ordered: whatever is sorted or
//! numbered for output goes by [`Word::as_str`]. Known gap: the table only
//! grows; it holds the vocabulary of everything read, not the text.

use std::collections::HashMap;
use std::num::NonZeroU32;
use std::sync::{LazyLock, RwLock};

/// An interned word: its place in the table plus one, so that an
/// `Option<Word>` takes 4 bytes like a word.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct Word(NonZeroU32);

struct Table {
    ids: HashMap<&'static str, u32>,
    words: Vec<&'static str>,
}

/// The table, the empty word first: [`Word::EMPTY`] is at place 0.
static TABLE: LazyLock<RwLock<Table>> = LazyLock::new(|| {
    RwLock::new(Table {
        ids: HashMap::from([("", 0)]),
        words: vec![""],
    })
});

impl Word {
    /// The empty word: no subject, for instance.
    pub const EMPTY: Word = Word(NonZeroU32::MIN);

    /// The word for `s`, added to the table the first time it is met.
    pub fn of(s: &str) -> Word {
        let read = TABLE.read().unwrap_or_else(|e| e.into_inner());
        if let Some(&id) = read.ids.get(s) {
            return Word::at(id);
        }
        drop(read);
        let mut table = TABLE.write().unwrap_or_else(|e| e.into_inner());
        if let Some(&id) = table.ids.get(s) {
            return Word::at(id);
        }
        // Kept for the life of the process: words are few (a vocabulary),
        // and `&'static str` lets every reader borrow them lock-free.
        let word: &'static str = Box::leak(s.to_owned().into_boxed_str());
        let id = table.words.len() as u32;
        table.words.push(word);
        table.ids.insert(word, id);
        Word::at(id)
    }

    /// The word at place `id` of the table.
    fn at(id: u32) -> Word {
        Word(NonZeroU32::MIN.saturating_add(id))
    }

    pub fn is_empty(self) -> bool {
        self == Word::EMPTY
    }

    pub fn as_str(self) -> &'static str {
        let table = TABLE.read().unwrap_or_else(|e| e.into_inner());
        table
            .words
            .get(self.0.get() as usize - 1)
            .copied()
            .unwrap_or("")
    }
}

/// `s` as a string held for the life of the process, one copy per distinct
/// string: for the short, oft-repeated strings of facts (units, subjects,
/// hedges), which would otherwise cost a heap block each per fact.
pub fn intern(s: &str) -> &'static str {
    // One look-up for a string met before: the table's key is the copy.
    let read = TABLE.read().unwrap_or_else(|e| e.into_inner());
    if let Some((&word, _)) = read.ids.get_key_value(s) {
        return word;
    }
    drop(read);
    Word::of(s).as_str()
}

impl PartialEq<&str> for Word {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl AsRef<str> for Word {
    fn as_ref(&self) -> &str {
        self.as_str()
    }
}

/// As its string: what a word is does not depend on its number.
impl serde::Serialize for Word {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl std::fmt::Display for Word {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl std::fmt::Debug for Word {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Debug::fmt(self.as_str(), f)
    }
}
