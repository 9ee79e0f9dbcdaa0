//! `padan batch`: folders paired by name, failures that do not stop the run, and the same
//! bytes whatever the number of jobs.

use std::fs;
use std::path::Path;

use calamine::Reader;

use super::{fixture, padan, stderr, temp_dir};

/// Folders id/ and en/ with three good pairs (the example, and two halves of it), a pair
/// whose Indonesian is not UTF-8, and a file on each side without a partner.
fn corpus(dir: &Path) {
    fs::create_dir_all(dir.join("id")).expect("mkdir");
    fs::create_dir_all(dir.join("en")).expect("mkdir");
    let id = fs::read_to_string(fixture("reykjavik/id.txt")).unwrap_or_default();
    let en = fs::read_to_string(fixture("reykjavik/en.txt")).unwrap_or_default();
    let (id_lines, en_lines): (Vec<&str>, Vec<&str>) = (id.lines().collect(), en.lines().collect());
    let write = |side: &str, name: &str, text: &[u8]| {
        fs::write(dir.join(side).join(name), text).expect("write");
    };
    write("id", "a.txt", id.as_bytes());
    write("en", "a.txt", en.as_bytes());
    write("id", "b.txt", id_lines[..10].join("\n").as_bytes());
    write("en", "b.txt", en_lines[..10].join("\n").as_bytes());
    write("id", "c-broken.txt", b"Harga\x00naik\x00\x01 persen.\n");
    write("en", "c-broken.txt", b"Prices rose.\n");
    write("id", "d.txt", id_lines[10..].join("\n").as_bytes());
    write("en", "d.txt", en_lines[10..].join("\n").as_bytes());
    write("id", "only-id.txt", b"Satu.\n");
    write("en", "only-en.txt", b"One.\n");
}

fn run(dir: &Path, out: &str, extra: &[&str]) -> std::process::Output {
    let mut args = vec![
        "batch",
        "--source-dir",
        "id",
        "--target-dir",
        "en",
        "--out-dir",
        out,
    ];
    args.extend_from_slice(extra);
    padan(dir, &args)
}

#[test]
fn a_batch_reports_missing_partners_and_broken_files_and_finishes_the_rest() {
    let dir = temp_dir();
    corpus(dir.path());
    let output = run(dir.path(), "out", &["--jobs", "2"]);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    let err = stderr(&output);
    assert!(
        err.contains("padan: batch: only-id failed: id/only-id.txt has no partner en/only-id.txt"),
        "{err}"
    );
    assert!(
        err.contains("padan: batch: only-en failed: en/only-en.txt has no partner id/only-en.txt"),
        "{err}"
    );
    assert!(
        err.contains("padan: batch: c-broken failed: id/c-broken.txt: looks like a binary file"),
        "{err}"
    );
    assert!(err.ends_with("padan batch: 3 pair(s) aligned, 3 failed; outputs, glossary.csv and summary.tsv in out\n"), "{err}");
    for name in ["a.tsv", "b.tsv", "d.tsv", "glossary.csv", "summary.tsv"] {
        assert!(dir.path().join("out").join(name).exists(), "{name} missing");
    }
    assert!(!dir.path().join("out/c-broken.tsv").exists());
    let summary = fs::read_to_string(dir.path().join("out/summary.tsv")).unwrap_or_default();
    let lines: Vec<&str> = summary.lines().collect();
    assert_eq!(lines.len(), 7);
    assert!(lines[1].starts_with("a\tok\t30\t34\t30\t"), "{}", lines[1]);
    // Aligned pairs first, in name order, then the failures.
    assert!(lines[3].starts_with("d\tok\t"), "{}", lines[3]);
    assert!(
        lines[4..]
            .iter()
            .any(|l| l.starts_with("c-broken\tfailed\t")),
        "{summary}"
    );
    // The example's pair is aligned exactly as padan align does it.
    let single = padan(dir.path(), &["align", "id/a.txt", "en/a.txt"]);
    assert_eq!(
        fs::read(dir.path().join("out/a.tsv")).ok(),
        Some(single.stdout)
    );
}

#[test]
fn jobs_one_and_two_write_the_same_bytes() {
    let dir = temp_dir();
    corpus(dir.path());
    run(dir.path(), "one", &["--jobs", "1", "--format", "xlsx"]);
    run(dir.path(), "two", &["--jobs", "2", "--format", "xlsx"]);
    for name in [
        "a.xlsx",
        "b.xlsx",
        "d.xlsx",
        "corpus.xlsx",
        "glossary.csv",
        "summary.tsv",
    ] {
        let one = fs::read(dir.path().join("one").join(name)).ok();
        assert!(one.is_some(), "{name} missing");
        assert_eq!(
            one,
            fs::read(dir.path().join("two").join(name)).ok(),
            "{name} differs"
        );
    }
    let bytes = fs::read(dir.path().join("one/corpus.xlsx")).unwrap_or_default();
    let mut book = calamine::Xlsx::new(std::io::Cursor::new(bytes)).expect("readable");
    assert_eq!(book.sheet_names(), ["Summary", "a", "b", "d", "padan"]);
    let summary = book.worksheet_range("Summary").expect("summary");
    assert_eq!(summary.height(), 4);
}

#[test]
fn a_manifest_names_its_pairs_and_a_bad_row_names_its_line() {
    let dir = temp_dir();
    corpus(dir.path());
    fs::write(
        dir.path().join("pairs.csv"),
        "source,target,name\nid/a.txt,en/a.txt,reykjavik\nid/b.txt,en/b.txt,\n",
    )
    .expect("write");
    let output = padan(
        dir.path(),
        &[
            "batch",
            "--manifest",
            "pairs.csv",
            "--out-dir",
            "m",
            "-f",
            "beads",
        ],
    );
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(dir.path().join("m/reykjavik.align").exists());
    assert!(dir.path().join("m/b.align").exists());
    fs::write(dir.path().join("bad.csv"), "source,target\nid/a.txt,\n").expect("write");
    let output = padan(
        dir.path(),
        &["batch", "--manifest", "bad.csv", "--out-dir", "m2"],
    );
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(
        stderr(&output),
        "padan: bad.csv:2: the target column is empty, fill it in or delete the row\n"
    );
}

/// `n` pairs cut from the example (each a window of its lines, repeated to make alignment take
/// a moment), in id/ and en/.
fn many_pairs(dir: &Path, n: usize) {
    fs::create_dir_all(dir.join("id")).expect("mkdir");
    fs::create_dir_all(dir.join("en")).expect("mkdir");
    let id = fs::read_to_string(fixture("reykjavik/id.txt")).unwrap_or_default();
    let en = fs::read_to_string(fixture("reykjavik/en.txt")).unwrap_or_default();
    let (id_lines, en_lines): (Vec<&str>, Vec<&str>) = (id.lines().collect(), en.lines().collect());
    for k in 0..n {
        let start = k % 8;
        let cut = |lines: &[&str]| lines[start..].join("\n").repeat(3);
        let name = format!("p{k:03}.txt");
        fs::write(dir.join("id").join(&name), cut(&id_lines)).expect("write");
        fs::write(dir.join("en").join(&name), cut(&en_lines)).expect("write");
    }
}

/// The files of `dir` (not its .padan records), by name.
fn outputs(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut files: Vec<(String, Vec<u8>)> = fs::read_dir(dir)
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .filter(|e| e.path().is_file())
                .map(|e| {
                    (
                        e.file_name().to_string_lossy().into_owned(),
                        fs::read(e.path()).unwrap_or_default(),
                    )
                })
                .collect()
        })
        .unwrap_or_default();
    files.sort();
    files
}

#[test]
fn resume_after_a_run_killed_halfway_gives_the_outputs_of_an_uninterrupted_run() {
    const PAIRS: usize = 96;
    let dir = temp_dir();
    many_pairs(dir.path(), PAIRS);
    let full = run(dir.path(), "full", &["--jobs", "1"]);
    assert_eq!(full.status.code(), Some(0), "{}", stderr(&full));

    // Kill a run as soon as its first pairs are recorded.
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_padan"))
        .current_dir(dir.path())
        .args([
            "batch",
            "--source-dir",
            "id",
            "--target-dir",
            "en",
            "--out-dir",
            "part",
            "--jobs",
            "1",
        ])
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("padan runs");
    let records = dir.path().join("part/.padan");
    // Complete records only: a record's temporary file may exist a moment before its rename.
    let recorded = || {
        fs::read_dir(&records).map_or(0, |entries| {
            entries
                .filter_map(Result::ok)
                .filter(|e| e.file_name().to_string_lossy().ends_with(".done.json"))
                .count()
        })
    };
    while recorded() == 0 {
        assert!(
            child.try_wait().ok().flatten().is_none(),
            "the run ended before it could be killed"
        );
        std::thread::sleep(std::time::Duration::from_millis(1));
    }
    child.kill().expect("kill");
    child.wait().expect("wait");
    let done = outputs(&dir.path().join("part"))
        .iter()
        .filter(|(name, _)| name.ends_with(".tsv"))
        .count();
    assert!(
        done > 0 && done < PAIRS,
        "{done} of {PAIRS} outputs when killed"
    );
    assert!(!dir.path().join("part/glossary.csv").exists());

    let resumed = run(dir.path(), "part", &["--jobs", "2", "--resume"]);
    assert_eq!(resumed.status.code(), Some(0), "{}", stderr(&resumed));
    let err = stderr(&resumed);
    assert!(
        err.contains(" kept from a previous run), 0 failed"),
        "{err}"
    );
    let (full, part) = (
        outputs(&dir.path().join("full")),
        outputs(&dir.path().join("part")),
    );
    assert_eq!(full.len(), PAIRS + 2);
    assert_eq!(
        full.iter().map(|f| &f.0).collect::<Vec<_>>(),
        part.iter().map(|f| &f.0).collect::<Vec<_>>(),
        "no temporary file is left behind"
    );
    for ((name, a), (_, b)) in full.iter().zip(&part) {
        assert!(a == b, "{name} differs after --resume");
    }
}

#[test]
fn resume_realigns_a_pair_whose_input_changed() {
    let dir = temp_dir();
    corpus(dir.path());
    run(dir.path(), "out", &[]);
    let before = fs::read(dir.path().join("out/b.tsv")).unwrap_or_default();
    fs::write(dir.path().join("en/b.txt"), "Only one sentence now.\n").expect("write");
    let output = run(dir.path(), "out", &["--resume"]);
    let err = stderr(&output);
    assert!(
        err.contains("padan batch: 3 pair(s) aligned (2 kept from a previous run), 3 failed"),
        "{err}"
    );
    let after = fs::read(dir.path().join("out/b.tsv")).unwrap_or_default();
    assert_ne!(before, after);
    assert!(String::from_utf8_lossy(&after).contains("Only one sentence now."));
}

#[test]
fn quiet_batch_prints_only_failures() {
    let dir = temp_dir();
    corpus(dir.path());
    let output = run(dir.path(), "out", &["--quiet"]);
    let err = stderr(&output);
    assert!(!err.contains("padan batch:"), "{err}");
    assert_eq!(err.lines().count(), 3, "{err}");
    assert!(
        err.lines().all(|l| l.starts_with("padan: batch: ")),
        "{err}"
    );
}

#[test]
fn no_glossary_skips_the_corpus_glossary_only() {
    let dir = temp_dir();
    corpus(dir.path());
    let output = run(dir.path(), "out", &["--no-glossary"]);
    assert!(stderr(&output)
        .ends_with("padan batch: 3 pair(s) aligned, 3 failed; outputs, summary.tsv in out\n"));
    assert!(!dir.path().join("out/glossary.csv").exists());
    assert!(dir.path().join("out/a.tsv").exists());
    assert!(dir.path().join("out/summary.tsv").exists());
}

#[cfg(unix)]
#[test]
fn progress_shows_on_a_terminal_and_never_in_a_pipe() {
    // util-linux `script` gives the run a pseudo-terminal; without it, say so and skip.
    let has_script = std::process::Command::new("script")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    if !has_script {
        eprintln!("skipped: no `script` command to give padan a terminal");
        return;
    }
    let dir = temp_dir();
    many_pairs(dir.path(), 40);
    let command = format!(
        "{} batch --source-dir id --target-dir en --out-dir tty --jobs 1",
        env!("CARGO_BIN_EXE_padan")
    );
    let output = std::process::Command::new("script")
        .current_dir(dir.path())
        .args(["-qec", &command, "/dev/null"])
        .output()
        .expect("script runs");
    let shown = String::from_utf8_lossy(&output.stdout);
    assert_eq!(output.status.code(), Some(0), "{shown}");
    assert!(shown.contains("/40 pairs, "), "{shown}");
    assert!(shown.contains(" sentences/s, "), "{shown}");
    assert!(
        shown.contains("padan batch: 40 pair(s) aligned, 0 failed"),
        "{shown}"
    );

    // The same run into a pipe: only the closing line.
    let output = run(dir.path(), "piped", &["--jobs", "1"]);
    assert_eq!(
        stderr(&output),
        "padan batch: 40 pair(s) aligned, 0 failed; outputs, glossary.csv and summary.tsv in piped\n"
    );
}
