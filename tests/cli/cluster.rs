//! The pieces that let padan run on a cluster: glossary counts that shard and merge, and
//! `padan align --jsonl-in` as a streaming mapper.

use std::fs;
use std::path::Path;

use super::{fixture, padan, stderr, stdout, temp_dir};

/// Two documents, the halves of the example: a.id/a.en and b.id/b.en in `dir`.
fn halves(dir: &Path) {
    let id = fs::read_to_string(fixture("reykjavik/id.txt")).unwrap_or_default();
    let en = fs::read_to_string(fixture("reykjavik/en.txt")).unwrap_or_default();
    let (id_lines, en_lines): (Vec<&str>, Vec<&str>) = (id.lines().collect(), en.lines().collect());
    let write = |name: &str, lines: &[&str]| {
        fs::write(dir.join(name), lines.join("\n")).expect("write");
    };
    write("a.id", &id_lines[..10]);
    write("a.en", &en_lines[..10]);
    write("b.id", &id_lines[10..]);
    write("b.en", &en_lines[10..]);
}

#[test]
fn sharded_glossary_counts_merged_equal_the_glossary_of_one_run() {
    let dir = temp_dir();
    halves(dir.path());
    let run = |args: &[&str]| {
        let output = padan(dir.path(), args);
        assert_eq!(
            output.status.code(),
            Some(0),
            "{args:?}: {}",
            stderr(&output)
        );
        output
    };
    run(&["glossary", "a.id", "a.en", "b.id", "b.en", "-o", "one.csv"]);
    run(&["glossary", "a.id", "a.en", "--counts-out", "a.counts"]);
    // The map step may write to stdout, as a streaming mapper does.
    let b = run(&["glossary", "b.id", "b.en", "--counts-out", "-"]);
    fs::write(dir.path().join("b.counts"), &b.stdout).expect("write");
    run(&[
        "glossary",
        "--merge-counts",
        "a.counts",
        "b.counts",
        "-o",
        "merged.csv",
    ]);
    let one = fs::read_to_string(dir.path().join("one.csv")).unwrap_or_default();
    let merged = fs::read_to_string(dir.path().join("merged.csv")).unwrap_or_default();
    assert!(one.lines().count() > 20, "{one}");
    assert!(one.contains("Gedung Putih,White House"), "{one}");
    assert_eq!(merged, one);
}

#[test]
fn a_malformed_counts_file_is_an_error_naming_its_line() {
    let dir = temp_dir();
    fs::write(dir.path().join("bad.counts"), "glossary.csv\n").expect("write");
    let output = padan(dir.path(), &["glossary", "--merge-counts", "bad.counts"]);
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(stdout(&output), "");
    assert!(
        stderr(&output).starts_with("padan: bad.counts:1: not a counts record ("),
        "{}",
        stderr(&output)
    );
    assert!(
        stderr(&output).ends_with("give files written by padan glossary --counts-out\n"),
        "{}",
        stderr(&output)
    );
}
