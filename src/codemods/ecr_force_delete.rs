//! `ecr-force-delete`: `aws.ecr.Repository` without `force_delete` (catalog issue 6).

use super::{Checker, Match, codemod};
use crate::edit::{Fix, append_items};
use crate::pulumi::ResourceCall;

pub const CODEMOD: super::Codemod = codemod! {
    id: "ecr-force-delete",
    title: "ECR repository without `force_delete`: `pulumi destroy` fails once it holds images",
    fix: Unsafe,
    check: check,
};

fn check(cx: &mut Checker, m: &Match) {
    let Some(call) = m.node("call") else { return };
    let Some(repo) = cx.resource_call(call, &["ecr.Repository"]) else {
        return;
    };
    let Some(args) = written_arguments(cx, &repo, "ecr.RepositoryArgs") else {
        return;
    };
    if args.keyword("force_delete", cx.text).is_some() || args.has_kwargs_splat() {
        return;
    }
    let mut added = Vec::new();
    if args.keyword("image_tag_mutability", cx.text).is_none() {
        added.push(format!(
            "image_tag_mutability={}",
            cx.style().string("MUTABLE")
        ));
    }
    added.push("force_delete=True".to_string());
    let fix = Fix::unsafe_(vec![append_items(
        cx.text,
        args.arguments,
        &added,
        cx.style(),
    )]);
    cx.report(
        call,
        "ECR repository without `force_delete=True`: deleting or replacing it fails with RepositoryNotEmptyException once it holds images",
        Some(fix),
    );
}

/// The call whose keywords the SDK reads: the resource call itself, or the `<args_type>(...)`
/// object passed as `args=` or as the second positional argument (the SDK then ignores every
/// keyword beside it). `None` when they come from something we cannot read (a variable, `*a`).
fn written_arguments<'t>(
    cx: &Checker<'_, 't>,
    resource: &ResourceCall<'t>,
    args_type: &str,
) -> Option<ResourceCall<'t>> {
    if resource.has_kwargs_splat() {
        return None;
    }
    let mut cursor = resource.arguments.walk();
    let children: Vec<_> = resource.arguments.named_children(&mut cursor).collect();
    if children.iter().any(|n| n.kind() == "list_splat") {
        return None;
    }
    let positional = children
        .iter()
        .filter(|n| !matches!(n.kind(), "keyword_argument" | "comment"))
        .nth(1)
        .copied();
    let Some(object) = positional.or_else(|| resource.keyword("args", cx.text).map(|k| k.value))
    else {
        return Some(resource.clone());
    };
    if let Some(args) = cx.resource_call(object, &[args_type]) {
        return Some(args);
    }
    // A second positional `pulumi.ResourceOptions(...)` is the options, not the arguments.
    let is_options = object.kind() == "call"
        && object
            .child_by_field_name("function")
            .and_then(|f| cx.imports.resolve(f, cx.text))
            .is_some_and(|p| p == "pulumi.ResourceOptions");
    is_options.then(|| resource.clone())
}
