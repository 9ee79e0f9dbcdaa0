//! The one place that opens files: inputs (`-` is stdin) and atomic outputs (`-` is stdout).

use std::fs;
use std::io::{self, BufWriter, Read, Write};
use std::path::{Path, PathBuf};

use padan::error::{Error, Location};
use padan::text::{self, Decoded, Encoding};

/// The name used for an input or output in messages.
pub fn display_name(path: &str) -> String {
    if path == "-" {
        "<stdin>".to_owned()
    } else {
        path.to_owned()
    }
}

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

/// Reads the bytes of `path`, or stdin for `-`.
pub fn read_bytes(path: &str) -> Result<Vec<u8>, Error> {
    let mut bytes = Vec::new();
    let result = if path == "-" {
        io::stdin().lock().read_to_end(&mut bytes).map(|_| ())
    } else {
        fs::File::open(path).and_then(|mut f| f.read_to_end(&mut bytes).map(|_| ()))
    };
    result.map_err(|source| Error::Io {
        at: Location::file(display_name(path)),
        action: "read",
        source,
    })?;
    Ok(bytes)
}

/// Opens `path` (or stdin for `-`) to be read line by line, for inputs too large to hold.
pub fn open_lines(path: &str) -> Result<Box<dyn io::BufRead>, Error> {
    if path == "-" {
        return Ok(Box::new(io::BufReader::new(io::stdin())));
    }
    let file = fs::File::open(path).map_err(|source| Error::Io {
        at: Location::file(path),
        action: "read",
        source,
    })?;
    Ok(Box::new(io::BufReader::new(file)))
}

/// Reads and decodes a text input, warning on stderr when its encoding was a guess.
pub fn read_text(path: &str, encoding: Encoding) -> Result<Decoded, Error> {
    let bytes = read_bytes(path)?;
    let decoded = text::decode(&bytes, &display_name(path), encoding)?;
    crate::input::warn(decoded.warning.clone());
    Ok(decoded)
}

/// An output that appears whole or not at all: a temporary file beside the target, renamed over
/// it when [`Output::finish`] is called. Dropped without `finish`, nothing is left behind.
pub struct Output {
    target: Option<PathBuf>,
    writer: BufWriter<Box<dyn Write>>,
    temp: Option<tempfile::TempPath>,
}

impl Output {
    /// Opens `path` for writing, or stdout for `-` or no path. `inputs` are the files this run
    /// reads: writing over one of them is refused before anything is written.
    pub fn create(path: Option<&str>, inputs: &[&str]) -> Result<Self, Error> {
        let Some(path) = path.filter(|p| *p != "-") else {
            return Ok(Output {
                target: None,
                writer: BufWriter::new(Box::new(io::stdout())),
                temp: None,
            });
        };
        refuse_overwriting_inputs(path, inputs)?;
        let target = PathBuf::from(path);
        // A device or a pipe (/dev/null, /dev/stdout, a FIFO) is written to as it is: renaming
        // a temporary file over it would replace the device with a file.
        if let Ok(metadata) = fs::metadata(&target) {
            if metadata.is_dir() {
                return Err(Error::Usage(format!(
                    "{path}: the output is a folder; give a file name, e.g. {path}/out.tsv"
                )));
            }
            if !metadata.is_file() {
                let file = fs::OpenOptions::new()
                    .write(true)
                    .open(&target)
                    .map_err(|source| Error::Io {
                        at: Location::file(path),
                        action: "create",
                        source,
                    })?;
                return Ok(Output {
                    target: Some(target),
                    writer: BufWriter::new(Box::new(file)),
                    temp: None,
                });
            }
        }
        let dir = match target.parent() {
            Some(parent) if !parent.as_os_str().is_empty() => parent.to_path_buf(),
            _ => PathBuf::from("."),
        };
        let io_error = |source| Error::Io {
            at: Location::file(path),
            action: "create",
            source,
        };
        let mut builder = tempfile::Builder::new();
        builder.prefix(".padan-").suffix(".tmp");
        // A temporary file is private (0600); the output should get the permissions of any
        // other file the user creates (0666 less the umask), or keep those of the file it
        // replaces.
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let permissions = fs::metadata(&target)
                .map(|m| m.permissions())
                .unwrap_or_else(|_| fs::Permissions::from_mode(0o666));
            builder.permissions(permissions);
        }
        let file = builder.tempfile_in(&dir).map_err(io_error)?;
        let (file, temp) = file.into_parts();
        Ok(Output {
            target: Some(target),
            writer: BufWriter::new(Box::new(file)),
            temp: Some(temp),
        })
    }

    /// Flushes and moves the output into place.
    pub fn finish(mut self) -> Result<(), Error> {
        let name = self.name();
        self.writer.flush().map_err(|source| Error::Io {
            at: Location::file(&name),
            action: "write",
            source,
        })?;
        if let (Some(temp), Some(target)) = (self.temp.take(), self.target.take()) {
            temp.persist(&target).map_err(|e| Error::Io {
                at: Location::file(&name),
                action: "write",
                source: e.error,
            })?;
        }
        Ok(())
    }

    /// The output's name for messages.
    pub fn name(&self) -> String {
        self.target
            .as_ref()
            .map_or_else(|| "<stdout>".to_owned(), |t| t.display().to_string())
    }

    /// Wraps a write error with this output's name.
    pub fn error(&self, source: io::Error) -> Error {
        Error::Io {
            at: Location::file(self.name()),
            action: "write",
            source,
        }
    }
}

impl Write for Output {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.writer.write(buf)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.writer.flush()
    }
}

/// Whether two paths name the same file (the second may not exist yet).
pub fn same_file(a: &str, b: &str) -> bool {
    match (canonical(Path::new(a)), canonical(Path::new(b))) {
        (Some(x), Some(y)) => x == y,
        _ => a == b,
    }
}

fn refuse_overwriting_inputs(output: &str, inputs: &[&str]) -> Result<(), Error> {
    let out = Path::new(output);
    let out_canonical = canonical(out);
    for input in inputs.iter().filter(|i| **i != "-") {
        let same = match (&out_canonical, canonical(Path::new(input))) {
            (Some(a), Some(b)) => *a == b,
            _ => Path::new(input) == out,
        };
        if same {
            return Err(Error::Usage(format!(
                "{output}: the output is also an input; padan never overwrites an input, \
                 choose another -o path"
            )));
        }
    }
    Ok(())
}

/// The canonical path of `path`, or of its parent joined with its name when it does not exist.
fn canonical(path: &Path) -> Option<PathBuf> {
    if let Ok(p) = path.canonicalize() {
        return Some(p);
    }
    let name = path.file_name()?;
    let parent = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.canonicalize().ok()?,
        _ => std::env::current_dir().ok()?,
    };
    Some(parent.join(name))
}
