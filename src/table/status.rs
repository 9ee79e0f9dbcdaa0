//! The review statuses a person types into a spreadsheet, parsed once: case-insensitive, in
//! English or Indonesian, and anything else an error that says what is allowed. A status padan
//! does not know is never taken as agreed.

use std::fmt;

/// A glossary row's review status.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Status {
    /// Proposed by padan, not reviewed yet.
    Proposed,
    /// Approved by a reviewer: an agreed term.
    Approved,
    /// Rejected by a reviewer: never proposed again.
    Rejected,
    /// Added by a person (a row without a status, or `added`): an agreed term.
    #[default]
    Added,
}

/// The words each status may be written as (lower case), the first being padan's own.
const STATUS_WORDS: [(Status, &[&str]); 4] = [
    (
        Status::Proposed,
        &["proposed", "propose", "diusulkan", "usulan"],
    ),
    (
        Status::Approved,
        &["approved", "approve", "disetujui", "setuju"],
    ),
    (
        Status::Rejected,
        &["rejected", "reject", "ditolak", "tolak"],
    ),
    (Status::Added, &["added", "add", "ditambahkan", "tambahan"]),
];

impl Status {
    /// Every status, in the order a drop-down list offers them.
    pub const ALL: [Status; 4] = [
        Status::Proposed,
        Status::Approved,
        Status::Rejected,
        Status::Added,
    ];

    /// The word padan writes.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Proposed => "proposed",
            Status::Approved => "approved",
            Status::Rejected => "rejected",
            Status::Added => "added",
        }
    }

    /// Whether the row is agreed: approved or added.
    pub fn is_agreed(self) -> bool {
        matches!(self, Status::Approved | Status::Added)
    }

    /// Parses a status cell: empty means added by a person.
    ///
    /// ```
    /// use padan::table::Status;
    /// assert_eq!(Status::parse(" Disetujui "), Ok(Status::Approved));
    /// assert_eq!(Status::parse(""), Ok(Status::Added));
    /// assert!(Status::parse("aproved").unwrap_err().contains("approved, rejected"));
    /// ```
    pub fn parse(cell: &str) -> Result<Status, String> {
        parse_word(
            cell,
            &STATUS_WORDS,
            Status::Added,
            "or leave it empty for a term you added",
        )
    }
}

impl fmt::Display for Status {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A reviewer's mark on a row of an alignment workbook.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Mark {
    /// Not reviewed (the cell is empty): the row is kept as it is.
    #[default]
    Unreviewed,
    /// Checked and right.
    Ok,
    /// Wrong: left out of what is exported.
    Reject,
}

const MARK_WORDS: [(Mark, &[&str]); 2] = [
    (
        Mark::Ok,
        &[
            "ok",
            "okay",
            "approved",
            "accept",
            "accepted",
            "benar",
            "disetujui",
            "setuju",
        ],
    ),
    (
        Mark::Reject,
        &["reject", "rejected", "wrong", "salah", "ditolak", "tolak"],
    ),
];

impl Mark {
    /// The marks a drop-down list offers.
    pub const CHOICES: [&'static str; 2] = ["ok", "reject"];

    /// The word padan writes (empty for unreviewed).
    pub fn as_str(self) -> &'static str {
        match self {
            Mark::Unreviewed => "",
            Mark::Ok => "ok",
            Mark::Reject => "reject",
        }
    }

    /// Parses a mark cell: empty means not reviewed.
    ///
    /// ```
    /// use padan::table::Mark;
    /// assert_eq!(Mark::parse("OK"), Ok(Mark::Ok));
    /// assert_eq!(Mark::parse("ditolak"), Ok(Mark::Reject));
    /// assert!(Mark::parse("x").is_err());
    /// ```
    pub fn parse(cell: &str) -> Result<Mark, String> {
        parse_word(cell, &MARK_WORDS, Mark::Unreviewed, "or leave it empty")
    }
}

/// The value of a cell that must be one of `words` (case-insensitive, surrounding whitespace
/// ignored), `empty` for an empty cell; otherwise a message naming the value and the words.
fn parse_word<T: Copy>(
    cell: &str,
    words: &[(T, &[&str])],
    empty: T,
    or_else: &str,
) -> Result<T, String> {
    let word = cell.trim();
    if word.is_empty() {
        return Ok(empty);
    }
    let lower = word.to_lowercase();
    if let Some((value, _)) = words.iter().find(|(_, w)| w.contains(&lower.as_str())) {
        return Ok(*value);
    }
    let allowed: Vec<&str> = words.iter().map(|(_, w)| w[0]).collect();
    let indonesian: Vec<&str> = words
        .iter()
        .filter_map(|(_, w)| w.iter().find(|x| x.starts_with("di") || *x == &"benar"))
        .copied()
        .collect();
    let invisible = word
        .chars()
        .find(|c| c.is_control() || crate::text::is_space(*c) || is_format(*c))
        .map(|c| {
            format!(
                " (it holds the invisible character U+{:04X}; retype it)",
                c as u32
            )
        })
        .unwrap_or_default();
    Err(format!(
        "the status {word:?} is not one padan knows{invisible}; write {} (or {}), {or_else}",
        join_or(&allowed),
        indonesian.join(", ")
    ))
}

/// Unicode format characters that show as nothing: joiners, marks of direction, soft hyphen.
fn is_format(c: char) -> bool {
    matches!(c, '\u{00AD}' | '\u{061C}' | '\u{180E}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2064}' | '\u{2066}'..='\u{206F}' | '\u{FEFF}')
}

fn join_or(words: &[&str]) -> String {
    match words {
        [] => String::new(),
        [one] => (*one).to_owned(),
        [rest @ .., last] => format!("{} or {last}", rest.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_status_word_parses_in_any_case() {
        for (status, words) in STATUS_WORDS {
            for word in words {
                for written in [
                    word.to_string(),
                    word.to_uppercase(),
                    format!("  {word}\u{a0}"),
                ] {
                    assert_eq!(Status::parse(&written), Ok(status), "{written:?}");
                }
            }
        }
        for (mark, words) in MARK_WORDS {
            for word in words {
                assert_eq!(Mark::parse(&word.to_uppercase()), Ok(mark), "{word}");
            }
        }
    }

    #[test]
    fn unknown_statuses_are_errors_that_say_what_is_allowed() {
        let cases = [
            (
                "aproved",
                "the status \"aproved\" is not one padan knows; write proposed, approved, \
                 rejected or added (or diusulkan, disetujui, ditolak, ditambahkan), or leave it \
                 empty for a term you added",
            ),
            (
                "approved\u{200b}",
                "the status \"approved\\u{200b}\" is not one padan knows (it holds the invisible \
                 character U+200B; retype it); write proposed, approved, rejected or added (or \
                 diusulkan, disetujui, ditolak, ditambahkan), or leave it empty for a term you \
                 added",
            ),
        ];
        for (cell, message) in cases {
            assert_eq!(Status::parse(cell), Err(message.to_owned()), "{cell:?}");
        }
        for cell in ["no", "x", "yes", "final", "?"] {
            assert!(Status::parse(cell).is_err(), "{cell:?}");
        }
        assert_eq!(
            Mark::parse("x"),
            Err(
                "the status \"x\" is not one padan knows; write ok or reject (or benar, \
                 ditolak), or leave it empty"
                    .to_owned()
            )
        );
    }
}
