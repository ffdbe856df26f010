//! `upgrade-v7-function`: under `infra-fix upgrade --to 7`, the arguments of pulumi-aws
//! data-source functions that 7 renamed or removed, and the renamed attributes of their
//! results read straight off the call (`aws.get_region().name` -> `.region`).

use super::upgrade_v7_argument::rewrite_argument;
use super::{Checker, Match, codemod};
use crate::edit::{Edit, Fix};
use crate::pulumi::upgrade::{self, V7_NESTED_ARGUMENTS, V7_RESULT_ATTRIBUTES};
use crate::pulumi::{Major, ResourceCall};
use crate::source::fields;

pub const CODEMOD: super::Codemod = codemod! {
    id: "upgrade-v7-function",
    title: "Data-source argument or result attribute that pulumi-aws 7 renamed or removed (upgrade --to 7)",
    fix: Safe,
    upgrade: V7,
    matches: query["get_region",
        "get_region_output",
        "get_compute_environment",
        "get_compute_environment_output",
        "get_accelerator",
        "get_accelerator_output",
        "get_templates",
        "get_templates_output",
        "get_bucket",
        "get_bucket_output",
        "get_group",
        "get_group_output",
        "get_user",
        "get_user_output",
        "get_data_set",
        "get_data_set_output",
        "get_service",
        "get_service_output",],
    check: check,
};

fn check(cx: &mut Checker, m: &Match) {
    let Some(call) = m.node("call") else { return };
    let Some(function) = call.child_by_field_id(fields().function) else {
        return;
    };
    let Some(path) = cx.imports.resolve(function, cx.text) else {
        return;
    };
    let Some(key) = path.strip_prefix("pulumi_aws.") else {
        return;
    };
    let key = key.strip_suffix("_output").unwrap_or(key).to_string();
    let Some(call) = ResourceCall::with_type(call, key.clone()) else {
        return;
    };
    for change in upgrade::argument_changes(Major::V7, &key) {
        if let Some(keyword) = call.keyword(change.argument, cx.text) {
            rewrite_argument(cx, &call, &key, change, keyword);
        }
    }
    for &(_, old, new, key_in_new, row) in V7_NESTED_ARGUMENTS.iter().filter(|a| a.0 == key) {
        let Some(keyword) = call.keyword(old, cx.text) else {
            continue;
        };
        // A dictionary written out is the nested object as it stands; anything else (an
        // `*Args` object of the old type, a variable) is changed by hand.
        let fix = (keyword.value.kind() == "dictionary" && call.keyword(new, cx.text).is_none())
            .then(|| {
                let text = format!(
                    "{new}={{{}: {}}}",
                    cx.style().string(key_in_new),
                    cx.src(keyword.value)
                );
                Fix::safe(vec![Edit {
                    start: keyword.node.start_byte(),
                    end: keyword.value.end_byte(),
                    text,
                }])
            });
        let hint = if fix.is_some() {
            ""
        } else {
            "; the source does not spell the filter out as a dictionary: change it by hand"
        };
        let message = format!(
            "pulumi-aws 7: `{old}` of `{key}` is removed; the same lookup is `{new}={{\"{key_in_new}\": {{...}}}}` (upgrade guide row {row}){hint}"
        );
        cx.report(keyword.node, message, fix);
    }
    // `aws.get_region().name`: the attribute read off the call's result.
    let Some(read) = call.node.parent().filter(|p| p.kind() == "attribute") else {
        return;
    };
    let Some(attribute) = read.child_by_field_id(fields().attribute) else {
        return;
    };
    let name = cx.src(attribute);
    if let Some(&(_, old, new, row)) = V7_RESULT_ATTRIBUTES
        .iter()
        .find(|(f, old, _, _)| *f == key && *old == name)
    {
        let message = format!(
            "pulumi-aws 7: what the `{old}` of `{key}`'s result was on 6 is `{new}` (upgrade guide row {row})"
        );
        cx.report(
            read,
            message,
            Some(Fix::safe(vec![Edit::replace(attribute, new)])),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The trigger words and the query's list are the functions the change table names.
    #[test]
    fn triggers_and_query_name_the_functions_of_the_table() {
        let mut expected: Vec<String> = upgrade::V7_ARGUMENTS
            .iter()
            .map(|c| c.on)
            .chain(V7_RESULT_ATTRIBUTES.iter().map(|a| a.0))
            .chain(V7_NESTED_ARGUMENTS.iter().map(|a| a.0))
            .filter(|on| !on.contains(|c: char| c.is_ascii_uppercase()))
            .map(|on| on.rsplit('.').next().unwrap())
            .flat_map(|f| [f.to_string(), format!("{f}_output")])
            .collect();
        expected.sort();
        expected.dedup();
        let super::super::Pattern::Query { source, triggers } = CODEMOD.pattern else {
            panic!("a query codemod");
        };
        let mut words: Vec<String> = triggers.iter().map(|t| t.to_string()).collect();
        words.sort();
        assert_eq!(words, expected);
        for trigger in triggers {
            assert!(source.contains(&format!("\"{trigger}\"")), "{trigger}");
        }
    }
}
