//! `padan segment`: one segment a line, or JSON lines with spans.

use std::io::Write;
use std::process::ExitCode;

use padan::document::{Document, ReadOptions};
use padan::text::{LineCursor, LineIndex};
use serde::Serialize;

use crate::cli::{SegmentArgs, SegmentFormat};
use crate::input::warn;
use crate::io::{display_name, read_bytes, Output};

#[derive(Serialize)]
struct SegmentRow<'a> {
    text: &'a str,
    start: usize,
    end: usize,
    line: usize,
    column: usize,
    paragraph: usize,
    heading: bool,
}

pub fn run(args: SegmentArgs) -> padan::Result<ExitCode> {
    let options = ReadOptions {
        encoding: args.input.encoding()?,
        max_chars: args.max_chars,
        paragraphs: args.paragraphs,
        ..ReadOptions::default()
    };
    let bytes = read_bytes(&args.file)?;
    let (document, warnings) =
        Document::from_bytes(&display_name(&args.file), &bytes, args.lang.lang, options)?;
    warn(warnings);
    let text = &document.decoded.text;
    let offset = document.decoded.bom_len;
    let mut out = Output::create(args.output.as_deref(), &[&args.file])?;
    let index = LineIndex::new(text);
    let mut cursor = LineCursor::new(text, &index);
    for segment in &document.segments {
        let written = match args.format {
            SegmentFormat::Text => writeln!(out, "{}", segment.display(text)),
            SegmentFormat::Jsonl => {
                let (line, column) = cursor.at(segment.span.start);
                let row = SegmentRow {
                    text: &segment.display(text),
                    start: segment.span.start + offset,
                    end: segment.span.end + offset,
                    line,
                    column,
                    paragraph: segment.paragraph,
                    heading: segment.heading,
                };
                serde_json::to_writer(&mut out, &row)
                    .map_err(std::io::Error::from)
                    .and_then(|()| writeln!(out))
            }
        };
        written.map_err(|e| out.error(e))?;
    }
    out.finish()?;
    Ok(ExitCode::SUCCESS)
}
