//! What an IAM policy document of the program is for: the resource it is given to, the roles
//! that resource puts it on, the resources that use those roles, and what they reference. A
//! resource of the program is *tied* to the policy when the policy itself, a user of its role,
//! or a resource linked to such a user references it: only such a resource may be the one a
//! `"Resource": "*"` means.

use super::{Imports, ResourceCall, Symbols};
use crate::source::NodeKind;
use crate::source::fields;
use tree_sitter::Node;

/// The arguments that take a policy document: (resource type, keyword).
const POLICY_ARGUMENTS: &[(&str, &str)] = &[
    ("iam.RolePolicy", "policy"),
    ("iam.Policy", "policy"),
    ("iam.UserPolicy", "policy"),
    ("iam.GroupPolicy", "policy"),
    // `inline_policies=[RoleInlinePolicyArgs(policy=...)]`, or dicts.
    ("iam.Role", "inline_policies"),
];

/// What a managed policy is attached with: (resource type, the keyword naming the policy, the
/// keyword naming the roles, or `None` when the attaching resource is the role).
const ATTACHMENTS: &[(&str, &str, Option<&str>)] = &[
    ("iam.RolePolicyAttachment", "policy_arn", Some("role")),
    ("iam.PolicyAttachment", "policy_arn", Some("roles")),
    ("iam.Role", "managed_policy_arns", None),
];

/// Expressions a policy document's value flows up through to the argument it is given as:
/// `Output.all(...).apply(lambda args: json.dumps(...))`, `[RoleInlinePolicyArgs(...)]`.
const PASSES_THROUGH: &[&str] = &[
    "call",
    "argument_list",
    "attribute",
    "lambda",
    "parenthesized_expression",
    "list",
    "tuple",
    "dictionary",
    "pair",
];

/// The resource a policy document written at `expr` is given to: an `iam.RolePolicy`,
/// `iam.Policy`, `iam.UserPolicy` or `iam.GroupPolicy` whose `policy=` it is, or the
/// `iam.Role` whose `inline_policies` hold it. `None` when the document is not written in
/// place in one (held in a variable, built by a helper).
pub fn owner<'t>(expr: Node<'t>, imports: &Imports, text: &str) -> Option<ResourceCall<'t>> {
    let mut node = expr;
    while let Some(parent) = node.parent() {
        if parent.kind_str() == "keyword_argument" {
            let call = parent.parent().and_then(|arguments| arguments.parent())?;
            if let Some(resource) = ResourceCall::resolve(call, imports, text) {
                let keyword = &text[parent.child_by_field_id(fields().name)?.byte_range()];
                if POLICY_ARGUMENTS
                    .iter()
                    .any(|&(t, k)| resource.type_name == t && keyword == k)
                {
                    return Some(resource);
                }
                // An input class on the way (`RoleInlinePolicyArgs(policy=...)`): up to the
                // resource it is given to; another resource's argument is not a policy.
                if !resource.type_name.ends_with("Args") {
                    return None;
                }
            }
        } else if !PASSES_THROUGH.contains(&parent.kind_str()) {
            return None;
        }
        node = parent;
    }
    None
}

/// What the program does with one policy resource.
#[derive(Debug, Default)]
pub struct PolicyUse {
    /// The roles the policy is on (resource indices of `iam.Role`s).
    pub roles: Vec<usize>,
    /// The resources given one of those roles: a task definition's `task_role_arn`, a
    /// function's `role`, an instance profile's `role`.
    pub users: Vec<usize>,
    /// The resources tied to the policy: referenced by the policy resource itself, by a user,
    /// or by a resource that references a user (an event source mapping from a queue to the
    /// function, an instance given the profile).
    pub tied: Vec<usize>,
}

/// The roles, users and tied resources of the policy resource `owner`.
pub fn policy_use(symbols: &Symbols, owner: &ResourceCall, text: &str) -> PolicyUse {
    let Some(own) = symbols.resource_index(owner.node) else {
        return PolicyUse::default();
    };
    let is_role = |i: &usize| symbols.resources[*i].call.is(&["iam.Role"]);
    let roles_in = |call: &ResourceCall, keyword: &str| -> Vec<usize> {
        call.keyword(keyword, text)
            .map(|k| symbols.referenced_in(k.value))
            .unwrap_or_default()
            .into_iter()
            .filter(is_role)
            .collect()
    };
    let mut roles: Vec<usize> = match owner.type_name.as_str() {
        "iam.RolePolicy" => roles_in(owner, "role"),
        "iam.Role" => vec![own],
        "iam.Policy" => {
            // A managed policy: the roles it is attached to.
            let mut roles = Vec::new();
            for (i, resource) in symbols.resources.iter().enumerate() {
                for &(t, policy, role) in ATTACHMENTS {
                    let attaches = resource.call.is(&[t])
                        && resource
                            .call
                            .keyword(policy, text)
                            .is_some_and(|k| symbols.referenced_in(k.value).contains(&own));
                    if attaches {
                        match role {
                            Some(role) => roles.extend(roles_in(&resource.call, role)),
                            None => roles.push(i),
                        }
                    }
                }
            }
            roles
        }
        _ => Vec::new(),
    };
    roles.sort_unstable();
    roles.dedup();
    // IAM resources that mention a role (another policy, a trust policy) do not use it; an
    // instance profile hands it to the instances that reference the profile.
    let uses_roles = |i: usize| {
        let call = &symbols.resources[i].call;
        !roles.contains(&i)
            && (!call.type_name.starts_with("iam.") || call.is(&["iam.InstanceProfile"]))
            && symbols.references(i).iter().any(|r| roles.contains(r))
    };
    let users: Vec<usize> = (0..symbols.resources.len())
        .filter(|&i| uses_roles(i))
        .collect();
    let linked = (0..symbols.resources.len()).filter(|&i| {
        !users.contains(&i)
            && !roles.contains(&i)
            && symbols.references(i).iter().any(|r| users.contains(r))
    });
    let mut tied: Vec<usize> = std::iter::once(own)
        .chain(users.iter().copied())
        .chain(linked)
        .flat_map(|i| symbols.references(i).iter().copied())
        .collect();
    tied.sort_unstable();
    tied.dedup();
    PolicyUse { roles, users, tied }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::parse;

    /// The type names of the resources other than IAM ones tied to the policy given at the
    /// first `json.dumps` of `program` that has an owner, or `None` when none has.
    fn tied_types(program: &str) -> Option<Vec<String>> {
        let tree = parse(program);
        let imports = Imports::of_file(&tree, program);
        let symbols = Symbols::build(program, &tree, &imports);
        let dumps = crate::pulumi::json_literal::dumps_calls(tree.root_node(), &imports, program)
            .into_iter()
            .find(|d| owner(*d, &imports, program).is_some())?;
        let owner = owner(dumps, &imports, program)?;
        let usage = policy_use(&symbols, &owner, program);
        let mut types: Vec<String> = usage
            .tied
            .iter()
            .map(|&i| symbols.resources[i].call.type_name.clone())
            .filter(|t| !t.starts_with("iam."))
            .collect();
        types.sort();
        Some(types)
    }

    const PRELUDE: &str = "import json\nimport pulumi\nimport pulumi_aws as aws\n";

    #[test]
    fn an_inline_policy_serves_its_role() {
        let program = format!(
            "{PRELUDE}b = aws.s3.Bucket('b')\nr = aws.iam.Role('r', assume_role_policy='{{}}', inline_policies=[aws.iam.RoleInlinePolicyArgs(name='p', policy=json.dumps({{}}))])\naws.lambda_.Function('f', role=r.arn, environment={{'variables': {{'B': b.bucket}}}})\n"
        );
        assert_eq!(tied_types(&program), Some(vec!["s3.Bucket".into()]));
    }

    #[test]
    fn an_instance_profile_hands_the_role_to_its_instances() {
        let program = format!(
            "{PRELUDE}b = aws.s3.Bucket('b')\nr = aws.iam.Role('r', assume_role_policy='{{}}')\naws.iam.RolePolicy('p', role=r.id, policy=json.dumps({{}}))\nprofile = aws.iam.InstanceProfile('i', role=r.name)\naws.ec2.Instance('vm', ami='ami-1', instance_type='t3.micro', iam_instance_profile=profile.name, user_data=b.bucket.apply(lambda n: f'aws s3 cp s3://{{n}}/app .'))\n"
        );
        assert_eq!(tied_types(&program), Some(vec!["s3.Bucket".into()]));
    }

    #[test]
    fn a_managed_policy_serves_the_roles_it_is_attached_to() {
        let program = format!(
            "{PRELUDE}q = aws.sqs.Queue('q')\nr = aws.iam.Role('r', assume_role_policy='{{}}')\np = aws.iam.Policy('p', policy=json.dumps({{}}))\naws.iam.RolePolicyAttachment('a', role=r.name, policy_arn=p.arn)\nf = aws.lambda_.Function('f', role=r.arn)\naws.lambda_.EventSourceMapping('m', event_source_arn=q.arn, function_name=f.name)\n"
        );
        assert_eq!(
            tied_types(&program),
            Some(vec!["lambda_.Function".into(), "sqs.Queue".into()])
        );
        // Not attached: serves no role, ties nothing but what it references itself.
        let program = format!(
            "{PRELUDE}q = aws.sqs.Queue('q')\nr = aws.iam.Role('r', assume_role_policy='{{}}')\np = aws.iam.Policy('p', policy=json.dumps({{}}))\nf = aws.lambda_.Function('f', role=r.arn, environment={{'variables': {{'Q': q.url}}}})\n"
        );
        assert_eq!(tied_types(&program), Some(vec![]));
    }

    #[test]
    fn ordering_is_not_use() {
        // `depends_on` orders the function after the bucket; it does not read it.
        let program = format!(
            "{PRELUDE}b = aws.s3.Bucket('b')\nr = aws.iam.Role('r', assume_role_policy='{{}}')\naws.iam.RolePolicy('p', role=r.id, policy=json.dumps({{}}))\naws.lambda_.Function('f', role=r.arn, opts=pulumi.ResourceOptions(depends_on=[b]))\n"
        );
        assert_eq!(tied_types(&program), Some(vec![]));
    }

    #[test]
    fn a_document_held_elsewhere_has_no_owner() {
        let program = format!(
            "{PRELUDE}doc = json.dumps({{}})\naws.iam.Policy('p', policy=doc)\nx = aws.ecs.TaskDefinition('t', family='f', container_definitions=json.dumps([]))\n"
        );
        assert_eq!(tied_types(&program), None);
    }
}
