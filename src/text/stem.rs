//! Stemming: a rule-based Indonesian stemmer of our own, and Snowball's English one.
//!
//! The Indonesian stemmer removes particles (-lah, -kah, -tah, -pun), possessives (-ku, -mu,
//! -nya), suffixes (-kan, -an, -i) and up to two prefixes (me-, di-, ber-, ter-, pe-, ke-, se-,
//! per-) with the nasal recodings of meN-/peN- (menulis -> tulis, memakai -> pakai, menyerang ->
//! serang, mengirim -> kirim). Without a root dictionary such recodings are ambiguous
//! (mengambil -> ambil, mengirim -> kirim), so every reading is generated and the first one found
//! in a list of known roots wins; with none known, the most common reading is used.

use rustc_hash::FxHashSet as HashSet;

/// Stems Indonesian words.
///
/// ```
/// use padan::text::stem::IndonesianStemmer;
/// let stemmer = IndonesianStemmer::new(["tulis", "kirim", "temu", "negara"]);
/// assert_eq!(stemmer.stem("menuliskan"), "tulis");
/// assert_eq!(stemmer.stem("dikirim"), "kirim");
/// assert_eq!(stemmer.stem("mengirimkan"), "kirim");
/// assert_eq!(stemmer.stem("pertemuan"), "temu");
/// assert_eq!(stemmer.stem("negaranya"), "negara");
/// ```
#[derive(Debug, Clone, Default)]
pub struct IndonesianStemmer {
    roots: HashSet<String>,
    /// Roots compiled into the binary (the seed glossaries' words), looked up in place.
    known_roots: Option<fn(&str) -> bool>,
}

const MIN_ROOT: usize = 3;

impl IndonesianStemmer {
    /// A stemmer that prefers readings found among `roots` (lower-case Indonesian words).
    pub fn new<I, S>(roots: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        IndonesianStemmer {
            roots: roots.into_iter().map(Into::into).collect(),
            known_roots: None,
        }
    }

    /// A stemmer whose known roots are those `known` says (compiled tables, read in place).
    pub fn with_known_roots(known: fn(&str) -> bool) -> Self {
        IndonesianStemmer {
            roots: HashSet::default(),
            known_roots: Some(known),
        }
    }

    /// Whether `word` is a known root.
    fn is_root(&self, word: &str) -> bool {
        self.roots.contains(word) || self.known_roots.is_some_and(|known| known(word))
    }

    /// Adds known roots.
    pub fn add_roots<I: IntoIterator<Item = String>>(&mut self, roots: I) {
        self.roots.extend(roots);
    }

    /// The stem of a lower-case word.
    pub fn stem(&self, word: &str) -> String {
        if word.chars().count() <= MIN_ROOT + 1 || !word.chars().all(char::is_alphabetic) {
            return word.to_owned();
        }
        // Glossaries list inflected forms too (mengumumkan), so a known shorter reading wins
        // over the word itself; a root without affixes is its own first reading.
        let candidates = candidates(word);
        candidates
            .iter()
            .find(|c| self.is_root(c))
            .or_else(|| candidates.first())
            .cloned()
            .unwrap_or_else(|| word.to_owned())
    }
}

fn long_enough(s: &str) -> bool {
    s.chars().count() >= MIN_ROOT
}

/// Readings of `word` without inflectional and derivational suffixes, most plausible first.
fn suffix_readings(word: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut base = word.to_owned();
    for particle in ["lah", "kah", "tah", "pun"] {
        if let Some(rest) = base.strip_suffix(particle) {
            if rest.chars().count() > MIN_ROOT {
                base = rest.to_owned();
                break;
            }
        }
    }
    for possessive in ["nya", "ku", "mu"] {
        if let Some(rest) = base.strip_suffix(possessive) {
            if rest.chars().count() > MIN_ROOT {
                base = rest.to_owned();
                break;
            }
        }
    }
    for suffix in ["kan", "an", "i"] {
        if let Some(rest) = base.strip_suffix(suffix) {
            if rest.chars().count() > MIN_ROOT {
                out.push(rest.to_owned());
            }
        }
    }
    out.push(base);
    out
}

/// Readings of `word` without prefixes: each with the recodings of a nasal prefix.
fn prefix_readings(word: &str) -> Vec<String> {
    let mut out = Vec::new();
    let starts_vowel = |s: &str| s.starts_with(['a', 'e', 'i', 'o', 'u']);
    let mut push = |s: String| {
        if long_enough(&s) && !out.contains(&s) {
            out.push(s);
        }
    };
    for (prefix, nasal) in [("meng", true), ("peng", true)] {
        if let Some(rest) = word.strip_prefix(prefix) {
            if starts_vowel(rest) {
                push(rest.to_owned());
                push(format!("k{rest}"));
            } else if nasal && rest.starts_with(['g', 'h', 'k']) {
                push(rest.to_owned());
            }
        }
    }
    for prefix in ["meny", "peny"] {
        if let Some(rest) = word.strip_prefix(prefix) {
            if starts_vowel(rest) {
                push(format!("s{rest}"));
                push(format!("ny{rest}"));
            }
        }
    }
    for prefix in ["mem", "pem"] {
        if let Some(rest) = word.strip_prefix(prefix) {
            if starts_vowel(rest) {
                push(format!("p{rest}"));
                push(format!("m{rest}"));
            } else if rest.starts_with(['b', 'f', 'p', 'v']) {
                push(rest.to_owned());
            }
        }
    }
    for prefix in ["men", "pen"] {
        if let Some(rest) = word.strip_prefix(prefix) {
            if starts_vowel(rest) {
                push(format!("t{rest}"));
                push(format!("n{rest}"));
            } else if rest.starts_with(['c', 'd', 'j', 't', 's', 'z']) {
                push(rest.to_owned());
            }
        }
    }
    if let Some(rest) = word.strip_prefix("me") {
        if rest.starts_with(['l', 'm', 'n', 'r', 'w', 'y']) {
            push(rest.to_owned());
        }
    }
    if let Some(rest) = word.strip_prefix("pe") {
        // pe- before most consonants: pekerja, petani, pedagang, pelajar.
        if !starts_vowel(rest) {
            push(rest.to_owned());
        }
    }
    for prefix in ["ber", "ter", "per"] {
        if let Some(rest) = word.strip_prefix(prefix) {
            push(rest.to_owned());
            // `be-` before an r-initial root or `bekerja`: ber+rasa = berasa, be+kerja = bekerja.
            push(format!("r{rest}"));
        }
    }
    if let Some(rest) = word.strip_prefix("be") {
        if rest.starts_with("ker") || rest.starts_with("l") {
            push(rest.to_owned());
        }
    }
    for prefix in ["di", "ke", "se"] {
        if let Some(rest) = word.strip_prefix(prefix) {
            push(rest.to_owned());
        }
    }
    out
}

/// All readings of `word`, most plausible first: one prefix (with the suffixes off, then
/// with them on), then two prefixes, then suffixes alone, then the word itself. A word without
/// a prefix keeps its own form ahead of suffix-only readings, so `negara` stays `negara`.
fn candidates(word: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut push = |s: String| {
        if long_enough(&s) && !out.contains(&s) {
            out.push(s);
        }
    };
    let suffixes = suffix_readings(word);
    let mut singles = Vec::new();
    for base in &suffixes {
        singles.extend(prefix_readings(base));
    }
    for single in &singles {
        push(single.clone());
    }
    for single in &singles {
        for double in prefix_readings(single) {
            push(double);
        }
    }
    if singles.is_empty() {
        push(word.to_owned());
    }
    for base in suffixes {
        push(base);
    }
    push(word.to_owned());
    out
}

/// Snowball's English (Porter2) stemmer.
///
/// ```
/// let stemmer = padan::text::stem::EnglishStemmer::new();
/// assert_eq!(stemmer.stem("sanctions"), stemmer.stem("sanction"));
/// ```
pub struct EnglishStemmer {
    inner: rust_stemmers::Stemmer,
}

impl std::fmt::Debug for EnglishStemmer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("EnglishStemmer")
    }
}

impl Default for EnglishStemmer {
    fn default() -> Self {
        Self::new()
    }
}

impl EnglishStemmer {
    /// The Porter2 stemmer.
    pub fn new() -> Self {
        EnglishStemmer {
            inner: rust_stemmers::Stemmer::create(rust_stemmers::Algorithm::English),
        }
    }

    /// The stem of a lower-case word.
    pub fn stem(&self, word: &str) -> String {
        super::porter2::stem(word).unwrap_or_else(|| self.inner.stem(word).into_owned())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stems_affixed_forms_to_known_roots() {
        let stemmer = IndonesianStemmer::new([
            "ambil", "kirim", "tulis", "pakai", "serang", "temu", "kerja", "rasa", "umum", "baca",
            "negara", "pilih", "lihat", "kata",
        ]);
        let cases = [
            ("mengambil", "ambil"),
            ("mengirim", "kirim"),
            ("menulis", "tulis"),
            ("memakai", "pakai"),
            ("menyerang", "serang"),
            ("pertemuan", "temu"),
            ("bekerja", "kerja"),
            ("pekerjaan", "kerja"),
            ("merasakan", "rasa"),
            ("mengumumkan", "umum"),
            ("dibacakan", "baca"),
            ("negaranya", "negara"),
            ("negara", "negara"),
            ("dipilihnya", "pilih"),
            ("melihatlah", "lihat"),
            ("mengatakan", "kata"),
        ];
        for (word, expected) in cases {
            assert_eq!(stemmer.stem(word), expected, "word {word:?}");
        }
    }

    #[test]
    fn stems_without_roots_use_the_common_reading() {
        let stemmer = IndonesianStemmer::default();
        let cases = [
            ("menulis", "tulis"),
            ("dibangun", "bangun"),
            ("pemerintahan", "perintah"),
        ];
        for (word, expected) in cases {
            assert_eq!(stemmer.stem(word), expected, "word {word:?}");
        }
    }
}
