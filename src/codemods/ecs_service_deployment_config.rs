//! `ecs-service-deployment-config`: ECS services without explicit rolling-update settings
//! (catalog issue 11, with the catalog's `TypeError` fix corrected).

use super::{Checker, Match, codemod};
use crate::edit::{Edit, Fix, append_items, items};
use crate::pulumi::literal::string_value;
use crate::pulumi::{Keyword, ResourceCall};

pub const CODEMOD: super::Codemod = codemod! {
    id: "ecs-service-deployment-config",
    title: "ECS service without explicit deployment limits (and health-check grace period behind a load balancer)",
    fix: Safe,
    check: check,
};

const DEFAULTS: [(&str, &str); 3] = [
    ("deployment_maximum_percent", "200"),
    ("deployment_minimum_healthy_percent", "100"),
    ("health_check_grace_period_seconds", "60"),
];

fn check(cx: &mut Checker, m: &Match) {
    let Some(call) = m.node("call") else { return };
    let Some(service) = cx.resource_call(call, &["ecs.Service"]) else {
        return;
    };
    if service.has_kwargs_splat() {
        return;
    }
    if service
        .keyword("scheduling_strategy", cx.text)
        .is_some_and(|k| string_value(k.value, cx.text) == Some("DAEMON"))
    {
        return;
    }
    let has_load_balancers = service.keyword("load_balancers", cx.text).is_some();
    let wrong_form = service
        .keyword("deployment_configuration", cx.text)
        .and_then(|k| misplaced_percents(cx, k));

    let mut edits = Vec::new();
    let mut missing = Vec::new();
    let mut rewritten = Vec::new();
    if let Some((keyword, values)) = &wrong_form {
        if service.keyword(DEFAULTS[0].0, cx.text).is_none()
            && service.keyword(DEFAULTS[1].0, cx.text).is_none()
        {
            rewritten = values
                .iter()
                .map(|(name, value)| format!("deployment_{name}={value}"))
                .collect();
            edits.push(replace_with_items(cx, &service, keyword.node, &rewritten));
        }
    }
    for (i, (name, value)) in DEFAULTS.iter().enumerate() {
        let needed = i < 2 || has_load_balancers;
        let rewritten_here = rewritten.iter().any(|r| r.starts_with(&format!("{name}=")));
        if needed && !rewritten_here && service.keyword(name, cx.text).is_none() {
            missing.push(format!("{name}={value}"));
        }
    }
    if edits.is_empty() && missing.is_empty() {
        return;
    }
    if !missing.is_empty() {
        edits.push(append_items(
            cx.text,
            service.arguments,
            &missing,
            cx.style(),
        ));
    }
    let names: Vec<&str> = missing
        .iter()
        .map(|m| m.split('=').next().unwrap_or_default())
        .collect();
    let message = if rewritten.is_empty() {
        format!(
            "ECS service without {}: rolling deployments run on unreviewed defaults",
            names.join(", ")
        )
    } else {
        "`ServiceDeploymentConfigurationArgs` takes no `maximum_percent` / `minimum_healthy_percent` (TypeError on pulumi-aws 6 and 7); they are the service's `deployment_maximum_percent` / `deployment_minimum_healthy_percent`".to_string()
    };
    let at = wrong_form.map_or(call, |(k, _)| k.node);
    cx.report(at, message, Some(Fix::safe(edits)));
}

/// `deployment_configuration=ServiceDeploymentConfigurationArgs(maximum_percent=X, ...)`: the
/// catalog's form, with the values to move to the service (`("maximum_percent", "X")`).
fn misplaced_percents<'t>(
    cx: &Checker<'_, 't>,
    keyword: Keyword<'t>,
) -> Option<(Keyword<'t>, Vec<(&'static str, String)>)> {
    let args = cx.resource_call(keyword.value, &["ecs.ServiceDeploymentConfigurationArgs"])?;
    if args.has_kwargs_splat() || args.first_positional().is_some() {
        return None;
    }
    let mut values = Vec::new();
    for (name, kw) in args.keywords(cx.text) {
        let name = match name {
            "maximum_percent" => "maximum_percent",
            "minimum_healthy_percent" => "minimum_healthy_percent",
            // Anything else (a real strategy setting) stays where it is.
            _ => return None,
        };
        values.push((name, cx.src(kw.value).to_string()));
    }
    (!values.is_empty()).then_some((keyword, values))
}

/// Replaces one argument with several, laid out like the call's other arguments.
fn replace_with_items(
    cx: &Checker,
    call: &ResourceCall,
    item: tree_sitter::Node,
    new_items: &[String],
) -> Edit {
    let own_line = items(call.arguments).len() > 1
        && call.arguments.start_position().row != call.arguments.end_position().row
        && cx.text[..item.start_byte()]
            .rsplit('\n')
            .next()
            .is_some_and(|p| p.trim().is_empty());
    let separator = if own_line {
        let line_start = cx.text[..item.start_byte()]
            .rfind('\n')
            .map_or(0, |i| i + 1);
        format!(
            ",{}{}",
            cx.style().newline,
            &cx.text[line_start..item.start_byte()]
        )
    } else {
        ", ".to_string()
    };
    Edit::replace(item, new_items.join(&separator))
}
