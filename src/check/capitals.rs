//! `capitalisation`: a target sentence that starts in lower case where its source starts with
//! a capital, and a name of the source written in lower case in the target (`Jakarta` ...
//! `jakarta`).

use super::{BeadCheck, BeadPair, Severity};
use crate::text::tokens::scan_tokens;

pub(super) struct Capitals;

/// The first letter of a text, past quotes, brackets, digits and dashes.
fn first_letter(text: &str) -> Option<char> {
    text.chars().find(|c| c.is_alphabetic())
}

impl BeadCheck for Capitals {
    fn name(&self) -> &'static str {
        "capitalisation"
    }

    fn check(&self, bead: &BeadPair<'_>, found: &mut Vec<(Severity, String)>) {
        let mut problems = Vec::new();
        let starts_upper = bead
            .source
            .segments
            .first()
            .and_then(|s| first_letter(s))
            .is_some_and(char::is_uppercase);
        if starts_upper {
            for segment in &bead.target.segments {
                // A sentence starting with a word such as `iPhone` or `eBay` keeps its lower case.
                let first_word = segment
                    .trim_start_matches(|c: char| !c.is_alphabetic())
                    .split(|c: char| !c.is_alphanumeric())
                    .next()
                    .unwrap_or_default();
                if first_word.chars().next().is_some_and(char::is_lowercase)
                    && !first_word.chars().skip(1).any(char::is_uppercase)
                {
                    let preview: String = segment.trim().chars().take(30).collect();
                    problems.push(format!(
                        "the {} sentence starts in lower case: \"{preview}\"",
                        bead.target_lang.name()
                    ));
                    break;
                }
            }
        }
        let mut lowered = Vec::new();
        for (word, surface) in &bead.source.names {
            if bead.lexicon.knows_english(&bead.lexicon.stem_en(word)) || lowered.contains(surface)
            {
                continue;
            }
            let mut lower_seen = false;
            let mut capital_seen = false;
            for segment in &bead.target.segments {
                scan_tokens(segment, |lower, shown, capitalized| {
                    if lower == word {
                        if capitalized || shown.chars().next().is_some_and(char::is_uppercase) {
                            capital_seen = true;
                        } else if shown == lower {
                            lower_seen = true;
                        }
                    }
                });
            }
            if lower_seen && !capital_seen {
                lowered.push(surface.clone());
            }
        }
        if !lowered.is_empty() {
            let shown: Vec<String> = lowered
                .iter()
                .map(|w| format!("{w} as {}", w.to_lowercase()))
                .collect();
            problems.push(format!(
                "{} in the {}",
                shown.join(", "),
                bead.target_lang.name()
            ));
        }
        if !problems.is_empty() {
            found.push((Severity::Warning, problems.join("; ")));
        }
    }
}
