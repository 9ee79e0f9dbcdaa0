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

/// A JSON string literal of `text`.
fn json_string(text: &str) -> String {
    let mut out = String::from("\"");
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn record(id: &str, source: &str, target: &str) -> String {
    format!(
        "{{\"id\":{id},\"source\":{},\"target\":{}}}\n",
        json_string(source),
        json_string(target)
    )
}

#[test]
fn jsonl_in_aligns_each_record_as_align_does_and_reports_bad_records_without_stopping() {
    let dir = temp_dir();
    halves(dir.path());
    let read = |name: &str| fs::read_to_string(dir.path().join(name)).unwrap_or_default();
    let stream = [
        record("\"a\"", &read("a.id"), &read("a.en")),
        "\n".to_owned(),
        record("7", "Harga naik 5 persen.", ""),
        "not json\n".to_owned(),
        "{\"id\":8,\"source\":\"Harga naik.\"}\n".to_owned(),
        record("{\"doc\":\"b\"}", &read("b.id"), &read("b.en")),
    ]
    .concat();
    fs::write(dir.path().join("in.jsonl"), &stream).expect("write");
    let output = padan(dir.path(), &["align", "--jsonl-in", "in.jsonl"]);
    assert_eq!(
        stderr(&output),
        "padan: in.jsonl:3: the target is empty; give it text, or pass --allow-empty to align it with nothing\n\
         padan: in.jsonl:4: not a JSON record (expected ident at line 1 column 2); give one object a line: {\"id\":...,\"source\":\"...\",\"target\":\"...\"}\n\
         padan: in.jsonl:5: the record has no \"target\"; give {\"id\":...,\"source\":\"...\",\"target\":\"...\"} or {\"id\":...,\"source_file\":\"...\",\"target_file\":\"...\"}\n\
         padan: align: 3 of 5 record(s) failed; their output lines hold the error\n"
    );
    assert_eq!(output.status.code(), Some(1));
    let out = stdout(&output);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 5, "{out}");
    assert!(lines[1].starts_with("{\"id\":7,\"error\":\"the target is empty"));
    assert!(lines[2].starts_with("{\"id\":null,\"error\":\"not a JSON record"));
    assert!(lines[3].starts_with("{\"id\":8,\"error\":\"the record has no"));
    // Each good record holds exactly the beads padan align --format jsonl gives for its pair.
    for (line, pair, id) in [
        (lines[0], ["a.id", "a.en"], "\"a\""),
        (lines[4], ["b.id", "b.en"], "{\"doc\":\"b\"}"),
    ] {
        let single = padan(dir.path(), &["align", pair[0], pair[1], "-f", "jsonl"]);
        let beads = stdout(&single).lines().collect::<Vec<_>>().join(",");
        assert_eq!(line, format!("{{\"id\":{id},\"beads\":[{beads}]}}"));
    }
}

#[test]
fn jsonl_in_reads_files_a_record_names_as_align_reads_them_and_refuses_what_would_block() {
    let dir = temp_dir();
    halves(dir.path());
    let stream = [
        "{\"id\":1,\"source_file\":\"a.id\",\"target_file\":\"a.en\"}\n",
        "{\"id\":2,\"source_file\":\"a.id\",\"target_file\":\"nowhere.en\"}\n",
        "{\"id\":3,\"source_file\":\".\",\"target_file\":\"a.en\"}\n",
        "{\"id\":4,\"source\":\"Satu.\",\"target_file\":\"a.en\"}\n",
        "{\"id\":5,\"source_file\":\"a.id\"}\n",
    ]
    .concat();
    fs::write(dir.path().join("in.jsonl"), stream).expect("write");
    let output = padan(dir.path(), &["align", "--jsonl-in", "in.jsonl"]);
    assert_eq!(output.status.code(), Some(1));
    let log = stderr(&output);
    for expected in [
        "padan: in.jsonl:2: nowhere.en: cannot read",
        "padan: in.jsonl:3: .: not a regular file (a pipe, a device or a folder); give a file",
        "padan: in.jsonl:4: the record has both texts and files;",
        "padan: in.jsonl:5: the record has no \"target_file\";",
        "padan: align: 4 of 5 record(s) failed",
    ] {
        assert!(log.contains(expected), "{expected:?} not in {log}");
    }
    // The good record holds exactly the beads padan align gives for the two files.
    let single = padan(dir.path(), &["align", "a.id", "a.en", "-f", "jsonl"]);
    let beads = stdout(&single).lines().collect::<Vec<_>>().join(",");
    let out = stdout(&output);
    assert_eq!(
        out.lines().next(),
        Some(format!("{{\"id\":1,\"beads\":[{beads}]}}").as_str())
    );
}

#[test]
fn batch_lists_its_pairs_as_records_align_takes_without_aligning() {
    let dir = temp_dir();
    halves(dir.path());
    fs::write(
        dir.path().join("m.csv"),
        "source,target,name\na.id,a.en,first\nb.id,b.en,\n",
    )
    .expect("write");
    let output = padan(
        dir.path(),
        &["batch", "--manifest", "m.csv", "--list-pairs"],
    );
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(
        stdout(&output),
        "{\"id\":\"first\",\"source_file\":\"a.id\",\"target_file\":\"a.en\"}\n\
         {\"id\":\"b\",\"source_file\":\"b.id\",\"target_file\":\"b.en\"}\n"
    );
    // Nothing is written: there is no output folder to write to.
    let output = padan(
        dir.path(),
        &[
            "batch",
            "--manifest",
            "m.csv",
            "--list-pairs",
            "--out-dir",
            "o",
        ],
    );
    assert_eq!(output.status.code(), Some(2));
    assert!(!dir.path().join("o").exists());
    let output = padan(dir.path(), &["batch", "--manifest", "m.csv"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("--out-dir"), "{}", stderr(&output));
}

#[test]
fn a_streamed_map_and_merged_reduce_give_the_glossary_of_one_run() {
    let dir = temp_dir();
    halves(dir.path());
    let read = |name: &str| fs::read_to_string(dir.path().join(name)).unwrap_or_default();
    fs::write(
        dir.path().join("part-0.jsonl"),
        record("0", &read("a.id"), &read("a.en")),
    )
    .expect("write");
    fs::write(
        dir.path().join("part-1.jsonl"),
        record("1", &read("b.id"), &read("b.en")),
    )
    .expect("write");
    let run = |args: &[&str]| {
        let output = padan(dir.path(), args);
        assert_eq!(
            output.status.code(),
            Some(0),
            "{args:?}: {}",
            stderr(&output)
        );
    };
    for part in ["part-0", "part-1"] {
        let aligned = format!("{part}.aligned.jsonl");
        let counts = format!("{part}.counts");
        run(&[
            "align",
            "--jsonl-in",
            &format!("{part}.jsonl"),
            "-o",
            &aligned,
        ]);
        run(&[
            "glossary",
            "--from-aligned",
            &aligned,
            "--counts-out",
            &counts,
        ]);
    }
    run(&[
        "glossary",
        "--merge-counts",
        "part-0.counts",
        "part-1.counts",
        "-o",
        "merged.csv",
    ]);
    run(&["glossary", "a.id", "a.en", "b.id", "b.en", "-o", "one.csv"]);
    assert_eq!(read("merged.csv"), read("one.csv"));
}

#[test]
fn a_mapper_exits_zero_with_exit_zero_and_an_empty_shard_counts_nothing() {
    let dir = temp_dir();
    fs::write(
        dir.path().join("in.jsonl"),
        [
            record("1", "Harga naik 5 persen.", "Prices rose 5 percent."),
            "{\"id\":2}\n".to_owned(),
        ]
        .concat(),
    )
    .expect("write");
    let output = padan(
        dir.path(),
        &["align", "--jsonl-in", "in.jsonl", "--exit-zero"],
    );
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(stdout(&output).lines().count(), 2);
    assert!(stderr(&output).contains("padan: in.jsonl:2: the record has no \"source\""));

    // A partition with no records: an empty aligned shard, and counts of zero beads.
    fs::write(dir.path().join("empty.jsonl"), "").expect("write");
    let output = padan(dir.path(), &["align", "--jsonl-in", "empty.jsonl"]);
    assert_eq!(
        (output.status.code(), stdout(&output)),
        (Some(0), String::new())
    );
    fs::write(dir.path().join("empty.aligned"), "").expect("write");
    let output = padan(
        dir.path(),
        &[
            "glossary",
            "--from-aligned",
            "empty.aligned",
            "--counts-out",
            "-",
        ],
    );
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(
        stdout(&output),
        "{\"record\":\"header\",\"format\":\"padan-glossary-counts\",\"version\":3,\"beads\":0,\"pruned_below\":0,\"sample_full\":false}\n\
         {\"record\":\"end\",\"records\":1,\"checksum\":\"4c94b8b678f9b759\"}\n"
    );
}
