//! A cache of the files known to have no findings, so that repeat runs (bots, pre-commit) on
//! mostly unchanged trees skip parsing them. An entry is a 128-bit hash of a file's bytes and
//! of everything that decides its findings: the infra-fix version, its settings and its
//! pulumi-aws major. Stored in `.infra-fix-cache/` of the current folder; a cache that cannot
//! be read or written only costs time, never a wrong answer or a failed run.

use std::collections::HashSet;
use std::hash::{Hash, Hasher};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use xxhash_rust::xxh3::xxh3_128_with_seed;

const DIR: &str = ".infra-fix-cache";
/// The file name carries the format version.
const FILE: &str = "clean-v1";
/// Entries kept at most: old ones go first.
const CAPACITY: usize = 200_000;

pub struct Cache {
    dir: PathBuf,
    /// Entries read at start, in file order (oldest first).
    known: Vec<u128>,
    lookup: HashSet<u128>,
    /// Entries found clean during this run.
    clean: Mutex<Vec<u128>>,
    /// Fingerprints of the settings seen, by address: files share a few settings, and
    /// printing them for each file cost more than reading the file.
    settings: Mutex<std::collections::HashMap<usize, u64>>,
}

impl Cache {
    /// The cache under `root`, empty when there is none yet or it cannot be read.
    pub fn open(root: &Path) -> Cache {
        let dir = root.join(DIR);
        let known: Vec<u128> = std::fs::read_to_string(dir.join(FILE))
            .map(|text| {
                text.lines()
                    .filter_map(|l| u128::from_str_radix(l, 16).ok())
                    .collect()
            })
            .unwrap_or_default();
        Cache {
            dir,
            lookup: known.iter().copied().collect(),
            known,
            clean: Mutex::new(Vec::new()),
            settings: Mutex::default(),
        }
    }

    /// The entry of a file's contents under a settings fingerprint.
    pub fn key(bytes: &[u8], fingerprint: u64) -> u128 {
        xxh3_128_with_seed(bytes, fingerprint)
    }

    pub fn is_clean(&self, key: u128) -> bool {
        self.lookup.contains(&key)
    }

    pub fn record_clean(&self, key: u128) {
        if !self.lookup.contains(&key) {
            self.clean.lock().expect("cache lock").push(key);
        }
    }

    /// Writes the cache back when this run learnt something: atomically, so that concurrent
    /// runs leave one whole cache (one of them wins; the other's entries are found again).
    pub fn save(self) {
        let clean = self.clean.into_inner().expect("cache lock");
        if clean.is_empty() {
            return;
        }
        let fresh: HashSet<u128> = clean.iter().copied().collect();
        let old = self.known.into_iter().filter(|k| !fresh.contains(k));
        let mut entries: Vec<u128> = old.chain(clean).collect();
        let excess = entries.len().saturating_sub(CAPACITY);
        entries.drain(..excess);
        let _ = write(&self.dir, &entries);
    }
}

fn write(dir: &Path, entries: &[u128]) -> std::io::Result<()> {
    std::fs::create_dir_all(dir)?;
    // Like ruff's cache: the folder tells git to ignore it.
    let ignore = dir.join(".gitignore");
    if !ignore.exists() {
        std::fs::write(&ignore, "# Created by infra-fix\n*\n")?;
    }
    let mut temp = tempfile::NamedTempFile::new_in(dir)?;
    let mut text = String::with_capacity(entries.len() * 33);
    for key in entries {
        text.push_str(&format!("{key:032x}\n"));
    }
    temp.write_all(text.as_bytes())?;
    temp.persist(dir.join(FILE)).map_err(|e| e.error)?;
    Ok(())
}

fn settings_fingerprint(settings: &impl std::fmt::Debug) -> u64 {
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    env!("CARGO_PKG_VERSION").hash(&mut hasher);
    format!("{settings:?}").hash(&mut hasher);
    hasher.finish()
}

fn combine(settings: u64, file: &impl std::fmt::Debug) -> u64 {
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    settings.hash(&mut hasher);
    format!("{file:?}").hash(&mut hasher);
    hasher.finish()
}

impl Cache {
    /// A fingerprint of what decides a file's findings besides its bytes: the infra-fix
    /// version, the settings (printed once per settings object of the run) and what is known
    /// of the file (its pulumi-aws major).
    pub fn fingerprint<S: std::fmt::Debug>(
        &self,
        settings: &S,
        file: &impl std::fmt::Debug,
    ) -> u64 {
        let address = settings as *const S as usize;
        let base = *self
            .settings
            .lock()
            .expect("cache lock")
            .entry(address)
            .or_insert_with(|| settings_fingerprint(settings));
        combine(base, file)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entries_survive_a_save_and_keys_depend_on_the_fingerprint() {
        let root = tempfile::tempdir().unwrap();
        let a = Cache::key(b"x = 1\n", 1);
        assert_ne!(a, Cache::key(b"x = 1\n", 2));
        assert_ne!(a, Cache::key(b"x = 2\n", 1));
        let cache = Cache::open(root.path());
        assert!(!cache.is_clean(a));
        cache.record_clean(a);
        cache.save();
        let again = Cache::open(root.path());
        assert!(again.is_clean(a));
        assert!(root.path().join(".infra-fix-cache/.gitignore").exists());
    }

    #[test]
    fn an_unreadable_cache_is_an_empty_one() {
        let root = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(root.path().join(DIR)).unwrap();
        std::fs::write(root.path().join(DIR).join(FILE), "not hex\n").unwrap();
        let cache = Cache::open(root.path());
        assert!(!cache.is_clean(0));
    }
}
