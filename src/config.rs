//! Configuration: `infra-fix.toml`, or `[tool.infra-fix]` in `pyproject.toml`, found upward
//! from each file (the nearest wins) or named by `--config`, validated into the per-file
//! `Settings` that the fix loop and the codemods read. Rule options are validated against
//! each codemod's declaration of them (`codemods::options`): nothing here knows one rule.

use crate::codemods::options::{OptionKind, OptionValue, RuleOption, RuleOptions};
use crate::codemods::settings::Exclude;
use crate::codemods::{self, CODEMODS};
use crate::edit::Applicability;
use globset::{GlobBuilder, GlobSetBuilder};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use toml::{Table, Value};

/// What this module reads configuration files into.
pub use crate::codemods::Settings;

/// What the command line says about rules and fixes; it wins over configuration files.
#[derive(Debug, Clone, Default)]
pub struct Overrides {
    pub select: Vec<String>,
    pub ignore: Vec<String>,
    pub extend_select: Vec<String>,
    pub unsafe_fixes: bool,
}

/// Finds and loads the configuration of each file, once per folder and once per file.
pub struct Resolver {
    overrides: Overrides,
    /// `--config`: every file uses it.
    forced: Option<PathBuf>,
    /// Folder -> the configuration file that governs it (`None`: no file, the defaults).
    dirs: HashMap<PathBuf, Option<PathBuf>>,
    /// Configuration file -> its settings, or `None` when it has errors.
    loaded: HashMap<PathBuf, Option<Arc<Settings>>>,
    /// A configuration's settings with the rules `per-file-ignores` turns off for some files:
    /// one per distinct set, kept for the run (the cache tells settings apart by address).
    narrowed: HashMap<(PathBuf, Vec<usize>), Arc<Settings>>,
    defaults: Arc<Settings>,
    /// `(config file as shown, message)`, one per problem, in the order found.
    pub errors: Vec<(String, String)>,
    /// Files skipped per broken configuration file.
    skipped: Vec<(PathBuf, usize)>,
}

impl Resolver {
    /// `Err` is a one-line message about a command-line override (an unknown rule id).
    pub fn new(overrides: Overrides, config: Option<&Path>) -> Result<Resolver, String> {
        let defaults = apply_overrides(Settings::default(), &overrides)?;
        Ok(Resolver {
            overrides,
            forced: config.map(crate::folder::absolute),
            dirs: HashMap::new(),
            loaded: HashMap::new(),
            narrowed: HashMap::new(),
            defaults: Arc::new(defaults),
            errors: Vec::new(),
            skipped: Vec::new(),
        })
    }

    /// The settings for `path`; `None` when the configuration governing it has errors (they
    /// are in `errors`) and the file must be skipped.
    pub fn settings_for(&mut self, path: &Path) -> Option<Arc<Settings>> {
        let config = match &self.forced {
            Some(forced) => Some(forced.clone()),
            None => {
                let dir = crate::folder::absolute(path)
                    .parent()
                    .map(Path::to_path_buf)
                    .unwrap_or_default();
                self.config_for_dir(&dir)
            }
        };
        let Some(config) = config else {
            return Some(self.defaults.clone());
        };
        if !self.loaded.contains_key(&config) {
            let settings = match load(&config) {
                Ok(settings) => match apply_overrides(settings, &self.overrides) {
                    Ok(s) => Some(Arc::new(s)),
                    Err(message) => {
                        // Command-line ids were checked before; this cannot happen.
                        self.errors.push((show(&config), message));
                        None
                    }
                },
                Err(messages) => {
                    let shown = show(&config);
                    self.errors
                        .extend(messages.into_iter().map(|m| (shown.clone(), m)));
                    None
                }
            };
            self.loaded.insert(config.clone(), settings);
        }
        let Some(settings) = self.loaded[&config].clone() else {
            match self.skipped.iter_mut().find(|(c, _)| *c == config) {
                Some((_, n)) => *n += 1,
                None => self.skipped.push((config, 1)),
            }
            return None;
        };
        let ignored = settings.ignored_for(path);
        if ignored.is_empty() {
            return Some(settings);
        }
        let narrowed = self
            .narrowed
            .entry((config, ignored))
            .or_insert_with_key(|(_, ignored)| {
                let mut narrowed = Settings::clone(&settings);
                ignored.iter().for_each(|&i| narrowed.rules.set(i, false));
                Arc::new(narrowed)
            });
        Some(Arc::clone(narrowed))
    }

    /// Every problem, then one line per broken configuration saying what it cost.
    pub fn into_errors(self) -> Vec<(String, String)> {
        let mut errors = self.errors;
        for (config, n) in self.skipped {
            errors.push((
                show(&config),
                format!(
                    "{} governed by this configuration not processed",
                    crate::report::plural(n, "file")
                ),
            ));
        }
        errors
    }

    /// The nearest configuration file at or above `dir`, cached for every folder on the way.
    fn config_for_dir(&mut self, dir: &Path) -> Option<PathBuf> {
        if let Some(found) = self.dirs.get(dir) {
            return found.clone();
        }
        let found = match config_in(dir) {
            Some(file) => Some(file),
            None => match dir.parent() {
                Some(parent) => self.config_for_dir(parent),
                None => None,
            },
        };
        self.dirs.insert(dir.to_path_buf(), found.clone());
        found
    }
}

/// `infra-fix.toml` in `dir`, else a `pyproject.toml` there with a `[tool.infra-fix]` table.
fn config_in(dir: &Path) -> Option<PathBuf> {
    let own = dir.join("infra-fix.toml");
    if crate::folder::may_hold(dir, "infra-fix.toml") && own.is_file() {
        return Some(own);
    }
    let pyproject = dir.join("pyproject.toml");
    let text = crate::folder::read(dir, "pyproject.toml")?;
    // A cheap look first; a pyproject.toml that does not parse is reported only when it
    // mentions infra-fix.
    if !text.contains("infra-fix") {
        return None;
    }
    match text.parse::<Table>() {
        Ok(table) => table
            .get("tool")
            .and_then(Value::as_table)
            .is_some_and(|t| t.contains_key("infra-fix"))
            .then_some(pyproject),
        Err(_) => Some(pyproject),
    }
}

/// A configuration file as the user should see it in a message.
fn show(path: &Path) -> String {
    crate::display_path(path)
}

fn apply_overrides(mut settings: Settings, overrides: &Overrides) -> Result<Settings, String> {
    if !overrides.select.is_empty() {
        settings.rules.set_all(false);
        for i in rule_indexes(&overrides.select)? {
            settings.rules.set(i, true);
        }
    }
    for i in rule_indexes(&overrides.extend_select)? {
        settings.rules.set(i, true);
    }
    for i in rule_indexes(&overrides.ignore)? {
        settings.rules.set(i, false);
    }
    settings.unsafe_fixes |= overrides.unsafe_fixes;
    Ok(settings)
}

/// Rule ids (or `ALL`) as registry indexes; `Err` names an unknown id.
pub fn rule_indexes(ids: &[String]) -> Result<Vec<usize>, String> {
    let mut indexes = Vec::new();
    for id in ids.iter().map(|id| id.trim()).filter(|id| !id.is_empty()) {
        if id == "ALL" {
            indexes.extend(0..CODEMODS.len());
        } else {
            let (i, _) = codemods::find(id).ok_or_else(|| {
                format!(
                    "unknown rule {}; `infra-fix --list-rules` lists them",
                    codemods::unknown_rule(id)
                )
            })?;
            indexes.push(i);
        }
    }
    Ok(indexes)
}

const TOP_KEYS: &[&str] = &[
    "select",
    "extend-select",
    "ignore",
    "per-file-ignores",
    "unsafe-fixes",
    "exclude",
    "pulumi-aws-version",
    "extend-safe-fixes",
    "extend-unsafe-fixes",
    "rules",
];

/// Reads and validates one configuration file. `Err` holds one message per problem, each
/// naming the key and what is allowed.
pub fn load(path: &Path) -> Result<Settings, Vec<String>> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| vec![format!("could not read: {}", crate::walk::describe_io(&e))])?;
    let is_pyproject = path.file_name().is_some_and(|n| n == "pyproject.toml");
    let table = text.parse::<Table>().map_err(|e| {
        let at = e
            .span()
            .map(|s| {
                let (line, col) = crate::source::line_col(&text, s.start.min(text.len()));
                format!(" at {line}:{col}")
            })
            .unwrap_or_default();
        vec![format!(
            "not valid TOML{at}: {}",
            e.message().lines().next().unwrap_or("").trim()
        )]
    })?;
    let (table, prefix) = if is_pyproject {
        match table
            .get("tool")
            .and_then(Value::as_table)
            .and_then(|t| t.get("infra-fix"))
        {
            Some(Value::Table(t)) => (t.clone(), "tool.infra-fix."),
            Some(_) => {
                return Err(vec![
                    "key `tool.infra-fix`: must be a table (`[tool.infra-fix]`)".into(),
                ]);
            }
            None => (Table::new(), "tool.infra-fix."),
        }
    } else {
        (table, "")
    };
    // `exclude` globs are relative to the file's folder, compared with absolute file paths.
    let base = crate::folder::absolute(path)
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_default();
    let mut parser = Parser {
        prefix,
        errors: Vec::new(),
    };
    let settings = parser.settings(&table, base, path);
    if parser.errors.is_empty() {
        Ok(settings)
    } else {
        Err(parser.errors)
    }
}

struct Parser {
    prefix: &'static str,
    errors: Vec<String>,
}

impl Parser {
    fn error(&mut self, key: &str, what: impl std::fmt::Display) {
        self.errors
            .push(format!("key `{}{key}`: {what}", self.prefix));
    }

    fn settings(&mut self, table: &Table, base: PathBuf, path: &Path) -> Settings {
        let mut settings = Settings {
            source: Some(path.to_path_buf()),
            ..Settings::default()
        };
        for (key, value) in table {
            match key.as_str() {
                "select" => {
                    if let Some(ids) = self.rule_ids(key, value) {
                        settings.rules.set_all(false);
                        ids.into_iter().for_each(|i| settings.rules.set(i, true));
                    }
                }
                "extend-select" | "ignore" => {
                    // Applied after `select`, in this order, whatever their order in the file.
                }
                "unsafe-fixes" => match value {
                    Value::Boolean(b) => settings.unsafe_fixes = *b,
                    other => {
                        self.error(key, format!("must be true or false, not {}", shown(other)))
                    }
                },
                "exclude" => {
                    if let Some(globs) = self.strings(key, value) {
                        settings.exclude = self.exclude(key, &globs, base.clone());
                    }
                }
                "pulumi-aws-version" => match value {
                    Value::Integer(v @ (6 | 7)) => settings.pulumi_aws_version = Some(*v as u8),
                    other => self.error(key, format!("must be 6 or 7, not {}", shown(other))),
                },
                // Keys come in sorted order, so a rule in both lists ends up unsafe: the
                // cautious reading.
                "extend-safe-fixes" | "extend-unsafe-fixes" => {
                    let to = if key == "extend-safe-fixes" {
                        Applicability::Safe
                    } else {
                        Applicability::Unsafe
                    };
                    for i in self.rule_ids(key, value).unwrap_or_default() {
                        settings.applicability[i] = Some(to);
                    }
                }
                "per-file-ignores" => match value {
                    Value::Table(globs) => {
                        for (glob, ids) in globs {
                            let key = format!("{key}.\"{glob}\"");
                            let files = self.exclude(&key, std::slice::from_ref(glob), base.clone());
                            if let (Some(files), Some(rules)) = (files, self.rule_ids(&key, ids)) {
                                settings.per_file_ignores.push((files, rules));
                            }
                        }
                    }
                    other => self.error(
                        key,
                        format!(
                            "must be a table of globs and rule lists (`[{}per-file-ignores]` `\"tests/*.py\" = [\"rule-id\"]`), not {}",
                            self.prefix,
                            shown(other)
                        ),
                    ),
                },
                "rules" => match value {
                    Value::Table(rules) => self.rules(rules, &mut settings.options),
                    other => self.error(
                        key,
                        format!(
                            "must be a table of rule tables (`[{}rules.<rule-id>]`), not {}",
                            self.prefix,
                            shown(other)
                        ),
                    ),
                },
                unknown => self.error(unknown, unknown_key(unknown, TOP_KEYS)),
            }
        }
        if let Some(value) = table.get("extend-select") {
            for i in self.rule_ids("extend-select", value).unwrap_or_default() {
                settings.rules.set(i, true);
            }
        }
        if let Some(value) = table.get("ignore") {
            for i in self.rule_ids("ignore", value).unwrap_or_default() {
                settings.rules.set(i, false);
            }
        }
        // Checks across one rule's options, once all its values are read.
        for codemod in CODEMODS {
            let options = settings.options.of(codemod.id, codemod.options);
            if let Some((option, why)) = codemod.check_options.and_then(|check| check(&options)) {
                self.error(&format!("rules.{}.{option}", codemod.id), why);
            }
        }
        settings
    }

    fn strings(&mut self, key: &str, value: &Value) -> Option<Vec<String>> {
        let what = "must be a list of strings";
        let Value::Array(items) = value else {
            self.error(key, format!("{what}, not {}", shown(value)));
            return None;
        };
        let mut strings = Vec::new();
        for item in items {
            match item {
                Value::String(s) => strings.push(s.clone()),
                other => {
                    self.error(key, format!("{what}, not a list holding {}", shown(other)));
                    return None;
                }
            }
        }
        Some(strings)
    }

    fn rule_ids(&mut self, key: &str, value: &Value) -> Option<Vec<usize>> {
        let ids = self.strings(key, value)?;
        match rule_indexes(&ids) {
            Ok(indexes) => Some(indexes),
            Err(_) => {
                let unknown: Vec<&String> = ids
                    .iter()
                    .filter(|id| *id != "ALL" && codemods::find(id.trim()).is_none())
                    .collect();
                self.error(
                    key,
                    format!(
                        "unknown rule {}; allowed: ALL, {}",
                        unknown
                            .iter()
                            .map(|id| codemods::unknown_rule(id.trim()))
                            .collect::<Vec<_>>()
                            .join(", "),
                        rule_list()
                    ),
                );
                None
            }
        }
    }

    fn exclude(&mut self, key: &str, globs: &[String], base: PathBuf) -> Option<Exclude> {
        let mut builder = GlobSetBuilder::new();
        for glob in globs {
            let pattern = glob.trim_end_matches('/');
            match GlobBuilder::new(pattern).literal_separator(true).build() {
                Ok(g) => {
                    builder.add(g);
                }
                Err(e) => {
                    self.error(key, format!("`{glob}` is not a valid glob: {}", e.kind()));
                    return None;
                }
            }
        }
        let globs = builder.build().ok()?;
        Some(Exclude { base, globs })
    }

    fn rules(&mut self, rules: &Table, options: &mut RuleOptions) {
        for (rule, value) in rules {
            let key = format!("rules.{rule}");
            let Value::Table(table) = value else {
                self.error(
                    &key,
                    format!("must be a table of options, not {}", shown(value)),
                );
                continue;
            };
            let Some(codemod) = codemods::find(rule)
                .map(|(_, c)| c)
                .filter(|c| !c.options.is_empty())
            else {
                let why = if codemods::find(rule).is_some() {
                    format!(
                        "rule `{rule}` has no options; rules with options: {}",
                        CODEMODS
                            .iter()
                            .filter(|c| !c.options.is_empty())
                            .map(|c| format!("`{}`", c.id))
                            .collect::<Vec<_>>()
                            .join(", ")
                    )
                } else {
                    format!("unknown rule; allowed: {}", rule_list())
                };
                self.error(&key, why);
                continue;
            };
            for (name, value) in table {
                let key = format!("{key}.{name}");
                let Some(option) = codemod.options.iter().find(|o| o.name == name) else {
                    let allowed: Vec<&str> = codemod.options.iter().map(|o| o.name).collect();
                    self.error(&key, unknown_key(name, &allowed));
                    continue;
                };
                if let Some(value) = self.rule_option(&key, option, value) {
                    options.set(codemod.id, option.name, value);
                }
            }
        }
    }

    /// `value` validated as `option` declares; `None` after reporting what it must be.
    fn rule_option(
        &mut self,
        key: &str,
        option: &RuleOption,
        value: &Value,
    ) -> Option<OptionValue> {
        let valid = match (option.kind, value) {
            (OptionKind::Integer { min, max, .. }, Value::Integer(v))
                if (min..=max).contains(v) =>
            {
                Some(OptionValue::Integer(*v))
            }
            (OptionKind::OneOf { values, .. }, Value::String(s))
                if values.contains(&s.as_str()) =>
            {
                Some(OptionValue::Text(s.clone()))
            }
            (OptionKind::Text { parse, .. }, Value::String(s)) => parse(s).map(OptionValue::Text),
            _ => None,
        };
        if valid.is_none() {
            self.error(
                key,
                format!("must be {}, not {}", option.expected(), shown(value)),
            );
        }
        valid
    }
}

/// A value as it appears in a message: its TOML text, short.
fn shown(value: &Value) -> String {
    match value {
        Value::String(s) => format!("\"{s}\""),
        Value::Integer(i) => i.to_string(),
        Value::Float(f) => f.to_string(),
        Value::Boolean(b) => b.to_string(),
        Value::Datetime(d) => d.to_string(),
        Value::Array(_) => "a list".into(),
        Value::Table(_) => "a table".into(),
    }
}

/// "unknown key; allowed: ..." with a hint for `snake_case` spellings of a known key.
fn unknown_key(key: &str, allowed: &[&str]) -> String {
    let kebab = key.replace('_', "-");
    let hint = if kebab != key && allowed.contains(&kebab.as_str()) {
        format!(" (did you mean `{kebab}`?)")
    } else {
        String::new()
    };
    format!("unknown key{hint}; allowed: {}", allowed.join(", "))
}

fn rule_list() -> String {
    CODEMODS.iter().map(|c| c.id).collect::<Vec<_>>().join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<Settings, Vec<String>> {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("infra-fix.toml");
        std::fs::write(&path, text).unwrap();
        load(&path)
    }

    #[test]
    fn valid_configuration_reaches_the_settings() {
        let s = parse(
            "select = [\"ALL\"]\nignore = [\"eip-domain-vpc\"]\nunsafe-fixes = true\npulumi-aws-version = 6\nextend-safe-fixes = [\"ecr-force-delete\"]\n\
             [rules.rds-backup-retention]\nretention-days = 14\nbackup-window = \"05:00-06:00\"\n\
             [rules.ecr-force-delete]\nimage-tag-mutability = \"IMMUTABLE\"\n\
             [rules.ecs-service-deployment-config]\nmaximum-percent = 150\nminimum-healthy-percent = 50\nhealth-check-grace-period-seconds = 120\n\
             [rules.hardcoded-db-password]\nstrategy = \"config-secret\"\n\
             [rules.ecs-container-health-check]\npath = \"/ready\"\ninterval = 10\ncommand = \"wget -q -O- http://localhost:{port}{path}\"\n",
        )
        .unwrap();
        let (eip, _) = codemods::find("eip-domain-vpc").unwrap();
        let (ecr, _) = codemods::find("ecr-force-delete").unwrap();
        assert!(!s.rules.contains(eip) && s.rules.contains(ecr));
        assert!(s.unsafe_fixes);
        assert_eq!(s.pulumi_aws_version, Some(6));
        assert_eq!(s.applicability[ecr], Some(Applicability::Safe));
        let option = |rule: &str, name: &str| configured(&s, rule, name);
        let expected = [
            ("rds-backup-retention", "retention-days", "14"),
            ("rds-backup-retention", "backup-window", "05:00-06:00"),
            ("rds-backup-retention", "maintenance-window", "none"),
            ("ecr-force-delete", "image-tag-mutability", "IMMUTABLE"),
            ("ecs-service-deployment-config", "maximum-percent", "150"),
            (
                "ecs-service-deployment-config",
                "minimum-healthy-percent",
                "50",
            ),
            (
                "ecs-service-deployment-config",
                "health-check-grace-period-seconds",
                "120",
            ),
            ("hardcoded-db-password", "strategy", "config-secret"),
            ("ecs-container-health-check", "path", "/ready"),
            ("ecs-container-health-check", "interval", "10"),
            (
                "ecs-container-health-check",
                "command",
                "wget -q -O- http://localhost:{port}{path}",
            ),
        ];
        for (rule, name, value) in expected {
            assert_eq!(option(rule, name), value, "{rule}.{name}");
        }
        // Nothing configured: the declared defaults.
        let defaults = Settings::default();
        assert_eq!(
            configured(&defaults, "rds-backup-retention", "retention-days"),
            "7"
        );
        assert_eq!(
            configured(&defaults, "ecs-container-health-check", "path"),
            "/"
        );
        assert_eq!(
            configured(&defaults, "hardcoded-db-password", "strategy"),
            "random-password"
        );
    }

    /// The value a codemod reads for its option `name`, as text (`none` when unset).
    fn configured(settings: &Settings, rule: &str, name: &str) -> String {
        let (_, codemod) = codemods::find(rule).unwrap();
        let option = codemod.options.iter().find(|o| o.name == name).unwrap();
        let options = settings.options.of(codemod.id, codemod.options);
        match option.kind {
            OptionKind::Integer { .. } => options.integer(option).to_string(),
            OptionKind::OneOf { .. } => options.choice(option).to_string(),
            OptionKind::Text { .. } => options.text(option).unwrap_or("none").to_string(),
        }
    }

    #[test]
    fn every_problem_is_one_message_naming_key_and_what_is_allowed() {
        let errors = parse(
            "unsafe_fixes = true\npulumi-aws-version = 8\nselect = [\"eip-domain-vcp\"]\n\
             [rules.ecr-force-delete]\nimage-tag-mutability = \"mutable\"\n\
             [rules.health-check]\npath = \"/\"\n\
             [rules.rds-backup-retention]\nretention-days = 0\nbackup-window = \"03:00-04:00\"\nmaintenance-window = \"mon:03:30-mon:04:30\"\n\
             [rules.ecs-container-health-check]\npath = \"health\"\n\
             [rules.hardcoded-db-password]\nstrategy = \"random\"\n",
        )
        .unwrap_err();
        let expected = [
            "key `pulumi-aws-version`: must be 6 or 7, not 8",
            "key `rules.ecr-force-delete.image-tag-mutability`: must be \"MUTABLE\" or \"IMMUTABLE\", not \"mutable\"",
            "key `rules.ecs-container-health-check.path`: must be a URL path such as \"/health\"",
            "key `rules.hardcoded-db-password.strategy`: must be \"random-password\", \"secrets\" or \"config-secret\", not \"random\"",
            "key `rules.health-check`: unknown rule; allowed: eip-domain-vpc,",
            "key `rules.rds-backup-retention.retention-days`: must be a whole number from 1 to 35 days (the AWS limits), not 0",
            "key `select`: unknown rule `eip-domain-vcp` (did you mean `eip-domain-vpc`?); allowed: ALL, eip-domain-vpc,",
            "key `unsafe_fixes`: unknown key (did you mean `unsafe-fixes`?); allowed: select,",
            "key `rules.rds-backup-retention.maintenance-window`: \"mon:03:30-mon:04:30\" overlaps `backup-window` \"03:00-04:00\"",
        ];
        assert_eq!(errors.len(), expected.len(), "{errors:#?}");
        for (error, expected) in errors.iter().zip(expected) {
            assert!(error.starts_with(expected), "{error}\nexpected: {expected}");
        }
    }

    #[test]
    fn a_rule_without_options_names_the_rules_that_have_some_in_registry_order() {
        let errors = parse("[rules.eip-domain-vpc]\nx = 1\n").unwrap_err();
        assert_eq!(
            errors,
            [
                "key `rules.eip-domain-vpc`: rule `eip-domain-vpc` has no options; rules with options: `ecr-force-delete`, `rds-backup-retention`, `ecs-service-deployment-config`, `hardcoded-db-password`, `ecs-container-health-check`"
            ]
        );
    }

    #[test]
    fn syntax_errors_give_the_position() {
        let errors = parse("select = [\"eip-domain-vpc\"\n").unwrap_err();
        assert_eq!(errors.len(), 1);
        assert!(errors[0].starts_with("not valid TOML at 1:"), "{errors:?}");
    }

    #[test]
    fn exclude_matches_paths_folders_and_names_below_the_config() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("infra-fix.toml");
        std::fs::write(
            &path,
            "exclude = [\"generated/\", \"legacy/*.py\", \"*_test.py\"]\n",
        )
        .unwrap();
        let s = load(&path).unwrap();
        let p = |rel: &str| dir.path().join(rel);
        assert!(s.excludes(&p("generated/out.py")));
        assert!(s.excludes(&p("app/generated/out.py")));
        assert!(s.excludes(&p("legacy/old.py")));
        assert!(
            !s.excludes(&p("legacy/sub/old.py")),
            "`*` stays in a folder"
        );
        assert!(s.excludes(&p("app/stack_test.py")));
        assert!(!s.excludes(&p("app/__main__.py")));
    }
}
