//! Names a program uses without ever binding them: `aws.s3.Bucket(...)` in a file with no
//! `import pulumi_aws as aws` fails with NameError. Python's scoping is not modelled: a name
//! bound anywhere in the file, in any way, counts as bound.

use super::{Imports, Tables};
use crate::source::NodeKind;
use crate::source::Seeker;
use crate::source::fields;
use tree_sitter::{Node, Tree};

/// Names of the `pulumi_aws` package itself that are not classes: its functions and `config`,
/// what `aws.<name>` may stand for besides a module or a class (`aws.get_caller_identity()`).
/// `tests/pulumi_mocks.rs` checks each against the real SDK.
pub const AWS_ROOT_FUNCTIONS: &[&str] = &[
    "arn_build",
    "arn_parse",
    "config",
    "get_arn",
    "get_availability_zone",
    "get_availability_zones",
    "get_billing_service_account",
    "get_caller_identity",
    "get_default_tags",
    "get_ip_ranges",
    "get_partition",
    "get_region",
    "get_regions",
    "get_service",
    "get_service_principal",
    "trim_iam_role_path",
    "user_agent",
];

/// The uses of `name` as the head of an attribute (`aws` in `aws.s3.Bucket`), as the
/// `attribute` nodes, when nothing in the file binds it: no import, assignment, parameter,
/// `def`, `for`, `with ... as`, `global` or anything else; empty when it is not used. `None`
/// when it is bound, or appears in a way this does not tell apart from a binding (a bare
/// `print(aws)` counts as one): then it is left alone.
pub fn unbound_attribute_heads<'t>(
    tree: &'t Tree,
    text: &str,
    imports: &Imports,
    name: &str,
) -> Option<Vec<Node<'t>>> {
    if imports.binds(name) || imports.has_wildcard() {
        return None;
    }
    let mut seeker = Seeker::new(tree);
    let mut uses = Vec::new();
    for at in crate::source::words(text, name) {
        let node = seeker.seek(at, at + name.len());
        // Strings and comments.
        if node.kind_str() != "identifier" || node.start_byte() != at {
            continue;
        }
        match seeker.up() {
            Some((parent, Some("object"))) if parent.kind_str() == "attribute" => uses.push(parent),
            // `x.aws`, `f(aws=1)`: another object's attribute, a keyword's name.
            Some((parent, Some("attribute"))) if parent.kind_str() == "attribute" => {}
            Some((parent, Some("name"))) if parent.kind_str() == "keyword_argument" => {}
            Some((parent, _)) if parent.kind_str() == "dotted_name" => {
                // In an import, a name `Imports` did not record binds nothing (`import
                // pulumi_aws as aws`, `from aws import x`), except in a relative import,
                // which `Imports` leaves out: `from . import aws`.
                let statement = parent.parent().and_then(|p| match p.kind_str() {
                    "aliased_import" => p.parent(),
                    _ => Some(p),
                });
                match statement {
                    Some(s) if s.kind_str() == "import_statement" => {}
                    Some(s)
                        if s.kind_str() == "import_from_statement"
                            && s.child_by_field_id(fields().module_name)
                                .is_some_and(|m| m.kind_str() == "dotted_name") => {}
                    _ => return None,
                }
            }
            _ => return None,
        }
    }
    Some(uses)
}

/// True when `aws` in `aws.<first>` stands for `pulumi_aws`: `first` is one of its modules,
/// a class of its root package (`Provider`) or one of its root functions.
pub fn is_aws_root_name(tables: &Tables, first: &str) -> bool {
    tables.has_module(first) || tables.exports(first) || AWS_ROOT_FUNCTIONS.contains(&first)
}

/// Cheap, before parsing: whether the text writes `aws.<module>.` for a module of `tables`
/// (`aws.s3.Bucket`), as a program that uses `pulumi_aws` under its usual alias without
/// importing it does. Most files have no `aws.` at all.
pub fn mentions_aws_module(text: &[u8], tables: &Tables) -> bool {
    let is_ident = |b: u8| b.is_ascii_alphanumeric() || b == b'_';
    memchr::memmem::find_iter(text, b"aws.").any(|at| {
        if at > 0 && (is_ident(text[at - 1]) || text[at - 1] == b'.') {
            return false;
        }
        let rest = &text[at + 4..];
        let len = rest.iter().take_while(|&&b| is_ident(b)).count();
        len > 0
            && rest.get(len) == Some(&b'.')
            && std::str::from_utf8(&rest[..len]).is_ok_and(|module| tables.has_module(module))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pulumi::Major;
    use crate::source::parse;

    fn heads(program: &str, name: &str) -> Option<Vec<String>> {
        let tree = parse(program);
        let imports = Imports::of_file(&tree, program);
        unbound_attribute_heads(&tree, program, &imports, name).map(|uses| {
            uses.iter()
                .map(|n| program[n.byte_range()].to_string())
                .collect()
        })
    }

    #[test]
    fn uses_of_a_name_nothing_binds() {
        let program = "import pulumi\n# aws.s3 in a comment\nb = aws.s3.Bucket('b', tags={'aws': x.aws})\nf(aws=1)\n";
        assert_eq!(heads(program, "aws").unwrap(), ["aws.s3"]);
        assert_eq!(heads(program, "json").unwrap(), Vec::<String>::new());
        assert_eq!(heads(program, "pulumi"), None);
        // Named in imports without being bound by them.
        let program = "import pulumi_aws.s3 as s3\nfrom pulumi import Output\naws.s3.Bucket('b')\npulumi.export('x', 1)\n";
        assert_eq!(heads(program, "pulumi_aws").unwrap(), Vec::<String>::new());
        assert_eq!(heads(program, "pulumi").unwrap(), ["pulumi.export"]);
    }

    #[test]
    fn any_binding_leaves_the_name_alone() {
        for program in [
            "aws = make()\naws.s3.Bucket('b')\n",
            "def f(aws):\n    return aws.s3.Bucket('b')\n",
            "for aws in xs:\n    aws.s3\n",
            "with open('f') as aws:\n    aws.s3\n",
            "from mylib import *\naws.s3.Bucket('b')\n",
            "from . import aws\naws.s3.Bucket('b')\n",
            "import pulumi_aws as aws\naws.s3.Bucket('b')\n",
            "print(aws)\naws.s3.Bucket('b')\n",
            "class aws:\n    pass\naws.s3\n",
            "def g():\n    global aws\n    aws = 1\naws.s3\n",
            "[aws.s3 for aws in xs]\n",
        ] {
            assert_eq!(heads(program, "aws"), None, "{program}");
        }
    }

    #[test]
    fn the_text_check_wants_a_real_module() {
        let tables = Tables::get(Major::V7);
        assert!(mentions_aws_module(b"b = aws.s3.Bucket('b')\n", tables));
        assert!(mentions_aws_module(
            b"f = aws.lambda_.Function('f')\n",
            tables
        ));
        assert!(!mentions_aws_module(b"x = aws.client('s3')\n", tables));
        assert!(!mentions_aws_module(b"x = boto_aws.s3.thing\n", tables));
        assert!(!mentions_aws_module(b"x = my.aws.s3.thing\n", tables));
        assert!(!mentions_aws_module(b"x = aws.notamodule.thing\n", tables));
    }
}
