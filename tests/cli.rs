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
        .args(["extract", &format!("{CORPUS}/reuters.txt")])
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
