//! `padan check` on the example: nothing at error level on the faithful translation; exactly
//! the three errors an editor introduced after editing it.

use std::fs;

use super::{assert_golden, example_pair, fixture, padan, set_status, stderr, stdout, temp_dir};

/// The example's glossary, built by padan, with `pertemuan puncak ↔ summit` approved as a
/// reviewer would.
fn approved_glossary(dir: &std::path::Path) {
    let (id, en) = example_pair();
    let output = padan(dir, &["glossary", &id, &en]);
    let text = set_status(&stdout(&output), "pertemuan puncak,summit", "approved");
    assert!(text.contains(",approved,"));
    fs::write(dir.join("glossary.csv"), text).expect("write");
}

fn errors(report: &str) -> Vec<(String, String)> {
    report
        .lines()
        .skip(1)
        .map(|l| l.split('\t').collect::<Vec<_>>())
        .filter(|f| f[5] == "error")
        .map(|f| (f[1].to_owned(), f[4].to_owned()))
        .collect()
}

#[test]
fn the_faithful_example_has_no_error() {
    let dir = temp_dir();
    approved_glossary(dir.path());
    let (id, en) = example_pair();
    let args = [
        "check",
        &id,
        &en,
        "-g",
        "glossary.csv",
        "--fail-on",
        "error",
    ];
    let output = padan(dir.path(), &args);
    assert_eq!(output.status.code(), Some(0), "{}", stdout(&output));
    assert_eq!(errors(&stdout(&output)), []);
    assert!(stderr(&output).starts_with("padan check: 1 pair, 30 beads: 0 errors"));
}

#[test]
fn an_edited_translation_gives_exactly_its_three_errors() {
    let dir = temp_dir();
    approved_glossary(dir.path());
    let english = fs::read_to_string(fixture("reykjavik/en.txt")).unwrap_or_default();
    let edited = english
        // A number changed.
        .replacen("almost two hours", "almost three hours", 1)
        // The agreed term translated otherwise.
        .replacen("confirm a possible summit", "confirm a possible meeting", 1)
        // A sentence dropped.
        .replacen(
            "Blinken said on Monday that he expected the summit to take place in the coming weeks.\n",
            "",
            1,
        );
    assert_eq!(english.len() - edited.len(), 83, "all three edits applied");
    fs::write(dir.path().join("en.txt"), edited).expect("write");
    let (id, _) = example_pair();
    let args = [
        "check",
        &id,
        "en.txt",
        "-g",
        "glossary.csv",
        "--fail-on",
        "error",
    ];
    let output = padan(dir.path(), &args);
    let report = stdout(&output);
    assert_eq!(
        errors(&report),
        [
            ("2".to_owned(), "term-missing".to_owned()),
            ("4".to_owned(), "number-mismatch".to_owned()),
            ("26".to_owned(), "omission".to_owned()),
        ],
        "{report}"
    );
    assert_eq!(output.status.code(), Some(1));
    assert!(report.contains(
        "\"pertemuan puncak\" should be \"summit\" (glossary); not found in the English"
    ));
    assert!(report.contains("Indonesian dua vs English three"));
    assert!(report.contains("Indonesian sentence 27 has no English translation"));
    assert!(
        stderr(&output).starts_with(
            "padan check: 1 pair, 30 beads: 3 errors (term-missing 1, number-mismatch 1, omission 1)"
        ),
        "{}",
        stderr(&output)
    );
    // The report's document column names the file as given: keep the golden file portable.
    let portable = report.replace(&id, "id.txt");
    assert_golden("reykjavik.edited.check.tsv", portable.as_bytes());

    // The same report as a workbook and as Excel's CSV.
    let xlsx = padan(
        dir.path(),
        &[
            "check",
            &id,
            "en.txt",
            "-g",
            "glossary.csv",
            "-f",
            "xlsx",
            "-o",
            "c.xlsx",
        ],
    );
    assert_eq!(xlsx.status.code(), Some(0), "{}", stderr(&xlsx));
    let bytes = fs::read(dir.path().join("c.xlsx")).expect("written");
    let mut book: calamine::Xlsx<_> =
        calamine::Xlsx::new(std::io::Cursor::new(bytes)).expect("readable");
    use calamine::Reader;
    let sheet = book.worksheet_range("Checks").expect("sheet");
    assert_eq!(sheet.height(), report.lines().count());
    let csv = padan(
        dir.path(),
        &[
            "check",
            &id,
            "en.txt",
            "-g",
            "glossary.csv",
            "-f",
            "csv",
            "--excel",
        ],
    );
    assert!(csv.stdout.starts_with("\u{feff}document,pair,".as_bytes()));
}

#[test]
fn check_needs_pairs() {
    let dir = temp_dir();
    let (id, _) = example_pair();
    let output = padan(dir.path(), &["check", &id]);
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(
        stderr(&output),
        "padan: padan check takes pairs of texts, SOURCE TARGET [SOURCE TARGET ...]; got 1 file(s)\n"
    );
}
