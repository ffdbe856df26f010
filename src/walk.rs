//! Which files to process: explicit file arguments always, `.py` files below folder
//! arguments, honouring `.gitignore` and `.ignore`, skipping hidden folders and virtualenvs.

use ignore::{WalkBuilder, WalkState};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// Folders never worth walking into.
const SKIPPED_DIRS: &[&str] = &["venv", ".venv", "node_modules", "__pycache__"];

/// The files to process, sorted, and one error line per path that could not be walked.
pub fn collect(paths: &[PathBuf], threads: usize) -> (Vec<PathBuf>, Vec<(PathBuf, String)>) {
    let mut files = Vec::new();
    let errors = Mutex::new(Vec::new());
    let mut roots = Vec::new();
    for path in paths {
        match std::fs::metadata(path) {
            Ok(meta) if meta.is_dir() => roots.push(path.clone()),
            Ok(_) => files.push(path.clone()),
            Err(e) => errors.lock().unwrap().push((path.clone(), describe_io(&e))),
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
                        Ok(entry) => {
                            if entry.file_type().is_some_and(|t| t.is_file())
                                && is_python(entry.path())
                            {
                                found.lock().unwrap().push(entry.into_path());
                            }
                        }
                        Err(e) => {
                            let path = error_path(&e).unwrap_or_default();
                            errors.lock().unwrap().push((path, e.to_string()));
                        }
                    }
                    WalkState::Continue
                })
            });
        files.extend(found.into_inner().unwrap());
    }
    files.sort();
    files.dedup();
    let mut errors = errors.into_inner().unwrap();
    errors.sort();
    (files, errors)
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

/// An I/O error as a short lower-case phrase.
pub fn describe_io(error: &std::io::Error) -> String {
    match error.kind() {
        std::io::ErrorKind::NotFound => "no such file or folder".into(),
        std::io::ErrorKind::PermissionDenied => "permission denied".into(),
        _ => error.to_string(),
    }
}
