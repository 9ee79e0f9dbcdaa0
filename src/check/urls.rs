//! `link-mismatch`: web addresses, e-mail addresses, handles (`@name`) and file names
//! (`laporan.pdf`) that differ or are missing. They are copied, never translated.

use std::sync::LazyLock;

use regex::Regex;

use super::{BeadCheck, BeadPair, Severity};

pub(super) struct Links;

static LINK: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(concat!(
        r"(?i)\b(?:https?://|www\.)[^\s<>“”]+",
        r"|[\w.+-]+@[\w-]+(?:\.[\w-]+)+",
        r"|(?:^|\s)@\w{2,}",
        r"|\b[\w-]+\.(?:pdf|docx?|xlsx?|pptx?|csv|txt|zip|jpe?g|png|gif|html?|mp[34])\b",
    ))
    .ok()
});

/// The links of a text, as written and as compared (lower case, closing punctuation off).
fn links(text: &str) -> Vec<(String, String)> {
    let Some(pattern) = LINK.as_ref() else {
        return Vec::new();
    };
    let mut out: Vec<(String, String)> = Vec::new();
    for m in pattern.find_iter(text) {
        let shown = m
            .as_str()
            .trim()
            .trim_end_matches(|c: char| ".,;:!?)]}'\"’”".contains(c))
            .to_owned();
        let key = shown
            .to_lowercase()
            .trim_start_matches("https://")
            .trim_start_matches("http://")
            .trim_end_matches('/')
            .to_owned();
        if !out.iter().any(|(_, k)| *k == key) {
            out.push((shown, key));
        }
    }
    out
}

impl BeadCheck for Links {
    fn name(&self) -> &'static str {
        "link-mismatch"
    }

    fn check(&self, bead: &BeadPair<'_>, found: &mut Vec<(Severity, String)>) {
        let (source, target) = (links(&bead.source.text), links(&bead.target.text));
        let missing = |from: &[(String, String)], other: &[(String, String)]| -> Vec<String> {
            from.iter()
                .filter(|(_, k)| !other.iter().any(|(_, o)| o == k))
                .map(|(s, _)| s.clone())
                .collect()
        };
        let (s, t) = (bead.source_lang.name(), bead.target_lang.name());
        for (only, here, there) in [
            (missing(&source, &target), s, t),
            (missing(&target, &source), t, s),
        ] {
            if !only.is_empty() {
                found.push((
                    Severity::Error,
                    format!("{} in the {here}, not in the {there}", only.join(", ")),
                ));
            }
        }
    }
}
