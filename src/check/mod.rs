//! Quality checks of an aligned translation, per bead: glossary terms not translated as agreed,
//! terms translated inconsistently, numbers that differ, names on one side only, sentences left
//! out or added, unusual length ratios, source text copied into the target.
//!
//! Every flag names the bead, the check, a severity and the evidence (the words that matched or
//! failed to), so a reviewer can judge it without rereading the whole pair.

pub mod numbers;

use std::collections::BTreeMap;
use std::fmt;

use crate::align::Model;
use crate::document::AlignedPair;
use crate::lexicon::Lexicon;
use crate::text::fold;
use crate::text::tokens::{cognate_key, is_stopword, scan_tokens};
use crate::Lang;

/// How serious a flag is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    /// Almost certainly a translation error: a changed number, a left-out sentence, an agreed
    /// term not used, untranslated text.
    Error,
    /// Worth a look: may be a legitimate choice of the translator.
    Warning,
}

impl Severity {
    /// The name used in reports.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// What a flag is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Check {
    /// A glossary source term whose agreed target (or a listed variant) is missing.
    TermMissing,
    /// A glossary term translated with different variants across the document or corpus.
    TermInconsistent,
    /// Numbers that differ once the two conventions are normalized.
    NumberMismatch,
    /// A name on one side that the other side lacks.
    NameOneSide,
    /// A source sentence with no translation (a 1-0 bead).
    Omission,
    /// A target sentence with no source (a 0-1 bead).
    Addition,
    /// A translation much longer or shorter than its source.
    LengthRatio,
    /// Source text copied into the target untranslated.
    Untranslated,
}

impl Check {
    /// Every check, in report order.
    pub const ALL: [Check; 8] = [
        Check::TermMissing,
        Check::TermInconsistent,
        Check::NumberMismatch,
        Check::NameOneSide,
        Check::Omission,
        Check::Addition,
        Check::LengthRatio,
        Check::Untranslated,
    ];

    /// The name used in reports.
    pub fn as_str(self) -> &'static str {
        match self {
            Check::TermMissing => "term-missing",
            Check::TermInconsistent => "term-inconsistent",
            Check::NumberMismatch => "number-mismatch",
            Check::NameOneSide => "name-one-side",
            Check::Omission => "omission",
            Check::Addition => "addition",
            Check::LengthRatio => "length-ratio",
            Check::Untranslated => "untranslated",
        }
    }
}

impl fmt::Display for Check {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One finding.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Flag {
    /// Index of the bead in its document's alignment.
    pub bead: usize,
    /// What was checked.
    pub check: Check,
    /// How serious it is.
    pub severity: Severity,
    /// What was found, with the words involved.
    pub evidence: String,
}

/// A glossary term as compiled for matching: surface words and stems of the source, and of
/// every agreed target.
#[derive(Debug, Clone)]
struct Term {
    source: String,
    source_words: Vec<String>,
    source_stems: Vec<String>,
    targets: Vec<(String, Vec<String>)>,
}

/// One side of a bead as the checks see it.
struct BeadSide {
    text: String,
    words: Vec<String>,
    stems: Vec<String>,
    /// `(lower-case word, surface)` of capitalized words that do not start a segment.
    names: Vec<(String, String)>,
}

impl BeadSide {
    fn new(segments: &[&str], lang: Lang, lexicon: &Lexicon) -> Self {
        let mut words = Vec::new();
        let mut names = Vec::new();
        for segment in segments {
            let mut first = true;
            scan_tokens(segment, |lower, surface, capitalized| {
                if capitalized
                    && !first
                    && lower.chars().count() >= 3
                    && lower.chars().all(char::is_alphabetic)
                    && !is_stopword(lang, lower)
                {
                    names.push((lower.to_owned(), surface.to_owned()));
                }
                first = false;
                words.push(lower.to_owned());
            });
        }
        let stems = words
            .iter()
            .map(|w| match lang {
                Lang::Id => lexicon.stem_id(w),
                Lang::En => lexicon.stem_en(w),
            })
            .collect();
        BeadSide {
            text: segments.join(" "),
            words,
            stems,
            names,
        }
    }

    fn is_empty(&self) -> bool {
        self.text.trim().is_empty()
    }
}

fn contains_run(haystack: &[String], needle: &[String]) -> bool {
    !needle.is_empty() && haystack.windows(needle.len()).any(|w| w == needle)
}

/// Runs the checks over aligned pairs with an agreed glossary.
pub struct Checker<'a> {
    lexicon: &'a Lexicon,
    terms: Vec<Term>,
    model: Model,
    source_lang: Lang,
    target_lang: Lang,
}

/// Gale-Church deviation beyond which a bead's length ratio is flagged (two-tailed p < 0.0005).
const LENGTH_DEVIATION: f64 = 3.5;
/// Beads shorter than this (non-space characters, longer side) are never flagged for length:
/// headings and short replies vary too much.
const LENGTH_MIN_CHARS: usize = 40;

impl<'a> Checker<'a> {
    /// A checker for Indonesian sources and English targets. `glossary` holds the agreed
    /// `(source term, target term)` pairs (approved and added rows of a reviewed glossary);
    /// several rows with one source term list its accepted variants. `lexicon` gives the
    /// stemmers and the word pairs that tell a translated name from a missing one.
    pub fn new(lexicon: &'a Lexicon, glossary: &[(String, String)]) -> Self {
        let mut by_source: BTreeMap<Vec<String>, Term> = BTreeMap::new();
        for (source, target) in glossary {
            let mut words = Vec::new();
            scan_tokens(source, |lower, _, _| words.push(lower.to_owned()));
            let mut target_stems = Vec::new();
            scan_tokens(target, |lower, _, _| {
                target_stems.push(lexicon.stem_en(lower))
            });
            if words.is_empty() || target_stems.is_empty() {
                continue;
            }
            let stems: Vec<String> = words.iter().map(|w| lexicon.stem_id(w)).collect();
            let term = by_source.entry(stems.clone()).or_insert_with(|| Term {
                source: source.trim().to_owned(),
                source_words: words,
                source_stems: stems,
                targets: Vec::new(),
            });
            if !term.targets.iter().any(|(_, s)| *s == target_stems) {
                term.targets.push((target.trim().to_owned(), target_stems));
            }
        }
        Checker {
            lexicon,
            terms: by_source.into_values().collect(),
            model: Model::default(),
            source_lang: Lang::Id,
            target_lang: Lang::En,
        }
    }

    /// Flags of one aligned pair, in bead order.
    pub fn check(&self, pair: &AlignedPair) -> Vec<Flag> {
        self.check_corpus(std::slice::from_ref(pair))
            .pop()
            .unwrap_or_default()
    }

    /// Flags of every pair of a corpus, in bead order per pair; term consistency is judged
    /// across the whole corpus.
    pub fn check_corpus(&self, pairs: &[AlignedPair]) -> Vec<Vec<Flag>> {
        let mut flags: Vec<Vec<Flag>> = Vec::with_capacity(pairs.len());
        // Per term: (document, bead, variant used), to judge consistency at the end.
        let mut uses: Vec<Vec<(usize, usize, usize)>> = vec![Vec::new(); self.terms.len()];
        for (doc, pair) in pairs.iter().enumerate() {
            let mut doc_flags = Vec::new();
            for (b, bead) in pair.beads.iter().enumerate() {
                let side = |s: &crate::document::Side, range: &std::ops::Range<usize>, lang| {
                    let texts: Vec<std::borrow::Cow<str>> = s.segments[range.clone()]
                        .iter()
                        .map(|seg| seg.display(s.text))
                        .collect();
                    let texts: Vec<&str> = texts.iter().map(|t| t.as_ref()).collect();
                    BeadSide::new(&texts, lang, self.lexicon)
                };
                let source = side(&pair.source, &bead.source, self.source_lang);
                let target = side(&pair.target, &bead.target, self.target_lang);
                let mut add = |check, severity, evidence: String| {
                    doc_flags.push(Flag {
                        bead: b,
                        check,
                        severity,
                        evidence,
                    })
                };
                match (source.is_empty(), target.is_empty()) {
                    (false, true) => {
                        add(
                            Check::Omission,
                            Severity::Error,
                            format!(
                                "{} sentence {} has no {} translation",
                                self.source_lang.name(),
                                crate::document::human_ids(&bead.source),
                                self.target_lang.name()
                            ),
                        );
                        continue;
                    }
                    (true, false) => {
                        add(
                            Check::Addition,
                            Severity::Warning,
                            format!(
                                "{} sentence {} has no {} source",
                                self.target_lang.name(),
                                crate::document::human_ids(&bead.target),
                                self.source_lang.name()
                            ),
                        );
                        continue;
                    }
                    (true, true) => continue,
                    (false, false) => {}
                }
                // Words of terms found translated: not names to look for again.
                let mut covered: Vec<&str> = Vec::new();
                for (t, term) in self.terms.iter().enumerate() {
                    if !contains_run(&source.stems, &term.source_stems)
                        && !contains_run(&source.words, &term.source_words)
                    {
                        continue;
                    }
                    match term
                        .targets
                        .iter()
                        .position(|(_, stems)| contains_run(&target.stems, stems))
                    {
                        Some(variant) => {
                            uses[t].push((doc, b, variant));
                            covered.extend(term.source_words.iter().map(String::as_str));
                        }
                        None => {
                            let agreed: Vec<String> = term
                                .targets
                                .iter()
                                .map(|(t, _)| format!("\"{t}\""))
                                .collect();
                            add(
                                Check::TermMissing,
                                Severity::Error,
                                format!(
                                    "\"{}\" should be {} (glossary); not found in the {}",
                                    term.source,
                                    agreed.join(" or "),
                                    self.target_lang.name()
                                ),
                            );
                        }
                    }
                }
                self.check_numbers(&source, &target, &mut add);
                self.check_names(&source, &target, &covered, &mut add);
                self.check_length(&source, &target, &mut add);
                self.check_copied(&source, &target, &mut add);
            }
            flags.push(doc_flags);
        }
        self.check_consistency(&uses, &mut flags);
        for doc in &mut flags {
            // Stable order: by bead, then by check (a consistency flag joins its bead).
            doc.sort_by_key(|f| (f.bead, f.check));
        }
        flags
    }

    fn check_numbers(
        &self,
        source: &BeadSide,
        target: &BeadSide,
        add: &mut impl FnMut(Check, Severity, String),
    ) {
        let (s, t) = (
            numbers::numbers(&source.text, self.source_lang),
            numbers::numbers(&target.text, self.target_lang),
        );
        let (only_source, only_target) = numbers::unmatched(&s, &t);
        if only_source.is_empty() && only_target.is_empty() {
            return;
        }
        let list = |v: &[String]| v.join(", ");
        let (severity, evidence) = match (only_source.is_empty(), only_target.is_empty()) {
            (false, false) => (
                Severity::Error,
                format!(
                    "{} {} vs {} {}",
                    self.source_lang.name(),
                    list(&only_source),
                    self.target_lang.name(),
                    list(&only_target)
                ),
            ),
            (false, true) => (
                Severity::Warning,
                format!(
                    "{} has {}, not in the {}",
                    self.source_lang.name(),
                    list(&only_source),
                    self.target_lang.name()
                ),
            ),
            _ => (
                Severity::Warning,
                format!(
                    "{} has {}, not in the {}",
                    self.target_lang.name(),
                    list(&only_target),
                    self.source_lang.name()
                ),
            ),
        };
        add(Check::NumberMismatch, severity, evidence);
    }

    /// A name is found on the other side as itself, as a close spelling (Rusia, Russia), as a
    /// cognate, or through the lexicon (Jepang, Japan); a source name the lexicon translates
    /// and the target holds is fine too.
    fn check_names(
        &self,
        source: &BeadSide,
        target: &BeadSide,
        covered: &[&str],
        add: &mut impl FnMut(Check, Severity, String),
    ) {
        let similar = |word: &str, other: &BeadSide, lang: Lang, other_lang: Lang| {
            other.words.iter().any(|w| {
                w == word
                    || (word.len() >= 4
                        && crate::text::similarity_at_least(w, word, 0.75).is_some())
                    || cognate_key(word, lang)
                        .is_some_and(|k| cognate_key(w, other_lang) == Some(k))
            })
        };
        let mut missing = Vec::new();
        for (word, surface) in &source.names {
            if covered.contains(&word.as_str())
                || similar(word, target, self.source_lang, self.target_lang)
                || self.translated(word, source, target)
            {
                continue;
            }
            if !missing.contains(surface) {
                missing.push(surface.clone());
            }
        }
        let mut missing_source = Vec::new();
        for (word, surface) in &target.names {
            // An English capitalized word the glossaries know (Wednesday, Minister) is a word
            // translated as such, not a name to copy.
            if self.lexicon.knows_english(&self.lexicon.stem_en(word))
                || similar(word, source, self.target_lang, self.source_lang)
            {
                continue;
            }
            if !missing_source.contains(surface) {
                missing_source.push(surface.clone());
            }
        }
        if !missing.is_empty() {
            add(
                Check::NameOneSide,
                Severity::Warning,
                format!(
                    "{} only in the {}",
                    missing.join(", "),
                    self.source_lang.name()
                ),
            );
        }
        if !missing_source.is_empty() {
            add(
                Check::NameOneSide,
                Severity::Warning,
                format!(
                    "{} only in the {}",
                    missing_source.join(", "),
                    self.target_lang.name()
                ),
            );
        }
    }

    /// Whether the lexicon translates `word` (alone or in a phrase of the bead with its
    /// neighbours) into something the target holds.
    fn translated(&self, word: &str, source: &BeadSide, target: &BeadSide) -> bool {
        let stem = self.lexicon.stem_id(word);
        let positions: Vec<usize> = source
            .words
            .iter()
            .enumerate()
            .filter(|(_, w)| *w == word)
            .map(|(k, _)| k)
            .collect();
        let mut keys = vec![word.to_owned(), stem];
        for &k in &positions {
            // Every phrase of up to four words that holds the word.
            for len in 2..=crate::lexicon::MAX_PHRASE_WORDS {
                for from in k.saturating_sub(len - 1)..=k {
                    let to = from + len;
                    if to > source.words.len() {
                        break;
                    }
                    keys.push(source.words[from..to].join(" "));
                    keys.push(source.stems[from..to].join(" "));
                }
            }
        }
        keys.iter().any(|key| {
            self.lexicon.lookup(key).any(|concept| {
                let stems: Vec<String> = concept[2..].split(' ').map(str::to_owned).collect();
                stems.iter().all(|s| target.stems.contains(s))
            })
        })
    }

    fn check_length(
        &self,
        source: &BeadSide,
        target: &BeadSide,
        add: &mut impl FnMut(Check, Severity, String),
    ) {
        let chars = |s: &str| s.chars().filter(|c| !c.is_whitespace()).count();
        let (ls, lt) = (chars(&source.text), chars(&target.text));
        if ls.max(lt) < LENGTH_MIN_CHARS {
            return;
        }
        let (ls, lt) = (ls as f64, lt as f64);
        let expected = ls * self.model.length_ratio;
        let mean = ((expected + lt) * 0.5).max(1.0);
        let deviation = (lt - expected) / (self.model.length_variance * mean).sqrt();
        if deviation.abs() > LENGTH_DEVIATION {
            add(
                Check::LengthRatio,
                Severity::Warning,
                format!(
                    "the {} is {:.1} times the expected length ({} characters for {} in the {})",
                    self.target_lang.name(),
                    lt / expected.max(1.0),
                    lt,
                    ls,
                    self.source_lang.name()
                ),
            );
        }
    }

    /// The target is the source, or reads as the source language.
    fn check_copied(
        &self,
        source: &BeadSide,
        target: &BeadSide,
        add: &mut impl FnMut(Check, Severity, String),
    ) {
        let same = target.words.len() >= 2 && fold(&source.text) == fold(&target.text);
        let looks_source = crate::lang::guess(&target.text) == Some(self.source_lang)
            && self.source_lang != self.target_lang;
        if same || looks_source {
            let preview: String = target.text.chars().take(60).collect();
            add(
                Check::Untranslated,
                Severity::Error,
                format!(
                    "the {} text reads as {}: \"{preview}\"",
                    self.target_lang.name(),
                    self.source_lang.name()
                ),
            );
        }
    }

    fn check_consistency(&self, uses: &[Vec<(usize, usize, usize)>], flags: &mut [Vec<Flag>]) {
        for (term, uses) in self.terms.iter().zip(uses) {
            let mut counts = vec![0usize; term.targets.len()];
            for &(_, _, v) in uses {
                counts[v] += 1;
            }
            if counts.iter().filter(|&&c| c > 0).count() < 2 {
                continue;
            }
            // The majority variant, ties to the one listed first.
            let main = (0..counts.len())
                .max_by_key(|&v| (counts[v], std::cmp::Reverse(v)))
                .unwrap_or(0);
            for &(doc, bead, v) in uses.iter().filter(|u| u.2 != main) {
                flags[doc].push(Flag {
                    bead,
                    check: Check::TermInconsistent,
                    severity: Severity::Warning,
                    evidence: format!(
                        "\"{}\" is \"{}\" here and \"{}\" in {} other place(s)",
                        term.source, term.targets[v].0, term.targets[main].0, counts[main]
                    ),
                });
            }
        }
    }
}

/// The one-line summary of a check run: `2 pairs, 51 beads: 3 errors (number-mismatch 1,
/// omission 1, term-missing 1), 1 warning (name-one-side 1)`.
///
/// ```
/// use padan::check::{summary, Check, Flag, Severity};
/// let flag = Flag { bead: 0, check: Check::Omission, severity: Severity::Error, evidence: String::new() };
/// assert_eq!(summary(&[&flag], 1, 3), "1 pair, 3 beads: 1 error (omission 1), 0 warnings");
/// ```
pub fn summary(flags: &[&Flag], pairs: usize, beads: usize) -> String {
    let mut parts = Vec::new();
    for severity in [Severity::Error, Severity::Warning] {
        let mut by_check: BTreeMap<Check, usize> = BTreeMap::new();
        for flag in flags.iter().filter(|f| f.severity == severity) {
            *by_check.entry(flag.check).or_default() += 1;
        }
        let total: usize = by_check.values().sum();
        let plural = if total == 1 { "" } else { "s" };
        let mut part = format!("{total} {severity}{plural}");
        if total > 0 {
            let detail: Vec<String> = by_check.iter().map(|(c, n)| format!("{c} {n}")).collect();
            part.push_str(&format!(" ({})", detail.join(", ")));
        }
        parts.push(part);
    }
    format!(
        "{pairs} pair{}, {beads} beads: {}",
        if pairs == 1 { "" } else { "s" },
        parts.join(", ")
    )
}

#[cfg(test)]
mod tests;
