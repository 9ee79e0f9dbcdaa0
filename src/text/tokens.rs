//! Tokens for matching: folded, lower-cased words and numbers, with stopwords marked.

use std::sync::OnceLock;

use rustc_hash::FxHashSet;

use super::fold_cow;
use crate::Lang;

/// A token of a segment, in folded lower case.
#[derive(Debug, Clone, PartialEq)]
pub struct Token {
    /// The folded, lower-cased form.
    pub text: String,
    /// Whether the token holds a digit.
    pub is_number: bool,
    /// Whether the original began with a capital (a name, an acronym).
    pub capitalized: bool,
}

/// The function words of a language: never anchors, never glossary terms on their own.
pub fn is_stopword(lang: Lang, word: &str) -> bool {
    // Hashed once per process: this runs for every token of every text.
    static SETS: OnceLock<[FxHashSet<&'static str>; 2]> = OnceLock::new();
    let sets = SETS.get_or_init(|| {
        [
            STOP_ID.iter().copied().collect(),
            STOP_EN.iter().copied().collect(),
        ]
    });
    sets[usize::from(lang == Lang::En)].contains(word)
}

/// Whether `word` may not begin or end a glossary term: a stopword, or one of the conjunctions
/// and sentence adverbs (`meskipun`, `kemudian`, `however`) that alignment keeps as weak
/// anchors but a term never starts or ends with (`wartawan meskipun`).
pub fn is_edge_word(lang: Lang, word: &str) -> bool {
    let extra: &[&str] = match lang {
        Lang::Id => &[
            "apakah",
            "kemudian",
            "kini",
            "meskipun",
            "sebelum",
            "sekarang",
            "sementara",
            "sesudah",
        ],
        Lang::En => &["although", "however", "though", "whether"],
    };
    is_stopword(lang, word) || extra.contains(&word)
}

/// Whether `word`, a word of its own, may not be part of a term of several words: a modal
/// verb (`ingin menghindari` / avoid is *menghindari*'s) or a verb of reporting (`told
/// reporters` / *wartawan* is *reporters*'s). Alone it is a word like any other (`ingin` /
/// want).
pub fn is_clause_edge(lang: Lang, word: &str) -> bool {
    let words: &[&str] = match lang {
        Lang::Id => &[
            "berkata",
            "hendak",
            "ingin",
            "kata",
            "katanya",
            "mau",
            "menambahkan",
            "mengatakan",
            "menurut",
            "perlu",
            "sempat",
            "tutur",
            "ujar",
        ],
        Lang::En => &[
            "according",
            "added",
            "asked",
            "said",
            "says",
            "tell",
            "tells",
            "told",
            "wants",
        ],
    };
    words.contains(&word)
}

// Sorted, so lookups are a binary search.
const STOP_ID: &[&str] = &[
    "ada", "adalah", "agar", "akan", "aku", "anda", "antara", "apa", "atas", "atau", "bagi",
    "bahkan", "bahwa", "banyak", "begitu", "beliau", "belum", "berbagai", "bisa", "bukan", "dalam",
    "dan", "dapat", "dari", "daripada", "demikian", "dengan", "di", "dia", "hal", "hanya", "harus",
    "hingga", "ia", "ialah", "ini", "itu", "jadi", "jika", "juga", "kalau", "kami", "kamu",
    "karena", "ke", "kepada", "ketika", "kita", "lagi", "lain", "lalu", "maka", "masih", "mereka",
    "namun", "nya", "oleh", "pada", "para", "pernah", "pula", "pun", "saat", "saja", "sang",
    "sangat", "saya", "se", "sebagai", "sebuah", "secara", "sedang", "sehingga", "sejak",
    "sekitar", "selain", "semua", "seorang", "seperti", "serta", "sesuatu", "setelah", "si",
    "suatu", "sudah", "supaya", "tak", "tanpa", "telah", "tentang", "terhadap", "tersebut",
    "tetapi", "tidak", "untuk", "walaupun", "yaitu", "yakni", "yang",
];

const STOP_EN: &[&str] = &[
    "a", "about", "after", "again", "all", "also", "am", "an", "and", "any", "are", "as", "at",
    "be", "because", "been", "before", "being", "between", "both", "but", "by", "can", "could",
    "did", "do", "does", "doing", "during", "each", "even", "few", "for", "from", "further", "had",
    "has", "have", "having", "he", "her", "here", "hers", "him", "his", "how", "i", "if", "in",
    "into", "is", "it", "its", "itself", "just", "may", "me", "might", "more", "most", "must",
    "my", "no", "nor", "not", "now", "of", "off", "on", "once", "only", "or", "other", "our",
    "ours", "out", "over", "own", "same", "she", "should", "so", "some", "such", "than", "that",
    "the", "their", "them", "then", "there", "these", "they", "this", "those", "through", "to",
    "too", "under", "until", "up", "upon", "us", "very", "was", "we", "were", "what", "when",
    "where", "which", "while", "who", "whom", "why", "will", "with", "would", "you", "your",
];

/// Splits a segment into tokens: runs of letters and digits, with `.`, `,`, `:` and `/` kept
/// between digits (`7.800`, `43,11`, `10:30`, `22/5/2021`); hyphens split words, and an
/// Indonesian reduplication (`negara-negara`) gives its word once.
///
/// ```
/// use padan::text::tokens::tokenize;
/// let words: Vec<String> = tokenize("Negara-negara “G7” membayar 7.800 dolar.").into_iter().map(|t| t.text).collect();
/// assert_eq!(words, ["negara", "g7", "membayar", "7.800", "dolar"]);
/// ```
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut out = Vec::new();
    scan_tokens(text, |token, _, capitalized| {
        out.push(Token {
            is_number: token.bytes().any(|b| b.is_ascii_digit()),
            capitalized,
            text: token.to_owned(),
        });
    });
    out
}

/// [`tokenize`] without allocating per token: calls `f` with each lower-case token, its surface
/// form (case kept, typography folded) and whether it began with a capital.
pub fn scan_tokens(text: &str, mut f: impl FnMut(&str, &str, bool)) {
    scan_phrase_tokens(text, |lower, surface, capital, _| {
        f(lower, surface, capital)
    });
}

/// Whether punctuation between two words ends a phrase: a term never spans a comma, a colon, a
/// bracket or a quotation mark (`produktif, konstruktif`; `kecelakaan,” kata Blinken`). A full
/// stop does not (`Dr. Smith`, `A.S.`), nor a hyphen or an apostrophe.
fn breaks_phrase(c: char) -> bool {
    matches!(
        c,
        ',' | ';'
            | ':'
            | '('
            | ')'
            | '['
            | ']'
            | '{'
            | '}'
            | '"'
            | '“'
            | '”'
            | '«'
            | '»'
            | '!'
            | '?'
            | '…'
    )
}

/// [`scan_tokens`], also telling whether punctuation that ends a phrase (a comma, a colon, a
/// bracket, a quotation mark; not a full stop, a hyphen or an apostrophe) stands between a
/// token and the one before it.
pub fn scan_phrase_tokens(text: &str, mut f: impl FnMut(&str, &str, bool, bool)) {
    let folded = fold_cow(text);
    let folded = folded.as_ref();
    let mut lower = String::new();
    let mut last_end = 0;
    // The token not yet given to `f`: a reduplication after it (`lumba-lumba`,
    // `negara-negara`) joins its surface, so the word is given once, shown as written.
    let mut pending = String::new();
    let mut pending_span: Option<(usize, usize, bool, bool)> = None;
    let mut flush = |pending: &str, span: Option<(usize, usize, bool, bool)>| {
        if let Some((start, end, capital, after_break)) = span {
            f(pending, &folded[start..end], capital, after_break);
        }
    };
    let mut emit = |start: usize, end: usize, after_hyphen: bool, capital: bool| {
        let after_break = folded
            .get(last_end..start)
            .is_some_and(|gap| gap.chars().any(breaks_phrase));
        last_end = end;
        let mut end = end;
        // English possessive: Russia's -> russia.
        if end - start > 2 && folded[start..end].ends_with("'s") {
            end -= 2;
        }
        let raw = &folded[start..end];
        lower.clear();
        if raw.is_ascii() {
            lower.push_str(raw);
            lower.make_ascii_lowercase();
        } else {
            lower.extend(raw.chars().flat_map(char::to_lowercase));
        }
        if after_hyphen && lower == pending {
            if let Some(span) = pending_span.as_mut() {
                span.1 = end;
            }
            return;
        }
        flush(&pending, pending_span.take());
        std::mem::swap(&mut pending, &mut lower);
        pending_span = Some((start, end, capital, after_break));
    };
    if folded.is_ascii() {
        token_spans_ascii(folded.as_bytes(), &mut emit);
    } else {
        token_spans(folded, &mut emit);
    }
    flush(&pending, pending_span.take());
}

/// The tokens of folded text as (start, end, after a hyphen, begins with a capital): a run of
/// letters and digits, with `.`, `,`, `:` or `/` between digits (`7.800`, `10:30`) and an
/// apostrophe between letters (`Russia's`) inside it.
fn token_spans(folded: &str, mut emit: impl FnMut(usize, usize, bool, bool)) {
    let mut iter = folded.char_indices().peekable();
    let mut last_char: Option<char> = None;
    while let Some((start, c)) = iter.next() {
        if !c.is_alphanumeric() {
            last_char = Some(c);
            continue;
        }
        let after_hyphen = last_char == Some('-');
        let mut end = start + c.len_utf8();
        let mut prev = c;
        while let Some(&(k, n)) = iter.peek() {
            // The character after `n` matters only when `n` may join (most are letters).
            let joins = || {
                let next_next = folded[k + n.len_utf8()..].chars().next();
                let joins_digits = matches!(n, '.' | ',' | ':' | '/')
                    && prev.is_ascii_digit()
                    && next_next.is_some_and(|x| x.is_ascii_digit());
                let apostrophe =
                    n == '\'' && prev.is_alphabetic() && next_next.is_some_and(char::is_alphabetic);
                joins_digits || apostrophe
            };
            if n.is_alphanumeric() || joins() {
                end = k + n.len_utf8();
                prev = n;
                iter.next();
            } else {
                break;
            }
        }
        last_char = Some(prev);
        emit(start, end, after_hyphen, c.is_uppercase());
    }
}

/// [`token_spans`] of ASCII text, on bytes: most text of both languages is ASCII, and there a
/// byte is a character and the ASCII classes are the Unicode ones.
fn token_spans_ascii(bytes: &[u8], mut emit: impl FnMut(usize, usize, bool, bool)) {
    let mut last: Option<u8> = None;
    let mut k = 0;
    while k < bytes.len() {
        let c = bytes[k];
        k += 1;
        if !c.is_ascii_alphanumeric() {
            last = Some(c);
            continue;
        }
        let (start, after_hyphen) = (k - 1, last == Some(b'-'));
        let mut prev = c;
        while let Some(&n) = bytes.get(k) {
            let next_next = bytes.get(k + 1);
            let joins = n.is_ascii_alphanumeric()
                || (matches!(n, b'.' | b',' | b':' | b'/')
                    && prev.is_ascii_digit()
                    && next_next.is_some_and(u8::is_ascii_digit))
                || (n == b'\''
                    && prev.is_ascii_alphabetic()
                    && next_next.is_some_and(u8::is_ascii_alphabetic));
            if !joins {
                break;
            }
            prev = n;
            k += 1;
        }
        last = Some(prev);
        emit(start, k, after_hyphen, c.is_ascii_uppercase());
    }
}

/// The values a number token can stand for, as comparison keys: `7.800` in Indonesian is
/// 7800, `7,800` in English too; `43,11` and `43.11` are 43.11; `10.30` may be the time 10:30.
/// Ambiguous forms give every reading.
///
/// ```
/// use padan::{text::tokens::number_keys, Lang};
/// assert_eq!(number_keys("7.800", Lang::Id), ["n:7800", "n:7.8"]);
/// assert_eq!(number_keys("7,800", Lang::En), ["n:7800", "n:7.8"]);
/// assert_eq!(number_keys("10.30", Lang::Id), ["n:10.3", "t:10:30"]);
/// assert_eq!(number_keys("10:30", Lang::En), ["t:10:30"]);
/// ```
pub fn number_keys(token: &str, lang: Lang) -> Vec<String> {
    let mut keys = Vec::new();
    if !token
        .chars()
        .all(|c| c.is_ascii_digit() || matches!(c, '.' | ',' | ':' | '/'))
    {
        // A word with digits (g7, covid19, 2nd): compare as it is.
        return keys;
    }
    if token.contains('/') {
        keys.push(format!("d:{}", strip_zeros_each(token, '/')));
        return keys;
    }
    if token.contains(':') {
        keys.push(format!("t:{}", strip_zeros_each(token, ':')));
        return keys;
    }
    let (thousands, decimal) = match lang {
        Lang::Id => ('.', ','),
        Lang::En => (',', '.'),
    };
    let other_sep = |s: &str, sep: char| -> Option<String> {
        let parts: Vec<&str> = s.split(sep).collect();
        let grouped = parts.len() > 1
            && parts[0].len() <= 3
            && !parts[0].is_empty()
            && parts[1..].iter().all(|p| p.len() == 3);
        grouped.then(|| parts.concat())
    };
    let has_thousands = token.contains(thousands);
    let has_decimal = token.contains(decimal);
    match (has_thousands, has_decimal) {
        (false, false) => keys.push(format!("n:{}", trim_number(token))),
        (true, false) => {
            if let Some(integer) = other_sep(token, thousands) {
                keys.push(format!("n:{}", trim_number(&integer)));
            }
            // The other convention's decimal reading (7.8), and a time for 10.30.
            if token.matches(thousands).count() == 1 {
                keys.push(format!(
                    "n:{}",
                    decimal_value(&token.replace(thousands, "."))
                ));
                let (h, m) = token.split_once(thousands).unwrap_or((token, ""));
                if lang == Lang::Id && h.len() <= 2 && m.len() == 2 {
                    keys.push(format!("t:{}:{m}", trim_number(h)));
                }
            }
        }
        (false, true) => {
            keys.push(format!("n:{}", decimal_value(&token.replace(decimal, "."))));
            if let Some(integer) = other_sep(token, decimal) {
                keys.push(format!("n:{}", trim_number(&integer)));
            }
            let (h, m) = token.split_once(decimal).unwrap_or((token, ""));
            if lang == Lang::En && h.len() <= 2 && m.len() == 2 {
                keys.push(format!("t:{}:{m}", trim_number(h)));
            }
        }
        (true, true) => {
            let normal = token.replace(thousands, "").replace(decimal, ".");
            keys.push(format!("n:{}", decimal_value(&normal)));
        }
    }
    keys.dedup();
    keys
}

fn trim_number(digits: &str) -> String {
    let trimmed = digits.trim_start_matches('0');
    if trimmed.is_empty() {
        "0".to_owned()
    } else {
        trimmed.to_owned()
    }
}

fn decimal_value(number: &str) -> String {
    match number.split_once('.') {
        Some((int, frac)) => {
            let frac = frac.trim_end_matches('0');
            if frac.is_empty() {
                trim_number(int)
            } else {
                format!("{}.{frac}", trim_number(int))
            }
        }
        None => trim_number(number),
    }
}

fn strip_zeros_each(token: &str, sep: char) -> String {
    token
        .split(sep)
        .map(trim_number)
        .collect::<Vec<_>>()
        .join(&sep.to_string())
}

/// A spelling key shared by cognates: Indonesian suffixes respelt the English way
/// (-isasi -> -isation, -itas -> -ity, -if -> -ive, -i -> -y ...), then letters that the two
/// spellings swap folded together (c/k/q, s/z, f/v/ph, x/ks, ch/k), doubles collapsed, vowels
/// after the first letter dropped, a final t dropped. `None` for words too short to trust.
///
/// ```
/// use padan::{text::tokens::cognate_key, Lang};
/// assert_eq!(cognate_key("konstruktif", Lang::Id), cognate_key("constructive", Lang::En));
/// assert_eq!(cognate_key("militerisasi", Lang::Id), cognate_key("militarisation", Lang::En));
/// assert_eq!(cognate_key("stabilitas", Lang::Id), cognate_key("stability", Lang::En));
/// assert_ne!(cognate_key("kontrak", Lang::Id), cognate_key("control", Lang::En));
/// ```
pub fn cognate_key(word: &str, lang: Lang) -> Option<String> {
    // ASCII letters only, at least five (a byte is a letter there).
    if word.len() < 5 || !word.bytes().all(|b| b.is_ascii_alphabetic()) {
        return None;
    }
    // Suffixes compared as bytes: `str::ends_with` calls memcmp for each one tried, and this
    // runs for every distinct word of both sides.
    let ends_with = |w: &str, suffix: &str| {
        let (w, suffix) = (w.as_bytes(), suffix.as_bytes());
        w.len() >= suffix.len() && w[w.len() - suffix.len()..].iter().eq(suffix)
    };
    let mut w = word.to_owned();
    if lang == Lang::Id {
        const SUFFIXES: [(&str, &str); 14] = [
            ("isasi", "isation"),
            ("orium", "ory"),
            ("asi", "ation"),
            ("ksi", "ction"),
            ("usi", "ution"),
            ("isi", "ition"),
            ("itas", "ity"),
            ("if", "ive"),
            ("ik", "ic"),
            ("is", "ic"),
            ("ur", "ure"),
            ("er", "er"),
            ("en", "ent"),
            ("i", "y"),
        ];
        if let Some((from, to)) = SUFFIXES.iter().find(|(from, _)| ends_with(&w, from)) {
            w.truncate(w.len() - from.len());
            w.push_str(to);
        }
    } else {
        for (from, to) in [("ies", "y"), ("es", "e")] {
            if ends_with(&w, from) && w.len() > from.len() + 3 {
                w.truncate(w.len() - from.len());
                w.push_str(to);
                break;
            }
        }
        if ends_with(&w, "s") && !ends_with(&w, "ss") && w.len() > 5 {
            w.pop();
        }
    }
    // One pass over the letters: ph -> f, ch -> k, th -> t, x -> ks, (s)sion -> tion, c/q -> k,
    // z -> s, v -> f, y -> i; vowels after the first letter dropped; doubles collapsed.
    let letters = w.as_bytes();
    let mut key = String::with_capacity(letters.len());
    let mut k = 0;
    let push = |c: char, key: &mut String, first: bool| {
        let vowel = matches!(c, 'a' | 'e' | 'i' | 'o' | 'u');
        if (!first && vowel) || key.as_bytes().last() == Some(&(c as u8)) {
            return;
        }
        key.push(c);
    };
    while k < letters.len() {
        let first = k == 0;
        let rest = &letters[k..];
        let (c, step) = match rest {
            [b'p', b'h', ..] => ('f', 2),
            [b'c', b'h', ..] => ('k', 2),
            [b't', b'h', ..] => ('t', 2),
            [b's', b'i', b'o', b'n', ..] => ('t', 1),
            [b'x', ..] => {
                push('k', &mut key, first);
                ('s', 1)
            }
            [b'c' | b'q', ..] => ('k', 1),
            [b'z', ..] => ('s', 1),
            [b'v', ..] => ('f', 1),
            [b'y', ..] if !first => ('i', 1),
            [other, ..] => (*other as char, 1),
            [] => break,
        };
        push(c, &mut key, first);
        k += step;
    }
    if key.as_bytes().last() == Some(&b't') && key.len() > 4 {
        key.pop();
    }
    let consonants = key
        .bytes()
        .filter(|b| !matches!(b, b'a' | b'e' | b'i' | b'o' | b'u'))
        .count();
    (consonants >= 4).then_some(key)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn spans(text: &str, ascii: bool) -> Vec<(usize, usize, bool, bool)> {
        let mut out = Vec::new();
        let emit = |a, b, c, d| out.push((a, b, c, d));
        if ascii {
            token_spans_ascii(text.as_bytes(), emit);
        } else {
            token_spans(text, emit);
        }
        out
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]
        /// The byte scanner gives exactly the character scanner's tokens on ASCII text, joiners
        /// between digits and letters, hyphens and apostrophes included.
        #[test]
        fn ascii_token_spans_match_the_character_scanner(text in "[a-cA-C0-2.,:/' -]{0,40}") {
            prop_assert_eq!(spans(&text, true), spans(&text, false));
        }
    }

    #[test]
    fn ascii_token_spans_match_on_sentences() {
        for text in [
            "Russia's 7.800 troops, 10:30 WIB; 22/5/2021 -- negara-negara G7 isn't '90s.",
            "Tab\there: 3,5 dan 43,11 persen. (COVID-19) \"quoted\" rock'n'roll 1.2.3",
            "",
            "'''---...",
        ] {
            assert_eq!(spans(text, true), spans(text, false), "{text:?}");
        }
    }

    #[test]
    fn a_reduplication_is_one_word_shown_whole() {
        let mut seen = Vec::new();
        scan_tokens(
            "Lumba-lumba dan negara-negara, kupu-kupu Russia's",
            |w, s, c| {
                seen.push((w.to_owned(), s.to_owned(), c));
            },
        );
        let expected = [
            ("lumba", "Lumba-lumba", true),
            ("dan", "dan", false),
            ("negara", "negara-negara", false),
            ("kupu", "kupu-kupu", false),
            ("russia", "Russia", true),
        ];
        let expected: Vec<(String, String, bool)> = expected
            .iter()
            .map(|&(w, s, c)| (w.to_owned(), s.to_owned(), c))
            .collect();
        assert_eq!(seen, expected);
    }

    #[test]
    fn stopword_lists_are_sorted_for_binary_search() {
        for list in [STOP_ID, STOP_EN] {
            let mut sorted = list.to_vec();
            sorted.sort_unstable();
            sorted.dedup();
            assert_eq!(sorted, list, "unsorted or duplicated: {list:?}");
        }
        assert!(is_stopword(Lang::Id, "yang") && is_stopword(Lang::En, "the"));
        assert!(!is_stopword(Lang::Id, "negara") && !is_stopword(Lang::En, "summit"));
    }

    #[test]
    fn numbers_match_across_conventions() {
        let cases = [
            ("7.800", Lang::Id, "7,800", Lang::En, true),
            ("43,11", Lang::Id, "43.11", Lang::En, true),
            ("2021", Lang::Id, "2021", Lang::En, true),
            ("10.30", Lang::Id, "10:30", Lang::En, true),
            ("22/5/2021", Lang::Id, "22/05/2021", Lang::En, true),
            ("1.250.000", Lang::Id, "1,250,000", Lang::En, true),
            ("7.800", Lang::Id, "7,600", Lang::En, false),
            ("43,11", Lang::Id, "4311", Lang::En, false),
        ];
        for (a, la, b, lb, same) in cases {
            let ka = number_keys(a, la);
            let kb = number_keys(b, lb);
            let shared = ka.iter().any(|k| kb.contains(k));
            assert_eq!(shared, same, "{a} ({la}) {ka:?} vs {b} ({lb}) {kb:?}");
        }
    }

    #[test]
    fn cognates_share_a_key() {
        let cases = [
            ("konstruktif", "constructive", true),
            ("militerisasi", "militarisation", true),
            ("militerisasi", "militarization", true),
            ("stabilitas", "stability", true),
            ("organisasi", "organizations", true),
            ("teknologi", "technology", true),
            ("presiden", "president", true),
            ("diplomatik", "diplomatic", true),
            ("laboratorium", "laboratory", true),
            ("sanksi", "sanction", true),
            ("produksi", "production", true),
            ("kontrak", "control", false),
            ("menteri", "ministry", false),
        ];
        for (id, en, same) in cases {
            let a = cognate_key(id, Lang::Id);
            let b = cognate_key(en, Lang::En);
            assert_eq!(a.is_some() && a == b, same, "{id} {a:?} vs {en} {b:?}");
        }
    }
}
