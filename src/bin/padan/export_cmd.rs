//! `padan export`: a reviewed alignment (a review workbook or its CSV) as TMX or another format.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use padan::document::fingerprint;
use padan::error::{Error, Location};
use padan::export::{write_alignment, write_record, AlignFormat, WriteOptions};
use padan::lang::Locale;
use padan::review::{read_reviewed, write_tmx, ReviewedDocument};
use padan::Lang;

use crate::cli::{format_of, ExportArgs};
use crate::input::warn;
use crate::io::{display_name, read_bytes, Output};

pub fn run(args: ExportArgs) -> padan::Result<ExitCode> {
    let format = format_of(
        args.format,
        args.output.as_deref(),
        AlignFormat::from_path,
        AlignFormat::Tmx,
    )?;
    if format == AlignFormat::Xlsx {
        return Err(Error::Usage(
            "padan export writes tmx, tsv, csv, jsonl or beads; the workbook is its input"
                .to_owned(),
        ));
    }
    let name = display_name(&args.reviewed);
    let reviewed = read_reviewed(&read_bytes(&args.reviewed)?, &name, args.input.encoding()?)?;
    warn(reviewed.warning.clone());
    let recorded = reviewed.languages.clone();
    let languages = (
        args.source_lang
            .clone()
            .or_else(|| recorded.as_ref().map(|l| l.0.clone()))
            .unwrap_or_else(|| Locale::default_for(Lang::Id)),
        args.target_lang
            .clone()
            .or_else(|| recorded.as_ref().map(|l| l.1.clone()))
            .unwrap_or_else(|| Locale::default_for(Lang::En)),
    );
    for document in &reviewed.documents {
        warn_changed(&args.reviewed, &name, document);
    }
    let options = WriteOptions {
        format,
        excel: args.excel,
        keep_unaligned: args.keep_unaligned,
        languages,
    };
    let documents = &reviewed.documents;
    let several = documents.len() > 1;
    if several && !matches!(format, AlignFormat::Tmx | AlignFormat::Jsonl) {
        return write_folder(&args, &options, documents);
    }
    let inputs = [args.reviewed.as_str()];
    let mut out = Output::create(args.output.as_deref(), &inputs)?;
    let written = match format {
        AlignFormat::Tmx => write_tmx(&options, &name, documents, &mut out),
        AlignFormat::Jsonl if several => documents.iter().try_for_each(|d| {
            let id = serde_json::value::to_raw_value(&d.sheet).map_err(std::io::Error::from)?;
            write_record(&id, &d.pair(), &mut out)
        }),
        _ => write_alignment(
            &options,
            &documents[0].sheet,
            documents[0].pair(),
            &[],
            &mut out,
        ),
    };
    written
        .and_then(|()| out.flush())
        .map_err(|e| out.error(e))?;
    out.finish()?;
    Ok(ExitCode::SUCCESS)
}

/// One file per document in the folder `-o` names.
fn write_folder(
    args: &ExportArgs,
    options: &WriteOptions,
    documents: &[ReviewedDocument],
) -> padan::Result<ExitCode> {
    let Some(folder) = args.output.as_deref().filter(|o| *o != "-") else {
        return Err(Error::Usage(format!(
            "{} holds {} documents: give -o FOLDER for one {} file each, or --format tmx or jsonl \
             for one file",
            display_name(&args.reviewed),
            documents.len(),
            options.format.extension()
        )));
    };
    std::fs::create_dir_all(folder).map_err(|source| Error::Io {
        at: Location::file(folder),
        action: "create",
        source,
    })?;
    for document in documents {
        let file_name = format!(
            "{}.{}",
            padan::corpus::pair_name(Path::new(&format!("{}.x", document.sheet))),
            options.format.extension()
        );
        let path = Path::new(folder)
            .join(file_name)
            .to_string_lossy()
            .into_owned();
        let mut out = Output::create(Some(&path), &[args.reviewed.as_str()])?;
        write_alignment(options, &document.sheet, document.pair(), &[], &mut out)
            .and_then(|()| out.flush())
            .map_err(|e| out.error(e))?;
        out.finish()?;
    }
    Ok(ExitCode::SUCCESS)
}

/// Warns when a file the document was aligned from has changed since (found as named, or
/// beside the workbook).
fn warn_changed(workbook: &str, name: &str, document: &ReviewedDocument) {
    let Some(sources) = &document.sources else {
        return;
    };
    for (file, recorded) in [
        (&sources.source_file, &sources.source_fingerprint),
        (&sources.target_file, &sources.target_fingerprint),
    ] {
        let beside = Path::new(workbook)
            .parent()
            .map(|p| p.join(file).to_string_lossy().into_owned());
        let bytes = std::fs::read(file)
            .ok()
            .or_else(|| beside.and_then(|b| std::fs::read(b).ok()));
        if let Some(bytes) = bytes {
            if !recorded.is_empty() && fingerprint(&bytes) != *recorded {
                warn([padan::document::Warning::new(format!(
                    "{file} has changed since {name} was made from it; the export holds the \
                     text as reviewed"
                ))]);
            }
        }
    }
}
