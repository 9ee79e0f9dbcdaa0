//! Reading input text and normalizing it for comparison.
//!
//! The original text is what every output shows; [`fold`] gives a key for matching only.
//! Byte spans everywhere in padan are into the decoded text that [`decode`] returns (for UTF-8
//! input that is the file itself, less a byte-order mark).

mod decode;
mod fold;
pub mod html;
mod office;
mod porter2;
mod sniff;
pub mod stem;
pub mod tokens;

pub use decode::{decode, Decoded, Encoding};
pub use fold::{fold, fold_char, fold_cow};
pub use sniff::{sniff, Format};

use crate::error::Error;

/// An input file as text: its decoded (or extracted) text and what kind of file it was.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Input {
    /// The text. For a web page or a word-processor document, the extracted paragraphs, one a
    /// line (spans then point into this text, not into the file).
    pub decoded: Decoded,
    /// What the file was.
    pub format: Format,
}

/// Reads an input file's bytes as text, by content: plain text decoded ([`decode`]); a web
/// page decoded (its declared charset honoured when the bytes are not UTF-8) and its article
/// extracted ([`html::article_text`]); a `.docx` or `.odt` document's paragraphs. A file of
/// another kind (PDF, RTF, a spreadsheet, an image) is an error that says what to do.
///
/// ```
/// use padan::text::{read_input, Encoding, Format};
/// let input = read_input(b"<html><body><p>Halo &amp; selamat.</p></body></html>", "a.html", Encoding::Auto).unwrap();
/// assert_eq!((input.decoded.text.as_str(), input.format), ("Halo & selamat.", Format::Html));
/// ```
pub fn read_input(bytes: &[u8], file: &str, encoding: Encoding) -> Result<Input, Error> {
    let format = sniff(bytes, file)?;
    let extracted = |text: String| -> Result<Decoded, Error> {
        let decoded = Decoded::utf8(text);
        // A document with no paragraphs is as empty as an empty file.
        decode(decoded.text.as_bytes(), file, Encoding::Auto).map(|_| decoded)
    };
    let decoded = match format {
        Format::Text => decode(bytes, file, encoding)?,
        Format::Html => {
            let declared = html::declared_charset(bytes)
                .filter(|_| encoding_rs::Encoding::for_bom(bytes).is_none())
                .filter(|_| std::str::from_utf8(bytes).is_err())
                .map(Encoding::Named);
            let page = decode(bytes, file, declared.unwrap_or(encoding))?;
            let mut decoded = extracted(html::article_text(&page.text))?;
            decoded.encoding = page.encoding;
            decoded.warning = page.warning;
            decoded
        }
        Format::Docx => extracted(office::docx_text(bytes, file)?)?,
        Format::Odt => extracted(office::odt_text(bytes, file)?)?,
    };
    Ok(Input { decoded, format })
}

/// Maps byte offsets of a text to 1-based line and column numbers.
///
/// Lines end at `\n`, `\r\n` or a lone `\r`; columns count characters, not bytes.
///
/// ```
/// let index = padan::text::LineIndex::new("ab\r\ncd");
/// assert_eq!(index.line_column("ab\r\ncd", 4), (2, 1));
/// ```
#[derive(Debug, Clone)]
pub struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    /// Indexes the line starts of `text`.
    pub fn new(text: &str) -> Self {
        let bytes = text.as_bytes();
        let mut starts = vec![0];
        let mut i = 0;
        while i < bytes.len() {
            match bytes[i] {
                b'\n' => starts.push(i + 1),
                b'\r' if bytes.get(i + 1) != Some(&b'\n') => starts.push(i + 1),
                _ => {}
            }
            i += 1;
        }
        LineIndex { starts }
    }

    /// The 1-based line and character column of byte `offset` in `text`.
    pub fn line_column(&self, text: &str, offset: usize) -> (usize, usize) {
        let line = self.starts.partition_point(|&s| s <= offset);
        let start = self.starts[line - 1];
        let column = text
            .get(start..offset)
            .map_or(1, |prefix| prefix.chars().count() + 1);
        (line, column)
    }
}

/// Line and column of offsets visited in increasing order, counting each character once
/// (asking [`LineIndex::line_column`] for every segment of a one-line 20 MB text would count
/// the line's characters again for each).
///
/// ```
/// let text = "ab\ncd ef";
/// let index = padan::text::LineIndex::new(text);
/// let mut cursor = padan::text::LineCursor::new(text, &index);
/// assert_eq!(cursor.at(4), (2, 2));
/// assert_eq!(cursor.at(6), (2, 4));
/// ```
pub struct LineCursor<'a> {
    text: &'a str,
    index: &'a LineIndex,
    line: usize,
    offset: usize,
    column: usize,
}

impl<'a> LineCursor<'a> {
    /// A cursor at the start of `text`.
    pub fn new(text: &'a str, index: &'a LineIndex) -> Self {
        LineCursor {
            text,
            index,
            line: 1,
            offset: 0,
            column: 1,
        }
    }

    /// The 1-based line and character column of byte `offset`; offsets must not decrease
    /// (an earlier one is answered by [`LineIndex::line_column`]).
    pub fn at(&mut self, offset: usize) -> (usize, usize) {
        if offset < self.offset {
            return self.index.line_column(self.text, offset);
        }
        let line = self.index.starts.partition_point(|&s| s <= offset);
        if line != self.line {
            self.line = line;
            self.offset = self.index.starts[line - 1];
            self.column = 1;
        }
        self.column += self
            .text
            .get(self.offset..offset)
            .map_or(0, |between| between.chars().count());
        self.offset = offset;
        (self.line, self.column)
    }
}

/// Splits `text` into its lines, each as a byte range without its line end.
///
/// ```
/// let text = "a\r\nb\rc\n";
/// let lines: Vec<_> = padan::text::lines(text).map(|r| &text[r]).collect();
/// assert_eq!(lines, ["a", "b", "c"]);
/// ```
pub fn lines(text: &str) -> impl Iterator<Item = std::ops::Range<usize>> + '_ {
    let bytes = text.as_bytes();
    let mut start = 0;
    std::iter::from_fn(move || {
        if start >= bytes.len() {
            return None;
        }
        let i = memchr::memchr2(b'\n', b'\r', &bytes[start..]).map_or(bytes.len(), |k| start + k);
        let line = start..i;
        start = if i + 1 < bytes.len() && bytes[i] == b'\r' && bytes[i + 1] == b'\n' {
            i + 2
        } else {
            i + 1
        };
        Some(line)
    })
}

/// A name made safe to be a file name, a sheet name and a field of `summary.tsv`: path
/// separators, `:`, control characters (tab, line breaks) and the invisible format characters
/// that can disguise a name (U+202E, the right-to-left override, among them) become `_`.
///
/// ```
/// assert_eq!(padan::text::safe_name("a/b\tc\u{202e}txt.exe"), "a_b_c_txt.exe");
/// ```
pub fn safe_name(name: &str) -> String {
    let unsafe_char = |c: char| {
        matches!(c, '/' | '\\' | ':')
            || c.is_control()
            || matches!(c, '\u{00AD}' | '\u{061C}' | '\u{180E}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{206F}' | '\u{FEFF}' | '\u{FFF9}'..='\u{FFFB}')
    };
    name.chars()
        .map(|c| if unsafe_char(c) { '_' } else { c })
        .collect()
}

/// The normalized Levenshtein similarity of two words (as `strsim::normalized_levenshtein`:
/// one less the edit distance over the longer length, in characters) when it is at least
/// `min`; `None` below it. For ASCII words the distance is computed only in the band `min`
/// leaves, which spares most of the work for the many pairs far apart.
///
/// ```
/// assert_eq!(padan::text::similarity_at_least("rusia", "russia", 0.75), Some(1.0 - 1.0 / 6.0));
/// assert_eq!(padan::text::similarity_at_least("kata", "word", 0.75), None);
/// ```
pub fn similarity_at_least(a: &str, b: &str, min: f64) -> Option<f64> {
    if !a.is_ascii() || !b.is_ascii() {
        let similarity = strsim::normalized_levenshtein(a, b);
        return (similarity >= min).then_some(similarity);
    }
    if a.is_empty() && b.is_empty() {
        return (1.0 >= min).then_some(1.0);
    }
    let (a, b) = (a.as_bytes(), b.as_bytes());
    let longest = a.len().max(b.len());
    // The largest distance that still reaches `min`, by the very formula the similarity uses
    // (a product such as (1 - 0.9) * 10 rounds below 1).
    let reaches = |d: usize| 1.0 - (d as f64) / (longest as f64) >= min;
    let mut allowed = (((1.0 - min) * longest as f64).floor() as usize + 1).min(longest);
    while allowed > 0 && !reaches(allowed) {
        allowed -= 1;
    }
    if !reaches(allowed) {
        return None;
    }
    let distance = banded_levenshtein(a, b, allowed)?;
    let similarity = 1.0 - (distance as f64) / (longest as f64);
    (similarity >= min).then_some(similarity)
}

/// The Levenshtein distance of `a` and `b` when at most `allowed`, over the diagonal band of
/// that half-width; `None` beyond it.
fn banded_levenshtein(a: &[u8], b: &[u8], allowed: usize) -> Option<usize> {
    if a.len().abs_diff(b.len()) > allowed {
        return None;
    }
    let (n, m) = (a.len(), b.len());
    let big = usize::MAX / 2;
    let mut previous: Vec<usize> = (0..=m)
        .map(|j| if j <= allowed { j } else { big })
        .collect();
    let mut current = vec![big; m + 1];
    for i in 1..=n {
        let lo = i.saturating_sub(allowed).max(1);
        let hi = (i + allowed).min(m);
        current.fill(big);
        current[0] = if i <= allowed { i } else { big };
        let mut best = current[0];
        for j in lo..=hi {
            let substitution = previous[j - 1] + usize::from(a[i - 1] != b[j - 1]);
            let value = substitution.min(previous[j] + 1).min(current[j - 1] + 1);
            current[j] = value;
            best = best.min(value);
        }
        if best > allowed {
            return None;
        }
        std::mem::swap(&mut previous, &mut current);
    }
    (previous[m] <= allowed).then_some(previous[m])
}

/// Whether a character counts as whitespace for segmentation and trimming, including the
/// non-breaking and zero-width spaces that word processors leave behind.
pub fn is_space(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}'
        )
}

/// The byte range of `text[range]` with leading and trailing whitespace ([`is_space`]) removed.
pub fn trim_range(text: &str, range: std::ops::Range<usize>) -> std::ops::Range<usize> {
    let slice = &text[range.clone()];
    let start = slice.len() - slice.trim_start_matches(is_space).len();
    let end = slice.trim_end_matches(is_space).len();
    if end <= start {
        range.start + start..range.start + start
    } else {
        range.start + start..range.start + end
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_column_counts_characters_and_every_line_end() {
        let text = "é\nab\r\ncd\ref";
        let index = LineIndex::new(text);
        let cases = [
            (0, (1, 1)),
            (2, (1, 2)),
            (3, (2, 1)),
            (4, (2, 2)),
            (7, (3, 1)),
            (10, (4, 1)),
        ];
        for (offset, expected) in cases {
            assert_eq!(
                index.line_column(text, offset),
                expected,
                "offset {offset} in {text:?}"
            );
        }
    }

    #[test]
    fn the_banded_similarity_is_strsims_wherever_it_reaches_the_minimum() {
        let words = [
            "rusia",
            "russia",
            "kanada",
            "canada",
            "presiden",
            "president",
            "",
            "a",
            "ab",
            "ba",
            "washington",
            "wasington",
            "jakarta",
            "department",
            "konstruktif",
            "constructive",
            "aaaa",
            "aaab",
            "abcdefgh",
            "hgfedcba",
            "reykjavik",
            "reykjavík",
        ];
        for a in words {
            for b in words {
                for min in [0.0, 0.5, 0.6, 0.75, 0.9, 1.0] {
                    let exact = strsim::normalized_levenshtein(a, b);
                    let expected = (exact >= min).then_some(exact);
                    assert_eq!(similarity_at_least(a, b, min), expected, "{a} {b} {min}");
                }
            }
        }
    }

    #[test]
    fn lines_handles_crlf_cr_lf_and_no_final_newline() {
        let cases: [(&str, &[&str]); 4] = [
            ("a\nb", &["a", "b"]),
            ("a\r\n\r\nb\r\n", &["a", "", "b"]),
            ("a\rb\r", &["a", "b"]),
            ("", &[]),
        ];
        for (text, expected) in cases {
            let got: Vec<_> = lines(text).map(|r| &text[r]).collect();
            assert_eq!(got, expected, "input {text:?}");
        }
    }
}
