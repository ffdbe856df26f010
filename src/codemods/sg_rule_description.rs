//! `sg-rule-description`: security group rules without a description (catalog issue 13).

use super::{Checker, Match, codemod};
use crate::edit::{Edit, Fix, append_items, items};
use crate::pulumi::literal::{bool_value, int_value, scalar_text, string_value};
use crate::pulumi::{ResourceCall, append_arguments};
use crate::source::fields;
use tree_sitter::Node;

pub const CODEMOD: super::Codemod = codemod! {
    id: "sg-rule-description",
    title: "Security group rule without a description",
    fix: Sometimes,
    matches: classes(TYPES),
    check: check,
};

#[derive(Clone, Copy, PartialEq, Eq)]
enum Direction {
    Ingress,
    Egress,
}

impl Direction {
    fn of(ingress: bool) -> Direction {
        if ingress {
            Direction::Ingress
        } else {
            Direction::Egress
        }
    }
}

/// The arguments of one rule, whether a call (`kw=value`) or a dict (`"kw": value`).
enum Fields<'t> {
    Call(ResourceCall<'t>),
    Dict(Node<'t>),
}

impl<'t> Fields<'t> {
    fn get(&self, name: &str, text: &str) -> Option<Node<'t>> {
        match self {
            Fields::Call(call) => call.keyword(name, text).map(|k| k.value),
            Fields::Dict(dict) => items(*dict).into_iter().find_map(|pair| {
                let key = pair.child_by_field_id(fields().key)?;
                (pair.kind() == "pair" && string_value(key, text) == Some(name))
                    .then(|| pair.child_by_field_id(fields().value))
                    .flatten()
            }),
        }
    }

    /// True when `**spread` may hide a description we cannot see.
    fn has_splat(&self) -> bool {
        match self {
            Fields::Call(call) => call.has_kwargs_splat(),
            Fields::Dict(dict) => items(*dict).iter().any(|n| n.kind() == "dictionary_splat"),
        }
    }

    fn container(&self) -> Node<'t> {
        match self {
            Fields::Call(call) => call.arguments,
            Fields::Dict(dict) => *dict,
        }
    }
}

/// Where a kind of rule keeps each fact, by argument name.
struct Schema {
    /// Written inside `SecurityGroup(ingress=/egress=)`: AWS revokes and re-authorizes such a
    /// rule to change its description, so the fix is unsafe.
    inline: bool,
    protocol: &'static str,
    cidrs: &'static [&'static str],
    prefix_lists: &'static str,
    peer_groups: &'static str,
}

const LEGACY: Schema = Schema {
    inline: false,
    protocol: "protocol",
    cidrs: &["cidr_blocks", "ipv6_cidr_blocks"],
    prefix_lists: "prefix_list_ids",
    peer_groups: "source_security_group_id",
};
const INLINE: Schema = Schema {
    inline: true,
    protocol: "protocol",
    cidrs: &["cidr_blocks", "ipv6_cidr_blocks"],
    prefix_lists: "prefix_list_ids",
    peer_groups: "security_groups",
};
const VPC: Schema = Schema {
    inline: false,
    protocol: "ip_protocol",
    cidrs: &["cidr_ipv4", "cidr_ipv6"],
    prefix_lists: "prefix_list_id",
    peer_groups: "referenced_security_group_id",
};

/// Rules, groups (whose inline dict rules are checked here), and the `*Args` forms of both.
const TYPES: &[&str] = &[
    "ec2.SecurityGroupRule",
    "ec2.SecurityGroupRuleArgs",
    "vpc.SecurityGroupIngressRule",
    "vpc.SecurityGroupIngressRuleArgs",
    "vpc.SecurityGroupEgressRule",
    "vpc.SecurityGroupEgressRuleArgs",
    "ec2.SecurityGroupIngressArgs",
    "ec2.SecurityGroupEgressArgs",
    "ec2.SecurityGroup",
    "ec2.SecurityGroupArgs",
];
const GROUPS: &[&str] = &["ec2.SecurityGroup", "ec2.SecurityGroupArgs"];

fn check<'t>(cx: &mut Checker<'_, 't>, m: &Match<'_, 't>) {
    let Some(node) = m.node("call") else {
        return;
    };
    let Some(call) = m.construction(TYPES) else {
        return;
    };
    // `Rule("name", RuleArgs(...))`: the SDK ignores other keywords when given an args
    // object, so the args object is the rule to check (it is matched on its own).
    if call.keyword("args", cx.text).is_some() || positional_count(&call) > 1 {
        return;
    }
    let direction = Direction::of(call.class_name().contains("Ingress"));
    let group = call
        .keyword("security_group_id", cx.text)
        .and_then(|k| name_of(k.value, cx.text));
    match call.class_name().trim_end_matches("Args") {
        "SecurityGroup" => check_inline_dicts(cx, &call),
        "SecurityGroupRule" => {
            let direction = match call
                .keyword("type", cx.text)
                .and_then(|k| string_value(k.value, cx.text))
            {
                Some("ingress") => Some(Direction::Ingress),
                Some("egress") => Some(Direction::Egress),
                _ => None,
            };
            check_rule(cx, node, Fields::Call(call), &LEGACY, direction, group);
        }
        "SecurityGroupIngressRule" | "SecurityGroupEgressRule" => {
            check_rule(cx, node, Fields::Call(call), &VPC, Some(direction), group);
        }
        // `SecurityGroupIngressArgs(...)`, in a group's `ingress=[...]` or built ahead of it.
        _ => {
            let group = enclosing_group(cx, node).and_then(|g| group_name(cx, &g));
            check_rule(
                cx,
                node,
                Fields::Call(call),
                &INLINE,
                Some(direction),
                group,
            );
        }
    }
}

fn positional_count(call: &ResourceCall) -> usize {
    let mut cursor = call.arguments.walk();
    call.arguments
        .named_children(&mut cursor)
        .filter(|n| {
            !matches!(
                n.kind(),
                "keyword_argument" | "comment" | "dictionary_splat"
            )
        })
        .count()
}

/// The rules of a security group's `ingress=` / `egress=`: the elements of a list (or
/// tuple) literal, or the element expression of a list comprehension, which every rule it
/// generates shares.
fn inline_rules<'t>(cx: &Checker, group: &ResourceCall<'t>) -> Vec<(Node<'t>, Direction)> {
    let mut rules = Vec::new();
    for (keyword, direction) in [
        ("ingress", Direction::Ingress),
        ("egress", Direction::Egress),
    ] {
        let Some(value) = group.keyword(keyword, cx.text).map(|k| k.value) else {
            continue;
        };
        match value.kind() {
            "list" | "tuple" => rules.extend(items(value).into_iter().map(|n| (n, direction))),
            "list_comprehension" => rules.extend(
                value
                    .child_by_field_id(fields().body)
                    .map(|n| (n, direction)),
            ),
            _ => {}
        }
    }
    rules
}

/// The security group whose `ingress=` / `egress=` holds `rule` directly.
fn enclosing_group<'t>(cx: &Checker<'_, 't>, rule: Node<'t>) -> Option<ResourceCall<'t>> {
    // rule -> list / comprehension -> keyword argument -> argument list -> call
    let up = |n: Node<'t>| cx.parent(n);
    let call = up(up(up(up(rule)?)?)?)?;
    let group = cx.resource_call(call, GROUPS)?;
    inline_rules(cx, &group)
        .iter()
        .any(|(n, _)| n.id() == rule.id())
        .then_some(group)
}

fn check_inline_dicts<'t>(cx: &mut Checker<'_, 't>, group: &ResourceCall<'t>) {
    let name = group_name(cx, group);
    for (rule, direction) in inline_rules(cx, group) {
        if rule.kind() == "dictionary" {
            check_rule(
                cx,
                rule,
                Fields::Dict(rule),
                &INLINE,
                Some(direction),
                name.clone(),
            );
        }
    }
}

fn check_rule(
    cx: &mut Checker,
    at: Node,
    fields: Fields,
    schema: &Schema,
    direction: Option<Direction>,
    group: Option<String>,
) {
    if fields.has_splat() {
        return;
    }
    // `description=""` says no more than no description: its value is replaced.
    let empty = match fields.get("description", cx.text) {
        None => None,
        Some(value) if string_value(value, cx.text) == Some("") => Some(value),
        Some(_) => return,
    };
    let Some(direction) = direction else {
        cx.report(
            at,
            "Security group rule without a description; \
             its direction (`type=`) is not a literal string, so write one by hand",
            None,
        );
        return;
    };
    let description = describe(cx, &fields, schema, direction, group);
    let literal = cx.style().string(&description);
    let edit = match (empty, &fields) {
        (Some(value), _) => Edit::replace(value, literal),
        (None, Fields::Call(_)) => append_arguments(
            cx.text,
            fields.container(),
            &[format!("description={literal}")],
            cx.style(),
        ),
        (None, Fields::Dict(_)) => {
            let key = cx.style().string("description");
            append_items(
                cx.text,
                fields.container(),
                &[format!("{key}: {literal}")],
                cx.style(),
            )
        }
    };
    let (message, fix) = if schema.inline {
        (
            format!(
                "Security group rule without a description; \
                 add one such as \"{description}\" (changing an inline rule revokes it for a \
                 moment)"
            ),
            Fix::unsafe_(vec![edit]),
        )
    } else {
        (
            format!(
                "Security group rule without a description; \
                 add one such as \"{description}\""
            ),
            Fix::safe(vec![edit]),
        )
    };
    cx.report(at, message, Some(fix));
}

/// A one-line description from the rule's protocol, ports, peer and group.
fn describe(
    cx: &Checker,
    fields: &Fields,
    schema: &Schema,
    direction: Direction,
    group: Option<String>,
) -> String {
    let text = cx.text;
    let protocol = fields
        .get(schema.protocol, text)
        .and_then(|n| scalar_text(n, text));
    let from = fields
        .get("from_port", text)
        .and_then(|n| int_value(n, text));
    let to = fields.get("to_port", text).and_then(|n| int_value(n, text));
    let service = service(protocol.as_deref(), from, to);

    let self_peer = fields.get("self", text).and_then(bool_value) == Some(true);
    let peer_groups = fields
        .get(schema.peer_groups, text)
        .map(|n| peers_in(n, text))
        .filter(|n| !n.is_empty());
    let cidrs: Vec<String> = schema
        .cidrs
        .iter()
        .filter_map(|k| fields.get(k, text))
        .flat_map(|n| peers_in(n, text))
        .collect();
    let prefix_lists = fields
        .get(schema.prefix_lists, text)
        .map(|n| peers_in(n, text));

    let peer: Option<Peer> = if self_peer {
        Some(Peer::Itself)
    } else if let Some(groups) = peer_groups {
        Some(Peer::Group(groups.join(" and ")))
    } else if !cidrs.is_empty() {
        let internet = cidrs.iter().all(|c| c == "0.0.0.0/0" || c == "::/0");
        Some(Peer::Network(if internet {
            "internet".to_string()
        } else {
            cidrs.join(", ")
        }))
    } else {
        prefix_lists.map(|names| {
            Peer::Network(if names.is_empty() {
                "prefix list".to_string()
            } else {
                names.join(", ")
            })
        })
    };

    let all = service == "all traffic";
    let sentence = match (direction, peer, group) {
        (_, Some(Peer::Itself), Some(group)) => format!("Allow {service} within {group}"),
        (_, Some(Peer::Itself), None) => format!("Allow {service} within the security group"),
        (Direction::Ingress, Some(Peer::Group(peer)), Some(group)) if all => {
            format!("Allow all traffic from {peer} to {group}")
        }
        (Direction::Ingress, Some(Peer::Group(peer)), Some(group)) => {
            format!("Allow {peer} to reach {group} on {service}")
        }
        (Direction::Egress, Some(Peer::Group(peer)), Some(group)) if all => {
            format!("Allow all traffic from {group} to {peer}")
        }
        (Direction::Egress, Some(Peer::Group(peer)), Some(group)) => {
            format!("Allow {group} to reach {peer} on {service}")
        }
        (Direction::Egress, Some(Peer::Network(net)), _) if all && net == "internet" => {
            "Allow all outbound traffic".to_string()
        }
        (Direction::Ingress, Some(Peer::Group(peer) | Peer::Network(peer)), _) => {
            format!("Allow {service} from {peer}")
        }
        (Direction::Egress, Some(Peer::Group(peer) | Peer::Network(peer)), _) => {
            format!("Allow {service} to {peer}")
        }
        (Direction::Ingress, None, _) => format!("Allow {service} inbound"),
        (Direction::Egress, None, _) => format!("Allow {service} outbound"),
    };
    sanitize(&sentence)
}

enum Peer {
    Itself,
    Group(String),
    Network(String),
}

/// `HTTPS`, `tcp/5000`, `tcp/1024-65535`, `all TCP`, `ICMP`, `all traffic`.
fn service(protocol: Option<&str>, from: Option<i64>, to: Option<i64>) -> String {
    let protocol = protocol.map(str::to_ascii_lowercase);
    let name = match protocol.as_deref() {
        Some("-1" | "all") => return "all traffic".to_string(),
        Some("tcp" | "6") => "tcp",
        Some("udp" | "17") => "udp",
        Some("icmp" | "1") => return "ICMP".to_string(),
        Some("icmpv6" | "58") => return "ICMPv6".to_string(),
        Some(other) => return format!("protocol {other}"),
        None => return "traffic".to_string(),
    };
    match (from, to) {
        (Some(from), Some(to)) if from == to => match well_known_port(name, from) {
            Some(known) => known.to_string(),
            None => format!("{name}/{from}"),
        },
        (Some(0), Some(65535)) => format!("all {}", name.to_ascii_uppercase()),
        (Some(from), Some(to)) => format!("{name}/{from}-{to}"),
        _ => name.to_string(),
    }
}

fn well_known_port(protocol: &str, port: i64) -> Option<&'static str> {
    Some(match (protocol, port) {
        ("tcp", 22) => "SSH",
        ("tcp", 80) => "HTTP",
        ("tcp", 443) => "HTTPS",
        ("tcp", 3306) => "MySQL",
        ("tcp", 5432) => "PostgreSQL",
        ("tcp", 6379) => "Redis",
        ("tcp", 3389) => "RDP",
        ("tcp", 1433) => "SQL Server",
        ("tcp", 27017) => "MongoDB",
        ("tcp", 2049) => "NFS",
        ("tcp", 11211) => "Memcached",
        (_, 53) => "DNS",
        ("udp", 123) => "NTP",
        _ => return None,
    })
}

/// What a peer value refers to, element by element: literals as written (`"10.0.0.0/8"`,
/// `"sg-0123"`), expressions by the name of their resource (`[self.alb_sg.id]` -> `alb`).
fn peers_in(node: Node, text: &str) -> Vec<String> {
    let elements = if node.kind() == "list" {
        items(node)
    } else {
        vec![node]
    };
    elements
        .into_iter()
        .filter_map(|n| {
            string_value(n, text)
                .filter(|s| !s.is_empty())
                .map(str::to_string)
                .or_else(|| name_of(n, text))
        })
        .collect()
}

/// Attributes that are an output of the resource they are read from: the resource names it.
const OUTPUTS: &[&str] = &[
    "id",
    "arn",
    "name",
    "cidr_block",
    "ipv6_cidr_block",
    "prefix_list_id",
];

/// A short name for what an expression refers to: `self.alb_sg.id` -> `alb`,
/// `vpc.cidr_block` -> `vpc`, `groups["web"].id` -> `web`, `sgs[i].id` -> `sgs`,
/// `alb_sg_id` -> `alb`. None for anything else (calls, literals, `self.id`).
fn name_of(node: Node, text: &str) -> Option<String> {
    // A loop, not recursion: `((((x))))` or `x.id.id.id` may nest deeper than the stack allows.
    let mut node = node;
    loop {
        node = match node.kind() {
            "identifier" if &text[node.byte_range()] != "self" => {
                return clean_name(&text[node.byte_range()]);
            }
            "parenthesized_expression" => node.named_child(0)?,
            // A string key names the element; an index does not.
            "subscript" => {
                let key = node.child_by_field_id(fields().subscript);
                if let Some(name) = key
                    .and_then(|key| string_value(key, text))
                    .and_then(clean_name)
                {
                    return Some(name);
                }
                node.child_by_field_id(fields().value)?
            }
            "attribute" => {
                let attribute = &text[node.child_by_field_id(fields().attribute)?.byte_range()];
                if !OUTPUTS.contains(&attribute) {
                    return clean_name(attribute);
                }
                node.child_by_field_id(fields().object)?
            }
            _ => return None,
        };
    }
}

/// What to call a security group in its rules: the variable it is assigned to
/// (`self.alb_sg = ...` -> `alb`), else the literal parts of its resource name
/// (`f"alb-sg-{env}"` -> `alb`, `f"{env}-queue-sg"` -> `queue`).
fn group_name<'t>(cx: &Checker<'_, 't>, group: &ResourceCall<'t>) -> Option<String> {
    let assigned = cx
        .parent(group.node)
        .filter(|p| p.kind() == "assignment")
        .and_then(|a| a.child_by_field_id(fields().left))
        .and_then(|left| name_of(left, cx.text));
    assigned.or_else(|| {
        let name = group.first_positional().filter(|n| n.kind() == "string")?;
        let mut cursor = name.walk();
        let literal: Vec<&str> = name
            .named_children(&mut cursor)
            .filter(|c| c.kind() == "string_content")
            .map(|c| cx.src(c))
            .collect();
        clean_name(&literal.join("-"))
    })
}

/// Drops the words every security group name carries: `alb_sg` -> `alb`, `sg-web` -> `web`,
/// `alb_sg_id` -> `alb`, `webSecurityGroup` -> `web`. None when nothing else is left (`sg`).
fn clean_name(name: &str) -> Option<String> {
    let is = |word: &str, options: &[&str]| options.iter().any(|o| word.eq_ignore_ascii_case(o));
    let mut words: Vec<&str> = name
        .split(['_', '-', ' '])
        .filter(|w| !w.is_empty())
        .collect();
    while words.first().is_some_and(|w| is(w, &["sg"])) {
        words.remove(0);
    }
    loop {
        match words.as_slice() {
            [.., w] if is(w, &["id", "ids", "sg", "sgs", "secgroup", "securitygroup"]) => {
                words.pop();
            }
            [.., a, b] if is(a, &["security"]) && is(b, &["group", "groups"]) => {
                words.truncate(words.len() - 2);
            }
            _ => break,
        }
    }
    let separator = if name.contains('_') { "_" } else { "-" };
    let joined = words.join(separator);
    // camelCase names: `webSecurityGroup`, `albSg`.
    let cleaned = ["SecurityGroup", "Sg", "SG"]
        .iter()
        .find_map(|s| joined.strip_suffix(s).filter(|rest| !rest.is_empty()))
        .unwrap_or(&joined);
    (!cleaned.is_empty()).then(|| cleaned.to_string())
}

/// Keeps the characters AWS accepts in a rule description, at most 255 of them.
fn sanitize(description: &str) -> String {
    description
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || " ._-:/()#,@[]+=&;{}!$*".contains(*c))
        .take(255)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn services_read_like_people_write_them() {
        assert_eq!(service(Some("tcp"), Some(443), Some(443)), "HTTPS");
        assert_eq!(service(Some("tcp"), Some(5000), Some(5000)), "tcp/5000");
        assert_eq!(service(Some("-1"), Some(0), Some(0)), "all traffic");
        assert_eq!(service(Some("tcp"), Some(0), Some(65535)), "all TCP");
        assert_eq!(
            service(Some("udp"), Some(1024), Some(2048)),
            "udp/1024-2048"
        );
        assert_eq!(service(None, Some(1), Some(1)), "traffic");
    }

    #[test]
    fn names_lose_their_security_group_decoration() {
        let clean = |name| clean_name(name).unwrap_or_default();
        assert_eq!(clean("alb_sg"), "alb");
        assert_eq!(clean("alb_sg_id"), "alb");
        assert_eq!(clean("cluster_security_group_id"), "cluster");
        assert_eq!(clean("webSecurityGroup"), "web");
        assert_eq!(clean("sg-web"), "web");
        assert_eq!(clean("my-app-sg"), "my-app");
        assert_eq!(clean("worker_group"), "worker_group");
        assert_eq!(clean_name("sg"), None);
        assert_eq!(clean_name("security-group"), None);
        assert_eq!(clean_name("SG"), None);
    }

    #[test]
    fn odd_expressions_name_what_they_can_and_never_panic() {
        let code = "f(a=self.alb_sg.id, b=groups['web'].id, c=sgs[0].id, d=(x_sg).id, \
                    e=get_sg('x').id, f=self.id, g=alb_sg_id, h=vpc.cidr_block, i=a.b.c.id, \
                    j=sg.id.apply(lambda i: i), k='sg-0123', l=x[1:2], m=-1, n=self, o=s3.prefix_list_id)\n";
        let tree = crate::source::parse(code);
        let call = tree
            .root_node()
            .named_child(0)
            .unwrap()
            .named_child(0)
            .unwrap();
        let arguments = call.child_by_field_id(fields().arguments).unwrap();
        let names: Vec<String> = items(arguments)
            .into_iter()
            .map(|kw| {
                let value = kw.child_by_field_id(fields().value).unwrap();
                name_of(value, code).unwrap_or_else(|| "-".into())
            })
            .collect();
        assert_eq!(
            names,
            [
                "alb", "web", "-", "x", "-", "-", "alb", "vpc", "c", "-", "-", "x", "-", "-", "s3"
            ]
        );
    }

    #[test]
    fn regression_deeply_nested_peer_overflowed_the_stack() {
        let depth = 100_000;
        let code = format!("{}alb_sg{}.id.id\n", "(".repeat(depth), ")".repeat(depth));
        let tree = crate::source::parse(&code);
        let value = tree
            .root_node()
            .named_child(0)
            .unwrap()
            .named_child(0)
            .unwrap();
        assert_eq!(name_of(value, &code).as_deref(), Some("alb"));
    }

    #[test]
    fn descriptions_keep_only_allowed_characters() {
        assert_eq!(sanitize("Allow 'x' <y> to reach z"), "Allow x y to reach z");
        assert_eq!(sanitize("a\"b\\c`d"), "abcd");
        let allowed = "a-zA-Z0-9. _-:/()#,@[]+=&;{}!$*";
        assert_eq!(sanitize(allowed), allowed);
        assert_eq!(sanitize(&"x".repeat(300)).len(), 255);
    }
}
