//! Names → entity keys.
//!
//! A person's key is their surname, folded so that spellings of one name
//! meet: diacritics dropped (Lipavský → lipavsky), case and a possessive
//! dropped (Trump's → trump), and the endings that transliteration from
//! Cyrillic spells in several ways made one (Zelenskiy / Zelenskyy /
//! Zelensky → zelenski; Yury / Yuri → yuri).
//!
//! [`key`] gives the surname key alone; it is what a bare surname ("Putin")
//! can be matched on, and what quotes use for speakers. People who share a
//! surname are told apart by their given names ([`Person`], [`same_person`]):
//! Donald Trump and Melania Trump share the key `trump` but not the person.
//!
//! Known gaps: transliteration beyond word endings (Aleksandr / Alexander,
//! Olexiy / Oleksiy) is not folded; a surname-first order is recognised only
//! for the common Chinese family names in [`SURNAME_FIRST`].

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// Family names written first (Xi Jinping, Li Qiang) when a two-word name
/// starts with them.
pub const SURNAME_FIRST: &[&str] = &[
    "Xi", "Li", "Wang", "Zhang", "Liu", "Chen", "Yang", "Zhao", "Huang", "Zhou", "Wu", "Hu",
    "Deng", "Mao", "Jiang", "Wen", "Peng", "Zhu", "Sun", "Ma", "Guo", "He", "Lin", "Cai", "Qin",
];

/// The surname key of a name as written: "Mr Trump", "Donald Trump",
/// "Trump's" → `trump`; "Zelenskiy", "Zelenskyy" → `zelenski`.
pub fn key(name: &str) -> String {
    Person::parse(name).surname_key
}

/// A person's name split into given names and surname, each with its key.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Person {
    /// Given names as written ("Yury"), empty for a bare surname.
    pub given: String,
    /// The surname as written, possessive dropped ("Ushakov").
    pub surname: String,
    pub given_key: Option<String>,
    pub surname_key: String,
}

impl Person {
    /// Reads "Yury Ushakov", "Mr Trump", "Xi Jinping", "Putin's".
    pub fn parse(name: &str) -> Person {
        let words: Vec<&str> = name
            .split_whitespace()
            .map(strip_possessive)
            .filter(|w| !w.is_empty() && !is_honorific(w))
            .collect();
        let (given, surname): (Vec<&str>, &str) = match words.as_slice() {
            [] => (Vec::new(), ""),
            [first, second] if SURNAME_FIRST.contains(first) => (vec![*second], *first),
            [init @ .., last] => (init.to_vec(), *last),
        };
        let given = given.join(" ");
        let given_key = if given.is_empty() {
            None
        } else {
            Some(
                given
                    .split_whitespace()
                    .map(skeleton)
                    .collect::<Vec<_>>()
                    .join(" "),
            )
        };
        Person {
            surname_key: skeleton(surname),
            surname: surname.to_string(),
            given,
            given_key,
        }
    }

    /// The entity key: `surname` or `surname/given`.
    pub fn entity_key(&self) -> String {
        match &self.given_key {
            Some(g) => format!("{}/{}", self.surname_key, g.replace(' ', "-")),
            None => self.surname_key.clone(),
        }
    }
}

/// Whether two names can be one person, and why: same surname after
/// folding, and given names that agree after folding or are missing from
/// one. `None` when they are different people (Donald / Melania Trump).
pub fn same_person(a: &str, b: &str) -> Option<String> {
    let (pa, pb) = (Person::parse(a), Person::parse(b));
    if pa.surname_key.is_empty() || pa.surname_key != pb.surname_key {
        return None;
    }
    let surname = if pa.surname == pb.surname {
        format!("same surname {}", pa.surname)
    } else {
        format!(
            "surnames {}/{} {}",
            pa.surname,
            pb.surname,
            how_differ(&pa.surname, &pb.surname)
        )
    };
    match (&pa.given_key, &pb.given_key) {
        (Some(x), Some(y)) if x != y => None,
        (Some(_), Some(_)) if pa.given != pb.given => Some(format!(
            "{surname}; first names {}/{} {}",
            pa.given,
            pb.given,
            how_differ(&pa.given, &pb.given)
        )),
        (Some(_), None) | (None, Some(_)) => Some(format!("{surname}; one gives no first name")),
        _ => Some(surname),
    }
}

/// Why two spellings of one name differ, in words.
pub fn how_differ(a: &str, b: &str) -> &'static str {
    if joined_alike(&fold(a), &fold(b)) {
        "differ in spacing (words written joined)"
    } else if fold(a) == fold(b) {
        if a.to_lowercase() == b.to_lowercase() {
            "differ in case"
        } else {
            "differ in diacritics"
        }
    } else {
        "differ by transliteration"
    }
}

/// Lowercase, without diacritics, without a possessive.
pub fn fold(word: &str) -> String {
    strip_possessive(word)
        .nfd()
        .filter(|c| !is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .collect()
}

/// The folded word with transliteration endings made one: a final -y,
/// -iy, -yy, -ii, -ij or -i becomes -i (Zelenskiy, Zelenskyy, Zelensky →
/// zelenski; Yury, Yuri → yuri; Sergey, Sergei → sergei).
pub fn skeleton(word: &str) -> String {
    let f: String = fold(word)
        .chars()
        .filter(|c| c.is_alphanumeric() || *c == '-')
        .collect();
    for end in ["iy", "yy", "ii", "ij", "y"] {
        if f.len() > end.len() + 1
            && let Some(stem) = f.strip_suffix(end)
        {
            return format!("{stem}i");
        }
    }
    f
}

/// Whether two name keys (see [`skeleton`]) are near spellings of one name
/// that transliteration does not explain: one letter apart in names of five
/// letters or more, two letters apart from six letters with the same first
/// letter (Lutnick / Latnick / Latnik, Jamieson / Jamison, Perdue / Purdue).
/// Names that differ only by spaces (Vishwash Kumar / Vishwashkumar) are
/// not near spellings but the same; see [`joined_alike`].
pub fn near_spelling(a: &str, b: &str) -> bool {
    // A trailing "s" is a possessive without its apostrophe ("Napoleon
    // Bonapartes second wife"), not a misspelling.
    let plural = |x: &str, y: &str| x.strip_suffix('s') == Some(y);
    if a == b || joined_alike(a, b) || plural(a, b) || plural(b, a) {
        return false;
    }
    let (x, y): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    let m = x.len().min(y.len());
    if x.len().abs_diff(y.len()) > 2 || m < 5 {
        return false;
    }
    let d = edit_distance(&x, &y);
    d <= 1 || (d == 2 && m >= 6 && x[0] == y[0])
}

/// Whether two different given-name keys are one name spelt by ear: alike
/// once "z" is read as "s", "ph" as "f", a final "ie" as "i" and doubled
/// letters as one (Susie / Suzy, Stefanie / Stephanie, Philip / Phillip).
/// Given names are short, too short for [`near_spelling`]'s letter counts.
pub fn sounds_alike(a: &str, b: &str) -> bool {
    let sound = |w: &str| -> Vec<char> {
        let w = w.replace("ph", "f").replace('z', "s");
        let w = match w.strip_suffix("ie") {
            Some(stem) if stem.len() >= 2 => format!("{stem}i"),
            _ => w,
        };
        let mut chars: Vec<char> = w.chars().collect();
        chars.dedup();
        chars
    };
    a != b && a.len().min(b.len()) >= 3 && sound(a) == sound(b)
}

/// Whether two names are alike once spaces and hyphens are dropped
/// (Vishwash Kumar / Vishwashkumar).
pub fn joined_alike(a: &str, b: &str) -> bool {
    let squash = |s: &str| -> String { s.chars().filter(|c| !matches!(c, ' ' | '-')).collect() };
    a != b && squash(a) == squash(b)
}

/// Levenshtein distance of two short words.
fn edit_distance(a: &[char], b: &[char]) -> usize {
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for (i, ca) in a.iter().enumerate() {
        cur[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let sub = prev[j] + usize::from(ca != cb);
            cur[j + 1] = sub.min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

/// "Trump's" → "Trump"; "Lipavsky’" → "Lipavsky".
pub fn strip_possessive(word: &str) -> &str {
    for end in ["'s", "’s", "'", "’"] {
        if let Some(w) = word.strip_suffix(end) {
            return w;
        }
    }
    word
}

fn is_honorific(word: &str) -> bool {
    matches!(
        word.trim_end_matches('.'),
        "Mr" | "Mrs" | "Ms" | "Dr" | "Sir" | "Dame" | "Prof"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_survive_spelling() {
        assert_eq!(key("Zelenskiy"), key("Zelenskyy"));
        assert_eq!(key("Zelenskyy"), key("Zelensky"));
        assert_eq!(fold("Lipavský"), "lipavsky");
        assert_eq!(key("Jan Lipavský"), key("Jan Lipavsky"));
        assert_eq!(key("Mr Trump"), "trump");
        assert_eq!(key("Trump's"), "trump");
        assert_eq!(key("Xi Jinping"), "xi");
        assert_eq!(key(""), "");
    }

    #[test]
    fn misspellings_are_near_transliterations_are_equal() {
        // Trump–Xi summit in Busan: one outlet's "Latnick", "Jamison", "Purdue".
        assert!(near_spelling(&key("Lutnick"), &key("Latnick")));
        assert!(near_spelling(&key("Lutnick"), &key("Latnik")));
        assert!(near_spelling(&skeleton("Jamieson"), &skeleton("Jamison")));
        assert!(near_spelling(&key("Perdue"), &key("Purdue")));
        // Air India crash: "Viswash" for "Vishwash".
        assert!(near_spelling("vishwash kumar", "viswash kumar"));
        // Transliteration and diacritics fold to one key instead.
        assert_eq!(key("Zelenskiy"), key("Zelensky"));
        assert_eq!(skeleton("Kamchatski"), skeleton("Kamchatsky"));
        assert_eq!(skeleton("Eugénie"), skeleton("Eugenie"));
        // Short names and different names stay apart.
        assert!(!near_spelling("john", "joan"));
        assert!(!near_spelling("trump", "biden"));
        assert!(!near_spelling("vishwash kumar", "vishwashkumar"));
        assert!(!near_spelling("bonapartes", "bonaparte"));
        assert!(joined_alike("vishwash kumar", "vishwashkumar"));
    }

    #[test]
    fn given_names_spelt_by_ear() {
        // Trump–Xi summit: one outlet's "Suzy Wiles" for Susie Wiles.
        assert!(sounds_alike(&key("Susie"), &key("Suzy")));
        // Doubled letters, and "ph" for "f".
        assert!(sounds_alike(&key("Phillip"), &key("Philip")));
        assert!(sounds_alike(&key("Stephanie"), &key("Stefanie")));
        assert!(!sounds_alike(&key("John"), &key("Joan")));
        assert!(!sounds_alike(&key("Jon"), &key("John")));
        assert!(!sounds_alike(&key("Leo"), &key("Leo")));
    }

    #[test]
    fn given_names_part_people() {
        assert!(same_person("Yury Ushakov", "Yuri Ushakov").is_some());
        assert!(same_person("Putin", "Vladimir Putin").is_some());
        assert!(same_person("Donald Trump", "Melania Trump").is_none());
        assert!(same_person("Xi Jinping", "Xi Mingze").is_none());
    }
}
