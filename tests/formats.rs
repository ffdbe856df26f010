//! The machine formats against what their consumers read: SARIF against the official 2.1.0
//! schema (and its fixes applied must give `--write`'s result), GitHub workflow commands,
//! reviewdog's rdjson field by field (its suggestions applied must give `--write`'s result),
//! and the pull-request body.

use serde_json::Value;
use std::path::Path;
use std::process::{Command, Output};

/// One safe fix (with a non-ASCII character before it on its line), one finding without a
/// fix, one unsafe fix and one safe multi-argument fix.
const MAIN: &str = "import pulumi_aws as aws\n\neip = aws.ec2.Eip(\"café\", vpc=True)\nold = aws.ec2.Eip(\"o\", vpc=False)\nrepo = aws.ecr.Repository(\"r\")\ndb = aws.rds.Instance(\"db\", engine=\"postgres\")\n";
const BROKEN: &str = "import pulumi_aws as aws\n\ndef broken(:\n    pass\n";

fn infra_fix(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_infra-fix"))
        .args(args)
        .current_dir(dir)
        .env_remove("NO_COLOR")
        .output()
        .expect("binary runs")
}

/// A project on pulumi-aws 6, where `vpc` on `Eip` is the catalog rule's finding.
fn tree(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("requirements.txt"), "pulumi-aws>=6,<7\n").unwrap();
    for (path, contents) in files {
        let path = dir.path().join(path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, contents).unwrap();
    }
    dir
}

/// What `--write --unsafe-fixes` makes of `MAIN`.
fn fixed_main() -> String {
    let dir = tree(&[("main.py", MAIN)]);
    infra_fix(dir.path(), &["--write", "--unsafe-fixes", "--quiet"]);
    std::fs::read_to_string(dir.path().join("main.py")).unwrap()
}

/// Byte offset of a 1-based line and a 1-based column counted in `unit`s.
fn offset(text: &str, line: u64, column: u64, bytes: bool) -> usize {
    let start: usize = text
        .split_inclusive('\n')
        .take(line as usize - 1)
        .map(str::len)
        .sum();
    let rest = &text[start..];
    let column = column as usize - 1;
    start
        + if bytes {
            column
        } else {
            rest.chars().take(column).map(char::len_utf8).sum()
        }
}

/// Applies `(start, end, text)` byte replacements, last first.
fn apply(text: &str, mut edits: Vec<(usize, usize, String)>) -> String {
    edits.sort_by_key(|e| std::cmp::Reverse(e.0));
    let mut out = text.to_string();
    for (start, end, new) in edits {
        out.replace_range(start..end, &new);
    }
    out
}

fn sarif_validator() -> jsonschema::Validator {
    let schema: Value = serde_json::from_str(include_str!("data/sarif-schema-2.1.0.json")).unwrap();
    jsonschema::options()
        .should_validate_formats(true)
        .build(&schema)
        .expect("the SARIF schema compiles")
}

#[test]
fn sarif_validates_against_the_official_schema_and_its_fixes_give_the_written_file() {
    let dir = tree(&[("main.py", MAIN), ("my app/bad.py", BROKEN)]);
    let out = infra_fix(dir.path(), &["--check", "--format", "sarif"]);
    assert_eq!(out.status.code(), Some(2), "the broken file is an error");
    let doc: Value = serde_json::from_slice(&out.stdout).expect("one JSON document");
    let validator = sarif_validator();
    let problems: Vec<String> = validator
        .iter_errors(&doc)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(problems.is_empty(), "{problems:#?}");

    // The validator does reject what GitHub would: a region starting at line 0.
    let mut broken = doc.clone();
    broken["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]["startLine"] =
        Value::from(0);
    assert!(!validator.is_valid(&broken));

    let run = &doc["runs"][0];
    assert_eq!(doc["version"], "2.1.0");
    let rules = run["tool"]["driver"]["rules"].as_array().unwrap();
    assert_eq!(rules.len(), infra_fix::codemods::CODEMODS.len());
    for (rule, codemod) in rules.iter().zip(infra_fix::codemods::CODEMODS) {
        assert_eq!(rule["id"], codemod.id);
        assert_eq!(
            rule["help"]["markdown"], codemod.docs,
            "help is the rule's docs"
        );
        assert_eq!(rule["shortDescription"]["text"], codemod.title);
    }
    let results = run["results"].as_array().unwrap();
    let ids: Vec<&str> = results
        .iter()
        .map(|r| r["ruleId"].as_str().unwrap())
        .collect();
    assert_eq!(
        ids,
        [
            "eip-domain-vpc",
            "eip-domain-vpc",
            "ecr-force-delete",
            "rds-backup-retention"
        ]
    );
    let first = &results[0];
    assert_eq!(
        rules[first["ruleIndex"].as_u64().unwrap() as usize]["id"],
        "eip-domain-vpc"
    );
    let location = &first["locations"][0]["physicalLocation"];
    assert_eq!(location["artifactLocation"]["uri"], "main.py");
    // `vpc=True` starts at character 27 of line 3 (`é` is one character) and ends before 35.
    assert_eq!(
        location["region"],
        serde_json::json!({"startLine": 3, "startColumn": 27, "endLine": 3, "endColumn": 35})
    );
    assert!(results[1].get("fixes").is_none(), "vpc=False has no fix");
    assert!(
        results[2]["fixes"][0]["description"]["text"]
            .as_str()
            .unwrap()
            .contains("review carefully")
    );
    let notification = &run["invocations"][0]["toolExecutionNotifications"][0];
    assert_eq!(
        notification["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
        "my%20app/bad.py"
    );
    assert_eq!(run["invocations"][0]["executionSuccessful"], false);

    // A consumer applying every fix gets what --write --unsafe-fixes writes.
    let mut edits = Vec::new();
    for result in results {
        for change in result["fixes"][0]["artifactChanges"]
            .as_array()
            .into_iter()
            .flatten()
        {
            assert_eq!(change["artifactLocation"]["uri"], "main.py");
            for r in change["replacements"].as_array().unwrap() {
                let d = &r["deletedRegion"];
                let at = |l: &str, c: &str| {
                    offset(MAIN, d[l].as_u64().unwrap(), d[c].as_u64().unwrap(), false)
                };
                edits.push((
                    at("startLine", "startColumn"),
                    at("endLine", "endColumn"),
                    r["insertedContent"]["text"].as_str().unwrap().to_string(),
                ));
            }
        }
    }
    assert_eq!(apply(MAIN, edits), fixed_main());
}

#[test]
fn sarif_output_is_byte_stable_and_goes_to_the_output_file() {
    let dir = tree(&[("main.py", MAIN)]);
    let a = infra_fix(
        dir.path(),
        &["--check", "--format", "sarif", "--color", "always"],
    );
    let b = infra_fix(
        dir.path(),
        &["--check", "--format", "sarif", "--output", "report.sarif"],
    );
    assert_eq!(b.status.code(), Some(1));
    assert!(b.stdout.is_empty(), "the report went to the file");
    assert_eq!(
        std::fs::read(dir.path().join("report.sarif")).unwrap(),
        a.stdout
    );
    assert!(!a.stdout.contains(&0x1b), "no colour in machine formats");
}

#[test]
fn github_annotations_are_workflow_commands() {
    let dir = tree(&[("main.py", MAIN), ("bad, file.py", BROKEN)]);
    let out = infra_fix(dir.path(), &["--check", "--format", "github"]);
    let text = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 5, "{text}");
    assert_eq!(
        lines[0],
        "::warning file=main.py,line=3,endLine=3,col=27,endColumn=35,title=infra-fix (eip-domain-vpc)::eip-domain-vpc: `vpc=True` is deprecated in pulumi-aws 6 and removed in 7 (TypeError); use `domain=\"vpc\"` [*]"
    );
    assert!(
        lines[2].ends_with("(fix available with --unsafe-fixes)"),
        "{}",
        lines[2]
    );
    // Every line is `::command props::message`; properties escape `,` and `:`.
    for line in &lines[..4] {
        let (props, message) = line["::warning ".len()..].split_once("::").unwrap();
        let keys: Vec<&str> = props
            .split(',')
            .map(|p| p.split_once('=').unwrap().0)
            .collect();
        assert_eq!(
            keys,
            ["file", "line", "endLine", "col", "endColumn", "title"]
        );
        assert!(!message.contains('\n'));
    }
    assert_eq!(
        lines[4],
        "::error file=bad%2C file.py,title=infra-fix::bad, file.py: syntax error at 3:12; left untouched, fix it or list the file in .ignore"
    );
}

#[test]
fn rdjson_has_reviewdogs_shape_and_its_suggestions_give_the_written_file() {
    let dir = tree(&[("main.py", MAIN)]);
    let out = infra_fix(dir.path(), &["--check", "--format", "rdjson"]);
    assert_eq!(out.status.code(), Some(1));
    let doc: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(doc["source"]["name"], "infra-fix");
    assert_eq!(doc["severity"], "WARNING");
    let diagnostics = doc["diagnostics"].as_array().unwrap();
    assert_eq!(diagnostics.len(), 4);
    let eip = &diagnostics[0];
    assert_eq!(eip["code"]["value"], "eip-domain-vpc");
    assert_eq!(eip["severity"], "WARNING");
    assert_eq!(eip["location"]["path"], "main.py");
    // reviewdog counts columns in UTF-8 bytes: `é` is two, so `vpc` starts at byte 28.
    assert_eq!(
        eip["location"]["range"],
        serde_json::json!({"start": {"line": 3, "column": 28}, "end": {"line": 3, "column": 36}})
    );
    assert_eq!(eip["suggestions"][0]["text"], "domain=\"vpc\"");
    assert_eq!(eip["suggestions"][0]["range"], eip["location"]["range"]);
    assert!(
        diagnostics[1].get("suggestions").is_none(),
        "no fix, no suggestion"
    );
    assert!(
        diagnostics[2]["message"]
            .as_str()
            .unwrap()
            .ends_with("(unsafe fix: review carefully)")
    );
    let mut edits = Vec::new();
    for d in diagnostics {
        assert!(d["message"].is_string());
        for s in d["suggestions"].as_array().into_iter().flatten() {
            let at = |p: &Value| {
                offset(
                    MAIN,
                    p["line"].as_u64().unwrap(),
                    p["column"].as_u64().unwrap(),
                    true,
                )
            };
            edits.push((
                at(&s["range"]["start"]),
                at(&s["range"]["end"]),
                s["text"].as_str().unwrap().to_string(),
            ));
        }
    }
    assert_eq!(apply(MAIN, edits), fixed_main());
}

#[test]
fn markdown_is_the_pull_request_body() {
    let dir = tree(&[("main.py", MAIN), ("bad.py", BROKEN)]);
    let out = infra_fix(
        dir.path(),
        &[
            "--write",
            "--unsafe-fixes",
            "--format",
            "markdown",
            "--output",
            "pr-body.md",
        ],
    );
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("fixed 3 findings in 1 file (1 remaining)"),
        "a summary for the person watching: {stderr}"
    );
    let body = std::fs::read_to_string(dir.path().join("pr-body.md")).unwrap();
    let expected = format!(
        "<!-- infra-fix -->
## infra-fix: 3 findings fixed in 1 file

1 finding left unfixed: listed below with the reason.

| Rule | Fixed | Safe | Unsafe | Not fixed |
|---|---:|---:|---:|---:|
| `eip-domain-vpc` | 1 | 1 | 0 | 1 |
| `ecr-force-delete` | 1 | 0 | 1 | 0 |
| `rds-backup-retention` | 1 | 1 | 0 | 0 |
| **Total** | 3 | 2 | 1 | 1 |

Unsafe fixes change what the program does at deployment (see `infra-fix explain RULE`, \"Fix safety\"): the ones marked **review carefully** need a reviewer's eye.

### Files

#### `main.py`

- line 3 `eip-domain-vpc`: `vpc=True` is deprecated in pulumi-aws 6 and removed in 7 (TypeError); use `domain=\"vpc\"`
- line 5 `ecr-force-delete`: ECR repository without `force_delete=True`: deleting or replacing it fails with RepositoryNotEmptyException once it holds images **unsafe fix: review carefully**
- line 6 `rds-backup-retention`: RDS instance without `backup_retention_period`, so backups are kept 1 day; keep 7 days
- not fixed: line 4 `eip-domain-vpc`: `vpc=False` asks for an EC2-Classic address, a retired platform, and is a TypeError in pulumi-aws 7: remove it or use `domain=\"vpc\"` (*no automatic fix: a human decides*)

### Not processed

- `bad.py`: syntax error at 3:12; left untouched, fix it or list the file in .ignore

---
Generated by infra-fix {}. `infra-fix explain RULE` documents each rule.
",
        env!("CARGO_PKG_VERSION")
    );
    assert_eq!(body, expected);

    // Without --unsafe-fixes the unsafe finding is left, with the reason.
    let dir = tree(&[("main.py", MAIN)]);
    let out = infra_fix(dir.path(), &["--write", "--format", "markdown"]);
    let body = String::from_utf8(out.stdout).unwrap();
    assert!(
        body.contains("- not fixed: line 5 `ecr-force-delete`: ECR repository without `force_delete=True`: deleting or replacing it fails with RepositoryNotEmptyException once it holds images (*the fix is unsafe: run with --unsafe-fixes*)"),
        "{body}"
    );
    // Nothing found: a body that says so.
    let clean = tree(&[("main.py", "import pulumi_aws as aws\n")]);
    let out = infra_fix(clean.path(), &["--write", "--format", "markdown"]);
    assert!(
        String::from_utf8(out.stdout)
            .unwrap()
            .starts_with("<!-- infra-fix -->\n## infra-fix: nothing to fix\n")
    );
}

/// A safe fix that adds three lines above two findings it leaves: one without a fix, one
/// whose fix is unsafe.
const SHIFTED: &str = "import pulumi_aws as aws\n\ndb = aws.rds.Instance(\n    \"db\",\n    engine=\"postgres\",\n)\nold = aws.ec2.Eip(\"o\", vpc=False)\nrepo = aws.ecr.Repository(\"r\")\n";

/// (rule, line, column) of each finding of a JSON report, in its order.
fn json_positions(doc: &Value) -> Vec<(String, u64, u64)> {
    doc["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["rule"].as_str().unwrap().to_string(),
                f["line"].as_u64().unwrap(),
                f["column"].as_u64().unwrap(),
            )
        })
        .collect()
}

/// (rule, line, column) of each finding as `format` prints it (Markdown: no column).
fn printed_positions(dir: &Path, mode: &str, format: &str) -> Vec<(String, u64, u64)> {
    let out = infra_fix(dir, &[mode, "--no-cache", "--format", format]);
    let text = String::from_utf8(out.stdout).unwrap();
    let number = |s: &str| s.parse::<u64>().unwrap();
    let mut found: Vec<(String, u64, u64)> = match format {
        "text" => String::from_utf8(out.stderr)
            .unwrap()
            .lines()
            .filter_map(|l| l.strip_prefix("main.py:"))
            .map(|l| {
                let mut parts = l.splitn(3, ':');
                let (line, column) = (parts.next().unwrap(), parts.next().unwrap());
                let rule = parts.next().unwrap().split_whitespace().next().unwrap();
                (rule.to_string(), number(line), number(column))
            })
            .collect(),
        "json" => json_positions(&serde_json::from_str(&text).unwrap()),
        "sarif" => {
            let doc: Value = serde_json::from_str(&text).unwrap();
            let results = doc["runs"][0]["results"].as_array().unwrap().clone();
            results
                .iter()
                .map(|r| {
                    let region = &r["locations"][0]["physicalLocation"]["region"];
                    (
                        r["ruleId"].as_str().unwrap().to_string(),
                        region["startLine"].as_u64().unwrap(),
                        region["startColumn"].as_u64().unwrap(),
                    )
                })
                .collect()
        }
        "github" => text
            .lines()
            .map(|l| {
                let (props, _) = l["::warning ".len()..].split_once("::").unwrap();
                let prop = |key: &str| props.split(',').find_map(|p| p.strip_prefix(key)).unwrap();
                let rule = prop("title=infra-fix (").trim_end_matches(')');
                (
                    rule.to_string(),
                    number(prop("line=")),
                    number(prop("col=")),
                )
            })
            .collect(),
        // The file is ASCII: reviewdog's byte columns are character columns.
        "rdjson" => {
            let doc: Value = serde_json::from_str(&text).unwrap();
            doc["diagnostics"]
                .as_array()
                .unwrap()
                .iter()
                .map(|d| {
                    let start = &d["location"]["range"]["start"];
                    (
                        d["code"]["value"].as_str().unwrap().to_string(),
                        start["line"].as_u64().unwrap(),
                        start["column"].as_u64().unwrap(),
                    )
                })
                .collect()
        }
        "markdown" => text
            .lines()
            .filter_map(|l| {
                l.strip_prefix("- ")
                    .map(|l| l.trim_start_matches("not fixed: "))
            })
            .filter_map(|l| l.strip_prefix("line "))
            .map(|l| {
                let (line, rest) = l.split_once(' ').unwrap();
                let rule = rest.split('`').nth(1).unwrap();
                (rule.to_string(), number(line), 0)
            })
            .collect(),
        _ => unreachable!(),
    };
    found.sort();
    found
}

#[test]
fn every_format_locates_findings_in_the_file_as_it_is_on_disk() {
    let dir = tree(&[("main.py", SHIFTED)]);
    // --check: the file on disk, where the fix has not been made.
    let check = infra_fix(dir.path(), &["--check", "--format", "json"]);
    let mut on_disk = json_positions(&serde_json::from_slice(&check.stdout).unwrap());
    on_disk.sort();
    assert_eq!(
        on_disk,
        [
            ("ecr-force-delete".to_string(), 8, 8),
            ("eip-domain-vpc".to_string(), 7, 24),
            ("rds-backup-retention".to_string(), 3, 6),
        ]
    );
    let without_columns: Vec<_> = on_disk.iter().map(|(r, l, _)| (r.clone(), *l, 0)).collect();
    // A dry run writes nothing: every format places every finding, fixed or not, where
    // --check does, not in the fixed text three lines further down.
    for format in ["text", "json", "sarif", "github", "rdjson", "markdown"] {
        let expected = match format {
            "markdown" => &without_columns,
            // Text prints only what remains; its diff shows the fix.
            "text" => &on_disk[..2].to_vec(),
            _ => &on_disk,
        };
        assert_eq!(
            &printed_positions(dir.path(), "--dry-run", format),
            expected,
            "--dry-run --format {format}"
        );
    }
    assert_eq!(
        std::fs::read_to_string(dir.path().join("main.py")).unwrap(),
        SHIFTED
    );

    // --write: what remains is located in the written file, where --check finds it next.
    let written = infra_fix(dir.path(), &["--write", "--no-cache", "--format", "json"]);
    let after = infra_fix(dir.path(), &["--check", "--no-cache", "--format", "json"]);
    let remaining: Vec<_> = json_positions(&serde_json::from_slice(&written.stdout).unwrap())
        .into_iter()
        .filter(|(rule, ..)| rule != "rds-backup-retention")
        .collect();
    assert_eq!(
        remaining,
        json_positions(&serde_json::from_slice(&after.stdout).unwrap())
    );
    assert_eq!(remaining[0], ("eip-domain-vpc".to_string(), 10, 24));
}

#[test]
fn a_dry_run_says_what_would_change_and_applies_nothing() {
    let dir = tree(&[("main.py", SHIFTED)]);
    let report = |mode: &str, format: &str| -> Value {
        let out = infra_fix(dir.path(), &[mode, "--no-cache", "--format", format]);
        serde_json::from_slice(&out.stdout).unwrap()
    };
    let dry = report("--dry-run", "json");
    assert_eq!(dry["files_changed"], serde_json::json!([]));
    assert_eq!(dry["would_change"], serde_json::json!(["main.py"]));
    let rds = &dry["findings"][0];
    assert_eq!(rds["rule"], "rds-backup-retention");
    assert_eq!(rds["fix"]["applied"], false);
    assert_eq!(rds["fix"]["would_apply"], true);
    let ecr = dry["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["rule"] == "ecr-force-delete");
    assert_eq!(
        ecr.unwrap()["fix"]["would_apply"],
        false,
        "unsafe, not allowed"
    );
    let sarif = report("--dry-run", "sarif");
    let properties = &sarif["runs"][0]["results"][0]["properties"];
    assert_eq!(
        (&properties["fixApplied"], &properties["fixWouldApply"]),
        (&Value::Bool(false), &Value::Bool(true))
    );
    // --check has no "would": it fixes nothing; --write applies.
    let check = report("--check", "json");
    assert!(check.get("would_change").is_none());
    assert!(check["findings"][0]["fix"].get("would_apply").is_none());
    let write = report("--write", "json");
    assert_eq!(write["files_changed"], serde_json::json!(["main.py"]));
    assert!(write.get("would_change").is_none());
    assert_eq!(write["findings"][0]["fix"]["applied"], true);
}

/// `infra-fix upgrade --to 7 --format markdown`, the upgrade pull request's body: the changes
/// rewritten by row of the upgrade guide with their counts and files, what is left to a person
/// with its next step, and the state steps the guide requires.
#[test]
fn the_upgrade_body_lists_the_rewrites_by_change_what_is_left_and_the_state_steps() {
    let dir = tempfile::tempdir().unwrap();
    let files = [
        ("Pulumi.yaml", "name: shop\nruntime: python\n"),
        (
            "requirements.txt",
            "pulumi>=3,<4\npulumi-aws>=6.0.0,<7.0.0\n",
        ),
        (
            "__main__.py",
            "import pulumi_aws as aws\n\nnat = aws.ec2.Eip(\"nat\", vpc=True)\nweb = aws.ec2.Eip(\"web\", vpc=True)\nregion = aws.get_region().name\n",
        ),
        (
            "api.py",
            "import pulumi_aws as aws\n\napi = aws.apigateway.RestApi(\"api\")\ndeployment = aws.apigateway.Deployment(\"d\", rest_api=api.id, stage_name=\"prod\")\nold = aws.ec2.Eip(\"old\", vpc=True)\n",
        ),
    ];
    for (path, text) in files {
        std::fs::write(dir.path().join(path), text).unwrap();
    }
    let out = infra_fix(
        dir.path(),
        &["upgrade", "--to", "7", "--write", "--format", "markdown"],
    );
    assert_eq!(out.status.code(), Some(1), "the stage is left to a person");
    let body = String::from_utf8(out.stdout).unwrap();
    let expected = format!(
        "<!-- infra-fix upgrade -->
## infra-fix: upgrade to pulumi-aws 7

5 changes rewritten in 3 files; 1 finding left to a person.

### Rewritten

| Change | Count | Files |
|---|---:|---|
| `upgrade-v7-dependency-pin`: pulumi-aws requirement or stack setting that must move to 7 | 1 | `requirements.txt` |
| row 20: `get_region`: `name` -> `region` | 1 | `__main__.py` |
| row 35: `ec2.Eip(vpc=True)` -> `domain=\"vpc\"` | 3 | `__main__.py`, `api.py` |

### Left to a person

Each needs the step its line names, before the `pulumi up` below:

- `api.py` line 4: pulumi-aws 7 removed `stage_name` of `apigateway.Deployment` (upgrade guide row 23) but the stage it made still exists in AWS; declare it, `aws.apigateway.Stage(\"prod\", rest_api=api.id, deployment=deployment.id, stage_name=\"prod\")` (`stage_description` is its `description`, `canary_settings` move as they are), delete the arguments here, and adopt the stage before `pulumi up`: `pulumi import aws:apigateway/stage:Stage prod <rest api id>/prod`; without the import the up creates a second stage and fails (*no automatic fix: a human decides*)

### Before merging: the state steps

1. Install the upgraded requirements (`pulumi-aws` 7.x) where the program runs.
2. For each stack, run `pulumi up --refresh --run-program` once: it moves the stack's state to pulumi-aws 7. Read its preview before answering yes.
3. The preview must show no change other than the one-time diffs the guide documents: `tags` shown as removed where `defaultTags` apply (AWS keeps them) and `region` added to each resource. **If it shows a replace, stop**: answer no and do not merge; a change above does not mean on 7 what it meant before, so report it.

### Files

#### `__main__.py`

- line 3 `upgrade-v7-argument`: pulumi-aws 7: `vpc` of `ec2.Eip` is removed: `vpc=True` is `domain=\"vpc\"` (upgrade guide row 35)
- line 4 `upgrade-v7-argument`: pulumi-aws 7: `vpc` of `ec2.Eip` is removed: `vpc=True` is `domain=\"vpc\"` (upgrade guide row 35)
- line 5 `upgrade-v7-function`: pulumi-aws 7: what the `name` of `get_region`'s result was on 6 is `region` (upgrade guide row 20)

#### `api.py`

- line 5 `upgrade-v7-argument`: pulumi-aws 7: `vpc` of `ec2.Eip` is removed: `vpc=True` is `domain=\"vpc\"` (upgrade guide row 35)

#### `requirements.txt`

- line 2 `upgrade-v7-dependency-pin`: pulumi-aws 7: the requirement `>=6.0.0,<7.0.0` installs pulumi-aws 6; the upgraded program needs `>=7.0.0,<8.0.0`

---
Generated by `infra-fix upgrade --to 7` ({}). `infra-fix explain RULE` documents each rule.
",
        env!("CARGO_PKG_VERSION")
    );
    assert_eq!(body, expected);
    assert!(
        std::fs::read_to_string(dir.path().join("__main__.py"))
            .unwrap()
            .contains("aws.ec2.Eip(\"nat\", domain=\"vpc\")")
    );

    // Upgraded: a second run has nothing to do, and the body says so without state steps.
    let out = infra_fix(
        dir.path(),
        &["upgrade", "--to", "7", "--write", "--format", "markdown"],
    );
    let body = String::from_utf8(out.stdout).unwrap();
    assert!(
        body.starts_with("<!-- infra-fix upgrade -->\n## infra-fix: upgrade to pulumi-aws 7\n\nNothing to upgrade: "),
        "{body}"
    );
    assert!(!body.contains("pulumi up"), "{body}");
}
