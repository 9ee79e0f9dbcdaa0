//! Corpus mode on disk: where a batch's outputs and resume records go, the checks made before
//! any work, the fingerprint of a run's settings, and the pairs two folders hold. The rules
//! themselves (names, summary lines, the record's contents) are [`crate::corpus`]'s; the
//! threads and the progress bar are the program's.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use crate::corpus::{self, Failure, Job, Stamp};
use crate::document::Bead;
use crate::error::{Error, Location};
use crate::export::AlignFormat;
use crate::files::{check_plan, is_regular_file, Output};
use crate::pipeline::Config;

/// The folder inside the output folder that holds the resume records.
pub const STATE_DIR: &str = ".padan";

/// What a batch writes into its output folder, besides one output per pair.
#[derive(Debug, Clone)]
pub struct Plan<'a> {
    /// The output folder.
    pub out_dir: &'a Path,
    /// The format of each pair's output.
    pub format: AlignFormat,
    /// Whether the corpus glossary is written.
    pub glossary: bool,
}

impl Plan<'_> {
    /// Where the resume record of pair `name` goes.
    pub fn record_path(&self, name: &str) -> PathBuf {
        self.out_dir
            .join(STATE_DIR)
            .join(format!("{name}.done.json"))
    }

    /// The output file name of pair `name`.
    pub fn output_name(&self, name: &str) -> String {
        format!("{name}.{}", self.format.extension())
    }

    /// Refuses, before any work, a run whose outputs would overwrite one of its inputs (a
    /// glossary, a manifest, a text) or each other (a pair named `summary`). `named` are the
    /// run's other inputs with what they are, for the message.
    pub fn check(&self, jobs: &[Job], named: &[(String, String)]) -> Result<(), Error> {
        let at = |name: &str| self.out_dir.join(name).to_string_lossy().into_owned();
        let mut outputs = vec![(at("summary.tsv"), "the batch's summary".to_owned())];
        if self.glossary {
            outputs.push((at("glossary.csv"), "the corpus glossary".to_owned()));
        }
        if self.format == AlignFormat::Xlsx {
            outputs.push((at("corpus.xlsx"), "the corpus workbook".to_owned()));
        }
        let mut inputs = named.to_vec();
        for job in jobs {
            let what = format!("the output of pair {:?}", job.name);
            outputs.push((at(&self.output_name(&job.name)), what));
            outputs.push((
                self.record_path(&job.name).to_string_lossy().into_owned(),
                format!("the record of pair {:?}", job.name),
            ));
            for file in [&job.source, &job.target] {
                let file = file.to_string_lossy().into_owned();
                inputs.push((file.clone(), format!("the input {file}")));
            }
        }
        check_plan(&outputs, &inputs)
    }

    /// Records that pair `name` is finished, with its beads, once its output (whose bytes
    /// have `output_fingerprint`) is in place.
    pub fn write_record(
        &self,
        name: &str,
        stamp: &Stamp,
        beads: &[Bead],
        output_fingerprint: &str,
    ) -> Result<(), Error> {
        let dir = self.out_dir.join(STATE_DIR);
        fs::create_dir_all(&dir).map_err(|source| Error::Io {
            at: Location::file(dir.display().to_string()),
            action: "create",
            source,
        })?;
        let path = self.record_path(name).to_string_lossy().into_owned();
        let mut out = Output::create_file(&path, &[])?;
        out.write_all(&corpus::resume_record(stamp, beads, output_fingerprint))
            .map_err(|e| out.error(e))?;
        out.finish()
    }

    /// The beads a previous run recorded for pair `name`, when they still hold.
    pub fn read_record(
        &self,
        name: &str,
        stamp: &Stamp,
        segments: (usize, usize),
    ) -> Option<Vec<Bead>> {
        // Only regular files: a pipe in place of the output or the record would block the read.
        let (output, record) = (self.out_dir.join(&stamp.output), self.record_path(name));
        if !is_regular_file(&output) || !is_regular_file(&record) {
            return None;
        }
        let written = corpus::fingerprint(&fs::read(output).ok()?);
        let record = fs::read(record).ok()?;
        corpus::resumed_beads(&record, stamp, &written, segments)
    }
}

/// The fingerprint of everything besides the two texts that shapes a pair's output: padan's
/// version, the output format, the settings and the bytes of each glossary.
pub fn settings_fingerprint(
    config: &Config,
    format: AlignFormat,
    glossaries: &[Vec<u8>],
) -> String {
    let mut text = format!(
        "padan {}; format {:?}; presegmented {}; max_chars {}; encoding {:?}; force {}; seed {}",
        env!("CARGO_PKG_VERSION"),
        format,
        config.read.presegmented,
        config.read.max_chars,
        config.read.encoding,
        config.force,
        config.seed_glossary,
    );
    let defaults = Config::default();
    if (&config.source_lang, &config.target_lang, config.second_pass)
        != (&defaults.source_lang, &defaults.target_lang, true)
    {
        text.push_str(&format!(
            "; languages {}-{}; second pass {}",
            config.source_lang, config.target_lang, config.second_pass
        ));
    }
    for bytes in glossaries {
        text.push_str(&format!("; glossary {}", corpus::fingerprint(bytes)));
    }
    corpus::fingerprint(text.as_bytes())
}

/// Pairs the articles of two folders by name. Only regular files are taken: a symbolic link
/// (which may lead anywhere) or a pipe (which would block the run) is reported as a failure.
pub fn folder_pairs(source: &Path, target: &Path) -> Result<(Vec<Job>, Vec<Failure>), Error> {
    let mut skipped: Vec<Failure> = Vec::new();
    let mut list = |dir: &Path| -> Result<Vec<String>, Error> {
        let entries = fs::read_dir(dir).map_err(|e| Error::Io {
            at: Location::file(dir.display().to_string()),
            action: "read",
            source: e,
        })?;
        let mut names = Vec::new();
        for entry in entries.filter_map(|e| e.ok()) {
            let name = entry.file_name().to_string_lossy().into_owned();
            if !corpus::is_article(&name) {
                continue;
            }
            let path = entry.path();
            match fs::symlink_metadata(&path).map(|m| m.file_type()) {
                Ok(t) if t.is_file() => names.push(name),
                Ok(t) => {
                    let what = if t.is_symlink() {
                        "a symbolic link; padan does not follow links in a folder, copy the \
                         file in or name it in a manifest"
                    } else {
                        "not a regular file (a pipe, a device or a folder); give a file"
                    };
                    skipped.push((
                        corpus::pair_name(&path),
                        format!("{}: {what}", path.display()),
                    ));
                }
                Err(_) => {}
            }
        }
        names.sort();
        Ok(names)
    };
    let (sources, targets) = (list(source)?, list(target)?);
    let (jobs, mut failures) = corpus::folder_jobs(source, &sources, target, &targets);
    failures.extend(skipped);
    Ok((jobs, failures))
}

/// The pairs as records `padan align --jsonl-in` takes, one JSON object a line, in the order
/// a batch aligns them, then the files without a partner as failed records.
pub fn pair_records(jobs: &[Job], failures: &[Failure]) -> Vec<String> {
    let mut lines: Vec<String> = jobs
        .iter()
        .map(|job| {
            serde_json::json!({
                "id": job.name,
                "source_file": job.source.to_string_lossy(),
                "target_file": job.target.to_string_lossy(),
            })
            .to_string()
        })
        .collect();
    lines.extend(
        failures
            .iter()
            .map(|(name, reason)| serde_json::json!({ "id": name, "error": reason }).to_string()),
    );
    lines
}
