//! Which files to process, and reading them safely: explicit file arguments always, `.py`
//! files below folder arguments, honouring `.gitignore` and `.ignore`, skipping hidden
//! folders and virtualenvs; only regular files are ever opened.

use ignore::{WalkBuilder, WalkState};
use std::fs::File;
use std::io::{self, Read};
use std::os::unix::fs::{FileTypeExt, OpenOptionsExt};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// Folders never worth walking into.
const SKIPPED_DIRS: &[&str] = &["venv", ".venv", "node_modules", "__pycache__"];

/// Files larger than this are reported and skipped: fixing takes about 40 to 75 times a
/// file's size in memory (measured on a 20 MB program: 0.7 GB to check, 1.5 GB to fix), and
/// every worker thread may hold one file. No hand-written Pulumi program comes near it.
pub const MAX_FILE_SIZE: u64 = 64 << 20;

/// The files to process, sorted, and one error line per path that could not be walked.
pub fn collect(paths: &[PathBuf], threads: usize) -> (Vec<PathBuf>, Vec<(PathBuf, String)>) {
    let mut files = Vec::new();
    let errors = Mutex::new(Vec::new());
    let push_error = |path: PathBuf, message: String| {
        errors
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .push((path, message))
    };
    let mut roots = Vec::new();
    for path in paths {
        match std::fs::metadata(path) {
            Ok(meta) if meta.is_dir() => roots.push(path.clone()),
            Ok(meta) if meta.is_file() => files.push(path.clone()),
            // A FIFO would block the read forever, a device could be endless.
            Ok(meta) => push_error(path.clone(), not_regular(&meta.file_type())),
            Err(e) => push_error(path.clone(), describe_path_error(path, &e)),
        }
    }
    if let Some((first, rest)) = roots.split_first() {
        let found = Mutex::new(Vec::new());
        let mut builder = WalkBuilder::new(first);
        rest.iter().for_each(|r| {
            builder.add(r);
        });
        builder
            .require_git(false)
            .threads(threads)
            .filter_entry(|e| {
                !(e.file_type().is_some_and(|t| t.is_dir())
                    && e.file_name()
                        .to_str()
                        .is_some_and(|n| SKIPPED_DIRS.contains(&n)))
            })
            .build_parallel()
            .run(|| {
                Box::new(|entry| {
                    match entry {
                        // Symbolic links are not followed (no loops, no escaping the tree);
                        // FIFOs, sockets and devices are not `.py` files to fix.
                        Ok(entry) => {
                            if entry.file_type().is_some_and(|t| t.is_file())
                                && is_python(entry.path())
                            {
                                found
                                    .lock()
                                    .unwrap_or_else(|e| e.into_inner())
                                    .push(entry.into_path());
                            }
                        }
                        Err(e) => {
                            let path = error_path(&e).unwrap_or_default();
                            let message = match io_error(&e) {
                                Some(io) => format!("could not walk: {}", describe_io(io)),
                                None => e.to_string(),
                            };
                            push_error(path, message);
                        }
                    }
                    WalkState::Continue
                })
            });
        files.extend(found.into_inner().unwrap_or_else(|e| e.into_inner()));
    }
    files.sort();
    files.dedup();
    let mut errors = errors.into_inner().unwrap_or_else(|e| e.into_inner());
    errors.sort();
    (files, errors)
}

/// Reads a regular file. Opens without blocking, so that a FIFO swapped in after the walk
/// cannot hang the run, and refuses anything that is not a regular file or is too large.
/// `Err` is a one-line reason with what to do.
pub fn read_regular(path: &Path) -> Result<Vec<u8>, String> {
    let mut file = std::fs::OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NONBLOCK)
        .open(path)
        .map_err(|e| format!("could not read: {}", describe_path_error(path, &e)))?;
    let meta = file
        .metadata()
        .map_err(|e| format!("could not read: {}", describe_io(&e)))?;
    if !meta.is_file() {
        return Err(not_regular(&meta.file_type()));
    }
    if meta.len() > MAX_FILE_SIZE {
        return Err(format!(
            "{} MB, larger than the {} MB infra-fix reads; skipped, exclude it",
            meta.len() >> 20,
            MAX_FILE_SIZE >> 20
        ));
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    // `take`: a file that grows while it is read still stops at the limit.
    (&mut file as &mut File)
        .take(MAX_FILE_SIZE + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| format!("could not read: {}", describe_io(&e)))?;
    if bytes.len() as u64 > MAX_FILE_SIZE {
        return Err(format!(
            "larger than the {} MB infra-fix reads; skipped, exclude it",
            MAX_FILE_SIZE >> 20
        ));
    }
    Ok(bytes)
}

fn not_regular(file_type: &std::fs::FileType) -> String {
    let what = if file_type.is_fifo() {
        "a FIFO"
    } else if file_type.is_socket() {
        "a socket"
    } else if file_type.is_char_device() || file_type.is_block_device() {
        "a device"
    } else {
        "not a regular file"
    };
    format!("{what}, not a Python file; skipped, pass files or folders")
}

fn is_python(path: &Path) -> bool {
    path.extension().is_some_and(|e| e == "py")
}

fn error_path(error: &ignore::Error) -> Option<PathBuf> {
    match error {
        ignore::Error::WithPath { path, .. } => Some(path.clone()),
        ignore::Error::WithDepth { err, .. } | ignore::Error::WithLineNumber { err, .. } => {
            error_path(err)
        }
        _ => None,
    }
}

fn io_error(error: &ignore::Error) -> Option<&io::Error> {
    match error {
        ignore::Error::Io(e) => Some(e),
        ignore::Error::WithPath { err, .. }
        | ignore::Error::WithDepth { err, .. }
        | ignore::Error::WithLineNumber { err, .. } => io_error(err),
        _ => None,
    }
}

/// Like [`describe_io`], but tells a dangling symbolic link from a missing path.
fn describe_path_error(path: &Path, error: &io::Error) -> String {
    let is_link = std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink());
    if is_link && error.kind() == io::ErrorKind::NotFound {
        return "a symbolic link to nothing; fix or remove the link".into();
    }
    describe_io(error)
}

/// An I/O error as a short lower-case phrase and, where there is one, what to do about it.
pub fn describe_io(error: &io::Error) -> String {
    use io::ErrorKind::*;
    match error.kind() {
        NotFound => "no such file or folder; check the path".into(),
        PermissionDenied => "permission denied; check its permissions and owner".into(),
        ReadOnlyFilesystem => "read-only file system; drop --write or remount it writable".into(),
        StorageFull => "no space left on the device; free some space and run again".into(),
        QuotaExceeded => "disk quota exceeded; free some space and run again".into(),
        FileTooLarge => {
            "file too large for the file system; free some space or raise the limit".into()
        }
        _ if error.raw_os_error() == Some(libc::ELOOP) => {
            "a loop of symbolic links; fix or remove the link".into()
        }
        _ => {
            // `Os { .. }` errors read "No such device (os error 19)": keep the words.
            let text = error.to_string();
            let text = text.split(" (os error").next().unwrap_or(&text);
            let mut chars = text.chars();
            chars.next().map_or(String::new(), |c| {
                c.to_lowercase().chain(chars).collect::<String>()
            })
        }
    }
}
