//! Quality checks of an aligned translation, per bead: glossary terms not translated as agreed
//! (or translated inconsistently, or with a rejected target), numbers, names, codes, units,
//! links, placeholders, brackets and quotes, spacing, repeated words, end punctuation and
//! capitals that differ, sentences left out or added, unusual length ratios, untranslated text,
//! and a user's own checklist.
//!
//! Every flag names the bead, the check, a severity and the evidence (the words that matched or
//! failed to), so a reviewer can judge it without rereading the whole pair.
//!
//! The checks that look at one bead's two sides are modules behind one trait, `BeadCheck`: a new one is
//! one file and one line of the registry, `BEAD_CHECKS`. The checks that need the glossary or the whole
//! corpus (terms, consistency) and the bead shapes (omission, addition) live in [`Checker`].

mod brackets;
mod capitals;
pub mod checklist;
mod codes;
mod length;
mod names;
pub mod numbers;
mod placeholders;
mod punctuation;
mod repeats;
mod spaces;
mod units;
mod untranslated;
mod urls;

use std::collections::BTreeMap;
use std::fmt;

use crate::align::Model;
use crate::document::AlignedPair;
use crate::lexicon::Lexicon;
use crate::text::tokens::{is_stopword, scan_tokens};
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

/// What a flag is about: a check, by the name reports, `--only` and `--skip` use.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Check(&'static str);

impl Check {
    /// A glossary source term whose agreed target (or a listed variant) is missing.
    pub const TERM_MISSING: Check = Check("term-missing");
    /// A glossary term translated with different variants across the document or corpus.
    pub const TERM_INCONSISTENT: Check = Check("term-inconsistent");
    /// An agreed target term used where the source has none of the terms it translates.
    pub const TERM_REVERSE: Check = Check("term-reverse");
    /// A target a reviewer rejected for a source term, used anyway.
    pub const FORBIDDEN_TERM: Check = Check("forbidden-term");
    /// A source sentence with no translation (a 1-0 bead).
    pub const OMISSION: Check = Check("omission");
    /// A target sentence with no source (a 0-1 bead).
    pub const ADDITION: Check = Check("addition");
    /// A rule of the user's checklist (`--checklist`).
    pub const CHECKLIST: Check = Check("checklist");

    /// A check named `name` (the name of a bead check).
    pub const fn named(name: &'static str) -> Check {
        Check(name)
    }

    /// The name used in reports.
    pub fn as_str(self) -> &'static str {
        self.0
    }

    /// Every check's name, in report order: the glossary's, then the bead checks with the
    /// bead shapes after the names (the order reports have always had), then the checklist.
    pub fn all() -> Vec<&'static str> {
        Check::order().to_vec()
    }

    /// [`Check::all`], built once: flags are sorted and counted by it.
    fn order() -> &'static [&'static str] {
        static ORDER: std::sync::OnceLock<Vec<&'static str>> = std::sync::OnceLock::new();
        ORDER.get_or_init(|| {
            let mut names = vec![
                Check::TERM_MISSING.0,
                Check::TERM_INCONSISTENT.0,
                Check::TERM_REVERSE.0,
                Check::FORBIDDEN_TERM.0,
            ];
            for check in BEAD_CHECKS {
                names.push(check.name());
                if check.name() == "name-one-side" {
                    names.extend([Check::OMISSION.0, Check::ADDITION.0]);
                }
            }
            names.push(Check::CHECKLIST.0);
            names
        })
    }

    fn rank(self) -> usize {
        Check::order()
            .iter()
            .position(|n| *n == self.0)
            .unwrap_or(usize::MAX)
    }
}

impl PartialOrd for Check {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Check {
    /// Report order, the order of [`Check::all`].
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        (self.rank(), self.0).cmp(&(other.rank(), other.0))
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
    /// The bead's segments as shown, one string each.
    segments: Vec<String>,
    /// The segments joined with a space.
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
            segments: segments.iter().map(|s| (*s).to_owned()).collect(),
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

/// What a [`BeadCheck`] sees: one bead with both sides non-empty.
struct BeadPair<'a> {
    source: &'a BeadSide,
    target: &'a BeadSide,
    source_lang: Lang,
    target_lang: Lang,
    lexicon: &'a Lexicon,
    model: &'a Model,
    /// Words of the source's agreed terms found translated: not names to look for again.
    covered: &'a [&'a str],
}

impl BeadPair<'_> {
    /// The two sides with their languages, source first.
    fn sides(&self) -> [(&BeadSide, Lang); 2] {
        [
            (self.source, self.source_lang),
            (self.target, self.target_lang),
        ]
    }
}

/// One check of a bead's two sides. Adds `(severity, evidence)` for each thing it finds; the
/// evidence quotes what matched, so a reviewer can judge it without rereading the pair.
trait BeadCheck: Sync {
    /// The check's name in reports, `--only` and `--skip`.
    fn name(&self) -> &'static str;
    /// What the check finds in `bead`.
    fn check(&self, bead: &BeadPair<'_>, found: &mut Vec<(Severity, String)>);
}

/// The bead checks, in report order.
static BEAD_CHECKS: &[&dyn BeadCheck] = &[
    &numbers::Numbers,
    &names::Names,
    &length::Length,
    &untranslated::Untranslated,
    &codes::Codes,
    &units::Units,
    &urls::Links,
    &placeholders::Placeholders,
    &brackets::Brackets,
    &spaces::Spaces,
    &repeats::Repeats,
    &punctuation::EndPunctuation,
    &capitals::Capitals,
];

/// Which checks run: every one, or those `--only` names, less those `--skip` names.
#[derive(Debug, Clone, Default)]
pub struct Selection {
    only: Vec<String>,
    skip: Vec<String>,
}

impl Selection {
    /// A selection; an unknown name is an error listing the known ones.
    pub fn new(only: &[String], skip: &[String]) -> Result<Selection, String> {
        let known = Check::all();
        for name in only.iter().chain(skip) {
            if !known.contains(&name.as_str()) {
                return Err(format!(
                    "there is no check {name:?}; the checks are {}",
                    known.join(", ")
                ));
            }
        }
        Ok(Selection {
            only: only.to_vec(),
            skip: skip.to_vec(),
        })
    }

    /// Whether `check` runs.
    pub fn runs(&self, check: Check) -> bool {
        let name = check.as_str();
        (self.only.is_empty() || self.only.iter().any(|o| o == name))
            && !self.skip.iter().any(|s| s == name)
    }
}

/// Runs the checks over aligned pairs with an agreed glossary.
pub struct Checker<'a> {
    lexicon: &'a Lexicon,
    terms: Vec<Term>,
    /// Per agreed target (stems): the source terms it translates, for `term-reverse`.
    reverse: Vec<(String, Vec<String>, Vec<usize>)>,
    /// Rejected (source words, source stems, target, target stems), for `forbidden-term`.
    forbidden: Vec<(String, Vec<String>, String, Vec<String>)>,
    checklist: Vec<checklist::Rule>,
    selection: Selection,
    model: Model,
    source_lang: Lang,
    target_lang: Lang,
}

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
        let terms: Vec<Term> = by_source.into_values().collect();
        let mut reverse: Vec<(String, Vec<String>, Vec<usize>)> = Vec::new();
        for (t, term) in terms.iter().enumerate() {
            for (target, stems) in &term.targets {
                match reverse.iter_mut().find(|r| r.1 == *stems) {
                    Some(entry) => entry.2.push(t),
                    None => reverse.push((target.clone(), stems.clone(), vec![t])),
                }
            }
        }
        Checker {
            lexicon,
            terms,
            reverse,
            forbidden: Vec::new(),
            checklist: Vec::new(),
            selection: Selection::default(),
            model: Model::default(),
            source_lang: Lang::Id,
            target_lang: Lang::En,
        }
    }

    /// Flags targets a reviewer rejected (`(source term, target term)` rows with status
    /// `rejected`) where the bead's source holds the term and its target the rejected target.
    pub fn with_forbidden(mut self, rejected: &[(String, String)]) -> Self {
        let words = |text: &str| {
            let mut words = Vec::new();
            scan_tokens(text, |lower, _, _| words.push(lower.to_owned()));
            words
        };
        for (source, target) in rejected {
            let (source_words, target_words) = (words(source), words(target));
            if source_words.is_empty() || target_words.is_empty() {
                continue;
            }
            let stems = target_words
                .iter()
                .map(|w| self.lexicon.stem_en(w))
                .collect();
            let source_stems = source_words
                .iter()
                .map(|w| self.lexicon.stem_id(w))
                .collect();
            self.forbidden.push((
                source.trim().to_owned(),
                source_stems,
                target.trim().to_owned(),
                stems,
            ));
        }
        self
    }

    /// Adds the rules of a user's checklist (see [`checklist`]).
    pub fn with_checklist(mut self, rules: Vec<checklist::Rule>) -> Self {
        self.checklist = rules;
        self
    }

    /// Runs only the checks `selection` keeps.
    pub fn with_selection(mut self, selection: Selection) -> Self {
        self.selection = selection;
        self
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
                let selection = &self.selection;
                let mut add = |check: Check, severity, evidence: String| {
                    if selection.runs(check) {
                        doc_flags.push(Flag {
                            bead: b,
                            check,
                            severity,
                            evidence,
                        })
                    }
                };
                match (source.is_empty(), target.is_empty()) {
                    (false, true) => {
                        add(
                            Check::OMISSION,
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
                            Check::ADDITION,
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
                                Check::TERM_MISSING,
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
                self.check_reverse(&source, &target, &mut add);
                self.check_forbidden(&source, &target, &mut add);
                let view = BeadPair {
                    source: &source,
                    target: &target,
                    source_lang: self.source_lang,
                    target_lang: self.target_lang,
                    lexicon: self.lexicon,
                    model: &self.model,
                    covered: &covered,
                };
                let mut found = Vec::new();
                for check in BEAD_CHECKS {
                    let name = Check::named(check.name());
                    if self.selection.runs(name) {
                        check.check(&view, &mut found);
                        for (severity, evidence) in found.drain(..) {
                            add(name, severity, evidence);
                        }
                    }
                }
                for rule in &self.checklist {
                    if let Some(evidence) = rule.matches(&source.text, &target.text) {
                        add(Check::CHECKLIST, rule.severity, evidence);
                    }
                }
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

    /// An agreed target in the target where the source has none of the terms it translates.
    fn check_reverse(
        &self,
        source: &BeadSide,
        target: &BeadSide,
        add: &mut impl FnMut(Check, Severity, String),
    ) {
        for (shown, stems, terms) in &self.reverse {
            // One-word targets are too often a general word (`talks`, `state`): multi-word
            // targets only, where a match is a term.
            if stems.len() < 2 || !contains_run(&target.stems, stems) {
                continue;
            }
            let found = terms.iter().any(|&t| {
                let term = &self.terms[t];
                contains_run(&source.stems, &term.source_stems)
                    || contains_run(&source.words, &term.source_words)
            });
            if !found {
                let sources: Vec<String> = terms
                    .iter()
                    .map(|&t| format!("\"{}\"", self.terms[t].source))
                    .collect();
                add(
                    Check::TERM_REVERSE,
                    Severity::Warning,
                    format!(
                        "\"{shown}\" in the {} translates {} (glossary), which the {} lacks",
                        self.target_lang.name(),
                        sources.join(" or "),
                        self.source_lang.name()
                    ),
                );
            }
        }
    }

    /// A target a reviewer rejected, used for its source term.
    fn check_forbidden(
        &self,
        source: &BeadSide,
        target: &BeadSide,
        add: &mut impl FnMut(Check, Severity, String),
    ) {
        for (term, term_stems, rejected, stems) in &self.forbidden {
            if contains_run(&source.stems, term_stems) && contains_run(&target.stems, stems) {
                add(
                    Check::FORBIDDEN_TERM,
                    Severity::Error,
                    format!("\"{term}\" is translated \"{rejected}\", which the glossary rejects"),
                );
            }
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
            if !self.selection.runs(Check::TERM_INCONSISTENT) {
                return;
            }
            for &(doc, bead, v) in uses.iter().filter(|u| u.2 != main) {
                flags[doc].push(Flag {
                    bead,
                    check: Check::TERM_INCONSISTENT,
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
/// let flag = Flag { bead: 0, check: Check::OMISSION, severity: Severity::Error, evidence: String::new() };
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
