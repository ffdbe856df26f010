//! What a configuration decides for the files it governs: which rules run, their options, the
//! fixes' applicability, which files are left out. `crate::config` reads it from
//! `infra-fix.toml` / `pyproject.toml`; the fix loop and the codemods read it here.

use super::{CODEMODS, RuleSet};
use crate::codemods::options::RuleOptions;
use crate::edit::Applicability;
use globset::GlobSet;
use std::path::{Path, PathBuf};

/// Everything that decides how one file is checked and fixed. Codemods read their options
/// through `Checker::options()`.
#[derive(Debug, Clone)]
pub struct Settings {
    pub rules: RuleSet,
    /// Apply unsafe fixes too (`--unsafe-fixes` or `unsafe-fixes = true`).
    pub unsafe_fixes: bool,
    /// The `pulumi-aws` major the code targets, when configured (6 or 7).
    pub pulumi_aws_version: Option<u8>,
    /// Per codemod (registry order): an applicability that replaces the one its fixes
    /// declare (`extend-safe-fixes` / `extend-unsafe-fixes`).
    pub applicability: Vec<Option<Applicability>>,
    /// The rule options the configuration sets (`[rules.<rule-id>]`).
    pub options: RuleOptions,
    /// The configuration file these settings come from, for messages.
    pub source: Option<PathBuf>,
    pub(crate) exclude: Option<Exclude>,
    /// `per-file-ignores`: rules turned off for the files each glob matches.
    pub(crate) per_file_ignores: Vec<(Exclude, Vec<usize>)>,
}

impl Default for Settings {
    fn default() -> Settings {
        Settings::with_rules(RuleSet::defaults())
    }
}

impl Settings {
    pub fn with_rules(rules: RuleSet) -> Settings {
        Settings {
            rules,
            unsafe_fixes: false,
            pulumi_aws_version: None,
            applicability: vec![None; CODEMODS.len()],
            options: RuleOptions::default(),
            source: None,
            exclude: None,
            per_file_ignores: Vec::new(),
        }
    }

    /// Whether `exclude` leaves out `path` (met while walking a folder).
    pub fn excludes(&self, path: &Path) -> bool {
        self.exclude.as_ref().is_some_and(|e| e.matches(path))
    }

    /// The rules `per-file-ignores` turns off for `path` among those that run, in registry
    /// order.
    pub(crate) fn ignored_for(&self, path: &Path) -> Vec<usize> {
        let mut ignored: Vec<usize> = self
            .per_file_ignores
            .iter()
            .filter(|(files, _)| files.matches(path))
            .flat_map(|(_, rules)| rules.iter().copied())
            .filter(|&i| self.rules.contains(i))
            .collect();
        ignored.sort_unstable();
        ignored.dedup();
        ignored
    }
}

/// `exclude` (or `per-file-ignores`) globs, relative to the folder of the configuration that
/// sets them.
#[derive(Debug, Clone)]
pub(crate) struct Exclude {
    pub(crate) base: PathBuf,
    pub(crate) globs: GlobSet,
}

impl Exclude {
    /// A glob matches the path below the base, any folder on the way, or (without a `/`) a
    /// name at any depth, so `generated` excludes `generated/x.py` and `a/generated/y.py`.
    fn matches(&self, path: &Path) -> bool {
        // Absolute without touching the file system (symlinks stay as written), as the base.
        let path = crate::folder::absolute(path);
        let Ok(relative) = path.strip_prefix(&self.base).map(Path::to_path_buf) else {
            return false;
        };
        let mut prefix = PathBuf::new();
        relative.components().any(|c| {
            prefix.push(c);
            self.globs.is_match(&prefix) || self.globs.is_match(Path::new(c.as_os_str()))
        })
    }
}
