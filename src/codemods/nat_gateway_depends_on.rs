//! `nat-gateway-depends-on`: EIPs and NAT gateways without an explicit dependency on the
//! program's internet gateway (catalog issue 2). The catalog's third case, a route through
//! `nat_gateway_id=X.id` without `X` in `depends_on`, is not reported: taking `X.id` already
//! orders the route after `X`, so the explicit edge adds nothing.

use super::{Checker, Match, codemod};
use crate::edit::Fix;
use crate::pulumi::ResourceCall;
use crate::pulumi::literal::string_value;
use crate::pulumi::symbols::Holder;
use crate::source::fields;
use std::collections::HashMap;
use tree_sitter::Node;

pub const CODEMOD: super::Codemod = codemod! {
    id: "nat-gateway-depends-on",
    title: "EIP or NAT gateway without `depends_on` on the program's internet gateway",
    fix: Safe,
    matches: classes["ec2.Eip", "ec2.NatGateway"],
    check: check,
};

const IGW: &[&str] = &["ec2.InternetGateway"];

fn check<'t>(cx: &mut Checker<'_, 't>, m: &Match<'_, 't>) {
    let Some(resource) = m.construction(&["ec2.Eip", "ec2.NatGateway"]) else {
        return;
    };
    // Keywords may be written in an `*Args(...)` object; `opts` is always on the call.
    let Some(args) = resource.written_arguments(cx.imports, cx.text) else {
        return;
    };
    gateway(cx, &resource, &args);
}

/// EIP -> `depends_on=[igw]`; public NAT gateway -> `depends_on=[eip, igw]`.
fn gateway<'t>(cx: &mut Checker<'_, 't>, resource: &ResourceCall<'t>, args: &ResourceCall<'t>) {
    let is_nat = resource.class_name() == "NatGateway";
    if is_nat
        && args
            .keyword("connectivity_type", cx.text)
            .is_some_and(|k| string_value(k.value, cx.text) != Some("public"))
    {
        return;
    }
    let gateways = cx.symbols().holders(resource.node, IGW);
    let gateway = match gateways.as_slice() {
        [] => return,
        [one] => Some(one.clone()),
        several => same_vpc(cx, resource, args, several),
    };
    let what = if is_nat { "NAT gateway" } else { "Elastic IP" };
    let Some(gateway) = gateway else {
        let names: Vec<String> = gateways.iter().map(|g| format!("`{}`", g.expr)).collect();
        let needed = gateways.clone();
        // Already depends on one of them: someone chose.
        if cx.missing_dependencies(resource, needed).len() < gateways.len() {
            return;
        }
        cx.report(
            resource.node,
            format!("{what} without `depends_on` on its internet gateway; {} are in scope and which one serves this VPC could not be told, so add the right one by hand", names.join(" and ")),
            None,
        );
        return;
    };
    // Only the gateway is ever missing for real: a NAT gateway's `allocation_id=eip.id` input
    // already orders it after its address.
    if cx
        .missing_dependencies(resource, vec![gateway.clone()])
        .is_empty()
    {
        return;
    }
    let mut needed = Vec::new();
    if is_nat && let Some(eip) = allocation(cx, args) {
        // Written too, for the reader, when the gateway is added anyway.
        needed.push(eip);
    }
    needed.push(gateway.clone());
    let missing = cx.missing_dependencies(resource, needed);
    let why = if is_nat {
        "the gateway can be created before the VPC has internet access and fail, or come up unable to route"
    } else {
        "AWS may allocate it before the VPC has internet access, and the NAT gateway that uses it then fails"
    };
    let fix = cx.add_depends_on(resource, &missing).map(Fix::safe);
    cx.report(
        resource.node,
        format!("{what} without `depends_on=[{}]`: {why}", gateway.expr),
        fix,
    );
}

/// `X` of `X.<attr>` when `value` is such an attribute and `X` uses no name bound inside the
/// call (a lambda's parameter).
fn object_of<'t>(cx: &Checker<'_, 't>, value: Node<'t>, attrs: &[&str]) -> Option<Node<'t>> {
    if value.kind() != "attribute" {
        return None;
    }
    let attr = value.child_by_field_id(fields().attribute)?;
    attrs.contains(&cx.src(attr)).then_some(())?;
    value.child_by_field_id(fields().object)
}

/// The EIP whose id a NAT gateway is given: `allocation_id=eip.id` -> `eip`, when `eip` is
/// known to be an EIP (the implicit dependency already orders it otherwise).
fn allocation<'t>(cx: &Checker<'_, 't>, args: &ResourceCall<'t>) -> Option<Holder> {
    let value = args.keyword("allocation_id", cx.text)?.value;
    let eip = object_of(cx, value, &["id", "allocation_id"])?;
    let resolved = cx.symbols().resolve(eip);
    resolved.is(&["ec2.Eip"]).then(|| Holder {
        expr: cx.src(eip).to_string(),
        id: resolved.id(),
    })
}

/// Of several internet gateways, the one attached to the VPC this resource lives in, when
/// that can be told: a NAT's VPC is its subnet's, an EIP's is that of the NAT using it.
fn same_vpc<'t>(
    cx: &Checker<'_, 't>,
    resource: &ResourceCall<'t>,
    args: &ResourceCall<'t>,
    gateways: &[Holder],
) -> Option<Holder> {
    let symbols = cx.symbols();
    let nat_args = if resource.class_name() == "NatGateway" {
        args.clone()
    } else {
        // The one NAT gateway of the program whose allocation resolves to this EIP.
        let me = symbols.resource_index(resource.node)?;
        let users = cx.per_file(nat_gateways_by_eip);
        let [user] = users.get(&me)?.as_slice() else {
            return None;
        };
        symbols.resources[*user]
            .call
            .written_arguments(cx.imports, cx.text)?
    };
    let subnet = object_of(cx, nat_args.keyword("subnet_id", cx.text)?.value, &["id"])?;
    let subnet = &symbols.resources[symbols.resolve(subnet).id()?].call;
    let vpc = vpc_key(cx, subnet)?;
    let gateway_vpcs = cx.per_file(gateway_vpcs);
    let mut matching = gateways
        .iter()
        .filter(|g| g.id.and_then(|id| gateway_vpcs.get(&id)) == Some(&vpc));
    let one = matching.next()?;
    matching.next().is_none().then(|| one.clone())
}

/// The file's NAT gateways by the EIP whose id they are given (`allocation_id=eip.id`), in
/// file order.
fn nat_gateways_by_eip(cx: &Checker<'_, '_>) -> HashMap<usize, Vec<usize>> {
    let symbols = cx.symbols();
    let mut by_eip: HashMap<usize, Vec<usize>> = HashMap::new();
    for (index, nat) in symbols.of_type(&["ec2.NatGateway"]) {
        let eip = nat
            .call
            .written_arguments(cx.imports, cx.text)
            .and_then(|args| args.keyword("allocation_id", cx.text))
            .and_then(|k| object_of(cx, k.value, &["id", "allocation_id"]))
            .and_then(|eip| symbols.resolve(eip).id());
        if let Some(eip) = eip {
            by_eip.entry(eip).or_default().push(index);
        }
    }
    by_eip
}

/// The VPC construction each internet gateway of the file names, when it names one.
fn gateway_vpcs(cx: &Checker<'_, '_>) -> HashMap<usize, usize> {
    let symbols = cx.symbols();
    symbols
        .of_type(IGW)
        .filter_map(|(index, gateway)| Some((index, vpc_key(cx, &gateway.call)?)))
        .collect()
}

/// The VPC construction a subnet or gateway names in `vpc_id=X.id`, when `X` resolves to
/// one construction.
fn vpc_key<'t>(cx: &Checker<'_, 't>, resource: &ResourceCall<'t>) -> Option<usize> {
    let args = resource.written_arguments(cx.imports, cx.text)?;
    let vpc = object_of(cx, args.keyword("vpc_id", cx.text)?.value, &["id"])?;
    cx.symbols().resolve(vpc).id()
}
