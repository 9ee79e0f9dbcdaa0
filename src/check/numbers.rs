//! Numbers of a segment as comparable values, across the two languages' conventions.
//!
//! `7.800` (Indonesian) and `7,800` (English) are one value; `7,8 juta` and `7.8 million` and
//! `7,800,000` are one value; `22/5/2021` and `May 22, 2021` hold the same day, month and year;
//! `tiga` and `three` stand for 3 but only count when the other side writes 3 in digits.

use crate::text::tokens::{number_keys, scan_tokens};
use crate::Lang;

/// A number as written in a segment, with every value it can stand for.
#[derive(Debug, Clone, PartialEq)]
pub struct Number {
    /// The text as written (`7.800`, `7,8 juta`, `Mei`).
    pub surface: String,
    /// Comparison keys of every reading (`n:7800`, `t:10:30`).
    pub keys: Vec<String>,
    /// A number word or a month name: satisfies a digit on the other side, is never missing.
    pub soft: bool,
}

fn scale_of(word: &str) -> Option<u32> {
    Some(match word {
        "ribu" | "thousand" | "thousands" | "rb" => 3,
        "juta" | "million" | "millions" | "jt" | "mln" => 6,
        "miliar" | "milyar" | "billion" | "billions" | "bn" => 9,
        "triliun" | "trilyun" | "trillion" | "trillions" => 12,
        _ => return None,
    })
}

fn word_value(word: &str, lang: Lang) -> Option<u32> {
    let table: &[&str] = match lang {
        Lang::Id => &[
            "nol", "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan",
            "sepuluh", "sebelas",
        ],
        Lang::En => &[
            "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
            "eleven", "twelve",
        ],
    };
    let extra = match (lang, word) {
        (Lang::Id, "dua belas") => Some(12),
        (Lang::Id, "seratus") | (Lang::En, "hundred") => Some(100),
        (Lang::Id, "seribu") => Some(1000),
        _ => None,
    };
    table
        .iter()
        .position(|w| *w == word)
        .map(|p| p as u32)
        .or(extra)
}

fn month_of(word: &str) -> Option<u32> {
    const MONTHS: [[&str; 3]; 12] = [
        ["januari", "january", "jan"],
        ["februari", "february", "feb"],
        ["maret", "march", "mar"],
        ["april", "april", "apr"],
        ["mei", "may", "may"],
        ["juni", "june", "jun"],
        ["juli", "july", "jul"],
        ["agustus", "august", "aug"],
        ["september", "september", "sep"],
        ["oktober", "october", "oct"],
        ["november", "november", "nov"],
        ["desember", "december", "dec"],
    ];
    MONTHS
        .iter()
        .position(|names| names.contains(&word))
        .map(|p| p as u32 + 1)
}

/// Moves the decimal point of a plain decimal number `value` (digits, at most one `.`) right
/// by `zeros` places, exactly (no floating point): `7.8` by 6 is `7800000`.
fn shift_decimal(value: &str, zeros: u32) -> String {
    let (int, frac) = value.split_once('.').unwrap_or((value, ""));
    let mut digits = format!("{int}{frac}");
    let point = int.len() + zeros as usize;
    while digits.len() < point {
        digits.push('0');
    }
    let (int, frac) = digits.split_at(point);
    let int = int.trim_start_matches('0');
    let int = if int.is_empty() { "0" } else { int };
    let frac = frac.trim_end_matches('0');
    if frac.is_empty() {
        int.to_owned()
    } else {
        format!("{int}.{frac}")
    }
}

/// The numbers of `text`, in order. Dates written with slashes give their parts, so that
/// `22/5/2021` meets `May 22, 2021`; ordinals (`2nd`) and decades (`1990s`) give their digits.
///
/// ```
/// use padan::{check::numbers::numbers, Lang};
/// let id: Vec<String> = numbers("Harga naik 7,8 juta pada 22/5/2021.", Lang::Id).into_iter().map(|n| n.keys[0].clone()).collect();
/// assert_eq!(id, ["n:7800000", "n:22", "n:5", "n:2021"]);
/// ```
pub fn numbers(text: &str, lang: Lang) -> Vec<Number> {
    let mut words: Vec<String> = Vec::new();
    scan_tokens(text, |lower, _, _| words.push(lower.to_owned()));
    let mut out: Vec<Number> = Vec::new();
    let mut k = 0;
    while k < words.len() {
        let word = &words[k];
        k += 1;
        if word.starts_with(|c: char| c.is_ascii_digit()) {
            // 2nd, 3rd, 1990s: the digits are the number.
            let digits_end = word
                .find(|c: char| !(c.is_ascii_digit() || matches!(c, '.' | ',' | ':' | '/')))
                .unwrap_or(word.len());
            let (digits, suffix) = word.split_at(digits_end);
            if !matches!(suffix, "" | "st" | "nd" | "rd" | "th" | "s" | "an") {
                continue; // g7, covid19, 5g: an identifier, compared as a word elsewhere
            }
            if digits.contains('/') {
                for part in digits.split('/').filter(|p| !p.is_empty()) {
                    out.push(Number {
                        surface: digits.to_owned(),
                        keys: number_keys(part, lang),
                        soft: false,
                    });
                }
                continue;
            }
            let mut keys = number_keys(digits, lang);
            let mut surface = digits.to_owned();
            if let Some(zeros) = words.get(k).and_then(|w| scale_of(w)) {
                // 7,8 juta: only the scaled reading stands (7.8 billion must not match it).
                keys = keys
                    .iter()
                    .filter_map(|key| key.strip_prefix("n:"))
                    .map(|v| format!("n:{}", shift_decimal(v, zeros)))
                    .collect();
                surface = format!("{surface} {}", words[k]);
                k += 1;
            }
            // Times compared as hours and minutes (10.00 = 10:00 = 10:0), and 22.00 also as
            // 10:00 on a twelve-hour clock (10 p.m.).
            let mut twelve_hour: Vec<String> = Vec::new();
            for key in &keys {
                let Some((hour, minute)) = key.strip_prefix("t:").and_then(|t| t.split_once(':'))
                else {
                    continue;
                };
                let (Ok(hour), Ok(minute)) = (hour.parse::<u32>(), minute.parse::<u32>()) else {
                    continue;
                };
                twelve_hour.push(format!("t:{hour}:{minute}"));
                if (13..24).contains(&hour) {
                    twelve_hour.push(format!("t:{}:{minute}", hour - 12));
                }
            }
            keys.extend(twelve_hour);
            if !keys.is_empty() {
                out.push(Number {
                    surface,
                    keys,
                    soft: false,
                });
            }
        } else if let Some(value) = word_value(word, lang) {
            out.push(Number {
                surface: word.clone(),
                keys: vec![format!("n:{value}")],
                soft: true,
            });
        } else if let Some(month) = month_of(word) {
            // "may" is a month only before or after a number (May 22, 22 May).
            let near_number =
                |w: Option<&String>| w.is_some_and(|w| w.starts_with(|c: char| c.is_ascii_digit()));
            if word != "may"
                || near_number(words.get(k))
                || near_number(words.get(k.wrapping_sub(2)))
            {
                out.push(Number {
                    surface: word.clone(),
                    keys: vec![format!("n:{month}")],
                    soft: true,
                });
            }
        }
    }
    out
}

/// Numbers of one side that the other side lacks, matching each number once: `(source only,
/// target only)`. A number word or month left over counts only when the other side has a
/// number left over too (`dua` vs `three`): alone it is often an article or a figure of speech.
pub fn unmatched(source: &[Number], target: &[Number]) -> (Vec<String>, Vec<String>) {
    let mut target_used = vec![false; target.len()];
    let mut source_used = vec![false; source.len()];
    // Digits first, so that a soft "one" does not take the 1 a digit needed.
    for pass_soft in [false, true] {
        for (i, s) in source.iter().enumerate() {
            if source_used[i] || s.soft != pass_soft {
                continue;
            }
            let found = (0..target.len())
                .find(|&j| !target_used[j] && target[j].keys.iter().any(|k| s.keys.contains(k)));
            if let Some(j) = found {
                target_used[j] = true;
                source_used[i] = true;
            }
        }
    }
    let left = |numbers: &[Number], used: &[bool], soft: bool| {
        let mut out: Vec<String> = Vec::new();
        for (n, _) in numbers
            .iter()
            .zip(used)
            .filter(|(n, u)| !**u && (soft || !n.soft))
        {
            if !out.contains(&n.surface) {
                out.push(n.surface.clone());
            }
        }
        out
    };
    let both = !left(source, &source_used, true).is_empty()
        && !left(target, &target_used, true).is_empty();
    (
        left(source, &source_used, both),
        left(target, &target_used, both),
    )
}

/// `number-mismatch`: numbers that differ once both conventions are normalized; an error when
/// each side has one the other lacks, a warning when only one side has an extra one.
pub(super) struct Numbers;

impl super::BeadCheck for Numbers {
    fn name(&self) -> &'static str {
        "number-mismatch"
    }

    fn check(&self, bead: &super::BeadPair<'_>, found: &mut Vec<(super::Severity, String)>) {
        use super::Severity;
        let (s, t) = (
            numbers(&bead.source.text, bead.source_lang),
            numbers(&bead.target.text, bead.target_lang),
        );
        let (only_source, only_target) = unmatched(&s, &t);
        let (source, target) = (bead.source_lang.name(), bead.target_lang.name());
        let list = |v: &[String]| v.join(", ");
        match (only_source.is_empty(), only_target.is_empty()) {
            (true, true) => {}
            (false, false) => found.push((
                Severity::Error,
                format!(
                    "{source} {} vs {target} {}",
                    list(&only_source),
                    list(&only_target)
                ),
            )),
            (false, true) => found.push((
                Severity::Warning,
                format!("{source} has {}, not in the {target}", list(&only_source)),
            )),
            (true, false) => found.push((
                Severity::Warning,
                format!("{target} has {}, not in the {source}", list(&only_target)),
            )),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn diff(source: &str, target: &str) -> (Vec<String>, Vec<String>) {
        unmatched(&numbers(source, Lang::Id), &numbers(target, Lang::En))
    }

    #[test]
    fn conventions_agree() {
        let same = |s: &str, t: &str| {
            let d = diff(s, t);
            assert!(d.0.is_empty() && d.1.is_empty(), "{s:?} vs {t:?}: {d:?}");
        };
        same("harga 7.800 dolar", "a price of 7,800 dollars");
        same("tumbuh 43,11 persen", "grew 43.11 percent");
        same("7,8 juta orang", "7.8 million people");
        same("7,8 juta orang", "7,800,000 people");
        same("Rp 2 miliar", "2 billion rupiah");
        same("pada 22/5/2021", "on May 22, 2021");
        same("pada 22 Mei 2021", "on 22/5/2021");
        same("pukul 10.30 WIB", "at 10:30 local time");
        same("tiga negara", "3 countries");
        same("3 negara", "three countries");
        same("yang ke-2", "the 2nd");
        same("tahun 1990-an", "the 1990s");
        same("5%", "5 percent");
        same("kelompok G7", "the G7 group");
    }

    #[test]
    fn differences_are_reported_as_written() {
        assert_eq!(
            diff("harga 7.800 dolar", "a price of 7,600 dollars"),
            (vec!["7.800".to_owned()], vec!["7,600".to_owned()])
        );
        assert_eq!(
            diff("7,8 juta orang", "7.8 billion people"),
            (vec!["7,8 juta".to_owned()], vec!["7.8 billion".to_owned()])
        );
        assert_eq!(
            diff("pada 22/5/2021", "on May 23, 2021"),
            (vec!["22/5/2021".to_owned()], vec!["23".to_owned()])
        );
        // A number word alone never counts as missing; a digit does.
        assert_eq!(diff("tiga negara", "countries"), (vec![], vec![]));
        assert_eq!(
            diff("dua jam", "three hours"),
            (vec!["dua".to_owned()], vec!["three".to_owned()])
        );
        assert_eq!(
            diff("pada bulan Mei", "in May 2021"),
            (vec![], vec!["2021".to_owned()])
        );
        assert_eq!(
            diff("3 negara", "countries"),
            (vec!["3".to_owned()], vec![])
        );
        // "may" is a verb unless a number is next to it.
        assert_eq!(diff("bisa", "it may rain"), (vec![], vec![]));
    }

    #[test]
    fn decimal_shift_is_exact() {
        assert_eq!(shift_decimal("7.8", 6), "7800000");
        assert_eq!(shift_decimal("0.25", 3), "250");
        assert_eq!(shift_decimal("1.2345", 3), "1234.5");
        assert_eq!(shift_decimal("12", 9), "12000000000");
    }
}
