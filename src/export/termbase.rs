//! Glossary formats for CAT tools: TBX-Basic and OmegaT's tab-separated glossary.
//!
//! Both take the rows a glossary keeps: approved, added and proposed ones; rejected rows are a
//! reviewer's "not this pair" and never reach a termbase.

use std::collections::BTreeMap;
use std::io::{self, Write};

use super::xml_escape;
use crate::glossary::review::Sheet;

/// A row's cell by column name, empty when the sheet lacks the column.
fn cell<'a>(sheet: &Sheet, row: &'a [String], name: &str) -> &'a str {
    sheet
        .header
        .iter()
        .position(|h| h == name)
        .and_then(|c| row.get(c))
        .map_or("", |s| s.trim())
}

/// The rows that belong in a termbase, in sheet order: with both terms, not rejected.
fn term_rows(sheet: &Sheet) -> impl Iterator<Item = &Vec<String>> {
    sheet.rows.iter().filter(|row| {
        !cell(sheet, row, "source_term").is_empty()
            && !cell(sheet, row, "target_term").is_empty()
            && !cell(sheet, row, "status").eq_ignore_ascii_case("rejected")
    })
}

/// Writes OmegaT's glossary format: `source<TAB>target<TAB>comment` lines, no header; the
/// comment holds the kind, the status and the reviewer's note. Tabs and line breaks inside a
/// cell become spaces, so every entry stays one line.
pub fn write_omegat(sheet: &Sheet, out: &mut dyn Write) -> io::Result<()> {
    let flat = |s: &str| s.replace(['\t', '\n', '\r'], " ");
    for row in term_rows(sheet) {
        let comment: Vec<&str> = ["kind", "status", "note"]
            .iter()
            .map(|c| cell(sheet, row, c))
            .filter(|c| !c.is_empty())
            .collect();
        writeln!(
            out,
            "{}\t{}\t{}",
            flat(cell(sheet, row, "source_term")),
            flat(cell(sheet, row, "target_term")),
            flat(&comment.join("; "))
        )?;
    }
    Ok(())
}

/// Writes TBX-Basic: one concept entry per source term (grouped case-insensitively, in sheet
/// order), its English variants as synonyms; approved rows are preferred terms, the others
/// admitted ones; the example sentences become contexts.
pub fn write_tbx(
    sheet: &Sheet,
    source_lang: &str,
    target_lang: &str,
    out: &mut dyn Write,
) -> io::Result<()> {
    // Concepts in first-seen order: source key -> (first surface, rows).
    let mut order: Vec<String> = Vec::new();
    let mut concepts: BTreeMap<String, (String, Vec<&Vec<String>>)> = BTreeMap::new();
    for row in term_rows(sheet) {
        let source = cell(sheet, row, "source_term");
        let key = source.to_lowercase();
        let entry = concepts.entry(key.clone()).or_insert_with(|| {
            order.push(key);
            (source.to_owned(), Vec::new())
        });
        let target = cell(sheet, row, "target_term");
        if !entry
            .1
            .iter()
            .any(|r| cell(sheet, r, "target_term").eq_ignore_ascii_case(target))
        {
            entry.1.push(row);
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
        let first = rows.first().map(|r| r.as_slice()).unwrap_or(&[]);
        writeln!(out, r#"        <langSet xml:lang="{source_lang}">"#)?;
        writeln!(out, "          <tig>")?;
        writeln!(out, "            <term>{}</term>", xml_escape(source))?;
        let example = cell(sheet, first, "example_source");
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
        for row in rows {
            let status = if cell(sheet, row, "status").eq_ignore_ascii_case("approved") {
                "preferredTerm-admn-sts"
            } else {
                "admittedTerm-admn-sts"
            };
            writeln!(out, "          <tig>")?;
            writeln!(
                out,
                "            <term>{}</term>",
                xml_escape(cell(sheet, row, "target_term"))
            )?;
            writeln!(
                out,
                r#"            <termNote type="administrativeStatus">{status}</termNote>"#
            )?;
            let example = cell(sheet, row, "example_target");
            if !example.is_empty() {
                writeln!(
                    out,
                    r#"            <descrip type="context">{}</descrip>"#,
                    xml_escape(example)
                )?;
            }
            let note = cell(sheet, row, "note");
            if !note.is_empty() {
                writeln!(out, "            <note>{}</note>", xml_escape(note))?;
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
