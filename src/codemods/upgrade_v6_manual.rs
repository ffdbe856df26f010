//! `upgrade-v6-manual`: under `infra-fix upgrade --to 6`, what pulumi-aws 6 removed from a 5
//! program where only a person can take the next step: the EC2-Classic security groups and
//! the Macie Classic resources (`pulumi::upgrade::V6_REMOVED_CLASSES`), and the EC2-Classic
//! arguments of classes 6 kept (`V6_MANUAL_ARGUMENTS`). The code is left alone and the
//! finding says that step.

use super::{Checker, Match, codemod};
use crate::pulumi::ResourceCall;
use crate::pulumi::upgrade::{V6_MANUAL_ARGUMENTS, V6_OUT_OF_STATE, changes_key, v6_removed_class};

pub const CODEMOD: super::Codemod = codemod! {
    id: "upgrade-v6-manual",
    title: "What pulumi-aws 6 removed where the next step needs a person (upgrade --to 6)",
    fix: None,
    upgrade: V6,
    matches: query[
        "SecurityGroup",
        "SecurityGroupArgs",
        "SecurityGroupIngressArgs",
        "MemberAccountAssociation",
        "MemberAccountAssociationArgs",
        "S3BucketAssociation",
        "S3BucketAssociationArgs",
        "S3BucketAssociationClassificationTypeArgs",
        "Vpc",
        "VpcArgs",
        "DefaultVpc",
        "DefaultVpcArgs",
        "LaunchConfiguration",
        "LaunchConfigurationArgs",
        "Cluster",
        "ClusterArgs",
        "Instance",
        "InstanceArgs",
    ],
    check: check,
};

fn check(cx: &mut Checker, m: &Match) {
    let Some(node) = m.node("call") else { return };
    let Some(function) = node.child_by_field_name("function") else {
        return;
    };
    let Some(path) = cx.imports.resolve(function, cx.text) else {
        return;
    };
    let Some(key) = path.strip_prefix("pulumi_aws.") else {
        return;
    };
    if let Some((class, what)) = v6_removed_class(key) {
        let message = if key == *class {
            format!(
                "pulumi-aws 6 removed `{class}`, {what}; {V6_OUT_OF_STATE} (deleting the code alone makes `pulumi up` ask pulumi-aws 6 to delete a type it does not know)"
            )
        } else {
            format!(
                "pulumi-aws 6 removed `{key}` with `{class}`, {what}; {V6_OUT_OF_STATE} with the `{class}`"
            )
        };
        cx.report(function, message, None);
        return;
    }
    let Some(call) = ResourceCall::with_type(node, key.to_string()) else {
        return;
    };
    let on = changes_key(key);
    for &(_, argument, step) in V6_MANUAL_ARGUMENTS.iter().filter(|(c, ..)| *c == on) {
        if let Some(keyword) = call.keyword(argument, cx.text) {
            let message = format!("pulumi-aws 6 removed `{argument}` of `{on}`: {step}");
            cx.report(keyword.node, message, None);
        }
    }
}
