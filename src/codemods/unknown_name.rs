//! `unknown-name`: a `pulumi_aws` name that the project's pulumi-aws major does not have, other
//! than the constructor calls `unknown-resource` checks: a module in an import statement
//! (`from pulumi_aws import logs`) or an attribute chain (`aws.logs.LogGroupArgs`), a type
//! (`aws.sqs.QueueRedrivePolicy`, `*ArgsDict`), a data-source function
//! (`aws.ec2.get_subnet_ids`), an enum member (`aws.lambda_.Runtime.PYTHON3_10`) or an output
//! property read from a resource (`db.master_user_secret`).

use super::unknown_argument::closest;
use super::unknown_resource::{MODULES, suggest};
use super::{Checker, Match, codemod};
use crate::edit::{Edit, Fix, delete_item};
use crate::pulumi::{Tables, replacements};
use crate::source::{Seeker, fields, words};
use foldhash::{HashMap, HashMapExt};
use tree_sitter::Node;

pub const CODEMOD: super::Codemod = codemod! {
    id: "unknown-name",
    title: "`pulumi_aws` module, type, function or enum member that the project's pulumi-aws major does not have",
    fix: Sometimes,
    severity: Error,
    matches: file,
    check: check,
};

/// Called once per file: its import statements and the attribute chains of its `pulumi_aws`
/// names, found from the text (no walk of the whole tree).
fn check(cx: &mut Checker, _: &Match) {
    if !cx.imports.imports_pulumi_aws() {
        return;
    }
    let Some(tables) = cx.schema() else { return };
    let mut seeker = Seeker::new(cx.tree);
    // Import statements: each names `pulumi_aws`.
    let mut statements = Vec::new();
    for at in words(cx.text, "pulumi_aws") {
        let node = seeker.seek(at, at + "pulumi_aws".len());
        if node.kind() != "identifier" || node.start_byte() != at {
            continue;
        }
        let mut up = || seeker.up().map(|(parent, _)| parent);
        let Some(dotted) = up().filter(|p| p.kind() == "dotted_name") else {
            continue;
        };
        let mut statement = up();
        if statement.is_some_and(|s| s.kind() == "aliased_import") {
            statement = up();
        }
        if let Some(s) = statement.filter(|s| s.kind().starts_with("import")) {
            statements.push((s, dotted));
        }
    }
    for (statement, dotted) in statements {
        match statement.kind() {
            "import_from_statement" if cx.src(dotted) == "pulumi_aws" => {
                from_pulumi_aws(cx, tables, statement)
            }
            "import_from_statement" => from_module(cx, tables, statement, dotted),
            "import_statement" => import_module(cx, tables, dotted),
            _ => {}
        }
    }
    // Attribute chains in code.
    let names: Vec<String> = cx.imports.pulumi_aws_names().map(String::from).collect();
    let mut hits: Vec<(usize, usize)> = names
        .iter()
        .flat_map(|name| words(cx.text, name).map(move |at| (at, at + name.len())))
        // A chain goes on with a dot; most other hits are words in strings (`arn:aws:...`).
        .filter(|&(_, end)| {
            cx.text[end..]
                .trim_start_matches([' ', '\t'])
                .starts_with('.')
        })
        .collect();
    hits.sort_unstable();
    // The callees of constructions of classes the tables know (most `aws.` chains) name
    // nothing missing: no need to find their nodes.
    let known: foldhash::HashSet<usize> = cx
        .resolved()
        .iter()
        .filter(|c| c.key().is_some_and(|key| tables.class(key).is_some()))
        .map(|c| c.call().start_byte())
        .collect();
    for (start, end) in hits {
        if known.contains(&start) {
            continue;
        }
        let node = seeker.seek(start, end);
        if node.kind() != "identifier" || node.start_byte() != start || node.end_byte() != end {
            continue;
        }
        let mut chain = vec![node];
        while let Some((parent, _)) = seeker
            .up()
            .filter(|(p, field)| p.kind() == "attribute" && *field == Some("object"))
        {
            chain.push(parent);
        }
        if chain.len() > 1 {
            attribute_chain(cx, tables, &chain);
        }
    }
    output_properties(cx, tables);
}

/// What every resource object has besides its output properties (`pulumi.CustomResource`).
const RESOURCE_ATTRIBUTES: &[&str] = &[
    "id",
    "urn",
    "get",
    "get_provider",
    "translate_output_property",
    "translate_input_property",
    "pulumi_type",
];

/// `db.master_user_secret` where `db` is bound once, to `aws.rds.Instance(...)`, whose outputs
/// are `master_user_secrets`: an AttributeError. Cheap: names are looked for in the text, and
/// the symbol model is built only for a read the class lacks.
fn output_properties(cx: &mut Checker, tables: &Tables) {
    // Names assigned a resource construction: name -> (the call, its class).
    let mut holders: HashMap<&str, (Node, String)> = HashMap::new();
    for construction in cx.resolved().iter() {
        let (call, Some(key)) = (construction.call(), construction.key()) else {
            continue;
        };
        // Resources only: an `*Args` object has no outputs.
        if tables.outputs(key).is_none() {
            continue;
        }
        if let Some(holder) = cx
            .parent(call)
            .filter(|p| {
                p.kind() == "assignment" && p.child_by_field_id(fields().right) == Some(call)
            })
            .and_then(|a| a.child_by_field_id(fields().left))
            .filter(|l| l.kind() == "identifier")
        {
            holders.insert(&cx.text[holder.byte_range()], (call, key.to_string()));
        }
    }
    if holders.is_empty() {
        return;
    }
    // One pass over the text: each `<name>.` whose name holds a construction.
    let bytes = cx.text.as_bytes();
    let is_ident = |b: u8| b.is_ascii_alphanumeric() || b == b'_' || b >= 0x80;
    let mut seeker = Seeker::new(cx.tree);
    let mut reads = Vec::new();
    for dot in memchr::memchr_iter(b'.', bytes) {
        let mut start = dot;
        while start > 0 && is_ident(bytes[start - 1]) {
            start -= 1;
        }
        let Some((_, key)) = (start != dot)
            .then(|| holders.get(&cx.text[start..dot]))
            .flatten()
        else {
            continue;
        };
        // Most reads name an output the class has: told from the text, no node needed.
        let after = &cx.text[dot + 1..];
        let property = &after[..after
            .bytes()
            .position(|b| !is_ident(b))
            .unwrap_or(after.len())];
        if tables.has_output(key, property) == Some(true) {
            continue;
        }
        let node = seeker.seek(start, dot);
        if node.kind() != "identifier" || node.byte_range() != (start..dot) {
            continue;
        }
        let Some((read, _)) = seeker
            .up()
            .filter(|(p, field)| p.kind() == "attribute" && *field == Some("object"))
        else {
            continue;
        };
        reads.push((node, read));
    }
    for (node, read) in reads {
        let (call, key) = &holders[cx.src(node)];
        let Some(attribute) = read.child_by_field_id(fields().attribute) else {
            continue;
        };
        let property = cx.src(attribute).to_string();
        if property.starts_with('_')
            || tables.has_output(key, &property) != Some(false)
            || RESOURCE_ATTRIBUTES.contains(&property.as_str())
        {
            continue;
        }
        // Setting an attribute of the object is Python's business, not the SDK's.
        if cx.parent(read).is_some_and(|p| {
            p.kind() == "assignment" && p.child_by_field_id(fields().left) == Some(read)
        }) {
            continue;
        }
        // The name holds this construction wherever it is read, for certain.
        if cx.symbols().assigned_once(node) != Some(*call) {
            continue;
        }
        let outputs: Vec<&'static str> = tables.outputs(key).into_iter().flatten().collect();
        output_property(cx, tables, key, &outputs, read, &property);
    }
}

fn output_property(
    cx: &mut Checker,
    tables: &Tables,
    key: &str,
    outputs: &[&'static str],
    read: Node,
    property: &str,
) {
    let object = cx.src(read.child_by_field_id(fields().object).expect("object"));
    let plural = format!("{property}s");
    // The one-element list pulumi-aws made of a block (`master_user_secrets`), else a near
    // spelling.
    let suggestion = if outputs.contains(&plural.as_str()) {
        Some(format!("{plural}[0]"))
    } else {
        closest(property, outputs.iter().copied()).map(String::from)
    };
    let mut message = format!(
        "`{}`: `{key}` has no output `{property}` in {}: the program fails (AttributeError)",
        cx.src(read),
        version(tables)
    );
    let fix = suggestion.map(|s| {
        message.push_str(&format!("; did you mean `{object}.{s}`?"));
        Fix::unsafe_(vec![Edit::replace(read, format!("{object}.{s}"))])
    });
    cx.report(read, message, fix);
}

/// The module `name` of `pulumi_aws` most likely means (`logs` -> `cloudwatch`), when the
/// package has no module `name`, and the class prefix its classes take there (`Log`).
fn module_for(tables: &Tables, name: &str) -> Option<(&'static str, &'static str)> {
    if tables.has_module(name) {
        return None;
    }
    if let Some((_, to, prefix)) = MODULES.iter().find(|(from, _, _)| *from == name) {
        return Some((to, prefix));
    }
    let modules = tables.modules();
    closest(name, modules.iter().copied().filter(|m| !m.is_empty())).map(|m| (m, ""))
}

/// What `<from>.<name>` is called in module `to`: `events.Rule` -> `EventRule` in `cloudwatch`.
fn name_in(tables: &Tables, to: &str, prefix: &str, name: &str) -> Option<String> {
    [format!("{prefix}{name}"), name.to_string()]
        .into_iter()
        .find(|n| {
            let key = format!("{to}.{n}");
            tables.exports(&key) || tables.function(&key).is_some()
        })
}

fn version(tables: &Tables) -> String {
    format!("pulumi-aws {} ({})", tables.major.number(), tables.version)
}

/// `from pulumi_aws import logs, events`: an ImportError at that line.
fn from_pulumi_aws(cx: &mut Checker, tables: &Tables, statement: Node) {
    let mut cursor = statement.walk();
    let imported: Vec<Node> = statement
        .children_by_field_name("name", &mut cursor)
        .collect();
    // Targets already imported, or taken by an earlier fix in this statement.
    let mut targets_taken: Vec<&str> = Vec::new();
    for item in &imported {
        let (name_node, alias) = match item.kind() {
            "aliased_import" => (
                item.child_by_field_id(fields().name),
                item.child_by_field_id(fields().alias),
            ),
            _ => (Some(*item), None),
        };
        let Some(name_node) = name_node else { continue };
        let name = cx.src(name_node).to_string();
        if !name.starts_with(|c: char| c.is_ascii_lowercase())
            || tables.exports(&name)
            || tables.function(&name).is_some()
        {
            continue;
        }
        let Some((to, prefix)) = module_for(tables, &name) else {
            continue;
        };
        let message = format!(
            "`pulumi_aws` has no module `{name}` in {}: the import fails (ImportError); did you mean `{to}`?",
            version(tables)
        );
        let local = alias.map_or(name.clone(), |a| cx.src(a).to_string());
        let fix = if targets_taken.contains(&to) {
            // `from pulumi_aws import logs, events`: the second becomes `cloudwatch` on the next
            // pass, once the first is.
            None
        } else {
            rename_module(
                cx,
                tables,
                *item,
                name_node,
                alias,
                &local,
                to,
                prefix,
                imported.len(),
            )
        };
        if fix.is_some() {
            targets_taken.push(to);
        }
        cx.report(name_node, message, fix);
    }
}

/// The edits that make `from pulumi_aws import <name> [as <alias>]` import module `to`, and every
/// use `<local>.<X>` of it name what `X` is called there; `None` unless every use maps.
#[allow(clippy::too_many_arguments)]
fn rename_module(
    cx: &Checker,
    tables: &Tables,
    item: Node,
    name_node: Node,
    alias: Option<Node>,
    local: &str,
    to: &str,
    prefix: &str,
    names_in_statement: usize,
) -> Option<Fix> {
    // Without an alias the local name becomes `to`: it must not stand for anything else.
    let new_local = if alias.is_some() { local } else { to };
    let already_imported = cx.imports.resolve_name(to) == Some(format!("pulumi_aws.{to}"));
    if alias.is_none() && cx.identifier_in_file(to) && !already_imported {
        return None;
    }
    let mut edits = Vec::new();
    if alias.is_none() && already_imported && names_in_statement > 1 {
        edits.push(delete_item(cx.text, item));
    } else {
        edits.push(Edit::replace(name_node, to.to_string()));
    }
    for at in words(cx.text, local) {
        let node = cx
            .tree
            .root_node()
            .descendant_for_byte_range(at, at + local.len())?;
        if node.kind() != "identifier" {
            // Inside a string or a comment: not a use.
            continue;
        }
        // The import itself.
        if item.byte_range().contains(&node.start_byte()) {
            continue;
        }
        let attribute = cx.parent(node).filter(|p| {
            p.kind() == "attribute" && p.child_by_field_id(fields().object) == Some(node)
        })?;
        let written = cx.src(attribute.child_by_field_id(fields().attribute)?);
        let new = name_in(tables, to, prefix, written)?;
        if !call_fits(cx, tables, attribute, &format!("{to}.{new}")) {
            return None;
        }
        edits.push(Edit::replace(attribute, format!("{new_local}.{new}")));
    }
    Some(Fix::unsafe_(edits))
}

/// True unless `callee` is called with a keyword class `key` does not take.
fn call_fits<'t>(cx: &Checker<'_, 't>, tables: &Tables, callee: Node<'t>, key: &str) -> bool {
    let Some(call) = cx
        .parent(callee)
        .filter(|p| p.kind() == "call" && p.child_by_field_id(fields().function) == Some(callee))
    else {
        return true;
    };
    let Some(class) = tables.class(key) else {
        return true;
    };
    let Some(arguments) = call.child_by_field_id(fields().arguments) else {
        return true;
    };
    let mut cursor = arguments.walk();
    let arguments: Vec<Node> = arguments.named_children(&mut cursor).collect();
    arguments.iter().all(|a| match a.kind() {
        "keyword_argument" => a
            .child_by_field_id(fields().name)
            .is_some_and(|n| class.param(cx.src(n)).is_some()),
        "dictionary_splat" => false,
        _ => true,
    })
}

/// `from pulumi_aws.logs import LogGroup`: a ModuleNotFoundError at that line. Rewritten to the
/// module that has every name imported, under the names the file uses.
fn from_module(cx: &mut Checker, tables: &Tables, statement: Node, dotted: Node) {
    let path = cx.src(dotted);
    let Some(module) = path.strip_prefix("pulumi_aws.") else {
        return;
    };
    if module.contains('.') || tables.has_module(module) {
        return;
    }
    let Some((to, prefix)) = module_for(tables, module) else {
        return;
    };
    let message = format!(
        "`pulumi_aws` has no module `{module}` in {}: the import fails (ModuleNotFoundError); did you mean `pulumi_aws.{to}`?",
        version(tables)
    );
    let mut edits = vec![Edit::replace(dotted, format!("pulumi_aws.{to}"))];
    let mut cursor = statement.walk();
    let mut fits = true;
    for item in statement.children_by_field_name("name", &mut cursor) {
        let (name_node, aliased) = match item.kind() {
            "aliased_import" => (item.child_by_field_id(fields().name), true),
            _ => (Some(item), false),
        };
        let Some(name_node) = name_node else {
            fits = false;
            break;
        };
        let name = cx.src(name_node);
        let Some(new) = name_in(tables, to, prefix, name) else {
            fits = false;
            break;
        };
        if new != name {
            let written = if aliased {
                new
            } else {
                format!("{new} as {name}")
            };
            edits.push(Edit::replace(name_node, written));
        }
    }
    let fix = fits.then(|| Fix::unsafe_(edits));
    cx.report(dotted, message, fix);
}

/// `import pulumi_aws.logs`: reported with the module it likely means.
fn import_module(cx: &mut Checker, tables: &Tables, dotted: Node) {
    let Some(module) = cx.src(dotted).strip_prefix("pulumi_aws.") else {
        return;
    };
    if module.contains('.') || tables.has_module(module) {
        return;
    }
    let Some((to, _)) = module_for(tables, module) else {
        return;
    };
    let message = format!(
        "`pulumi_aws` has no module `{module}` in {}: the import fails (ModuleNotFoundError); did you mean `pulumi_aws.{to}`?",
        version(tables)
    );
    cx.report(dotted, message, None);
}

/// `aws.<module>.<Name>[.<MEMBER>]`: the first name along the chain that the major lacks.
/// `chain` is the head identifier and the attributes above it, innermost first.
fn attribute_chain<'t>(cx: &mut Checker<'_, 't>, tables: &Tables, chain: &[Node<'t>]) {
    let head_path = cx.imports.resolve(chain[0], cx.text);
    let through_package = head_path.as_deref() == Some("pulumi_aws");
    for (i, &node) in chain.iter().enumerate().skip(1) {
        let Some(path) = cx.imports.resolve(node, cx.text) else {
            return;
        };
        let Some(rest) = path.strip_prefix("pulumi_aws.") else {
            return;
        };
        let segments: Vec<&str> = rest.split('.').collect();
        let last = *segments.last().expect("split yields one");
        let is_callee = cx.parent(node).is_some_and(|p| {
            p.kind() == "call" && p.child_by_field_id(fields().function) == Some(node)
        });
        let capitalized = last.starts_with(|c: char| c.is_ascii_uppercase());
        match segments[..] {
            [module] => {
                if tables.has_module(module)
                    || capitalized
                    || tables.function(module).is_some()
                    || module.starts_with('_')
                {
                    continue;
                }
                // Only through the package: a module imported by name is its import's finding.
                if !through_package {
                    return;
                }
                let Some((to, prefix)) = module_for(tables, module) else {
                    return;
                };
                let next = chain.get(i + 1);
                // `aws.logs.LogGroup(...)` is `unknown-resource`'s.
                if let Some(&next) = next {
                    let class = cx.src(next.child_by_field_id(fields().attribute).expect("attr"));
                    let called = cx.parent(next).is_some_and(|p| {
                        p.kind() == "call" && p.child_by_field_id(fields().function) == Some(next)
                    });
                    if called && class.starts_with(|c: char| c.is_ascii_uppercase()) {
                        return;
                    }
                }
                let mut message = format!(
                    "`pulumi_aws` has no module `{module}` in {}: the program fails (AttributeError)",
                    version(tables)
                );
                let target = next.and_then(|&next| {
                    let name = cx.src(next.child_by_field_id(fields().attribute)?);
                    Some((next, format!("{to}.{}", name_in(tables, to, prefix, name)?)))
                });
                let report_at = target.as_ref().map_or(node, |(next, _)| *next);
                let fix = match target {
                    Some((next, key)) => {
                        message.push_str(&format!("; did you mean `{key}`?"));
                        let package = cx.src(chain[0]);
                        call_fits(cx, tables, next, &key).then(|| {
                            Fix::unsafe_(vec![Edit::replace(next, format!("{package}.{key}"))])
                        })
                    }
                    None => {
                        message.push_str(&format!("; did you mean `{to}`?"));
                        None
                    }
                };
                cx.report(report_at, message, fix);
                return;
            }
            [module, name] => {
                if !tables.has_module(module) {
                    return;
                }
                let key = format!("{module}.{name}");
                if tables.exports(&key) || tables.function(&key).is_some() {
                    continue;
                }
                if capitalized {
                    type_name(cx, tables, node, module, name, is_callee, through_package);
                } else if name.starts_with("get_") {
                    function_name(cx, tables, node, module, name);
                }
                return;
            }
            [module, class, member] => {
                enum_member(cx, tables, node, &format!("{module}.{class}"), member);
                return;
            }
            _ => return,
        }
    }
}

/// `aws.sqs.QueueRedrivePolicy`, `aws.s3.BucketXArgsDict`: a type the module does not export.
/// Constructor calls of classes are `unknown-resource`'s.
fn type_name(
    cx: &mut Checker,
    tables: &Tables,
    node: Node,
    module: &str,
    name: &str,
    is_callee: bool,
    through_package: bool,
) {
    if name.ends_with("Result") {
        return;
    }
    let written = cx.src(node).to_string();
    let (suggestion, what) = if let Some(args) = name.strip_suffix("Dict") {
        if !args.ends_with("Args") {
            return;
        }
        if tables.class(&format!("{module}.{args}")).is_some() {
            return;
        }
        let near = closest(
            args,
            tables
                .keys_in(module)
                .iter()
                .filter(|k| k.ends_with("Args"))
                .map(|k| &k[module.len() + 1..]),
        );
        (near.map(|n| format!("{module}.{n}Dict")), "an input type")
    } else if is_callee {
        return;
    } else {
        (suggest(tables, module, name).map(String::from), "a type")
    };
    let mut message = format!(
        "`{written}` is not {what} of {}: the program fails (AttributeError)",
        version(tables)
    );
    let fix = suggestion.and_then(|target| {
        message.push_str(&format!("; did you mean `{target}`?"));
        let object = node.child_by_field_id(fields().object)?;
        let package = object.child_by_field_id(fields().object)?;
        (through_package && object.kind() == "attribute").then(|| {
            Fix::unsafe_(vec![Edit::replace(
                node,
                format!("{}.{target}", cx.src(package)),
            )])
        })
    });
    cx.report(node, message, fix);
}

/// `aws.ec2.get_subnet_ids(...)`: a data-source function the module does not have.
fn function_name<'t>(
    cx: &mut Checker<'_, 't>,
    tables: &Tables,
    node: Node<'t>,
    module: &str,
    name: &str,
) {
    let (plain, output) = match name.strip_suffix("_output") {
        Some(plain) => (plain, "_output"),
        None => (name, ""),
    };
    let key = format!("{module}.{plain}");
    let known = replacements::replaced_function(&key);
    let suggestion = known.or_else(|| {
        let functions = tables.functions_in(module);
        closest(
            plain,
            functions
                .iter()
                .filter(|k| !k.ends_with("_output"))
                .map(|k| &k[module.len() + 1..]),
        )
        .map(|f| format!("{module}.{f}"))
    });
    let written = cx.src(node).to_string();
    let mut message = format!(
        "`{written}` is not a function of {}: the program fails (AttributeError)",
        version(tables)
    );
    let fix = suggestion.and_then(|target| {
        message.push_str(&format!("; did you mean `{target}{output}`?"));
        // Only a removed function's own successor: a guessed one may take other arguments.
        replacements::replaced_function(&key)?;
        let edits = replacements::subnet_ids_call(
            node,
            cx.text,
            cx.style().quote,
            &format!("{target}{output}"),
        )?;
        // A data source: reading it changes nothing in AWS.
        Some(Fix::safe(edits))
    });
    cx.report(node, message, fix);
}

/// `aws.lambda_.Runtime.PYTHON3_10`: the member is `PYTHON3D10`.
fn enum_member(cx: &mut Checker, tables: &Tables, node: Node, key: &str, member: &str) {
    if tables.has_enum_member(key, member) != Some(false) {
        return;
    }
    let Some(members) = tables.enum_members(key) else {
        return;
    };
    // Members are upper case; `.value`, `.name` and the str methods are not.
    if !member.starts_with(|c: char| c.is_ascii_uppercase())
        || member.chars().any(|c| c.is_ascii_lowercase())
    {
        return;
    }
    let members: Vec<(&'static str, String)> = members.collect();
    // The value the name spells, `_` for `.`: PYTHON3_10 is `python3.10`.
    let spelled = member.to_ascii_lowercase().replace('_', ".");
    let by_value = members
        .iter()
        .find(|(_, value)| value.to_ascii_lowercase() == spelled)
        .map(|(m, _)| (*m, true));
    let suggestion =
        by_value.or_else(|| closest(member, members.iter().map(|(m, _)| *m)).map(|m| (m, false)));
    let mut message = format!(
        "`{}` is not a member of `{key}` in {}: the program fails (AttributeError)",
        cx.src(node),
        version(tables)
    );
    let fix = suggestion.and_then(|(m, same_value)| {
        let value = &members.iter().find(|(n, _)| *n == m)?.1;
        message.push_str(&format!("; did you mean `{m}` (\"{value}\")?"));
        let attribute = node.child_by_field_id(fields().attribute)?;
        let edits = vec![Edit::replace(attribute, m.to_string())];
        // The member whose value the name spells is the value the author meant.
        Some(if same_value {
            Fix::safe(edits)
        } else {
            Fix::unsafe_(edits)
        })
    });
    cx.report(node, message, fix);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pulumi::Major;

    #[test]
    fn modules_map_to_the_one_pulumi_aws_spells() {
        let t = Tables::get(Major::V7);
        assert_eq!(module_for(t, "logs"), Some(("cloudwatch", "Log")));
        assert_eq!(module_for(t, "cloudwach"), Some(("cloudwatch", "")));
        assert_eq!(module_for(t, "ec2"), None);
        assert_eq!(
            name_in(t, "cloudwatch", "Event", "Rule").as_deref(),
            Some("EventRule")
        );
        assert_eq!(
            name_in(t, "cloudwatch", "Log", "LogGroup").as_deref(),
            Some("LogGroup")
        );
        assert_eq!(name_in(t, "cloudwatch", "Log", "Nothing"), None);
    }

    #[test]
    fn the_root_package_file_modules_and_functions_are_no_misspelt_modules() {
        // The root package's files and functions, which the tables do not list as modules:
        // none may pass for a near spelling of one.
        for major in Major::ALL {
            let t = Tables::get(major);
            for name in [
                "arn_build",
                "arn_parse",
                "outputs",
                "provider",
                "trim_iam_role_path",
                "user_agent",
                "config",
                "get_region",
                "get_arn",
                "get_partition",
                "get_regions",
                "get_service",
            ] {
                assert_eq!(module_for(t, name), None, "{major:?} {name}");
            }
        }
    }
}
