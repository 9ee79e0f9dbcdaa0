//! The binary's side of files: reading a text with its warning printed, refusing a binary
//! format on a terminal, and the interrupt handler that removes temporary files. The rules of
//! where inputs come from and outputs go are the library's `files`.

use std::io;

use padan::error::Error;
use padan::text::{self, Decoded, Encoding};

pub use padan::files::*;

/// Refuses to write a binary format (xlsx) to a terminal.
pub fn refuse_binary_to_terminal(output: Option<&str>, format: &str) -> Result<(), Error> {
    use std::io::IsTerminal;
    if output.is_none_or(|o| o == "-") && io::stdout().is_terminal() {
        return Err(Error::Usage(format!(
            "--format {format} writes a binary workbook: give -o FILE.{format}"
        )));
    }
    Ok(())
}

/// Reads and decodes a text input, warning on stderr when its encoding was a guess.
pub fn read_text(path: &str, encoding: Encoding) -> Result<Decoded, Error> {
    let bytes = read_bytes(path)?;
    let decoded = text::decode(&bytes, &display_name(path), encoding)?;
    crate::input::warn(decoded.warning.clone());
    Ok(decoded)
}

/// Installs, on the first temporary file, the handler that removes this run's temporary files
/// on Ctrl-C or SIGTERM and exits as a shell reports a signal: 128 + SIGINT.
pub fn remove_temporary_files_if_interrupted() {
    padan::files::when_first_temporary(|| {
        let _ = ctrlc::set_handler(|| {
            padan::files::remove_temporary_files();
            std::process::exit(130);
        });
    });
}
