//! Output formats of an alignment, one file per format behind [`AlignmentFormat`].
//!
//! Plain formats for tools (`tsv`, `jsonl`, `beads`) write text as it is (a tab inside a segment
//! becomes a space in TSV, so columns stay columns); spreadsheet formats neutralize cells that a
//! spreadsheet would run as a formula.

mod beads;
mod csv_format;
mod jsonl;
pub mod read;
pub mod report;
pub mod termbase;
pub mod tmx;
mod tsv;
pub mod xlsx;

use std::io::{self, Write};

pub use beads::Beads;
pub use csv_format::Csv;
pub use jsonl::{read_record, write_failed_record, write_record, Jsonl, RecordInput};
pub use tmx::Tmx;
pub use tsv::{Tsv, TSV_HEADER};

use crate::check::Flag;
use crate::document::AlignedPair;
use crate::glossary::review::Sheet;
use crate::lang::Locale;

/// An output format for alignments.
pub trait AlignmentFormat {
    /// Writes `pair` to `out`.
    fn write(&self, pair: &AlignedPair, out: &mut dyn Write) -> io::Result<()>;
}

/// The alignment formats, by the name `--format` takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "cli", derive(clap::ValueEnum))]
pub enum AlignFormat {
    /// Tab-separated: bead, source ids, target ids, confidence, source, target (literal text).
    Tsv,
    /// CSV with the same columns, formula-like cells neutralized.
    Csv,
    /// One JSON object a bead, with byte spans into both inputs.
    Jsonl,
    /// Vecalign's bead lines, `[0]:[0, 1]`.
    Beads,
    /// An Excel workbook for review (needs -o): a summary sheet and the aligned sheet.
    Xlsx,
    /// TMX 1.4b translation memory for CAT tools.
    Tmx,
}

impl AlignFormat {
    /// The format a file name's extension names (`.tsv`, `.csv`, `.jsonl`, `.align`,
    /// `.beads`, `.xlsx`, `.tmx`), if any.
    ///
    /// ```
    /// use padan::export::AlignFormat;
    /// assert_eq!(AlignFormat::from_path("out/Review.XLSX"), Some(AlignFormat::Xlsx));
    /// assert_eq!(AlignFormat::from_path("notes.txt"), None);
    /// ```
    pub fn from_path(path: &str) -> Option<Self> {
        Some(match extension(path)?.as_str() {
            "tsv" => AlignFormat::Tsv,
            "csv" => AlignFormat::Csv,
            "jsonl" => AlignFormat::Jsonl,
            "align" | "beads" => AlignFormat::Beads,
            "xlsx" => AlignFormat::Xlsx,
            "tmx" => AlignFormat::Tmx,
            _ => return None,
        })
    }

    /// The file extension of the format, for outputs named after their pair.
    pub fn extension(self) -> &'static str {
        match self {
            AlignFormat::Tsv => "tsv",
            AlignFormat::Csv => "csv",
            AlignFormat::Jsonl => "jsonl",
            AlignFormat::Beads => "align",
            AlignFormat::Xlsx => "xlsx",
            AlignFormat::Tmx => "tmx",
        }
    }
}

/// How an aligned pair is written.
#[derive(Debug, Clone)]
pub struct WriteOptions {
    /// The format.
    pub format: AlignFormat,
    /// With csv: a byte-order mark and CRLF line ends, as Excel expects.
    pub excel: bool,
    /// With tmx: keep 1-0 and 0-1 beads as units with an empty side.
    pub keep_unaligned: bool,
    /// The languages of the two sides, as the user named them.
    pub languages: (Locale, Locale),
}

/// Writes one aligned pair called `name`; `flags` (from the checks) show only in xlsx.
pub fn write_alignment(
    options: &WriteOptions,
    name: &str,
    pair: AlignedPair,
    flags: &[Flag],
    out: &mut dyn Write,
) -> io::Result<()> {
    let format: Box<dyn AlignmentFormat> = match options.format {
        AlignFormat::Xlsx => {
            let document = xlsx::AlignedDocument { name, pair, flags };
            return xlsx::write_alignment(&[document], &options.languages, out);
        }
        AlignFormat::Csv => Box::new(Csv {
            excel: options.excel,
        }),
        AlignFormat::Jsonl => Box::new(Jsonl),
        AlignFormat::Beads => Box::new(Beads),
        AlignFormat::Tmx => Box::new(Tmx {
            source_lang: options.languages.0.tag.clone(),
            target_lang: options.languages.1.tag.clone(),
            keep_unaligned: options.keep_unaligned,
        }),
        AlignFormat::Tsv => Box::new(Tsv),
    };
    format.write(&pair, out)
}

/// The glossary formats, by the name `--format` takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "cli", derive(clap::ValueEnum))]
pub enum GlossaryFormat {
    /// CSV with the review columns (the file --reviewed takes back).
    Csv,
    /// An Excel workbook (needs -o): header frozen, approved rows green, rejected grey.
    Xlsx,
    /// TBX-Basic termbase: one concept per source term, English variants as synonyms.
    Tbx,
    /// OmegaT glossary: `source<TAB>target<TAB>comment`, no header.
    Omegat,
}

impl GlossaryFormat {
    /// The format a file name's extension names (`.csv`, `.xlsx`, `.tbx`, `.utf8` for OmegaT),
    /// if any.
    pub fn from_path(path: &str) -> Option<Self> {
        Some(match extension(path)?.as_str() {
            "csv" => GlossaryFormat::Csv,
            "xlsx" => GlossaryFormat::Xlsx,
            "tbx" => GlossaryFormat::Tbx,
            "utf8" => GlossaryFormat::Omegat,
            _ => return None,
        })
    }
}

/// The lower-case extension of a file name.
pub fn extension(path: &str) -> Option<String> {
    std::path::Path::new(path)
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
}

/// How a glossary is written.
#[derive(Debug, Clone)]
pub struct GlossaryOptions {
    /// The format.
    pub format: GlossaryFormat,
    /// The languages of the two sides, as the user named them (TBX says them).
    pub languages: (Locale, Locale),
    /// With csv: a byte-order mark and CRLF line ends, as Excel and LibreOffice expect.
    pub excel: bool,
    /// With csv: the field delimiter (a reviewed file updated in place keeps its own).
    pub delimiter: u8,
    /// With tbx and omegat: the proposals of a reviewed glossary too, not only agreed terms.
    pub all: bool,
}

/// Writes a glossary sheet as `options` say.
pub fn write_glossary(
    options: &GlossaryOptions,
    sheet: &Sheet,
    out: &mut dyn Write,
) -> io::Result<()> {
    let (source, target) = (&options.languages.0.tag, &options.languages.1.tag);
    match options.format {
        GlossaryFormat::Csv => {
            crate::glossary::review::write_csv(sheet, options.excel, options.delimiter, out)
        }
        GlossaryFormat::Xlsx => xlsx::write_glossary(sheet, out),
        GlossaryFormat::Tbx => termbase::write_tbx(sheet, (source, target), options.all, out),
        GlossaryFormat::Omegat => termbase::write_omegat(sheet, options.all, out),
    }
}

/// Text for XML content and attribute values: markup characters escaped, and the characters
/// XML 1.0 forbids (C0 controls other than tab and line ends, U+FFFE, U+FFFF) dropped.
///
/// ```
/// assert_eq!(padan::export::xml_escape("AT&T <\"x\">\u{1}"), "AT&amp;T &lt;&quot;x&quot;&gt;");
/// ```
pub fn xml_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if (c as u32) < 0x20 || c == '\u{fffe}' || c == '\u{ffff}' => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests;
