//! The review loop in spreadsheets: files a reviewer edited in LibreOffice (tests/fixtures/
//! review/, made by tools/review_fixtures.py) read back with every edit; a reviewed alignment
//! exported to TMX; statuses, locales and formats by extension.

use std::fs;

use super::*;

fn review_fixture(name: &str) -> String {
    fixture_str(&format!("review/{name}"))
}

#[test]
fn a_reviewed_alignment_saved_by_libreoffice_exports_exactly_its_edits_to_tmx() {
    let dir = temp_dir();
    // Run on a copy in the working folder so the file name the memory records is the same
    // wherever the checkout lives.
    fs::copy(
        review_fixture("review.libreoffice.xlsx"),
        dir.path().join("reviewed.xlsx"),
    )
    .expect("copy the fixture");
    let output = padan(dir.path(), &["export", "reviewed.xlsx", "-o", "memory.tmx"]);
    assert_eq!(stderr(&output), "");
    assert_eq!(output.status.code(), Some(0));
    let tmx = fs::read(dir.path().join("memory.tmx")).expect("tmx written");
    assert_golden("review.libreoffice.tmx", &tmx);
    let text = String::from_utf8_lossy(&tmx).into_owned();
    let doc = roxmltree::Document::parse(&text).expect("TMX is well-formed XML");
    let units: Vec<(String, String)> = doc
        .descendants()
        .filter(|n| n.has_tag_name("tu"))
        .map(|tu| {
            let seg = |lang: &str| {
                tu.children()
                    .find(|n| {
                        n.attribute(("http://www.w3.org/XML/1998/namespace", "lang")) == Some(lang)
                    })
                    .and_then(|n| n.descendants().find(|s| s.has_tag_name("seg")))
                    .and_then(|s| s.text())
                    .unwrap_or_default()
                    .to_owned()
            };
            (seg("id-ID"), seg("en-GB"))
        })
        .collect();
    // 30 beads: the rejected one is out, and so is the 0-1 bead (no --keep-unaligned).
    assert_eq!(units.len(), 28);
    // The edited English text, as the reviewer wrote it.
    assert!(
        units[1].1.contains("described Wed.'s talks"),
        "{:?}",
        units[1]
    );
    // The rejected row is gone.
    assert!(!units
        .iter()
        .any(|(s, _)| s.starts_with("Blinken juga menyatakan")));
    // The sentence moved to the next row stays there.
    assert!(units[7].1.ends_with("he warned."), "{:?}", units[7]);
    assert!(
        units[8]
            .1
            .starts_with("He reiterated that Washington wants")
            && units[8].0.starts_with("“Kami siap"),
        "{:?}",
        units[8]
    );
    assert!(
        text.contains(r#"<prop type="x-padan-source-file">tests/fixtures/reykjavik/id.txt</prop>"#)
    );
    // Rows marked ok are sure.
    assert_eq!(
        text.matches(r#"<prop type="x-padan-status">ok</prop>"#)
            .count(),
        2
    );

    // With --keep-unaligned, the 0-1 row is a unit too; beads and TSV have every kept row.
    let output = padan(
        dir.path(),
        &["export", "reviewed.xlsx", "-f", "tmx", "--keep-unaligned"],
    );
    assert_eq!(stdout(&output).matches("<tu ").count(), 29);
    let output = padan(dir.path(), &["export", "reviewed.xlsx", "-f", "beads"]);
    assert_eq!(stdout(&output).lines().count(), 29);
    assert!(
        stdout(&output).ends_with("[]:[32]\n"),
        "{}",
        stdout(&output)
    );
}

#[test]
fn export_warns_when_the_aligned_files_have_changed() {
    let dir = temp_dir();
    fs::create_dir_all(dir.path().join("tests/fixtures/reykjavik")).expect("mkdir");
    for name in ["id.txt", "en.txt"] {
        let text = fs::read_to_string(fixture(&format!("reykjavik/{name}"))).expect("example");
        let text = if name == "en.txt" {
            text.replace("Wednesday", "Thursday")
        } else {
            text
        };
        fs::write(dir.path().join("tests/fixtures/reykjavik").join(name), text).expect("write");
    }
    let workbook = review_fixture("review.libreoffice.xlsx");
    let output = padan(dir.path(), &["export", &workbook, "-f", "tsv"]);
    assert_eq!(
        stderr(&output),
        format!(
            "padan: warning: tests/fixtures/reykjavik/en.txt has changed since {workbook} was made \
             from it; the export holds the text as reviewed\n"
        )
    );
    assert_eq!(output.status.code(), Some(0));
}

#[test]
fn a_reviewed_alignment_csv_works_without_a_record_of_its_files() {
    let dir = temp_dir();
    let (id, en) = example_pair();
    let output = padan(
        dir.path(),
        &["align", &id, &en, "-o", "review.csv", "--excel"],
    );
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    // The reviewer rejects bead 5 and saves with semicolons, as LibreOffice does in many
    // locales.
    let text = fs::read_to_string(dir.path().join("review.csv")).expect("csv");
    let mut lines: Vec<String> = text.lines().map(str::to_owned).collect();
    lines[5] = format!("{}reject", lines[5]);
    fs::write(dir.path().join("review.csv"), lines.join("\r\n")).expect("write");
    let output = padan(dir.path(), &["export", "review.csv", "-f", "tmx"]);
    assert_eq!(stderr(&output), "");
    assert_eq!(stdout(&output).matches("<tu ").count(), 28);
    assert!(!stdout(&output).contains("Blinken juga menyatakan"));
}

#[test]
fn a_malformed_reviewed_row_names_its_sheet_and_row() {
    let dir = temp_dir();
    let (id, en) = example_pair();
    let output = padan(dir.path(), &["align", &id, &en, "-o", "review.csv"]);
    assert_eq!(output.status.code(), Some(0));
    let text = fs::read_to_string(dir.path().join("review.csv")).expect("csv");
    let mut lines: Vec<String> = text.lines().map(str::to_owned).collect();
    lines[3] = format!("{}maybe", lines[3]);
    fs::write(dir.path().join("review.csv"), lines.join("\n")).expect("write");
    let output = padan(dir.path(), &["export", "review.csv"]);
    assert_eq!(
        stderr(&output),
        "padan: review.csv:4: the status \"maybe\" is not one padan knows; write ok or reject \
         (or benar, ditolak), or leave it empty\n"
    );
    assert_eq!(output.status.code(), Some(2));

    // The same in a workbook names the sheet and the row.
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name("news 1").expect("name");
    for (c, h) in ["#", "status", "Indonesian (id-ID)", "English (en-US)"]
        .iter()
        .enumerate()
    {
        sheet.write_string(0, c as u16, *h).expect("header");
    }
    sheet.write_string(1, 2, "Satu.").expect("cell");
    sheet.write_string(1, 3, "One.").expect("cell");
    sheet.write_string(2, 1, "aproved").expect("cell");
    sheet.write_string(2, 2, "Dua.").expect("cell");
    book.save(dir.path().join("r.xlsx")).expect("save");
    let output = padan(dir.path(), &["export", "r.xlsx"]);
    assert_eq!(
        stderr(&output),
        "padan: r.xlsx: sheet news 1, row 3: the status \"aproved\" is not one padan knows; \
         write ok or reject (or benar, ditolak), or leave it empty\n"
    );
    assert_eq!(output.status.code(), Some(2));
}

#[test]
fn a_batch_workbook_exports_every_document() {
    let dir = temp_dir();
    let text = |lang: &str| fs::read_to_string(fixture(&format!("reykjavik/{lang}.txt")));
    for name in ["a", "b"] {
        for lang in ["id", "en"] {
            fs::create_dir_all(dir.path().join(lang)).expect("mkdir");
            fs::write(
                dir.path().join(lang).join(format!("{name}.txt")),
                text(lang).expect("example"),
            )
            .expect("write");
        }
    }
    let output = padan(
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
            "xlsx",
            "-q",
            "--no-glossary",
        ],
    );
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let output = padan(dir.path(), &["export", "out/corpus.xlsx", "-f", "tmx"]);
    let tmx = stdout(&output);
    assert_eq!(tmx.matches("<tu ").count(), 58);
    assert_eq!(
        tmx.matches(r#"<prop type="x-padan-document">b</prop>"#)
            .count(),
        29
    );
    // One file per document in a folder, for the line formats.
    let output = padan(dir.path(), &["export", "out/corpus.xlsx", "-f", "tsv"]);
    assert!(stderr(&output).contains("holds 2 documents: give -o FOLDER"));
    assert_eq!(output.status.code(), Some(2));
    let output = padan(
        dir.path(),
        &["export", "out/corpus.xlsx", "-f", "tsv", "-o", "per"],
    );
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    for name in ["a.tsv", "b.tsv"] {
        let tsv = fs::read_to_string(dir.path().join("per").join(name)).expect("tsv");
        assert_eq!(tsv.lines().count(), 31, "{name}");
    }
}

/// The glossary rows of `text` (CSV as padan writes it) whose source and target are these.
fn rows_with<'a>(text: &'a str, source: &str, target: &str) -> Vec<&'a str> {
    let start = format!("{source},{target},");
    text.lines().filter(|l| l.starts_with(&start)).collect()
}

#[test]
fn a_glossary_reviewed_in_libreoffice_comes_back_with_every_edit() {
    for fixture_name in ["glossary.libreoffice.xlsx", "glossary.semicolon-bom.csv"] {
        let dir = temp_dir();
        let (id, en) = example_pair();
        let reviewed = review_fixture(fixture_name);
        let output = padan(
            dir.path(),
            &["glossary", &id, &en, "--reviewed", &reviewed, "-o", "g.csv"],
        );
        assert_eq!(stderr(&output), "", "{fixture_name}");
        assert_eq!(output.status.code(), Some(0));
        let text = fs::read_to_string(dir.path().join("g.csv")).expect("glossary");
        let header = text.lines().next().unwrap_or_default();
        assert!(
            header.ends_with(",note,proposed_target,reviewer"),
            "{header}"
        );
        let approved = rows_with(&text, "Gedung Putih", "White House");
        assert_eq!(approved.len(), 1, "{fixture_name}");
        assert!(approved[0].contains(",approved,") && approved[0].ends_with(",ana: house style"));
        let rejected = rows_with(&text, "hari Senin", "Monday");
        assert!(
            rejected.len() == 1 && rejected[0].contains(",Ditolak,"),
            "{rejected:?}"
        );
        // The edited target replaces the proposal: it is not proposed again.
        let edited = rows_with(&text, "juru bicara", "spokesman");
        assert!(
            edited.len() == 1 && edited[0].contains(",disetujui,"),
            "{edited:?}"
        );
        assert!(edited[0].contains(",spokesperson,"), "{edited:?}");
        assert!(rows_with(&text, "juru bicara", "spokesperson").is_empty());
        let added = rows_with(&text, "Departemen Luar Negeri AS", "US State Department");
        assert!(
            added.len() == 1 && added[0].contains(",added,"),
            "{added:?}"
        );

        // The agreed terms anchor alignment and are checked: the edited target is the one.
        let output = padan(
            dir.path(),
            &["check", &id, &en, "-g", &reviewed, "--format", "tsv"],
        );
        assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
        assert!(
            stdout(&output).contains("\"juru bicara\" should be \"spokesman\""),
            "{}",
            stdout(&output)
        );
    }
}

#[test]
fn every_status_word_is_read_and_an_unknown_one_names_its_line() {
    let dir = temp_dir();
    let (id, en) = example_pair();
    let words = [
        ("approved", true),
        ("Disetujui", true),
        ("SETUJU", true),
        ("added", true),
        ("ditambahkan", true),
        ("", true),
        ("proposed", false),
        ("diusulkan", false),
        ("rejected", false),
        ("Reject", false),
        ("ditolak", false),
        ("tolak", false),
    ];
    for (word, agreed) in words {
        let glossary = format!("source_term,target_term,status\npertemuan puncak,meeting,{word}\n");
        fs::write(dir.path().join("g.csv"), glossary).expect("write");
        let output = padan(dir.path(), &["check", &id, &en, "-g", "g.csv"]);
        assert_eq!(output.status.code(), Some(0), "{word}: {}", stderr(&output));
        let flagged = stdout(&output).contains("\"pertemuan puncak\" should be \"meeting\"");
        assert_eq!(flagged, agreed, "status {word:?}");
    }
    for word in ["aproved", "no", "x", "approved\u{200b}"] {
        let glossary = format!(
            "source_term,target_term,status\nKTT,summit,ok\npertemuan puncak,meeting,{word}\n"
        );
        let glossary = glossary.replace(",ok\n", ",approved\n");
        fs::write(dir.path().join("g.csv"), glossary).expect("write");
        let output = padan(dir.path(), &["check", &id, &en, "-g", "g.csv"]);
        let message = stderr(&output);
        assert!(
            message.starts_with(&format!(
                "padan: g.csv:3: the status {word:?} is not one padan knows"
            )),
            "{message}"
        );
        assert_eq!(output.status.code(), Some(2));
    }
}

#[test]
fn locales_are_written_as_given() {
    let dir = temp_dir();
    let (id, en) = example_pair();
    for (source, target) in [
        ("id", "en"),
        ("id-ID", "en-GB"),
        ("in", "en-US"),
        ("id_ID", "en_AU"),
    ] {
        let output = padan(
            dir.path(),
            &[
                "align",
                &id,
                &en,
                "--source-lang",
                source,
                "--target-lang",
                target,
                "-o",
                "m.tmx",
            ],
        );
        assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
        let tmx = fs::read_to_string(dir.path().join("m.tmx")).expect("tmx");
        let (s, t) = (source.replace('_', "-"), target.replace('_', "-"));
        assert!(tmx.contains(&format!(r#"srclang="{s}""#)), "{source}");
        assert!(
            tmx.contains(&format!(r#"<tuv xml:lang="{t}">"#)),
            "{target}"
        );
        let output = padan(
            dir.path(),
            &[
                "glossary",
                &id,
                &en,
                "--source-lang",
                source,
                "--target-lang",
                target,
                "-f",
                "tbx",
            ],
        );
        assert!(
            stdout(&output).contains(&format!(r#"<langSet xml:lang="{t}">"#)),
            "{target}"
        );
        assert!(
            stdout(&output).contains(&format!(r#"<langSet xml:lang="{s}">"#)),
            "{source}"
        );
    }
    let output = padan(dir.path(), &["align", &id, &en, "--target-lang", "fr-FR"]);
    assert!(
        stderr(&output).contains("unknown language \"fr-FR\""),
        "{}",
        stderr(&output)
    );
    assert_eq!(output.status.code(), Some(2));
}

#[test]
fn the_output_extension_picks_the_format_and_a_contradiction_is_an_error() {
    let dir = temp_dir();
    let (id, en) = example_pair();
    let starts = |path: &str| {
        let bytes = fs::read(dir.path().join(path)).unwrap_or_default();
        String::from_utf8_lossy(&bytes[..bytes.len().min(40)]).into_owned()
    };
    let cases: [(&str, &str, &str); 9] = [
        ("align", "out.xlsx", "PK"),
        ("align", "out.tmx", "<?xml"),
        ("align", "out.csv", "bead,source_ids"),
        ("align", "out.jsonl", "{\"bead\":1"),
        ("align", "out.align", "[0]:[0, 1]"),
        ("glossary", "g.tbx", "<?xml"),
        ("glossary", "g.xlsx", "PK"),
        ("glossary", "g.utf8", "menteri luar negeri Rusia\t"),
        ("check", "c.xlsx", "PK"),
    ];
    for (command, output_name, start) in cases {
        let output = padan(dir.path(), &[command, &id, &en, "-o", output_name]);
        assert_eq!(
            output.status.code(),
            Some(0),
            "{output_name}: {}",
            stderr(&output)
        );
        assert!(
            starts(output_name).starts_with(start),
            "{output_name}: {}",
            starts(output_name)
        );
    }
    let output = padan(
        dir.path(),
        &["align", &id, &en, "-f", "csv", "-o", "x.xlsx"],
    );
    assert_eq!(
        stderr(&output),
        "padan: -o x.xlsx names a xlsx file but --format is csv; drop --format, or name the file \
         for csv\n"
    );
    assert_eq!(output.status.code(), Some(2));
    assert!(!dir.path().join("x.xlsx").exists());
}

#[test]
fn a_glossary_csv_for_spreadsheets_has_a_byte_order_mark_and_crlf() {
    let dir = temp_dir();
    let (id, en) = example_pair();
    let output = padan(
        dir.path(),
        &["glossary", &id, &en, "--excel", "-o", "g.csv"],
    );
    assert_eq!(output.status.code(), Some(0));
    let text = fs::read_to_string(dir.path().join("g.csv")).expect("csv");
    assert!(text.starts_with("\u{feff}source_term,"));
    assert!(text.lines().count() > 10 && text.matches("\r\n").count() == text.lines().count());
}

#[test]
fn a_termbase_of_an_unreviewed_glossary_marks_every_entry_as_a_proposal() {
    let dir = temp_dir();
    let (id, en) = example_pair();
    let output = padan(dir.path(), &["glossary", &id, &en, "-f", "tbx"]);
    let text = stdout(&output);
    let entries = text.matches("<termEntry").count();
    assert!(entries > 100, "{entries}");
    assert!(text.matches("proposed by padan, not reviewed").count() >= entries);
    assert!(!text.contains("preferredTerm-admn-sts"));
}

/// A number with exactly three digits after a point (`37.532`, `0.996`) is what a spreadsheet
/// whose locale groups thousands with `.` (Indonesian, German) reads as 37532 or 996.
fn thousands_lookalike(cell: &str) -> bool {
    let cell = cell.trim_matches('"');
    cell.split_once('.').is_some_and(|(int, frac)| {
        !int.is_empty()
            && int.bytes().all(|b| b.is_ascii_digit())
            && frac.len() == 3
            && frac.bytes().all(|b| b.is_ascii_digit())
    })
}

#[test]
fn spreadsheet_csvs_hold_no_number_a_locale_would_misread() {
    let dir = temp_dir();
    let (id, en) = example_pair();
    for args in [
        vec!["glossary", &id, &en, "-f", "csv"],
        vec!["align", &id, &en, "-f", "csv"],
    ] {
        let output = padan(dir.path(), &args);
        let text = stdout(&output);
        let bad: Vec<&str> = text
            .lines()
            .flat_map(|l| l.split(','))
            .filter(|c| thousands_lookalike(c))
            .collect();
        assert!(bad.is_empty(), "{args:?}: {bad:?}");
        assert!(text.contains(".0000") || text.contains(".5"), "{args:?}");
    }
}
