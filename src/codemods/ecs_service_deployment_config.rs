//! `ecs-service-deployment-config`: ECS services without explicit rolling-update settings
//! (catalog issue 11, with the catalog's `TypeError` fix corrected).

use super::options::{OptionKind, RuleOption};
use super::{Checker, Match, codemod};
use crate::edit::{Edit, Fix, delete_item, items, line_end, line_start, next_non_comment_sibling};
use crate::pulumi::literal::string_value;
use crate::pulumi::{Keyword, ResourceCall, append_arguments};
use tree_sitter::Node;

pub const CODEMOD: super::Codemod = codemod! {
    id: "ecs-service-deployment-config",
    title: "ECS service without explicit deployment limits (and health-check grace period behind a load balancer)",
    fix: Safe,
    matches: classes["ecs.Service"],
    options: [MAXIMUM_PERCENT, MINIMUM_HEALTHY_PERCENT, HEALTH_CHECK_GRACE_PERIOD_SECONDS],
    check: check,
};

const MAXIMUM_PERCENT: RuleOption = RuleOption {
    name: "maximum-percent",
    kind: OptionKind::Integer {
        min: 100,
        max: 200,
        unit: "percent",
        default: 200,
    },
};

const MINIMUM_HEALTHY_PERCENT: RuleOption = RuleOption {
    name: "minimum-healthy-percent",
    kind: OptionKind::Integer {
        min: 0,
        max: 100,
        unit: "percent",
        default: 100,
    },
};

const HEALTH_CHECK_GRACE_PERIOD_SECONDS: RuleOption = RuleOption {
    name: "health-check-grace-period-seconds",
    kind: OptionKind::Integer {
        min: 0,
        max: 2_147_483_647,
        unit: "seconds",
        default: 60,
    },
};

const MAXIMUM: &str = "deployment_maximum_percent";
const MINIMUM: &str = "deployment_minimum_healthy_percent";
const GRACE: &str = "health_check_grace_period_seconds";

/// The three arguments, in the order they are added.
const NAMES: [&str; 3] = [MAXIMUM, MINIMUM, GRACE];

fn check(cx: &mut Checker, m: &Match) {
    let Some(call) = m.node("call") else { return };
    // The keywords may live in a `ServiceArgs(...)` object: read and fix them there.
    let Some(service) = m
        .construction(&["ecs.Service"])
        .and_then(|s| s.written_arguments(cx.imports, cx.text))
    else {
        return;
    };
    // DAEMON services reject the percents; a strategy we cannot read may be DAEMON.
    let strategy_unknown = match service.keyword("scheduling_strategy", cx.text) {
        Some(k) => match string_value(k.value, cx.text) {
            Some("DAEMON") => return,
            Some(_) => false,
            None => true,
        },
        None => false,
    };
    let has_load_balancers = service.keyword("load_balancers", cx.text).is_some();
    let present = |name: &str| service.keyword(name, cx.text).is_some();
    let wrong = service
        .keyword("deployment_configuration", cx.text)
        .and_then(|k| misplaced_percents(cx, k));

    // Values written in the wrong place move to the service, unless the service already sets
    // them there (the misplaced ones never ran: they raised TypeError).
    let moved: Vec<&Percent> = wrong
        .iter()
        .flat_map(|w| &w.percents)
        .filter(|p| !present(p.top))
        .collect();
    let missing: Vec<&str> = NAMES
        .iter()
        .enumerate()
        .filter(|&(i, name)| {
            (i < 2 || has_load_balancers) && !present(name) && !moved.iter().any(|p| p.top == *name)
        })
        .map(|(_, name)| *name)
        .collect();
    if wrong.is_none() && missing.is_empty() {
        return;
    }

    let message = message(wrong.is_some(), &missing);
    if strategy_unknown {
        cx.report(
            call,
            format!("{message} (`scheduling_strategy` is not a literal: a `DAEMON` service takes no percents, so no fix)"),
            None,
        );
        return;
    }
    let options = cx.options();
    let values = [
        MAXIMUM_PERCENT,
        MINIMUM_HEALTHY_PERCENT,
        HEALTH_CHECK_GRACE_PERIOD_SECONDS,
    ]
    .map(|option| options.integer(&option));
    let missing_items: Vec<String> = NAMES
        .iter()
        .zip(values)
        .filter(|(name, _)| missing.contains(name))
        .map(|(name, value)| format!("{name}={value}"))
        .collect();
    let mut edits = Vec::new();
    let mut to_append: Vec<String> = Vec::new();
    match &wrong {
        Some(w) if w.only_percents => {
            let (edit, appended_missing) =
                replace_misplaced(cx, &service, w, &moved, &missing_items);
            edits.push(edit);
            if !appended_missing {
                to_append = missing_items;
            }
        }
        Some(w) => {
            // Strategy settings stay in the Args; only the percents move out.
            edits.extend(delete_percents(cx, w));
            to_append = moved
                .iter()
                .map(|p| format!("{}={}", p.top, p.value))
                .chain(missing_items)
                .collect();
        }
        None => to_append = missing_items,
    }
    if !to_append.is_empty() {
        edits.push(append_arguments(
            cx.text,
            service.arguments,
            &to_append,
            cx.style(),
        ));
    }
    // Reported at the call so that a suppression on the call's first line silences it.
    cx.report(call, message, Some(Fix::safe(edits)));
}

/// One sentence: what is wrong and why.
fn message(wrong_form: bool, missing: &[&str]) -> String {
    let grace = missing.contains(&GRACE);
    if wrong_form {
        let tail = if grace {
            format!(", and a service behind a load balancer needs `{GRACE}`")
        } else {
            String::new()
        };
        return format!(
            "`ServiceDeploymentConfigurationArgs` takes no `maximum_percent` / `minimum_healthy_percent` (TypeError on pulumi-aws 6 and 7): they are the service's `{MAXIMUM}` / `{MINIMUM}`{tail}"
        );
    }
    let names: Vec<String> = missing.iter().map(|n| format!("`{n}`")).collect();
    let names = match names.split_last() {
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{} and {last}", rest.join(", ")),
        None => String::new(),
    };
    let percents = missing.iter().any(|n| *n != GRACE);
    let why = match (percents, grace) {
        (true, false) => "its rolling deployments run on limits nobody chose",
        (false, _) => "its new tasks can be killed by failing health checks while they start",
        (true, true) => {
            "its rolling deployments run on limits nobody chose and new tasks can be killed by failing health checks while they start"
        }
    };
    let behind = if grace { " behind a load balancer" } else { "" };
    format!("ECS service{behind} without {names}: {why}")
}

/// `deployment_configuration=ServiceDeploymentConfigurationArgs(maximum_percent=X, ...)`: the
/// catalog's form.
struct Misplaced<'t> {
    keyword: Keyword<'t>,
    args: ResourceCall<'t>,
    percents: Vec<Percent<'t>>,
    /// No real strategy setting (`strategy=`, `bake_time_in_minutes=`, ...) beside them.
    only_percents: bool,
}

struct Percent<'t> {
    /// The `maximum_percent=X` argument.
    node: Node<'t>,
    /// Its name on the service: `deployment_maximum_percent`.
    top: &'static str,
    value: String,
}

fn misplaced_percents<'t>(cx: &Checker, keyword: Keyword<'t>) -> Option<Misplaced<'t>> {
    let args = cx.resource_call(keyword.value, &["ecs.ServiceDeploymentConfigurationArgs"])?;
    if args.has_kwargs_splat() || args.first_positional().is_some() {
        return None;
    }
    let mut percents = Vec::new();
    let mut only_percents = true;
    for (name, kw) in args.keywords(cx.text) {
        let top = match name {
            "maximum_percent" => MAXIMUM,
            "minimum_healthy_percent" => MINIMUM,
            _ => {
                only_percents = false;
                continue;
            }
        };
        percents.push(Percent {
            node: kw.node,
            top,
            value: cx.src(kw.value).to_string(),
        });
    }
    (!percents.is_empty()).then_some(Misplaced {
        keyword,
        args,
        percents,
        only_percents,
    })
}

/// A line of the replacement: an argument with its trailing comment, or a comment alone.
enum Line {
    Item(String, Option<String>),
    Comment(String),
}

/// Replaces `deployment_configuration=Args(maximum_percent=X, ...)` with
/// `deployment_maximum_percent=X, ...` in the call's layout, keeping the comments that were
/// written inside the Args. When it is the call's last argument the missing arguments are
/// added by the same edit (two edits ending at one offset would have no defined order); the
/// boolean says so.
fn replace_misplaced(
    cx: &Checker,
    service: &ResourceCall,
    wrong: &Misplaced,
    moved: &[&Percent],
    missing: &[String],
) -> (Edit, bool) {
    let text = cx.text;
    let keyword = wrong.keyword.node;
    let all = items(service.arguments);
    let is_last = all.last().is_some_and(|n| n.id() == keyword.id());
    let own_line = all.len() > 1
        && service.arguments.start_position().row != service.arguments.end_position().row
        && text[line_start(text, keyword.start_byte())..keyword.start_byte()]
            .trim()
            .is_empty();

    // The moved arguments with their comments, in their order in the Args.
    let mut lines = Vec::new();
    // Row where the previous argument ends, and whether it moved (else it is already set on
    // the service and goes, with its trailing comment).
    let mut previous: Option<(usize, bool)> = None;
    let mut cursor = wrong.args.arguments.walk();
    for child in wrong.args.arguments.named_children(&mut cursor) {
        if child.kind() == "comment" {
            let comment = cx.src(child).to_string();
            match previous {
                Some((row, moved)) if row == child.start_position().row => {
                    if let (true, Some(Line::Item(_, c))) = (moved, lines.last_mut()) {
                        *c = Some(comment);
                    }
                }
                _ => lines.push(Line::Comment(comment)),
            }
            continue;
        }
        let p = moved.iter().find(|p| p.node.id() == child.id());
        if let Some(p) = p {
            lines.push(Line::Item(format!("{}={}", p.top, p.value), None));
        }
        previous = Some((child.end_position().row, p.is_some()));
    }
    if is_last {
        lines.extend(missing.iter().map(|m| Line::Item(m.clone(), None)));
    }
    let item_count = lines.iter().filter(|l| matches!(l, Line::Item(..))).count();
    if item_count == 0 {
        return (delete_item(text, keyword), false);
    }

    if !own_line {
        // A one-line call (comments cannot stand inside it).
        let joined: Vec<&str> = lines
            .iter()
            .filter_map(|l| match l {
                Line::Item(item, _) => Some(item.as_str()),
                Line::Comment(_) => None,
            })
            .collect();
        return (Edit::replace(keyword, joined.join(", ")), is_last);
    }

    // The comma after the argument is taken into the edit so that a trailing comment can
    // follow it.
    let comma = keyword.next_sibling().filter(|n| n.kind() == ",");
    let end = comma.map_or(keyword.end_byte(), |c| c.end_byte());
    let rest = text[end..line_end(text, end)].trim_start();
    let comments_may_end = rest.is_empty() || rest.starts_with('#');
    let indent = &text[line_start(text, keyword.start_byte())..keyword.start_byte()];
    let nl = cx.style().newline;
    let mut rendered = Vec::new();
    let mut items_seen = 0;
    let last_line = lines.len() - 1;
    for (i, line) in lines.iter().enumerate() {
        // Nothing may follow a comment on the last line but the end of that line.
        let comment_ok = i < last_line || comments_may_end;
        match line {
            Line::Item(item, comment) => {
                items_seen += 1;
                let sep = if items_seen < item_count || comma.is_some() {
                    ","
                } else {
                    ""
                };
                let comment = match comment {
                    Some(c) if comment_ok => format!("  {c}"),
                    _ => String::new(),
                };
                rendered.push(format!("{item}{sep}{comment}"));
            }
            Line::Comment(c) if comment_ok => rendered.push(c.clone()),
            Line::Comment(_) => {}
        }
    }
    let edit = Edit {
        start: keyword.start_byte(),
        end,
        text: rendered.join(&format!("{nl}{indent}")),
    };
    (edit, is_last)
}

/// Removes the percents from an Args call that keeps other settings.
fn delete_percents(cx: &Checker, wrong: &Misplaced) -> Vec<Edit> {
    let text = cx.text;
    let all = items(wrong.args.arguments);
    let deleted = |n: &Node| wrong.percents.iter().any(|p| p.node.id() == n.id());
    let Some(kept_last) = all.iter().rposition(|n| !deleted(n)) else {
        return Vec::new();
    };
    let last_has_comma = all
        .last()
        .and_then(|n| next_non_comment_sibling(*n))
        .is_some_and(|n| n.kind() == ",");
    let run = &all[kept_last + 1..];
    let mut edits: Vec<Edit> = all[..kept_last]
        .iter()
        .chain(if last_has_comma { run } else { &[] })
        .filter(|n| deleted(n))
        .map(|n| delete_item(text, *n))
        .collect();
    // Deleted arguments at the end without a trailing comma: the comma of the last kept
    // argument goes instead (deleting each alone would take that comma twice).
    if let (false, Some(first), Some(last)) = (last_has_comma, run.first(), run.last()) {
        let kept = all[kept_last];
        let Some(comma) = next_non_comment_sibling(kept).filter(|n| n.kind() == ",") else {
            return Vec::new();
        };
        if first.start_position().row == kept.end_position().row {
            edits.push(Edit {
                start: comma.start_byte(),
                end: last.end_byte(),
                text: String::new(),
            });
        } else if text[last.end_byte()..line_end(text, last.end_byte())]
            .trim()
            .is_empty()
        {
            edits.push(Edit::replace(comma, ""));
            edits.push(Edit {
                start: line_end(text, comma.end_byte()),
                end: last.end_byte(),
                text: String::new(),
            });
        } else {
            // Code follows the last one (`maximum_percent=200  )`): joined to the kept line,
            // it would land after that line's comment and be commented out. The run goes
            // on its own line, with the blanks after it.
            let after = &text[last.end_byte()..];
            let blanks = after.len() - after.trim_start_matches([' ', '\t']).len();
            edits.push(Edit::replace(comma, ""));
            edits.push(Edit {
                start: first.start_byte(),
                end: last.end_byte() + blanks,
                text: String::new(),
            });
        }
    }
    edits
}
