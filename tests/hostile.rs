//! Hostile files, each through the binary on a temporary tree that also holds an ordinary
//! file to fix: the hostile one is handled or reported, and the run goes on for the rest.
//! Every run has a watchdog, so a hang fails the test instead of stalling the suite.
//!
//! Root ignores permission bits: permission-denied cases run as root and drop to `nobody` with
//! `setpriv`; full-disk and read-only-mount cases use a private mount namespace (`unshare
//! --mount`). Those tests are named `privileged_*` and ignored by a plain `cargo test`, with the
//! reason; `.ci/run` includes them where it can run them (and says so where it cannot), and
//! one that is run without what it needs fails rather than passing unchecked.

use std::fs;
use std::os::unix::fs::{MetadataExt, PermissionsExt, symlink};
use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

const EIP: &str = "import pulumi_aws as aws\n\neip = aws.ec2.Eip(\"e\", vpc=True)\n";
const EIP_FIXED: &str = "import pulumi_aws as aws\n\neip = aws.ec2.Eip(\"e\", domain=\"vpc\")\n";

/// Runs `command`, failing the test if it has not finished within `limit`.
fn run_within(mut command: Command, limit: Duration) -> Output {
    let dir = tempfile::tempdir().unwrap();
    let (out_path, err_path) = (dir.path().join("out"), dir.path().join("err"));
    let mut child = command
        .stdin(Stdio::null())
        .stdout(fs::File::create(&out_path).unwrap())
        .stderr(fs::File::create(&err_path).unwrap())
        .spawn()
        .expect("command starts");
    let start = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if start.elapsed() > limit {
            child.kill().ok();
            child.wait().ok();
            panic!(
                "{command:?} hung for {limit:?}; stderr so far:\n{}",
                fs::read_to_string(&err_path).unwrap_or_default()
            );
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    Output {
        status,
        stdout: fs::read(out_path).unwrap(),
        stderr: fs::read(err_path).unwrap(),
    }
}

fn infra_fix(dir: &Path, args: &[&str]) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_infra-fix"));
    command.args(args).current_dir(dir);
    run_within(command, Duration::from_secs(300))
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// A temporary tree with `ok.py` (to fix) and the given files.
fn tree(files: &[(&str, &[u8])]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("ok.py"), EIP).unwrap();
    for (path, contents) in files {
        let path = dir.path().join(path);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, contents).unwrap();
    }
    dir
}

fn read(dir: &Path, path: &str) -> Vec<u8> {
    fs::read(dir.join(path)).unwrap()
}

/// The run went on: the ordinary file was fixed.
fn assert_ok_fixed(dir: &Path) {
    assert_eq!(
        String::from_utf8(read(dir, "ok.py")).unwrap(),
        EIP_FIXED,
        "ok.py was not fixed: the run did not go on"
    );
}

/// Every `error:` line of `err` names one of `paths` and says something after it.
fn error_lines(err: &str) -> Vec<&str> {
    err.lines().filter(|l| l.starts_with("error: ")).collect()
}

#[test]
fn a_20_mb_file_and_a_file_with_50_000_resource_calls_are_fixed() {
    // 20 MB of ordinary Python between two fixable calls.
    let block = "def handler(event, context):\n    \"\"\"Docstring with 'quotes'.\"\"\"\n    \
                 settings = {\"ports\": [80, 443], \"tags\": {\"team\": \"infra\"}}\n    \
                 for port in settings[\"ports\"]:\n        if port > 1000:  # comment\n            \
                 print(f\"port {port}\")\n    return [x * 2 for x in range(7)]\n\n\n";
    let body = block.repeat(20_000_000 / block.len() + 1);
    let big = format!(
        "import pulumi_aws as aws\n\ntop = aws.ec2.Eip(\"top\", vpc=True)\n{body}bottom = aws.ec2.Eip(\"bottom\", vpc=True)\n"
    );
    assert!(big.len() > 20_000_000);
    // 50,000 resource calls, each with a fix.
    let mut many = String::from("import pulumi_aws as aws\n\n");
    for i in 0..50_000 {
        many.push_str(&format!("eip{i} = aws.ec2.Eip(\"eip{i}\", vpc=True)\n"));
    }
    let dir = tree(&[("big.py", big.as_bytes()), ("many.py", many.as_bytes())]);

    let out = infra_fix(dir.path(), &["--write"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("Fixed 50003 findings in 3 files"),
        "{}",
        stderr(&out)
    );
    assert_eq!(
        String::from_utf8(read(dir.path(), "big.py")).unwrap(),
        big.replace("vpc=True", "domain=\"vpc\""),
        "only the two calls changed"
    );
    assert_eq!(
        String::from_utf8(read(dir.path(), "many.py")).unwrap(),
        many.replace("vpc=True", "domain=\"vpc\"")
    );
    assert_ok_fixed(dir.path());
}

/// An `--add-ignore` baseline of 50,000 comments is written, then checked (every comment used),
/// in linear time: each finding looks up only the directives of its lines.
#[test]
fn a_baseline_of_50_000_ignore_comments_is_written_and_checked_quickly() {
    let mut many = String::from("import pulumi_aws as aws\n\n");
    for i in 0..50_000 {
        many.push_str(&format!("repo{i} = aws.ecr.Repository(\"r{i}\")\n"));
    }
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("many.py"), &many).unwrap();
    let run = |args: &[&str]| {
        let mut command = Command::new(env!("CARGO_BIN_EXE_infra-fix"));
        command.args(args).current_dir(dir.path());
        run_within(command, Duration::from_secs(120))
    };
    let out = run(&["--add-ignore"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(stderr(&out), "Added 50000 ignore comments to 1 file.\n");
    let written = String::from_utf8(read(dir.path(), "many.py")).unwrap();
    assert_eq!(
        written
            .matches("  # infra-fix: ignore[ecr-force-delete]\n")
            .count(),
        50_000
    );
    let out = run(&["--check", "--no-cache", "--extend-select", "unused-ignore"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
}

#[test]
fn ten_thousand_nested_brackets_do_not_overflow_the_stack() {
    let n = 10_000;
    let nested = |open: &str, close: &str| {
        format!(
            "import pulumi_aws as aws\n\nx = {}1{}\neip = aws.ec2.Eip(\"e\", vpc=True)\n",
            open.repeat(n),
            close.repeat(n)
        )
    };
    let parens = nested("(", ")");
    let brackets = nested("[", "]");
    let braces = nested("{1: ", "}");
    let calls = nested("f(", ")");
    // Deep chains inside a resource call: its name, a peer, a port and a plain argument.
    let sg = format!(
        "import pulumi_aws as aws\n\nrule = aws{}.SecurityGroupRule(\"r\", type=\"ingress\", \
         protocol=\"tcp\", from_port={}443, to_port=443, security_group_id={}sg{}.id, \
         source_security_group_id=alb_sg{}, tags={}1{})\n",
        ".ec2".repeat(n),
        "+".repeat(n),
        "(".repeat(n),
        ")".repeat(n),
        ".id".repeat(n),
        "[".repeat(n),
        "]".repeat(n),
    );
    let dir = tree(&[
        ("parens.py", parens.as_bytes()),
        ("brackets.py", brackets.as_bytes()),
        ("braces.py", braces.as_bytes()),
        ("calls.py", calls.as_bytes()),
        ("sg.py", sg.as_bytes()),
    ]);
    let out = infra_fix(dir.path(), &["--write"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    for (name, before) in [
        ("parens.py", &parens),
        ("brackets.py", &brackets),
        ("braces.py", &braces),
        ("calls.py", &calls),
    ] {
        assert_eq!(
            String::from_utf8(read(dir.path(), name)).unwrap(),
            before.replace("vpc=True", "domain=\"vpc\""),
            "{name}"
        );
    }
    let sg_after = String::from_utf8(read(dir.path(), "sg.py")).unwrap();
    assert!(
        sg_after.ends_with("]]]], description=\"Allow HTTPS from alb\")\n"),
        "the rule with deep chains got its description: {}",
        &sg_after[sg_after.len() - 100..]
    );
    assert_ok_fixed(dir.path());
}

#[test]
fn indentation_deeper_than_the_parser_handles_is_reported_not_a_crash() {
    // 600 nested blocks aborted the whole process inside tree-sitter-python.
    let mut deep = String::from("import pulumi_aws as aws\n\n");
    for i in 0..600 {
        deep.push_str(&format!("{}if x:\n", " ".repeat(i)));
    }
    deep.push_str(&format!(
        "{}eip = aws.ec2.Eip('e', vpc=True)\n",
        " ".repeat(600)
    ));
    let dir = tree(&[("deep.py", deep.as_bytes())]);
    let out = infra_fix(dir.path(), &["--write"]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert_eq!(
        error_lines(&stderr(&out)),
        [
            "error: deep.py: indented 600 columns deep, more than the Python parser handles (383); left untouched, reduce the nesting"
        ]
    );
    assert_eq!(read(dir.path(), "deep.py"), deep.as_bytes());
    assert_ok_fixed(dir.path());
}

#[test]
fn very_long_lines_are_fixed() {
    // A 5 MB list on one line, then 2,000 calls on one line.
    let list: Vec<String> = (0..700_000).map(|i| i.to_string()).collect();
    let calls: Vec<String> = (0..2_000)
        .map(|i| format!("e{i} = aws.ec2.Eip('e{i}', vpc=True)"))
        .collect();
    let text = format!(
        "import pulumi_aws as aws\nnumbers = [{}]\n{}\n",
        list.join(", "),
        calls.join("; ")
    );
    assert!(text.len() > 5_000_000);
    let dir = tree(&[("long.py", text.as_bytes())]);
    let out = infra_fix(dir.path(), &["--write"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(
        String::from_utf8(read(dir.path(), "long.py")).unwrap(),
        text.replace("vpc=True", "domain='vpc'")
    );
    assert_ok_fixed(dir.path());
}

#[test]
fn nul_bytes_and_invalid_utf8_are_reported_and_left_alone_python_2_is_fixed_in_place() {
    let nul = b"import pulumi_aws as aws\n\neip = aws.ec2.Eip(\"e\", vpc=True)\x00\n";
    let latin1 = b"import pulumi_aws as aws\n# caf\xe9\neip = aws.ec2.Eip(\"e\", vpc=True)\n";
    // tree-sitter-python still parses these Python 2 forms: the fix is local and every
    // Python 2 statement stays byte for byte.
    let python2 = "import pulumi_aws as aws\nprint \"hello\"\nprint >>sys.stderr, `x`\nif 1 <> 2:\n    exec \"x = 1\"\ntry:\n    pass\nexcept Exception, e:\n    raise E, \"m\"\neip = aws.ec2.Eip(\"e\", vpc=True)\n";
    let dir = tree(&[
        ("nul.py", nul),
        ("latin1.py", latin1),
        ("py2.py", python2.as_bytes()),
    ]);
    let out = infra_fix(dir.path(), &["--write"]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert_eq!(
        error_lines(&stderr(&out)),
        [
            "error: latin1.py: not valid UTF-8 (invalid byte at offset 30); left untouched, save it as UTF-8",
            "error: nul.py: syntax error at 3:1; left untouched, fix it or list the file in .ignore",
        ]
    );
    assert_eq!(read(dir.path(), "nul.py"), nul);
    assert_eq!(read(dir.path(), "latin1.py"), latin1);
    assert_eq!(
        String::from_utf8(read(dir.path(), "py2.py")).unwrap(),
        python2.replace("vpc=True", "domain=\"vpc\"")
    );
    assert_ok_fixed(dir.path());
}

#[test]
fn bom_mixed_newlines_and_tabs_survive_a_fix() {
    // A BOM, tabs, and lines ending in CRLF and LF mixed: fixed lines keep their own ending,
    // inserted lines take the file's majority (CRLF here).
    let before = "\u{feff}import pulumi_aws as aws\r\n\r\nif True:\r\n\trepo = aws.ecr.Repository(\r\n\t\t\"r\",\n\t\tname=\"x\",\r\n\t)\r\n";
    let after = "\u{feff}import pulumi_aws as aws\r\n\r\nif True:\r\n\trepo = aws.ecr.Repository(\r\n\t\t\"r\",\n\t\tname=\"x\",\r\n\t\timage_tag_mutability=\"MUTABLE\",\r\n\t\tforce_delete=True,\r\n\t)\r\n";
    let dir = tree(&[("mixed.py", before.as_bytes())]);
    let out = infra_fix(dir.path(), &["--write", "--unsafe-fixes"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(
        String::from_utf8(read(dir.path(), "mixed.py")).unwrap(),
        after
    );
    assert_ok_fixed(dir.path());
}

#[test]
fn directories_fifos_and_broken_links_named_py_are_skipped_or_reported() {
    let dir = tree(&[("pkg.py/inner.py", EIP.as_bytes())]);
    let root = dir.path();
    let fifo = root.join("fifo.py");
    let status = Command::new("mkfifo").arg(&fifo).status().unwrap();
    assert!(status.success(), "mkfifo");
    symlink("missing.py", root.join("dangling.py")).unwrap();
    symlink("loop.py", root.join("loop.py")).unwrap();
    symlink(".", root.join("sub")).unwrap();

    // Walking the folder: the FIFO is never opened (it has no writer: opening it would block),
    // links are not followed, the `.py` folder is walked into.
    let out = infra_fix(root, &["--write"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(read(root, "pkg.py/inner.py"), EIP_FIXED.as_bytes());
    assert_ok_fixed(root);

    // Named on the command line: each is reported, the rest still runs.
    fs::write(root.join("ok.py"), EIP).unwrap();
    let out = infra_fix(
        root,
        &[
            "--write",
            "fifo.py",
            "dangling.py",
            "loop.py",
            "pkg.py",
            "ok.py",
        ],
    );
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert_eq!(
        error_lines(&stderr(&out)),
        [
            "error: dangling.py: a symbolic link to nothing; fix or remove the link",
            "error: fifo.py: a FIFO, not a Python file; skipped, pass files or folders",
            "error: loop.py: a loop of symbolic links; fix or remove the link",
        ]
    );
    assert_ok_fixed(root);
}

const AS_ROOT: &str = "needs root and setpriv (drops to nobody); .ci/run runs it where it can";
const IN_MOUNT_NAMESPACE: &str =
    "needs root and unshare --mount (private tmpfs mounts); .ci/run runs it where it can";

/// Runs infra-fix as `nobody` (uid 65534); the test fails when `setpriv` cannot drop to it.
fn as_nobody(dir: &Path, args: &[&str]) -> Output {
    let probe = Command::new("setpriv")
        .args(["--reuid=65534", "--regid=65534", "--clear-groups", "true"])
        .output();
    assert!(
        probe.is_ok_and(|o| o.status.success()),
        "{AS_ROOT}: `setpriv` cannot run a command as nobody here"
    );
    let mut command = Command::new("setpriv");
    command
        .args(["--reuid=65534", "--regid=65534", "--clear-groups"])
        .arg(env!("CARGO_BIN_EXE_infra-fix"))
        .args(args)
        .current_dir(dir);
    run_within(command, Duration::from_secs(120))
}

#[test]
#[ignore = "needs root and setpriv (drops to nobody); .ci/run runs it where it can"]
fn privileged_permission_denied_on_read_is_reported_and_the_rest_is_fixed() {
    // Root reads any file, so the run drops to nobody: a real user meeting a real EACCES.
    let dir = tree(&[
        ("secret.py", EIP.as_bytes()),
        ("locked/inner.py", EIP.as_bytes()),
    ]);
    let root = dir.path();
    let mode = |path: &str, mode: u32| {
        fs::set_permissions(root.join(path), fs::Permissions::from_mode(mode)).unwrap()
    };
    mode("", 0o777);
    // nobody's own file, as a user's files are: only root may keep another owner on a rewrite.
    std::os::unix::fs::chown(root.join("ok.py"), Some(65534), Some(65534)).unwrap();
    mode("secret.py", 0o000);
    mode("locked", 0o000);
    let out = as_nobody(root, &["--write", "."]);
    mode("locked", 0o755);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    let err = stderr(&out);
    let errors = error_lines(&err);
    assert_eq!(errors.len(), 2, "{err}");
    assert_eq!(
        errors[0],
        "error: locked: could not walk: permission denied; check its permissions and owner"
    );
    assert_eq!(
        errors[1],
        "error: secret.py: could not read: permission denied; check its permissions and owner"
    );
    assert_eq!(read(root, "secret.py"), EIP.as_bytes());
    assert_ok_fixed(root);
}

#[test]
fn a_read_only_file_under_write_is_reported_and_kept() {
    let dir = tree(&[("readonly.py", EIP.as_bytes())]);
    let root = dir.path();
    fs::set_permissions(root.join("readonly.py"), fs::Permissions::from_mode(0o444)).unwrap();
    let out = infra_fix(root, &["--write", "ok.py", "readonly.py"]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert_eq!(
        error_lines(&stderr(&out)),
        ["error: readonly.py: file is read-only; not written (make it writable or drop --write)"]
    );
    assert_eq!(read(root, "readonly.py"), EIP.as_bytes());
    assert_ok_fixed(root);
}

#[test]
#[ignore = "needs root and setpriv (drops to nobody); .ci/run runs it where it can"]
fn privileged_a_folder_its_user_may_not_write_is_reported_and_kept() {
    // A folder nobody may write: the temporary file cannot be created beside the original.
    let dir = tree(&[("ro_dir/inner.py", EIP.as_bytes())]);
    let root = dir.path();
    fs::set_permissions(root, fs::Permissions::from_mode(0o777)).unwrap();
    fs::set_permissions(root.join("ro_dir"), fs::Permissions::from_mode(0o555)).unwrap();
    fs::set_permissions(
        root.join("ro_dir/inner.py"),
        fs::Permissions::from_mode(0o666),
    )
    .unwrap();
    let out = as_nobody(root, &["--write", "ro_dir"]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert_eq!(
        error_lines(&stderr(&out)),
        [
            "error: ro_dir/inner.py: could not create a temporary file beside it: permission denied; check its permissions and owner; the file is unchanged"
        ]
    );
    assert_eq!(read(root, "ro_dir/inner.py"), EIP.as_bytes());
}

#[test]
fn a_file_with_hard_links_is_reported_and_kept_whole() {
    let dir = tree(&[("linked.py", EIP.as_bytes())]);
    let root = dir.path();
    fs::hard_link(root.join("linked.py"), root.join("elsewhere.txt")).unwrap();
    let out = infra_fix(root, &["--write", "ok.py", "linked.py"]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert_eq!(
        error_lines(&stderr(&out)),
        [
            "error: linked.py: has 2 hard links, which would keep the old contents; not written (copy it to break the links, or fix it by hand)"
        ]
    );
    assert_eq!(read(root, "linked.py"), EIP.as_bytes());
    let ino = |name: &str| fs::metadata(root.join(name)).unwrap().ino();
    assert_eq!(ino("linked.py"), ino("elsewhere.txt"), "still one file");
    assert_ok_fixed(root);
}

#[test]
fn permissions_are_kept() {
    let dir = tree(&[("owned.py", EIP.as_bytes())]);
    let path = dir.path().join("owned.py");
    fs::set_permissions(&path, fs::Permissions::from_mode(0o640)).unwrap();
    let out = infra_fix(dir.path(), &["--write"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(fs::metadata(&path).unwrap().mode() & 0o7777, 0o640);
    assert_eq!(read(dir.path(), "owned.py"), EIP_FIXED.as_bytes());
}

#[test]
#[ignore = "needs root and setpriv (drops to nobody); .ci/run runs it where it can"]
fn privileged_the_owner_is_kept_or_the_file_is_not_written() {
    let dir = tree(&[("owned.py", EIP.as_bytes())]);
    let path = dir.path().join("owned.py");
    // Only root may give a file away.
    std::os::unix::fs::chown(&path, Some(1234), Some(5678))
        .unwrap_or_else(|e| panic!("{AS_ROOT}: chown: {e}"));
    let out = infra_fix(dir.path(), &["--write"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let meta = fs::metadata(&path).unwrap();
    assert_eq!((meta.uid(), meta.gid()), (1234, 5678));
    assert_eq!(read(dir.path(), "owned.py"), EIP_FIXED.as_bytes());

    // A user who may write someone else's file cannot keep its owner on a new copy: refused
    // rather than silently taking the file over.
    let shared = dir.path().join("shared.py");
    fs::write(&shared, EIP).unwrap();
    fs::set_permissions(dir.path(), fs::Permissions::from_mode(0o777)).unwrap();
    fs::set_permissions(&shared, fs::Permissions::from_mode(0o666)).unwrap();
    let out = as_nobody(dir.path(), &["--write", "shared.py"]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    let owner = fs::metadata(&shared).unwrap();
    assert_eq!(
        error_lines(&stderr(&out)),
        [format!(
            "error: shared.py: owned by uid {} gid {}, which this user cannot keep on a rewritten file; not written, run infra-fix as its owner",
            owner.uid(),
            owner.gid()
        )]
    );
    assert_eq!(fs::read(&shared).unwrap(), EIP.as_bytes());
}

/// Runs `script` with `sh` in a private mount namespace (mounts made there vanish with it); the
/// test fails when mounting is not permitted here.
fn in_mount_namespace(script: &str) -> Output {
    let probe = Command::new("unshare")
        .args([
            "--mount",
            "sh",
            "-c",
            "mount -t tmpfs -o size=64k tmpfs /mnt",
        ])
        .output();
    assert!(
        probe.is_ok_and(|o| o.status.success()),
        "{IN_MOUNT_NAMESPACE}: mounting in a private mount namespace is not permitted here"
    );
    let mut command = Command::new("unshare");
    command
        .args(["--mount", "sh", "-c", script])
        .env("INFRA_FIX", env!("CARGO_BIN_EXE_infra-fix"));
    run_within(command, Duration::from_secs(120))
}

#[test]
#[ignore = "needs root and unshare --mount (private tmpfs mounts); .ci/run runs it where it can"]
fn privileged_a_full_disk_leaves_the_original_intact() {
    // A 64 KB file system holding a 40 KB program: its fixed copy cannot fit beside it.
    let dir = tempfile::tempdir().unwrap();
    let mnt = dir.path().join("mnt");
    fs::create_dir(&mnt).unwrap();
    let padding = format!("# {}\n", "x".repeat(78)).repeat(500);
    let program = format!("{EIP}{padding}");
    let original = dir.path().join("original.py");
    fs::write(&original, &program).unwrap();
    let script = format!(
        "set -e; mount -t tmpfs -o size=64k tmpfs '{mnt}'; cp '{orig}' '{mnt}/big.py'; \
         cd '{mnt}'; set +e; \"$INFRA_FIX\" --write big.py; echo \"exit=$?\"; \
         cmp -s '{orig}' big.py && echo intact; ls -A",
        mnt = mnt.display(),
        orig = original.display()
    );
    let out = in_mount_namespace(&script);
    let (stdout, err) = (String::from_utf8_lossy(&out.stdout), stderr(&out));
    assert_eq!(
        stdout, "exit=2\nintact\nbig.py\n",
        "exit 2, the original intact, no temporary file left; stderr: {err}"
    );
    assert_eq!(
        error_lines(&err),
        [
            "error: big.py: could not write the temporary file: no space left on the device; free some space and run again; the file is unchanged"
        ]
    );
}

#[test]
#[ignore = "needs root and unshare --mount (private tmpfs mounts); .ci/run runs it where it can"]
fn privileged_a_read_only_mount_leaves_the_files_intact() {
    let dir = tree(&[("app/main.py", EIP.as_bytes())]);
    let app = dir.path().join("app");
    let script = format!(
        "set -e; mount --bind '{app}' '{app}'; mount -o remount,bind,ro '{app}'; \
         set +e; \"$INFRA_FIX\" --write '{app}'; echo \"exit=$?\"",
        app = app.display()
    );
    let out = in_mount_namespace(&script);
    let err = stderr(&out);
    assert_eq!(String::from_utf8_lossy(&out.stdout), "exit=2\n", "{err}");
    let errors = error_lines(&err);
    assert_eq!(errors.len(), 1, "{err}");
    assert!(
        errors[0].ends_with(
            "app/main.py: not written: read-only file system; drop --write or remount it writable"
        ),
        "{err}"
    );
    assert_eq!(read(&app, "main.py"), EIP.as_bytes());
}

#[test]
fn two_writers_at_once_leave_every_file_original_or_fully_fixed() {
    let example = fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("testdata/example-project/__main__.py"),
    )
    .unwrap();
    let expected = fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("testdata/example-project/__main__.after.py"),
    )
    .unwrap();
    let dir = tempfile::tempdir().unwrap();
    let files = 200;
    for i in 0..files {
        fs::write(dir.path().join(format!("stack{i:03}.py")), &example).unwrap();
    }
    let spawn = || {
        let mut command = Command::new(env!("CARGO_BIN_EXE_infra-fix"));
        command
            // The example's one finding without a fix (its container image is the program's
            // own) would make a run that met no conflict exit 1: leave that rule out, the
            // fixed text is the same.
            .args(["--write", "--unsafe-fixes", "--jobs", "2", "."])
            .args(["--ignore", "ecs-container-health-check"])
            .current_dir(dir.path());
        std::thread::spawn(move || run_within(command, Duration::from_secs(300)))
    };
    let (a, b) = (spawn(), spawn());
    let (a, b) = (a.join().unwrap(), b.join().unwrap());
    for out in [&a, &b] {
        // 0, or 2 when the other writer got to a file first: it is then skipped, not
        // overwritten with a fix computed from contents that are gone.
        let code = out.status.code();
        assert!(code == Some(0) || code == Some(2), "{}", stderr(out));
        for line in error_lines(&stderr(out)) {
            assert!(
                line.ends_with(
                    "file changed on disk while infra-fix ran; not written, run infra-fix again"
                ),
                "{line}"
            );
        }
    }
    let mut names: Vec<String> = fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        // Both runs wrote the cache, atomically: one whole cache is left.
        .filter(|name| name != ".infra-fix-cache")
        .collect();
    names.sort();
    assert_eq!(names.len(), files, "no temporary files left: {names:?}");
    let cache: Vec<String> = fs::read_dir(dir.path().join(".infra-fix-cache"))
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    assert!(
        cache.len() == 2 && cache.contains(&"results-v3".to_string()),
        "{cache:?}"
    );
    for name in names {
        let now = read(dir.path(), &name);
        assert!(
            now == expected,
            "{name} is neither fully fixed nor original ({} bytes)",
            now.len()
        );
    }
}
