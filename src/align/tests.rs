use super::features::{overlap, Concepts, Scratch, SideTokens};
use super::*;
use proptest::prelude::*;
use std::ops::Range;

fn inputs(texts: &[String]) -> Vec<SegmentInput<'_>> {
    texts
        .iter()
        .map(|t| SegmentInput {
            text: t,
            paragraph_start: None,
        })
        .collect()
}

fn sentences(text: &str) -> Vec<String> {
    text.lines().map(str::to_owned).collect()
}

const ID: &str = include_str!("../../tests/fixtures/reykjavik/id.sents");
const EN: &str = include_str!("../../tests/fixtures/reykjavik/en.sents");

fn ranges(beads: &[Bead]) -> Vec<(Range<usize>, Range<usize>)> {
    beads
        .iter()
        .map(|b| (b.source.clone(), b.target.clone()))
        .collect()
}

/// Every segment of both sides in exactly one bead, in order; no empty bead.
fn assert_covers(beads: &[Bead], ns: usize, nt: usize) {
    let (mut i, mut j) = (0, 0);
    for bead in beads {
        assert_eq!(
            (bead.source.start, bead.target.start),
            (i, j),
            "gap or overlap at {bead:?}"
        );
        assert!(
            !bead.source.is_empty() || !bead.target.is_empty(),
            "empty bead {bead:?}"
        );
        assert!(
            (0.0..=1.0).contains(&bead.confidence),
            "confidence {bead:?}"
        );
        i = bead.source.end;
        j = bead.target.end;
    }
    assert_eq!((i, j), (ns, nt));
}

#[test]
fn the_example_aligns_as_the_gold_does() {
    let (id, en) = (sentences(ID), sentences(EN));
    let beads = Aligner::new(Lexicon::seed()).align(&inputs(&id), &inputs(&en));
    let got: Vec<String> = beads
        .iter()
        .map(|b| eval::format_bead(&b.source, &b.target))
        .collect();
    let gold: Vec<&str> = include_str!("../../tests/fixtures/reykjavik/gold.align")
        .lines()
        .collect();
    assert_eq!(got, gold);
}

#[test]
fn a_text_aligned_with_itself_is_all_one_to_one() {
    let en = sentences(EN);
    let beads = Aligner::new(Lexicon::seed())
        .with_languages(Lang::En, Lang::En)
        .align(&inputs(&en), &inputs(&en));
    assert_eq!(beads.len(), en.len());
    for (k, bead) in beads.iter().enumerate() {
        assert_eq!(
            (bead.source.clone(), bead.target.clone()),
            (k..k + 1, k..k + 1)
        );
    }
}

#[test]
fn swapping_the_inputs_swaps_the_beads() {
    let (id, en) = (sentences(ID), sentences(EN));
    let forward = Aligner::new(Lexicon::seed()).align(&inputs(&id), &inputs(&en));
    let backward = Aligner::new(Lexicon::seed())
        .with_languages(Lang::En, Lang::Id)
        .align(&inputs(&en), &inputs(&id));
    let swapped: Vec<_> = ranges(&backward).into_iter().map(|(s, t)| (t, s)).collect();
    assert_eq!(ranges(&forward), swapped);
}

#[test]
fn empty_sides_give_omission_beads() {
    let en = sentences(EN);
    let beads = Aligner::new(Lexicon::seed()).align(&[], &inputs(&en[..3]));
    assert_eq!(
        ranges(&beads),
        vec![(0..0, 0..1), (0..0, 1..2), (0..0, 2..3)]
    );
    assert!(Aligner::new(Lexicon::seed()).align(&[], &[]).is_empty());
}

#[test]
fn inverted_index_overlaps_equal_the_reference_merge() {
    let (id, en) = (sentences(ID), sentences(EN));
    let lexicon = Lexicon::seed();
    let mut concepts = Concepts::default();
    let source = SideTokens::new(&inputs(&id), Lang::Id, lexicon).units(lexicon, &mut concepts);
    let target = SideTokens::new(&inputs(&en), Lang::En, lexicon).units(lexicon, &mut concepts);
    let table = search::pair_overlaps_for_test(&source, &target);
    let mut scratch = Scratch::default();
    for (s, unit) in source.iter().enumerate() {
        for (t, other) in target.iter().enumerate() {
            let (a, b) = overlap(unit, other, &mut scratch);
            let (c, d) = table[s][t];
            assert!(
                (a - c).abs() < 1e-4 && (b - d).abs() < 1e-4,
                "pair {s},{t}: {a},{b} vs {c},{d}"
            );
        }
    }
}

fn sentence_list() -> impl Strategy<Value = Vec<String>> {
    let words = prop::sample::select(vec![
        "Rusia",
        "Lavrov",
        "pertemuan",
        "puncak",
        "summit",
        "7.800",
        "2021",
        "the",
        "yang",
        "NATO",
        "Arktik",
        "sanksi",
        "konstruktif",
        "?",
        "“kata”",
        "juru",
        "bicara",
    ]);
    prop::collection::vec(
        prop::collection::vec(words, 1..12).prop_map(|w| w.join(" ")),
        0..25,
    )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn every_segment_lands_in_exactly_one_bead_in_order(a in sentence_list(), b in sentence_list()) {
        let beads = Aligner::new(Lexicon::seed()).align(&inputs(&a), &inputs(&b));
        assert_covers(&beads, a.len(), b.len());
        let again = Aligner::new(Lexicon::seed()).align(&inputs(&a), &inputs(&b));
        prop_assert_eq!(beads, again);
    }
}

#[test]
fn long_texts_go_coarse_to_fine_and_stay_right() {
    // The example twenty times over: 600 x 680 segments, past the exact-search size.
    let repeat = 20;
    let id: Vec<String> = sentences(ID)
        .into_iter()
        .cycle()
        .take(30 * repeat)
        .collect();
    let en: Vec<String> = sentences(EN)
        .into_iter()
        .cycle()
        .take(34 * repeat)
        .collect();
    assert!((id.len() + 1) * (en.len() + 1) > FULL_SEARCH_CELLS);
    let beads = Aligner::new(Lexicon::seed()).align(&inputs(&id), &inputs(&en));
    assert_covers(&beads, id.len(), en.len());
    let gold_one = eval::parse_beads(
        include_str!("../../tests/fixtures/reykjavik/gold.align"),
        "gold",
    )
    .unwrap_or_default();
    let gold: Vec<eval::IndexBead> = (0..repeat)
        .flat_map(|k| {
            gold_one.iter().map(move |(s, t)| {
                (
                    s.iter().map(|i| i + 30 * k).collect(),
                    t.iter().map(|j| j + 34 * k).collect(),
                )
            })
        })
        .collect();
    let test: Vec<eval::IndexBead> = beads
        .iter()
        .map(|b| (b.source.clone().collect(), b.target.clone().collect()))
        .collect();
    let f1 = eval::Counts::of(&gold, &test).strict().f1;
    assert!(f1 > 0.98, "strict F1 {f1}");
}

#[test]
#[ignore = "statistics for tuning, not a check"]
fn entries_per_token() {
    let Ok(text) = std::fs::read_to_string("../shared/eval/tico-long/000.id") else {
        eprintln!("skipped: ../shared is absent");
        return;
    };
    let en = std::fs::read_to_string("../shared/eval/tico-long/000.en").unwrap_or_default();
    let lexicon = Lexicon::seed();
    let mut concepts = Concepts::default();
    for (lang, t) in [(Lang::Id, &text), (Lang::En, &en)] {
        let lines = sentences(t);
        let side = SideTokens::new(&inputs(&lines), lang, lexicon);
        let units = side.units(lexicon, &mut concepts);
        let tokens: usize = units.iter().map(|u| u.weights.len()).sum();
        let entries: usize = units.iter().map(|u| u.entries.len()).sum();
        eprintln!(
            "{lang}: {} units, {tokens} tokens, {entries} entries, {:.2} per token",
            units.len(),
            entries as f64 / tokens as f64
        );
    }
}

#[test]
fn source_units_built_beside_the_target_are_those_built_after_it() {
    let (id, en) = (sentences(ID), sentences(EN));
    let lexicon = Lexicon::seed();
    let source = SideTokens::new(&inputs(&id), Lang::Id, lexicon);
    let target = SideTokens::new(&inputs(&en), Lang::En, lexicon);
    let mut after = Concepts::default();
    target.units(lexicon, &mut after);
    after.freeze();
    let expected = source.units(lexicon, &mut after);

    let mut beside = Concepts::default();
    target.units(lexicon, &mut beside);
    beside.freeze();
    let mut own = Concepts::default();
    let units = source.units(lexicon, &mut own);
    let adopted = beside.adopt(units, &own);
    assert_eq!(format!("{adopted:?}"), format!("{expected:?}"));
    assert!(adopted.iter().any(|u| !u.entries.is_empty()));
}
