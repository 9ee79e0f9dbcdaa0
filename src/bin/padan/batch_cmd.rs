//! `padan batch`: many pairs, aligned in parallel, one output each, a corpus glossary and a
//! summary; a failing pair is reported and the run goes on.

use std::fs;
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::atomic::{AtomicUsize, Ordering};

use indicatif::{ProgressBar, ProgressStyle};
use rayon::prelude::*;

use padan::align::{Aligner, Bead, Lexicon};
use padan::check::{Checker, Flag};
use padan::error::{Error, Location};
use padan::export::xlsx::{self, Document};
use padan::export::AlignedPair;
use padan::glossary::extract::{Extractor, PreparedBead};
use padan::glossary::read::read_table;
use padan::glossary::review::{merge, write_csv};
use padan::Lang;

use crate::align_cmd::{write_pair, FormatOptions};
use crate::cli::{AlignFormat, BatchConfig, PairSource};
use crate::input::{check_pair, load_glossaries, Glossaries, LoadedSide};
use crate::io::{display_name, read_bytes, read_text, Output};
use crate::resume;

/// Pairs per worker aligned together before their outputs are written: bounds memory by the
/// chunk, and an interrupted run loses at most one chunk of work.
const CHUNK_PER_JOB: usize = 16;

/// One pair of the batch.
struct Job {
    name: String,
    source: PathBuf,
    target: PathBuf,
}

/// A pair aligned, or why not.
type AlignResult = Result<Aligned, Error>;

/// A pair that failed, by name, and why.
type Failure = (String, String);

/// A pair aligned.
struct Aligned {
    source: LoadedSide,
    target: LoadedSide,
    beads: Vec<Bead>,
    flags: Vec<Flag>,
    /// Fingerprints of what made the beads, for `--resume`.
    stamp: (String, String),
    /// The beads were read back from a previous run's record (`--resume`).
    resumed: bool,
    /// The linked beads, ready for the corpus glossary's counts.
    prepared: Vec<PreparedBead>,
}

/// What every job of the run shares.
struct Context<'a> {
    config: &'a BatchConfig,
    lexicon: &'a Lexicon,
    checker: &'a Checker<'a>,
    out_dir: &'a Path,
    /// Fingerprint of the settings, glossaries and padan version.
    settings: String,
    extension: &'static str,
    progress: Option<Progress>,
}

/// The progress bar on stderr: pairs done, sentences per second, time left.
struct Progress {
    bar: ProgressBar,
    sentences: AtomicUsize,
}

impl Progress {
    /// A bar for `pairs` pairs, when stderr is a terminal and not `quiet`.
    fn start(pairs: usize, quiet: bool) -> Option<Progress> {
        if quiet || !std::io::stderr().is_terminal() {
            return None;
        }
        let bar = ProgressBar::new(pairs as u64);
        let style = ProgressStyle::with_template(
            "{bar:30} {pos}/{len} pairs, {msg}, {elapsed} elapsed, about {eta} left",
        )
        .unwrap_or_else(|_| ProgressStyle::default_bar());
        bar.set_style(style);
        Some(Progress {
            bar,
            sentences: AtomicUsize::new(0),
        })
    }

    fn pair_done(&self, sentences: usize) {
        let total = self.sentences.fetch_add(sentences, Ordering::Relaxed) + sentences;
        let seconds = self.bar.elapsed().as_secs_f64().max(1e-3);
        self.bar
            .set_message(format!("{:.0} sentences/s", total as f64 / seconds));
        self.bar.inc(1);
    }
}

impl Aligned {
    fn pair(&self) -> AlignedPair<'_> {
        AlignedPair {
            source: self.source.side(),
            target: self.target.side(),
            beads: &self.beads,
        }
    }
}

pub fn run(config: BatchConfig) -> padan::Result<ExitCode> {
    let (jobs, mut failures) = match &config.pairs {
        PairSource::Manifest(path) => (manifest(path, config.read.encoding)?, Vec::new()),
        PairSource::Folders(s, t) => folders(Path::new(s), Path::new(t))?,
    };
    let out_dir = PathBuf::from(&config.out_dir);
    fs::create_dir_all(&out_dir).map_err(|source| Error::Io {
        at: Location::file(&config.out_dir),
        action: "create",
        source,
    })?;
    let Glossaries {
        lexicon,
        agreed: terms,
    } = load_glossaries(
        &config.glossaries,
        config.seed_glossary,
        config.read.encoding,
    )?;
    let checker = Checker::new(&lexicon, &terms);
    if config.resume {
        resume::remove_leftovers(&out_dir);
    }
    let options = FormatOptions {
        format: config.format,
        excel: false,
        keep_unaligned: false,
        languages: (Lang::Id, Lang::En),
    };
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(config.jobs)
        .build()
        .map_err(|e| Error::Usage(format!("cannot start {} worker threads: {e}", config.jobs)))?;

    let context = Context {
        config: &config,
        lexicon: &lexicon,
        checker: &checker,
        out_dir: &out_dir,
        settings: settings(&config)?,
        extension: options.extension(),
        progress: Progress::start(jobs.len(), config.quiet),
    };
    let mut collector = Collector {
        context: &context,
        pool: &pool,
        options: &options,
        extractor: config.glossary_out.then(|| Extractor::new(&lexicon)),
        summary: vec![SUMMARY_HEADER.to_owned()],
        corpus: Vec::new(),
        failures: Vec::new(),
        resumed: 0,
    };
    // While one chunk's outputs are written and counted (in job order, on one thread), the
    // workers align the next: the serial part no longer leaves the cores idle.
    let mut pending: Option<(&[Job], Vec<AlignResult>)> = None;
    for chunk in jobs.chunks(CHUNK_PER_JOB * config.jobs) {
        let previous = pending.take();
        let results = std::thread::scope(|scope| {
            let collecting = previous.map(|(jobs, results)| {
                let collector = &mut collector;
                scope.spawn(move || collector.collect(jobs, results))
            });
            let results: Vec<Result<Aligned, Error>> = pool.install(|| {
                chunk
                    .par_iter()
                    .map(|job| {
                        let result = align_job(job, &context);
                        if let Some(progress) = &context.progress {
                            // A failed pair is done too, with no sentences.
                            let sentences = result
                                .as_ref()
                                .map_or(0, |a| a.source.segments.len() + a.target.segments.len());
                            progress.pair_done(sentences);
                        }
                        result
                    })
                    .collect()
            });
            if let Some(handle) = collecting {
                handle
                    .join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
            }
            results
        });
        pending = Some((chunk, results));
    }
    if let Some((jobs, results)) = pending {
        collector.collect(jobs, results);
    }
    let Collector {
        extractor,
        mut summary,
        corpus,
        failures: collected,
        resumed,
        ..
    } = collector;
    failures.extend(collected);
    if let Some(progress) = &context.progress {
        progress.bar.finish_and_clear();
    }
    for (name, reason) in &failures {
        summary.push(format!(
            "{name}\tfailed\t\t\t\t\t\t\t\t{}",
            reason.replace(['\t', '\n'], " ")
        ));
        eprintln!("padan: batch: {name} failed: {reason}");
    }

    let written = |name: &str, f: &mut dyn FnMut(&mut Output) -> std::io::Result<()>| {
        let path = out_dir.join(name).to_string_lossy().into_owned();
        let mut out = Output::create(Some(&path), &[])?;
        f(&mut out)
            .and_then(|()| out.flush())
            .map_err(|e| out.error(e))?;
        out.finish()
    };
    if let Some(extractor) = extractor {
        let entries = pool.install(|| extractor.finish());
        let sheet = merge(&entries, None);
        written("glossary.csv", &mut |out| write_csv(&sheet, out))?;
    }
    written("summary.tsv", &mut |out| {
        summary.iter().try_for_each(|line| writeln!(out, "{line}"))
    })?;
    if matches!(config.format, AlignFormat::Xlsx) {
        let documents: Vec<Document> = corpus
            .iter()
            .map(|(name, aligned)| Document {
                name,
                pair: aligned.pair(),
                flags: &aligned.flags,
            })
            .collect();
        written("corpus.xlsx", &mut |out| {
            xlsx::write_alignment(&documents, options.languages, out)
        })?;
    }
    let done = summary.len() - 1 - failures.len();
    if !config.quiet {
        let resumed = if resumed > 0 {
            format!(" ({resumed} kept from a previous run)")
        } else {
            String::new()
        };
        eprintln!(
            "padan batch: {done} pair(s) aligned{resumed}, {} failed; outputs, {}summary.tsv in {}",
            failures.len(),
            if config.glossary_out {
                "glossary.csv and "
            } else {
                ""
            },
            config.out_dir
        );
    }
    Ok(if failures.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

/// What the run keeps of each finished pair: its output, its counts, its summary line.
struct Collector<'a> {
    context: &'a Context<'a>,
    pool: &'a rayon::ThreadPool,
    options: &'a FormatOptions,
    extractor: Option<Extractor<'a>>,
    summary: Vec<String>,
    corpus: Vec<(String, Aligned)>,
    failures: Vec<Failure>,
    resumed: usize,
}

impl Collector<'_> {
    /// Writes the outputs of a chunk of pairs and counts them, in job order, whatever
    /// finished first: the same bytes for any --jobs.
    fn collect(&mut self, jobs: &[Job], results: Vec<Result<Aligned, Error>>) {
        // The chunk's beads are counted together, so counting itself runs on every core.
        let mut prepared = Vec::new();
        for (job, result) in jobs.iter().zip(results) {
            match result.and_then(|aligned| self.write(job, aligned)) {
                Ok(mut aligned) => {
                    prepared.append(&mut aligned.prepared);
                    self.summary.push(summary_line(&job.name, &aligned));
                    if matches!(self.context.config.format, AlignFormat::Xlsx) {
                        self.corpus.push((job.name.clone(), aligned));
                    }
                }
                Err(e) => self.failures.push((job.name.clone(), e.to_string())),
            }
        }
        if let Some(extractor) = &mut self.extractor {
            // On the run's pool: --jobs bounds every thread padan uses.
            self.pool.install(|| extractor.add_all(prepared));
        }
    }

    /// Writes a pair's output, then its record for --resume (a kept pair has both).
    fn write(&mut self, job: &Job, aligned: Aligned) -> Result<Aligned, Error> {
        if aligned.resumed {
            self.resumed += 1;
            return Ok(aligned);
        }
        let output_name = format!("{}.{}", job.name, self.options.extension());
        let out_dir = self.context.out_dir;
        let path = out_dir.join(&output_name).to_string_lossy().into_owned();
        let inputs = [
            job.source.to_string_lossy().into_owned(),
            job.target.to_string_lossy().into_owned(),
        ];
        let inputs: Vec<&str> = inputs.iter().map(String::as_str).collect();
        let mut out = Output::create(Some(&path), &inputs)?;
        write_pair(
            self.options,
            &job.name,
            aligned.pair(),
            &aligned.flags,
            &mut out,
        )
        .and_then(|()| out.flush())
        .map_err(|e| out.error(e))?;
        out.finish()?;
        // Only once the output is in place: a record means a complete output.
        let stamp = resume::Stamp {
            settings: &self.context.settings,
            source: aligned.stamp.0.clone(),
            target: aligned.stamp.1.clone(),
            output: &output_name,
        };
        resume::write(out_dir, &job.name, &stamp, &aligned.beads)?;
        Ok(aligned)
    }
}

const SUMMARY_HEADER: &str = "pair\tstatus\tsource_segments\ttarget_segments\tbeads\tbeads_1_1\tbeads_merged\tbeads_unaligned\tlow_confidence\treason";

fn summary_line(name: &str, aligned: &Aligned) -> String {
    let beads = &aligned.beads;
    let count = |f: &dyn Fn(&Bead) -> bool| beads.iter().filter(|b| f(b)).count();
    format!(
        "{name}\tok\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t",
        aligned.source.segments.len(),
        aligned.target.segments.len(),
        beads.len(),
        count(&|b| b.source.len() == 1 && b.target.len() == 1),
        count(&|b| b.source.len() + b.target.len() > 2
            && !b.source.is_empty()
            && !b.target.is_empty()),
        count(&|b| b.source.is_empty() || b.target.is_empty()),
        count(&|b| b.confidence < xlsx::LOW_CONFIDENCE),
    )
}

fn align_job(job: &Job, context: &Context) -> Result<Aligned, Error> {
    let config = context.config;
    let load = |path: &Path, lang| -> Result<(LoadedSide, String), Error> {
        let path = path.to_string_lossy();
        let bytes = read_bytes(&path)?;
        let side = LoadedSide::from_bytes(&path, &bytes, lang, config.read)?;
        Ok((side, resume::fingerprint(&bytes)))
    };
    let (source, source_stamp) = load(&job.source, Lang::Id)?;
    let (target, target_stamp) = load(&job.target, Lang::En)?;
    check_pair(&source, &target, config.force)?;
    let output_name = format!("{}.{}", job.name, context.extension);
    let stamp = resume::Stamp {
        settings: &context.settings,
        source: source_stamp,
        target: target_stamp,
        output: &output_name,
    };
    let segments = (source.segments.len(), target.segments.len());
    let kept = config
        .resume
        .then(|| resume::read(context.out_dir, &job.name, &stamp, segments))
        .flatten();
    let resumed = kept.is_some();
    let beads = match kept {
        Some(beads) => beads,
        None => Aligner::new(context.lexicon).align(&source.inputs(), &target.inputs()),
    };
    let mut aligned = Aligned {
        source,
        target,
        beads,
        flags: Vec::new(),
        stamp: (stamp.source, stamp.target),
        resumed,
        prepared: Vec::new(),
    };
    if matches!(config.format, AlignFormat::Xlsx) {
        aligned.flags = context.checker.check(&aligned.pair());
    }
    // Tokenizing and stemming for the glossary happen here, on the worker; only the counting
    // is left for the thread that writes the outputs in order.
    let pair = aligned.pair();
    let prepared = if !config.glossary_out {
        Vec::new()
    } else {
        pair.beads
            .iter()
            .filter(|b| !b.source.is_empty() && !b.target.is_empty())
            .map(|b| {
                PreparedBead::new(
                    context.lexicon,
                    &pair.source.joined(&b.source),
                    &pair.target.joined(&b.target),
                )
            })
            .collect()
    };
    aligned.prepared = prepared;
    Ok(aligned)
}

/// The fingerprint of everything besides the two texts that shapes a pair's output.
fn settings(config: &BatchConfig) -> Result<String, Error> {
    let mut text = format!(
        "padan {}; format {:?}; presegmented {}; max_chars {}; encoding {:?}; force {}; seed {}",
        env!("CARGO_PKG_VERSION"),
        config.format,
        config.read.presegmented,
        config.read.max_chars,
        config.read.encoding,
        config.force,
        config.seed_glossary,
    );
    for glossary in &config.glossaries {
        text.push_str(&format!(
            "; glossary {}",
            resume::fingerprint(&read_bytes(glossary)?)
        ));
    }
    Ok(resume::fingerprint(text.as_bytes()))
}

/// A pair's name from a file name: its stem, with characters unsafe in file names replaced.
fn pair_name(path: &Path) -> String {
    path.file_stem()
        .map(|s| s.to_string_lossy().replace(['/', '\\', ':'], "_"))
        .unwrap_or_else(|| "pair".to_owned())
}

/// Reads a manifest: `source,target[,name]` with a header; paths relative to the manifest.
fn manifest(path: &str, encoding: padan::text::Encoding) -> Result<Vec<Job>, Error> {
    let name = display_name(path);
    let text = read_text(path, encoding)?;
    let table = read_table(&text.text, &name)?;
    let base = Path::new(path).parent().unwrap_or(Path::new(""));
    let mut jobs: Vec<Job> = Vec::new();
    for row in &table.rows {
        if row.source.is_empty() || row.target.is_empty() {
            return Err(Error::malformed(
                &name,
                row.line,
                "a pair needs both a source and a target path (columns source,target[,name])",
            ));
        }
        let source = base.join(&row.source);
        let job_name = row
            .get("name")
            .filter(|n| !n.trim().is_empty())
            .map(|n| n.trim().replace(['/', '\\', ':'], "_"))
            .unwrap_or_else(|| pair_name(&source));
        if jobs.iter().any(|j| j.name == job_name) {
            return Err(Error::malformed(
                &name,
                row.line,
                format!("the pair name {job_name:?} is used twice; give each row its own name column value"),
            ));
        }
        jobs.push(Job {
            name: job_name,
            target: base.join(&row.target),
            source,
        });
    }
    Ok(jobs)
}

/// Pairs the `*.txt` files of two folders by file name; a file without a partner is a failure
/// named in the summary.
fn folders(source: &Path, target: &Path) -> Result<(Vec<Job>, Vec<Failure>), Error> {
    let list = |dir: &Path| -> Result<Vec<String>, Error> {
        let entries = fs::read_dir(dir).map_err(|e| Error::Io {
            at: Location::file(dir.display().to_string()),
            action: "read",
            source: e,
        })?;
        let mut names: Vec<String> = entries
            .filter_map(|e| e.ok())
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|n| n.ends_with(".txt"))
            .collect();
        names.sort();
        Ok(names)
    };
    let (sources, targets) = (list(source)?, list(target)?);
    let mut jobs = Vec::new();
    let mut failures = Vec::new();
    for name in &sources {
        let path = source.join(name);
        if targets.contains(name) {
            jobs.push(Job {
                name: pair_name(&path),
                source: path,
                target: target.join(name),
            });
        } else {
            failures.push((
                pair_name(&path),
                format!(
                    "{} has no partner {}",
                    path.display(),
                    target.join(name).display()
                ),
            ));
        }
    }
    for name in targets.iter().filter(|n| !sources.contains(n)) {
        let path = target.join(name);
        failures.push((
            pair_name(&path),
            format!(
                "{} has no partner {}",
                path.display(),
                source.join(name).display()
            ),
        ));
    }
    Ok((jobs, failures))
}
