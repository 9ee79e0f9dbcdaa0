//! `padan glossary`: term pairs from aligned text, merged with a reviewed glossary.

use std::io::Write;
use std::process::ExitCode;

use padan::align::Aligner;
use padan::align::Lexicon;
use padan::error::Error;
use padan::glossary::extract::{Extractor, PreparedBead};
use padan::glossary::read::{read_table, Table};
use padan::glossary::review::{anchors, merge, write_csv};
use padan::text::Encoding;
use rayon::prelude::*;

use crate::cli::{GlossaryConfig, GlossaryFormat, GlossaryInput};
use crate::input::{check_pair, lexicon, warn_duplicates, LoadedSide};
use crate::io::{display_name, open_lines, read_text, refuse_binary_to_terminal, Output};

pub fn run(config: GlossaryConfig) -> padan::Result<ExitCode> {
    if matches!(config.format, GlossaryFormat::Xlsx) {
        refuse_binary_to_terminal(config.output.as_deref(), "xlsx")?;
    }
    let reviewed: Option<Table> = match &config.reviewed {
        Some(path) => {
            let text = read_text(path, config.read.encoding)?;
            let table = read_table(&text.text, &display_name(path))?;
            warn_duplicates(&table, path);
            Some(table)
        }
        None => None,
    };
    // Approved and added terms of the reviewed file anchor the alignment, with the seed.
    let mut lexicon = lexicon(
        &config.glossaries,
        config.seed_glossary,
        config.read.encoding,
    )?;
    if let Some(table) = &reviewed {
        let pairs = anchors(table);
        lexicon = lexicon.extended(pairs.iter().map(|(s, t)| (s.as_str(), t.as_str())));
    }
    let mut extractor = Extractor::new(&lexicon);
    match &config.input {
        GlossaryInput::Pairs(files) => {
            for pair in files.chunks(2) {
                let source = LoadedSide::load(&pair[0], padan::Lang::Id, config.read)?;
                let target = LoadedSide::load(&pair[1], padan::Lang::En, config.read)?;
                check_pair(&source, &target, config.force)?;
                let beads = Aligner::new(&lexicon).align(&source.inputs(), &target.inputs());
                let (s, t) = (source.side(), target.side());
                for bead in beads
                    .iter()
                    .filter(|b| !b.source.is_empty() && !b.target.is_empty())
                {
                    extractor.add(&s.joined(&bead.source), &t.joined(&bead.target));
                }
            }
        }
        GlossaryInput::Parallel(source, target) => {
            let s = read_text(source, config.read.encoding)?;
            let t = read_text(target, config.read.encoding)?;
            let (s_lines, t_lines): (Vec<&str>, Vec<&str>) =
                (s.text.lines().collect(), t.text.lines().collect());
            if s_lines.len() != t_lines.len() {
                return Err(Error::Usage(format!(
                    "{} has {} lines and {} has {}: --parallel needs line n of one to translate \
                     line n of the other; align them first with padan align",
                    display_name(source),
                    s_lines.len(),
                    display_name(target),
                    t_lines.len()
                )));
            }
            let beads = s_lines
                .iter()
                .zip(&t_lines)
                .filter(|(a, b)| !a.trim().is_empty() && !b.trim().is_empty())
                .map(|(a, b)| (*a, *b));
            count(&mut extractor, &lexicon, beads);
        }
        GlossaryInput::Counts(files) => {
            for file in files {
                extractor.merge_counts(open_lines(file)?, &display_name(file))?;
            }
        }
        GlossaryInput::Aligned(files) => {
            for file in files {
                // An empty aligned file is no error: a shard of a cluster run may hold nothing.
                let text = match read_text(file, Encoding::Auto) {
                    Err(Error::Empty { .. }) => continue,
                    other => other?,
                };
                let rows = aligned_rows(&text.text, &display_name(file))?;
                count(
                    &mut extractor,
                    &lexicon,
                    rows.iter().map(|(s, t)| (s.as_str(), t.as_str())),
                );
            }
        }
    }
    let mut inputs: Vec<&str> = config.input.files();
    inputs.extend(config.reviewed.iter().map(String::as_str));
    inputs.extend(config.glossaries.iter().map(String::as_str));
    if let Some(path) = &config.counts_out {
        let mut out = Output::create(Some(path), &inputs)?;
        extractor
            .write_counts(&mut out)
            .and_then(|()| out.flush())
            .map_err(|e| out.error(e))?;
        out.finish()?;
        return Ok(ExitCode::SUCCESS);
    }
    let pruned_below = extractor.pruned_below();
    let entries = extractor.finish();
    if pruned_below > 0 {
        eprintln!(
            "padan: note: the corpus is large; to bound memory, pairs seen fewer than \
             {pruned_below} times were dropped as counting went (their counts are lower bounds)"
        );
    }
    let sheet = merge(&entries, reviewed.as_ref());
    let mut out = Output::create(config.output.as_deref(), &inputs)?;
    let written = match config.format {
        GlossaryFormat::Csv => write_csv(&sheet, &mut out),
        GlossaryFormat::Xlsx => padan::export::xlsx::write_glossary(&sheet, &mut out),
        GlossaryFormat::Tbx => padan::export::termbase::write_tbx(
            &sheet,
            padan::Lang::Id.locale(),
            padan::Lang::En.locale(),
            &mut out,
        ),
        GlossaryFormat::Omegat => padan::export::termbase::write_omegat(&sheet, &mut out),
    };
    written.map_err(|e| out.error(e))?;
    out.flush().map_err(|e| out.error(e))?;
    out.finish()?;
    Ok(ExitCode::SUCCESS)
}

/// Counts beads in order, tokenizing and stemming them in parallel a chunk at a time; while one
/// chunk is counted (which must happen in order, on one thread), the next is prepared.
fn count<'t>(
    extractor: &mut Extractor,
    lexicon: &Lexicon,
    beads: impl Iterator<Item = (&'t str, &'t str)>,
) {
    const CHUNK: usize = 2048;
    let prepare = |chunk: &[(&str, &str)]| -> Vec<PreparedBead> {
        chunk
            .par_iter()
            .map(|(s, t)| PreparedBead::new(lexicon, s, t))
            .collect()
    };
    let add = |extractor: &mut Extractor, prepared: Vec<PreparedBead>| extractor.add_all(prepared);
    let mut beads = beads.peekable();
    let mut pending: Vec<PreparedBead> = Vec::new();
    while beads.peek().is_some() {
        let chunk: Vec<(&str, &str)> = beads.by_ref().take(CHUNK).collect();
        let (prepared, ()) = rayon::join(
            || prepare(&chunk),
            || add(extractor, std::mem::take(&mut pending)),
        );
        pending = prepared;
    }
    add(extractor, pending);
}

/// The (source, target) texts of padan's own aligned output: `--format jsonl` or `tsv`.
fn aligned_rows(text: &str, file: &str) -> Result<Vec<(String, String)>, Error> {
    let mut rows = Vec::new();
    let first = text.lines().next().unwrap_or("");
    if first.trim_start().starts_with('{') {
        for (n, line) in text
            .lines()
            .enumerate()
            .filter(|(_, l)| !l.trim().is_empty())
        {
            let value: serde_json::Value = serde_json::from_str(line).map_err(|e| {
                Error::malformed(
                    file,
                    n + 1,
                    format!("not a JSON object ({e}); give padan align --format jsonl output"),
                )
            })?;
            let texts = |bead: &serde_json::Value| {
                let field = |name: &str| {
                    bead.get(name)
                        .and_then(|v| v.as_str())
                        .unwrap_or("")
                        .to_owned()
                };
                (field("source_text"), field("target_text"))
            };
            // A record of padan align --jsonl-in holds its beads (or an error: no beads).
            match value.get("beads").and_then(|b| b.as_array()) {
                Some(beads) => rows.extend(beads.iter().map(texts)),
                None => rows.push(texts(&value)),
            }
        }
    } else if first.starts_with("bead\tsource_ids\ttarget_ids\tconfidence\tsource\ttarget") {
        for (n, line) in text
            .lines()
            .enumerate()
            .skip(1)
            .filter(|(_, l)| !l.trim().is_empty())
        {
            let fields: Vec<&str> = line.split('\t').collect();
            if fields.len() != 6 {
                return Err(Error::malformed(
                    file,
                    n + 1,
                    format!("expected 6 tab-separated columns, found {}; give padan align --format tsv output", fields.len()),
                ));
            }
            rows.push((fields[4].to_owned(), fields[5].to_owned()));
        }
    } else {
        return Err(Error::malformed(
            file,
            1,
            "not padan's aligned output: give the output of padan align --format tsv or --format jsonl",
        ));
    }
    Ok(rows
        .into_iter()
        .filter(|(s, t)| !s.trim().is_empty() && !t.trim().is_empty())
        .collect())
}
