//! Scores a glossary against a term list: for each term, whether the first row with that
//! source term, within the first 2,000 rows, has one of the term's accepted targets.
//!
//! Usage: `cargo run --release --example term_eval -- GLOSSARY.csv [TERMS.tsv] [ROWS]`
//! (default `tests/fixtures/news-terms/terms.tsv`, 2000). Prints the share found right, then
//! each term missed with what the glossary has for it.

use std::fs;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(glossary) = args.first() else {
        eprintln!("usage: term_eval GLOSSARY.csv [TERMS.tsv] [ROWS]");
        return ExitCode::from(2);
    };
    let terms = args
        .get(1)
        .cloned()
        .unwrap_or_else(|| "tests/fixtures/news-terms/terms.tsv".to_owned());
    let rows: usize = args.get(2).and_then(|r| r.parse().ok()).unwrap_or(2000);
    let (Ok(glossary_text), Ok(terms_text)) =
        (fs::read_to_string(glossary), fs::read_to_string(&terms))
    else {
        eprintln!("term_eval: cannot read {glossary} or {terms}");
        return ExitCode::from(2);
    };
    let mut reader = csv::Reader::from_reader(glossary_text.as_bytes());
    let entries: Vec<(String, String)> = reader
        .records()
        .filter_map(Result::ok)
        .take(rows)
        .map(|r| {
            (
                r.get(0).unwrap_or_default().to_lowercase(),
                r.get(1).unwrap_or_default().to_lowercase(),
            )
        })
        .collect();
    let (mut right, mut total) = (0, 0);
    let mut missed = Vec::new();
    for line in terms_text.lines().skip(1) {
        let fields: Vec<&str> = line.split('\t').collect();
        if fields.len() < 2 {
            continue;
        }
        total += 1;
        let source = fields[0].to_lowercase();
        let accepted: Vec<String> = fields[1].split('|').map(str::to_lowercase).collect();
        match entries.iter().position(|(s, _)| *s == source) {
            Some(k) if accepted.contains(&entries[k].1) => right += 1,
            Some(k) => missed.push(format!(
                "{}: row {} has {:?}",
                fields[0],
                k + 1,
                entries[k].1
            )),
            None => missed.push(format!("{}: not in the first {rows} rows", fields[0])),
        }
    }
    println!(
        "{glossary}: {right} of {total} terms with a right first target in the first {rows} rows ({:.3})",
        right as f64 / total.max(1) as f64
    );
    for m in missed {
        println!("  {m}");
    }
    ExitCode::SUCCESS
}
