//! What the cost model sees of a segment: its length and its anchors, as weighted concepts.
//!
//! Every content token of a segment becomes one or more concepts: its English stem (an
//! identical word or name on the other side), its number values, its cognate key, and the
//! English concepts the lexicon gives its word or phrase. Two tokens on opposite sides are
//! linked when they share a concept. Each token weighs by its rarity in its document, capped,
//! so that a frequent token (a bare `1`, a name in every sentence) cannot pull the path.

use std::collections::HashMap;

use rustc_hash::FxHashMap;

use crate::document::SegmentInput;
use crate::lexicon::{Lexicon, MAX_PHRASE_WORDS};
use crate::text::tokens::{cognate_key, is_stopword, number_keys, scan_tokens};
use crate::Lang;

/// How much a link of each kind counts, relative to a dictionary link.
pub(crate) mod strength {
    pub const NUMBER: f32 = 1.5;
    pub const IDENTICAL: f32 = 1.0;
    pub const DICTIONARY: f32 = 1.0;
    pub const PHRASE: f32 = 1.2;
    pub const COGNATE: f32 = 0.8;
    pub const LEARNED: f32 = 0.9;
    pub const SHAPE: f32 = 1.0;
}

/// The heaviest a single token can weigh.
const WEIGHT_CAP: f32 = 3.0;
/// Most concepts a coarse unit keeps (see [`Unit::coarsen`]).
const COARSE_CONCEPTS: usize = 64;

/// What a shape mark (a question mark, a heading) weighs.
const SHAPE_WEIGHT: f32 = 0.6;

/// One concept of one token.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Entry {
    pub concept: u32,
    pub token: u32,
    pub strength: f32,
}

/// A segment (or a run of segments) as the cost model sees it.
#[derive(Debug, Clone, Default)]
pub(crate) struct Unit {
    /// Characters, whitespace excluded.
    pub len: f32,
    /// Weight of each token (content tokens and shape marks).
    pub weights: Vec<f32>,
    /// Concepts, sorted by concept id.
    pub entries: Vec<Entry>,
    /// Whether the unit starts a paragraph (raw text only).
    pub paragraph_start: Option<bool>,
    /// Segments in the unit that read as page furniture ([`is_furniture`]).
    pub furniture: u8,
}

impl Unit {
    /// Total token weight.
    pub fn total(&self) -> f32 {
        self.weights.iter().sum()
    }

    /// The unit made of `units` in order, as one coarse unit for locating the path: one
    /// pseudo-token per distinct concept, weighing what the concept's links weighed in all the
    /// children together. Coarse units then shrink as the words repeat, instead of every level
    /// copying every token.
    pub fn coarsen(units: &[Unit], scratch: &mut CoarseScratch) -> Unit {
        // Each child's entries are sorted by concept: merging them keeps the order, so the
        // concepts come out summed and sorted without a sort.
        let CoarseScratch {
            merged,
            next,
            weights,
        } = scratch;
        merged.clear();
        for unit in units {
            let child = unit
                .entries
                .iter()
                .map(|e| (e.concept, unit.weights[e.token as usize] * e.strength));
            merge_sorted(merged, child, next);
            std::mem::swap(merged, next);
        }
        // Keep the heaviest concepts only (ties by concept id, for determinism): rare anchors
        // locate a coarse unit; the bulk of common ones costs memory at every level.
        if merged.len() > COARSE_CONCEPTS {
            // The weight of the last one kept; filtering by it keeps the concept order.
            weights.clear();
            weights.extend(merged.iter().map(|m| m.1));
            let (_, &mut threshold, _) =
                weights.select_nth_unstable_by(COARSE_CONCEPTS - 1, |a, b| b.total_cmp(a));
            let mut ties = COARSE_CONCEPTS - merged.iter().filter(|m| m.1 > threshold).count();
            merged.retain(|m| {
                if m.1 > threshold {
                    true
                } else if m.1 == threshold && ties > 0 {
                    ties -= 1;
                    true
                } else {
                    false
                }
            });
        }
        let mut out = Unit {
            len: units.iter().map(|u| u.len).sum(),
            paragraph_start: units.first().and_then(|u| u.paragraph_start),
            furniture: units
                .iter()
                .map(|u| u.furniture)
                .fold(0, u8::saturating_add),
            weights: Vec::with_capacity(merged.len()),
            entries: Vec::with_capacity(merged.len()),
        };
        for (k, &(concept, weight)) in merged.iter().enumerate() {
            out.entries.push(Entry {
                concept,
                token: k as u32,
                strength: 1.0,
            });
            out.weights.push(weight);
        }
        out
    }
}

/// Buffers for [`Unit::coarsen`], reused from one coarse unit to the next.
#[derive(Default)]
pub(crate) struct CoarseScratch {
    merged: Vec<(u32, f32)>,
    next: Vec<(u32, f32)>,
    weights: Vec<f32>,
}

/// Writes to `out` `merged` (distinct concepts, sorted) and `child` (sorted by concept, repeats
/// allowed) as one sorted list of distinct concepts, the weights of equal concepts summed.
fn merge_sorted(
    merged: &[(u32, f32)],
    child: impl Iterator<Item = (u32, f32)>,
    out: &mut Vec<(u32, f32)>,
) {
    out.clear();
    let push = |out: &mut Vec<(u32, f32)>, (concept, weight): (u32, f32)| match out.last_mut() {
        Some(last) if last.0 == concept => last.1 += weight,
        _ => out.push((concept, weight)),
    };
    let mut rest = merged.iter().copied().peekable();
    for link in child {
        while let Some(&earlier) = rest.peek().filter(|m| m.0 <= link.0) {
            push(out, earlier);
            rest.next();
        }
        push(out, link);
    }
    for earlier in rest {
        push(out, earlier);
    }
}

/// Interns concept strings as small integers shared by both sides of one alignment.
///
/// The target side is interned first; then the set is frozen and the source side only looks
/// its concepts up. A source concept the target lacks can link nothing, and with a dictionary
/// most of a source word's concepts are translations the target does not use: they are never
/// interned, sorted or searched.
#[derive(Debug, Default)]
pub(crate) struct Concepts {
    ids: FxHashMap<String, u32>,
    /// Whether new concepts are refused (the source side's turn).
    frozen: bool,
    /// Buffer for [`Concepts::prefixed`] keys.
    key: String,
}

impl Concepts {
    /// The id of `concept`; `None` once frozen, for a concept the set does not have.
    pub fn id(&mut self, concept: &str) -> Option<u32> {
        if let Some(&id) = self.ids.get(concept) {
            return Some(id);
        }
        if self.frozen {
            return None;
        }
        let id = self.ids.len() as u32;
        self.ids.insert(concept.to_owned(), id);
        Some(id)
    }

    /// The id of `prefix` + `text` (`w:` + a stem), built without allocating a key each time.
    pub fn prefixed(&mut self, prefix: &str, text: &str) -> Option<u32> {
        let mut key = std::mem::take(&mut self.key);
        key.clear();
        key.push_str(prefix);
        key.push_str(text);
        let id = self.id(&key);
        self.key = key;
        id
    }

    /// Refuses new concepts from now on: the other side only looks up what this one has.
    pub fn freeze(&mut self) {
        self.frozen = true;
    }

    /// `units`, whose concepts were numbered in `own`, renumbered as this set numbers them;
    /// entries whose concept this set lacks are dropped. The result is what building the units
    /// against this set frozen gives, so the source side can be built beside the target side
    /// (on another thread) instead of after it.
    pub fn adopt(&self, mut units: Vec<Unit>, own: &Concepts) -> Vec<Unit> {
        let mut renumber: Vec<Option<u32>> = vec![None; own.ids.len()];
        for (concept, &id) in &own.ids {
            renumber[id as usize] = self.ids.get(concept.as_str()).copied();
        }
        for unit in &mut units {
            unit.entries
                .retain_mut(|e| match renumber[e.concept as usize] {
                    Some(id) => {
                        e.concept = id;
                        true
                    }
                    None => false,
                });
            unit.entries.sort_unstable_by_key(entry_key);
        }
        units
    }
}

/// The order of a unit's entries: by concept, then token (no two entries share both).
fn entry_key(e: &Entry) -> u64 {
    (u64::from(e.concept) << 32) | u64::from(e.token)
}

/// The content tokens of a side, tokenized once and reused by every pass. Words are interned:
/// stems and concepts are worked out once per distinct word.
#[derive(Debug, Clone)]
pub(crate) struct SideTokens {
    pub lang: Lang,
    /// The distinct words of the side.
    pub words: Vec<Word>,
    /// Per segment, its content tokens (stopwords dropped) as indices into `words`.
    pub segments: Vec<Vec<u32>>,
    pub shapes: Vec<Vec<&'static str>>,
    pub lens: Vec<f32>,
    pub paragraph_starts: Vec<Option<bool>>,
    /// Per segment, whether it reads as page furniture.
    pub furniture: Vec<bool>,
}

#[derive(Debug, Clone)]
pub(crate) struct Word {
    /// Lower-case folded form.
    pub text: String,
    /// Stem in the side's language.
    pub stem: String,
    /// English stem of the form: what an identical word on the English side stems to. Empty
    /// for an Indonesian word the lexicon knows, which needs no identity anchor.
    pub english_stem: String,
    pub is_number: bool,
}

/// The id a stopword gets while tokens are numbered: none.
const SKIP: u32 = u32::MAX;

impl SideTokens {
    pub fn new(segments: &[SegmentInput], lang: Lang, lexicon: &Lexicon) -> Self {
        let mut side = SideTokens {
            lang,
            words: Vec::new(),
            segments: Vec::with_capacity(segments.len()),
            shapes: Vec::with_capacity(segments.len()),
            lens: Vec::with_capacity(segments.len()),
            paragraph_starts: Vec::with_capacity(segments.len()),
            furniture: Vec::with_capacity(segments.len()),
        };
        let mut ids: FxHashMap<String, u32> = FxHashMap::default();
        for segment in segments {
            let mut tokens = Vec::new();
            scan_tokens(segment.text, |text, _, _| {
                // Seen before (stopwords too, as SKIP): one hash lookup for most tokens.
                if let Some(&id) = ids.get(text) {
                    if id != SKIP {
                        tokens.push(id);
                    }
                    return;
                }
                let is_number = text.bytes().any(|b| b.is_ascii_digit());
                if !is_number && is_stopword(lang, text) {
                    ids.insert(text.to_owned(), SKIP);
                    return;
                }
                let (stem, english_stem) = if is_number {
                    (text.to_owned(), text.to_owned())
                } else {
                    match lang {
                        Lang::En => {
                            let stem = lexicon.stem_en(text);
                            (stem.clone(), stem)
                        }
                        Lang::Id => {
                            let stem = lexicon.stem_id(text);
                            // Only a word the lexicon does not know can be the same word in
                            // English (a name, a loanword): stem it the English way for that.
                            let known = lexicon.knows(text) || lexicon.knows(&stem);
                            let english = if known {
                                String::new()
                            } else {
                                lexicon.en_stemmer.stem(text)
                            };
                            (stem, english)
                        }
                    }
                };
                let id = side.words.len() as u32;
                side.words.push(Word {
                    text: text.to_owned(),
                    stem,
                    english_stem,
                    is_number,
                });
                ids.insert(text.to_owned(), id);
                tokens.push(id);
            });
            side.segments.push(tokens);
            side.shapes.push(shape_marks(segment.text));
            side.lens.push(visible_chars(segment.text) as f32);
            side.paragraph_starts.push(segment.paragraph_start);
            side.furniture.push(is_furniture(segment.text));
        }
        side
    }

    /// Document frequency of each word, over segments.
    fn document_frequency(&self) -> Vec<u32> {
        let mut df = vec![0u32; self.words.len()];
        let mut seen: Vec<u32> = Vec::new();
        for tokens in &self.segments {
            seen.clear();
            seen.extend_from_slice(tokens);
            seen.sort_unstable();
            seen.dedup();
            for &w in &seen {
                df[w as usize] += 1;
            }
        }
        df
    }

    /// The concepts of one word, without the phrases it starts: the same for every occurrence.
    fn word_concepts(
        &self,
        word: &Word,
        lexicon: &Lexicon,
        concepts: &mut Concepts,
    ) -> Vec<(u32, f32)> {
        let mut out = Vec::new();
        if word.is_number {
            for key in number_keys(&word.text, self.lang) {
                out.extend(concepts.id(&key).map(|c| (c, strength::NUMBER)));
            }
            out.extend(
                concepts
                    .prefixed("x:", &word.text)
                    .map(|c| (c, strength::IDENTICAL)),
            );
            return out;
        }
        // The same word or name on both sides (Lavrov, NATO, data): English stems agree.
        if !word.english_stem.is_empty() {
            out.extend(
                concepts
                    .prefixed("w:", &word.english_stem)
                    .map(|c| (c, strength::IDENTICAL)),
            );
        }
        if let Some(key) = cognate_key(&word.text, self.lang) {
            out.extend(
                concepts
                    .prefixed("c:", &key)
                    .map(|c| (c, strength::COGNATE)),
            );
        }
        if self.lang == Lang::Id {
            for key in [&word.text, &word.stem] {
                for concept in lexicon.lookup(key) {
                    out.extend(concepts.id(concept).map(|c| (c, strength::DICTIONARY)));
                }
            }
        }
        out
    }

    /// `units` with the concepts of learned word pairs added to the tokens whose stem has one.
    pub fn with_learned(
        &self,
        mut units: Vec<Unit>,
        learned: &HashMap<String, Vec<String>>,
        concepts: &mut Concepts,
    ) -> Vec<Unit> {
        let learned_by_word: Vec<Option<Vec<u32>>> = self
            .words
            .iter()
            .map(|w| {
                learned
                    .get(&w.stem)
                    .map(|targets| targets.iter().filter_map(|c| concepts.id(c)).collect())
            })
            .collect();
        for (unit, tokens) in units.iter_mut().zip(&self.segments) {
            let before = unit.entries.len();
            for (i, &w) in tokens.iter().enumerate() {
                if let Some(targets) = &learned_by_word[w as usize] {
                    unit.entries.extend(targets.iter().map(|&concept| Entry {
                        concept,
                        token: i as u32,
                        strength: strength::LEARNED,
                    }));
                }
            }
            if unit.entries.len() > before {
                unit.entries.sort_by_key(|e| (e.concept, e.token));
                unit.entries.dedup_by_key(|e| (e.concept, e.token));
            }
        }
        units
    }

    /// Builds the units of this side: weighted tokens with their concepts.
    pub fn units(&self, lexicon: &Lexicon, concepts: &mut Concepts) -> Vec<Unit> {
        let df = self.document_frequency();
        let n = self.segments.len() as f32;
        let weights: Vec<f32> = df
            .iter()
            .map(|&freq| (1.0 + n / freq.max(1) as f32).ln().clamp(0.3, WEIGHT_CAP))
            .collect();
        let word_concepts: Vec<Vec<(u32, f32)>> = self
            .words
            .iter()
            .map(|w| self.word_concepts(w, lexicon, concepts))
            .collect();
        let starts_phrase: Vec<bool> = self
            .words
            .iter()
            .map(|w| {
                !w.is_number
                    && match self.lang {
                        Lang::Id => {
                            lexicon.starts_phrase(&w.text) || lexicon.starts_phrase(&w.stem)
                        }
                        Lang::En => lexicon.starts_english_phrase(&w.stem),
                    }
            })
            .collect();
        let mut units = Vec::with_capacity(self.segments.len());
        let mut phrase = PhraseScratch::default();
        for (k, tokens) in self.segments.iter().enumerate() {
            let entries = tokens
                .iter()
                .map(|&w| word_concepts[w as usize].len())
                .sum::<usize>()
                + self.shapes[k].len();
            let mut unit = Unit {
                len: self.lens[k],
                paragraph_start: self.paragraph_starts[k],
                furniture: u8::from(self.furniture[k]),
                weights: Vec::with_capacity(tokens.len() + self.shapes[k].len()),
                entries: Vec::with_capacity(entries),
            };
            for (i, &w) in tokens.iter().enumerate() {
                let w = w as usize;
                unit.weights.push(weights[w]);
                unit.entries
                    .extend(word_concepts[w].iter().map(|&(concept, strength)| Entry {
                        concept,
                        token: i as u32,
                        strength,
                    }));
                if starts_phrase[w] {
                    self.phrase_entries(tokens, i, lexicon, concepts, &mut phrase, &mut unit);
                }
            }
            let first_shape = unit.weights.len() as u32;
            for (s, mark) in self.shapes[k].iter().enumerate() {
                unit.weights.push(SHAPE_WEIGHT);
                if let Some(concept) = concepts.id(mark) {
                    unit.entries.push(Entry {
                        concept,
                        token: first_shape + s as u32,
                        strength: strength::SHAPE,
                    });
                }
            }
            // A token linked to a concept twice (as a word and in a phrase) keeps its strongest.
            unit.entries.sort_unstable_by_key(entry_key);
            unit.entries.dedup_by(|later, kept| {
                let same = entry_key(later) == entry_key(kept);
                if same {
                    kept.strength = kept.strength.max(later.strength);
                }
                same
            });
            units.push(unit);
        }
        units
    }

    /// Adds to `unit` the concepts of the lexicon phrases of two to four tokens that start at
    /// token `i`, as long as the lexicon has a longer phrase with that start. Token `i`'s word
    /// must start a phrase (the `starts_phrase` test of [`SideTokens::units`]).
    fn phrase_entries(
        &self,
        tokens: &[u32],
        i: usize,
        lexicon: &Lexicon,
        concepts: &mut Concepts,
        scratch: &mut PhraseScratch,
        unit: &mut Unit,
    ) {
        let word = |k: usize| &self.words[tokens[k] as usize];
        let PhraseScratch { surface, stemmed } = scratch;
        surface.clear();
        surface.push_str(&word(i).text);
        stemmed.clear();
        stemmed.push_str(&word(i).stem);
        for k in (i + 1..tokens.len()).take(MAX_PHRASE_WORDS - 1) {
            // The caller has checked that the first word opens a phrase (`starts_phrase`, the
            // same test on one word); longer prefixes are checked here.
            let open = k == i + 1
                || match self.lang {
                    Lang::Id => lexicon.starts_phrase(surface) || lexicon.starts_phrase(stemmed),
                    Lang::En => lexicon.starts_english_phrase(stemmed),
                };
            if !open {
                break;
            }
            surface.push(' ');
            surface.push_str(&word(k).text);
            stemmed.push(' ');
            stemmed.push_str(&word(k).stem);
            let mut push = |concept: Option<u32>| {
                if let Some(concept) = concept {
                    unit.entries.push(Entry {
                        concept,
                        token: i as u32,
                        strength: strength::PHRASE,
                    });
                }
            };
            match self.lang {
                Lang::Id => {
                    for concept in lexicon.lookup(surface).chain(lexicon.lookup(stemmed)) {
                        push(concepts.id(concept));
                    }
                }
                Lang::En if lexicon.is_english_phrase(stemmed) => {
                    push(concepts.prefixed("p:", stemmed));
                }
                Lang::En => {}
            }
        }
    }
}

/// Buffers for the phrases [`SideTokens::phrase_entries`] builds, reused across tokens.
#[derive(Default)]
struct PhraseScratch {
    surface: String,
    stemmed: String,
}

/// How the lines a news page puts around an article begin, on Indonesian sites (ANTARA, Kompas,
/// Detik, Tempo: "Baca juga:", the reporter, editor and photo credits) and in English wire and
/// newspaper pages (Reuters, AP, the Guardian: "Read more:", "Reporting by", photo credits). Such
/// a line is rarely translated: it belongs to the page, not the article. Matched at the start of
/// a segment, in any case, after an opening bracket.
const FURNITURE: &[&str] = &[
    "baca juga:",
    "simak juga:",
    "lihat juga:",
    "berita terkait:",
    "editor:",
    "penulis:",
    "pewarta:",
    "reporter:",
    "penerjemah:",
    "sumber:",
    "foto:",
    "read more:",
    "read also:",
    "see also:",
    "related:",
    "photo:",
    "image:",
    "reporting by ",
    "editing by ",
    "writing by ",
    "additional reporting by ",
    "source:",
];

/// Whether a segment reads as page furniture: a "read also" link, a byline, a credit.
pub(crate) fn is_furniture(text: &str) -> bool {
    let text = text
        .trim_start()
        .trim_start_matches(['(', '['])
        .trim_start();
    let head: String = text.chars().take(26).collect::<String>().to_lowercase();
    FURNITURE.iter().any(|f| head.starts_with(f))
}

/// Marks of a segment's shape that translations keep: a question, an exclamation, a quotation,
/// a heading (no final punctuation), parentheses, a colon.
fn shape_marks(text: &str) -> Vec<&'static str> {
    let mut marks = Vec::new();
    let trimmed = text.trim_end_matches(|c: char| {
        c.is_whitespace() || matches!(c, '"' | '\'' | '”' | '’' | ')' | '»')
    });
    // One pass over the bytes for the ASCII marks; the curly quotes are searched as strings
    // only in text that has non-ASCII bytes (this runs for every segment of both sides).
    const QUESTION: u8 = 1;
    const EXCLAMATION: u8 = 2;
    const QUOTE: u8 = 4;
    const PAREN: u8 = 8;
    const COLON: u8 = 16;
    const DIGIT: u8 = 32;
    const CLASSES: [u8; 256] = {
        let mut table = [0u8; 256];
        table[b'?' as usize] = QUESTION;
        table[b'!' as usize] = EXCLAMATION;
        table[b'"' as usize] = QUOTE;
        table[b'(' as usize] = PAREN;
        table[b':' as usize] = COLON;
        let mut d = b'0';
        while d <= b'9' {
            table[d as usize] = DIGIT;
            d += 1;
        }
        table
    };
    let seen = text.bytes().fold(0u8, |seen, b| seen | CLASSES[b as usize]);
    let has = |class: u8| seen & class != 0;
    let (question, exclamation, paren, colon, digit) = (
        has(QUESTION),
        has(EXCLAMATION),
        has(PAREN),
        has(COLON),
        has(DIGIT),
    );
    let quote =
        has(QUOTE) || (!text.is_ascii() && ["“", "”", "«", "»"].iter().any(|q| text.contains(q)));
    if question {
        marks.push("s:?");
    }
    if exclamation {
        marks.push("s:!");
    }
    if quote {
        marks.push("s:quote");
    }
    if !trimmed.ends_with(['.', '!', '?', '…', ':', ';']) {
        marks.push("s:heading");
    }
    if paren {
        marks.push("s:paren");
    }
    if colon && !digit {
        marks.push("s:colon");
    }
    marks
}

/// Characters of `text` that are not whitespace (the length a bead's length cost compares).
fn visible_chars(text: &str) -> usize {
    if text.is_ascii() {
        // char::is_whitespace on ASCII: tab, line feed, vertical tab, form feed, return (9 to
        // 13), space. Two comparisons a byte, which the compiler vectorizes.
        let spaces = text
            .bytes()
            .filter(|&b| (b'\t'..=b'\r').contains(&b) || b == b' ')
            .count();
        text.len() - spaces
    } else {
        text.chars().filter(|c| !c.is_whitespace()).count()
    }
}

#[cfg(test)]
/// Scratch space for [`overlap`], reused across calls.
#[derive(Default)]
pub(crate) struct Scratch {
    source: Vec<f32>,
    target: Vec<f32>,
}

#[cfg(test)]
/// The weight of the tokens of `source` linked to some token of `target`, and the weight of the
/// tokens of `target` linked to some token of `source`, each token counted once at the
/// strength of its strongest link.
pub(crate) fn overlap(source: &Unit, target: &Unit, scratch: &mut Scratch) -> (f32, f32) {
    scratch.source.clear();
    scratch.source.resize(source.weights.len(), 0.0);
    scratch.target.clear();
    scratch.target.resize(target.weights.len(), 0.0);
    let (a, b) = (&source.entries, &target.entries);
    let (mut i, mut j) = (0, 0);
    let mut any = false;
    while i < a.len() && j < b.len() {
        let (ca, cb) = (a[i].concept, b[j].concept);
        if ca < cb {
            i += 1;
        } else if cb < ca {
            j += 1;
        } else {
            let i_end = i + a[i..].iter().take_while(|e| e.concept == ca).count();
            let j_end = j + b[j..].iter().take_while(|e| e.concept == ca).count();
            for ea in &a[i..i_end] {
                for eb in &b[j..j_end] {
                    let strength = ea.strength.min(eb.strength);
                    let s = &mut scratch.source[ea.token as usize];
                    *s = s.max(strength);
                    let t = &mut scratch.target[eb.token as usize];
                    *t = t.max(strength);
                    any = true;
                }
            }
            i = i_end;
            j = j_end;
        }
    }
    if !any {
        return (0.0, 0.0);
    }
    let matched = |strengths: &[f32], weights: &[f32]| -> f32 {
        strengths.iter().zip(weights).map(|(s, w)| s * w).sum()
    };
    (
        matched(&scratch.source, &source.weights),
        matched(&scratch.target, &target.weights),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn visible_characters_are_counted_as_char_is_whitespace_says() {
        for text in [
            "Harga naik 7,8 persen.",
            "tab\tvertical\x0Bform\x0Cfeed\r\n end",
            "“Kami siap,” kata Lavrov – di Reykjavik.",
            "non\u{00A0}breaking\u{2003}spaces",
        ] {
            let expected = text.chars().filter(|c| !c.is_whitespace()).count();
            assert_eq!(visible_chars(text), expected, "{text:?}");
        }
    }

    #[test]
    fn furniture_is_told_by_how_a_line_begins() {
        for line in [
            "Baca juga: Harga minyak naik lagi",
            "(Foto: ANTARA/Hafidz Mubarak)",
            "Pewarta: Fitri Santoso",
            "Read more: Oil prices rise again",
            "Reporting by Jane Doe; Editing by John Roe",
            "Source: News agencies",
        ] {
            assert!(is_furniture(line), "{line:?}");
        }
        for line in [
            "Editorial itu dibaca banyak orang.",
            "The source said the talks went well.",
            "Foto-foto itu beredar luas.",
        ] {
            assert!(!is_furniture(line), "{line:?}");
        }
    }

    #[test]
    fn shape_marks_see_questions_quotes_headings_and_colons() {
        let cases: [(&str, &[&str]); 6] = [
            ("Apakah Rusia setuju?", &["s:?"]),
            ("“Kami siap,” kata Lavrov.", &["s:quote"]),
            ("«Nous sommes prêts», dit-il.", &["s:quote"]),
            ("He said \"yes\" (twice).", &["s:quote", "s:paren"]),
            ("Ketegangan Arktik", &["s:heading"]),
            ("Catatan: rapat pukul 10:30.", &[]),
        ];
        for (text, marks) in cases {
            assert_eq!(shape_marks(text), marks, "{text:?}");
        }
        assert_eq!(shape_marks("Catatan: rapat ditunda."), ["s:colon"]);
    }
}
