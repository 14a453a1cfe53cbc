//! JSON Lines feeds (`.jsonl`, or standard input starting with `{`): one
//! article per line, as an object with `text` (the article as plain text)
//! or `html` (an HTML page, read like an `.html` file), and optionally
//! `id`, `outlet`, `published` (a date like `2025-08-16`, or a timestamp)
//! and `url`. Other keys are ignored; blank lines are fine.
//!
//! Example: `{"id": "reuters", "outlet": "Reuters", "published": "2025-08-16", "text": "Trump met Putin …"}`
//!
//! The source id is the record's `id`, else `FILE:LINE`. A fact's
//! `start`/`end` are byte offsets into the record's `text` (or `html`)
//! string as decoded from JSON, and its `line` is the record's line.
//!
//! A bad record (not a JSON object, no `text` or `html`, a bad date, a
//! repeated id, a value of the wrong type) is an error
//! `FILE:LINE: … expected …`; with `skip_bad` it is skipped and returned.
//!
//! Known gaps: a record must fit on one line (JSON Lines); `published`
//! in HTML metadata is read only when the record gives none.

use super::{Options, Source, SpanMap, html};
use crate::error::{Error, Result};
use serde_json::{Map, Value};
use std::collections::HashMap;
use std::path::Path;

/// Reads every record of a feed: the sources, and the errors of the
/// records skipped (always empty without `skip_bad`).
pub(super) fn parse(
    path: &Path,
    bytes: Vec<u8>,
    options: &Options,
) -> Result<(Vec<Source>, Vec<Error>)> {
    let label = if path.as_os_str() == super::STDIN {
        "stdin".to_string()
    } else {
        path.display().to_string()
    };
    let name = if path.as_os_str() == super::STDIN {
        "stdin".to_string()
    } else {
        path.file_name()
            .map_or_else(|| label.clone(), |n| n.to_string_lossy().into_owned())
    };
    let mut sources = Vec::new();
    let mut skipped = Vec::new();
    let mut ids: HashMap<String, usize> = HashMap::new();
    let mut bytes = bytes.as_slice();
    if bytes.starts_with(b"\xef\xbb\xbf") {
        bytes = &bytes[3..];
    }
    for (n, line) in bytes.split(|&c| c == b'\n').enumerate() {
        let line_no = n + 1;
        if line.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        let record = read_record(path, &name, line, line_no, options, &ids)
            .map_err(|what| Error::new(format!("{label}:{line_no}: {what}")));
        match record {
            Ok(source) => {
                ids.insert(source.id.clone(), line_no);
                sources.push(source);
            }
            Err(e) if options.skip_bad => skipped.push(e),
            Err(e) => return Err(e),
        }
    }
    if sources.is_empty() && skipped.is_empty() {
        return Err(Error::new(format!(
            "{label}: no records, expected one JSON object per line with `text` or `html`"
        )));
    }
    Ok((sources, skipped))
}

/// One record; the error says what was wrong and what was expected.
fn read_record(
    path: &Path,
    name: &str,
    line: &[u8],
    line_no: usize,
    options: &Options,
    ids: &HashMap<String, usize>,
) -> std::result::Result<Source, String> {
    let line = std::str::from_utf8(line).map_err(|e| {
        format!(
            "not UTF-8 text (invalid byte at column {}), expected a UTF-8 JSON object",
            e.valid_up_to() + 1
        )
    })?;
    let value: Value = serde_json::from_str(line).map_err(|e| {
        format!(
            "not JSON ({}), expected one JSON object per line",
            one_line(&e.to_string())
        )
    })?;
    let Value::Object(record) = value else {
        return Err(format!(
            "{}, expected a JSON object with `text` or `html`",
            type_name(&value)
        ));
    };
    let id = string(&record, "id")?;
    let outlet = string(&record, "outlet")?;
    let url = string(&record, "url")?;
    let published = match string(&record, "published")? {
        None => None,
        Some(d) => Some(super::parse_date(&d).ok_or_else(|| {
            format!(
                "`published` is {:?}, expected a date like 2025-08-16",
                super::text::truncate(&d, 40)
            )
        })?),
    };
    if let Some(id) = &id
        && let Some(first) = ids.get(id)
    {
        return Err(format!(
            "`id` {:?} repeats line {first}, expected a unique id per record",
            super::text::truncate(id, 40)
        ));
    }
    let text = string(&record, "text")?;
    let page = string(&record, "html")?;
    let mut source = Source {
        id: id.unwrap_or_else(|| format!("{name}:{line_no}")),
        outlet,
        published,
        url,
        path: path.to_path_buf(),
        ..Source::default()
    };
    match (text, page) {
        (Some(_), Some(_)) => return Err("both `text` and `html`, expected one of them".into()),
        (None, None) => {
            return Err("no `text` or `html`, expected the article in one of them".into());
        }
        (Some(text), None) => {
            if text.trim().is_empty() {
                return Err("`text` is empty, expected article text".into());
            }
            source.origin = Some(SpanMap::identity_on_line(text.len(), line_no));
            source.text = text;
        }
        (None, Some(page)) => {
            let found = html::extract(&page, 0, SpanMap::on_line(line_no))
                .ok_or_else(|| format!("`html`: {}", html::NO_BODY))?;
            source.outlet = source.outlet.or(found.outlet);
            source.published = source.published.or(found.published);
            source.url = source.url.or(found.url);
            source.text = found.text;
            source.origin = Some(found.map);
        }
    }
    source.published = source.published.or(options.published);
    Ok(source)
}

/// The string under `key`: absent or `null` is `None`, another type an
/// error.
fn string(record: &Map<String, Value>, key: &str) -> std::result::Result<Option<String>, String> {
    match record.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) if key == "id" && s.trim().is_empty() => {
            Err("`id` is empty, expected a non-empty string".into())
        }
        Some(Value::String(s)) => Ok(Some(s.clone())),
        Some(other) => Err(format!(
            "`{key}` is {}, expected a string",
            type_name(other)
        )),
    }
}

fn type_name(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn feed(text: &str, skip_bad: bool) -> Result<(Vec<Source>, Vec<Error>)> {
        let options = Options {
            skip_bad,
            ..Options::default()
        };
        parse(Path::new("f.jsonl"), text.as_bytes().to_vec(), &options)
    }

    #[test]
    fn records_become_sources_with_their_line() {
        let (s, _) = feed(
            "{\"id\":\"a\",\"outlet\":\"A\",\"published\":\"2025-08-16\",\"text\":\"One.\"}\n\n{\"text\":\"Two.\"}\n",
            false,
        )
        .unwrap();
        assert_eq!(s[0].id, "a");
        assert_eq!(s[1].id, "f.jsonl:3");
        assert_eq!(s[1].origin.as_ref().unwrap().line_of(0), 3);
    }

    #[test]
    fn bad_records_name_their_line() {
        let e = feed("{\"text\":\"a\"}\n{\"id\":1,\"text\":\"b\"}\n", false).unwrap_err();
        assert!(
            e.message()
                .starts_with("f.jsonl:2: `id` is a number, expected a string"),
            "{e}"
        );
        let (s, skipped) = feed("{\"text\":\"a\"}\nnot json\n", true).unwrap();
        assert_eq!((s.len(), skipped.len()), (1, 1));
    }
}
