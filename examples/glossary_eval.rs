//! Scores a glossary against a reference dictionary, as issue 4 asks: precision at 100 and 500
//! of single-word entries (identical strings skipped), and top-1 accuracy on the 1,000 most
//! frequent source content words the dictionary knows.
//!
//! Single-word entries whose either side is a function word or holds a digit are left out of
//! every glossary scored, so a word aligner's `dan`/`and` does not count for or against it.
//!
//! Usage: `cargo run --release --example glossary_eval -- GLOSSARY.csv DICT.tsv CORPUS.id`
//! where DICT.tsv is `english<TAB>indonesian` (FreeDict's bestEffort file, read reversed) and
//! CORPUS.id the source side the glossary was built from (for word frequencies). A glossary
//! is any CSV with source_term,target_term columns in rank order (padan's, or one derived
//! from a word aligner the same way).

use std::collections::{HashMap, HashSet};
use std::process::ExitCode;

use padan::table::read_table;
use padan::text::stem::EnglishStemmer;
use padan::text::tokens::{is_stopword, tokenize};
use padan::Lang;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [glossary, dict, corpus] = &args[..] else {
        eprintln!("usage: glossary_eval GLOSSARY.csv DICT.tsv CORPUS.id");
        return ExitCode::FAILURE;
    };
    let read = |p: &str| std::fs::read_to_string(p).map_err(|e| format!("{p}: {e}"));
    let (Ok(g), Ok(d), Ok(c)) = (read(glossary), read(dict), read(corpus)) else {
        eprintln!("glossary_eval: cannot read the inputs");
        return ExitCode::FAILURE;
    };
    let Ok(table) = read_table(&g, glossary) else {
        eprintln!("glossary_eval: {glossary} is not a glossary CSV");
        return ExitCode::FAILURE;
    };
    // Reference: Indonesian word -> English stems (a plural or -ed form counts as the word).
    let stemmer = EnglishStemmer::new();
    let mut reference: HashMap<String, HashSet<String>> = HashMap::new();
    for line in d.lines() {
        if let Some((en, id)) = line.split_once('\t') {
            reference
                .entry(id.trim().to_lowercase())
                .or_default()
                .insert(stemmer.stem(&en.trim().to_lowercase()));
        }
    }
    let correct = |s: &str, t: &str| {
        let s = s.to_lowercase();
        let s = match s.split_once('-') {
            Some((a, b)) if a == b && !reference.contains_key(&s) => a.to_owned(),
            _ => s,
        };
        reference
            .get(&s)
            .is_some_and(|set| set.contains(&stemmer.stem(&t.to_lowercase())))
    };
    let single: Vec<(String, String)> = table
        .rows
        .iter()
        .filter(|r| !r.source.contains(' ') && !r.target.contains(' '))
        .filter(|r| !r.source.eq_ignore_ascii_case(&r.target))
        // The same filter for every glossary scored: no function words, no numbers.
        .filter(|r| {
            let (s, t) = (r.source.to_lowercase(), r.target.to_lowercase());
            !is_stopword(Lang::Id, &s)
                && !is_stopword(Lang::En, &t)
                && !s.chars().chain(t.chars()).any(|c| c.is_ascii_digit())
        })
        .map(|r| (r.source.clone(), r.target.clone()))
        .collect();
    let precision_at = |k: usize| {
        let top = &single[..k.min(single.len())];
        top.iter().filter(|(s, t)| correct(s, t)).count() as f64 / top.len().max(1) as f64
    };
    // Top-1: the 1,000 most frequent source content words the dictionary knows.
    let mut frequency: HashMap<String, usize> = HashMap::new();
    for token in tokenize(&c) {
        if !token.is_number
            && !is_stopword(Lang::Id, &token.text)
            && reference.contains_key(&token.text)
        {
            *frequency.entry(token.text).or_default() += 1;
        }
    }
    let mut words: Vec<(String, usize)> = frequency.into_iter().collect();
    words.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    words.truncate(1000);
    // A row shows a reduplication whole (`rata-rata`); the corpus's token is its word once.
    let word_of = |s: &str| {
        let s = s.to_lowercase();
        match s.split_once('-') {
            Some((a, b)) if a == b => a.to_owned(),
            _ => s,
        }
    };
    let mut first: HashMap<String, String> = HashMap::new();
    for (s, t) in &single {
        first.entry(word_of(s)).or_insert_with(|| t.clone());
    }
    let hits = words
        .iter()
        .filter(|(w, _)| first.get(w).is_some_and(|t| correct(w, t)))
        .count();
    // SHOW_MISSES=1 lists the frequent words top-1 misses: padan's entry (or none) and what
    // the dictionary has.
    if std::env::var_os("SHOW_MISSES").is_some() {
        for (w, n) in words
            .iter()
            .filter(|(w, _)| !first.get(w).is_some_and(|t| correct(w, t)))
        {
            let mut expected: Vec<&String> = reference.get(w).into_iter().flatten().collect();
            expected.sort();
            expected.truncate(6);
            eprintln!(
                "{w}\t{n}\t{}\t{expected:?}",
                first.get(w).map_or("-", String::as_str)
            );
        }
    }
    println!(
        "| {glossary} | {} | {:.3} | {:.3} | {:.3} ({hits}/{}) |",
        single.len(),
        precision_at(100),
        precision_at(500),
        hits as f64 / words.len().max(1) as f64,
        words.len()
    );
    ExitCode::SUCCESS
}
