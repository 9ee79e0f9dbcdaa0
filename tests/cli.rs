//! Integration tests: the built `padan` binary run in a temporary directory, with stdout,
//! stderr and exit code checked exactly.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// Every subcommand; each must have `--help` with an example.
const COMMANDS: &[&str] = &["segment"];

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");

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
        b"Baris satu.\nKafe di Bandung \xE9nak.\n",
        "in.txt:2:17: invalid UTF-8, name the file's encoding with --encoding \
         (for example --encoding windows-1252)",
    );
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
