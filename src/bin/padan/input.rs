//! Reading a run's inputs from files: the two sides of a pair and the glossaries. The library
//! does the work; this prints its warnings.

use padan::document::{Document, Warning};
use padan::error::Error;
use padan::lexicon::Glossaries;
use padan::pipeline::Config;
use padan::table::{read_table_bytes, Table};
use padan::text::Encoding;

use crate::io::{display_name, read_bytes};

/// Prints warnings on stderr, as `padan: warning: ...`.
pub fn warn(warnings: impl IntoIterator<Item = Warning>) {
    for warning in warnings {
        eprintln!("padan: warning: {warning}");
    }
}

/// The two sides of a pair, read from their files.
pub fn load_pair(
    config: &Config,
    source: &str,
    target: &str,
) -> Result<(Document, Document), Error> {
    let source = load_source(config, source, &read_bytes(source)?)?;
    let target = load_target(config, target, &read_bytes(target)?)?;
    Ok((source, target))
}

/// A pair named by a corpus (a batch job, a streamed record): regular files only, since a
/// pipe or a device would block the run or never end.
pub fn load_pair_files(
    config: &Config,
    source: &str,
    target: &str,
) -> Result<(Document, Document), Error> {
    for path in [source, target] {
        padan::files::refuse_special_file(path)?;
    }
    load_pair(config, source, target)
}

/// The source side from its bytes.
pub fn load_source(config: &Config, path: &str, bytes: &[u8]) -> Result<Document, Error> {
    let (document, warnings) = config.read_source(&display_name(path), bytes)?;
    warn(warnings);
    Ok(document)
}

/// The target side from its bytes.
pub fn load_target(config: &Config, path: &str, bytes: &[u8]) -> Result<Document, Error> {
    let (document, warnings) = config.read_target(&display_name(path), bytes)?;
    warn(warnings);
    Ok(document)
}

/// A glossary file as a table, its repeated entries warned about.
pub fn load_table(path: &str, encoding: Encoding) -> Result<Table, Error> {
    let (table, warning) = read_table_bytes(&read_bytes(path)?, &display_name(path), encoding)?;
    warn(warning);
    warn(table.duplicate_warnings(&display_name(path)));
    Ok(table)
}

/// The glossaries of a run, each file read once, with the seed unless the config turns it off.
pub fn load_glossaries(config: &Config, paths: &[String]) -> Result<Glossaries, Error> {
    let tables = paths
        .iter()
        .map(|p| load_table(p, config.read.encoding))
        .collect::<Result<Vec<_>, _>>()?;
    Ok(config.glossaries(&tables))
}
