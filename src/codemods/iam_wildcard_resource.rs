//! `iam-wildcard-resource`: an `Allow` statement on `"Resource": "*"` with actions that can be
//! scoped to a resource (catalog issue 8), scoped to the ARN of the program's one secret,
//! queue, topic, table, bucket or key when that is unambiguous.

use super::{Checker, Match, codemod};
use crate::edit::{Edit, Fix, add_import, delete_items, items};
use crate::pulumi::iam::Actions;
use crate::pulumi::json_literal::{self, Json, Pair};
use crate::pulumi::output::{Applied, applied_to, lambda_parameter, output_class};
use tree_sitter::Node;

pub const CODEMOD: super::Codemod = codemod! {
    id: "iam-wildcard-resource",
    title: "IAM `Allow` statement on `\"Resource\": \"*\"` for actions that can be scoped to a resource",
    fix: Unsafe,
    matches: query["dumps", "json_dumps"],
    check: check,
};

/// The resource a service's actions are scoped to: (service prefix, pulumi-aws types, what the
/// program's resource is called in messages, the IAM resource types its ARNs cover).
const TARGETS: &[(&str, &[&str], &str, &[&str])] = &[
    (
        "secretsmanager",
        &["secretsmanager.Secret"],
        "secret",
        &["secret"],
    ),
    ("sqs", &["sqs.Queue"], "queue", &["queue"]),
    ("sns", &["sns.Topic"], "topic", &["topic"]),
    (
        "dynamodb",
        &["dynamodb.Table"],
        "table",
        &["table", "index"],
    ),
    (
        "s3",
        &["s3.Bucket", "s3.BucketV2"],
        "bucket",
        &["bucket", "object"],
    ),
    ("kms", &["kms.Key"], "key", &["key"]),
];

fn check<'t>(cx: &mut Checker<'_, 't>, m: &Match<'_, 't>) {
    let Some(dumps) = m.node("dumps") else { return };
    let Some(argument) = json_literal::dumps_argument(dumps, cx.imports, cx.text) else {
        return;
    };
    let document = json_literal::resolve(argument, || cx.symbols());
    let Some(statement) = json_literal::get(document, "Statement", cx.text) else {
        return;
    };
    let (statements, listed) = match statement.value.kind() {
        "list" => (items(statement.value), true),
        "dictionary" => (vec![statement.value], false),
        _ => return,
    };
    for stmt in statements {
        if cx.reported(stmt) {
            continue;
        }
        check_statement(
            cx,
            dumps,
            document,
            argument,
            stmt,
            listed.then_some(statement.value),
        );
    }
}

/// The parts of a statement this rule reads.
struct Statement<'t> {
    action: Pair<'t>,
    resource: Pair<'t>,
    /// `(element, action text)` of the `Action` value.
    actions: Vec<(Node<'t>, String)>,
}

fn read_statement<'t>(cx: &Checker<'_, 't>, stmt: Node<'t>) -> Option<Statement<'t>> {
    let pairs = json_literal::pairs(stmt, cx.text)?;
    let get = |k: &str| pairs.iter().find(|(key, _)| key == k).map(|(_, p)| *p);
    // Resource policies (with a principal) and inverted statements are another matter.
    if ["Principal", "NotPrincipal", "NotAction", "NotResource"]
        .iter()
        .any(|k| get(k).is_some())
    {
        return None;
    }
    let effect = get("Effect")?;
    if json_literal::strings(effect.value, cx.text)? != ["Allow"] {
        return None;
    }
    let resource = get("Resource")?;
    let resources = json_literal::strings(resource.value, cx.text)?;
    if resources.is_empty() || resources.iter().any(|r| *r != "*") {
        return None;
    }
    let action = get("Action")?;
    let elements = match action.value.kind() {
        "list" => items(action.value),
        _ => vec![action.value],
    };
    let actions = elements
        .into_iter()
        .map(|e| {
            Some((
                e,
                crate::pulumi::literal::string_value(e, cx.text)?.to_string(),
            ))
        })
        .collect::<Option<Vec<_>>>()?;
    Some(Statement {
        action,
        resource,
        actions,
    })
}

fn check_statement<'t>(
    cx: &mut Checker<'_, 't>,
    dumps: Node<'t>,
    document: Node<'t>,
    argument: Node<'t>,
    stmt: Node<'t>,
    statement_list: Option<Node<'t>>,
) {
    let Some(statement) = read_statement(cx, stmt) else {
        return;
    };
    let table = Actions::get();
    let scopable: Vec<&(Node, String)> = statement
        .actions
        .iter()
        .filter(|(_, a)| table.scopable(a) == Some(true))
        .collect();
    if scopable.is_empty() {
        return;
    }
    let names: Vec<&str> = scopable.iter().map(|(_, a)| a.as_str()).collect();
    let message = format!(
        "`Allow` statement grants {} on `\"Resource\": \"*\"`: {} resource-level permissions, so the grant reaches every matching resource of the account",
        names
            .iter()
            .map(|a| format!("`{a}`"))
            .collect::<Vec<_>>()
            .join(", "),
        if names.len() == 1 {
            "it supports"
        } else {
            "they support"
        }
    );
    let sites = Sites {
        dumps,
        document,
        argument,
        statement_list,
    };
    match scope(cx, &statement, &sites) {
        Ok((fix, arns)) => cx.report(
            stmt,
            format!("{message}; scope it to {}", arns.join(", ")),
            Some(fix),
        ),
        Err(why) => cx.report(stmt, format!("{message}; not fixed: {why}"), None),
    }
}

/// Where the statement sits.
struct Sites<'t> {
    dumps: Node<'t>,
    document: Node<'t>,
    argument: Node<'t>,
    statement_list: Option<Node<'t>>,
}

/// How the callback that will receive the ARNs is written.
enum Callback<'t> {
    /// `kw=json.dumps(...)`: wrapped in a new `Output.all(...).apply(lambda args: ...)`.
    Wrap,
    /// `pulumi.Output.json_dumps(...)`: the ARN outputs are written in the document.
    Direct,
    /// Already `Output.all(...).apply(lambda <param>: json.dumps(...))`: extended.
    Extend {
        parameter: String,
        arguments: Node<'t>,
        elements: Vec<Node<'t>>,
    },
}

/// The fix that scopes `statement`, and the ARNs it uses; or why there is none.
fn scope<'t>(
    cx: &Checker<'_, 't>,
    statement: &Statement<'t>,
    sites: &Sites<'t>,
) -> Result<(Fix, Vec<String>), String> {
    let table = Actions::get();
    let mut keep: Vec<(Node<'t>, &str)> = Vec::new();
    let mut split: Vec<(Node<'t>, &str)> = Vec::new();
    for (node, action) in &statement.actions {
        match table.scopable(action) {
            Some(true) if action.contains(['*', '?']) => {
                return Err(format!(
                    "`{action}` is a wildcard over actions of several resource types; list the actions and scope them by hand"
                ));
            }
            Some(true) => keep.push((*node, action)),
            Some(false) => split.push((*node, action)),
            None => {
                return Err(format!(
                    "`{action}` is not an action of the AWS Service Authorization Reference ({})",
                    table.source
                ));
            }
        }
    }
    let callback = callback(cx, sites)?;
    let site = sites.dumps;
    // The services of the scoped actions, each with the one resource of the program it means.
    let mut services: Vec<&str> = keep
        .iter()
        .map(|(_, a)| a.split(':').next().unwrap_or_default())
        .collect();
    services.dedup();
    services.sort();
    services.dedup();
    let mut edits: Vec<Edit> = Vec::new();
    let mut doomed: Vec<Node<'t>> = Vec::new();
    let mut arn_outputs: Vec<(String, Option<&str>)> = Vec::new();
    let secret = unique(cx, site, "secretsmanager").ok();
    for service in &services {
        // `kms:Decrypt` only for the secret: its AWS-managed key needs no grant.
        if *service == "kms"
            && unique(cx, site, "kms").is_err()
            && let Some((_, secret_index)) = &secret
            && services.contains(&"secretsmanager")
            && keep
                .iter()
                .filter(|(_, a)| a.starts_with("kms:"))
                .all(|(_, a)| a.eq_ignore_ascii_case("kms:Decrypt"))
            && cx.symbols().resources[*secret_index]
                .call
                .keyword("kms_key_id", cx.text)
                .is_none()
        {
            let has_describe = keep
                .iter()
                .any(|(_, a)| a.eq_ignore_ascii_case("secretsmanager:DescribeSecret"));
            for (node, action) in &keep {
                if action.starts_with("kms:") {
                    if has_describe {
                        doomed.push(*node);
                    } else {
                        edits.push(Edit::replace(
                            *node,
                            cx.style().string("secretsmanager:DescribeSecret"),
                        ));
                    }
                }
            }
            continue;
        }
        let (holder, _) = unique(cx, site, service)?;
        let arn = format!("{holder}.arn");
        let actions: Vec<_> = keep
            .iter()
            .filter(|(_, a)| a.split(':').next() == Some(service))
            .flat_map(|(_, a)| table.matching(a))
            .collect();
        let has = |t: &str| actions.iter().any(|a| a.resource_types().any(|r| r == t));
        // Every action must apply to the ARNs written, or scoping would drop it.
        let covered = TARGETS
            .iter()
            .find(|(s, ..)| s == service)
            .map_or(&[][..], |(.., c)| *c);
        if let Some(other) = actions
            .iter()
            .find(|a| !a.resource_types().any(|r| covered.contains(&r)))
        {
            return Err(format!(
                "`{}` applies to other resource types than the program's {}",
                other.name,
                covered.join(" / ")
            ));
        }
        match *service {
            "s3" => {
                if has("bucket") {
                    arn_outputs.push((arn.clone(), None));
                }
                if has("object") {
                    arn_outputs.push((arn, Some("/*")));
                }
            }
            "dynamodb" => {
                arn_outputs.push((arn.clone(), None));
                if has("index") {
                    arn_outputs.push((arn, Some("/index/*")));
                }
            }
            _ => arn_outputs.push((arn, None)),
        }
    }
    if arn_outputs.is_empty() {
        return Err("no resource of the program matches the scoped actions".into());
    }
    // The callback's elements: the ARN outputs, reusing those already passed.
    let style = cx.style();
    let q = style.quote;
    let (parameter, mut next, existing) = match &callback {
        Callback::Direct => (String::new(), 0, Vec::new()),
        Callback::Wrap => {
            let taken = !identifiers(sites.argument, "args", cx.text).is_empty();
            (
                if taken { "arns" } else { "args" }.to_string(),
                0,
                Vec::new(),
            )
        }
        Callback::Extend {
            parameter,
            elements,
            ..
        } => (
            parameter.clone(),
            elements.len(),
            elements.iter().map(|e| cx.src(*e).to_string()).collect(),
        ),
    };
    let mut added: Vec<String> = Vec::new();
    let mut values: Vec<String> = Vec::new();
    for (output, suffix) in &arn_outputs {
        let index = match existing
            .iter()
            .chain(added.iter())
            .position(|e| crate::pulumi::opts::same_expression(e, output))
        {
            Some(i) => i,
            None => {
                added.push(output.clone());
                next += 1;
                next - 1
            }
        };
        values.push(match (&callback, suffix) {
            (Callback::Direct, None) => output.clone(),
            (Callback::Direct, Some(s)) => {
                format!("{output}.apply(lambda arn: f{q}{{arn}}{s}{q})")
            }
            (_, None) => format!("{parameter}[{index}]"),
            (_, Some(s)) => format!("f{q}{{{parameter}[{index}]}}{s}{q}"),
        });
    }
    let as_list = statement.resource.value.kind() == "list" || values.len() > 1;
    let resource = if as_list {
        format!("[{}]", values.join(", "))
    } else {
        values[0].clone()
    };
    edits.push(Edit::replace(statement.resource.value, resource));
    // Actions that need `"*"` keep it, in a statement of their own.
    if !split.is_empty() {
        let Some(list) = sites.statement_list else {
            return Err(format!(
                "{} must keep `\"*\"` and the policy has a single statement to split",
                split
                    .iter()
                    .map(|(_, a)| format!("`{a}`"))
                    .collect::<Vec<_>>()
                    .join(", ")
            ));
        };
        doomed.extend(split.iter().map(|(n, _)| *n));
        let new = Json::Object(vec![
            ("Effect".into(), Json::Str("Allow".into())),
            (
                "Action".into(),
                Json::List(
                    split
                        .iter()
                        .map(|(_, a)| Json::Str(a.to_string()))
                        .collect(),
                ),
            ),
            ("Resource".into(), Json::Str("*".into())),
        ]);
        edits.push(json_literal::append_element(cx.text, list, &new, style));
    }
    if !doomed.is_empty() {
        edits.extend(delete_items(cx.text, statement.action.value, &doomed));
    }
    match &callback {
        Callback::Wrap => {
            let (output, import) = output_class(cx.imports);
            edits.push(Edit::insert(
                sites.dumps.start_byte(),
                format!(
                    "{output}.all({}).apply(lambda {parameter}: ",
                    added.join(", ")
                ),
            ));
            edits.push(Edit::insert(sites.dumps.end_byte(), ")"));
            if let Some(import) = import {
                edits.push(add_import(cx.text, cx.tree, import, style));
            }
        }
        Callback::Extend { arguments, .. } if !added.is_empty() => {
            edits.push(crate::edit::append_items(
                cx.text, *arguments, &added, style,
            ));
        }
        Callback::Extend { .. } | Callback::Direct => {}
    }
    Ok((
        Fix::unsafe_(edits),
        arn_outputs
            .iter()
            .map(|(o, s)| match s {
                None => format!("`{o}`"),
                Some(s) => format!("`{o}` + `{s}`"),
            })
            .collect(),
    ))
}

/// The callback the ARNs reach the document through.
fn callback<'t>(cx: &Checker<'_, 't>, sites: &Sites<'t>) -> Result<Callback<'t>, String> {
    // The document must be written in the `json.dumps(...)` call itself: a variable's
    // literal may be used elsewhere, where the callback's parameter is not defined.
    if sites.document != sites.argument {
        return Err("the policy document is held in a variable; write it inside the `json.dumps(...)` to scope it".into());
    }
    if json_literal::is_output_json_dumps(sites.dumps, cx.imports, cx.text) {
        return Ok(Callback::Direct);
    }
    let parent = sites.dumps.parent().ok_or("")?;
    if parent.kind() == "keyword_argument" {
        let in_call = parent
            .parent()
            .and_then(|a| a.parent())
            .and_then(|c| crate::pulumi::ResourceCall::resolve(c, cx.imports, cx.text));
        if in_call.is_some() {
            return Ok(Callback::Wrap);
        }
    }
    if parent.kind() == "lambda" && parent.child_by_field_name("body") == Some(sites.dumps) {
        let parameter = lambda_parameter(parent).map(|p| cx.src(p).to_string());
        if let (
            Some(parameter),
            Some(Applied::All {
                arguments,
                elements,
            }),
        ) = (parameter, applied_to(parent, cx.imports, cx.text))
        {
            return Ok(Callback::Extend {
                parameter,
                arguments,
                elements,
            });
        }
        return Err("the policy is built in an `apply` over one output; pass the ARN with `pulumi.Output.all(...)` by hand".into());
    }
    Err(
        "the policy is not the argument of a resource or an `Output.all(...).apply` callback"
            .into(),
    )
}

/// The one resource of `service`'s type in the program, as an expression visible at `site`,
/// and its index in the symbol model; or why there is none.
fn unique<'t>(
    cx: &Checker<'_, 't>,
    site: Node<'t>,
    service: &str,
) -> Result<(String, usize), String> {
    let Some((_, types, what, _)) = TARGETS.iter().find(|(s, ..)| *s == service) else {
        return Err(format!(
            "infra-fix does not know which resource of the program `{service}` actions mean"
        ));
    };
    let symbols = cx.symbols();
    let found: Vec<(usize, bool)> = symbols
        .of_type(types)
        .map(|(i, r)| (i, r.repeated))
        .collect();
    let plural = format!("{what}s");
    match found[..] {
        [] => Err(format!(
            "the program creates no {what} to scope `{service}` actions to"
        )),
        [(_, true)] => Err(format!(
            "the program's {what} is created in a loop: which of them is ambiguous"
        )),
        [(index, false)] => {
            let holders = symbols.holders(site, types);
            match holders.iter().find(|h| h.id == Some(index)) {
                Some(h) => Ok((h.expr.clone(), index)),
                None => Err(format!(
                    "the program's {what} is not held in a name visible from the policy"
                )),
            }
        }
        _ => Err(format!(
            "the program creates {} {plural}: which one the statement means is ambiguous",
            found.len()
        )),
    }
}

/// The identifiers `name` inside `node`.
fn identifiers<'t>(node: Node<'t>, name: &str, text: &str) -> Vec<Node<'t>> {
    let mut out = Vec::new();
    let mut stack = vec![node];
    while let Some(n) = stack.pop() {
        if n.kind() == "identifier" && &text[n.byte_range()] == name {
            out.push(n);
        }
        let mut cursor = n.walk();
        stack.extend(n.named_children(&mut cursor).collect::<Vec<_>>());
    }
    out
}
