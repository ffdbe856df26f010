//! Arguments that no pulumi-aws major of the tables takes on a class but that programs write
//! (carried over from an older major, from Terraform or CloudFormation), with what takes
//! their place. `unknown-argument` reads this table before it guesses by spelling. The tests
//! check every entry against the tables: the old spelling is rejected, what is written exists.

use super::Major;
use super::upgrade::{self, Rewrite};

/// What takes the place of an argument.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Replacement {
    /// The same setting spelled as the class takes it, written as `upgrade` writes its
    /// changes (`Rename`, `Wrap`, `Unwrap`).
    Rewrite(Rewrite),
    /// The setting belongs to another resource now, declared after this one.
    Split(&'static Split),
    /// An id given where the class takes another output of that resource:
    /// `instance_id=nat.id` -> `network_interface_id=nat.primary_network_interface_id`, when
    /// `nat` holds a resource of class `of`; `why` says why that is the same.
    Output {
        argument: &'static str,
        of: &'static str,
        output: &'static str,
        why: &'static str,
    },
    /// Only the author can write the replacement: what to write.
    Manual(&'static str),
    /// Like `Manual`, with a class of the `pulumi_random` package, which the project may need
    /// to add to its dependencies.
    ManualWithRandom(&'static str),
}

/// Arguments that moved to a resource of their own, declared after the one they were written
/// on and pointing at it.
#[derive(Debug, PartialEq, Eq)]
pub struct Split {
    /// The resource that takes them: `apigateway.Stage`.
    pub into: &'static str,
    /// Added to the old resource's name (`"api" -> "api-stage"`) and, with `_`, to its
    /// variable (`deployment_stage`).
    pub suffix: &'static str,
    /// The new resource's argument that takes the old one's `id`.
    pub reference: &'static str,
    /// Arguments the new resource needs with the same value as the old one: `rest_api`.
    pub shared: &'static [&'static str],
    /// The arguments that move, with their name on the new resource.
    pub moved: &'static [(&'static str, &'static str)],
    /// Outputs the old resource no longer has and the new one has: their readers move too.
    pub outputs: &'static [&'static str],
}

/// `Deployment(stage_name=)`: a stage of its own in 7 (upgrade guide row 23).
pub static DEPLOYMENT_STAGE: Split = Split {
    into: "apigateway.Stage",
    suffix: "stage",
    reference: "deployment",
    shared: &["rest_api"],
    moved: &[
        ("stage_name", "stage_name"),
        ("stage_description", "description"),
    ],
    outputs: &["invoke_url", "execution_arn"],
};

/// `Bucket(block_public_acls=)`: CloudFormation's `PublicAccessBlockConfiguration`, a resource
/// of its own in every pulumi-aws major.
pub static PUBLIC_ACCESS_BLOCK: Split = Split {
    into: "s3.BucketPublicAccessBlock",
    suffix: "public-access-block",
    reference: "bucket",
    shared: &[],
    moved: &[
        ("block_public_acls", "block_public_acls"),
        ("block_public_policy", "block_public_policy"),
        ("ignore_public_acls", "ignore_public_acls"),
        ("restrict_public_buckets", "restrict_public_buckets"),
    ],
    outputs: &[],
};

/// One replaced argument of a class (`ec2.RouteTableRoute` stands for its `*Args` class too).
#[derive(Debug, Clone, Copy)]
pub struct Replaced {
    pub on: &'static str,
    pub argument: &'static str,
    pub replacement: Replacement,
}

const fn replaced(
    on: &'static str,
    argument: &'static str,
    replacement: Replacement,
) -> Replaced {
    Replaced {
        on,
        argument,
        replacement,
    }
}

use Replacement::*;

/// AWS's CreateRoute takes an instance only when exactly one network interface is attached to
/// it, and routes to that interface.
const ROUTE_TO_INSTANCE: Replacement = Output {
    argument: "network_interface_id",
    of: "ec2.Instance",
    output: "primary_network_interface_id",
    why: "a route to an instance goes to its network interface (AWS takes an instance only with exactly one)",
};

pub static REPLACEMENTS: &[Replaced] = &[
    replaced("ec2.Eip", "vpc", Rewrite(Rewrite::EipDomain)),
    replaced("apigateway.Deployment", "stage_name", Split(&DEPLOYMENT_STAGE)),
    replaced(
        "apigateway.Deployment",
        "stage_description",
        Split(&DEPLOYMENT_STAGE),
    ),
    replaced(
        "apigateway.Deployment",
        "canary_settings",
        Manual(
            "canary settings belong to the stage: give the `apigateway.Stage` of this deployment `canary_settings`, with the canary's `deployment_id`",
        ),
    ),
    replaced("ec2.RouteTableRoute", "instance_id", ROUTE_TO_INSTANCE),
    replaced("ec2.Route", "instance_id", ROUTE_TO_INSTANCE),
    replaced(
        "elasticache.ReplicationGroup",
        "number_cache_clusters",
        Rewrite(Rewrite::Rename("num_cache_clusters")),
    ),
    replaced(
        "elasticache.ReplicationGroup",
        "replication_group_description",
        Rewrite(Rewrite::Rename("description")),
    ),
    replaced(
        "elasticache.ReplicationGroup",
        "auth_token_enabled",
        Manual(
            "there is no such switch: AUTH is on when `auth_token=` gives the token (a secret, 16 to 128 characters, with `transit_encryption_enabled=True`); only you can say where the token comes from",
        ),
    ),
    replaced("s3.Bucket", "block_public_acls", Split(&PUBLIC_ACCESS_BLOCK)),
    replaced("s3.Bucket", "block_public_policy", Split(&PUBLIC_ACCESS_BLOCK)),
    replaced("s3.Bucket", "ignore_public_acls", Split(&PUBLIC_ACCESS_BLOCK)),
    replaced(
        "s3.Bucket",
        "restrict_public_buckets",
        Split(&PUBLIC_ACCESS_BLOCK),
    ),
    replaced(
        "secretsmanager.Secret",
        "generate_secret_string",
        ManualWithRandom(
            "Secrets Manager generates no value in pulumi-aws (that is CloudFormation): generate it with a `pulumi_random.RandomPassword` and store its `result` in a `secretsmanager.SecretVersion(secret_id=<secret>.id, secret_string=...)`",
        ),
    ),
    replaced(
        "efs.FileSystem",
        "lifecycle_policy",
        Rewrite(Rewrite::Wrap("lifecycle_policies")),
    ),
];

/// What replaces `argument` of the class `key` (`ec2.RouteTableRouteArgs` finds the entries of
/// `ec2.RouteTableRoute`) on `major`: this table's entry, or on 7 the rewrite `upgrade` makes
/// of a 6 spelling (a program written for 6 but run on 7: `loggings=[...]` on `s3.Bucket`).
pub fn replacement(major: Major, key: &str, argument: &str) -> Option<Replacement> {
    let on = upgrade::changes_key(key);
    REPLACEMENTS
        .iter()
        .find(|r| r.on == on && r.argument == argument)
        .map(|r| r.replacement)
        .or_else(|| {
            upgrade::argument_changes(major, on)
                .find(|c| c.argument == argument)
                .map(|c| Rewrite(c.rewrite))
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pulumi::schema::Class;
    use crate::pulumi::{Major, Tables};

    /// The class an entry names, or its `*Args` class when it has no resource of that name.
    fn class(major: Major, on: &str) -> Class {
        let tables = Tables::get(major);
        tables
            .class(on)
            .or_else(|| tables.class(&format!("{on}Args")))
            .unwrap_or_else(|| panic!("{on} in {major:?}"))
    }

    /// Every entry replaces an argument the class rejects in 7 with arguments it takes, and
    /// where 6 rejects it too, the replacement holds there as well.
    #[test]
    fn every_replacement_writes_what_the_major_takes() {
        for major in Major::ALL {
            let tables = Tables::get(major);
            for entry in REPLACEMENTS {
                let what = format!("{major:?} {} {}", entry.on, entry.argument);
                let class = class(major, entry.on);
                if class.param(entry.argument).is_some() {
                    assert_eq!(major, Major::V6, "{what}: still taken");
                    continue;
                }
                match entry.replacement {
                    Rewrite(Rewrite::Rename(new)) => {
                        assert!(class.param(new).is_some(), "{what}: {new}");
                    }
                    Rewrite(Rewrite::Wrap(new)) => {
                        let param = class.param(new).unwrap_or_else(|| panic!("{what}: {new}"));
                        assert_eq!(param.shape, crate::pulumi::schema::Shape::List, "{what}");
                    }
                    Rewrite(Rewrite::EipDomain) => assert!(class.param("domain").is_some()),
                    Rewrite(other) => panic!("{what}: {other:?} is not used here"),
                    Split(split) => {
                        let into = tables.class(split.into).expect("the new resource");
                        assert!(split.moved.iter().any(|(old, _)| *old == entry.argument));
                        for name in split.shared.iter().chain([&split.reference]) {
                            assert!(into.param(name).is_some(), "{what}: {name}");
                            assert!(
                                *name == split.reference || class.param(name).is_some(),
                                "{what}: shared {name}"
                            );
                        }
                        for (_, new) in split.moved {
                            assert!(into.param(new).is_some(), "{what}: {new}");
                        }
                    }
                    Output { argument, of, .. } => {
                        assert!(class.param(argument).is_some(), "{what}: {argument}");
                        assert!(tables.class(of).is_some(), "{what}: {of}");
                    }
                    Manual(_) | ManualWithRandom(_) => {}
                }
            }
        }
    }
}
