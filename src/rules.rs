//! Rules are data: `rules/*.toml` ship inside the binary and `--rules DIR`
//! replaces any of them by a file of the same name. A bad rule file is an
//! error that names the file, line and column and says what was expected.
//!
//! Every rule carries inline examples (`[[rule.test]]`); [`Rules::check`]
//! runs them all, and `cargo test` runs [`Rules::check`] on the embedded
//! rules.

use crate::clean::boilerplate::{Boilerplate, BoilerplateFile};
use crate::error::{Error, Result, line_col};
use crate::extract::list::ListRules;
use crate::extract::name::NameRules;
use crate::extract::numeric::{PatternFile, PatternSet};
use crate::extract::quote::QuoteRules;
use crate::fact::Kind;
use crate::normalise::hedges::HedgeFile;
use crate::normalise::lexicon::{Lexicon, LexiconFile};
use crate::normalise::modality::ModalityFile;
use crate::normalise::subjects::{SubjectFile, SubjectIndex};
use serde::de::DeserializeOwned;
use std::path::Path;

/// The rule files crosscheck knows, in load order, with their embedded text.
pub const FILES: &[(&str, &str)] = &[
    (
        "boilerplate.toml",
        include_str!("../rules/boilerplate.toml"),
    ),
    ("hedges.toml", include_str!("../rules/hedges.toml")),
    ("modality.toml", include_str!("../rules/modality.toml")),
    ("subjects.toml", include_str!("../rules/subjects.toml")),
    ("duration.toml", include_str!("../rules/duration.toml")),
    ("since.toml", include_str!("../rules/since.toml")),
    ("age.toml", include_str!("../rules/age.toml")),
    ("count.toml", include_str!("../rules/count.toml")),
    ("money.toml", include_str!("../rules/money.toml")),
    ("percent.toml", include_str!("../rules/percent.toml")),
    ("date.toml", include_str!("../rules/date.toml")),
    ("measure.toml", include_str!("../rules/measure.toml")),
    ("time.toml", include_str!("../rules/time.toml")),
    ("tally.toml", include_str!("../rules/tally.toml")),
    ("ordinal.toml", include_str!("../rules/ordinal.toml")),
    ("identifier.toml", include_str!("../rules/identifier.toml")),
    ("quotes.toml", include_str!("../rules/quotes.toml")),
    ("names.toml", include_str!("../rules/names.toml")),
    ("lists.toml", include_str!("../rules/lists.toml")),
    ("lexicon.toml", include_str!("../rules/lexicon.toml")),
];

/// Pattern files and the fact kind each produces, in the order their facts
/// win over overlapping ones of later files.
pub const PATTERN_FILES: &[(&str, Kind)] = &[
    ("since.toml", Kind::Since),
    ("age.toml", Kind::Age),
    ("date.toml", Kind::Date),
    ("time.toml", Kind::Time),
    ("identifier.toml", Kind::Identifier),
    ("duration.toml", Kind::Duration),
    ("money.toml", Kind::Money),
    ("percent.toml", Kind::Percent),
    ("measure.toml", Kind::Measure),
    ("tally.toml", Kind::Tally),
    ("ordinal.toml", Kind::Ordinal),
    ("count.toml", Kind::Count),
];

/// Every rule, parsed and compiled.
#[derive(Clone, Debug)]
pub struct Rules {
    pub boilerplate: Boilerplate,
    pub hedges: HedgeFile,
    pub modality: ModalityFile,
    pub subjects: SubjectFile,
    pub subject_index: SubjectIndex,
    /// Pattern rules per kind, in [`PATTERN_FILES`] order.
    pub patterns: Vec<PatternSet>,
    pub quotes: QuoteRules,
    pub names: NameRules,
    pub lists: ListRules,
    pub lexicon: Lexicon,
}

/// The text of each rule file, embedded or from `--rules DIR`.
struct Texts {
    texts: Vec<(&'static str, String)>,
}

impl Texts {
    fn get(&self, name: &str) -> &str {
        self.texts
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, t)| t.as_str())
            .unwrap_or("")
    }
}

impl Rules {
    /// The rules built into the binary.
    pub fn embedded() -> Result<Rules> {
        Rules::load(None)
    }

    /// The embedded rules, with any file of `dir` replacing the embedded file
    /// of the same name. A file in `dir` with another name is an error.
    pub fn load(dir: Option<&Path>) -> Result<Rules> {
        let mut texts: Vec<(&'static str, String)> =
            FILES.iter().map(|(n, t)| (*n, t.to_string())).collect();
        let mut origin: Vec<String> = FILES.iter().map(|(n, _)| format!("rules/{n}")).collect();
        if let Some(dir) = dir {
            let entries = std::fs::read_dir(dir)
                .map_err(|e| Error::file(dir, format!("cannot read rules folder: {e}")))?;
            let mut paths: Vec<_> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
            paths.sort();
            for path in paths {
                if path.extension().and_then(|e| e.to_str()) != Some("toml") {
                    continue;
                }
                let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
                let Some(i) = FILES.iter().position(|(n, _)| *n == name) else {
                    let known: Vec<&str> = FILES.iter().map(|(n, _)| *n).collect();
                    return Err(Error::file(
                        &path,
                        format!("unknown rule file, expected one of: {}", known.join(", ")),
                    ));
                };
                let bytes = std::fs::read(&path)
                    .map_err(|e| Error::file(&path, format!("cannot read: {e}")))?;
                let text =
                    String::from_utf8(bytes).map_err(|_| Error::file(&path, "not UTF-8 text"))?;
                texts[i].1 = text;
                origin[i] = path.display().to_string();
            }
        }
        let texts = Texts { texts };
        let name_of = |file: &str| -> String {
            FILES
                .iter()
                .position(|(n, _)| *n == file)
                .map(|i| origin[i].clone())
                .unwrap_or_else(|| file.to_string())
        };
        let ctx = |file: &str| Ctx {
            name: name_of(file),
            text: texts.get(file).to_string(),
        };

        let boilerplate_file: BoilerplateFile = ctx("boilerplate.toml").parse()?;
        let boilerplate = Boilerplate::compile(boilerplate_file, &ctx("boilerplate.toml"))?;
        let hedges: HedgeFile = ctx("hedges.toml").parse()?;
        let modality: ModalityFile = ctx("modality.toml").parse()?;
        let subjects: SubjectFile = ctx("subjects.toml").parse()?;
        let subject_index = SubjectIndex::new(&subjects).map_err(|e| {
            Error::new(format!(
                "{}: subject words do not compile: {e}",
                name_of("subjects.toml")
            ))
        })?;
        let mut patterns = Vec::new();
        for (file, kind) in PATTERN_FILES {
            let c = ctx(file);
            let parsed: PatternFile = c.parse()?;
            validate_patterns(*kind, &parsed, &c)?;
            let groups = check_value_groups(*kind, &parsed, &c);
            patterns.push(PatternSet::compile(*kind, parsed, &hedges, &c)?);
            groups?;
        }
        let quotes: QuoteRules = ctx("quotes.toml").parse()?;
        let names: NameRules = ctx("names.toml").parse()?;
        let mut lists: ListRules = ctx("lists.toml").parse()?;
        lists.compile(&ctx("lists.toml"))?;
        let lexicon_file: LexiconFile = ctx("lexicon.toml").parse()?;
        let lexicon = Lexicon::new(&lexicon_file);
        Ok(Rules {
            boilerplate,
            hedges,
            modality,
            subjects,
            subject_index,
            patterns,
            quotes,
            names,
            lists,
            lexicon,
        })
    }

    /// Runs every inline example of every rule file. Returns one line per
    /// failing example; empty when all pass.
    pub fn check(&self) -> Vec<String> {
        let mut failures = Vec::new();
        failures.extend(self.boilerplate.check_examples());
        failures.extend(self.hedges.check_examples());
        failures.extend(self.modality.check_examples());
        failures.extend(self.subjects.check_examples(&self.subject_index));
        for set in &self.patterns {
            failures.extend(set.check_examples(self));
        }
        failures.extend(self.quotes.check_examples(self));
        failures.extend(self.names.check_examples(self));
        failures.extend(self.lists.check_examples(self));
        failures.extend(self.lexicon.check_examples());
        failures
    }

    /// The compiled pattern rules for `kind`.
    pub fn patterns_for(&self, kind: Kind) -> Option<&PatternSet> {
        self.patterns.iter().find(|p| p.kind == kind)
    }
}

/// Named groups a pattern of `kind` must have at least one of: the parts
/// its reader makes a value from.
fn value_groups(kind: Kind) -> &'static [&'static str] {
    match kind {
        Kind::Since => &["num", "year"],
        Kind::Age => &["num", "ord"],
        Kind::Date => &["month", "year", "weekday", "day", "deictic", "mnum", "n1"],
        Kind::Measure => &["num", "bnum"],
        Kind::Time => &["h1", "hb1", "hc1", "named1", "shortly"],
        Kind::Tally => &["a"],
        Kind::Ordinal => &["ord", "tens", "any"],
        Kind::Identifier => &["code"],
        _ => &["num"],
    }
}

/// The macros a pattern may use.
const MACROS: [&str; 9] = [
    "number",
    "ordinal",
    "hedge",
    "unit",
    "month",
    "weekday",
    "currency_pre",
    "currency_word",
    "measure_unit",
];

/// Checks a pattern file before it is compiled: a file with no rules (it
/// would silently turn a whole kind off), rule ids given twice, unknown
/// macros (`{nmber}`), and patterns without the named groups the kind's
/// reader needs are errors at their line and column.
fn validate_patterns(kind: Kind, file: &PatternFile, ctx: &Ctx) -> Result<()> {
    if file.rule.is_empty() {
        return Err(Error::at(
            &ctx.name,
            1,
            1,
            format!(
                "no [[rule]]: this file would turn every {kind} rule off; \
                 give at least one rule (remove the file to keep the built-in ones)"
            ),
        ));
    }
    let mut ids: std::collections::BTreeMap<&str, usize> = Default::default();
    for r in &file.rule {
        let at = r.pattern.span().start;
        if let Some(first) = ids.insert(r.id.as_str(), at) {
            let (line, _) = line_col(&ctx.text, first);
            return Err(ctx.error_at(
                at,
                format!(
                    "rule id `{}` given twice (the first rule with it has its pattern on line {line})",
                    r.id
                ),
            ));
        }
        let pattern = r.pattern.get_ref();
        if let Some(name) = unknown_macro(pattern) {
            return Err(ctx.error_at(
                at,
                format!(
                    "rule {}: unknown macro `{{{name}}}`, expected one of {}",
                    r.id,
                    MACROS.map(|m| format!("{{{m}}}")).join(", ")
                ),
            ));
        }
    }
    Ok(())
}

/// Every pattern has a named group the kind's reader makes a value from
/// (checked after the patterns compile, so a regex error is named first).
fn check_value_groups(kind: Kind, file: &PatternFile, ctx: &Ctx) -> Result<()> {
    for r in &file.rule {
        let at = r.pattern.span().start;
        let pattern = r.pattern.get_ref();
        let groups = value_groups(kind);
        if !groups.iter().any(|g| {
            pattern.contains(&format!("(?P<{g}>")) || pattern.contains(&format!("(?<{g}>"))
        }) {
            return Err(ctx.error_at(
                at,
                format!(
                    "rule {}: pattern has no named group {} for the {kind} to be read from",
                    r.id,
                    groups
                        .iter()
                        .map(|g| format!("`(?P<{g}>…)`"))
                        .collect::<Vec<_>>()
                        .join(" or ")
                ),
            ));
        }
    }
    Ok(())
}

/// The first `{word}` in `pattern` that is not a macro (repetitions such as
/// `{2}` or `{1,3}` are digits, and `\{` is a literal brace).
fn unknown_macro(pattern: &str) -> Option<&str> {
    let bytes = pattern.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'\\' => i += 2,
            b'{' => {
                let rest = &pattern[i + 1..];
                let end = rest.find('}')?;
                let name = &rest[..end];
                if name.starts_with(|c: char| c.is_ascii_alphabetic())
                    && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
                    && !MACROS.contains(&name)
                {
                    return Some(name);
                }
                i += 1 + end + 1;
            }
            _ => i += 1,
        }
    }
    None
}

/// One rule file being loaded: its display name and text, for errors with
/// line and column.
pub struct Ctx {
    pub name: String,
    pub text: String,
}

impl Ctx {
    /// Parses the file; unknown keys and wrong types are errors at their
    /// line and column.
    pub fn parse<T: DeserializeOwned>(&self) -> Result<T> {
        toml::from_str(&self.text).map_err(|e| {
            let (line, col) = e
                .span()
                .map(|s| line_col(&self.text, s.start))
                .unwrap_or((1, 1));
            let msg = e.message().trim().replace('\n', " ");
            Error::at(&self.name, line, col, msg)
        })
    }

    /// An error at byte `at` of the file.
    pub fn error_at(&self, at: usize, what: impl std::fmt::Display) -> Error {
        let (line, col) = line_col(&self.text, at);
        Error::at(&self.name, line, col, what)
    }
}
