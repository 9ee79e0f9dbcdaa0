//! `padan segment`: one segment a line, or JSON lines with spans.

use std::io::Write;
use std::process::ExitCode;

use padan::document::segment_text;
use padan::text::{LineCursor, LineIndex};
use serde::Serialize;

use crate::cli::{SegmentArgs, SegmentFormat};
use crate::input::warn;
use crate::io::{display_name, read_text, Output};

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
    let decoded = read_text(&args.file, args.input.encoding()?)?;
    let text = &decoded.text;
    let (segments, warning) = segment_text(
        &display_name(&args.file),
        text,
        args.lang.lang,
        args.max_chars,
    );
    warn(warning);
    let mut out = Output::create(args.output.as_deref(), &[&args.file])?;
    let index = LineIndex::new(text);
    let mut cursor = LineCursor::new(text, &index);
    for segment in &segments {
        let written = match args.format {
            SegmentFormat::Text => writeln!(out, "{}", segment.text(text)),
            SegmentFormat::Jsonl => {
                let (line, column) = cursor.at(segment.span.start);
                let row = SegmentRow {
                    text: segment.text(text),
                    start: segment.span.start + decoded.bom_len,
                    end: segment.span.end + decoded.bom_len,
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
