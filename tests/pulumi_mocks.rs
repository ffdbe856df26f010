//! The real SDK is the judge: programs run offline under Pulumi's unit-test mocks
//! (`tests/pulumi_mocks/run_program.py`) against the pinned `pulumi` and `pulumi-aws` of
//! `tests/requirements.txt`, before and after infra-fix.
//!
//! Python comes from `$INFRA_FIX_PYTHON`, else `target/pyenv/bin/python` (what `.ci/run`
//! installs). The tests are ignored by a plain `cargo test`, so that its summary shows them
//! as not run; `cargo test -- --include-ignored` (as `.ci/run` does) runs them, and then a
//! missing Python is a failure, never a silent pass.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

mod common;

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

/// Why the tests of this file are ignored unless asked for.
const NEEDS_PYTHON: &str =
    "needs Python with pulumi and pulumi-aws: run .ci/run or set INFRA_FIX_PYTHON";

/// The Python that runs the programs; a test that was asked to run fails without it.
fn python() -> PathBuf {
    let candidate = std::env::var_os("INFRA_FIX_PYTHON")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(ROOT).join("target/pyenv/bin/python"));
    let works = Command::new(&candidate)
        .args(["-c", "import pulumi, pulumi_aws"])
        .output()
        .is_ok_and(|o| o.status.success());
    assert!(
        works,
        "{} cannot import pulumi and pulumi_aws: this test {NEEDS_PYTHON}",
        candidate.display()
    );
    candidate
}

fn run_program(python: &Path, program: &Path, json: Option<&Path>) -> Output {
    let mut cmd = Command::new(python);
    cmd.arg(Path::new(ROOT).join("tests/pulumi_mocks/run_program.py"))
        .arg(program);
    if let Some(json) = json {
        cmd.arg("--json").arg(json);
    }
    cmd.output().expect("python runs")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// `infra-fix --write --unsafe-fixes` over `project`, which must leave nothing unfixed.
fn fix_everything(project: &Path) {
    let fix = Command::new(env!("CARGO_BIN_EXE_infra-fix"))
        .args(["--write", "--unsafe-fixes"])
        .arg(project)
        .output()
        .unwrap();
    assert_eq!(fix.status.code(), Some(0), "{}", stderr(&fix));
}

/// Runs each program under the mocks (`run_program.py --each`): for each, `None` when it ran,
/// else its error. `config`: the stack configuration, as `PULUMI_CONFIG` takes it.
fn run_each(python: &Path, programs: &[PathBuf], config: &str) -> Vec<Option<String>> {
    let out = Command::new(python)
        .arg(Path::new(ROOT).join("tests/pulumi_mocks/run_program.py"))
        .arg("--each")
        .args(programs)
        .env("PULUMI_CONFIG", config)
        .output()
        .expect("python runs");
    assert!(
        out.status.success(),
        "run_program.py --each: {}",
        stderr(&out)
    );
    let lines: Vec<serde_json::Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), programs.len());
    lines
        .iter()
        .zip(programs)
        .map(|(line, program)| {
            assert_eq!(line["program"], program.to_str().unwrap());
            (line["ok"] != true).then(|| line["error"].as_str().unwrap_or_default().to_string())
        })
        .collect()
}

/// Copies the tree below `from` to `to`, without the fixtures' expectations.
fn copy_tree(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_str().unwrap();
        if path.is_dir() {
            copy_tree(&path, &to.join(name));
        } else if !name.ends_with(".after.py") && !name.ends_with(".findings") {
            std::fs::copy(&path, to.join(name)).unwrap();
        }
    }
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let name = entry.file_name();
        let name = name.to_str().unwrap();
        // Only the program itself, not the fixture's expected output.
        if entry.path().is_file() && !name.ends_with(".after.py") && !name.ends_with(".findings") {
            std::fs::copy(entry.path(), to.join(name)).unwrap();
        }
    }
}

#[test]
#[ignore = "needs Python with pulumi and pulumi-aws: run .ci/run or set INFRA_FIX_PYTHON"]
fn the_harness_tells_failing_programs_from_running_ones() {
    let python = python();
    let examples = Path::new(ROOT).join("tests/pulumi_mocks/examples");
    let cases = [
        (
            "eip_vpc_true.py",
            false,
            "unexpected keyword argument 'vpc'",
        ),
        ("eip_domain.py", true, ""),
        ("apply_error.py", false, "boom in apply"),
        (
            "ecs_deployment_configuration.py",
            false,
            "unexpected keyword argument 'maximum_percent'",
        ),
        ("webapp", true, ""),
    ];
    for (program, runs, error) in cases {
        let out = run_program(&python, &examples.join(program), None);
        assert_eq!(out.status.success(), runs, "{program}: {}", stderr(&out));
        assert!(stderr(&out).contains(error), "{program}: {}", stderr(&out));
    }
    // Many programs at once, each in a process forked from one: the same verdicts.
    let programs: Vec<PathBuf> = cases.iter().map(|(p, ..)| examples.join(p)).collect();
    for ((program, runs, error), result) in cases.iter().zip(run_each(&python, &programs, "{}")) {
        assert_eq!(result.is_none(), *runs, "{program}: {result:?}");
        assert!(result.unwrap_or_default().contains(error), "{program}");
    }
}

/// The stack configuration some fixtures read (`pulumi.Config().require(...)`).
const FIXTURE_CONFIG: &str =
    r#"{"project:dbPassword": "fixture-password", "project:alb_sg_id": "sg-0123456789abcdef0"}"#;

/// Every program of the test suite, the fixtures (`testdata/**/*.before.py` and the projects'
/// `__main__.py`) and the harness's examples, runs under the mocks before and after
/// `infra-fix --write --unsafe-fixes --select ALL`: a program that ran before must still run
/// after (a fix never makes a running program fail). Programs that fail before are not
/// mock-runnable (they hold the very errors infra-fix fixes, or read configuration or names
/// the mocks lack): the test prints them with their errors (`--nocapture`), and those the
/// fixes made run. Every program runs against the one pulumi-aws of `tests/requirements.txt`
/// (7.x), the pulumi-aws 6 fixtures included.
#[test]
#[ignore = "needs Python with pulumi and pulumi-aws: run .ci/run or set INFRA_FIX_PYTHON"]
fn no_fix_makes_a_program_that_ran_fail() {
    let python = python();
    let dir = tempfile::tempdir().unwrap();
    let testdata = dir.path().join("testdata");
    let examples = dir.path().join("examples");
    copy_tree(&Path::new(ROOT).join("testdata"), &testdata);
    copy_tree(
        &Path::new(ROOT).join("tests/pulumi_mocks/examples"),
        &examples,
    );
    let mut programs: Vec<PathBuf> = common::python_files(&testdata)
        .into_iter()
        .filter(|p| {
            let name = p.file_name().unwrap().to_str().unwrap();
            name.ends_with(".before.py") || name == "__main__.py"
        })
        .collect();
    let mut example_programs: Vec<PathBuf> = std::fs::read_dir(&examples)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    example_programs.sort();
    programs.extend(example_programs);

    let started = std::time::Instant::now();
    let before = run_each(&python, &programs, FIXTURE_CONFIG);
    let fix = Command::new(env!("CARGO_BIN_EXE_infra-fix"))
        .args(["--write", "--unsafe-fixes", "--select", "ALL", "--no-cache"])
        .arg(&testdata)
        .arg(&examples)
        .output()
        .unwrap();
    assert!(
        matches!(fix.status.code(), Some(0 | 1)),
        "infra-fix could not do its job: {}",
        stderr(&fix)
    );
    let after = run_each(&python, &programs, FIXTURE_CONFIG);

    let name = |p: &Path| p.strip_prefix(dir.path()).unwrap().display().to_string();
    let mut broken = Vec::new();
    let mut not_runnable = Vec::new();
    let mut made_to_run = 0;
    for ((program, before), after) in programs.iter().zip(&before).zip(&after) {
        match (before, after) {
            (None, Some(error)) => broken.push(format!("{}: {error}", name(program))),
            (Some(error), after) => {
                made_to_run += usize::from(after.is_none());
                let verdict = if after.is_none() {
                    "runs after"
                } else {
                    "fails after too"
                };
                not_runnable.push(format!("{}: {error} ({verdict})", name(program)));
            }
            (None, None) => {}
        }
    }
    let ran = programs.len() - not_runnable.len();
    eprintln!(
        "{} programs in {:.0?}: {ran} ran before infra-fix, {} did not ({made_to_run} of them run after it):\n{}",
        programs.len(),
        started.elapsed(),
        not_runnable.len(),
        not_runnable.join("\n")
    );
    assert!(
        broken.is_empty(),
        "fixes made these programs fail:\n{}",
        broken.join("\n")
    );
    // Not vacuous: most of the suite runs under the mocks.
    assert!(
        ran * 3 >= programs.len() * 2,
        "only {ran} of {} programs ran",
        programs.len()
    );
}

#[test]
#[ignore = "needs Python with pulumi and pulumi-aws: run .ci/run or set INFRA_FIX_PYTHON"]
fn the_example_project_fails_before_and_runs_after_infra_fix() {
    let python = python();
    let dir = tempfile::tempdir().unwrap();
    let project = dir.path().join("project");
    copy_dir(&Path::new(ROOT).join("testdata/example-project"), &project);
    let program = project.join("__main__.py");

    let before = run_program(&python, &program, None);
    assert!(!before.status.success());
    assert!(
        stderr(&before).contains("unexpected keyword argument 'vpc'"),
        "{}",
        stderr(&before)
    );

    fix_everything(&project);

    let json = dir.path().join("resources.json");
    let after = run_program(&python, &program, Some(&json));
    assert!(
        after.status.success(),
        "the fixed program does not run: {}",
        stderr(&after)
    );

    // What the engine would have received.
    let resources: Vec<serde_json::Value> =
        serde_json::from_slice(&std::fs::read(&json).unwrap()).unwrap();
    let of_type = |t: &'static str| {
        resources
            .iter()
            .filter(move |r| r["type"] == t)
            .map(|r| &r["inputs"])
    };
    let eips: Vec<_> = of_type("aws:ec2/eip:Eip").collect();
    assert_eq!(eips.len(), 2);
    assert!(
        eips.iter()
            .all(|e| e["domain"] == "vpc" && e.get("vpc").is_none())
    );
    let db = of_type("aws:rds/instance:Instance").next().unwrap();
    assert_eq!(db["backupRetentionPeriod"], 7);
    assert_eq!(db["backupWindow"], "03:00-04:00");
    assert_eq!(db["maintenanceWindow"], "mon:04:00-mon:05:00");
    let repo = of_type("aws:ecr/repository:Repository").next().unwrap();
    assert_eq!(
        (&repo["forceDelete"], &repo["imageTagMutability"]),
        (&serde_json::json!(true), &serde_json::json!("MUTABLE"))
    );
    let service = of_type("aws:ecs/service:Service").next().unwrap();
    assert_eq!(service["deploymentMaximumPercent"], 200);
    assert_eq!(service["deploymentMinimumHealthyPercent"], 100);
    assert_eq!(service["healthCheckGracePeriodSeconds"], 60);
    assert!(service.get("deploymentConfiguration").is_none());
    let rule = of_type("aws:ec2/securityGroupRule:SecurityGroupRule")
        .next()
        .unwrap();
    assert_eq!(rule["description"], "Allow alb to reach ecs on tcp/5000");
    let alb_sg = of_type("aws:ec2/securityGroup:SecurityGroup")
        .find(|g| g["description"] == "Load balancer")
        .unwrap();
    assert_eq!(
        alb_sg["ingress"][0]["description"],
        "Allow HTTPS from internet"
    );
    assert_eq!(
        alb_sg["egress"][0]["description"],
        "Allow all outbound traffic"
    );
}

#[test]
#[ignore = "needs Python with pulumi and pulumi-aws: run .ci/run or set INFRA_FIX_PYTHON"]
fn every_fixed_fixture_compiles_with_python() {
    let python = python();
    let files: Vec<PathBuf> = common::python_files(&Path::new(ROOT).join("testdata"))
        .into_iter()
        .filter(|p| p.to_str().unwrap().ends_with(".after.py"))
        .collect();
    assert!(!files.is_empty());
    // compile() rather than py_compile: nothing is written next to the fixtures.
    let script =
        "import sys\nfor p in sys.argv[1:]:\n    compile(open(p, 'rb').read(), p, 'exec')\n";
    let out = Command::new(python)
        .arg("-c")
        .arg(script)
        .args(&files)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "a fixed fixture is not valid Python: {}",
        stderr(&out)
    );
}

/// The catalog's product-catalog stack: fixed with every rule, it runs under the mocks and the
/// engine receives the dependencies the cross-resource rules added.
#[test]
#[ignore = "needs Python with pulumi and pulumi-aws: run .ci/run or set INFRA_FIX_PYTHON"]
fn the_product_catalog_runs_after_infra_fix_with_its_dependencies() {
    let python = python();
    let dir = tempfile::tempdir().unwrap();
    let project = dir.path().join("project");
    copy_dir(&Path::new(ROOT).join("testdata/product-catalog"), &project);

    let before = run_program(&python, &project, None);
    assert!(
        stderr(&before).contains("unexpected keyword argument 'vpc'"),
        "{}",
        stderr(&before)
    );

    fix_everything(&project);
    assert_eq!(
        std::fs::read_to_string(project.join("__main__.py")).unwrap(),
        std::fs::read_to_string(Path::new(ROOT).join("testdata/product-catalog/__main__.after.py"))
            .unwrap()
    );

    let json = dir.path().join("resources.json");
    let after = run_program(&python, &project, Some(&json));
    assert!(
        after.status.success(),
        "the fixed program does not run: {}",
        stderr(&after)
    );
    let resources: Vec<serde_json::Value> =
        serde_json::from_slice(&std::fs::read(&json).unwrap()).unwrap();
    let find = |name: &str| {
        resources
            .iter()
            .find(|r| r["name"] == name)
            .unwrap_or_else(|| panic!("{name} was not registered"))
    };
    let depends = |name: &str, on: &[&str]| {
        let deps = &find(name)["dependencies"];
        for dependency in on {
            assert!(
                deps.as_array().unwrap().iter().any(|d| d == dependency),
                "{name} does not depend on {dependency}: {deps}"
            );
        }
    };
    for i in 0..2 {
        // Nothing in their inputs refers to the gateway: only `depends_on` orders them.
        depends(&format!("nat-eip-{i}-dev"), &["igw-dev"]);
        depends(
            &format!("nat-{i}-dev"),
            &[&format!("nat-eip-{i}-dev"), "igw-dev"],
        );
        depends(
            &format!("private-route-{i}-dev"),
            &[&format!("nat-{i}-dev")],
        );
    }
    depends("ecs-service-dev", &["alb-listener-dev", "rds-dev"]);
    depends("ecs-autoscaling-target-dev", &["ecs-service-dev"]);
    // Hoisted out of the apply: registered with the database it waits for, and the host is
    // the instance's address, without the port.
    depends("db-secret-version-dev", &["db-secret-dev", "rds-dev"]);
    let secret: serde_json::Value = serde_json::from_str(
        find("db-secret-version-dev")["inputs"]["secretString"]
            .as_str()
            .unwrap(),
    )
    .unwrap();
    // The mocks' `address` of rds-dev; its `endpoint` ends in `:5432`.
    assert_eq!(secret["host"], "rds-dev.example.rds.amazonaws.com");

    // Secrets, IAM and containers (catalog issues 3, 4, 7, 8).
    let inputs = |name: &str| &find(name)["inputs"];
    let secret_arn = "arn:aws:secretsmanager:us-east-1:123456789012:db-secret-dev";
    // The password is pulumi-random's generated result, not the literal of the program.
    assert_eq!(
        find("db-password")["type"],
        "random:index/randomPassword:RandomPassword"
    );
    assert_eq!(inputs("db-password")["length"], 20);
    assert_eq!(
        inputs("rds-dev")["password"],
        "mock-random-password-db-password"
    );
    // The task role reads the program's secret, not every secret of the account; the actions
    // AWS requires "*" for keep it.
    let policy: serde_json::Value =
        serde_json::from_str(inputs("ecs-task-policy-dev")["policy"].as_str().unwrap()).unwrap();
    let statements = policy["Statement"].as_array().unwrap();
    assert_eq!(statements[0]["Resource"], secret_arn);
    assert_eq!(
        statements[0]["Action"],
        serde_json::json!([
            "secretsmanager:GetSecretValue",
            "secretsmanager:DescribeSecret"
        ])
    );
    assert_eq!(statements[1]["Resource"], "*");
    // The container: a health check on the target group's path, the host port that awsvpc
    // needs, and the JSON key of the secret.
    let containers: serde_json::Value =
        serde_json::from_str(inputs("task-dev")["containerDefinitions"].as_str().unwrap()).unwrap();
    let container = &containers[0];
    assert_eq!(
        container["healthCheck"]["command"],
        serde_json::json!([
            "CMD-SHELL",
            "curl -f http://localhost:5000/health || exit 1"
        ])
    );
    assert_eq!(container["portMappings"][0]["hostPort"], 5000);
    assert_eq!(
        container["secrets"][0]["valueFrom"],
        format!("{secret_arn}:connection_string::")
    );
    // The key exists in what the secret stores.
    let stored: serde_json::Value = serde_json::from_str(
        inputs("db-secret-version-dev")["secretString"]
            .as_str()
            .unwrap(),
    )
    .unwrap();
    assert_eq!(
        stored["connection_string"],
        "postgresql://postgres@rds-dev.example.rds.amazonaws.com:5432/catalog"
    );
}
