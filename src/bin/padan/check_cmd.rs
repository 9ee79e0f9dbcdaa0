//! `padan check`: align each pair, then flag terms, numbers, names, omissions and lengths.

use std::io::Write;
use std::process::ExitCode;

use padan::check::{checklist, summary, Checker, Selection, Severity};
use padan::document::AlignedPair;
use padan::error::Error;
use padan::export::report::{self, ReportFormat, ReportRow};
use padan::lexicon::Glossaries;

use crate::cli::{format_of, pairs, CheckArgs, FailOn};
use crate::input::{load_glossaries, load_pair, warn};
use crate::io::{display_name, read_text, refuse_binary_to_terminal, Output};

pub fn run(args: CheckArgs) -> padan::Result<ExitCode> {
    let config = args.options.config()?;
    let files = pairs("check", &args.files)?;
    let format = format_of(
        args.format,
        args.output.as_deref(),
        ReportFormat::from_path,
        ReportFormat::Tsv,
    )?;
    if format == ReportFormat::Xlsx {
        refuse_binary_to_terminal(args.output.as_deref(), "xlsx")?;
    }
    let selection = Selection::new(&args.only, &args.skip).map_err(Error::Usage)?;
    let checklist = match &args.checklist {
        Some(path) => {
            let text = read_text(path, config.read.encoding)?;
            checklist::parse(&text.text, &display_name(path))?
        }
        None => Vec::new(),
    };
    let Glossaries {
        lexicon,
        agreed,
        rejected,
    } = load_glossaries(&config, &args.options.glossary)?;
    let mut loaded = Vec::with_capacity(files.len());
    for (source, target) in &files {
        let (source, target) = load_pair(&config, source, target)?;
        let (beads, warnings) = config.align(&lexicon, &source, &target)?;
        warn(warnings);
        loaded.push((source, target, beads));
    }
    let pairs: Vec<AlignedPair> = loaded
        .iter()
        .map(|(s, t, beads)| AlignedPair {
            source: s.side(),
            target: t.side(),
            beads,
        })
        .collect();
    let flags = Checker::new(&lexicon, &agreed)
        .with_forbidden(&rejected)
        .with_checklist(checklist)
        .with_selection(selection)
        .check_corpus(&pairs);
    let rows: Vec<ReportRow> = pairs
        .iter()
        .zip(&flags)
        .flat_map(|(pair, flags)| {
            flags.iter().map(move |flag| ReportRow {
                document: pair.source.name,
                pair,
                flag,
            })
        })
        .collect();

    let mut inputs: Vec<&str> = files
        .iter()
        .flat_map(|(s, t)| [s.as_str(), t.as_str()])
        .collect();
    inputs.extend(args.options.glossary.iter().map(String::as_str));
    inputs.extend(args.checklist.as_deref());
    let mut out = Output::create(args.output.as_deref(), &inputs)?;
    let written = report::write(format, &rows, args.excel, &mut out);
    written.map_err(|e| out.error(e))?;
    out.flush().map_err(|e| out.error(e))?;
    out.finish()?;

    let beads: usize = pairs.iter().map(|p| p.beads.len()).sum();
    let all: Vec<_> = rows.iter().map(|r| r.flag).collect();
    eprintln!("padan check: {}", summary(&all, pairs.len(), beads));
    let worst = all.iter().map(|f| f.severity).min();
    let failed = match args.fail_on {
        FailOn::Never => false,
        FailOn::Error => worst == Some(Severity::Error),
        FailOn::Warning => worst.is_some(),
    };
    Ok(if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}
