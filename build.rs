//! Compiles the seed glossaries (`glossaries/*.id-en.csv`) into the binary: tokenized,
//! stemmed and sorted once, here, into static tables that the lexicon reads in place, so a run
//! spends no time parsing or stemming them and allocates nothing for them.
//!
//! The build uses the very tokenizer and stemmers the library runs (their files are included
//! below), so a seed term is keyed exactly as a text's words are.

// The included modules are the library's: the build uses part of them.
#![allow(dead_code, unused_imports)]

use std::collections::{BTreeMap, BTreeSet};
use std::error::Error;
use std::fmt::Write as _;
use std::path::Path;

#[path = "src/text/fold.rs"]
mod fold;
#[path = "src/lang.rs"]
mod lang;
#[path = "src/text/porter2.rs"]
mod porter2;
#[path = "src/text/stem.rs"]
mod stem;
#[path = "src/align/tail.rs"]
mod tail;
#[path = "src/text/tokens.rs"]
mod tokens;

use fold::fold_cow;
use lang::Lang;

/// The seed glossaries, in the order their entries are added.
const SEED: [&str; 2] = ["glossaries/core.id-en.csv", "glossaries/freedict.id-en.csv"];

/// Longest phrase, in words, the lexicon matches (the library's `MAX_PHRASE_WORDS`).
const MAX_PHRASE_WORDS: usize = 4;

/// A glossary file's (source, target) pairs: the `source_term` and `target_term` columns,
/// trimmed, padan's neutralizing apostrophe taken off.
fn pairs(path: &str) -> Result<Vec<(String, String)>, Box<dyn Error>> {
    let mut reader = csv::Reader::from_path(path)?;
    let header = reader.headers()?.clone();
    let column = |name: &str| {
        header
            .iter()
            .position(|h| h.trim() == name)
            .ok_or_else(|| format!("{path}: no {name} column"))
    };
    let (s, t) = (column("source_term")?, column("target_term")?);
    let clean = |cell: &str| {
        let cell = match cell.strip_prefix('\'') {
            Some(rest) if rest.starts_with(['=', '+', '-', '@', '\t', '\r']) => rest,
            _ => cell,
        };
        cell.trim().to_owned()
    };
    let mut out = Vec::new();
    for record in reader.records() {
        let record = record?;
        let (source, target) = (
            clean(record.get(s).unwrap_or("")),
            clean(record.get(t).unwrap_or("")),
        );
        if source.is_empty() || target.is_empty() {
            return Err(format!("{path}: a row without a source or a target term").into());
        }
        out.push((source, target));
    }
    Ok(out)
}

/// What the lexicon's tables hold, built as `Lexicon::add` builds them.
#[derive(Default)]
struct Tables {
    terms: BTreeMap<String, Vec<String>>,
    english_phrases: BTreeSet<String>,
    english_words: BTreeSet<String>,
    phrase_prefixes: BTreeSet<String>,
    english_phrase_prefixes: BTreeSet<String>,
    roots: BTreeSet<String>,
    id_stems: BTreeMap<String, String>,
    en_stems: BTreeMap<String, String>,
}

fn build(pairs: &[(String, String)]) -> Tables {
    let mut tables = Tables {
        roots: pairs
            .iter()
            .filter(|(s, _)| !s.contains(' '))
            .map(|(s, _)| s.to_lowercase())
            .collect(),
        ..Tables::default()
    };
    let id_stemmer = stem::IndonesianStemmer::new(tables.roots.iter().cloned());
    let en_stemmer = stem::EnglishStemmer::new();
    for (source, target) in pairs {
        let source_words: Vec<String> = tokens::tokenize(source)
            .into_iter()
            .map(|t| t.text)
            .collect();
        let target_stems: Vec<String> = tokens::tokenize(target)
            .into_iter()
            .map(|t| {
                tables
                    .en_stems
                    .entry(t.text.clone())
                    .or_insert_with(|| en_stemmer.stem(&t.text))
                    .clone()
            })
            .collect();
        if source_words.is_empty()
            || target_stems.is_empty()
            || source_words.len() > MAX_PHRASE_WORDS
            || target_stems.len() > MAX_PHRASE_WORDS
        {
            continue;
        }
        let concept = if target_stems.len() == 1 {
            format!("w:{}", target_stems[0])
        } else {
            format!("p:{}", target_stems.join(" "))
        };
        tables.english_words.extend(target_stems.iter().cloned());
        if target_stems.len() > 1 {
            tables.english_phrases.insert(target_stems.join(" "));
            for n in 1..target_stems.len() {
                tables
                    .english_phrase_prefixes
                    .insert(target_stems[..n].join(" "));
            }
        }
        let stems: Vec<String> = source_words
            .iter()
            .map(|w| {
                tables
                    .id_stems
                    .entry(w.clone())
                    .or_insert_with(|| id_stemmer.stem(w))
                    .clone()
            })
            .collect();
        if source_words.len() > 1 {
            for n in 1..source_words.len() {
                tables.phrase_prefixes.insert(source_words[..n].join(" "));
                tables.phrase_prefixes.insert(stems[..n].join(" "));
            }
        }
        for key in [source_words.join(" "), stems.join(" ")] {
            let entry = tables.terms.entry(key).or_default();
            if !entry.contains(&concept) {
                entry.push(concept.clone());
            }
        }
    }
    tables
}

/// The generated tables: every string in one blob, the tables as integer spans into it, so
/// the data needs no relocation when the binary loads (a table of `&str` needs one per
/// string: some 100,000, a few milliseconds at every start).
#[derive(Default)]
struct Blob {
    text: String,
    /// Where each string already in the blob starts and ends.
    at: BTreeMap<String, (u32, u32)>,
}

impl Blob {
    fn span(&mut self, s: &str) -> (u32, u32) {
        if let Some(&span) = self.at.get(s) {
            return span;
        }
        let start = self.text.len() as u32;
        self.text.push_str(s);
        let span = (start, self.text.len() as u32);
        self.at.insert(s.to_owned(), span);
        span
    }
}

/// FNV-1a of a key: the hash of the tables' indexes (the lexicon computes the same).
fn hash(key: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in key.as_bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

/// An open-addressing index of `keys` (in table order): a power-of-two number of slots, each
/// 0 or a key's position + 1, probed linearly from the key's hash. A lookup compares one or two
/// keys where a binary search compares fifteen.
fn index<'k>(
    out: &mut String,
    name: &str,
    keys: impl Iterator<Item = &'k String>,
) -> std::fmt::Result {
    let keys: Vec<&String> = keys.collect();
    let slots = (keys.len() * 2).next_power_of_two().max(2);
    let mut table = vec![0u32; slots];
    for (k, key) in keys.iter().enumerate() {
        let mut at = hash(key) as usize & (slots - 1);
        while table[at] != 0 {
            at = (at + 1) & (slots - 1);
        }
        table[at] = k as u32 + 1;
    }
    writeln!(out, "pub static {name}_INDEX: [u32; {slots}] = {table:?};")
}

fn strings(
    out: &mut String,
    blob: &mut Blob,
    name: &str,
    items: &BTreeSet<String>,
) -> std::fmt::Result {
    writeln!(out, "pub static {name}: [(u32, u32); {}] = [", items.len())?;
    for item in items {
        let (a, b) = blob.span(item);
        writeln!(out, "    ({a}, {b}),")?;
    }
    writeln!(out, "];")?;
    index(out, name, items.iter())
}

fn string_pairs(
    out: &mut String,
    blob: &mut Blob,
    name: &str,
    items: &BTreeMap<String, String>,
) -> std::fmt::Result {
    writeln!(
        out,
        "pub static {name}: [(u32, u32, u32, u32); {}] = [",
        items.len()
    )?;
    for (key, value) in items {
        let (a, b) = blob.span(key);
        let (c, d) = blob.span(value);
        writeln!(out, "    ({a}, {b}, {c}, {d}),")?;
    }
    writeln!(out, "];")?;
    index(out, name, items.keys())
}

fn write(tables: &Tables) -> Result<String, std::fmt::Error> {
    let mut out = String::new();
    let mut blob = Blob::default();
    writeln!(
        out,
        "// Generated by build.rs from {SEED:?}; sorted for binary search."
    )?;
    // Terms: key span, then the range of its concepts in CONCEPTS.
    let mut concepts: Vec<(u32, u32)> = Vec::new();
    writeln!(
        out,
        "pub static TERMS: [(u32, u32, u32, u32); {}] = [",
        tables.terms.len()
    )?;
    for (key, list) in &tables.terms {
        let (a, b) = blob.span(key);
        let from = concepts.len() as u32;
        concepts.extend(list.iter().map(|c| blob.span(c)));
        writeln!(out, "    ({a}, {b}, {from}, {}),", concepts.len())?;
    }
    writeln!(out, "];")?;
    index(&mut out, "TERMS", tables.terms.keys())?;
    writeln!(
        out,
        "pub static CONCEPTS: [(u32, u32); {}] = [",
        concepts.len()
    )?;
    for (a, b) in &concepts {
        writeln!(out, "    ({a}, {b}),")?;
    }
    writeln!(out, "];")?;
    strings(
        &mut out,
        &mut blob,
        "ENGLISH_PHRASES",
        &tables.english_phrases,
    )?;
    strings(&mut out, &mut blob, "ENGLISH_WORDS", &tables.english_words)?;
    strings(
        &mut out,
        &mut blob,
        "PHRASE_PREFIXES",
        &tables.phrase_prefixes,
    )?;
    strings(
        &mut out,
        &mut blob,
        "ENGLISH_PHRASE_PREFIXES",
        &tables.english_phrase_prefixes,
    )?;
    strings(&mut out, &mut blob, "ROOTS", &tables.roots)?;
    string_pairs(&mut out, &mut blob, "ID_STEMS", &tables.id_stems)?;
    string_pairs(&mut out, &mut blob, "EN_STEMS", &tables.en_stems)?;
    writeln!(out, "pub static BLOB: &str = {:?};", blob.text)?;
    Ok(out)
}

fn main() -> Result<(), Box<dyn Error>> {
    for input in SEED.iter().chain(&[
        "src/lang.rs",
        "src/text/fold.rs",
        "src/text/porter2.rs",
        "src/text/stem.rs",
        "src/text/tokens.rs",
        "src/align/tail.rs",
    ]) {
        println!("cargo:rerun-if-changed={input}");
    }
    let mut all = Vec::new();
    for path in SEED {
        all.extend(pairs(path)?);
    }
    let tables = build(&all);
    let out_dir = std::env::var("OUT_DIR")?;
    std::fs::write(Path::new(&out_dir).join("seed.rs"), write(&tables)?)?;
    // The length cost's tail table: `{:?}` prints each f64 exactly (shortest round trip).
    let n = (tail::TAIL_MAX / tail::TAIL_STEP) as usize + 2;
    let values: Vec<String> = (0..n)
        .map(|k| format!("{:?}", tail::log_two_tailed(k as f64 * tail::TAIL_STEP)))
        .collect();
    std::fs::write(
        Path::new(&out_dir).join("tail.rs"),
        format!("[{}]", values.join(", ")),
    )?;
    Ok(())
}
