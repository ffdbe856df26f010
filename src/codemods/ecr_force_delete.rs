//! `ecr-force-delete`: `aws.ecr.Repository` without `force_delete` (catalog issue 6).

use super::options::{OptionKind, RuleOption};
use super::{Checker, Match, codemod};
use crate::edit::Fix;
use crate::pulumi::append_arguments;

pub const CODEMOD: super::Codemod = codemod! {
    id: "ecr-force-delete",
    title: "ECR repository without `force_delete`: `pulumi destroy` fails once it holds images",
    fix: Unsafe,
    matches: classes["ecr.Repository"],
    options: [IMAGE_TAG_MUTABILITY],
    check: check,
};

/// Written beside `force_delete`: `MUTABLE`, the AWS default, made explicit.
const IMAGE_TAG_MUTABILITY: RuleOption = RuleOption {
    name: "image-tag-mutability",
    kind: OptionKind::OneOf {
        values: &["MUTABLE", "IMMUTABLE"],
        default: "MUTABLE",
    },
};

fn check(cx: &mut Checker, m: &Match) {
    let Some(call) = m.node("call") else { return };
    let Some(repo) = m.construction(&["ecr.Repository"]) else {
        return;
    };
    let Some(args) = repo.written_arguments(cx.imports, cx.text) else {
        return;
    };
    if args.keyword("force_delete", cx.text).is_some() || args.has_kwargs_splat() {
        return;
    }
    let mut added = Vec::new();
    if args.keyword("image_tag_mutability", cx.text).is_none() {
        let mutability = cx.options().choice(&IMAGE_TAG_MUTABILITY);
        added.push(format!(
            "image_tag_mutability={}",
            cx.style().string(mutability)
        ));
    }
    added.push("force_delete=True".to_string());
    let fix = Fix::unsafe_(vec![append_arguments(
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
