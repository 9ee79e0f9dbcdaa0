//! `end-punctuation`: a question or a colon at the end of one side and not the other, and a
//! target that lost the final punctuation its source has. Closing quotes and brackets are looked
//! through (`?”`); an ellipsis counts as a full stop. A source without final punctuation (a
//! heading, or a source that lacks it) against a target sentence is the target's right.

use super::{BeadCheck, BeadPair, Severity};

pub(super) struct EndPunctuation;

/// The end of a bead's last segment: `?`, `!`, `:`, `.` (also `…` and `;`), or none.
fn end(segments: &[String]) -> Option<char> {
    let last = segments.last()?;
    let c = last
        .trim_end()
        .trim_end_matches(|c: char| "\"'”’»)]".contains(c))
        .chars()
        .last()?;
    match c {
        '?' | '!' | ':' => Some(c),
        '.' | '…' | ';' => Some('.'),
        _ => None,
    }
}

fn describe(end: Option<char>) -> &'static str {
    match end {
        Some('?') => "ends with ?",
        Some('!') => "ends with !",
        Some(':') => "ends with :",
        Some(_) => "ends with a full stop",
        None => "has no final punctuation",
    }
}

impl BeadCheck for EndPunctuation {
    fn name(&self) -> &'static str {
        "end-punctuation"
    }

    fn check(&self, bead: &BeadPair<'_>, found: &mut Vec<(Severity, String)>) {
        let (source, target) = (end(&bead.source.segments), end(&bead.target.segments));
        if source == target {
            return;
        }
        // A sentence against a sentence ending in ! or : is a choice of tone, which translators
        // make; a question, or a heading on one side only, is a change of what it is.
        let kind = |e: Option<char>| match e {
            Some('?') => 1,
            None => 2,
            _ => 0,
        };
        if kind(source) == kind(target) && source != Some(':') && target != Some(':') {
            return;
        }
        if source.is_none() && target != Some('?') {
            return;
        }
        found.push((
            Severity::Warning,
            format!(
                "the {} {}, the {} {}",
                bead.source_lang.name(),
                describe(source),
                bead.target_lang.name(),
                describe(target)
            ),
        ));
    }
}
