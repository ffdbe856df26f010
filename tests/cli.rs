//! End-to-end runs of the `infra-fix` binary on temporary trees: exit codes, diffs that
//! `git apply` accepts, in-place writes, file handling and error reporting.

use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use std::process::{Command, Output, Stdio};

const EIP: &str = "import pulumi_aws as aws\n\neip = aws.ec2.Eip(\"e\", vpc=True)\n";
const EIP_FIXED: &str = "import pulumi_aws as aws\n\neip = aws.ec2.Eip(\"e\", domain=\"vpc\")\n";
const CLEAN: &str = "import pulumi_aws as aws\n\neip = aws.ec2.Eip(\"e\", domain=\"vpc\")\n";
/// A dependency file that pins the project to pulumi-aws 6, where `vpc` is deprecated.
const PULUMI_AWS_6: &[u8] = b"pulumi-aws>=6.0.0,<7.0.0\n";
const ECR: &str = "import pulumi_aws as aws\n\nrepo = aws.ecr.Repository(\"r\")\n";

fn infra_fix(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_infra-fix"))
        .args(args)
        .current_dir(dir)
        .output()
        .expect("binary runs")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// A temporary tree with the given files.
fn tree(files: &[(&str, &[u8])]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (path, contents) in files {
        let path = dir.path().join(path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, contents).unwrap();
    }
    dir
}

fn read(dir: &Path, path: &str) -> String {
    std::fs::read_to_string(dir.join(path)).unwrap()
}

#[test]
fn exit_codes_follow_the_spec() {
    let clean = tree(&[("main.py", CLEAN.as_bytes())]);
    for mode in ["--dry-run", "--check", "--write"] {
        let out = infra_fix(clean.path(), &[mode]);
        assert_eq!(
            out.status.code(),
            Some(0),
            "{mode} on a clean tree: {}",
            stderr(&out)
        );
        assert_eq!(stdout(&out), "", "{mode} prints nothing on a clean tree");
    }
    let dirty = tree(&[("main.py", EIP.as_bytes())]);
    assert_eq!(infra_fix(dirty.path(), &["--check"]).status.code(), Some(1));
    assert_eq!(
        infra_fix(dirty.path(), &[]).status.code(),
        Some(1),
        "--dry-run is the default"
    );
    assert_eq!(
        read(dirty.path(), "main.py"),
        EIP,
        "dry-run and check change nothing"
    );
    // --write: 0 once nothing remains.
    assert_eq!(infra_fix(dirty.path(), &["--write"]).status.code(), Some(0));
    assert_eq!(read(dirty.path(), "main.py"), EIP_FIXED);
    // Findings that need --unsafe-fixes remain: 1.
    let unsafe_only = tree(&[("main.py", ECR.as_bytes())]);
    let out = infra_fix(unsafe_only.path(), &["--write"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("1 needs --unsafe-fixes"),
        "{}",
        stderr(&out)
    );
    assert_eq!(
        read(unsafe_only.path(), "main.py"),
        ECR,
        "unsafe fixes need the flag"
    );
    assert_eq!(
        infra_fix(unsafe_only.path(), &["--write", "--unsafe-fixes"])
            .status
            .code(),
        Some(0)
    );
    assert!(read(unsafe_only.path(), "main.py").contains("force_delete=True"));
    // Bad arguments: 2.
    assert_eq!(
        infra_fix(clean.path(), &["--select", "no-such-rule"])
            .status
            .code(),
        Some(2)
    );
    assert_eq!(
        infra_fix(clean.path(), &["--write", "--check"])
            .status
            .code(),
        Some(2)
    );
    assert_eq!(
        infra_fix(clean.path(), &["missing.py"]).status.code(),
        Some(2)
    );
}

#[test]
fn git_apply_accepts_the_diff_and_write_changes_exactly_what_it_showed() {
    let example =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("testdata/example-project/__main__.py");
    let program = std::fs::read(&example).unwrap();
    let files: Vec<(&str, &[u8])> = vec![
        ("app/__main__.py", &program),
        ("app/network.py", EIP.as_bytes()),
        ("crlf.py", b"import pulumi_aws as aws\r\n\r\neip = aws.ec2.Eip(\r\n    \"e\",\r\n    vpc=True,\r\n)\r\n"),
        ("bom.py", "\u{feff}import pulumi_aws as aws\n\neip = aws.ec2.Eip('e', vpc=True)\n".as_bytes()),
        ("no_newline.py", b"import pulumi_aws as aws\neip = aws.ec2.Eip('e', vpc=True)"),
    ];
    let applied = tree(&files);
    let written = tree(&files);
    assert!(
        Command::new("git")
            .args(["init", "-q"])
            .current_dir(applied.path())
            .status()
            .unwrap()
            .success()
    );

    let diff = infra_fix(applied.path(), &["--dry-run", "--unsafe-fixes"]);
    assert_eq!(diff.status.code(), Some(1));
    let patch = applied.path().join("fix.patch");
    std::fs::write(&patch, &diff.stdout).unwrap();
    let git = Command::new("git")
        .args(["apply", "fix.patch"])
        .current_dir(applied.path())
        .output()
        .unwrap();
    assert!(
        git.status.success(),
        "git apply rejected the diff: {}",
        stderr(&git)
    );
    std::fs::remove_file(&patch).unwrap();

    let write = infra_fix(written.path(), &["--write", "--unsafe-fixes"]);
    // One finding stays: the container's image comes from the program's own ECR repository,
    // so no health-check command is known to run in it.
    assert_eq!(write.status.code(), Some(1), "{}", stderr(&write));
    assert!(
        stderr(&write).contains(": ecs-container-health-check ")
            && stderr(&write).contains("(1 remaining)"),
        "{}",
        stderr(&write)
    );
    for (path, _) in &files {
        let a = std::fs::read(applied.path().join(path)).unwrap();
        let w = std::fs::read(written.path().join(path)).unwrap();
        assert_eq!(a, w, "{path}: --write differs from the applied diff");
    }
    let crlf = std::fs::read(written.path().join("crlf.py")).unwrap();
    assert!(
        crlf.windows(2).filter(|w| w == b"\r\n").count() == 6
            && !String::from_utf8_lossy(&crlf).contains("vpc=True")
    );
    assert!(
        read(written.path(), "bom.py").starts_with("\u{feff}import"),
        "BOM kept"
    );
    assert_eq!(
        read(written.path(), "bom.py")
            .matches("domain='vpc'")
            .count(),
        1,
        "the file's quote style"
    );
    assert!(
        !read(written.path(), "no_newline.py").ends_with('\n'),
        "no newline added at the end"
    );
    // A second run finds only the health check that no fix covers.
    let again = infra_fix(
        written.path(),
        &["--check", "--output-format=concise", "--unsafe-fixes"],
    );
    let findings = stdout(&again);
    assert_eq!(findings.lines().count(), 1, "{findings}");
    assert!(
        findings.contains(": ecs-container-health-check ") && !findings.contains("[*]"),
        "{findings}"
    );
    assert_eq!(again.status.code(), Some(1), "{findings}");
}

#[test]
fn walking_honours_gitignore_and_skips_virtualenvs_but_reads_explicit_files() {
    let dir = tree(&[
        (".gitignore", b"generated/\n"),
        ("main.py", EIP.as_bytes()),
        ("generated/out.py", EIP.as_bytes()),
        ("venv/lib/x.py", EIP.as_bytes()),
        (".venv/lib/x.py", EIP.as_bytes()),
        ("node_modules/x.py", EIP.as_bytes()),
        (".hidden/x.py", EIP.as_bytes()),
        ("stubs.pyi", EIP.as_bytes()),
    ]);
    let out = infra_fix(dir.path(), &["--check", "--output-format=concise"]);
    let text = stdout(&out);
    let lines: Vec<&str> = text.lines().map(|l| l.split(':').next().unwrap()).collect();
    assert_eq!(lines, vec!["main.py"]);
    let out = infra_fix(
        dir.path(),
        &["--check", "--output-format=concise", "generated/out.py"],
    );
    assert!(
        stdout(&out).starts_with("generated/out.py:3:"),
        "{}",
        stdout(&out)
    );
}

#[test]
fn bad_files_are_reported_and_the_rest_is_fixed() {
    let dir = tree(&[
        ("a_good.py", EIP.as_bytes()),
        (
            "b_latin1.py",
            b"import pulumi_aws as aws\n# caf\xe9\neip = aws.ec2.Eip('e', vpc=True)\n",
        ),
        (
            "c_syntax.py",
            b"import pulumi_aws as aws\n\ndef broken(:\n    aws.ec2.Eip('e', vpc=True)\n",
        ),
        ("d_readonly.py", EIP.as_bytes()),
        ("e_not_pulumi.py", b"def broken(:\n"),
    ]);
    let readonly = dir.path().join("d_readonly.py");
    std::fs::set_permissions(&readonly, std::fs::Permissions::from_mode(0o444)).unwrap();
    let before: Vec<Vec<u8>> = ["b_latin1.py", "c_syntax.py", "d_readonly.py"]
        .iter()
        .map(|p| std::fs::read(dir.path().join(p)).unwrap())
        .collect();

    let out = infra_fix(dir.path(), &["--write"]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    let err = stderr(&out);
    let error_lines: Vec<&str> = err.lines().filter(|l| l.starts_with("error: ")).collect();
    assert_eq!(error_lines.len(), 3, "one line per bad file:\n{err}");
    assert!(err.contains("error: b_latin1.py: not valid UTF-8"), "{err}");
    assert!(
        err.contains("error: c_syntax.py: syntax error at 3:"),
        "{err}"
    );
    assert!(
        err.contains("error: d_readonly.py: file is read-only"),
        "{err}"
    );
    assert_eq!(
        read(dir.path(), "a_good.py"),
        EIP_FIXED,
        "the good file is fixed"
    );
    for (p, bytes) in ["b_latin1.py", "c_syntax.py", "d_readonly.py"]
        .iter()
        .zip(&before)
    {
        assert_eq!(
            &std::fs::read(dir.path().join(p)).unwrap(),
            bytes,
            "{p} left untouched"
        );
    }
    assert_eq!(
        std::fs::metadata(&readonly).unwrap().permissions().mode() & 0o777,
        0o444
    );
    // The summary puts the errors first and counts the files checked: the good one, the
    // read-only one (checked, not written) and the one without pulumi_aws.
    assert!(
        err.contains(
            "\n3 errors (below); fixed 1 finding in 1 file (1 remaining) of the 3 files checked.\n"
        ),
        "{err}"
    );
}

#[test]
fn a_run_with_errors_is_never_summed_up_as_no_findings() {
    let dir = tree(&[
        ("a_clean.py", CLEAN.as_bytes()),
        ("b_syntax.py", b"import pulumi_aws as aws\n\ndef broken(:\n"),
    ]);
    for mode in ["--check", "--dry-run", "--write"] {
        let out = infra_fix(dir.path(), &[mode, "--no-cache"]);
        assert_eq!(out.status.code(), Some(2), "{mode}");
        assert_eq!(
            stderr(&out),
            "1 error (below); no findings in the 1 file checked.\n\
             error: b_syntax.py: syntax error at 3:12; left untouched, fix it or list the file in .ignore\n",
            "{mode}"
        );
    }
    // Nothing could be checked at all.
    let only_broken = tree(&[("b_syntax.py", b"import pulumi_aws as aws\n\ndef broken(:\n")]);
    let out = infra_fix(only_broken.path(), &["--check"]);
    assert!(
        stderr(&out).starts_with("1 error (below); no file checked.\n"),
        "{}",
        stderr(&out)
    );
    // The pull-request body does not say "nothing to fix" either.
    let out = infra_fix(dir.path(), &["--write", "--format", "markdown"]);
    let body = stdout(&out);
    assert!(
        body.starts_with(
            "<!-- infra-fix -->\n## infra-fix: no findings, 1 error\n\nNo findings in the files checked; the errors listed below kept infra-fix from checking or writing some files.\n\n### Not processed\n\n- `b_syntax.py`: syntax error"
        ),
        "{body}"
    );
}

#[test]
fn write_keeps_permissions_and_leaves_no_temporary_files() {
    let dir = tree(&[("main.py", EIP.as_bytes())]);
    let path = dir.path().join("main.py");
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o751)).unwrap();
    assert_eq!(
        infra_fix(dir.path(), &["--write", "--quiet", "--no-cache"])
            .status
            .code(),
        Some(0)
    );
    assert_eq!(
        std::fs::metadata(&path).unwrap().permissions().mode() & 0o777,
        0o751
    );
    let names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, vec!["main.py".to_string()]);
}

#[test]
fn check_lines_and_json_report() {
    let dir = tree(&[
        ("requirements.txt", PULUMI_AWS_6),
        ("main.py", EIP.as_bytes()),
        ("repo.py", ECR.as_bytes()),
    ]);
    // ruff's `full` format: each finding's line with a caret under the span.
    let out = infra_fix(dir.path(), &["--check"]);
    assert_eq!(
        stdout(&out),
        "main.py:3:24: eip-domain-vpc `vpc=True` is deprecated in pulumi-aws 6 and removed in 7 (TypeError); use `domain=\"vpc\"` [*]\n\
         \x20 |\n\
         3 | eip = aws.ec2.Eip(\"e\", vpc=True)\n\
         \x20 |                        ^^^^^^^^\n\
         \x20 |\n\
         \n\
         repo.py:3:8: ecr-force-delete ECR repository without `force_delete=True`: deleting or replacing it fails with RepositoryNotEmptyException once it holds images (fix available with --unsafe-fixes)\n\
         \x20 |\n\
         3 | repo = aws.ecr.Repository(\"r\")\n\
         \x20 |        ^^^^^^^^^^^^^^^^^^^^^^^\n\
         \x20 |\n\
         \n"
    );
    // `--output-format concise` (ruff's name; `--format concise` too): one line per finding.
    let out = infra_fix(dir.path(), &["--check", "--output-format", "concise"]);
    assert_eq!(
        stdout(&out),
        "main.py:3:24: eip-domain-vpc `vpc=True` is deprecated in pulumi-aws 6 and removed in 7 (TypeError); use `domain=\"vpc\"` [*]\n\
         repo.py:3:8: ecr-force-delete ECR repository without `force_delete=True`: deleting or replacing it fails with RepositoryNotEmptyException once it holds images (fix available with --unsafe-fixes)\n"
    );
    assert_eq!(
        stdout(&infra_fix(dir.path(), &["--check", "--format", "concise"])),
        stdout(&out)
    );
    let out = infra_fix(dir.path(), &["--check", "--format", "json"]);
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).expect("one JSON document");
    assert_eq!(doc["version"], 1);
    let findings = doc["findings"].as_array().unwrap();
    assert_eq!(findings.len(), 2);
    let eip = &findings[0];
    assert_eq!(
        (eip["rule"].as_str(), eip["path"].as_str()),
        (Some("eip-domain-vpc"), Some("main.py"))
    );
    assert_eq!(
        (eip["line"].as_u64(), eip["column"].as_u64()),
        (Some(3), Some(24))
    );
    assert_eq!(
        (eip["end_line"].as_u64(), eip["end_column"].as_u64()),
        (Some(3), Some(32))
    );
    assert_eq!(eip["severity"], "warning");
    assert_eq!(eip["fix"]["applicability"], "safe");
    assert_eq!(eip["fix"]["applied"], false);
    assert_eq!(eip["fix"]["edits"][0]["content"], "domain=\"vpc\"");
    assert_eq!(findings[1]["fix"]["applicability"], "unsafe");
    assert_eq!(doc["files_changed"].as_array().unwrap().len(), 0);

    let out = infra_fix(dir.path(), &["--write", "--format", "json"]);
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(doc["files_changed"], serde_json::json!(["main.py"]));
    assert_eq!(doc["findings"][0]["fix"]["applied"], true);
    assert_eq!(doc["findings"][1]["fix"]["applied"], false);
}

#[test]
fn select_and_ignore_choose_rules() {
    let dir = tree(&[
        ("requirements.txt", PULUMI_AWS_6),
        ("main.py", EIP.as_bytes()),
        ("repo.py", ECR.as_bytes()),
    ]);
    let rules = |args: &[&str]| -> Vec<String> {
        let mut all = vec!["--check", "--output-format=concise"];
        all.extend_from_slice(args);
        stdout(&infra_fix(dir.path(), &all))
            .lines()
            .map(|l| l.split(' ').nth(1).unwrap().to_string())
            .collect()
    };
    assert_eq!(
        rules(&["--select", "ecr-force-delete"]),
        vec!["ecr-force-delete"]
    );
    assert_eq!(
        rules(&["--ignore", "ecr-force-delete"]),
        vec!["eip-domain-vpc"]
    );
    assert_eq!(
        rules(&[
            "--select",
            "ALL",
            "--ignore",
            "eip-domain-vpc,ecr-force-delete"
        ]),
        // Without eip-domain-vpc, the schema rule reports the deprecated argument.
        vec!["deprecated-argument"]
    );
    // On pulumi-aws 7 (also the default when nothing is pinned) `vpc` is gone: one finding,
    // from `unknown-argument`, with the same fix.
    let newest = tree(&[("main.py", EIP.as_bytes())]);
    let out = infra_fix(newest.path(), &["--check", "--output-format=concise"]);
    assert!(
        stdout(&out).starts_with(
            "main.py:3:24: unknown-argument `ec2.Eip` takes no argument `vpc` in pulumi-aws 7"
        ),
        "{}",
        stdout(&out)
    );
    assert_eq!(stdout(&out).lines().count(), 1);
    let out = infra_fix(dir.path(), &["--ignore", "eip-domain-vcp"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("unknown rule `eip-domain-vcp`"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn standard_input_in_and_out() {
    let run = |args: &[&str], input: &str| -> Output {
        let mut child = Command::new(env!("CARGO_BIN_EXE_infra-fix"))
            .args(args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        use std::io::Write;
        child
            .stdin
            .take()
            .unwrap()
            .write_all(input.as_bytes())
            .unwrap();
        child.wait_with_output().unwrap()
    };
    let out = run(&["--write", "-"], EIP);
    assert_eq!(
        (out.status.code(), stdout(&out)),
        (Some(0), EIP_FIXED.to_string())
    );
    let out = run(&["-", "--stdin-filename", "infra/net.py"], EIP);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stdout(&out).starts_with("--- a/infra/net.py\n+++ b/infra/net.py\n"),
        "{}",
        stdout(&out)
    );
    let out = run(&["--write", "-"], "print('not pulumi')\n");
    assert_eq!(
        (out.status.code(), stdout(&out)),
        (Some(0), "print('not pulumi')\n".to_string())
    );
}

#[test]
fn standard_input_over_the_size_limit_passes_through_unchecked() {
    let limit = infra_fix::walk::MAX_FILE_SIZE as usize;
    let mut input = EIP.as_bytes().to_vec();
    input.resize(limit + 4096, b'\n');
    let mut child = Command::new(env!("CARGO_BIN_EXE_infra-fix"))
        .args(["--write", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let sent = input.clone();
    // Written from another thread: the output comes back while the input still goes in.
    let writer = std::thread::spawn(move || {
        use std::io::Write;
        stdin.write_all(&sent).unwrap();
    });
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout == input, "the input comes back byte for byte");
    assert_eq!(
        stderr(&out),
        "error: -: larger than the 64 MB infra-fix reads; passed through unchecked\n"
    );
}

#[test]
fn list_rules_and_explain_come_from_the_registry() {
    let dir = tempfile::tempdir().unwrap();
    let out = infra_fix(dir.path(), &["--list-rules"]);
    for id in [
        "eip-domain-vpc",
        "ecr-force-delete",
        "rds-backup-retention",
        "ecs-service-deployment-config",
        "sg-rule-description",
    ] {
        assert!(
            stdout(&out).lines().any(|l| l.starts_with(id)),
            "{id} missing from --list-rules"
        );
    }
    let out = infra_fix(dir.path(), &["explain", "eip-domain-vpc"]);
    assert_eq!(out.status.code(), Some(0));
    let text = stdout(&out);
    assert!(
        text.starts_with("# eip-domain-vpc\n") && text.contains("## Fix safety"),
        "{text}"
    );
    assert_eq!(
        infra_fix(dir.path(), &["explain", "nope"]).status.code(),
        Some(2)
    );
}

#[test]
fn output_is_sorted_and_the_same_whatever_the_thread_count() {
    let names: Vec<String> = (0..60)
        .map(|i| format!("pkg{}/m{:02}.py", i % 7, (i * 37) % 60))
        .collect();
    let files: Vec<(&str, &[u8])> = names.iter().map(|n| (n.as_str(), EIP.as_bytes())).collect();
    let dir = tree(&files);
    let one = infra_fix(dir.path(), &["--jobs", "1"]);
    let two = infra_fix(dir.path(), &["--jobs", "2"]);
    let many = infra_fix(dir.path(), &["--jobs", "8"]);
    assert_eq!(stdout(&one), stdout(&two));
    assert_eq!(stdout(&one), stdout(&many));
    let text = stdout(&one);
    let headers: Vec<&str> = text
        .lines()
        .filter(|l| l.starts_with("--- a/"))
        .map(|l| &l[6..])
        .collect::<Vec<_>>();
    let mut sorted = headers.clone();
    sorted.sort();
    assert_eq!(headers, sorted);
    assert_eq!(headers.len(), 60);
}

#[test]
fn suppression_comments_silence_findings() {
    let dir = tree(&[
        ("requirements.txt", PULUMI_AWS_6),
        (
            "main.py",
            b"import pulumi_aws as aws\n\na = aws.ec2.Eip('a', vpc=True)  # infra-fix: ignore[eip-domain-vpc]\n# infra-fix: ignore\nb = aws.ec2.Eip('b', vpc=True)\n",
        ),
    ]);
    assert_eq!(infra_fix(dir.path(), &["--check"]).status.code(), Some(0));
    let dir = tree(&[(
        "main.py",
        format!("# infra-fix: ignore-file\n{EIP}").as_bytes(),
    )]);
    assert_eq!(infra_fix(dir.path(), &["--check"]).status.code(), Some(0));
}

/// Issue 14: an id in an ignore comment that names no rule is a warning with the id meant; the
/// file is checked all the same, and the exit code is the findings'.
#[test]
fn unknown_ids_in_ignore_comments_are_warnings_naming_the_rule_meant() {
    let program = "import pulumi_aws as aws\n\nrepo = aws.ecr.Repository(\"r\")  # infra-fix: ignore[ecr-force-delet]\n# infra-fix: ignore[eip-domain-vpc, nothing-like-it]\neip = aws.ec2.Eip(\"e\", domain=\"vpc\")\n";
    let dir = tree(&[("main.py", program.as_bytes())]);
    let out = infra_fix(dir.path(), &["--check"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    // The misspelt id suppresses nothing: the repository is reported.
    assert!(stdout(&out).starts_with("main.py:3:8: ecr-force-delete "));
    let err = stderr(&out);
    let warnings: Vec<&str> = err.lines().filter(|l| l.starts_with("warning:")).collect();
    assert_eq!(
        warnings,
        [
            "warning: main.py:3: unknown rule `ecr-force-delet` (did you mean `ecr-force-delete`?) in an ignore comment suppresses nothing; `infra-fix --list-rules` lists them",
            "warning: main.py:4: unknown rule `nothing-like-it` in an ignore comment suppresses nothing; `infra-fix --list-rules` lists them",
        ]
    );
    // The same on a second run, when the cache knows the file; none with --quiet.
    let again = infra_fix(dir.path(), &["--check"]);
    assert_eq!(stderr(&again).matches("warning:").count(), 2);
    let quiet = infra_fix(dir.path(), &["--check", "--quiet"]);
    assert!(!stderr(&quiet).contains("warning:"));
    // Every id known: no warning.
    let known = tree(&[(
        "main.py",
        b"import pulumi_aws as aws\n\nrepo = aws.ecr.Repository(\"r\")  # infra-fix: ignore[ecr-force-delete]\n",
    )]);
    let out = infra_fix(known.path(), &["--check"]);
    assert_eq!(out.status.code(), Some(0));
    assert!(!stderr(&out).contains("warning:"), "{}", stderr(&out));
}

/// Issue 14: `unused-ignore` is off by default; selected, it reports the ids that suppressed
/// nothing among the rules that ran, and `--write` removes them.
#[test]
fn unused_ignore_reports_and_removes_ignores_that_suppress_nothing() {
    let program = "import pulumi_aws as aws\n\nrepo = aws.ecr.Repository(\"r\")  # infra-fix: ignore[ecr-force-delete, eip-domain-vpc]\nbucket = aws.s3.Bucket(\"b\")  # infra-fix: ignore[ecr-force-delete]  # legacy\n";
    let dir = tree(&[("main.py", program.as_bytes())]);
    let out = infra_fix(dir.path(), &["--check"]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "off by default: {}",
        stdout(&out)
    );
    let concise = "--output-format=concise";
    let out = infra_fix(
        dir.path(),
        &["--check", concise, "--extend-select", "unused-ignore"],
    );
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert_eq!(
        stdout(&out),
        "main.py:3:33: unused-ignore ignore comment for `eip-domain-vpc` suppresses nothing: no finding of that rule on the line it covers [*]\n\
         main.py:4:30: unused-ignore ignore comment for `ecr-force-delete` suppresses nothing: no finding of that rule on the line it covers [*]\n"
    );
    // A rule that does not run: its ignore is not unused.
    let out = infra_fix(dir.path(), &["--check", "--select", "unused-ignore"]);
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    let rules = "eip-domain-vpc,ecr-force-delete,unused-ignore";
    let out = infra_fix(dir.path(), &["--write", "--select", rules]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(
        read(dir.path(), "main.py"),
        "import pulumi_aws as aws\n\nrepo = aws.ecr.Repository(\"r\")  # infra-fix: ignore[ecr-force-delete]\nbucket = aws.s3.Bucket(\"b\")  # legacy\n"
    );
}

/// Issue 14: `--add-ignore` writes an ignore comment on each finding's line (merged into the
/// line's ignore comment, after any other comment, CRLF, BOM and tabs kept) as
/// `testdata/add-ignore/<case>.ignored.py` shows, fixes nothing, exits 0 as ruff's `--add-noqa`,
/// and a second run adds nothing. `UPDATE_GOLDEN=1` rewrites the expected files.
#[test]
fn add_ignore_writes_a_baseline_that_silences_every_finding() {
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("testdata/add-ignore");
    let cases = ["program", "crlf_bom"];
    let inputs: Vec<(String, Vec<u8>)> = cases
        .iter()
        .map(|c| {
            let name = format!("{c}.py");
            (name.clone(), std::fs::read(fixtures.join(&name)).unwrap())
        })
        .collect();
    let files: Vec<(&str, &[u8])> = inputs
        .iter()
        .map(|(n, b)| (n.as_str(), b.as_slice()))
        .collect();
    let dir = tree(&files);
    let before = infra_fix(dir.path(), &["--check", "--no-cache"]);
    assert_eq!(before.status.code(), Some(1));
    let out = infra_fix(dir.path(), &["--add-ignore"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(stdout(&out), "");
    assert_eq!(stderr(&out), "Added 9 ignore comments to 2 files.\n");
    for case in cases {
        let written = std::fs::read(dir.path().join(format!("{case}.py"))).unwrap();
        let expected_path = fixtures.join(format!("{case}.ignored.py"));
        if std::env::var_os("UPDATE_GOLDEN").is_some() {
            std::fs::write(&expected_path, &written).unwrap();
            continue;
        }
        assert!(
            written == std::fs::read(&expected_path).unwrap(),
            "{case}.py differs from {}:\n{}",
            expected_path.display(),
            String::from_utf8_lossy(&written)
        );
    }
    // Every finding is silenced, and a second run has nothing to add.
    let check = infra_fix(dir.path(), &["--check", "--no-cache"]);
    assert_eq!(check.status.code(), Some(0), "{}", stdout(&check));
    let again = infra_fix(dir.path(), &["--add-ignore"]);
    assert_eq!(again.status.code(), Some(0));
    assert_eq!(stderr(&again), "");
    for case in cases {
        let name = format!("{case}.py");
        let now = std::fs::read(dir.path().join(&name)).unwrap();
        assert!(now == std::fs::read(fixtures.join(format!("{case}.ignored.py"))).unwrap());
    }
    // A finding only the call's first line can take, or none: a warning names it.
    let dir = tree(&[(
        "main.py",
        b"import pulumi_aws as aws\n\nrepo = aws.ecr.Repository(\"r\", description=\"\"\"a\nb\"\"\") if True else \\\n    None\n",
    )]);
    let out = infra_fix(
        dir.path(),
        &["--add-ignore", "--select", "unknown-argument"],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        stderr(&out).starts_with(
            "warning: main.py:3: no line to put `# infra-fix: ignore[unknown-argument]` on"
        ),
        "{}",
        stderr(&out)
    );
    // It fixes nothing, so it goes with no mode, and takes no standard input.
    let out = infra_fix(dir.path(), &["--add-ignore", "--write"]);
    assert_eq!(out.status.code(), Some(2));
    let out = infra_fix(dir.path(), &["--add-ignore", "-"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("cannot take standard input"));
}

/// Issue 3: the acceptance cases, with the major read from each project's dependency file.
#[test]
fn schema_rules_follow_each_projects_pulumi_aws_major() {
    let program = b"import pulumi_aws as aws\n\ncommon = {\"cluster\": \"c\"}\neip = aws.ec2.Eip(\"e\", vpc=True)\nbucket = aws.s3.Bucket(\"b\", bukcet=\"x\")\nservice = aws.ecs.Service(\"s\", **common)\n";
    let dir = tree(&[
        ("v7/requirements.txt", b"pulumi-aws>=7,<8\n"),
        ("v7/__main__.py", program),
        (
            "v6/pyproject.toml",
            b"[project]\ndependencies = [\"pulumi-aws>=6.0.0,<7.0.0\"]\n",
        ),
        ("v6/__main__.py", program),
    ]);
    let select = "unknown-argument,unknown-resource,deprecated-argument";
    let out = infra_fix(
        dir.path(),
        &["--check", "--output-format=concise", "--select", select],
    );
    let lines: Vec<String> = stdout(&out)
        .lines()
        .map(|l| l.split(' ').take(2).collect::<Vec<_>>().join(" "))
        .collect();
    assert_eq!(
        lines,
        [
            "v6/__main__.py:4:24: deprecated-argument",
            "v6/__main__.py:5:29: unknown-argument",
            "v7/__main__.py:4:24: unknown-argument",
            "v7/__main__.py:5:29: unknown-argument",
        ],
        "{}",
        stdout(&out)
    );
    assert!(stdout(&out).contains("in pulumi-aws 7 (7.51.1)"));
    assert_eq!(out.status.code(), Some(1));

    // With every rule on, `vpc` still makes one finding per file: the catalog rule's where it
    // is deprecated, unknown-argument's where it is gone.
    let out = infra_fix(dir.path(), &["--check", "--select", "ALL"]);
    let text = stdout(&out);
    let vpc: Vec<&str> = text.lines().filter(|l| l.contains("`vpc")).collect();
    assert_eq!(vpc.len(), 2, "{}", stdout(&out));
    assert!(
        vpc[0].starts_with("v6/__main__.py:4:24: eip-domain-vpc "),
        "{}",
        vpc[0]
    );
    assert!(
        vpc[1].starts_with("v7/__main__.py:4:24: unknown-argument "),
        "{}",
        vpc[1]
    );

    // --pulumi-aws-version overrides the dependency files.
    let out = infra_fix(
        dir.path(),
        &["--check", "--select", select, "--pulumi-aws-version", "6"],
    );
    assert!(!stdout(&out).contains("pulumi-aws 7"), "{}", stdout(&out));
    let out = infra_fix(dir.path(), &["--check", "--pulumi-aws-version", "5"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn json_reports_each_rules_severity() {
    let dir = tree(&[(
        "main.py",
        b"import pulumi_aws as aws\n\nbucket = aws.s3.Bucket(\"b\", bukcet=\"x\")\nrepo = aws.ecr.Repository(\"r\")\n",
    )]);
    let out = infra_fix(dir.path(), &["--check", "--format", "json"]);
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let severities: Vec<(String, String)> = doc["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["rule"].as_str().unwrap().to_string(),
                f["severity"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    assert_eq!(
        severities,
        [
            ("unknown-argument".to_string(), "error".to_string()),
            ("ecr-force-delete".to_string(), "warning".to_string()),
        ]
    );
}

#[test]
fn the_nearest_configuration_governs_each_file() {
    let dir = tree(&[
        // A pyproject.toml without [tool.infra-fix] is not a configuration: the search goes on.
        (
            "pyproject.toml",
            b"[tool.infra-fix]\nselect = [\"ecr-force-delete\"]\n",
        ),
        ("main.py", format!("{EIP}{}", &ECR[25..]).as_bytes()),
        ("app/pyproject.toml", b"[project]\nname = \"app\"\n"),
        ("app/main.py", format!("{EIP}{}", &ECR[25..]).as_bytes()),
        ("stack/infra-fix.toml", b"select = [\"eip-domain-vpc\"]\n"),
        ("stack/main.py", format!("{EIP}{}", &ECR[25..]).as_bytes()),
    ]);
    let out = infra_fix(dir.path(), &["--check", "--output-format=concise"]);
    let rules: Vec<String> = stdout(&out)
        .lines()
        .map(|l| {
            let (path, rest) = l.split_once(':').unwrap();
            format!("{path} {}", rest.split(' ').nth(1).unwrap())
        })
        .collect();
    assert_eq!(
        rules,
        [
            "app/main.py ecr-force-delete",
            "main.py ecr-force-delete",
            "stack/main.py eip-domain-vpc"
        ]
    );
    // --config replaces them all; the command line's --select wins over it.
    std::fs::write(
        dir.path().join("only-ecr.toml"),
        "select = [\"ecr-force-delete\"]\n",
    )
    .unwrap();
    let out = infra_fix(
        dir.path(),
        &[
            "--check",
            "--output-format=concise",
            "--config",
            "only-ecr.toml",
        ],
    );
    assert_eq!(stdout(&out).lines().count(), 3);
    assert!(
        stdout(&out)
            .lines()
            .all(|l| l.contains(" ecr-force-delete "))
    );
    let out = infra_fix(
        dir.path(),
        &[
            "--check",
            "--output-format=concise",
            "--config",
            "only-ecr.toml",
            "--select",
            "eip-domain-vpc",
        ],
    );
    assert!(stdout(&out).lines().all(|l| l.contains(" eip-domain-vpc ")));
}

#[test]
fn rule_options_and_fix_applicability_come_from_the_configuration() {
    let program = "import pulumi_aws as aws\n\nrepo = aws.ecr.Repository(\"r\")\ndb = aws.rds.Instance(\"db\", engine=\"postgres\", maintenance_window=\"mon:05:00-mon:06:00\")\nsvc = aws.ecs.Service(\"s\", cluster=\"c\")\n";
    let dir = tree(&[
        (
            "infra-fix.toml",
            b"extend-safe-fixes = [\"ecr-force-delete\"]\n\
              [rules.ecr-force-delete]\nimage-tag-mutability = \"IMMUTABLE\"\n\
              [rules.rds-backup-retention]\nretention-days = 14\nbackup-window = \"05:30-06:00\"\n\
              [rules.ecs-service-deployment-config]\nmaximum-percent = 150\nminimum-healthy-percent = 50\n",
        ),
        ("main.py", program.as_bytes()),
    ]);
    // ECR's unsafe fix was made safe: --write applies it without --unsafe-fixes.
    let out = infra_fix(dir.path(), &["--write"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(
        read(dir.path(), "main.py"),
        "import pulumi_aws as aws\n\nrepo = aws.ecr.Repository(\"r\", image_tag_mutability=\"IMMUTABLE\", force_delete=True)\n\
         db = aws.rds.Instance(\n    \"db\",\n    engine=\"postgres\",\n    maintenance_window=\"mon:05:00-mon:06:00\",\n    \
         backup_retention_period=14,\n    backup_window=\"03:00-04:00\",\n)\n\
         svc = aws.ecs.Service(\n    \"s\",\n    cluster=\"c\",\n    deployment_maximum_percent=150,\n    \
         deployment_minimum_healthy_percent=50,\n)\n"
    );
    // Above, the configured backup window overlapped the existing maintenance window, so the
    // usual hours were used; where nothing is set, the configured window is.
    let dir = tree(&[
        (
            "infra-fix.toml",
            b"[rules.rds-backup-retention]\nbackup-window = \"05:30-06:00\"\n",
        ),
        (
            "main.py",
            b"import pulumi_aws as aws\n\ndb = aws.rds.Instance(\"db\", maintenance_window=\"mon:05:00-mon:06:00\")\nok = aws.rds.Instance(\"ok\")\n",
        ),
    ]);
    infra_fix(dir.path(), &["--write"]);
    let text = read(dir.path(), "main.py");
    assert!(text.contains("    maintenance_window=\"mon:05:00-mon:06:00\",\n    backup_retention_period=7,\n    backup_window=\"03:00-04:00\",\n)"), "{text}");
    assert!(text.contains("    \"ok\",\n    backup_retention_period=7,\n    backup_window=\"05:30-06:00\",\n    maintenance_window=\"mon:04:00-mon:05:00\",\n)"), "{text}");
}

#[test]
fn a_configured_health_check_command_is_used_whatever_the_image() {
    let program = "import json\nimport pulumi_aws as aws\n\n\
        aws.ecs.TaskDefinition(\"t\", family=\"f\", container_definitions=json.dumps([{\"name\": \"api\", \"image\": \"123456789012.dkr.ecr.us-east-1.amazonaws.com/api:1.2\", \"portMappings\": [{\"containerPort\": 8000}]}]))\n";
    let rules = ["--select", "ecs-container-health-check"];
    // By default the tools of a private image cannot be known: reported, not fixed.
    let dir = tree(&[("main.py", program.as_bytes())]);
    let out = infra_fix(
        dir.path(),
        &["--write", "--unsafe-fixes", rules[0], rules[1]],
    );
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("not fixed: image `123456789012.dkr.ecr.us-east-1.amazonaws.com/api:1.2` is in a private ECR repository")
            && stderr(&out).contains("or set this rule's `command` option"),
        "{}",
        stderr(&out)
    );
    assert_eq!(read(dir.path(), "main.py"), program);
    // With `command` configured, the user vouches for the image.
    let dir = tree(&[
        (
            "infra-fix.toml",
            b"[rules.ecs-container-health-check]\npath = \"/ready\"\ncommand = \"/app/healthcheck --port {port} --path {path}\"\n",
        ),
        ("main.py", program.as_bytes()),
    ]);
    let out = infra_fix(
        dir.path(),
        &["--write", "--unsafe-fixes", rules[0], rules[1]],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = read(dir.path(), "main.py");
    assert!(
        text.contains("\"healthCheck\": {\"command\": [\"CMD-SHELL\", \"/app/healthcheck --port 8000 --path /ready\"], \"interval\": 30, \"timeout\": 5, \"retries\": 3, \"startPeriod\": 60}"),
        "{text}"
    );
}

#[test]
fn password_strategy_and_health_check_options_shape_the_fixes() {
    let program = "import json\nimport pulumi\nimport pulumi_aws as aws\n\npw = \"ChangeMe123!\"\ndb = aws.rds.Instance(\"db\", engine=\"postgres\", password=pw)\n\
        aws.ecs.TaskDefinition(\"t\", family=\"f\", container_definitions=json.dumps([{\"name\": \"web\", \"image\": \"nginx\", \"portMappings\": [{\"containerPort\": 8080}]}]))\n";
    let rules = [
        "--select",
        "hardcoded-db-password",
        "--select",
        "ecs-container-health-check",
    ];
    let run = |config: &[u8]| {
        let dir = tree(&[("infra-fix.toml", config), ("main.py", program.as_bytes())]);
        let mut args = vec!["--write", "--unsafe-fixes"];
        args.extend(rules);
        let out = infra_fix(dir.path(), &args);
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        read(dir.path(), "main.py")
    };
    let text = run(b"[rules.hardcoded-db-password]\nstrategy = \"config-secret\"\n\
        [rules.ecs-container-health-check]\npath = \"/ready\"\ninterval = 10\ncommand = \"wget -q -O- http://localhost:{port}{path}\"\n");
    assert!(
        text.contains("pw = pulumi.Config().require_secret(\"pw\")\n"),
        "{text}"
    );
    assert!(
        text.contains("\"healthCheck\": {\"command\": [\"CMD-SHELL\", \"wget -q -O- http://localhost:8080/ready\"], \"interval\": 10, \"timeout\": 5"),
        "{text}"
    );
    let text = run(b"[rules.hardcoded-db-password]\nstrategy = \"secrets\"\n");
    assert!(
        text.contains("import secrets\nimport string\n")
            && text.contains("pw = \"\".join(secrets.choice(string.ascii_letters + string.digits) for _ in range(20))\n"),
        "{text}"
    );
    assert!(
        !text.contains("ChangeMe123!") && !text.contains("import random\n"),
        "{text}"
    );
    // The default: a RandomPassword, and the message never shows the password.
    let dir = tree(&[("main.py", program.as_bytes())]);
    let mut args = vec!["--check"];
    args.extend(rules);
    let out = infra_fix(dir.path(), &args);
    assert!(
        stdout(&out).contains("use a `pulumi_random.RandomPassword`"),
        "{}",
        stdout(&out)
    );
    assert!(!stdout(&out).contains("ChangeMe123!"));
}

#[test]
fn a_broken_configuration_is_reported_and_only_its_files_are_skipped() {
    let dir = tree(&[
        ("main.py", EIP.as_bytes()),
        (
            "stack/infra-fix.toml",
            b"[rules.ecr-force-delete]\nimage-tag-mutability = \"immutable\"\n[rules.health-check]\npath = \"/\"\n",
        ),
        ("stack/a.py", EIP.as_bytes()),
        ("stack/b.py", EIP.as_bytes()),
        ("other/pyproject.toml", b"[tool.infra-fix]\nunsafe_fixes = true\n"),
        ("other/c.py", EIP.as_bytes()),
    ]);
    let out = infra_fix(dir.path(), &["--write"]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    let errors: Vec<&str> = err.lines().filter(|l| l.starts_with("error:")).collect();
    // Every rule of the registry, as `--list-rules` shows them.
    let table = stdout(&infra_fix(dir.path(), &["--list-rules"]));
    let ids: Vec<&str> = table
        .lines()
        .skip(1)
        .filter_map(|l| l.split(' ').next())
        .collect();
    let known = ids.join(", ");
    assert_eq!(
        errors,
        [
            "error: other/pyproject.toml: key `tool.infra-fix.unsafe_fixes`: unknown key (did you mean `unsafe-fixes`?); allowed: select, extend-select, ignore, per-file-ignores, unsafe-fixes, exclude, pulumi-aws-version, extend-safe-fixes, extend-unsafe-fixes, rules",
            "error: stack/infra-fix.toml: key `rules.ecr-force-delete.image-tag-mutability`: must be \"MUTABLE\" or \"IMMUTABLE\", not \"immutable\"",
            &format!(
                "error: stack/infra-fix.toml: key `rules.health-check`: unknown rule; allowed: {known}"
            ),
            "error: other/pyproject.toml: 1 file governed by this configuration not processed",
            "error: stack/infra-fix.toml: 2 files governed by this configuration not processed",
        ],
        "{err}"
    );
    assert_eq!(
        read(dir.path(), "main.py"),
        EIP_FIXED,
        "the rest is processed"
    );
    for skipped in ["stack/a.py", "stack/b.py", "other/c.py"] {
        assert_eq!(read(dir.path(), skipped), EIP, "{skipped} untouched");
    }
    // A broken --config governs everything: nothing is processed.
    let out = infra_fix(dir.path(), &["--write", "--config", "stack/infra-fix.toml"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("error: stack/infra-fix.toml: 4 files governed"));
    let out = infra_fix(dir.path(), &["--check", "--config", "missing.toml"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("error: missing.toml: could not read: no such file or folder"),
        "{}",
        stderr(&out)
    );
    let bad_toml = tree(&[
        ("infra-fix.toml", b"select = [\n"),
        ("main.py", EIP.as_bytes()),
    ]);
    let out = infra_fix(bad_toml.path(), &["--check"]);
    assert!(
        stderr(&out).contains(
            "error: infra-fix.toml: not valid TOML at 1:11: unclosed array, expected `]`\n"
        ),
        "{}",
        stderr(&out)
    );
}

#[test]
fn exclude_skips_walked_files_but_not_named_ones() {
    let dir = tree(&[
        (
            "infra-fix.toml",
            b"exclude = [\"generated\", \"*_test.py\"]\n",
        ),
        ("main.py", EIP.as_bytes()),
        ("generated/out.py", EIP.as_bytes()),
        ("app/stack_test.py", EIP.as_bytes()),
    ]);
    let out = infra_fix(dir.path(), &["--check", "--output-format=concise"]);
    let text = stdout(&out);
    let paths: Vec<&str> = text.lines().map(|l| l.split(':').next().unwrap()).collect();
    assert_eq!(paths, ["main.py"]);
    let out = infra_fix(
        dir.path(),
        &["--check", "--output-format=concise", "generated/out.py"],
    );
    assert!(stdout(&out).starts_with("generated/out.py:3:"));
    // A --config named relative to the current folder: its globs are relative to its folder.
    std::fs::write(
        dir.path().join("app/alt.toml"),
        "exclude = [\"stack_test.py\"]\n",
    )
    .unwrap();
    let out = infra_fix(
        dir.path(),
        &[
            "--check",
            "--output-format=concise",
            "--config",
            "app/alt.toml",
        ],
    );
    let text = stdout(&out);
    let paths: Vec<&str> = text.lines().map(|l| l.split(':').next().unwrap()).collect();
    assert_eq!(paths, ["generated/out.py", "main.py"]);
}

#[test]
fn force_exclude_holds_for_named_files_and_standard_input() {
    // As pre-commit runs it: from the repository's root, every file by name, the project's
    // configuration one folder down.
    let dir = tree(&[
        (
            "infra/pyproject.toml",
            b"[tool.infra-fix]\nexclude = [\"legacy\"]\n",
        ),
        ("infra/main.py", EIP.as_bytes()),
        ("infra/legacy/old.py", EIP.as_bytes()),
    ]);
    let named = ["infra/main.py", "infra/legacy/old.py"];
    let out = infra_fix(
        dir.path(),
        &[&["--check", "--output-format=concise"][..], &named].concat(),
    );
    let text = stdout(&out);
    let paths: Vec<&str> = text.lines().map(|l| l.split(':').next().unwrap()).collect();
    assert_eq!(
        paths,
        ["infra/legacy/old.py", "infra/main.py"],
        "named files are read"
    );
    let out = infra_fix(
        dir.path(),
        &[
            &["--check", "--output-format=concise", "--force-exclude"][..],
            &named,
        ]
        .concat(),
    );
    let text = stdout(&out);
    let paths: Vec<&str> = text.lines().map(|l| l.split(':').next().unwrap()).collect();
    assert_eq!(paths, ["infra/main.py"]);
    // Only excluded files named: nothing to do, nothing written.
    let out = infra_fix(
        dir.path(),
        &["--write", "--force-exclude", "infra/legacy/old.py"],
    );
    assert_eq!((out.status.code(), stdout(&out)), (Some(0), String::new()));
    assert_eq!(read(dir.path(), "infra/legacy/old.py"), EIP);
    // A folder named on the command line is walked as always.
    let out = infra_fix(
        dir.path(),
        &[
            "--check",
            "--output-format=concise",
            "--force-exclude",
            "infra",
        ],
    );
    assert!(
        stdout(&out).starts_with("infra/main.py:3:"),
        "{}",
        stdout(&out)
    );
    assert_eq!(stdout(&out).lines().count(), 1);
    // Standard input standing for an excluded file passes through unchecked.
    let stdin = |extra: &[&str]| {
        let mut child = Command::new(env!("CARGO_BIN_EXE_infra-fix"))
            .args(
                [
                    &["--write", "-", "--stdin-filename", "infra/legacy/old.py"],
                    extra,
                ]
                .concat(),
            )
            .current_dir(dir.path())
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        use std::io::Write;
        child
            .stdin
            .take()
            .unwrap()
            .write_all(EIP.as_bytes())
            .unwrap();
        child.wait_with_output().unwrap()
    };
    let out = stdin(&["--force-exclude"]);
    assert_eq!(
        (out.status.code(), stdout(&out)),
        (Some(0), EIP.to_string())
    );
    let out = stdin(&[]);
    assert_eq!(
        stdout(&out),
        EIP_FIXED,
        "without the flag, standard input is fixed"
    );
}

#[test]
fn version_names_the_release_and_its_pulumi_aws_tables() {
    use infra_fix::pulumi::{Major, Tables};
    let dir = tempfile::tempdir().unwrap();
    let expected = format!(
        "infra-fix {} (pulumi-aws tables {}, {})\n",
        env!("CARGO_PKG_VERSION"),
        Tables::get(Major::V6).version,
        Tables::get(Major::V7).version
    );
    for flag in ["--version", "-V"] {
        let out = infra_fix(dir.path(), &[flag]);
        assert_eq!(
            (out.status.code(), stdout(&out)),
            (Some(0), expected.clone())
        );
    }
}

#[test]
fn colour_only_when_asked_or_at_a_terminal() {
    let dir = tree(&[
        ("requirements.txt", PULUMI_AWS_6),
        ("main.py", EIP.as_bytes()),
    ]);
    let plain = infra_fix(dir.path(), &["--check"]);
    assert!(!plain.stdout.contains(&0x1b) && !plain.stderr.contains(&0x1b));
    let colored = infra_fix(
        dir.path(),
        &["--check", "--output-format=concise", "--color", "always"],
    );
    assert_eq!(
        stdout(&colored),
        "\u{1b}[1mmain.py\u{1b}[0m\u{1b}[2m:\u{1b}[0m\u{1b}[2m3:24:\u{1b}[0m \u{1b}[1m\u{1b}[31meip-domain-vpc\u{1b}[0m `vpc=True` is deprecated in pulumi-aws 6 and removed in 7 (TypeError); use `domain=\"vpc\"`\u{1b}[36m [*]\u{1b}[0m\n"
    );
    let diff = infra_fix(dir.path(), &["--color", "always"]);
    assert!(
        stdout(&diff).contains("\u{1b}[31m-eip = aws.ec2.Eip(\"e\", vpc=True)\u{1b}[0m\n"),
        "{}",
        stdout(&diff)
    );
    assert!(
        stderr(&diff).contains("\u{1b}[1mWould fix 1 finding in 1 file (0 remaining)\u{1b}[0m")
    );
    // --color never, and machine formats, stay plain even when asked.
    let never = infra_fix(dir.path(), &["--check", "--color", "never"]);
    assert_eq!(stdout(&never), stdout(&plain));
    let json = infra_fix(
        dir.path(),
        &["--check", "--format", "json", "--color", "always"],
    );
    assert!(!json.stdout.contains(&0x1b));
    // Writing the report to a file: no colour in it.
    infra_fix(
        dir.path(),
        &["--check", "--color", "always", "--output", "out.txt"],
    );
    assert_eq!(
        std::fs::read(dir.path().join("out.txt")).unwrap(),
        plain.stdout
    );
}

/// Runs infra-fix under a pseudo-terminal (`script`), as a person at a terminal would.
fn at_terminal(dir: &Path, args: &str) -> String {
    let command = format!("{} {args}", env!("CARGO_BIN_EXE_infra-fix"));
    let out = Command::new("script")
        .args(["-qec", &command, "/dev/null"])
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .stdin(Stdio::null())
        .output()
        .expect("script (util-linux) runs");
    stdout(&out)
}

#[test]
fn progress_shows_at_a_terminal_for_many_files_and_never_otherwise() {
    let names: Vec<String> = (0..infra_fix::progress::MIN_FILES)
        .map(|i| format!("m{i:03}.py"))
        .collect();
    let files: Vec<(&str, &[u8])> = names
        .iter()
        .map(|n| (n.as_str(), CLEAN.as_bytes()))
        .collect();
    let dir = tree(&files);
    let shown = at_terminal(dir.path(), "--check");
    assert!(shown.contains(" files"), "{shown:?}");
    assert!(shown.contains("/100 files"), "{shown:?}");
    assert!(
        shown.ends_with("\r\u{1b}[2KNo findings.\r\n"),
        "erased before the summary: {shown:?}"
    );
    assert!(!at_terminal(dir.path(), "--check --quiet").contains("files"));
    let piped = infra_fix(dir.path(), &["--check"]);
    assert_eq!(stderr(&piped), "No findings.\n");
    // Few files: no progress line.
    let small = tree(&[("main.py", CLEAN.as_bytes())]);
    assert_eq!(at_terminal(small.path(), "--check"), "No findings.\r\n");
}

#[test]
fn output_is_printed_batch_by_batch_in_path_order() {
    let count = infra_fix::BATCH * 2 + 7;
    let names: Vec<String> = (0..count).map(|i| format!("f{i:04}.py")).collect();
    let files: Vec<(&str, &[u8])> = names.iter().map(|n| (n.as_str(), ECR.as_bytes())).collect();
    let dir = tree(&files);
    let out = infra_fix(
        dir.path(),
        &["--check", "--output-format=concise", "--no-cache"],
    );
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let shown: Vec<String> = stdout(&out)
        .lines()
        .map(|l| l.split(':').next().unwrap().to_string())
        .collect();
    assert_eq!(shown, names, "one finding per file, in path order");
    assert!(
        stderr(&out).starts_with(&format!("Found {count} findings")),
        "{}",
        stderr(&out)
    );
    let single = infra_fix(
        dir.path(),
        &[
            "--check",
            "--output-format=concise",
            "--no-cache",
            "--jobs",
            "1",
        ],
    );
    assert_eq!(stdout(&single), stdout(&out));
    let json = infra_fix(dir.path(), &["--check", "--no-cache", "--format", "json"]);
    let document: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    let paths: Vec<&str> = document["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["path"].as_str().unwrap())
        .collect();
    assert_eq!(paths, names);
    // At a terminal the progress line is taken off the screen while findings print: every
    // line, as it finally shows, is a finding or the summary.
    let screen = at_terminal(dir.path(), "--check --output-format=concise --no-cache");
    let visible: Vec<&str> = screen
        .split("\r\n")
        .filter(|l| !l.is_empty())
        .map(|l| l.rsplit("\u{1b}[2K").next().unwrap())
        .collect();
    assert_eq!(visible.len(), count + 1, "{screen:?}");
    for (line, name) in visible.iter().zip(&names) {
        assert!(
            line.starts_with(&format!("{name}:3:8: ecr-force-delete")),
            "{line:?}"
        );
    }
    assert!(visible[count].starts_with(&format!("Found {count} findings")));
}

#[test]
fn at_a_terminal_each_files_diff_comes_before_its_remaining_findings() {
    let both = "import pulumi_aws as aws\n\neip = aws.ec2.Eip(\"e\", vpc=True)\nrepo = aws.ecr.Repository(\"r\")\n";
    let dir = tree(&[("a.py", both.as_bytes()), ("b.py", both.as_bytes())]);
    let screen = at_terminal(dir.path(), "--dry-run --no-cache");
    let order: Vec<&str> = screen
        .split("\r\n")
        .filter_map(|l| match l.strip_prefix("+++ b/") {
            Some(path) => Some(path),
            None if l.contains("ecr-force-delete") => l.split(':').next(),
            None => None,
        })
        .collect();
    assert_eq!(order, ["a.py", "a.py", "b.py", "b.py"], "{screen:?}");
}

#[test]
fn the_cache_skips_clean_files_and_never_hides_a_finding() {
    let dir = tree(&[("main.py", CLEAN.as_bytes()), ("repo.py", ECR.as_bytes())]);
    let findings = |args: &[&str]| {
        let mut all = vec!["--check"];
        all.extend_from_slice(args);
        stdout(&infra_fix(dir.path(), &all))
    };
    // Nothing is written with --no-cache.
    let first = findings(&["--no-cache"]);
    assert!(!dir.path().join(".infra-fix-cache").exists());
    // A run records main.py as clean; git is told to ignore the folder.
    assert_eq!(findings(&[]), first);
    let cache = dir.path().join(".infra-fix-cache");
    assert_eq!(
        std::fs::read_to_string(cache.join(".gitignore")).unwrap(),
        "# Created by infra-fix\n*\n"
    );
    let entries = std::fs::read_to_string(cache.join("results-v3")).unwrap();
    assert_eq!(entries.lines().count(), 2, "both files: {entries}");
    // The same answer from the cache, in every format.
    assert_eq!(findings(&[]), first);
    for format in ["json", "sarif", "github", "rdjson"] {
        let with = findings(&["--format", format]);
        assert_eq!(with, findings(&["--format", format, "--no-cache"]));
    }
    // Only the cache is read: an entry altered by hand is what the next run reports.
    let altered = entries.replace("force_delete", "FORCE_DELETE");
    assert_ne!(altered, entries);
    std::fs::write(cache.join("results-v3"), altered).unwrap();
    assert!(findings(&[]).contains("FORCE_DELETE"));
    std::fs::write(cache.join("results-v3"), &entries).unwrap();
    // Other settings are other entries: repo.py is clean without ecr-force-delete, and still
    // reported with it.
    assert_eq!(findings(&["--ignore", "ecr-force-delete"]), "");
    assert_eq!(findings(&[]), first);
    // An edited file is looked at again.
    std::fs::write(dir.path().join("main.py"), EIP).unwrap();
    assert!(findings(&[]).contains("main.py:3:24:"));
    // A dry run does not take findings its fixes would change from the cache: it shows the
    // fix.
    let diff = infra_fix(dir.path(), &["--dry-run", "--unsafe-fixes"]);
    assert!(stdout(&diff).contains("+++ b/repo.py"), "{}", stdout(&diff));
    // --write records what it leaves (both files fixed, clean), so the next run has nothing
    // to parse.
    let before = std::fs::read_to_string(cache.join("results-v3")).unwrap();
    let out = infra_fix(dir.path(), &["--write", "--unsafe-fixes"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let after = std::fs::read_to_string(cache.join("results-v3")).unwrap();
    let learnt: Vec<&str> = after.lines().skip(before.lines().count()).collect();
    assert_eq!(learnt.len(), 2, "{after}");
    assert!(learnt.iter().all(|entry| !entry.contains('\t')), "{after}");
    assert_eq!(findings(&["--unsafe-fixes"]), "");
}

#[test]
fn the_cache_remembers_why_a_file_was_not_looked_at() {
    let broken = "import pulumi_aws as aws\n\nbucket = aws.s3.Bucket(\"b\"\n";
    let dir = tree(&[("broken.py", broken.as_bytes())]);
    let run = || infra_fix(dir.path(), &["--check"]);
    let first = run();
    assert_eq!(first.status.code(), Some(2), "{}", stderr(&first));
    assert!(
        stderr(&first).contains("syntax error at"),
        "{}",
        stderr(&first)
    );
    let entries = std::fs::read_to_string(dir.path().join(".infra-fix-cache/results-v3")).unwrap();
    assert!(entries.contains("\t\"syntax error at"), "{entries}");
    // A warm run gives the same line and exit code from the cache, without a parse: an entry
    // altered by hand is what it reports.
    let second = run();
    assert_eq!(
        (second.status.code(), stderr(&second)),
        (first.status.code(), stderr(&first))
    );
    let altered = entries.replace("syntax error at", "SYNTAX ERROR AT");
    std::fs::write(dir.path().join(".infra-fix-cache/results-v3"), altered).unwrap();
    assert!(
        stderr(&run()).contains("SYNTAX ERROR AT"),
        "{}",
        stderr(&run())
    );
    // Mended, it is looked at again.
    std::fs::write(dir.path().join("broken.py"), format!("{broken})\n")).unwrap();
    let mended = run();
    assert_eq!(mended.status.code(), Some(0), "{}", stderr(&mended));
}

/// `infra-fix upgrade --to 7` moves a project's dependency pin and stack setting with its
/// source, in every mode, and leaves a project already on 7 alone.
#[test]
fn upgrade_moves_the_dependency_pin_and_the_stack_setting_in_every_mode() {
    const STACK: &str =
        "config:\n  aws:assumeRole:\n    roleArn: arn:aws:iam::123456789012:role/deploy\n";
    let files: &[(&str, &[u8])] = &[
        ("Pulumi.yaml", b"name: p\nruntime: python\n"),
        ("Pulumi.dev.yaml", STACK.as_bytes()),
        (
            "requirements.txt",
            b"pulumi>=3.0.0,<4.0.0\npulumi-aws>=6.0.0,<7.0.0\n",
        ),
        ("__main__.py", EIP.as_bytes()),
    ];
    let project = tree(files);
    let upgrade = |args: &[&str]| {
        let mut all = vec!["upgrade", "--to", "7"];
        all.extend(args);
        infra_fix(project.path(), &all)
    };

    let dry = upgrade(&[]);
    let diff = stdout(&dry);
    assert!(
        diff.contains("-pulumi-aws>=6.0.0,<7.0.0\n+pulumi-aws>=7.0.0,<8.0.0\n"),
        "{diff}"
    );
    assert!(
        diff.contains("-  aws:assumeRole:\n-    roleArn: arn:aws:iam::123456789012:role/deploy\n+  aws:assumeRoles:\n+    - roleArn: arn:aws:iam::123456789012:role/deploy\n"),
        "{diff}"
    );
    assert_eq!(
        read(project.path(), "requirements.txt"),
        "pulumi>=3.0.0,<4.0.0\npulumi-aws>=6.0.0,<7.0.0\n"
    );

    let check = upgrade(&["--check"]);
    assert_eq!(check.status.code(), Some(1));
    let listed = stdout(&check);
    assert!(
        listed.contains("requirements.txt:2:1: upgrade-v7-dependency-pin pulumi-aws 7: the requirement `>=6.0.0,<7.0.0` installs pulumi-aws 6; the upgraded program needs `>=7.0.0,<8.0.0` [*]"),
        "{listed}"
    );
    assert!(
        listed.contains("Pulumi.dev.yaml:2:3: upgrade-v7-dependency-pin "),
        "{listed}"
    );

    let sarif = upgrade(&["--check", "--format", "sarif"]);
    let sarif: serde_json::Value = serde_json::from_slice(&sarif.stdout).unwrap();
    let results = sarif["runs"][0]["results"].as_array().unwrap();
    let pins: Vec<&str> = results
        .iter()
        .filter(|r| r["ruleId"] == "upgrade-v7-dependency-pin")
        .map(|r| {
            r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
                .as_str()
                .unwrap()
        })
        .collect();
    assert_eq!(pins, ["Pulumi.dev.yaml", "requirements.txt"]);

    let write = upgrade(&["--write"]);
    assert_eq!(write.status.code(), Some(0), "{}", stderr(&write));
    assert_eq!(
        read(project.path(), "requirements.txt"),
        "pulumi>=3.0.0,<4.0.0\npulumi-aws>=7.0.0,<8.0.0\n"
    );
    assert_eq!(
        read(project.path(), "Pulumi.dev.yaml"),
        "config:\n  aws:assumeRoles:\n    - roleArn: arn:aws:iam::123456789012:role/deploy\n"
    );
    assert_eq!(
        read(project.path(), "Pulumi.yaml"),
        "name: p\nruntime: python\n"
    );
    assert_eq!(read(project.path(), "__main__.py"), EIP_FIXED);

    // Done: the project is on 7 now, and nothing is left.
    let again = upgrade(&["--check"]);
    assert_eq!(again.status.code(), Some(0), "{}", stdout(&again));
    assert_eq!(stdout(&again), "");
}

/// Every fixture, dry run against --check: a finding the fixes leave, or would make, is placed
/// where --check finds it in the file on disk, not where it is in the fixed text; one inside
/// code another fix rewrites (a hoisted statement) is placed on that code.
#[test]
fn a_dry_run_places_findings_where_check_finds_them_in_every_fixture() {
    let testdata = Path::new(env!("CARGO_MANIFEST_DIR")).join("testdata");
    type Range = (u64, u64, u64, u64);
    let report = |mode: &str| -> Vec<((String, String, String), Range)> {
        let args = [mode, "--no-cache", "--unsafe-fixes", "--select", "ALL"];
        let out = infra_fix(&testdata, &[&args[..], &["--format", "json"]].concat());
        let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        let text = |f: &serde_json::Value, key: &str| f[key].as_str().unwrap().to_string();
        let number = |f: &serde_json::Value, key: &str| f[key].as_u64().unwrap();
        doc["findings"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| {
                let key = (text(f, "path"), text(f, "rule"), text(f, "message"));
                let range = ["line", "column", "end_line", "end_column"].map(|k| number(f, k));
                (key, (range[0], range[1], range[2], range[3]))
            })
            .collect()
    };
    let on_disk = report("--check");
    let dry_run = report("--dry-run");
    let contains = |outer: Range, inner: Range| {
        (outer.0, outer.1) <= (inner.0, inner.1) && (inner.2, inner.3) <= (outer.2, outer.3)
    };
    let (mut exact, mut compared) = (0, 0);
    for (key, range) in &dry_run {
        let there: Vec<Range> = on_disk
            .iter()
            .filter(|(k, _)| k == key)
            .map(|(_, r)| *r)
            .collect();
        // A finding a fix changes (its message) or makes has no counterpart on disk.
        if there.is_empty() {
            continue;
        }
        compared += 1;
        if there.contains(range) {
            exact += 1;
            continue;
        }
        assert!(
            there.iter().any(|r| contains(*range, *r)),
            "{key:?}: placed at {range:?}, on disk at {there:?}"
        );
    }
    assert!(
        compared > 400 && exact + 5 >= compared,
        "{exact} of {compared} in place"
    );
}

#[test]
fn exit_zero_passes_findings_but_not_errors() {
    let dir = tree(&[
        ("requirements.txt", PULUMI_AWS_6),
        ("main.py", EIP.as_bytes()),
    ]);
    for mode in ["--check", "--dry-run"] {
        let out = infra_fix(dir.path(), &[mode, "--exit-zero"]);
        assert_eq!(out.status.code(), Some(0), "{mode}: {}", stderr(&out));
        assert!(stdout(&out).contains("eip-domain-vpc") || mode == "--dry-run");
        assert!(stderr(&out).contains("1 finding"), "{}", stderr(&out));
    }
    // As with ruff, --exit-zero is about findings: infra-fix failing at its job still exits 2.
    let out = infra_fix(dir.path(), &["--check", "--exit-zero", "missing.py"]);
    assert_eq!(out.status.code(), Some(2));
    let out = infra_fix(dir.path(), &["--check", "--exit-zero", "--select", "nope"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn statistics_count_findings_per_rule_instead_of_listing_them() {
    let dir = tree(&[
        ("requirements.txt", PULUMI_AWS_6),
        ("main.py", EIP.as_bytes()),
        ("repo.py", format!("{ECR}{}", &EIP[25..]).as_bytes()),
    ]);
    let title = |id: &str| {
        let table = stdout(&infra_fix(dir.path(), &["--list-rules"]));
        let row = table
            .lines()
            .find(|l| l.starts_with(id))
            .unwrap()
            .to_string();
        let out = stdout(&infra_fix(dir.path(), &["explain", id]));
        assert!(!row.is_empty());
        out.lines().nth(2).unwrap().to_string()
    };
    let out = infra_fix(dir.path(), &["--check", "--statistics"]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        stdout(&out),
        format!(
            "2\teip-domain-vpc  \t[*] {}\n1\tecr-force-delete\t[ ] {}\n",
            title("eip-domain-vpc"),
            title("ecr-force-delete")
        )
    );
    assert!(
        stderr(&out).starts_with("Found 3 findings"),
        "{}",
        stderr(&out)
    );
    // With the unsafe fixes allowed, the ECR finding is fixable too.
    let out = infra_fix(dir.path(), &["--check", "--statistics", "--unsafe-fixes"]);
    assert!(
        stdout(&out).contains("1\tecr-force-delete\t[*] "),
        "{}",
        stdout(&out)
    );
    // Dry run: the diff on stdout as always, the remaining findings counted on stderr.
    let out = infra_fix(dir.path(), &["--statistics"]);
    assert!(stdout(&out).starts_with("--- a/main.py\n"));
    assert!(
        stderr(&out).starts_with("1\tecr-force-delete\t[ ] "),
        "{}",
        stderr(&out)
    );
}

#[test]
fn show_fixes_lists_what_was_fixed_per_file() {
    let dir = tree(&[
        ("requirements.txt", PULUMI_AWS_6),
        ("main.py", EIP.as_bytes()),
        ("repo.py", format!("{ECR}{}", &EIP[25..]).as_bytes()),
    ]);
    let eip_title = stdout(&infra_fix(dir.path(), &["explain", "eip-domain-vpc"]))
        .lines()
        .nth(2)
        .unwrap()
        .to_string();
    let list = |done: &str| {
        format!(
            "\n{done} 2 findings:\n- main.py:\n    1 × eip-domain-vpc ({eip_title})\n- repo.py:\n    1 × eip-domain-vpc ({eip_title})\n\n"
        )
    };
    let out = infra_fix(dir.path(), &["--dry-run", "--show-fixes"]);
    assert!(
        stderr(&out).contains(&format!(
            "{}Would fix 2 findings in 2 files",
            list("Would fix")
        )),
        "{}",
        stderr(&out)
    );
    let out = infra_fix(dir.path(), &["--write", "--show-fixes"]);
    assert!(
        stderr(&out).contains(&format!("{}Fixed 2 findings in 2 files", list("Fixed"))),
        "{}",
        stderr(&out)
    );
    assert_eq!(read(dir.path(), "main.py"), EIP_FIXED);
    // Nothing left to fix: no list.
    let out = infra_fix(dir.path(), &["--write", "--show-fixes"]);
    assert!(
        stderr(&out).starts_with("repo.py:3:8: ecr-force-delete ")
            && !stderr(&out).contains(":\n- "),
        "{}",
        stderr(&out)
    );
}

#[test]
fn extend_select_adds_to_the_selection_on_the_command_line_and_in_configuration() {
    let dir = tree(&[
        ("requirements.txt", PULUMI_AWS_6),
        ("main.py", format!("{ECR}{}", &EIP[25..]).as_bytes()),
    ]);
    let rules = |args: &[&str]| -> Vec<String> {
        let all = [&["--check", "--output-format=concise"][..], args].concat();
        stdout(&infra_fix(dir.path(), &all))
            .lines()
            .map(|l| l.split(' ').nth(1).unwrap().to_string())
            .collect()
    };
    assert_eq!(
        rules(&[
            "--select",
            "eip-domain-vpc",
            "--extend-select",
            "ecr-force-delete"
        ]),
        ["ecr-force-delete", "eip-domain-vpc"]
    );
    std::fs::write(
        dir.path().join("infra-fix.toml"),
        "select = [\"eip-domain-vpc\"]\nextend-select = [\"ecr-force-delete\"]\n",
    )
    .unwrap();
    assert_eq!(rules(&[]), ["ecr-force-delete", "eip-domain-vpc"]);
    std::fs::write(
        dir.path().join("infra-fix.toml"),
        "select = [\"eip-domain-vpc\"]\n",
    )
    .unwrap();
    assert_eq!(rules(&[]), ["eip-domain-vpc"]);
    assert_eq!(
        rules(&["--extend-select", "ecr-force-delete"]),
        ["ecr-force-delete", "eip-domain-vpc"],
        "the command line extends the configuration's selection"
    );
    let out = infra_fix(dir.path(), &["--extend-select", "ecr-force-delte"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("unknown rule `ecr-force-delte` (did you mean `ecr-force-delete`?)"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn per_file_ignores_turn_rules_off_for_matching_files() {
    let both = format!("{ECR}{}", &EIP[25..]);
    let dir = tree(&[
        ("requirements.txt", PULUMI_AWS_6),
        (
            "pyproject.toml",
            b"[tool.infra-fix.per-file-ignores]\n\"legacy/*.py\" = [\"ecr-force-delete\"]\n\"scratch.py\" = [\"ALL\"]\n",
        ),
        ("main.py", both.as_bytes()),
        ("legacy/old.py", both.as_bytes()),
        ("app/scratch.py", both.as_bytes()),
    ]);
    let found = |args: &[&str]| -> Vec<String> {
        let all = [&["--check", "--output-format=concise"][..], args].concat();
        stdout(&infra_fix(dir.path(), &all))
            .lines()
            .map(|l| {
                let (path, rest) = l.split_once(':').unwrap();
                format!("{path} {}", rest.split(' ').nth(1).unwrap())
            })
            .collect()
    };
    let expected = [
        "legacy/old.py eip-domain-vpc",
        "main.py ecr-force-delete",
        "main.py eip-domain-vpc",
    ];
    assert_eq!(found(&[]), expected);
    // The files are fixed as they are checked, and whatever the command line selects.
    assert_eq!(
        found(&["--select", "ALL", "--no-cache"])[..2],
        expected[..2]
    );
    let out = infra_fix(dir.path(), &["--write", "--unsafe-fixes"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(read(dir.path(), "app/scratch.py"), both);
    assert!(!read(dir.path(), "legacy/old.py").contains("force_delete"));
    assert!(read(dir.path(), "main.py").contains("force_delete=True"));
    // An unknown rule id is a configuration error naming the id it is a typo of.
    let bad = tree(&[
        (
            "infra-fix.toml",
            b"[per-file-ignores]\n\"tests/*\" = [\"eip-domain-vcp\"]\n",
        ),
        ("main.py", EIP.as_bytes()),
    ]);
    let out = infra_fix(bad.path(), &["--check"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains(
            "error: infra-fix.toml: key `per-file-ignores.\"tests/*\"`: unknown rule `eip-domain-vcp` (did you mean `eip-domain-vpc`?); allowed: ALL, "
        ),
        "{}",
        stderr(&out)
    );
}

#[test]
fn check_and_rule_are_read_as_ruff_users_type_them() {
    let dir = tree(&[
        ("requirements.txt", PULUMI_AWS_6),
        ("main.py", EIP.as_bytes()),
        ("check/main.py", EIP.as_bytes()),
    ]);
    // `infra-fix check` is `ruff check`: the findings listed, nothing changed.
    let check = infra_fix(dir.path(), &["check", "main.py"]);
    let listed = infra_fix(dir.path(), &["--check", "main.py"]);
    assert_eq!(check.status.code(), Some(1));
    assert!(stdout(&check).starts_with("main.py:3:24: eip-domain-vpc "));
    assert_eq!(stdout(&check), stdout(&listed));
    assert_eq!(read(dir.path(), "main.py"), EIP);
    // A mode given after it wins: `infra-fix check --write` is `ruff check --fix`.
    let diff = infra_fix(dir.path(), &["check", "--dry-run", "main.py"]);
    assert!(
        stdout(&diff).starts_with("--- a/main.py\n"),
        "{}",
        stdout(&diff)
    );
    let out = infra_fix(dir.path(), &["check", "--write", "main.py"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(read(dir.path(), "main.py"), EIP_FIXED);
    // A folder named `check` is given as `./check`.
    let out = infra_fix(
        dir.path(),
        &["--check", "--output-format=concise", "./check"],
    );
    assert!(
        stdout(&out).starts_with("check/main.py:3:24: "),
        "{}",
        stdout(&out)
    );
    let out = infra_fix(dir.path(), &["check", "--output-format=concise", "check"]);
    assert!(
        stdout(&out).starts_with("check/main.py:3:24: "),
        "{}",
        stdout(&out)
    );
    // `infra-fix rule RULE` is `infra-fix explain RULE`.
    let rule = infra_fix(dir.path(), &["rule", "eip-domain-vpc"]);
    assert_eq!(rule.status.code(), Some(0));
    assert!(stdout(&rule).starts_with("# eip-domain-vpc\n"));
    assert_eq!(
        stdout(&rule),
        stdout(&infra_fix(dir.path(), &["explain", "eip-domain-vpc"]))
    );
}

/// `infra-fix upgrade --to 6` moves a pulumi-aws 5 project: the renamed names, the pin (the
/// unsafe `rds.Instance(name=)` only with `--unsafe-fixes`); it leaves a project on 6 alone,
/// and `--to 7` leaves the project on 5 alone.
#[test]
fn upgrade_to_6_moves_a_5_project_and_only_that() {
    const MAIN5: &str = "import pulumi_aws as aws\n\nweb = aws.elasticloadbalancingv2.LoadBalancer(\"web\")\nami = aws.get_ami(owners=[\"amazon\"])\ndb = aws.rds.Instance(\"db\", name=\"app\", instance_class=\"db.t3.micro\")\n";
    let files: &[(&str, &[u8])] = &[
        ("Pulumi.yaml", b"name: p\nruntime: python\n"),
        (
            "requirements.txt",
            b"pulumi>=3.0.0,<4.0.0\npulumi-aws==5.43.0\n",
        ),
        ("__main__.py", MAIN5.as_bytes()),
    ];
    let project = tree(files);
    let run = |args: &[&str]| infra_fix(project.path(), args);

    // The upgrade to 7 starts from 6: nothing here.
    let to7 = run(&["upgrade", "--to", "7", "--check"]);
    assert_eq!(to7.status.code(), Some(0), "{}", stdout(&to7));
    assert_eq!(stdout(&to7), "");

    let body = run(&["upgrade", "--to", "6", "--format", "markdown"]);
    let body = stdout(&body);
    assert!(
        body.starts_with("<!-- infra-fix upgrade -->\n## infra-fix: upgrade to pulumi-aws 6\n\n3 changes to rewrite in 2 files; 1 finding left to a person.\n"),
        "{body}"
    );
    assert!(body.contains("| `upgrade-v6-rename`: Class, function or argument that pulumi-aws 6 renamed | 2 | `__main__.py` |"), "{body}");
    assert!(
        body.contains("(*the fix is unsafe: run with --unsafe-fixes*)"),
        "{body}"
    );
    assert!(
        body.contains("The preview must show no change. **If it shows a replace, stop**"),
        "{body}"
    );

    let write = run(&["upgrade", "--to", "6", "--write"]);
    assert_eq!(write.status.code(), Some(1), "the unsafe rename is left");
    assert_eq!(
        read(project.path(), "requirements.txt"),
        "pulumi>=3.0.0,<4.0.0\npulumi-aws==6.83.4\n"
    );
    assert_eq!(
        read(project.path(), "__main__.py"),
        MAIN5
            .replace("elasticloadbalancingv2", "lb")
            .replace("aws.get_ami", "aws.ec2.get_ami")
    );
    // On 6 now: the upgrade to 6 is done, the leftover is no longer its business, and the
    // unsafe rename is applied only when asked, naming the project's major.
    let again = run(&["upgrade", "--to", "6", "--check"]);
    assert_eq!(stdout(&again), "");
    let unsafe_ = run(&[
        "upgrade",
        "--to",
        "6",
        "--write",
        "--unsafe-fixes",
        "--pulumi-aws-version",
        "5",
    ]);
    assert_eq!(unsafe_.status.code(), Some(0), "{}", stderr(&unsafe_));
    assert!(
        read(project.path(), "__main__.py").contains("aws.rds.Instance(\"db\", db_name=\"app\"")
    );
}

/// Fixes keep to the line length of the project's formatter configuration (ruff's, else
/// black's, else 88): a call a fix pushes past it is broken one argument per line, with the
/// trailing comma ruff and black keep.
#[test]
fn fixes_keep_to_the_line_length_ruff_or_black_is_configured_with() {
    let fixed = |config: Option<(&str, &str)>| {
        let mut files: Vec<(&str, &[u8])> = vec![("main.py", ECR.as_bytes())];
        if let Some((name, contents)) = config {
            files.push((name, contents.as_bytes()));
        }
        let dir = tree(&files);
        let out = infra_fix(dir.path(), &["--write", "--unsafe-fixes", "main.py"]);
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        read(dir.path(), "main.py")
    };
    let one_line = "import pulumi_aws as aws\n\nrepo = aws.ecr.Repository(\"r\", image_tag_mutability=\"MUTABLE\", force_delete=True)\n";
    let broken = "import pulumi_aws as aws\n\nrepo = aws.ecr.Repository(\n    \"r\",\n    image_tag_mutability=\"MUTABLE\",\n    force_delete=True,\n)\n";
    assert_eq!(fixed(None), one_line);
    assert_eq!(
        fixed(Some(("pyproject.toml", "[tool.ruff]\nline-length = 60\n"))),
        broken
    );
    assert_eq!(
        fixed(Some(("pyproject.toml", "[tool.black]\nline-length = 60\n"))),
        broken
    );
    assert_eq!(fixed(Some(("ruff.toml", "line-length = 120\n"))), one_line);
}
