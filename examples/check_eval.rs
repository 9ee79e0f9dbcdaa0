//! How often `padan check` cries wolf, and whether it finds what is planted.
//!
//! False flags: every document of FLORES-200 devtest and TICO-19 test (faithful professional
//! translations) checked with its gold sentence pairs as 1-1 beads, so that only the checks are
//! judged, not the aligner; flags per check and per 100 sentence pairs.
//!
//! Planted errors: in 50 FLORES documents, one error of each kind planted in the target of one
//! sentence pair (a changed number, a dropped code, a changed unit, a dropped link, a dropped
//! placeholder, an unclosed bracket, a double space, a repeated word, a lost question mark, a
//! lower-case start, a rejected term used, a copied source, a checklist rule broken); found when
//! the expected check flags that bead.
//!
//! Usage: `cargo run --release --example check_eval -- [DATA_DIR]` (default `../shared/data`).

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;
use std::process::ExitCode;

use padan::check::{checklist, Check, Checker, Flag, Severity};
use padan::document::{AlignedPair, Bead, Side};
use padan::segment;
use padan::Lexicon;

/// Documents of a doc-aligned TSV (`doc, id, source, target`), in file order.
fn documents(path: &Path) -> Result<Vec<Vec<(String, String)>>, String> {
    let text = fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let mut docs: Vec<(String, Vec<(String, String)>)> = Vec::new();
    for line in text.lines() {
        let fields: Vec<&str> = line.split('\t').collect();
        if fields.len() < 4 {
            continue;
        }
        let pair = (fields[2].trim().to_owned(), fields[3].trim().to_owned());
        match docs.last_mut() {
            Some((name, pairs)) if name == fields[0] => pairs.push(pair),
            _ => docs.push((fields[0].to_owned(), vec![pair])),
        }
    }
    Ok(docs.into_iter().map(|(_, p)| p).collect())
}

/// The flags of a document whose pairs are 1-1 beads.
fn flags(checker: &Checker, pairs: &[(String, String)]) -> Vec<Flag> {
    let source: String = pairs.iter().map(|(s, _)| s.clone() + "\n").collect();
    let target: String = pairs.iter().map(|(_, t)| t.clone() + "\n").collect();
    let (s, t) = (segment::lines(&source), segment::lines(&target));
    let beads: Vec<Bead> = (0..pairs.len())
        .map(|k| Bead {
            source: k..k + 1,
            target: k..k + 1,
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
        source: side("id", &source, &s),
        target: side("en", &target, &t),
        beads: &beads,
    };
    checker.check(&pair)
}

/// One kind of planted error: its name, the check that must find it, and how to plant it in a
/// sentence pair (None when this pair cannot hold it).
type Plant = (
    &'static str,
    &'static str,
    fn(&str, &str) -> Option<(String, String)>,
);

fn first_number(text: &str) -> Option<(usize, usize)> {
    let start = text.find(|c: char| c.is_ascii_digit())?;
    let len = text[start..]
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(text.len() - start);
    Some((start, start + len))
}

fn plants() -> Vec<Plant> {
    vec![
        ("number changed", "number-mismatch", |s, t| {
            let (a, b) = first_number(t)?;
            first_number(s)?;
            let n: u64 = t[a..b].parse().ok()?;
            Some((s.to_owned(), format!("{}{}{}", &t[..a], n + 3, &t[b..])))
        }),
        ("code dropped", "code-mismatch", |s, t| {
            Some((format!("{s} Kode G20."), format!("{t} Code G7.")))
        }),
        ("unit changed", "unit-mismatch", |s, t| {
            Some((
                format!("{s} Jaraknya 5 km."),
                format!("{t} It is 5 miles away."),
            ))
        }),
        ("link dropped", "link-mismatch", |s, t| {
            Some((
                format!("{s} Lihat https://example.org/laporan."),
                format!("{t} See the report."),
            ))
        }),
        ("placeholder dropped", "placeholder-mismatch", |s, t| {
            Some((format!("{s} {{0}}"), t.to_owned()))
        }),
        ("bracket not closed", "bracket-mismatch", |s, t| {
            let at = t.find(' ')?;
            Some((s.to_owned(), format!("{} ({}", &t[..at], &t[at + 1..])))
        }),
        ("double space", "spacing", |s, t| {
            let at = t.find(' ')?;
            Some((s.to_owned(), format!("{}  {}", &t[..at], &t[at + 1..])))
        }),
        ("word repeated", "repeated-word", |s, t| {
            let words: Vec<&str> = t.split(' ').collect();
            let k = words
                .iter()
                .position(|w| w.len() > 3 && w.chars().all(|c| c.is_lowercase()))?;
            let mut out = words.clone();
            out.insert(k, words[k]);
            Some((s.to_owned(), out.join(" ")))
        }),
        ("question mark lost", "end-punctuation", |s, t| {
            let s = s.strip_suffix('.')?;
            let t = t.strip_suffix('.')?;
            Some((format!("{s}?"), format!("{t}.")))
        }),
        ("lower-case start", "capitalisation", |s, t| {
            let first = t.chars().next()?;
            (first.is_uppercase() && s.starts_with(char::is_uppercase)).then(|| {
                (
                    s.to_owned(),
                    first.to_lowercase().collect::<String>() + &t[first.len_utf8()..],
                )
            })
        }),
        ("rejected term used", "forbidden-term", |s, t| {
            Some((
                format!("{s} Ada pertemuan puncak."),
                format!("{t} There was a summit meeting."),
            ))
        }),
        ("source copied", "untranslated", |s, _| {
            Some((s.to_owned(), s.to_owned()))
        }),
        ("checklist rule broken", "checklist", |s, t| {
            Some((format!("{s} Ini KTT."), format!("{t} This is a meeting.")))
        }),
    ]
}

fn main() -> ExitCode {
    let data = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "../shared/data".to_owned());
    let data = Path::new(&data);
    let sets = [
        (
            "flores200-devtest",
            data.join("flores200-devtest/flores200-devtest.doc-aligned.ind-eng.tsv"),
        ),
        (
            "tico19-test",
            data.join("tico19-test/tico19-test.doc-aligned.ind-eng.tsv"),
        ),
    ];
    let lexicon = Lexicon::seed();
    let rules = match checklist::parse(
        "source_pattern,target_pattern,message,severity\nKTT,(?i)summit,KTT is rendered summit,error\n",
        "checklist",
    ) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("check_eval: {e}");
            return ExitCode::FAILURE;
        }
    };
    let rejected = [("pertemuan puncak".to_owned(), "summit meeting".to_owned())];
    let checker = Checker::new(lexicon, &[])
        .with_forbidden(&rejected)
        .with_checklist(rules);

    println!(
        "False flags on faithful translations (gold pairs as 1-1 beads), per 100 sentence pairs:\n"
    );
    let mut all_docs = Vec::new();
    let mut header = String::from("| check | severity |");
    let mut rule = String::from("|---|---|");
    let mut counts: BTreeMap<(Check, Severity), Vec<usize>> = BTreeMap::new();
    let mut sizes = Vec::new();
    for (k, (name, path)) in sets.iter().enumerate() {
        let docs = match documents(path) {
            Ok(d) => d,
            Err(e) => {
                eprintln!("check_eval: {e}");
                return ExitCode::FAILURE;
            }
        };
        let pairs: usize = docs.iter().map(Vec::len).sum();
        header.push_str(&format!(" {name} ({pairs} pairs) |"));
        rule.push_str("---|");
        sizes.push(pairs);
        for doc in &docs {
            for flag in flags(&checker, doc) {
                counts
                    .entry((flag.check, flag.severity))
                    .or_insert_with(|| vec![0; sets.len()])[k] += 1;
                if std::env::var_os("SHOW_FLAGS").is_some() {
                    eprintln!(
                        "{name}: {} {}: {}",
                        flag.check, flag.severity, flag.evidence
                    );
                }
            }
        }
        if *name == "flores200-devtest" {
            all_docs = docs;
        }
    }
    println!("{header}\n{rule}");
    for name in Check::all() {
        for severity in [Severity::Error, Severity::Warning] {
            let Some(found) = counts.get(&(Check::named(name), severity)) else {
                continue;
            };
            let cells: Vec<String> = found
                .iter()
                .zip(&sizes)
                .map(|(n, size)| format!("{n} ({:.2})", 100.0 * *n as f64 / *size as f64))
                .collect();
            println!("| {name} | {severity} | {} |", cells.join(" | "));
        }
    }

    println!("\nPlanted errors, one of each kind in each of 50 FLORES documents:\n");
    println!("| error planted | check | planted | found | found in the clean pair too |");
    println!("|---|---|---|---|---|");
    for (what, check, plant) in plants() {
        let (mut planted, mut found, mut before) = (0, 0, 0);
        for doc in all_docs.iter().take(50) {
            let Some(k) = doc.iter().position(|(s, t)| plant(s, t).is_some()) else {
                continue;
            };
            let Some((s, t)) = plant(&doc[k].0, &doc[k].1) else {
                continue;
            };
            let mut changed = doc.clone();
            changed[k] = (s, t);
            planted += 1;
            let hit = |pairs: &[(String, String)]| {
                flags(&checker, pairs)
                    .iter()
                    .any(|f| f.bead == k && f.check.as_str() == check)
            };
            found += usize::from(hit(&changed));
            before += usize::from(hit(doc));
        }
        println!("| {what} | {check} | {planted} | {found} | {before} |");
    }
    ExitCode::SUCCESS
}
