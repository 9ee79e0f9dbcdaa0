//! Corpus mode's rules, apart from files and threads: which pairs a manifest or two folders
//! name, what each pair is called, the summary line of a pair, and the record that lets an
//! interrupted run resume.
//!
//! A resume record holds a finished pair's beads and fingerprints of everything that made them
//! (the two inputs' bytes, the settings and glossaries, padan's version). A pair is kept only
//! when its record matches and its output exists; its beads are read back so the corpus
//! glossary and summary come out as in an uninterrupted run.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::document::Bead;
use crate::error::Error;
use crate::table::Table;
use crate::text::safe_name;

/// One pair of a corpus: its name (its outputs are named after it) and its two files.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Job {
    /// The pair's name.
    pub name: String,
    /// The source file.
    pub source: PathBuf,
    /// The target file.
    pub target: PathBuf,
}

/// A pair that cannot be aligned, by name, and why.
pub type Failure = (String, String);

/// A pair's name from a file name: its stem, made safe ([`safe_name`]).
///
/// ```
/// assert_eq!(padan::corpus::pair_name(std::path::Path::new("in/news 1.txt")), "news 1");
/// ```
pub fn pair_name(path: &Path) -> String {
    path.file_stem()
        .map(|s| safe_name(&s.to_string_lossy()))
        .unwrap_or_else(|| "pair".to_owned())
}

/// The pairs of a manifest table (`source,target[,name]`), paths relative to `base` (the
/// manifest's folder); `file` names the manifest in errors.
pub fn manifest_jobs(table: &Table, base: &Path, file: &str) -> Result<Vec<Job>, Error> {
    let mut jobs: Vec<Job> = Vec::new();
    for row in &table.rows {
        if row.source.is_empty() || row.target.is_empty() {
            return Err(Error::malformed(
                file,
                row.line,
                "a pair needs both a source and a target path (columns source,target[,name])",
            ));
        }
        let source = base.join(&row.source);
        let name = table
            .cell(row, "name")
            .filter(|n| !n.trim().is_empty())
            .map(|n| safe_name(n.trim()))
            .unwrap_or_else(|| pair_name(&source));
        if jobs.iter().any(|j| j.name == name) {
            return Err(Error::malformed(
                file,
                row.line,
                format!(
                    "the pair name {name:?} is used twice; give each row its own name column value"
                ),
            ));
        }
        jobs.push(Job {
            name,
            target: base.join(&row.target),
            source,
        });
    }
    Ok(jobs)
}

/// The extensions of the files a folder of articles holds: text, web pages, documents.
pub const ARTICLE_EXTENSIONS: [&str; 7] = ["txt", "text", "html", "htm", "xhtml", "docx", "odt"];

/// Whether a file name is an article's, by its extension.
pub fn is_article(name: &str) -> bool {
    Path::new(name)
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| ARTICLE_EXTENSIONS.iter().any(|a| e.eq_ignore_ascii_case(a)))
}

/// Pairs the files of two folders (`sources` and `targets` are the names of the files in
/// `source_dir` and `target_dir`, sorted): by the same name, or else by the same stem when
/// the other folder has just one file of that stem (`a.docx` with `a.txt`). A file without a
/// partner is a failure named after it.
pub fn folder_jobs(
    source_dir: &Path,
    sources: &[String],
    target_dir: &Path,
    targets: &[String],
) -> (Vec<Job>, Vec<Failure>) {
    let stem = |name: &str| pair_name(Path::new(name));
    let partner = |name: &str, others: &[String]| -> Option<String> {
        if others.iter().any(|o| o == name) {
            return Some(name.to_owned());
        }
        let same: Vec<&String> = others.iter().filter(|o| stem(o) == stem(name)).collect();
        (same.len() == 1).then(|| same[0].clone())
    };
    let mut jobs = Vec::new();
    let mut failures = Vec::new();
    let mut taken: Vec<String> = Vec::new();
    for name in sources {
        let path = source_dir.join(name);
        match partner(name, targets).filter(|t| !taken.contains(t)) {
            Some(target) => {
                jobs.push(Job {
                    name: pair_name(&path),
                    source: path,
                    target: target_dir.join(&target),
                });
                taken.push(target);
            }
            None => failures.push((
                pair_name(&path),
                format!(
                    "{} has no partner {}",
                    path.display(),
                    target_dir.join(name).display()
                ),
            )),
        }
    }
    for name in targets.iter().filter(|n| !taken.contains(n)) {
        let path = target_dir.join(name);
        failures.push((
            pair_name(&path),
            format!(
                "{} has no partner {}",
                path.display(),
                source_dir.join(name).display()
            ),
        ));
    }
    (jobs, failures)
}

/// The header of `summary.tsv`.
pub const SUMMARY_HEADER: &str = "pair\tstatus\tsource_segments\ttarget_segments\tbeads\tbeads_1_1\tbeads_merged\tbeads_unaligned\tlow_confidence\treason";

/// The summary line of a pair aligned into `beads`, with its sides' segment counts.
pub fn summary_line(name: &str, segments: (usize, usize), beads: &[Bead]) -> String {
    let count = |f: &dyn Fn(&Bead) -> bool| beads.iter().filter(|b| f(b)).count();
    format!(
        "{name}\tok\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t",
        segments.0,
        segments.1,
        beads.len(),
        count(&|b| b.source.len() == 1 && b.target.len() == 1),
        count(&|b| b.source.len() + b.target.len() > 2
            && !b.source.is_empty()
            && !b.target.is_empty()),
        count(&|b| b.source.is_empty() || b.target.is_empty()),
        count(&Bead::is_low_confidence),
    )
}

/// The summary line of a pair that failed, and why.
pub fn failed_line(name: &str, reason: &str) -> String {
    format!(
        "{name}\tfailed\t\t\t\t\t\t\t\t{}",
        reason.replace(['\t', '\n'], " ")
    )
}

pub use crate::document::fingerprint;

/// A finished pair's fingerprints: of the settings, of its two inputs, and its output's name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stamp {
    /// Fingerprint of the settings, glossaries and padan version.
    pub settings: String,
    /// Fingerprint of the source file's bytes.
    pub source: String,
    /// Fingerprint of the target file's bytes.
    pub target: String,
    /// The output's file name inside the output folder.
    pub output: String,
}

#[derive(Serialize, Deserialize)]
struct Done {
    settings: String,
    source: String,
    target: String,
    output: String,
    /// Fingerprint of the output's bytes: a record holds only for the output it was made for.
    #[serde(default)]
    output_fingerprint: String,
    /// Source range, target range, confidence.
    beads: Vec<(usize, usize, usize, usize, f64)>,
}

/// The resume record of a finished pair whose output's bytes have `output_fingerprint`, as
/// JSON.
pub fn resume_record(stamp: &Stamp, beads: &[Bead], output_fingerprint: &str) -> Vec<u8> {
    let done = Done {
        settings: stamp.settings.clone(),
        source: stamp.source.clone(),
        target: stamp.target.clone(),
        output: stamp.output.clone(),
        output_fingerprint: output_fingerprint.to_owned(),
        beads: beads
            .iter()
            .map(|b| {
                (
                    b.source.start,
                    b.source.end,
                    b.target.start,
                    b.target.end,
                    b.confidence,
                )
            })
            .collect(),
    };
    serde_json::to_vec(&done).unwrap_or_default()
}

/// The beads of a resume record that matches `stamp` and the output as it is now (the
/// fingerprint of its bytes), and covers sides of `segments` segments, in order, each segment
/// once; `None` means the pair must be aligned again (an output cut short or emptied since
/// does not match).
pub fn resumed_beads(
    record: &[u8],
    stamp: &Stamp,
    output_fingerprint: &str,
    segments: (usize, usize),
) -> Option<Vec<Bead>> {
    let done: Done = serde_json::from_slice(record).ok()?;
    let matches = done.settings == stamp.settings
        && done.source == stamp.source
        && done.target == stamp.target
        && done.output == stamp.output
        && done.output_fingerprint == output_fingerprint;
    if !matches {
        return None;
    }
    let (mut s, mut t) = (0, 0);
    let mut beads = Vec::with_capacity(done.beads.len());
    for (ss, se, ts, te, confidence) in done.beads {
        if ss != s || ts != t || se < ss || te < ts || (se == ss && te == ts) {
            return None;
        }
        (s, t) = (se, te);
        beads.push(Bead {
            source: ss..se,
            target: ts..te,
            confidence,
        });
    }
    ((s, t) == segments).then_some(beads)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fingerprints_are_fnv1a_64() {
        assert_eq!(fingerprint(b""), "cbf29ce484222325");
        assert_eq!(fingerprint(b"a"), "af63dc4c8601ec8c");
    }

    #[test]
    fn a_record_gives_its_beads_back_only_for_the_same_stamp_and_sides() {
        let stamp = Stamp {
            settings: "s".into(),
            source: "a".into(),
            target: "b".into(),
            output: "x.tsv".into(),
        };
        let beads = vec![
            Bead {
                source: 0..1,
                target: 0..2,
                confidence: 0.5,
            },
            Bead {
                source: 1..2,
                target: 2..2,
                confidence: 1.0,
            },
        ];
        let record = resume_record(&stamp, &beads, "out");
        assert_eq!(resumed_beads(&record, &stamp, "out", (2, 2)), Some(beads));
        assert_eq!(resumed_beads(&record, &stamp, "out", (2, 3)), None);
        // An output that changed since (emptied, cut short) is no longer the recorded one.
        assert_eq!(resumed_beads(&record, &stamp, "empty", (2, 2)), None);
        let other = Stamp {
            source: "c".into(),
            ..stamp.clone()
        };
        assert_eq!(resumed_beads(&record, &other, "out", (2, 2)), None);
        assert_eq!(resumed_beads(b"{", &stamp, "out", (2, 2)), None);
    }
}
