//! Glossary formats for CAT tools: TBX-Basic and OmegaT's tab-separated glossary.
//!
//! A termbase holds agreed terms: once a person has reviewed the glossary (some row approved,
//! rejected or added), only its approved and added rows go in, unless `all` asks for the
//! proposals too; an unreviewed glossary goes in whole, each entry marked as a proposal.
//! Rejected rows are a reviewer's "not this pair" and never reach a termbase.

use std::collections::BTreeMap;
use std::io::{self, Write};

use super::xml_escape;
use crate::glossary::review::Sheet;
use crate::table::Status;

/// The rows that belong in a termbase, in sheet order, with their status.
fn term_rows(sheet: &Sheet, all: bool) -> impl Iterator<Item = (&Vec<String>, Status)> {
    let reviewed = sheet.reviewed();
    sheet.rows.iter().filter_map(move |row| {
        let status = sheet.status(row);
        let keep = !sheet.cell(row, "source_term").is_empty()
            && !sheet.cell(row, "target_term").is_empty()
            && status != Status::Rejected
            && (all || !reviewed || status.is_agreed());
        keep.then_some((row, status))
    })
}

/// A concept entry: the source term as first shown, and its rows with their status.
type Concept<'s> = (String, Vec<(&'s Vec<String>, Status)>);

/// Writes OmegaT's glossary format: `source<TAB>target<TAB>comment` lines, no header; the
/// comment holds the kind, the status and the reviewer's note. Tabs and line breaks inside a
/// cell become spaces, so every entry stays one line.
pub fn write_omegat(sheet: &Sheet, all: bool, out: &mut dyn Write) -> io::Result<()> {
    let flat = |s: &str| s.replace(['\t', '\n', '\r'], " ");
    for (row, _) in term_rows(sheet, all) {
        let comment: Vec<&str> = ["kind", "status", "note"]
            .iter()
            .map(|c| sheet.cell(row, c))
            .filter(|c| !c.is_empty())
            .collect();
        writeln!(
            out,
            "{}\t{}\t{}",
            flat(sheet.cell(row, "source_term")),
            flat(sheet.cell(row, "target_term")),
            flat(&comment.join("; "))
        )?;
    }
    Ok(())
}

/// Writes TBX-Basic: one concept entry per source term (grouped case-insensitively, in sheet
/// order), its English variants as synonyms; approved rows are preferred terms, added ones
/// admitted, proposals (unreviewed, or with `all`) admitted with a note saying so; the example
/// sentences become contexts.
pub fn write_tbx(
    sheet: &Sheet,
    (source_lang, target_lang): (&str, &str),
    all: bool,
    out: &mut dyn Write,
) -> io::Result<()> {
    // Concepts in first-seen order: source key -> (first surface, rows).
    let mut order: Vec<String> = Vec::new();
    let mut concepts: BTreeMap<String, Concept> = BTreeMap::new();
    for (row, status) in term_rows(sheet, all) {
        let source = sheet.cell(row, "source_term");
        let key = source.to_lowercase();
        let entry = concepts.entry(key.clone()).or_insert_with(|| {
            order.push(key);
            (source.to_owned(), Vec::new())
        });
        let target = sheet.cell(row, "target_term");
        if !entry
            .1
            .iter()
            .any(|(r, _)| sheet.cell(r, "target_term").eq_ignore_ascii_case(target))
        {
            entry.1.push((row, status));
        }
    }
    let (source_lang, target_lang) = (xml_escape(source_lang), xml_escape(target_lang));
    writeln!(out, r#"<?xml version="1.0" encoding="UTF-8"?>"#)?;
    writeln!(out, r#"<martif type="TBX-Basic" xml:lang="{target_lang}">"#)?;
    writeln!(out, "  <martifHeader>")?;
    writeln!(
        out,
        "    <fileDesc><sourceDesc><p>Glossary made by padan {} from aligned {source_lang} and {target_lang} text</p></sourceDesc></fileDesc>",
        env!("CARGO_PKG_VERSION")
    )?;
    writeln!(
        out,
        r#"    <encodingDesc><p type="XCSURI">TBXBasicXCSV02.xcs</p></encodingDesc>"#
    )?;
    writeln!(out, "  </martifHeader>")?;
    writeln!(out, "  <text>")?;
    writeln!(out, "    <body>")?;
    for (n, key) in order.iter().enumerate() {
        let Some((source, rows)) = concepts.get(key) else {
            continue;
        };
        writeln!(out, r#"      <termEntry id="c{}">"#, n + 1)?;
        let first = rows.first().map(|(r, _)| r.as_slice()).unwrap_or(&[]);
        writeln!(out, r#"        <langSet xml:lang="{source_lang}">"#)?;
        writeln!(out, "          <tig>")?;
        writeln!(out, "            <term>{}</term>", xml_escape(source))?;
        let example = sheet.cell(first, "example_source");
        if !example.is_empty() {
            writeln!(
                out,
                r#"            <descrip type="context">{}</descrip>"#,
                xml_escape(example)
            )?;
        }
        writeln!(out, "          </tig>")?;
        writeln!(out, "        </langSet>")?;
        writeln!(out, r#"        <langSet xml:lang="{target_lang}">"#)?;
        for (row, status) in rows {
            let administrative = if *status == Status::Approved {
                "preferredTerm-admn-sts"
            } else {
                "admittedTerm-admn-sts"
            };
            writeln!(out, "          <tig>")?;
            writeln!(
                out,
                "            <term>{}</term>",
                xml_escape(sheet.cell(row, "target_term"))
            )?;
            writeln!(
                out,
                r#"            <termNote type="administrativeStatus">{administrative}</termNote>"#
            )?;
            let example = sheet.cell(row, "example_target");
            if !example.is_empty() {
                writeln!(
                    out,
                    r#"            <descrip type="context">{}</descrip>"#,
                    xml_escape(example)
                )?;
            }
            let note = sheet.cell(row, "note");
            if !note.is_empty() {
                writeln!(out, "            <note>{}</note>", xml_escape(note))?;
            }
            if *status == Status::Proposed {
                writeln!(
                    out,
                    "            <note>proposed by padan, not reviewed</note>"
                )?;
            }
            writeln!(out, "          </tig>")?;
        }
        writeln!(out, "        </langSet>")?;
        writeln!(out, "      </termEntry>")?;
    }
    writeln!(out, "    </body>")?;
    writeln!(out, "  </text>")?;
    writeln!(out, "</martif>")
}
