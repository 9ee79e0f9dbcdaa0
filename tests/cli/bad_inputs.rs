//! The bad-input catalogue (issue 7): each case with its exact message and exit code. The
//! cases already covered elsewhere: empty, whitespace-only, binary and PDF input
//! (`bad_inputs_get_a_clear_message_and_exit_code_2`), UTF-16 with and without a byte-order
//! mark (`legacy_and_utf16_encodings_are_read`), swapped languages
//! (`swapped_languages_are_refused_unless_forced`), a lopsided pair
//! (`a_lopsided_pair_is_aligned_with_a_warning`), an output equal to an input for `segment`
//! (`segment_writes_the_output_file_atomically_and_refuses_to_overwrite_its_input`).

use std::fs;
use std::path::Path;

use super::{example_pair, fixture, padan, stderr, stdout, temp_dir};

fn files(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    names
}

#[test]
fn a_20_megabyte_single_line_is_cut_into_segments_with_a_warning() {
    let dir = temp_dir();
    let line = "kata benda lain ".repeat(20 * 1024 * 1024 / 16);
    fs::write(dir.path().join("line.txt"), line.trim_end()).expect("write");
    let output = padan(dir.path(), &["segment", "line.txt", "--lang", "id"]);
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(
        stderr(&output),
        "padan: warning: line.txt: 1 segment(s) longer than 2000 characters were cut at word \
         boundaries; raise --max-chars to keep them whole\n"
    );
    let out = stdout(&output);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 10486);
    assert!(lines.iter().all(|l| l.chars().count() <= 2000));
    assert_eq!(
        lines.concat().len() + lines.len() - 1,
        line.trim_end().len()
    );
}

#[test]
fn a_hundred_thousand_one_word_lines_align_one_to_one() {
    let dir = temp_dir();
    let id: String = (0..100_000).map(|k| format!("kata{}\n", k % 10)).collect();
    let en: String = (0..100_000).map(|k| format!("word{}\n", k % 10)).collect();
    fs::write(dir.path().join("id.txt"), id).expect("write");
    fs::write(dir.path().join("en.txt"), en).expect("write");
    let output = padan(
        dir.path(),
        &["align", "id.txt", "en.txt", "--force", "-f", "beads"],
    );
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(stderr(&output), "");
    let out = stdout(&output);
    assert_eq!(out.lines().count(), 100_000);
    assert!(out
        .lines()
        .enumerate()
        .all(|(k, l)| l == format!("[{k}]:[{k}]")));
}

/// Aligns the example with glossary `name` holding `csv`.
fn align_with_glossary(name: &str, csv: &[u8]) -> std::process::Output {
    let dir = temp_dir();
    fs::write(dir.path().join(name), csv).expect("write");
    let (id, en) = example_pair();
    let output = padan(dir.path(), &["align", &id, &en, "-g", name]);
    drop(dir);
    output
}

/// Builds the example's glossary with `csv` as the reviewed glossary.
fn glossary_with_reviewed(csv: &str) -> std::process::Output {
    let dir = temp_dir();
    fs::write(dir.path().join("reviewed.csv"), csv).expect("write");
    let (id, en) = example_pair();
    padan(
        dir.path(),
        &["glossary", &id, &en, "--reviewed", "reviewed.csv"],
    )
}

#[test]
fn a_glossary_without_a_target_column_names_the_header() {
    let output = align_with_glossary("g.csv", b"source_term\nKTT\n");
    assert_eq!(
        stderr(&output),
        "padan: g.csv:1: the header needs a source column and a target column \
         (source_term,target_term), found 1 column(s) separated by comma: \"source_term\"; add \
         the header row or rename the columns\n"
    );
    assert_eq!(
        (output.status.code(), stdout(&output)),
        (Some(2), String::new())
    );
}

#[test]
fn a_ragged_glossary_row_is_an_error_when_short_and_kept_whole_when_long() {
    let output = align_with_glossary(
        "g.csv",
        b"source_term,target_term,note\nKTT,summit,ok\nGedung Putih\n",
    );
    assert_eq!(
        stderr(&output),
        "padan: g.csv:3: expected 3 columns (source_term,target_term,note), found 1: is a \
         delimiter missing, or is the file tab or semicolon separated?\n"
    );
    assert_eq!(output.status.code(), Some(2));

    // A longer row keeps its extra cells: a reviewed glossary passes them through.
    let output = glossary_with_reviewed(
        "source_term,target_term,status\nKTT,summit,approved,checked by Ana,2026\n",
    );
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let out = stdout(&output);
    assert!(
        out.lines()
            .next()
            .is_some_and(|h| h.ends_with(",column_4,column_5")),
        "{out}"
    );
    assert!(out.contains("KTT,summit,"), "{out}");
    assert!(out.contains(",checked by Ana,2026"), "{out}");
}

#[test]
fn a_duplicate_glossary_entry_is_warned_about_and_kept() {
    let output = align_with_glossary(
        "g.csv",
        b"source_term,target_term\nKTT,summit\nGedung Putih,White House\nktt,Summit\n",
    );
    assert_eq!(
        stderr(&output),
        "padan: warning: g.csv:4: repeats the entry of line 2; delete one of them\n"
    );
    assert_eq!(output.status.code(), Some(0));
}

#[test]
fn a_formula_cell_in_a_glossary_is_text_and_stays_neutralized() {
    let output = glossary_with_reviewed(
        "source_term,target_term,status,note\n\
         =HYPERLINK(\"http://x\"),summit,approved,@SUM(A1)\n\
         '-5 persen,-5 percent,approved,\n",
    );
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let out = stdout(&output);
    // Read as text, written back with the apostrophe that keeps a spreadsheet from running it.
    assert!(
        out.contains("\"'=HYPERLINK(\"\"http://x\"\")\",summit,"),
        "{out}"
    );
    assert!(out.contains(",'@SUM(A1)"), "{out}");
    assert!(out.contains("'-5 persen,'-5 percent,"), "{out}");
}

#[test]
fn a_glossary_saved_by_excel_with_a_bom_and_semicolons_is_read() {
    let dir = temp_dir();
    fs::write(
        dir.path().join("g.csv"),
        b"\xef\xbb\xbfsource_term;target_term;status\r\npertemuan puncak;summit;approved\r\n",
    )
    .expect("write");
    let (id, en) = example_pair();
    let output = padan(dir.path(), &["check", &id, &en, "-g", "g.csv"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    // The agreed term is checked (and found): no term-missing flag.
    assert!(!stdout(&output).contains("term-missing"));
    assert!(
        stderr(&output).contains(": 0 errors,"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn an_output_equal_to_an_input_is_refused_before_anything_is_written() {
    let dir = temp_dir();
    let id = fs::read(fixture("reykjavik/id.txt")).unwrap_or_default();
    let en = fs::read(fixture("reykjavik/en.txt")).unwrap_or_default();
    fs::write(dir.path().join("id.txt"), &id).expect("write");
    fs::write(dir.path().join("en.txt"), &en).expect("write");
    for args in [
        &["align", "id.txt", "en.txt", "-o", "en.txt"][..],
        &["glossary", "id.txt", "en.txt", "-o", "./id.txt"][..],
        &["check", "id.txt", "en.txt", "-o", "en.txt"][..],
    ] {
        let output = padan(dir.path(), args);
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        assert!(
            stderr(&output).ends_with(
                ": the output is also an input; padan never overwrites an input, choose another -o path\n"
            ),
            "{args:?}: {}",
            stderr(&output)
        );
        assert_eq!(fs::read(dir.path().join("id.txt")).ok(), Some(id.clone()));
        assert_eq!(fs::read(dir.path().join("en.txt")).ok(), Some(en.clone()));
        assert_eq!(files(dir.path()), ["en.txt", "id.txt"]);
    }
}

#[cfg(target_os = "linux")]
#[test]
fn an_output_location_that_cannot_be_written_is_an_error_and_leaves_no_file() {
    // /proc takes no new files, whoever runs the test (a read-only folder would not stop
    // root, and CI may run as root).
    let dir = temp_dir();
    let (id, en) = example_pair();
    let output = padan(
        dir.path(),
        &["align", &id, &en, "-o", "/proc/padan-out.tsv"],
    );
    assert_eq!(output.status.code(), Some(2));
    let err = stderr(&output);
    assert!(
        err.starts_with("padan: /proc/padan-out.tsv: cannot create: "),
        "{err}"
    );
    assert!(!Path::new("/proc/padan-out.tsv").exists());
    assert!(files(dir.path()).is_empty());
}

#[cfg(target_os = "linux")]
#[test]
fn a_full_device_is_an_error_and_the_device_stays_a_device() {
    // /dev/full fails every write with "no space left"; padan writes to a device in place
    // (renaming a temporary file over it would replace the device with a file).
    let dir = temp_dir();
    let (id, en) = example_pair();
    let output = padan(dir.path(), &["align", &id, &en, "-o", "/dev/full"]);
    assert_eq!(
        stderr(&output),
        "padan: /dev/full: cannot write: No space left on device (os error 28)\n"
    );
    assert_eq!(output.status.code(), Some(2));
    use std::os::unix::fs::FileTypeExt;
    let kind = fs::metadata("/dev/full").map(|m| m.file_type());
    assert!(kind.is_ok_and(|k| k.is_char_device()));
}
