//! Which pulumi-aws major a file's project uses: the nearest dependency file upward from the
//! file that names `pulumi-aws` decides (`requirements*.txt`, `pyproject.toml` with PEP 621 or
//! Poetry dependencies, `Pipfile`, `setup.py`, `setup.cfg`); without one, the newest major.
//! Answers are cached per folder, since most files of a run share a few folders.

use super::schema::Major;
use std::collections::HashMap;
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, OnceLock};

/// The major for `file`: `None` when its project pins a major infra-fix has no tables for (or a
/// specifier it cannot read), so that schema rules stay quiet rather than guess.
pub fn major_for(file: &Path) -> Option<Major> {
    let absolute = crate::folder::absolute(file);
    match absolute.parent() {
        Some(dir) => pin_in(dir).unwrap_or(Some(Major::NEWEST)),
        None => Some(Major::NEWEST),
    }
}

/// What the nearest declaring dependency file at or above `dir` says; `None` when none does.
fn pin_in(dir: &Path) -> Option<Option<Major>> {
    static CACHE: OnceLock<Mutex<HashMap<PathBuf, Option<Option<Major>>>>> = OnceLock::new();
    let cache = CACHE.get_or_init(Default::default);
    if let Some(known) = cache.lock().expect("version cache").get(dir) {
        return *known;
    }
    let found = declared_in(dir).or_else(|| dir.parent().and_then(pin_in));
    cache
        .lock()
        .expect("version cache")
        .insert(dir.to_path_buf(), found);
    found
}

/// The dependency files of one folder, in the order they are consulted.
pub fn dependency_files(dir: &Path) -> Vec<PathBuf> {
    let is_requirements = |n: &str| n.starts_with("requirements") && n.ends_with(".txt");
    let mut requirements = crate::folder::names_where(dir, is_requirements).unwrap_or_default();
    // `requirements.txt` before `requirements-dev.txt`.
    requirements.sort_by_key(|n| (n != "requirements.txt", n.clone()));
    let names = std::iter::once("pyproject.toml")
        .chain(requirements.iter().map(String::as_str))
        .chain(["Pipfile", "setup.py", "setup.cfg"]);
    names
        .filter(|n| crate::folder::may_hold(dir, n))
        .map(|n| dir.join(n))
        .collect()
}

/// The dependency files of one folder with their texts, in the order they are consulted:
/// read once per run, since the pin and the packages listed are both read from them.
fn dependency_texts(dir: &Path) -> Arc<[(PathBuf, String)]> {
    type Texts = HashMap<PathBuf, Arc<[(PathBuf, String)]>>;
    static CACHE: OnceLock<Mutex<Texts>> = OnceLock::new();
    let cache = CACHE.get_or_init(Default::default);
    if let Some(known) = cache.lock().expect("dependency texts").get(dir) {
        return known.clone();
    }
    let texts: Arc<[(PathBuf, String)]> = dependency_files(dir)
        .into_iter()
        .filter_map(|path| Some((std::fs::read_to_string(&path).ok()?, path)))
        .map(|(text, path)| (path, text))
        .collect();
    cache
        .lock()
        .expect("dependency texts")
        .insert(dir.to_path_buf(), texts.clone());
    texts
}

fn declared_in(dir: &Path) -> Option<Option<Major>> {
    dependency_texts(dir)
        .iter()
        .find_map(|(_, text)| declared_major(text))
}

/// Whether the `requirements.txt` or `pyproject.toml` beside `file` names `package`
/// (`pulumi-random`: a fix that writes its classes relies on it, or says to add it); `None`
/// without either.
pub fn dependency_listed(file: &Path, package: &str) -> Option<bool> {
    /// (folder, package) -> whether its dependency list names the package.
    type Listings = HashMap<(PathBuf, String), Option<bool>>;
    static CACHE: OnceLock<Mutex<Listings>> = OnceLock::new();
    let absolute = crate::folder::absolute(file);
    let dir = absolute.parent()?;
    let cache = CACHE.get_or_init(Default::default);
    let key = (dir.to_path_buf(), package.to_string());
    if let Some(&known) = cache.lock().expect("dependency cache").get(&key) {
        return known;
    }
    let listed = listed_in(dir, package);
    cache.lock().expect("dependency cache").insert(key, listed);
    listed
}

fn listed_in(dir: &Path, package: &str) -> Option<bool> {
    let texts: Vec<String> = dependency_texts(dir)
        .iter()
        .filter(|(path, _)| {
            path.file_name()
                .is_some_and(|n| n == "requirements.txt" || n == "pyproject.toml")
        })
        .map(|(_, text)| text.clone())
        .collect();
    let underscored = package.replace('-', "_");
    (!texts.is_empty()).then(|| {
        texts.iter().any(|t| {
            let t = t.to_ascii_lowercase();
            t.contains(package) || t.contains(&underscored)
        })
    })
}

/// The major a dependency file's text pins pulumi-aws to: `None` when it does not mention
/// pulumi-aws, `Some(None)` when it does but not to a major infra-fix knows.
pub fn declared_major(text: &str) -> Option<Option<Major>> {
    let specifiers: Vec<Option<String>> = mentions(text).map(specifier).collect();
    if specifiers.is_empty() {
        return None;
    }
    // Several mentions (a main and an optional group, say) must agree.
    let majors: Vec<Option<Major>> = specifiers
        .iter()
        .map(|s| s.as_deref().and_then(newest_allowed))
        .collect();
    Some(if majors.windows(2).all(|w| w[0] == w[1]) {
        majors[0]
    } else {
        None
    })
}

/// The text after each mention of the package name (`pulumi-aws`, `pulumi_aws`, `Pulumi.AWS`),
/// skipping longer names such as `pulumi-aws-native` and `pulumi-aws-version`.
fn mentions(text: &str) -> impl Iterator<Item = &str> {
    mention_offsets(text).into_iter().map(|at| &text[at + 10..])
}

/// Where each mention of the package name starts (it is ten bytes long).
fn mention_offsets(text: &str) -> Vec<usize> {
    let lower = text.to_ascii_lowercase();
    let bytes = text.as_bytes();
    let mut found = Vec::new();
    let mut from = 0;
    while let Some(i) = lower[from..].find("pulumi") {
        let start = from + i;
        from = start + 6;
        let sep = bytes.get(start + 6).copied();
        if !matches!(sep, Some(b'-' | b'_' | b'.')) || !lower[start + 7..].starts_with("aws") {
            continue;
        }
        let end = start + 10;
        let before = start.checked_sub(1).map(|b| bytes[b]);
        let after = bytes.get(end).copied();
        let name_char = |c: Option<u8>| {
            c.is_some_and(|c| c.is_ascii_alphanumeric() || matches!(c, b'-' | b'_' | b'.'))
        };
        if name_char(before) || name_char(after) {
            continue;
        }
        // Prose (`description = "Deploys with pulumi-aws on 6"`): a requirement's name is
        // followed by a specifier, extras, a marker, `=` or `@`, never by a word.
        let next = text[end..].trim_start_matches([' ', '\t']).bytes().next();
        if next.is_some_and(|c| c.is_ascii_alphabetic()) {
            continue;
        }
        found.push(start);
    }
    found
}

/// The version specifier that follows a mention: `>=6,<7` from `pulumi-aws>=6,<7 ; python...`,
/// `^6.1` from `pulumi-aws = "^6.1"` or `pulumi-aws = { version = "^6.1" }`, `""` for a bare
/// name. `None` when the version cannot be read (a URL, a path, a git checkout).
fn specifier(rest: &str) -> Option<String> {
    specifier_span(rest).map(|span| rest[span].to_string())
}

/// Where in `rest` the specifier of `specifier` stands.
fn specifier_span(rest: &str) -> Option<Range<usize>> {
    let span = |inner: &str| {
        let start = inner.as_ptr() as usize - rest.as_ptr() as usize;
        start..start + inner.len()
    };
    let mut after_name = rest;
    // Extras: `pulumi-aws[extra]`.
    if let Some(after) = after_name.strip_prefix('[') {
        after_name = &after[after.find(']')? + 1..];
    }
    // A TOML key (`pulumi-aws = "..."`, `"pulumi-aws" = {...}`).
    let key = after_name
        .trim_start_matches(['"', '\''])
        .trim_start_matches([' ', '\t']);
    if let Some(value) = key.strip_prefix('=').filter(|v| !v.starts_with('=')) {
        let value = value.trim_start();
        if value.starts_with('{') {
            let table = &value[..value.find('}')?];
            let at = table.find("version")?;
            let version = table[at + 7..].trim_start().strip_prefix('=')?.trim_start();
            return quoted(version).map(span);
        }
        return quoted(value).map(span);
    }
    // A requirement string or line: up to its end, a quote, a marker or a comment.
    let end = after_name
        .find(['"', '\'', ';', '#', '\n', '\r'])
        .unwrap_or(after_name.len());
    let spec = after_name[..end].trim();
    if spec.starts_with('@') {
        return None;
    }
    Some(span(
        spec.trim_start_matches('(').trim_end_matches(')').trim(),
    ))
}

fn quoted(value: &str) -> Option<&str> {
    let quote = value.chars().next().filter(|c| *c == '"' || *c == '\'')?;
    let body = &value[1..];
    Some(body[..body.find(quote)?].trim())
}

/// The newest known major a specifier allows: `>=6.0.0,<7.0.0` -> 6, `==7.3.0` -> 7, `^6.1` -> 6,
/// `~=6.5` -> 6, `*` or nothing -> the newest. `None` when it allows no known major or is not
/// understood.
fn newest_allowed(spec: &str) -> Option<Major> {
    let known = Major::ALL.map(Major::number);
    newest_allowed_of(spec, &known).and_then(Major::from_number)
}

/// The newest of `majors` a specifier allows.
fn newest_allowed_of(spec: &str, majors: &[u64]) -> Option<u64> {
    let clauses: Vec<&str> = spec
        .split([',', '|'])
        .map(str::trim)
        .filter(|c| !c.is_empty() && *c != "*")
        .collect();
    let mut majors: Vec<u64> = majors.to_vec();
    for clause in clauses {
        let op_end = clause
            .find(|c: char| c.is_ascii_digit())
            .unwrap_or(clause.len());
        let (op, version) = (clause[..op_end].trim(), clause[op_end..].trim());
        let parts: Vec<&str> = version.split('.').collect();
        let major: u64 = parts.first()?.parse().ok()?;
        // Whether anything after the major is non-zero (`<7.1` allows 7.0.x).
        let beyond = parts[1..]
            .iter()
            .any(|p| !p.trim_matches('0').is_empty() && *p != "*");
        let allows = |m: u64| match op {
            "" | "==" | "===" | "^" | "~" | "~=" => m == major,
            ">=" | ">" => m >= major,
            "<" => m < major || (m == major && beyond),
            "<=" => m <= major,
            "!=" => true,
            _ => false,
        };
        if !matches!(
            op,
            "" | "==" | "===" | "^" | "~" | "~=" | ">=" | ">" | "<" | "<=" | "!="
        ) {
            return None;
        }
        majors.retain(|&m| allows(m));
    }
    majors.into_iter().max()
}

/// One mention of pulumi-aws in a dependency file's text: where its name stands, and its
/// version specifier when it can be read (`None` for a URL, a path, a git checkout).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Requirement {
    pub name: Range<usize>,
    pub specifier: Option<Range<usize>>,
}

/// The pulumi-aws requirements of a dependency file's text, in order.
pub fn requirements(text: &str) -> Vec<Requirement> {
    mention_offsets(text)
        .into_iter()
        .map(|at| {
            let after = at + 10;
            Requirement {
                name: at..after,
                specifier: specifier_span(&text[after..])
                    .map(|span| span.start + after..span.end + after),
            }
        })
        .collect()
}

/// The newest major among 5, 6 and 7 that a specifier allows.
pub fn specifier_major(spec: &str) -> Option<u64> {
    newest_allowed_of(spec, &UPGRADE_MAJORS)
}

/// A specifier that allowed major `from` rewritten, in its own style, to allow `to` instead:
/// bounds move to `to` (`>=6.0.0,<7.0.0` -> `>=7.0.0,<8.0.0`), caret, tilde and compatible
/// pins keep their precision (`^6.1` -> `^7.0`, `~=6.5` -> `~=7.0`), wildcards stay wildcards
/// (`==6.*` -> `==7.*`) and an exact pin becomes an exact pin of `exact`, the release infra-fix
/// checked the upgrade against. `None` for what it cannot say for sure (alternatives, other
/// operators): the pin is then changed by hand.
pub fn retarget(spec: &str, from: u64, to: u64, exact: &str) -> Option<String> {
    if spec.contains('|') || spec.trim().is_empty() {
        return None;
    }
    let zeros = |major: u64, parts: usize| {
        std::iter::once(major.to_string())
            .chain(std::iter::repeat_n(
                "0".to_string(),
                parts.saturating_sub(1),
            ))
            .collect::<Vec<_>>()
            .join(".")
    };
    let mut clauses = Vec::new();
    for raw in spec.split(',') {
        let clause = raw.trim();
        let op_end = clause.find(|c: char| c.is_ascii_digit())?;
        let (op, version) = (clause[..op_end].trim(), clause[op_end..].trim());
        let parts: Vec<&str> = version.split('.').collect();
        let major: u64 = parts[0].parse().ok()?;
        // (operator, version): the operator as written when it stays.
        let (new_op, new_version) = match op {
            "!=" => (op, version.to_string()),
            ">=" | ">" if major <= from => (">=", zeros(to, parts.len())),
            "<" | "<=" if major <= to => ("<", zeros(to + 1, parts.len())),
            "" | "==" | "===" if major == from && version.contains('*') => (op, format!("{to}.*")),
            "" | "==" | "===" if major == from => (op, exact.to_string()),
            "^" | "~" | "~=" if major == from => (op, zeros(to, parts.len())),
            _ => return None,
        };
        let new = if new_op == op {
            format!("{}{new_version}", &clause[..op_end])
        } else {
            format!("{new_op}{new_version}")
        };
        // The clause's own spacing around it stays.
        let lead = &raw[..raw.len() - raw.trim_start().len()];
        let trail = &raw[raw.trim_end().len()..];
        clauses.push(format!("{lead}{new}{trail}"));
    }
    let new = clauses.join(",");
    // What infra-fix itself reads from the new pin: the target major.
    (newest_allowed_of(&new, &[from, to]) == Some(to)).then_some(new)
}

/// The majors `infra-fix upgrade` knows a project can be on, tables or not.
const UPGRADE_MAJORS: [u64; 3] = [5, 6, 7];

/// The dependency file that decides `file`'s pulumi-aws major (the nearest one upward that
/// names pulumi-aws), and the major it pins, as a number: 5 too, which has no tables.
/// `None` when no dependency file names pulumi-aws; a major of `None` when the specifier is
/// not understood or several mentions disagree.
pub fn pinning_file(file: &Path) -> Option<(PathBuf, Option<u64>)> {
    let absolute = crate::folder::absolute(file);
    let dir = absolute.parent()?;
    // Most files of a run share a few folders.
    type Found = Option<(PathBuf, Option<u64>)>;
    static CACHE: OnceLock<Mutex<HashMap<PathBuf, Found>>> = OnceLock::new();
    let cache = CACHE.get_or_init(Default::default);
    if let Some(known) = cache.lock().expect("pin cache").get(dir) {
        return known.clone();
    }
    let found = pinning_file_above(dir);
    cache
        .lock()
        .expect("pin cache")
        .insert(dir.to_path_buf(), found.clone());
    found
}

fn pinning_file_above(dir: &Path) -> Option<(PathBuf, Option<u64>)> {
    let mut dir = Some(dir);
    while let Some(d) = dir {
        for (path, text) in dependency_texts(d).iter() {
            let majors: Vec<Option<u64>> = mentions(text)
                .map(|rest| specifier(rest).and_then(|s| newest_allowed_of(&s, &UPGRADE_MAJORS)))
                .collect();
            if let Some(&first) = majors.first() {
                let agreed = majors
                    .iter()
                    .all(|&m| m == first)
                    .then_some(first)
                    .flatten();
                return Some((path.clone(), agreed));
            }
        }
        dir = d.parent();
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn major(text: &str) -> Option<Option<u64>> {
        declared_major(text).map(|m| m.map(Major::number))
    }

    #[test]
    fn requirement_lines() {
        assert_eq!(
            major("pulumi>=3\npulumi-aws>=6.0.0,<7.0.0\n"),
            Some(Some(6))
        );
        assert_eq!(major("pulumi_aws==7.3.0\n"), Some(Some(7)));
        assert_eq!(major("Pulumi-AWS ~= 6.5\n"), Some(Some(6)));
        assert_eq!(major("pulumi-aws>=7,<8  # pinned\n"), Some(Some(7)));
        assert_eq!(major("pulumi-aws>=6.0.0\n"), Some(Some(7)));
        assert_eq!(major("pulumi-aws<7.0.0\n"), Some(Some(6)));
        assert_eq!(major("pulumi-aws\n"), Some(Some(7)));
        assert_eq!(major("pulumi-aws==6.*\n"), Some(Some(6)));
        assert_eq!(
            major("pulumi-aws[extra]>=6,<7 ; python_version>'3.8'\n"),
            Some(Some(6))
        );
        assert_eq!(major("pulumi-aws==5.42.0\n"), Some(None));
        assert_eq!(
            major("pulumi-aws @ git+https://example.com/x\n"),
            Some(None)
        );
        assert_eq!(major("pulumi>=3\npulumi-aws-native>=1\n"), None);
        assert_eq!(major("boto3\n"), None);
    }

    #[test]
    fn a_mention_in_prose_is_not_a_requirement() {
        let pyproject = "[project]\ndescription = \"Deploys with pulumi-aws on version 5\"\ndependencies = [\"pulumi-aws>=6.0.0,<7.0.0\"]\n";
        assert_eq!(major(pyproject), Some(Some(6)));
        assert_eq!(
            major("# pulumi_aws is pinned below\npulumi_aws==7.3.0\n"),
            Some(Some(7))
        );
    }

    #[test]
    fn pyproject_setup_and_pipfile() {
        let pep621 = "[project]\ndependencies = [\n  \"pulumi>=3\",\n  \"pulumi-aws>=6.0.0,<7.0.0\",\n]\n[tool.infra-fix]\npulumi-aws-version = 7\n";
        assert_eq!(major(pep621), Some(Some(6)));
        assert_eq!(
            major("[tool.poetry.dependencies]\npulumi-aws = \"^6.1\"\n"),
            Some(Some(6))
        );
        assert_eq!(
            major(
                "[tool.poetry.dependencies]\npulumi_aws = { version = \"^7.0\", optional = true }\n"
            ),
            Some(Some(7))
        );
        assert_eq!(
            major("[packages]\n\"pulumi-aws\" = \"==6.50.0\"\n"),
            Some(Some(6))
        );
        assert_eq!(major("[packages]\npulumi-aws = \"*\"\n"), Some(Some(7)));
        assert_eq!(
            major("setup(install_requires=['pulumi>=3', 'pulumi-aws>=6,<7'])\n"),
            Some(Some(6))
        );
        assert_eq!(
            major("[options]\ninstall_requires =\n    pulumi-aws~=7.2\n"),
            Some(Some(7))
        );
    }

    #[test]
    fn specifiers_move_to_the_next_major_in_their_own_style() {
        let seven = |spec: &str| retarget(spec, 6, 7, "7.51.1");
        assert_eq!(seven(">=6.0.0,<7.0.0").as_deref(), Some(">=7.0.0,<8.0.0"));
        assert_eq!(seven(">=6, <7").as_deref(), Some(">=7, <8"));
        assert_eq!(seven(">=6.20.1,<7.0.0").as_deref(), Some(">=7.0.0,<8.0.0"));
        assert_eq!(seven("<7.0.0").as_deref(), Some("<8.0.0"));
        assert_eq!(seven("==6.83.0").as_deref(), Some("==7.51.1"));
        assert_eq!(seven("6.83.0").as_deref(), Some("7.51.1"));
        assert_eq!(seven("==6.*").as_deref(), Some("==7.*"));
        assert_eq!(seven("^6.1").as_deref(), Some("^7.0"));
        assert_eq!(seven("~=6.5").as_deref(), Some("~=7.0"));
        assert_eq!(seven("~=6.5.0").as_deref(), Some("~=7.0.0"));
        assert_eq!(seven(">=6,<7,!=6.5.0").as_deref(), Some(">=7,<8,!=6.5.0"));
        // Not sure what the author meant: left to a person.
        assert_eq!(seven("^6 || ^7"), None);
        assert_eq!(seven("==5.42.0"), None);
        assert_eq!(seven(""), None);
        assert_eq!(seven(">=6.0.0").as_deref(), Some(">=7.0.0"));
    }

    #[test]
    fn requirement_spans() {
        let text = "pulumi>=3\npulumi-aws>=6.0.0,<7.0.0 ; python_version>'3.8'\n";
        let found = requirements(text);
        assert_eq!(found.len(), 1);
        assert_eq!(&text[found[0].name.clone()], "pulumi-aws");
        assert_eq!(&text[found[0].specifier.clone().unwrap()], ">=6.0.0,<7.0.0");
        let poetry =
            "[tool.poetry.dependencies]\npulumi_aws = { version = \"^6.1\", optional = true }\n";
        let found = requirements(poetry);
        assert_eq!(&poetry[found[0].specifier.clone().unwrap()], "^6.1");
        let setup = "install_requires=['pulumi-aws[extra] (>=6,<7)']\n";
        let found = requirements(setup);
        assert_eq!(&setup[found[0].specifier.clone().unwrap()], ">=6,<7");
        let git = "pulumi-aws @ git+https://example.com/x\n";
        assert_eq!(requirements(git)[0].specifier, None);
    }

    #[test]
    fn nearest_declaring_file_upward_decides() {
        let root = tempfile::tempdir().unwrap();
        let project = root.path().join("project");
        let nested = project.join("infra/stacks");
        std::fs::create_dir_all(&nested).unwrap();
        std::fs::write(root.path().join("requirements.txt"), "pulumi-aws==7.1.0\n").unwrap();
        std::fs::write(
            project.join("pyproject.toml"),
            "[project]\ndependencies = [\"pulumi-aws>=6,<7\"]\n",
        )
        .unwrap();
        // A dependency file that does not mention pulumi-aws does not stop the search.
        std::fs::write(nested.join("requirements-dev.txt"), "pytest\n").unwrap();
        assert_eq!(major_for(&nested.join("__main__.py")), Some(Major::V6));
        assert_eq!(major_for(&root.path().join("__main__.py")), Some(Major::V7));
    }
}
