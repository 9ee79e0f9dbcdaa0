//! `padan align`: pair the segments of a source text with those of its translation.

use std::io::Write;
use std::process::ExitCode;

use padan::align::Aligner;
use padan::check::{Checker, Flag};
use padan::export::xlsx::{self, Document};
use padan::export::{AlignedPair, AlignmentFormat, Beads, Csv, Jsonl, Tmx, Tsv};
use padan::Lang;

use crate::cli::{AlignConfig, AlignFormat};
use crate::input::{check_pair, load_glossaries, Glossaries, LoadedSide};
use crate::io::{refuse_binary_to_terminal, Output};

pub fn run(config: AlignConfig) -> padan::Result<ExitCode> {
    if matches!(config.format, AlignFormat::Xlsx) {
        refuse_binary_to_terminal(config.output.as_deref(), "xlsx")?;
    }
    let source = LoadedSide::load(&config.source, config.source_lang, config.read)?;
    let target = LoadedSide::load(&config.target, config.target_lang, config.read)?;
    check_pair(&source, &target, config.force)?;
    let Glossaries {
        lexicon,
        agreed: terms,
    } = load_glossaries(
        &config.glossaries,
        config.seed_glossary,
        config.read.encoding,
    )?;
    let beads = Aligner::new(&lexicon)
        .with_languages(config.source_lang, config.target_lang)
        .with_second_pass(config.second_pass)
        .align(&source.inputs(), &target.inputs());
    let pair = AlignedPair {
        source: source.side(),
        target: target.side(),
        beads: &beads,
    };
    let mut inputs: Vec<&str> = vec![&config.source, &config.target];
    inputs.extend(config.glossaries.iter().map(String::as_str));
    let mut out = Output::create(config.output.as_deref(), &inputs)?;
    let flags = match config.format {
        AlignFormat::Xlsx => Checker::new(&lexicon, &terms).check(&pair),
        _ => Vec::new(),
    };
    let options = FormatOptions {
        format: config.format,
        excel: config.excel,
        keep_unaligned: config.keep_unaligned,
        languages: (config.source_lang, config.target_lang),
    };
    let written = write_pair(&options, &source.name, pair, &flags, &mut out);
    written.map_err(|e| out.error(e))?;
    out.flush().map_err(|e| out.error(e))?;
    out.finish()?;
    Ok(ExitCode::SUCCESS)
}

/// How an aligned pair is written.
pub struct FormatOptions {
    pub format: AlignFormat,
    pub excel: bool,
    pub keep_unaligned: bool,
    pub languages: (Lang, Lang),
}

impl FormatOptions {
    /// The file extension of the format, for outputs named after their pair.
    pub fn extension(&self) -> &'static str {
        match self.format {
            AlignFormat::Tsv => "tsv",
            AlignFormat::Csv => "csv",
            AlignFormat::Jsonl => "jsonl",
            AlignFormat::Beads => "align",
            AlignFormat::Xlsx => "xlsx",
            AlignFormat::Tmx => "tmx",
        }
    }
}

/// Writes one aligned pair; `flags` (from the checks) only show in xlsx.
pub fn write_pair(
    options: &FormatOptions,
    name: &str,
    pair: AlignedPair,
    flags: &[Flag],
    out: &mut dyn Write,
) -> std::io::Result<()> {
    let format: Box<dyn AlignmentFormat> = match options.format {
        AlignFormat::Xlsx => {
            let document = Document { name, pair, flags };
            return xlsx::write_alignment(&[document], options.languages, out);
        }
        AlignFormat::Csv => Box::new(Csv {
            excel: options.excel,
        }),
        AlignFormat::Jsonl => Box::new(Jsonl),
        AlignFormat::Beads => Box::new(Beads),
        AlignFormat::Tmx => Box::new(Tmx {
            source_lang: options.languages.0.locale().to_owned(),
            target_lang: options.languages.1.locale().to_owned(),
            keep_unaligned: options.keep_unaligned,
        }),
        AlignFormat::Tsv => Box::new(Tsv),
    };
    format.write(&pair, out)
}
