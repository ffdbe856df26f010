//! The bot flow end to end, without network: a bare git repository stands for "origin", and
//! `scripts/bot.sh` (the documented bot steps, also run by the GitHub workflow example) runs
//! infra-fix in a clone, commits on `infra-fix/fixes` and pushes. A second run with nothing new
//! pushes nothing; after the fixes are merged a run finds nothing to change.

use serde_json::Value;
use std::collections::BTreeMap;
use std::path::Path;
use std::process::{Command, Output};

const BRANCH: &str = "infra-fix/fixes";

/// A small Pulumi project: two files with fixes, one with only an unfixable finding, one
/// clean, one that is not Python.
const PROJECT: &[(&str, &str)] = &[
    ("Pulumi.yaml", "name: shop\nruntime: python\n"),
    // On pulumi-aws 6 `vpc` is deprecated, the catalog rule's finding.
    ("requirements.txt", "pulumi>=3,<4\npulumi-aws>=6,<7\n"),
    (
        "__main__.py",
        "import pulumi_aws as aws\n\nfrom network import eip\n\nrepo = aws.ecr.Repository(\"images\")\ndb = aws.rds.Instance(\"db\", engine=\"postgres\", instance_class=\"db.t3.micro\")\n",
    ),
    (
        "network.py",
        "import pulumi_aws as aws\n\neip = aws.ec2.Eip(\"nat\", vpc=True)\n",
    ),
    (
        "legacy.py",
        "import pulumi_aws as aws\n\nclassic = aws.ec2.Eip(\"classic\", vpc=False)\n",
    ),
    (
        "clean.py",
        "import pulumi_aws as aws\n\nok = aws.ec2.Eip(\"ok\", domain=\"vpc\")\n",
    ),
];

fn git(dir: &Path, args: &[&str]) -> String {
    let out = Command::new("git")
        .args(args)
        .current_dir(dir)
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .output()
        .expect("git runs");
    assert!(
        out.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// A fresh clone of origin, as a CI job checks it out.
fn clone(root: &Path, name: &str) -> std::path::PathBuf {
    git(root, &["clone", "-q", "origin.git", name]);
    let dir = root.join(name);
    git(&dir, &["config", "user.name", "infra-fix bot"]);
    git(&dir, &["config", "user.email", "bot@example.invalid"]);
    dir
}

/// Runs the bot script in `dir`; returns its outputs (`key=value` lines, also written to the
/// `$GITHUB_OUTPUT` file) and the pull-request body.
fn bot(dir: &Path) -> (BTreeMap<String, String>, String, Output) {
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("scripts/bot.sh");
    let body = dir.parent().unwrap().join("pr-body.md");
    let github_output = dir.parent().unwrap().join("github-output");
    std::fs::write(&github_output, "").unwrap();
    let out = Command::new("bash")
        .arg(&script)
        .args(["--push", "origin"])
        .current_dir(dir)
        .env("INFRA_FIX", env!("CARGO_BIN_EXE_infra-fix"))
        .env("INFRA_FIX_BODY", &body)
        .env("GITHUB_OUTPUT", &github_output)
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .output()
        .expect("bash runs");
    assert_eq!(
        out.status.code(),
        Some(0),
        "bot.sh failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let outputs: BTreeMap<String, String> = std::fs::read_to_string(&github_output)
        .unwrap()
        .lines()
        .map(|l| {
            let (k, v) = l.split_once('=').unwrap();
            (k.to_string(), v.to_string())
        })
        .collect();
    let printed = String::from_utf8_lossy(&out.stdout);
    for (k, v) in &outputs {
        assert!(printed.contains(&format!("{k}={v}\n")), "{printed}");
    }
    let body = std::fs::read_to_string(&body).unwrap_or_default();
    (outputs, body, out)
}

fn remote_branch(root: &Path) -> Option<String> {
    let refs = git(
        &root.join("origin.git"),
        &[
            "for-each-ref",
            "--format=%(objectname)",
            &format!("refs/heads/{BRANCH}"),
        ],
    );
    (!refs.trim().is_empty()).then(|| refs.trim().to_string())
}

#[test]
fn the_bot_pushes_one_branch_with_the_fixes_and_a_second_run_pushes_nothing() {
    let root = tempfile::tempdir().unwrap();
    let root = root.path();
    git(root, &["init", "-q", "--bare", "-b", "main", "origin.git"]);
    let seed = clone(root, "seed");
    for (path, text) in PROJECT {
        std::fs::write(seed.join(path), text).unwrap();
    }
    git(&seed, &["add", "-A"]);
    git(&seed, &["commit", "-q", "-m", "A small Pulumi stack"]);
    git(&seed, &["push", "-q", "origin", "main"]);

    // What a dry run says will be fixed, to hold the body to.
    let dry = Command::new(env!("CARGO_BIN_EXE_infra-fix"))
        .args(["--dry-run", "--unsafe-fixes", "--format", "json"])
        .current_dir(&seed)
        .output()
        .unwrap();
    let report: Value = serde_json::from_slice(&dry.stdout).unwrap();
    let fixes: Vec<(String, String, u64)> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["fix"]["would_apply"] == true)
        .map(|f| {
            (
                f["path"].as_str().unwrap().to_string(),
                f["rule"].as_str().unwrap().to_string(),
                f["line"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(fixes.len(), 3, "{report}");

    // First run: the fixes are pushed to the stable branch.
    let first = clone(root, "run1");
    let (outputs, body, _) = bot(&first);
    assert_eq!(outputs["changed"], "true");
    assert_eq!(outputs["pushed"], "true");
    assert_eq!(
        outputs["rules"],
        "eip-domain-vpc, ecr-force-delete, rds-backup-retention"
    );
    let pushed = remote_branch(root).expect("the branch exists on origin");
    let check = clone(root, "check");
    git(&check, &["checkout", "-q", BRANCH]);
    assert_eq!(
        git(&check, &["rev-list", "--count", "origin/main..HEAD"]).trim(),
        "1",
        "one commit on top of main"
    );
    assert_eq!(
        git(&check, &["diff", "--name-only", "origin/main", "HEAD"]),
        "__main__.py\nnetwork.py\n",
        "exactly the fixed files"
    );
    let message = git(&check, &["log", "-1", "--format=%B"]);
    assert!(
        message
            .starts_with("infra-fix: fix eip-domain-vpc, ecr-force-delete, rds-backup-retention\n"),
        "{message}"
    );
    // The branch holds what infra-fix writes: only the unfixable finding is left.
    let left = Command::new(env!("CARGO_BIN_EXE_infra-fix"))
        .args(["--check", "--output-format=concise", "--unsafe-fixes"])
        .current_dir(&check)
        .output()
        .unwrap();
    let left = String::from_utf8(left.stdout).unwrap();
    assert_eq!(left.lines().count(), 1, "{left}");
    assert!(left.starts_with("legacy.py:3:"), "{left}");
    // The body lists every fix under its file, and the finding left with its reason.
    for (path, rule, line) in &fixes {
        let section = body
            .split("\n#### ")
            .find(|s| s.starts_with(&format!("`{path}`")))
            .unwrap_or_else(|| panic!("no section for {path}:\n{body}"));
        assert!(
            section.contains(&format!("- line {line} `{rule}`: ")),
            "{path}:{line} {rule} missing:\n{body}"
        );
    }
    assert!(body.contains("**unsafe fix: review carefully**"));
    assert!(body.contains("- not fixed: line 3 `eip-domain-vpc`"));
    assert!(!body.contains("clean.py"));

    // Second run, nothing new on main: the same fixes, nothing pushed.
    let second = clone(root, "run2");
    let (outputs, body_again, _) = bot(&second);
    assert_eq!(outputs["changed"], "true");
    assert_eq!(outputs["pushed"], "false");
    assert_eq!(remote_branch(root).as_deref(), Some(pushed.as_str()));
    assert_eq!(body_again, body, "the body is stable too");

    // The pull request is merged; the next run finds nothing to change and pushes nothing.
    git(&check, &["push", "-q", "origin", &format!("{BRANCH}:main")]);
    let third = clone(root, "run3");
    let (outputs, _, _) = bot(&third);
    assert_eq!(outputs["changed"], "false");
    assert_eq!(outputs["pushed"], "false");
    assert_eq!(remote_branch(root).as_deref(), Some(pushed.as_str()));
    assert_eq!(
        git(&third, &["status", "--porcelain"]),
        "",
        "nothing changed"
    );
}

#[test]
fn the_workflow_example_runs_the_tested_script_with_the_same_branch_and_body() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let read = |p: &str| std::fs::read_to_string(root.join(p)).unwrap();
    let workflow = read("examples/github/infra-fix-bot.yml");
    let script = read("scripts/bot.sh");
    for needed in [
        "schedule:",
        "workflow_dispatch:",
        "run: infra-fix-bot",
        "INFRA_FIX_BODY: ${{ runner.temp }}/pr-body.md",
        "if: steps.fix.outputs.changed == 'true'",
        "uses: peter-evans/create-pull-request@",
        &format!("branch: {BRANCH}"),
        "commit-message: ${{ steps.fix.outputs.commit-message }}",
        "body-path: ${{ runner.temp }}/pr-body.md",
    ] {
        assert!(workflow.contains(needed), "the workflow lacks `{needed}`");
    }
    // That the action puts this script on PATH as `infra-fix-bot`: tests/action.rs.
    assert!(script.contains(&format!("branch=${{INFRA_FIX_BRANCH:-{BRANCH}}}")));
    assert!(script.contains("--write --unsafe-fixes --format markdown --output \"$body\""));
}
