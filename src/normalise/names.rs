//! Names → entity keys. Not yet built (see the open issue for people).

/// The entity key of a person's name: for now the last word, lowercased.
pub fn key(name: &str) -> String {
    name.split_whitespace().last().unwrap_or("").to_lowercase()
}
