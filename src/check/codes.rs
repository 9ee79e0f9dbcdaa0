//! `code-mismatch`: alphanumeric codes (`G7`, `COVID-19`, `A4`, `H5N1`, `B737`) changed or
//! dropped. Ordinals (`19th`, `ke-2`), numbers with a unit glued on (`5km`) and words with a
//! suffix on a number (`1990-an`) are not codes.

use super::{BeadCheck, BeadPair, Severity};

pub(super) struct Codes;

/// Units and suffixes that make a digit-and-letter token a quantity or an ordinal, not a code.
const NOT_CODE_SUFFIXES: &[&str] = &[
    "st", "nd", "rd", "th", "an", "km", "m", "cm", "mm", "kg", "g", "mg", "ml", "l", "ha", "mb",
    "gb", "kb", "tb", "mw", "kw", "gw", "kwh", "hz", "khz", "mhz", "ghz", "mp", "fps", "nm", "mph",
    "kmh", "km/h", "h", "s", "am", "pm", "wib", "wit", "wita", "x", "d", "jt", "rb", "bn", "mln",
    "k", "b", "t",
];

/// The codes of a text, each as written and as compared (upper case, no hyphens or spaces).
pub(super) fn codes(text: &str) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = Vec::new();
    for raw in text.split(|c: char| c.is_whitespace() || ",;:()[]{}\"“”‘’'/!?".contains(c))
    {
        let token = raw.trim_matches(|c: char| c == '.' || c == '-' || c == '–');
        let has_digit = token.chars().any(|c| c.is_ascii_digit());
        let has_letter = token.chars().any(|c| c.is_alphabetic());
        if !has_digit || !has_letter || token.chars().count() < 2 {
            continue;
        }
        if !token
            .chars()
            .all(|c| c.is_alphanumeric() || c == '-' || c == '.')
        {
            continue;
        }
        let lower = token.to_lowercase();
        // A number with a unit or suffix: 5km, 19th, 1990-an, 10.30WIB.
        let digits_end = lower
            .find(|c: char| !(c.is_ascii_digit() || c == '.' || c == ','))
            .unwrap_or(lower.len());
        if digits_end > 0 {
            let rest = lower[digits_end..].trim_start_matches('-');
            if NOT_CODE_SUFFIXES.contains(&rest) {
                continue;
            }
        }
        // Indonesian ordinals: ke-2, ke2.
        if lower.starts_with("ke")
            && lower[2..]
                .trim_start_matches('-')
                .chars()
                .all(|c| c.is_ascii_digit())
        {
            continue;
        }
        // A code has a part with both letters and digits (G7, ACE2, H5N1), or a number beside
        // an upper-case name (COVID-19, SARS-CoV-2, MH-17); a number beside words (14-day,
        // mid-1960s, 4-month-old, Fig.2) is not one.
        let parts: Vec<&str> = token.split(['-', '.']).filter(|p| !p.is_empty()).collect();
        let mixed = parts
            .iter()
            .any(|p| p.chars().any(|c| c.is_ascii_digit()) && p.chars().any(char::is_alphabetic));
        let named_number = parts.iter().any(|p| p.chars().all(|c| c.is_ascii_digit()))
            && parts
                .iter()
                .any(|p| p.chars().filter(|c| c.is_uppercase()).count() >= 2);
        if !mixed && !named_number {
            continue;
        }
        let key: String = token
            .chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_uppercase)
            .collect();
        // Compared up to the last digit: ACE2-positif and ACE2-positive, SARS-CoV-2 and
        // SARS-CoV-2-infected are one code.
        let core = match key.rfind(|c: char| c.is_ascii_digit()) {
            Some(last) => key[..=last].to_owned(),
            None => key,
        };
        if !out.iter().any(|(_, k)| *k == core) {
            out.push((token.to_owned(), core));
        }
    }
    out
}

/// Every token with a digit and a letter, as compared (upper case, letters and digits only,
/// up to the last digit).
fn loose_keys(text: &str) -> Vec<String> {
    text.split(|c: char| c.is_whitespace() || ",;:()[]{}\"“”‘’'/!?".contains(c))
        .filter(|t| t.chars().any(|c| c.is_ascii_digit()) && t.chars().any(char::is_alphabetic))
        .map(|t| {
            let key: String = t
                .chars()
                .filter(|c| c.is_alphanumeric())
                .flat_map(char::to_uppercase)
                .collect();
            match key.rfind(|c: char| c.is_ascii_digit()) {
                Some(last) => key[..=last].to_owned(),
                None => key,
            }
        })
        .collect()
}

impl BeadCheck for Codes {
    fn name(&self) -> &'static str {
        "code-mismatch"
    }

    fn check(&self, bead: &BeadPair<'_>, found: &mut Vec<(Severity, String)>) {
        let (source, target) = (codes(&bead.source.text), codes(&bead.target.text));
        let (source_keys, target_keys) =
            (loose_keys(&bead.source.text), loose_keys(&bead.target.text));
        // A code is found on the other side in any spelling of its letters and digits
        // (covid-19, COVID19), alone or inside a compound (kerabat-SARS-CoV-2,
        // SARS-CoV-2-related; batCoV-HKU9).
        let missing = |from: &[(String, String)], other: &[String]| -> Vec<String> {
            from.iter()
                .filter(|(_, k)| {
                    !other
                        .iter()
                        .any(|o| o.contains(k.as_str()) || k.contains(o.as_str()))
                })
                .map(|(s, _)| s.clone())
                .collect()
        };
        let (only_source, only_target) = (
            missing(&source, &target_keys),
            missing(&target, &source_keys),
        );
        let (s, t) = (bead.source_lang.name(), bead.target_lang.name());
        match (only_source.is_empty(), only_target.is_empty()) {
            (true, true) => {}
            (false, false) => found.push((
                Severity::Error,
                format!(
                    "{s} {} vs {t} {}",
                    only_source.join(", "),
                    only_target.join(", ")
                ),
            )),
            (false, true) => found.push((
                Severity::Warning,
                format!("{} in the {s}, not in the {t}", only_source.join(", ")),
            )),
            (true, false) => found.push((
                Severity::Warning,
                format!("{} in the {t}, not in the {s}", only_target.join(", ")),
            )),
        }
    }
}
