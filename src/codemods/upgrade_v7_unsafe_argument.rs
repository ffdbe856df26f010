//! `upgrade-v7-unsafe-argument`: under `infra-fix upgrade --to 7`, arguments pulumi-aws 7
//! removed or rejects where the rewrite touches what happens to the resource, not only its
//! spelling: `apigateway.Account(reset_on_delete=)` (row 22) and `rds.Instance(
//! character_set_name=)` beside a restore or replica source (row 31).

use super::{Checker, Match, codemod};
use crate::edit::{Fix, delete_item};
use crate::pulumi::literal::bool_value;
use crate::pulumi::opts::{CannotMove, replace_with_option};
use crate::pulumi::upgrade::{
    V7_ACCOUNT_RESET_ON_DELETE, V7_RDS_CHARACTER_SET, V7_RDS_CHARACTER_SET_SOURCES,
    V7_SSM_ASSOCIATION_INSTANCE_ID, changes_key,
};
use crate::pulumi::{Keyword, ResourceCall};

pub const CODEMOD: super::Codemod = codemod! {
    id: "upgrade-v7-unsafe-argument",
    title: "Argument pulumi-aws 7 removed or rejects, whose rewrite touches what happens to the resource (upgrade --to 7)",
    fix: Unsafe,
    upgrade: V7,
    matches: classes[
        "apigateway.Account",
        "apigateway.AccountArgs",
        "rds.Instance",
        "rds.InstanceArgs",
        "ssm.Association",
        "ssm.AssociationArgs",
    ],
    check: check,
};

fn check(cx: &mut Checker, m: &Match) {
    let Some(call) = m.schema_construction() else {
        return;
    };
    match changes_key(&call.type_name) {
        "apigateway.Account" => account(cx, &call),
        "rds.Instance" => character_set(cx, &call),
        "ssm.Association" => association_targets(cx, &call),
        _ => {}
    }
}

/// Row 22: `reset_on_delete=True` is what 7 always does; `False` (6's default) is kept by the
/// `retain_on_delete` option.
fn account(cx: &mut Checker, call: &ResourceCall) {
    let (class, argument) = V7_ACCOUNT_RESET_ON_DELETE;
    // Left out, 6 kept the settings too, but such a call cannot be told from one whose
    // `True` was just deleted: it is left alone (the docs say so).
    let Some(keyword) = call.keyword(argument, cx.text) else {
        return;
    };
    let head = format!(
        "pulumi-aws 7: `{argument}` of `{class}` is removed (upgrade guide row 22): destroying the resource now always resets the account's API Gateway settings, where 6 kept them unless it was `True`"
    );
    let (tail, fix) = match bool_value(keyword.value) {
        Some(true) => (
            "; it was `True`, so delete it".to_string(),
            Some(vec![delete_item(cx.text, keyword.node)]),
        ),
        Some(false) => retain(cx, call, keyword),
        None => (
            "; its value is not written here: delete it, and if it could be false add `retain_on_delete=True` to the resource's options".to_string(),
            None,
        ),
    };
    cx.report(keyword.node, format!("{head}{tail}"), fix.map(Fix::unsafe_));
}

/// `reset_on_delete=False` -> `opts=ResourceOptions(retain_on_delete=True)`.
fn retain(
    cx: &Checker,
    call: &ResourceCall,
    keyword: Keyword,
) -> (String, Option<Vec<crate::edit::Edit>>) {
    let edits = if changes_key(&call.type_name) == call.type_name {
        replace_with_option(
            cx.text,
            cx.tree,
            cx.imports,
            cx.symbols(),
            call,
            keyword,
            ("retain_on_delete", "True"),
            cx.style(),
        )
    } else {
        // `AccountArgs(...)`: the options belong to the resource, written elsewhere.
        Err(CannotMove::Unreadable)
    };
    match edits {
        Ok(edits) => (
            "; it was `False`: the resource option `retain_on_delete=True` keeps the settings when the resource goes, as 6 did".to_string(),
            Some(edits),
        ),
        Err(_) => (
            "; it was `False`: delete it and add `retain_on_delete=True` to the resource's options to keep the settings when the resource goes, as 6 did (its options cannot be edited here)".to_string(),
            None,
        ),
    }
}

/// Row 31: `character_set_name` beside a source the database takes its character set from.
fn character_set(cx: &mut Checker, call: &ResourceCall) {
    let (class, argument) = V7_RDS_CHARACTER_SET;
    let Some(keyword) = call.keyword(argument, cx.text) else {
        return;
    };
    let Some(source) = V7_RDS_CHARACTER_SET_SOURCES
        .iter()
        .find(|s| call.keyword(s, cx.text).is_some())
    else {
        return;
    };
    let message = format!(
        "pulumi-aws 7 rejects `{argument}` of `{class}` beside `{source}` (upgrade guide row 31): the database takes its source's character set, so delete it; a changed `{argument}` replaces the database, so check that the preview after the upgrade shows no replace"
    );
    let fix = Fix::unsafe_(vec![delete_item(cx.text, keyword.node)]);
    cx.report(keyword.node, message, Some(fix));
}

/// Row 48: `instance_id=X` -> `targets=[{"key": "InstanceIds", "values": [X]}]`, where the call
/// has no `targets` already.
fn association_targets(cx: &mut Checker, call: &ResourceCall) {
    let (class, argument) = V7_SSM_ASSOCIATION_INSTANCE_ID;
    let Some(keyword) = call.keyword(argument, cx.text) else {
        return;
    };
    let head = format!(
        "pulumi-aws 7: `{argument}` of `{class}` is removed (upgrade guide row 48); 6 documents `targets` with the key `InstanceIds` as its replacement"
    );
    if call.keyword("targets", cx.text).is_some() {
        let message = format!("{head}; `targets` is set too: merge them by hand");
        cx.report(keyword.node, message, None);
        return;
    }
    let style = cx.style();
    let target = format!(
        "targets=[{{{}: {}, {}: [{}]}}]",
        style.string("key"),
        style.string("InstanceIds"),
        style.string("values"),
        cx.src(keyword.value)
    );
    let message = format!(
        "{head}; unsafe, as the state may hold the association under `{argument}`: check that the preview after the upgrade shows no replace, which would run its document again"
    );
    let fix = Fix::unsafe_(vec![crate::edit::Edit::replace(keyword.node, target)]);
    cx.report(keyword.node, message, Some(fix));
}
