//! Review exports: xlsx read back with calamine, TMX and TBX parsed back as XML, OmegaT and
//! the CSV/TSV flavours against golden files.

use std::fs;
use std::io::{Cursor, Read};

use calamine::{Data, Reader, Xlsx};

use super::{assert_golden, example_pair, padan, set_status, stderr, stdout, temp_dir};

/// A small pre-segmented pair whose cells a spreadsheet would take for formulas.
const RISKY_ID: &str = "Harga turun tajam.\n-5 persen tahun ini.\n=SUM(A1:A9)\n@kemenlu menulis.\n";
const RISKY_EN: &str =
    "Prices fell sharply.\n-5 percent this year.\n=SUM(A1:A9)\n@kemenlu wrote.\n";

fn workbook(bytes: &[u8]) -> Xlsx<Cursor<Vec<u8>>> {
    Xlsx::new(Cursor::new(bytes.to_vec())).expect("a readable xlsx")
}

fn cell(range: &calamine::Range<Data>, row: u32, col: u32) -> String {
    range
        .get_value((row, col))
        .map(|d| d.to_string())
        .unwrap_or_default()
}

/// A file of the xlsx zip, as text.
fn part(bytes: &[u8], name: &str) -> String {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes.to_vec())).expect("xlsx is a zip");
    let mut text = String::new();
    zip.by_name(name)
        .expect("part present")
        .read_to_string(&mut text)
        .expect("utf-8 part");
    text
}

/// Style indices (cellXfs) that carry Excel's quote prefix.
fn quoted_styles(bytes: &[u8]) -> Vec<String> {
    let styles = part(bytes, "xl/styles.xml");
    let doc = roxmltree::Document::parse(&styles).expect("styles parse");
    let xfs = doc
        .descendants()
        .find(|n| n.has_tag_name("cellXfs"))
        .expect("cellXfs");
    xfs.children()
        .filter(|n| n.has_tag_name("xf"))
        .enumerate()
        .filter(|(_, n)| n.attribute("quotePrefix") == Some("1"))
        .map(|(k, _)| k.to_string())
        .collect()
}

/// The style index of a cell (`B3`) in a worksheet part.
fn style_of(sheet_xml: &str, reference: &str) -> String {
    let doc = roxmltree::Document::parse(sheet_xml).expect("sheet parses");
    doc.descendants()
        .find(|n| n.has_tag_name("c") && n.attribute("r") == Some(reference))
        .and_then(|n| n.attribute("s"))
        .unwrap_or("0")
        .to_owned()
}

fn risky_pair(dir: &std::path::Path) {
    fs::write(dir.join("id.txt"), RISKY_ID).expect("write");
    fs::write(dir.join("en.txt"), RISKY_EN).expect("write");
}

#[test]
fn xlsx_alignment_reads_back_with_frozen_header_and_neutralized_cells() {
    let dir = temp_dir();
    risky_pair(dir.path());
    let args = [
        "align",
        "id.txt",
        "en.txt",
        "--presegmented",
        "--format",
        "xlsx",
        "-o",
        "a.xlsx",
    ];
    let output = padan(dir.path(), &args);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let bytes = fs::read(dir.path().join("a.xlsx")).expect("xlsx written");

    let mut book = workbook(&bytes);
    // The hidden sheet records where the workbook came from.
    assert_eq!(book.sheet_names(), ["Summary", "id", "padan"]);
    let sheet = book.worksheet_range("id").expect("document sheet");
    let header: Vec<String> = (0..7).map(|c| cell(&sheet, 0, c)).collect();
    assert_eq!(
        header,
        [
            "#",
            "status",
            "Indonesian (id-ID)",
            "English (en-US)",
            "confidence",
            "flags",
            "reviewer comment"
        ]
    );
    assert_eq!(cell(&sheet, 1, 2), "Harga turun tajam.");
    assert_eq!(cell(&sheet, 2, 2), "-5 persen tahun ini.");
    assert_eq!(cell(&sheet, 2, 3), "-5 percent this year.");
    // Text, never a formula: the value is the string as written.
    assert_eq!(
        sheet.get_value((3, 2)),
        Some(&Data::String("=SUM(A1:A9)".into()))
    );
    assert!(
        cell(&sheet, 3, 5).contains("untranslated"),
        "flags: {}",
        cell(&sheet, 3, 5)
    );
    assert!(matches!(sheet.get_value((1, 4)), Some(Data::Float(c)) if *c > 0.5));

    let summary = book.worksheet_range("Summary").expect("summary sheet");
    assert_eq!(cell(&summary, 0, 0), "document");
    assert_eq!(cell(&summary, 1, 0), "id.txt");
    assert_eq!(cell(&summary, 1, 4), "4"); // beads

    let xml = part(&bytes, "xl/worksheets/sheet2.xml");
    assert!(
        xml.contains(
            r#"<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>"#
        ),
        "{xml}"
    );
    let quoted = quoted_styles(&bytes);
    for risky in ["C3", "D3", "C4", "D4", "C5", "D5"] {
        assert!(
            quoted.contains(&style_of(&xml, risky)),
            "{risky} not quote-prefixed"
        );
    }
    assert!(!quoted.contains(&style_of(&xml, "C2")), "C2 quote-prefixed");

    // Same input, same bytes.
    let again = padan(
        dir.path(),
        &[
            "align",
            "id.txt",
            "en.txt",
            "--presegmented",
            "--format",
            "xlsx",
            "-o",
            "b.xlsx",
        ],
    );
    assert_eq!(again.status.code(), Some(0));
    assert_eq!(fs::read(dir.path().join("b.xlsx")).ok(), Some(bytes));
}

#[test]
fn xlsx_is_refused_on_a_terminal_only() {
    // Piped (as here), the workbook goes to stdout; the refusal needs a terminal.
    let dir = temp_dir();
    risky_pair(dir.path());
    let output = padan(
        dir.path(),
        &["align", "id.txt", "en.txt", "--presegmented", "-f", "xlsx"],
    );
    assert_eq!(output.status.code(), Some(0));
    assert!(output.stdout.starts_with(b"PK"));
}

#[test]
fn csv_for_spreadsheets_neutralizes_and_tsv_for_tools_stays_literal() {
    let dir = temp_dir();
    risky_pair(dir.path());
    let csv = padan(
        dir.path(),
        &[
            "align",
            "id.txt",
            "en.txt",
            "--presegmented",
            "-f",
            "csv",
            "--excel",
        ],
    );
    assert_golden("risky.align.excel.csv", &csv.stdout);
    assert!(csv.stdout.starts_with("\u{feff}bead,".as_bytes()));
    assert!(stdout(&csv).contains("'-5 persen tahun ini.,'-5 percent this year.,\r\n"));
    let tsv = padan(dir.path(), &["align", "id.txt", "en.txt", "--presegmented"]);
    assert_golden("risky.align.tsv", &tsv.stdout);
    assert!(stdout(&tsv).contains("\t-5 persen tahun ini.\t-5 percent this year.\n"));
}

#[test]
fn tmx_has_every_required_header_attribute_and_parses_back() {
    let dir = temp_dir();
    let (id, en) = example_pair();
    let output = padan(dir.path(), &["align", &id, &en, "--format", "tmx"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_golden("reykjavik.tmx", &output.stdout);
    let text = stdout(&output);
    let doc = roxmltree::Document::parse(&text).expect("TMX is well-formed XML");
    let root = doc.root_element();
    assert_eq!(root.tag_name().name(), "tmx");
    assert_eq!(root.attribute("version"), Some("1.4"));
    let header = root
        .children()
        .find(|n| n.has_tag_name("header"))
        .expect("header");
    for attribute in [
        "creationtool",
        "creationtoolversion",
        "segtype",
        "o-tmf",
        "adminlang",
        "srclang",
        "datatype",
    ] {
        assert!(
            header.attribute(attribute).is_some(),
            "header lacks {attribute}"
        );
    }
    assert_eq!(header.attribute("srclang"), Some("id-ID"));
    const XML: &str = "http://www.w3.org/XML/1998/namespace";
    let units: Vec<roxmltree::Node> = doc.descendants().filter(|n| n.has_tag_name("tu")).collect();
    // 30 beads, one of them 0-1 (the English source line): left out by default.
    assert_eq!(units.len(), 29);
    for unit in &units {
        let langs: Vec<&str> = unit
            .children()
            .filter(|n| n.has_tag_name("tuv"))
            .filter_map(|n| n.attribute((XML, "lang")))
            .collect();
        assert_eq!(langs, ["id-ID", "en-US"]);
    }
    let first_seg = units[0]
        .descendants()
        .find(|n| n.has_tag_name("seg"))
        .and_then(|n| n.text())
        .unwrap_or_default();
    assert!(
        first_seg.starts_with("Menteri luar negeri AS dan Rusia"),
        "{first_seg}"
    );

    let kept = padan(
        dir.path(),
        &["align", &id, &en, "--format", "tmx", "--keep-unaligned"],
    );
    let kept_text = stdout(&kept);
    let kept_doc = roxmltree::Document::parse(&kept_text).expect("well-formed");
    assert_eq!(
        kept_doc
            .descendants()
            .filter(|n| n.has_tag_name("tu"))
            .count(),
        30
    );
}

#[test]
fn tmx_escapes_markup_and_drops_characters_xml_forbids() {
    let dir = temp_dir();
    fs::write(
        dir.path().join("id.txt"),
        "Harga <b>naik</b> & \"turun\"\u{1}.\n",
    )
    .expect("write");
    fs::write(dir.path().join("en.txt"), "Prices <b>rose</b> & 'fell'.\n").expect("write");
    let output = padan(
        dir.path(),
        &["align", "id.txt", "en.txt", "--presegmented", "-f", "tmx"],
    );
    let text = stdout(&output);
    let doc = roxmltree::Document::parse(&text).expect("well-formed");
    let segs: Vec<&str> = doc
        .descendants()
        .filter(|n| n.has_tag_name("seg"))
        .filter_map(|n| n.text())
        .collect();
    assert_eq!(
        segs,
        [
            "Harga <b>naik</b> & \"turun\".",
            "Prices <b>rose</b> & 'fell'."
        ]
    );
}

/// The example's glossary with two rows reviewed: one approved, one rejected.
fn reviewed_glossary(dir: &std::path::Path) -> String {
    let (id, en) = example_pair();
    let output = padan(dir, &["glossary", &id, &en]);
    let text = set_status(&stdout(&output), "pertemuan puncak,summit", "approved");
    let text = set_status(&text, "Ketegangan Arktik,Arctic tensions", "rejected");
    assert!(text.contains(",approved,") && text.contains(",rejected,"));
    fs::write(dir.join("reviewed.csv"), &text).expect("write");
    "reviewed.csv".to_owned()
}

#[test]
fn tbx_has_one_concept_per_source_term_with_variants_as_synonyms() {
    let dir = temp_dir();
    let reviewed = reviewed_glossary(dir.path());
    let (id, en) = example_pair();
    let output = padan(
        dir.path(),
        &["glossary", &id, &en, "--reviewed", &reviewed, "-f", "tbx"],
    );
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_golden("reykjavik.tbx", &output.stdout);
    let text = stdout(&output);
    let doc = roxmltree::Document::parse(&text).expect("TBX is well-formed XML");
    assert_eq!(doc.root_element().attribute("type"), Some("TBX-Basic"));
    let entries: Vec<roxmltree::Node> = doc
        .descendants()
        .filter(|n| n.has_tag_name("termEntry"))
        .collect();
    let terms_of = |entry: &roxmltree::Node, lang: &str| -> Vec<String> {
        entry
            .children()
            .filter(|n| n.has_tag_name("langSet"))
            .filter(|n| n.attribute(("http://www.w3.org/XML/1998/namespace", "lang")) == Some(lang))
            .flat_map(|n| n.descendants().filter(|t| t.has_tag_name("term")))
            .filter_map(|t| t.text().map(str::to_owned))
            .collect()
    };
    let mut sources: Vec<String> = entries
        .iter()
        .flat_map(|e| terms_of(e, "id-ID"))
        .map(|s| s.to_lowercase())
        .collect();
    let total = sources.len();
    sources.sort();
    sources.dedup();
    assert_eq!(sources.len(), total, "a source term in two concept entries");
    let summit = entries
        .iter()
        .find(|e| terms_of(e, "id-ID") == ["pertemuan puncak"])
        .expect("pertemuan puncak entry");
    assert_eq!(terms_of(summit, "en-US"), ["summit"]);
    let status = summit
        .descendants()
        .find(|n| n.attribute("type") == Some("administrativeStatus"))
        .and_then(|n| n.text());
    assert_eq!(status, Some("preferredTerm-admn-sts"));
    // A reviewed glossary's termbase holds its agreed terms only.
    assert_eq!(entries.len(), 1, "{text}");
    // With --all, the proposals too; several English variants of one source term are
    // synonyms in one entry, and a proposal says it was not reviewed.
    let output = padan(
        dir.path(),
        &[
            "glossary",
            &id,
            &en,
            "--reviewed",
            &reviewed,
            "-f",
            "tbx",
            "--all",
        ],
    );
    let text = stdout(&output);
    let doc = roxmltree::Document::parse(&text).expect("TBX is well-formed XML");
    let entries: Vec<roxmltree::Node> = doc
        .descendants()
        .filter(|n| n.has_tag_name("termEntry"))
        .collect();
    let minister = entries
        .iter()
        .find(|e| terms_of(e, "id-ID") == ["Menteri Luar Negeri"])
        .expect("Menteri Luar Negeri entry");
    assert_eq!(
        terms_of(minister, "en-US"),
        ["foreign minister", "Secretary of State"]
    );
    assert!(minister
        .descendants()
        .any(|n| n.text() == Some("proposed by padan, not reviewed")));
    // Rejected pairs never reach a termbase.
    assert!(!entries
        .iter()
        .any(|e| terms_of(e, "id-ID") == ["Ketegangan Arktik"]
            && terms_of(e, "en-US").contains(&"Arctic tensions".to_owned())));
}

#[test]
fn omegat_glossary_is_three_tab_separated_columns_without_header() {
    let dir = temp_dir();
    let reviewed = reviewed_glossary(dir.path());
    let (id, en) = example_pair();
    let output = padan(
        dir.path(),
        &[
            "glossary",
            &id,
            &en,
            "--reviewed",
            &reviewed,
            "-f",
            "omegat",
        ],
    );
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_golden("reykjavik.omegat.txt", &output.stdout);
    let text = stdout(&output);
    assert!(text.lines().all(|l| l.split('\t').count() == 3), "{text}");
    assert_eq!(text, "pertemuan puncak\tsummit\tterm; approved\n");
    assert!(!text.contains("Ketegangan Arktik\tArctic tensions"));
}

#[test]
fn xlsx_glossary_reads_back_with_status_and_neutralized_cells() {
    let dir = temp_dir();
    let reviewed = reviewed_glossary(dir.path());
    let mut text = fs::read_to_string(dir.path().join(&reviewed)).unwrap_or_default();
    text.push_str("-5 persen,-5 percent,term,,,,,approved,,,added by hand\n");
    fs::write(dir.path().join(&reviewed), text).expect("write");
    let (id, en) = example_pair();
    let output = padan(
        dir.path(),
        &[
            "glossary",
            &id,
            &en,
            "--reviewed",
            &reviewed,
            "-f",
            "xlsx",
            "-o",
            "g.xlsx",
        ],
    );
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let bytes = fs::read(dir.path().join("g.xlsx")).expect("written");
    let mut book = workbook(&bytes);
    let sheet = book.worksheet_range("Glossary").expect("sheet");
    assert_eq!(cell(&sheet, 0, 0), "source_term");
    assert_eq!(cell(&sheet, 0, 10), "note");
    let rows: Vec<(String, String, String)> = (1..sheet.height() as u32)
        .map(|r| (cell(&sheet, r, 0), cell(&sheet, r, 1), cell(&sheet, r, 7)))
        .collect();
    assert!(rows.contains(&(
        "pertemuan puncak".into(),
        "summit".into(),
        "approved".into()
    )));
    assert!(rows.contains(&("-5 persen".into(), "-5 percent".into(), "approved".into())));
    let row = rows.iter().position(|r| r.0 == "-5 persen").unwrap_or(0) + 2;
    let xml = part(&bytes, "xl/worksheets/sheet1.xml");
    assert!(xml.contains(r#"state="frozen""#));
    assert!(quoted_styles(&bytes).contains(&style_of(&xml, &format!("A{row}"))));
}

#[test]
fn the_alignment_workbook_flags_a_target_the_glossary_rejects() {
    let dir = temp_dir();
    let (id, en) = example_pair();
    fs::write(
        dir.path().join("rejected.csv"),
        "source_term,target_term,status\nGedung Putih,White House,rejected\n",
    )
    .expect("write");
    let output = padan(
        dir.path(),
        &["align", &id, &en, "-g", "rejected.csv", "-o", "review.xlsx"],
    );
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let bytes = fs::read(dir.path().join("review.xlsx")).expect("workbook");
    let mut book = workbook(&bytes);
    let sheets = book.sheet_names().to_vec();
    let flags: Vec<String> = sheets
        .iter()
        .filter_map(|name| book.worksheet_range(name).ok())
        .flat_map(|range| {
            range
                .rows()
                .flat_map(|row| row.iter().map(|d| d.to_string()))
                .filter(|text| text.contains("forbidden-term"))
                .collect::<Vec<_>>()
        })
        .collect();
    // Both beads that render Gedung Putih as White House.
    assert_eq!(flags.len(), 2, "{flags:?}");
    assert!(flags[0]
        .contains("\"Gedung Putih\" is translated \"White House\", which the glossary rejects"));
}
