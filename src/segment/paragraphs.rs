//! Paragraphs from a text's shape. Text comes one paragraph a line, or hard-wrapped (lines
//! that end mid-sentence, a blank line between paragraphs), or both in one file; each block of
//! lines between blank lines is judged on its own. A heading line stays a paragraph of its own.
//! Paragraph spans point into the text as it is: a wrapped paragraph's span holds its line
//! breaks.

use std::ops::Range;

use crate::text;

/// How lines make paragraphs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[cfg_attr(feature = "cli", derive(clap::ValueEnum))]
pub enum Paragraphs {
    /// Told from the text, block by block: hard-wrapped blocks are unwrapped.
    #[default]
    Auto,
    /// Every line is a paragraph (text exported one paragraph a line).
    Lines,
    /// Blank lines separate paragraphs; the lines between them make one.
    Blank,
}

/// Lines of wrapped text are at most this long (in characters); longer ones are paragraphs.
const MAX_WRAP_WIDTH: usize = 120;
/// And at least this long: short lines without punctuation are a list, not a wrapped text.
const MIN_WRAP_WIDTH: usize = 40;
/// A line this share of the block's width or longer was cut by the wrap, not by its writer.
const FULL_LINE: f64 = 0.6;

/// One paragraph: its span (trimmed) and the index of its first line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Paragraph {
    /// The paragraph's bytes in the text, line breaks inside included.
    pub span: Range<usize>,
    /// The 0-based line the paragraph starts on.
    pub line: usize,
}

/// The paragraphs of `text` as `mode` reads its lines.
///
/// ```
/// use padan::segment::{paragraphs, Paragraphs};
/// let text = "Ketegangan Arktik\n\nPernyataan sebelum pembicaraan tatap muka di sela-sela pertemuan\nDewan Arktik tampaknya bukan pertanda baik.\n";
/// let found: Vec<&str> = paragraphs(text, Paragraphs::Auto).iter().map(|p| &text[p.span.clone()]).collect();
/// assert_eq!(found, ["Ketegangan Arktik", "Pernyataan sebelum pembicaraan tatap muka di sela-sela pertemuan\nDewan Arktik tampaknya bukan pertanda baik."]);
/// ```
pub fn paragraphs(text: &str, mode: Paragraphs) -> Vec<Paragraph> {
    let mut out = Vec::new();
    let mut block: Vec<(usize, Range<usize>)> = Vec::new();
    for (k, line) in text::lines(text).enumerate() {
        if text::trim_range(text, line.clone()).is_empty() {
            flush(text, &mut block, mode, &mut out);
        } else {
            block.push((k, line));
        }
    }
    flush(text, &mut block, mode, &mut out);
    out
}

/// The paragraphs of one block of non-blank lines.
fn flush(
    text: &str,
    block: &mut Vec<(usize, Range<usize>)>,
    mode: Paragraphs,
    out: &mut Vec<Paragraph>,
) {
    if block.is_empty() {
        return;
    }
    let breaks: Vec<bool> = match mode {
        Paragraphs::Lines => vec![true; block.len()],
        Paragraphs::Blank => {
            let mut b = vec![false; block.len()];
            b[block.len() - 1] = true;
            b
        }
        Paragraphs::Auto => auto_breaks(text, block),
    };
    let mut start = 0;
    for (k, &ends) in breaks.iter().enumerate() {
        if ends {
            let span = block[start].1.start..block[k].1.end;
            out.push(Paragraph {
                span: text::trim_range(text, span),
                line: block[start].0,
            });
            start = k + 1;
        }
    }
    block.clear();
}

/// The shape of one line of a block.
struct Shape {
    chars: usize,
    /// Ends as a sentence does.
    terminal: bool,
    /// Starts indented.
    indented: bool,
}

/// For each line of a block, whether a paragraph ends after it.
fn auto_breaks(text: &str, block: &[(usize, Range<usize>)]) -> Vec<bool> {
    let n = block.len();
    let shapes: Vec<Shape> = block
        .iter()
        .map(|(_, line)| {
            let raw = &text[line.clone()];
            let trimmed = &text[text::trim_range(text, line.clone())];
            Shape {
                chars: trimmed.chars().count(),
                terminal: super::ends_with_terminal(trimmed),
                indented: raw.starts_with(['\t', ' ']),
            }
        })
        .collect();
    let width = shapes.iter().map(|s| s.chars).max().unwrap_or(0);
    let full = |s: &Shape| s.chars as f64 >= FULL_LINE * width as f64;
    // Line k goes on into line k + 1: it stops mid-sentence where the wrap cut it, near the
    // block's width. (A short line without punctuation is a heading, or a line of an e-mail.)
    let continues = |k: usize| k + 1 < n && !shapes[k].terminal && full(&shapes[k]);
    let heading = |k: usize| k + 1 < n && !shapes[k].terminal && !continues(k);
    let continuations = (0..n).filter(|&k| continues(k)).count();
    let headings = (0..n).filter(|&k| heading(k)).count();
    // Wrapping fills line after line: three lines or more (headings aside) have two cut at its
    // width.
    let full_lines = (0..n.saturating_sub(1))
        .filter(|&k| full(&shapes[k]))
        .count();
    let wrapped = (MIN_WRAP_WIDTH..=MAX_WRAP_WIDTH).contains(&width)
        && continuations >= 1
        && (n - headings <= 2 || full_lines >= 2)
        && continuations * 2 >= (n - 1).saturating_sub(headings);
    (0..n)
        .map(|k| {
            k + 1 == n
                || !wrapped
                || heading(k)
                || heading(k + 1)
                || (shapes[k].terminal && !full(&shapes[k]))
                || (shapes[k + 1].indented && !shapes[k].indented)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str, mode: Paragraphs) -> Vec<&str> {
        paragraphs(text, mode)
            .iter()
            .map(|p| &text[p.span.clone()])
            .collect()
    }

    #[test]
    fn one_paragraph_a_line_stays_so() {
        let text = "Ketegangan Arktik\nPernyataan sebelum pembicaraan tatap muka di sela-sela pertemuan Dewan Arktik di Islandia tampaknya bukan pertanda baik untuk meredakan ketegangan.\nBlinken menyerukan agar Arktik menjadi laboratorium untuk kerja sama yang berfokus pada tantangan bersama.\n";
        assert_eq!(found(text, Paragraphs::Auto).len(), 3);
        // Short lines of a list or an e-mail are no wrapped text either.
        let mail = "Hi Bob\nPlease see the attached file\nThanks\nAna\n";
        assert_eq!(found(mail, Paragraphs::Auto).len(), 4);
        let review = "ok\ncan't remember good or bad, so it must have been meh.\n";
        assert_eq!(found(review, Paragraphs::Auto).len(), 2);
        let list = "Burger King it seems like I'm at a real restaurant, their food is that good\nMcDonals the best for me\nthe one i like the most would be wendy's.\n";
        assert_eq!(found(list, Paragraphs::Auto).len(), 3);
    }

    #[test]
    fn wrapped_blocks_are_unwrapped_and_headings_kept() {
        let text = "Menteri Luar Negeri\n\nMenteri luar negeri AS dan Rusia berusaha meredakan ketegangan dalam\npertemuan pertama mereka sejak Presiden Joe Biden menjabat, mengatakan\nmereka siap bekerja sama.\n\nKetegangan Arktik\nPernyataan sebelum pembicaraan tatap muka di sela-sela pertemuan Dewan\nArktik di Islandia tampaknya bukan pertanda baik.\n";
        assert_eq!(
            found(text, Paragraphs::Auto),
            [
                "Menteri Luar Negeri",
                "Menteri luar negeri AS dan Rusia berusaha meredakan ketegangan dalam\npertemuan pertama mereka sejak Presiden Joe Biden menjabat, mengatakan\nmereka siap bekerja sama.",
                "Ketegangan Arktik",
                "Pernyataan sebelum pembicaraan tatap muka di sela-sela pertemuan Dewan\nArktik di Islandia tampaknya bukan pertanda baik.",
            ]
        );
        // Forced readings.
        assert_eq!(found(text, Paragraphs::Lines).len(), 7);
        assert_eq!(found(text, Paragraphs::Blank).len(), 3);
    }

    #[test]
    fn a_mixed_file_is_judged_block_by_block() {
        let long = "Blinken menyerukan agar Arktik menjadi laboratorium untuk kerja sama yang berfokus pada tantangan bersama, termasuk perang melawan pemanasan global.";
        let text = format!(
            "{long}\n{long}\n\nSatu kalimat yang dibungkus pada lebar enam puluh\nkolom oleh penyunting teks lama itu.\n"
        );
        assert_eq!(found(&text, Paragraphs::Auto).len(), 3);
    }
}
