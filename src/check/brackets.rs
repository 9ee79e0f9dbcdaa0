//! `bracket-mismatch`: brackets and quotation marks left open or closed twice in the target
//! where the source is balanced (`“` without `”`, `(` without `)`), and both styles of
//! quotation mark in one target (`“...” ... "..."`). A quotation that runs over several
//! sentences leaves both sides open alike, which is no flag; a target whose house style
//! differs from the source's (`“...”` for `"..."`) is a convention, not an error.

use super::{BeadCheck, BeadPair, Severity};

pub(super) struct Brackets;

/// (opening, closing) pairs; the straight double quote is its own pair, counted by parity.
const PAIRS: &[(char, char)] = &[('(', ')'), ('[', ']'), ('{', '}'), ('“', '”'), ('«', '»')];

/// How far each pair is left open (opening less closing), and whether straight double quotes
/// are odd in number.
fn balance(text: &str) -> (Vec<i32>, bool) {
    let mut open = vec![0i32; PAIRS.len()];
    let mut straight = 0usize;
    for c in text.chars() {
        for (k, (o, cl)) in PAIRS.iter().enumerate() {
            if c == *o {
                open[k] += 1;
            } else if c == *cl {
                open[k] -= 1;
            }
        }
        if c == '"' {
            straight += 1;
        }
    }
    (open, straight % 2 == 1)
}

impl BeadCheck for Brackets {
    fn name(&self) -> &'static str {
        "bracket-mismatch"
    }

    fn check(&self, bead: &BeadPair<'_>, found: &mut Vec<(Severity, String)>) {
        let (s, t) = (&bead.source.text, &bead.target.text);
        let ((source, source_odd), (target, target_odd)) = (balance(s), balance(t));
        let curly = |text: &str| text.contains('“') || text.contains('”');
        let (s_straight, t_straight) = (s.contains('"'), t.contains('"'));
        // Curly and straight quotes count as one kind when the two sides' styles differ.
        let styles_differ = curly(s) != curly(t) || s_straight != t_straight;
        let target_lang = bead.target_lang.name();
        let mut problems = Vec::new();
        for (k, (o, c)) in PAIRS.iter().enumerate() {
            let quote = *o == '“';
            let (source_open, target_open) = if quote && styles_differ {
                (
                    source[k] + i32::from(source_odd),
                    target[k] + i32::from(target_odd),
                )
            } else {
                (source[k], target[k])
            };
            if source_open == 0 && target_open != 0 {
                problems.push(if target_open > 0 {
                    format!("{o} without {c} in the {target_lang}")
                } else {
                    format!("{c} without {o} in the {target_lang}")
                });
            }
        }
        if !styles_differ && !source_odd && target_odd {
            problems.push(format!("an unpaired \" in the {target_lang}"));
        }
        if curly(t) && t_straight {
            problems.push(format!("both “...” and \"...\" in the {target_lang}"));
        }
        if !problems.is_empty() {
            found.push((Severity::Warning, problems.join("; ")));
        }
    }
}
