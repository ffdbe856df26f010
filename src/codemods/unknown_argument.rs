//! `unknown-argument`: a keyword that the pulumi-aws resource or `*Args` class does not accept
//! in the project's major version (`vpc` on `Eip` in 7.x, typos, Terraform names, `__opts__`).

use super::{Checker, Match, codemod, resource_option_argument, upgrade_v7_argument};
use crate::edit::{Edit, Fix, delete_items, items, line_end, sole_item};
use crate::pulumi::literal::string_value;
use crate::pulumi::opts::{self, OLD_OPTIONS_KEYWORD, OldOptions};
use crate::pulumi::replacements::{self, Replacement, SecretOption, Split};
use crate::pulumi::schema::{Class, Kind, Param, Shape, Tables};
use crate::pulumi::upgrade::{Rewrite, snake_case};
use crate::pulumi::{Keyword, ResourceCall};
use crate::source::{NodeKind, fields};
use tree_sitter::Node;

pub const CODEMOD: super::Codemod = codemod! {
    id: "unknown-argument",
    title: "Keyword argument that the pulumi-aws class does not accept in the project's major version",
    fix: Sometimes,
    severity: Error,
    matches: any_class,
    check: check,
};

fn check<'t>(cx: &mut Checker<'_, 't>, m: &Match<'_, 't>) {
    let Some(tables) = cx.schema() else { return };
    let Some(resource) = m.schema_construction() else {
        return;
    };
    // `**kwargs` may be what the class expects; a class the tables lack is unknown-resource's.
    if resource.has_kwargs_splat() {
        return;
    }
    let Some(class) = tables.class(&resource.type_name) else {
        return;
    };
    if class.kind == Kind::Resource {
        foreign_arguments(cx, tables, &class, &resource);
    }
    for (name, keyword) in resource.keywords(cx.text) {
        if class.param(name).is_some()
            || cx.owned_elsewhere(class.key, name)
            || resource_option_argument::owns(cx, &class, name)
        {
            continue;
        }
        if name == OLD_OPTIONS_KEYWORD
            && class.kind == Kind::Resource
            && let Some(old) = opts::old_options(&resource, cx.imports, cx.text)
        {
            old_options(cx, tables, &class, keyword, old);
            continue;
        }
        let mut message = format!(
            "`{}` takes no argument `{name}` in pulumi-aws {} ({}): the program fails with TypeError",
            class.key,
            tables.major.number(),
            tables.version
        );
        if let Some(replacement) = replacements::replacement(tables.major, class.key, name) {
            let fix = match replacement {
                Replacement::Rewrite(rewrite) => {
                    let rewrite = match (rewrite, value_shape(cx, keyword.value)) {
                        // Already a list: only the name changes.
                        (Rewrite::Wrap(new), Some(Shape::List)) => Rewrite::Rename(new),
                        _ => rewrite,
                    };
                    let (what, fix) =
                        upgrade_v7_argument::rewritten(cx, &resource, keyword, rewrite);
                    message.push_str(&format!("; `{name}` {what}"));
                    if fix.is_none() {
                        message.push_str(upgrade_v7_argument::by_hand(rewrite, keyword));
                    }
                    fix
                }
                Replacement::Split(split) => {
                    // One finding for the arguments that move together, on the first.
                    let moving = moving(cx, &resource, split);
                    if moving
                        .first()
                        .is_some_and(|k| k.node.id() != keyword.node.id())
                    {
                        continue;
                    }
                    let (what, fix) = split_off(cx, &resource, split, &moving);
                    message.push_str(&what);
                    fix
                }
                Replacement::Output { .. } => {
                    let (what, fix) = output_replacement(cx, &resource, keyword, replacement);
                    message.push_str(&what);
                    fix
                }
                Replacement::Manual(what) => {
                    message.push_str(&format!("; {what}"));
                    None
                }
                Replacement::RandomSecret(what) => {
                    message.push_str(&format!("; {what}"));
                    let fix = if cx.file.pulumi_random_listed == Some(true) {
                        random_secret(cx, &resource, keyword)
                    } else if cx.file.pulumi_random_listed == Some(false) {
                        Err("add `pulumi-random` to the project's dependencies (requirements.txt / pyproject.toml), which do not list it".to_string())
                    } else {
                        Err("the project declares no `pulumi-random` dependency".to_string())
                    };
                    match fix {
                        Ok(fix) => {
                            message.push_str(&format!(" (new resources: `pulumi up` creates them; the punctuation `RandomPassword` draws from is `{RANDOM_PUNCTUATION}`, fewer characters than AWS's)"));
                            Some(fix)
                        }
                        Err(why) => {
                            message.push_str(&format!("; not fixed: {why}"));
                            None
                        }
                    }
                }
            };
            cx.report(keyword.node, message, fix);
            continue;
        }
        let suggestion = suggest(&class, name)
            .filter(|s| resource.keyword(s, cx.text).is_none())
            .and_then(|s| class.param(s));
        let fix = suggestion.and_then(|target| {
            rename(cx, keyword.node, keyword.value, target).map(|edit| Fix::unsafe_(vec![edit]))
        });
        if let Some(target) = suggestion {
            message.push_str(&format!("; did you mean `{}`?", target.name));
        }
        cx.report(keyword.node, message, fix);
    }
}

/// `nat` of `instance_id=nat.id`, when `nat` holds a resource of class `of`.
/// `instance_id=nat.id` -> `network_interface_id=nat.primary_network_interface_id`, when `nat`
/// holds the `Replacement::Output`'s class: what to say after the finding's message, and the
/// fix (unsafe: the resource is given another argument) when the source names that resource.
pub(super) fn output_replacement<'t>(
    cx: &Checker<'_, 't>,
    resource: &ResourceCall<'t>,
    keyword: Keyword<'t>,
    replacement: Replacement,
) -> (String, Option<Fix>) {
    let Replacement::Output {
        argument,
        of,
        output,
        why,
    } = replacement
    else {
        return (String::new(), None);
    };
    let written =
        output_of(cx, keyword.value, of).filter(|_| resource.keyword(argument, cx.text).is_none());
    let object = written.map_or_else(
        || format!("<{}>", of.rsplit('.').next().unwrap_or(of).to_lowercase()),
        |o| cx.src(o).to_string(),
    );
    let replacement = format!("{argument}={object}.{output}");
    let mut what = format!("; {why}: `{replacement}`");
    if written.is_none() {
        what.push_str(&format!(
            ", where the `{of}` is declared in the program; only you know which one `{}` is",
            cx.src(keyword.value)
        ));
    }
    let fix = written.map(|_| Fix::unsafe_(vec![Edit::replace(keyword.node, replacement)]));
    (what, fix)
}

/// `s3.BucketV2("b", s3.BucketArgs(...))`: another class's arguments object. The SDK takes an
/// object of any class but the resource's own `*Args` for the resource options (TypeError:
/// "Expected opts2 to be a ResourceOptions instance"), or as `args=` for an unknown keyword.
/// Renamed to the resource's own class when that takes every keyword given (unsafe: the
/// author may have meant the other resource instead).
fn foreign_arguments(cx: &mut Checker, tables: &Tables, class: &Class, resource: &ResourceCall) {
    // Positional arguments come before the keywords: most calls have none past the name.
    let mut cursor = resource.arguments.walk();
    let positional = resource
        .arguments
        .named_children(&mut cursor)
        .take_while(|n| n.kind_str() != "keyword_argument")
        .filter(|n| n.kind_str() != "comment")
        .nth(1);
    let Some(object) = positional.or_else(|| resource.keyword("args", cx.text).map(|k| k.value))
    else {
        return;
    };
    if object.kind_str() != "call" {
        return;
    }
    let Some(args) = ResourceCall::resolve_key(object, cx.imports, cx.text) else {
        return;
    };
    let Some(own) = tables.arguments_class_of(class.key) else {
        return;
    };
    let own_key = own.key;
    let foreign = tables.class(&args.type_name);
    if args.type_name == own_key || !foreign.is_some_and(|f| f.kind == Kind::Args) {
        return;
    }
    let mut message = format!(
        "`{}` takes its arguments as `{own_key}`, not `{}`: the program fails with TypeError",
        class.key, args.type_name
    );
    // `s3.BucketArgs` -> `s3.BucketV2Args` in the callee as written, when the resource's own
    // class takes every keyword the object passes.
    let callee = args.node.child_by_field_id(fields().function);
    let renamable = callee.filter(|c| {
        c.kind() == "attribute"
            && c.child_by_field_id(fields().attribute)
                .is_some_and(|a| cx.src(a) == args.class_name())
    });
    let takes_all =
        !args.has_kwargs_splat() && args.keywords(cx.text).all(|(n, _)| own.param(n).is_some());
    let fix = match (renamable, takes_all) {
        (Some(callee), true) => {
            let attribute = callee
                .child_by_field_id(fields().attribute)
                .expect("checked");
            let own_class = own_key.rsplit('.').next().unwrap_or(own_key);
            message.push_str(&format!("; did you mean `{own_key}`?"));
            Some(Fix::unsafe_(vec![Edit::replace(attribute, own_class)]))
        }
        _ => {
            message.push_str(&format!(
                "; pass the arguments as `{own_key}(...)` or as keywords of the resource"
            ));
            None
        }
    };
    cx.report(object, message, fix);
}

fn output_of<'t>(cx: &Checker<'_, 't>, value: Node<'t>, of: &str) -> Option<Node<'t>> {
    if value.kind() != "attribute" || cx.src(value.child_by_field_id(fields().attribute)?) != "id" {
        return None;
    }
    let object = value.child_by_field_id(fields().object)?;
    cx.symbols().resolve(object).is(&[of]).then_some(object)
}

/// The punctuation `pulumi_random.RandomPassword` uses by default.
const RANDOM_PUNCTUATION: &str = "!@#$%&*()-_=+[]{}<>:?";

/// `secret = aws.secretsmanager.Secret("db", generate_secret_string={"password_length": 20})`
/// -> the secret without it, then `secret_password = pulumi_random.RandomPassword(
/// "db-password", length=20, ...)` and `secret_version = aws.secretsmanager.SecretVersion(
/// "db-version", secret_id=secret.id, secret_string=secret_password.result)`. Written when
/// every key of the literal dict has a counterpart, with literal values where they decide
/// what is written.
fn random_secret(cx: &Checker, call: &ResourceCall, keyword: Keyword) -> Result<Fix, String> {
    let top = TopLevel::of(cx, call)?;
    if keyword.value.kind() != "dictionary" {
        return Err("the options are not written as a dict".to_string());
    }
    let mut cursor = keyword.value.walk();
    if keyword
        .value
        .named_children(&mut cursor)
        .any(|n| n.kind() == "comment")
    {
        return Err("a comment among the options would be lost".to_string());
    }
    let mut length = None;
    let mut excluded: Vec<&str> = Vec::new();
    let mut require_each = true;
    let (mut template, mut key) = (None, None);
    for pair in items(keyword.value) {
        let (Some(k), Some(v)) = (
            pair.child_by_field_id(fields().key),
            pair.child_by_field_id(fields().value),
        ) else {
            return Err(BY_HAND.to_string());
        };
        let name = string_value(k, cx.text).map(snake_case).ok_or(BY_HAND)?;
        let literal_bool = || crate::pulumi::literal::bool_value(v);
        match replacements::secret_option(&name) {
            Some(SecretOption::Length) => length = Some(cx.src(v)),
            Some(SecretOption::Exclude(class)) => match literal_bool() {
                Some(true) => excluded.push(class),
                Some(false) => {}
                None => return Err(format!("`{name}` is not written as True or False")),
            },
            Some(SecretOption::RequireEachIncludedType) => {
                require_each =
                    literal_bool().ok_or(format!("`{name}` is not written as True or False"))?;
            }
            Some(SecretOption::Template) if string_value(v, cx.text).is_some() => {
                template = Some(cx.src(v));
            }
            Some(SecretOption::Key) if string_value(v, cx.text).is_some() => key = Some(cx.src(v)),
            Some(SecretOption::Template | SecretOption::Key) => {
                return Err(format!("`{name}` is not a plain string"));
            }
            None => {
                return Err(format!(
                    "`{name}` has no counterpart in `pulumi_random.RandomPassword`"
                ));
            }
        }
    }
    if template.is_some() != key.is_some() {
        return Err("`secret_string_template` and `generate_string_key` go together".to_string());
    }
    let (password, password_name) = top.new_names(cx, "password")?;
    let (version, version_name) = top.new_names(cx, "version")?;
    let style = cx.style();
    let mut imports = Vec::new();
    let random = match cx.imports.local_name("pulumi_random.RandomPassword") {
        Some(local) => local.to_string(),
        None => match cx.imports.local_name("pulumi_random") {
            Some(module) => format!("{module}.RandomPassword"),
            None => {
                imports.push("import pulumi_random");
                "pulumi_random.RandomPassword".to_string()
            }
        },
    };
    let default_length = replacements::DEFAULT_SECRET_LENGTH.to_string();
    let mut arguments = vec![
        style.string(&password_name),
        format!("length={}", length.unwrap_or(&default_length)),
    ];
    for class in replacements::PASSWORD_CLASSES {
        if excluded.contains(class) {
            arguments.push(format!("{class}=False"));
        }
    }
    if require_each {
        for class in replacements::PASSWORD_CLASSES {
            if !excluded.contains(class) {
                arguments.push(format!("min_{class}=1"));
            }
        }
    }
    let value = match (template, key) {
        (Some(template), Some(key)) => {
            let json = match cx.imports.local_name("json") {
                Some(local) => local.to_string(),
                None => {
                    imports.push("import json");
                    "json".to_string()
                }
            };
            let pulumi = match cx.imports.local_name("pulumi") {
                Some(local) => local.to_string(),
                None => {
                    imports.push("import pulumi");
                    "pulumi".to_string()
                }
            };
            // `Output.json_dumps` waits for the password and keeps it secret; a dict, unlike
            // an `apply` lambda, is laid out over lines as a formatter would.
            format!(
                "{pulumi}.Output.json_dumps({{**{json}.loads({template}), {key}: {password}.result}})"
            )
        }
        _ => format!("{password}.result"),
    };
    let secret = cx.src(top.variable);
    let version_arguments = vec![
        style.string(&version_name),
        format!("secret_id={secret}.id"),
        format!("secret_string={value}"),
    ];
    let mut edits = Vec::new();
    if !imports.is_empty() {
        imports.sort_unstable();
        let statement = imports.join(style.newline);
        edits.push(crate::edit::add_import(cx.text, cx.tree, &statement, style));
    }
    edits.push(crate::edit::delete_item(cx.text, keyword.node));
    edits.push(Edit::insert(
        top.end(cx),
        format!(
            "{}{}",
            declaration(cx, call, &password, &random, &arguments),
            declaration(
                cx,
                call,
                &version,
                &top.sibling_class(cx, "secretsmanager.SecretVersion"),
                &version_arguments
            )
        ),
    ));
    Ok(Fix::unsafe_(edits))
}

/// The arguments of `call` that move to `split`'s resource, in the order written.
fn moving<'t>(cx: &Checker, call: &ResourceCall<'t>, split: &Split) -> Vec<Keyword<'t>> {
    let mut found: Vec<Keyword> = split
        .moved
        .iter()
        .filter_map(|(old, _)| call.keyword(old, cx.text))
        .collect();
    found.sort_by_key(|k| k.node.start_byte());
    found
}

/// The message's tail for arguments that belong to a resource of their own, and the fix that
/// declares it after `call`: `deployment_stage = aws.apigateway.Stage("api-stage",
/// deployment=deployment.id, rest_api=api.id, stage_name="prod")`, with the readers of the
/// outputs that moved pointed at it. Unsafe: `pulumi up` creates a resource in AWS. Written
/// only for a resource assigned once to a name at the top of the module, with a literal name
/// and no options: a loop or a function would need a name per resource, options a person to
/// say which apply to the new resource (its provider does, its `import_` does not).
fn split_off(
    cx: &Checker,
    call: &ResourceCall,
    split: &Split,
    moving: &[Keyword],
) -> (String, Option<Fix>) {
    let names: Vec<String> = moving
        .iter()
        .map(|k| {
            format!(
                "`{}`",
                cx.src(k.node.child_by_field_id(fields().name).unwrap_or(k.node))
            )
        })
        .collect();
    let readers = if split.outputs.is_empty() {
        String::new()
    } else {
        let outputs: Vec<String> = split.outputs.iter().map(|o| format!("`{o}`")).collect();
        format!(", and its {} are read from there", outputs.join(" and "))
    };
    let belong = if names.len() == 1 {
        "belongs"
    } else {
        "belong"
    };
    let what = format!(
        "; {} {belong} on an `{}`, a resource of its own declared after this one{readers}",
        names.join(", "),
        split.into
    );
    match split_fix(cx, call, split, moving) {
        Ok(fix) => (
            format!("{what} (a new resource in AWS: `pulumi up` creates it)"),
            Some(fix),
        ),
        Err(why) => (format!("{what}; not fixed: {why}"), None),
    }
}

fn split_fix(
    cx: &Checker,
    call: &ResourceCall,
    split: &Split,
    moving: &[Keyword],
) -> Result<Fix, &'static str> {
    let top = TopLevel::of(cx, call)?;
    if moving
        .iter()
        .any(|k| string_value(k.value, cx.text) == Some(""))
    {
        return Err("an empty value asked for nothing: delete it");
    }
    let (new_variable, new_name) = top.new_names(cx, split.suffix)?;
    let old = cx.src(top.variable);
    let mut arguments = vec![
        cx.style().string(&new_name),
        format!("{}={old}.id", split.reference),
    ];
    for shared in split.shared {
        let value = call
            .keyword(shared, cx.text)
            .ok_or("the new resource needs an argument this one does not give")?
            .value;
        arguments.push(match value.kind() {
            "identifier" | "attribute" | "string" => format!("{shared}={}", cx.src(value)),
            // Not repeated: the value may be a call. The old resource's output holds it.
            _ => format!("{shared}={old}.{shared}"),
        });
    }
    for keyword in moving {
        let old_name = keyword
            .node
            .child_by_field_id(fields().name)
            .ok_or(BY_HAND)?;
        let (_, new) = split
            .moved
            .iter()
            .find(|(o, _)| *o == cx.src(old_name))
            .ok_or(BY_HAND)?;
        arguments.push(format!("{new}={}", cx.src(keyword.value)));
    }
    let callee = top.sibling_class(cx, split.into);
    let declaration = declaration(cx, call, &new_variable, &callee, &arguments);
    let end = top.end(cx);
    let mut edits = vec![Edit::insert(end, declaration)];
    edits.extend(delete_items(
        cx.text,
        call.arguments,
        &moving.iter().map(|k| k.node).collect::<Vec<_>>(),
    ));
    for read in cx.symbols().reads_of(top.variable, cx.tree.root_node()) {
        let Some(attribute) = read
            .parent()
            .filter(|p| p.kind() == "attribute")
            .and_then(|p| p.child_by_field_id(fields().attribute))
        else {
            continue;
        };
        if !split.outputs.contains(&cx.src(attribute)) {
            continue;
        }
        if read.start_byte() < end && !cx.symbols().in_nested_scope(read, cx.tree.root_node()) {
            return Err("an output that moves is read before the new resource would be declared");
        }
        edits.push(Edit::replace(read, new_variable.clone()));
    }
    Ok(Fix::unsafe_(edits))
}

const BY_HAND: &str = "write it by hand";

/// A resource after which infra-fix can declare others: assigned once to a name at the top of
/// the module (in a function or a loop each call would need names of its own), with a plain
/// string for its name, no options (which of them apply to the new resources is the author's
/// call: its `provider` does, its `import_` does not), its class written through its module.
struct TopLevel<'t> {
    statement: Node<'t>,
    variable: Node<'t>,
    name: String,
    /// `aws.s3` of `aws.s3.Bucket`.
    module: Node<'t>,
}

impl<'t> TopLevel<'t> {
    fn of(cx: &Checker, call: &ResourceCall<'t>) -> Result<TopLevel<'t>, &'static str> {
        const NOT_TOP: &str = "the resource is not assigned to a name at the top of the module";
        if call.type_name.ends_with("Args") {
            return Err(BY_HAND);
        }
        let assignment = call.node.parent().filter(|p| p.kind() == "assignment");
        let statement = assignment
            .and_then(|a| a.parent())
            .filter(|s| s.kind() == "expression_statement")
            .filter(|s| s.parent().is_some_and(|m| m.kind() == "module"))
            .ok_or(NOT_TOP)?;
        let variable = assignment
            .and_then(|a| a.child_by_field_id(fields().left))
            .filter(|l| l.kind() == "identifier")
            .ok_or(NOT_TOP)?;
        if cx.symbols().only_assignment(variable).map(|v| v.id()) != Some(call.node.id()) {
            return Err("its name is assigned more than once");
        }
        let name = call
            .first_positional()
            .and_then(|n| string_value(n, cx.text))
            .ok_or("its resource name is not a plain string")?
            .to_string();
        let arguments = items(call.arguments);
        if arguments.len() > 1 && arguments[1].kind() != "keyword_argument"
            || call.keyword("opts", cx.text).is_some()
        {
            return Err("it has options, and only you can say which apply to the new resource");
        }
        let function = call
            .node
            .child_by_field_id(fields().function)
            .ok_or(BY_HAND)?;
        let module = function
            .child_by_field_id(fields().object)
            .filter(|_| function.kind() == "attribute")
            .ok_or("the class is imported by name: write it by hand")?;
        Ok(TopLevel {
            statement,
            variable,
            name,
            module,
        })
    }

    /// The variable and resource name of a new resource: this one's with `suffix`
    /// (`deployment_stage`, `"api-stage"`), when neither is in the file yet.
    fn new_names(&self, cx: &Checker, suffix: &str) -> Result<(String, String), &'static str> {
        let variable = format!("{}_{}", cx.src(self.variable), suffix.replace('-', "_"));
        let name = format!("{}-{suffix}", self.name);
        if cx.identifier_in_file(&variable) || cx.text.contains(&name) {
            return Err("the name it would take is already used");
        }
        Ok((variable, name))
    }

    /// `aws.apigateway.Stage` beside `aws.apigateway.Deployment`: `key`'s class through the
    /// module as the file names it (both classes are in one module).
    fn sibling_class(&self, cx: &Checker, key: &str) -> String {
        let class = key.rsplit('.').next().unwrap_or(key);
        format!("{}.{class}", cx.src(self.module))
    }

    /// Where statements after this one are inserted: the end of its last line.
    fn end(&self, cx: &Checker) -> usize {
        line_end(cx.text, self.statement.end_byte())
    }
}

/// `variable = callee(arguments)` on a line of its own (the newline first), laid out as
/// `like` is: one argument per line when it is written so.
fn declaration(
    cx: &Checker,
    like: &ResourceCall,
    variable: &str,
    callee: &str,
    arguments: &[String],
) -> String {
    let newline = cx.style().newline;
    if cx.src(like.arguments).contains('\n') {
        let indent = indent_of(cx.text, like.arguments).unwrap_or("    ");
        let lines: String = arguments
            .iter()
            .map(|a| format!("{indent}{a},{newline}"))
            .collect();
        format!("{newline}{variable} = {callee}({newline}{lines})")
    } else {
        format!("{newline}{variable} = {callee}({})", arguments.join(", "))
    }
}

/// The indentation of the first argument of a call written one argument per line.
fn indent_of<'a>(text: &'a str, arguments: Node) -> Option<&'a str> {
    let first = items(arguments).into_iter().next()?;
    let start = crate::edit::line_start(text, first.start_byte());
    let indent = &text[start..first.start_byte()];
    (!indent.is_empty() && indent.trim().is_empty()).then_some(indent)
}

/// `__opts__=`, the pre-1.0 spelling of `opts`, renamed when the call passes no other options:
/// safely where the SDK rejects it (the program cannot have run with it), unsafely beside an
/// `*Args` object, where the SDK ignores it: its options then take effect, and a new `parent`
/// or `provider` replaces the resource.
fn old_options(
    cx: &mut Checker,
    tables: &Tables,
    class: &Class,
    keyword: Keyword,
    old: OldOptions,
) {
    let (major, version) = (tables.major.number(), tables.version);
    let mut message = if old.ignored {
        format!(
            "`{}` ignores `{OLD_OPTIONS_KEYWORD}` beside its `*Args` object in pulumi-aws {major} ({version}): these options are not applied",
            class.key
        )
    } else {
        format!(
            "`{}` takes no argument `{OLD_OPTIONS_KEYWORD}` in pulumi-aws {major} ({version}): the program fails with TypeError",
            class.key
        )
    };
    message.push_str(&format!(
        "; `{OLD_OPTIONS_KEYWORD}` is the pre-1.0 spelling of `opts`"
    ));
    if !old.alone {
        message
            .push_str(", and the call passes options another way too: merge them into one `opts`");
    }
    let fix = old
        .alone
        .then(|| keyword.node.child_by_field_id(fields().name))
        .flatten()
        .map(|name| {
            let edit = Edit::replace(name, "opts");
            if old.ignored {
                Fix::unsafe_(vec![edit])
            } else {
                Fix::safe(vec![edit])
            }
        });
    cx.report(keyword.node, message, fix);
}

/// The one accepted name `name` most likely stands for: first the shapes Terraform and
/// CloudFormation names take (`rest_api_id` -> `rest_api`, `topic_arn` -> `topic`,
/// `alarm_name` -> `name`, `artifact_store` -> `artifact_stores`), then the closest spelling.
/// `None` when there is no candidate or more than one.
pub(super) fn suggest(class: &Class, name: &str) -> Option<&'static str> {
    let params: Vec<Param> = class.params().collect();
    let accepted = |n: &str| params.iter().find(|p| p.name == n).map(|p| p.name);
    let mut shaped: Vec<&'static str> = Vec::new();
    for suffix in ["_id", "_arn", "_name"] {
        if let Some(stem) = name.strip_suffix(suffix) {
            shaped.extend(accepted(stem));
        }
    }
    for suffix in ["_ids", "_arns", "_names"] {
        if let Some(stem) = name.strip_suffix(suffix) {
            shaped.extend(accepted(&format!("{stem}s")));
        }
    }
    if name.ends_with("_name") {
        shaped.extend(accepted("name"));
    }
    shaped.extend(accepted(&plural(name)));
    shaped.extend(singular(name).and_then(|s| accepted(&s)));
    shaped.sort_unstable();
    shaped.dedup();
    match shaped.len() {
        1 => return Some(shaped[0]),
        0 => {}
        _ => return None,
    }
    closest(name, params.iter().map(|p| p.name))
}

/// The English plural of an argument name, as the SDK spells its list arguments:
/// `lifecycle_policy` -> `lifecycle_policies`, `address` -> `addresses`, `rule` -> `rules`.
fn plural(name: &str) -> String {
    let consonant_y = name.len() > 1
        && name.ends_with('y')
        && !name[..name.len() - 1].ends_with(['a', 'e', 'i', 'o', 'u']);
    if consonant_y {
        format!("{}ies", &name[..name.len() - 1])
    } else if name.ends_with(['s', 'x']) || name.ends_with("ch") || name.ends_with("sh") {
        format!("{name}es")
    } else {
        format!("{name}s")
    }
}

/// The name whose plural `name` is: `policies` -> `policy`, `addresses` -> `address`.
fn singular(name: &str) -> Option<String> {
    let stems = [
        name.strip_suffix("ies").map(|stem| format!("{stem}y")),
        name.strip_suffix("es").map(String::from),
        name.strip_suffix('s').map(String::from),
    ];
    stems
        .into_iter()
        .flatten()
        .find(|s| !s.is_empty() && plural(s) == name)
}

/// The one candidate nearest to `name` in spelling, when it is near enough to be a typo: one
/// edit (a swap of neighbours counts as one) per four characters, at most two.
pub(crate) fn closest(
    name: &str,
    candidates: impl Iterator<Item = &'static str>,
) -> Option<&'static str> {
    let limit = (name.chars().count() / 4).min(2);
    let mut best: Option<(usize, &'static str)> = None;
    let mut tie = false;
    let length = name.chars().count();
    for candidate in candidates {
        // The distance is at least the difference in length: skip the table's far names cheaply.
        if candidate.len().abs_diff(length) > limit {
            continue;
        }
        let d = distance(name, candidate);
        if d > limit {
            continue;
        }
        match best {
            Some((b, _)) if d > b => {}
            Some((b, _)) if d == b => tie = true,
            _ => {
                best = Some((d, candidate));
                tie = false;
            }
        }
    }
    best.filter(|_| !tie).map(|(_, c)| c)
}

/// Optimal string alignment distance: insertions, deletions, substitutions and swaps of
/// adjacent characters.
fn distance(a: &str, b: &str) -> usize {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    let mut d = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for (i, row) in d.iter_mut().enumerate() {
        row[0] = i;
    }
    d[0] = (0..=b.len()).collect();
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            d[i][j] = (d[i - 1][j] + 1)
                .min(d[i][j - 1] + 1)
                .min(d[i - 1][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                d[i][j] = d[i][j].min(d[i - 2][j - 2] + 1);
            }
        }
    }
    d[a.len()][b.len()]
}

/// What a value's source says about its shape; `None` when only running it would tell.
fn value_shape(cx: &Checker, value: Node) -> Option<Shape> {
    match value.kind() {
        "list" | "list_comprehension" | "tuple" => Some(Shape::List),
        "dictionary" | "dictionary_comprehension" => Some(Shape::Map),
        "string" | "concatenated_string" | "integer" | "float" | "true" | "false" | "none" => {
            Some(Shape::Scalar)
        }
        // `bucket.id`, `topic.arn`, `role.name`: a resource's output, one value.
        "attribute" => {
            let attribute = value.child_by_field_id(fields().attribute)?;
            matches!(cx.src(attribute), "id" | "arn" | "name").then_some(Shape::Scalar)
        }
        // `aws.codepipeline.PipelineArtifactStoreArgs(...)`: one object.
        "call" => {
            let function = value.child_by_field_id(fields().function)?;
            let key = cx.imports.resolve_aws_key(function, cx.text)?;
            key.ends_with("Args").then_some(Shape::Scalar)
        }
        _ => None,
    }
}

/// `name=value` renamed to `target`, when the value fits the target's shape as written or as
/// the one item of a list.
fn rename(cx: &Checker, keyword: Node, value: Node, target: Param) -> Option<Edit> {
    let name = keyword.child_by_field_id(fields().name)?;
    let shape = value_shape(cx, value);
    let as_is = Edit {
        start: name.start_byte(),
        end: name.end_byte(),
        text: target.name.to_string(),
    };
    match (target.shape, shape) {
        (Shape::Scalar, Some(Shape::Scalar | Shape::Map) | None) => Some(as_is),
        (Shape::Map, Some(Shape::Map) | None) => Some(as_is),
        (Shape::List, Some(Shape::List)) => Some(as_is),
        // `rules=[{...}]` where the class takes one `rule` object: the one element.
        (Shape::Scalar, Some(Shape::List)) => {
            let only = sole_item(value)?;
            let object = only.kind() == "dictionary"
                || (only.kind() == "call" && value_shape(cx, only) == Some(Shape::Scalar));
            (value.kind() == "list" && object).then(|| Edit {
                start: name.start_byte(),
                end: value.end_byte(),
                text: format!("{}={}", target.name, cx.src(only)),
            })
        }
        (Shape::List, Some(Shape::Scalar | Shape::Map)) => Some(Edit {
            start: name.start_byte(),
            end: value.end_byte(),
            text: format!("{}=[{}]", target.name, cx.src(value)),
        }),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::codemods::Settings;
    use crate::codemods::{FileSettings, RuleSet};
    use crate::fix::{FixMode, lint};
    use crate::pulumi::Major;

    /// `(line, message)` of each finding of this rule in `program`, checked against `major`.
    fn findings(program: &str, major: Major) -> Vec<(usize, String)> {
        let settings = Settings::with_rules(RuleSet::only(&[CODEMOD.id]));
        let file = FileSettings {
            pulumi_aws: Some(major),
            ..FileSettings::default()
        };
        lint(
            program,
            &settings,
            &file,
            FixMode::Off,
            crate::fix::Positions::Input,
        )
        .expect("the program parses")
        .diagnostics
        .into_iter()
        .map(|d| (d.start.0, d.finding.message))
        .collect()
    }

    /// Every resource of both majors takes its name and options by keyword: one construction
    /// of each, and a typo at the end that must still be reported.
    #[test]
    fn every_resource_takes_resource_name_and_opts_by_keyword() {
        for major in Major::ALL {
            let mut resources: Vec<&str> = Tables::get(major)
                .classes()
                .filter(|c| c.kind == Kind::Resource)
                .map(|c| c.key)
                .collect();
            resources.sort_unstable();
            assert!(resources.len() > 1500, "{major:?}: {}", resources.len());
            let mut program = String::from("import pulumi_aws as aws\n");
            for key in &resources {
                program.push_str(&format!("aws.{key}(resource_name=\"r\", opts=None)\n"));
            }
            program.push_str("aws.s3.Bucket(resource_name=\"r\", resource_nam=\"x\")\n");
            let found = findings(&program, major);
            assert_eq!(found.len(), 1, "{major:?}: {found:#?}");
            assert_eq!(found[0].0, resources.len() + 2, "{major:?}: {found:?}");
            assert!(found[0].1.contains("`resource_nam`"), "{found:?}");
        }
    }

    fn suggestion(major: Major, key: &str, name: &str) -> Option<&'static str> {
        suggest(&Tables::get(major).class(key).unwrap(), name)
    }

    #[test]
    fn suggestions_follow_terraform_shapes_and_typos() {
        let v7 = Major::V7;
        assert_eq!(suggestion(v7, "s3.Bucket", "bukcet"), Some("bucket"));
        assert_eq!(
            suggestion(v7, "apigateway.Resource", "rest_api_id"),
            Some("rest_api")
        );
        assert_eq!(
            suggestion(v7, "sns.TopicSubscription", "topic_arn"),
            Some("topic")
        );
        assert_eq!(
            suggestion(v7, "cloudwatch.MetricAlarm", "alarm_name"),
            Some("name")
        );
        assert_eq!(
            suggestion(v7, "codepipeline.Pipeline", "artifact_store"),
            Some("artifact_stores")
        );
        assert_eq!(
            suggestion(v7, "efs.FileSystem", "lifecycle_policy"),
            Some("lifecycle_policies")
        );
        assert_eq!(suggestion(v7, "ec2.Eip", "vpc"), None);
        assert_eq!(suggestion(v7, "s3.Bucket", "colour"), None);
    }

    #[test]
    fn plurals_are_spelled_as_the_sdk_spells_them() {
        assert_eq!(plural("lifecycle_policy"), "lifecycle_policies");
        assert_eq!(plural("gateway"), "gateways");
        assert_eq!(plural("address"), "addresses");
        assert_eq!(plural("rule"), "rules");
        for name in ["lifecycle_policy", "address", "rule", "gateway"] {
            assert_eq!(singular(&plural(name)).as_deref(), Some(name));
        }
    }

    #[test]
    fn distance_counts_a_swap_as_one_edit() {
        assert_eq!(distance("bukcet", "bucket"), 1);
        assert_eq!(distance("tags", "tag"), 1);
        assert_eq!(distance("abc", "abc"), 0);
        assert_eq!(distance("", "ab"), 2);
    }
}
