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

/// `infra-fix --write --unsafe-fixes` over `project`, which must leave unfixed only findings
/// of the rules in `unfixed`, one each.
fn fix_everything(project: &Path, unfixed: &[&str]) {
    let fix = Command::new(env!("CARGO_BIN_EXE_infra-fix"))
        .args(["--write", "--unsafe-fixes", "--output-format=concise"])
        .arg(project)
        .output()
        .unwrap();
    let report = stderr(&fix);
    let mut remaining: Vec<&str> = report
        .lines()
        .filter_map(|l| l.split(": ").nth(1)?.split(' ').next())
        .collect();
    remaining.sort();
    assert_eq!(remaining, unfixed, "{report}");
    let code = if unfixed.is_empty() { 0 } else { 1 };
    assert_eq!(fix.status.code(), Some(code), "{report}");
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
    // Not vacuous: most of the suite runs under the mocks, before infra-fix or (the fixtures of
    // programs that crash as written) after it.
    assert!(
        (ran + made_to_run) * 4 >= programs.len() * 3 && ran * 2 >= programs.len(),
        "only {ran} of {} programs ran before infra-fix, {made_to_run} more after it",
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

    // The container's image comes from the program's ECR repository: no probe is known to run
    // in it, so its health check is reported, not written.
    fix_everything(&project, &["ecs-container-health-check"]);

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

    fix_everything(&project, &["ecs-container-health-check"]);
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
    // The container: no health check whose command might not exist in the program's own
    // image, and the JSON key of the secret.
    let containers: serde_json::Value =
        serde_json::from_str(inputs("task-dev")["containerDefinitions"].as_str().unwrap()).unwrap();
    let container = &containers[0];
    assert!(container.get("healthCheck").is_none(), "{container}");
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

/// The Python with pulumi-aws 6 that the upgrade tests run programs on first
/// (`$INFRA_FIX_PYTHON6`, else `target/pyenv6/bin/python`, which `.ci/run` makes).
fn python6() -> PathBuf {
    python_with_major(6)
}

/// `$INFRA_FIX_PYTHON<major>`, else `target/pyenv<major>/bin/python`, checked to import
/// pulumi-aws of that major.
fn python_with_major(major: u8) -> PathBuf {
    let candidate = std::env::var_os(format!("INFRA_FIX_PYTHON{major}"))
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(ROOT).join(format!("target/pyenv{major}/bin/python")));
    let check = format!(
        "import pulumi_aws, importlib.metadata as m; assert m.version('pulumi-aws').startswith('{major}.')"
    );
    let works = Command::new(&candidate)
        .args(["-c", &check])
        .output()
        .is_ok_and(|o| o.status.success());
    assert!(
        works,
        "{} cannot import pulumi-aws {major}: this test needs it (run .ci/run, or set INFRA_FIX_PYTHON{major})",
        candidate.display()
    );
    candidate
}

type Registered = std::collections::BTreeMap<String, (String, serde_json::Value)>;

/// Runs the program folder `program` on `old` (it must run), rewrites a copy with `infra-fix
/// upgrade --to <to> --write --unsafe-fixes` and runs it on `new` (it must run); checks that the
/// rewritten pin allows the pulumi-aws of `new` and not that of `old`, and that a second
/// upgrade finds nothing. Returns the `--write` run and what each run registered.
fn upgraded(program: &Path, to: u64, old: &Path, new: &Path) -> (Output, Registered, Registered) {
    let dir = tempfile::tempdir().unwrap();
    let project = dir.path().join("project");
    copy_dir(program, &project);
    let before_json = dir.path().join("before.json");
    let before = run_program(old, &project, Some(&before_json));
    assert!(
        before.status.success(),
        "{}: on {}: {}",
        program.display(),
        to - 1,
        stderr(&before)
    );
    let upgrade = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_infra-fix"))
            .args(["upgrade", "--to", &to.to_string(), "--unsafe-fixes"])
            .args(args)
            .arg(&project)
            .output()
            .unwrap()
    };
    let written = upgrade(&["--write"]);
    let after_json = dir.path().join("after.json");
    let after = run_program(new, &project, Some(&after_json));
    assert!(
        after.status.success(),
        "{}: on {to}: {}",
        program.display(),
        stderr(&after)
    );
    // The rewritten pin is one pip reads as allowing the pulumi-aws just run, and not the old.
    let requirements = project.join("requirements.txt");
    for (python, allowed) in [(new, "True"), (old, "False")] {
        let reads = Command::new(python)
            .args(["-c", PIN_ALLOWS_INSTALLED])
            .arg(&requirements)
            .output()
            .unwrap();
        assert_eq!(
            String::from_utf8_lossy(&reads.stdout).trim(),
            allowed,
            "{}: {}",
            program.display(),
            stderr(&reads)
        );
    }
    // Idempotent: nothing left to rewrite.
    let again = upgrade(&["--check"]);
    assert_eq!(
        again.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&again.stdout)
    );
    (written, registered(&before_json), registered(&after_json))
}

/// The resources a program registered, by name: (type, inputs).
fn registered(json: &Path) -> Registered {
    let text = std::fs::read_to_string(json).unwrap();
    let resources: Vec<serde_json::Value> = serde_json::from_str(&text).unwrap();
    resources
        .into_iter()
        .map(|r| {
            let name = r["name"].as_str().unwrap().to_string();
            let kind = r["type"].as_str().unwrap().to_string();
            (name, (kind, r["inputs"].clone()))
        })
        .collect()
}

/// `ec2.Eip` of `aws:ec2/eip:Eip`, `Provider` of `pulumi:providers:aws`.
fn class_key(token: &str) -> String {
    if token == "pulumi:providers:aws" {
        return "Provider".to_string();
    }
    let module = token.split(':').nth(1).unwrap().split('/').next().unwrap();
    let class = token.rsplit(':').next().unwrap();
    format!("{module}.{class}")
}

/// `inputs` of a `key` resource registered on 6 as 7 must register them once the upgrade has
/// pinned the defaults of `V7_PINNED_DEFAULTS`: each left-out argument set to its 6 default,
/// in the resource or in every object under the nested key. Notes each argument it pins.
fn pin_defaults(
    inputs: &serde_json::Value,
    key: &str,
    seen: &mut std::collections::BTreeSet<&'static str>,
) -> serde_json::Value {
    use infra_fix::pulumi::upgrade::V7_PINNED_DEFAULTS;
    use serde_json::Value;
    fn insert_under(value: &mut Value, dict_key: &str, argument: &str, pinned: &Value) -> bool {
        let mut inserted = false;
        match value {
            Value::Object(map) => {
                for (k, v) in map.iter_mut() {
                    if k == dict_key
                        && let Value::Object(object) = v
                        && !object.contains_key(argument)
                    {
                        object.insert(argument.to_string(), pinned.clone());
                        inserted = true;
                    } else {
                        inserted |= insert_under(v, dict_key, argument, pinned);
                    }
                }
            }
            Value::Array(items) => {
                for item in items {
                    inserted |= insert_under(item, dict_key, argument, pinned);
                }
            }
            _ => {}
        }
        inserted
    }
    let mut out = inputs.clone();
    for pin in V7_PINNED_DEFAULTS {
        let pinned = match pin.value {
            "True" => Value::Bool(true),
            "False" => Value::Bool(false),
            quoted => Value::String(quoted.trim_matches('"').to_string()),
        };
        let argument = camel(pin.argument);
        match pin.nested {
            Some((within, dict_key))
                if within == key
                    && insert_under(&mut out, &camel(dict_key), &argument, &pinned) =>
            {
                seen.insert(pin.argument);
            }
            None if pin.on == key => {
                let map = out.as_object_mut().unwrap();
                if !map.contains_key(&argument)
                    && pin.when.is_none_or(|w| map.contains_key(&camel(w)))
                {
                    map.insert(argument, pinned);
                    seen.insert(pin.argument);
                }
            }
            _ => {}
        }
    }
    out
}

/// `s3.BucketAcl` -> `aws:s3/bucketAcl:BucketAcl`.
fn type_token(key: &str) -> String {
    let (module, class) = key.split_once('.').unwrap();
    let lower = class[..1].to_lowercase() + &class[1..];
    format!("aws:{module}/{lower}:{class}")
}

/// `BucketV2`'s registered inputs as `Bucket` must register them: each input of
/// `V7_BUCKET_V2_UNWRAPPED` (wire names at `path`), a list of one, becomes its element under
/// the new name, and an empty one disappears. Notes each path it unwraps.
fn unwrap_bucket_v2(
    value: &serde_json::Value,
    path: &str,
    seen: &mut std::collections::BTreeSet<String>,
) -> serde_json::Value {
    use infra_fix::pulumi::upgrade::V7_BUCKET_V2_UNWRAPPED;
    use serde_json::Value;
    match value {
        Value::Object(map) => {
            let mut out = serde_json::Map::new();
            for (key, inner) in map {
                let snake: String = key
                    .chars()
                    .flat_map(|c| match c.is_ascii_uppercase() {
                        true => vec!['_', c.to_ascii_lowercase()],
                        false => vec![c],
                    })
                    .collect();
                let full = if path.is_empty() {
                    snake
                } else {
                    format!("{path}.{snake}")
                };
                match V7_BUCKET_V2_UNWRAPPED.iter().find(|(p, _)| *p == full) {
                    Some((_, new)) => {
                        let list = inner.as_array().expect("a list on 6");
                        assert!(list.len() <= 1, "{full}: at most one element on 6");
                        if let Some(only) = list.first() {
                            out.insert(camel(new), unwrap_bucket_v2(only, &full, seen));
                            seen.insert(full);
                        }
                    }
                    None => {
                        out.insert(key.clone(), unwrap_bucket_v2(inner, &full, seen));
                    }
                }
            }
            Value::Object(out)
        }
        Value::Array(items) => Value::Array(
            items
                .iter()
                .map(|i| unwrap_bucket_v2(i, path, seen))
                .collect(),
        ),
        other => other.clone(),
    }
}

/// `assume_role` -> `assumeRole`: the wire name of an argument.
fn camel(name: &str) -> String {
    let mut out = String::new();
    let mut upper = false;
    for c in name.chars() {
        if c == '_' {
            upper = true;
        } else if upper {
            out.extend(c.to_uppercase());
            upper = false;
        } else {
            out.push(c);
        }
    }
    out
}

/// Prints whether the pulumi-aws requirement of the requirements file named by `argv[1]`, as
/// `packaging` (pip's own parser) reads it, allows the pulumi-aws installed beside it.
const PIN_ALLOWS_INSTALLED: &str = "import sys, importlib.metadata as m
from packaging.requirements import Requirement
lines = [l.split('#')[0].strip() for l in open(sys.argv[1])]
pin = next(Requirement(l) for l in lines if l and Requirement(l).name == 'pulumi-aws')
print(pin.specifier.contains(m.version('pulumi-aws')))";

/// Issue 13: a translation changes nothing. Each program of `testdata/upgrade/` runs on
/// pulumi-aws 6, then `infra-fix upgrade --to 7 --write --unsafe-fixes` rewrites it, and it
/// runs on 7 registering the same resources (names; types, or the documented renamed type)
/// with the same inputs, except exactly the arguments the change tables map; a second upgrade
/// changes nothing.
#[test]
#[ignore = "needs Python with pulumi and pulumi-aws: run .ci/run or set INFRA_FIX_PYTHON"]
fn upgraded_programs_register_the_same_resources_on_7() {
    use infra_fix::pulumi::upgrade::{
        Rewrite, V7_ACCOUNT_RESET_ON_DELETE, V7_ARGUMENTS, V7_BUCKET_COMPANIONS_V2, V7_BUCKET_V2,
        V7_BUCKET_V2_UNWRAPPED, V7_NESTED_ARGS, V7_PINNED_DEFAULTS, V7_RDS_CHARACTER_SET,
        V7_REMOVED_PROVIDER_ENDPOINTS, V7_SSM_ASSOCIATION_INSTANCE_ID,
    };
    let mut targets_seen = false;
    // Rows 22 and 31: arguments the unsafe rewrites delete (`reset_on_delete=False` also
    // becomes the `retain_on_delete` option, which the mocks do not see).
    let deleted = [V7_ACCOUNT_RESET_ON_DELETE, V7_RDS_CHARACTER_SET];
    let mut endpoints_seen = std::collections::BTreeSet::new();
    let mut deleted_seen = std::collections::BTreeSet::new();
    let (python7, python6) = (python(), python6());
    let mut mapped_seen = std::collections::BTreeSet::new();
    let mut unwrapped_seen = std::collections::BTreeSet::new();
    let mut renamed_seen = std::collections::BTreeSet::new();
    let mut pinned_seen = std::collections::BTreeSet::new();
    let programs = std::fs::read_dir(Path::new(ROOT).join("testdata/upgrade")).unwrap();
    for program in programs.map(|e| e.unwrap().path()).filter(|p| p.is_dir()) {
        let (written, before, after) = upgraded(&program, 7, &python6, &python7);
        assert_ne!(written.status.code(), Some(2), "{}", stderr(&written));
        assert_eq!(
            before.keys().collect::<Vec<_>>(),
            after.keys().collect::<Vec<_>>(),
            "{}: the same resource names",
            program.display()
        );
        for (name, (kind, inputs)) in &before {
            let (kind_after, inputs_after) = &after[name];
            let key = class_key(kind);
            // Rows 6 and 7: the class without `V2`, its inputs reshaped exactly as the table says.
            let renamed = if key == V7_BUCKET_V2.0 {
                Some(V7_BUCKET_V2.1.to_string())
            } else if V7_BUCKET_COMPANIONS_V2.contains(&key.as_str()) {
                Some(key.strip_suffix("V2").unwrap().to_string())
            } else {
                None
            };
            if let Some(new) = renamed {
                assert_eq!(*kind_after, type_token(&new), "{name}: {kind} renamed");
                let expected = unwrap_bucket_v2(inputs, "", &mut unwrapped_seen);
                assert_eq!(
                    *inputs_after, expected,
                    "{name}: {kind}'s inputs reshaped as the table says"
                );
                renamed_seen.insert(key);
                continue;
            }
            assert_eq!(kind, kind_after, "{name}: the same type");
            // Rows 37, 45, 49: the 6 default written in where the program left it out.
            let mut inputs = pin_defaults(inputs, &key, &mut pinned_seen);
            // Row 48: `instanceId: X` becomes `targets: [{key: InstanceIds, values: [X]}]`.
            let (class, argument) = V7_SSM_ASSOCIATION_INSTANCE_ID;
            if key == class
                && let Some(map) = inputs.as_object_mut()
                && let Some(id) = map.remove(&camel(argument))
            {
                map.insert(
                    "targets".to_string(),
                    serde_json::json!([{"key": "InstanceIds", "values": [id]}]),
                );
                targets_seen = true;
            }
            // `ConnectPeer(bgp_options={"peer_asn": 65000})`: the retyped keys of a nested
            // `*Args` class carry the same value as a string.
            for &(resource, argument, args) in V7_NESTED_ARGS {
                let Some(nested) = inputs
                    .get_mut(camel(argument))
                    .and_then(|n| n.as_object_mut())
                    .filter(|_| key == resource)
                else {
                    continue;
                };
                for change in V7_ARGUMENTS.iter().filter(|c| c.on == args) {
                    if let Some(value) = nested.get_mut(&camel(change.argument)) {
                        let text = match (&*value, change.rewrite) {
                            (serde_json::Value::Number(n), Rewrite::IntAsString) => n.to_string(),
                            (serde_json::Value::Bool(b), Rewrite::BoolAsString) => b.to_string(),
                            _ => panic!("{name}: {args}.{} is {value} on 6", change.argument),
                        };
                        *value = serde_json::Value::String(text);
                        mapped_seen.insert((change.on, change.argument));
                    }
                }
            }
            let inputs = &inputs;
            let changes: Vec<_> = V7_ARGUMENTS.iter().filter(|c| c.on == key).collect();
            let empty = serde_json::Map::new();
            let (old, new) = (
                inputs.as_object().unwrap_or(&empty),
                inputs_after.as_object().unwrap_or(&empty),
            );
            let keys: std::collections::BTreeSet<&String> = old.keys().chain(new.keys()).collect();
            for field in keys.into_iter().filter(|k| old.get(*k) != new.get(*k)) {
                // Row 2: the provider's endpoints (a JSON string) lose the removed services.
                if key == "Provider" && field == "endpoints" {
                    let parse = |v: Option<&serde_json::Value>| -> serde_json::Value {
                        serde_json::from_str(v.and_then(|v| v.as_str()).unwrap_or("[]")).unwrap()
                    };
                    let mut expected = parse(old.get(field));
                    for endpoint in expected.as_array_mut().unwrap() {
                        let endpoint = endpoint.as_object_mut().unwrap();
                        for removed in V7_REMOVED_PROVIDER_ENDPOINTS {
                            if endpoint.remove(*removed).is_some() {
                                endpoints_seen.insert(*removed);
                            }
                        }
                    }
                    assert_eq!(parse(new.get(field)), expected, "{name}: endpoints");
                    continue;
                }
                if let Some(&(on, argument)) = deleted
                    .iter()
                    .find(|(on, a)| *on == key && camel(a) == *field)
                {
                    assert_eq!(new.get(field), None, "{name}: `{field}` deleted");
                    deleted_seen.insert((on, argument));
                    continue;
                }
                let change = changes.iter().find(|c| {
                    let written = match c.rewrite {
                        Rewrite::Rename(n)
                        | Rewrite::Unwrap(n)
                        | Rewrite::Wrap(n)
                        | Rewrite::Merge(n)
                        | Rewrite::Ordered(n) => Some(n),
                        Rewrite::EipDomain => Some("domain"),
                        Rewrite::Delete(_) | Rewrite::BoolAsString | Rewrite::IntAsString => None,
                    };
                    camel(c.argument) == *field || written.is_some_and(|w| camel(w) == *field)
                });
                // `Deployment(stage_name="")` asked for no stage: deleted (row 23).
                if key == "apigateway.Deployment"
                    && *field == "stageName"
                    && old.get(field) == Some(&serde_json::json!(""))
                    && new.get(field).is_none()
                {
                    mapped_seen.insert(("apigateway.Deployment", "stage_name"));
                    continue;
                }
                let Some(change) = change else {
                    panic!(
                        "{}: {name} ({kind}): input `{field}` changed ({:?} -> {:?}), which no upgrade rewrite maps",
                        program.display(),
                        old.get(field),
                        new.get(field)
                    );
                };
                if change.rewrite.retypes() {
                    // `True` or `65000` on 6, `"true"` or `"65000"` on 7: the same value in the
                    // type 7 takes.
                    let was = old.get(field).map(|v| match v {
                        serde_json::Value::Bool(b) => b.to_string(),
                        other => other.to_string(),
                    });
                    assert_eq!(
                        new.get(field).and_then(|v| v.as_str()).map(String::from),
                        was,
                        "{name}: {field} keeps its value as a string"
                    );
                }
                if let Rewrite::Rename(to) = change.rewrite {
                    assert_eq!(
                        old.get(&camel(change.argument)),
                        new.get(&camel(to)),
                        "{name}: {field} keeps its value"
                    );
                }
                mapped_seen.insert((change.on, change.argument));
            }
        }
    }
    assert!(
        targets_seen,
        "no program of testdata/upgrade/ shows `instance_id` of `ssm.Association` rewritten"
    );
    assert!(
        !endpoints_seen.is_empty(),
        "no program of testdata/upgrade/ shows a removed service's endpoint deleted"
    );
    for (on, argument) in deleted {
        assert!(
            deleted_seen.contains(&(on, argument)),
            "no program of testdata/upgrade/ shows `{argument}` of `{on}` deleted"
        );
    }
    for pin in V7_PINNED_DEFAULTS {
        assert!(
            pinned_seen.contains(pin.argument),
            "no program of testdata/upgrade/ shows `{}` of `{}` pinned",
            pin.argument,
            pin.on
        );
    }
    for (path, _) in V7_BUCKET_V2_UNWRAPPED {
        assert!(
            unwrapped_seen.contains(*path),
            "no program of testdata/upgrade/ shows `BucketV2`'s `{path}` unwrapped"
        );
    }
    for class in V7_BUCKET_COMPANIONS_V2.iter().chain([&V7_BUCKET_V2.0]) {
        assert!(
            renamed_seen.contains(*class),
            "no program of testdata/upgrade/ shows `{class}` renamed"
        );
    }
    assert!(
        mapped_seen.contains(&("apigateway.Deployment", "stage_name")),
        "no program of testdata/upgrade/ deletes `stage_name=\"\"`"
    );
    // Every class rewrite of the table is exercised by some program.
    for change in V7_ARGUMENTS
        .iter()
        .filter(|c| c.on.contains(|c: char| c.is_ascii_uppercase()))
    {
        assert!(
            mapped_seen.contains(&(change.on, change.argument)),
            "no program of testdata/upgrade/ shows `{}` of `{}` changing",
            change.argument,
            change.on
        );
    }
}

/// The Python with pulumi-aws 5 that the `--to 6` upgrade test runs programs on first
/// (`$INFRA_FIX_PYTHON5`, else `target/pyenv5/bin/python`, which `.ci/run` makes).
fn python5() -> PathBuf {
    python_with_major(5)
}

/// Prints the type tokens a pulumi-aws class lists as its aliases: `lb.LoadBalancer` ->
/// `aws:elasticloadbalancingv2/loadBalancer:LoadBalancer ...`.
const ALIASES_OF: &str = "import sys, re, inspect, importlib
module, name = sys.argv[1].rsplit('.', 1)
cls = getattr(importlib.import_module('pulumi_aws.' + module), name)
print(' '.join(re.findall(r'Alias\\(type_=\"([^\"]+)\"\\)', inspect.getsource(cls))))";

/// Issue 13, `--to 6`: each program of `testdata/upgrade-v6/` runs on pulumi-aws 5, then
/// `infra-fix upgrade --to 6 --write --unsafe-fixes` rewrites it, and it runs on 6 registering
/// the same resources: the same names; the same type, or for a renamed class the new one, which
/// lists the old type among its aliases (so the resource is not replaced); the same inputs
/// except exactly the renamed arguments, with their values. A second upgrade changes nothing.
#[test]
#[ignore = "needs Python with pulumi and pulumi-aws: run .ci/run or set INFRA_FIX_PYTHON"]
fn upgraded_programs_register_the_same_resources_on_6() {
    use infra_fix::pulumi::Major;
    use infra_fix::pulumi::replacements::{Replacement, replacement};
    use infra_fix::pulumi::upgrade::{
        V6_INT_AS_STRING, V6_RENAMED_ARGUMENTS, V6_RENAMED_MODULES, V6_REPLACED_ARGUMENTS,
        V6_UNNESTED_BLOCKS, v6_name,
    };
    let (python6, python5) = (python6(), python5());
    let mut renamed_seen = std::collections::BTreeSet::new();
    // Subnet ids read from `get_subnet_ids`, then `get_subnets`, that reached a resource.
    let mut subnets_seen = false;
    let programs = std::fs::read_dir(Path::new(ROOT).join("testdata/upgrade-v6")).unwrap();
    for program in programs.map(|e| e.unwrap().path()).filter(|p| p.is_dir()) {
        let (written, before, after) = upgraded(&program, 6, &python5, &python6);
        assert_eq!(
            written.status.code(),
            Some(0),
            "{}",
            String::from_utf8_lossy(&written.stdout)
        );
        assert_eq!(
            before.keys().collect::<Vec<_>>(),
            after.keys().collect::<Vec<_>>(),
            "{}: the same resource names",
            program.display()
        );
        // The mocks make ARNs from the type's module: a renamed module's show its new name.
        let same_arns = |value: &serde_json::Value| {
            let mut text = value.to_string();
            for (old, new) in V6_RENAMED_MODULES {
                text = text.replace(&format!("arn:aws:{old}:"), &format!("arn:aws:{new}:"));
            }
            serde_json::from_str::<serde_json::Value>(&text).unwrap()
        };
        for (name, (kind, inputs)) in &before {
            let (kind_after, inputs_after) = &after[name];
            let key = class_key(kind);
            if kind != kind_after {
                let new = v6_name(&key).unwrap_or_else(|| {
                    panic!("{name}: {kind} became {kind_after}, which no rename maps")
                });
                assert_eq!(class_key(kind_after), new, "{name}");
                let aliases = Command::new(&python6)
                    .args(["-c", ALIASES_OF, &new])
                    .output()
                    .unwrap();
                let aliases = String::from_utf8_lossy(&aliases.stdout);
                assert!(
                    aliases.split_whitespace().any(|a| a == kind),
                    "{name}: {new} does not alias {kind}, so the rename would replace it: {aliases}"
                );
                renamed_seen.insert(key.clone());
            }
            // The mocks give a VPC's subnets only when the call names the VPC.
            subnets_seen |= inputs_after["subnetIds"]
                .as_array()
                .is_some_and(|ids| !ids.is_empty());
            let empty = serde_json::Map::new();
            let mut old = same_arns(inputs);
            // A block's keys as arguments of the resource, a number as its string: the same
            // values in the shape 6 takes.
            if let Some(map) = old.as_object_mut() {
                for (on, block, _) in V6_UNNESTED_BLOCKS.iter().filter(|(c, ..)| *c == key) {
                    if let Some(serde_json::Value::Object(keys)) = map.remove(&camel(block)) {
                        map.extend(keys);
                        renamed_seen.insert(format!("{on}({block}=)"));
                    }
                }
                for (on, argument) in V6_INT_AS_STRING.iter().filter(|(c, _)| *c == key) {
                    if let Some(value) = map.get_mut(&camel(argument)).filter(|v| v.is_number()) {
                        *value = serde_json::Value::String(value.to_string());
                        renamed_seen.insert(format!("{on}({argument}=)"));
                    }
                }
            }
            let (old, new) = (
                old.as_object().unwrap_or(&empty),
                inputs_after.as_object().unwrap_or(&empty),
            );
            let keys: std::collections::BTreeSet<&String> = old.keys().chain(new.keys()).collect();
            for field in keys.into_iter().filter(|k| old.get(*k) != new.get(*k)) {
                // `instance_id=<instance>.id` -> `network_interface_id=<instance>.
                // primary_network_interface_id`: the mocks give a resource the id `<name>_id`
                // and an instance the interface `eni-<name>`.
                if let Some(&(on, argument)) =
                    V6_REPLACED_ARGUMENTS.iter().find(|(on, _)| key == *on)
                    && let Some(Replacement::Output {
                        argument: new_argument,
                        of,
                        ..
                    }) = replacement(Major::V6, on, argument)
                    && [camel(argument), camel(new_argument)].contains(field)
                {
                    let given = old[&camel(argument)].as_str().unwrap();
                    let instance = given.strip_suffix("_id").unwrap();
                    assert_eq!(class_key(&before[instance].0), of, "{name}: {given}");
                    assert_eq!(new.get(&camel(argument)), None, "{name}: {argument} gone");
                    assert_eq!(
                        new[&camel(new_argument)],
                        format!("eni-{instance}"),
                        "{name}: {new_argument} is {instance}'s interface"
                    );
                    renamed_seen.insert(format!("{on}({argument}=)"));
                    continue;
                }
                let Some(&(_, from, to)) = V6_RENAMED_ARGUMENTS.iter().find(|(on, from, to)| {
                    *on == key && (camel(from) == *field || camel(to) == *field)
                }) else {
                    panic!(
                        "{name} ({kind}): input `{field}` changed ({:?} -> {:?}), which no rename maps",
                        old.get(field),
                        new.get(field)
                    );
                };
                assert_eq!(
                    old.get(&camel(from)),
                    new.get(&camel(to)),
                    "{name}: {from} keeps its value as {to}"
                );
                renamed_seen.insert(format!("{key}({from}=)"));
            }
        }
    }
    for (on, from, _) in V6_RENAMED_ARGUMENTS {
        assert!(
            renamed_seen.contains(&format!("{on}({from}=)")),
            "no program shows {on}({from}=)"
        );
    }
    assert!(
        subnets_seen,
        "no program passes the subnets of `get_subnet_ids` to a resource"
    );
    assert!(
        renamed_seen.contains("ec2.Route(instance_id=)"),
        "no program shows ec2.Route(instance_id=) replaced"
    );
    let rewritten = V6_INT_AS_STRING
        .iter()
        .copied()
        .chain(V6_UNNESTED_BLOCKS.iter().map(|&(on, block, _)| (on, block)));
    for (on, argument) in rewritten {
        assert!(
            renamed_seen.contains(&format!("{on}({argument}=)")),
            "no program shows {on}({argument}=) rewritten"
        );
    }
    for module in [
        "elasticloadbalancingv2",
        "applicationloadbalancing",
        "elasticloadbalancing",
    ] {
        assert!(
            renamed_seen
                .iter()
                .any(|k| k.starts_with(&format!("{module}."))),
            "no program renames a class of {module}"
        );
    }
}

/// Prints which of the names given exist in the installed pulumi-aws: `ec2.Route` (a class or
/// function), `ec2.Route(instance_id)` (an argument it takes).
const NAMES_PRESENT: &str = "import sys, inspect, importlib
def present(path):
    name, _, argument = path.partition('(')
    module, _, attribute = name.rpartition('.')
    found = getattr(importlib.import_module('pulumi_aws' + ('.' + module if module else '')), attribute, None)
    if found is None or not argument:
        return found is not None
    init = getattr(found, '_internal_init', None) or found.__init__
    return argument.rstrip(')') in inspect.signature(init).parameters
print(' '.join(p for p in sys.argv[1:] if present(p)))";

/// Issue 13, `--to 6`: what the upgrade reports or rewrites as removed by 6 is in the 5.43.0
/// wheel and not in the 6.83.4 one (the unit tests check 6's tables only).
#[test]
#[ignore = "needs Python with pulumi and pulumi-aws: run .ci/run or set INFRA_FIX_PYTHON"]
fn v6_removals_are_in_5_and_gone_from_6() {
    use infra_fix::pulumi::replacements::REPLACED_FUNCTIONS;
    use infra_fix::pulumi::upgrade::{
        V6_MANUAL_ARGUMENTS, V6_REMOVED_CLASSES, V6_REPLACED_ARGUMENTS,
    };
    let mut names: Vec<String> = V6_REMOVED_CLASSES
        .iter()
        .flat_map(|(class, _)| [class.to_string(), format!("{class}Args")])
        .collect();
    names.extend(
        V6_MANUAL_ARGUMENTS
            .iter()
            .map(|(class, argument, _)| format!("{class}({argument})")),
    );
    // `ec2.RouteTableRoute` stands for its `Args` class, which has no resource of that name.
    names.extend(V6_REPLACED_ARGUMENTS.iter().map(|(class, argument)| {
        let class = if *class == "ec2.RouteTableRoute" {
            "ec2.RouteTableRouteArgs"
        } else {
            class
        };
        format!("{class}({argument})")
    }));
    names.extend(REPLACED_FUNCTIONS.iter().map(|(old, _)| old.to_string()));
    let present = |python: &Path| -> Vec<String> {
        let out = Command::new(python)
            .args(["-c", NAMES_PRESENT])
            .args(&names)
            .output()
            .unwrap();
        assert!(out.status.success(), "{}", stderr(&out));
        String::from_utf8_lossy(&out.stdout)
            .split_whitespace()
            .map(String::from)
            .collect()
    };
    assert_eq!(present(&python5()), names, "all in 5.43.0");
    assert_eq!(present(&python6()), Vec::<String>::new(), "none in 6.83.4");
}

/// Issue 13, `--to 6`: the program of `testdata/upgrade-v6-manual/` (what 6 removed where a
/// person takes the next step) runs on pulumi-aws 5 and not on 6; `upgrade --to 6 --write
/// --unsafe-fixes` reports each removed class and argument and leaves the program as it is.
#[test]
#[ignore = "needs Python with pulumi and pulumi-aws: run .ci/run or set INFRA_FIX_PYTHON"]
fn v6_detect_only_rows_are_reported_and_left_alone() {
    use infra_fix::pulumi::upgrade::{V6_MANUAL_ARGUMENTS, V6_REMOVED_CLASSES};
    let dir = tempfile::tempdir().unwrap();
    let project = dir.path().join("project");
    std::fs::create_dir_all(&project).unwrap();
    let fixtures = Path::new(ROOT).join("testdata/upgrade-v6-manual");
    let program = std::fs::read_to_string(fixtures.join("rows.before.py")).unwrap();
    std::fs::write(project.join("__main__.py"), &program).unwrap();
    std::fs::copy(
        fixtures.join("requirements.txt"),
        project.join("requirements.txt"),
    )
    .unwrap();
    std::fs::write(
        project.join("Pulumi.yaml"),
        "name: manual\nruntime: python\n",
    )
    .unwrap();
    let on5 = run_program(&python5(), &project, None);
    assert!(on5.status.success(), "on 5: {}", stderr(&on5));
    let on6 = run_program(&python6(), &project, None);
    assert!(!on6.status.success(), "6 removed them, yet it ran");
    let upgrade = Command::new(env!("CARGO_BIN_EXE_infra-fix"))
        .args(["upgrade", "--to", "6", "--write", "--unsafe-fixes"])
        .args(["--select", "upgrade-v6-manual", "--output-format=concise"])
        .arg(&project)
        .output()
        .unwrap();
    // With `--write` the findings left are printed on stderr.
    let report = stderr(&upgrade);
    assert_eq!(upgrade.status.code(), Some(1), "findings left: {report}");
    assert_eq!(
        std::fs::read_to_string(project.join("__main__.py")).unwrap(),
        program,
        "detect-only: the program is left alone"
    );
    for (class, _) in V6_REMOVED_CLASSES {
        assert!(
            report.contains(&format!("pulumi-aws 6 removed `{class}`")),
            "{class} not reported: {report}"
        );
    }
    for (class, argument, _) in V6_MANUAL_ARGUMENTS {
        assert!(
            report.contains(&format!("pulumi-aws 6 removed `{argument}` of `{class}`")),
            "{class}({argument}=) not reported: {report}"
        );
    }
}

/// The `healthCheck` commands of the fixed `ecs-container-health-check` fixtures as the engine
/// receives them: each fixture runs under the mocks before and after infra-fix, and every
/// health check written is ECS's `CMD-SHELL` form with a start period.
fn written_health_checks(python: &Path) -> Vec<String> {
    let dir = tempfile::tempdir().unwrap();
    let fixtures = Path::new(ROOT).join("testdata/ecs-container-health-check");
    let mut commands = Vec::new();
    for after in common::python_files(&fixtures) {
        let name = after.to_str().unwrap();
        let Some(stem) = name.strip_suffix(".after.py") else {
            continue;
        };
        let before = run_program(python, Path::new(&format!("{stem}.before.py")), None);
        assert!(before.status.success(), "{stem}: {}", stderr(&before));
        let json = dir.path().join("resources.json");
        let out = run_program(python, &after, Some(&json));
        assert!(out.status.success(), "{name}: {}", stderr(&out));
        let resources: Vec<serde_json::Value> =
            serde_json::from_slice(&std::fs::read(&json).unwrap()).unwrap();
        for task in resources
            .iter()
            .filter(|r| r["type"] == "aws:ecs/taskDefinition:TaskDefinition")
        {
            let containers: Vec<serde_json::Value> =
                serde_json::from_str(task["inputs"]["containerDefinitions"].as_str().unwrap())
                    .unwrap();
            for check in containers.iter().filter_map(|c| c.get("healthCheck")) {
                assert_eq!(check["command"][0], "CMD-SHELL", "{name}: {check}");
                assert_eq!(check["startPeriod"], 60, "{name}: {check}");
                commands.push(check["command"][1].as_str().unwrap().to_string());
            }
        }
    }
    commands
}

/// A local HTTP server that answers 200 on every path but `/missing` (404), to GET and HEAD.
struct LocalServer {
    child: std::process::Child,
    port: u16,
}

impl LocalServer {
    fn start(python: &Path) -> LocalServer {
        let script = "import http.server\n\
            class H(http.server.BaseHTTPRequestHandler):\n\
            \x20   def answer(self, body):\n\
            \x20       self.send_response(404 if self.path == '/missing' else 200)\n\
            \x20       self.send_header('Content-Length', '2')\n\
            \x20       self.end_headers()\n\
            \x20       if body:\n\
            \x20           self.wfile.write(b'ok')\n\
            \x20   def do_GET(self):\n\
            \x20       self.answer(True)\n\
            \x20   def do_HEAD(self):\n\
            \x20       self.answer(False)\n\
            \x20   def log_message(self, *args):\n\
            \x20       pass\n\
            server = http.server.ThreadingHTTPServer(('127.0.0.1', 0), H)\n\
            print(server.server_address[1], flush=True)\n\
            server.serve_forever()\n";
        let mut child = Command::new(python)
            .args(["-c", script])
            .stdout(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        let mut line = String::new();
        std::io::BufRead::read_line(
            &mut std::io::BufReader::new(child.stdout.take().unwrap()),
            &mut line,
        )
        .unwrap();
        let port = line.trim().parse().expect("the server prints its port");
        LocalServer { child, port }
    }
}

impl Drop for LocalServer {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// `command` aimed at `port` and `path` instead of the container's own.
fn aimed(command: &str, port: u16, path: Option<&str>) -> String {
    let start = command
        .find("http://127.0.0.1:")
        .expect("the probe asks 127.0.0.1")
        + 17;
    let digits = command[start..]
        .find(|c: char| !c.is_ascii_digit())
        .unwrap();
    let path_end = command[start + digits..]
        .find(['\'', '"', ' '])
        .map_or(command.len(), |n| start + digits + n);
    let path = path.unwrap_or(&command[start + digits..path_end]);
    format!("{}{port}{path}{}", &command[..start], &command[path_end..])
}

/// Runs the probes written as ECS would (`/bin/sh -c`), with `python3` standing for
/// `python`: each must succeed when its path answers, and fail on a 404 and when nothing
/// listens.
fn probes_tell_up_from_down(python: &Path, commands: &[String]) {
    let bin = tempfile::tempdir().unwrap();
    std::os::unix::fs::symlink(python, bin.path().join("python3")).unwrap();
    let path = format!(
        "{}:{}",
        bin.path().display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let server = LocalServer::start(python);
    let closed = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let run = |command: &str| {
        Command::new("sh")
            .args(["-c", command])
            .env("PATH", &path)
            .output()
            .unwrap()
    };
    for command in commands {
        let up = run(&aimed(command, server.port, None));
        assert!(up.status.success(), "{command}: {}", stderr(&up));
        let missing = run(&aimed(command, server.port, Some("/missing")));
        assert!(!missing.status.success(), "{command} passed on a 404");
        let down = run(&aimed(command, closed, None));
        assert!(
            !down.status.success(),
            "{command} passed with nothing listening"
        );
    }
}

#[test]
#[ignore = "needs Python with pulumi and pulumi-aws: run .ci/run or set INFRA_FIX_PYTHON"]
fn written_python_health_checks_run_and_tell_up_from_down() {
    let python = python();
    let commands: Vec<String> = written_health_checks(&python)
        .into_iter()
        .filter(|c| c.starts_with("python3 -c "))
        .collect();
    assert!(commands.len() >= 3, "{commands:?}");
    probes_tell_up_from_down(&python, &commands);
}

/// curl, wget and node must be on PATH (GNU wget stands in for BusyBox's, which takes the same
/// options); run with `--include-ignored` where they are.
#[test]
#[ignore = "needs Python with pulumi and pulumi-aws, and curl, wget and node on PATH"]
fn written_curl_wget_and_node_health_checks_run_and_tell_up_from_down() {
    let python = python();
    let commands: Vec<String> = written_health_checks(&python)
        .into_iter()
        .filter(|c| !c.starts_with("python3 -c "))
        .collect();
    for tool in ["curl ", "wget ", "node "] {
        assert!(
            commands.iter().any(|c| c.starts_with(tool)),
            "no {tool}probe in {commands:?}"
        );
    }
    probes_tell_up_from_down(&python, &commands);
}

/// What infra-fix accepts against the real SDK: every resource and `*Args` class of the pinned
/// pulumi-aws takes exactly the keywords the tables and `RESOURCE_CONSTRUCTOR_PARAMS` list
/// (`resource_name=` and `opts=` on every resource, `self=` on security group rules).
#[test]
#[ignore = "needs Python with pulumi and pulumi-aws: run .ci/run or set INFRA_FIX_PYTHON"]
fn the_tables_know_every_keyword_the_real_constructors_take() {
    use infra_fix::pulumi::schema::{Kind, RESOURCE_CONSTRUCTOR_PARAMS};
    use infra_fix::pulumi::{Major, Tables};
    let python = python();
    let tables = Tables::get(Major::V7);
    let installed = Command::new(&python)
        .args([
            "-c",
            "import importlib.metadata as m; print(m.version('pulumi-aws'))",
        ])
        .output()
        .unwrap();
    assert_eq!(
        String::from_utf8_lossy(&installed.stdout).trim(),
        tables.version,
        "the Python environment's pulumi-aws is not the one the tables were made from"
    );
    let mut lines: Vec<String> = tables
        .classes()
        .map(|class| {
            let mut names: Vec<&str> = class.params().map(|p| p.name).collect();
            if class.kind == Kind::Resource {
                names.extend(RESOURCE_CONSTRUCTOR_PARAMS);
            }
            let kind = if class.kind == Kind::Resource {
                "R"
            } else {
                "A"
            };
            format!("{}\t{kind}\t{}\n", class.key, names.join(","))
        })
        .collect();
    lines.sort();
    assert!(lines.len() > 10_000, "{} classes", lines.len());
    let dir = tempfile::tempdir().unwrap();
    let listing = dir.path().join("keywords.tsv");
    std::fs::write(&listing, lines.concat()).unwrap();
    let out = Command::new(&python)
        .arg(Path::new(ROOT).join("tests/pulumi_mocks/constructor_keywords.py"))
        .arg(&listing)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stderr(&out).contains(&format!("{} classes checked", lines.len())),
        "{}",
        stderr(&out)
    );
}

/// The enum members (with their values) and the resources' output properties that
/// `unknown-name` checks names against are the installed pulumi-aws's, exactly.
#[test]
#[ignore = "needs Python with pulumi and pulumi-aws: run .ci/run or set INFRA_FIX_PYTHON"]
fn the_tables_know_every_enum_member_and_output_property_of_the_sdk() {
    use infra_fix::pulumi::schema::Kind;
    use infra_fix::pulumi::{Major, Tables};
    let python = python();
    let tables = Tables::get(Major::V7);
    let mut lines: Vec<String> = Vec::new();
    for key in tables.enums() {
        for (member, value) in tables.enum_members(key).unwrap() {
            lines.push(format!("V\t{key}\t{member}\t{value}\n"));
        }
    }
    let enums = tables.enums().count();
    let resources: Vec<&str> = tables
        .classes()
        .filter(|c| c.kind == Kind::Resource)
        .map(|c| c.key)
        .collect();
    for key in &resources {
        let outputs: Vec<&str> = tables.outputs(key).unwrap().collect();
        lines.push(format!("O\t{key}\t{}\n", outputs.join(",")));
    }
    assert!(enums > 20 && resources.len() > 1_700);
    let dir = tempfile::tempdir().unwrap();
    let listing = dir.path().join("names.tsv");
    std::fs::write(&listing, lines.concat()).unwrap();
    let out = Command::new(&python)
        .arg(Path::new(ROOT).join("tests/pulumi_mocks/names.py"))
        .arg(&listing)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stderr(&out).contains(&format!(
            "{enums} enums and {} resources checked, 0 differ",
            resources.len()
        )),
        "{}",
        stderr(&out)
    );
}

/// The keywords `unknown-argument` no longer reports are the SDK's: the clean fixture that
/// gives resources their name and options by keyword and security group rules `self=` runs.
#[test]
#[ignore = "needs Python with pulumi and pulumi-aws: run .ci/run or set INFRA_FIX_PYTHON"]
fn constructor_keywords_infra_fix_accepts_run() {
    let python = python();
    let program =
        Path::new(ROOT).join("testdata/unknown-argument/v7/constructor_keywords.clean.py");
    let dir = tempfile::tempdir().unwrap();
    let json = dir.path().join("resources.json");
    let out = run_program(&python, &program, Some(&json));
    assert!(out.status.success(), "{}", stderr(&out));
    let resources: Vec<serde_json::Value> =
        serde_json::from_slice(&std::fs::read(&json).unwrap()).unwrap();
    let inputs = |name: &str| {
        &resources
            .iter()
            .find(|r| r["name"] == name)
            .unwrap_or_else(|| panic!("{name} was not registered"))["inputs"]
    };
    assert_eq!(inputs("peers")["ingress"][0]["self"], true);
    assert_eq!(inputs("peers")["egress"][0]["self"], true);
    assert_eq!(inputs("peers-https")["self"], true);
    assert_eq!(inputs("default")["ingress"][0]["self"], true);
    assert_eq!(inputs("nat")["domain"], "vpc");
    assert!(inputs("app")["assumeRolePolicy"].is_string());
}

/// `__opts__=`, the pre-1.0 spelling of `opts`: pulumi-aws 7 rejects it; infra-fix renames it
/// and puts the dependency a rule adds into the same options, and the program then runs with
/// both the old and the new dependencies.
#[test]
#[ignore = "needs Python with pulumi and pulumi-aws: run .ci/run or set INFRA_FIX_PYTHON"]
fn the_old_options_spelling_fails_before_and_runs_after_infra_fix() {
    let python = python();
    let fixture = Path::new(ROOT).join("testdata/all-rules-schema/v7");
    let dir = tempfile::tempdir().unwrap();
    let project = dir.path().join("project");
    std::fs::create_dir_all(&project).unwrap();
    std::fs::copy(
        fixture.join("old_opts.before.py"),
        project.join("__main__.py"),
    )
    .unwrap();
    std::fs::copy(
        fixture.join("requirements.txt"),
        project.join("requirements.txt"),
    )
    .unwrap();

    let before = run_program(&python, &project, None);
    assert!(!before.status.success());
    assert!(
        stderr(&before)
            .contains("Eip._internal_init() got an unexpected keyword argument '__opts__'"),
        "{}",
        stderr(&before)
    );

    fix_everything(&project, &[]);
    assert_eq!(
        std::fs::read_to_string(project.join("__main__.py")).unwrap(),
        std::fs::read_to_string(fixture.join("old_opts.after.py")).unwrap()
    );

    let json = dir.path().join("resources.json");
    let after = run_program(&python, &project, Some(&json));
    assert!(after.status.success(), "{}", stderr(&after));
    let resources: Vec<serde_json::Value> =
        serde_json::from_slice(&std::fs::read(&json).unwrap()).unwrap();
    let dependencies = |name: &str| {
        resources
            .iter()
            .find(|r| r["name"] == name)
            .unwrap_or_else(|| panic!("{name} was not registered"))["dependencies"]
            .clone()
    };
    assert_eq!(dependencies("nat-eip"), serde_json::json!(["igw", "vpc"]));
    assert_eq!(dependencies("bastion-eip"), serde_json::json!(["igw"]));
}

/// Every `iam-wildcard-resource` fixture runs under the mocks before and after the rule's fixes
/// (`--write --unsafe-fixes`), and the policies the engine receives name the ARNs of the
/// resources tied to them, in each way pulumi-aws takes a document.
#[test]
#[ignore = "needs Python with pulumi and pulumi-aws: run .ci/run or set INFRA_FIX_PYTHON"]
fn scoped_iam_policies_run_under_the_mocks() {
    let python = python();
    let dir = tempfile::tempdir().unwrap();
    let fixtures = Path::new(ROOT).join("testdata/iam-wildcard-resource");
    let mut cases = 0;
    for entry in std::fs::read_dir(&fixtures).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_str().unwrap().to_string();
        let Some(stem) = name.strip_suffix(".before.py") else {
            continue;
        };
        let project = dir.path().join(stem);
        std::fs::create_dir_all(&project).unwrap();
        let program = project.join("__main__.py");
        std::fs::copy(&path, &program).unwrap();
        let before = run_program(&python, &program, None);
        assert!(before.status.success(), "{name}: {}", stderr(&before));
        let fix = Command::new(env!("CARGO_BIN_EXE_infra-fix"))
            .args(["--write", "--unsafe-fixes", "--no-cache"])
            .args(["--select", "iam-wildcard-resource"])
            .arg(&project)
            .output()
            .unwrap();
        assert!(
            fix.status.code().is_some_and(|c| c < 2),
            "{name}: {}",
            stderr(&fix)
        );
        let json = dir.path().join(format!("{stem}.json"));
        let after = run_program(&python, &program, Some(&json));
        assert!(after.status.success(), "{name} fixed: {}", stderr(&after));
        cases += 1;
        if stem != "recall" {
            continue;
        }
        let resources: Vec<serde_json::Value> =
            serde_json::from_slice(&std::fs::read(&json).unwrap()).unwrap();
        let statements = |policy: &str| -> Vec<serde_json::Value> {
            let inputs = &resources
                .iter()
                .find(|r| r["name"] == policy)
                .unwrap_or_else(|| panic!("{policy} was not registered"))["inputs"];
            // A dict policy reaches the engine as an object; the others as JSON text.
            let document = match &inputs["policy"] {
                serde_json::Value::String(text) => serde_json::from_str(text).unwrap(),
                other => other.clone(),
            };
            document["Statement"].as_array().unwrap().clone()
        };
        let arn =
            |service: &str, name: &str| format!("arn:aws:{service}:us-east-1:123456789012:{name}");
        assert_eq!(statements("send")[0]["Resource"], arn("sqs", "jobs"));
        assert_eq!(
            statements("read")[0]["Resource"],
            format!("{}/*", arn("s3", "uploads"))
        );
        assert_eq!(statements("publish")[0]["Resource"], arn("sns", "events"));
        let write = statements("write");
        assert_eq!(write[0]["Resource"], arn("sqs", "jobs"));
        assert_eq!(write[1]["Resource"], arn("dynamodb", "orders"));
    }
    assert!(cases >= 8, "only {cases} fixtures ran");
}

/// Each registered resource's name and the names of the resources it depends on.
fn dependencies(json: &Path) -> Vec<(String, Vec<String>)> {
    let resources: Vec<serde_json::Value> =
        serde_json::from_slice(&std::fs::read(json).unwrap()).unwrap();
    resources
        .iter()
        .map(|r| {
            let deps = r["dependencies"].as_array().unwrap();
            let deps = deps.iter().map(|d| d.as_str().unwrap().to_string());
            (r["name"].as_str().unwrap().to_string(), deps.collect())
        })
        .collect()
}

fn depends_on(resources: &[(String, Vec<String>)], name: &str, on: &str) -> bool {
    let (_, deps) = resources
        .iter()
        .find(|(n, _)| n == name)
        .unwrap_or_else(|| panic!("{name} was not registered"));
    deps.iter().any(|d| d == on)
}

/// `infra-fix --write --unsafe-fixes --select <rules>` over `path`, which must leave nothing
/// of those rules unfixed.
fn fix_with(path: &Path, rules: &str) {
    let fix = Command::new(env!("CARGO_BIN_EXE_infra-fix"))
        .args(["--write", "--unsafe-fixes", "--no-cache", "--select", rules])
        .arg(path)
        .output()
        .unwrap();
    assert_eq!(fix.status.code(), Some(0), "{}", stderr(&fix));
}

/// Copies fixture `testdata/<rule>/<case>.before.py` to `dir/<case>.py`.
fn fixture_program(dir: &Path, rule: &str, case: &str) -> PathBuf {
    let program = dir.join(format!("{case}.py"));
    std::fs::copy(
        Path::new(ROOT).join(format!("testdata/{rule}/{case}.before.py")),
        &program,
    )
    .unwrap();
    program
}

/// Beside an `*Args` object the SDK drops the options silently: the program runs without
/// them, and with them once they are moved (why that fix is unsafe).
#[test]
#[ignore = "needs Python with pulumi and pulumi-aws: run .ci/run or set INFRA_FIX_PYTHON"]
fn options_beside_an_args_object_take_effect_only_once_moved() {
    let python = python();
    let dir = tempfile::tempdir().unwrap();
    let program = fixture_program(dir.path(), "resource-option-argument", "args_object");
    let json = dir.path().join("resources.json");
    let before = run_program(&python, &program, Some(&json));
    assert!(before.status.success(), "{}", stderr(&before));
    assert!(!depends_on(&dependencies(&json), "q", "role"));

    fix_with(&program, "resource-option-argument");
    let after = run_program(&python, &program, Some(&json));
    assert!(after.status.success(), "{}", stderr(&after));
    assert!(depends_on(&dependencies(&json), "q", "role"));
}

/// Issue 12, point 5: `aws`, `pulumi_aws`, `pulumi` and `json` used without their imports are
/// a NameError; with the imports added, the programs run.
#[test]
#[ignore = "needs Python with pulumi and pulumi-aws: run .ci/run or set INFRA_FIX_PYTHON"]
fn programs_missing_their_imports_run_once_they_are_added() {
    let python = python();
    let dir = tempfile::tempdir().unwrap();
    for (case, name) in [
        ("aws_alias", "aws"),
        ("no_imports", "aws"),
        ("from_imports", "pulumi"),
    ] {
        let program = fixture_program(dir.path(), "missing-import", case);
        let before = run_program(&python, &program, None);
        assert!(!before.status.success(), "{case}");
        assert!(
            stderr(&before).contains(&format!("NameError: name '{name}' is not defined")),
            "{case}: {}",
            stderr(&before)
        );
        // The folder, not the file: the walk must not skip a file that never names pulumi_aws.
        fix_with(dir.path(), "missing-import");
        let after = run_program(&python, &program, None);
        assert!(after.status.success(), "{case}: {}", stderr(&after));
    }
}

/// Issue 12, point 2: resource options written as resource arguments are a TypeError; moved
/// into `opts`, the program runs and the engine receives the dependencies they stated.
#[test]
#[ignore = "needs Python with pulumi and pulumi-aws: run .ci/run or set INFRA_FIX_PYTHON"]
fn resource_options_passed_as_arguments_run_once_moved_into_opts() {
    let python = python();
    let dir = tempfile::tempdir().unwrap();
    let program = fixture_program(dir.path(), "resource-option-argument", "moves");
    let before = run_program(&python, &program, None);
    assert!(!before.status.success());
    assert!(
        stderr(&before).contains(
            "TypeError: Function._internal_init() got an unexpected keyword argument 'depends_on'"
        ),
        "{}",
        stderr(&before)
    );

    fix_with(&program, "resource-option-argument");
    let json = dir.path().join("resources.json");
    let after = run_program(&python, &program, Some(&json));
    assert!(after.status.success(), "{}", stderr(&after));
    let resources = dependencies(&json);
    assert!(depends_on(&resources, "handler", "lambda-logs"));
    assert!(depends_on(&resources, "jobs", "logs"));
    assert!(depends_on(&resources, "jobs", "lambda-role"));
    // `depends_on_=` was a misspelling of the option.
    assert!(depends_on(&resources, "items", "jobs"));
}

/// The option lists infra-fix knows are the parameters of the pinned pulumi's classes, and
/// the names it takes for `pulumi_aws` root functions exist in the pinned pulumi-aws.
#[test]
#[ignore = "needs Python with pulumi and pulumi-aws: run .ci/run or set INFRA_FIX_PYTHON"]
fn the_option_and_root_name_lists_match_the_sdk() {
    let python = python();
    use infra_fix::pulumi::opts::{INVOKE_OPTIONS, INVOKE_OUTPUT_OPTIONS, RESOURCE_OPTIONS};
    let script = "import inspect, sys, pulumi, pulumi_aws\n\
        for c in (pulumi.ResourceOptions, pulumi.InvokeOptions, pulumi.InvokeOutputOptions):\n\
        \x20   print(' '.join(p for p in inspect.signature(c.__init__).parameters if p != 'self'))\n\
        print(' '.join(n for n in sys.argv[1:] if not hasattr(pulumi_aws, n)))\n";
    let out = Command::new(python)
        .arg("-c")
        .arg(script)
        .args(infra_fix::pulumi::unbound::AWS_ROOT_FUNCTIONS)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let stdout = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines[0], RESOURCE_OPTIONS.join(" "));
    assert_eq!(lines[1], INVOKE_OPTIONS.join(" "));
    assert_eq!(lines[2], INVOKE_OUTPUT_OPTIONS.join(" "));
    assert_eq!(lines.get(3).copied().unwrap_or(""), "", "not in pulumi_aws");
}

/// Issue 12, point 4: pulumi Outputs used as plain values. `json.dumps` of one fails the
/// program; fixed, it runs and every resource receives the values, never the text of Pulumi's
/// `__str__` warning.
#[test]
#[ignore = "needs Python with pulumi and pulumi-aws: run .ci/run or set INFRA_FIX_PYTHON"]
fn outputs_used_as_strings_fail_before_and_run_after_infra_fix() {
    let python = python();
    let dir = tempfile::tempdir().unwrap();
    let project = dir.path().join("project");
    std::fs::create_dir_all(&project).unwrap();
    let fixtures = Path::new(ROOT).join("testdata/output-as-string");
    let program = project.join("__main__.py");
    std::fs::copy(fixtures.join("inputs.before.py"), &program).unwrap();

    let before = run_program(&python, &program, None);
    assert!(!before.status.success());
    assert!(
        stderr(&before).contains("TypeError: Object of type Output is not JSON serializable"),
        "{}",
        stderr(&before)
    );

    fix_everything(&project, &[]);
    assert_eq!(
        std::fs::read_to_string(&program).unwrap(),
        std::fs::read_to_string(fixtures.join("inputs.after.py")).unwrap()
    );

    let json = dir.path().join("resources.json");
    let after = run_program(&python, &program, Some(&json));
    assert!(
        after.status.success(),
        "the fixed program does not run: {}",
        stderr(&after)
    );
    let text = std::fs::read_to_string(&json).unwrap();
    assert!(!text.contains("Calling __str__"), "{text}");
    let resources: Vec<serde_json::Value> = serde_json::from_str(&text).unwrap();
    let inputs = |name: &str| {
        &resources
            .iter()
            .find(|r| r["name"] == name)
            .unwrap_or_else(|| panic!("{name} was not registered"))["inputs"]
    };
    let document = |name: &str| -> serde_json::Value {
        serde_json::from_str(inputs(name)["policy"].as_str().unwrap()).unwrap()
    };
    // The mocks' ARN of the bucket `assets`, and of the role `app`.
    let bucket_arn = "arn:aws:s3:us-east-1:123456789012:assets";
    assert_eq!(
        document("read-assets")["Statement"][0]["Resource"],
        serde_json::json!([bucket_arn, format!("{bucket_arn}/*")])
    );
    assert_eq!(
        document("logs")["Statement"][0]["Resource"],
        "arn:aws:s3:::assets/logs/*"
    );
    assert_eq!(inputs("marker")["key"], "roles/app.txt");
    assert_eq!(
        inputs("marker")["content"],
        "arn:aws:iam:us-east-1:123456789012:app"
    );
    assert_eq!(inputs("bucket-name")["value"], "assets:443");
    assert_eq!(inputs("bucket-name")["tags"]["Name"], "assets_id-param");
}

/// An f-string with an Output does not fail: the resource silently receives the text of
/// Pulumi's warning. Fixed, it receives the value.
#[test]
#[ignore = "needs Python with pulumi and pulumi-aws: run .ci/run or set INFRA_FIX_PYTHON"]
fn an_output_in_an_f_string_is_a_wrong_value_until_fixed() {
    let python = python();
    let dir = tempfile::tempdir().unwrap();
    let fixtures = Path::new(ROOT).join("testdata/output-as-string");
    let content = |program: &str| {
        let json = dir.path().join("resources.json");
        let out = run_program(&python, &fixtures.join(program), Some(&json));
        assert!(out.status.success(), "{program}: {}", stderr(&out));
        let resources: Vec<serde_json::Value> =
            serde_json::from_slice(&std::fs::read(&json).unwrap()).unwrap();
        let index = resources.iter().find(|r| r["name"] == "index").unwrap();
        index["inputs"]["content"].as_str().unwrap().to_string()
    };
    assert!(
        content("no_import.before.py")
            .starts_with("<h1>Calling __str__ on an Output[T] is not supported")
    );
    assert_eq!(content("no_import.after.py"), "<h1>assets</h1>");
}

/// Issue 12, point 1: `pulumi_aws` names the major does not have (a module imported by name,
/// an enum member, a removed data source) fail before anything is created; rewritten by
/// `unknown-name`, the programs run.
#[test]
#[ignore = "needs Python with pulumi and pulumi-aws: run .ci/run or set INFRA_FIX_PYTHON"]
fn programs_naming_what_pulumi_aws_lacks_run_once_renamed() {
    let python = python();
    let dir = tempfile::tempdir().unwrap();
    for (case, crash) in [
        (
            "modules",
            "ImportError: cannot import name 'logs' from 'pulumi_aws'",
        ),
        ("names", "AttributeError: PYTHON3_10"),
        (
            "outputs",
            "AttributeError: 'Instance' object has no attribute 'master_user_secret'",
        ),
    ] {
        let program = fixture_program(dir.path(), "unknown-name", case);
        let before = run_program(&python, &program, None);
        assert!(!before.status.success(), "{case}");
        assert!(
            stderr(&before).contains(crash),
            "{case}: {}",
            stderr(&before)
        );
        fix_with(&program, "unknown-name");
        let after = run_program(&python, &program, None);
        assert!(after.status.success(), "{case}: {}", stderr(&after));
    }
    // The data source's rewrite, alone: `get_subnet_ids` is gone, `get_subnets` runs.
    let program = dir.path().join("subnets.py");
    std::fs::write(
        &program,
        "import pulumi\nimport pulumi_aws as aws\n\
         subnets = aws.ec2.get_subnet_ids(vpc_id=\"vpc-1\")\n\
         pulumi.export(\"ids\", subnets.ids)\n",
    )
    .unwrap();
    let before = run_program(&python, &program, None);
    assert!(
        stderr(&before).contains("has no attribute 'get_subnet_ids'"),
        "{}",
        stderr(&before)
    );
    fix_with(&program, "unknown-name");
    let after = run_program(&python, &program, None);
    assert!(after.status.success(), "{}", stderr(&after));
    assert!(std::fs::read_to_string(&program).unwrap().contains(
        "aws.ec2.get_subnets(filters=[{\"name\": \"vpc-id\", \"values\": [\"vpc-1\"]}])"
    ));
}

/// Copies fixture `testdata/unknown-argument/<case>.before.py` (`v7/replace_shapes`) to
/// `dir/<case>.py`, with the `requirements.txt` beside it, which says what the project declares.
fn replacement_program(dir: &Path, case: &str) -> PathBuf {
    let fixture = Path::new(ROOT).join(format!("testdata/unknown-argument/{case}.before.py"));
    let program = dir.join(format!("{case}.py"));
    std::fs::create_dir_all(program.parent().unwrap()).unwrap();
    std::fs::copy(&fixture, &program).unwrap();
    std::fs::copy(
        fixture.parent().unwrap().join("requirements.txt"),
        program.parent().unwrap().join("requirements.txt"),
    )
    .unwrap();
    program
}

/// Issue 12, point 3: each entry of the table of known replacements that has a fix. The
/// program fails on pulumi-aws 7 with the replaced argument named; after `--write
/// --unsafe-fixes` it is the fixture's `.after.py`, runs, and the engine receives the
/// settings under their new names (on the new resource where they moved).
#[test]
#[ignore = "needs Python with pulumi and pulumi-aws: run .ci/run or set INFRA_FIX_PYTHON"]
fn replaced_arguments_fail_before_and_run_after_infra_fix() {
    let python = python();
    let dir = tempfile::tempdir().unwrap();
    /// (fixture, the crash before, (resource, input, value) the engine receives after).
    type Case<'a> = (
        &'a str,
        &'a str,
        &'a [(&'a str, &'a str, serde_json::Value)],
    );
    let cases: &[Case] = &[
        (
            "v7/foreign_args",
            "Expected opts2 to be a ResourceOptions instance",
            &[
                ("events", "forceDestroy", serde_json::json!(true)),
                ("raw", "forceDestroy", serde_json::json!(true)),
                ("legacy", "forceDestroy", serde_json::json!(true)),
            ],
        ),
        (
            "v7/replace_deployment_stage",
            "Deployment._internal_init() got an unexpected keyword argument 'stage_name'",
            &[
                (
                    "api-deployment-stage",
                    "stageName",
                    serde_json::json!("prod"),
                ),
                (
                    "api-deployment-stage",
                    "description",
                    serde_json::json!("Production"),
                ),
                (
                    "api-deployment-stage",
                    "deployment",
                    serde_json::json!("api-deployment_id"),
                ),
            ],
        ),
        (
            "v7/replace_public_access_block",
            "Bucket._internal_init() got an unexpected keyword argument 'block_public_acls'",
            &[
                (
                    "site-public-access-block",
                    "bucket",
                    serde_json::json!("site_id"),
                ),
                (
                    "site-public-access-block",
                    "restrictPublicBuckets",
                    serde_json::json!(true),
                ),
                (
                    "logs-public-access-block",
                    "blockPublicPolicy",
                    serde_json::json!(true),
                ),
            ],
        ),
        (
            "v7/replace_replication_group",
            "ReplicationGroup._internal_init() got an unexpected keyword argument 'replication_group_description'",
            &[
                ("cache", "description", serde_json::json!("Session cache")),
                ("cache", "numCacheClusters", serde_json::json!(2)),
            ],
        ),
        (
            "v7/replace_lifecycle_policy",
            "FileSystem._internal_init() got an unexpected keyword argument 'lifecycle_policy'",
            &[
                (
                    "shared",
                    "lifecyclePolicies",
                    serde_json::json!([{"transitionToIa": "AFTER_30_DAYS"}]),
                ),
                (
                    "archive",
                    "lifecyclePolicies",
                    serde_json::json!([{"transitionToIa": "AFTER_7_DAYS"}]),
                ),
            ],
        ),
        (
            "v7/replace_route_instance",
            "RouteTableRouteArgs.__init__() got an unexpected keyword argument 'instance_id'",
            &[
                (
                    "private",
                    "routes",
                    serde_json::json!([{"cidrBlock": "0.0.0.0/0", "networkInterfaceId": "eni-nat"}]),
                ),
                ("peer", "networkInterfaceId", serde_json::json!("eni-nat")),
            ],
        ),
        (
            "v7/replace_shapes",
            "Listener._internal_init() got an unexpected keyword argument 'default_action'",
            &[
                (
                    "web",
                    "deploymentCircuitBreaker",
                    serde_json::json!({"enable": true, "rollback": true}),
                ),
                (
                    "assets",
                    "logging",
                    serde_json::json!({"targetBucket": "logs"}),
                ),
            ],
        ),
        (
            "v7-random/generated_secret",
            "Secret._internal_init() got an unexpected keyword argument 'generate_secret_string'",
            &[
                ("api-key-password", "length", serde_json::json!(40)),
                ("api-key-password", "special", serde_json::json!(false)),
                (
                    "api-key-version",
                    "secretString",
                    serde_json::json!("mock-random-password-api-key-password"),
                ),
                (
                    "api-key-version",
                    "secretId",
                    serde_json::json!("api-key_id"),
                ),
                (
                    "db-credentials-version",
                    "secretString",
                    serde_json::json!(
                        "{\"username\": \"app\", \"password\": \"mock-random-password-db-credentials-password\"}"
                    ),
                ),
            ],
        ),
    ];
    for (case, crash, expected) in cases {
        let program = replacement_program(dir.path(), case);
        let before = run_program(&python, &program, None);
        assert!(!before.status.success(), "{case}");
        assert!(
            stderr(&before).contains(crash),
            "{case}: {}",
            stderr(&before)
        );

        fix_with(&program, "unknown-argument");
        assert_eq!(
            std::fs::read_to_string(&program).unwrap(),
            std::fs::read_to_string(
                Path::new(ROOT).join(format!("testdata/unknown-argument/{case}.after.py"))
            )
            .unwrap(),
            "{case}"
        );
        let json = program.with_extension("json");
        let after = run_program(&python, &program, Some(&json));
        assert!(after.status.success(), "{case}: {}", stderr(&after));
        let resources = registered(&json);
        for (name, input, value) in *expected {
            let (_, inputs) = resources
                .get(*name)
                .unwrap_or_else(|| panic!("{case}: {name} was not registered"));
            assert_eq!(&inputs[*input], value, "{case}: {name}.{input}");
        }
    }
}

/// Another class's arguments object that the resource's own class cannot take as it is: the
/// crash is reported and the file left alone.
#[test]
#[ignore = "needs Python with pulumi and pulumi-aws: run .ci/run or set INFRA_FIX_PYTHON"]
fn arguments_of_another_class_that_need_the_author_are_the_crash_reported() {
    let python = python();
    let dir = tempfile::tempdir().unwrap();
    let program = replacement_program(dir.path(), "v7/foreign_args_by_hand");
    let before = std::fs::read_to_string(&program).unwrap();
    let run = run_program(&python, &program, None);
    assert!(
        stderr(&run).contains("Expected opts2 to be a ResourceOptions instance"),
        "{}",
        stderr(&run)
    );
    let findings = std::fs::read_to_string(
        Path::new(ROOT).join("testdata/unknown-argument/v7/foreign_args_by_hand.findings"),
    )
    .unwrap();
    assert!(findings.contains("takes its arguments as `s3.BucketV2Args`, not `s3.BucketArgs`: the program fails with TypeError"), "{findings}");
    let fix = Command::new(env!("CARGO_BIN_EXE_infra-fix"))
        .args([
            "--write",
            "--unsafe-fixes",
            "--no-cache",
            "--select",
            "unknown-argument",
        ])
        .arg(&program)
        .output()
        .unwrap();
    assert_eq!(
        fix.status.code(),
        Some(1),
        "the finding remains: {}",
        stderr(&fix)
    );
    assert_eq!(std::fs::read_to_string(&program).unwrap(), before);
}

/// Issue 12, point 3: what only the author can replace is reported, not fixed: each such
/// argument is the crash it is reported as.
#[test]
#[ignore = "needs Python with pulumi and pulumi-aws: run .ci/run or set INFRA_FIX_PYTHON"]
fn arguments_only_the_author_can_replace_are_the_crash_reported() {
    let python = python();
    let dir = tempfile::tempdir().unwrap();
    let fixture = std::fs::read_to_string(
        Path::new(ROOT).join("testdata/unknown-argument/v7/replace_by_hand.before.py"),
    )
    .unwrap();
    let findings = std::fs::read_to_string(
        Path::new(ROOT).join("testdata/unknown-argument/v7/replace_by_hand.findings"),
    )
    .unwrap();
    // Each finding's line alone after the imports (and what it reads), so each crash shows.
    let cases = [
        (
            "secretsmanager.Secret",
            "Secret",
            "generate_secret_string",
            "secret = ",
        ),
        (
            "ec2.RouteTableRouteArgs",
            "RouteTableRouteArgs",
            "instance_id",
            "routes = ",
        ),
        (
            "elasticache.ReplicationGroup",
            "ReplicationGroup",
            "auth_token_enabled",
            "cache = ",
        ),
        ("s3.Bucket", "Bucket", "block_public_acls", "logs = "),
    ];
    for (key, class, argument, statement) in cases {
        assert!(
            findings.contains(&format!("`{key}` takes no argument `{argument}`")),
            "{findings}"
        );
        let start = fixture.find(statement).unwrap();
        let end = fixture[start..]
            .find("\n)\n")
            .map(|e| start + e + 3)
            .unwrap();
        let program = dir.path().join(format!("{class}.py"));
        let mut text = String::from("import pulumi\nimport pulumi_aws as aws\n");
        text.push_str(
            "nat = aws.ec2.Instance(\"nat\", ami=\"ami-123\", instance_type=\"t3.micro\")\n",
        );
        text.push_str("provider = aws.Provider(\"west\", region=\"us-west-2\")\n");
        text.push_str(&fixture[start..end]);
        std::fs::write(&program, text).unwrap();
        let run = run_program(&python, &program, None);
        assert!(!run.status.success(), "{class}");
        let crash = if class.ends_with("Args") {
            format!("{class}.__init__() got an unexpected keyword argument '{argument}'")
        } else {
            format!("{class}._internal_init() got an unexpected keyword argument '{argument}'")
        };
        assert!(stderr(&run).contains(&crash), "{class}: {}", stderr(&run));
    }
}

/// A function's name, its runtime before the fix and after it.
type FunctionRuntime = (&'static str, &'static str, &'static str);

/// `lambda-runtime-outdated`: every fixed program runs under the real SDK and registers its
/// functions and layers with the new runtimes (a deprecated runtime is no crash: the before
/// programs run too, with the old ones).
#[test]
#[ignore = "needs Python with pulumi and pulumi-aws: run .ci/run or set INFRA_FIX_PYTHON"]
fn outdated_lambda_runtimes_are_registered_as_the_newest() {
    let python = python();
    let dir = tempfile::tempdir().unwrap();
    let json = dir.path().join("resources.json");
    let runtime = |json: &Path, name: &str| {
        registered(json)[name].1["runtime"]
            .as_str()
            .unwrap()
            .to_string()
    };
    let layer = |json: &Path, name: &str| {
        registered(json)[name].1["compatibleRuntimes"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r.as_str().unwrap().to_string())
            .collect::<Vec<_>>()
    };
    // (fixture, [(function, runtime before, runtime after)])
    let cases: &[(&str, &[FunctionRuntime])] = &[
        (
            "strings",
            &[
                ("py", "python3.8", "python3.14"),
                ("node", "nodejs16.x", "nodejs24.x"),
                ("java", "java8", "java25"),
                ("dotnet", "dotnetcore3.1", "dotnet10"),
                ("ruby", "ruby2.7", "ruby3.4"),
                ("custom", "provided", "provided.al2023"),
                ("go", "go1.x", "go1.x"),
                ("current", "python3.12", "python3.12"),
            ],
        ),
        (
            "enum",
            &[
                ("through-package", "python3.8", "python3.14"),
                ("through-module", "nodejs16.x", "nodejs24.x"),
                ("imported-enum", "dotnet6", "dotnet10"),
                ("current", "python3.12", "python3.12"),
            ],
        ),
        (
            "function_args",
            &[
                ("fn", "python3.7", "python3.14"),
                ("inline", "nodejs18.x", "nodejs24.x"),
            ],
        ),
    ];
    for (case, functions) in cases {
        let program = fixture_program(dir.path(), "lambda-runtime-outdated", case);
        let before = run_program(&python, &program, Some(&json));
        assert!(before.status.success(), "{case}: {}", stderr(&before));
        for (name, old, _) in *functions {
            assert_eq!(runtime(&json, name), *old, "{case} {name}");
        }
        fix_lambda_runtimes(&program);
        let after = run_program(&python, &program, Some(&json));
        assert!(after.status.success(), "{case}: {}", stderr(&after));
        for (name, _, new) in *functions {
            assert_eq!(runtime(&json, name), *new, "{case} {name}");
        }
    }

    let program = fixture_program(dir.path(), "lambda-runtime-outdated", "layer_version");
    fix_lambda_runtimes(&program);
    let after = run_program(&python, &program, Some(&json));
    assert!(after.status.success(), "{}", stderr(&after));
    for (name, runtimes) in [
        ("strings", vec!["python3.14", "python3.12"]),
        ("members", vec!["python3.14", "nodejs24.x"]),
        ("already", vec!["python3.14"]),
        ("from-args", vec!["nodejs24.x"]),
        ("mixed", vec!["go1.x", "python3.14"]),
    ] {
        assert_eq!(layer(&json, name), runtimes, "{name}");
    }

    // On pulumi-aws 6 the fix writes 6's newest, which its SDK accepts.
    let v6 = dir.path().join("v6");
    std::fs::create_dir(&v6).unwrap();
    std::fs::copy(
        Path::new(ROOT).join("testdata/lambda-runtime-outdated/v6/pyproject.toml"),
        v6.join("pyproject.toml"),
    )
    .unwrap();
    let program = fixture_program(dir.path(), "lambda-runtime-outdated", "v6/newest_of_6");
    fix_lambda_runtimes(&program);
    let after = run_program(&python6(), &program, Some(&json));
    assert!(after.status.success(), "{}", stderr(&after));
    assert_eq!(runtime(&json, "py"), "python3.13");
    assert_eq!(runtime(&json, "node"), "nodejs22.x");
    assert_eq!(
        layer(&json, "layer"),
        ["python3.13", "java21", "dotnet8", "ruby3.3"]
    );
}

/// `--write --unsafe-fixes` with `lambda-runtime-outdated` alone; what it leaves is `go1.x`,
/// which it reports without a fix.
fn fix_lambda_runtimes(program: &Path) {
    let fix = Command::new(env!("CARGO_BIN_EXE_infra-fix"))
        .args([
            "--write",
            "--unsafe-fixes",
            "--no-cache",
            "--output-format=concise",
        ])
        .args(["--select", "lambda-runtime-outdated"])
        .arg(program)
        .output()
        .unwrap();
    let report = stderr(&fix);
    for line in report
        .lines()
        .filter(|l| l.contains(": lambda-runtime-outdated "))
    {
        assert!(line.contains("`go1.x`"), "{report}");
    }
}
