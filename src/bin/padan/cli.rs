//! Command-line structs (clap derive), each turned into a plain config before any work.

use clap::{Args, Parser, Subcommand, ValueEnum};
use padan::text::Encoding;
use padan::{Error, Lang};

/// Align an Indonesian text with its English reference, sentence by sentence, and build a
/// bilingual glossary for review.
#[derive(Debug, Parser)]
#[command(name = "padan", version, about, long_about = None)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Split a text into sentences, one a line.
    #[command(
        after_help = "Example:\n  padan segment tests/fixtures/reykjavik/id.txt --lang id\n  \
        padan segment en.txt --lang en --format jsonl -o en.jsonl\n\n\
        Lines are hard boundaries: a line without final punctuation (a heading) is a segment.\n\
        Segments longer than --max-chars characters are cut at a word boundary.\n\
        The text is read whole, then written segment by segment."
    )]
    Segment(SegmentArgs),
}

/// How input files are read.
#[derive(Debug, Args)]
pub struct InputArgs {
    /// The input's encoding when it is not UTF-8 or UTF-16 with a byte-order mark, as a WHATWG
    /// label: windows-1252, latin1, iso-8859-15, utf-16le ...
    #[arg(long, value_name = "LABEL", default_value = "auto")]
    pub encoding: String,
}

impl InputArgs {
    pub fn encoding(&self) -> Result<Encoding, Error> {
        Encoding::from_label(&self.encoding).ok_or_else(|| {
            Error::Usage(format!(
                "unknown encoding {:?}, use a label such as utf-8, windows-1252 or latin1",
                self.encoding
            ))
        })
    }
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum SegmentFormat {
    /// One segment a line.
    Text,
    /// One JSON object a line: text, byte span (start, end), line, column, paragraph, heading.
    Jsonl,
}

#[derive(Debug, Args)]
pub struct SegmentArgs {
    /// The text to split; `-` reads stdin.
    pub file: String,
    /// The text's language.
    #[arg(long, short = 'l', default_value = "id")]
    pub lang: Lang,
    /// Output format.
    #[arg(long, short = 'f', value_enum, default_value = "text")]
    pub format: SegmentFormat,
    /// Write here instead of stdout (atomically: the file appears whole or not at all).
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<String>,
    /// Cut segments longer than this many characters at a word boundary.
    #[arg(long, value_name = "N", default_value_t = padan::segment::DEFAULT_MAX_SEGMENT_CHARS)]
    pub max_chars: usize,
    #[command(flatten)]
    pub input: InputArgs,
}

/// What `padan segment` does, free of clap.
pub struct SegmentConfig {
    pub file: String,
    pub lang: Lang,
    pub format: SegmentFormat,
    pub output: Option<String>,
    pub max_chars: usize,
    pub encoding: Encoding,
}

impl SegmentArgs {
    pub fn into_config(self) -> Result<SegmentConfig, Error> {
        Ok(SegmentConfig {
            encoding: self.input.encoding()?,
            file: self.file,
            lang: self.lang,
            format: self.format,
            output: self.output,
            max_chars: self.max_chars,
        })
    }
}
