//! `ecs-container-health-check`: a container definition of an `aws.ecs.TaskDefinition`
//! without `healthCheck` (catalog issue 7); the fix probes the container's port on the path
//! the load balancer's target group checks, and writes `hostPort` in `awsvpc` port mappings.

use super::{Checker, Match, codemod};
use crate::edit::{Fix, items};
use crate::pulumi::json_literal::{self, Json};
use crate::pulumi::literal::{int_value, string_value};
use crate::pulumi::{ResourceCall, Symbols};
use tree_sitter::Node;

pub const CODEMOD: super::Codemod = codemod! {
    id: "ecs-container-health-check",
    title: "ECS container definition without `healthCheck`",
    fix: Unsafe,
    check: check,
};

fn check<'t>(cx: &mut Checker<'_, 't>, m: &Match<'_, 't>) {
    let Some(task) = m.construction(&["ecs.TaskDefinition"]) else {
        return;
    };
    let Some(args) = task.written_arguments(cx.imports, cx.text) else {
        return;
    };
    let awsvpc = args
        .keyword("network_mode", cx.text)
        .and_then(|k| string_value(k.value, cx.text))
        == Some("awsvpc");
    for (container, _) in containers(cx, &args) {
        if !cx.reported(container) {
            check_container(cx, &task, container, awsvpc);
        }
    }
}

/// The container definitions written as literals in a task definition's
/// `container_definitions=json.dumps([...])`, each with the `json.dumps` call that holds it.
pub(super) fn containers<'t>(
    cx: &Checker<'_, 't>,
    args: &ResourceCall<'t>,
) -> Vec<(Node<'t>, Node<'t>)> {
    let Some(definitions) = args.keyword("container_definitions", cx.text) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for dumps in json_literal::dumps_calls(definitions.value, cx.imports, cx.text) {
        let Some(argument) = json_literal::dumps_argument(dumps, cx.imports, cx.text) else {
            continue;
        };
        let document = json_literal::resolve(argument, || cx.symbols());
        if document.kind() != "list" {
            continue;
        }
        for element in items(document) {
            let container = json_literal::resolve(element, || cx.symbols());
            if container.kind() == "dictionary" {
                out.push((container, dumps));
            }
        }
    }
    out
}

fn check_container<'t>(
    cx: &mut Checker<'_, 't>,
    task: &ResourceCall<'t>,
    container: Node<'t>,
    awsvpc: bool,
) {
    let Some(pairs) = json_literal::pairs(container, cx.text) else {
        return;
    };
    let get = |k: &str| pairs.iter().find(|(key, _)| key == k).map(|(_, p)| *p);
    let (Some(name), Some(_)) = (get("name"), get("image")) else {
        return;
    };
    if get("healthCheck").is_some() {
        return;
    }
    let shown = string_value(name.value, cx.text)
        .map(|n| format!("Container `{n}`"))
        .unwrap_or_else(|| "Container".into());
    let message = format!(
        "{shown} has no `healthCheck`: ECS only knows that its process runs, so a hung or broken container keeps its place and is never replaced"
    );
    // The port: the first `containerPort`, written as a number.
    let mappings = get("portMappings")
        .map(|p| json_literal::resolve(p.value, || cx.symbols()))
        .filter(|l| l.kind() == "list")
        .map(items)
        .unwrap_or_default();
    let Some(first) = mappings.first() else {
        cx.report(
            container,
            format!("{message}; not fixed: it has no port mapping to probe, so write its `healthCheck` by hand"),
            None,
        );
        return;
    };
    let Some(port) = json_literal::get(*first, "containerPort", cx.text)
        .and_then(|p| int_value(p.value, cx.text))
    else {
        cx.report(
            container,
            format!("{message}; not fixed: its first `containerPort` is not a number written in the program"),
            None,
        );
        return;
    };
    let options = &cx.settings().options.ecs_container_health_check;
    let container_name = string_value(name.value, cx.text);
    let (path, guessed) = match target_group_path(cx, task, container_name) {
        Ok(Some(path)) => (path, false),
        Ok(None) => (options.path.clone(), true),
        Err(why) => {
            cx.report(container, format!("{message}; not fixed: {why}"), None);
            return;
        }
    };
    let command = options
        .command
        .replace("{port}", &port.to_string())
        .replace("{path}", &path);
    let health = Json::Object(vec![
        (
            "command".into(),
            Json::List(vec![Json::Str("CMD-SHELL".into()), Json::Str(command)]),
        ),
        ("interval".into(), Json::Int(options.interval.into())),
        ("timeout".into(), Json::Int(5)),
        ("retries".into(), Json::Int(3)),
        ("startPeriod".into(), Json::Int(60)),
    ]);
    let style = cx.style();
    let mut edits = vec![json_literal::insert_key(
        cx.text,
        container,
        "healthCheck",
        &health,
        style,
    )];
    // `awsvpc` requires `hostPort` equal to `containerPort`: written out, as the catalog does.
    if awsvpc {
        for mapping in &mappings {
            let mapping = json_literal::resolve(*mapping, || cx.symbols());
            if json_literal::pairs(mapping, cx.text).is_none()
                || json_literal::get(mapping, "hostPort", cx.text).is_some()
            {
                continue;
            }
            let Some(container_port) = json_literal::get(mapping, "containerPort", cx.text) else {
                continue;
            };
            if matches!(
                container_port.value.kind(),
                "integer" | "identifier" | "attribute"
            ) {
                edits.push(json_literal::insert_key(
                    cx.text,
                    mapping,
                    "hostPort",
                    &Json::Raw(cx.src(container_port.value).to_string()),
                    style,
                ));
            }
        }
    }
    cx.report(
        container,
        format!(
            "{message}; add one that probes localhost:{port}{path}{}",
            if guessed {
                " (no HTTP target group of the program names a path, so this is the configured default: check that the application answers there)"
            } else {
                ""
            }
        ),
        Some(Fix::unsafe_(edits)),
    );
}

/// The health-check path of the target groups that the program's ECS services put this task
/// definition's container behind: `Ok(None)` when there is none, `Err` when one cannot be read
/// or they disagree.
fn target_group_path<'t>(
    cx: &Checker<'_, 't>,
    task: &ResourceCall<'t>,
    container: Option<&str>,
) -> Result<Option<String>, String> {
    let symbols = cx.symbols();
    let Some(task_index) = symbols.resource_index(task.node) else {
        return Ok(None);
    };
    let mut paths: Vec<String> = Vec::new();
    for (_, service) in symbols.of_type(&["ecs.Service"]) {
        let Some(args) = service.call.written_arguments(cx.imports, cx.text) else {
            continue;
        };
        let uses_task = args
            .keyword("task_definition", cx.text)
            .and_then(|k| k.value.child_by_field_name("object"))
            .is_some_and(|o| symbols.resolve(o).id() == Some(task_index));
        let Some(balancers) = args.keyword("load_balancers", cx.text) else {
            continue;
        };
        if !uses_task || balancers.value.kind() != "list" {
            continue;
        }
        for balancer in items(balancers.value) {
            let field = |name: &str| field_of(cx, balancer, name);
            if let (Some(wanted), Some(named)) = (container, field("container_name"))
                && string_value(named, cx.text).is_some_and(|n| n != wanted)
            {
                continue;
            }
            let Some(group) = field("target_group_arn")
                .and_then(|arn| arn.child_by_field_name("object"))
                .and_then(|o| target_group(symbols, o))
            else {
                continue;
            };
            let Some(group_args) = group.written_arguments(cx.imports, cx.text) else {
                return Err("its target group's arguments cannot be read".into());
            };
            // Only HTTP(S) target groups probe a path.
            let protocol =
                |v: Node<'t>| field_of(cx, v, "protocol").map(|p| string_value(p, cx.text));
            let http = |p: Option<Option<&str>>| match p {
                None => true,
                Some(Some(p)) => p.eq_ignore_ascii_case("HTTP") || p.eq_ignore_ascii_case("HTTPS"),
                Some(None) => false,
            };
            let group_protocol = group_args
                .keyword("protocol", cx.text)
                .map(|k| string_value(k.value, cx.text));
            if !http(group_protocol) {
                continue;
            }
            // Without a written path the load balancer probes `/`, and the container is known
            // to answer there: the container probes it too.
            let Some(check) = group_args.keyword("health_check", cx.text) else {
                paths.push("/".into());
                continue;
            };
            if !http(protocol(check.value)) {
                continue;
            }
            match field_of(cx, check.value, "path") {
                Some(path) => match string_value(path, cx.text) {
                    Some(p) if p.starts_with('/') && !p.contains(['\'', '"', '\\', ' ']) => {
                        paths.push(p.to_string())
                    }
                    _ => {
                        return Err(
                            "its target group's health-check path is not a plain string".into()
                        );
                    }
                },
                None if matches!(check.value.kind(), "call" | "dictionary") => {
                    paths.push("/".into())
                }
                None => return Err("its target group's health check cannot be read".into()),
            }
        }
    }
    paths.sort();
    paths.dedup();
    match &paths[..] {
        [] => Ok(None),
        [one] => Ok(Some(one.clone())),
        _ => Err(format!(
            "its target groups check different paths ({})",
            paths.join(", ")
        )),
    }
}

fn target_group<'a, 't>(
    symbols: &'a Symbols<'_, 't>,
    object: Node<'t>,
) -> Option<&'a ResourceCall<'t>> {
    let index = symbols.resolve(object).id()?;
    let resource = &symbols.resources[index];
    resource
        .call
        .is(&["lb.TargetGroup", "alb.TargetGroup"])
        .then_some(&resource.call)
}

/// A field of an `*Args(...)` call or a dict literal: `path=` or `"path":`.
fn field_of<'t>(cx: &Checker<'_, 't>, value: Node<'t>, name: &str) -> Option<Node<'t>> {
    match value.kind() {
        "call" => ResourceCall::resolve(value, cx.imports, cx.text)?
            .keyword(name, cx.text)
            .map(|k| k.value),
        "dictionary" => json_literal::get(value, name, cx.text).map(|p| p.value),
        _ => None,
    }
}
