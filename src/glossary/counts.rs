//! The extractor's counts as a file, so a corpus glossary can be a map and a reduce: each shard
//! writes its counts (`padan glossary --counts-out`), and merging them in shard order
//! (`--merge-counts`) gives exactly the counts, and so the glossary, of one run over the whole
//! corpus.
//!
//! The file is JSON lines: a header, then the source terms and the target terms in order of
//! first appearance, then the pairs, then the example beads the pairs point to. Term ids are
//! positions in the file, so a shard's ids are remapped by term key when merged; a term's
//! first appearance in the merge is its first appearance in the corpus, which keeps ids, and
//! with them every tie-break, the same as in a single run. The one difference a sharded run can
//! show is pruning: a shard (or a merge) that went over the counting budget
//! ([`PAIR_BUDGET`](super::extract::PAIR_BUDGET)) dropped its rarest pairs, as one run over a
//! corpus that large would have, but at other moments.

use std::io::{self, BufRead, Write};

use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};

use super::extract::{Extractor, PairCount, SideCounts, Term};
use crate::error::Error;

/// The format name in the header line.
const FORMAT: &str = "padan-glossary-counts";
/// The format version this build writes and reads.
const VERSION: u32 = 3;

#[derive(Serialize, Deserialize)]
#[serde(tag = "record", rename_all = "snake_case", deny_unknown_fields)]
enum Record {
    Header {
        format: String,
        version: u32,
        beads: u32,
        pruned_below: u32,
        /// The word-alignment sample stopped before the shard's last bead.
        sample_full: bool,
    },
    Term {
        side: Side,
        stems: Vec<String>,
        words: Vec<String>,
        count: u32,
        surfaces: Vec<(String, u32)>,
    },
    Pair {
        source: u32,
        target: u32,
        count: u32,
        first_bead: u32,
    },
    Bead {
        bead: u32,
        source: String,
        target: String,
    },
    /// The single words of one bead of the word-alignment sample, in bead order.
    Sample {
        source: Vec<String>,
        target: Vec<String>,
    },
    /// The last line: how many records came before it and their checksum (FNV-1a of their
    /// lines' bytes), so that a file cut short, even at a line's end, is refused.
    End { records: u64, checksum: String },
}

/// The running count and checksum of a counts file's lines.
struct Tally {
    records: u64,
    hash: u64,
}

impl Tally {
    fn new() -> Self {
        Tally {
            records: 0,
            hash: 0xcbf2_9ce4_8422_2325,
        }
    }

    fn add(&mut self, line: &[u8]) {
        self.records += 1;
        for &b in line.iter().chain(b"\n") {
            self.hash ^= u64::from(b);
            self.hash = self.hash.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }

    fn checksum(&self) -> String {
        format!("{:016x}", self.hash)
    }
}

/// The error for counts that no longer fit their 32 bits.
fn overflow() -> String {
    "the counts add up past 4,294,967,295: merge the files in smaller groups of beads".to_owned()
}

#[derive(Serialize, Deserialize, Clone, Copy, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
enum Side {
    Source,
    Target,
}

impl Extractor<'_> {
    /// Writes the counts so far, to be merged later with [`Extractor::merge_counts`].
    ///
    /// ```
    /// use padan::glossary::extract::Extractor;
    /// let lexicon = padan::Lexicon::seed();
    /// let mut shard = Extractor::new(lexicon);
    /// shard.add("Gedung Putih mengumumkan sanksi.", "The White House announced sanctions.");
    /// let mut file = Vec::new();
    /// shard.write_counts(&mut file).unwrap();
    ///
    /// let mut merged = Extractor::new(lexicon);
    /// merged.merge_counts(&file[..], "shard-1.counts").unwrap();
    /// assert_eq!(merged.beads(), 1);
    /// ```
    pub fn write_counts(&self, out: &mut dyn Write) -> io::Result<()> {
        let mut tally = Tally::new();
        let mut line = |record: &Record| -> io::Result<()> {
            let bytes = serde_json::to_vec(record)?;
            tally.add(&bytes);
            out.write_all(&bytes)?;
            out.write_all(b"\n")
        };
        line(&Record::Header {
            format: FORMAT.to_owned(),
            version: VERSION,
            beads: self.bead_count,
            pruned_below: self.pruned_below,
            sample_full: self.sample.full,
        })?;
        for (side, counts) in [(Side::Source, &self.source), (Side::Target, &self.target)] {
            for term in &counts.terms {
                let mut surfaces: Vec<(String, u32)> =
                    term.surfaces.iter().map(|(s, &n)| (s.clone(), n)).collect();
                surfaces.sort();
                line(&Record::Term {
                    side,
                    stems: term.key_words.clone(),
                    words: term.words.clone(),
                    count: term.count,
                    surfaces,
                })?;
            }
        }
        let mut pairs: Vec<(&(u32, u32), &PairCount)> = self.pairs.iter().collect();
        pairs.sort_by_key(|(ids, _)| **ids);
        let mut examples: Vec<u32> = Vec::with_capacity(pairs.len());
        for (&(source, target), pair) in pairs {
            examples.push(pair.first_bead);
            line(&Record::Pair {
                source,
                target,
                count: pair.count,
                first_bead: pair.first_bead,
            })?;
        }
        examples.sort_unstable();
        examples.dedup();
        for bead in examples {
            let Some((source, target)) = self.examples.get(&bead) else {
                continue;
            };
            line(&Record::Bead {
                bead,
                source: source.clone(),
                target: target.clone(),
            })?;
        }
        for (source, target) in self.sample.beads() {
            line(&Record::Sample {
                source: source.into_iter().map(str::to_owned).collect(),
                target: target.into_iter().map(str::to_owned).collect(),
            })?;
        }
        let end = Record::End {
            records: tally.records,
            checksum: tally.checksum(),
        };
        serde_json::to_writer(&mut *out, &end)?;
        out.write_all(b"\n")
    }

    /// Adds the counts of a file written by [`Extractor::write_counts`], as if its beads had
    /// been counted after the ones already held. `file` names the input in errors.
    pub fn merge_counts(&mut self, input: impl BufRead, file: &str) -> crate::Result<()> {
        let mut merge = Merge {
            offset: self.bead_count,
            beads: None,
            source_ids: Vec::new(),
            target_ids: Vec::new(),
            sample_full: false,
            tally: Tally::new(),
            ended: false,
        };
        let mut last_line = 0;
        for (n, line) in input.lines().enumerate() {
            let line_no = n + 1;
            let line = line.map_err(|e| Error::Io {
                at: crate::error::Location::line(file, line_no),
                action: "read",
                source: e,
            })?;
            if line.trim().is_empty() {
                continue;
            }
            last_line = line_no;
            if merge.ended {
                return Err(Error::malformed(
                    file,
                    line_no,
                    "a line after the end record: were two counts files joined? give each file \
                     to --merge-counts on its own",
                ));
            }
            let record: Record = serde_json::from_str(&line).map_err(|e| {
                Error::malformed(
                    file,
                    line_no,
                    format!(
                        "not a counts record ({e}); give files written by padan glossary --counts-out"
                    ),
                )
            })?;
            let is_end = matches!(record, Record::End { .. });
            self.merge_record(&mut merge, record)
                .map_err(|message| Error::malformed(file, line_no, message))?;
            if !is_end {
                merge.tally.add(line.as_bytes());
            }
        }
        if merge.beads.is_none() {
            return Err(Error::malformed(
                file,
                1,
                "the counts file is empty; give files written by padan glossary --counts-out",
            ));
        }
        if !merge.ended {
            return Err(Error::malformed(
                file,
                last_line,
                "the counts file ends before its end record: it was cut short; write it again \
                 with padan glossary --counts-out",
            ));
        }
        if merge.sample_full {
            // The shard's sample stopped short: beads of later shards would not have been
            // sampled in one run either.
            self.sample.full = true;
        }
        self.prune_if_over_budget();
        Ok(())
    }

    /// Adds one record of a counts file; what is wrong with it otherwise.
    fn merge_record(&mut self, merge: &mut Merge, record: Record) -> Result<(), String> {
        let shard_beads = match (merge.beads, &record) {
            (None, Record::Header { .. }) => 0,
            (None, _) => {
                return Err(
                    "the counts file has no header line; give files written by padan \
                            glossary --counts-out"
                        .to_owned(),
                )
            }
            (Some(b), _) => b,
        };
        let past = |bead: u32| {
            (bead >= shard_beads)
                .then(|| format!("bead {bead} is past the {shard_beads} beads the header counts"))
        };
        match record {
            Record::Header {
                format,
                version,
                beads: count,
                pruned_below,
                sample_full,
            } => {
                if merge.beads.is_some() {
                    return Err(
                        "a second header line: were two counts files joined? give each \
                                file to --merge-counts on its own"
                            .to_owned(),
                    );
                }
                if format != FORMAT || version != VERSION {
                    return Err(format!(
                        "{format} version {version} is not a format this padan reads ({FORMAT} \
                         version {VERSION}); write the counts again with this padan"
                    ));
                }
                merge.beads = Some(count);
                merge.sample_full = sample_full;
                self.pruned_below = self.pruned_below.max(pruned_below);
                self.bead_count = self.bead_count.checked_add(count).ok_or_else(overflow)?;
            }
            Record::Term {
                side,
                stems,
                words,
                count,
                surfaces,
            } => {
                let (counts, ids) = match side {
                    Side::Source => (&mut self.source, &mut merge.source_ids),
                    Side::Target => (&mut self.target, &mut merge.target_ids),
                };
                if stems.is_empty() || stems.len() != words.len() {
                    return Err("a term needs as many stems as words, and at least one".to_owned());
                }
                ids.push(merge_term(counts, stems, words, count, surfaces).ok_or_else(overflow)?);
            }
            Record::Pair {
                source,
                target,
                count,
                first_bead,
            } => {
                let merged = |ids: &[u32], id: u32| ids.get(id as usize).copied();
                let (Some(a), Some(b)) = (
                    merged(&merge.source_ids, source),
                    merged(&merge.target_ids, target),
                ) else {
                    return Err("a pair names a term the file does not list before it".to_owned());
                };
                if let Some(message) = past(first_bead) {
                    return Err(message);
                }
                let first_bead = merge.offset.checked_add(first_bead).ok_or_else(overflow)?;
                self.pairs
                    .add(a, b, count, first_bead)
                    .ok_or_else(overflow)?;
            }
            Record::Bead {
                bead,
                source,
                target,
            } => {
                if let Some(message) = past(bead) {
                    return Err(message);
                }
                self.examples.insert(merge.offset + bead, (source, target));
            }
            Record::Sample { source, target } => {
                // Keys as counting made them: source words as they are, target stems.
                let stems: Vec<String> = target.iter().map(|w| self.lexicon.stem_en(w)).collect();
                let source: Vec<(&str, &str)> =
                    source.iter().map(|w| (w.as_str(), w.as_str())).collect();
                let target: Vec<(&str, &str)> = stems
                    .iter()
                    .zip(&target)
                    .map(|(k, w)| (k.as_str(), w.as_str()))
                    .collect();
                self.sample.push(&source, &target);
            }
            Record::End { records, checksum } => {
                if records != merge.tally.records || checksum != merge.tally.checksum() {
                    return Err(format!(
                        "the end record counts {records} records (checksum {checksum}), but the \
                         file holds {} before it (checksum {}): it was changed or cut; write it \
                         again with padan glossary --counts-out",
                        merge.tally.records,
                        merge.tally.checksum()
                    ));
                }
                merge.ended = true;
            }
        }
        Ok(())
    }
}

/// Where a merge of one counts file stands.
struct Merge {
    /// Beads held before this file: its bead numbers start here.
    offset: u32,
    /// The beads its header counts, once read.
    beads: Option<u32>,
    /// Shard term id -> merged term id, per side.
    source_ids: Vec<u32>,
    target_ids: Vec<u32>,
    sample_full: bool,
    /// The records read so far, and whether the end record was one of them.
    tally: Tally,
    ended: bool,
}

/// Adds one term of a shard to `counts`, returning its merged id.
fn merge_term(
    counts: &mut SideCounts,
    stems: Vec<String>,
    words: Vec<String>,
    count: u32,
    surfaces: Vec<(String, u32)>,
) -> Option<u32> {
    let key = stems.join(" ");
    let id = match counts.ids.get(&key) {
        Some(&id) => id,
        None => {
            let id = counts.terms.len() as u32;
            counts.terms.push(Term {
                key_words: stems,
                words,
                count: 0,
                surfaces: FxHashMap::default(),
            });
            counts.ids.insert(key, id);
            id
        }
    };
    let term = &mut counts.terms[id as usize];
    term.count = term.count.checked_add(count)?;
    for (surface, n) in surfaces {
        let seen = term.surfaces.entry(surface).or_default();
        *seen = seen.checked_add(n)?;
    }
    Some(id)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Lexicon;

    const BEADS: [(&str, &str); 6] = [
        (
            "Gedung Putih mengumumkan sanksi baru.",
            "The White House announced new sanctions.",
        ),
        (
            "Menteri Luar Negeri tiba di Reykjavik.",
            "The Foreign Minister arrived in Reykjavik.",
        ),
        (
            "Sanksi dari Gedung Putih berlaku hari ini.",
            "Sanctions from the White House apply today.",
        ),
        (
            "Menteri Luar Negeri Rusia bertemu Blinken.",
            "Russia's Foreign Minister met Blinken.",
        ),
        (
            "Pertemuan puncak itu berlangsung dua jam.",
            "The summit lasted two hours.",
        ),
        (
            "Pertemuan puncak berikutnya di Gedung Putih.",
            "The next summit is at the White House.",
        ),
    ];

    /// Word pairs the word-alignment sample holds in these tests: the first beads only, so a
    /// split can fall before, at or after the point where it fills.
    const SAMPLE_CELLS: usize = 60;

    fn glossary(extractor: Extractor) -> String {
        extractor
            .finish()
            .iter()
            .map(|e| format!("{e:?}\n"))
            .collect()
    }

    #[test]
    fn sharded_counts_merged_give_the_glossary_of_one_run() {
        let lexicon = Lexicon::seed();
        let mut whole = Extractor::new(lexicon).with_sample_cells(SAMPLE_CELLS);
        for (s, t) in BEADS {
            whole.add(s, t);
        }
        let sampled = whole.sample.len();
        assert!(
            whole.sample.full && sampled > 1 && sampled < BEADS.len() - 1,
            "the sample should fill in the middle: {sampled} of {} beads",
            BEADS.len()
        );
        let entries = {
            let mut w = Extractor::new(lexicon);
            for (s, t) in BEADS {
                w.add(s, t);
            }
            w.finish()
        };
        assert!(entries
            .iter()
            .any(|e| e.source_term == "Gedung Putih" && e.target_term == "White House"));
        for split in 0..=BEADS.len() {
            let mut files = Vec::new();
            for shard in [&BEADS[..split], &BEADS[split..]] {
                let mut extractor = Extractor::new(lexicon).with_sample_cells(SAMPLE_CELLS);
                for (s, t) in shard {
                    extractor.add(s, t);
                }
                let mut file = Vec::new();
                extractor.write_counts(&mut file).unwrap();
                files.push(file);
            }
            assert!(String::from_utf8_lossy(&files[0]).starts_with("{\"record\":\"header\""));
            let mut merged = Extractor::new(lexicon).with_sample_cells(SAMPLE_CELLS);
            for (n, file) in files.iter().enumerate() {
                merged.merge_counts(&file[..], &format!("{n}")).unwrap();
            }
            let mut again = Vec::new();
            merged.write_counts(&mut again).unwrap();
            let mut single = Vec::new();
            whole.write_counts(&mut single).unwrap();
            assert_eq!(
                String::from_utf8(again).unwrap(),
                String::from_utf8(single).unwrap(),
                "split at {split}"
            );
            assert_eq!(
                glossary(merged),
                glossary({
                    let mut w = Extractor::new(lexicon).with_sample_cells(SAMPLE_CELLS);
                    for (s, t) in BEADS {
                        w.add(s, t);
                    }
                    w
                }),
                "split at {split}"
            );
        }
    }

    /// The lines of a counts file of `records`, with the end record they need.
    fn counts_file(records: &[String]) -> String {
        let mut tally = Tally::new();
        let mut text = String::new();
        for line in records {
            tally.add(line.as_bytes());
            text.push_str(line);
            text.push('\n');
        }
        text.push_str(&format!(
            "{{\"record\":\"end\",\"records\":{},\"checksum\":\"{}\"}}\n",
            tally.records,
            tally.checksum()
        ));
        text
    }

    #[test]
    fn a_counts_file_cut_at_a_line_boundary_is_refused() {
        let lexicon = Lexicon::seed();
        let mut shard = Extractor::new(lexicon);
        shard.add(
            "Gedung Putih mengumumkan sanksi.",
            "The White House announced sanctions.",
        );
        let mut file = Vec::new();
        shard.write_counts(&mut file).unwrap();
        let text = String::from_utf8(file).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        // Whole, it merges; without its last lines, at any line's end, it does not.
        assert!(Extractor::new(lexicon)
            .merge_counts(text.as_bytes(), "x")
            .is_ok());
        for keep in [lines.len() - 1, lines.len() / 2, 1] {
            let cut = lines[..keep].join("\n") + "\n";
            let error = Extractor::new(lexicon)
                .merge_counts(cut.as_bytes(), "x")
                .unwrap_err()
                .to_string();
            assert!(
                error.contains("the counts file ends before its end record: it was cut short"),
                "{keep}: {error}"
            );
        }
        // A record changed after writing breaks the checksum.
        let changed = text.replacen("\"count\":1", "\"count\":7", 1);
        let error = Extractor::new(lexicon)
            .merge_counts(changed.as_bytes(), "x")
            .unwrap_err()
            .to_string();
        assert!(error.contains("it was changed or cut"), "{error}");
    }

    #[test]
    fn counts_that_would_wrap_are_an_error() {
        let lexicon = Lexicon::seed();
        let huge = counts_file(&[
            format!("{{\"record\":\"header\",\"format\":\"padan-glossary-counts\",\"version\":3,\"beads\":{},\"pruned_below\":0,\"sample_full\":false}}", u32::MAX - 1),
            format!("{{\"record\":\"term\",\"side\":\"source\",\"stems\":[\"ktt\"],\"words\":[\"ktt\"],\"count\":{},\"surfaces\":[[\"KTT\",1]]}}", u32::MAX - 1),
        ]);
        let mut extractor = Extractor::new(lexicon);
        assert!(extractor.merge_counts(huge.as_bytes(), "a").is_ok());
        let error = extractor
            .merge_counts(huge.as_bytes(), "b")
            .unwrap_err()
            .to_string();
        assert_eq!(
            error,
            "b:1: the counts add up past 4,294,967,295: merge the files in smaller groups of beads"
        );
    }

    #[test]
    fn a_malformed_counts_file_names_its_line() {
        let lexicon = Lexicon::seed();
        let cases: [(&str, &str); 5] = [
            ("", "x:1: the counts file is empty"),
            (
                "{\"record\":\"bead\",\"bead\":0,\"source\":\"a\",\"target\":\"b\"}\n",
                "x:1: the counts file has no header line",
            ),
            ("not json\n", "x:1: not a counts record"),
            (
                "{\"record\":\"header\",\"format\":\"padan-glossary-counts\",\"version\":3,\"beads\":1,\"pruned_below\":0,\"sample_full\":false}\n\
                 {\"record\":\"pair\",\"source\":0,\"target\":0,\"count\":1,\"first_bead\":0}\n",
                "x:2: a pair names a term the file does not list before it",
            ),
            (
                "{\"record\":\"header\",\"format\":\"padan-glossary-counts\",\"version\":9,\"beads\":1,\"pruned_below\":0,\"sample_full\":false}\n",
                "x:1: padan-glossary-counts version 9 is not a format this padan reads",
            ),
        ];
        for (text, expected) in cases {
            let mut extractor = Extractor::new(lexicon);
            let error = extractor
                .merge_counts(text.as_bytes(), "x")
                .unwrap_err()
                .to_string();
            assert!(error.starts_with(expected), "{text:?}: {error}");
        }
    }
}
