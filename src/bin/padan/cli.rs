//! Command-line structs (clap derive), each turned into a plain config before any work.

use clap::{Args, Parser, Subcommand, ValueEnum};
use padan::text::Encoding;
use padan::{Error, Lang};

use crate::input::ReadOptions;

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
        Segments longer than --max-chars characters (default 2,000) are cut at a word boundary,\n\
        with a warning, so no input makes segmentation or alignment quadratic.\n\
        The text is read whole, then written segment by segment."
    )]
    Segment(SegmentArgs),
    /// Align a source text with its translation, sentence by sentence.
    #[command(
        after_help = "Example:\n  padan align tests/fixtures/reykjavik/id.txt tests/fixtures/reykjavik/en.txt\n  \
        padan align id.sents en.sents --presegmented --format beads -o id-en.align\n  \
        padan align id.txt en.txt --glossary reviewed.csv --format jsonl\n\n\
        Resource bounds: both texts are read whole (alignment needs every segment); segments\n\
        longer than --max-chars characters (default 2,000) are cut at a word boundary, with a\n\
        warning; the search runs in a band, so time and memory grow linearly: some 60 us and\n\
        5 KB per segment (about 6 s and 600 MB for 100,000 segments a side), on any input.\n\n\
        Formats: tsv (default; literal text for tools, nothing neutralized), csv (spreadsheet-\n\
        safe: cells starting with = + - @ tab CR get an apostrophe; add --excel for a byte-order\n\
        mark and CRLF), xlsx (a workbook for review: header frozen, checks' flags, low-confidence\n\
        and flagged rows filled, formula-like cells kept as text; needs -o), tmx (TMX 1.4b for\n\
        CAT tools; 1-0 and 0-1 beads only with --keep-unaligned), jsonl (0-based indices and\n\
        byte spans into both files), beads (Vecalign's [0]:[0, 1] lines).\n\n\
        Streaming (a mapper for Hadoop Streaming or Spark's RDD.pipe):\n  \
        padan align --jsonl-in < pairs.jsonl > aligned.jsonl\n\
        Each input line is {\"id\":...,\"source\":\"...\",\"target\":\"...\"} (id any JSON value,\n\
        echoed); each output line is {\"id\":...,\"beads\":[...]} with beads as --format jsonl\n\
        writes them (spans into the record's strings), or {\"id\":...,\"error\":\"...\"} for a\n\
        record that cannot be aligned; the run goes on, reports it on stderr and exits 1 at\n\
        the end (0 with --exit-zero, for mappers). One record is held at a time."
    )]
    Align(AlignArgs),
    /// Score test beads against gold beads (strict and lax precision, recall, F1).
    #[command(
        after_help = "Example:\n  padan eval tests/fixtures/reykjavik/gold.align test.align\n  \
        padan eval gold1.align test1.align gold2.align test2.align\n\n\
        Counts are summed over the pairs (micro average), as Vecalign's score.py does:\n\
        precision over all test beads, recall over gold beads with both sides non-empty; a lax\n\
        hit is a test bead that overlaps a gold bead on both sides."
    )]
    Eval(EvalArgs),
    /// Build a bilingual glossary (CSV) from aligned text, merging a reviewed glossary.
    #[command(
        after_help = "Example:\n  padan glossary tests/fixtures/reykjavik/id.txt tests/fixtures/reykjavik/en.txt -o glossary.csv\n  \
        padan glossary --parallel news.id news.en -o news-glossary.csv\n  \
        padan glossary --from-aligned a.tsv b.jsonl --reviewed glossary.csv -o glossary.csv.new\n\n\
        Columns: source_term, target_term, kind (term/name/cognate/acronym), score, count,\n\
        source_count, target_count, status, example_source, example_target, note; best first.\n\n\
        Review loop: edit the CSV in a spreadsheet (status approved or rejected, edit a target,\n\
        add rows, add columns), save it, and pass it back with --reviewed. Its rows come first,\n\
        as written; rejected pairs are never proposed again; approved and added terms anchor\n\
        the alignment (and padan align --glossary takes the same file).\n\n\
        Formats: csv (default; the review file, spreadsheet-safe: cells starting with = + - @\n\
        get an apostrophe), xlsx (needs -o), tbx (TBX-Basic), omegat (OmegaT's tab-separated\n\
        glossary). tbx and omegat leave rejected rows out.\n\n\
        Resource bounds: counts are held in memory up to a budget of 6 million distinct term\n\
        pairs and 1.5 million terms a side (some 600 MB); past it the rarest pairs are dropped\n\
        as counting goes (a note on stderr says so), so memory stays bounded on any corpus.\n\n\
        Map and reduce: --counts-out FILE writes the counts of this part of a corpus (no\n\
        glossary); --merge-counts A B ... adds such files up, in the order given, and writes\n\
        the glossary, the same as one run over the parts in that order would:\n  \
        padan glossary --from-aligned part1.jsonl --counts-out part1.counts\n  \
        padan glossary --merge-counts part1.counts part2.counts -o glossary.csv"
    )]
    Glossary(GlossaryArgs),
    /// Align, then flag what looks wrong: glossary terms, numbers, names, omissions, length.
    #[command(
        after_help = "Example:\n  padan check tests/fixtures/reykjavik/id.txt tests/fixtures/reykjavik/en.txt -g glossary.csv\n  \
        padan check id.txt en.txt -g glossary.csv --format xlsx -o checks.xlsx --fail-on error\n  \
        padan check a.id a.en b.id b.en -g glossary.csv --format csv --excel -o checks.csv\n\n\
        Checks, per aligned pair (severity in brackets):\n  \
        term-missing [error]       a glossary term whose agreed target (or a listed variant) is absent\n  \
        term-inconsistent [warning] a glossary term translated with different variants in the corpus\n  \
        number-mismatch [error]    numbers differ once conventions are normalized (7.800 = 7,800;\n                             \
        7,8 juta = 7.8 million; 22/5/2021 = May 22, 2021); [warning] on one side only\n  \
        name-one-side [warning]    a name on one side that the other lacks\n  \
        omission [error]           a source sentence left out (1-0); addition [warning] (0-1)\n  \
        length-ratio [warning]     a translation far longer or shorter than expected\n  \
        untranslated [error]       the target reads as the source language\n\n\
        Glossary terms come from -g files: approved rows and rows without a status (a plain\n\
        source_term,target_term list) are agreed; proposed and rejected rows are not checked.\n\
        The report has one row per flag (document, pair, source_ids, target_ids, check,\n\
        severity, evidence, source, target); a summary goes to stderr. Exit code 1 when a flag\n\
        at --fail-on's level or worse is found (default: never), 2 on bad input."
    )]
    Check(CheckArgs),
    /// Align many pairs at once, in parallel: one output per pair, a corpus glossary, a summary.
    #[command(
        after_help = "Example:\n  padan batch --source-dir id/ --target-dir en/ --out-dir aligned/\n  \
        padan batch --manifest pairs.csv --out-dir aligned/ --format xlsx --jobs 2\n\n\
        Pairs come from a manifest CSV (header source,target[,name]; paths relative to the\n\
        manifest) or from two folders whose *.txt files are paired by name (a file without a\n\
        partner is reported by name). Each pair's output is OUT/NAME.EXT, written atomically;\n\
        OUT/glossary.csv is the corpus glossary and OUT/summary.tsv one line per pair (its\n\
        segments, beads by kind, low-confidence beads, or why it failed). With --format xlsx,\n\
        OUT/corpus.xlsx adds a workbook with a Summary sheet and one sheet per pair (it holds\n\
        the whole corpus in memory: meant for review-sized batches).\n\n\
        A failing pair never stops the run: it is reported and the exit code is 1. The output\n\
        is the same whatever --jobs is. Pairs are aligned 16 per job at a time, so memory is\n\
        bounded by the largest pairs, not by the corpus.\n\n\
        Each finished pair is recorded in OUT/.padan/ (its beads and fingerprints of its inputs\n\
        and settings) after its output is in place. --resume keeps the pairs a previous run\n\
        finished with the same inputs and settings and aligns the rest; the outputs are the\n\
        same as an uninterrupted run's. A progress bar shows on stderr when it is a terminal\n\
        (pairs done, sentences per second, time left); --quiet hides it."
    )]
    Batch(BatchArgs),
}

#[derive(Debug, Args)]
pub struct BatchArgs {
    /// A CSV manifest with columns source,target[,name].
    #[arg(long, value_name = "FILE", conflicts_with_all = ["source_dir", "target_dir"])]
    pub manifest: Option<String>,
    /// A folder of source texts (*.txt), paired with --target-dir by file name.
    #[arg(long, value_name = "DIR", requires = "target_dir")]
    pub source_dir: Option<String>,
    /// A folder of target texts (*.txt).
    #[arg(long, value_name = "DIR", requires = "source_dir")]
    pub target_dir: Option<String>,
    /// Where the outputs go (created if missing).
    #[arg(long, value_name = "DIR")]
    pub out_dir: String,
    /// Output format of each pair, as padan align's.
    #[arg(long, short = 'f', value_enum, default_value = "tsv")]
    pub format: AlignFormat,
    /// Pairs aligned at once (default: every core).
    #[arg(long, short = 'j', value_name = "N")]
    pub jobs: Option<usize>,
    /// A glossary whose terms anchor the alignment (and are checked in xlsx). Repeatable.
    #[arg(long, short = 'g', value_name = "FILE")]
    pub glossary: Vec<String>,
    /// Do not use the shipped seed glossaries.
    #[arg(long)]
    pub no_seed_glossary: bool,
    /// Take each line of the texts as one segment.
    #[arg(long)]
    pub presegmented: bool,
    /// Align pairs even when their languages look swapped.
    #[arg(long)]
    pub force: bool,
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
    pub input: InputArgs,
}

/// Where `padan batch` finds its pairs.
pub enum PairSource {
    Manifest(String),
    Folders(String, String),
}

/// What `padan batch` does.
pub struct BatchConfig {
    pub pairs: PairSource,
    pub out_dir: String,
    pub format: AlignFormat,
    pub jobs: usize,
    pub glossaries: Vec<String>,
    pub seed_glossary: bool,
    pub read: ReadOptions,
    pub force: bool,
    pub resume: bool,
    pub quiet: bool,
    /// Build the corpus glossary (OUT/glossary.csv).
    pub glossary_out: bool,
}

impl BatchArgs {
    pub fn into_config(self) -> Result<BatchConfig, Error> {
        let pairs = match (self.manifest, self.source_dir, self.target_dir) {
            (Some(manifest), _, _) => PairSource::Manifest(manifest),
            (None, Some(s), Some(t)) => PairSource::Folders(s, t),
            _ => {
                return Err(Error::Usage(
                    "padan batch needs --manifest FILE or --source-dir DIR --target-dir DIR"
                        .to_owned(),
                ))
            }
        };
        let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
        Ok(BatchConfig {
            pairs,
            out_dir: self.out_dir,
            format: self.format,
            jobs: self.jobs.unwrap_or(cores).max(1),
            glossaries: self.glossary,
            seed_glossary: !self.no_seed_glossary,
            read: ReadOptions {
                presegmented: self.presegmented,
                allow_empty: false,
                encoding: self.input.encoding()?,
                max_chars: padan::segment::DEFAULT_MAX_SEGMENT_CHARS,
            },
            force: self.force,
            resume: self.resume,
            quiet: self.quiet,
            glossary_out: !self.no_glossary,
        })
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    /// Tab-separated, literal text, for tools.
    Tsv,
    /// CSV for spreadsheets (formula-like cells neutralized; --excel for BOM and CRLF).
    Csv,
    /// An Excel workbook (needs -o), errors red and warnings yellow.
    Xlsx,
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
    /// A glossary whose approved and added rows are the agreed terms; also anchors alignment.
    #[arg(long, short = 'g', value_name = "FILE")]
    pub glossary: Vec<String>,
    /// Report format.
    #[arg(long, short = 'f', value_enum, default_value = "tsv")]
    pub format: ReportFormat,
    /// With --format csv: a byte-order mark and CRLF line ends, as Excel expects.
    #[arg(long)]
    pub excel: bool,
    /// Write the report here instead of stdout (atomically).
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<String>,
    /// Exit with code 1 when a flag of this level or worse is found.
    #[arg(long, value_enum, default_value = "never")]
    pub fail_on: FailOn,
    /// Take each line of the texts as one segment.
    #[arg(long)]
    pub presegmented: bool,
    /// Do not use the shipped seed glossaries as alignment anchors.
    #[arg(long)]
    pub no_seed_glossary: bool,
    /// Check even when the languages look swapped.
    #[arg(long)]
    pub force: bool,
    #[command(flatten)]
    pub input: InputArgs,
}

/// What `padan check` does.
pub struct CheckConfig {
    pub pairs: Vec<(String, String)>,
    pub glossaries: Vec<String>,
    pub format: ReportFormat,
    pub excel: bool,
    pub output: Option<String>,
    pub fail_on: FailOn,
    pub seed_glossary: bool,
    pub read: ReadOptions,
    pub force: bool,
}

impl CheckArgs {
    pub fn into_config(self) -> Result<CheckConfig, Error> {
        if self.files.len() % 2 != 0 {
            return Err(Error::Usage(format!(
                "padan check takes pairs of texts, SOURCE TARGET [SOURCE TARGET ...]; got {} file(s)",
                self.files.len()
            )));
        }
        Ok(CheckConfig {
            pairs: self
                .files
                .chunks(2)
                .map(|p| (p[0].clone(), p[1].clone()))
                .collect(),
            glossaries: self.glossary,
            format: self.format,
            excel: self.excel,
            output: self.output,
            fail_on: self.fail_on,
            seed_glossary: !self.no_seed_glossary,
            read: ReadOptions {
                presegmented: self.presegmented,
                allow_empty: false,
                encoding: self.input.encoding()?,
                max_chars: padan::segment::DEFAULT_MAX_SEGMENT_CHARS,
            },
            force: self.force,
        })
    }
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

#[derive(Debug, Clone, Copy, ValueEnum)]
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
    /// Language of the source text.
    #[arg(long, default_value = "id")]
    pub source_lang: Lang,
    /// Language of the target text.
    #[arg(long, default_value = "en")]
    pub target_lang: Lang,
    /// Take each line as one segment, as it is (no sentence splitting).
    #[arg(long)]
    pub presegmented: bool,
    /// Output format.
    #[arg(long, short = 'f', value_enum, default_value = "tsv")]
    pub format: AlignFormat,
    /// With --format csv: a byte-order mark and CRLF line ends, as Excel expects.
    #[arg(long)]
    pub excel: bool,
    /// With --format tmx: keep 1-0 and 0-1 beads as units with an empty side.
    #[arg(long)]
    pub keep_unaligned: bool,
    /// Write here instead of stdout (atomically: the file appears whole or not at all).
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<String>,
    /// A glossary (CSV with source_term,target_term columns) whose terms anchor the alignment;
    /// rows with status `rejected` are ignored; with --format xlsx, approved and added rows are
    /// checked like padan check does. May be given several times.
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
    /// Cut segments longer than this many characters at a word boundary.
    #[arg(long, value_name = "N", default_value_t = padan::segment::DEFAULT_MAX_SEGMENT_CHARS)]
    pub max_chars: usize,
    #[command(flatten)]
    pub input: InputArgs,
}

/// What `padan align` does, free of clap.
pub struct AlignConfig {
    pub input: AlignInput,
    pub source_lang: Lang,
    pub target_lang: Lang,
    pub read: ReadOptions,
    pub format: AlignFormat,
    pub excel: bool,
    pub keep_unaligned: bool,
    pub output: Option<String>,
    pub glossaries: Vec<String>,
    pub seed_glossary: bool,
    pub second_pass: bool,
    pub force: bool,
}

/// What `padan align` reads: two files, or a stream of JSON records.
pub enum AlignInput {
    Pair { source: String, target: String },
    Jsonl { stream: String, exit_zero: bool },
}

impl AlignArgs {
    pub fn into_config(self) -> Result<AlignConfig, Error> {
        let input = match (self.jsonl_in, self.source, self.target) {
            (Some(stream), _, _) => AlignInput::Jsonl {
                stream,
                exit_zero: self.exit_zero,
            },
            (None, Some(source), Some(target)) => {
                if source == "-" && target == "-" {
                    return Err(Error::Usage(
                        "only one of SOURCE and TARGET can be - (stdin); give the other as a file"
                            .to_owned(),
                    ));
                }
                AlignInput::Pair { source, target }
            }
            _ => {
                return Err(Error::Usage(
                    "padan align takes SOURCE TARGET, or --jsonl-in".to_owned(),
                ))
            }
        };
        Ok(AlignConfig {
            input,
            read: ReadOptions {
                presegmented: self.presegmented,
                allow_empty: self.allow_empty,
                encoding: self.input.encoding()?,
                max_chars: self.max_chars,
            },
            source_lang: self.source_lang,
            target_lang: self.target_lang,
            format: self.format,
            excel: self.excel,
            keep_unaligned: self.keep_unaligned,
            output: self.output,
            glossaries: self.glossary,
            seed_glossary: !self.no_seed_glossary,
            second_pass: !self.no_second_pass,
            force: self.force,
        })
    }
}

#[derive(Debug, Args)]
pub struct EvalArgs {
    /// Pairs of bead files: GOLD TEST [GOLD TEST ...].
    #[arg(required = true, value_name = "GOLD TEST")]
    pub files: Vec<String>,
    /// Also print the score of each pair.
    #[arg(long)]
    pub per_document: bool,
}

/// What `padan eval` does.
pub struct EvalConfig {
    pub files: Vec<String>,
    pub per_document: bool,
}

impl EvalArgs {
    pub fn into_config(self) -> EvalConfig {
        EvalConfig {
            files: self.files,
            per_document: self.per_document,
        }
    }
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
    /// More glossaries whose terms anchor the alignment step.
    #[arg(long, short = 'g', value_name = "FILE")]
    pub glossary: Vec<String>,
    /// Do not use the shipped seed glossaries (for alignment anchors and word-level evidence),
    /// e.g. to evaluate against a dictionary the seed contains.
    #[arg(long)]
    pub no_seed_glossary: bool,
    /// Write here instead of stdout (atomically).
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<String>,
    /// Output format.
    #[arg(long, short = 'f', value_enum, default_value = "csv")]
    pub format: GlossaryFormat,
    /// Take each line of the texts as one segment (when aligning).
    #[arg(long)]
    pub presegmented: bool,
    /// Align even when the languages look swapped.
    #[arg(long)]
    pub force: bool,
    #[command(flatten)]
    pub input: InputArgs,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum GlossaryFormat {
    /// CSV with the review columns (the file --reviewed takes back).
    Csv,
    /// An Excel workbook (needs -o): header frozen, approved rows green, rejected grey.
    Xlsx,
    /// TBX-Basic termbase: one concept per source term, English variants as synonyms.
    Tbx,
    /// OmegaT glossary: source<TAB>target<TAB>comment, no header.
    Omegat,
}

/// Where `padan glossary` reads its beads from.
pub enum GlossaryInput {
    Pairs(Vec<String>),
    Parallel(String, String),
    Aligned(Vec<String>),
    Counts(Vec<String>),
}

impl GlossaryInput {
    pub fn files(&self) -> Vec<&str> {
        match self {
            GlossaryInput::Pairs(f) | GlossaryInput::Aligned(f) | GlossaryInput::Counts(f) => {
                f.iter().map(String::as_str).collect()
            }
            GlossaryInput::Parallel(a, b) => vec![a, b],
        }
    }
}

/// What `padan glossary` does.
pub struct GlossaryConfig {
    pub input: GlossaryInput,
    pub counts_out: Option<String>,
    pub reviewed: Option<String>,
    pub glossaries: Vec<String>,
    pub seed_glossary: bool,
    pub output: Option<String>,
    pub format: GlossaryFormat,
    pub read: ReadOptions,
    pub force: bool,
}

impl GlossaryArgs {
    pub fn into_config(self) -> Result<GlossaryConfig, Error> {
        let input = if !self.merge_counts.is_empty() {
            if !self.files.is_empty() {
                return Err(Error::Usage(
                    "give either SOURCE TARGET pairs or --merge-counts files, not both".to_owned(),
                ));
            }
            GlossaryInput::Counts(self.merge_counts)
        } else if !self.from_aligned.is_empty() {
            if !self.files.is_empty() {
                return Err(Error::Usage(
                    "give either SOURCE TARGET pairs or --from-aligned files, not both".to_owned(),
                ));
            }
            GlossaryInput::Aligned(self.from_aligned)
        } else if self.parallel {
            match <[String; 2]>::try_from(self.files) {
                Ok([a, b]) => GlossaryInput::Parallel(a, b),
                Err(files) => {
                    return Err(Error::Usage(format!(
                        "--parallel takes two files, SOURCE TARGET; got {}",
                        files.len()
                    )))
                }
            }
        } else {
            if self.files.is_empty() || self.files.len() % 2 != 0 {
                return Err(Error::Usage(format!(
                    "padan glossary takes pairs of texts, SOURCE TARGET [SOURCE TARGET ...], or \
                     --parallel or --from-aligned; got {} file(s)",
                    self.files.len()
                )));
            }
            GlossaryInput::Pairs(self.files)
        };
        Ok(GlossaryConfig {
            input,
            counts_out: self.counts_out,
            reviewed: self.reviewed,
            glossaries: self.glossary,
            seed_glossary: !self.no_seed_glossary,
            output: self.output,
            format: self.format,
            read: ReadOptions {
                presegmented: self.presegmented,
                allow_empty: false,
                encoding: self.input.encoding()?,
                max_chars: padan::segment::DEFAULT_MAX_SEGMENT_CHARS,
            },
            force: self.force,
        })
    }
}
