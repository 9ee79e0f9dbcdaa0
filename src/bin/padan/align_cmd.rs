//! `padan align`: pair the segments of a source text with those of its translation.

use std::io::{BufRead, Write};
use std::process::ExitCode;

use padan::align::Aligner;
use padan::check::{Checker, Flag};
use padan::error::{Error, Location};
use padan::export::xlsx::{self, Document};
use padan::export::{
    write_failed_record, write_record, AlignedPair, AlignmentFormat, Beads, Csv, Jsonl, Tmx, Tsv,
};
use padan::text::Decoded;
use padan::Lang;

use crate::cli::{AlignConfig, AlignFormat, AlignInput};
use crate::input::{check_pair, load_glossaries, Glossaries, LoadedSide};
use crate::io::{display_name, open_lines, refuse_binary_to_terminal, Output};

pub fn run(config: AlignConfig) -> padan::Result<ExitCode> {
    match &config.input {
        AlignInput::Pair { source, target } => run_pair(&config, source, target),
        AlignInput::Jsonl { stream, exit_zero } => run_stream(&config, stream, *exit_zero),
    }
}

fn run_pair(config: &AlignConfig, source: &str, target: &str) -> padan::Result<ExitCode> {
    if matches!(config.format, AlignFormat::Xlsx) {
        refuse_binary_to_terminal(config.output.as_deref(), "xlsx")?;
    }
    let (source_path, target_path) = (source, target);
    let source = LoadedSide::load(source_path, config.source_lang, config.read)?;
    let target = LoadedSide::load(target_path, config.target_lang, config.read)?;
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
    let mut inputs: Vec<&str> = vec![source_path, target_path];
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

/// `padan align --jsonl-in`: one record in, one line out, one record held at a time.
fn run_stream(config: &AlignConfig, stream: &str, exit_zero: bool) -> padan::Result<ExitCode> {
    let Glossaries { lexicon, .. } = load_glossaries(
        &config.glossaries,
        config.seed_glossary,
        config.read.encoding,
    )?;
    let aligner = Aligner::new(&lexicon)
        .with_languages(config.source_lang, config.target_lang)
        .with_second_pass(config.second_pass);
    let name = display_name(stream);
    let mut inputs: Vec<&str> = vec![stream];
    inputs.extend(config.glossaries.iter().map(String::as_str));
    let mut reader = open_lines(stream)?;
    let mut out = Output::create(config.output.as_deref(), &inputs)?;
    let (mut records, mut failed) = (0usize, 0usize);
    let mut line = Vec::new();
    for line_no in 1.. {
        line.clear();
        let read = reader
            .read_until(b'\n', &mut line)
            .map_err(|source| Error::Io {
                at: Location::line(&name, line_no),
                action: "read",
                source,
            })?;
        if read == 0 {
            break;
        }
        if line.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        records += 1;
        let (id, result) = align_record(&line, config, &aligner, &format!("{name}:{line_no}"));
        let written = match result {
            Ok(written) => written(&id, &mut out),
            Err(message) => {
                failed += 1;
                eprintln!("padan: {name}:{line_no}: {message}");
                write_failed_record(&id, &message, &mut out)
            }
        };
        written.map_err(|e| out.error(e))?;
    }
    out.flush().map_err(|e| out.error(e))?;
    out.finish()?;
    if failed > 0 {
        eprintln!(
            "padan: align: {failed} of {records} record(s) failed; their output lines hold the error"
        );
        if !exit_zero {
            return Ok(ExitCode::from(1));
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// A record's writer: the record aligned, ready to be written with its id.
type RecordWriter = Box<dyn FnOnce(&serde_json::Value, &mut dyn Write) -> std::io::Result<()>>;

/// Parses and aligns one record; its id (null when there is none) and its result.
fn align_record(
    line: &[u8],
    config: &AlignConfig,
    aligner: &Aligner,
    at: &str,
) -> (serde_json::Value, Result<RecordWriter, String>) {
    let value: serde_json::Value = match serde_json::from_slice(line) {
        Ok(value) => value,
        Err(e) => {
            return (
                serde_json::Value::Null,
                Err(format!(
                    "not a JSON record ({e}); give one object a line: {{\"id\":...,\"source\":\"...\",\"target\":\"...\"}}"
                )),
            )
        }
    };
    let id = value.get("id").cloned().unwrap_or(serde_json::Value::Null);
    let text = |field: &str| -> Result<String, String> {
        match value.get(field) {
            Some(serde_json::Value::String(s)) => Ok(s.clone()),
            Some(_) => Err(format!("\"{field}\" is not a string; give the text as a JSON string")),
            None => Err(format!(
                "the record has no \"{field}\"; give {{\"id\":...,\"source\":\"...\",\"target\":\"...\"}}"
            )),
        }
    };
    let result = (|| {
        let (source, target) = (text("source")?, text("target")?);
        let side = |text: String, field: &str, lang| -> Result<LoadedSide, String> {
            if text.trim().is_empty() && !config.read.allow_empty {
                return Err(format!(
                    "the {field} is empty; give it text, or pass --allow-empty to align it with nothing"
                ));
            }
            let decoded = Decoded {
                text,
                encoding: "UTF-8",
                bom_len: 0,
            };
            Ok(LoadedSide::from_decoded(
                format!("{at} {field}"),
                decoded,
                lang,
                config.read,
            ))
        };
        let source = side(source, "source", config.source_lang)?;
        let target = side(target, "target", config.target_lang)?;
        check_pair(&source, &target, config.force).map_err(|e| e.to_string())?;
        let beads = aligner.align(&source.inputs(), &target.inputs());
        let written: RecordWriter = Box::new(move |id, out| {
            let pair = AlignedPair {
                source: source.side(),
                target: target.side(),
                beads: &beads,
            };
            write_record(id, &pair, out)
        });
        Ok(written)
    })();
    (id, result)
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
