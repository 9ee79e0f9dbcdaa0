//! `padan eval`: strict and lax precision, recall and F1 of test beads against gold beads.

use std::io::Write;
use std::process::ExitCode;

use padan::align::eval::{parse_beads, Counts};
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
    for pair in config.files.chunks(2) {
        let read = |path: &String| -> Result<_, Error> {
            let text = read_text(path, Encoding::Auto)?;
            parse_beads(&text.text, &display_name(path))
        };
        let (gold, test) = (read(&pair[0])?, read(&pair[1])?);
        let counts = Counts::of(&gold, &test);
        if config.per_document {
            writeln!(out, "{}\t{}\t{counts}", pair[0], pair[1]).map_err(|e| out.error(e))?;
        }
        total.add(counts);
    }
    writeln!(out, "{total}\nstrict_f1={:.4}", total.strict().f1).map_err(|e| out.error(e))?;
    out.finish()?;
    Ok(ExitCode::SUCCESS)
}
