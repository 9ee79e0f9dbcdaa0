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

/// One planted error: what is replaced in the English, by what, and the check that must flag
/// the bead that holds the replacement.
struct Planted {
    what: &'static str,
    from: &'static str,
    to: &'static str,
    check: &'static str,
}

const PLANTED: &[Planted] = &[
    Planted {
        what: "a number changed",
        from: "almost two hours",
        to: "almost 3 hours",
        check: "number-mismatch",
    },
    Planted {
        what: "a code changed",
        from: "after the G7 summit",
        to: "after the G8 summit",
        check: "code-mismatch",
    },
    Planted {
        what: "a code dropped",
        from: "Nord Stream 2 gas",
        to: "Nord Stream gas",
        check: "number-mismatch",
    },
    Planted {
        what: "a bracket left open",
        from: "as a “killer” –",
        to: "as a (“killer” –",
        check: "bracket-mismatch",
    },
    Planted {
        what: "a double space",
        from: "tried to ease",
        to: "tried to  ease",
        check: "spacing",
    },
    Planted {
        what: "a space before a comma",
        from: "Still, the discussion",
        to: "Still , the discussion",
        check: "spacing",
    },
    Planted {
        what: "a word repeated",
        from: "described Wednesday's talks",
        to: "described the the talks",
        check: "repeated-word",
    },
    Planted {
        what: "a statement made a question",
        from: "Lavrov did not answer.",
        to: "Did Lavrov not answer?",
        check: "end-punctuation",
    },
    Planted {
        what: "a lower-case start",
        from: "Arctic tensions",
        to: "arctic tensions",
        check: "capitalisation",
    },
    Planted {
        what: "a name lower-cased",
        from: "talks in Reykjavik –",
        to: "talks in reykjavik –",
        check: "capitalisation",
    },
    Planted {
        what: "a rejected term used",
        from: "the White House announced",
        to: "the Gedung Putih announced",
        check: "forbidden-term",
    },
    Planted {
        what: "a checklist rule broken",
        from: "their first summit, possibly in June in Europe after the G7 summit",
        to: "their first meeting, possibly in June in Europe after the G7 meeting",
        check: "checklist",
    },
    Planted {
        what: "a unit changed",
        from: "almost two hours",
        to: "almost two days",
        check: "unit-mismatch",
    },
];

#[test]
fn every_planted_error_is_found_on_its_bead_and_the_clean_example_stays_quiet() {
    let dir = temp_dir();
    let (id, en) = example_pair();
    fs::write(
        dir.path().join("glossary.csv"),
        "source_term,target_term,status\nGedung Putih,Gedung Putih,rejected\n",
    )
    .expect("write");
    fs::write(
        dir.path().join("rules.csv"),
        "source_pattern,target_pattern,message,severity\n\\bG7\\b,(?i)summit,a G7 meeting is a summit,error\n",
    )
    .expect("write");
    let check = |english: &str| {
        let output = padan(
            dir.path(),
            &[
                "check",
                &id,
                english,
                "-g",
                "glossary.csv",
                "--checklist",
                "rules.csv",
            ],
        );
        assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
        stdout(&output)
            .lines()
            .skip(1)
            .map(|l| {
                let f: Vec<&str> = l.split('\t').collect();
                (f[8].to_owned(), f[4].to_owned(), f[6].to_owned())
            })
            .collect::<Vec<_>>()
    };
    // The faithful translation: the English source line only, and the one name the Indonesian
    // spells out.
    let clean = check(&en);
    assert_eq!(
        clean.iter().map(|(_, c, _)| c.as_str()).collect::<Vec<_>>(),
        ["addition"],
        "{clean:?}"
    );
    let english = fs::read_to_string(fixture("reykjavik/en.txt")).expect("fixture");
    for planted in PLANTED {
        assert!(
            english.contains(planted.from),
            "{}: {:?} not in the example",
            planted.what,
            planted.from
        );
        fs::write(
            dir.path().join("planted.txt"),
            english.replacen(planted.from, planted.to, 1),
        )
        .expect("write");
        let flags = check("planted.txt");
        assert!(
            flags
                .iter()
                .any(|(target, c, _)| c == planted.check && target.contains(planted.to)),
            "{}: no {} on the bead of {:?}; flags: {flags:?}",
            planted.what,
            planted.check,
            planted.to
        );
    }
}

#[test]
fn unknown_check_names_and_bad_checklists_are_refused_before_any_work() {
    let dir = temp_dir();
    let (id, en) = example_pair();
    let output = padan(dir.path(), &["check", &id, &en, "--only", "numbers"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("there is no check \"numbers\"; the checks are term-missing,"),
        "{}",
        stderr(&output)
    );
    fs::write(
        dir.path().join("rules.csv"),
        "source_pattern,target_pattern,message,severity\nok,,fine,\n[unclosed,,broken,error\n",
    )
    .expect("write");
    let output = padan(dir.path(), &["check", &id, &en, "--checklist", "rules.csv"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("rules.csv:3"),
        "{}",
        stderr(&output)
    );
    assert!(
        stderr(&output).contains("is not a regular expression"),
        "{}",
        stderr(&output)
    );
    assert_eq!(stdout(&output), "");
    // --only and --skip pick checks by name.
    let output = padan(dir.path(), &["check", &id, &en, "--skip", "addition"]);
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(stdout(&output).lines().count(), 1, "{}", stdout(&output));
    let output = padan(
        dir.path(),
        &["check", &id, &en, "--only", "addition,omission"],
    );
    assert_eq!(stdout(&output).lines().count(), 2, "{}", stdout(&output));
}
