//! What `padan batch --resume` trusts: a record per finished pair, written atomically after the
//! pair's output, holding its beads and fingerprints of everything that made them (the two
//! inputs' bytes, the settings and glossaries, padan's version). A pair is skipped only when its
//! record matches and its output exists; its beads are read back so the corpus glossary and
//! summary come out as in an uninterrupted run.

use std::fs;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use padan::align::Bead;
use padan::error::Error;

use crate::io::Output;

/// The folder inside `--out-dir` that holds the records.
pub const STATE_DIR: &str = ".padan";

/// FNV-1a, 64 bits: a fingerprint stable across builds and platforms (std's hashers are not).
pub fn fingerprint(bytes: &[u8]) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        hash ^= u64::from(b);
        hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
    }
    format!("{hash:016x}")
}

#[derive(Serialize, Deserialize)]
struct Done {
    settings: String,
    source: String,
    target: String,
    output: String,
    /// Source range, target range, confidence.
    beads: Vec<(usize, usize, usize, usize, f64)>,
}

/// A finished pair's fingerprints.
pub struct Stamp<'a> {
    pub settings: &'a str,
    pub source: String,
    pub target: String,
    pub output: &'a str,
}

fn record_path(out_dir: &Path, name: &str) -> PathBuf {
    out_dir.join(STATE_DIR).join(format!("{name}.done.json"))
}

/// Records that `name` is finished, with its beads.
pub fn write(out_dir: &Path, name: &str, stamp: &Stamp, beads: &[Bead]) -> Result<(), Error> {
    let dir = out_dir.join(STATE_DIR);
    fs::create_dir_all(&dir).map_err(|source| Error::Io {
        at: padan::error::Location::file(dir.display().to_string()),
        action: "create",
        source,
    })?;
    let done = Done {
        settings: stamp.settings.to_owned(),
        source: stamp.source.clone(),
        target: stamp.target.clone(),
        output: stamp.output.to_owned(),
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
    let path = record_path(out_dir, name).to_string_lossy().into_owned();
    let mut out = Output::create(Some(&path), &[])?;
    serde_json::to_writer(&mut out, &done).map_err(|e| out.error(e.into()))?;
    out.finish()
}

/// The beads of a finished pair whose record matches `stamp` and whose output exists, for
/// sides of `segments` segments; `None` means the pair must be aligned again.
pub fn read(
    out_dir: &Path,
    name: &str,
    stamp: &Stamp,
    segments: (usize, usize),
) -> Option<Vec<Bead>> {
    let text = fs::read(record_path(out_dir, name)).ok()?;
    let done: Done = serde_json::from_slice(&text).ok()?;
    let matches = done.settings == stamp.settings
        && done.source == stamp.source
        && done.target == stamp.target
        && done.output == stamp.output;
    if !matches || !out_dir.join(stamp.output).is_file() {
        return None;
    }
    // The beads must still cover both sides, in order, each segment once.
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

/// Removes temporary files an interrupted run left in `out_dir` (padan's own `.padan-*.tmp`).
pub fn remove_leftovers(out_dir: &Path) {
    for dir in [out_dir.to_path_buf(), out_dir.join(STATE_DIR)] {
        let Ok(entries) = fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries.filter_map(Result::ok) {
            let name = entry.file_name().to_string_lossy().into_owned();
            if name.starts_with(".padan-") && name.ends_with(".tmp") {
                let _ = fs::remove_file(entry.path());
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fingerprints_are_fnv1a_64() {
        assert_eq!(fingerprint(b""), "cbf29ce484222325");
        assert_eq!(fingerprint(b"a"), "af63dc4c8601ec8c");
    }
}
