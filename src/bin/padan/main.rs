//! The `padan` command line: flags and files in, the library's work, printing out.

mod align_cmd;
mod batch_cmd;
mod check_cmd;
mod cli;
mod eval_cmd;
mod export_cmd;
mod glossary_cmd;
mod input;
mod io;
mod segment_cmd;

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = cli::Cli::parse();
    io::remove_temporary_files_if_interrupted();
    match run(cli) {
        Ok(code) => code,
        Err(e) if e.is_broken_pipe() => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("padan: {e}");
            ExitCode::from(2)
        }
    }
}

fn run(cli: cli::Cli) -> padan::Result<ExitCode> {
    match cli.command {
        cli::Command::Segment(args) => segment_cmd::run(args),
        cli::Command::Align(args) => align_cmd::run(args),
        cli::Command::Eval(args) => eval_cmd::run(args),
        cli::Command::Glossary(args) => glossary_cmd::run(args),
        cli::Command::Check(args) => check_cmd::run(args),
        cli::Command::Batch(args) => batch_cmd::run(args),
        cli::Command::Export(args) => export_cmd::run(args),
    }
}
