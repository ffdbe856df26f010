//! `ecs-secret-json-key`: a container secret that takes a whole Secrets Manager secret which
//! the program stores as a JSON object (catalog issue 4); the fix selects the JSON key that
//! the secret's name asks for.

use super::ecs_container_health_check::containers;
use super::{Checker, Match, codemod};
use crate::edit::{Edit, Fix, items};
use crate::pulumi::json_literal;
use crate::pulumi::literal::string_value;
use crate::pulumi::output::{Applied, applied_to, lambda_parameter};
use crate::source::fields;
use tree_sitter::Node;

pub const CODEMOD: super::Codemod = codemod! {
    id: "ecs-secret-json-key",
    title: "ECS container secret takes a whole JSON secret instead of one of its keys",
    fix: Unsafe,
    matches: classes["ecs.TaskDefinition"],
    check: check,
};

fn check<'t>(cx: &mut Checker<'_, 't>, m: &Match<'_, 't>) {
    let Some(task) = m.construction(&["ecs.TaskDefinition"]) else {
        return;
    };
    let Some(args) = task.written_arguments(cx.imports, cx.text) else {
        return;
    };
    for (container, dumps) in containers(cx, &args) {
        let Some(secrets) = json_literal::get(container, "secrets", cx.text) else {
            continue;
        };
        let list = json_literal::resolve(secrets.value, || cx.symbols());
        if list.kind() != "list" {
            continue;
        }
        for entry in items(list) {
            let entry = json_literal::resolve(entry, || cx.symbols());
            if !cx.reported(entry) {
                check_entry(cx, dumps, entry);
            }
        }
    }
}

fn check_entry<'t>(cx: &mut Checker<'_, 't>, dumps: Node<'t>, entry: Node<'t>) {
    let (Some(name), Some(value_from)) = (
        json_literal::get(entry, "name", cx.text),
        json_literal::get(entry, "valueFrom", cx.text),
    ) else {
        return;
    };
    let Some(name) = string_value(name.value, cx.text) else {
        return;
    };
    let value = value_from.value;
    let Some(secret) = secret_of(cx, dumps, value) else {
        return;
    };
    // Only a secret the program stores as a JSON object, with the keys it has.
    let Some(keys) = stored_keys(cx, secret) else {
        return;
    };
    let message = format!(
        "Container secret `{name}` receives the whole JSON document ({}), not one value",
        keys.iter()
            .map(|k| format!("`{k}`"))
            .collect::<Vec<_>>()
            .join(", ")
    );
    let Some(key) = json_key(name, &keys) else {
        cx.report(
            entry,
            format!("{message}; not fixed: no key matches the name `{name}`, so append `:<json-key>::` to `valueFrom` by hand"),
            None,
        );
        return;
    };
    let suffix = format!(":{key}::");
    let mut edits = Vec::new();
    let edit = if value.kind() == "string" {
        let Some(end) = value.named_child(value.named_child_count().saturating_sub(1)) else {
            return;
        };
        Edit::insert(end.start_byte(), suffix.clone())
    } else if value.kind() == "attribute" {
        let (output, import) = crate::pulumi::output::output_class(cx.imports);
        if let Some(import) = import {
            edits.push(crate::edit::add_import(
                cx.text,
                cx.tree,
                import,
                cx.style(),
            ));
        }
        Edit::replace(
            value,
            format!(
                "{output}.concat({}, {})",
                cx.src(value),
                cx.style().string(&suffix)
            ),
        )
    } else {
        let q = cx.style().quote;
        Edit::replace(value, format!("f{q}{{{}}}{suffix}{q}", cx.src(value)))
    };
    cx.report(
        entry,
        format!("{message}; select the key `{key}` with `{suffix}`"),
        Some(Fix::unsafe_({
            edits.push(edit);
            edits
        })),
    );
}

/// The `aws.secretsmanager.Secret` (its index in the symbol model) whose whole ARN `value`
/// is: a callback parameter bound to `X.arn` / `X.id` (`args[1]` of `Output.all(.., X.arn)`),
/// or a literal ARN of a secret the program names.
fn secret_of<'t>(cx: &Checker<'_, 't>, dumps: Node<'t>, value: Node<'t>) -> Option<usize> {
    if value.kind() == "string" {
        let arn = string_value(value, cx.text)?;
        let parts: Vec<&str> = arn.split(':').collect();
        // `arn:aws:secretsmanager:<region>:<account>:secret:<name>-<6 chars>`: no key yet.
        if parts.len() != 7 || parts[2] != "secretsmanager" || parts[5] != "secret" {
            return None;
        }
        let named: Vec<usize> = cx
            .symbols()
            .of_type(&["secretsmanager.Secret"])
            .filter(|(_, r)| {
                r.call
                    .keyword("name", cx.text)
                    .and_then(|k| string_value(k.value, cx.text))
                    .is_some_and(|n| {
                        parts[6] == n
                            || parts[6]
                                .strip_prefix(n)
                                .is_some_and(|rest| rest.len() == 7 && rest.starts_with('-'))
                    })
            })
            .map(|(i, _)| i)
            .collect();
        return match named[..] {
            [one] => Some(one),
            _ => None,
        };
    }
    // `Output.json_dumps` resolves outputs written in the document: `secret.arn` itself.
    if value.kind() == "attribute" {
        return json_literal::is_output_json_dumps(dumps, cx.imports, cx.text)
            .then(|| secret_output(cx, value))
            .flatten();
    }
    // The callback around the document and what its parameter stands for.
    let lambda = {
        let mut current = dumps.parent();
        loop {
            let n = current?;
            if n.kind() == "lambda" {
                break n;
            }
            current = n.parent();
        }
    };
    let parameter = cx.src(lambda_parameter(lambda)?);
    let output = match (value.kind(), applied_to(lambda, cx.imports, cx.text)?) {
        ("identifier", Applied::One(output)) if cx.src(value) == parameter => output,
        ("subscript", Applied::All { elements, .. }) => {
            let base = value.child_by_field_id(fields().value)?;
            let index: usize = cx
                .src(value.child_by_field_id(fields().subscript)?)
                .parse()
                .ok()?;
            if cx.src(base) != parameter {
                return None;
            }
            *elements.get(index)?
        }
        _ => return None,
    };
    secret_output(cx, output)
}

/// The secret whose `arn` (or `id`, which is the ARN) `output` is.
fn secret_output<'t>(cx: &Checker<'_, 't>, output: Node<'t>) -> Option<usize> {
    if output.kind() != "attribute"
        || !matches!(
            cx.src(output.child_by_field_id(fields().attribute)?),
            "arn" | "id"
        )
    {
        return None;
    }
    let resolved = cx
        .symbols()
        .resolve(output.child_by_field_id(fields().object)?);
    resolved
        .is(&["secretsmanager.Secret"])
        .then(|| resolved.id())
        .flatten()
}

/// The keys of the JSON object every `SecretVersion` of `secret` stores, when each stores a
/// `json.dumps({...})` literal; `None` when one stores anything else, or none is in the
/// program.
fn stored_keys(cx: &Checker, secret: usize) -> Option<Vec<String>> {
    let symbols = cx.symbols();
    let mut keys: Vec<String> = Vec::new();
    let mut versions = 0;
    for (_, version) in symbols.of_type(&["secretsmanager.SecretVersion"]) {
        let Some(args) = version.call.written_arguments(cx.imports, cx.text) else {
            continue;
        };
        let of_secret = args
            .keyword("secret_id", cx.text)
            .and_then(|k| k.value.child_by_field_id(fields().object))
            .is_some_and(|o| symbols.resolve(o).id() == Some(secret));
        if !of_secret {
            continue;
        }
        versions += 1;
        let string = args.keyword("secret_string", cx.text)?.value;
        let dumps = json_literal::dumps_calls(string, cx.imports, cx.text);
        let [dumps] = dumps[..] else { return None };
        let document = json_literal::resolve(
            json_literal::dumps_argument(dumps, cx.imports, cx.text)?,
            || symbols,
        );
        for (key, _) in json_literal::pairs(document, cx.text)? {
            if !keys.contains(&key) {
                keys.push(key);
            }
        }
    }
    (versions > 0 && !keys.is_empty()).then_some(keys)
}

/// The key of `keys` that the container secret `name` asks for: the same name (ignoring
/// case), else the usual equivalences (`DATABASE_URL` -> `connection_string` / `url` / `uri`
/// / `dsn`, `*_PASSWORD` -> `password`, `*_USER` -> `username`, `*_HOST` -> `host`, `*_PORT`
/// -> `port`).
fn json_key<'k>(name: &str, keys: &'k [String]) -> Option<&'k str> {
    let find = |wanted: &str| {
        keys.iter()
            .find(|k| k.eq_ignore_ascii_case(wanted))
            .map(String::as_str)
    };
    if let Some(exact) = find(name) {
        return Some(exact);
    }
    let upper = name.to_ascii_uppercase();
    let ends = |suffixes: &[&str]| suffixes.iter().any(|s| upper.ends_with(s));
    let candidates: &[&str] = if ends(&["_URL", "_URI", "_DSN"])
        || upper == "DATABASE_URL"
        || upper == "CONNECTION_STRING"
    {
        &["connection_string", "url", "uri", "dsn"]
    } else if ends(&["_PASSWORD"]) {
        &["password"]
    } else if ends(&["_USER", "_USERNAME"]) {
        &["username"]
    } else if ends(&["_HOST"]) {
        &["host"]
    } else if ends(&["_PORT"]) {
        &["port"]
    } else {
        &[]
    };
    candidates.iter().find_map(|c| find(c))
}

#[cfg(test)]
mod tests {
    use super::json_key;

    #[test]
    fn names_map_to_keys_as_the_spec_says() {
        let keys: Vec<String> = [
            "host",
            "port",
            "username",
            "password",
            "url",
            "connection_string",
        ]
        .map(String::from)
        .to_vec();
        for (name, key) in [
            ("PASSWORD", Some("password")),
            ("DB_PASSWORD", Some("password")),
            ("DATABASE_URL", Some("connection_string")),
            ("CONNECTION_STRING", Some("connection_string")),
            ("REDIS_DSN", Some("connection_string")),
            ("DB_USER", Some("username")),
            ("DB_USERNAME", Some("username")),
            ("DB_HOST", Some("host")),
            ("DB_PORT", Some("port")),
            ("Url", Some("url")),
            ("API_TOKEN", None),
        ] {
            assert_eq!(json_key(name, &keys), key, "{name}");
        }
        // The first of the equivalents present.
        let keys: Vec<String> = ["uri", "dsn"].map(String::from).to_vec();
        assert_eq!(json_key("DATABASE_URL", &keys), Some("uri"));
    }
}
