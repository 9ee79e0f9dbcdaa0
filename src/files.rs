//! The one place that opens files and decides where outputs may go.
//!
//! Inputs: `-` is stdin; a file is read whole, with a clean error when memory cannot hold it.
//! Outputs: `-` (or none) is stdout; a file is written atomically (a temporary file beside it,
//! renamed over it when complete), never onto an input, never through a symbolic link (a link
//! to this process's stdout, such as `/dev/stdout`, is stdout), and a device or pipe named as
//! the output is written in place. Temporary files are named after the process that owns
//! them: a program removes them on Ctrl-C or SIGTERM with [`remove_temporary_files`] (see
//! [`when_first_temporary`]), and a later run sweeps them only when their owner is gone.

use std::fs;
use std::io::{self, BufWriter, Read, Write};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use crate::error::{Error, Location};

/// The name used for an input or output in messages.
pub fn display_name(path: &str) -> String {
    if path == "-" {
        "<stdin>".to_owned()
    } else {
        path.to_owned()
    }
}

fn read_error(path: &str, source: io::Error) -> Error {
    Error::Io {
        at: Location::file(display_name(path)),
        action: "read",
        source,
    }
}

/// Reads the bytes of `path`, or stdin for `-`. A folder is an error; memory for the whole
/// file is reserved first, so a file too large for it is an error, not an abort.
pub fn read_bytes(path: &str) -> Result<Vec<u8>, Error> {
    let mut bytes = Vec::new();
    if path == "-" {
        io::stdin()
            .lock()
            .read_to_end(&mut bytes)
            .map_err(|e| read_error(path, e))?;
        return Ok(bytes);
    }
    let mut file = fs::File::open(path).map_err(|e| read_error(path, e))?;
    let metadata = file.metadata().map_err(|e| read_error(path, e))?;
    if metadata.is_dir() {
        return Err(Error::Usage(format!(
            "{path}: is a folder; give a file (or use padan batch --source-dir for a folder)"
        )));
    }
    if metadata.is_file() {
        let size = usize::try_from(metadata.len()).unwrap_or(usize::MAX);
        bytes.try_reserve_exact(size).map_err(|_| {
            Error::Usage(format!(
                "{path}: {} bytes do not fit in this machine's memory; split the file",
                metadata.len()
            ))
        })?;
    }
    file.read_to_end(&mut bytes)
        .map_err(|e| read_error(path, e))?;
    Ok(bytes)
}

/// Whether `path` is a regular file (not a pipe, a device, a folder or a link to one), so that
/// reading it cannot block forever.
pub fn is_regular_file(path: &Path) -> bool {
    fs::symlink_metadata(path).is_ok_and(|m| m.is_file())
}

/// Opens `path` (or stdin for `-`) to be read line by line, for inputs too large to hold.
pub fn open_lines(path: &str) -> Result<Box<dyn io::BufRead>, Error> {
    if path == "-" {
        return Ok(Box::new(io::BufReader::new(io::stdin())));
    }
    let file = fs::File::open(path).map_err(|e| read_error(path, e))?;
    Ok(Box::new(io::BufReader::new(file)))
}

/// The temporary files this process has open, removed if it is interrupted.
static TEMPORARY: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

/// Removes this process's temporary files (on Ctrl-C or SIGTERM; also safe to call at exit).
pub fn remove_temporary_files() {
    let paths = match TEMPORARY.lock() {
        Ok(mut paths) => std::mem::take(&mut *paths),
        Err(poisoned) => std::mem::take(&mut *poisoned.into_inner()),
    };
    for path in paths {
        let _ = fs::remove_file(path);
    }
}

/// Called once, when this process opens its first temporary file.
static FIRST_TEMPORARY: std::sync::OnceLock<fn()> = std::sync::OnceLock::new();

/// Sets what runs when this process opens its first temporary file: a program installs its
/// interrupt handler there (one that calls [`remove_temporary_files`]), so that a run writing
/// only to stdout starts no handler. Only the first call counts.
pub fn when_first_temporary(hook: fn()) {
    let _ = FIRST_TEMPORARY.set(hook);
}

fn first_temporary() {
    static CALLED: std::sync::Once = std::sync::Once::new();
    CALLED.call_once(|| {
        if let Some(hook) = FIRST_TEMPORARY.get() {
            hook();
        }
    });
}

fn forget_temporary(path: &Path) {
    if let Ok(mut paths) = TEMPORARY.lock() {
        paths.retain(|p| p != path);
    }
}

/// The prefix of this process's temporary files: `.padan-PID-`.
fn temporary_prefix() -> String {
    format!(".padan-{}-", std::process::id())
}

/// Removes, in `dir`, the temporary files of padan processes that are gone (`.padan-PID-*.tmp`
/// whose process no longer runs): what a killed run left. Another run's live files stay.
pub fn sweep_temporary_files(dir: &Path) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.filter_map(Result::ok) {
        let name = entry.file_name().to_string_lossy().into_owned();
        let Some(pid) = name
            .strip_prefix(".padan-")
            .and_then(|rest| rest.strip_suffix(".tmp"))
            .and_then(|rest| rest.split_once('-'))
            .and_then(|(pid, _)| pid.parse::<u32>().ok())
        else {
            continue;
        };
        if pid != std::process::id() && !process_runs(pid) {
            let _ = fs::remove_file(entry.path());
        }
    }
}

/// Whether a process runs: `/proc/PID` where there is a `/proc`; elsewhere nothing is known,
/// and a file of another run is never taken for a leftover.
fn process_runs(pid: u32) -> bool {
    let proc = Path::new("/proc");
    !proc.join("self").exists() || proc.join(pid.to_string()).exists()
}

/// Where an output goes.
enum Destination {
    Stdout,
    /// A device or pipe, written in place.
    InPlace,
    /// A file, written to a temporary file renamed over it at the end.
    Atomic(tempfile::TempPath),
}

/// An output that appears whole or not at all. Dropped without [`Output::finish`], nothing is
/// left behind.
pub struct Output {
    target: Option<PathBuf>,
    writer: BufWriter<Box<dyn Write>>,
    destination: Destination,
}

/// The identity of an open file or of the file a path names: device and inode.
#[cfg(unix)]
fn identity(metadata: &fs::Metadata) -> (u64, u64) {
    use std::os::unix::fs::MetadataExt;
    (metadata.dev(), metadata.ino())
}

/// Whether `metadata` is of the file this process's stdout writes to.
fn is_stdout(metadata: &fs::Metadata) -> bool {
    #[cfg(unix)]
    {
        use std::os::fd::AsFd;
        let Ok(fd) = io::stdout().as_fd().try_clone_to_owned() else {
            return false;
        };
        fs::File::from(fd)
            .metadata()
            .is_ok_and(|out| identity(&out) == identity(metadata))
    }
    #[cfg(not(unix))]
    {
        let _ = metadata;
        false
    }
}

impl Output {
    /// Opens `path` for writing, as [`Output::create`] does, but only as a regular file: a run's
    /// own files (batch outputs, resume records) are never written into a pipe or a device
    /// someone put in their place.
    pub fn create_file(path: &str, inputs: &[&str]) -> Result<Self, Error> {
        if fs::symlink_metadata(path).is_ok_and(|m| !m.is_file() && !m.file_type().is_symlink()) {
            return Err(Error::Usage(format!(
                "{path}: not a regular file (a pipe, a device or a folder); remove it, or choose \
                 another --out-dir"
            )));
        }
        Self::create(Some(path), inputs)
    }

    /// Opens `path` for writing, or stdout for `-` or no path. `inputs` are the files this run
    /// reads: writing over one of them is refused before anything is written.
    pub fn create(path: Option<&str>, inputs: &[&str]) -> Result<Self, Error> {
        let stdout = || Output {
            target: None,
            writer: BufWriter::new(Box::new(io::stdout())),
            destination: Destination::Stdout,
        };
        let Some(path) = path.filter(|p| *p != "-") else {
            return Ok(stdout());
        };
        if path.is_empty() {
            return Err(Error::Usage(
                "the output path is empty; give a file name".to_owned(),
            ));
        }
        refuse_overwriting_inputs(path, inputs)?;
        let target = PathBuf::from(path);
        let create_error = |source| Error::Io {
            at: Location::file(path),
            action: "create",
            source,
        };
        if let Ok(link) = fs::symlink_metadata(&target) {
            if link.file_type().is_symlink() {
                // /dev/stdout, /proc/self/fd/1 or a link of one's own to the stdout of this run.
                if fs::metadata(&target).is_ok_and(|m| is_stdout(&m)) {
                    return Ok(stdout());
                }
                let to = fs::read_link(&target)
                    .map(|t| t.display().to_string())
                    .unwrap_or_default();
                return Err(Error::Usage(format!(
                    "{path}: is a symbolic link (to {to}); padan does not write through links, \
                     give the file's own path"
                )));
            }
            if link.is_dir() {
                return Err(Error::Usage(format!(
                    "{path}: the output is a folder; give a file name, e.g. {path}/out.tsv"
                )));
            }
            if !link.is_file() {
                if is_stdout(&link) {
                    return Ok(stdout());
                }
                let file = fs::OpenOptions::new()
                    .write(true)
                    .open(&target)
                    .map_err(create_error)?;
                return Ok(Output {
                    target: Some(target),
                    writer: BufWriter::new(Box::new(file)),
                    destination: Destination::InPlace,
                });
            }
        }
        let dir = match target.parent() {
            Some(parent) if !parent.as_os_str().is_empty() => parent.to_path_buf(),
            _ => PathBuf::from("."),
        };
        sweep_temporary_files(&dir);
        let prefix = temporary_prefix();
        let mut builder = tempfile::Builder::new();
        builder.prefix(&prefix).suffix(".tmp");
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
        first_temporary();
        let file = builder.tempfile_in(&dir).map_err(create_error)?;
        let (file, temp) = file.into_parts();
        if let Ok(mut paths) = TEMPORARY.lock() {
            paths.push(temp.to_path_buf());
        }
        Ok(Output {
            target: Some(target),
            writer: BufWriter::new(Box::new(file)),
            destination: Destination::Atomic(temp),
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
        let destination = std::mem::replace(&mut self.destination, Destination::Stdout);
        if let (Destination::Atomic(temp), Some(target)) = (destination, self.target.take()) {
            let temp_path = temp.to_path_buf();
            let persisted = temp.persist(&target);
            forget_temporary(&temp_path);
            persisted.map_err(|e| Error::Io {
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

impl Drop for Output {
    fn drop(&mut self) {
        if let Destination::Atomic(temp) = &self.destination {
            forget_temporary(temp);
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
    #[cfg(unix)]
    if let (Ok(x), Ok(y)) = (fs::metadata(a), fs::metadata(b)) {
        return identity(&x) == identity(&y);
    }
    match (canonical(Path::new(a)), canonical(Path::new(b))) {
        (Some(x), Some(y)) => x == y,
        _ => a == b,
    }
}

fn refuse_overwriting_inputs(output: &str, inputs: &[&str]) -> Result<(), Error> {
    if inputs
        .iter()
        .filter(|i| **i != "-")
        .any(|input| same_file(output, input))
    {
        return Err(Error::Usage(format!(
            "{output}: the output is also an input; padan never overwrites an input, \
             choose another -o path"
        )));
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

/// Checks a run's planned outputs before any work: none is an input (same file), and no two are
/// the same file (names compared without case, as some file systems do). `outputs` and `inputs`
/// are (path, what it is) pairs for the message.
pub fn check_plan(outputs: &[(String, String)], inputs: &[(String, String)]) -> Result<(), Error> {
    let key = |path: &str| {
        canonical(Path::new(path))
            .unwrap_or_else(|| PathBuf::from(path))
            .to_string_lossy()
            .to_lowercase()
    };
    // Each input's identity once (a batch of thousands of pairs checks thousands of outputs).
    let mut by_file: std::collections::HashMap<FileKey, &str> = std::collections::HashMap::new();
    for (path, what) in inputs {
        if let Some(id) = file_key(path) {
            by_file.entry(id).or_insert(what);
        }
    }
    let mut seen: std::collections::HashMap<String, &str> = std::collections::HashMap::new();
    for (path, what) in outputs {
        if let Some(input) = file_key(path).and_then(|id| by_file.get(&id)) {
            return Err(Error::Usage(format!(
                "{path} would be written as {what}, but it is {input}; padan never overwrites an \
                 input: choose another --out-dir, or give the input another name"
            )));
        }
        if let Some(other) = seen.insert(key(path), what) {
            return Err(Error::Usage(format!(
                "{path} would be written twice, as {other} and as {what}; rename the pair \
                 (its file, or its name in the manifest)"
            )));
        }
    }
    Ok(())
}

/// What tells one file from another: device and inode where there are such, else its
/// canonical path.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum FileKey {
    Inode(u64, u64),
    #[cfg_attr(unix, allow(dead_code))]
    Path(PathBuf),
}

fn file_key(path: &str) -> Option<FileKey> {
    #[cfg(unix)]
    if let Ok(metadata) = fs::metadata(path) {
        let (dev, ino) = identity(&metadata);
        return Some(FileKey::Inode(dev, ino));
    }
    #[cfg(not(unix))]
    if fs::metadata(path).is_ok() {
        return canonical(Path::new(path)).map(FileKey::Path);
    }
    None
}

/// An error for a path that exists and is not a regular file (a pipe, a device, a folder): a
/// pair named by a corpus is read only from regular files, since anything else could block
/// the run or never end.
pub fn refuse_special_file(path: &str) -> Result<(), Error> {
    let at = Path::new(path);
    if at.exists() && !fs::metadata(at).is_ok_and(|m| m.is_file()) {
        return Err(Error::Usage(format!(
            "{path}: not a regular file (a pipe, a device or a folder); give a file"
        )));
    }
    Ok(())
}
