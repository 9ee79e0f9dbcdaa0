//! Reading back an alignment a reviewer edited: a review workbook (`padan align --format xlsx`,
//! or `padan batch`'s corpus workbook, saved by any spreadsheet) or the CSV export, as the
//! reviewer left it.
//!
//! Each row is one unit, its text as edited: a cell's lines are its segments (padan writes a
//! bead's segments one a line), so a sentence moved to the neighbouring row stays where the
//! reviewer put it. Rows marked `reject` are left out; a row with one side empty is a 1-0 or
//! 0-1 unit. The result is an ordinary aligned pair per document, so every alignment format
//! can write it.

use std::io::Write;

use crate::document::{AlignedPair, Bead, Document, ReadOptions};
use crate::error::Error;
use crate::export::tmx::TmxDocument;
use crate::export::xlsx::{CONFIDENCE_HEADER, METADATA_FORMAT, METADATA_SHEET, STATUS_HEADER};
use crate::export::{Tmx, WriteOptions};
use crate::lang::Locale;
use crate::segment;
use crate::table::{read_grids, Grid, Mark};
use crate::text::{Decoded, Encoding};
use crate::Lang;

/// Where a reviewed document came from, as its workbook recorded it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sources {
    /// The source file, as it was named when the workbook was made.
    pub source_file: String,
    /// The target file.
    pub target_file: String,
    /// Fingerprints of their bytes then ([`crate::document::fingerprint`]).
    pub source_fingerprint: String,
    /// The target file's fingerprint.
    pub target_fingerprint: String,
}

/// One reviewed document: its sheet, its two sides (the reviewed segments, one a line), its
/// units, and the files it came from when the workbook says.
#[derive(Debug, Clone)]
pub struct ReviewedDocument {
    /// The sheet's name (empty for a CSV file).
    pub sheet: String,
    /// The reviewed source segments, one a line.
    pub source: Document,
    /// The reviewed target segments, one a line.
    pub target: Document,
    /// One bead a kept row; a row marked `ok` has confidence 1.
    pub beads: Vec<Bead>,
    /// The reviewer's mark of each bead.
    pub marks: Vec<Mark>,
    /// The files the document was aligned from, when recorded.
    pub sources: Option<Sources>,
}

/// A reviewed alignment: its languages (when recorded) and its documents.
#[derive(Debug, Clone)]
pub struct ReviewedAlignment {
    /// The languages the workbook records.
    pub languages: Option<(Locale, Locale)>,
    /// Its documents, in workbook order.
    pub documents: Vec<ReviewedDocument>,
    /// Set when a CSV file's encoding was a guess.
    pub warning: Option<crate::error::Warning>,
}

/// Reads a reviewed alignment from the bytes of `file` (told apart by content: a workbook or
/// delimited text). A row padan cannot read is an error naming its sheet and row.
pub fn read_reviewed(
    bytes: &[u8],
    file: &str,
    encoding: Encoding,
) -> Result<ReviewedAlignment, Error> {
    let (grids, warning) = read_grids(bytes, file, encoding)?;
    let metadata = grids
        .iter()
        .find(|g| g.sheet == METADATA_SHEET)
        .map(|g| Metadata::of(g, file))
        .transpose()?;
    let languages = metadata.as_ref().map(|m| m.languages.clone());
    let mut documents = Vec::new();
    for grid in &grids {
        let listed = metadata
            .as_ref()
            .and_then(|m| m.documents.iter().find(|(sheet, _)| *sheet == grid.sheet));
        let is_document = match &metadata {
            Some(_) => listed.is_some(),
            // A CSV file, or a workbook padan did not make: every sheet with the columns.
            None => grid.sheet != "Summary",
        };
        if !is_document
            || grid
                .rows
                .iter()
                .all(|(_, r)| r.iter().all(|c| c.trim().is_empty()))
        {
            continue;
        }
        let mut document = read_sheet(grid, file, languages.as_ref())?;
        document.sources = listed.map(|(_, sources)| sources.clone());
        documents.push(document);
    }
    if documents.is_empty() {
        return Err(Error::malformed(
            file,
            0,
            "no sheet holds an alignment; give a workbook written by padan align --format xlsx \
             (or padan batch), or its CSV export",
        ));
    }
    Ok(ReviewedAlignment {
        languages,
        documents,
        warning,
    })
}

/// What an alignment workbook's hidden sheet records.
struct Metadata {
    languages: (Locale, Locale),
    /// Sheet name and sources, per document.
    documents: Vec<(String, Sources)>,
}

impl Metadata {
    fn of(grid: &Grid, file: &str) -> Result<Metadata, Error> {
        let cell = |row: &[String], k: usize| row.get(k).map_or("", |c| c.trim()).to_owned();
        let rows: Vec<&Vec<String>> = grid.rows.iter().map(|(_, r)| r).collect();
        let format = rows.first().map(|r| cell(r, 1)).unwrap_or_default();
        if format != METADATA_FORMAT {
            return Err(Error::malformed(
                file,
                0,
                format!(
                    "the sheet {METADATA_SHEET} says {format:?}, not {METADATA_FORMAT:?}: it was \
                     made by another program or another padan; rename that sheet, or align again"
                ),
            ));
        }
        let locale = |text: String, lang| text.parse().unwrap_or(Locale::default_for(lang));
        let languages = rows
            .get(1)
            .map(|r| (locale(cell(r, 1), Lang::Id), locale(cell(r, 2), Lang::En)))
            .unwrap_or((Locale::default_for(Lang::Id), Locale::default_for(Lang::En)));
        let documents = rows
            .iter()
            .skip(3)
            .filter(|r| !cell(r, 0).is_empty())
            .map(|r| {
                (
                    cell(r, 0),
                    Sources {
                        source_file: cell(r, 1),
                        target_file: cell(r, 2),
                        source_fingerprint: cell(r, 3),
                        target_fingerprint: cell(r, 4),
                    },
                )
            })
            .collect();
        Ok(Metadata {
            languages,
            documents,
        })
    }
}

/// The columns of a reviewed sheet that matter.
struct Columns {
    status: Option<usize>,
    source: usize,
    target: usize,
    confidence: Option<usize>,
}

impl Columns {
    /// Finds the columns in a header row: the text columns by the languages' labels
    /// (`Indonesian (id-ID)`), a language name, or `source` / `target`.
    fn find(header: &[String], languages: Option<&(Locale, Locale)>) -> Option<Columns> {
        let position = |accept: &dyn Fn(&str) -> bool| {
            header.iter().position(|h| accept(&h.trim().to_lowercase()))
        };
        let text_column = |label: Option<String>, lang: Lang, plain: &str| {
            let name = lang.name().to_lowercase();
            label
                .and_then(|l| position(&|h| h == l.to_lowercase()))
                .or_else(|| {
                    position(&|h| h == plain || h == name || h.starts_with(&format!("{name} (")))
                })
        };
        let (source_label, target_label) = match languages {
            Some((s, t)) => (Some(s.label()), Some(t.label())),
            None => (None, None),
        };
        let source_lang = languages.map_or(Lang::Id, |l| l.0.lang);
        let target_lang = languages.map_or(Lang::En, |l| l.1.lang);
        Some(Columns {
            status: position(&|h| h == STATUS_HEADER),
            source: text_column(source_label, source_lang, "source")?,
            target: text_column(target_label, target_lang, "target")?,
            confidence: position(&|h| h == CONFIDENCE_HEADER),
        })
    }
}

/// The kept units of one sheet as a reviewed document.
fn read_sheet(
    grid: &Grid,
    file: &str,
    languages: Option<&(Locale, Locale)>,
) -> Result<ReviewedDocument, Error> {
    let mut rows = grid
        .rows
        .iter()
        .skip_while(|(_, r)| r.iter().all(|c| c.trim().is_empty()));
    let Some((header_line, header)) = rows.next() else {
        return Err(grid.error(file, 1, "the sheet has no header row"));
    };
    let Some(columns) = Columns::find(header, languages) else {
        let (s, t) = languages.map_or(("source".to_owned(), "target".to_owned()), |(s, t)| {
            (s.label(), t.label())
        });
        return Err(grid.error(
            file,
            *header_line,
            format!(
                "no columns for the two texts: the header needs {s:?} and {t:?} (or source and \
                 target); were they renamed?"
            ),
        ));
    };
    let mut sides = (String::new(), String::new());
    let mut counts = (0usize, 0usize);
    let mut beads = Vec::new();
    let mut marks = Vec::new();
    for (line, cells) in rows {
        let cell = |k: usize| cells.get(k).map_or("", String::as_str);
        let mark = match columns.status {
            Some(k) => Mark::parse(cell(k)).map_err(|e| grid.error(file, *line, e))?,
            None => Mark::Unreviewed,
        };
        let (source, target) = (
            segments_of(cell(columns.source)),
            segments_of(cell(columns.target)),
        );
        if mark == Mark::Reject || (source.is_empty() && target.is_empty()) {
            continue;
        }
        let confidence = match (mark, columns.confidence) {
            (Mark::Ok, _) => 1.0,
            (_, Some(k)) if !cell(k).trim().is_empty() => cell(k)
                .trim()
                .replace(',', ".")
                .parse::<f64>()
                .ok()
                .filter(|c| (0.0..=1.0).contains(c))
                .ok_or_else(|| {
                    grid.error(
                        file,
                        *line,
                        format!(
                            "the confidence {:?} is not a number from 0 to 1; correct it or empty \
                             the cell",
                            cell(k)
                        ),
                    )
                })?,
            _ => 0.0,
        };
        let start = counts;
        for segment in &source {
            sides.0.push_str(segment);
            sides.0.push('\n');
        }
        for segment in &target {
            sides.1.push_str(segment);
            sides.1.push('\n');
        }
        counts = (counts.0 + source.len(), counts.1 + target.len());
        beads.push(Bead {
            source: start.0..counts.0,
            target: start.1..counts.1,
            confidence,
        });
        marks.push(mark);
    }
    let sheet = if grid.sheet.is_empty() {
        file.to_owned()
    } else {
        grid.sheet.clone()
    };
    let side = |text: String, which: &str, lang: Lang| {
        let decoded = Decoded::utf8(text);
        let options = ReadOptions {
            presegmented: true,
            allow_empty: true,
            // A reviewed cell's lines are its segments, whatever their length.
            max_chars: usize::MAX,
            ..ReadOptions::default()
        };
        Document::from_decoded(format!("{sheet} {which}"), decoded, lang, options).0
    };
    Ok(ReviewedDocument {
        sheet: grid.sheet.clone(),
        source: side(sides.0, "source", languages.map_or(Lang::Id, |l| l.0.lang)),
        target: side(sides.1, "target", languages.map_or(Lang::En, |l| l.1.lang)),
        beads,
        marks,
        sources: None,
    })
}

/// The segments of a cell: its lines, trimmed as pre-segmented input is
/// ([`segment::lines`]), the empty ones dropped.
fn segments_of(cell: &str) -> Vec<&str> {
    segment::lines(cell).iter().map(|s| s.text(cell)).collect()
}

impl ReviewedDocument {
    /// The document as an aligned pair, for the writers of every format.
    pub fn pair(&self) -> AlignedPair<'_> {
        AlignedPair {
            source: self.source.side(),
            target: self.target.side(),
            beads: &self.beads,
        }
    }
}

/// Writes one translation memory of every document of a reviewed file `name`: the files they
/// came from in the header, each unit's review mark as a property.
pub fn write_tmx(
    options: &WriteOptions,
    name: &str,
    documents: &[ReviewedDocument],
    out: &mut dyn Write,
) -> std::io::Result<()> {
    let tmx = Tmx {
        source_lang: options.languages.0.tag.clone(),
        target_lang: options.languages.1.tag.clone(),
        keep_unaligned: options.keep_unaligned,
    };
    let mut header = vec![("x-padan-reviewed", name.to_owned())];
    for document in documents {
        if let Some(sources) = &document.sources {
            header.push(("x-padan-source-file", sources.source_file.clone()));
            header.push(("x-padan-target-file", sources.target_file.clone()));
        }
    }
    let units: Vec<TmxDocument> = documents
        .iter()
        .map(|d| TmxDocument {
            name: &d.sheet,
            pair: d.pair(),
            props: d
                .marks
                .iter()
                .map(|m| match m {
                    Mark::Ok => vec![("x-padan-status", "ok".to_owned())],
                    _ => Vec::new(),
                })
                .collect(),
        })
        .collect();
    tmx.write_documents(&units, &header, out)
}
