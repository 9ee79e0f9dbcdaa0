//! Regressions of the bad-input hunt, one test per bug, named after what broke. Every run is
//! bounded by a timeout in the harness ([`padan_within`]): a hang fails the test instead of the
//! suite.

use std::fs;
use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use super::*;

/// Runs padan in `dir` and fails the test when it does not end within `seconds`.
fn padan_within(dir: &Path, args: &[&str], seconds: u64) -> std::process::Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_padan"))
        .current_dir(dir)
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("padan starts");
    // Drain the pipes on threads, so a large output cannot block the child.
    let mut out = child.stdout.take().expect("stdout");
    let mut err = child.stderr.take().expect("stderr");
    let out_thread = std::thread::spawn(move || {
        let mut bytes = Vec::new();
        std::io::Read::read_to_end(&mut out, &mut bytes).ok();
        bytes
    });
    let err_thread = std::thread::spawn(move || {
        let mut bytes = Vec::new();
        std::io::Read::read_to_end(&mut err, &mut bytes).ok();
        bytes
    });
    let start = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait") {
            break status;
        }
        if start.elapsed() > Duration::from_secs(seconds) {
            let _ = child.kill();
            let _ = child.wait();
            panic!("padan {args:?} hung: still running after {seconds} s");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    std::process::Output {
        status,
        stdout: out_thread.join().unwrap_or_default(),
        stderr: err_thread.join().unwrap_or_default(),
    }
}

fn temporary_files(dir: &Path) -> Vec<String> {
    fs::read_dir(dir)
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .filter(|n| n.starts_with(".padan-") && n.ends_with(".tmp"))
                .collect()
        })
        .unwrap_or_default()
}

/// A small corpus in `dir/id` and `dir/en`: the example, and its first half.
fn small_corpus(dir: &Path) {
    for side in ["id", "en"] {
        fs::create_dir_all(dir.join(side)).expect("mkdir");
        let text = fs::read_to_string(fixture(&format!("reykjavik/{side}.txt"))).expect("text");
        fs::write(dir.join(side).join("a.txt"), &text).expect("write");
        let half: Vec<&str> = text.lines().take(12).collect();
        fs::write(dir.join(side).join("b.txt"), half.join("\n")).expect("write");
    }
}

#[cfg(unix)]
#[test]
fn output_through_a_link_to_stdout_is_written_to_stdout_and_the_link_kept() {
    let dir = temp_dir();
    let (id, en) = example_pair();
    std::os::unix::fs::symlink("/proc/self/fd/1", dir.path().join("so")).expect("link");
    let file = fs::File::create(dir.path().join("out.tsv")).expect("out");
    let status = Command::new(env!("CARGO_BIN_EXE_padan"))
        .current_dir(dir.path())
        .args(["align", &id, &en, "-o", "so"])
        .stdout(file)
        .status()
        .expect("runs");
    assert!(status.success());
    let written = fs::read_to_string(dir.path().join("out.tsv")).unwrap_or_default();
    assert!(written.starts_with("bead\tsource_ids"), "{written}");
    assert!(fs::symlink_metadata(dir.path().join("so"))
        .expect("link")
        .file_type()
        .is_symlink());
    // /dev/stdout too: the device's link stays a link.
    let file = fs::File::create(dir.path().join("out2.tsv")).expect("out");
    let status = Command::new(env!("CARGO_BIN_EXE_padan"))
        .current_dir(dir.path())
        .args(["align", &id, &en, "-o", "/dev/stdout"])
        .stdout(file)
        .status()
        .expect("runs");
    assert!(status.success());
    assert_eq!(
        fs::read_to_string(dir.path().join("out2.tsv")).unwrap_or_default(),
        written
    );
    assert!(fs::symlink_metadata("/dev/stdout")
        .map(|m| m.file_type().is_symlink() || !m.is_file())
        .unwrap_or(true));
}

#[cfg(unix)]
#[test]
fn output_through_a_link_to_a_file_is_refused_and_the_file_untouched() {
    let dir = temp_dir();
    let (id, en) = example_pair();
    fs::write(dir.path().join("precious.txt"), "my work").expect("write");
    std::os::unix::fs::symlink("precious.txt", dir.path().join("out.tsv")).expect("link");
    let output = padan_within(dir.path(), &["align", &id, &en, "-o", "out.tsv"], 60);
    assert_eq!(
        stderr(&output),
        "padan: out.tsv: is a symbolic link (to precious.txt); padan does not write through \
         links, give the file's own path\n"
    );
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(
        fs::read_to_string(dir.path().join("precious.txt")).unwrap_or_default(),
        "my work"
    );
}

#[test]
fn batch_refuses_a_pair_whose_output_is_one_of_its_own_outputs() {
    for (name, format) in [
        ("summary", "tsv"),
        ("glossary", "csv"),
        ("corpus", "xlsx"),
        ("Summary", "tsv"),
    ] {
        let dir = temp_dir();
        small_corpus(dir.path());
        for side in ["id", "en"] {
            fs::rename(
                dir.path().join(side).join("b.txt"),
                dir.path().join(side).join(format!("{name}.txt")),
            )
            .expect("rename");
        }
        let output = padan_within(
            dir.path(),
            &[
                "batch",
                "--source-dir",
                "id",
                "--target-dir",
                "en",
                "--out-dir",
                "out",
                "-f",
                format,
                "-q",
            ],
            120,
        );
        let err = stderr(&output);
        assert!(
            err.starts_with("padan: out/") && err.contains("would be written twice"),
            "{name}.{format}: {err}"
        );
        assert_eq!(output.status.code(), Some(2));
        assert!(!dir.path().join("out").exists(), "nothing written");
    }
}

#[test]
fn batch_refuses_to_write_over_an_input_glossary_or_into_an_empty_out_dir() {
    let dir = temp_dir();
    small_corpus(dir.path());
    fs::create_dir_all(dir.path().join("out")).expect("mkdir");
    let reviewed = "source_term,target_term,status\nKTT,summit,approved\n";
    fs::write(dir.path().join("out/glossary.csv"), reviewed).expect("write");
    let args = [
        "batch",
        "--source-dir",
        "id",
        "--target-dir",
        "en",
        "--out-dir",
        "out",
        "-g",
        "out/glossary.csv",
        "-q",
    ];
    let output = padan_within(dir.path(), &args, 120);
    assert_eq!(
        stderr(&output),
        "padan: out/glossary.csv would be written as the corpus glossary, but it is the \
         glossary out/glossary.csv; padan never overwrites an input: choose another --out-dir, \
         or give the input another name\n"
    );
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(
        fs::read_to_string(dir.path().join("out/glossary.csv")).unwrap_or_default(),
        reviewed
    );
    let output = padan_within(
        dir.path(),
        &[
            "batch",
            "--source-dir",
            "id",
            "--target-dir",
            "en",
            "--out-dir",
            "",
            "-q",
        ],
        60,
    );
    assert_eq!(
        stderr(&output),
        "padan: --out-dir is empty; give the folder the outputs go to\n"
    );
    assert_eq!(output.status.code(), Some(2));
}

#[test]
fn an_unknown_review_status_is_an_error_not_an_approval() {
    let dir = temp_dir();
    let (id, en) = example_pair();
    for status in ["reject\u{200b}", "no", "x", "approved\u{200b}"] {
        fs::write(
            dir.path().join("g.csv"),
            format!("source_term,target_term,status\npertemuan puncak,meeting,{status}\n"),
        )
        .expect("write");
        let output = padan_within(dir.path(), &["check", &id, &en, "-g", "g.csv"], 60);
        assert!(
            stderr(&output).starts_with("padan: g.csv:2: the status"),
            "{status:?}"
        );
        assert_eq!(output.status.code(), Some(2));
    }
}

#[test]
fn resume_keeps_other_runs_temporary_files_and_sweeps_dead_ones() {
    let dir = temp_dir();
    small_corpus(dir.path());
    fs::create_dir_all(dir.path().join("out")).expect("mkdir");
    // A live process's file (this test's own pid) and a dead one's.
    let live = format!(".padan-{}-abc.tmp", std::process::id());
    let dead = ".padan-4000000000-abc.tmp";
    for name in [live.as_str(), dead] {
        fs::write(dir.path().join("out").join(name), "partial").expect("write");
    }
    let args = [
        "batch",
        "--source-dir",
        "id",
        "--target-dir",
        "en",
        "--out-dir",
        "out",
        "-q",
        "--no-glossary",
        "--resume",
    ];
    let output = padan_within(dir.path(), &args, 120);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(temporary_files(&dir.path().join("out")), [live]);
}

#[test]
fn resume_does_not_trust_an_output_emptied_since() {
    let dir = temp_dir();
    small_corpus(dir.path());
    let args = [
        "batch",
        "--source-dir",
        "id",
        "--target-dir",
        "en",
        "--out-dir",
        "out",
        "-q",
        "--no-glossary",
        "--resume",
    ];
    let output = padan_within(dir.path(), &args, 120);
    assert_eq!(output.status.code(), Some(0));
    let whole = fs::read(dir.path().join("out/a.tsv")).expect("output");
    fs::write(dir.path().join("out/a.tsv"), "").expect("empty it");
    let output = padan_within(dir.path(), &args, 120);
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(fs::read(dir.path().join("out/a.tsv")).ok(), Some(whole));
}

#[cfg(unix)]
fn mkfifo(path: &Path) {
    let status = Command::new("mkfifo").arg(path).status().expect("mkfifo");
    assert!(status.success());
}

#[cfg(unix)]
#[test]
fn a_fifo_among_the_sources_or_in_place_of_a_record_does_not_hang_the_batch() {
    let dir = temp_dir();
    small_corpus(dir.path());
    mkfifo(&dir.path().join("id/c.txt"));
    fs::write(dir.path().join("en/c.txt"), "One.").expect("write");
    let args = [
        "batch",
        "--source-dir",
        "id",
        "--target-dir",
        "en",
        "--out-dir",
        "out",
        "-q",
        "--no-glossary",
        "--resume",
    ];
    let output = padan_within(dir.path(), &args, 60);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output).contains(
            "padan: batch: c failed: id/c.txt: not a regular file (a pipe, a device or a \
             folder); give a file"
        ),
        "{}",
        stderr(&output)
    );
    // A pipe where a resume record should be: the pair is aligned again, nothing blocks.
    fs::remove_file(dir.path().join("out/.padan/a.done.json")).expect("remove");
    mkfifo(&dir.path().join("out/.padan/a.done.json"));
    let output = padan_within(dir.path(), &args, 60);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
}

#[cfg(unix)]
#[test]
fn batch_does_not_write_through_a_symlink_planted_in_the_out_dir() {
    let dir = temp_dir();
    small_corpus(dir.path());
    fs::create_dir_all(dir.path().join("out")).expect("mkdir");
    fs::write(dir.path().join("victim.txt"), "keep me").expect("write");
    std::os::unix::fs::symlink("../victim.txt", dir.path().join("out/a.tsv")).expect("link");
    let args = [
        "batch",
        "--source-dir",
        "id",
        "--target-dir",
        "en",
        "--out-dir",
        "out",
        "-q",
        "--no-glossary",
    ];
    let output = padan_within(dir.path(), &args, 120);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output).contains("padan: batch: a failed: out/a.tsv: is a symbolic link"),
        "{}",
        stderr(&output)
    );
    assert_eq!(
        fs::read_to_string(dir.path().join("victim.txt")).unwrap_or_default(),
        "keep me"
    );
}

#[test]
fn a_counts_file_cut_at_a_line_boundary_is_refused() {
    let dir = temp_dir();
    let (id, en) = example_pair();
    let output = padan_within(
        dir.path(),
        &["glossary", &id, &en, "--counts-out", "c.counts"],
        60,
    );
    assert_eq!(output.status.code(), Some(0));
    let text = fs::read_to_string(dir.path().join("c.counts")).expect("counts");
    let lines: Vec<&str> = text.lines().collect();
    fs::write(
        dir.path().join("cut.counts"),
        lines[..lines.len() / 2].join("\n") + "\n",
    )
    .expect("write");
    let output = padan_within(
        dir.path(),
        &["glossary", "--merge-counts", "cut.counts"],
        60,
    );
    assert_eq!(
        stderr(&output),
        format!(
            "padan: cut.counts:{}: the counts file ends before its end record: it was cut \
             short; write it again with padan glossary --counts-out\n",
            lines.len() / 2
        )
    );
    assert_eq!(output.status.code(), Some(2));
}

#[test]
fn a_long_presegmented_line_obeys_max_chars_and_stays_linear() {
    let dir = temp_dir();
    let line = "kata ulang ".repeat(30_000);
    fs::write(dir.path().join("a.id"), &line).expect("write");
    fs::write(
        dir.path().join("a.en"),
        line.replace("kata ulang", "word again"),
    )
    .expect("write");
    let output = padan_within(
        dir.path(),
        &["align", "a.id", "a.en", "--presegmented", "-f", "beads"],
        60,
    );
    assert_eq!(output.status.code(), Some(0));
    assert!(
        stderr(&output).contains("segment(s) longer than 2000 characters were cut"),
        "{}",
        stderr(&output)
    );
    assert!(stdout(&output).lines().count() > 100);
}

#[test]
fn a_glossary_of_a_parallel_file_with_a_huge_line_stays_bounded() {
    let dir = temp_dir();
    let mut id = "Gedung Putih mengumumkan sanksi.\n".repeat(3);
    let mut en = "The White House announced sanctions.\n".repeat(3);
    id.push_str(&"kata lain ".repeat(140_000));
    en.push_str(&"other word ".repeat(140_000));
    fs::write(dir.path().join("p.id"), id).expect("write");
    fs::write(dir.path().join("p.en"), en).expect("write");
    let output = padan_within(dir.path(), &["glossary", "--parallel", "p.id", "p.en"], 60);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let text = stdout(&output);
    assert!(text.contains("\nGedung Putih mengumumkan sanksi,White House announced sanctions,"));
    // Examples are cut to a readable length.
    assert!(
        text.lines().all(|l| l.chars().count() < 2_500),
        "a row of a megabyte"
    );
}

#[cfg(unix)]
#[test]
fn sigterm_leaves_no_temporary_file_and_a_killed_runs_file_is_swept() {
    let dir = temp_dir();
    for (signal, code) in [("-TERM", 130), ("-INT", 130)] {
        // A streaming run holds its output open while it waits for records.
        let mut child = Command::new(env!("CARGO_BIN_EXE_padan"))
            .current_dir(dir.path())
            .args(["align", "--jsonl-in", "-", "-o", "out.jsonl"])
            .stdin(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("runs");
        let mut stdin = child.stdin.take().expect("stdin");
        writeln!(
            stdin,
            "{{\"id\":1,\"source\":\"Satu.\",\"target\":\"One.\"}}"
        )
        .expect("write");
        let start = Instant::now();
        while temporary_files(dir.path()).is_empty() && start.elapsed() < Duration::from_secs(30) {
            std::thread::sleep(Duration::from_millis(5));
        }
        assert_eq!(temporary_files(dir.path()).len(), 1, "{signal}");
        Command::new("kill")
            .args([signal, &child.id().to_string()])
            .status()
            .expect("kill");
        let status = child.wait().expect("wait");
        drop(stdin);
        assert_eq!(status.code(), Some(code), "{signal}");
        assert!(temporary_files(dir.path()).is_empty(), "{signal}");
        assert!(!dir.path().join("out.jsonl").exists());
    }
    // kill -9 cannot be caught: its file stays until the next run in that folder.
    fs::write(
        dir.path().join(".padan-4000000001-x.tmp"),
        "left by kill -9",
    )
    .expect("write");
    let (id, en) = example_pair();
    let output = padan_within(dir.path(), &["align", &id, &en, "-o", "out.tsv"], 60);
    assert_eq!(output.status.code(), Some(0));
    assert!(temporary_files(dir.path()).is_empty());
}

#[test]
fn jsonl_in_reads_past_a_byte_order_mark_and_echoes_ids_verbatim() {
    let dir = temp_dir();
    let records = "\u{feff}{\"id\":123456789012345678901234567890,\"source\":\"Satu.\",\"target\":\"One.\"}\n\
        {\"id\":1.10,\"source\":\"Dua.\",\"target\":\"Two.\"}\n\
        {\"id\":1E2,\"source\":\"Tiga.\",\"target\":\"Three.\"}\n\
        {\"id\":{\"doc\":\"a\" , \"n\":[1,2]},\"source\":\"Empat.\",\"target\":\"Four.\"}\n";
    fs::write(dir.path().join("in.jsonl"), records).expect("write");
    let output = padan_within(dir.path(), &["align", "--jsonl-in", "in.jsonl"], 60);
    assert_eq!(stderr(&output), "");
    assert_eq!(output.status.code(), Some(0));
    let text = stdout(&output);
    let ids: Vec<&str> = text
        .lines()
        .map(|l| l.split(",\"beads\"").next().unwrap_or_default())
        .collect::<Vec<_>>()
        .into_iter()
        .map(|l| l.trim_start_matches("{\"id\":"))
        .collect();
    assert_eq!(
        ids,
        [
            "123456789012345678901234567890",
            "1.10",
            "1E2",
            "{\"doc\":\"a\" , \"n\":[1,2]}"
        ]
    );
}

#[test]
fn max_chars_zero_and_a_thousand_jobs_are_refused() {
    let dir = temp_dir();
    let (id, en) = example_pair();
    let output = padan_within(dir.path(), &["align", &id, &en, "--max-chars", "0"], 30);
    assert!(
        stderr(&output).contains("\"0\" is not a length: give a number of characters, 1 or more"),
        "{}",
        stderr(&output)
    );
    assert_eq!(output.status.code(), Some(2));
    let output = padan_within(
        dir.path(),
        &[
            "batch",
            "--source-dir",
            "id",
            "--target-dir",
            "en",
            "--out-dir",
            "o",
            "-j",
            "100000",
        ],
        30,
    );
    assert!(stderr(&output).contains("100000"), "{}", stderr(&output));
    assert_eq!(output.status.code(), Some(2));
}

#[test]
fn a_line_break_tab_or_direction_override_in_a_pair_name_is_made_safe() {
    let dir = temp_dir();
    small_corpus(dir.path());
    let manifest = "source,target,name\nid/a.txt,en/a.txt,\"two\nlines\ttab\"\nid/b.txt,en/b.txt,\"evil\u{202e}txt.exe\"\n";
    fs::write(dir.path().join("m.csv"), manifest).expect("write");
    let output = padan_within(
        dir.path(),
        &[
            "batch",
            "--manifest",
            "m.csv",
            "--out-dir",
            "out",
            "-f",
            "xlsx",
            "-q",
            "--no-glossary",
        ],
        120,
    );
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let summary = fs::read_to_string(dir.path().join("out/summary.tsv")).expect("summary");
    assert_eq!(summary.lines().count(), 3, "{summary}");
    assert!(summary.contains("two_lines_tab\tok\t") && summary.contains("evil_txt.exe\tok\t"));
    assert!(dir.path().join("out/evil_txt.exe.xlsx").exists());
}

#[test]
fn many_names_alike_still_make_a_corpus_workbook() {
    let dir = temp_dir();
    let mut manifest = String::from("source,target,name\n");
    small_corpus(dir.path());
    for k in 0..120 {
        manifest.push_str(&format!(
            "id/b.txt,en/b.txt,a-very-long-document-name-of-{k:03}\n"
        ));
    }
    fs::write(dir.path().join("m.csv"), manifest).expect("write");
    let output = padan_within(
        dir.path(),
        &[
            "batch",
            "--manifest",
            "m.csv",
            "--out-dir",
            "out",
            "-f",
            "xlsx",
            "-q",
            "--no-glossary",
        ],
        300,
    );
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(dir.path().join("out/corpus.xlsx").exists());
}

#[test]
fn eval_is_linear_in_the_width_of_a_bead() {
    let dir = temp_dir();
    let wide: Vec<String> = (0..12_000).map(|i| i.to_string()).collect();
    let bead = format!("[{}]:[{}]\n", wide.join(", "), wide.join(", "));
    fs::write(dir.path().join("gold"), &bead).expect("write");
    let test: String = (0..12_000).map(|i| format!("[{i}]:[{i}]\n")).collect();
    fs::write(dir.path().join("test"), test).expect("write");
    let output = padan_within(dir.path(), &["eval", "gold", "test"], 20);
    assert_eq!(output.status.code(), Some(0));
    assert!(
        stdout(&output).contains("strict_f1=0.0000"),
        "{}",
        stdout(&output)
    );
}

#[test]
fn a_glossary_of_ten_thousand_columns_reads_in_linear_time() {
    let dir = temp_dir();
    let (id, en) = example_pair();
    let names: Vec<String> = (0..10_000).map(|k| format!("note{k}")).collect();
    let mut glossary = format!("source_term,target_term,{}\n", names.join(","));
    for _ in 0..20 {
        glossary.push_str(&format!("KTT,summit,{}\n", vec!["x"; 10_000].join(",")));
    }
    fs::write(dir.path().join("g.csv"), glossary).expect("write");
    let output = padan_within(
        dir.path(),
        &["glossary", &id, &en, "--reviewed", "g.csv", "-o", "out.csv"],
        30,
    );
    assert_eq!(output.status.code(), Some(0));
}

#[test]
fn a_cell_longer_than_a_spreadsheet_holds_is_refused_before_aligning() {
    let dir = temp_dir();
    let (id, en) = example_pair();
    let output = padan_within(
        dir.path(),
        &["align", &id, &en, "--max-chars", "50000", "-o", "r.xlsx"],
        30,
    );
    assert_eq!(
        stderr(&output),
        "padan: --max-chars 50000 can make a cell longer than the 32767 characters a \
         spreadsheet cell holds; with --format xlsx use --max-chars 10921 or less\n"
    );
    assert_eq!(output.status.code(), Some(2));
    assert!(!dir.path().join("r.xlsx").exists());
}

#[cfg(unix)]
#[test]
fn a_symlink_in_a_source_folder_is_reported_not_followed() {
    let dir = temp_dir();
    small_corpus(dir.path());
    fs::write(dir.path().join("secret.txt"), "Rahasia.").expect("write");
    std::os::unix::fs::symlink("../secret.txt", dir.path().join("id/c.txt")).expect("link");
    fs::write(dir.path().join("en/c.txt"), "Secret.").expect("write");
    let output = padan_within(
        dir.path(),
        &[
            "batch",
            "--source-dir",
            "id",
            "--target-dir",
            "en",
            "--out-dir",
            "out",
            "-q",
            "--no-glossary",
        ],
        120,
    );
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output).contains(
            "padan: batch: c failed: id/c.txt: a symbolic link; padan does not follow links in \
             a folder, copy the file in or name it in a manifest"
        ),
        "{}",
        stderr(&output)
    );
    assert!(!dir.path().join("out/c.tsv").exists());
}

#[test]
fn jsonl_in_with_a_record_in_a_bom_only_file_ends() {
    let dir = temp_dir();
    let mut file = fs::File::create(dir.path().join("in.jsonl")).expect("create");
    file.write_all(b"\xEF\xBB\xBF\n").expect("write");
    drop(file);
    let output = padan_within(dir.path(), &["align", "--jsonl-in", "in.jsonl"], 20);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(stdout(&output), "");
}
