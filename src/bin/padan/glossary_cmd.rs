//! `padan glossary`: term pairs from aligned text, merged with a reviewed glossary.

use std::io::Write;
use std::process::ExitCode;

use padan::error::Error;
use padan::export::read::aligned_rows;
use padan::export::{write_glossary, GlossaryFormat, GlossaryOptions};
use padan::glossary::extract::{Extractor, Kind};
use padan::glossary::review::merge;
use padan::glossary::Keep;
use padan::text::Encoding;

use crate::cli::{format_of, GlossaryArgs, GlossaryInput};
use crate::input::{load_glossaries, load_pair, load_table, warn};
use crate::io::{
    display_name, open_lines, read_bytes, read_text, refuse_binary_to_terminal, same_file, Output,
};

pub fn run(args: GlossaryArgs) -> padan::Result<ExitCode> {
    let config = args.options.config()?;
    let input = args.input()?;
    let kinds = args
        .kinds
        .iter()
        .map(|k| {
            Kind::parse(k).ok_or_else(|| {
                let known: Vec<&str> = Kind::ALL.iter().map(|k| k.as_str()).collect();
                Error::Usage(format!(
                    "--kinds {k:?}: there is no such kind; the kinds are {}",
                    known.join(", ")
                ))
            })
        })
        .collect::<Result<Vec<Kind>, Error>>()?;
    let keep = Keep {
        kinds,
        min_count: args.min_count,
        top: args.top,
    };
    let format = format_of(
        args.format,
        args.output.as_deref(),
        GlossaryFormat::from_path,
        GlossaryFormat::Csv,
    )?;
    if format == GlossaryFormat::Xlsx {
        refuse_binary_to_terminal(args.output.as_deref(), "xlsx")?;
    }
    let reviewed = match &args.reviewed {
        Some(path) => {
            let bom = read_bytes(path)?.starts_with("\u{feff}".as_bytes());
            Some((load_table(path, config.read.encoding)?, bom))
        }
        None => None,
    };
    // The agreed terms of the reviewed file anchor the alignment, with the seed.
    let mut lexicon = load_glossaries(&config, &args.options.glossary)?.lexicon;
    if let Some((table, _)) = &reviewed {
        let agreed = table.rows.iter().filter(|r| r.is_agreed());
        lexicon = lexicon.extended(agreed.map(|r| (r.source.as_str(), r.target.as_str())));
    }
    let mut extractor = Extractor::new(&lexicon);
    match &input {
        GlossaryInput::Pairs(pairs) => {
            for (source, target) in pairs {
                let (source, target) = load_pair(&config, source, target)?;
                let (beads, warnings) = config.align(&lexicon, &source, &target)?;
                warn(warnings);
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
            // Swapped files would give a glossary the wrong way round: refused as align does.
            warn(padan::document::check_languages(
                (&display_name(source), &s.text, config.source_lang.lang),
                (&display_name(target), &t.text, config.target_lang.lang),
                config.force,
            )?);
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
            extractor.add_texts(&lexicon, beads);
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
                extractor.add_texts(&lexicon, rows.iter().map(|(s, t)| (s.as_str(), t.as_str())));
            }
        }
    }
    let mut inputs: Vec<&str> = input.files();
    // The reviewed file may be the output: it is read whole above, and what is written holds
    // every row of it, so `--reviewed g.csv -o g.csv` updates it in place.
    inputs.extend(args.options.glossary.iter().map(String::as_str));
    if let Some(path) = &args.counts_out {
        let mut out = Output::create(Some(path), &inputs)?;
        extractor
            .write_counts(&mut out)
            .and_then(|()| out.flush())
            .map_err(|e| out.error(e))?;
        out.finish()?;
        return Ok(ExitCode::SUCCESS);
    }
    let pruned_below = extractor.pruned_below();
    let entries = keep.apply(extractor.finish());
    if pruned_below > 0 {
        eprintln!(
            "padan: note: the corpus is large; to bound memory, pairs seen fewer than \
             {pruned_below} times were dropped as counting went (their counts are lower bounds)"
        );
    }
    let sheet = merge(&entries, reviewed.as_ref().map(|(table, _)| table));
    let in_place = match (&args.reviewed, &args.output, &reviewed) {
        (Some(r), Some(o), Some((table, bom))) if same_file(r, o) && table.delimiter != 0 => {
            Some((*bom, table.delimiter))
        }
        _ => None,
    };
    let mut out = Output::create(args.output.as_deref(), &inputs)?;
    let options = GlossaryOptions {
        format,
        languages: (config.source_lang.clone(), config.target_lang.clone()),
        // A reviewed CSV updated in place keeps its flavour.
        excel: args.excel || in_place.is_some_and(|(bom, _)| bom),
        delimiter: in_place.map_or(b',', |(_, delimiter)| delimiter),
        all: args.all,
    };
    let written = write_glossary(&options, &sheet, &mut out);
    written.map_err(|e| out.error(e))?;
    out.flush().map_err(|e| out.error(e))?;
    out.finish()?;
    Ok(ExitCode::SUCCESS)
}
