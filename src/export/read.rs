//! Reading padan's own aligned output back: the bead texts of `--format tsv` and `--format
//! jsonl` files (and `--jsonl-in` results), for a glossary built from alignments made earlier.

use super::tsv::TSV_HEADER;
use crate::error::Error;

/// The (source, target) texts of the beads with both sides, from padan's aligned output in
/// `text` (`file` names it in errors).
///
/// ```
/// let text = "bead\tsource_ids\ttarget_ids\tconfidence\tsource\ttarget\n1\t1\t1\t0.990\tSatu.\tOne.\n";
/// let rows = padan::export::read::aligned_rows(text, "a.tsv").unwrap();
/// assert_eq!(rows, [("Satu.".to_owned(), "One.".to_owned())]);
/// ```
pub fn aligned_rows(text: &str, file: &str) -> Result<Vec<(String, String)>, Error> {
    let first = text.lines().next().unwrap_or("");
    let rows = if first.trim_start().starts_with('{') {
        jsonl_rows(text, file)?
    } else if first.starts_with(TSV_HEADER) {
        tsv_rows(text, file)?
    } else {
        return Err(Error::malformed(
            file,
            1,
            "not padan's aligned output: give the output of padan align --format tsv or --format jsonl",
        ));
    };
    Ok(rows
        .into_iter()
        .filter(|(s, t)| !s.trim().is_empty() && !t.trim().is_empty())
        .collect())
}

fn jsonl_rows(text: &str, file: &str) -> Result<Vec<(String, String)>, Error> {
    let mut rows = Vec::new();
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
    Ok(rows)
}

fn tsv_rows(text: &str, file: &str) -> Result<Vec<(String, String)>, Error> {
    let columns = TSV_HEADER.split('\t').count();
    let mut rows = Vec::new();
    for (n, line) in text
        .lines()
        .enumerate()
        .skip(1)
        .filter(|(_, l)| !l.trim().is_empty())
    {
        let fields: Vec<&str> = line.split('\t').collect();
        if fields.len() != columns {
            return Err(Error::malformed(
                file,
                n + 1,
                format!(
                    "expected {columns} tab-separated columns, found {}; give padan align --format tsv output",
                    fields.len()
                ),
            ));
        }
        rows.push((fields[4].to_owned(), fields[5].to_owned()));
    }
    Ok(rows)
}
