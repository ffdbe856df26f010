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
    bot_with(dir, &[])
}

/// `bot` with the script's own options before `--push origin` (`--upgrade 7`).
fn bot_with(dir: &Path, options: &[&str]) -> (BTreeMap<String, String>, String, Output) {
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("scripts/bot.sh");
    let body = dir.parent().unwrap().join("pr-body.md");
    let github_output = dir.parent().unwrap().join("github-output");
    std::fs::write(&github_output, "").unwrap();
    let out = Command::new("bash")
        .arg(&script)
        .args(options)
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
    remote_branch_named(root, BRANCH)
}

fn remote_branch_named(root: &Path, branch: &str) -> Option<String> {
    let refs = git(
        &root.join("origin.git"),
        &[
            "for-each-ref",
            "--format=%(objectname)",
            &format!("refs/heads/{branch}"),
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

/// A pulumi-aws 6 project for `bot.sh --upgrade 7`: rewrites in two files, the dependency pin
/// and the stack setting, and a stage left to a person.
const PROJECT_ON_6: &[(&str, &str)] = &[
    ("Pulumi.yaml", "name: shop\nruntime: python\n"),
    (
        "Pulumi.dev.yaml",
        "config:\n  aws:assumeRole:\n    roleArn: arn:aws:iam::123456789012:role/deploy\n",
    ),
    (
        "requirements.txt",
        "pulumi>=3,<4\npulumi-aws>=6.0.0,<7.0.0\n",
    ),
    (
        "__main__.py",
        "import pulumi_aws as aws\n\nnat = aws.ec2.Eip(\"nat\", vpc=True)\nregion = aws.get_region().name\n",
    ),
    (
        "api.py",
        "import pulumi_aws as aws\n\napi = aws.apigateway.RestApi(\"api\")\ndeployment = aws.apigateway.Deployment(\"d\", rest_api=api.id, stage_name=\"prod\")\n",
    ),
    (
        "clean.py",
        "import pulumi_aws as aws\n\nok = aws.ec2.Eip(\"ok\", domain=\"vpc\")\n",
    ),
];

#[test]
fn the_upgrade_bot_pushes_one_upgrade_branch_with_the_report_as_body() {
    const UPGRADE: &str = "infra-fix/upgrade-v7";
    let root = tempfile::tempdir().unwrap();
    let root = root.path();
    git(root, &["init", "-q", "--bare", "-b", "main", "origin.git"]);
    let seed = clone(root, "seed");
    for (path, text) in PROJECT_ON_6 {
        std::fs::write(seed.join(path), text).unwrap();
    }
    git(&seed, &["add", "-A"]);
    git(&seed, &["commit", "-q", "-m", "A stack on pulumi-aws 6"]);
    git(&seed, &["push", "-q", "origin", "main"]);

    let first = clone(root, "run1");
    let (outputs, body, _) = bot_with(&first, &["--upgrade", "7"]);
    assert_eq!(outputs["branch"], UPGRADE);
    assert_eq!(outputs["changed"], "true");
    assert_eq!(outputs["pushed"], "true");
    assert_eq!(
        outputs["commit-message"],
        "infra-fix: upgrade pulumi-aws to 7"
    );
    let pushed = remote_branch_named(root, UPGRADE).expect("the upgrade branch exists");
    assert_eq!(remote_branch(root), None, "not the fixes branch");

    let check = clone(root, "check");
    git(&check, &["checkout", "-q", UPGRADE]);
    assert_eq!(
        git(&check, &["rev-list", "--count", "origin/main..HEAD"]).trim(),
        "1",
        "one commit on top of main"
    );
    assert_eq!(
        git(&check, &["diff", "--name-only", "origin/main", "HEAD"]),
        "Pulumi.dev.yaml\n__main__.py\nrequirements.txt\n",
        "the source, the pin and the stack setting, nothing else"
    );
    let message = git(&check, &["log", "-1", "--format=%B"]);
    assert!(
        message.starts_with(
            "infra-fix: upgrade pulumi-aws to 7\n\nGenerated by `infra-fix upgrade --to 7 --write --unsafe-fixes`"
        ),
        "{message}"
    );
    let read = |p: &str| std::fs::read_to_string(check.join(p)).unwrap();
    assert_eq!(
        read("requirements.txt"),
        "pulumi>=3,<4\npulumi-aws>=7.0.0,<8.0.0\n"
    );
    assert_eq!(
        read("__main__.py"),
        "import pulumi_aws as aws\n\nnat = aws.ec2.Eip(\"nat\", domain=\"vpc\")\nregion = aws.get_region().region\n"
    );
    // What is left on the branch, were the project still on 6: the stage, a person's step.
    let left = Command::new(env!("CARGO_BIN_EXE_infra-fix"))
        .args([
            "upgrade",
            "--to",
            "7",
            "--check",
            "--pulumi-aws-version",
            "6",
            "--output-format",
            "concise",
        ])
        .current_dir(&check)
        .output()
        .unwrap();
    let left = String::from_utf8(left.stdout).unwrap();
    assert_eq!(left.lines().count(), 1, "{left}");
    assert!(left.starts_with("api.py:4:"), "{left}");

    // The body is the upgrade report: the rewrites by change, the stage with its import
    // command, and the state steps.
    assert!(
        body.starts_with("<!-- infra-fix upgrade -->\n## infra-fix: upgrade to pulumi-aws 7\n\n4 changes rewritten in 3 files; 1 finding left to a person.\n"),
        "{body}"
    );
    assert!(
        body.contains("| row 35: `ec2.Eip(vpc=True)` -> `domain=\"vpc\"` | 1 | `__main__.py` |"),
        "{body}"
    );
    assert!(body.contains("| row 1: Provider role chaining: `assume_role` -> `assume_roles` | 1 | `Pulumi.dev.yaml` |"), "{body}");
    assert!(body.contains("- `api.py` line 4: "), "{body}");
    assert!(
        body.contains("`pulumi import aws:apigateway/stage:Stage prod <rest api id>/prod`"),
        "{body}"
    );
    assert!(
        body.contains("run `pulumi up --refresh --run-program` once"),
        "{body}"
    );
    assert!(body.contains("**If it shows a replace, stop**"), "{body}");

    // Again with nothing new on main: the same upgrade, nothing pushed.
    let second = clone(root, "run2");
    let (outputs, body_again, _) = bot_with(&second, &["--upgrade", "7"]);
    assert_eq!(outputs["changed"], "true");
    assert_eq!(outputs["pushed"], "false");
    assert_eq!(body_again, body);
    assert_eq!(
        remote_branch_named(root, UPGRADE).as_deref(),
        Some(pushed.as_str())
    );

    // Merged: the project is on 7, and the next upgrade run changes nothing.
    git(
        &check,
        &["push", "-q", "origin", &format!("{UPGRADE}:main")],
    );
    let third = clone(root, "run3");
    let (outputs, _, _) = bot_with(&third, &["--upgrade", "7"]);
    assert_eq!(outputs["changed"], "false");
    assert_eq!(outputs["pushed"], "false");
    assert_eq!(git(&third, &["status", "--porcelain"]), "");
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
