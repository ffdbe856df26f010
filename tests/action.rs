//! The GitHub Action's steps (`scripts/action.sh`, which action.yml runs) with the variables a
//! runner sets, without network: a `file://` server holds a release with the binary under
//! test, and the checkout of the action sits where the runner puts it,
//! `_actions/OWNER/REPO/REF`.
#![cfg(target_os = "linux")]

use std::path::PathBuf;
use std::process::{Command, Output};

const VERSION: &str = env!("CARGO_PKG_VERSION");
const EIP: &str = "import pulumi_aws as aws\n\neip = aws.ec2.Eip(\"e\", vpc=True)\n";

struct Runner {
    root: tempfile::TempDir,
}

impl Runner {
    /// A runner whose server has a release `vVERSION` of acme/infra-fix with this build's
    /// binary for this machine.
    fn new() -> Runner {
        let root = tempfile::tempdir().unwrap();
        let actions = root.path().join("_actions/acme/infra-fix");
        std::fs::create_dir_all(&actions).unwrap();
        std::os::unix::fs::symlink(
            env!("CARGO_MANIFEST_DIR"),
            actions.join(format!("v{VERSION}")),
        )
        .unwrap();
        let release = root.path().join(format!(
            "server/acme/infra-fix/releases/download/v{VERSION}"
        ));
        std::fs::create_dir_all(&release).unwrap();
        // The build the script picks for this machine (the debug binary is large: one).
        let musl = std::fs::read_dir("/lib").is_ok_and(|d| {
            d.flatten()
                .any(|e| e.file_name().to_string_lossy().starts_with("ld-musl-"))
        });
        let libc = if musl { "musl" } else { "gnu" };
        {
            let name = format!("infra-fix-{}-unknown-linux-{libc}", std::env::consts::ARCH);
            let staging = root.path().join("staging").join(&name);
            std::fs::create_dir_all(&staging).unwrap();
            std::fs::copy(env!("CARGO_BIN_EXE_infra-fix"), staging.join("infra-fix")).unwrap();
            run_ok(
                Command::new("tar")
                    .args([
                        "-czf",
                        &format!("{}/{name}.tar.gz", release.display()),
                        &name,
                    ])
                    .current_dir(root.path().join("staging")),
            );
            let sum = run_ok(
                Command::new("sha256sum")
                    .arg(format!("{name}.tar.gz"))
                    .current_dir(&release),
            );
            std::fs::write(release.join(format!("{name}.tar.gz.sha256")), sum.stdout).unwrap();
        }
        std::fs::create_dir_all(root.path().join("temp")).unwrap();
        std::fs::create_dir_all(root.path().join("project")).unwrap();
        Runner { root }
    }

    fn path(&self, relative: &str) -> PathBuf {
        self.root.path().join(relative)
    }

    fn release_files(&self) -> Vec<PathBuf> {
        let dir = self.path(&format!(
            "server/acme/infra-fix/releases/download/v{VERSION}"
        ));
        std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect()
    }

    /// `scripts/action.sh STEP` as the runner runs it; pip can reach no index.
    fn step(&self, step: &str, env: &[(&str, &str)]) -> Output {
        let action = self.path(&format!("_actions/acme/infra-fix/v{VERSION}"));
        let bin = self.path("temp/infra-fix/bin");
        let path = format!("{}:{}", bin.display(), std::env::var("PATH").unwrap());
        let mut command = Command::new(action.join("scripts/action.sh"));
        command
            .arg(step)
            .current_dir(self.path("project"))
            .env("GITHUB_ACTION_PATH", &action)
            .env(
                "GITHUB_SERVER_URL",
                format!("file://{}", self.path("server").display()),
            )
            .env("RUNNER_TEMP", self.path("temp"))
            .env("GITHUB_PATH", self.path("github_path"))
            .env("GITHUB_OUTPUT", self.path("github_output"))
            .env("PATH", path)
            .env("PIP_NO_INDEX", "1")
            .env("PIP_FIND_LINKS", self.path("no-wheels"))
            .env_remove("INFRA_FIX_VERSION");
        for (key, value) in env {
            command.env(key, value);
        }
        command.output().unwrap()
    }

    fn outputs(&self) -> String {
        std::fs::read_to_string(self.path("github_output")).unwrap_or_default()
    }
}

fn run_ok(command: &mut Command) -> Output {
    let out = command.output().unwrap();
    assert!(out.status.success(), "{command:?}: {}", text(&out.stderr));
    out
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn installs_the_released_binary_runs_it_and_counts_the_findings() {
    let runner = Runner::new();
    let out = runner.step("install", &[]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(
        text(&out.stdout).contains("(sha256 checked)"),
        "{}",
        text(&out.stdout)
    );
    let bin = runner.path("temp/infra-fix/bin");
    assert_eq!(
        std::fs::read_to_string(runner.path("github_path")).unwrap(),
        format!("{}\n", bin.display())
    );
    assert_eq!(runner.outputs(), format!("version={VERSION}\n"));
    // The bot example's `run: infra-fix-bot` is the tested script.
    let bot = bin.join("infra-fix-bot");
    assert_eq!(
        std::fs::read(&bot).unwrap(),
        std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/scripts/bot.sh")).unwrap()
    );
    use std::os::unix::fs::PermissionsExt;
    assert_eq!(
        std::fs::metadata(&bot).unwrap().permissions().mode() & 0o111,
        0o111
    );
    let version = run_ok(Command::new(bin.join("infra-fix")).arg("--version"));
    assert!(text(&version.stdout).starts_with(&format!("infra-fix {VERSION} (")));

    // The default arguments: annotations, the step fails on findings, the count is an output.
    std::fs::write(runner.path("project/main.py"), EIP).unwrap();
    let out = runner.step("run", &[("INFRA_FIX_ARGS", "--check --format github")]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stderr));
    assert!(
        text(&out.stdout).starts_with("::warning file=main.py,line=3,"),
        "{}",
        text(&out.stdout)
    );
    assert!(
        runner.outputs().ends_with("findings=1\n"),
        "{}",
        runner.outputs()
    );
    // --write: the count is what remains.
    let out = runner.step("run", &[("INFRA_FIX_ARGS", "--write")]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(
        runner.outputs().ends_with("findings=0\n"),
        "{}",
        runner.outputs()
    );
}

#[test]
fn a_binary_that_does_not_match_its_checksum_is_not_installed() {
    let runner = Runner::new();
    for file in runner.release_files() {
        if file.extension().is_some_and(|e| e == "gz") {
            let mut bytes = std::fs::read(&file).unwrap();
            bytes.extend_from_slice(b"tampered");
            std::fs::write(&file, bytes).unwrap();
        }
    }
    let out = runner.step("install", &[("INFRA_FIX_VERSION", &format!("v{VERSION}"))]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stderr).contains("does not match its sha256 file; not installed"),
        "{}",
        text(&out.stderr)
    );
    assert!(!runner.path("temp/infra-fix/bin/infra-fix").exists());
    assert!(
        !runner.path("temp/infra-fix/venv").exists(),
        "no fallback to pip"
    );
}

#[test]
fn without_a_released_binary_it_falls_back_to_pip() {
    let runner = Runner::new();
    for file in runner.release_files() {
        std::fs::remove_file(file).unwrap();
    }
    let out = runner.step("install", &[]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = text(&out.stderr);
    assert!(stderr.contains(": no infra-fix-"), "{stderr}");
    // pip has no index here: it was asked for exactly this version and found none.
    assert!(
        stderr.contains(&format!("infra-fix=={VERSION}")),
        "{stderr}"
    );
    assert!(stderr.contains("pip could not install"), "{stderr}");
}
