//! `missing-import`: `aws.s3.Bucket(...)`, `pulumi.export(...)`, `json.dumps(...)` in a file
//! that never imports (or otherwise binds) `aws`, `pulumi_aws`, `pulumi` or `json`: a
//! NameError at run time. Adds the import.

use super::{Checker, Match, codemod};
use crate::edit::{Fix, add_import};
use crate::pulumi::unbound::{is_aws_root_name, unbound_attribute_heads};
use crate::pulumi::{Major, Tables};
use crate::source::fields;
use tree_sitter::Node;

pub const CODEMOD: super::Codemod = codemod! {
    id: "missing-import",
    title: "`aws`, `pulumi_aws`, `pulumi` or `json` used but never imported",
    fix: Safe,
    severity: Error,
    matches: file,
    check: check,
};

/// The names a Pulumi program uses by convention, and the import each stands for.
const CONVENTIONAL: &[(&str, &str)] = &[
    ("aws", "import pulumi_aws as aws"),
    ("pulumi_aws", "import pulumi_aws"),
    ("pulumi", "import pulumi"),
    ("json", "import json"),
];

/// Called once per file (even one that imports no `pulumi_aws`, which it may make one).
fn check(cx: &mut Checker, _: &Match) {
    // Whether the file is a pulumi_aws program for certain (it imports pulumi_aws, or will),
    // or likely (`aws.<module>`, but some other `aws.<name>` is no pulumi_aws name).
    let mut aws_program = cx.imports.imports_pulumi_aws();
    let mut likely = false;
    // (first use, import statement, or why the import is not added)
    let mut reports: Vec<(Node, Result<&str, String>)> = Vec::new();
    for &(name, statement) in CONVENTIONAL {
        let Some(uses) = unbound_attribute_heads(cx.tree, cx.text, cx.imports, name) else {
            continue;
        };
        let Some(first) = uses
            .first()
            .and_then(|u| u.child_by_field_id(fields().object))
        else {
            continue;
        };
        match name {
            // `aws` stands for `pulumi_aws` when its `aws.<name>` are pulumi_aws names.
            "aws" => {
                // Loaded here only: most files use no name they do not bind.
                let tables = Tables::get(cx.file.pulumi_aws.unwrap_or(Major::NEWEST));
                let names: Vec<&str> = uses
                    .iter()
                    .filter_map(|u| u.child_by_field_id(fields().attribute))
                    .map(|a| cx.src(a))
                    .collect();
                // Not a word about code that is no pulumi_aws program.
                if !names.iter().any(|n| tables.has_module(n)) {
                    continue;
                }
                match names.iter().find(|n| !is_aws_root_name(tables, n)) {
                    None => {
                        aws_program = true;
                        reports.push((first, Ok(statement)));
                    }
                    Some(other) => {
                        likely = true;
                        let why = format!(
                            "`aws.{other}` is not a pulumi_aws name, so import what `aws` stands for by hand"
                        );
                        reports.push((first, Err(why)));
                    }
                }
            }
            "pulumi_aws" => {
                aws_program = true;
                reports.push((first, Ok(statement)));
            }
            _ => reports.push((first, Ok(statement))),
        }
    }
    // `pulumi` and `json` only in a pulumi_aws program: other Python is not ours to judge;
    // imports are added only where it is one for certain.
    if !aws_program && !likely {
        return;
    }
    for (node, import) in reports {
        let name = cx.src(node).to_string();
        let (advice, fix) = match import {
            Ok(statement) if aws_program => (
                format!("add `{statement}`"),
                Some(Fix::safe(vec![add_import(
                    cx.text,
                    cx.tree,
                    statement,
                    cx.style(),
                )])),
            ),
            Ok(statement) => (format!("add `{statement}`"), None),
            Err(why) => (why, None),
        };
        let message = format!(
            "`{name}` is used but never imported: the program fails with NameError; {advice}"
        );
        cx.report(node, message, fix);
    }
}
