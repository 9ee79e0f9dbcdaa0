//! `padan align`: pair the segments of a source text with those of its translation.

use std::io::Write;
use std::process::ExitCode;

use padan::align::Aligner;
use padan::export::{AlignedPair, AlignmentFormat, Beads, Csv, Jsonl, Tsv};

use crate::cli::{AlignConfig, AlignFormat};
use crate::input::{check_pair, lexicon, LoadedSide};
use crate::io::Output;

pub fn run(config: AlignConfig) -> padan::Result<ExitCode> {
    let source = LoadedSide::load(&config.source, config.source_lang, config.read)?;
    let target = LoadedSide::load(&config.target, config.target_lang, config.read)?;
    check_pair(&source, &target, config.force)?;
    let lexicon = lexicon(
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
    let format: Box<dyn AlignmentFormat> = match config.format {
        AlignFormat::Tsv => Box::new(Tsv),
        AlignFormat::Csv => Box::new(Csv {
            excel: config.excel,
        }),
        AlignFormat::Jsonl => Box::new(Jsonl),
        AlignFormat::Beads => Box::new(Beads),
    };
    let mut inputs: Vec<&str> = vec![&config.source, &config.target];
    inputs.extend(config.glossaries.iter().map(String::as_str));
    let mut out = Output::create(config.output.as_deref(), &inputs)?;
    format.write(&pair, &mut out).map_err(|e| out.error(e))?;
    out.flush().map_err(|e| out.error(e))?;
    out.finish()?;
    Ok(ExitCode::SUCCESS)
}
