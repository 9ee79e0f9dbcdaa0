//! A user's own checks (`padan check --checklist FILE`), as Xbench checklists are: a table with
//! the columns `source_pattern`, `target_pattern`, `message` and `severity` (`error` or
//! `warning`, default `warning`), one rule a row; patterns are regular expressions (Rust's
//! `regex` syntax; `(?i)` for any case).
//!
//! - a source pattern alone flags a bead whose source matches;
//! - a target pattern alone flags a bead whose target matches (a forbidden word);
//! - both flag a bead whose source matches and whose target does not (a required rendering).

use regex::Regex;

use super::Severity;
use crate::error::Error;

/// One rule of a checklist.
#[derive(Debug, Clone)]
pub struct Rule {
    source: Option<Regex>,
    target: Option<Regex>,
    message: String,
    /// How serious a match is.
    pub severity: Severity,
}

impl Rule {
    /// The evidence of a match (the message and the text matched), or `None`.
    pub fn matches(&self, source: &str, target: &str) -> Option<String> {
        let quoted = |m: regex::Match| format!("\"{}\"", m.as_str());
        match (&self.source, &self.target) {
            (Some(s), Some(t)) => {
                let found = s.find(source)?;
                (!t.is_match(target)).then(|| {
                    format!(
                        "{}: {} in the source, no match of /{}/ in the target",
                        self.message,
                        quoted(found),
                        t.as_str()
                    )
                })
            }
            (Some(s), None) => s
                .find(source)
                .map(|m| format!("{}: {} in the source", self.message, quoted(m))),
            (None, Some(t)) => t
                .find(target)
                .map(|m| format!("{}: {} in the target", self.message, quoted(m))),
            (None, None) => None,
        }
    }
}

/// Reads a checklist (CSV or tab-separated, a header row first). A bad pattern or severity is
/// an error naming the file and line.
///
/// ```
/// let rules = padan::check::checklist::parse(
///     "source_pattern,target_pattern,message,severity\nKTT,(?i)summit,KTT is a summit,error\n",
///     "rules.csv",
/// ).unwrap();
/// assert!(rules[0].matches("KTT di Bali", "The meeting in Bali").is_some());
/// assert!(rules[0].matches("KTT di Bali", "The summit in Bali").is_none());
/// ```
pub fn parse(text: &str, file: &str) -> Result<Vec<Rule>, Error> {
    let text = text.trim_start_matches('\u{feff}');
    let first = text.lines().next().unwrap_or_default();
    let delimiter = if first.contains('\t') {
        b'\t'
    } else if first.contains(';') && !first.contains(',') {
        b';'
    } else {
        b','
    };
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .flexible(true)
        .from_reader(text.as_bytes());
    let headers = reader
        .headers()
        .map_err(|e| Error::malformed(file, 1, format!("cannot read the header ({e})")))?
        .clone();
    let column = |name: &str| {
        headers
            .iter()
            .position(|h| h.trim().eq_ignore_ascii_case(name))
    };
    let (Some(source_col), Some(target_col)) = (column("source_pattern"), column("target_pattern"))
    else {
        return Err(Error::malformed(
            file,
            1,
            "a checklist needs the columns source_pattern,target_pattern,message,severity",
        ));
    };
    let (message_col, severity_col) = (column("message"), column("severity"));
    let mut rules = Vec::new();
    for (k, record) in reader.records().enumerate() {
        let line = k + 2;
        let record = record
            .map_err(|e| Error::malformed(file, line, format!("cannot read the row ({e})")))?;
        let cell = |c: Option<usize>| {
            c.and_then(|c| record.get(c))
                .unwrap_or_default()
                .trim()
                .to_owned()
        };
        let pattern = |c: usize| -> Result<Option<Regex>, Error> {
            let p = cell(Some(c));
            if p.is_empty() {
                return Ok(None);
            }
            Regex::new(&p).map(Some).map_err(|e| {
                Error::malformed(
                    file,
                    line,
                    format!("the pattern {p:?} is not a regular expression: {e}"),
                )
            })
        };
        let (source, target) = (pattern(source_col)?, pattern(target_col)?);
        if source.is_none() && target.is_none() {
            return Err(Error::malformed(
                file,
                line,
                "the rule has neither a source nor a target pattern",
            ));
        }
        let severity = match cell(severity_col).to_lowercase().as_str() {
            "" | "warning" => Severity::Warning,
            "error" => Severity::Error,
            other => {
                return Err(Error::malformed(
                    file,
                    line,
                    format!("the severity {other:?} is neither error nor warning"),
                ))
            }
        };
        let message = cell(message_col);
        rules.push(Rule {
            source,
            target,
            message: if message.is_empty() {
                format!("checklist rule of line {line}")
            } else {
                message
            },
            severity,
        });
    }
    Ok(rules)
}
