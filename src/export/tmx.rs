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

impl AlignmentFormat for Tmx {
    fn write(&self, pair: &AlignedPair, out: &mut dyn Write) -> io::Result<()> {
        let (source_lang, target_lang) =
            (xml_escape(&self.source_lang), xml_escape(&self.target_lang));
        writeln!(out, r#"<?xml version="1.0" encoding="UTF-8"?>"#)?;
        writeln!(out, r#"<tmx version="1.4">"#)?;
        // Every attribute TMX 1.4b requires of <header>; no creation date, so that the same
        // input gives the same bytes.
        writeln!(
            out,
            r#"  <header creationtool="padan" creationtoolversion="{}" segtype="sentence" o-tmf="padan" adminlang="en-US" srclang="{source_lang}" datatype="plaintext"/>"#,
            env!("CARGO_PKG_VERSION")
        )?;
        writeln!(out, "  <body>")?;
        for (k, bead) in pair.beads.iter().enumerate() {
            if (bead.source.is_empty() || bead.target.is_empty()) && !self.keep_unaligned {
                continue;
            }
            writeln!(out, r#"    <tu tuid="{}">"#, k + 1)?;
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
        writeln!(out, "  </body>")?;
        writeln!(out, "</tmx>")
    }
}
