//! `lambda-runtime-outdated`: a Lambda runtime AWS has deprecated (issue 12).

use super::{Checker, Match, codemod};
use crate::edit::{Edit, Fix, delete_items, items};
use crate::pulumi::Tables;
use crate::pulumi::literal::string_value;
use tree_sitter::Node;

pub const CODEMOD: super::Codemod = codemod! {
    id: "lambda-runtime-outdated",
    title: "Lambda runtime that AWS has deprecated: functions on it can no longer be created or updated",
    fix: Unsafe,
    matches: classes["lambda_.Function", "lambda_.FunctionArgs", "lambda_.LayerVersion", "lambda_.LayerVersionArgs"],
    check: check,
};

/// AWS's schedule of deprecated Lambda runtimes (identifier, deprecation date), from the
/// "Deprecated runtimes" table of https://docs.aws.amazon.com/lambda/latest/dg/lambda-runtimes.html
/// as it stood on `SCHEDULE_TAKEN`. Only rows deprecated by then are here: the rows AWS lists
/// as scheduled have moved before, so a newer date means reading the page again, row by row.
const DEPRECATED: &[(&str, &str)] = &[
    ("nodejs18.x", "2025-09-01"),
    ("nodejs16.x", "2024-06-12"),
    ("python3.8", "2024-10-14"),
    ("dotnet6", "2024-12-20"),
    ("dotnet7", "2024-05-14"),
    ("java8", "2024-01-08"),
    ("go1.x", "2024-01-08"),
    ("provided", "2024-01-08"),
    ("nodejs14.x", "2023-12-04"),
    ("python3.7", "2023-12-04"),
    ("ruby2.7", "2023-12-07"),
    ("dotnetcore3.1", "2023-04-03"),
    ("nodejs12.x", "2023-03-31"),
    ("python3.6", "2022-07-18"),
    ("dotnet5.0", "2022-05-10"),
    ("dotnetcore2.1", "2022-01-05"),
    ("nodejs10.x", "2021-07-30"),
    ("ruby2.5", "2021-07-30"),
    ("python2.7", "2021-07-15"),
    ("nodejs8.10", "2020-03-06"),
    ("nodejs4.3", "2020-03-06"),
    ("nodejs4.3-edge", "2019-04-30"),
    ("nodejs6.10", "2019-08-12"),
    ("dotnetcore1.0", "2019-07-30"),
    ("dotnetcore2.0", "2019-05-30"),
    ("nodejs", "2016-10-31"),
];

/// The day `DEPRECATED` was read. A runtime counts as deprecated when its date is on or before
/// it, so the findings do not change with the clock.
const SCHEDULE_TAKEN: &str = "2025-11-01";

/// The OS-only runtime on Amazon Linux 1 moves to the current OS-only runtime.
const OS_ONLY: (&str, &str) = ("provided", "provided.al2023");

/// Go's runtime has no successor of its own: a Go function becomes an OS-only one.
const GO: &str = "go1.x";

/// When AWS deprecated `runtime`, if it has by `SCHEDULE_TAKEN`.
fn deprecated_on(runtime: &str) -> Option<&'static str> {
    DEPRECATED
        .iter()
        .find(|(r, date)| *r == runtime && *date <= SCHEDULE_TAKEN)
        .map(|&(_, date)| date)
}

/// `python3.8` -> (`python`, [3, 8]); `dotnetcore3.1` is `dotnet`; `java8.al2` is (`java`, [8]).
fn language_and_version(runtime: &str) -> Option<(&str, Vec<u32>)> {
    let digits = runtime.find(|c: char| c.is_ascii_digit())?;
    let language = match &runtime[..digits] {
        "dotnetcore" => "dotnet",
        l @ ("python" | "nodejs" | "java" | "dotnet" | "ruby") => l,
        _ => return None,
    };
    let version = runtime[digits..]
        .split('.')
        .map_while(|part| part.parse().ok())
        .collect();
    Some((language, version))
}

/// What replaces a deprecated runtime: the newest of the same language that the project's
/// `lambda_.Runtime` enum has and AWS has not deprecated, as (enum member, value).
fn successor(tables: &Tables, runtime: &str) -> Option<(&'static str, String)> {
    let members: Vec<(&'static str, String)> = tables.enum_members("lambda_.Runtime")?.collect();
    if runtime == OS_ONLY.0 {
        return members.into_iter().find(|(_, v)| v == OS_ONLY.1);
    }
    // `nodejs` alone is Node.js 0.10.
    let language = if runtime == "nodejs" {
        "nodejs"
    } else {
        language_and_version(runtime)?.0
    };
    members
        .into_iter()
        .filter(|(_, v)| deprecated_on(v).is_none())
        .filter_map(|(m, v)| {
            let (l, version) = language_and_version(&v)?;
            (l == language).then_some((version, m, v))
        })
        .max_by(|a, b| a.0.cmp(&b.0))
        .map(|(_, m, v)| (m, v))
}

/// A runtime the source gives: a string literal or a `lambda_.Runtime` member.
struct Written<'t> {
    node: Node<'t>,
    value: String,
    /// What to replace to change it: the string's content, or the member's name.
    part: Node<'t>,
    is_member: bool,
}

impl<'t> Written<'t> {
    fn read(cx: &Checker, tables: &Tables, node: Node<'t>) -> Option<Written<'t>> {
        if let Some(value) = string_value(node, cx.text) {
            let mut cursor = node.walk();
            let part = node
                .named_children(&mut cursor)
                .find(|c| c.kind() == "string_content")?;
            return Some(Written {
                node,
                value: value.to_string(),
                part,
                is_member: false,
            });
        }
        if node.kind() != "attribute" {
            return None;
        }
        let path = cx.imports.resolve(node, cx.text)?;
        let member = path.strip_prefix("pulumi_aws.lambda_.Runtime.")?;
        let value = tables
            .enum_members("lambda_.Runtime")?
            .find(|(m, _)| *m == member)?
            .1;
        Some(Written {
            node,
            value,
            part: node.child_by_field_name("attribute")?,
            is_member: true,
        })
    }

    /// How the replacement is written: the same form as this one.
    fn spelled(&self, (member, value): &(&str, String)) -> String {
        if self.is_member {
            member.to_string()
        } else {
            value.clone()
        }
    }
}

fn check(cx: &mut Checker, m: &Match) {
    let Some(call) = m.construction(&[
        "lambda_.Function",
        "lambda_.FunctionArgs",
        "lambda_.LayerVersion",
        "lambda_.LayerVersionArgs",
    ]) else {
        return;
    };
    let Some(tables) = cx.schema() else { return };
    if call.type_name.starts_with("lambda_.Function") {
        let Some(runtime) = call.keyword("runtime", cx.text) else {
            return;
        };
        if let Some(written) = Written::read(cx, tables, runtime.value) {
            one_runtime(cx, tables, &written);
        }
    } else if let Some(list) = call.keyword("compatible_runtimes", cx.text)
        && list.value.kind() == "list"
    {
        runtime_list(cx, tables, list.value);
    }
}

fn version(tables: &Tables) -> String {
    format!("pulumi-aws {}", tables.major.number())
}

const UNSAFE_WHY: &str = "the function is updated in place, not replaced, but its code may not run on the newer runtime: test it there first";

fn go_message(date: &str) -> String {
    format!(
        "`{GO}` is a Lambda runtime AWS deprecated on {date} (functions on it can no longer be created or updated): build the Go binary as `bootstrap` for `provided.al2023` (and the `lambda.norpc` build tag), package that, and set `runtime=\"provided.al2023\"`; infra-fix cannot rebuild the binary, so there is no fix"
    )
}

/// `Function(runtime=...)`: the runtime in its place, in its form.
fn one_runtime(cx: &mut Checker, tables: &Tables, written: &Written) {
    let Some(date) = deprecated_on(&written.value) else {
        return;
    };
    if written.value == GO {
        cx.report(written.node, go_message(date), None);
        return;
    }
    let Some(next) = successor(tables, &written.value) else {
        cx.report(
            written.node,
            format!(
                "`{}` is a Lambda runtime AWS deprecated on {date}: functions on it can no longer be created or updated, and {} offers no newer runtime of its language",
                written.value,
                version(tables)
            ),
            None,
        );
        return;
    };
    let newest = if written.value == OS_ONLY.0 {
        "the OS-only runtime on Amazon Linux 2023".to_string()
    } else {
        format!("the newest of its language in {}", version(tables))
    };
    let message = format!(
        "`{}` is a Lambda runtime AWS deprecated on {date}: functions on it can no longer be created or updated; use `{}`, {newest} (unsafe: {UNSAFE_WHY})",
        written.value, next.1
    );
    let fix = Fix::unsafe_(vec![Edit::replace(written.part, written.spelled(&next))]);
    cx.report(written.node, message, Some(fix));
}

/// `LayerVersion(compatible_runtimes=[...])`: each deprecated entry replaced, no entry twice.
fn runtime_list(cx: &mut Checker, tables: &Tables, list: Node) {
    let entries: Vec<Written> = items(list)
        .into_iter()
        .filter_map(|n| Written::read(cx, tables, n))
        .collect();
    // The values the list will hold: the current entries, then each successor once.
    let mut kept: Vec<String> = entries
        .iter()
        .filter(|e| deprecated_on(&e.value).is_none())
        .map(|e| e.value.clone())
        .collect();
    let mut edits = Vec::new();
    let mut doomed = Vec::new();
    let mut replaced = Vec::new();
    for entry in &entries {
        let Some(date) = deprecated_on(&entry.value) else {
            continue;
        };
        if entry.value == GO {
            cx.report(entry.node, go_message(date), None);
            continue;
        }
        let Some(next) = successor(tables, &entry.value) else {
            continue;
        };
        if kept.contains(&next.1) {
            doomed.push(entry.node);
        } else {
            edits.push(Edit::replace(entry.part, entry.spelled(&next)));
            kept.push(next.1.clone());
        }
        replaced.push(format!("`{}` ({date}) -> `{}`", entry.value, next.1));
    }
    if replaced.is_empty() {
        return;
    }
    edits.extend(delete_items(cx.text, list, &doomed));
    let message = format!(
        "Lambda runtimes AWS has deprecated, in `compatible_runtimes`: {}; each becomes the newest of its language in {} (unsafe: a layer version cannot change, so Pulumi publishes a new one and deletes the old, and the layer's code may not run on the newer language version)",
        replaced.join(", "),
        version(tables)
    );
    cx.report(list, message, Some(Fix::unsafe_(edits)));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pulumi::Major;

    #[test]
    fn the_schedule_is_dated_and_ordered_by_its_taking() {
        assert_eq!(deprecated_on("python3.8"), Some("2024-10-14"));
        assert_eq!(deprecated_on("python3.12"), None);
        // Dates are ISO days, so comparing the text compares the days.
        for (runtime, date) in DEPRECATED {
            assert_eq!(date.len(), 10, "{runtime}");
            assert!(*date <= SCHEDULE_TAKEN, "{runtime}");
        }
    }

    #[test]
    fn successors_come_from_the_majors_enum() {
        let six = Tables::get(Major::V6);
        let seven = Tables::get(Major::V7);
        assert_eq!(successor(six, "python3.8").unwrap().1, "python3.13");
        assert_eq!(
            successor(seven, "python3.8").unwrap(),
            ("PYTHON3D14", "python3.14".into())
        );
        assert_eq!(successor(seven, "nodejs16.x").unwrap().1, "nodejs24.x");
        assert_eq!(successor(seven, "nodejs").unwrap().1, "nodejs24.x");
        assert_eq!(successor(six, "dotnetcore3.1").unwrap().1, "dotnet8");
        assert_eq!(successor(seven, "java8").unwrap().1, "java25");
        assert_eq!(successor(seven, "ruby2.7").unwrap().1, "ruby3.4");
        assert_eq!(
            successor(seven, "provided").unwrap(),
            ("CUSTOM_AL2023", "provided.al2023".into())
        );
        assert_eq!(successor(seven, "go1.x"), None);
    }
}
