//! `unknown-resource`: `aws.<module>.<Class>` that the project's pulumi-aws major does not have,
//! often a Terraform or CloudFormation name (`aws.logs.LogGroup`, `aws.events.Rule`).

use super::unknown_argument::closest;
use super::{Checker, Match, OWNED_ARGUMENTS, codemod};
use crate::edit::{Edit, Fix};
use crate::pulumi::{ResourceCall, Tables};
use crate::source::fields;

pub const CODEMOD: super::Codemod = codemod! {
    id: "unknown-resource",
    title: "`aws.<module>.<Class>` that the project's pulumi-aws major does not have",
    fix: Unsafe,
    severity: Error,
    matches: any_class,
    check: check,
};

/// Service names from Terraform and CloudFormation that pulumi-aws spells otherwise: (written
/// module, pulumi-aws module, class prefix there). `events.Rule` -> `cloudwatch.EventRule`.
pub(super) const MODULES: &[(&str, &str, &str)] = &[
    ("logs", "cloudwatch", "Log"),
    ("events", "cloudwatch", "Event"),
    ("elbv2", "lb", ""),
    ("elasticloadbalancingv2", "lb", ""),
    ("elasticloadbalancing", "elb", ""),
    ("applicationautoscaling", "appautoscaling", ""),
    ("stepfunctions", "sfn", ""),
    ("certificatemanager", "acm", ""),
];

/// Classes whose names were once, or are elsewhere, spelled otherwise (AWS's API names,
/// earlier pulumi-aws releases): (written, pulumi-aws class).
const RENAMED: &[(&str, &str)] = &[
    (
        "lambda_.EventInvokeConfig",
        "lambda_.FunctionEventInvokeConfig",
    ),
    ("codedeploy.App", "codedeploy.Application"),
];

/// Classes written in a pulumi-aws module that live in another package: (written, the class).
const ELSEWHERE: &[(&str, &str, &str)] = &[(
    "secretsmanager.RandomPassword",
    "pulumi_random.RandomPassword",
    "pulumi-random",
)];

/// Exported names that are not constructed like resources and are not in the tables
/// (input TypedDicts, data-source results).
const NOT_IN_TABLES: [&str; 2] = ["ArgsDict", "Result"];

fn check(cx: &mut Checker, m: &Match) {
    let Some(tables) = cx.schema() else { return };
    let Some(resource) = m.schema_construction() else {
        return;
    };
    let key = resource.type_name.as_str();
    let Some((module, class)) = key.rsplit_once('.') else {
        // The root package also defines things the tables do not list.
        return;
    };
    if resource.has_kwargs_splat()
        || tables.exports(key)
        || NOT_IN_TABLES.iter().any(|s| class.ends_with(s))
        || owned_elsewhere(cx, &resource)
    {
        return;
    }
    // `from pulumi_aws import logs` / `from pulumi_aws.logs import LogGroup`: the import fails
    // first, and `unknown-name` reports it there.
    if !tables.has_module(module)
        && cx.settings().rules.runs("unknown-name")
        && head_path(cx, &resource).is_some_and(|p| p != "pulumi_aws")
    {
        return;
    }
    if let Some((_, class, package)) = ELSEWHERE.iter().find(|(k, _, _)| *k == key) {
        let message = format!(
            "`{}` is not a class of pulumi-aws {} ({}): it is `{class}`, of the `{package}` package (add it to the project's dependencies and import it)",
            cx.src(
                resource
                    .node
                    .child_by_field_id(fields().function)
                    .expect("call")
            ),
            tables.major.number(),
            tables.version
        );
        cx.report(resource.node, message, None);
        return;
    }
    let suggestion = suggest(tables, module, class);
    // A module the tables do not know, with no name to offer: too little to go on.
    if suggestion.is_none() && !tables.has_module(module) {
        return;
    }
    let written = cx
        .src(
            resource
                .node
                .child_by_field_id(fields().function)
                .expect("call"),
        )
        .to_string();
    let mut message = format!(
        "`{written}` is not a class of pulumi-aws {} ({}): the program fails when it runs",
        tables.major.number(),
        tables.version
    );
    let fix = suggestion.and_then(|target| {
        message.push_str(&format!("; did you mean `{target}`?"));
        fix(cx, &resource, tables, target)
    });
    cx.report(resource.node, message, fix);
}

/// What the first name of the call's callee is bound to (`pulumi_aws`, `pulumi_aws.logs`).
fn head_path(cx: &Checker, resource: &ResourceCall) -> Option<String> {
    let mut node = resource.node.child_by_field_id(fields().function)?;
    while node.kind() == "attribute" {
        node = node.child_by_field_id(fields().object)?;
    }
    cx.imports.resolve(node, cx.text)
}

/// True when every keyword is one a running dedicated codemod reports on this class (the
/// catalog's `ServiceDeploymentConfigurationArgs(maximum_percent=...)` on pulumi-aws 6).
fn owned_elsewhere(cx: &Checker, resource: &ResourceCall) -> bool {
    let mut keywords = resource.keywords(cx.text).peekable();
    keywords.peek().is_some()
        && OWNED_ARGUMENTS
            .iter()
            .any(|(_, key, _, _)| *key == resource.type_name)
        && keywords.all(|(name, _)| cx.owned_elsewhere(&resource.type_name, name))
}

/// The one class `module.class` most likely means: a class pulumi-aws renamed,: a known renaming of the module, else the only
/// module that has a class of that name, else the one near spelling in the same module.
pub(super) fn suggest(tables: &Tables, module: &str, class: &str) -> Option<&'static str> {
    if let Some((_, to)) = RENAMED
        .iter()
        .find(|(from, _)| from.split_once('.') == Some((module, class)))
    {
        return tables.class(to).map(|c| c.key);
    }
    for (from, to, prefix) in MODULES {
        if *from == module {
            for candidate in [format!("{to}.{prefix}{class}"), format!("{to}.{class}")] {
                if let Some(found) = tables.class(&candidate) {
                    return Some(found.key);
                }
            }
        }
    }
    let same_name: Vec<&'static str> = tables
        .keys_named(class)
        .iter()
        .copied()
        .filter(|k| k.contains('.'))
        .collect();
    if let [only] = same_name[..] {
        return Some(only);
    }
    if !same_name.is_empty() {
        return None;
    }
    closest(
        class,
        tables
            .keys_in(module)
            .iter()
            .filter(|k| k.contains('.'))
            .map(|k| &k[module.len() + 1..]),
    )
    .and_then(|c| tables.class(&format!("{module}.{c}")))
    .map(|c| c.key)
}

/// Rewrites `aws.logs.LogGroup` to `aws.cloudwatch.LogGroup` when the call is written through
/// the package (`<pulumi_aws>.<module>.<Class>`) and the target accepts every keyword it passes.
fn fix(cx: &Checker, resource: &ResourceCall, tables: &Tables, target: &str) -> Option<Fix> {
    let function = resource.node.child_by_field_id(fields().function)?;
    let module_attribute = function.child_by_field_id(fields().object)?;
    let package = module_attribute.child_by_field_id(fields().object)?;
    if module_attribute.kind() != "attribute"
        || cx.imports.resolve(package, cx.text).as_deref() != Some("pulumi_aws")
    {
        return None;
    }
    let class = tables.class(target)?;
    if resource
        .keywords(cx.text)
        .any(|(name, _)| class.param(name).is_none())
    {
        return None;
    }
    Some(Fix::unsafe_(vec![Edit::replace(
        function,
        format!("{}.{target}", cx.src(package)),
    )]))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pulumi::Major;

    #[test]
    fn terraform_and_cloudformation_names_map_to_one_class() {
        let t = Tables::get(Major::V7);
        assert_eq!(suggest(t, "logs", "LogGroup"), Some("cloudwatch.LogGroup"));
        assert_eq!(suggest(t, "events", "Rule"), Some("cloudwatch.EventRule"));
        assert_eq!(suggest(t, "elbv2", "LoadBalancer"), Some("lb.LoadBalancer"));
        assert_eq!(
            suggest(t, "applicationautoscaling", "Target"),
            Some("appautoscaling.Target")
        );
        assert_eq!(suggest(t, "s3", "Buckett"), Some("s3.Bucket"));
        assert_eq!(suggest(t, "nowhere", "Nothing"), None);
        assert_eq!(
            suggest(t, "lambda_", "EventInvokeConfig"),
            Some("lambda_.FunctionEventInvokeConfig")
        );
        assert_eq!(
            suggest(t, "codedeploy", "App"),
            Some("codedeploy.Application")
        );
    }
}
