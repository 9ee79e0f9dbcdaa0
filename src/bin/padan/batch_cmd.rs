//! `padan batch`: many pairs, aligned in parallel, one output each, a corpus glossary and a
//! summary; a failing pair is reported and the run goes on. The rules (pair names, summary
//! lines, resume records) are the library's `corpus`; here are the files and the threads.

use std::fs;
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::atomic::{AtomicUsize, Ordering};

use indicatif::{ProgressBar, ProgressStyle};
use rayon::prelude::*;

use padan::batch::{self, Plan};
use padan::check::{Checker, Flag};
use padan::corpus::{self, Failure, Job, Stamp};
use padan::document::{AlignedPair, Bead, Document};
use padan::error::{Error, Location};
use padan::export::xlsx;
use padan::export::{write_alignment, AlignFormat, WriteOptions};
use padan::glossary::extract::{Extractor, PreparedBead};
use padan::glossary::review::{merge, write_csv};
use padan::lexicon::Glossaries;
use padan::pipeline::Config;
use padan::Lexicon;

use crate::cli::{BatchArgs, PairSource};
use crate::input::{load_glossaries, load_source, load_table, load_target, warn};
use crate::io::{read_bytes, sweep_temporary_files, Output};

/// Pairs per worker aligned together before their outputs are written: bounds memory by the
/// chunk, and an interrupted run loses at most one chunk of work.
const CHUNK_PER_JOB: usize = 16;

/// A pair aligned, or why not.
type AlignResult = Result<Aligned, Error>;

/// A pair aligned.
struct Aligned {
    source: Document,
    target: Document,
    beads: Vec<Bead>,
    flags: Vec<Flag>,
    /// Fingerprints of what made the beads, for `--resume`.
    stamp: Stamp,
    /// The beads were read back from a previous run's record (`--resume`).
    resumed: bool,
    /// The linked beads, ready for the corpus glossary's counts.
    prepared: Vec<PreparedBead>,
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

/// What every job of the run shares.
struct Context<'a> {
    args: &'a BatchArgs,
    config: &'a Config,
    lexicon: &'a Lexicon,
    checker: &'a Checker<'a>,
    plan: Plan<'a>,
    /// Fingerprint of the settings, glossaries and padan version.
    settings: String,
    options: WriteOptions,
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

pub fn run(args: BatchArgs) -> padan::Result<ExitCode> {
    let config = args.options.config()?;
    let (jobs, mut failures) = match args.pair_source()? {
        PairSource::Manifest(path) => (manifest(&path, &config)?, Vec::new()),
        PairSource::Folders(s, t) => batch::folder_pairs(Path::new(&s), Path::new(&t))?,
    };
    if args.format == AlignFormat::Xlsx {
        // Before any work: a setting that cannot make a workbook fails now, not at the end.
        padan::export::xlsx::fits(config.read.max_chars, (0, 0)).map_err(Error::Usage)?;
    }
    if args.list_pairs {
        let mut out = Output::create(None, &[])?;
        for line in batch::pair_records(&jobs, &failures) {
            writeln!(out, "{line}").map_err(|e| out.error(e))?;
        }
        out.flush().map_err(|e| out.error(e))?;
        out.finish()?;
        return Ok(ExitCode::SUCCESS);
    }
    let out_name = args.out_dir.as_deref().unwrap_or_default();
    if out_name.trim().is_empty() {
        return Err(Error::Usage(
            "--out-dir is empty; give the folder the outputs go to".to_owned(),
        ));
    }
    let out_dir = PathBuf::from(out_name);
    let plan = Plan {
        out_dir: &out_dir,
        format: args.format,
        glossary: !args.no_glossary,
    };
    plan.check(&jobs, &named_inputs(&args))?;
    fs::create_dir_all(&out_dir).map_err(|source| Error::Io {
        at: Location::file(out_name),
        action: "create",
        source,
    })?;
    let Glossaries {
        lexicon,
        agreed,
        rejected,
    } = load_glossaries(&config, &args.options.glossary)?;
    let glossary_bytes = (args.options.glossary.iter())
        .map(|g| read_bytes(g))
        .collect::<Result<Vec<_>, _>>()?;
    let checker = Checker::new(&lexicon, &agreed).with_forbidden(&rejected);
    // What killed runs left (their owners gone); a live run's files stay.
    sweep_temporary_files(&out_dir);
    sweep_temporary_files(&out_dir.join(batch::STATE_DIR));
    let jobs_count = args.jobs();
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(jobs_count)
        .build()
        .map_err(|e| Error::Usage(format!("cannot start {jobs_count} worker threads: {e}")))?;
    let context = Context {
        args: &args,
        config: &config,
        lexicon: &lexicon,
        checker: &checker,
        plan,
        settings: batch::settings_fingerprint(&config, args.format, &glossary_bytes),
        options: WriteOptions {
            format: args.format,
            excel: false,
            keep_unaligned: false,
            languages: (config.source_lang.clone(), config.target_lang.clone()),
        },
        progress: Progress::start(jobs.len(), args.quiet),
    };
    let mut collector = Collector {
        context: &context,
        pool: &pool,
        extractor: (!args.no_glossary).then(|| Extractor::new(&lexicon)),
        summary: vec![corpus::SUMMARY_HEADER.to_owned()],
        corpus: Vec::new(),
        failures: Vec::new(),
        resumed: 0,
    };
    align_all(&jobs, &context, &pool, &mut collector);
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
        summary.push(corpus::failed_line(name, reason));
        eprintln!("padan: batch: {name} failed: {reason}");
    }
    let written = |name: &str, f: &mut dyn FnMut(&mut Output) -> std::io::Result<()>| {
        let path = out_dir.join(name).to_string_lossy().into_owned();
        let mut out = Output::create_file(&path, &[])?;
        f(&mut out)
            .and_then(|()| out.flush())
            .map_err(|e| out.error(e))?;
        out.finish()
    };
    if let Some(extractor) = extractor {
        let entries = pool.install(|| extractor.finish());
        let sheet = merge(&entries, None);
        written("glossary.csv", &mut |out| {
            write_csv(&sheet, false, b',', out)
        })?;
    }
    written("summary.tsv", &mut |out| {
        summary.iter().try_for_each(|line| writeln!(out, "{line}"))
    })?;
    if args.format == AlignFormat::Xlsx {
        let documents: Vec<xlsx::AlignedDocument> = corpus
            .iter()
            .map(|(name, aligned)| xlsx::AlignedDocument {
                name,
                pair: aligned.pair(),
                flags: &aligned.flags,
            })
            .collect();
        written("corpus.xlsx", &mut |out| {
            xlsx::write_alignment(&documents, &context.options.languages, out)
        })?;
    }
    if !args.quiet {
        let done = summary.len() - 1 - failures.len();
        let resumed = if resumed > 0 {
            format!(" ({resumed} kept from a previous run)")
        } else {
            String::new()
        };
        let glossary = if args.no_glossary {
            ""
        } else {
            "glossary.csv and "
        };
        eprintln!(
            "padan batch: {done} pair(s) aligned{resumed}, {} failed; outputs, {glossary}summary.tsv in {}",
            failures.len(),
            out_name
        );
    }
    Ok(if failures.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

/// Aligns every job, a chunk at a time. While one chunk's outputs are written and counted (in
/// job order, on one thread), the workers align the next: the serial part no longer leaves the
/// cores idle.
fn align_all(jobs: &[Job], context: &Context, pool: &rayon::ThreadPool, collector: &mut Collector) {
    let mut pending: Option<(&[Job], Vec<AlignResult>)> = None;
    for chunk in jobs.chunks(CHUNK_PER_JOB * pool.current_num_threads()) {
        let previous = pending.take();
        let results = std::thread::scope(|scope| {
            let collecting = previous.map(|(jobs, results)| {
                let collector = &mut *collector;
                scope.spawn(move || collector.collect(jobs, results))
            });
            let results: Vec<AlignResult> = pool.install(|| {
                chunk
                    .par_iter()
                    .map(|job| {
                        let result = align_job(job, context);
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
}

/// What the run keeps of each finished pair: its output, its counts, its summary line.
struct Collector<'a> {
    context: &'a Context<'a>,
    pool: &'a rayon::ThreadPool,
    extractor: Option<Extractor<'a>>,
    summary: Vec<String>,
    corpus: Vec<(String, Aligned)>,
    failures: Vec<Failure>,
    resumed: usize,
}

impl Collector<'_> {
    /// Writes the outputs of a chunk of pairs and counts them, in job order, whatever
    /// finished first: the same bytes for any --jobs.
    fn collect(&mut self, jobs: &[Job], results: Vec<AlignResult>) {
        // The chunk's beads are counted together, so counting itself runs on every core.
        let mut prepared = Vec::new();
        for (job, result) in jobs.iter().zip(results) {
            match result.and_then(|aligned| self.write(job, aligned)) {
                Ok(mut aligned) => {
                    prepared.append(&mut aligned.prepared);
                    let segments = (aligned.source.segments.len(), aligned.target.segments.len());
                    self.summary
                        .push(corpus::summary_line(&job.name, segments, &aligned.beads));
                    if self.context.args.format == AlignFormat::Xlsx {
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
        let plan = &self.context.plan;
        let path = plan
            .out_dir
            .join(&aligned.stamp.output)
            .to_string_lossy()
            .into_owned();
        let inputs = [
            job.source.to_string_lossy().into_owned(),
            job.target.to_string_lossy().into_owned(),
        ];
        let inputs: Vec<&str> = inputs.iter().map(String::as_str).collect();
        let mut out = Output::create_file(&path, &inputs)?;
        let options = &self.context.options;
        let mut bytes = Vec::new();
        write_alignment(
            options,
            &job.name,
            aligned.pair(),
            &aligned.flags,
            &mut bytes,
        )
        .and_then(|()| out.write_all(&bytes))
        .and_then(|()| out.flush())
        .map_err(|e| out.error(e))?;
        out.finish()?;
        // Only once the output is in place: a record means this complete output.
        let written = corpus::fingerprint(&bytes);
        plan.write_record(&job.name, &aligned.stamp, &aligned.beads, &written)?;
        Ok(aligned)
    }
}

fn align_job(job: &Job, context: &Context) -> Result<Aligned, Error> {
    let config = context.config;
    let (source_path, target_path) = (job.source.to_string_lossy(), job.target.to_string_lossy());
    for name in [&source_path, &target_path] {
        padan::files::refuse_special_file(name)?;
    }
    let (source_bytes, target_bytes) = (read_bytes(&source_path)?, read_bytes(&target_path)?);
    let source = load_source(config, &source_path, &source_bytes)?;
    let target = load_target(config, &target_path, &target_bytes)?;
    warn(padan::document::check_pair(&source, &target, config.force)?);
    if context.args.format == AlignFormat::Xlsx {
        let segments = (source.segments.len(), target.segments.len());
        padan::export::xlsx::fits(config.read.max_chars, segments).map_err(Error::Usage)?;
    }
    let stamp = Stamp {
        settings: context.settings.clone(),
        source: corpus::fingerprint(&source_bytes),
        target: corpus::fingerprint(&target_bytes),
        output: context.plan.output_name(&job.name),
    };
    let segments = (source.segments.len(), target.segments.len());
    let kept = context
        .args
        .resume
        .then(|| context.plan.read_record(&job.name, &stamp, segments))
        .flatten();
    let resumed = kept.is_some();
    let beads = match kept {
        Some(beads) => beads,
        None => config
            .aligner(context.lexicon)
            .align(&source.inputs(), &target.inputs()),
    };
    let mut aligned = Aligned {
        source,
        target,
        beads,
        flags: Vec::new(),
        stamp,
        resumed,
        prepared: Vec::new(),
    };
    if context.args.format == AlignFormat::Xlsx {
        aligned.flags = context.checker.check(&aligned.pair());
    }
    // Tokenizing and stemming for the glossary happen here, on the worker; only the counting
    // is left for the thread that writes the outputs in order.
    if !context.args.no_glossary {
        aligned.prepared = PreparedBead::of_pair(context.lexicon, &aligned.pair());
    }
    Ok(aligned)
}

/// Reads a manifest: `source,target[,name]` with a header; paths relative to the manifest.
fn manifest(path: &str, config: &Config) -> Result<Vec<Job>, Error> {
    let table = load_table(path, config.read.encoding)?;
    let base = Path::new(path).parent().unwrap_or(Path::new(""));
    corpus::manifest_jobs(&table, base, &crate::io::display_name(path))
}

/// The run's inputs besides the pairs' texts, with what each is, for the output plan's check.
fn named_inputs(args: &BatchArgs) -> Vec<(String, String)> {
    let glossaries = args.options.glossary.iter();
    let mut inputs: Vec<(String, String)> = glossaries
        .map(|g| (g.clone(), format!("the glossary {g}")))
        .collect();
    inputs.extend(
        args.manifest
            .iter()
            .map(|m| (m.clone(), format!("the manifest {m}"))),
    );
    inputs
}
