//! A call that constructs a `pulumi_aws` resource (or `*Args` class), with its keyword
//! arguments.

use super::Imports;
use tree_sitter::Node;

#[derive(Debug, Clone, Copy)]
pub struct Keyword<'t> {
    /// The whole `name=value` node.
    pub node: Node<'t>,
    pub value: Node<'t>,
}

#[derive(Debug, Clone)]
pub struct ResourceCall<'t> {
    pub node: Node<'t>,
    pub arguments: Node<'t>,
    /// `module.Class`, e.g. `ec2.Eip`.
    pub type_name: String,
}

impl<'t> ResourceCall<'t> {
    /// The `pulumi_aws` class `call` constructs, if it is one.
    pub fn resolve(call: Node<'t>, imports: &Imports, text: &str) -> Option<ResourceCall<'t>> {
        if call.kind() != "call" {
            return None;
        }
        let arguments = call.child_by_field_name("arguments")?;
        if arguments.kind() != "argument_list" {
            return None;
        }
        let type_name = imports.resolve_aws(call.child_by_field_name("function")?, text)?;
        Some(ResourceCall {
            node: call,
            arguments,
            type_name,
        })
    }

    pub fn is(&self, types: &[&str]) -> bool {
        types.contains(&self.type_name.as_str())
    }

    /// The class name without its module: `Eip`.
    pub fn class_name(&self) -> &str {
        self.type_name.rsplit('.').next().unwrap_or(&self.type_name)
    }

    pub fn keyword(&self, name: &str, text: &str) -> Option<Keyword<'t>> {
        self.keywords(text)
            .find(|(n, _)| *n == name)
            .map(|(_, k)| k)
    }

    pub fn keywords<'s>(
        &self,
        text: &'s str,
    ) -> impl Iterator<Item = (&'s str, Keyword<'t>)> + use<'s, 't> {
        let mut cursor = self.arguments.walk();
        let nodes: Vec<Node<'t>> = self.arguments.named_children(&mut cursor).collect();
        nodes
            .into_iter()
            .filter(|n| n.kind() == "keyword_argument")
            .filter_map(move |n| {
                let name = n.child_by_field_name("name")?;
                let value = n.child_by_field_name("value")?;
                Some((&text[name.byte_range()], Keyword { node: n, value }))
            })
    }

    /// True when `**kwargs` may supply arguments we cannot see: adding one could then raise
    /// "got multiple values for keyword argument".
    pub fn has_kwargs_splat(&self) -> bool {
        let mut cursor = self.arguments.walk();
        self.arguments
            .named_children(&mut cursor)
            .any(|n| n.kind() == "dictionary_splat")
    }

    /// The first positional argument (the Pulumi resource name).
    pub fn first_positional(&self) -> Option<Node<'t>> {
        let mut cursor = self.arguments.walk();
        self.arguments.named_children(&mut cursor).find(|n| {
            !matches!(
                n.kind(),
                "keyword_argument" | "comment" | "list_splat" | "dictionary_splat"
            )
        })
    }
}
