//! `upgrade-v6-manual`: under `infra-fix upgrade --to 6`, what pulumi-aws 6 removed from a 5
//! program where only a person can take the next step: the EC2-Classic security groups and
//! the Macie Classic resources (`pulumi::upgrade::V6_REMOVED_CLASSES`), the EC2-Classic
//! arguments of classes 6 kept (`V6_MANUAL_ARGUMENTS`), and any other argument 6's class does
//! not take. The code is left alone and the finding says the next step.

use super::unknown_argument::closest;
use super::{Checker, Match, codemod};
use crate::pulumi::upgrade::{
    V6_MANUAL_ARGUMENTS, V6_OUT_OF_STATE, V6_RENAMED_ARGUMENTS, V6_REPLACED_ARGUMENTS, changes_key,
    v6_removed_class,
};
use crate::pulumi::{Major, ResourceCall, Tables};
use crate::source::fields;

pub const CODEMOD: super::Codemod = codemod! {
    id: "upgrade-v6-manual",
    title: "What pulumi-aws 6 removed where the next step needs a person (upgrade --to 6)",
    fix: None,
    upgrade: V6,
    matches: any_class,
    check: check,
};

fn check(cx: &mut Checker, m: &Match) {
    let Some(call) = m.schema_construction() else {
        return;
    };
    let key = call.type_name.clone();
    let callee = call
        .node
        .child_by_field_id(fields().function)
        .unwrap_or(call.node);
    if let Some((class, what)) = v6_removed_class(&key) {
        let message = if key == *class {
            format!(
                "pulumi-aws 6 removed `{class}`, {what}; {V6_OUT_OF_STATE} (deleting the code alone makes `pulumi up` ask pulumi-aws 6 to delete a type it does not know)"
            )
        } else {
            format!(
                "pulumi-aws 6 removed `{key}` with `{class}`, {what}; {V6_OUT_OF_STATE} with the `{class}`"
            )
        };
        cx.report(callee, message, None);
        return;
    }
    let on = changes_key(&key);
    for &(_, argument, step) in V6_MANUAL_ARGUMENTS.iter().filter(|(c, ..)| *c == on) {
        if let Some(keyword) = call.keyword(argument, cx.text) {
            let message = format!("pulumi-aws 6 removed `{argument}` of `{on}`: {step}");
            cx.report(keyword.node, message, None);
        }
    }
    not_taken(cx, &call, &key);
}

/// Any other keyword 6's class does not take (5 took it, or the program was wrong already):
/// on 6 it is a `TypeError`. A class 6 lacks is `upgrade-v6-rename`'s or reported above.
fn not_taken(cx: &mut Checker, call: &ResourceCall, key: &str) {
    let six = Tables::get(Major::V6);
    let Some(class) = six.class(key) else { return };
    if call.has_kwargs_splat() {
        return;
    }
    let on = changes_key(key);
    let handled = |name: &str| {
        V6_RENAMED_ARGUMENTS
            .iter()
            .any(|(c, a, _)| *c == on && *a == name)
            || V6_REPLACED_ARGUMENTS
                .iter()
                .any(|(c, a)| *c == on && *a == name)
            || V6_MANUAL_ARGUMENTS
                .iter()
                .any(|(c, a, _)| *c == on && *a == name)
    };
    let unknown: Vec<_> = call
        .keywords(cx.text)
        .filter(|(name, _)| class.param(name).is_none() && !handled(name))
        .map(|(name, keyword)| (name.to_string(), keyword))
        .collect();
    for (name, keyword) in unknown {
        let hint = closest(&name, class.params().map(|p| p.name))
            .map(|near| format!("; the nearest argument 6 takes is `{near}`: check that it means the same before using it"))
            .unwrap_or_default();
        let message = format!(
            "pulumi-aws 6 ({}) takes no argument `{name}` on `{on}`: the program fails with TypeError on 6; write what 6 takes for it by hand{hint}",
            six.version
        );
        cx.report(keyword.node, message, None);
    }
}
