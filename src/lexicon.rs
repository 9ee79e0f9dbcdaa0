//! Bilingual lexicon for anchors: Indonesian terms (single words and phrases of up to four
//! words, keyed by their stems) mapped to English concepts (stems, or stemmed phrases).

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::sync::OnceLock;

use crate::table::{read_table, Table};
use crate::text::stem::{EnglishStemmer, IndonesianStemmer};
use crate::text::tokens::tokenize;

/// Longest phrase, in words, the lexicon matches.
pub const MAX_PHRASE_WORDS: usize = 4;

/// Indonesian-to-English term pairs, with the stemmers that key them.
#[derive(Debug)]
pub struct Lexicon {
    terms: HashMap<String, Vec<String>>,
    english_phrases: HashSet<String>,
    /// Every stem of an English term, so a check can tell a known word from a name.
    english_words: HashSet<String>,
    /// Proper prefixes (surface and stemmed) of Indonesian phrases, so n-gram lookups stop as
    /// soon as no phrase can follow.
    phrase_prefixes: HashSet<String>,
    /// Proper prefixes of stemmed English phrases.
    english_phrase_prefixes: HashSet<String>,
    /// The Indonesian stemmer, knowing the glossary's single words as roots.
    pub id_stemmer: IndonesianStemmer,
    /// Stems of the words the glossaries hold, worked out while loading them: most words of a
    /// text are among them, and stemming is the costliest step per distinct word.
    id_stems: HashMap<String, String>,
    en_stems: HashMap<String, String>,
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
            terms: HashMap::default(),
            english_phrases: HashSet::default(),
            english_words: HashSet::default(),
            phrase_prefixes: HashSet::default(),
            english_phrase_prefixes: HashSet::default(),
            id_stemmer: IndonesianStemmer::default(),
            en_stemmer: EnglishStemmer::new(),
            id_stems: HashMap::default(),
            en_stems: HashMap::default(),
        }
    }

    /// A lexicon of the given `(Indonesian, English)` pairs.
    ///
    /// ```
    /// use padan::lexicon::Lexicon;
    /// let lexicon = Lexicon::from_pairs([("pertemuan puncak", "summit"), ("Gedung Putih", "White House")]);
    /// assert_eq!(lexicon.lookup("gedung putih"), ["p:white hous"]);
    /// assert_eq!(lexicon.lookup("pertemuan puncak"), ["w:summit"]);
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
        self.id_stemmer.add_roots(
            pairs
                .iter()
                .filter(|(s, _)| !s.contains(' '))
                .map(|(s, _)| s.to_lowercase()),
        );
        for (source, target) in pairs {
            self.add(source, target);
        }
    }

    /// The shipped seed glossaries (`glossaries/core.id-en.csv` and `glossaries/freedict.id-en.csv`),
    /// parsed once per process.
    pub fn seed() -> &'static Lexicon {
        static SEED: OnceLock<Lexicon> = OnceLock::new();
        SEED.get_or_init(Lexicon::load_seed)
    }

    /// Parses the shipped seed glossaries anew ([`Lexicon::seed`] does it once per process).
    pub fn load_seed() -> Lexicon {
        {
            let mut pairs = Vec::new();
            for (name, data) in [
                (
                    "glossaries/core.id-en.csv",
                    include_str!("../glossaries/core.id-en.csv"),
                ),
                (
                    "glossaries/freedict.id-en.csv",
                    include_str!("../glossaries/freedict.id-en.csv"),
                ),
            ] {
                // The shipped files are tested to parse; a broken one would only lose anchors.
                if let Ok(table) = read_table(data, name) {
                    pairs.extend(table.rows.into_iter().map(|r| (r.source, r.target)));
                }
            }
            Lexicon::from_pairs(pairs.iter().map(|(s, t)| (s.as_str(), t.as_str())))
        }
    }

    /// A copy of this lexicon with more pairs (a user's glossary on top of the seed).
    pub fn extended<'a, I>(&self, pairs: I) -> Self
    where
        I: IntoIterator<Item = (&'a str, &'a str)>,
    {
        let mut lexicon = Lexicon {
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
        };
        lexicon.add_all(pairs);
        lexicon
    }

    /// Number of distinct Indonesian keys.
    pub fn len(&self) -> usize {
        self.terms.len()
    }

    /// Whether the lexicon has no entries.
    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
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
            let entry = self.terms.entry(key).or_default();
            if !entry.contains(&concept) {
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
        let stem = self.en_stemmer.stem(word);
        self.en_stems.insert(word.to_owned(), stem.clone());
        stem
    }

    /// The stem of a lower-case Indonesian word.
    pub fn stem_id(&self, word: &str) -> String {
        self.id_stems
            .get(word)
            .cloned()
            .unwrap_or_else(|| self.id_stemmer.stem(word))
    }

    /// The stem of a lower-case English word.
    pub fn stem_en(&self, word: &str) -> String {
        self.en_stems
            .get(word)
            .cloned()
            .unwrap_or_else(|| self.en_stemmer.stem(word))
    }

    /// The English concepts of an Indonesian key (surface words or stems joined by spaces).
    pub fn lookup(&self, key: &str) -> &[String] {
        self.terms.get(key).map_or(&[], Vec::as_slice)
    }

    /// Whether some longer Indonesian phrase of the lexicon starts with these words (surface
    /// or stemmed, joined by spaces).
    pub fn starts_phrase(&self, words: &str) -> bool {
        self.phrase_prefixes.contains(words)
    }

    /// Whether some longer English phrase of the lexicon starts with these stems.
    pub fn starts_english_phrase(&self, stems: &str) -> bool {
        self.english_phrase_prefixes.contains(stems)
    }

    /// Whether an English stem is part of some lexicon target (a word the glossaries translate).
    pub fn knows_english(&self, stem: &str) -> bool {
        self.english_words.contains(stem)
    }

    /// Whether a stemmed English phrase is a lexicon target.
    pub fn is_english_phrase(&self, stems: &str) -> bool {
        self.english_phrases.contains(stems)
    }
}

/// The glossaries of a run, each read once, in the two forms a run needs.
#[derive(Debug)]
pub struct Glossaries {
    /// Anchors for alignment: the seed (unless turned off) and the glossaries' agreed rows.
    pub lexicon: Lexicon,
    /// The agreed term pairs, for checks ([`crate::table::Row::is_agreed`]).
    pub agreed: Vec<(String, String)>,
}

impl Glossaries {
    /// The lexicon and agreed terms of `tables` (a user's glossaries), on top of the seed
    /// glossaries when `seed`.
    ///
    /// ```
    /// let table = padan::table::read_table("source_term,target_term,status\nKTT,summit,approved\nsanksi,penalty,rejected\n", "g.csv").unwrap();
    /// let glossaries = padan::lexicon::Glossaries::new(&[table], false);
    /// assert_eq!(glossaries.agreed, [("KTT".to_owned(), "summit".to_owned())]);
    /// assert!(glossaries.lexicon.lookup("sanksi").is_empty());
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
        Glossaries { lexicon, agreed }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
            lexicon.lookup(&stem).contains(&"w:announc".to_owned()),
            "stem {stem}"
        );
        assert_eq!(lexicon.lookup("gedung putih"), ["p:white hous"]);
        assert!(lexicon.is_english_phrase("white hous"));
    }
}
