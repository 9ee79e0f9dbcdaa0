//! One JSON object a bead, with byte spans into both inputs.

use std::io::{self, Write};

use serde::Serialize;

use super::AlignmentFormat;
use crate::document::AlignedPair;
use crate::document::Bead;

/// `{"bead":1,"source":[0],"target":[0,1],"confidence":0.99,"source_text":...,
/// "target_text":...,"source_spans":[[0,212]],"target_spans":[[0,120],[121,214]]}`: segment
/// indices 0-based (as in the beads format), spans as byte ranges into the input files.
#[derive(Debug, Clone, Copy, Default)]
pub struct Jsonl;

#[derive(Serialize)]
struct Row<'a> {
    bead: usize,
    source: Vec<usize>,
    target: Vec<usize>,
    confidence: f64,
    source_text: &'a str,
    target_text: &'a str,
    source_spans: Vec<(usize, usize)>,
    target_spans: Vec<(usize, usize)>,
}

impl AlignmentFormat for Jsonl {
    fn write(&self, pair: &AlignedPair, out: &mut dyn Write) -> io::Result<()> {
        for (n, bead) in pair.beads.iter().enumerate() {
            let texts = bead_texts(pair, bead);
            serde_json::to_writer(&mut *out, &row(pair, n, bead, &texts))?;
            writeln!(out)?;
        }
        Ok(())
    }
}

fn bead_texts(pair: &AlignedPair, bead: &Bead) -> (String, String) {
    (
        pair.source.joined(&bead.source),
        pair.target.joined(&bead.target),
    )
}

/// Bead `n` of a pair as a row; `texts` are its two sides' text.
fn row<'a>(pair: &AlignedPair, n: usize, bead: &Bead, texts: &'a (String, String)) -> Row<'a> {
    Row {
        bead: n + 1,
        source: bead.source.clone().collect(),
        target: bead.target.clone().collect(),
        confidence: (bead.confidence * 1000.0).round() / 1000.0,
        source_text: &texts.0,
        target_text: &texts.1,
        source_spans: pair.source.spans(&bead.source),
        target_spans: pair.target.spans(&bead.target),
    }
}

#[derive(Serialize)]
struct Record<'a> {
    id: &'a serde_json::Value,
    beads: Vec<Row<'a>>,
}

#[derive(Serialize)]
struct Failed<'a> {
    id: &'a serde_json::Value,
    error: &'a str,
}

/// Writes one aligned record of a streaming run (`padan align --jsonl-in`) as one line:
/// `{"id":...,"beads":[...]}`, each bead as [`Jsonl`] writes it, spans into the record's
/// `source` and `target` strings.
pub fn write_record(
    id: &serde_json::Value,
    pair: &AlignedPair,
    out: &mut dyn Write,
) -> io::Result<()> {
    let texts: Vec<(String, String)> = pair.beads.iter().map(|b| bead_texts(pair, b)).collect();
    let record = Record {
        id,
        beads: pair
            .beads
            .iter()
            .zip(&texts)
            .enumerate()
            .map(|(n, (bead, texts))| row(pair, n, bead, texts))
            .collect(),
    };
    serde_json::to_writer(&mut *out, &record)?;
    writeln!(out)
}

/// Writes the line of a record that could not be aligned: `{"id":...,"error":"..."}`.
pub fn write_failed_record(
    id: &serde_json::Value,
    error: &str,
    out: &mut dyn Write,
) -> io::Result<()> {
    serde_json::to_writer(&mut *out, &Failed { id, error })?;
    writeln!(out)
}

/// One record of a streaming run (`padan align --jsonl-in`) as read from its line: its id
/// (null when it has none) and its source and target texts, or what is wrong with it.
///
/// ```
/// let (id, texts) = padan::export::read_record(br#"{"id":7,"source":"Satu.","target":"One."}"#);
/// assert_eq!((id.to_string(), texts), ("7".to_owned(), Ok(("Satu.".to_owned(), "One.".to_owned()))));
/// ```
pub fn read_record(line: &[u8]) -> (serde_json::Value, Result<(String, String), String>) {
    let value: serde_json::Value = match serde_json::from_slice(line) {
        Ok(value) => value,
        Err(e) => {
            return (
                serde_json::Value::Null,
                Err(format!(
                    "not a JSON record ({e}); give one object a line: {{\"id\":...,\"source\":\"...\",\"target\":\"...\"}}"
                )),
            )
        }
    };
    let id = value.get("id").cloned().unwrap_or(serde_json::Value::Null);
    let text = |field: &str| -> Result<String, String> {
        match value.get(field) {
            Some(serde_json::Value::String(s)) => Ok(s.clone()),
            Some(_) => Err(format!(
                "\"{field}\" is not a string; give the text as a JSON string"
            )),
            None => Err(format!(
                "the record has no \"{field}\"; give {{\"id\":...,\"source\":\"...\",\"target\":\"...\"}}"
            )),
        }
    };
    let texts = text("source").and_then(|s| Ok((s, text("target")?)));
    (id, texts)
}
