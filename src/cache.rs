//! A cache of the findings of files already checked, so that repeat runs (bots, pre-commit)
//! on mostly unchanged trees skip parsing them. An entry is keyed by a 128-bit hash of a
//! file's bytes and of everything that decides its findings: the build of infra-fix (its
//! identity, `src/build_identity.rs`, not only its version: a binary rebuilt from other rules
//! is another build), its settings and its pulumi-aws major; it holds the file's findings
//! (none for a clean file), or the reason it was not looked at (a syntax error): a warm run
//! of a tree with broken files parses none of them.
//! Stored in `.infra-fix-cache/` of the current folder; a cache that cannot be read or written
//! only costs time, never a wrong answer or a failed run.

use crate::codemods::{self, Finding};
use crate::edit::{Applicability, Edit, Fix};
use crate::fix::Diagnostic;
use std::collections::{HashMap, HashSet};
use std::hash::{Hash, Hasher};
use std::io::Write;
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use xxhash_rust::xxh3::xxh3_128_with_seed;

const DIR: &str = ".infra-fix-cache";
/// The file name carries the format version: one entry per line, the key in hex, then for a
/// file with findings a tab and the findings as a JSON array, for a file that was not looked
/// at a tab and the reason as a JSON string.
const FILE: &str = "results-v3";
/// Entries kept at most, and bytes: old ones go first. Every run reads the whole file.
const CAPACITY: usize = 200_000;
const MAX_BYTES: usize = 32 << 20;

pub struct Cache {
    dir: PathBuf,
    /// The identity of the build whose findings the entries looked up are.
    build: &'static str,
    /// The cache file as read.
    stored: String,
    /// Where each stored entry's findings are in `stored` (empty for a clean file).
    lookup: HashMap<u128, Range<usize>>,
    /// Entries learnt during this run: key and findings (empty for a clean file).
    fresh: Mutex<Vec<(u128, String)>>,
    /// Fingerprints of the settings seen, by address: files share a few settings, and
    /// printing them for each file cost more than reading the file.
    settings: Mutex<HashMap<usize, u64>>,
}

/// What the cache knows of a file's contents.
#[derive(Debug)]
pub enum Known {
    /// Its findings, none for a clean file.
    Findings(Vec<Diagnostic>),
    /// Why it was not looked at (`syntax error at 3:7; ...`).
    NotLookedAt(String),
}

/// A finding as stored, a JSON array (arrays decode much faster than objects): rule, byte
/// range, message, line-column range, and its fix if any.
type Stored = (
    String,
    usize,
    usize,
    String,
    [Position; 2],
    Option<StoredFix>,
);
/// A fix as stored: whether it is safe, then each edit's byte range, text and line-column range.
type StoredFix = (bool, Vec<(usize, usize, String, [Position; 2])>);
type Position = (usize, usize);

impl Cache {
    /// The cache under `root`, empty when there is none yet or it cannot be read.
    pub fn open(root: &Path) -> Cache {
        Cache::open_for_build(root, env!("INFRA_FIX_BUILD_ID"))
    }

    /// The cache under `root` as the build `build` sees it.
    fn open_for_build(root: &Path, build: &'static str) -> Cache {
        let dir = root.join(DIR);
        let stored = std::fs::read_to_string(dir.join(FILE)).unwrap_or_default();
        let mut lookup = HashMap::new();
        let mut offset = 0;
        for line in stored.split_inclusive('\n') {
            let body = line.trim_end_matches('\n');
            let (hex, findings) = body.split_once('\t').unwrap_or((body, ""));
            if let Ok(key) = u128::from_str_radix(hex, 16) {
                let start = offset + (body.len() - findings.len());
                lookup.insert(key, start..start + findings.len());
            }
            offset += line.len();
        }
        Cache {
            dir,
            build,
            stored,
            lookup,
            fresh: Mutex::new(Vec::new()),
            settings: Mutex::default(),
        }
    }

    /// The entry of a file's contents under a settings fingerprint.
    pub fn key(bytes: &[u8], fingerprint: u64) -> u128 {
        xxh3_128_with_seed(bytes, fingerprint)
    }

    /// What is recorded for `key`, or `None` when it is not known or its entry cannot be
    /// read back.
    pub fn known(&self, key: u128) -> Option<Known> {
        let range = self.lookup.get(&key)?;
        let entry = &self.stored[range.clone()];
        if entry.is_empty() {
            return Some(Known::Findings(Vec::new()));
        }
        if entry.starts_with('"') {
            return serde_json::from_str(entry).ok().map(Known::NotLookedAt);
        }
        let stored: Vec<Stored> = serde_json::from_str(entry).ok()?;
        let found: Option<Vec<Diagnostic>> = stored.into_iter().map(restore).collect();
        found.map(Known::Findings)
    }

    /// The findings recorded for `key` (none for a clean file), or `None` when it is not
    /// known, was not looked at, or its entry cannot be read back.
    #[cfg(test)]
    fn findings(&self, key: u128) -> Option<Vec<Diagnostic>> {
        match self.known(key)? {
            Known::Findings(found) => Some(found),
            Known::NotLookedAt(_) => None,
        }
    }

    /// Records why a file whose contents hash to `key` was not looked at: its syntax error or
    /// its encoding, which the same bytes have again.
    pub fn record_not_looked_at(&self, key: u128, reason: &str) {
        if self.lookup.contains_key(&key) {
            return;
        }
        let reason = serde_json::to_string(reason).expect("a string serializes");
        self.fresh.lock().expect("cache lock").push((key, reason));
    }

    /// Records the findings of a file whose contents hash to `key`: all of them, none applied.
    pub fn record(&self, key: u128, diagnostics: &[&Diagnostic]) {
        if self.lookup.contains_key(&key) {
            return;
        }
        let findings = if diagnostics.is_empty() {
            String::new()
        } else {
            let stored: Vec<Stored> = diagnostics.iter().map(|d| store(d)).collect();
            serde_json::to_string(&stored).expect("findings serialize")
        };
        self.fresh.lock().expect("cache lock").push((key, findings));
    }

    /// Writes the cache back when this run learnt something: atomically, so that concurrent
    /// runs leave one whole cache (one of them wins; the other's entries are found again).
    pub fn save(self) {
        let fresh = self.fresh.into_inner().expect("cache lock");
        if fresh.is_empty() {
            return;
        }
        let new_keys: HashSet<u128> = fresh.iter().map(|(key, _)| *key).collect();
        let old = self.stored.lines().filter(|line| {
            let hex = line.split_once('\t').map_or(*line, |(hex, _)| hex);
            u128::from_str_radix(hex, 16).is_ok_and(|key| !new_keys.contains(&key))
        });
        let mut lines: Vec<String> = old.map(str::to_string).collect();
        lines.extend(fresh.into_iter().map(|(key, findings)| {
            if findings.is_empty() {
                format!("{key:032x}")
            } else {
                format!("{key:032x}\t{findings}")
            }
        }));
        let mut excess = lines.len().saturating_sub(CAPACITY);
        let mut bytes: usize = lines[excess..].iter().map(|l| l.len() + 1).sum();
        while bytes > MAX_BYTES {
            bytes -= lines[excess].len() + 1;
            excess += 1;
        }
        lines.drain(..excess);
        let _ = write(&self.dir, &lines);
    }
}

fn store(diagnostic: &Diagnostic) -> Stored {
    let finding = &diagnostic.finding;
    let fix = finding.fix.as_ref().map(|fix| {
        let edits = fix.edits.iter().zip(&diagnostic.edit_positions);
        let edits = edits.map(|(e, (from, to))| (e.start, e.end, e.text.clone(), [*from, *to]));
        (fix.applicability == Applicability::Safe, edits.collect())
    });
    (
        finding.rule.to_string(),
        finding.start,
        finding.end,
        finding.message.clone(),
        [diagnostic.start, diagnostic.end],
        fix,
    )
}

/// A stored finding back, unless its rule is no longer known.
fn restore(stored: Stored) -> Option<Diagnostic> {
    let (rule, start, end, message, [from, to], fix) = stored;
    let (_, codemod) = codemods::find(&rule)?;
    let mut edit_positions = Vec::new();
    let fix = fix.map(|(safe, edits)| {
        let applicability = if safe {
            Applicability::Safe
        } else {
            Applicability::Unsafe
        };
        let edits = edits.into_iter().map(|(start, end, text, [from, to])| {
            edit_positions.push((from, to));
            Edit { start, end, text }
        });
        Fix {
            edits: edits.collect(),
            applicability,
        }
    });
    Some(Diagnostic {
        finding: Finding {
            rule: codemod.id,
            start,
            end,
            message,
            fix,
        },
        start: from,
        end: to,
        edit_positions,
        applied: false,
    })
}

fn write(dir: &Path, lines: &[String]) -> std::io::Result<()> {
    std::fs::create_dir_all(dir)?;
    // Like ruff's cache: the folder tells git to ignore it.
    let ignore = dir.join(".gitignore");
    if !ignore.exists() {
        std::fs::write(&ignore, "# Created by infra-fix\n*\n")?;
    }
    let mut temp = tempfile::NamedTempFile::new_in(dir)?;
    let mut text = String::with_capacity(lines.iter().map(|l| l.len() + 1).sum());
    for line in lines {
        text.push_str(line);
        text.push('\n');
    }
    temp.write_all(text.as_bytes())?;
    temp.persist(dir.join(FILE)).map_err(|e| e.error)?;
    Ok(())
}

fn settings_fingerprint(build: &str, settings: &impl std::fmt::Debug) -> u64 {
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    build.hash(&mut hasher);
    format!("{settings:?}").hash(&mut hasher);
    hasher.finish()
}

fn combine(settings: u64, file: &impl Hash) -> u64 {
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    settings.hash(&mut hasher);
    file.hash(&mut hasher);
    hasher.finish()
}

impl Cache {
    /// A fingerprint of what decides a file's findings besides its bytes: the build of
    /// infra-fix, the settings (printed once per settings object of the run) and what is known
    /// of the file (its pulumi-aws major).
    pub fn fingerprint<S: std::fmt::Debug>(&self, settings: &S, file: &impl Hash) -> u64 {
        let address = settings as *const S as usize;
        let base = *self
            .settings
            .lock()
            .expect("cache lock")
            .entry(address)
            .or_insert_with(|| settings_fingerprint(self.build, settings));
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
        let b = Cache::key(b"y = 1\n", 1);
        let found = Diagnostic {
            finding: Finding {
                rule: "ecr-force-delete",
                start: 4,
                end: 9,
                message: "a\ttab\nand a line".to_string(),
                fix: Some(Fix::new(
                    Applicability::Unsafe,
                    vec![Edit::insert(8, ", force_delete=True")],
                )),
            },
            start: (1, 5),
            end: (1, 10),
            edit_positions: vec![((1, 9), (1, 9))],
            applied: false,
        };
        let cache = Cache::open(root.path());
        assert!(cache.findings(a).is_none());
        cache.record(a, &[]);
        cache.record(b, &[&found]);
        cache.save();
        let again = Cache::open(root.path());
        assert!(again.findings(a).is_some_and(|f| f.is_empty()));
        let back = again.findings(b).unwrap();
        assert_eq!(format!("{back:?}"), format!("{:?}", [found]));
        assert!(root.path().join(".infra-fix-cache/.gitignore").exists());
        // A later save keeps the entries it did not learn.
        let c = Cache::key(b"z = 1\n", 1);
        again.record(c, &[]);
        again.save();
        let third = Cache::open(root.path());
        assert!([a, b, c].iter().all(|k| third.findings(*k).is_some()));
    }

    #[test]
    fn the_oldest_entries_go_when_the_cache_outgrows_its_bytes() {
        let root = tempfile::tempdir().unwrap();
        let cache = Cache::open(root.path());
        let big = |key: u128| Diagnostic {
            finding: Finding {
                rule: "ecr-force-delete",
                start: 0,
                end: 1,
                message: format!("{key}").repeat(1 << 20),
                fix: None,
            },
            start: (1, 1),
            end: (1, 2),
            edit_positions: Vec::new(),
            applied: false,
        };
        let keys: Vec<u128> = (1..=40).collect();
        for &key in &keys {
            cache.record(key, &[&big(key % 10)]);
        }
        cache.save();
        let size = std::fs::metadata(root.path().join(DIR).join(FILE))
            .unwrap()
            .len();
        assert!(size <= MAX_BYTES as u64, "{size}");
        let again = Cache::open(root.path());
        assert!(again.findings(1).is_none(), "the oldest went");
        assert_eq!(
            again.findings(40).unwrap()[0].finding.message,
            big(0).finding.message
        );
    }

    #[test]
    fn another_build_does_not_answer_from_this_builds_entries() {
        let root = tempfile::tempdir().unwrap();
        let settings = crate::codemods::Settings::default();
        let file = crate::codemods::FileSettings::default();
        let contents = b"import pulumi_aws as aws\nrepo = aws.ecr.Repository('r')\n";
        let old = Cache::open_for_build(root.path(), "old-rules");
        let key = Cache::key(contents, old.fingerprint(&settings, &file));
        old.record(key, &[]);
        old.save();
        // The same file and settings: found by the build that recorded it, and only by it.
        let same = Cache::open_for_build(root.path(), "old-rules");
        let key = Cache::key(contents, same.fingerprint(&settings, &file));
        assert!(same.findings(key).is_some());
        let new = Cache::open_for_build(root.path(), "new-rules");
        let key = Cache::key(contents, new.fingerprint(&settings, &file));
        assert!(
            new.findings(key).is_none(),
            "a new build's rules may find more"
        );
        // The running binary is a build of its own.
        let current = Cache::open(root.path());
        let key = Cache::key(contents, current.fingerprint(&settings, &file));
        assert!(current.findings(key).is_none());
    }

    #[test]
    fn an_unreadable_cache_or_entry_is_a_miss() {
        let root = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(root.path().join(DIR)).unwrap();
        let known = format!(
            "{:032x}\t[[\"no-such-rule\",0,1,\"\",[[1,1],[1,2]],null]]\n",
            7u128
        );
        let broken = format!("{:032x}\t[[\"ecr-force-delete\",0\n", 8u128);
        let text = format!("not hex\n{known}{broken}");
        std::fs::write(root.path().join(DIR).join(FILE), text).unwrap();
        let cache = Cache::open(root.path());
        assert!(cache.findings(0).is_none());
        assert!(cache.findings(7).is_none());
        assert!(cache.findings(8).is_none());
    }
}
