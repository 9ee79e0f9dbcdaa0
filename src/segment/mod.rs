//! Sentence segmentation for Indonesian and English.
//!
//! Paragraphs are hard boundaries (a paragraph without final punctuation, such as a heading, is
//! a segment of its own); a paragraph is a line, or the lines of a hard-wrapped block
//! ([`paragraphs`]). Inside a line a boundary follows `.`, `!`, `?` or `…` (with any closing
//! quotes and brackets) before whitespace, unless the rules say otherwise: abbreviations and
//! titles from the per-language tables in this folder, initials, numbers, attributions after a
//! closing quote (`,” kata Lavrov`, `?” tanya dia`), an ellipsis inside a quotation, and stray
//! punctuation, which joins the segment before it.

mod paragraphs;
mod rules;

use std::ops::Range;

use crate::text::{self, is_space};
use crate::Lang;

pub use paragraphs::{paragraphs, Paragraph, Paragraphs};
pub use rules::Rules;

/// A segment (sentence) of a text: a byte span into the text, never empty, trimmed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Segment {
    /// Byte range into the text the segment was cut from.
    pub span: Range<usize>,
    /// 0-based index of the line its paragraph starts on (segments of one paragraph share it).
    pub paragraph: usize,
    /// True when the segment is a whole paragraph without final punctuation (a heading).
    pub heading: bool,
}

impl Segment {
    /// The segment's text within `text`, the text it was cut from, as it is (a segment of a
    /// hard-wrapped paragraph holds its line breaks).
    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        &text[self.span.clone()]
    }

    /// The segment's text as it reads: each line break inside it, with the spaces around it, a
    /// single space.
    ///
    /// ```
    /// let text = "Dua kalimat\n  dibungkus.";
    /// let segment = padan::segment::Segment { span: 0..text.len(), paragraph: 0, heading: false };
    /// assert_eq!(segment.display(text), "Dua kalimat dibungkus.");
    /// ```
    pub fn display<'a>(&self, text: &'a str) -> std::borrow::Cow<'a, str> {
        let raw = self.text(text);
        if memchr::memchr2(b'\n', b'\r', raw.as_bytes()).is_none() {
            return std::borrow::Cow::Borrowed(raw);
        }
        let lines: Vec<&str> = raw
            .split(['\n', '\r'])
            .map(|l| l.trim_matches(is_space))
            .filter(|l| !l.is_empty())
            .collect();
        std::borrow::Cow::Owned(lines.join(" "))
    }
}

/// Splits text into sentences by one language's rules.
///
/// ```
/// use padan::{segment::Segmenter, Lang};
/// let text = "Dr. Ehud Ur memperingatkan. Penelitian masih awal.";
/// let segments = Segmenter::new(Lang::Id).split(text);
/// let sentences: Vec<_> = segments.iter().map(|s| s.text(text)).collect();
/// assert_eq!(sentences, ["Dr. Ehud Ur memperingatkan.", "Penelitian masih awal."]);
/// ```
#[derive(Debug, Clone)]
pub struct Segmenter {
    rules: &'static Rules,
    max_chars: usize,
    paragraphs: Paragraphs,
}

/// Segments longer than this many characters are cut at a word boundary, so that no single
/// segment can make alignment quadratic (a text without punctuation, a scraped page).
pub const DEFAULT_MAX_SEGMENT_CHARS: usize = 2_000;

impl Segmenter {
    /// A segmenter with the shipped rules for `lang`.
    pub fn new(lang: Lang) -> Self {
        Segmenter {
            rules: Rules::for_lang(lang),
            max_chars: DEFAULT_MAX_SEGMENT_CHARS,
            paragraphs: Paragraphs::Auto,
        }
    }

    /// The longest segment, in characters, before it is cut.
    pub fn max_chars(&self) -> usize {
        self.max_chars
    }

    /// Sets how lines make paragraphs (told from the text unless set).
    pub fn with_paragraphs(mut self, paragraphs: Paragraphs) -> Self {
        self.paragraphs = paragraphs;
        self
    }

    /// Sets the longest segment, in characters, before it is cut at a word boundary.
    pub fn with_max_chars(mut self, max_chars: usize) -> Self {
        self.max_chars = max_chars.max(1);
        self
    }

    /// The segments of `text`, in order.
    pub fn split(&self, text: &str) -> Vec<Segment> {
        self.split_counting_cuts(text).0
    }

    /// The segments of `text`, and how many segments were longer than the limit and cut.
    ///
    /// ```
    /// use padan::segment::Segmenter;
    /// let (segments, cut) = Segmenter::new(padan::Lang::Id)
    ///     .with_max_chars(10)
    ///     .split_counting_cuts("satu dua tiga empat lima");
    /// assert_eq!((segments.len(), cut), (3, 1));
    /// ```
    pub fn split_counting_cuts(&self, text: &str) -> (Vec<Segment>, usize) {
        let mut out = Vec::new();
        for paragraph in paragraphs(text, self.paragraphs) {
            let before = out.len();
            self.split_line(text, paragraph.span, paragraph.line, &mut out);
            if out.len() == before + 1 {
                let segment = &mut out[before];
                segment.heading = !ends_with_terminal(segment.text(text));
            }
        }
        self.cut_long(text, out)
    }

    /// Pre-segmented text, one segment a line ([`lines`]), with lines longer than the limit cut
    /// at word boundaries as [`Segmenter::split_counting_cuts`] cuts them; and how many were.
    ///
    /// ```
    /// let (segments, cut) = padan::segment::Segmenter::new(padan::Lang::Id)
    ///     .with_max_chars(10)
    ///     .lines_counting_cuts("satu dua tiga empat lima\nenam.");
    /// assert_eq!((segments.len(), cut), (4, 1));
    /// ```
    pub fn lines_counting_cuts(&self, text: &str) -> (Vec<Segment>, usize) {
        self.cut_long(text, lines(text))
    }

    fn split_line(&self, text: &str, line: Range<usize>, paragraph: usize, out: &mut Vec<Segment>) {
        let base = line.start;
        let chars: Vec<(usize, char)> = text[line.clone()]
            .char_indices()
            .map(|(i, c)| (base + i, c))
            .collect();
        let n = chars.len();
        let offset = |k: usize| if k < n { chars[k].0 } else { line.end };
        let mut push = |range: Range<usize>| {
            let range = text::trim_range(text, range);
            if !range.is_empty() {
                out.push(Segment {
                    span: range,
                    paragraph,
                    heading: false,
                });
            }
        };

        let mut quotes = QuoteDepth::default();
        let mut start = 0;
        let mut i = 0;
        while i < n {
            let c = chars[i].1;
            if !is_terminal(c) {
                quotes.see(&chars, i);
                i += 1;
                continue;
            }
            let depth_at_terminal = quotes.depth();
            // The cluster: terminal punctuation with closing quotes and brackets (`.”`, `?!)`).
            let mut end = i;
            while end < n && (is_terminal(chars[end].1) || is_closer(chars[end].1)) {
                quotes.see(&chars, end);
                end += 1;
            }
            let glued = end < n && !is_space(chars[end].1);
            // A web or e-mail address is never split (`jane.doe@mail.com`, `www.who.int`).
            let in_address = glued && {
                let token = &text[offset(word_start(&chars, i))..offset(token_end(&chars, end))];
                token.contains('@') || token.contains("://") || token.contains("www.")
            };
            if glued && (in_address || !is_glued_boundary(&chars, i, end)) {
                // `3.5`, `U.S`, `a.n` and the like: no boundary inside a word.
                i = end;
                continue;
            }
            // Stray punctuation (`Rusia. .`) joins the cluster before it.
            let mut next = skip_space(&chars, end);
            while next < n {
                let token_end = token_end(&chars, next);
                if chars[next..token_end]
                    .iter()
                    .all(|&(_, c)| is_terminal(c) || is_closer(c))
                {
                    end = token_end;
                    next = skip_space(&chars, end);
                } else {
                    break;
                }
            }
            if next >= n {
                break;
            }
            let cluster: Vec<char> = chars[i..end].iter().map(|&(_, c)| c).collect();
            let previous = previous_word(text, offset(word_start(&chars, i)), offset(i));
            let following = &text[offset(next)..offset(token_end(&chars, next))];
            if self
                .rules
                .is_boundary(previous, &cluster, following, depth_at_terminal > 0)
            {
                push(offset(start)..offset(end));
                start = next;
            }
            i = next;
        }
        push(offset(start)..line.end);
    }

    /// Cuts segments longer than `max_chars` at the last whitespace before the limit; also
    /// returns how many were cut. Linear in the text: each piece is scanned once.
    fn cut_long(&self, text: &str, segments: Vec<Segment>) -> (Vec<Segment>, usize) {
        if segments.iter().all(|s| s.span.len() <= self.max_chars) {
            return (segments, 0);
        }
        let mut out = Vec::with_capacity(segments.len());
        let mut cut_segments = 0;
        for segment in segments {
            let mut rest = segment.span.clone();
            let mut was_cut = false;
            // nth(max_chars) exists exactly when the rest is longer than the limit.
            while let Some((limit, _)) = text[rest.clone()].char_indices().nth(self.max_chars) {
                was_cut = true;
                let slice = &text[rest.clone()];
                let cut = slice[..limit]
                    .rfind(is_space)
                    .filter(|&p| p > 0)
                    .unwrap_or(limit);
                let head = text::trim_range(text, rest.start..rest.start + cut);
                let tail = text::trim_range(text, rest.start + cut..rest.end);
                out.push(Segment {
                    span: head,
                    ..segment.clone()
                });
                rest = tail;
            }
            cut_segments += usize::from(was_cut);
            if !rest.is_empty() {
                out.push(Segment {
                    span: rest,
                    ..segment
                });
            }
        }
        (out, cut_segments)
    }
}

/// One segment a line: input that is already segmented (`--presegmented`). Blank lines are
/// skipped; each segment keeps its span.
///
/// ```
/// let text = "Satu.\n\nDua dua.\n";
/// let segments = padan::segment::lines(text);
/// assert_eq!(segments.len(), 2);
/// assert_eq!(segments[1].text(text), "Dua dua.");
/// ```
pub fn lines(text: &str) -> Vec<Segment> {
    text::lines(text)
        .enumerate()
        .filter_map(|(paragraph, line)| {
            let span = text::trim_range(text, line);
            (!span.is_empty()).then(|| Segment {
                heading: !ends_with_terminal(&text[span.clone()]),
                span,
                paragraph,
            })
        })
        .collect()
}

fn is_terminal(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '…' | '‽' | '。')
}

fn is_closer(c: char) -> bool {
    matches!(c, '"' | '\'' | '”' | '’' | '»' | '›' | ')' | ']' | '}')
}

fn is_opener(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '“' | '‘' | '«' | '‹' | '(' | '[' | '{' | '„'
    )
}

/// Whether a segment ends as a sentence does (after trailing closers), not as a heading.
fn ends_with_terminal(segment: &str) -> bool {
    segment
        .trim_end_matches(|c: char| is_closer(c) || is_space(c))
        .ends_with(|c: char| is_terminal(c) || c == ':' || c == ';')
}

/// Text scraped from the web often loses the space after a period: `Africa.On 2 April`. A
/// lower-case word of two or more letters, one terminal mark, then a capital followed by a
/// lower-case letter is a boundary; `U.S.A`, `Ph.D`, `3.5` and `Node.js` are not.
fn is_glued_boundary(chars: &[(usize, char)], terminal: usize, end: usize) -> bool {
    let before_lower = terminal >= 2
        && chars[terminal - 1].1.is_lowercase()
        && chars[terminal - 2].1.is_lowercase();
    let after_word = matches!(
        (chars.get(end), chars.get(end + 1)),
        (Some(&(_, a)), Some(&(_, b))) if a.is_uppercase() && b.is_lowercase()
    );
    end == terminal + 1 && before_lower && after_word
}

fn skip_space(chars: &[(usize, char)], mut k: usize) -> usize {
    while k < chars.len() && is_space(chars[k].1) {
        k += 1;
    }
    k
}

fn token_end(chars: &[(usize, char)], mut k: usize) -> usize {
    while k < chars.len() && !is_space(chars[k].1) {
        k += 1;
    }
    k
}

fn word_start(chars: &[(usize, char)], mut k: usize) -> usize {
    while k > 0 && !is_space(chars[k - 1].1) {
        k -= 1;
    }
    k
}

/// The word before a terminal cluster, without the quotes and brackets around it.
fn previous_word(text: &str, start: usize, end: usize) -> &str {
    text[start..end]
        .trim_start_matches(is_opener)
        .trim_end_matches(is_closer)
}

/// Tracks how deep inside quotations a position is, for the ellipsis rule.
#[derive(Default)]
struct QuoteDepth {
    double: usize,
    single: usize,
    straight_double_open: bool,
}

impl QuoteDepth {
    fn depth(&self) -> usize {
        self.double + self.single + usize::from(self.straight_double_open)
    }

    fn see(&mut self, chars: &[(usize, char)], k: usize) {
        let prev_is_space = k == 0 || is_space(chars[k - 1].1) || is_opener(chars[k - 1].1);
        let next_is_letter = chars.get(k + 1).is_some_and(|&(_, c)| c.is_alphanumeric());
        match chars[k].1 {
            '“' | '«' | '„' => self.double += 1,
            '”' | '»' => self.double = self.double.saturating_sub(1),
            '‘' => self.single += 1,
            '’' if !next_is_letter => self.single = self.single.saturating_sub(1),
            '"' => {
                self.straight_double_open = prev_is_space && !self.straight_double_open;
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests;
