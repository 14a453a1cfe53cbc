//! Articles are read on several threads; the report must not depend on how
//! many: same facts, same ids, same bytes.

use assert_cmd::Command;

const CORPUS: &str = "tests/fixtures/alaska-summit";

fn check_json(threads: &str) -> Vec<u8> {
    let out = Command::cargo_bin("crosscheck")
        .unwrap()
        .args(["--threads", threads, "check", CORPUS, "--format", "json"])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}

#[test]
fn json_is_the_same_on_one_and_two_threads() {
    let one = check_json("1");
    assert!(one.starts_with(b"{"), "a JSON report");
    assert_eq!(one, check_json("2"), "1 vs 2 threads");
    assert_eq!(one, check_json("4"), "1 vs 4 threads");
}

#[test]
fn rayon_num_threads_is_honoured_too() {
    let out = Command::cargo_bin("crosscheck")
        .unwrap()
        .env("RAYON_NUM_THREADS", "3")
        .args(["check", CORPUS, "--format", "json"])
        .output()
        .unwrap();
    assert_eq!(out.stdout, check_json("1"));
}

#[test]
fn zero_threads_is_a_one_line_error() {
    let out = Command::cargo_bin("crosscheck")
        .unwrap()
        .args(["--threads", "0", "check", CORPUS])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.starts_with("crosscheck: "), "{stderr}");
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
}
