//! Input as people have it: hard-wrapped text, saved web pages, Word and OpenDocument files,
//! each file in its own encoding (tests/fixtures/shapes/, made by tools/shape_fixtures.py from
//! the example), and the files padan does not read as articles.

use std::fs;

use super::*;

fn shape(name: &str) -> String {
    fixture_str(&format!("shapes/{name}"))
}

/// Aligns SOURCE with TARGET and scores the beads against the example's gold: strict F1.
fn strict_f1(dir: &Path, source: &str, target: &str, extra: &[&str]) -> (String, String) {
    let mut args = vec!["align", source, target, "-f", "beads", "-o", "test.align"];
    args.extend_from_slice(extra);
    let output = padan(dir, &args);
    assert_eq!(
        output.status.code(),
        Some(0),
        "{source}: {}",
        stderr(&output)
    );
    let gold = fixture_str("reykjavik/gold.align");
    let scored = padan(dir, &["eval", &gold, "test.align"]);
    let f1 = stdout(&scored)
        .lines()
        .last()
        .unwrap_or_default()
        .to_owned();
    (f1, stderr(&output))
}

#[test]
fn the_example_aligns_to_its_gold_in_every_shape_without_a_flag() {
    let dir = temp_dir();
    let id = fixture_str("reykjavik/id.txt");
    let cases = [
        (shape("id.wrapped.txt"), shape("en.wrapped.txt"), ""),
        (shape("id.html"), shape("en.html"), ""),
        (shape("id.docx"), shape("en.docx"), ""),
        (
            id.clone(),
            shape("en.cp1252.txt"),
            "not UTF-8; read as windows-1252",
        ),
        // Shapes mixed in one pair.
        (shape("id.docx"), shape("en.wrapped.txt"), ""),
        (shape("id.wrapped.txt"), shape("en.html"), ""),
    ];
    for (source, target, warning) in cases {
        let (f1, err) = strict_f1(dir.path(), &source, &target, &[]);
        assert_eq!(f1, "strict_f1=1.0000", "{source} {target}");
        if warning.is_empty() {
            assert_eq!(err, "", "{source} {target}");
        } else {
            assert!(err.contains(warning), "{err}");
        }
    }
}

#[test]
fn a_hard_wrapped_text_is_unwrapped_unless_told_to_read_lines() {
    let dir = temp_dir();
    let wrapped = shape("id.wrapped.txt");
    let segments = |extra: &[&str]| {
        let mut args = vec!["segment", wrapped.as_str(), "--lang", "id"];
        args.extend_from_slice(extra);
        stdout(&padan(dir.path(), &args)).lines().count()
    };
    // The example's 30 gold sentences, unwrapped; line by line it is some 80 pieces.
    let gold = fs::read_to_string(fixture("reykjavik/id.sents")).expect("gold");
    assert_eq!(segments(&[]), gold.lines().count());
    assert_eq!(
        stdout(&padan(dir.path(), &["segment", &wrapped, "--lang", "id"])),
        gold
    );
    assert!(segments(&["--paragraphs", "lines"]) > 60);
    assert_eq!(segments(&["--paragraphs", "blank"]), gold.lines().count());
    // A faithful translation in that shape checks clean, as the unwrapped one does.
    let output = padan(
        dir.path(),
        &[
            "check",
            &wrapped,
            &shape("en.wrapped.txt"),
            "--fail-on",
            "error",
        ],
    );
    assert_eq!(output.status.code(), Some(0), "{}", stdout(&output));
    assert_eq!(
        stderr(&output),
        "padan check: 1 pair, 30 beads: 0 errors, 1 warning (addition 1)\n"
    );
}

#[test]
fn a_saved_web_page_gives_its_article_text_only() {
    let dir = temp_dir();
    let output = padan(dir.path(), &["segment", &shape("en.html"), "--lang", "en"]);
    assert_eq!(stderr(&output), "");
    let gold = fs::read_to_string(fixture("reykjavik/en.sents")).expect("gold");
    assert_eq!(stdout(&output), gold);
    // No markup, navigation or footer in the glossary either.
    let output = padan(
        dir.path(),
        &["glossary", &shape("id.html"), &shape("en.html")],
    );
    let glossary = stdout(&output).to_lowercase();
    for junk in [
        "charset",
        "script",
        "berita dunia",
        "politik",
        "hak cipta",
        "<p>",
    ] {
        assert!(!glossary.contains(junk), "{junk}");
    }
    // A page that declares its encoding is read in it.
    let page = "<html><head><meta charset=\"windows-1252\"></head><body><p>Kaf\u{e9} \u{201c}enak\u{201d}.</p></body></html>";
    let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode(page);
    fs::write(dir.path().join("p.html"), &bytes).expect("write");
    let output = padan(dir.path(), &["segment", "p.html"]);
    assert_eq!(stderr(&output), "");
    assert_eq!(stdout(&output), "Kafé “enak”.\n");
}

#[test]
fn a_word_document_gives_its_paragraphs_and_headings() {
    let dir = temp_dir();
    let output = padan(dir.path(), &["segment", &shape("id.docx")]);
    assert_eq!(stderr(&output), "");
    let gold = fs::read_to_string(fixture("reykjavik/id.sents")).expect("gold");
    assert_eq!(stdout(&output), gold);
    let output = padan(dir.path(), &["segment", &shape("id.docx"), "-f", "jsonl"]);
    let headings = stdout(&output)
        .lines()
        .filter(|l| l.contains("\"heading\":true"))
        .count();
    assert_eq!(headings, 2);
}

#[test]
fn each_file_is_decoded_on_its_own() {
    let dir = temp_dir();
    let id = fixture_str("reykjavik/id.txt");
    let en = shape("en.cp1252.txt");
    // --encoding applies only to the files that are not UTF-8: the Indonesian stays intact.
    let output = padan(
        dir.path(),
        &["align", &id, &en, "--encoding", "windows-1252"],
    );
    assert_eq!(stderr(&output), "");
    let text = stdout(&output);
    assert!(
        text.contains("“konstruktif”") && text.contains("“constructive”"),
        "{text}"
    );
    assert!(!text.contains('\u{fffd}') && !text.contains("â€"));
    // Per side.
    let output = padan(
        dir.path(),
        &["align", &id, &en, "--target-encoding", "windows-1252"],
    );
    assert_eq!(stderr(&output), "");
    assert_eq!(stdout(&output), text);
    // A label that decodes every text to one character is refused.
    let output = padan(
        dir.path(),
        &["align", &id, &en, "--encoding", "replacement"],
    );
    assert_eq!(
        stderr(&output),
        "padan: unknown encoding \"replacement\", use a label such as utf-8, windows-1252 or latin1\n"
    );
    assert_eq!(output.status.code(), Some(2));
}

#[test]
fn files_that_are_not_articles_are_named_with_what_to_do() {
    let dir = temp_dir();
    let mut xlsx = Vec::new();
    {
        let mut book = rust_xlsxwriter::Workbook::new();
        book.add_worksheet().write_string(0, 0, "x").expect("cell");
        xlsx.extend(book.save_to_buffer().expect("xlsx"));
    }
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        (
            "a.pdf",
            b"%PDF-1.7\n1 0 obj".to_vec(),
            "a.pdf: a PDF document, not a text padan reads; extract its text first, e.g. \
             pdftotext -layout article.pdf article.txt, and give the .txt",
        ),
        (
            "a.rtf",
            b"{\\rtf1\\ansi Halo}".to_vec(),
            "a.rtf: an RTF document, not a text padan reads; save it as .docx or plain text \
             (UTF-8) from the word processor, or convert it: libreoffice --headless \
             --convert-to docx article.rtf",
        ),
        (
            "a.xlsx",
            xlsx,
            "a.xlsx: an Excel spreadsheet (.xlsx), not a text padan reads; give the article as \
             text, .docx or .html; a reviewed alignment goes to padan export, a glossary to \
             --glossary or --reviewed",
        ),
        (
            "a.png",
            b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec(),
            "a.png: a PNG image, not a text padan reads; give the article's text; an image \
             needs OCR first (e.g. tesseract image.png article)",
        ),
        (
            "a.doc",
            b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1".to_vec(),
            "a.doc: an old Microsoft Office file (.doc or .xls), not a text padan reads; save \
             it as .docx (or plain text) from the word processor, or convert it: libreoffice \
             --headless --convert-to docx article.doc",
        ),
    ];
    let en = fixture_str("reykjavik/en.txt");
    for (name, bytes, message) in cases {
        fs::write(dir.path().join(name), bytes).expect("write");
        for args in [vec!["segment", name], vec!["align", name, en.as_str()]] {
            let output = padan(dir.path(), &args);
            assert_eq!(stderr(&output), format!("padan: {message}\n"), "{args:?}");
            assert_eq!(output.status.code(), Some(2));
            assert_eq!(stdout(&output), "");
        }
    }
}

#[test]
fn a_batch_over_folders_of_mixed_shapes_aligns_every_pair() {
    let dir = temp_dir();
    for side in ["id", "en"] {
        fs::create_dir_all(dir.path().join(side)).expect("mkdir");
    }
    let copy = |from: String, to: &str| {
        fs::copy(from, dir.path().join(to)).expect("copy");
    };
    copy(shape("id.wrapped.txt"), "id/wrapped.txt");
    copy(shape("en.wrapped.txt"), "en/wrapped.txt");
    copy(shape("id.html"), "id/page.html");
    copy(shape("en.html"), "en/page.html");
    copy(shape("id.docx"), "id/word.docx");
    copy(shape("en.docx"), "en/word.docx");
    copy(fixture_str("reykjavik/id.txt"), "id/legacy.txt");
    copy(shape("en.cp1252.txt"), "en/legacy.txt");
    // Paired by stem: a Word document with a web page.
    copy(shape("id.docx"), "id/mixed.docx");
    copy(shape("en.html"), "en/mixed.html");
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
            "beads",
            "-q",
            "--no-glossary",
        ],
    );
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(stderr(&output).contains("en/legacy.txt: not UTF-8; read as windows-1252"));
    let gold = fs::read_to_string(fixture("reykjavik/gold.align")).expect("gold");
    let normalize = |t: &str| t.lines().map(str::trim).collect::<Vec<_>>().join("\n");
    for name in ["wrapped", "page", "word", "legacy", "mixed"] {
        let beads =
            fs::read_to_string(dir.path().join(format!("out/{name}.align"))).expect("beads");
        assert_eq!(normalize(&beads), normalize(&gold), "{name}");
    }
}
