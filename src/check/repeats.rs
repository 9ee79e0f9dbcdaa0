//! `repeated-word`: a word written twice by mistake (`the the`, `yang yang`). Indonesian
//! reduplication is written with a hyphen (`buku-buku`, `kupu-kupu`, `bolak-balik`) and is a
//! word of its own, never a repeat; English doubles that grammar allows (`had had`, `that
//! that`) are not flagged.

use super::{BeadCheck, BeadPair, Severity};

pub(super) struct Repeats;

/// English words that may stand twice in a row in a correct sentence.
const ALLOWED_TWICE: &[&str] = &[
    "had", "that", "is", "do", "very", "bye", "no", "yes", "so", "ha", "really", "far", "more",
    "many", "again", "over", "round", "on", "and", "out",
];

/// The first word that a text repeats, with what surrounds it.
fn repeated(text: &str) -> Option<String> {
    let mut previous: Option<&str> = None;
    for (position, raw) in text.split(char::is_whitespace).enumerate() {
        // A word followed by punctuation ends a clause: `... the. The ...` is no repeat.
        let clean = raw.trim_start_matches(|c: char| !c.is_alphanumeric());
        let word = clean.trim_end_matches(|c: char| !c.is_alphanumeric());
        if word.is_empty() || word.chars().all(|c| c.is_ascii_digit()) {
            previous = None;
            continue;
        }
        if let Some(p) = previous {
            let lower = word.to_lowercase();
            // A name may be a word twice (Pago Pago, Bora Bora); a sentence does not start so.
            let name = position > 1
                && word.starts_with(char::is_uppercase)
                && p.starts_with(char::is_uppercase);
            if p.to_lowercase() == lower
                && !name
                && !ALLOWED_TWICE.contains(&lower.as_str())
                && word.chars().any(char::is_alphabetic)
            {
                return Some(format!("{p} {word}"));
            }
        }
        // Punctuation after the word (`the,`) or a hyphenated word breaks the chain.
        previous = (clean.len() == word.len() && !word.contains('-')).then_some(word);
    }
    None
}

impl BeadCheck for Repeats {
    fn name(&self) -> &'static str {
        "repeated-word"
    }

    fn check(&self, bead: &BeadPair<'_>, found: &mut Vec<(Severity, String)>) {
        for (side, lang) in bead.sides() {
            if let Some(words) = side.segments.iter().find_map(|s| repeated(s)) {
                found.push((
                    Severity::Warning,
                    format!("\"{words}\" in the {}", lang.name()),
                ));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::repeated;

    #[test]
    fn a_repeat_is_two_same_words_in_a_row_and_reduplication_is_not() {
        assert_eq!(
            repeated("He said the the talks"),
            Some("the the".to_owned())
        );
        assert_eq!(
            repeated("kata yang yang lain"),
            Some("yang yang".to_owned())
        );
        assert_eq!(repeated("Buku-buku dan kupu-kupu, bolak-balik."), None);
        assert_eq!(repeated("He had had enough."), None);
        assert_eq!(repeated("It fell. Fell hard."), None);
        assert_eq!(repeated("in 2020 2020 terms"), None);
        assert_eq!(repeated("to Pago Pago, the capital"), None);
        assert_eq!(repeated("The The talks"), Some("The The".to_owned()));
    }
}
