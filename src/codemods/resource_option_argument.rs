//! `resource-option-argument`: a resource option (`depends_on=`, `parent=`, `protect=`, ...)
//! passed as a keyword argument of a `pulumi_aws` resource, where it is a TypeError, instead
//! of in `opts=pulumi.ResourceOptions(...)`; and options that only `ResourceOptions` has given
//! to `pulumi.InvokeOptions`.

use super::{Checker, Match, codemod};
use crate::edit::Fix;
use crate::pulumi::opts::{
    CannotMove, INVOKE_OPTIONS, INVOKE_OUTPUT_OPTIONS, is_resource_option, move_into_options,
};
use crate::pulumi::schema::Kind;
use crate::pulumi::{Keyword, ResourceCall};
use crate::source::fields;
use tree_sitter::Node;

pub const CODEMOD: super::Codemod = codemod! {
    id: "resource-option-argument",
    title: "Resource option (`depends_on`, `parent`, `protect`, ...) passed as an argument of a pulumi-aws resource instead of in `opts`",
    fix: Sometimes,
    severity: Error,
    matches: query[
        "parent=",
        "depends_on=",
        "protect=",
        "provider=",
        "providers=",
        "delete_before_replace=",
        "ignore_changes=",
        "version=",
        "aliases=",
        "additional_secret_outputs=",
        "id=",
        "import_=",
        "custom_timeouts=",
        "transformations=",
        "transforms=",
        "hooks=",
        "urn=",
        "replace_on_changes=",
        "replacement_trigger=",
        "plugin_download_url=",
        "retain_on_delete=",
        "deleted_with=",
        "replace_with=",
        "hide_diffs=",
        "env_var_mappings=",
        "state_migrations=",
        "depends_on_=",
    ],
    check: check,
};

/// Misspellings of an option seen in generated programs, and the option they stand for.
const MISSPELLED: &[(&str, &str)] = &[("depends_on_", "depends_on")];

/// Options whose name is also a plausible resource argument, with what they do as options:
/// moved, they would mean something the author may not have meant.
const AMBIGUOUS: &[(&str, &str)] = &[
    ("version", "pins the version of the provider plugin"),
    ("id", "reads an existing resource instead of creating one"),
    ("urn", "reads an existing resource instead of creating one"),
];

/// The option `name` stands for, when it stands for one.
fn option_name(name: &str) -> Option<&str> {
    if is_resource_option(name) {
        return Some(name);
    }
    MISSPELLED
        .iter()
        .find(|(wrong, _)| *wrong == name)
        .map(|(_, right)| *right)
}

fn check<'t>(cx: &mut Checker<'_, 't>, m: &Match<'_, 't>) {
    let Some(argument) = m.node("argument") else {
        return;
    };
    let Some(call) = cx
        .parent(argument)
        .filter(|a| a.kind() == "argument_list")
        .and_then(|a| cx.parent(a))
        .filter(|c| c.kind() == "call")
    else {
        return;
    };
    let Some(function) = call.child_by_field_id(fields().function) else {
        return;
    };
    match cx.imports.resolve(function, cx.text).as_deref() {
        Some("pulumi.InvokeOptions") => {
            return invoke_option(cx, argument, "InvokeOptions", INVOKE_OPTIONS);
        }
        Some("pulumi.InvokeOutputOptions") => {
            return invoke_option(cx, argument, "InvokeOutputOptions", INVOKE_OUTPUT_OPTIONS);
        }
        _ => {}
    }
    let Some(tables) = cx.schema() else { return };
    let Some(resource) = ResourceCall::resolve_key(call, cx.imports, cx.text) else {
        return;
    };
    let Some(class) = tables.class(&resource.type_name) else {
        return;
    };
    // `*Args` classes take no options at all: a keyword there is unknown-argument's.
    if class.kind != Kind::Resource {
        return;
    }
    // The call's options the class does not accept itself (a real field is never moved).
    let options: Vec<(&str, &str, Keyword)> = resource
        .keywords(cx.text)
        .filter(|(name, _)| class.param(name).is_none())
        .filter_map(|(name, k)| Some((name, option_name(name)?, k)))
        .collect();
    // One finding per call for the options that move, made at the first of them; one each
    // for the names whose meaning as an option is not certain.
    let Some(&(written, option, _)) = options.iter().find(|(_, _, k)| k.node == argument) else {
        return;
    };
    if let Some((_, meaning)) = AMBIGUOUS.iter().find(|(o, _)| *o == option) {
        let message = format!(
            "`{}` takes no argument `{written}`: the program fails with TypeError; as a resource option (`opts=pulumi.ResourceOptions({option}=...)`) it {meaning}: move it there if that is what you meant, else remove it",
            class.key
        );
        return cx.report(argument, message, None);
    }
    let moved: Vec<(&str, Keyword)> = options
        .iter()
        .filter(|(_, o, _)| !AMBIGUOUS.iter().any(|(a, _)| a == o))
        .map(|&(_, option, k)| (option, k))
        .collect();
    if moved.first().is_none_or(|(_, k)| k.node != argument) {
        return;
    }
    report_moved(cx, &resource, class.key, &options, &moved, argument);
}

fn report_moved(
    cx: &mut Checker,
    resource: &ResourceCall,
    key: &str,
    options: &[(&str, &str, Keyword)],
    moved: &[(&str, Keyword)],
    argument: Node,
) {
    let names: Vec<String> = options
        .iter()
        .filter(|(_, o, k)| moved.iter().any(|(m, mk)| m == o && mk.node == k.node))
        .map(|(written, option, _)| {
            if written == option {
                format!("`{option}`")
            } else {
                format!("`{written}` (`{option}`)")
            }
        })
        .collect();
    let (what, them) = if names.len() == 1 {
        (
            format!("{} is a resource option, not an argument", names[0]),
            "it",
        )
    } else {
        (
            format!("{} are resource options, not arguments", names.join(", ")),
            "them",
        )
    };
    // Beside an `*Args` object the SDK reads only `opts` from the keywords: the options are
    // dropped silently, and moving them makes them take effect.
    let ignored = resource
        .written_arguments(cx.imports, cx.text)
        .is_some_and(|args| args.node != resource.node);
    let effect = if ignored {
        "beside the `*Args` object the SDK ignores every keyword but `opts`: the option has no effect"
    } else {
        "the program fails with TypeError"
    };
    let edits = move_into_options(
        cx.text,
        cx.tree,
        cx.imports,
        cx.symbols(),
        resource,
        moved,
        cx.style(),
    );
    let (advice, fix) = match edits {
        Ok(edits) if ignored => (
            format!("move {them} into `opts=`"),
            Some(Fix::unsafe_(edits)),
        ),
        Ok(edits) => (format!("move {them} into `opts=`"), Some(Fix::safe(edits))),
        Err(CannotMove::GivenTwice(option)) => (
            format!("`opts` already sets `{option}`: keep one of them"),
            None,
        ),
        Err(CannotMove::Unreadable) => (
            format!("move {them} into `opts=` by hand (the call's options cannot be read here)"),
            None,
        ),
    };
    let message = format!("{what} of `{key}`: {effect}; {advice}");
    cx.report(argument, message, fix);
}

/// A keyword of `pulumi.InvokeOptions(...)` / `InvokeOutputOptions(...)` that only
/// `ResourceOptions` takes: a TypeError. Reported without a fix: `depends_on` needs the
/// function's `_output` form, which returns an Output instead of a plain result.
fn invoke_option(cx: &mut Checker, argument: Node, class: &str, accepted: &[&str]) {
    let Some(name) = argument.child_by_field_id(fields().name).map(|n| cx.src(n)) else {
        return;
    };
    if accepted.contains(&name) || !is_resource_option(name) {
        return;
    }
    let mut message = format!(
        "`pulumi.{class}` takes no `{name}` (only `ResourceOptions` does): the program fails with TypeError"
    );
    if name == "depends_on" && class == "InvokeOptions" {
        message.push_str(
            "; the function's `_output` form takes `pulumi.InvokeOutputOptions(depends_on=...)` and returns an Output",
        );
    } else {
        message.push_str("; remove it");
    }
    cx.report(argument, message, None);
}

/// True when this rule, running, reports keyword `name` of `class`: `unknown-argument` then
/// leaves it alone, so that one argument makes one finding.
pub(super) fn owns(cx: &Checker, class: &crate::pulumi::schema::Class, name: &str) -> bool {
    class.kind == Kind::Resource
        && option_name(name).is_some()
        && cx.settings().rules.runs(CODEMOD.id)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pulumi::opts::RESOURCE_OPTIONS;

    /// The query's `#any-of?` list and the trigger words are written out (the macro and the
    /// query file want literals): they must name every option and misspelling, and nothing
    /// else.
    #[test]
    fn triggers_and_query_name_every_option() {
        let mut expected: Vec<&str> = RESOURCE_OPTIONS.to_vec();
        expected.extend(MISSPELLED.iter().map(|(wrong, _)| *wrong));
        expected.sort_unstable();
        let super::super::Pattern::Query { source, triggers } = CODEMOD.pattern else {
            panic!("a query codemod");
        };
        // Each written as a keyword argument (`depends_on=`).
        let mut triggers: Vec<&str> = triggers
            .iter()
            .map(|t| t.strip_suffix('=').expect("a keyword trigger"))
            .collect();
        triggers.sort_unstable();
        assert_eq!(triggers, expected);
        let mut quoted: Vec<&str> = source
            .split('"')
            .skip(1)
            .step_by(2)
            .filter(|w| !w.contains(' '))
            .collect();
        quoted.sort_unstable();
        assert_eq!(quoted, expected);
    }
}
