//! Word-processor documents as text: the paragraphs and headings of a `.docx` (Office Open XML)
//! or `.odt` (OpenDocument) file, one a line, read from the document's XML inside its zip.
//! Deleted text of tracked changes, footnotes and fields' codes are left out.

use std::io::Read;

use crate::error::{Error, Location};

/// The largest XML part read from an archive: a document's text is far smaller, and a zip
/// bomb stops here.
const MAX_PART_BYTES: u64 = 256 * 1024 * 1024;

const WORD: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const ODF_TEXT: &str = "urn:oasis:names:tc:opendocument:xmlns:text:1.0";
const ODF_OFFICE: &str = "urn:oasis:names:tc:opendocument:xmlns:office:1.0";

/// The part `name` of the zip archive in `bytes`, as text.
fn part(bytes: &[u8], name: &str, file: &str) -> Result<String, Error> {
    let damaged = |what: String| Error::Malformed {
        at: Location::file(file),
        message: format!("{what}; save the document again from the word processor"),
    };
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes))
        .map_err(|e| damaged(format!("cannot open the document's archive ({e})")))?;
    let entry = archive
        .by_name(name)
        .map_err(|e| damaged(format!("the document has no {name} ({e})")))?;
    let mut text = String::new();
    entry
        .take(MAX_PART_BYTES)
        .read_to_string(&mut text)
        .map_err(|e| damaged(format!("cannot read {name} ({e})")))?;
    Ok(text)
}

fn parse<'x>(xml: &'x str, file: &str) -> Result<roxmltree::Document<'x>, Error> {
    let options = roxmltree::ParsingOptions {
        allow_dtd: false,
        ..roxmltree::ParsingOptions::default()
    };
    roxmltree::Document::parse_with_options(xml, options).map_err(|e| Error::Malformed {
        at: Location::file(file),
        message: format!(
            "the document's XML is broken ({e}); save it again from the word processor"
        ),
    })
}

/// The paragraphs of a `.docx` file, one a line (a line break inside a paragraph too).
pub fn docx_text(bytes: &[u8], file: &str) -> Result<String, Error> {
    let xml = part(bytes, "word/document.xml", file)?;
    let document = parse(&xml, file)?;
    let mut lines = Lines::default();
    for paragraph in document
        .descendants()
        .filter(|n| n.has_tag_name((WORD, "p")))
    {
        // A paragraph inside another (a text box) is read as its own.
        if paragraph
            .ancestors()
            .skip(1)
            .any(|a| a.has_tag_name((WORD, "p")))
        {
            continue;
        }
        docx_runs(paragraph, &mut lines);
        lines.end();
    }
    Ok(lines.finish())
}

fn docx_runs(node: roxmltree::Node, lines: &mut Lines) {
    for child in node.children() {
        if child.tag_name().namespace() != Some(WORD) {
            docx_runs(child, lines);
            continue;
        }
        match child.tag_name().name() {
            "t" => lines.push(child.text().unwrap_or("")),
            "tab" => lines.push("\t"),
            "br" | "cr" => lines.end(),
            // Deleted text, field codes, footnote references and nested paragraphs are not
            // this paragraph's text.
            "del" | "delText" | "instrText" | "footnoteReference" | "endnoteReference" | "p" => {}
            _ => docx_runs(child, lines),
        }
    }
}

/// The paragraphs and headings of an `.odt` file, one a line.
pub fn odt_text(bytes: &[u8], file: &str) -> Result<String, Error> {
    let xml = part(bytes, "content.xml", file)?;
    let document = parse(&xml, file)?;
    let mut lines = Lines::default();
    let body = document
        .descendants()
        .find(|n| n.has_tag_name((ODF_OFFICE, "text")))
        .unwrap_or_else(|| document.root_element());
    odt_blocks(body, &mut lines);
    Ok(lines.finish())
}

fn odt_blocks(node: roxmltree::Node, lines: &mut Lines) {
    for child in node.children().filter(|n| n.is_element()) {
        let in_text = child.tag_name().namespace() == Some(ODF_TEXT);
        match child.tag_name().name() {
            "p" | "h" if in_text => {
                odt_inline(child, lines);
                lines.end();
            }
            "tracked-changes" | "note" | "sequence-decls" if in_text => {}
            _ => odt_blocks(child, lines),
        }
    }
}

fn odt_inline(node: roxmltree::Node, lines: &mut Lines) {
    for child in node.children() {
        if child.is_text() {
            lines.push(child.text().unwrap_or(""));
            continue;
        }
        if child.tag_name().namespace() != Some(ODF_TEXT) {
            odt_inline(child, lines);
            continue;
        }
        match child.tag_name().name() {
            "s" => {
                let count = child
                    .attribute((ODF_TEXT, "c"))
                    .and_then(|c| c.parse::<usize>().ok())
                    .unwrap_or(1)
                    .min(1000);
                lines.push(&" ".repeat(count));
            }
            "tab" => lines.push("\t"),
            "line-break" => lines.end(),
            "note" | "tracked-changes" => {}
            _ => odt_inline(child, lines),
        }
    }
}

/// Lines being collected: each one's white space folded, the empty ones dropped.
#[derive(Default)]
struct Lines {
    done: Vec<String>,
    current: String,
}

impl Lines {
    fn push(&mut self, text: &str) {
        self.current.push_str(text);
    }

    fn end(&mut self) {
        let line: Vec<&str> = self.current.split_whitespace().collect();
        if !line.is_empty() {
            self.done.push(line.join(" "));
        }
        self.current.clear();
    }

    fn finish(mut self) -> String {
        self.end();
        self.done.join("\n")
    }
}
