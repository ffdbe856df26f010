//! `ecs-container-health-check`: a container definition of an `aws.ecs.TaskDefinition`
//! without `healthCheck` (catalog issue 7); the fix probes the container's port on the path
//! the load balancer's target group checks, with a program the image is known to ship, and
//! writes `hostPort` in `awsvpc` port mappings. A probe that cannot run makes ECS replace
//! healthy tasks forever, so an image whose tools are not known gets no fix.

use super::options::{OptionKind, RuleOption};
use super::{Checker, Match, codemod};
use crate::edit::{Fix, items};
use crate::pulumi::container_image::{self, Prober, Unprobed, local_url};
use crate::pulumi::json_literal::{self, Json};
use crate::pulumi::literal::{bool_value, int_value, string_value};
use crate::pulumi::{ResourceCall, Symbols};
use crate::source::fields;
use std::collections::HashMap;
use tree_sitter::Node;

pub const CODEMOD: super::Codemod = codemod! {
    id: "ecs-container-health-check",
    title: "ECS container definition without `healthCheck`",
    fix: Unsafe,
    matches: classes["ecs.TaskDefinition"],
    options: [PATH, COMMAND, INTERVAL],
    check: check,
};

/// The path probed when no HTTP target group names one.
const PATH: RuleOption = RuleOption {
    name: "path",
    kind: OptionKind::Text {
        parse: |s| container_image::plain_url(s).then(|| s.to_string()),
        expected: "a URL path such as \"/health\" (starting with `/`; letters, digits and `/-._~%+,:@=` only, which a shell command carries unquoted)",
        default: Some("/"),
    },
};

/// The shell command for every image, `{port}` and `{path}` filled in; by default the probe
/// is picked from what the image is known to ship.
const COMMAND: RuleOption = RuleOption {
    name: "command",
    kind: OptionKind::Text {
        parse: |s| (!s.trim().is_empty() && !s.contains(['\n', '\r'])).then(|| s.to_string()),
        expected: "a one-line shell command such as \"curl -f http://localhost:{port}{path} || exit 1\"",
        default: None,
    },
};

const INTERVAL: RuleOption = RuleOption {
    name: "interval",
    kind: OptionKind::Integer {
        min: 5,
        max: 300,
        unit: "seconds (the ECS limits)",
        default: 30,
    },
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
/// The value may be held in a variable first (`defs = Output.all(...).apply(lambda args:
/// json.dumps([...]))`).
pub(super) fn containers<'t>(
    cx: &Checker<'_, 't>,
    args: &ResourceCall<'t>,
) -> Vec<(Node<'t>, Node<'t>)> {
    let Some(definitions) = args.keyword("container_definitions", cx.text) else {
        return Vec::new();
    };
    let definitions = json_literal::resolve(definitions.value, || cx.symbols());
    let mut out = Vec::new();
    for dumps in json_literal::dumps_calls(definitions, cx.imports, cx.text) {
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
    let (Some(name), Some(image)) = (get("name"), get("image")) else {
        return;
    };
    if get("healthCheck").is_some() {
        return;
    }
    let shown = string_value(name.value, cx.text)
        .map(|n| format!("Container `{n}`"))
        .unwrap_or_else(|| "Container".into());
    let message = format!("{shown} has no `healthCheck`, so ECS never replaces it when it hangs");
    // The port: the first `containerPort`, written as a number, unless a load balancer names
    // the one it reaches.
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
    let first = json_literal::resolve(*first, || cx.symbols());
    let Some(first_port) = json_literal::get(first, "containerPort", cx.text)
        .and_then(|p| int_value(p.value, cx.text))
    else {
        cx.report(
            container,
            format!("{message}; not fixed: its first `containerPort` is not a number written in the program"),
            None,
        );
        return;
    };
    let options = cx.options();
    let container_name = string_value(name.value, cx.text);
    let checked = match load_balancer_check(cx, task, container_name) {
        Ok(checked) => checked,
        Err(why) => {
            cx.report(container, format!("{message}; not fixed: {why}"), None);
            return;
        }
    };
    let port = checked.port.unwrap_or(first_port);
    let (path, guessed) = match checked.path {
        Some(path) => (path, false),
        None => (
            options
                .text(&PATH)
                .expect("declared with a default")
                .to_string(),
            true,
        ),
    };
    let url = local_url(port, &path);
    let image_text = string_value(json_literal::resolve(image.value, || cx.symbols()), cx.text);
    let (command, with) = match (options.text(&COMMAND), image_text) {
        (Some(command), _) => (
            command
                .replace("{port}", &port.to_string())
                .replace("{path}", &path),
            "the configured command".to_string(),
        ),
        (None, Some(image)) => match container_image::prober(image) {
            Ok(prober) => (
                prober.command(&url),
                format!("{}, which image `{image}` has", prober.name()),
            ),
            Err(unprobed) => {
                let why = not_probed(image, &unprobed, &url);
                cx.report(container, format!("{message}; not fixed: {why}"), None);
                return;
            }
        },
        (None, None) => {
            let why = format!(
                "its image is only known when the program runs; {}",
                add_one(&url)
            );
            cx.report(container, format!("{message}; not fixed: {why}"), None);
            return;
        }
    };
    let health = Json::Object(vec![
        (
            "command".into(),
            Json::List(vec![Json::Str("CMD-SHELL".into()), Json::Str(command)]),
        ),
        ("interval".into(), Json::Int(options.integer(&INTERVAL))),
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
            "{message}; add one that probes {url} with {with}{}",
            if guessed {
                " (no target group names a health-check path: check that the application answers on this one)"
            } else {
                ""
            }
        ),
        Some(Fix::unsafe_(edits)),
    );
}

/// Why an image gets no probe, and what to add instead.
fn not_probed(image: &str, unprobed: &Unprobed, url: &str) -> String {
    match unprobed {
        Unprobed::NoShell => format!(
            "image `{image}` is distroless, with no shell to run `CMD-SHELL`: add a `healthCheck` whose command is `[\"CMD\", ...]` running a program of the image that asks {url}"
        ),
        Unprobed::NoProber => format!(
            "image `{image}` has none of curl, wget, python3 or node; install curl in the image and add `[\"CMD-SHELL\", \"{}\"]`, or set this rule's `command` option",
            Prober::Curl.command(url)
        ),
        Unprobed::Unknown(reason) => format!(
            "image `{image}` is {reason}, so its programs are not known; {}",
            add_one(url)
        ),
    }
}

fn add_one(url: &str) -> String {
    format!(
        "add a `healthCheck` whose command the image can run (for an HTTP server in an image with curl, `[\"CMD-SHELL\", \"{}\"]`), or set this rule's `command` option",
        Prober::Curl.command(url)
    )
}

/// What the program's load balancers check on a container: the port they reach it on (the
/// container's first port when none is written) and the path their HTTP health check asks
/// for (`None`: no HTTP health check names one).
struct Checked {
    port: Option<i64>,
    path: Option<String>,
}

/// How the target groups that the program's ECS services put this task definition's container
/// behind check it; `Err` when one cannot be read, checks it in a way a local HTTP probe
/// cannot repeat, or they disagree.
fn load_balancer_check<'t>(
    cx: &Checker<'_, 't>,
    task: &ResourceCall<'t>,
    container: Option<&str>,
) -> Result<Checked, String> {
    let symbols = cx.symbols();
    let Some(task_index) = symbols.resource_index(task.node) else {
        return Ok(Checked {
            port: None,
            path: None,
        });
    };
    // Every (port, path) a load balancer checks; the path is `None` behind a TCP check.
    let mut checks: Vec<(Option<i64>, Option<String>)> = Vec::new();
    let services = cx.per_file(services_by_task);
    for &index in services.get(&task_index).into_iter().flatten() {
        let service = &symbols.resources[index];
        let Some(args) = service.call.written_arguments(cx.imports, cx.text) else {
            continue;
        };
        let Some(balancers) = args.keyword("load_balancers", cx.text) else {
            continue;
        };
        if balancers.value.kind() != "list" {
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
                .and_then(|arn| arn.child_by_field_id(fields().object))
                .and_then(|o| target_group(symbols, o))
            else {
                continue;
            };
            let Some(group_args) = group.written_arguments(cx.imports, cx.text) else {
                return Err("its target group's arguments cannot be read".into());
            };
            let port = field("container_port").and_then(|p| int_value(p, cx.text));
            checks.push((port, checked_path(cx, &group_args)?));
        }
    }
    // The HTTP checks say where the application answers; TCP ones only which port.
    let mut http: Vec<(Option<i64>, String)> = checks
        .iter()
        .filter_map(|(port, path)| Some((*port, path.clone()?)))
        .collect();
    http.sort();
    http.dedup();
    let mut ports: Vec<Option<i64>> = checks.iter().map(|(port, _)| *port).collect();
    ports.sort();
    ports.dedup();
    match (&http[..], &ports[..]) {
        ([(port, path)], _) => Ok(Checked {
            port: *port,
            path: Some(path.clone()),
        }),
        ([], [] | [_]) => Ok(Checked {
            port: ports.first().copied().flatten(),
            path: None,
        }),
        ([], _) => Err("its load balancers reach it on different ports".into()),
        _ => Err(format!(
            "its target groups check different paths or ports ({})",
            http.iter()
                .map(|(_, path)| path.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        )),
    }
}

/// The file's ECS services by the task definition they run (`task_definition=task.arn`), in
/// file order.
fn services_by_task(cx: &Checker<'_, '_>) -> HashMap<usize, Vec<usize>> {
    let symbols = cx.symbols();
    let mut by_task: HashMap<usize, Vec<usize>> = HashMap::new();
    for (index, service) in symbols.of_type(&["ecs.Service"]) {
        let task = service
            .call
            .written_arguments(cx.imports, cx.text)
            .and_then(|args| args.keyword("task_definition", cx.text))
            .and_then(|k| k.value.child_by_field_id(fields().object))
            .and_then(|o| symbols.resolve(o).id());
        if let Some(task) = task {
            by_task.entry(task).or_default().push(index);
        }
    }
    by_task
}

/// The path a target group's HTTP health check asks for; `None` for a TCP check. `Err` for a
/// check that a plain HTTP request to the container's port cannot stand in for.
fn checked_path<'t>(
    cx: &Checker<'_, 't>,
    group: &ResourceCall<'t>,
) -> Result<Option<String>, String> {
    let unread = |what: &str| format!("its target group's {what} is not a plain literal");
    let text = |node: Node<'t>, what: &str| string_value(node, cx.text).ok_or_else(|| unread(what));
    let group_protocol = match group.keyword("protocol", cx.text) {
        Some(k) => Some(text(k.value, "`protocol`")?.to_ascii_uppercase()),
        None => None,
    };
    let check = group.keyword("health_check", cx.text).map(|k| k.value);
    if check.is_some_and(|c| !matches!(c.kind(), "call" | "dictionary")) {
        return Err(unread("`health_check`"));
    }
    let field = |name: &str| check.and_then(|c| field_of(cx, c, name));
    if let Some(enabled) = field("enabled") {
        match bool_value(enabled) {
            // The load balancer checks nothing: no path is known.
            Some(false) => return Ok(None),
            Some(true) => {}
            None => return Err(unread("health check's `enabled`")),
        }
    }
    let path = match field("path") {
        Some(p) => Some(text(p, "health-check `path`")?),
        None => None,
    };
    // A load balancer checks HTTP(S) target groups over HTTP by default, TCP ones over TCP; a
    // path written on a TCP group is still where the author says the application answers.
    let protocol = match field("protocol") {
        Some(p) => text(p, "health-check `protocol`")?.to_ascii_uppercase(),
        None => match group_protocol.as_deref() {
            None | Some("HTTP" | "HTTPS") => {
                group_protocol.clone().unwrap_or_else(|| "HTTP".into())
            }
            Some(_) if path.is_some() => "HTTP".into(),
            Some(_) => "TCP".into(),
        },
    };
    if protocol == "HTTPS" || group_protocol.as_deref() == Some("HTTPS") {
        return Err(
            "its load balancer reaches it over HTTPS, which a plain HTTP probe does not speak: write its `healthCheck` by hand"
                .into(),
        );
    }
    if protocol != "HTTP" {
        return Ok(None);
    }
    if let Some(version) = group.keyword("protocol_version", cx.text) {
        let version = text(version.value, "`protocol_version`")?;
        if !version.eq_ignore_ascii_case("HTTP1") {
            return Err(format!(
                "its target group speaks {version} to it, which a plain HTTP probe does not: write its `healthCheck` by hand"
            ));
        }
    }
    if let Some(port) = field("port")
        && string_value(port, cx.text) != Some("traffic-port")
    {
        return Err(
            "its target group checks another port than the one it sends traffic to: write its `healthCheck` by hand"
                .into(),
        );
    }
    if let Some(matcher) = field("matcher") {
        let codes = text(matcher, "health-check `matcher`")?;
        if !below_400(codes) {
            return Err(format!(
                "its target group counts status {codes} as healthy, and the probe fails from status 400 on: write its `healthCheck` by hand"
            ));
        }
    }
    let path = path.unwrap_or("/");
    if !container_image::plain_url(path) {
        return Err(format!(
            "its target group's health-check path `{path}` has characters a shell command would have to quote: write its `healthCheck` by hand"
        ));
    }
    Ok(Some(path.to_string()))
}

/// True when every status a target group's `matcher` accepts (`200`, `200-299`, `200,302`)
/// is below 400, as the probes require.
fn below_400(codes: &str) -> bool {
    codes.split(',').all(|part| {
        part.trim()
            .split('-')
            .all(|code| code.trim().parse::<u32>().is_ok_and(|c| c < 400))
    })
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
