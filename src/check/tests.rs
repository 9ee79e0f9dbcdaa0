use super::*;
use crate::document::Bead;
use crate::document::Side;
use crate::segment;

/// Checks a pair given as lines, aligned line n to line n unless `beads` says otherwise.
fn flags_of(
    source: &str,
    target: &str,
    beads: &[(std::ops::Range<usize>, std::ops::Range<usize>)],
    glossary: &[(&str, &str)],
) -> Vec<(usize, Check, Severity, String)> {
    let (s, t) = (segment::lines(source), segment::lines(target));
    let beads: Vec<Bead> = beads
        .iter()
        .map(|(a, b)| Bead {
            source: a.clone(),
            target: b.clone(),
            confidence: 1.0,
        })
        .collect();
    let pair = AlignedPair {
        source: Side {
            name: "id.txt",
            text: source,
            segments: &s,
            offset: 0,
            fingerprint: "",
        },
        target: Side {
            name: "en.txt",
            text: target,
            segments: &t,
            offset: 0,
            fingerprint: "",
        },
        beads: &beads,
    };
    let glossary: Vec<(String, String)> = glossary
        .iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect();
    let lexicon = Lexicon::seed();
    Checker::new(lexicon, &glossary)
        .check(&pair)
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
            Check::TermMissing,
            Severity::Error,
        ),
        (
            "Harga naik menjadi 7.800 dolar.",
            "The price rose to 7,600 dollars.",
            Check::NumberMismatch,
            Severity::Error,
        ),
        (
            "Harga naik menjadi 7.800 dolar.",
            "The price rose to thousands of dollars.",
            Check::NumberMismatch,
            Severity::Warning,
        ),
        (
            "Menurut Lavrov, perundingan berjalan baik.",
            "According to him, the talks went well.",
            Check::NameOneSide,
            Severity::Warning,
        ),
        (
            "Para menteri membahas perubahan iklim dan keamanan kawasan itu dalam pertemuan.",
            "They met.",
            Check::LengthRatio,
            Severity::Warning,
        ),
        (
            "Para menteri tidak membahas sanksi yang baru dalam pertemuan itu.",
            "Para menteri tidak membahas sanksi yang baru dalam pertemuan itu.",
            Check::Untranslated,
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
                Check::TermMissing,
                Severity::Error,
                "\"pertemuan puncak\" should be \"summit\" or \"summit meeting\" (glossary); not \
                 found in the English"
                    .to_owned()
            ),
            (
                0,
                Check::NumberMismatch,
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
            (1, Check::Omission, Severity::Error),
            (2, Check::Addition, Severity::Warning)
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
            Check::TermInconsistent,
            Severity::Warning,
            "\"Menteri Luar Negeri\" is \"Secretary of State\" here and \"Foreign Minister\" in 2 \
             other place(s)"
                .to_owned()
        )]
    );
}
