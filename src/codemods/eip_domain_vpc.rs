//! `eip-domain-vpc`: `aws.ec2.Eip(vpc=True)` -> `domain="vpc"` (catalog issue 1).

use super::{Checker, Match, codemod};
use crate::edit::{Edit, Fix, delete_item};
use crate::pulumi::ResourceCall;
use crate::pulumi::literal::{bool_value, string_value};
use crate::source::fields;
use tree_sitter::Node;

pub const CODEMOD: super::Codemod = codemod! {
    id: "eip-domain-vpc",
    title: "`Eip(vpc=True)` is deprecated in pulumi-aws 6 and a TypeError in 7; use `domain=\"vpc\"`",
    fix: Safe,
    matches: classes["ec2.Eip", "ec2.EipArgs"],
    check: check,
};

fn check(cx: &mut Checker, m: &Match) {
    let Some(eip) = m.construction(&["ec2.Eip", "ec2.EipArgs"]) else {
        return;
    };
    let Some(argument) = eip.keyword("vpc", cx.text).map(|k| k.node) else {
        return;
    };
    // In pulumi-aws 7 the argument no longer exists: `unknown-argument` reports it, when it runs.
    if cx.owned_elsewhere(&eip.type_name, "vpc") {
        return;
    }
    let Some(value) = argument.child_by_field_id(fields().value) else {
        return;
    };
    match bool_value(value) {
        Some(true) => {
            let fix = vpc_true_fix(cx, &eip, argument);
            let message = if fix.is_some() {
                "`vpc=True` is deprecated in pulumi-aws 6 and removed in 7 (TypeError); use `domain=\"vpc\"`"
            } else {
                "`vpc=True` is deprecated in pulumi-aws 6 and removed in 7 (TypeError), and `domain` is already set to another value: remove one of them"
            };
            cx.report(argument, message, fix);
        }
        Some(false) => cx.report(
            argument,
            "`vpc=False` asks for an EC2-Classic address, a retired platform, and is a TypeError in pulumi-aws 7: remove it or use `domain=\"vpc\"`",
            None,
        ),
        None => cx.report(
            argument,
            "`vpc` is deprecated in pulumi-aws 6 and removed in 7 (TypeError); its value is not a literal, so replace it with `domain=\"vpc\"` by hand",
            None,
        ),
    }
}

/// The fix for `vpc=True` on an `Eip` or `EipArgs` call (shared with the schema rules):
/// `domain="vpc"`, or dropping `vpc` when `domain="vpc"` is already there. `None` for any other
/// value, and when `domain` says something else: the call contradicts itself; a human decides.
pub(super) fn vpc_true_fix(cx: &Checker, eip: &ResourceCall, argument: Node) -> Option<Fix> {
    let value = argument.child_by_field_id(fields().value)?;
    if bool_value(value) != Some(true) {
        return None;
    }
    match eip.keyword("domain", cx.text) {
        None => Some(Fix::safe(vec![Edit::replace(
            argument,
            format!("domain={}", cx.style().string("vpc")),
        )])),
        Some(domain) if string_value(domain.value, cx.text) == Some("vpc") => {
            Some(Fix::safe(vec![delete_item(cx.text, argument)]))
        }
        Some(_) => None,
    }
}
