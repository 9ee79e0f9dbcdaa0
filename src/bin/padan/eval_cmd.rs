//! `padan eval`: strict and lax precision, recall and F1 of test beads against gold beads.

use std::io::Write;
use std::process::ExitCode;

use padan::align::eval::{parse_beads, parse_scored_beads, Calibration, Counts};
use padan::error::Error;
use padan::text::Encoding;

use crate::cli::EvalArgs;
use crate::io::{display_name, read_text, Output};

pub fn run(config: EvalArgs) -> padan::Result<ExitCode> {
    if config.files.is_empty() || config.files.len() % 2 != 0 {
        return Err(Error::Usage(format!(
            "padan eval takes pairs of files, GOLD TEST [GOLD TEST ...]; got {} file(s)",
            config.files.len()
        )));
    }
    // Through Output, as every command writes: a closed pipe (`| head`) ends the run quietly
    // instead of a panic in println!.
    let mut out = Output::create(None, &[])?;
    let mut total = Counts::default();
    let mut calibration = Calibration::default();
    let mut every_test_scored = true;
    for pair in config.files.chunks(2) {
        let text = |path: &String| read_text(path, Encoding::Auto).map(|t| t.text);
        let gold = parse_beads(&text(&pair[0])?, &display_name(&pair[0]))?;
        let scored = parse_scored_beads(&text(&pair[1])?, &display_name(&pair[1]))?;
        let test: Vec<_> = scored.iter().map(|(b, _)| b.clone()).collect();
        let counts = Counts::of(&gold, &test);
        match scored
            .into_iter()
            .map(|(b, c)| c.map(|c| (b, c)))
            .collect::<Option<Vec<_>>>()
        {
            Some(confident) => calibration.add_document(&gold, &confident),
            None => every_test_scored = false,
        }
        if config.per_document {
            writeln!(out, "{}\t{}\t{counts}", pair[0], pair[1]).map_err(|e| out.error(e))?;
        }
        total.add(counts);
    }
    writeln!(out, "{total}\nstrict_f1={:.4}", total.strict().f1).map_err(|e| out.error(e))?;
    // Confidences are judged only when every test file carries them (padan's jsonl).
    if every_test_scored && calibration.beads() > 0 {
        writeln!(out, "{calibration}").map_err(|e| out.error(e))?;
    }
    out.finish()?;
    Ok(ExitCode::SUCCESS)
}
