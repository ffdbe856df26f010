//! A call that constructs a `pulumi_aws` resource (or `*Args` class), with its keyword
//! arguments.

use super::Imports;
use crate::source::NodeKind;
use crate::source::fields;
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
    /// The keyword arguments, read once: codemods look several up per call.
    keywords: Vec<(std::ops::Range<usize>, Keyword<'t>)>,
    /// Whether a `**kwargs` spread is among the arguments.
    splat: bool,
}

impl<'t> ResourceCall<'t> {
    /// The `pulumi_aws` class `call` constructs, if it is one.
    pub fn resolve(call: Node<'t>, imports: &Imports, text: &str) -> Option<ResourceCall<'t>> {
        Self::resolve_with(call, |function| imports.resolve_aws(function, text))
    }

    /// Like `resolve`, but only for a class named the way the SDK exports it, with
    /// `type_name` the key of the schema tables (`ec2.Eip`, `Provider`).
    pub fn resolve_key(call: Node<'t>, imports: &Imports, text: &str) -> Option<ResourceCall<'t>> {
        Self::resolve_with(call, |function| imports.resolve_aws_key(function, text))
    }

    /// `call` as a construction of `type_name`, already resolved by the caller.
    pub fn with_type(call: Node<'t>, type_name: String) -> Option<ResourceCall<'t>> {
        Self::resolve_with(call, |_| Some(type_name))
    }

    fn resolve_with(
        call: Node<'t>,
        type_name: impl FnOnce(Node<'t>) -> Option<String>,
    ) -> Option<ResourceCall<'t>> {
        if call.kind_str() != "call" {
            return None;
        }
        let f = fields();
        let arguments = call.child_by_field_id(f.arguments)?;
        if arguments.kind_str() != "argument_list" {
            return None;
        }
        let type_name = type_name(call.child_by_field_id(f.function)?)?;
        let mut cursor = arguments.walk();
        let mut keywords = Vec::new();
        let mut splat = false;
        for n in arguments.named_children(&mut cursor) {
            match n.kind_str() {
                "keyword_argument" => {
                    if let (Some(name), Some(value)) =
                        (n.child_by_field_id(f.name), n.child_by_field_id(f.value))
                    {
                        keywords.push((name.byte_range(), Keyword { node: n, value }));
                    }
                }
                "dictionary_splat" => splat = true,
                _ => {}
            }
        }
        Some(ResourceCall {
            node: call,
            arguments,
            type_name,
            keywords,
            splat,
        })
    }

    /// The same call under another type name (a schema key instead of `module.Class`).
    pub fn retyped(self, type_name: String) -> ResourceCall<'t> {
        ResourceCall { type_name, ..self }
    }

    pub fn is(&self, types: &[&str]) -> bool {
        types.contains(&self.type_name.as_str())
    }

    /// The class name without its module: `Eip`.
    pub fn class_name(&self) -> &str {
        self.type_name.rsplit('.').next().unwrap_or(&self.type_name)
    }

    pub fn keyword(&self, name: &str, text: &str) -> Option<Keyword<'t>> {
        self.keywords
            .iter()
            .find(|(range, _)| &text[range.clone()] == name)
            .map(|(_, k)| *k)
    }

    pub fn keywords<'s>(
        &self,
        text: &'s str,
    ) -> impl Iterator<Item = (&'s str, Keyword<'t>)> + use<'_, 's, 't> {
        self.keywords
            .iter()
            .map(move |(range, k)| (&text[range.clone()], *k))
    }

    /// True when `**kwargs` may supply arguments we cannot see: adding one could then raise
    /// "got multiple values for keyword argument".
    pub fn has_kwargs_splat(&self) -> bool {
        self.splat
    }

    /// The first positional argument (the Pulumi resource name).
    pub fn first_positional(&self) -> Option<Node<'t>> {
        let mut cursor = self.arguments.walk();
        self.arguments.named_children(&mut cursor).find(|n| {
            !matches!(
                n.kind_str(),
                "keyword_argument" | "comment" | "list_splat" | "dictionary_splat"
            )
        })
    }

    /// The call whose keywords the SDK reads: this one, or the `*Args(...)` object passed as
    /// `args=` or as the second positional argument (the SDK then ignores every keyword beside
    /// it). `None` when they come from something we cannot read: a variable, `*a`, `**kw`.
    pub fn written_arguments(&self, imports: &Imports, text: &str) -> Option<ResourceCall<'t>> {
        if self.has_kwargs_splat() {
            return None;
        }
        let mut cursor = self.arguments.walk();
        let children: Vec<Node<'t>> = self.arguments.named_children(&mut cursor).collect();
        if children.iter().any(|n| n.kind_str() == "list_splat") {
            return None;
        }
        let second_positional = children
            .iter()
            .filter(|n| !matches!(n.kind_str(), "keyword_argument" | "comment"))
            .nth(1)
            .copied();
        let Some(object) =
            second_positional.or_else(|| self.keyword("args", text).map(|k| k.value))
        else {
            return Some(self.clone());
        };
        // `<Class>Args`, or `<Class>InitArgs` where the SDK renamed it, of the same module (not
        // `BucketV2Args` for `Bucket`: another class's object is taken for the options).
        let own = [
            format!("{}Args", self.type_name),
            format!("{}InitArgs", self.type_name),
        ];
        if let Some(args) =
            ResourceCall::resolve(object, imports, text).filter(|a| own.contains(&a.type_name))
        {
            return Some(args);
        }
        // A second positional `pulumi.ResourceOptions(...)` is the options, not the arguments.
        let is_options = object.kind_str() == "call"
            && object
                .child_by_field_id(fields().function)
                .and_then(|f| imports.resolve(f, text))
                .is_some_and(|p| p == "pulumi.ResourceOptions");
        is_options.then(|| self.clone())
    }
}
