//! `pulumi.Output` as programs write it: what an `apply` callback's parameter stands for,
//! and how the file names `pulumi.Output` for a new `Output.all(...)`.

use super::Imports;
use crate::edit::items;
use crate::source::NodeKind;
use crate::source::fields;
use tree_sitter::Node;

/// What a callback passed to `.apply(...)` receives.
#[derive(Debug, Clone)]
pub enum Applied<'t> {
    /// `X.apply(lambda x: ...)`: the value of `X`.
    One(Node<'t>),
    /// `Output.all(a, b).apply(lambda args: ...)`: `args[i]` is the value of the i-th element;
    /// `arguments` is the argument list of `Output.all`.
    All {
        arguments: Node<'t>,
        elements: Vec<Node<'t>>,
    },
}

/// What `lambda` is applied to, when it is the only argument of `<output>.apply(...)`.
/// `Output.all` with keywords or splats (whose callback gets a dict or an unknown list) is not
/// read.
pub fn applied_to<'t>(lambda: Node<'t>, imports: &Imports, text: &str) -> Option<Applied<'t>> {
    let arguments = lambda
        .parent()
        .filter(|p| p.kind_str() == "argument_list")?;
    if items(arguments).len() != 1 {
        return None;
    }
    let function = arguments.parent()?.child_by_field_id(fields().function)?;
    if function.kind_str() != "attribute"
        || &text[function.child_by_field_id(fields().attribute)?.byte_range()] != "apply"
    {
        return None;
    }
    let receiver = function.child_by_field_id(fields().object)?;
    if receiver.kind_str() == "call"
        && imports
            .resolve(receiver.child_by_field_id(fields().function)?, text)
            .as_deref()
            == Some("pulumi.Output.all")
    {
        let arguments = receiver.child_by_field_id(fields().arguments)?;
        let elements = items(arguments);
        if elements
            .iter()
            .any(|e| e.kind_str() == "keyword_argument" || e.kind_str().ends_with("splat"))
        {
            return None;
        }
        return Some(Applied::All {
            arguments,
            elements,
        });
    }
    Some(Applied::One(receiver))
}

/// The only parameter of a lambda, when it has exactly one plain one.
pub fn lambda_parameter(lambda: Node) -> Option<Node> {
    match items(lambda.child_by_field_id(fields().parameters)?)[..] {
        [p] if p.kind_str() == "identifier" => Some(p),
        _ => None,
    }
}

/// How the file writes `pulumi.Output`, and the import a new mention needs.
pub fn output_class(imports: &Imports) -> (String, Option<&'static str>) {
    if let Some(local) = imports.local_name("pulumi.Output") {
        return (local.to_string(), None);
    }
    match imports.local_name("pulumi") {
        Some(pulumi) => (format!("{pulumi}.Output"), None),
        None => ("pulumi.Output".to_string(), Some("import pulumi")),
    }
}
