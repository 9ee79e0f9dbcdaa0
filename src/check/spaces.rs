//! `spacing`: in the target, a double space, a space before a comma, full stop, colon,
//! semicolon, question or exclamation mark, and a segment that begins or ends with a space
//! (pre-segmented input keeps them). The source is the client's, not the translator's: only the
//! target is checked.

use super::{BeadCheck, BeadPair, Severity};

pub(super) struct Spaces;

impl BeadCheck for Spaces {
    fn name(&self) -> &'static str {
        "spacing"
    }

    fn check(&self, bead: &BeadPair<'_>, found: &mut Vec<(Severity, String)>) {
        let mut problems: Vec<String> = Vec::new();
        let mut note = |p: String| {
            if !problems.contains(&p) {
                problems.push(p);
            }
        };
        for segment in &bead.target.segments {
            if segment.starts_with([' ', '\t']) {
                note("a leading space".to_owned());
            }
            if segment.ends_with([' ', '\t']) {
                note("a trailing space".to_owned());
            }
            let trimmed = segment.trim();
            if let Some(at) = trimmed.find("  ") {
                note(format!("a double space in \"{}\"", context(trimmed, at)));
            }
            for mark in [" ,", " .", " ;", " :", " ?", " !"] {
                if let Some(at) = trimmed.find(mark) {
                    // An ellipsis or a decimal (` .5`) is no stray space.
                    let after = &trimmed[at + mark.len()..];
                    if mark == " ."
                        && (after.starts_with('.')
                            || after.starts_with(|c: char| c.is_ascii_digit()))
                    {
                        continue;
                    }
                    note(format!(
                        "a space before \"{}\" in \"{}\"",
                        &mark[1..],
                        context(trimmed, at)
                    ));
                }
            }
        }
        if !problems.is_empty() {
            found.push((
                Severity::Warning,
                format!("{}: {}", bead.target_lang.name(), problems.join("; ")),
            ));
        }
    }
}

/// Up to 12 characters either side of byte `at`, on character boundaries.
fn context(text: &str, at: usize) -> String {
    let before: String = text[..at]
        .chars()
        .rev()
        .take(12)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    let after: String = text[at..].chars().take(14).collect();
    format!("{before}{after}")
}
