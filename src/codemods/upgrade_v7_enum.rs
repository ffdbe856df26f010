//! `upgrade-v7-enum`: under `infra-fix upgrade --to 7`, members of pulumi-aws enums that 7
//! dropped (row 50): renamed to the 7 member of the same value, or, where 7 has none, written
//! as that value, which is what the program sent.

use super::{Checker, Match, codemod};
use crate::edit::{Edit, Fix};
use crate::pulumi::upgrade::v7_removed_enum_member;
use crate::source::fields;

pub const CODEMOD: super::Codemod = codemod! {
    id: "upgrade-v7-enum",
    title: "Enum member that pulumi-aws 7 dropped (upgrade --to 7)",
    fix: Safe,
    upgrade: V7,
    matches: query["InstanceType", "ManagedPolicy"],
    check: check,
};

fn check(cx: &mut Checker, m: &Match) {
    let (Some(read), Some(member)) = (m.node("read"), m.node("member")) else {
        return;
    };
    let Some(object) = read.child_by_field_id(fields().object) else {
        return;
    };
    let Some(path) = cx.imports.resolve(object, cx.text) else {
        return;
    };
    let Some(class) = path.strip_prefix("pulumi_aws.") else {
        return;
    };
    let name = cx.src(member);
    let Some((value, renamed)) = v7_removed_enum_member(class, name) else {
        return;
    };
    let (message, edit) = match renamed {
        Some(new) => (
            format!(
                "pulumi-aws 7: `{class}.{name}` is `{class}.{new}`, the same value (upgrade guide row 50)"
            ),
            Edit::replace(member, new),
        ),
        None => (
            format!(
                "pulumi-aws 7: `{class}` has no member `{name}` any more, nor one of its value (upgrade guide row 50); the value it stood for is written out, `{value}`, so the program sends the same; AWS may have retired it: check that it still exists"
            ),
            Edit::replace(read, cx.style().string(value)),
        ),
    };
    cx.report(read, message, Some(Fix::safe(vec![edit])));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pulumi::upgrade::v7_enums_with_removed_members;

    /// The trigger words are the classes of the data, and the query names each.
    #[test]
    fn triggers_are_the_enums_with_removed_members() {
        let super::super::Pattern::Query { source, triggers } = CODEMOD.pattern else {
            panic!("a query codemod");
        };
        let classes: Vec<&str> = v7_enums_with_removed_members()
            .iter()
            .map(|c| c.rsplit('.').next().unwrap())
            .collect();
        assert_eq!(triggers.to_vec(), classes);
        for trigger in triggers {
            assert!(source.contains(&format!("\"{trigger}\"")), "{trigger}");
        }
        assert_eq!(
            v7_removed_enum_member("ec2.InstanceType", "C7A_METAL"),
            Some(("c7a.metal-48xl", Some("C7A_METAL_48XL")))
        );
    }
}
