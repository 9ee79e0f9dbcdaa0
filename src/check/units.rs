//! `unit-mismatch`: a measurement whose number is the same on both sides but whose unit is a
//! different one of the same kind (`5 km` vs `5 miles`, `30 derajat Celsius` vs `30 °F`).
//! The same unit named in each language's way (`Rp 7.800` / `IDR 7,800`, `persen` / `%`) is
//! fine, and so is a converted value (`5 km` / `3.1 miles`: the numbers differ, which
//! `number-mismatch` judges).

use super::{BeadCheck, BeadPair, Severity};

pub(super) struct Units;

/// (word, kind, unit): every way the two languages write a unit, to its kind and one name.
const UNITS: &[(&str, &str, &str)] = &[
    ("km", "length", "km"),
    ("kilometer", "length", "km"),
    ("kilometers", "length", "km"),
    ("kilometre", "length", "km"),
    ("kilometres", "length", "km"),
    ("mil", "length", "mile"),
    ("mile", "length", "mile"),
    ("miles", "length", "mile"),
    ("m", "length", "m"),
    ("meter", "length", "m"),
    ("meters", "length", "m"),
    ("metre", "length", "m"),
    ("metres", "length", "m"),
    ("kaki", "length", "foot"),
    ("feet", "length", "foot"),
    ("foot", "length", "foot"),
    ("ft", "length", "foot"),
    ("cm", "length", "cm"),
    ("sentimeter", "length", "cm"),
    ("centimeters", "length", "cm"),
    ("centimetres", "length", "cm"),
    ("inci", "length", "inch"),
    ("inch", "length", "inch"),
    ("inches", "length", "inch"),
    ("kg", "mass", "kg"),
    ("kilogram", "mass", "kg"),
    ("kilograms", "mass", "kg"),
    ("pon", "mass", "pound"),
    ("pound", "mass", "pound"),
    ("pounds", "mass", "pound"),
    ("lbs", "mass", "pound"),
    ("ton", "mass", "tonne"),
    ("tons", "mass", "tonne"),
    ("tonne", "mass", "tonne"),
    ("tonnes", "mass", "tonne"),
    ("liter", "volume", "litre"),
    ("liters", "volume", "litre"),
    ("litre", "volume", "litre"),
    ("litres", "volume", "litre"),
    ("galon", "volume", "gallon"),
    ("gallon", "volume", "gallon"),
    ("gallons", "volume", "gallon"),
    ("hektar", "area", "hectare"),
    ("hectare", "area", "hectare"),
    ("hectares", "area", "hectare"),
    ("ha", "area", "hectare"),
    ("acre", "area", "acre"),
    ("acres", "area", "acre"),
    ("hari", "time", "day"),
    ("day", "time", "day"),
    ("days", "time", "day"),
    ("minggu", "time", "week"),
    ("week", "time", "week"),
    ("weeks", "time", "week"),
    ("bulan", "time", "month"),
    ("month", "time", "month"),
    ("months", "time", "month"),
    ("tahun", "time", "year"),
    ("year", "time", "year"),
    ("years", "time", "year"),
    ("jam", "time", "hour"),
    ("hour", "time", "hour"),
    ("hours", "time", "hour"),
    ("menit", "time", "minute"),
    ("minute", "time", "minute"),
    ("minutes", "time", "minute"),
    ("rp", "money", "IDR"),
    ("idr", "money", "IDR"),
    ("rupiah", "money", "IDR"),
    ("usd", "money", "USD"),
    ("us$", "money", "USD"),
    ("$", "money", "USD"),
    ("dolar", "money", "USD"),
    ("dollar", "money", "USD"),
    ("dollars", "money", "USD"),
    ("euro", "money", "EUR"),
    ("euros", "money", "EUR"),
    ("€", "money", "EUR"),
    ("persen", "share", "percent"),
    ("percent", "share", "percent"),
    ("per cent", "share", "percent"),
    ("%", "share", "percent"),
    ("celsius", "temperature", "°C"),
    ("°c", "temperature", "°C"),
    ("fahrenheit", "temperature", "°F"),
    ("°f", "temperature", "°F"),
];

fn unit(word: &str) -> Option<(&'static str, &'static str)> {
    let word = word.to_lowercase();
    UNITS
        .iter()
        .find(|(w, _, _)| *w == word)
        .map(|&(_, kind, unit)| (kind, unit))
}

/// The measurements of a text: (number key, kind, unit, as written). A number is a run of
/// digits and separators; its key is its digits, so `7.800` and `7,800` meet. The unit is the
/// word after it (`5 km`, `5km`, `30 persen`, `30%`) or, for money, the word before it
/// (`Rp 7.800`, `US$ 5`, `$5`).
pub(super) fn measurements(text: &str) -> Vec<(String, &'static str, &'static str, String)> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut out = Vec::new();
    let mut k = 0;
    while k < chars.len() {
        let (start, c) = chars[k];
        let glued_to_word = k > 0 && chars[k - 1].1.is_alphanumeric();
        if !c.is_ascii_digit() || glued_to_word {
            k += 1;
            continue;
        }
        let mut j = k;
        while j < chars.len()
            && (chars[j].1.is_ascii_digit()
                || ((chars[j].1 == '.' || chars[j].1 == ',')
                    && chars.get(j + 1).is_some_and(|n| n.1.is_ascii_digit())))
        {
            j += 1;
        }
        let end = chars.get(j).map_or(text.len(), |c| c.0);
        let key: String = text[start..end]
            .chars()
            .filter(char::is_ascii_digit)
            .collect();
        // The word after: `5 km`, `5km`, `30%`, `30 °C`.
        let rest = &text[end..];
        let after = rest.trim_start();
        let word_after: String = if after.starts_with('%') {
            "%".to_owned()
        } else {
            after
                .chars()
                .take_while(|c| c.is_alphabetic() || *c == '°')
                .collect()
        };
        let spaced_word = if rest.len() - after.len() <= 1 {
            word_after
        } else {
            String::new()
        };
        // The word before, for money: `Rp 7.800`, `US$5`.
        let before = text[..start].trim_end();
        let word_before: String = before
            .chars()
            .rev()
            .take_while(|c| c.is_alphabetic() || *c == '$' || *c == '€')
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect();
        let found =
            unit(&spaced_word).or_else(|| unit(&word_before).filter(|(kind, _)| *kind == "money"));
        if let Some((kind, name)) = found {
            let surface = if unit(&spaced_word).is_some() {
                format!("{} {}", &text[start..end], spaced_word)
            } else {
                format!("{} {}", word_before, &text[start..end])
            };
            out.push((key, kind, name, surface));
        }
        k = j.max(k + 1);
    }
    // Number words before a unit: dua jam, two days.
    let words: Vec<&str> = text
        .split(|c: char| !(c.is_alphanumeric() || c == '%'))
        .filter(|w| !w.is_empty())
        .collect();
    for pair in words.windows(2) {
        let Some(value) = NUMBER_WORDS
            .iter()
            .position(|row| row.contains(&pair[0].to_lowercase().as_str()))
        else {
            continue;
        };
        if let Some((kind, name)) = unit(pair[1]) {
            out.push((
                (value + 1).to_string(),
                kind,
                name,
                format!("{} {}", pair[0], pair[1]),
            ));
        }
    }
    out
}

/// One to twelve in words, in both languages.
const NUMBER_WORDS: [[&str; 2]; 12] = [
    ["satu", "one"],
    ["dua", "two"],
    ["tiga", "three"],
    ["empat", "four"],
    ["lima", "five"],
    ["enam", "six"],
    ["tujuh", "seven"],
    ["delapan", "eight"],
    ["sembilan", "nine"],
    ["sepuluh", "ten"],
    ["sebelas", "eleven"],
    ["dua belas", "twelve"],
];

impl BeadCheck for Units {
    fn name(&self) -> &'static str {
        "unit-mismatch"
    }

    fn check(&self, bead: &BeadPair<'_>, found: &mut Vec<(Severity, String)>) {
        let source = measurements(&bead.source.text);
        let target = measurements(&bead.target.text);
        for (key, kind, unit, surface) in &source {
            let same_number: Vec<_> = target
                .iter()
                .filter(|(k, t_kind, _, _)| k == key && t_kind == kind)
                .collect();
            if same_number.is_empty() || same_number.iter().any(|(_, _, u, _)| u == unit) {
                continue;
            }
            found.push((
                Severity::Error,
                format!(
                    "{} {surface} vs {} {}",
                    bead.source_lang.name(),
                    bead.target_lang.name(),
                    same_number[0].3
                ),
            ));
        }
    }
}
