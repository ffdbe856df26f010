//! `sg-rule-description`: security group rules without a description (catalog issue 13).

use super::{Checker, Match, codemod};
use crate::edit::{Fix, append_items, items};
use crate::pulumi::ResourceCall;
use crate::pulumi::literal::{bool_value, int_value, scalar_text, string_value};
use tree_sitter::Node;

pub const CODEMOD: super::Codemod = codemod! {
    id: "sg-rule-description",
    title: "Security group rule without a description",
    fix: Safe,
    check: check,
};

#[derive(Clone, Copy, PartialEq, Eq)]
enum Direction {
    Ingress,
    Egress,
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
                let key = pair.child_by_field_name("key")?;
                (pair.kind() == "pair" && string_value(key, text) == Some(name))
                    .then(|| pair.child_by_field_name("value"))
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
    protocol: &'static str,
    cidrs: &'static [&'static str],
    prefix_lists: &'static str,
    peer_groups: &'static str,
}

const LEGACY: Schema = Schema {
    protocol: "protocol",
    cidrs: &["cidr_blocks", "ipv6_cidr_blocks"],
    prefix_lists: "prefix_list_ids",
    peer_groups: "source_security_group_id",
};
const INLINE: Schema = Schema {
    protocol: "protocol",
    cidrs: &["cidr_blocks", "ipv6_cidr_blocks"],
    prefix_lists: "prefix_list_ids",
    peer_groups: "security_groups",
};
const VPC: Schema = Schema {
    protocol: "ip_protocol",
    cidrs: &["cidr_ipv4", "cidr_ipv6"],
    prefix_lists: "prefix_list_id",
    peer_groups: "referenced_security_group_id",
};

fn check(cx: &mut Checker, m: &Match) {
    let Some(call_node) = m.node("call") else {
        return;
    };
    let Some(call) = cx.resource_call(
        call_node,
        &[
            "ec2.SecurityGroupRule",
            "vpc.SecurityGroupIngressRule",
            "vpc.SecurityGroupEgressRule",
            "ec2.SecurityGroup",
        ],
    ) else {
        return;
    };
    match call.type_name.as_str() {
        "ec2.SecurityGroup" => check_inline_rules(cx, &call),
        "ec2.SecurityGroupRule" => {
            let direction =
                call.keyword("type", cx.text)
                    .and_then(|k| match string_value(k.value, cx.text) {
                        Some("ingress") => Some(Direction::Ingress),
                        Some("egress") => Some(Direction::Egress),
                        _ => None,
                    });
            let group = call
                .keyword("security_group_id", cx.text)
                .and_then(|k| name_of(k.value, cx.text));
            check_rule(cx, call_node, Fields::Call(call), &LEGACY, direction, group);
        }
        _ => {
            let direction = if call.class_name() == "SecurityGroupIngressRule" {
                Direction::Ingress
            } else {
                Direction::Egress
            };
            let group = call
                .keyword("security_group_id", cx.text)
                .and_then(|k| name_of(k.value, cx.text));
            check_rule(
                cx,
                call_node,
                Fields::Call(call),
                &VPC,
                Some(direction),
                group,
            );
        }
    }
}

/// The `ingress=[...]` / `egress=[...]` elements of a security group.
fn check_inline_rules(cx: &mut Checker, group: &ResourceCall) {
    let group_name = group_name(cx, group);
    for (keyword, direction, args_class) in [
        (
            "ingress",
            Direction::Ingress,
            "ec2.SecurityGroupIngressArgs",
        ),
        ("egress", Direction::Egress, "ec2.SecurityGroupEgressArgs"),
    ] {
        let Some(list) = group.keyword(keyword, cx.text).map(|k| k.value) else {
            continue;
        };
        if list.kind() != "list" {
            continue;
        }
        for element in items(list) {
            let fields = match element.kind() {
                "dictionary" => Fields::Dict(element),
                "call" => match cx.resource_call(element, &[args_class]) {
                    Some(args) => Fields::Call(args),
                    None => continue,
                },
                _ => continue,
            };
            check_rule(
                cx,
                element,
                fields,
                &INLINE,
                Some(direction),
                group_name.clone(),
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
    if fields.get("description", cx.text).is_some() || fields.has_splat() {
        return;
    }
    let fix = direction.map(|direction| {
        let description = describe(cx, &fields, schema, direction, group);
        let item = match fields {
            Fields::Call(_) => format!("description={}", cx.style().string(&description)),
            Fields::Dict(_) => format!(
                "{}: {}",
                cx.style().string("description"),
                cx.style().string(&description)
            ),
        };
        Fix::safe(vec![append_items(
            cx.text,
            fields.container(),
            &[item],
            cx.style(),
        )])
    });
    let message = if fix.is_some() {
        "Security group rule without a description: say why the port is open"
    } else {
        "Security group rule without a description; its direction (`type=`) is not a literal, so write one by hand"
    };
    cx.report(at, message, fix);
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
        .map(|n| names_in(n, text))
        .filter(|n| !n.is_empty());
    let cidrs: Vec<String> = schema
        .cidrs
        .iter()
        .filter_map(|k| fields.get(k, text))
        .flat_map(|n| cidrs_in(n, text))
        .collect();
    let prefix_lists = fields
        .get(schema.prefix_lists, text)
        .map(|n| names_in(n, text));

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

/// The CIDR blocks of a value: literals as written, expressions by their variable's name.
fn cidrs_in(node: Node, text: &str) -> Vec<String> {
    let elements = if node.kind() == "list" {
        items(node)
    } else {
        vec![node]
    };
    elements
        .into_iter()
        .filter_map(|n| {
            string_value(n, text)
                .map(str::to_string)
                .or_else(|| name_of(n, text))
        })
        .collect()
}

/// The names of the resources a value refers to (`[self.alb_sg.id]` -> `["alb"]`).
fn names_in(node: Node, text: &str) -> Vec<String> {
    let elements = if node.kind() == "list" {
        items(node)
    } else {
        vec![node]
    };
    elements
        .into_iter()
        .filter_map(|n| name_of(n, text))
        .collect()
}

/// A short name for the resource an expression refers to: `self.alb_sg.id` -> `alb`,
/// `vpc.cidr_block` -> `vpc`, `groups[i].id` -> `groups`.
fn name_of(node: Node, text: &str) -> Option<String> {
    let mut node = node;
    loop {
        match node.kind() {
            "attribute" => {
                let attribute = &text[node.child_by_field_name("attribute")?.byte_range()];
                let object = node.child_by_field_name("object")?;
                let is_output = matches!(
                    attribute,
                    "id" | "arn" | "cidr_block" | "ipv6_cidr_block" | "name"
                );
                if is_output && &text[object.byte_range()] != "self" {
                    node = object;
                    continue;
                }
                return Some(clean_name(attribute));
            }
            "subscript" => node = node.child_by_field_name("value")?,
            "identifier" => return Some(clean_name(&text[node.byte_range()])),
            _ => return None,
        }
    }
}

/// The name to use for a security group's own rules: what it is assigned to, else its
/// resource name.
fn group_name(cx: &Checker, group: &ResourceCall) -> Option<String> {
    let parent = group.node.parent()?;
    if parent.kind() == "assignment" {
        if let Some(name) = parent
            .child_by_field_name("left")
            .and_then(|l| name_of(l, cx.text))
        {
            return Some(name);
        }
    }
    let first = group.first_positional()?;
    let literal = match string_value(first, cx.text) {
        Some(s) => s.to_string(),
        // An f-string: its text up to the first interpolation (`f"alb-sg-{env}"` -> `alb-sg-`).
        None if first.kind() == "string" => {
            let mut cursor = first.walk();
            let content = first
                .named_children(&mut cursor)
                .find(|c| c.kind() == "string_content")?;
            let before_interpolation = first
                .named_children(&mut first.walk())
                .nth(1)
                .is_some_and(|c| c.id() == content.id());
            if !before_interpolation {
                return None;
            }
            cx.src(content).to_string()
        }
        None => return None,
    };
    let name =
        clean_name(literal.trim_matches(|c: char| c == '-' || c == '_' || c.is_whitespace()));
    (!name.is_empty()).then_some(name)
}

/// Drops the "security group" decoration from a name: `alb_sg` -> `alb`, `sg-web` -> `web`.
fn clean_name(name: &str) -> String {
    let lower = name.to_ascii_lowercase();
    for suffix in [
        "_security_group",
        "-security-group",
        "_secgroup",
        "_sg",
        "-sg",
        "securitygroup",
    ] {
        if lower.len() > suffix.len() && lower.ends_with(suffix) {
            return name[..name.len() - suffix.len()].to_string();
        }
    }
    for prefix in ["sg_", "sg-"] {
        if lower.len() > prefix.len() && lower.starts_with(prefix) {
            return name[prefix.len()..].to_string();
        }
    }
    name.to_string()
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
        assert_eq!(clean_name("alb_sg"), "alb");
        assert_eq!(clean_name("sg"), "sg");
        assert_eq!(clean_name("webSecurityGroup"), "web");
        assert_eq!(clean_name("sg-web"), "web");
    }

    #[test]
    fn descriptions_keep_only_allowed_characters() {
        assert_eq!(sanitize("Allow 'x' <y> to reach z"), "Allow x y to reach z");
    }
}
