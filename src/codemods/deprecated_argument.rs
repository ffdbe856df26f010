//! `deprecated-argument`: a keyword the pulumi-aws provider marks deprecated in the project's
//! major version, reported with the provider's own message.

use super::{Checker, Match, codemod, eip_domain_vpc::vpc_true_fix};

pub const CODEMOD: super::Codemod = codemod! {
    id: "deprecated-argument",
    title: "Keyword argument that the pulumi-aws provider deprecates in the project's major version",
    fix: Sometimes,
    matches: any_class,
    check: check,
};

fn check(cx: &mut Checker, m: &Match) {
    let Some(tables) = cx.schema() else { return };
    let Some(resource) = m.schema_construction() else {
        return;
    };
    if resource.has_kwargs_splat() {
        return;
    }
    let Some(class) = tables.class(&resource.type_name) else {
        return;
    };
    for (name, keyword) in resource.keywords(cx.text) {
        let Some(reason) = tables.deprecation(class.key, name) else {
            continue;
        };
        if cx.owned_elsewhere(class.key, name) {
            continue;
        }
        // Fixed only where the replacement is known to be equivalent.
        let fix = match (class.key, name) {
            ("ec2.Eip" | "ec2.EipArgs", "vpc") => vpc_true_fix(cx, &resource, keyword.node),
            _ => None,
        };
        let reason = reason.split_whitespace().collect::<Vec<_>>().join(" ");
        cx.report(
            keyword.node,
            format!(
                "`{name}` of `{}` is deprecated in pulumi-aws {} ({}): {reason}",
                class.key,
                tables.major.number(),
                tables.version
            ),
            fix,
        );
    }
}
