//! The command line: clap only. Errors go to stderr as one line starting
//! `crosscheck:`; exit codes are 0 (done), 1 (`--fail-on conflict` and a
//! conflict was found), 2 (bad input, bad rules, or output not written —
//! including a failed write to standard output).

use chrono::NaiveDate;
use clap::{Args, Parser, Subcommand, ValueEnum};
use crosscheck::compare::Verdict;
use crosscheck::corpus::StoryFormat;
use crosscheck::render::{self, Format};
use crosscheck::rules::Rules;
use crosscheck::{Config, Error, Report, Result};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Parser)]
#[command(
    name = "crosscheck",
    version,
    about = "Compare the checkable facts of several articles about one news event"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
    /// Box-drawn tables: on a terminal unless NO_COLOR is set (auto), always, or never.
    #[arg(
        long,
        global = true,
        value_enum,
        default_value = "auto",
        value_name = "WHEN"
    )]
    color: render::ColorChoice,
    /// Table width in columns (default: the terminal's, or 100 when piped).
    #[arg(long, global = true, value_name = "COLUMNS", value_parser = clap::value_parser!(u16).range(20..))]
    width: Option<u16>,
    /// Largest article read, in MB (default 32, at most 4000).
    #[arg(long, global = true, value_name = "MB", value_parser = clap::value_parser!(u64).range(1..=4000))]
    max_size: Option<u64>,
    /// Threads that read articles (default: one per core, or RAYON_NUM_THREADS); output is the same for any number.
    #[arg(long, global = true, value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    threads: Option<u16>,
}

#[derive(Subcommand)]
enum Command {
    /// Compare the articles' facts: a table of what agrees and what conflicts.
    Check {
        #[command(flatten)]
        input: Input,
        /// Output format.
        #[arg(long, value_enum, default_value = "table")]
        format: Format,
        /// Write to FILE instead of standard output.
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
        /// Exit with code 1 when a comparison has this verdict.
        #[arg(long, value_enum, value_name = "VERDICT")]
        fail_on: Option<FailOn>,
    },
    /// Write the Markdown report (default: reports/<folder name>.md, or .html).
    Report {
        #[command(flatten)]
        input: Input,
        /// markdown, or html: one self-contained page with the articles.
        #[arg(long, value_enum, default_value = "markdown")]
        format: Format,
        /// Where to write the report.
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
        /// Exit with code 1 when a comparison has this verdict.
        #[arg(long, value_enum, value_name = "VERDICT")]
        fail_on: Option<FailOn>,
    },
    /// Group a feed of many stories and check each: one report per story and an index.
    Corpus {
        #[command(flatten)]
        input: Input,
        /// Folder for index.md, index.json and stories/ (default: crosscheck-out).
        #[arg(long, value_name = "DIR", conflicts_with = "jsonl_out")]
        out: Option<PathBuf>,
        /// Format of each story's report.
        #[arg(long, value_enum, default_value = "markdown")]
        format: CorpusFormat,
        /// One JSON object per story on standard output (index row and report); no files.
        #[arg(long)]
        jsonl_out: bool,
        /// No progress bar and no notes on standard error.
        #[arg(long)]
        quiet: bool,
    },
    /// List the facts of one article with the rules that found them.
    Extract {
        /// The article (`-` for standard input).
        file: PathBuf,
        #[command(flatten)]
        options: Options,
        /// Skip bad JSON Lines records (and say how many on standard error) instead of failing.
        #[arg(long)]
        skip_bad: bool,
        /// Output format.
        #[arg(long, value_enum, default_value = "table")]
        format: Format,
    },
    /// Show how VARIANT changed BASE: facts that changed, then sentences cut, added and reworded.
    Diff {
        base: PathBuf,
        variant: PathBuf,
        #[command(flatten)]
        options: Options,
        /// Output format.
        #[arg(long, value_enum, default_value = "table")]
        format: Format,
    },
    /// Run every rule's inline examples (after --rules replacements).
    Rules {
        #[command(flatten)]
        options: Options,
    },
}

#[derive(Args)]
struct Input {
    /// Article files (.txt, .md, .html, .jsonl), folders of them, or `-` for standard input.
    #[arg(required = true, value_name = "PATH")]
    paths: Vec<PathBuf>,
    /// Skip bad JSON Lines records (and say how many on standard error) instead of failing.
    #[arg(long)]
    skip_bad: bool,
    #[command(flatten)]
    options: Options,
}

#[derive(Args)]
struct Options {
    /// Publication date for files whose front matter gives none (YYYY-MM-DD).
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    published: Option<NaiveDate>,
    /// Folder of rule files replacing the built-in ones of the same name.
    #[arg(long, value_name = "DIR")]
    rules: Option<PathBuf>,
}

#[derive(Clone, Copy, ValueEnum)]
enum CorpusFormat {
    Markdown,
    Json,
}

#[derive(Clone, Copy, ValueEnum)]
enum FailOn {
    Conflict,
}

fn parse_date(s: &str) -> std::result::Result<NaiveDate, String> {
    crosscheck::ingest::parse_date(s)
        .ok_or_else(|| format!("expected a date like 2025-08-16, found {s:?}"))
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            use clap::error::ErrorKind;
            if matches!(
                e.kind(),
                ErrorKind::DisplayHelp
                    | ErrorKind::DisplayVersion
                    | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
            ) {
                e.exit();
            }
            // One line like every other error; `--help` has the rest.
            let text = e.to_string();
            let first = text.lines().next().unwrap_or("bad arguments");
            eprintln!(
                "crosscheck: {} (see --help)",
                first.trim_start_matches("error: ")
            );
            return ExitCode::from(2);
        }
    };
    if let Some(mb) = cli.max_size {
        crosscheck::ingest::set_max_article_bytes(mb * 1024 * 1024);
    }
    if let Some(n) = cli.threads {
        crosscheck::set_threads(n.into());
    }
    render::set_width(cli.width);
    render::set_color(cli.color);
    match run(cli) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("{e}");
            ExitCode::from(2)
        }
    }
}

fn run(cli: Cli) -> Result<ExitCode> {
    let threads = cli.threads;
    match cli.command {
        Command::Check {
            input,
            format,
            out,
            fail_on,
        } => {
            notes(&input.paths);
            let report = run_noting(&config(&input))?;
            let fancy = out.is_none() && render::fancy();
            if let Some(out) = &out {
                check_out(out, &report)?;
            }
            let text = match format {
                Format::Table => render::table::render(&report, fancy),
                Format::Markdown => render::markdown::render(&report, &title(&input.paths)),
                Format::Html => render::html::render_files(&report, &title(&input.paths))?,
                // Streamed: JSON is several times the input, never held whole.
                Format::Json => {
                    emit_with(out.as_deref(), |w| json_to(w, &report))?;
                    return Ok(exit_code(&report, fail_on));
                }
            };
            emit(out.as_deref(), &text)?;
            Ok(exit_code(&report, fail_on))
        }
        Command::Report {
            input,
            format,
            out,
            fail_on,
        } => {
            notes(&input.paths);
            let report = run_noting(&config(&input))?;
            let title = title(&input.paths);
            let (ext, text) = match format {
                Format::Html => ("html", render::html::render_files(&report, &title)?),
                Format::Json => ("json", render::json::render(&report)),
                Format::Table => ("txt", render::table::render(&report, false)),
                Format::Markdown => ("md", render::markdown::render(&report, &title)),
            };
            let out =
                out.unwrap_or_else(|| PathBuf::from("reports").join(format!("{title}.{ext}")));
            check_out(&out, &report)?;
            write_atomic(&out, &text)?;
            emit(None, &format!("crosscheck: wrote {}\n", out.display()))?;
            Ok(exit_code(&report, fail_on))
        }
        Command::Corpus {
            input,
            out,
            format,
            jsonl_out,
            quiet,
        } => {
            let format = match format {
                CorpusFormat::Markdown => StoryFormat::Markdown,
                CorpusFormat::Json => StoryFormat::Json,
            };
            let out = if jsonl_out {
                None
            } else {
                Some(out.unwrap_or_else(|| PathBuf::from("crosscheck-out")))
            };
            corpus(&input, out.as_deref(), format, threads, quiet)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Extract {
            file,
            options,
            format,
            skip_bad,
        } => {
            if file.is_dir() {
                return Err(Error::file(
                    &file,
                    "is a folder; `extract` reads one article file (use `check` for a folder)",
                ));
            }
            let config = Config {
                paths: vec![file],
                published: options.published,
                rules: options.rules,
                skip_bad,
            };
            let report = run_noting(&config)?;
            match format {
                Format::Json => emit_with(None, |w| json_to(w, &report.facts))?,
                _ => emit(None, &render::table::facts_table(&report, render::fancy()))?,
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Diff {
            base,
            variant,
            options,
            format,
        } => {
            let text = render::diff::run(&base, &variant, format, options.rules.as_deref())?;
            emit(None, &text)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Rules { options } => {
            let rules = Rules::load(options.rules.as_deref())?;
            let failures = rules.check();
            if failures.is_empty() {
                emit(None, "crosscheck: every rule example passes\n")?;
                Ok(ExitCode::SUCCESS)
            } else {
                for f in &failures {
                    eprintln!("crosscheck: {f}");
                }
                Ok(ExitCode::from(1))
            }
        }
    }
}

/// Runs the pipeline; the note on skipped records goes to standard error.
fn run_noting(config: &Config) -> Result<Report> {
    let (report, note) = crosscheck::run_noting_skipped(config)?;
    if let Some(note) = note {
        eprintln!("{note}");
    }
    Ok(report)
}

/// `corpus`: group the feed, check each story, and write the reports and
/// the index under `out`, or one JSON line per story to standard output
/// when `out` is `None`.
fn corpus(
    input: &Input,
    out: Option<&Path>,
    format: StoryFormat,
    threads: Option<u16>,
    quiet: bool,
) -> Result<()> {
    use crosscheck::corpus::{self, index};
    use std::io::IsTerminal;
    if !quiet {
        notes(&input.paths);
    }
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads.map_or(0, usize::from))
        .build()
        .map_err(|e| Error::new(format!("cannot start threads: {e}")))?;
    let rules = Rules::load(input.options.rules.as_deref())?;
    // Read on the pool's thread as well: the files' first copies are freed
    // once cleaned, and memory freed on another thread stays in that
    // thread's heap, where no later work allocates.
    pool.install(|| {
        use rayon::prelude::*;
        let sources = crosscheck::ingest::load(&input.paths, input.options.published)?;
        if let Some(out) = out {
            check_out_dir(out, &input.paths, &sources)?;
        }
        let docs: Vec<_> = sources
            .into_par_iter()
            .map(|s| crosscheck::clean::clean(s, &rules))
            .collect();
        // Cleaning's working sets are freed; grouping needs other room.
        crosscheck::memory::release_free();
        let grouping = corpus::group::group(&docs);
        let stories = index::stories(&docs, &grouping);
        // Grouping's features are freed; checking needs other room.
        crosscheck::memory::release_free();
        let unassigned: Vec<String> = grouping
            .unassigned
            .iter()
            .map(|&i| docs[i].id.to_string())
            .collect();
        let bar = if !quiet && std::io::stderr().is_terminal() {
            let bar = indicatif::ProgressBar::new(stories.len() as u64);
            if let Ok(style) = indicatif::ProgressStyle::with_template(
                "crosscheck: {bar:30} {pos}/{len} stories ({elapsed}, {eta} left)",
            ) {
                bar.set_style(style);
            }
            bar
        } else {
            indicatif::ProgressBar::hidden()
        };
        let batch = 4 * rayon::current_num_threads();
        let result = match out {
            None => {
                let mut stdout = std::io::BufWriter::new(std::io::stdout().lock());
                let written = corpus::check_all(&docs, &stories, &rules, format, batch, |c| {
                    bar.inc(1);
                    stdout.write_all(index::jsonl_line(&c.row, &c.report).as_bytes())
                });
                match written.and_then(|_| stdout.flush()) {
                    Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
                        Err(Error::new(format!("standard output: cannot write: {e}")))
                    }
                    _ => Ok(()),
                }
            }
            Some(out) => write_corpus(
                out, &docs, &stories, unassigned, &rules, format, batch, &bar, quiet,
            ),
        };
        bar.finish_and_clear();
        result
    })
}

/// Writes the stories' reports into `out/stories/` (all of them, or none:
/// they go to a temporary folder first), then `out/index.json` and
/// `out/index.md`.
#[allow(clippy::too_many_arguments)]
fn write_corpus(
    out: &Path,
    docs: &[crosscheck::clean::Document],
    stories: &[crosscheck::corpus::index::Story],
    unassigned: Vec<String>,
    rules: &Rules,
    format: StoryFormat,
    batch: usize,
    bar: &indicatif::ProgressBar,
    quiet: bool,
) -> Result<()> {
    use crosscheck::corpus::{self, index};
    let final_dir = out.join("stories");
    let tmp = out.join(".stories.crosscheck-tmp");
    let _ = std::fs::remove_dir_all(&tmp);
    std::fs::create_dir_all(&tmp)
        .map_err(|e| Error::file(&tmp, format!("cannot create folder: {e}")))?;
    let mut rows = Vec::with_capacity(stories.len());
    let written = corpus::check_all(docs, stories, rules, format, batch, |c| {
        bar.inc(1);
        let path = tmp.join(format!("{}.{}", c.row.id, format.extension()));
        std::fs::write(&path, &c.text)
            .map_err(|e| Error::file(&path, format!("cannot write: {e}")))?;
        rows.push(c.row);
        Ok(())
    })
    .and_then(|_| replace_stories(&final_dir, &tmp));
    if let Err(e) = written {
        let _ = std::fs::remove_dir_all(&tmp);
        return Err(e);
    }
    index::sort_rows(&mut rows);
    let index = index::Index {
        version: crosscheck::JSON_VERSION,
        stories: rows,
        unassigned,
    };
    let mut json = serde_json::to_string_pretty(&index).unwrap_or_default();
    json.push('\n');
    write_atomic(&out.join("index.json"), &json)?;
    let md = out.join("index.md");
    write_atomic(&md, &index::markdown(&index))?;
    if !quiet {
        emit(
            None,
            &format!(
                "crosscheck: wrote {} ({} stories, {} articles unassigned)\n",
                md.display(),
                index.stories.len(),
                index.unassigned.len()
            ),
        )?;
    }
    Ok(())
}

/// Puts the new `tmp` folder of story reports in the place of `dir`, which
/// may hold only the reports of an earlier run (`.md` and `.json` files).
fn replace_stories(dir: &Path, tmp: &Path) -> Result<()> {
    if let Ok(entries) = std::fs::read_dir(dir) {
        for entry in entries.flatten() {
            let p = entry.path();
            let ours = p.is_file()
                && p.extension()
                    .and_then(|e| e.to_str())
                    .is_some_and(|e| e == "md" || e == "json");
            if !ours {
                return Err(Error::file(
                    dir,
                    "holds files crosscheck did not write; refusing to replace it (choose another --out)",
                ));
            }
        }
        std::fs::remove_dir_all(dir)
            .map_err(|e| Error::file(dir, format!("cannot replace: {e}")))?;
    } else if dir.exists() {
        return Err(Error::file(dir, "is not a folder; refusing to replace it"));
    }
    std::fs::rename(tmp, dir).map_err(|e| Error::file(dir, format!("cannot write: {e}")))
}

/// `--out` of `corpus` must be a folder (or nothing yet) that is not one of
/// the folders read and whose `index.*` and `stories/` hold no article read:
/// the output never replaces its input, and a second run over the same
/// folder never reads the first run's index as an article.
fn check_out_dir(
    out: &Path,
    paths: &[PathBuf],
    sources: &[crosscheck::ingest::Source],
) -> Result<()> {
    if std::fs::metadata(out).is_ok_and(|m| !m.is_dir()) {
        return Err(Error::file(
            out,
            "cannot write the reports here: not a folder",
        ));
    }
    let Ok(target) = std::fs::canonicalize(out) else {
        return Ok(()); // not there yet: nothing in it to overwrite
    };
    for p in paths {
        if std::fs::canonicalize(p).is_ok_and(|p| p == target) {
            return Err(Error::file(
                out,
                "is a folder of input articles; refusing to write the index into it",
            ));
        }
    }
    let owned = [
        target.join("index.md"),
        target.join("index.json"),
        target.join("stories"),
    ];
    for s in sources {
        if let Ok(p) = std::fs::canonicalize(&s.path)
            && owned.iter().any(|o| p.starts_with(o))
        {
            return Err(Error::file(
                out,
                format!(
                    "would overwrite the input article {}; choose another --out",
                    s.path.display()
                ),
            ));
        }
    }
    Ok(())
}

fn config(input: &Input) -> Config {
    Config {
        skip_bad: input.skip_bad,
        paths: input.paths.clone(),
        published: input.options.published,
        rules: input.options.rules.clone(),
    }
}

fn exit_code(report: &Report, fail_on: Option<FailOn>) -> ExitCode {
    match fail_on {
        Some(FailOn::Conflict) if report.count(Verdict::Conflict) > 0 => ExitCode::from(1),
        _ => ExitCode::SUCCESS,
    }
}

/// The report's name: the folder given, or the folder of the first file.
fn title(paths: &[PathBuf]) -> String {
    let first = paths
        .first()
        .map(PathBuf::as_path)
        .unwrap_or(Path::new("."));
    let dir = if first.is_dir() {
        first.to_path_buf()
    } else {
        first.parent().map(Path::to_path_buf).unwrap_or_default()
    };
    let dir = std::fs::canonicalize(&dir).unwrap_or(dir);
    dir.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .filter(|n| !n.is_empty())
        .unwrap_or_else(|| "report".into())
}

/// Notes on stderr about what the folders given hold and are not read.
fn notes(paths: &[PathBuf]) {
    for p in paths.iter().filter(|p| p.is_dir()) {
        if let Some(note) = crosscheck::ingest::skipped_note(p) {
            eprintln!("crosscheck: note: {note}");
        }
    }
}

/// `--out` must name a regular file (or nothing yet) that is not one of the
/// articles read: a report never replaces its own input, a device or a
/// folder.
fn check_out(out: &Path, report: &Report) -> Result<()> {
    let target = match std::fs::metadata(out) {
        Ok(meta) if !meta.is_file() => {
            return Err(Error::file(
                out,
                "cannot write the report here: not a regular file (a folder, device or FIFO)",
            ));
        }
        Ok(_) => std::fs::canonicalize(out).ok(),
        Err(_) => None,
    };
    if let Some(target) = target {
        for s in &report.sources {
            if std::fs::canonicalize(&s.path).is_ok_and(|p| p == target) {
                return Err(Error::file(
                    out,
                    "is one of the input articles; refusing to write the report over it",
                ));
            }
        }
    }
    Ok(())
}

/// `value` as pretty JSON and a newline: the bytes of `render::json`.
fn json_to<T: serde::Serialize>(w: &mut dyn Write, value: &T) -> std::io::Result<()> {
    serde_json::to_writer_pretty(&mut *w, value).map_err(std::io::Error::other)?;
    w.write_all(b"\n")
}

fn emit(out: Option<&Path>, text: &str) -> Result<()> {
    emit_with(out, |w| w.write_all(text.as_bytes()))
}

/// Writes through `write` to `out` (atomically) or to standard output.
fn emit_with(
    out: Option<&Path>,
    write: impl Fn(&mut dyn Write) -> std::io::Result<()>,
) -> Result<()> {
    match out {
        Some(path) => write_atomic_with(path, write),
        None => {
            let mut stdout = std::io::BufWriter::with_capacity(1 << 16, std::io::stdout().lock());
            match write(&mut stdout).and_then(|_| stdout.flush()) {
                Ok(()) => Ok(()),
                // A closed pipe (`| head`) is the reader's choice, not a failure.
                Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
                Err(e) => Err(Error::new(format!("standard output: cannot write: {e}"))),
            }
        }
    }
}

/// Writes `text` to `path` through a temporary file in the same folder, so
/// a failure never leaves a half-written report. A symlink is written
/// through: its target gets the report and the link stays a link.
fn write_atomic(path: &Path, text: &str) -> Result<()> {
    write_atomic_with(path, |w| w.write_all(text.as_bytes()))
}

fn write_atomic_with(
    path: &Path,
    write: impl Fn(&mut dyn Write) -> std::io::Result<()>,
) -> Result<()> {
    let resolved;
    let path = if std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink()) {
        resolved = std::fs::canonicalize(path)
            .map_err(|e| Error::file(path, format!("cannot follow the symlink: {e}")))?;
        resolved.as_path()
    } else {
        path
    };
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir)
        .map_err(|e| Error::file(dir, format!("cannot create folder: {e}")))?;
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "report".into());
    let tmp = dir.join(format!(".{name}.crosscheck-tmp"));
    let result = std::fs::File::create(&tmp)
        .and_then(|f| {
            let mut w = std::io::BufWriter::with_capacity(1 << 16, f);
            write(&mut w)?;
            w.into_inner().map_err(|e| e.into_error())?.sync_all()
        })
        .and_then(|_| std::fs::rename(&tmp, path));
    if let Err(e) = result {
        let _ = std::fs::remove_file(&tmp);
        return Err(Error::file(path, format!("cannot write: {e}")));
    }
    Ok(())
}
