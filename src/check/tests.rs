use super::*;
use crate::document::Bead;
use crate::document::Side;
use crate::segment;

/// Checks a pair given as lines with `checker`, aligned as `beads` says.
fn flags_with(
    checker: &Checker,
    source: &str,
    target: &str,
    beads: &[(std::ops::Range<usize>, std::ops::Range<usize>)],
) -> Vec<Flag> {
    let (s, t) = (segment::lines(source), segment::lines(target));
    let beads: Vec<Bead> = beads
        .iter()
        .map(|(a, b)| Bead {
            source: a.clone(),
            target: b.clone(),
            confidence: 1.0,
        })
        .collect();
    let side = |name, text, segments| Side {
        name,
        text,
        segments,
        offset: 0,
        fingerprint: "",
    };
    let pair = AlignedPair {
        source: side("id.txt", source, &s),
        target: side("en.txt", target, &t),
        beads: &beads,
    };
    checker.check(&pair)
}

/// Checks a pair given as lines, aligned as `beads` says, with an agreed glossary.
fn flags_of(
    source: &str,
    target: &str,
    beads: &[(std::ops::Range<usize>, std::ops::Range<usize>)],
    glossary: &[(&str, &str)],
) -> Vec<(usize, Check, Severity, String)> {
    let glossary: Vec<(String, String)> = glossary
        .iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect();
    flags_with(
        &Checker::new(Lexicon::seed(), &glossary),
        source,
        target,
        beads,
    )
    .into_iter()
    .map(|f| (f.bead, f.check, f.severity, f.evidence))
    .collect()
}

#[test]
fn a_faithful_translation_has_no_flags() {
    let flags = flags_of(
        "Menteri Luar Negeri Rusia Sergei Lavrov bertemu Blinken di Reykjavik pada 19 Mei.\n\
         Harga gas naik 7,8 juta rupiah.\n",
        "Russian Foreign Minister Sergei Lavrov met Blinken in Reykjavik on May 19.\n\
         The price of gas rose by 7.8 million rupiah.\n",
        &[(0..1, 0..1), (1..2, 1..2)],
        &[("Menteri Luar Negeri", "Foreign Minister")],
    );
    assert_eq!(flags, []);
}

#[test]
fn each_check_fires_on_its_case() {
    let cases: &[(&str, &str, Check, Severity)] = &[
        (
            "Pertemuan puncak akan digelar bulan depan.",
            "The meeting will be held next month.",
            Check::TERM_MISSING,
            Severity::Error,
        ),
        (
            "Harga naik menjadi 7.800 dolar.",
            "The price rose to 7,600 dollars.",
            Check::named("number-mismatch"),
            Severity::Error,
        ),
        (
            "Harga naik menjadi 7.800 dolar.",
            "The price rose to thousands of dollars.",
            Check::named("number-mismatch"),
            Severity::Warning,
        ),
        (
            "Menurut Lavrov, perundingan berjalan baik.",
            "According to him, the talks went well.",
            Check::named("name-one-side"),
            Severity::Warning,
        ),
        (
            "Para menteri membahas perubahan iklim dan keamanan kawasan itu dalam pertemuan.",
            "They met.",
            Check::named("length-ratio"),
            Severity::Warning,
        ),
        (
            "Para menteri tidak membahas sanksi yang baru dalam pertemuan itu.",
            "Para menteri tidak membahas sanksi yang baru dalam pertemuan itu.",
            Check::named("untranslated"),
            Severity::Error,
        ),
    ];
    for (source, target, check, severity) in cases {
        let flags = flags_of(
            source,
            target,
            &[(0..1, 0..1)],
            &[("pertemuan puncak", "summit")],
        );
        assert!(
            flags
                .iter()
                .any(|(b, c, s, _)| *b == 0 && c == check && s == severity),
            "{source:?} / {target:?}: expected {check} {severity}, got {flags:?}"
        );
    }
}

#[test]
fn evidence_names_the_words() {
    let flags = flags_of(
        "Harga naik menjadi 7.800 dolar dalam pertemuan puncak.",
        "The price rose to 7,600 dollars at the meeting.",
        &[(0..1, 0..1)],
        &[
            ("pertemuan puncak", "summit"),
            ("pertemuan puncak", "summit meeting"),
        ],
    );
    assert_eq!(
        flags,
        [
            (
                0,
                Check::TERM_MISSING,
                Severity::Error,
                "\"pertemuan puncak\" should be \"summit\" or \"summit meeting\" (glossary); not \
                 found in the English"
                    .to_owned()
            ),
            (
                0,
                Check::named("number-mismatch"),
                Severity::Error,
                "Indonesian 7.800 vs English 7,600".to_owned()
            ),
        ]
    );
}

#[test]
fn unaligned_sentences_are_omissions_and_additions() {
    let flags = flags_of(
        "Satu kalimat.\nKalimat yang hilang.\n",
        "One sentence.\nAn added sentence.\n",
        &[(0..1, 0..1), (1..2, 1..1), (2..2, 1..2)],
        &[],
    );
    let kinds: Vec<(usize, Check, Severity)> =
        flags.iter().map(|(b, c, s, _)| (*b, *c, *s)).collect();
    assert_eq!(
        kinds,
        [
            (1, Check::OMISSION, Severity::Error),
            (2, Check::ADDITION, Severity::Warning)
        ]
    );
}

#[test]
fn variants_used_in_turn_are_inconsistent() {
    let flags = flags_of(
        "Menteri Luar Negeri tiba.\nMenteri Luar Negeri pergi.\nMenteri Luar Negeri kembali.\n",
        "The Foreign Minister arrived.\nThe Foreign Minister left.\nThe Secretary of State returned.\n",
        &[(0..1, 0..1), (1..2, 1..2), (2..3, 2..3)],
        &[
            ("Menteri Luar Negeri", "Foreign Minister"),
            ("Menteri Luar Negeri", "Secretary of State"),
        ],
    );
    assert_eq!(
        flags,
        [(
            2,
            Check::TERM_INCONSISTENT,
            Severity::Warning,
            "\"Menteri Luar Negeri\" is \"Secretary of State\" here and \"Foreign Minister\" in 2 \
             other place(s)"
                .to_owned()
        )]
    );
}

/// The flags of one 1-1 bead, by check name.
fn checks_of(source: &str, target: &str) -> Vec<(&'static str, Severity, String)> {
    flags_of(source, target, &[(0..1, 0..1)], &[])
        .into_iter()
        .map(|(_, c, s, e)| (c.as_str(), s, e))
        .collect()
}

/// Asserts `check` flags the pair with `severity` and evidence holding `quote`.
fn fires(check: &str, severity: Severity, quote: &str, source: &str, target: &str) {
    let flags = checks_of(source, target);
    assert!(
        flags
            .iter()
            .any(|(c, s, e)| *c == check && *s == severity && e.contains(quote)),
        "{source:?} / {target:?}: expected {check} {severity} quoting {quote:?}, got {flags:?}"
    );
}

/// Asserts `check` does not flag the pair.
fn quiet(check: &str, source: &str, target: &str) {
    let flags = checks_of(source, target);
    assert!(
        !flags.iter().any(|(c, _, _)| *c == check),
        "{source:?} / {target:?}: expected no {check}, got {flags:?}"
    );
}

#[test]
fn codes_changed_or_dropped_either_way_and_quantities_are_not_codes() {
    fires(
        "code-mismatch",
        Severity::Error,
        "G7",
        "Para pemimpin G7 bertemu.",
        "The G8 leaders met.",
    );
    fires(
        "code-mismatch",
        Severity::Warning,
        "COVID-19",
        "Kasus COVID-19 naik.",
        "Cases rose.",
    );
    fires(
        "code-mismatch",
        Severity::Warning,
        "A4",
        "Kertas itu dicetak.",
        "The paper is printed on A4.",
    );
    quiet(
        "code-mismatch",
        "Kasus covid-19 naik.",
        "COVID-19 cases rose.",
    );
    quiet(
        "code-mismatch",
        "Jaraknya 5km, pada hari ke-2.",
        "It is 5km away, on the 2nd day.",
    );
    quiet(
        "code-mismatch",
        "Pada tahun 1990-an selama 14 hari.",
        "In the 1990s for a 14-day stay.",
    );
    quiet(
        "code-mismatch",
        "Virus kerabat-SARS-CoV-2 ditemukan.",
        "A SARS-CoV-2-related virus was found.",
    );
}

#[test]
fn units_of_one_kind_that_differ_are_flagged_and_the_same_unit_in_each_language_is_not() {
    fires(
        "unit-mismatch",
        Severity::Error,
        "5 km",
        "Jaraknya 5 km.",
        "It is 5 miles away.",
    );
    fires(
        "unit-mismatch",
        Severity::Error,
        "5 dolar",
        "Harganya 5 dolar.",
        "It costs 5 euros.",
    );
    quiet("unit-mismatch", "Harganya Rp 7.800.", "It costs IDR 7,800.");
    quiet(
        "unit-mismatch",
        "Naik 30 persen dalam 2 hari.",
        "Up 30% in 2 days.",
    );
    quiet("unit-mismatch", "Jaraknya 5 km.", "It is 3.1 miles away.");
}

#[test]
fn links_addresses_and_files_must_be_copied() {
    fires(
        "link-mismatch",
        Severity::Error,
        "https://kemkes.go.id",
        "Lihat https://kemkes.go.id.",
        "See the website.",
    );
    fires(
        "link-mismatch",
        Severity::Error,
        "info@who.int",
        "Hubungi kami.",
        "Write to info@who.int.",
    );
    fires(
        "link-mismatch",
        Severity::Error,
        "laporan.pdf",
        "Unduh laporan.pdf sekarang.",
        "Download report.pdf now.",
    );
    quiet(
        "link-mismatch",
        "Lihat www.who.int/covid.",
        "See www.who.int/covid",
    );
    quiet(
        "link-mismatch",
        "Ikuti @kemenkes_ri di Twitter.",
        "Follow @kemenkes_ri on Twitter.",
    );
}

#[test]
fn placeholders_and_tags_missing_added_or_reordered() {
    fires(
        "placeholder-mismatch",
        Severity::Error,
        "{0}",
        "Halo {0}, selamat datang.",
        "Hello, welcome.",
    );
    fires(
        "placeholder-mismatch",
        Severity::Error,
        "</b>",
        "Ini <b>penting</b>.",
        "This is <b>important.",
    );
    fires(
        "placeholder-mismatch",
        Severity::Error,
        "[2]",
        "Lihat catatan.",
        "See the note [2].",
    );
    fires(
        "placeholder-mismatch",
        Severity::Warning,
        "filled in order",
        "%s dari %d",
        "%d of %s",
    );
    quiet(
        "placeholder-mismatch",
        "{1} dan {0} datang.",
        "{0} and {1} came.",
    );
}

#[test]
fn brackets_and_quotes_left_open_in_the_target() {
    fires(
        "bracket-mismatch",
        Severity::Warning,
        "( without )",
        "Ia (menteri) datang.",
        "He (the minister came.",
    );
    fires(
        "bracket-mismatch",
        Severity::Warning,
        "“ without ”",
        "Ia berkata “ya”.",
        "He said “yes.",
    );
    fires(
        "bracket-mismatch",
        Severity::Warning,
        "both",
        "Ia berkata “ya”.",
        "He said “yes” and \"no\".",
    );
    // A quotation over several sentences leaves both sides open alike; a house style is fine.
    quiet(
        "bracket-mismatch",
        "“Kami siap bekerja.",
        "“We are ready to work.",
    );
    quiet("bracket-mismatch", "Ia berkata “ya”.", "He said \"yes\".");
    // The source's own imbalance is the client's, not the translator's.
    quiet("bracket-mismatch", "Ia berkata ya”.", "He said yes.");
}

#[test]
fn spacing_is_judged_in_the_target_only() {
    fires(
        "spacing",
        Severity::Warning,
        "double space",
        "Ia datang.",
        "He  came.",
    );
    fires(
        "spacing",
        Severity::Warning,
        "before \",\"",
        "Ia datang, lalu pergi.",
        "He came , then left.",
    );
    quiet("spacing", "Ia  datang .", "He came.");
    quiet("spacing", "Ia menunggu ...", "He waited ...");
    quiet("spacing", "Nilainya .5 persen.", "The value is .5 percent.");
}

#[test]
fn a_word_twice_is_a_repeat_and_reduplication_is_not() {
    fires(
        "repeated-word",
        Severity::Warning,
        "the the",
        "Ia datang.",
        "He saw the the minister.",
    );
    fires(
        "repeated-word",
        Severity::Warning,
        "yang yang",
        "Buku yang yang baru.",
        "The new book.",
    );
    quiet(
        "repeated-word",
        "Buku-buku dan kupu-kupu berserakan, bolak-balik.",
        "Books and butterflies lay about, back and forth.",
    );
    quiet("repeated-word", "Ia sudah cukup.", "He had had enough.");
}

#[test]
fn end_punctuation_questions_colons_and_a_lost_full_stop() {
    fires(
        "end-punctuation",
        Severity::Warning,
        "ends with ?",
        "Apakah ia datang?",
        "He came.",
    );
    fires(
        "end-punctuation",
        Severity::Warning,
        "ends with ?",
        "Ia datang.",
        "Did he come?",
    );
    fires(
        "end-punctuation",
        Severity::Warning,
        "ends with :",
        "Ia berkata:",
        "He said.",
    );
    fires(
        "end-punctuation",
        Severity::Warning,
        "no final punctuation",
        "Ia datang.",
        "He came",
    );
    quiet(
        "end-punctuation",
        "“Apakah ia datang?” tanyanya.",
        "“Did he come?” she asked.",
    );
    quiet("end-punctuation", "Ia datang!", "He came.");
    quiet("end-punctuation", "Ketegangan Arktik", "Arctic tensions");
}

#[test]
fn capitals_a_lower_case_start_and_a_name_in_lower_case() {
    fires(
        "capitalisation",
        Severity::Warning,
        "starts in lower case",
        "Ia datang.",
        "he came.",
    );
    fires(
        "capitalisation",
        Severity::Warning,
        "Reykjavik as reykjavik",
        "Lavrov tiba di Reykjavik.",
        "Lavrov arrived in reykjavik.",
    );
    quiet(
        "capitalisation",
        "iPhone baru dirilis.",
        "iPhone sales began.",
    );
    quiet("capitalisation", "dan ia datang.", "and he came.");
}

#[test]
fn indonesian_conventions_are_not_errors() {
    // Thousands with dots, a decimal comma, pk. 10.30 and a time with a dot, dll.
    let source =
        "Pada pk. 10.30 WIB harga naik menjadi Rp 7.800, atau 2,5 persen, untuk beras, gula, dll.";
    let target = "At 10:30 a.m. the price rose to IDR 7,800, or 2.5 percent, for rice, sugar, etc.";
    let flags = checks_of(source, target);
    // Only names to look at (WIB, IDR), nothing wrong.
    assert!(
        flags.iter().all(|(c, _, _)| *c == "name-one-side"),
        "{flags:?}"
    );
    // 22.00 is 10 p.m.
    quiet(
        "number-mismatch",
        "Ia tiba pukul 22.00.",
        "He arrived at 10:00 p.m.",
    );
}

#[test]
fn a_rejected_target_used_is_an_error_and_an_agreed_target_without_its_source_a_warning() {
    let lexicon = Lexicon::seed();
    let source = "Pertemuan itu berlangsung di Gedung Putih.";
    let target = "The summit meeting took place at the White House.";
    let one = [(0..1, 0..1)];
    let agreed = [("pertemuan puncak".to_owned(), "summit meeting".to_owned())];
    let rejected = [("Gedung Putih".to_owned(), "White House".to_owned())];
    let checker = Checker::new(lexicon, &agreed).with_forbidden(&rejected);
    let flags = flags_with(&checker, source, target, &one);
    let names: Vec<&str> = flags.iter().map(|f| f.check.as_str()).collect();
    assert!(names.contains(&"forbidden-term"), "{flags:?}");
    assert!(names.contains(&"term-reverse"), "{flags:?}");
    // --skip and --only by name; an unknown name is an error listing the known ones.
    let only = Selection::new(&["forbidden-term".to_owned()], &[]).expect("known");
    let checker = Checker::new(lexicon, &agreed)
        .with_forbidden(&rejected)
        .with_selection(only);
    let flags = flags_with(&checker, source, target, &one);
    assert!(
        flags.iter().all(|f| f.check == Check::FORBIDDEN_TERM),
        "{flags:?}"
    );
    let skip = Selection::new(&[], &["forbidden-term".to_owned()]).expect("known");
    let checker = Checker::new(lexicon, &agreed)
        .with_forbidden(&rejected)
        .with_selection(skip);
    let flags = flags_with(&checker, source, target, &one);
    assert!(
        flags.iter().all(|f| f.check != Check::FORBIDDEN_TERM),
        "{flags:?}"
    );
    let unknown = Selection::new(&["spelling".to_owned()], &[]).expect_err("unknown");
    assert!(
        unknown.contains("there is no check \"spelling\""),
        "{unknown}"
    );
    assert!(unknown.contains("unit-mismatch"), "{unknown}");
}

#[test]
fn a_checklist_rule_flags_a_required_rendering_missing_and_a_bad_rule_names_its_line() {
    let rules = checklist::parse(
        "source_pattern,target_pattern,message,severity\n\
         (?i)\\bKTT\\b,(?i)summit,KTT is rendered summit,error\n\
         ,(?i)\\bgonna\\b,informal English,\n",
        "rules.csv",
    )
    .expect("a checklist");
    assert_eq!(rules.len(), 2);
    let hit = rules[0].matches("KTT di Bali", "The meeting in Bali");
    assert_eq!(
        hit.as_deref(),
        Some(
            "KTT is rendered summit: \"KTT\" in the source, no match of /(?i)summit/ in the target"
        )
    );
    assert!(rules[0]
        .matches("KTT di Bali", "The summit in Bali")
        .is_none());
    assert!(rules[1]
        .matches("Kami akan datang", "We are gonna come")
        .is_some());
    assert_eq!(rules[1].severity, Severity::Warning);
    let bad = checklist::parse(
        "source_pattern,target_pattern,message,severity\n(unclosed,,x,error\n",
        "rules.csv",
    )
    .expect_err("a bad pattern");
    assert!(bad.to_string().contains("rules.csv:2"), "{bad}");
    let bad = checklist::parse(
        "source_pattern,target_pattern,message,severity\na,b,x,fatal\n",
        "rules.csv",
    )
    .expect_err("a bad severity");
    assert!(
        bad.to_string().contains("neither error nor warning"),
        "{bad}"
    );
    let bad = checklist::parse("pattern,message\na,b\n", "rules.csv").expect_err("no columns");
    assert!(
        bad.to_string().contains("source_pattern,target_pattern"),
        "{bad}"
    );
}
