//! `iam-wildcard-resource`: an `Allow` statement on `"Resource": "*"` with actions that can be
//! scoped to a resource (catalog issue 8), scoped to the ARN of the secret, queue, topic,
//! table, bucket or key that the program ties to the policy's role (see `policy_use`) when
//! exactly one is.

use super::{Checker, Match, codemod};
use crate::edit::{Edit, Fix, add_import, delete_items, items};
use crate::pulumi::iam::{Actions, condition_narrows};
use crate::pulumi::json_literal::{self, Json, Pair};
use crate::pulumi::output::{Applied, applied_to, lambda_parameter, output_class};
use crate::pulumi::policy_use::{self, PolicyUse};
use crate::source::fields;
use tree_sitter::Node;

pub const CODEMOD: super::Codemod = codemod! {
    id: "iam-wildcard-resource",
    title: "IAM `Allow` statement on `\"Resource\": \"*\"` for actions that can be scoped to a resource",
    fix: Unsafe,
    matches: query["dumps", "json_dumps", "policy"],
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
    let found = if let Some(name) = m.node("dumps") {
        dumps_use(cx, name)
    } else if let Some(value) = m.node("policy") {
        plain(cx, value)
    } else {
        None
    };
    let Some(document) = found else { return };
    for (stmt, listed) in statements(cx, document.literal) {
        if !cx.reported(stmt) {
            check_statement(cx, &document, stmt, listed);
        }
    }
}

/// How a policy document reaches the resource it is given to.
#[derive(Clone, Copy)]
enum Form<'t> {
    /// `json.dumps(<argument>)` or `pulumi.Output.json_dumps(<argument>)`.
    Dumps { call: Node<'t>, argument: Node<'t> },
    /// A dict given as `policy=` as it is: the SDK accepts a document and resolves the outputs
    /// in it.
    Plain { value: Node<'t> },
    /// `<receiver>.apply(json.dumps)`, the document being `Output.from_input(<document>)` or
    /// the body of `<output>.apply(lambda x: <document>)`.
    Applied { call: Node<'t>, written: Node<'t> },
}

/// A policy document found in the program.
struct Document<'t> {
    /// The dict literal.
    literal: Node<'t>,
    form: Form<'t>,
}

impl<'t> Document<'t> {
    /// The expression that is given to the policy resource.
    fn outer(&self) -> Node<'t> {
        match self.form {
            Form::Dumps { call, .. } | Form::Applied { call, .. } => call,
            Form::Plain { value } => value,
        }
    }

    /// Where the document's own text is written (and the ARNs would be).
    fn written(&self) -> Node<'t> {
        match self.form {
            Form::Dumps { argument, .. } => argument,
            Form::Plain { value } => value,
            Form::Applied { written, .. } => written,
        }
    }
}

/// The dict literal an expression stands for: itself, a variable's value, or what a helper of
/// the file returns (`def document(arn): return {...}`), through a few hops.
fn literal<'t>(cx: &Checker<'_, 't>, expr: Node<'t>) -> Node<'t> {
    let mut expr = expr;
    for _ in 0..3 {
        expr = json_literal::resolve(expr, || cx.symbols());
        // Only a call returns a helper's value: a dict literal needs no symbol model.
        if expr.kind() != "call" {
            break;
        }
        match cx.symbols().returned(expr) {
            Some(value) => expr = value,
            None => break,
        }
    }
    expr
}

/// What a `dumps` or `json_dumps` the query found serializes: called, its argument; given as
/// the sole argument of `<output>.apply`, the output's value. `json.dumps` is found as the
/// attribute and again as its last name: the attribute stands for both.
fn dumps_use<'t>(cx: &Checker<'_, 't>, name: Node<'t>) -> Option<Document<'t>> {
    if let Some(call) = cx.call_of(name) {
        return serialized(cx, call);
    }
    let arguments = cx.parent(name).filter(|p| p.kind() == "argument_list")?;
    if items(arguments)[..] != [name] {
        return None;
    }
    let call = cx.parent(arguments)?;
    let method = call
        .child_by_field_id(fields().function)?
        .child_by_field_id(fields().attribute)?;
    (cx.src(method) == "apply").then_some(())?;
    applied_dumps(cx, call)
}

fn serialized<'t>(cx: &Checker<'_, 't>, call: Node<'t>) -> Option<Document<'t>> {
    let argument = json_literal::dumps_argument(call, cx.imports, cx.text)?;
    let literal = literal(cx, argument);
    (literal.kind() == "dictionary").then_some(Document {
        literal,
        form: Form::Dumps { call, argument },
    })
}

/// `policy=<dict>`, or a name or helper standing for one.
fn plain<'t>(cx: &Checker<'_, 't>, value: Node<'t>) -> Option<Document<'t>> {
    let keyword = value.parent()?;
    let call = keyword.parent()?.parent()?;
    crate::pulumi::ResourceCall::resolve(call, cx.imports, cx.text)?;
    let literal = literal(cx, value);
    (literal.kind() == "dictionary").then_some(Document {
        literal,
        form: Form::Plain { value },
    })
}

/// `<receiver>.apply(json.dumps)`.
fn applied_dumps<'t>(cx: &Checker<'_, 't>, call: Node<'t>) -> Option<Document<'t>> {
    let function = call.child_by_field_id(fields().function)?;
    let serializer = items(call.child_by_field_id(fields().arguments)?)
        .into_iter()
        .next()?;
    if cx.imports.resolve(serializer, cx.text).as_deref() != Some("json.dumps") {
        return None;
    }
    let mut receiver = function.child_by_field_id(fields().object)?;
    if let Some(value) = cx.symbols().assigned_once(receiver) {
        receiver = value;
    }
    let written = output_value(cx, receiver)?;
    let literal = literal(cx, written);
    (literal.kind() == "dictionary").then_some(Document {
        literal,
        form: Form::Applied { call, written },
    })
}

/// The expression an output is built from: `Output.from_input(<value>)`,
/// `Output.secret(<value>)`, or the body of `<output>.apply(lambda x: <value>)`.
fn output_value<'t>(cx: &Checker<'_, 't>, output: Node<'t>) -> Option<Node<'t>> {
    if output.kind() != "call" {
        return None;
    }
    let function = output.child_by_field_id(fields().function)?;
    let arguments = items(output.child_by_field_id(fields().arguments)?);
    if let Some("pulumi.Output.from_input" | "pulumi.Output.secret") =
        cx.imports.resolve(function, cx.text).as_deref()
    {
        return arguments.first().copied();
    }
    let lambda = arguments.first().filter(|a| a.kind() == "lambda")?;
    applied_to(*lambda, cx.imports, cx.text)?;
    lambda.child_by_field_id(fields().body)
}

/// Where a statement is written.
#[derive(Clone, Copy)]
enum Place<'t> {
    /// In the document's own `Statement` list literal.
    Listed(Node<'t>),
    /// As the document's `Statement` dict.
    Alone,
    /// Elsewhere: appended to a list (`statements.append({...})`), held in a variable.
    Elsewhere,
}

/// The statements of a document, each with where it is written.
fn statements<'t>(cx: &Checker<'_, 't>, document: Node<'t>) -> Vec<(Node<'t>, Place<'t>)> {
    let Some(statement) = json_literal::get(document, "Statement", cx.text) else {
        return Vec::new();
    };
    let value = statement.value;
    let (written, appended) = match value.kind() {
        "list" | "dictionary" => (value, Vec::new()),
        // `statements = [...]`, `statements.append({...})`, then `"Statement": statements`.
        "identifier" | "attribute" => (
            json_literal::resolve(value, || cx.symbols()),
            cx.symbols().appended(value),
        ),
        _ => return Vec::new(),
    };
    let in_place = written == value;
    let elements: Vec<(Node<'t>, Place<'t>)> = match written.kind() {
        "list" => items(written)
            .into_iter()
            .map(|e| {
                let place = if in_place {
                    Place::Listed(written)
                } else {
                    Place::Elsewhere
                };
                (e, place)
            })
            .collect(),
        "dictionary" if in_place => vec![(written, Place::Alone)],
        "dictionary" => vec![(written, Place::Elsewhere)],
        _ => Vec::new(),
    };
    elements
        .into_iter()
        .chain(appended.into_iter().map(|e| (e, Place::Elsewhere)))
        .filter_map(|(e, place)| {
            let dict = json_literal::resolve(e, || cx.symbols());
            let place = if dict == e { place } else { Place::Elsewhere };
            (dict.kind() == "dictionary").then_some((dict, place))
        })
        .collect()
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
    // A condition on the resource (its tags, its name) already narrows the grant.
    if let Some(condition) = get("Condition")
        && condition_narrows_statement(cx, condition.value)
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

/// Whether a `Condition` value may narrow the resources its statement reaches: true unless
/// it is a literal `{operator: {key: value}}` whose keys are all about the request
/// (`aws:SecureTransport`, `aws:SourceIp`, ...). A condition that cannot be read narrows.
fn condition_narrows_statement(cx: &Checker, condition: Node) -> bool {
    let Some(operators) = json_literal::pairs(condition, cx.text) else {
        return true;
    };
    let mut keys = Vec::new();
    for (_, operator) in &operators {
        match json_literal::pairs(operator.value, cx.text) {
            Some(pairs) => keys.extend(pairs.into_iter().map(|(key, _)| key)),
            None => return true,
        }
    }
    condition_narrows(keys.iter().map(String::as_str))
}

fn check_statement<'t>(
    cx: &mut Checker<'_, 't>,
    document: &Document<'t>,
    stmt: Node<'t>,
    place: Place<'t>,
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
        "`Allow` statement grants {} on `\"Resource\": \"*\"`, though {} be scoped",
        names
            .iter()
            .map(|a| format!("`{a}`"))
            .collect::<Vec<_>>()
            .join(", "),
        if names.len() == 1 {
            "it can"
        } else {
            "they can"
        }
    );
    match scope(cx, &statement, document, place) {
        Ok((fix, arns)) => cx.report(
            stmt,
            format!("{message}; scope it to {}", arns.join(", ")),
            Some(fix),
        ),
        Err(why) => cx.report(stmt, format!("{message}; not fixed: {why}"), None),
    }
}

/// How the ARN outputs reach the document.
enum Callback<'t> {
    /// `kw=json.dumps(...)`: wrapped in a new `Output.all(...).apply(lambda args: ...)`.
    Wrap { dumps: Node<'t> },
    /// `pulumi.Output.json_dumps(...)`, a plain dict, `Output.from_input(...)`: outputs
    /// written in the document are resolved, so the ARN outputs are written as they are.
    Direct,
    /// Already `Output.all(...).apply(lambda <param>: ...)`: extended.
    Extend {
        parameter: String,
        arguments: Node<'t>,
        elements: Vec<Node<'t>>,
    },
    /// `<output>.apply(lambda <param>: ...)`: only that output's value can be written.
    Single { parameter: String, receiver: String },
}

/// The fix that scopes `statement`, and the ARNs it uses; or why there is none.
fn scope<'t>(
    cx: &Checker<'_, 't>,
    statement: &Statement<'t>,
    document: &Document<'t>,
    place: Place<'t>,
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
    if matches!(place, Place::Elsewhere) {
        return Err("the statement is not written in the policy document (it is appended to a list or held in a variable); write the ARN of the resource it needs in its `Resource`".into());
    }
    // The services of the scoped actions, each with the one resource of the program it means.
    let mut services: Vec<&str> = keep
        .iter()
        .map(|(_, a)| a.split(':').next().unwrap_or_default())
        .collect();
    services.sort();
    services.dedup();
    if let Some(service) = services
        .iter()
        .find(|s| !TARGETS.iter().any(|(t, ..)| t == *s))
    {
        return Err(format!(
            "infra-fix does not know which resource of the program `{service}` actions mean"
        ));
    }
    let owner = policy_use::owner(document.outer(), cx.imports, cx.text).ok_or(
        "the policy is not written in place in the resource it is given to (`aws.iam.RolePolicy`, `aws.iam.Policy`, a role's `inline_policies`), so the role it serves is not known",
    )?;
    let callback = callback(cx, document)?;
    let usage = policy_use::policy_use(cx.symbols(), &owner, cx.text);
    let site = document.written();
    let mut edits: Vec<Edit> = Vec::new();
    let mut doomed: Vec<Node<'t>> = Vec::new();
    let mut arn_outputs: Vec<(String, Option<&str>)> = Vec::new();
    let secret = tied(cx, site, &usage, "secretsmanager");
    for service in &services {
        // `kms:Decrypt` only for the secret: its AWS-managed key needs no grant.
        if *service == "kms"
            && cx.symbols().of_type(&["kms.Key"]).next().is_none()
            && services.contains(&"secretsmanager")
            && keep
                .iter()
                .filter(|(_, a)| a.starts_with("kms:"))
                .all(|(_, a)| a.eq_ignore_ascii_case("kms:Decrypt"))
            && cx.symbols().resources[secret.clone()?.1]
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
        let (holder, _) = tied(cx, site, &usage, service)?;
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
        Callback::Wrap { dumps } => {
            let argument = json_literal::dumps_argument(*dumps, cx.imports, cx.text);
            let taken = argument.is_some_and(|a| !identifiers(a, "args", cx.text).is_empty());
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
        Callback::Single { parameter, .. } => (parameter.clone(), 0, Vec::new()),
    };
    let mut added: Vec<String> = Vec::new();
    let mut values: Vec<String> = Vec::new();
    for (output, suffix) in &arn_outputs {
        if let Callback::Single {
            parameter,
            receiver,
        } = &callback
        {
            if !crate::pulumi::opts::same_expression(receiver, output) {
                return Err(format!(
                    "the policy is built in an `apply` over `{receiver}` alone; pass `{output}` too, with `pulumi.Output.all(...)`"
                ));
            }
            values.push(match suffix {
                None => parameter.clone(),
                Some(s) => format!("f{q}{{{parameter}}}{s}{q}"),
            });
            continue;
        }
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
        let Place::Listed(list) = place else {
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
        Callback::Wrap { dumps } => {
            let (output, import) = output_class(cx.imports);
            edits.push(Edit::insert(
                dumps.start_byte(),
                format!(
                    "{output}.all({}).apply(lambda {parameter}: ",
                    added.join(", ")
                ),
            ));
            edits.push(Edit::insert(dumps.end_byte(), ")"));
            if let Some(import) = import {
                edits.push(add_import(cx.text, cx.tree, import, style));
            }
        }
        Callback::Extend { arguments, .. } if !added.is_empty() => {
            edits.push(crate::edit::append_items(
                cx.text, *arguments, &added, style,
            ));
        }
        Callback::Extend { .. } | Callback::Direct | Callback::Single { .. } => {}
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

/// How the ARNs reach the document, or why they cannot.
fn callback<'t>(cx: &Checker<'_, 't>, document: &Document<'t>) -> Result<Callback<'t>, String> {
    // The document must be written where it is used: a variable's literal may be used
    // elsewhere, where the callback's parameter is not defined.
    if document.literal != document.written() {
        return Err("the policy document is held in a variable or built by a helper; write it where the policy is given to scope it".into());
    }
    match document.form {
        Form::Plain { .. } => Ok(Callback::Direct),
        Form::Applied { call, written } => {
            let receiver = call
                .child_by_field_id(fields().function)
                .and_then(|f| f.child_by_field_id(fields().object))
                .ok_or("")?;
            match written.parent().filter(|p| p.kind() == "lambda") {
                Some(lambda) if receiver.kind() == "call" => lambda_callback(cx, lambda),
                Some(_) => Err(
                    "the policy is built in an `apply` held in a variable; write it in place to scope it"
                        .into(),
                ),
                // `Output.from_input(<document>).apply(json.dumps)`: outputs in it are resolved.
                None if receiver.kind() == "call" => Ok(Callback::Direct),
                None => Err(
                    "the policy document is held in a variable; write it where the policy is given to scope it"
                        .into(),
                ),
            }
        }
        Form::Dumps { call, .. } => {
            if json_literal::is_output_json_dumps(call, cx.imports, cx.text) {
                return Ok(Callback::Direct);
            }
            let parent = call.parent().ok_or("")?;
            if parent.kind() == "keyword_argument" {
                return Ok(Callback::Wrap { dumps: call });
            }
            if parent.kind() == "lambda" && parent.child_by_field_id(fields().body) == Some(call) {
                return lambda_callback(cx, parent);
            }
            Err("the policy is not the argument of a resource or an `apply` callback".into())
        }
    }
}

/// The callback of `<output>.apply(lambda <param>: <document>)`.
fn lambda_callback<'t>(cx: &Checker<'_, 't>, lambda: Node<'t>) -> Result<Callback<'t>, String> {
    let parameter = lambda_parameter(lambda)
        .map(|p| cx.src(p).to_string())
        .ok_or("the policy's `apply` callback does not take one plain parameter")?;
    match applied_to(lambda, cx.imports, cx.text) {
        Some(Applied::All {
            arguments,
            elements,
        }) => Ok(Callback::Extend {
            parameter,
            arguments,
            elements,
        }),
        Some(Applied::One(receiver)) => Ok(Callback::Single {
            parameter,
            receiver: cx.src(receiver).to_string(),
        }),
        None => Err(
            "the policy's callback is not an `apply` of one output or of `Output.all(...)`".into(),
        ),
    }
}

/// The one resource of `service`'s type tied to the policy (see `policy_use`), as an
/// expression visible at `site`, and its index in the symbol model; or why there is none.
fn tied<'t>(
    cx: &Checker<'_, 't>,
    site: Node<'t>,
    usage: &PolicyUse,
    service: &str,
) -> Result<(String, usize), String> {
    let Some((_, types, what, _)) = TARGETS.iter().find(|(s, ..)| *s == service) else {
        return Err(format!(
            "infra-fix does not know which resource of the program `{service}` actions mean"
        ));
    };
    let symbols = cx.symbols();
    if usage.roles.is_empty() {
        return Err(format!(
            "the policy is on no role of the program, so which {what} it is for is not known; write the ARN of the {what} in `Resource`"
        ));
    }
    let found: Vec<usize> = usage
        .tied
        .iter()
        .copied()
        .filter(|&i| symbols.resources[i].call.is(types))
        .collect();
    let plural = format!("{what}s");
    match found[..] {
        [] => Err(format!(
            "no resource that has the policy's role references a {what} of the program; write the ARN of the {what} the role needs in `Resource` (the program's {plural} may serve something else)"
        )),
        [index] if symbols.resources[index].repeated => Err(format!(
            "the {what} the role's users reference is created in a loop: which of them is ambiguous"
        )),
        [index] => {
            let holders = symbols.holders(site, types);
            match holders.iter().find(|h| h.id == Some(index)) {
                Some(h) => Ok((h.expr.clone(), index)),
                None => Err(format!(
                    "the {what} the role's users reference is not held in a name visible from the policy"
                )),
            }
        }
        _ => Err(format!(
            "the role's users reference {} {plural}: which one the statement means is ambiguous",
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
