//! `padan align`: pair the segments of a source text with those of its translation.

use std::io::{BufRead, Write};
use std::process::ExitCode;

use padan::check::Checker;
use padan::document::AlignedPair;
use padan::error::{Error, Location};
use padan::export::{
    read_record, write_alignment, write_failed_record, write_record, AlignFormat, RecordInput,
    WriteOptions,
};
use padan::lexicon::Glossaries;
use padan::pipeline::Config;

use crate::cli::{format_of, AlignArgs};
use crate::input::{load_glossaries, load_pair, load_pair_files, warn};
use crate::io::{display_name, open_lines, refuse_binary_to_terminal, Output};

pub fn run(args: AlignArgs) -> padan::Result<ExitCode> {
    let config = args.options.config()?;
    match (&args.jsonl_in, &args.source, &args.target) {
        (Some(stream), _, _) => run_stream(&args, &config, stream),
        (None, Some(source), Some(target)) => {
            if source == "-" && target == "-" {
                return Err(Error::Usage(
                    "only one of SOURCE and TARGET can be - (stdin); give the other as a file"
                        .to_owned(),
                ));
            }
            run_pair(&args, &config, source, target)
        }
        _ => Err(Error::Usage(
            "padan align takes SOURCE TARGET, or --jsonl-in".to_owned(),
        )),
    }
}

fn run_pair(
    args: &AlignArgs,
    config: &Config,
    source_path: &str,
    target_path: &str,
) -> padan::Result<ExitCode> {
    let options = write_options(args, config)?;
    if options.format == AlignFormat::Xlsx {
        refuse_binary_to_terminal(args.output.as_deref(), "xlsx")?;
    }
    let (source, target) = load_pair(config, source_path, target_path)?;
    if options.format == AlignFormat::Xlsx {
        let segments = (source.segments.len(), target.segments.len());
        padan::export::xlsx::fits(config.read.max_chars, segments).map_err(Error::Usage)?;
    }
    let Glossaries {
        lexicon,
        agreed,
        rejected,
    } = load_glossaries(config, &args.options.glossary)?;
    let (beads, warnings) = config.align(&lexicon, &source, &target)?;
    warn(warnings);
    let pair = AlignedPair {
        source: source.side(),
        target: target.side(),
        beads: &beads,
    };
    let mut inputs: Vec<&str> = vec![source_path, target_path];
    inputs.extend(args.options.glossary.iter().map(String::as_str));
    let mut out = Output::create(args.output.as_deref(), &inputs)?;
    let flags = match options.format {
        AlignFormat::Xlsx => Checker::new(&lexicon, &agreed)
            .with_forbidden(&rejected)
            .check(&pair),
        _ => Vec::new(),
    };
    let written = write_alignment(&options, &source.name, pair, &flags, &mut out);
    written.map_err(|e| out.error(e))?;
    out.flush().map_err(|e| out.error(e))?;
    out.finish()?;
    Ok(ExitCode::SUCCESS)
}

fn write_options(args: &AlignArgs, config: &Config) -> padan::Result<WriteOptions> {
    let format = format_of(
        args.format,
        args.output.as_deref(),
        AlignFormat::from_path,
        AlignFormat::Tsv,
    )?;
    Ok(WriteOptions {
        format,
        excel: args.excel,
        keep_unaligned: args.keep_unaligned,
        languages: (config.source_lang.clone(), config.target_lang.clone()),
    })
}

/// `padan align --jsonl-in`: one record in, one line out, one record held at a time.
fn run_stream(args: &AlignArgs, config: &Config, stream: &str) -> padan::Result<ExitCode> {
    let Glossaries { lexicon, .. } = load_glossaries(config, &args.options.glossary)?;
    let name = display_name(stream);
    let mut inputs: Vec<&str> = vec![stream];
    inputs.extend(args.options.glossary.iter().map(String::as_str));
    let mut reader = open_lines(stream)?;
    let mut out = Output::create(args.output.as_deref(), &inputs)?;
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
        if line_no == 1 && line.starts_with("\u{feff}".as_bytes()) {
            line.drain(..3);
        }
        if line.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        records += 1;
        let at = format!("{name}:{line_no}");
        let (id, input) = read_record(&line);
        let aligned = input.and_then(|input| {
            let (source, target, mut warnings) = match input {
                RecordInput::Texts(source, target) => config.read_record(&at, source, target)?,
                RecordInput::Files(source, target) => {
                    let (source, target) =
                        load_pair_files(config, &source, &target).map_err(|e| e.to_string())?;
                    (source, target, Vec::new())
                }
            };
            let (beads, aligned) = config
                .align(&lexicon, &source, &target)
                .map_err(|e| e.to_string())?;
            warnings.extend(aligned);
            warn(warnings);
            Ok((source, target, beads))
        });
        let written = match aligned {
            Ok((source, target, beads)) => {
                let pair = AlignedPair {
                    source: source.side(),
                    target: target.side(),
                    beads: &beads,
                };
                write_record(&id, &pair, &mut out)
            }
            Err(message) => {
                failed += 1;
                eprintln!("padan: {at}: {message}");
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
        if !args.exit_zero {
            return Ok(ExitCode::from(1));
        }
    }
    Ok(ExitCode::SUCCESS)
}
