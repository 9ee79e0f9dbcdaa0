//! One JSON object a bead, with byte spans into both inputs.

use std::io::{self, Write};

use std::collections::HashMap;

use serde::Serialize;
use serde_json::value::RawValue;

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
        confidence: bead.shown_confidence(),
        source_text: &texts.0,
        target_text: &texts.1,
        source_spans: pair.source.spans(&bead.source),
        target_spans: pair.target.spans(&bead.target),
    }
}

#[derive(Serialize)]
struct Record<'a> {
    id: &'a RawValue,
    beads: Vec<Row<'a>>,
}

#[derive(Serialize)]
struct Failed<'a> {
    id: &'a RawValue,
    error: &'a str,
}

/// Writes one aligned record of a streaming run (`padan align --jsonl-in`) as one line:
/// `{"id":...,"beads":[...]}`, each bead as [`Jsonl`] writes it, spans into the record's
/// `source` and `target` strings.
pub fn write_record(id: &RawValue, pair: &AlignedPair, out: &mut dyn Write) -> io::Result<()> {
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
pub fn write_failed_record(id: &RawValue, error: &str, out: &mut dyn Write) -> io::Result<()> {
    serde_json::to_writer(&mut *out, &Failed { id, error })?;
    writeln!(out)
}

/// What a streamed record gives to align: its two texts, or the paths of its two files (read
/// as `padan align SOURCE TARGET` and `padan batch` read them: any encoding, web pages, Word
/// and OpenDocument files).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RecordInput {
    /// `"source"` and `"target"`: the texts themselves.
    Texts(String, String),
    /// `"source_file"` and `"target_file"`: paths every reader of the stream can open.
    Files(String, String),
}

/// One record of a streaming run (`padan align --jsonl-in`) as read from its line: its id as
/// written (null when it has none; `1.10` stays `1.10`, a long number keeps every digit) and
/// its source and target texts or files, or what is wrong with it. A byte-order mark before
/// the first record is skipped.
///
/// ```
/// use padan::export::{read_record, RecordInput};
/// let (id, input) = read_record(br#"{"id":1.10,"source":"Satu.","target":"One."}"#);
/// assert_eq!((id.get(), input), ("1.10", Ok(RecordInput::Texts("Satu.".into(), "One.".into()))));
/// let (_, input) = read_record(br#"{"id":"a","source_file":"id/a.txt","target_file":"en/a.txt"}"#);
/// assert_eq!(input, Ok(RecordInput::Files("id/a.txt".into(), "en/a.txt".into())));
/// ```
pub fn read_record(line: &[u8]) -> (Box<RawValue>, Result<RecordInput, String>) {
    const SHAPE: &str = "give {\"id\":...,\"source\":\"...\",\"target\":\"...\"} or {\"id\":...,\"source_file\":\"...\",\"target_file\":\"...\"}";
    let null = || RawValue::from_string("null".to_owned()).unwrap_or_default();
    let line = line.strip_prefix("\u{feff}".as_bytes()).unwrap_or(line);
    let fields: HashMap<String, Box<RawValue>> = match serde_json::from_slice(line) {
        Ok(fields) => fields,
        Err(e) => {
            return (
                null(),
                Err(format!(
                    "not a JSON record ({e}); give one object a line: {{\"id\":...,\"source\":\"...\",\"target\":\"...\"}}"
                )),
            )
        }
    };
    let id = fields.get("id").cloned().unwrap_or_else(null);
    let text = |field: &str| -> Result<String, String> {
        match fields.get(field) {
            Some(raw) => serde_json::from_str::<String>(raw.get())
                .map_err(|_| format!("\"{field}\" is not a string; give it as a JSON string")),
            None => Err(format!("the record has no \"{field}\"; {SHAPE}")),
        }
    };
    let files = fields.contains_key("source_file") || fields.contains_key("target_file");
    let texts = fields.contains_key("source") || fields.contains_key("target");
    let input = match (texts, files) {
        (true, true) => Err(format!("the record has both texts and files; {SHAPE}")),
        (false, true) => {
            text("source_file").and_then(|s| Ok(RecordInput::Files(s, text("target_file")?)))
        }
        _ => text("source").and_then(|s| Ok(RecordInput::Texts(s, text("target")?))),
    };
    (id, input)
}
