//! What each folder holds, listed once per run. infra-fix looks for its configuration, the
//! formatter's and the project's dependency files in the folder of every file it checks and in
//! each folder above: a dozen names, most of them absent. One listing per folder answers all of
//! them, where probing each name cost a failed `open` (about 8,700 on 2,000 real files). The
//! current folder, which relative paths start from, is asked once too.

use std::collections::{HashMap, HashSet};
use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, OnceLock};

/// The names in one folder that are not folders, or `None` when it could not be listed (then
/// every name may be there, and callers find out by reading it).
type Listing = Option<Arc<HashSet<OsString>>>;

fn listing(dir: &Path) -> Listing {
    static LISTINGS: OnceLock<Mutex<HashMap<PathBuf, Listing>>> = OnceLock::new();
    let listings = LISTINGS.get_or_init(Default::default);
    if let Some(known) = listings.lock().expect("folder listings").get(dir) {
        return known.clone();
    }
    let listed = std::fs::read_dir(if dir.as_os_str().is_empty() {
        Path::new(".")
    } else {
        dir
    })
    .ok()
    .map(|entries| {
        // A symbolic link may point at a file: it is kept, and reading it decides.
        let names = entries
            .filter_map(|e| e.ok())
            .filter(|e| !e.file_type().is_ok_and(|t| t.is_dir()))
            .map(|e| e.file_name());
        Arc::new(names.collect::<HashSet<_>>())
    });
    listings
        .lock()
        .expect("folder listings")
        .insert(dir.to_path_buf(), listed.clone());
    listed
}

/// Whether `dir` may hold a file `name`: false only when its listing says it does not.
pub fn may_hold(dir: &Path, name: &str) -> bool {
    listing(dir).is_none_or(|names| names.contains(std::ffi::OsStr::new(name)))
}

/// The text of `dir/name`, when the folder holds it and it reads as UTF-8.
pub fn read(dir: &Path, name: &str) -> Option<String> {
    may_hold(dir, name)
        .then(|| std::fs::read_to_string(dir.join(name)).ok())
        .flatten()
}

/// The names in `dir` that `wanted` accepts (`requirements*.txt`), sorted; `None` when the
/// folder could not be listed.
pub fn names_where(dir: &Path, wanted: impl Fn(&str) -> bool) -> Option<Vec<String>> {
    let names = listing(dir)?;
    let mut found: Vec<String> = names
        .iter()
        .filter_map(|n| n.to_str())
        .filter(|n| wanted(n))
        .map(String::from)
        .collect();
    found.sort_unstable();
    Some(found)
}

/// The current folder, asked once: infra-fix never changes it, and asking costs a system call
/// per file.
pub fn current_dir() -> Option<&'static Path> {
    static CWD: OnceLock<Option<PathBuf>> = OnceLock::new();
    CWD.get_or_init(|| std::env::current_dir().ok()).as_deref()
}

/// `file` as an absolute path, as `std::path::absolute` makes it (without touching the file
/// system: symbolic links stay as written) but from the current folder asked once: asking it
/// for every file cost a system call each. Where to start looking upward for the folders that
/// configure a file, and what every per-folder cache is keyed by: a folder met once relative
/// and once absolute was listed and read twice.
pub fn absolute(file: &Path) -> PathBuf {
    let file = match current_dir() {
        Some(cwd) if file.is_relative() => &cwd.join(file),
        _ => file,
    };
    std::path::absolute(file).unwrap_or_else(|_| file.to_path_buf())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_listing_answers_for_the_names_a_folder_has_and_lacks() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("pyproject.toml"), "[project]\n").unwrap();
        std::fs::create_dir(dir.path().join("setup.cfg")).unwrap();
        assert!(may_hold(dir.path(), "pyproject.toml"));
        assert_eq!(
            read(dir.path(), "pyproject.toml").as_deref(),
            Some("[project]\n")
        );
        assert!(!may_hold(dir.path(), "Pipfile"));
        assert_eq!(read(dir.path(), "Pipfile"), None);
        // A folder of that name is no file.
        assert!(!may_hold(dir.path(), "setup.cfg"));
        let missing = dir.path().join("gone");
        assert!(
            may_hold(&missing, "pyproject.toml"),
            "unlisted: may hold anything"
        );
        assert_eq!(read(&missing, "pyproject.toml"), None);
    }

    #[test]
    fn a_path_is_made_absolute_as_the_standard_library_makes_it() {
        // Written as the standard library writes it: messages show configuration paths.
        for path in [
            "x.py",
            "./x.py",
            "a/./b/../c.py",
            "a//b/x.py",
            "../up/x.py",
            "/abs//./y.py",
        ] {
            let path = Path::new(path);
            assert_eq!(
                absolute(path).as_os_str(),
                std::path::absolute(path).unwrap().as_os_str(),
                "{path:?}"
            );
        }
    }
}
