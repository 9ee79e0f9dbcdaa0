//! One JSON object a bead, with byte spans into both inputs.

use std::io::{self, Write};

use serde::Serialize;

use super::{AlignedPair, AlignmentFormat};

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
            let source_text = pair.source.joined(&bead.source);
            let target_text = pair.target.joined(&bead.target);
            let row = Row {
                bead: n + 1,
                source: bead.source.clone().collect(),
                target: bead.target.clone().collect(),
                confidence: (bead.confidence * 1000.0).round() / 1000.0,
                source_text: &source_text,
                target_text: &target_text,
                source_spans: pair.source.spans(&bead.source),
                target_spans: pair.target.spans(&bead.target),
            };
            serde_json::to_writer(&mut *out, &row)?;
            writeln!(out)?;
        }
        Ok(())
    }
}
