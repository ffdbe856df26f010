//! `hardcoded-db-password`: a string literal reaching the password of an RDS instance or
//! cluster (catalog issue 3), replaced by a generated password that does not rotate on every
//! deployment where the program allows it.

use super::options::{OptionKind, RuleOption};
use super::{Checker, Match, codemod};
use crate::edit::{Edit, Fix, add_import, items};
use crate::pulumi::ResourceCall;
use crate::pulumi::literal::string_value;
use crate::source::fields;
use tree_sitter::Node;

pub const CODEMOD: super::Codemod = codemod! {
    id: "hardcoded-db-password",
    title: "Database password written in the program",
    fix: Unsafe,
    matches: classes["rds.Instance", "rds.Cluster"],
    options: [STRATEGY],
    check: check,
};

const STRATEGY: RuleOption = RuleOption {
    name: "strategy",
    kind: OptionKind::OneOf {
        values: &["random-password", "secrets", "config-secret"],
        default: "random-password",
    },
};

/// What replaces a hard-coded database password (option `strategy`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum PasswordStrategy {
    /// `pulumi_random.RandomPassword(...).result` where the value only feeds resource
    /// arguments, a `secrets`-module string where it is also used as a plain `str`.
    RandomPassword,
    /// Always a `secrets`-module string.
    Secrets,
    /// `pulumi.Config().require_secret("<name>")`, where the value only feeds resource
    /// arguments.
    ConfigSecret,
}

impl PasswordStrategy {
    fn of(cx: &Checker) -> PasswordStrategy {
        match cx.options().choice(&STRATEGY) {
            "secrets" => PasswordStrategy::Secrets,
            "config-secret" => PasswordStrategy::ConfigSecret,
            _ => PasswordStrategy::RandomPassword,
        }
    }
}

const KEYWORDS: &[&str] = &["password", "master_password"];

fn check<'t>(cx: &mut Checker<'_, 't>, m: &Match<'_, 't>) {
    let Some(db) = m.construction(&["rds.Instance", "rds.Cluster"]) else {
        return;
    };
    let Some(args) = db.written_arguments(cx.imports, cx.text) else {
        return;
    };
    for keyword in KEYWORDS {
        let Some(kw) = args.keyword(keyword, cx.text) else {
            continue;
        };
        check_value(cx, &db, keyword, kw.value);
    }
}

fn check_value<'t>(
    cx: &mut Checker<'_, 't>,
    db: &ResourceCall<'t>,
    keyword: &str,
    value: Node<'t>,
) {
    // The literal: written in the call, or assigned once to the name passed; either may be
    // wrapped in `pulumi.Output.secret(...)`, which hides it from logs but not from the source
    // or the state history.
    let mut wrapped = false;
    let mut literal_of = |node: Node<'t>| {
        if node.kind() == "string" {
            return Some(node);
        }
        let inner = secret_argument(cx, node)?;
        wrapped = true;
        Some(inner)
    };
    let (literal, holder) = if let Some(literal) = literal_of(value) {
        (literal, None)
    } else if matches!(value.kind(), "identifier" | "attribute") {
        match cx.symbols().assigned_once(value).and_then(&mut literal_of) {
            Some(literal) => (literal, Some(value)),
            None => return,
        }
    } else {
        return;
    };
    if string_value(literal, cx.text).is_none_or(str::is_empty) {
        return;
    }
    let class = format!("aws.{}", db.type_name);
    let through = match holder {
        Some(h) => format!(" through `{}`", cx.src(h)),
        None => String::new(),
    };
    let message = format!("`{keyword}` of `{class}` is a password written in the program{through}");
    // Where the value goes besides resource inputs: a plain `str` use needs a plain `str`.
    // A value wrapped in `Output.secret` is an `Output` wherever it goes already.
    let plain_use = holder.filter(|_| !wrapped).and_then(|h| {
        cx.symbols()
            .reads_of(h, cx.tree.root_node())
            .into_iter()
            .find(|r| !is_resource_input(cx, *r))
    });
    let strategy = PasswordStrategy::of(cx);
    let style = cx.style();
    let mut edits = Vec::new();
    let add = |edits: &mut Vec<Edit>, statement: &str| {
        edits.push(add_import(cx.text, cx.tree, statement, style));
    };
    let (replacement, tail) = match (strategy, plain_use) {
        (PasswordStrategy::RandomPassword, None) => {
            let Some(name) = resource_name(cx, db, literal, holder) else {
                cx.report(
                    value,
                    format!("{message}; not fixed: the password resource would need a name that differs per resource, which infra-fix cannot write here; use `pulumi_random.RandomPassword`"),
                    None,
                );
                return;
            };
            let random = match cx.imports.local_name("pulumi_random.RandomPassword") {
                Some(local) => local.to_string(),
                None => match cx.imports.local_name("pulumi_random") {
                    Some(module) => format!("{module}.RandomPassword"),
                    None => {
                        add(&mut edits, "import pulumi_random");
                        "pulumi_random.RandomPassword".to_string()
                    }
                },
            };
            let dependency = if cx.file.pulumi_random_listed == Some(false) {
                "; add `pulumi-random` to the project's dependencies (requirements.txt / pyproject.toml), which do not list it"
            } else {
                ""
            };
            (
                format!("{random}({name}, length=20, special=False).result"),
                format!(
                    "{message}; use a `pulumi_random.RandomPassword`, generated once and kept in the state as a secret{dependency}"
                ),
            )
        }
        (PasswordStrategy::ConfigSecret, None) => {
            let config = match (
                cx.imports.local_name("pulumi.Config"),
                cx.imports.local_name("pulumi"),
            ) {
                (Some(local), _) => local.to_string(),
                (None, Some(pulumi)) => format!("{pulumi}.Config"),
                (None, None) => {
                    add(&mut edits, "import pulumi");
                    "pulumi.Config".to_string()
                }
            };
            let key = config_key(cx, holder);
            (
                format!("{config}().require_secret({})", style.string(&key)),
                format!(
                    "{message}; read it from the stack's secret configuration (`pulumi config set --secret {key} ...`)"
                ),
            )
        }
        (PasswordStrategy::ConfigSecret, Some(used)) => {
            cx.report(
                value,
                format!("{message}; not fixed: the value is also used as a plain string (in `{}`), where a configuration secret (an `Output`) does not work", plain_context(cx, used)),
                None,
            );
            return;
        }
        (_, plain_use) => {
            for module in ["secrets", "string"] {
                if binds_name(cx.text, module) {
                    cx.report(
                        value,
                        format!("{message}; not fixed: the program binds the name `{module}` itself, so the `{module}` module cannot be imported under it"),
                        None,
                    );
                    return;
                }
                if cx.imports.local_name(module) != Some(module) {
                    add(&mut edits, &format!("import {module}"));
                }
            }
            let why = match plain_use {
                Some(used) => format!(
                    " (the value is also used as a plain string, in `{}`, where a `RandomPassword` output does not work)",
                    plain_context(cx, used)
                ),
                None => String::new(),
            };
            (
                format!(
                    "{}.join(secrets.choice(string.ascii_letters + string.digits) for _ in range(20))",
                    style.string("")
                ),
                format!(
                    "{message}; generate it with the `secrets` module{why}, though such a password changes, and rotates the database's, on every `pulumi up`: prefer `pulumi_random.RandomPassword` and pass its `result` as an output"
                ),
            )
        }
    };
    edits.push(Edit::replace(literal, replacement));
    cx.report(value, tail, Some(Fix::unsafe_(edits)));
}

/// The expression a plain use of the password stands in, shortened to one line: where to look,
/// named by its code (a line number of the text being fixed is not the file's in a dry run).
fn plain_context(cx: &Checker, used: Node) -> String {
    let mut node = used;
    while let Some(parent) = node.parent() {
        if matches!(
            parent.kind(),
            "expression_statement" | "assignment" | "block" | "module" | "return_statement"
        ) || parent.kind().ends_with("_definition")
        {
            break;
        }
        node = parent;
    }
    let text = cx.src(node).lines().next().unwrap_or_default().trim();
    match text.char_indices().nth(60) {
        Some((cut, _)) => format!("{}...", &text[..cut]),
        None => text.to_string(),
    }
}

/// The string literal `node` wraps when it is `pulumi.Output.secret("...")`.
fn secret_argument<'t>(cx: &Checker<'_, 't>, node: Node<'t>) -> Option<Node<'t>> {
    if node.kind() != "call" {
        return None;
    }
    let function = node.child_by_field_id(fields().function)?;
    if cx.imports.resolve(function, cx.text).as_deref() != Some("pulumi.Output.secret") {
        return None;
    }
    match items(node.child_by_field_id(fields().arguments)?)[..] {
        [only] if only.kind() == "string" => Some(only),
        _ => None,
    }
}

/// True when `read` is a Pulumi input: the value of a keyword argument of a `pulumi_aws`
/// call, or an argument of the `pulumi.Output` functions that take inputs (`Output.all`,
/// `Output.concat`, ...), all of which take an `Output` as well as a `str`.
fn is_resource_input(cx: &Checker, read: Node) -> bool {
    let (arguments, is_value) = match read.parent() {
        Some(kw) if kw.kind() == "keyword_argument" => (
            kw.parent(),
            kw.child_by_field_id(fields().value) == Some(read),
        ),
        Some(list) if list.kind() == "argument_list" => (Some(list), true),
        _ => (None, false),
    };
    let Some(call) = arguments.and_then(|a| a.parent()).filter(|_| is_value) else {
        return false;
    };
    if read
        .parent()
        .is_some_and(|p| p.kind() == "keyword_argument")
        && ResourceCall::resolve(call, cx.imports, cx.text).is_some()
    {
        return true;
    }
    call.child_by_field_id(fields().function)
        .and_then(|f| cx.imports.resolve(f, cx.text))
        .is_some_and(|path| {
            matches!(
                path.as_str(),
                "pulumi.Output.all"
                    | "pulumi.Output.concat"
                    | "pulumi.Output.from_input"
                    | "pulumi.Output.secret"
                    | "pulumi.Output.format"
            )
        })
}

/// The name of the new `RandomPassword` resource: the database's own name plus `-password`
/// where the literal is written in its call, else from the variable's name. `None` where a
/// fixed name would collide (the value sits in a loop).
fn resource_name(
    cx: &Checker,
    db: &ResourceCall,
    literal: Node,
    holder: Option<Node>,
) -> Option<String> {
    let style = cx.style();
    if in_loop(literal) {
        return None;
    }
    let db_name = db.first_positional();
    if holder.is_none()
        && let Some(name) = db_name
    {
        if let Some(value) = string_value(name, cx.text) {
            return Some(style.string(&format!("{value}-password")));
        }
        if let Some(named) = with_suffix(cx, name) {
            return Some(named);
        }
        if in_loop(db.node) {
            return None;
        }
    }
    // A variable assigned in a function may be assigned on every call: the name must vary as
    // the database's does, through the function's parameters, or the names would collide.
    if let Some(def) = enclosing_def(literal) {
        let name = db_name?;
        if let Some(value) = string_value(name, cx.text) {
            // The database's own name is fixed too: one call per program.
            return Some(style.string(&format!("{value}-password")));
        }
        let parameters: Vec<&str> = def
            .child_by_field_id(fields().parameters)
            .map(items)
            .unwrap_or_default()
            .into_iter()
            .filter_map(|p| match p.kind() {
                "identifier" => Some(cx.src(p)),
                _ => p
                    .child_by_field_id(fields().name)
                    .or_else(|| p.named_child(0))
                    .filter(|n| n.kind() == "identifier")
                    .map(|n| cx.src(n)),
            })
            .collect();
        let used = interpolated_names(cx, name)?;
        return (used.iter().all(|u| parameters.contains(u)))
            .then(|| with_suffix(cx, name))
            .flatten();
    }
    let base = match holder {
        Some(h) if h.kind() == "attribute" => cx.src(h.child_by_field_id(fields().attribute)?),
        Some(h) => cx.src(h),
        None => "db",
    };
    let mut name = base
        .trim_matches('_')
        .replace('_', "-")
        .to_ascii_lowercase();
    if name == "password" || name.is_empty() {
        name = "db-password".into();
    } else if !name.ends_with("password") {
        name.push_str("-password");
    }
    Some(style.string(&name))
}

/// A one-line f-string with `-password` before its closing quote.
fn with_suffix(cx: &Checker, name: Node) -> Option<String> {
    if name.kind() != "string"
        || !cx.src(name).starts_with(['f', 'F'])
        || cx.src(name).contains('\n')
    {
        return None;
    }
    let end = name.named_child(name.named_child_count().checked_sub(1)?)?;
    (end.kind() == "string_end").then(|| {
        format!(
            "{}-password{}",
            &cx.text[name.start_byte()..end.start_byte()],
            cx.src(end)
        )
    })
}

/// The names an f-string interpolates, when each interpolation is a plain name.
fn interpolated_names<'a>(cx: &Checker<'a, '_>, name: Node) -> Option<Vec<&'a str>> {
    let mut cursor = name.walk();
    name.named_children(&mut cursor)
        .filter(|c| c.kind() == "interpolation")
        .map(|i| {
            let expr = i
                .child_by_field_id(fields().expression)
                .or_else(|| i.named_child(0))?;
            (expr.kind() == "identifier").then(|| &cx.text[expr.byte_range()])
        })
        .collect()
}

fn enclosing_def(node: Node) -> Option<Node> {
    let mut current = node.parent();
    while let Some(n) = current {
        if n.kind() == "function_definition" {
            return Some(n);
        }
        current = n.parent();
    }
    None
}

/// The configuration key of `config-secret`: the variable's name in camelCase, else
/// `dbPassword`.
fn config_key(cx: &Checker, holder: Option<Node>) -> String {
    let base = match holder {
        Some(h) if h.kind() == "attribute" => h
            .child_by_field_id(fields().attribute)
            .map_or("db_password", |a| cx.src(a)),
        Some(h) => cx.src(h),
        None => "db_password",
    };
    let mut key = String::new();
    let mut upper = false;
    for c in base.trim_matches('_').chars() {
        if c == '_' {
            upper = true;
        } else if upper {
            key.extend(c.to_uppercase());
            upper = false;
        } else {
            key.push(c);
        }
    }
    if key == "password" {
        "dbPassword".into()
    } else {
        key
    }
}

fn in_loop(node: Node) -> bool {
    let mut current = node.parent();
    while let Some(n) = current {
        match n.kind() {
            "for_statement"
            | "while_statement"
            | "list_comprehension"
            | "set_comprehension"
            | "dictionary_comprehension"
            | "generator_expression" => return true,
            "function_definition" | "class_definition" | "lambda" => return false,
            _ => {}
        }
        current = n.parent();
    }
    false
}

/// True when the program assigns, defines or imports `name` as something of its own (a
/// variable `secrets = [...]`), so that a module imported under that name would be shadowed.
fn binds_name(text: &str, name: &str) -> bool {
    text.lines().any(|line| {
        let line = line.trim_start();
        let rest = line
            .strip_prefix("def ")
            .or_else(|| line.strip_prefix("class "))
            .unwrap_or(line);
        rest.strip_prefix(name).is_some_and(|after| {
            let after = after.trim_start();
            (after.starts_with('=') && !after.starts_with("=="))
                || after.starts_with('(') && line.len() != rest.len()
                || after.starts_with(':') && !after.starts_with(":=")
        }) || line.contains(&format!(" as {name}"))
            || (line.contains(&format!("import {name}"))
                && line.trim_end() != format!("import {name}"))
    })
}
