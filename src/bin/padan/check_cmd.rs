//! `padan check`: align each pair, then flag terms, numbers, names, omissions and lengths.

use std::collections::BTreeMap;
use std::io::Write;
use std::process::ExitCode;

use padan::align::Aligner;
use padan::check::{Check, Checker, Severity};
use padan::export::report::{self, ReportRow};
use padan::export::{xlsx, AlignedPair};
use padan::Lang;

use crate::cli::{CheckConfig, FailOn, ReportFormat};
use crate::input::{check_pair, load_glossaries, Glossaries, LoadedSide};
use crate::io::{refuse_binary_to_terminal, Output};

pub fn run(config: CheckConfig) -> padan::Result<ExitCode> {
    if config.format == ReportFormat::Xlsx {
        refuse_binary_to_terminal(config.output.as_deref(), "xlsx")?;
    }
    let Glossaries {
        lexicon,
        agreed: terms,
    } = load_glossaries(
        &config.glossaries,
        config.seed_glossary,
        config.read.encoding,
    )?;
    let mut loaded = Vec::with_capacity(config.pairs.len());
    for (source, target) in &config.pairs {
        let source = LoadedSide::load(source, Lang::Id, config.read)?;
        let target = LoadedSide::load(target, Lang::En, config.read)?;
        check_pair(&source, &target, config.force)?;
        let beads = Aligner::new(&lexicon).align(&source.inputs(), &target.inputs());
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
    let flags = Checker::new(&lexicon, &terms).check_corpus(&pairs);
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

    let mut inputs: Vec<&str> = config
        .pairs
        .iter()
        .flat_map(|(s, t)| [s.as_str(), t.as_str()])
        .collect();
    inputs.extend(config.glossaries.iter().map(String::as_str));
    let mut out = Output::create(config.output.as_deref(), &inputs)?;
    let written = match config.format {
        ReportFormat::Tsv => report::write_tsv(&rows, &mut out),
        ReportFormat::Csv => report::write_csv(&rows, config.excel, &mut out),
        ReportFormat::Xlsx => xlsx::write_report(&rows, &mut out),
    };
    written.map_err(|e| out.error(e))?;
    out.flush().map_err(|e| out.error(e))?;
    out.finish()?;

    let beads: usize = pairs.iter().map(|p| p.beads.len()).sum();
    eprintln!("padan check: {}", summary(&rows, pairs.len(), beads));
    let worst = rows.iter().map(|r| r.flag.severity).min();
    let failed = match config.fail_on {
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

/// `2 pairs, 51 beads: 3 errors (number-mismatch 1, omission 1, term-missing 1), 1 warning
/// (name-one-side 1)`.
fn summary(rows: &[ReportRow], pairs: usize, beads: usize) -> String {
    let mut parts = Vec::new();
    for severity in [Severity::Error, Severity::Warning] {
        let mut by_check: BTreeMap<Check, usize> = BTreeMap::new();
        for row in rows.iter().filter(|r| r.flag.severity == severity) {
            *by_check.entry(row.flag.check).or_default() += 1;
        }
        let total: usize = by_check.values().sum();
        let plural = if total == 1 { "" } else { "s" };
        let mut part = format!("{total} {severity}{plural}");
        if total > 0 {
            let detail: Vec<String> = by_check.iter().map(|(c, n)| format!("{c} {n}")).collect();
            part.push_str(&format!(" ({})", detail.join(", ")));
        }
        parts.push(part);
    }
    format!(
        "{pairs} pair{}, {beads} beads: {}",
        if pairs == 1 { "" } else { "s" },
        parts.join(", ")
    )
}
