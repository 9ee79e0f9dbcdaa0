//! `placeholder-mismatch`: placeholders and tags (`{0}`, `{name}`, `%s`, `%1$d`, `<b>`,
//! `</b>`, `<br/>`, `[1]`) missing, added, or (for the positional `%s` kind) reordered.

use std::sync::LazyLock;

use regex::Regex;

use super::{BeadCheck, BeadPair, Severity};

pub(super) struct Placeholders;

static PLACEHOLDER: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(concat!(
        r"\{[\w.:-]{0,30}\}",
        r"|%(?:\d+\$)?[sdif@]",
        r"|</?[A-Za-z][A-Za-z0-9]*(?:\s[^<>]*)?/?>",
        r"|\[\d{1,3}\]",
    ))
    .ok()
});

fn placeholders(text: &str) -> Vec<String> {
    PLACEHOLDER.as_ref().map_or_else(Vec::new, |p| {
        p.find_iter(text).map(|m| m.as_str().to_owned()).collect()
    })
}

impl BeadCheck for Placeholders {
    fn name(&self) -> &'static str {
        "placeholder-mismatch"
    }

    fn check(&self, bead: &BeadPair<'_>, found: &mut Vec<(Severity, String)>) {
        let (source, target) = (
            placeholders(&bead.source.text),
            placeholders(&bead.target.text),
        );
        let mut left = target.clone();
        let mut missing = Vec::new();
        for p in &source {
            match left.iter().position(|t| t == p) {
                Some(k) => {
                    left.remove(k);
                }
                None => missing.push(p.clone()),
            }
        }
        let (s, t) = (bead.source_lang.name(), bead.target_lang.name());
        if !missing.is_empty() {
            found.push((
                Severity::Error,
                format!("{} in the {s}, not in the {t}", missing.join(" ")),
            ));
        }
        if !left.is_empty() {
            found.push((
                Severity::Error,
                format!("{} in the {t}, not in the {s}", left.join(" ")),
            ));
        }
        // Unnumbered printf placeholders are filled in order: swapping them swaps the values.
        let positional = |v: &[String]| -> Vec<String> {
            v.iter()
                .filter(|p| p.starts_with('%') && p.len() == 2)
                .cloned()
                .collect()
        };
        let (ps, pt) = (positional(&source), positional(&target));
        if missing.is_empty() && ps.len() == pt.len() && ps != pt {
            found.push((
                Severity::Warning,
                format!(
                    "{} in the {s}, {} in the {t}: filled in order",
                    ps.join(" "),
                    pt.join(" ")
                ),
            ));
        }
    }
}
