//! The per-language rule tables: abbreviations by class and common sentence openers, read
//! from the text files beside this one at build time.

use std::sync::OnceLock;

use rustc_hash::{FxHashMap, FxHashSet};

use crate::Lang;

/// How an abbreviation behaves before whitespace and a following word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Class {
    /// Never ends a sentence: a name or number follows (`Dr.`, `Jl.`, `Mr.`).
    Title,
    /// Never ends a sentence (`e.g.`, `a.n.`).
    Inner,
    /// An abbreviation only before a number (`No. 5`); elsewhere a plain word.
    Number,
    /// May end a sentence: a boundary only before a common sentence opener (`dll.`, `etc.`).
    Final,
}

/// The segmentation rules of one language.
#[derive(Debug, Clone)]
pub struct Rules {
    abbreviations: FxHashMap<&'static str, Class>,
    openers: FxHashSet<&'static str>,
    /// Whether a sentence may start in lower case after a full stop that ends a plain word:
    /// informal English (e-mails, reviews, chat) does; Indonesian text hardly ever.
    lower_starts: bool,
}

impl Rules {
    /// The shipped rules for `lang`, read from their tables once per process.
    pub fn for_lang(lang: Lang) -> &'static Rules {
        static RULES: [OnceLock<Rules>; 2] = [OnceLock::new(), OnceLock::new()];
        RULES[usize::from(lang == Lang::En)].get_or_init(|| Rules::parse(lang))
    }

    fn parse(lang: Lang) -> Self {
        let (abbreviations, openers) = match lang {
            Lang::Id => (
                include_str!("abbreviations.id.txt"),
                include_str!("starters.id.txt"),
            ),
            Lang::En => (
                include_str!("abbreviations.en.txt"),
                include_str!("starters.en.txt"),
            ),
        };
        Rules {
            abbreviations: data_lines(abbreviations)
                .filter_map(|line| {
                    let (word, class) = line.split_once(char::is_whitespace)?;
                    let class = match class.trim() {
                        "title" => Class::Title,
                        "inner" => Class::Inner,
                        "number" => Class::Number,
                        "final" => Class::Final,
                        _ => return None,
                    };
                    Some((word, class))
                })
                .collect(),
            openers: data_lines(openers).collect(),
            lower_starts: lang == Lang::En,
        }
    }

    /// The class of an abbreviation as written, or written in capitals (`JL.` for `Jl.`,
    /// `KEL.` for `Kel.`).
    fn class(&self, word_with_period: &str) -> Option<Class> {
        if let Some(class) = self.abbreviations.get(word_with_period) {
            return Some(*class);
        }
        let mut letters = word_with_period.chars();
        let first = letters.next()?;
        if !word_with_period
            .chars()
            .filter(|c| c.is_alphabetic())
            .all(char::is_uppercase)
        {
            return None;
        }
        let titled: String = std::iter::once(first)
            .chain(letters.flat_map(char::to_lowercase))
            .collect();
        self.abbreviations.get(titled.as_str()).copied()
    }

    /// Decides whether a terminal `cluster` (e.g. `.`, `?”`, `…`) after `previous` (the word
    /// before it) and before `following` (the next whitespace-separated token) ends a sentence.
    /// `in_quote` says whether the cluster stands inside an open quotation.
    pub(crate) fn is_boundary(
        &self,
        previous: &str,
        cluster: &[char],
        following: &str,
        in_quote: bool,
    ) -> bool {
        let closed = cluster
            .iter()
            .skip_while(|&&c| !super::is_closer(c))
            .any(|&c| super::is_closer(c));
        let word = following.trim_start_matches(|c: char| {
            super::is_opener(c) || matches!(c, '-' | '–' | '—' | '*' | '•')
        });
        let opens_quote = following.starts_with(super::is_opener);
        // A quotation mark, not a bracket: `Ltd. (SPA)` goes on.
        let opens_quotation =
            following.starts_with(|c: char| super::is_opener(c) && !matches!(c, '(' | '[' | '{'));
        let Some(first) = word.chars().next() else {
            return true;
        };
        // `... affiliates. , 2000`: a comma or a semicolon continues the sentence.
        if matches!(first, ',' | ';' | ':') {
            return false;
        }
        let lower_next = first.is_lowercase();
        let terminals: Vec<char> = cluster
            .iter()
            .copied()
            .filter(|&c| super::is_terminal(c))
            .collect();

        if terminals.iter().any(|&c| matches!(c, '?' | '!' | '‽')) {
            // `?” tanya dia`: an attribution after the quotation, not a new sentence. Without a
            // closing quote a lower-case word still starts a sentence (transcribed speech).
            return !(closed && lower_next);
        }
        let ellipsis = terminals.contains(&'…') || terminals.len() >= 2;
        if ellipsis {
            return !in_quote && (first.is_uppercase() || opens_quote) && !lower_next;
        }
        let class = self.class_of(previous);
        if lower_next {
            // `... if anyone is interested. jill allen finishes ...`: after a full stop that
            // ends a plain word of two letters or more, not an abbreviation.
            let plain = previous.chars().count() >= 2 && previous.chars().all(char::is_alphabetic);
            return self.lower_starts && class.is_none() && plain && !in_quote;
        }
        // A number, or a Roman numeral after `No.` (`Peraturan Bapepam No. XI`).
        let roman = word
            .trim_end_matches(['.', ',', ')'])
            .chars()
            .all(|c| matches!(c, 'I' | 'V' | 'X' | 'L' | 'C'));
        if first.is_numeric() || (roman && class == Some(Class::Number)) {
            return !matches!(class, Some(Class::Title | Class::Number | Class::Inner));
        }
        match class {
            Some(Class::Title | Class::Inner) => false,
            Some(Class::Final) => opens_quotation || self.is_opener(word),
            Some(Class::Number) | None => true,
        }
    }

    /// The class of the word before a period: listed abbreviations, then initials and dotted
    /// acronyms, which behave like abbreviations that may end a sentence.
    fn class_of(&self, previous: &str) -> Option<Class> {
        if previous.is_empty() {
            return None;
        }
        let with_period = format!("{previous}.");
        if let Some(class) = self.class(&with_period) {
            return Some(class);
        }
        let mut letters = previous.chars();
        // An initial is one capital letter; a lone lower-case letter is a unit (`3,50 m.`).
        let is_initial =
            matches!((letters.next(), letters.next()), (Some(c), None) if c.is_uppercase());
        // `News.com.au.`: a host or file name ends in a lower-case suffix after a longer
        // part; the full stop after it is the sentence's.
        let parts: Vec<&str> = previous.split('.').collect();
        let is_address = parts.len() >= 2
            && parts.iter().any(|p| p.chars().count() >= 3)
            && parts.last().is_some_and(|p| {
                p.chars().count() >= 2 && p.chars().all(|c| c.is_ascii_lowercase())
            });
        if is_address {
            return None;
        }
        let is_dotted = previous.contains('.')
            && previous.split('.').all(|part| {
                !part.is_empty()
                    && part.chars().count() <= 4
                    && part.chars().all(char::is_alphabetic)
            });
        (is_initial || is_dotted).then_some(Class::Final)
    }

    fn is_opener(&self, word: &str) -> bool {
        let word = word.trim_end_matches(|c: char| !c.is_alphanumeric());
        self.openers.contains(word)
    }
}

fn data_lines(data: &'static str) -> impl Iterator<Item = &'static str> {
    data.lines()
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
}
