//! Bilingual lexicon for anchors: Indonesian terms (single words and phrases of up to four
//! words, keyed by their stems) mapped to English concepts (stems, or stemmed phrases).

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::sync::OnceLock;

use crate::table::Table;
use crate::text::stem::{EnglishStemmer, IndonesianStemmer};
use crate::text::tokens::tokenize;

/// Longest phrase, in words, the lexicon matches.
pub const MAX_PHRASE_WORDS: usize = 4;

/// The seed glossaries as build.rs compiled them: tokenized, stemmed and sorted static tables
/// of spans into one string, read in place (no parsing, stemming or allocation when a run
/// starts, and nothing for the loader to relocate).
mod seed {
    include!(concat!(env!("OUT_DIR"), "/seed.rs"));

    /// The string a span of [`BLOB`] holds.
    pub fn text(start: u32, end: u32) -> &'static str {
        BLOB.get(start as usize..end as usize).unwrap_or("")
    }

    /// FNV-1a of a key, as build.rs hashed the tables' keys.
    fn hash(key: &str) -> u64 {
        let mut h: u64 = 0xcbf2_9ce4_8422_2325;
        for &b in key.as_bytes() {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0000_0100_0000_01b3);
        }
        h
    }

    /// The position of `key` in a table whose `index` build.rs made, each entry's key given by
    /// `key_of`.
    fn position(index: &[u32], key: &str, key_of: impl Fn(usize) -> &'static str) -> Option<usize> {
        let mask = index.len() - 1;
        let mut at = hash(key) as usize & mask;
        loop {
            match index[at] {
                0 => return None,
                k if key_of(k as usize - 1) == key => return Some(k as usize - 1),
                _ => at = (at + 1) & mask,
            }
        }
    }

    /// Whether a table of spans holds `key`.
    pub fn holds(table: &[(u32, u32)], index: &[u32], key: &str) -> bool {
        position(index, key, |k| text(table[k].0, table[k].1)).is_some()
    }

    /// The value of `key` in a table of (key, value) spans.
    pub fn value(table: &[(u32, u32, u32, u32)], index: &[u32], key: &str) -> Option<&'static str> {
        let k = position(index, key, |k| text(table[k].0, table[k].1))?;
        let (_, _, c, d) = table[k];
        Some(text(c, d))
    }

    /// The concepts of `key`.
    pub fn concepts(key: &str) -> &'static [(u32, u32)] {
        match position(&TERMS_INDEX, key, |k| text(TERMS[k].0, TERMS[k].1)) {
            Some(k) => {
                let (_, _, from, to) = TERMS[k];
                CONCEPTS.get(from as usize..to as usize).unwrap_or(&[])
            }
            None => &[],
        }
    }

    /// Whether `word` is one of the seed's single-word terms (the stemmer's known roots).
    pub fn is_root(word: &str) -> bool {
        holds(&ROOTS, &ROOTS_INDEX, word)
    }
}

/// The concepts of a seed term, as strings of the compiled blob.
type SeedConcepts =
    std::iter::Map<std::slice::Iter<'static, (u32, u32)>, fn(&(u32, u32)) -> &'static str>;

/// Indonesian-to-English term pairs, with the stemmers that key them: the seed glossaries
/// (compiled into the binary) and the pairs of a run's own glossaries on top.
#[derive(Debug)]
pub struct Lexicon {
    /// Whether the compiled seed glossaries are part of the lexicon.
    seed: bool,
    terms: HashMap<String, Vec<String>>,
    english_phrases: HashSet<String>,
    /// Every stem of an English term, so a check can tell a known word from a name.
    english_words: HashSet<String>,
    /// Proper prefixes (surface and stemmed) of Indonesian phrases, so n-gram lookups stop as
    /// soon as no phrase can follow.
    phrase_prefixes: HashSet<String>,
    /// Proper prefixes of stemmed English phrases.
    english_phrase_prefixes: HashSet<String>,
    /// The Indonesian stemmer, knowing the glossaries' single words as roots.
    pub id_stemmer: IndonesianStemmer,
    /// Stems of the words of the run's glossaries, worked out while loading them: most words of
    /// a text are among them, and stemming is the costliest step per distinct word.
    id_stems: HashMap<String, String>,
    en_stems: HashMap<String, String>,
    /// Whether the compiled Indonesian stems still hold: roots added on top of the seed's may
    /// change a word's stem.
    seed_id_stems: bool,
    /// The English stemmer.
    pub en_stemmer: EnglishStemmer,
}

/// The English concept of a stemmed English term: `w:` for a word, `p:` for a phrase.
fn concept_of(stems: &[String]) -> String {
    if stems.len() == 1 {
        format!("w:{}", stems[0])
    } else {
        format!("p:{}", stems.join(" "))
    }
}

impl Lexicon {
    /// A lexicon without entries.
    pub fn empty() -> Self {
        Lexicon {
            seed: false,
            terms: HashMap::default(),
            english_phrases: HashSet::default(),
            english_words: HashSet::default(),
            phrase_prefixes: HashSet::default(),
            english_phrase_prefixes: HashSet::default(),
            id_stemmer: IndonesianStemmer::default(),
            en_stemmer: EnglishStemmer::new(),
            id_stems: HashMap::default(),
            en_stems: HashMap::default(),
            seed_id_stems: false,
        }
    }

    /// A lexicon of the given `(Indonesian, English)` pairs.
    ///
    /// ```
    /// use padan::lexicon::Lexicon;
    /// let lexicon = Lexicon::from_pairs([("pertemuan puncak", "summit"), ("Gedung Putih", "White House")]);
    /// assert_eq!(lexicon.lookup("gedung putih").collect::<Vec<_>>(), ["p:white hous"]);
    /// assert_eq!(lexicon.lookup("pertemuan puncak").collect::<Vec<_>>(), ["w:summit"]);
    /// ```
    pub fn from_pairs<'a, I>(pairs: I) -> Self
    where
        I: IntoIterator<Item = (&'a str, &'a str)>,
    {
        let mut lexicon = Lexicon::empty();
        lexicon.add_all(pairs);
        lexicon
    }

    /// Adds pairs, their single Indonesian words first becoming roots for the stemmer.
    fn add_all<'a, I>(&mut self, pairs: I)
    where
        I: IntoIterator<Item = (&'a str, &'a str)>,
    {
        let pairs: Vec<(&str, &str)> = pairs.into_iter().collect();
        let roots: Vec<String> = pairs
            .iter()
            .filter(|(s, _)| !s.contains(' '))
            .map(|(s, _)| s.to_lowercase())
            .collect();
        if !roots.is_empty() {
            self.seed_id_stems = false;
        }
        self.id_stemmer.add_roots(roots);
        for (source, target) in pairs {
            self.add(source, target);
        }
    }

    /// The shipped seed glossaries (`glossaries/core.id-en.csv` and
    /// `glossaries/freedict.id-en.csv`), compiled into the binary.
    pub fn seed() -> &'static Lexicon {
        static SEED: OnceLock<Lexicon> = OnceLock::new();
        SEED.get_or_init(Lexicon::load_seed)
    }

    /// The seed lexicon anew ([`Lexicon::seed`] keeps one per process); nothing to parse.
    pub fn load_seed() -> Lexicon {
        Lexicon {
            seed: true,
            id_stemmer: IndonesianStemmer::with_known_roots(seed::is_root),
            seed_id_stems: true,
            ..Lexicon::empty()
        }
    }

    /// A copy of this lexicon with more pairs (a user's glossary on top of the seed).
    pub fn extended<'a, I>(&self, pairs: I) -> Self
    where
        I: IntoIterator<Item = (&'a str, &'a str)>,
    {
        let mut lexicon = Lexicon {
            seed: self.seed,
            terms: self.terms.clone(),
            english_phrases: self.english_phrases.clone(),
            english_words: self.english_words.clone(),
            phrase_prefixes: self.phrase_prefixes.clone(),
            english_phrase_prefixes: self.english_phrase_prefixes.clone(),
            id_stemmer: self.id_stemmer.clone(),
            en_stemmer: EnglishStemmer::new(),
            // New roots may change Indonesian stems; English ones stay.
            id_stems: HashMap::default(),
            en_stems: self.en_stems.clone(),
            seed_id_stems: self.seed_id_stems,
        };
        lexicon.add_all(pairs);
        lexicon
    }

    /// Number of distinct Indonesian keys.
    pub fn len(&self) -> usize {
        let seed = if self.seed { seed::TERMS.len() } else { 0 };
        let own = self
            .terms
            .keys()
            .filter(|k| !self.seed || seed::concepts(k).is_empty())
            .count();
        seed + own
    }

    /// Whether the lexicon has no entries.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Adds one pair.
    pub fn add(&mut self, source: &str, target: &str) {
        let source_words: Vec<String> = tokenize(source).into_iter().map(|t| t.text).collect();
        let target_stems: Vec<String> = tokenize(target)
            .into_iter()
            .map(|t| self.cache_en(&t.text))
            .collect();
        if source_words.is_empty()
            || target_stems.is_empty()
            || source_words.len() > MAX_PHRASE_WORDS
            || target_stems.len() > MAX_PHRASE_WORDS
        {
            return;
        }
        let concept = concept_of(&target_stems);
        self.english_words.extend(target_stems.iter().cloned());
        if target_stems.len() > 1 {
            self.english_phrases.insert(target_stems.join(" "));
            for n in 1..target_stems.len() {
                self.english_phrase_prefixes
                    .insert(target_stems[..n].join(" "));
            }
        }
        let stems: Vec<String> = source_words.iter().map(|w| self.cache_id(w)).collect();
        if source_words.len() > 1 {
            for n in 1..source_words.len() {
                self.phrase_prefixes.insert(source_words[..n].join(" "));
                self.phrase_prefixes.insert(stems[..n].join(" "));
            }
        }
        let surface = source_words.join(" ");
        let stemmed = stems.join(" ");
        for key in [surface, stemmed] {
            let in_seed = self.seed_concepts(&key).any(|c| c == concept);
            let entry = self.terms.entry(key).or_default();
            if !in_seed && !entry.contains(&concept) {
                entry.push(concept.clone());
            }
        }
    }

    fn cache_id(&mut self, word: &str) -> String {
        if let Some(stem) = self.id_stems.get(word) {
            return stem.clone();
        }
        let stem = self.id_stemmer.stem(word);
        self.id_stems.insert(word.to_owned(), stem.clone());
        stem
    }

    fn cache_en(&mut self, word: &str) -> String {
        if let Some(stem) = self.en_stems.get(word) {
            return stem.clone();
        }
        let stem = self.stem_en(word);
        self.en_stems.insert(word.to_owned(), stem.clone());
        stem
    }

    /// The seed's concepts of a key (none without the seed).
    fn seed_concepts(&self, key: &str) -> SeedConcepts {
        let spans = if self.seed { seed::concepts(key) } else { &[] };
        spans.iter().map(|&(a, b)| seed::text(a, b))
    }

    /// The stem of a lower-case Indonesian word.
    pub fn stem_id(&self, word: &str) -> String {
        if let Some(stem) = self.id_stems.get(word) {
            return stem.clone();
        }
        if self.seed_id_stems {
            if let Some(stem) = seed::value(&seed::ID_STEMS, &seed::ID_STEMS_INDEX, word) {
                return stem.to_owned();
            }
        }
        self.id_stemmer.stem(word)
    }

    /// The stem of a lower-case English word.
    pub fn stem_en(&self, word: &str) -> String {
        if let Some(stem) = self.en_stems.get(word) {
            return stem.clone();
        }
        if let Some(stem) = seed::value(&seed::EN_STEMS, &seed::EN_STEMS_INDEX, word) {
            return stem.to_owned();
        }
        self.en_stemmer.stem(word)
    }

    /// The English concepts of an Indonesian key (surface words or stems joined by spaces):
    /// the seed's first, then the run's glossaries' own.
    pub fn lookup<'l>(&'l self, key: &str) -> impl Iterator<Item = &'l str> + 'l {
        let own = self.terms.get(key).map_or(&[][..], Vec::as_slice);
        self.seed_concepts(key)
            .chain(own.iter().map(String::as_str))
    }

    /// Whether the lexicon has any concept for a key.
    pub fn knows(&self, key: &str) -> bool {
        (self.seed && !seed::concepts(key).is_empty())
            || self.terms.get(key).is_some_and(|c| !c.is_empty())
    }

    /// Whether some longer Indonesian phrase of the lexicon starts with these words (surface
    /// or stemmed, joined by spaces).
    pub fn starts_phrase(&self, words: &str) -> bool {
        (self.seed && seed::holds(&seed::PHRASE_PREFIXES, &seed::PHRASE_PREFIXES_INDEX, words))
            || self.phrase_prefixes.contains(words)
    }

    /// Whether some longer English phrase of the lexicon starts with these stems.
    pub fn starts_english_phrase(&self, stems: &str) -> bool {
        (self.seed
            && seed::holds(
                &seed::ENGLISH_PHRASE_PREFIXES,
                &seed::ENGLISH_PHRASE_PREFIXES_INDEX,
                stems,
            ))
            || self.english_phrase_prefixes.contains(stems)
    }

    /// Whether an English stem is part of some lexicon target (a word the glossaries translate).
    pub fn knows_english(&self, stem: &str) -> bool {
        (self.seed && seed::holds(&seed::ENGLISH_WORDS, &seed::ENGLISH_WORDS_INDEX, stem))
            || self.english_words.contains(stem)
    }

    /// Whether a stemmed English phrase is a lexicon target.
    pub fn is_english_phrase(&self, stems: &str) -> bool {
        (self.seed && seed::holds(&seed::ENGLISH_PHRASES, &seed::ENGLISH_PHRASES_INDEX, stems))
            || self.english_phrases.contains(stems)
    }
}

/// The glossaries of a run, each read once, in the two forms a run needs.
#[derive(Debug)]
pub struct Glossaries {
    /// Anchors for alignment: the seed (unless turned off) and the glossaries' agreed rows.
    pub lexicon: Lexicon,
    /// The agreed term pairs, for checks ([`crate::table::Row::is_agreed`]).
    pub agreed: Vec<(String, String)>,
    /// The pairs a reviewer rejected with a target, for the forbidden-term check.
    pub rejected: Vec<(String, String)>,
}

impl Glossaries {
    /// The lexicon and agreed terms of `tables` (a user's glossaries), on top of the seed
    /// glossaries when `seed`.
    ///
    /// ```
    /// let table = padan::table::read_table("source_term,target_term,status\nKTT,summit,approved\nsanksi,penalty,rejected\n", "g.csv").unwrap();
    /// let glossaries = padan::lexicon::Glossaries::new(&[table], false);
    /// assert_eq!(glossaries.agreed, [("KTT".to_owned(), "summit".to_owned())]);
    /// assert!(glossaries.lexicon.lookup("sanksi").next().is_none());
    /// ```
    pub fn new(tables: &[Table], seed: bool) -> Self {
        let rows = || tables.iter().flat_map(|t| &t.rows);
        let agreed = rows()
            .filter(|r| r.is_agreed())
            .map(|r| (r.source.clone(), r.target.clone()))
            .collect();
        let pairs = rows()
            .filter(|r| r.is_agreed())
            .map(|r| (r.source.as_str(), r.target.as_str()));
        let lexicon = if seed {
            Lexicon::seed().extended(pairs)
        } else {
            Lexicon::from_pairs(pairs)
        };
        let rejected = rows()
            .filter(|r| r.status == crate::table::Status::Rejected && !r.target.trim().is_empty())
            .map(|r| (r.source.clone(), r.target.clone()))
            .collect();
        Glossaries {
            lexicon,
            agreed,
            rejected,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::table::read_table;

    #[test]
    fn the_compiled_seed_is_the_shipped_glossaries_added_at_run_time() {
        // The tables build.rs compiled give what adding the shipped files at run time gives.
        let mut pairs = Vec::new();
        for data in [
            include_str!("../glossaries/core.id-en.csv"),
            include_str!("../glossaries/freedict.id-en.csv"),
        ] {
            let table = read_table(data, "seed").unwrap();
            pairs.extend(table.rows.into_iter().map(|r| (r.source, r.target)));
        }
        let runtime = Lexicon::from_pairs(pairs.iter().map(|(s, t)| (s.as_str(), t.as_str())));
        let compiled = Lexicon::seed();
        assert_eq!(compiled.len(), runtime.len());
        for (key, concepts) in &runtime.terms {
            assert_eq!(
                compiled.lookup(key).collect::<Vec<_>>(),
                concepts.iter().map(String::as_str).collect::<Vec<_>>(),
                "{key}"
            );
        }
        for (word, stem) in &runtime.id_stems {
            assert_eq!(&compiled.stem_id(word), stem, "{word}");
        }
        for (word, stem) in &runtime.en_stems {
            assert_eq!(&compiled.stem_en(word), stem, "{word}");
        }
        for prefix in &runtime.phrase_prefixes {
            assert!(compiled.starts_phrase(prefix), "{prefix}");
        }
        for word in &runtime.english_words {
            assert!(compiled.knows_english(word), "{word}");
        }
        for phrase in &runtime.english_phrases {
            assert!(compiled.is_english_phrase(phrase), "{phrase}");
        }
        for prefix in &runtime.english_phrase_prefixes {
            assert!(compiled.starts_english_phrase(prefix), "{prefix}");
        }
        for word in ["dikirimkan", "pertemuannya", "menghindari", "mengumumkan"] {
            assert_eq!(compiled.stem_id(word), runtime.stem_id(word), "{word}");
        }
    }

    #[test]
    fn the_shipped_glossaries_parse_whole() {
        for (name, data) in [
            ("core", include_str!("../glossaries/core.id-en.csv")),
            ("freedict", include_str!("../glossaries/freedict.id-en.csv")),
        ] {
            let table = read_table(data, name);
            assert!(
                table.as_ref().is_ok_and(|t| t.rows.len() > 900),
                "{name}: {:?}",
                table.err()
            );
        }
        assert!(Lexicon::seed().len() > 10_000);
    }

    #[test]
    fn inflected_forms_and_phrases_find_their_concepts() {
        let lexicon = Lexicon::from_pairs([
            ("umum", "public"),
            ("mengumumkan", "announce"),
            ("Gedung Putih", "White House"),
        ]);
        let stem = lexicon.id_stemmer.stem("diumumkan");
        assert!(
            lexicon.lookup(&stem).any(|c| c == "w:announc"),
            "stem {stem}"
        );
        assert_eq!(
            lexicon.lookup("gedung putih").collect::<Vec<_>>(),
            ["p:white hous"]
        );
        assert!(lexicon.is_english_phrase("white hous"));
    }
}
