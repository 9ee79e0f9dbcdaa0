//! TMX 1.4b: aligned pairs as translation units for a CAT tool's translation memory.

use std::io::{self, Write};

use super::{xml_escape, AlignmentFormat};
use crate::document::{human_ids, AlignedPair};

/// TMX 1.4b output. 1-1 and merged beads become translation units; 1-0 and 0-1 beads are left
/// out unless `keep_unaligned` (then the missing side is an empty segment).
#[derive(Debug, Clone)]
pub struct Tmx {
    /// `xml:lang` of the source side, e.g. `id-ID`.
    pub source_lang: String,
    /// `xml:lang` of the target side, e.g. `en-US`.
    pub target_lang: String,
    /// Keep beads with one side empty.
    pub keep_unaligned: bool,
}

/// One document of a translation memory: its name, its pair, and per bead any properties
/// to add to its unit (a reviewer's mark).
pub struct TmxDocument<'a> {
    /// The document's name (a `x-padan-document` property when there are several).
    pub name: &'a str,
    /// The aligned pair.
    pub pair: AlignedPair<'a>,
    /// Extra properties per bead, `(type, value)`; empty for none.
    pub props: Vec<Vec<(&'static str, String)>>,
}

impl AlignmentFormat for Tmx {
    fn write(&self, pair: &AlignedPair, out: &mut dyn Write) -> io::Result<()> {
        let document = TmxDocument {
            name: pair.source.name,
            pair: *pair,
            props: Vec::new(),
        };
        self.write_documents(&[document], &[], out)
    }
}

impl Tmx {
    /// Writes one memory of every document's units, numbered through; `header` properties
    /// (`(type, value)`) describe the whole memory (the files it came from).
    pub fn write_documents(
        &self,
        documents: &[TmxDocument],
        header: &[(&str, String)],
        out: &mut dyn Write,
    ) -> io::Result<()> {
        let (source_lang, target_lang) =
            (xml_escape(&self.source_lang), xml_escape(&self.target_lang));
        writeln!(out, r#"<?xml version="1.0" encoding="UTF-8"?>"#)?;
        writeln!(out, r#"<tmx version="1.4">"#)?;
        // Every attribute TMX 1.4b requires of <header>; no creation date, so that the same
        // input gives the same bytes.
        let attributes = format!(
            r#"creationtool="padan" creationtoolversion="{}" segtype="sentence" o-tmf="padan" adminlang="en-US" srclang="{source_lang}" datatype="plaintext""#,
            env!("CARGO_PKG_VERSION")
        );
        if header.is_empty() {
            writeln!(out, "  <header {attributes}/>")?;
        } else {
            writeln!(out, "  <header {attributes}>")?;
            for (kind, value) in header {
                writeln!(
                    out,
                    r#"    <prop type="{}">{}</prop>"#,
                    xml_escape(kind),
                    xml_escape(value)
                )?;
            }
            writeln!(out, "  </header>")?;
        }
        writeln!(out, "  <body>")?;
        let mut unit = 0;
        for document in documents {
            let pair = &document.pair;
            for (k, bead) in pair.beads.iter().enumerate() {
                if (bead.source.is_empty() || bead.target.is_empty()) && !self.keep_unaligned {
                    continue;
                }
                unit = if documents.len() == 1 {
                    k + 1
                } else {
                    unit + 1
                };
                writeln!(out, r#"    <tu tuid="{unit}">"#)?;
                if documents.len() > 1 {
                    writeln!(
                        out,
                        r#"      <prop type="x-padan-document">{}</prop>"#,
                        xml_escape(document.name)
                    )?;
                }
                writeln!(
                    out,
                    r#"      <prop type="x-padan-beads">{}:{}</prop>"#,
                    human_ids(&bead.source),
                    human_ids(&bead.target)
                )?;
                writeln!(
                    out,
                    r#"      <prop type="x-padan-confidence">{:.3}</prop>"#,
                    bead.confidence
                )?;
                for (kind, value) in document.props.get(k).into_iter().flatten() {
                    writeln!(
                        out,
                        r#"      <prop type="{kind}">{}</prop>"#,
                        xml_escape(value)
                    )?;
                }
                for (lang, side, range) in [
                    (&source_lang, &pair.source, &bead.source),
                    (&target_lang, &pair.target, &bead.target),
                ] {
                    writeln!(
                        out,
                        r#"      <tuv xml:lang="{lang}"><seg>{}</seg></tuv>"#,
                        xml_escape(&side.joined(range))
                    )?;
                }
                writeln!(out, "    </tu>")?;
            }
        }
        writeln!(out, "  </body>")?;
        writeln!(out, "</tmx>")
    }
}
