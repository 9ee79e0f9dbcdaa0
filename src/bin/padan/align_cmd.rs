//! `padan align`: pair the segments of a source text with those of its translation.

use std::io::Write;
use std::process::ExitCode;

use padan::align::Aligner;
use padan::check::Checker;
use padan::export::xlsx::{self, Document};
use padan::export::{AlignedPair, AlignmentFormat, Beads, Csv, Jsonl, Tmx, Tsv};

use crate::cli::{AlignConfig, AlignFormat};
use crate::input::{agreed_terms, check_pair, lexicon, LoadedSide};
use crate::io::{refuse_binary_to_terminal, Output};

pub fn run(config: AlignConfig) -> padan::Result<ExitCode> {
    if matches!(config.format, AlignFormat::Xlsx) {
        refuse_binary_to_terminal(config.output.as_deref(), "xlsx")?;
    }
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
    let mut inputs: Vec<&str> = vec![&config.source, &config.target];
    inputs.extend(config.glossaries.iter().map(String::as_str));
    let mut out = Output::create(config.output.as_deref(), &inputs)?;
    let written = match config.format {
        AlignFormat::Xlsx => {
            let terms = agreed_terms(&config.glossaries, config.read.encoding)?;
            let flags = Checker::new(&lexicon, &terms).check(&pair);
            let document = Document {
                name: &source.name,
                pair,
                flags: &flags,
            };
            xlsx::write_alignment(
                &[document],
                (config.source_lang, config.target_lang),
                &mut out,
            )
        }
        format => {
            let format: Box<dyn AlignmentFormat> = match format {
                AlignFormat::Csv => Box::new(Csv {
                    excel: config.excel,
                }),
                AlignFormat::Jsonl => Box::new(Jsonl),
                AlignFormat::Beads => Box::new(Beads),
                AlignFormat::Tmx => Box::new(Tmx {
                    source_lang: config.source_lang.locale().to_owned(),
                    target_lang: config.target_lang.locale().to_owned(),
                    keep_unaligned: config.keep_unaligned,
                }),
                AlignFormat::Tsv | AlignFormat::Xlsx => Box::new(Tsv),
            };
            format.write(&pair, &mut out)
        }
    };
    written.map_err(|e| out.error(e))?;
    out.flush().map_err(|e| out.error(e))?;
    out.finish()?;
    Ok(ExitCode::SUCCESS)
}
