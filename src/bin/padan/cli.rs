//! Command-line structs (clap derive). The options of aligning are declared once
//! ([`AlignOptions`]) and flattened into every command that aligns; they become the library's
//! plain [`Config`] before any work.

use clap::{Args, Parser, Subcommand, ValueEnum};
use padan::document::ReadOptions;
use padan::export::report::ReportFormat;
use padan::export::{AlignFormat, GlossaryFormat};
use padan::lang::Locale;
use padan::pipeline::Config;
use padan::segment::Paragraphs;
use padan::text::Encoding;
use padan::Error;

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
    #[command(after_help = include_str!("help/segment.txt"))]
    Segment(SegmentArgs),
    /// Align a source text with its translation, sentence by sentence.
    #[command(after_help = include_str!("help/align.txt"))]
    Align(AlignArgs),
    /// Score test beads against gold beads (strict and lax precision, recall, F1).
    #[command(after_help = include_str!("help/eval.txt"))]
    Eval(EvalArgs),
    /// Build a bilingual glossary (CSV) from aligned text, merging a reviewed glossary.
    #[command(after_help = include_str!("help/glossary.txt"))]
    Glossary(GlossaryArgs),
    /// Align, then flag what looks wrong: glossary terms, numbers, names, omissions, length.
    #[command(after_help = include_str!("help/check.txt"))]
    Check(CheckArgs),
    /// Align many pairs at once, in parallel: one output per pair, a corpus glossary, a summary.
    #[command(after_help = include_str!("help/batch.txt"))]
    Batch(BatchArgs),
    /// Turn an alignment a reviewer edited (a review workbook or CSV) into TMX or another format.
    #[command(after_help = include_str!("help/export.txt"))]
    Export(ExportArgs),
}

/// The format `--format` names, or else the one `-o`'s extension names, or else `default`; an
/// extension that names another format than `--format` is an error.
pub fn format_of<F: ValueEnum + Copy + PartialEq>(
    given: Option<F>,
    output: Option<&str>,
    from_path: fn(&str) -> Option<F>,
    default: F,
) -> Result<F, Error> {
    let name = |f: F| {
        f.to_possible_value()
            .map(|v| v.get_name().to_owned())
            .unwrap_or_default()
    };
    let by_name = output.filter(|o| *o != "-").and_then(from_path);
    match (given, by_name) {
        (Some(f), Some(g)) if f != g => Err(Error::Usage(format!(
            "-o {} names a {} file but --format is {}; drop --format, or name the file for {}",
            output.unwrap_or_default(),
            name(g),
            name(f),
            name(f)
        ))),
        (Some(f), _) => Ok(f),
        (None, Some(g)) => Ok(g),
        (None, None) => Ok(default),
    }
}

/// How input files are decoded.
#[derive(Debug, Args)]
pub struct InputArgs {
    /// The encoding of input files that are not UTF-8 (nor UTF-16 with a byte-order mark), as a
    /// WHATWG label: windows-1252, latin1, iso-8859-15, utf-16le ... Without it, each such file
    /// is read in the encoding its bytes suggest, with a warning.
    #[arg(long, value_name = "LABEL", default_value = "auto")]
    pub encoding: String,
}

/// The encoding a label names.
pub fn encoding_of(label: &str) -> Result<Encoding, Error> {
    Encoding::from_label(label).ok_or_else(|| {
        Error::Usage(format!(
            "unknown encoding {label:?}, use a label such as utf-8, windows-1252 or latin1"
        ))
    })
}

impl InputArgs {
    pub fn encoding(&self) -> Result<Encoding, Error> {
        encoding_of(&self.encoding)
    }
}

/// The options of reading and aligning a pair, the same for every command that aligns.
#[derive(Debug, Args)]
pub struct AlignOptions {
    /// Language of the source texts, a BCP-47 tag (id, id-ID ...), written as given into TMX,
    /// TBX and workbooks.
    #[arg(long, value_name = "TAG", default_value = "id-ID")]
    pub source_lang: Locale,
    /// Language of the target texts (en, en-GB, en-US ...).
    #[arg(long, value_name = "TAG", default_value = "en-US")]
    pub target_lang: Locale,
    /// Take each line as one segment, as it is (no sentence splitting).
    #[arg(long)]
    pub presegmented: bool,
    /// Cut segments longer than this many characters at a word boundary.
    #[arg(long, value_name = "N", default_value_t = padan::segment::DEFAULT_MAX_SEGMENT_CHARS,
          value_parser = max_chars)]
    pub max_chars: usize,
    /// How lines of plain text make paragraphs: auto (hard-wrapped blocks unwrapped, told block
    /// by block), lines (one paragraph a line), blank (blank lines separate paragraphs).
    #[arg(long, value_enum, default_value = "auto")]
    pub paragraphs: Paragraphs,
    /// The source files' encoding when they are not UTF-8 (over --encoding).
    #[arg(long, value_name = "LABEL")]
    pub source_encoding: Option<String>,
    /// The target files' encoding when they are not UTF-8 (over --encoding).
    #[arg(long, value_name = "LABEL")]
    pub target_encoding: Option<String>,
    /// A glossary (CSV or TSV with source_term,target_term columns) whose terms anchor the
    /// alignment; rejected rows are ignored; approved and added rows are the agreed terms that
    /// padan check (and the xlsx workbook) check. May be given several times.
    #[arg(long, short = 'g', value_name = "FILE")]
    pub glossary: Vec<String>,
    /// Do not use the shipped seed glossaries (glossaries/).
    #[arg(long)]
    pub no_seed_glossary: bool,
    /// Skip the second pass (word pairs learned from the first pass's confident beads).
    #[arg(long)]
    pub no_second_pass: bool,
    /// Align even when the languages look swapped.
    #[arg(long)]
    pub force: bool,
    /// Take an empty or whitespace-only file as a side with no segments (every segment of the
    /// other side is then unaligned) instead of refusing it.
    #[arg(long)]
    pub allow_empty: bool,
    #[command(flatten)]
    pub input: InputArgs,
}

impl AlignOptions {
    /// The library's config of these options.
    pub fn config(&self) -> Result<Config, Error> {
        Ok(Config {
            source_lang: self.source_lang.clone(),
            target_lang: self.target_lang.clone(),
            read: ReadOptions {
                presegmented: self.presegmented,
                allow_empty: self.allow_empty,
                encoding: self.input.encoding()?,
                max_chars: self.max_chars,
                paragraphs: self.paragraphs,
            },
            source_encoding: self
                .source_encoding
                .as_deref()
                .map(encoding_of)
                .transpose()?,
            target_encoding: self
                .target_encoding
                .as_deref()
                .map(encoding_of)
                .transpose()?,
            second_pass: !self.no_second_pass,
            force: self.force,
            seed_glossary: !self.no_seed_glossary,
        })
    }
}

/// Parses --max-chars: a positive number of characters.
fn max_chars(value: &str) -> Result<usize, String> {
    match value.parse::<usize>() {
        Ok(0) | Err(_) => Err(format!(
            "{value:?} is not a length: give a number of characters, 1 or more (default 2000)"
        )),
        Ok(n) => Ok(n),
    }
}

/// Pairs given as `SOURCE TARGET [SOURCE TARGET ...]`.
pub fn pairs(command: &str, files: &[String]) -> Result<Vec<(String, String)>, Error> {
    if files.is_empty() || files.len() % 2 != 0 {
        return Err(Error::Usage(format!(
            "padan {command} takes pairs of texts, SOURCE TARGET [SOURCE TARGET ...]; got {} file(s)",
            files.len()
        )));
    }
    Ok(files
        .chunks(2)
        .map(|p| (p[0].clone(), p[1].clone()))
        .collect())
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
    /// The text's language (id, en, or a tag such as en-GB).
    #[arg(long, short = 'l', value_name = "TAG", default_value = "id")]
    pub lang: Locale,
    /// Output format.
    #[arg(long, short = 'f', value_enum, default_value = "text")]
    pub format: SegmentFormat,
    /// Write here instead of stdout (atomically: the file appears whole or not at all).
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<String>,
    /// Cut segments longer than this many characters at a word boundary.
    #[arg(long, value_name = "N", default_value_t = padan::segment::DEFAULT_MAX_SEGMENT_CHARS,
          value_parser = max_chars)]
    pub max_chars: usize,
    /// How lines make paragraphs (see padan align --help).
    #[arg(long, value_enum, default_value = "auto")]
    pub paragraphs: Paragraphs,
    #[command(flatten)]
    pub input: InputArgs,
}

#[derive(Debug, Args)]
pub struct AlignArgs {
    /// The source text (Indonesian by default); `-` reads stdin.
    #[arg(required_unless_present = "jsonl_in")]
    pub source: Option<String>,
    /// The target text (English by default).
    #[arg(required_unless_present = "jsonl_in")]
    pub target: Option<String>,
    /// Stream pairs instead: one JSON object a line, {"id":...,"source":"...","target":"..."},
    /// from FILE or stdin; one result a line, {"id":...,"beads":[...]} or {"id":...,"error":...}.
    #[arg(long, value_name = "FILE", num_args = 0..=1, default_missing_value = "-",
          conflicts_with_all = ["source", "target", "format"])]
    pub jsonl_in: Option<String>,
    /// With --jsonl-in: exit 0 even when some records failed (their lines hold the error), as
    /// a Hadoop or Spark mapper must: a non-zero exit fails the whole task.
    #[arg(long, requires = "jsonl_in")]
    pub exit_zero: bool,
    /// Output format (default: the extension of -o, else tsv).
    #[arg(long, short = 'f', value_enum)]
    pub format: Option<AlignFormat>,
    /// With --format csv: a byte-order mark and CRLF line ends, as Excel expects.
    #[arg(long)]
    pub excel: bool,
    /// With --format tmx: keep 1-0 and 0-1 beads as units with an empty side.
    #[arg(long)]
    pub keep_unaligned: bool,
    /// Write here instead of stdout (atomically: the file appears whole or not at all).
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<String>,
    #[command(flatten)]
    pub options: AlignOptions,
}

#[derive(Debug, Args)]
pub struct EvalArgs {
    /// Pairs of bead files: GOLD TEST [GOLD TEST ...]. TEST may be padan's jsonl output, whose
    /// confidences are then judged too (precision per confidence band, expected calibration
    /// error).
    #[arg(required = true, value_name = "GOLD TEST")]
    pub files: Vec<String>,
    /// Also print the score of each pair.
    #[arg(long)]
    pub per_document: bool,
}

#[derive(Debug, Args)]
pub struct GlossaryArgs {
    /// Pairs of texts to align first: SOURCE TARGET [SOURCE TARGET ...] (Indonesian, English).
    #[arg(value_name = "SOURCE TARGET")]
    pub files: Vec<String>,
    /// The two files are sentence-parallel already: line n of one translates line n of the other.
    #[arg(long, conflicts_with = "from_aligned")]
    pub parallel: bool,
    /// Read padan align's output (--format tsv or jsonl, or --jsonl-in results) instead of
    /// aligning.
    #[arg(long, value_name = "FILE", num_args = 1..)]
    pub from_aligned: Vec<String>,
    /// Write the counts (a mergeable file, `-` for stdout) instead of the glossary.
    #[arg(long, value_name = "FILE", conflicts_with_all = ["format", "merge_counts", "output"])]
    pub counts_out: Option<String>,
    /// Build the glossary from counts files written by --counts-out, merged in this order.
    #[arg(long, value_name = "FILE", num_args = 1.., conflicts_with_all = ["parallel", "from_aligned"])]
    pub merge_counts: Vec<String>,
    /// A glossary a person reviewed (a previous output, edited): its rows are kept as written.
    #[arg(long, value_name = "FILE")]
    pub reviewed: Option<String>,
    /// Write here instead of stdout (atomically).
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<String>,
    /// Output format (default: the extension of -o, else csv).
    #[arg(long, short = 'f', value_enum)]
    pub format: Option<GlossaryFormat>,
    /// With csv: a byte-order mark and CRLF line ends, so Excel and LibreOffice read UTF-8.
    #[arg(long)]
    pub excel: bool,
    /// With tbx and omegat: a reviewed glossary's proposals too, not only its agreed terms.
    #[arg(long)]
    pub all: bool,
    /// Keep only proposals of these kinds (comma-separated): term, name, cognate, acronym.
    #[arg(long, value_name = "KINDS", value_delimiter = ',')]
    pub kinds: Vec<String>,
    /// Keep only proposals seen in at least N beads.
    #[arg(long, value_name = "N", default_value_t = 0)]
    pub min_count: u32,
    /// Keep at most the N best proposals (a reviewed glossary's rows are always kept).
    #[arg(long, value_name = "N")]
    pub top: Option<usize>,
    #[command(flatten)]
    pub options: AlignOptions,
}

/// Where `padan glossary` reads its beads from.
pub enum GlossaryInput {
    Pairs(Vec<(String, String)>),
    Parallel(String, String),
    Aligned(Vec<String>),
    Counts(Vec<String>),
}

impl GlossaryArgs {
    pub fn input(&self) -> Result<GlossaryInput, Error> {
        let neither = |what: &str| {
            Error::Usage(format!(
                "give either SOURCE TARGET pairs or --{what} files, not both"
            ))
        };
        if !self.merge_counts.is_empty() {
            if !self.files.is_empty() {
                return Err(neither("merge-counts"));
            }
            return Ok(GlossaryInput::Counts(self.merge_counts.clone()));
        }
        if !self.from_aligned.is_empty() {
            if !self.files.is_empty() {
                return Err(neither("from-aligned"));
            }
            return Ok(GlossaryInput::Aligned(self.from_aligned.clone()));
        }
        if self.parallel {
            return match self.files.as_slice() {
                [a, b] => Ok(GlossaryInput::Parallel(a.clone(), b.clone())),
                files => Err(Error::Usage(format!(
                    "--parallel takes two files, SOURCE TARGET; got {}",
                    files.len()
                ))),
            };
        }
        if self.files.is_empty() || self.files.len() % 2 != 0 {
            return Err(Error::Usage(format!(
                "padan glossary takes pairs of texts, SOURCE TARGET [SOURCE TARGET ...], or \
                 --parallel or --from-aligned; got {} file(s)",
                self.files.len()
            )));
        }
        pairs("glossary", &self.files).map(GlossaryInput::Pairs)
    }
}

impl GlossaryInput {
    /// Every file the input reads.
    pub fn files(&self) -> Vec<&str> {
        match self {
            GlossaryInput::Pairs(pairs) => pairs
                .iter()
                .flat_map(|(s, t)| [s.as_str(), t.as_str()])
                .collect(),
            GlossaryInput::Aligned(f) | GlossaryInput::Counts(f) => {
                f.iter().map(String::as_str).collect()
            }
            GlossaryInput::Parallel(a, b) => vec![a, b],
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FailOn {
    /// Exit 0 whatever is found.
    Never,
    /// Exit 1 when an error-level flag is found.
    Error,
    /// Exit 1 when any flag is found.
    Warning,
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Pairs of texts: SOURCE TARGET [SOURCE TARGET ...] (Indonesian, English).
    #[arg(required = true, value_name = "SOURCE TARGET")]
    pub files: Vec<String>,
    /// Report format (default: the extension of -o, else tsv).
    #[arg(long, short = 'f', value_enum)]
    pub format: Option<ReportFormat>,
    /// With --format csv: a byte-order mark and CRLF line ends, as Excel expects.
    #[arg(long)]
    pub excel: bool,
    /// Write here instead of stdout (atomically).
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<String>,
    /// Exit 1 when a flag of this severity or worse is found.
    #[arg(long, value_enum, default_value = "never")]
    pub fail_on: FailOn,
    /// Run only these checks (by name, comma-separated or repeated; see the list below).
    #[arg(long, value_name = "CHECKS", value_delimiter = ',')]
    pub only: Vec<String>,
    /// Do not run these checks.
    #[arg(long, value_name = "CHECKS", value_delimiter = ',')]
    pub skip: Vec<String>,
    /// A checklist of your own: a CSV with source_pattern,target_pattern,message,severity
    /// (regular expressions), one rule a row.
    #[arg(long, value_name = "FILE")]
    pub checklist: Option<String>,
    #[command(flatten)]
    pub options: AlignOptions,
}

#[derive(Debug, Args)]
pub struct BatchArgs {
    /// A CSV manifest with columns source,target[,name].
    #[arg(long, value_name = "FILE", conflicts_with_all = ["source_dir", "target_dir"])]
    pub manifest: Option<String>,
    /// A folder of source articles (.txt, .html, .docx, .odt), paired with --target-dir by name.
    #[arg(long, value_name = "DIR", requires = "target_dir")]
    pub source_dir: Option<String>,
    /// A folder of target articles.
    #[arg(long, value_name = "DIR", requires = "source_dir")]
    pub target_dir: Option<String>,
    /// Where the outputs go (created if missing).
    #[arg(long, value_name = "DIR", required_unless_present = "list_pairs")]
    pub out_dir: Option<String>,
    /// Align nothing: print the pairs, in order, as records padan align --jsonl-in takes
    /// ({"id":NAME,"source_file":...,"target_file":...}; {"id":NAME,"error":...} for a file
    /// without a partner), for a job that spreads a corpus over many machines.
    #[arg(long, conflicts_with_all = ["out_dir", "resume"])]
    pub list_pairs: bool,
    /// Output format of each pair, as padan align's.
    #[arg(long, short = 'f', value_enum, default_value = "tsv")]
    pub format: AlignFormat,
    /// Pairs aligned at once (default: every core; at most 256).
    #[arg(long, short = 'j', value_name = "N", value_parser = clap::value_parser!(u16).range(1..=256))]
    pub jobs: Option<u16>,
    /// Keep the pairs a previous run into the same --out-dir finished (same inputs, same
    /// settings); align only the rest.
    #[arg(long)]
    pub resume: bool,
    /// No progress bar and no closing summary line (failures are still reported).
    #[arg(long, short = 'q')]
    pub quiet: bool,
    /// Do not build OUT/glossary.csv (the corpus glossary is the serial part of a batch).
    #[arg(long)]
    pub no_glossary: bool,
    #[command(flatten)]
    pub options: AlignOptions,
}

#[derive(Debug, Args)]
pub struct ExportArgs {
    /// The reviewed alignment: a workbook from padan align --format xlsx (or padan batch), or
    /// its CSV export, as the reviewer saved it.
    pub reviewed: String,
    /// Output format (default: the extension of -o, else tmx): tmx, tsv, csv, jsonl, beads.
    #[arg(long, short = 'f', value_enum)]
    pub format: Option<AlignFormat>,
    /// Write here instead of stdout (atomically); with several documents and a format other
    /// than tmx or jsonl, a folder to hold one file per document.
    #[arg(long, short = 'o', value_name = "PATH")]
    pub output: Option<String>,
    /// Keep rows with one side empty (1-0, 0-1) as units with an empty side in TMX.
    #[arg(long)]
    pub keep_unaligned: bool,
    /// With --format csv: a byte-order mark and CRLF line ends, as Excel expects.
    #[arg(long)]
    pub excel: bool,
    /// The source language, when the file does not record it (a CSV export).
    #[arg(long, value_name = "TAG")]
    pub source_lang: Option<Locale>,
    /// The target language, when the file does not record it.
    #[arg(long, value_name = "TAG")]
    pub target_lang: Option<Locale>,
    #[command(flatten)]
    pub input: InputArgs,
}

/// Where `padan batch` finds its pairs.
pub enum PairSource {
    Manifest(String),
    Folders(String, String),
}

impl BatchArgs {
    pub fn pair_source(&self) -> Result<PairSource, Error> {
        match (&self.manifest, &self.source_dir, &self.target_dir) {
            (Some(manifest), _, _) => Ok(PairSource::Manifest(manifest.clone())),
            (None, Some(s), Some(t)) => Ok(PairSource::Folders(s.clone(), t.clone())),
            _ => Err(Error::Usage(
                "padan batch needs --manifest FILE or --source-dir DIR --target-dir DIR".to_owned(),
            )),
        }
    }

    /// Worker threads: --jobs, or every core.
    pub fn jobs(&self) -> usize {
        let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
        self.jobs.map_or(cores, usize::from).max(1)
    }
}
