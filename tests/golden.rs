//! Golden fixtures, discovered from `testdata/`: every `<case>.before.py` is fixed (safe and
//! unsafe fixes) and must equal `<case>.after.py`, with exactly the findings listed in
//! `<case>.findings`; the result must parse and a second run must change nothing. Every
//! `<case>.clean.py` must have no findings at all. A fixture in `testdata/<rule-id>/` runs that
//! rule alone (`unused-ignore`: with the default rules, whose findings it is about); elsewhere
//! all rules run. A project folder's `__main__.py` pairs with
//! `__main__.after.py` and `__main__.findings`.
//!
//! `UPDATE_GOLDEN=1 cargo test --test golden` rewrites the expected files: review the diff.
//! `GOLDEN_ONLY=<text>` limits a run (and an update) to fixtures whose path contains it.

use infra_fix::codemods::{CODEMODS, FileSettings, RuleSet, Upgrade};
use infra_fix::config::Settings;
use infra_fix::edit::Applicability;
use infra_fix::fix::{FixMode, Positions, lint};
use infra_fix::pulumi::{Imports, Major, ResourceCall, Tables};
use infra_fix::source::{Source, first_syntax_error, parse};
use std::path::{Path, PathBuf};

mod common;
use common::python_files;

const TESTDATA: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/testdata");

/// The settings a fixture runs with: its top folder's rule, or all of them, with the
/// default options.
fn rules_for(path: &Path) -> Settings {
    Settings::with_rules(rule_set_for(path))
}

fn rule_set_for(path: &Path) -> RuleSet {
    let top = path
        .strip_prefix(TESTDATA)
        .unwrap()
        .components()
        .next()
        .unwrap();
    let top = top.as_os_str().to_str().unwrap();
    if top == "unused-ignore" {
        // A rule about the other rules' findings: it runs with them.
        let mut rules = RuleSet::defaults();
        rules.set(infra_fix::codemods::find(top).unwrap().0, true);
        rules
    } else if CODEMODS.iter().any(|c| c.id == top) {
        RuleSet::only(&[top])
    } else if upgrade_to(path).is_some() {
        RuleSet::all()
    } else {
        RuleSet::defaults()
    }
}

/// The major `infra-fix upgrade` moves a fixture to: that of its upgrade rule's folder, or 7
/// for the programs of `testdata/upgrade/` (6 for `testdata/upgrade-v6/`). `None` for the
/// checks' fixtures.
fn upgrade_to(path: &Path) -> Option<Major> {
    let relative = path.strip_prefix(TESTDATA).unwrap();
    let top = relative.components().next()?.as_os_str().to_str()?;
    if top == "upgrade" {
        return Some(Major::V7);
    }
    if top == "upgrade-v6" {
        return Some(Major::V6);
    }
    CODEMODS.iter().find(|c| c.id == top)?.upgrade
}

/// The pulumi-aws major a fixture is checked against: from the dependency file in its folder
/// (or above), as for a user's file; and for the upgrade fixtures, whether the upgrade applies.
fn file_for(path: &Path) -> FileSettings {
    let upgrade = upgrade_to(path).map(|to| Upgrade {
        to,
        applies: infra_fix::pulumi::version::pinning_file(path).and_then(|(_, major)| major)
            == Some(to.number() - 1),
    });
    FileSettings {
        pulumi_aws: infra_fix::pulumi::version::major_for(path),
        pulumi_random_listed: infra_fix::pulumi::version::dependency_listed(path, "pulumi-random"),
        upgrade,
        line_length: infra_fix::layout::line_length_for(path),
    }
}

/// The fixture inputs and where their expectations live.
fn cases() -> Vec<(PathBuf, PathBuf, PathBuf)> {
    let files = python_files(Path::new(TESTDATA));
    let only = std::env::var("GOLDEN_ONLY").unwrap_or_default();
    files
        .iter()
        .filter(|path| path.to_str().unwrap().contains(&only))
        .filter_map(|path| {
            let name = path.file_name()?.to_str()?;
            let stem = name
                .strip_suffix(".before.py")
                .or_else(|| (name == "__main__.py").then_some("__main__"))?;
            let dir = path.parent()?;
            Some((
                path.clone(),
                dir.join(format!("{stem}.after.py")),
                dir.join(format!("{stem}.findings")),
            ))
        })
        .collect()
}

fn findings_listing(text: &str, settings: &Settings, file: &FileSettings) -> String {
    let outcome =
        lint(text, settings, file, FixMode::Off, Positions::Input).expect("fixture parses");
    outcome
        .diagnostics
        .iter()
        .map(|d| {
            let fix = match &d.finding.fix {
                Some(f) if f.applicability == Applicability::Unsafe => " [unsafe fix]",
                Some(_) => " [safe fix]",
                None => "",
            };
            format!(
                "{}:{}: {} {}{fix}\n",
                d.start.0, d.start.1, d.finding.rule, d.finding.message
            )
        })
        .collect()
}

fn read(path: &Path) -> Source {
    Source::from_bytes(std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display())))
        .unwrap()
}

#[test]
fn fixtures_fix_exactly_as_expected() {
    let update = std::env::var_os("UPDATE_GOLDEN").is_some();
    let cases = cases();
    assert!(
        update || std::env::var_os("GOLDEN_ONLY").is_some() || cases.len() >= 10,
        "fixtures were not found under {TESTDATA}"
    );
    let mut failures = Vec::new();
    for (input, after_path, findings_path) in &cases {
        let rules = rules_for(input);
        let settings = file_for(input);
        let source = read(input);
        let outcome = lint(
            &source.text,
            &rules,
            &settings,
            FixMode::Apply(Applicability::Unsafe),
            Positions::Input,
        )
        .expect("fixture parses");
        assert!(
            outcome.error.is_none(),
            "{}: {:?}",
            input.display(),
            outcome.error
        );
        let fixed = source.contents(&outcome.text);
        let listing = findings_listing(&source.text, &rules, &settings);
        if update {
            std::fs::write(after_path, &fixed).unwrap();
            std::fs::write(findings_path, &listing).unwrap();
            continue;
        }
        let expected = std::fs::read_to_string(after_path).unwrap_or_default();
        if fixed != expected {
            failures.push(format!(
                "{}: fixed output differs from {}",
                input.display(),
                after_path.display()
            ));
        }
        let expected_findings = std::fs::read_to_string(findings_path).unwrap_or_default();
        if listing != expected_findings {
            failures.push(format!(
                "{}: findings differ from {}:\n--- expected\n{expected_findings}--- actual\n{listing}",
                input.display(),
                findings_path.display()
            ));
        }
        // The result parses, and fixing it again changes nothing.
        assert!(
            first_syntax_error(&parse(&outcome.text)).is_none(),
            "{}: fixed output does not parse",
            input.display()
        );
        let again = lint(
            &outcome.text,
            &rules,
            &settings,
            FixMode::Apply(Applicability::Unsafe),
            Positions::Input,
        )
        .unwrap();
        if again.fixed().count() > 0 || again.text != outcome.text {
            failures.push(format!(
                "{}: a second run still fixes something (not idempotent)",
                input.display()
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// The formatters that judge the layout of fixes, `ruff` and `black`, from the folder of
/// `$INFRA_FIX_RUFF`, else of `$INFRA_FIX_PYTHON`, else `target/pyenv/bin` (tests/requirements.txt
/// pins them); a test that was asked to run fails without them.
fn formatters() -> [PathBuf; 2] {
    let dir = std::env::var_os("INFRA_FIX_RUFF")
        .or_else(|| std::env::var_os("INFRA_FIX_PYTHON"))
        .and_then(|p| Some(PathBuf::from(p).parent()?.to_path_buf()))
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("target/pyenv/bin"));
    ["ruff", "black"].map(|name| {
        let tool = dir.join(name);
        let works = std::process::Command::new(&tool)
            .arg("--version")
            .output()
            .is_ok_and(|o| o.status.success());
        assert!(
            works,
            "{} does not run: this test needs ruff and black (run .ci/run, or set INFRA_FIX_RUFF)",
            tool.display()
        );
        tool
    })
}

/// What the formatter `tool` (ruff or black) would change in `contents`, formatted as the
/// configuration it finds for `path` says; empty when nothing.
fn format_diff(tool: &Path, path: &Path, contents: &[u8]) -> String {
    use std::io::Write;
    let mut command = std::process::Command::new(tool);
    if tool.ends_with("ruff") {
        command.args(["format", "--diff"]);
    } else {
        command.args(["--quiet", "--check", "--diff"]);
    }
    let mut child = command
        .arg("--stdin-filename")
        .arg(path)
        .arg("-")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(contents).unwrap();
    let output = child.wait_with_output().unwrap();
    let diff = String::from_utf8_lossy(&output.stdout).into_owned();
    match output.status.code() {
        Some(0) => String::new(),
        Some(1) if !diff.is_empty() => diff,
        _ => panic!(
            "{} failed on {}: {}",
            tool.display(),
            path.display(),
            String::from_utf8_lossy(&output.stderr)
        ),
    }
}

/// The code fixes write is code the formatters leave alone: every fixture that `ruff format`
/// (and black) finds formatted before fixing, with the configuration beside it as the tool
/// finds it, is still formatted after; a call a fix made too long is broken as they break it.
/// The fixtures of `testdata/line-length/` are all formatted as ruff formats them.
#[test]
#[ignore = "needs ruff and black: run .ci/run or set INFRA_FIX_RUFF"]
fn fixes_leave_formatted_fixtures_formatted() {
    let tools = formatters();
    let mut checked = [0usize; 2];
    let mut line_length_cases = 0;
    let mut failures = Vec::new();
    for (input, _, _) in cases() {
        let before = std::fs::read(&input).unwrap();
        let line_length_case = input.to_str().unwrap().contains("/line-length/");
        // Black only where ruff (much quicker to start) finds the fixture formatted.
        let by_ruff = format_diff(&tools[0], &input, &before).is_empty();
        assert!(
            by_ruff || !line_length_case,
            "{}: the fixture is not formatted as ruff formats it",
            input.display()
        );
        if !by_ruff {
            continue;
        }
        let formatted = [true, format_diff(&tools[1], &input, &before).is_empty()];
        let source = read(&input);
        let outcome = lint(
            &source.text,
            &rules_for(&input),
            &file_for(&input),
            FixMode::Apply(Applicability::Unsafe),
            Positions::Input,
        )
        .expect("fixture parses");
        let after = source.contents(&outcome.text);
        for (i, tool) in tools.iter().enumerate().filter(|(i, _)| formatted[*i]) {
            let diff = format_diff(tool, &input, after.as_bytes());
            if !diff.is_empty() {
                failures.push(format!(
                    "{}: {} rewrites the fixed file:\n{diff}",
                    input.display(),
                    tool.display()
                ));
            }
            checked[i] += 1;
        }
        line_length_cases += usize::from(line_length_case);
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    assert!(
        checked[0] >= 15 && checked[1] >= 10 && line_length_cases >= 4,
        "only {checked:?} formatted fixtures checked ({line_length_cases} of testdata/line-length)"
    );
}

#[test]
fn clean_fixtures_have_no_findings() {
    let files = python_files(Path::new(TESTDATA));
    let clean: Vec<_> = files
        .iter()
        .filter(|p| p.to_str().unwrap().ends_with(".clean.py"))
        .collect();
    assert!(!clean.is_empty(), "no clean fixtures found");
    for path in clean {
        let source = read(path);
        let listing = findings_listing(&source.text, &rules_for(path), &file_for(path));
        assert_eq!(listing, "", "{} should have no findings", path.display());
    }
}

#[test]
fn every_codemod_has_fixtures_and_complete_docs() {
    for codemod in CODEMODS
        .iter()
        .filter(|c| !matches!(c.pattern, infra_fix::codemods::Pattern::ProjectFiles))
    {
        let dir = Path::new(TESTDATA).join(codemod.id);
        let files = if dir.is_dir() {
            python_files(&dir)
        } else {
            Vec::new()
        };
        let name = |p: &PathBuf| p.file_name().unwrap().to_str().unwrap().to_string();
        assert!(
            files.iter().any(|p| name(p).ends_with(".before.py")),
            "{}: no .before.py fixture",
            codemod.id
        );
        assert!(
            files.iter().any(|p| name(p).ends_with(".clean.py")),
            "{}: no .clean.py fixture",
            codemod.id
        );
        for section in [
            "## What it does",
            "## Why is this bad?",
            "## Example",
            "## Fix safety",
        ] {
            assert!(
                codemod.docs.contains(section),
                "codemods/{}.md lacks `{section}`",
                codemod.id
            );
        }
    }
}

/// The project files `upgrade-v7-dependency-pin` rewrites, which are not Python: each file of
/// `testdata/upgrade-v7-dependency-pin/<case>/` is fixed (safe fixes, as `upgrade --to 7
/// --write` does) and must equal `<file>.after`, with the findings of `<file>.findings`; the
/// fixed file has no findings left.
#[test]
fn dependency_and_stack_files_fix_exactly_as_expected() {
    use infra_fix::codemods::upgrade_v7_dependency_pin::check_file;
    use infra_fix::fix::fix_text;
    let update = std::env::var_os("UPDATE_GOLDEN").is_some();
    let root = Path::new(TESTDATA).join("upgrade-v7-dependency-pin");
    let mut inputs: Vec<PathBuf> = std::fs::read_dir(&root)
        .unwrap()
        .flat_map(|case| std::fs::read_dir(case.unwrap().path()).unwrap())
        .map(|e| e.unwrap().path())
        .filter(|p| {
            !matches!(
                p.extension().and_then(|e| e.to_str()),
                Some("after" | "findings")
            )
        })
        .collect();
    inputs.sort();
    assert!(inputs.len() >= 10, "fixtures found: {inputs:?}");
    let mut fixed_some = 0;
    for input in inputs {
        let text = std::fs::read_to_string(&input).unwrap();
        let findings = check_file(&input, &text);
        let outcome = fix_text(&text, findings, FixMode::Apply(Applicability::Safe));
        let listing: String = outcome
            .diagnostics
            .iter()
            .map(|d| {
                let fix = if d.finding.fix.is_some() {
                    " [safe fix]"
                } else {
                    ""
                };
                format!(
                    "{}:{}: {} {}{fix}\n",
                    d.start.0, d.start.1, d.finding.rule, d.finding.message
                )
            })
            .collect();
        let with = |ext: &str| PathBuf::from(format!("{}.{ext}", input.display()));
        if update {
            std::fs::write(with("after"), &outcome.text).unwrap();
            std::fs::write(with("findings"), &listing).unwrap();
        }
        let expected = std::fs::read_to_string(with("after"))
            .unwrap_or_else(|e| panic!("{}: {e}", with("after").display()));
        assert_eq!(outcome.text, expected, "{}", input.display());
        assert_eq!(
            listing,
            std::fs::read_to_string(with("findings")).unwrap(),
            "{}",
            input.display()
        );
        fixed_some += usize::from(outcome.text != text);
        // Idempotent: what the fix wrote is not reported again.
        let again = check_file(&input, &outcome.text);
        assert!(
            again.iter().all(|f| f.fix.is_none()),
            "{}: fixed again: {again:?}",
            input.display()
        );
    }
    assert!(fixed_some >= 7, "only {fixed_some} files changed");
}

#[test]
fn every_query_file_belongs_to_a_codemod() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("codemods");
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let Some(ext) = path.extension().and_then(|e| e.to_str()) else {
            continue;
        };
        if ext == "scm" || (ext == "md" && path.file_name().unwrap() != "README.md") {
            let id = path.file_stem().unwrap().to_str().unwrap();
            assert!(
                CODEMODS.iter().any(|c| c.id == id),
                "{} has no codemod in the registry",
                path.display()
            );
        }
    }
    infra_fix::codemods::compile_queries();
}

#[test]
fn codemods_readme_is_current() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("codemods/README.md");
    let expected = infra_fix::report::rules::codemods_readme();
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(&path, &expected).unwrap();
    }
    let actual = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        actual == expected,
        "codemods/README.md is stale: run `UPDATE_GOLDEN=1 cargo test --test golden`"
    );
}

/// `(class, keyword)` of every keyword argument of every `pulumi_aws` class call in `text`.
fn class_keywords(text: &str) -> Vec<(String, String)> {
    let tree = parse(text);
    // Imports and calls anywhere in the file.
    let nodes: Vec<_> = infra_fix::source::every_node(&tree).collect();
    let mut imports = Imports::default();
    for node in &nodes {
        if matches!(node.kind(), "import_statement" | "import_from_statement") {
            imports.add_statement(*node, text);
        }
    }
    nodes
        .iter()
        .filter_map(|node| ResourceCall::resolve_key(*node, &imports, text))
        .flat_map(|call| {
            call.keywords(text)
                .map(|(name, _)| (call.type_name.clone(), name.to_string()))
                .collect::<Vec<_>>()
        })
        .collect()
}

/// Issue 3: every keyword argument infra-fix writes into a `pulumi_aws` call is one the class
/// accepts in the fixture's pulumi-aws major.
#[test]
fn written_keywords_are_accepted_by_the_target_class() {
    let mut failures = Vec::new();
    let mut checked = 0;
    for (input, _, _) in cases() {
        // Upgrade fixtures are written for the major they move to.
        let file = file_for(&input);
        let Some(major) = file.upgrade.map(|u| u.to).or(file.pulumi_aws) else {
            continue;
        };
        let source = read(&input);
        // Without unknown-argument, whose fixes could otherwise rename a bad keyword away.
        let mut rule_set = RuleSet::defaults();
        let (unknown_argument, _) = infra_fix::codemods::find("unknown-argument").unwrap();
        rule_set.set(unknown_argument, false);
        let rules = Settings::with_rules(rule_set);
        let outcome = lint(
            &source.text,
            &rules,
            &file_for(&input),
            FixMode::Apply(Applicability::Unsafe),
            Positions::Input,
        )
        .expect("fixture parses");
        let before = class_keywords(&source.text);
        for (class, keyword) in class_keywords(&outcome.text) {
            if before.contains(&(class.clone(), keyword.clone())) {
                continue;
            }
            checked += 1;
            let accepted = Tables::get(major)
                .class(&class)
                .is_some_and(|c| c.param(&keyword).is_some());
            if !accepted {
                failures.push(format!(
                    "{}: infra-fix wrote `{keyword}=` into `{class}`, which pulumi-aws {} does not accept",
                    input.display(),
                    major.number()
                ));
            }
        }
    }
    assert!(checked > 20, "only {checked} written keywords were checked");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// The engine finds constructions from the text (names bound to `pulumi_aws`) instead of
/// running `CONSTRUCTION_QUERY` over the whole tree: on every fixture both must find the same
/// calls of `pulumi_aws` classes.
#[test]
fn the_construction_index_finds_what_the_query_finds() {
    use infra_fix::codemods::{CONSTRUCTION_QUERY, constructions};
    use tree_sitter::{Query, QueryCursor, StreamingIterator};
    let query = Query::new(&infra_fix::source::language(), CONSTRUCTION_QUERY).unwrap();
    let files = python_files(Path::new(TESTDATA));
    let mut compared = 0;
    for path in files {
        let source = read(&path);
        let tree = parse(&source.text);
        let imports = Imports::of_file(&tree, &source.text);
        let mut expected = Vec::new();
        let mut cursor = QueryCursor::new();
        let mut it = cursor.matches(&query, tree.root_node(), source.text.as_bytes());
        while let Some(m) = it.next() {
            let call = m.captures[0].node;
            let function = call.child_by_field_name("function").unwrap();
            let path = imports.resolve(function, &source.text).unwrap_or_default();
            if path == "pulumi_aws" || path.starts_with("pulumi_aws.") {
                expected.push(call.id());
            }
        }
        let found = constructions(&tree, &source.text, &imports);
        for (call, parent) in &found {
            assert_eq!(*parent, call.parent(), "{}", path.display());
        }
        let found: Vec<usize> = found.iter().map(|(c, _)| c.id()).collect();
        assert_eq!(found, expected, "{}", path.display());
        compared += expected.len();
    }
    assert!(compared > 500, "only {compared} constructions compared");
}

/// The engine's symbol model takes its resources from the constructions it found by name
/// instead of resolving every call of the file, and skips the expressions that bind nothing:
/// on every fixture it must hold the same resources as the model that resolves every call and
/// walks every node, of the same classes, equally marked as built in a loop, and give every
/// expression the same value.
#[test]
fn the_engine_symbol_model_holds_what_the_whole_walk_holds() {
    use infra_fix::codemods::engine_symbols;
    use infra_fix::pulumi::symbols::{Symbols, Value};
    let summary = |s: &Symbols| -> Vec<(usize, String, bool)> {
        s.resources
            .iter()
            .map(|r| (r.call.node.id(), r.call.type_name.clone(), r.repeated))
            .collect()
    };
    let (mut compared, mut repeated, mut values, mut known_values) = (0, 0, 0, 0);
    // Besides the fixtures, what the walk must not skip inside an expression or assignment
    // that holds no lambda, comprehension or `:=`: a call of a function the file defines
    // (what its parameter is given), a nested `append`, a construction in a loop, the inner
    // assignment of `a = b = value`.
    let nested = [
        "import json\nimport pulumi_aws as aws\n\ndef document(bucket):\n    return {\"Resource\": bucket.arn}\n\nbucket = aws.s3.Bucket(\"b\")\naws.s3.BucketPolicy(\"p\", bucket=bucket.id, policy=json.dumps(document(bucket)))\n",
        "import pulumi\nimport pulumi_aws as aws\n\nclass Network:\n    def subnet(self, vpc):\n        return aws.ec2.Subnet(\"s\", vpc_id=vpc.id)\n\n    def __init__(self):\n        self.vpc = aws.ec2.Vpc(\"v\")\n        pulumi.export(\"subnet\", self.subnet(self.vpc).id)\n",
        "import pulumi_aws as aws\n\ngroups = []\nprint(groups.append(aws.ec2.SecurityGroup(\"g\")))\nfirst = groups[0]\n",
        "import pulumi_aws as aws\n\nfor i in range(2):\n    aws.ec2.Route(f\"r{i}\", route_table_id=aws.ec2.RouteTable(f\"t{i}\").id)\n",
        "import pulumi_aws as aws\n\nlogs = bucket = aws.s3.Bucket(\"logs\")\nname = bucket.bucket\n",
    ];
    let programs = python_files(Path::new(TESTDATA))
        .into_iter()
        .map(|path| (path.display().to_string(), read(&path).text))
        .chain(
            nested
                .iter()
                .enumerate()
                .map(|(i, p)| (format!("nested {i}"), p.to_string())),
        );
    for (name, text) in programs {
        let tree = parse(&text);
        let imports = Imports::of_file(&tree, &text);
        let whole = Symbols::build(&text, &tree, &imports);
        let engine = engine_symbols(&text, &tree, &imports);
        let expected = summary(&whole);
        assert_eq!(summary(&engine), expected, "{name}");
        compared += expected.len();
        repeated += expected.iter().filter(|(_, _, r)| *r).count();
        let expressions = infra_fix::source::every_node(&tree)
            .filter(|n| matches!(n.kind(), "identifier" | "attribute" | "call" | "subscript"));
        for node in expressions {
            let value = whole.resolve(node);
            let at = node.start_byte();
            assert_eq!(engine.resolve(node), value, "{name} at {at}");
            values += 1;
            known_values += usize::from(value != Value::Unknown);
        }
    }
    assert!(compared > 500, "only {compared} resources compared");
    assert!(repeated > 10, "only {repeated} resources built in a loop");
    assert!(
        known_values > 2000,
        "only {known_values} of {values} values known"
    );
}

/// Queries run only around their trigger words (`split`, `apply`, `dumps`): on every fixture
/// that must find exactly what a pass over the whole tree finds.
#[test]
fn trigger_words_find_what_a_whole_tree_pass_finds() {
    use infra_fix::codemods::query_match_starts;
    let files = python_files(Path::new(TESTDATA));
    let mut compared = 0;
    for path in files {
        let source = read(&path);
        let tree = parse(&source.text);
        let whole = query_match_starts(&tree, &source.text, true);
        let triggered = query_match_starts(&tree, &source.text, false);
        assert_eq!(triggered, whole, "{}", path.display());
        compared += whole.len();
    }
    assert!(compared > 50, "only {compared} matches compared");
}

/// Messages never name a line: in a dry run the text the codemods see is the fixed one, whose
/// lines are not the file's (positions are carried back to the file; text in a message is not).
#[test]
fn messages_name_no_line_numbers() {
    let mut checked = 0;
    for path in python_files(Path::new(TESTDATA)) {
        let findings = path.with_file_name(
            path.file_name()
                .unwrap()
                .to_str()
                .unwrap()
                .replace(".before.py", ".findings")
                .replace("__main__.py", "__main__.findings"),
        );
        let Ok(listing) = std::fs::read_to_string(&findings) else {
            continue;
        };
        for line in listing.lines() {
            let message = line.split_once(": ").map_or(line, |(_, m)| m);
            let words: Vec<&str> = message.split_whitespace().collect();
            for pair in words.windows(2) {
                let is_number = pair[1]
                    .trim_end_matches([',', ')', ':', ';'])
                    .parse::<usize>()
                    .is_ok();
                assert!(
                    !(pair[0].trim_start_matches('(') == "line" && is_number),
                    "{}: {line}",
                    findings.display()
                );
            }
            checked += 1;
        }
    }
    assert!(checked > 300, "only {checked} findings read");
}
