//! Import resolution: which dotted module path each local name stands for, so that
//! `aws.ec2.Eip`, `ec2.Eip`, `Eip`, `ElasticIp` and `pulumi_aws.ec2.Eip` all resolve to the
//! same `pulumi_aws.ec2.Eip`.

use crate::source::NodeKind;
use crate::source::fields;
use foldhash::HashMap;
use tree_sitter::{Node, Tree};

#[derive(Debug, Default)]
pub struct Imports {
    /// Local name -> the dotted path it is bound to.
    bindings: HashMap<String, String>,
    /// Some `from x import *` may bind any name.
    wildcard: bool,
}

impl Imports {
    /// Records one `import_statement` or `import_from_statement` node.
    pub fn add_statement(&mut self, node: Node, text: &str) {
        let t = |n: Node| text[n.byte_range()].to_string();
        let mut cursor = node.walk();
        match node.kind_str() {
            "import_statement" => {
                for name in node.children_by_field_name("name", &mut cursor) {
                    match name.kind_str() {
                        // `import a.b.c` binds `a`.
                        "dotted_name" => {
                            let full = t(name);
                            let head = full.split('.').next().unwrap_or_default().to_string();
                            self.bindings.insert(head.clone(), head);
                        }
                        // `import a.b as c` binds `c` to `a.b`.
                        "aliased_import" => {
                            if let (Some(path), Some(alias)) = (
                                name.child_by_field_id(fields().name),
                                name.child_by_field_id(fields().alias),
                            ) {
                                self.bindings.insert(t(alias), t(path));
                            }
                        }
                        _ => {}
                    }
                }
            }
            "import_from_statement" => {
                let mut children = node.walk();
                if node
                    .children(&mut children)
                    .any(|c| c.kind_str() == "wildcard_import")
                {
                    self.wildcard = true;
                }
                let Some(module) = node.child_by_field_id(fields().module_name) else {
                    return;
                };
                // Relative imports (`from . import x`) name the user's own modules.
                if module.kind_str() != "dotted_name" {
                    return;
                }
                let module = t(module);
                for name in node.children_by_field_name("name", &mut cursor) {
                    match name.kind_str() {
                        "dotted_name" => {
                            let local = t(name);
                            self.bindings
                                .insert(local.clone(), format!("{module}.{local}"));
                        }
                        "aliased_import" => {
                            if let (Some(path), Some(alias)) = (
                                name.child_by_field_id(fields().name),
                                name.child_by_field_id(fields().alias),
                            ) {
                                self.bindings
                                    .insert(t(alias), format!("{module}.{}", t(path)));
                            }
                        }
                        _ => {}
                    }
                }
            }
            _ => {}
        }
    }

    /// Collects every import statement of a file from its text: each `import` keyword found in
    /// code (not in a string or comment) belongs to one. Far cheaper than walking the tree.
    pub fn of_file(tree: &Tree, text: &str) -> Imports {
        let mut imports = Imports::default();
        let mut seeker = crate::source::Seeker::new(tree);
        for at in crate::source::words(text, "import") {
            if seeker.seek(at, at + "import".len()).kind_str() != "import" {
                continue;
            }
            if let Some((statement, _)) = seeker.up().filter(|(s, _)| {
                matches!(s.kind_str(), "import_statement" | "import_from_statement")
            }) {
                imports.add_statement(statement, text);
            }
        }
        imports
    }

    /// The local names that stand for `pulumi_aws` or something in it (`aws`, `ec2`,
    /// `ElasticIp`): every construction of a `pulumi_aws` class starts with one of them.
    pub fn pulumi_aws_names(&self) -> impl Iterator<Item = &str> {
        self.bindings
            .iter()
            .filter(|(_, path)| *path == "pulumi_aws" || path.starts_with("pulumi_aws."))
            .map(|(name, _)| name.as_str())
    }

    /// True when an import binds the local name `name`.
    pub fn binds(&self, name: &str) -> bool {
        self.bindings.contains_key(name)
    }

    /// The dotted path the local name `name` is bound to by an import.
    pub fn resolve_name(&self, name: &str) -> Option<String> {
        self.bindings.get(name).cloned()
    }

    /// True when a `from x import *` may bind names we cannot see.
    pub fn has_wildcard(&self) -> bool {
        self.wildcard
    }

    /// True when some import brings in `pulumi_aws` or one of its modules.
    pub fn imports_pulumi_aws(&self) -> bool {
        self.bindings
            .values()
            .any(|p| p == "pulumi_aws" || p.starts_with("pulumi_aws."))
    }

    /// The local name bound to exactly `path` (`ResourceOptions` for
    /// `pulumi.ResourceOptions`), the shortest then first in order when there are several.
    pub fn local_name(&self, path: &str) -> Option<&str> {
        self.bindings
            .iter()
            .filter(|(_, p)| *p == path)
            .map(|(local, _)| local.as_str())
            .min_by_key(|local| (local.len(), *local))
    }

    /// The dotted path an expression such as `aws.ec2.Eip` stands for, when it is a chain of
    /// names and attributes whose head was imported.
    pub fn resolve(&self, expr: Node, text: &str) -> Option<String> {
        if let Some(chain) = plain_chain(expr, text) {
            let (head, rest) = chain.split_at(chain.find('.').unwrap_or(chain.len()));
            return Some(format!("{}{rest}", self.bindings.get(head)?));
        }
        self.resolve_by_nodes(expr, text)
    }

    /// `resolve`, by walking down the chain's nodes.
    fn resolve_by_nodes(&self, expr: Node, text: &str) -> Option<String> {
        let f = fields();
        // Down the chain without recursion: a hostile file may hold `a.b.b.b...` 100,000 deep.
        let mut attributes = Vec::new();
        let mut node = expr;
        while node.kind_str() == "attribute" {
            attributes.push(&text[node.child_by_field_id(f.attribute)?.byte_range()]);
            node = node.child_by_field_id(f.object)?;
        }
        if node.kind_str() != "identifier" {
            return None;
        }
        let mut path = self.bindings.get(&text[node.byte_range()])?.clone();
        for attribute in attributes.iter().rev() {
            path.push('.');
            path.push_str(attribute);
        }
        Some(path)
    }

    /// The last name of what `expr` stands for (`aws.ec2.Eip` and `ElasticIp` -> `Eip`),
    /// cheaply, to rule out most calls before resolving them.
    pub fn last_name<'a>(&'a self, expr: Node, text: &'a str) -> Option<&'a str> {
        match expr.kind_str() {
            "identifier" => {
                let name = &text[expr.byte_range()];
                let path = self.bindings.get(name).map_or(name, String::as_str);
                path.rsplit('.').next()
            }
            "attribute" => Some(&text[expr.child_by_field_id(fields().attribute)?.byte_range()]),
            _ => None,
        }
    }

    /// The `module.Class` of a `pulumi_aws` class an expression names (`ec2.Eip`), also
    /// through the SDK's file modules (`pulumi_aws.ec2.eip.Eip`).
    pub fn resolve_aws(&self, expr: Node, text: &str) -> Option<String> {
        aws_type(&self.resolve(expr, text)?)
    }

    /// The key of the schema tables (`ec2.Eip`, `Provider`) for an expression that names a
    /// class the way the SDK exports it: `pulumi_aws.<module>.<Class>` or `pulumi_aws.<Class>`.
    /// File modules (`ec2.eip.Eip`) and output types (`ec2.outputs.X`) are not keys.
    pub fn resolve_aws_key(&self, expr: Node, text: &str) -> Option<String> {
        aws_key(&self.resolve(expr, text)?)
    }
}

/// The `module.Class` of a resolved path into `pulumi_aws`, also through the SDK's file
/// modules (`pulumi_aws.ec2.eip.Eip` -> `ec2.Eip`).
pub fn aws_type(path: &str) -> Option<String> {
    let rest = path.strip_prefix("pulumi_aws.")?;
    let segments: Vec<&str> = rest.split('.').collect();
    let class_at = segments
        .iter()
        .position(|s| s.starts_with(|c: char| c.is_ascii_uppercase()))?;
    if class_at == 0 || class_at + 1 != segments.len() {
        return None;
    }
    Some(format!("{}.{}", segments[0], segments[class_at]))
}

/// The schema key of a resolved path (`pulumi_aws.ec2.Eip` -> `ec2.Eip`), when it names a
/// class the way the SDK exports it.
pub fn aws_key(path: &str) -> Option<String> {
    let key = path.strip_prefix("pulumi_aws.")?;
    let (module, class) = key.rsplit_once('.').unwrap_or(("", key));
    let is_module = |m: &str| m.starts_with(|c: char| c.is_ascii_lowercase());
    (class.starts_with(|c: char| c.is_ascii_uppercase())
        && (module.is_empty() || (is_module(module) && !module.contains('.'))))
    .then(|| key.to_string())
}

/// The text of `expr` when it is a chain of names written without space, comment or line
/// break (`aws.ec2.Eip`): then the text says the chain, and reading it costs less than
/// walking the chain's nodes. `None` for anything else.
fn plain_chain<'a>(expr: Node, text: &'a str) -> Option<&'a str> {
    if !matches!(expr.kind_str(), "identifier" | "attribute") {
        return None;
    }
    let chain = &text[expr.byte_range()];
    let is_name_byte = |b: u8| b.is_ascii_alphanumeric() || b == b'_' || b >= 0x80;
    let plain = chain.split('.').all(|name| {
        name.bytes().next().is_some_and(|b| !b.is_ascii_digit()) && name.bytes().all(is_name_byte)
    });
    plain.then_some(chain)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::parse;

    fn resolve_last_call(program: &str) -> Option<String> {
        let tree = parse(program);
        let mut imports = Imports::default();
        let root = tree.root_node();
        let mut callee = None;
        let mut cursor = root.walk();
        for stmt in root.children(&mut cursor) {
            match stmt.kind_str() {
                "import_statement" | "import_from_statement" => {
                    imports.add_statement(stmt, program)
                }
                "expression_statement" => {
                    let call = stmt.named_child(0).unwrap();
                    callee = call.child_by_field_id(fields().function);
                }
                _ => {}
            }
        }
        imports.resolve_aws(callee?, program)
    }

    /// `resolve` reads a chain written without space or comment from its text: on every
    /// fixture, and on chains written with them, it must say what walking the nodes says.
    #[test]
    fn a_chain_read_from_the_text_resolves_as_its_nodes_do() {
        let written = "import pulumi_aws as aws\nfrom pulumi_aws import ec2 as ec2_\n\
            x = aws.ec2.Eip\ny = aws . ec2.Eip\nz = (aws  # c\n  .ec2).Eip\n\
            w = aws.ec2.\\\n  Eip\nv = ec2_.Eip\nu = (aws).ec2\n";
        let mut sources = vec![written.to_string()];
        let mut folders =
            vec![std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("testdata")];
        while let Some(folder) = folders.pop() {
            for entry in std::fs::read_dir(folder).unwrap() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    folders.push(path);
                } else if path.extension().is_some_and(|e| e == "py")
                    && let Ok(text) = std::fs::read_to_string(&path)
                {
                    sources.push(text);
                }
            }
        }
        let (mut compared, mut resolved, mut by_nodes_only) = (0, 0, 0);
        for text in &sources {
            let tree = parse(text);
            let imports = Imports::of_file(&tree, text);
            for node in crate::source::every_node(&tree)
                .filter(|n| matches!(n.kind_str(), "identifier" | "attribute"))
            {
                let expected = imports.resolve_by_nodes(node, text);
                assert_eq!(
                    imports.resolve(node, text),
                    expected,
                    "{}",
                    &text[node.byte_range()]
                );
                compared += 1;
                resolved += usize::from(expected.is_some());
                by_nodes_only +=
                    usize::from(expected.is_some() && plain_chain(node, text).is_none());
            }
        }
        assert!(resolved > 5000, "only {resolved} of {compared} resolved");
        assert!(
            by_nodes_only >= 3,
            "only {by_nodes_only} chains with space or comment"
        );
    }

    #[test]
    fn every_import_style_resolves_to_the_same_class() {
        for program in [
            "import pulumi_aws as aws\naws.ec2.Eip('e')\n",
            "import pulumi_aws\npulumi_aws.ec2.Eip('e')\n",
            "from pulumi_aws import ec2\nec2.Eip('e')\n",
            "from pulumi_aws.ec2 import Eip\nEip('e')\n",
            "from pulumi_aws.ec2 import Eip as ElasticIp\nElasticIp('e')\n",
            "import pulumi_aws.ec2 as compute\ncompute.Eip('e')\n",
            "import pulumi_aws.ec2\npulumi_aws.ec2.Eip('e')\n",
            "import pulumi_aws\npulumi_aws.ec2.eip.Eip('e')\n",
        ] {
            assert_eq!(
                resolve_last_call(program).as_deref(),
                Some("ec2.Eip"),
                "{program}"
            );
        }
    }

    #[test]
    fn schema_keys_only_for_classes_named_through_their_module() {
        let key = |program: &str| {
            let tree = parse(program);
            let mut imports = Imports::default();
            let root = tree.root_node();
            imports.add_statement(root.named_child(0).unwrap(), program);
            let call = root.named_child(1).unwrap().named_child(0).unwrap();
            imports.resolve_aws_key(call.child_by_field_id(fields().function).unwrap(), program)
        };
        assert_eq!(
            key("import pulumi_aws as aws\naws.ec2.Eip('e')\n").as_deref(),
            Some("ec2.Eip")
        );
        assert_eq!(
            key("import pulumi_aws as aws\naws.Provider('p')\n").as_deref(),
            Some("Provider")
        );
        assert_eq!(
            key("from pulumi_aws.ec2 import Eip\nEip('e')\n").as_deref(),
            Some("ec2.Eip")
        );
        for program in [
            "import pulumi_aws as aws\naws.ec2.eip.Eip('e')\n",
            "import pulumi_aws as aws\naws.ec2.outputs.InstanceEbsBlockDevice()\n",
            "import pulumi_aws as aws\naws.ec2.Vpc.get('v', 'id')\n",
            "import pulumi_aws as aws\naws.get_availability_zones()\n",
        ] {
            assert_eq!(key(program), None, "{program}");
        }
    }

    #[test]
    fn regression_long_attribute_chain_overflowed_the_stack() {
        let program = format!(
            "import pulumi_aws as aws\naws{}.Eip('e')\n",
            ".ec2".repeat(100_000)
        );
        assert_eq!(resolve_last_call(&program).as_deref(), Some("ec2.Eip"));
    }

    #[test]
    fn other_names_do_not_resolve() {
        assert_eq!(
            resolve_last_call("import boto3 as aws\naws.ec2.Eip('e')\n"),
            None
        );
        assert_eq!(
            resolve_last_call("from .aws import ec2\nec2.Eip('e')\n"),
            None
        );
        assert_eq!(resolve_last_call("Eip('e')\n"), None);
    }
}
