//! Integration tests: the built `padan` binary run in a temporary directory, with stdout,
//! stderr and exit code checked exactly.

// A test that cannot set up its files should stop there, loudly.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// Every subcommand; each must have `--help` with an example.
const COMMANDS: &[&str] = &["segment", "align", "eval", "glossary", "check", "batch"];

mod bad_inputs;
mod batch;
mod check;
mod cluster;
mod exports;
mod inputs;
mod regression;
mod review;
mod spark;

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");
const EXPECTED: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/expected");

fn fixture(path: &str) -> PathBuf {
    Path::new(FIXTURES).join(path)
}

fn padan(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_padan"))
        .current_dir(dir)
        .args(args)
        .output()
        .expect("the padan binary runs")
}

fn temp_dir() -> tempfile::TempDir {
    tempfile::tempdir().expect("a temporary directory")
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// Runs padan on a file holding `bytes` and checks it fails with exactly `message`.
fn assert_input_error(bytes: &[u8], message: &str) {
    let dir = temp_dir();
    fs::write(dir.path().join("in.txt"), bytes).expect("write input");
    let output = padan(dir.path(), &["segment", "in.txt", "--lang", "id"]);
    assert_eq!(
        stderr(&output),
        format!("padan: {message}\n"),
        "input {bytes:?}"
    );
    assert_eq!(output.status.code(), Some(2), "input {bytes:?}");
    assert_eq!(stdout(&output), "", "input {bytes:?}");
}

#[test]
fn segment_reproduces_the_gold_sentences_of_the_example() {
    for lang in ["id", "en"] {
        let dir = temp_dir();
        let input = fixture(&format!("reykjavik/{lang}.txt"));
        let output = padan(
            dir.path(),
            &[
                "segment",
                input.to_str().unwrap_or_default(),
                "--lang",
                lang,
            ],
        );
        let gold = fs::read_to_string(fixture(&format!("reykjavik/{lang}.sents"))).expect("gold");
        assert_eq!(stderr(&output), "", "lang {lang}");
        assert_eq!(stdout(&output), gold, "lang {lang}");
        assert_eq!(output.status.code(), Some(0), "lang {lang}");
    }
}

#[test]
fn segment_jsonl_gives_spans_lines_and_columns_into_the_original() {
    let dir = temp_dir();
    let text = "\u{feff}Ketegangan Arktik\r\nDr. Ali datang. “Ya,” katanya.";
    fs::write(dir.path().join("in.txt"), text).expect("write input");
    let output = padan(dir.path(), &["segment", "in.txt", "--format", "jsonl"]);
    let expected = concat!(
        r#"{"text":"Ketegangan Arktik","start":3,"end":20,"line":1,"column":1,"paragraph":0,"heading":true}"#,
        "\n",
        r#"{"text":"Dr. Ali datang.","start":22,"end":37,"line":2,"column":1,"paragraph":1,"heading":false}"#,
        "\n",
        r#"{"text":"“Ya,” katanya.","start":38,"end":56,"line":2,"column":17,"paragraph":1,"heading":false}"#,
        "\n",
    );
    assert_eq!(stdout(&output), expected);
    let bytes = text.as_bytes();
    assert_eq!(&bytes[38..56], "“Ya,” katanya.".as_bytes());
    assert_eq!(output.status.code(), Some(0));
}

#[test]
fn segment_writes_the_output_file_atomically_and_refuses_to_overwrite_its_input() {
    let dir = temp_dir();
    fs::write(dir.path().join("in.txt"), "Satu. Dua.").expect("write input");
    let output = padan(dir.path(), &["segment", "in.txt", "-o", "out.txt"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(
        fs::read_to_string(dir.path().join("out.txt"))
            .ok()
            .as_deref(),
        Some("Satu.\nDua.\n")
    );

    let output = padan(dir.path(), &["segment", "in.txt", "-o", "./in.txt"]);
    assert_eq!(
        stderr(&output),
        "padan: ./in.txt: the output is also an input; padan never overwrites an input, \
         choose another -o path\n"
    );
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(
        fs::read_to_string(dir.path().join("in.txt"))
            .ok()
            .as_deref(),
        Some("Satu. Dua.")
    );
    let leftovers: Vec<_> = fs::read_dir(dir.path())
        .expect("list dir")
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|name| name.ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "temporary files left: {leftovers:?}");
}

/// Regression: outputs were written through a private temporary file and kept its 0600 mode,
/// so a colleague could not read a shared review file.
#[cfg(unix)]
#[test]
fn outputs_get_ordinary_file_permissions_not_the_temporary_files() {
    use std::os::unix::fs::PermissionsExt;
    let dir = temp_dir();
    fs::write(dir.path().join("in.txt"), "Satu. Dua.\n").expect("write input");
    let output = padan(dir.path(), &["segment", "in.txt", "-o", "out.txt"]);
    assert_eq!(output.status.code(), Some(0));
    let mode = |name: &str| {
        fs::metadata(dir.path().join(name))
            .map(|m| m.permissions().mode() & 0o777)
            .unwrap_or(0)
    };
    // As the input was created by this process: 0666 less the umask, whatever it is here.
    assert_eq!(mode("out.txt"), mode("in.txt"));
    // A replaced output keeps the mode it had.
    let _ = fs::set_permissions(
        dir.path().join("out.txt"),
        fs::Permissions::from_mode(0o640),
    );
    let output = padan(dir.path(), &["segment", "in.txt", "-o", "out.txt"]);
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(mode("out.txt"), 0o640);
}

#[test]
fn bad_inputs_get_a_clear_message_and_exit_code_2() {
    assert_input_error(
        b"",
        "in.txt: the file is empty, give a file with text to work on",
    );
    assert_input_error(
        b"  \n\t\r\n",
        "in.txt: the file holds only whitespace, give a file with text to work on",
    );
    assert_input_error(
        b"\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00\x02\x00",
        "in.txt: looks like a binary file (it contains NUL bytes), give a plain-text file",
    );
    assert_input_error(
        b"%PDF-1.4\n%binary",
        "in.txt: a PDF document, not a text padan reads; extract its text first, e.g. \
         pdftotext -layout article.pdf article.txt, and give the .txt",
    );
}

#[test]
fn bytes_that_are_not_utf8_are_read_in_the_encoding_they_suggest_with_a_warning() {
    let dir = temp_dir();
    fs::write(
        dir.path().join("in.txt"),
        b"Baris satu.\nKafe di Bandung \xE9nak.\n",
    )
    .expect("write");
    let output = padan(dir.path(), &["segment", "in.txt"]);
    assert_eq!(
        stderr(&output),
        "padan: warning: in.txt: not UTF-8; read as windows-1252 (a guess from its bytes); if \
         the text looks wrong, name its encoding with --encoding (for example --encoding \
         windows-1252)\n"
    );
    assert_eq!(stdout(&output), "Baris satu.\nKafe di Bandung énak.\n");
    assert_eq!(output.status.code(), Some(0));
    // Named UTF-8, the same bytes are an error naming line and column.
    let output = padan(dir.path(), &["segment", "in.txt", "--encoding", "utf-8"]);
    assert_eq!(
        stderr(&output),
        "padan: in.txt:2:17: not UTF-8, though --encoding says it is; name the file's encoding \
         (for example --encoding windows-1252), or leave --encoding out to have it guessed\n"
    );
    assert_eq!(output.status.code(), Some(2));
}

#[test]
fn a_missing_file_names_the_path() {
    let dir = temp_dir();
    let output = padan(dir.path(), &["segment", "nope.txt"]);
    let message = stderr(&output);
    assert!(
        message.starts_with("padan: nope.txt: cannot read: "),
        "{message}"
    );
    assert!(message.ends_with(", check the path\n"), "{message}");
    assert_eq!(output.status.code(), Some(2));
}

#[test]
fn legacy_and_utf16_encodings_are_read() {
    let dir = temp_dir();
    fs::write(dir.path().join("latin.txt"), b"Kafe \xE9nak. Dua.").expect("write");
    let output = padan(
        dir.path(),
        &["segment", "latin.txt", "--encoding", "windows-1252"],
    );
    assert_eq!(stdout(&output), "Kafe énak.\nDua.\n");

    let text = "Satu “kata”. Dua.";
    for (name, bom, big_endian) in [
        ("le-bom", true, false),
        ("be-bom", true, true),
        ("le", false, false),
    ] {
        let mut bytes = Vec::new();
        let units = std::iter::once(0xFEFF_u16)
            .filter(|_| bom)
            .chain(text.encode_utf16());
        for unit in units {
            bytes.extend_from_slice(&if big_endian {
                unit.to_be_bytes()
            } else {
                unit.to_le_bytes()
            });
        }
        fs::write(dir.path().join("u16.txt"), &bytes).expect("write");
        let output = padan(dir.path(), &["segment", "u16.txt"]);
        assert_eq!(stdout(&output), "Satu “kata”.\nDua.\n", "case {name}");
        assert_eq!(output.status.code(), Some(0), "case {name}");
    }

    let output = padan(
        dir.path(),
        &["segment", "latin.txt", "--encoding", "klingon"],
    );
    assert_eq!(
        stderr(&output),
        "padan: unknown encoding \"klingon\", use a label such as utf-8, windows-1252 or latin1\n"
    );
}

#[test]
fn stdin_is_read_for_a_dash() {
    use std::io::Write;
    let mut child = Command::new(env!("CARGO_BIN_EXE_padan"))
        .args(["segment", "-", "--lang", "en"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("spawn");
    if let Some(mut stdin) = child.stdin.take() {
        stdin
            .write_all(b"Mr. Smith left. He was late.")
            .expect("write stdin");
    }
    let output = child.wait_with_output().expect("wait");
    assert_eq!(stdout(&output), "Mr. Smith left.\nHe was late.\n");
}

#[test]
fn every_command_has_help_with_an_example() {
    let dir = temp_dir();
    for command in COMMANDS {
        let output = padan(dir.path(), &[command, "--help"]);
        assert!(
            stdout(&output).contains("Example"),
            "padan {command} --help"
        );
        assert_eq!(output.status.code(), Some(0));
    }
}

/// The example's raw Indonesian and English texts, as paths.
/// `glossary` (padan's CSV) with the status of the row starting `source,target,` set to
/// `status`, as a reviewer would in a spreadsheet; whatever its score.
fn set_status(glossary: &str, pair: &str, status: &str) -> String {
    glossary
        .lines()
        .map(|line| {
            if line.starts_with(&format!("{pair},")) {
                line.replacen(",proposed,", &format!(",{status},"), 1)
            } else {
                line.to_owned()
            }
        })
        .map(|line| line + "\n")
        .collect()
}

fn example_pair() -> (String, String) {
    (
        fixture_str("reykjavik/id.txt"),
        fixture_str("reykjavik/en.txt"),
    )
}

fn fixture_str(path: &str) -> String {
    fixture(path).to_string_lossy().into_owned()
}

/// The shared data directory beside the checkout, when it is there (CI has it).
fn shared() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared");
    if dir.join("eval/score.py").exists() {
        Some(dir)
    } else {
        // Past the test harness's capture, so the skip shows in `cargo test`'s output.
        use std::io::Write;
        let _ = writeln!(
            std::io::stderr(),
            "skipped: ../shared is absent (this test needs the shared evaluation sets)"
        );
        None
    }
}

#[test]
fn align_reproduces_the_gold_alignment_of_the_example_presegmented() {
    let dir = temp_dir();
    let output = padan(
        dir.path(),
        &[
            "align",
            &fixture_str("reykjavik/id.sents"),
            &fixture_str("reykjavik/en.sents"),
            "--presegmented",
            "--format",
            "beads",
        ],
    );
    let gold = fs::read_to_string(fixture("reykjavik/gold.align")).unwrap_or_default();
    assert_eq!(stderr(&output), "");
    assert_eq!(stdout(&output), gold);
    assert_eq!(output.status.code(), Some(0));
}

#[test]
fn align_reproduces_the_gold_alignment_of_the_example_from_raw_text() {
    let dir = temp_dir();
    let output = padan(
        dir.path(),
        &[
            "align",
            &fixture_str("reykjavik/id.txt"),
            &fixture_str("reykjavik/en.txt"),
            "-f",
            "beads",
            "-o",
            "test.align",
        ],
    );
    assert_eq!(stderr(&output), "");
    assert_eq!(output.status.code(), Some(0));
    let gold = fixture_str("reykjavik/gold.align");
    let output = padan(dir.path(), &["eval", &gold, "test.align"]);
    assert_eq!(
        stdout(&output),
        "strict P=1.000 R=1.000 F1=1.000  lax P=1.000 R=1.000 F1=1.000\nstrict_f1=1.0000\n"
    );
}

#[test]
fn eval_of_jsonl_beads_reports_how_honest_the_confidences_are() {
    let dir = temp_dir();
    let output = padan(
        dir.path(),
        &[
            "align",
            &fixture_str("reykjavik/id.txt"),
            &fixture_str("reykjavik/en.txt"),
            "-o",
            "test.jsonl",
        ],
    );
    assert_eq!(output.status.code(), Some(0));
    let gold = fixture_str("reykjavik/gold.align");
    let output = padan(dir.path(), &["eval", &gold, "test.jsonl"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let text = stdout(&output);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines[1], "strict_f1=1.0000");
    // Four bands whose beads add up to the 30 of the example, every one of them right.
    let beads: usize = lines[2..6]
        .iter()
        .map(|l| {
            assert!(l.starts_with("confidence ["), "{l}");
            let n = l.split(": ").nth(1).and_then(|r| r.split(' ').next());
            n.and_then(|n| n.parse::<usize>().ok()).unwrap_or(0)
        })
        .sum();
    assert_eq!(beads, 30);
    assert!(lines[5].ends_with("precision 1.000"), "{}", lines[5]);
    let ece: f64 = lines[6]
        .strip_prefix("expected_calibration_error=")
        .and_then(|v| v.parse().ok())
        .expect("an expected calibration error");
    assert!((0.0..0.05).contains(&ece), "{ece}");
    // A malformed JSON line is an error naming the file and line.
    fs::write(
        dir.path().join("bad.jsonl"),
        "{\"source\":[0],\"target\":[0]}\n{oops\n",
    )
    .expect("write");
    let output = padan(dir.path(), &["eval", &gold, "bad.jsonl"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("bad.jsonl:2: expected a bead"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn align_tsv_has_a_header_and_one_row_a_bead() {
    let dir = temp_dir();
    let output = padan(
        dir.path(),
        &[
            "align",
            &fixture_str("reykjavik/id.txt"),
            &fixture_str("reykjavik/en.txt"),
        ],
    );
    let text = stdout(&output);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(
        lines[0],
        "bead\tsource_ids\ttarget_ids\tconfidence\tsource\ttarget"
    );
    assert_eq!(lines.len(), 1 + 30);
    assert!(lines[1].starts_with("1\t1\t1,2\t"), "{}", lines[1]);
    assert!(lines[30].starts_with("30\t\t34\t"), "{}", lines[30]);
    assert!(
        lines[30].ends_with("\t\tSource: News agencies"),
        "{}",
        lines[30]
    );
}

#[test]
fn swapped_languages_are_refused_unless_forced() {
    let dir = temp_dir();
    let (id, en) = example_pair();
    let output = padan(dir.path(), &["align", &en, &id, "-f", "beads"]);
    assert_eq!(
        stderr(&output),
        format!(
            "padan: {en} looks English and {id} looks Indonesian, but the first file should be \
             Indonesian (--source-lang id); swap the files, or pass --force to align them as they are\n"
        )
    );
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(stdout(&output), "");
    let output = padan(dir.path(), &["align", &en, &id, "-f", "beads", "--force"]);
    assert!(
        stderr(&output).starts_with("padan: warning: "),
        "{}",
        stderr(&output)
    );
    assert_eq!(output.status.code(), Some(0));
    let output = padan(
        dir.path(),
        &[
            "align",
            &en,
            &id,
            "-f",
            "beads",
            "--source-lang",
            "en",
            "--target-lang",
            "id",
        ],
    );
    assert_eq!(stderr(&output), "");
    assert_eq!(output.status.code(), Some(0));
}

#[test]
fn a_lopsided_pair_is_aligned_with_a_warning() {
    let dir = temp_dir();
    fs::write(dir.path().join("short.txt"), "Lavrov tidak menjawab.").unwrap_or_default();
    let en = fixture_str("reykjavik/en.txt");
    let output = padan(dir.path(), &["align", "short.txt", &en, "-f", "beads"]);
    assert_eq!(
        stderr(&output),
        format!(
            "padan: warning: short.txt has 1 segments and {en} has 34: one side is much longer \
             than the other; aligning anyway, expect many unaligned segments\n"
        )
    );
    assert_eq!(stdout(&output).lines().count(), 34);
    assert_eq!(output.status.code(), Some(0));
}

#[test]
fn a_user_glossary_is_read_and_a_malformed_one_names_its_line() {
    let dir = temp_dir();
    let (id, en) = example_pair();
    fs::write(
        dir.path().join("g.csv"),
        "\u{feff}source_term;target_term;status\r\nKTT;summit;approved\r\n",
    )
    .unwrap_or_default();
    let output = padan(
        dir.path(),
        &["align", &id, &en, "-g", "g.csv", "-f", "beads"],
    );
    assert_eq!(stderr(&output), "");
    assert_eq!(output.status.code(), Some(0));
    fs::write(
        dir.path().join("bad.csv"),
        "source_term,target_term\nKTT,summit\nsanksi\n",
    )
    .unwrap_or_default();
    let output = padan(dir.path(), &["align", &id, &en, "-g", "bad.csv"]);
    assert_eq!(
        stderr(&output),
        "padan: bad.csv:3: expected 2 columns (source_term,target_term), found 1: is a delimiter \
         missing, or is the file tab or semicolon separated?\n"
    );
    assert_eq!(output.status.code(), Some(2));
}

#[test]
fn eval_rejects_an_odd_number_of_files_and_malformed_beads() {
    let dir = temp_dir();
    let gold = fixture_str("reykjavik/gold.align");
    let output = padan(dir.path(), &["eval", &gold]);
    assert_eq!(
        stderr(&output),
        "padan: padan eval takes pairs of files, GOLD TEST [GOLD TEST ...]; got 1 file(s)\n"
    );
    fs::write(dir.path().join("t.align"), "[0]:[0]\n0 -> 1\n").unwrap_or_default();
    let output = padan(dir.path(), &["eval", &gold, "t.align"]);
    assert_eq!(
        stderr(&output),
        "padan: t.align:2: expected a bead such as [0, 1]:[2], found \"0 -> 1\"\n"
    );
    assert_eq!(output.status.code(), Some(2));
}

/// padan eval and the reference score.py agree on every shared set, on padan's own output.
#[test]
fn eval_agrees_with_the_reference_scorer_on_the_shared_sets() {
    let Some(shared) = shared() else { return };
    if Command::new("python3").arg("--version").output().is_err() {
        eprintln!("skipped: python3 is not installed (needed to run score.py)");
        return;
    }
    let dir = temp_dir();
    for set in ["flores-hard", "tico-hard", "tico-long"] {
        let set_dir = shared.join("eval").join(set);
        let mut names: Vec<String> = fs::read_dir(&set_dir)
            .map(|entries| {
                entries
                    .filter_map(|e| e.ok())
                    .filter_map(|e| {
                        e.file_name()
                            .to_str()?
                            .strip_suffix(".gold")
                            .map(str::to_owned)
                    })
                    .collect()
            })
            .unwrap_or_default();
        names.sort();
        assert!(!names.is_empty(), "no documents in {}", set_dir.display());
        let mut files: Vec<String> = Vec::new();
        for name in &names {
            let test = dir.path().join(format!("{set}-{name}.align"));
            let file = |ext: &str| {
                set_dir
                    .join(format!("{name}.{ext}"))
                    .to_string_lossy()
                    .into_owned()
            };
            let output = padan(
                dir.path(),
                &[
                    "align",
                    &file("id"),
                    &file("en"),
                    "--presegmented",
                    "--allow-empty",
                    "-f",
                    "beads",
                    "-o",
                    &test.to_string_lossy(),
                ],
            );
            assert_eq!(
                output.status.code(),
                Some(0),
                "{set}/{name}: {}",
                stderr(&output)
            );
            files.push(file("gold"));
            files.push(test.to_string_lossy().into_owned());
        }
        let ours = padan(
            dir.path(),
            &[
                &["eval"],
                &files.iter().map(String::as_str).collect::<Vec<_>>()[..],
            ]
            .concat(),
        );
        let reference = Command::new("python3")
            .arg(shared.join("eval/score.py"))
            .args(&files)
            .output()
            .expect("python3 runs");
        assert_eq!(stdout(&ours), stdout(&reference), "set {set}");
        let f1: f64 = stdout(&ours)
            .lines()
            .find_map(|l| l.strip_prefix("strict_f1="))
            .and_then(|v| v.parse().ok())
            .unwrap_or(0.0);
        assert!(f1 >= 0.95, "set {set}: strict F1 {f1} below 0.95");
    }
}

#[test]
fn glossary_of_the_example_matches_its_golden_file() {
    let dir = temp_dir();
    let (id, en) = example_pair();
    let output = padan(dir.path(), &["glossary", &id, &en]);
    let golden = fs::read_to_string(Path::new(FIXTURES).join("../expected/reykjavik.glossary.csv"))
        .unwrap_or_default();
    assert_eq!(stderr(&output), "");
    assert_eq!(stdout(&output), golden);
    let text = stdout(&output);
    let header = text.lines().next().unwrap_or_default();
    assert_eq!(
        header,
        "source_term,target_term,kind,score,count,source_count,target_count,status,example_source,example_target,note,proposed_target"
    );
    // Every pair the example's README lists, as the text has it: the English says "would not
    // sanction" (not sanctions), and *jalur pipa* does not occur (*pipa gas* and *pipa* do).
    for expected in [
        "pertemuan puncak,summit,",
        "KTT,summit,",
        "Menteri Luar Negeri,foreign minister,",
        "Menteri Luar Negeri,Secretary of State,",
        "Gedung Putih,White House,",
        "Dewan Arktik,Arctic Council,",
        "Departemen Luar Negeri,State Department,",
        "juru bicara,spokesperson,",
        "pemanasan global,global warming,",
        "stabilitas strategis,strategic stability,",
        "pipa gas,gas pipeline,",
        "pipa,pipeline,",
        "sanksi,sanction,",
        "Kutub Utara,Arctic,",
    ] {
        let rank = text.lines().skip(1).position(|l| l.starts_with(expected));
        assert!(rank.is_some_and(|r| r < 40), "{expected} at {rank:?}");
    }
}

#[test]
fn glossary_review_round_trip_keeps_every_edit() {
    let dir = temp_dir();
    let (id, en) = example_pair();
    let output = padan(dir.path(), &["glossary", &id, &en, "-o", "g.csv"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    // A reviewer's spreadsheet: approved, rejected, an edited target, a rejected source, an
    // added row and an extra column, saved with a byte-order mark, CRLF and semicolons.
    let reviewed = "\u{feff}source_term;target_term;status;reviewer comment\r\n\
        Gedung Putih;White House;approved;ok\r\n\
        juru bicara;spokesman;approved;house style\r\n\
        hari Senin;Monday;rejected;not a term\r\n\
        wartawan;;rejected;never propose\r\n\
        KTT;summit;added;added by hand\r\n";
    fs::write(dir.path().join("reviewed.csv"), reviewed).unwrap_or_default();
    let output = padan(
        dir.path(),
        &[
            "glossary",
            &id,
            &en,
            "--reviewed",
            "reviewed.csv",
            "-o",
            "g2.csv",
        ],
    );
    assert_eq!(stderr(&output), "");
    assert_eq!(output.status.code(), Some(0));
    let text = fs::read_to_string(dir.path().join("g2.csv")).unwrap_or_default();
    let lines: Vec<&str> = text.lines().collect();
    assert!(
        lines[0].ends_with(",note,proposed_target,reviewer comment"),
        "{}",
        lines[0]
    );
    assert_eq!(lines[1], "Gedung Putih,White House,,,,,,approved,,,,,ok");
    assert_eq!(
        lines[2],
        "juru bicara,spokesman,,,,,,approved,,,,,house style"
    );
    assert_eq!(lines[3], "hari Senin,Monday,,,,,,rejected,,,,,not a term");
    assert_eq!(lines[4], "wartawan,,,,,,,rejected,,,,,never propose");
    assert_eq!(lines[5], "KTT,summit,,,,,,added,,,,,added by hand");
    let proposals = &lines[6..];
    assert!(proposals.iter().all(|l| l.contains(",proposed,")));
    for gone in [
        "Gedung Putih,White House,",
        "hari Senin,Monday,",
        "wartawan,",
    ] {
        assert!(
            !proposals.iter().any(|l| l.starts_with(gone)),
            "{gone} proposed again"
        );
    }
    // The reviewed file updated in place: every row it had, as written, in its own flavour
    // (byte-order mark, CRLF, semicolons), the new proposals after them.
    let output = padan(
        dir.path(),
        &[
            "glossary",
            &id,
            &en,
            "--reviewed",
            "reviewed.csv",
            "-o",
            "reviewed.csv",
        ],
    );
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let updated = fs::read_to_string(dir.path().join("reviewed.csv")).unwrap_or_default();
    assert!(
        updated.starts_with("\u{feff}source_term;target_term;"),
        "{updated}"
    );
    assert!(updated.contains("\r\nGedung Putih;White House;;;;;;approved;;;;;ok\r\n"));
    assert!(updated.contains(";proposed;"));
    let rows = |t: &str| t.matches("proposed").count() + t.matches("approved").count();
    assert_eq!(rows(&updated), rows(&text));
}

#[test]
fn a_malformed_reviewed_glossary_names_its_line() {
    let dir = temp_dir();
    let (id, en) = example_pair();
    fs::write(
        dir.path().join("r.csv"),
        "source_term,target_term,status\nKTT,summit,approved\n,summit,approved\n",
    )
    .unwrap_or_default();
    let output = padan(dir.path(), &["glossary", &id, &en, "--reviewed", "r.csv"]);
    assert_eq!(
        stderr(&output),
        "padan: r.csv:3: the source_term column is empty, fill it in or delete the row\n"
    );
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(stdout(&output), "");
}

#[test]
fn glossary_reads_parallel_files_and_padans_aligned_output() {
    let dir = temp_dir();
    let (id, en) = example_pair();
    for format in ["tsv", "jsonl"] {
        let file = format!("aligned.{format}");
        let output = padan(dir.path(), &["align", &id, &en, "-f", format, "-o", &file]);
        assert_eq!(output.status.code(), Some(0));
        let output = padan(dir.path(), &["glossary", "--from-aligned", &file]);
        assert_eq!(stderr(&output), "", "{format}");
        assert!(
            stdout(&output).contains("\nGedung Putih,White House,"),
            "{format}"
        );
    }
    fs::write(
        dir.path().join("a.id"),
        "Gedung Putih mengumumkan sanksi.\nSanksi dari Gedung Putih berlaku.\n",
    )
    .unwrap_or_default();
    fs::write(
        dir.path().join("a.en"),
        "The White House announced sanctions.\nSanctions from the White House apply.\n",
    )
    .unwrap_or_default();
    let output = padan(dir.path(), &["glossary", "--parallel", "a.id", "a.en"]);
    assert_eq!(stderr(&output), "");
    assert!(
        stdout(&output).contains("\nGedung Putih,White House,"),
        "{}",
        stdout(&output)
    );
    fs::write(dir.path().join("b.en"), "One line only.\n").unwrap_or_default();
    let output = padan(dir.path(), &["glossary", "--parallel", "a.id", "b.en"]);
    assert_eq!(
        stderr(&output),
        "padan: a.id has 2 lines and b.en has 1: --parallel needs line n of one to translate line n \
         of the other; align them first with padan align\n"
    );
    fs::write(dir.path().join("x.txt"), "hello\n").unwrap_or_default();
    let output = padan(dir.path(), &["glossary", "--from-aligned", "x.txt"]);
    assert_eq!(
        stderr(&output),
        "padan: x.txt:1: not padan's aligned output: give the output of padan align --format tsv or --format jsonl\n"
    );
}

/// Compares `actual` with the golden file `tests/expected/NAME`; with `PADAN_BLESS=1` in the
/// environment, writes it instead (review the diff before committing).
fn assert_golden(name: &str, actual: &[u8]) {
    let path = Path::new(EXPECTED).join(name);
    if std::env::var_os("PADAN_BLESS").is_some() {
        fs::write(&path, actual).expect("write golden file");
        return;
    }
    let golden = fs::read(&path).unwrap_or_default();
    assert!(
        golden == actual,
        "{name} differs from its golden file; run with PADAN_BLESS=1 and review the diff\n{}",
        String::from_utf8_lossy(actual)
    );
}

/// Regression: `padan glossary ... | head` printed "cannot write: Broken pipe", because the
/// csv crate wraps the pipe's error in one of another kind.
#[cfg(unix)]
#[test]
fn a_closed_pipe_ends_quietly_for_csv_outputs_too() {
    use std::io::{BufRead, BufReader};
    use std::process::Stdio;
    let (id, en) = example_pair();
    // The example's glossary is some 85 KB, more than a pipe holds: the writes after the
    // reader is gone are sure to fail.
    let args = ["glossary", id.as_str(), en.as_str()];
    let mut child = Command::new(env!("CARGO_BIN_EXE_padan"))
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("padan runs");
    let stdout = child.stdout.take().expect("stdout");
    let mut first = String::new();
    BufReader::new(stdout)
        .read_line(&mut first)
        .expect("a line");
    // The reader is gone: the rest of padan's writes meet a closed pipe.
    let output = child.wait_with_output().expect("wait");
    assert_eq!(String::from_utf8_lossy(&output.stderr), "");
    assert_eq!(output.status.code(), Some(0));
}

/// A reader that stops early (`padan eval ... | head -1`) closes the pipe: padan ends quietly,
/// with no panic message, as it does for every other output.
#[test]
fn eval_ends_quietly_when_its_reader_closes_the_pipe() {
    let gold = fixture_str("reykjavik/gold.align");
    // Some 400 KB of per-document lines: far more than a pipe buffers.
    let mut args = vec!["eval".to_owned(), "--per-document".to_owned()];
    for _ in 0..3000 {
        args.push(gold.clone());
        args.push(gold.clone());
    }
    let mut child = Command::new(env!("CARGO_BIN_EXE_padan"))
        .args(&args)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("the padan binary runs");
    drop(child.stdout.take());
    let output = child.wait_with_output().expect("padan finishes");
    assert_eq!(stderr(&output), "");
    assert_eq!(output.status.code(), Some(0));
}

#[test]
fn glossary_keeps_the_kinds_counts_and_number_of_proposals_asked_for() {
    let dir = temp_dir();
    let (id, en) = example_pair();
    let rows = |args: &[&str]| -> Vec<Vec<String>> {
        let mut all = vec!["glossary", id.as_str(), en.as_str()];
        all.extend_from_slice(args);
        let output = padan(dir.path(), &all);
        assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
        csv::Reader::from_reader(output.stdout.as_slice())
            .records()
            .map(|r| r.expect("a row").iter().map(str::to_owned).collect())
            .collect()
    };
    let every = rows(&[]);
    assert!(every.iter().any(|r| r[2] == "name") && every.iter().any(|r| r[2] == "term"));
    let names = rows(&["--kinds", "name,acronym"]);
    assert!(!names.is_empty());
    assert!(
        names.iter().all(|r| r[2] == "name" || r[2] == "acronym"),
        "{names:?}"
    );
    let frequent = rows(&["--min-count", "2"]);
    assert!(!frequent.is_empty() && frequent.len() < every.len());
    assert!(frequent
        .iter()
        .all(|r| r[4].parse::<u32>().unwrap_or(0) >= 2));
    let top = rows(&["--top", "5"]);
    assert_eq!(top, every[..5].to_vec());
    // A reviewer's rows are kept whatever the filters say.
    let reviewed = set_status(
        &stdout(&padan(dir.path(), &["glossary", &id, &en])),
        "pertemuan puncak,summit",
        "approved",
    );
    fs::write(dir.path().join("g.csv"), reviewed).expect("write");
    let kept = rows(&["--reviewed", "g.csv", "--kinds", "name", "--top", "3"]);
    assert!(
        kept.iter()
            .any(|r| r[0] == "pertemuan puncak" && r[7] == "approved"),
        "{kept:?}"
    );
    let output = padan(dir.path(), &["glossary", &id, &en, "--kinds", "words"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains(
            "--kinds \"words\": there is no such kind; the kinds are term, name, cognate, acronym"
        ),
        "{}",
        stderr(&output)
    );
}

#[test]
fn glossary_of_parallel_files_refuses_swapped_languages_unless_forced() {
    let dir = temp_dir();
    let (id, en) = (
        fixture_str("reykjavik/id.sents"),
        fixture_str("reykjavik/en.sents"),
    );
    // The two files have different line counts; give each side the other's first 30 lines.
    let lines = |path: &str| -> String {
        fs::read_to_string(path)
            .expect("fixture")
            .lines()
            .take(30)
            .map(|l| format!("{l}\n"))
            .collect()
    };
    fs::write(dir.path().join("a.txt"), lines(&en)).expect("write");
    fs::write(dir.path().join("b.txt"), lines(&id)).expect("write");
    let output = padan(dir.path(), &["glossary", "--parallel", "a.txt", "b.txt"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("a.txt looks English and b.txt looks Indonesian, but the first file should be Indonesian"),
        "{}",
        stderr(&output)
    );
    let output = padan(
        dir.path(),
        &["glossary", "--parallel", "a.txt", "b.txt", "--force"],
    );
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(stderr(&output).contains("padan: warning: a.txt looks English"));
}
