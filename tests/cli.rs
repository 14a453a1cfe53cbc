//! The command line as a user meets it: exit codes, one-line errors that
//! name the file, and no report left behind when the input is bad.

use assert_cmd::Command;
use std::path::Path;

const CORPUS: &str = "tests/fixtures/alaska-summit";

fn crosscheck() -> Command {
    Command::cargo_bin("crosscheck").unwrap()
}

/// Runs `args`, expects exit 2 and one stderr line that starts with
/// `crosscheck:` and contains `needle`.
fn fails_with(args: &[&str], needle: &str) {
    let out = crosscheck().args(args).output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{args:?}: {stderr}");
    assert_eq!(stderr.lines().count(), 1, "one line expected: {stderr}");
    assert!(stderr.starts_with("crosscheck: "), "{stderr}");
    assert!(
        stderr.contains(needle),
        "{stderr:?} should contain {needle:?}"
    );
    assert!(out.stdout.is_empty(), "no partial output on stdout");
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> String {
    let p = dir.join(name);
    std::fs::write(&p, bytes).unwrap();
    p.display().to_string()
}

#[test]
fn missing_path() {
    fails_with(
        &["check", "no/such/folder"],
        "no/such/folder: cannot read: no such file",
    );
}

#[test]
fn folder_without_articles() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "gold.toml", b"x = 1");
    write(dir.path(), "README.md", b"# notes");
    fails_with(
        &["check", dir.path().to_str().unwrap()],
        "no articles in this folder",
    );
}

#[test]
fn empty_file() {
    let dir = tempfile::tempdir().unwrap();
    let f = write(dir.path(), "empty.txt", b"");
    fails_with(&["check", &f], "empty.txt: empty article");
}

#[test]
fn invalid_utf8() {
    let dir = tempfile::tempdir().unwrap();
    let f = write(
        dir.path(),
        "latin1.txt",
        b"Trump met Putin in Anchorage \xe9t\xe9.",
    );
    fails_with(
        &["check", &f],
        "latin1.txt: not UTF-8 text (invalid byte at offset 29)",
    );
}

#[test]
fn binary_file() {
    let dir = tempfile::tempdir().unwrap();
    let junk: Vec<u8> = (0..4096u32).map(|i| (i * 7919 % 256) as u8).collect();
    let f = write(dir.path(), "junk.txt", &junk);
    fails_with(&["check", &f], "junk.txt: binary file");
}

#[test]
fn malformed_front_matter() {
    let dir = tempfile::tempdir().unwrap();
    let f = write(
        dir.path(),
        "a.txt",
        b"---\noutlet: X\npublished: yesterday\n---\nText.",
    );
    fails_with(
        &["check", &f],
        "a.txt:3: front matter: `published` is \"yesterday\"",
    );
    let g = write(dir.path(), "b.txt", b"---\noutlet: X\nno closing line\n");
    fails_with(
        &["check", &g],
        "b.txt:3: front matter: expected `key: value` or a closing `---`",
    );
}

#[test]
fn rule_file_with_bad_toml_names_line_and_column() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "hedges.toml",
        b"[[hedge]]\nid = \"x\"\nwords = [\"about\"\n",
    );
    fails_with(
        &["check", CORPUS, "--rules", dir.path().to_str().unwrap()],
        "hedges.toml:3:",
    );
}

#[test]
fn rule_file_with_unknown_key_names_line_and_column() {
    let dir = tempfile::tempdir().unwrap();
    let text = "[[rule]]\nid = \"duration.x\"\ndescription = \"d\"\npattern = 'x'\npatern = 'y'\n";
    write(dir.path(), "duration.toml", text.as_bytes());
    fails_with(
        &["check", CORPUS, "--rules", dir.path().to_str().unwrap()],
        "duration.toml:5:1: unknown field `patern`",
    );
}

#[test]
fn rule_with_bad_regex_names_line_and_column() {
    let dir = tempfile::tempdir().unwrap();
    let text = "[[rule]]\nid = \"count.x\"\ndescription = \"d\"\npattern = '(unclosed'\n";
    write(dir.path(), "count.toml", text.as_bytes());
    fails_with(
        &["check", CORPUS, "--rules", dir.path().to_str().unwrap()],
        "count.toml:4:11: rule count.x: pattern does not compile",
    );
}

#[test]
fn unknown_rule_file_lists_the_valid_names() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "durations.toml", b"");
    fails_with(
        &["check", CORPUS, "--rules", dir.path().to_str().unwrap()],
        "unknown rule file, expected one of: boilerplate.toml",
    );
}

#[test]
fn bad_input_leaves_no_report_behind() {
    let dir = tempfile::tempdir().unwrap();
    let bad = write(dir.path(), "empty.txt", b"");
    let out = dir.path().join("out.md");
    let out_s = out.to_str().unwrap();
    fails_with(&["report", &bad, "--out", out_s], "empty article");
    assert!(!out.exists());
    fails_with(
        &["check", &bad, "--format", "json", "--out", out_s],
        "empty article",
    );
    assert!(!out.exists());
    let leftovers: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
    assert_eq!(leftovers.len(), 1, "only the input file remains");
}

#[test]
fn huge_line_and_odd_text_do_not_panic() {
    let dir = tempfile::tempdir().unwrap();
    let mut big = "Talks lasted nearly three hours, officials said, ".repeat(20_000);
    big.push_str("and over 3½ years of war ½ 3-1/ 1/0 one-fifth—\u{feff}… 'x' “y");
    write(dir.path(), "big.txt", big.as_bytes());
    write(
        dir.path(),
        "odd.md",
        "---\n---\n'''\"\"\"…‘’“” 3-1/0 ½½ 0.5.5 ,,, 1,,000".as_bytes(),
    );
    crosscheck()
        .args(["check", dir.path().to_str().unwrap(), "--format", "json"])
        .assert()
        .success();
}

#[test]
fn fail_on_conflict_exits_1_and_still_prints() {
    let out = crosscheck()
        .args(["check", CORPUS, "--fail-on", "conflict"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("nearly three-hour"), "{stdout}");
}

#[test]
fn json_output_is_deterministic() {
    let run = || {
        crosscheck()
            .args(["check", CORPUS, "--format", "json"])
            .output()
            .unwrap()
            .stdout
    };
    let first = run();
    assert!(!first.is_empty());
    assert_eq!(first, run());
}

#[test]
fn report_writes_the_file_and_says_where() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("summit.md");
    let assert = crosscheck()
        .args(["report", CORPUS, "--out", out.to_str().unwrap()])
        .assert()
        .success();
    let stdout = String::from_utf8_lossy(&assert.get_output().stdout).into_owned();
    assert!(stdout.contains("summit.md"), "{stdout}");
    let md = std::fs::read_to_string(&out).unwrap();
    assert!(md.starts_with("# crosscheck report: alaska-summit"));
}

#[test]
fn extract_lists_rule_ids() {
    let out = crosscheck()
        .args([
            "extract",
            &format!("{CORPUS}/reuters.txt"),
            "--width",
            "200",
        ])
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success());
    assert!(stdout.contains("duration.units"), "{stdout}");
    assert!(stdout.contains("nearly three-hour"), "{stdout}");
}

#[test]
fn published_flag_resolves_undated_files() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.txt", b"The leaders met on Friday for talks.");
    let out = crosscheck()
        .args([
            "extract",
            &format!("{}/a.txt", dir.path().display()),
            "--published",
            "2025-08-16",
            "--format",
            "json",
        ])
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("2025-08-15"), "{stdout}");
}

#[test]
fn list_trigger_with_bad_regex_names_line_and_column() {
    let dir = tempfile::tempdir().unwrap();
    let text = "[[trigger]]\nid = \"list.x\"\npattern = '(also included'\nmembers = \"after\"\n";
    write(dir.path(), "lists.toml", text.as_bytes());
    fails_with(
        &["check", CORPUS, "--rules", dir.path().to_str().unwrap()],
        "lists.toml:3:12: pattern does not compile",
    );
}

// ------------------------------------------------------------ issue 10
// Every case of the bad-input matrix, named after what a user did.

fn corpus_copy() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for entry in std::fs::read_dir(CORPUS).unwrap() {
        let p = entry.unwrap().path();
        std::fs::copy(&p, dir.path().join(p.file_name().unwrap())).unwrap();
    }
    dir
}

#[cfg(unix)]
fn set_mode(path: &Path, mode: u32) {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).unwrap();
}

#[cfg(unix)]
fn is_root() -> bool {
    // A read-only folder stops everyone but root.
    let dir = tempfile::tempdir().unwrap();
    set_mode(dir.path(), 0o555);
    let root = std::fs::write(dir.path().join("probe"), b"x").is_ok();
    set_mode(dir.path(), 0o755);
    root
}

#[test]
fn published_date_without_zero_padding_does_not_panic() {
    let dir = tempfile::tempdir().unwrap();
    let f = write(dir.path(), "a.txt", b"The leaders met on Friday for talks.");
    let out = crosscheck()
        .args([
            "extract",
            &f,
            "--published",
            "2025-8-16",
            "--format",
            "json",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&out.stdout).contains("2025-08-15"));
    let g = write(
        dir.path(),
        "b.txt",
        b"---\npublished: 2025-8-16\n---\nThe leaders met on Friday.",
    );
    let out = crosscheck().args(["check", &g]).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    fails_with(&["check", &g, "--published", "2025-8"], "expected a date");
}

#[test]
fn out_onto_an_input_article_is_refused_and_the_article_kept() {
    let dir = corpus_copy();
    let target = dir.path().join("reuters.txt");
    let before = std::fs::read(&target).unwrap();
    let d = dir.path().to_str().unwrap();
    fails_with(
        &["check", d, "--out", target.to_str().unwrap()],
        "reuters.txt: is one of the input articles",
    );
    fails_with(
        &["report", d, "--out", target.to_str().unwrap()],
        "is one of the input articles",
    );
    assert_eq!(std::fs::read(&target).unwrap(), before);
}

#[cfg(unix)]
#[test]
fn out_through_a_symlink_writes_its_target_and_keeps_the_link() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("real.md");
    std::fs::write(&target, b"old").unwrap();
    let link = dir.path().join("link.md");
    std::os::unix::fs::symlink(&target, &link).unwrap();
    let out = crosscheck()
        .args(["check", CORPUS, "--format", "markdown", "--out"])
        .arg(&link)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    assert!(
        std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert!(
        std::fs::read_to_string(&target)
            .unwrap()
            .starts_with("# crosscheck")
    );
    // A symlink to an input article is an input article.
    let dir2 = corpus_copy();
    let link2 = dir2.path().join("out.md");
    std::os::unix::fs::symlink(dir2.path().join("wsj.txt"), &link2).unwrap();
    fails_with(
        &[
            "check",
            dir2.path().to_str().unwrap(),
            "--out",
            link2.to_str().unwrap(),
        ],
        "is one of the input articles",
    );
}

#[test]
fn out_onto_a_folder_or_device_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    fails_with(
        &["check", CORPUS, "--out", dir.path().to_str().unwrap()],
        "not a regular file",
    );
    if Path::new("/dev/full").exists() {
        fails_with(
            &["check", CORPUS, "--out", "/dev/full"],
            "not a regular file",
        );
        assert!(!Path::new("/dev/full").is_file(), "the device node stays");
    }
}

#[test]
fn out_into_a_missing_folder_creates_it() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("new/deeper/report.json");
    let run = crosscheck()
        .args(["check", CORPUS, "--format", "json", "--out"])
        .arg(&out)
        .output()
        .unwrap();
    assert_eq!(run.status.code(), Some(0));
    assert!(
        std::fs::read_to_string(&out)
            .unwrap()
            .contains("\"version\"")
    );
}

#[cfg(unix)]
#[test]
fn out_into_a_read_only_folder_is_exit_2_and_leaves_nothing() {
    if is_root() {
        return; // root writes anywhere: nothing to test
    }
    let dir = tempfile::tempdir().unwrap();
    let ro = dir.path().join("ro");
    std::fs::create_dir(&ro).unwrap();
    set_mode(&ro, 0o555);
    let out = ro.join("report.md");
    fails_with(
        &["check", CORPUS, "--out", out.to_str().unwrap()],
        "cannot write",
    );
    assert_eq!(std::fs::read_dir(&ro).unwrap().count(), 0);
    set_mode(&ro, 0o755);
}

#[test]
fn failed_write_to_stdout_is_exit_2() {
    if !Path::new("/dev/full").exists() {
        return;
    }
    let full = std::fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .unwrap();
    let out = std::process::Command::new(assert_cmd::cargo::cargo_bin("crosscheck"))
        .args(["check", CORPUS])
        .stdout(full)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.starts_with("crosscheck: standard output: cannot write"),
        "{stderr}"
    );
    assert_eq!(stderr.lines().count(), 1);
}

#[test]
fn front_matter_duplicate_key_is_an_error_at_its_line() {
    let dir = tempfile::tempdir().unwrap();
    let f = write(
        dir.path(),
        "a.txt",
        b"---\noutlet: A\npublished: 2025-08-16\noutlet: B\n---\nText.",
    );
    fails_with(
        &["check", &f],
        "a.txt:4: front matter: `outlet` given twice (first on line 2)",
    );
}

#[test]
fn front_matter_misspelled_key_is_an_error_with_a_hint() {
    let dir = tempfile::tempdir().unwrap();
    let f = write(
        dir.path(),
        "a.txt",
        b"---\noutlet: A\npublised: 2025-08-16\n---\nText.",
    );
    fails_with(
        &["check", &f],
        "a.txt:3: front matter: unknown key `publised` (did you mean `published`?)",
    );
    // Other tools' metadata is accepted and ignored.
    let g = write(
        dir.path(),
        "b.txt",
        b"---\ntitle: Talks\nauthor: A. Writer\noutlet: B\n---\nThe talks ended.",
    );
    assert!(
        crosscheck()
            .args(["check", &g])
            .output()
            .unwrap()
            .status
            .success()
    );
}

#[test]
fn markdown_rule_on_the_first_line_is_not_front_matter() {
    let dir = tempfile::tempdir().unwrap();
    let f = write(
        dir.path(),
        "a.md",
        b"---\n\nThe talks lasted nearly three hours, officials said.\n",
    );
    let out = crosscheck()
        .args(["extract", &f, "--format", "json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    assert!(String::from_utf8_lossy(&out.stdout).contains("nearly three hours"));
}

#[test]
fn empty_rule_file_turning_a_kind_off_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "duration.toml", b"");
    fails_with(
        &["check", CORPUS, "--rules", dir.path().to_str().unwrap()],
        "duration.toml:1:1: no [[rule]]: this file would turn every duration rule off",
    );
}

#[test]
fn duplicate_rule_ids_are_an_error_at_the_second() {
    let dir = tempfile::tempdir().unwrap();
    let rule = "[[rule]]\nid = \"duration.x\"\ndescription = \"d\"\npattern = '(?P<num>{number})\\s+(?P<unit>{unit})'\n";
    write(
        dir.path(),
        "duration.toml",
        format!("{rule}{rule}").as_bytes(),
    );
    fails_with(
        &["check", CORPUS, "--rules", dir.path().to_str().unwrap()],
        "duration.toml:8:11: rule id `duration.x` given twice",
    );
}

#[test]
fn pattern_without_named_groups_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let text = "[[rule]]\nid = \"duration.x\"\ndescription = \"d\"\npattern = '{number} hours'\n";
    write(dir.path(), "duration.toml", text.as_bytes());
    fails_with(
        &["check", CORPUS, "--rules", dir.path().to_str().unwrap()],
        "duration.toml:4:11: rule duration.x: pattern has no named group `(?P<num>…)`",
    );
}

#[test]
fn unknown_macro_is_named() {
    let dir = tempfile::tempdir().unwrap();
    let text =
        "[[rule]]\nid = \"count.x\"\ndescription = \"d\"\npattern = '(?P<num>{nmber}) people'\n";
    write(dir.path(), "count.toml", text.as_bytes());
    fails_with(
        &["check", CORPUS, "--rules", dir.path().to_str().unwrap()],
        "count.toml:4:11: rule count.x: unknown macro `{nmber}`, expected one of {number}",
    );
}

#[test]
fn catastrophic_looking_pattern_runs_in_linear_time() {
    // `(a+)+$` backtracks exponentially in many engines; Rust's regex does
    // not backtrack.
    let dir = tempfile::tempdir().unwrap();
    let rules = dir.path().join("rules");
    std::fs::create_dir(&rules).unwrap();
    let text = "[[rule]]\nid = \"count.evil\"\ndescription = \"d\"\npattern = '(?P<num>(a+)+)$'\n";
    write(&rules, "count.toml", text.as_bytes());
    let mut article = "The crowd was ".to_string();
    article.push_str(&"a".repeat(50_000));
    article.push('!');
    let f = write(dir.path(), "evil.txt", article.as_bytes());
    let t = std::time::Instant::now();
    let out = crosscheck()
        .args(["check", &f, "--format", "json", "--rules"])
        .arg(&rules)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    assert!(t.elapsed().as_secs() < 30, "took {:?}", t.elapsed());
}

#[test]
fn extract_of_a_folder_is_an_error() {
    fails_with(
        &["extract", CORPUS],
        "alaska-summit: is a folder; `extract` reads one article file",
    );
}

#[test]
fn dash_reads_the_article_from_stdin() {
    let out = crosscheck()
        .args(["extract", "-", "--format", "json"])
        .write_stdin("The talks lasted nearly three hours, officials said.\n")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("\"source\": \"stdin\""), "{stdout}");
    assert!(stdout.contains("nearly three hours"));
    let out = crosscheck()
        .args(["check", "-", CORPUS, "--format", "json"])
        .write_stdin("The talks lasted nearly three hours, officials said.\n")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
}

#[cfg(unix)]
#[test]
fn fifo_argument_is_an_error_not_a_hang() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("pipe.txt");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .is_ok_and(|s| s.success());
    if !made {
        return;
    }
    fails_with(
        &["check", fifo.to_str().unwrap()],
        "not a regular file (a FIFO",
    );
    // A FIFO in a folder is an error too, not a hang.
    write(dir.path(), "a.txt", b"The talks ended.");
    fails_with(
        &["check", dir.path().to_str().unwrap()],
        "pipe.txt: not a regular file",
    );
}

#[test]
fn device_argument_is_an_error() {
    if Path::new("/dev/zero").exists() {
        fails_with(&["check", "/dev/zero"], "/dev/zero: not a regular file");
    }
}

#[cfg(unix)]
#[test]
fn symlink_loop_and_dangling_symlink_in_a_folder_are_errors() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.txt", b"The talks ended.");
    let lp = dir.path().join("loop.txt");
    std::os::unix::fs::symlink(&lp, &lp).unwrap();
    fails_with(
        &["check", dir.path().to_str().unwrap()],
        "loop.txt: cannot read: too many levels of symbolic links",
    );
    std::fs::remove_file(&lp).unwrap();
    std::os::unix::fs::symlink(dir.path().join("gone.txt"), dir.path().join("dangling.txt"))
        .unwrap();
    fails_with(
        &["check", dir.path().to_str().unwrap()],
        "dangling.txt: cannot read: no such file",
    );
}

#[test]
fn subfolders_and_hidden_files_are_skipped_with_a_note() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.txt", b"The talks lasted nearly three hours.");
    write(dir.path(), ".draft.txt", b"The talks lasted four hours.");
    std::fs::create_dir(dir.path().join("older")).unwrap();
    write(&dir.path().join("older"), "b.txt", b"The talks ended.");
    let out = crosscheck()
        .args(["check", dir.path().to_str().unwrap(), "--format", "json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.starts_with("crosscheck: note: "), "{stderr}");
    assert!(
        stderr.contains("skipped 1 subfolder and 1 hidden file"),
        "{stderr}"
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(!stdout.contains("four hours"), "hidden files are not read");
}

#[test]
fn utf16_file_is_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    let mut bytes = vec![0xff, 0xfe];
    for u in "The talks ended.".encode_utf16() {
        bytes.extend(u.to_le_bytes());
    }
    let f = write(dir.path(), "u16.txt", &bytes);
    fails_with(&["check", &f], "u16.txt: UTF-16 text");
}

#[test]
fn article_over_the_size_cap_is_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    let big = "The talks lasted nearly three hours. ".repeat(60_000); // 2.2 MB
    let f = write(dir.path(), "big.txt", big.as_bytes());
    fails_with(
        &["check", &f, "--max-size", "1"],
        "big.txt: article larger than the 1 MB cap (raise it with --max-size MB)",
    );
    let out = crosscheck()
        .args(["extract", "-", "--max-size", "1", "--format", "json"])
        .write_stdin(big)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("1 MB cap"));
}

#[test]
fn color_and_width_flags() {
    let run = |args: &[&str]| {
        let out = crosscheck().args(args).output().unwrap();
        assert_eq!(out.status.code(), Some(0));
        String::from_utf8(out.stdout).unwrap()
    };
    let plain = run(&["check", CORPUS]);
    assert!(plain.contains("+--") && !plain.contains('─'));
    assert!(
        plain
            .lines()
            .filter(|l| l.starts_with(['+', '|']))
            .all(|l| l.chars().count() <= 100),
        "piped tables fit 100 columns"
    );
    let boxed = run(&["check", CORPUS, "--color", "always"]);
    assert!(boxed.contains('─'));
    let narrow = run(&["check", CORPUS, "--width", "60"]);
    assert!(
        narrow
            .lines()
            .filter(|l| l.starts_with(['+', '|']))
            .all(|l| l.chars().count() <= 60),
        "{narrow}"
    );
    let never = crosscheck()
        .args(["check", CORPUS, "--color", "never"])
        .env("NO_COLOR", "")
        .output()
        .unwrap();
    assert!(!String::from_utf8_lossy(&never.stdout).contains('─'));
}

#[test]
fn one_repeated_sentence_gives_a_table_proportional_to_the_input() {
    // 0.5 MB of one sentence: one comparison holding thousands of facts.
    let dir = tempfile::tempdir().unwrap();
    let text = "The talks lasted nearly three hours on Friday. ".repeat(11_000);
    let f = write(dir.path(), "same.txt", text.as_bytes());
    let out = crosscheck().args(["check", &f]).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(
        out.stdout.len() < text.len(),
        "table of {} bytes for {} bytes of input",
        out.stdout.len(),
        text.len()
    );
    let table = String::from_utf8_lossy(&out.stdout);
    assert!(
        table.contains("more"),
        "long cells say how many facts they leave out"
    );
}

#[test]
fn huge_number_is_no_fact_and_json_has_no_null_bound() {
    let dir = tempfile::tempdir().unwrap();
    let text = format!(
        "The crowd numbered {} people at the rally.",
        "9".repeat(100_000)
    );
    let f = write(dir.path(), "big-number.txt", text.as_bytes());
    let out = crosscheck()
        .args(["extract", &f, "--format", "json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(!String::from_utf8_lossy(&out.stdout).contains("null,\n        \"hi\""));
    assert!(!String::from_utf8_lossy(&out.stdout).contains("\"lo\": null"));
}

#[test]
fn zero_width_space_keeps_the_hedge() {
    let out = crosscheck()
        .args(["extract", "-", "--format", "json"])
        .write_stdin("The talks lasted nearly\u{200b}three hours, officials said.\n")
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("\"hedge\": \"nearly\""), "{stdout}");
}

#[test]
fn folder_of_5000_tiny_files() {
    let dir = tempfile::tempdir().unwrap();
    for i in 0..5_000 {
        let body = format!(
            "Outlet {i} said the talks lasted {} hours on Friday.\n",
            2 + i % 3
        );
        std::fs::write(dir.path().join(format!("a{i:04}.txt")), body).unwrap();
    }
    let t = std::time::Instant::now();
    let out = crosscheck()
        .args(["check", dir.path().to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(t.elapsed().as_secs() < 120, "took {:?}", t.elapsed());
    assert!(
        out.stdout.len() < 2_000_000,
        "{} bytes of table",
        out.stdout.len()
    );
}
