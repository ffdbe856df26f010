//! The real SDK is the judge: programs run offline under Pulumi's unit-test mocks
//! (`tests/pulumi_mocks/run_program.py`) against the pinned `pulumi` and `pulumi-aws` of
//! `tests/requirements.txt`, before and after infra-fix.
//!
//! Python comes from `$INFRA_FIX_PYTHON`, else `target/pyenv/bin/python` (what `.ci/run`
//! installs). Without it these tests say so and pass, unless `INFRA_FIX_REQUIRE_PULUMI` is
//! set (as `.ci/run` does), when they fail.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

mod common;

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

fn python() -> Option<PathBuf> {
    let candidate = std::env::var_os("INFRA_FIX_PYTHON")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(ROOT).join("target/pyenv/bin/python"));
    let works = Command::new(&candidate)
        .args(["-c", "import pulumi, pulumi_aws"])
        .output()
        .is_ok_and(|o| o.status.success());
    if works {
        return Some(candidate);
    }
    assert!(
        std::env::var_os("INFRA_FIX_REQUIRE_PULUMI").is_none(),
        "INFRA_FIX_REQUIRE_PULUMI is set but {} cannot import pulumi_aws",
        candidate.display()
    );
    eprintln!(
        "skipped: no Python with pulumi and pulumi-aws (run .ci/run, or set INFRA_FIX_PYTHON)"
    );
    None
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
fn the_harness_tells_failing_programs_from_running_ones() {
    let Some(python) = python() else { return };
    let examples = Path::new(ROOT).join("tests/pulumi_mocks/examples");
    for (program, runs, error) in [
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
    ] {
        let out = run_program(&python, &examples.join(program), None);
        assert_eq!(out.status.success(), runs, "{program}: {}", stderr(&out));
        assert!(stderr(&out).contains(error), "{program}: {}", stderr(&out));
    }
}

#[test]
fn the_example_project_fails_before_and_runs_after_infra_fix() {
    let Some(python) = python() else { return };
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
fn every_fixed_fixture_compiles_with_python() {
    let Some(python) = python() else { return };
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
fn the_product_catalog_runs_after_infra_fix_with_its_dependencies() {
    let Some(python) = python() else { return };
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

/// Issue 12, point 4: pulumi Outputs used as plain values. `json.dumps` of one fails the
/// program; fixed, it runs and every resource receives the values, never the text of Pulumi's
/// `__str__` warning.
#[test]
fn outputs_used_as_strings_fail_before_and_run_after_infra_fix() {
    let Some(python) = python() else { return };
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

    fix_everything(&project);
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
fn an_output_in_an_f_string_is_a_wrong_value_until_fixed() {
    let Some(python) = python() else { return };
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
