//! `upgrade-v7-dependency-pin`: under `infra-fix upgrade --to 7`, the project files that are
//! not Python: the `pulumi-aws` requirement of its dependency files, moved to 7 in the file's
//! own specifier style, and a stack's `aws:assumeRole` setting, which 7 reads as the list
//! `aws:assumeRoles`. It reads no Python (`Pattern::ProjectFiles`): `lib.rs` runs `check_file` on those files, found beside
//! the Python files the upgrade applies to, and the report formats show its findings like any
//! rule's.

use super::{Codemod, Finding, FixAvailability, Severity};
use crate::edit::{Edit, Fix};
use crate::pulumi::stack_config::{self, NEW_KEY, OLD_KEY};
use crate::pulumi::{Major, Tables, version};
use std::path::Path;

pub const ID: &str = "upgrade-v7-dependency-pin";

pub const CODEMOD: Codemod = Codemod {
    id: ID,
    title: "pulumi-aws requirement or stack setting that must move to 7 (upgrade --to 7)",
    fix: FixAvailability::Safe,
    severity: Severity::Warning,
    default_enabled: true,
    upgrade: Some(Major::V7),
    pattern: super::Pattern::ProjectFiles,
    docs: include_str!(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/codemods/upgrade-v7-dependency-pin.md"
    )),
    check: no_python,
};

/// The rule reads no Python.
fn no_python(_: &mut super::Checker, _: &super::Match) {}

/// True for a stack's configuration file, `Pulumi.<stack>.yaml` (not the project's
/// `Pulumi.yaml`).
pub fn is_stack_file(path: &Path) -> bool {
    path.file_name()
        .and_then(|n| n.to_str())
        .and_then(|n| n.strip_prefix("Pulumi."))
        .and_then(|n| n.strip_suffix(".yaml").or_else(|| n.strip_suffix(".yml")))
        .is_some_and(|stack| !stack.is_empty())
}

/// The findings of one dependency or stack file of a project on 6.
pub fn check_file(path: &Path, text: &str) -> Vec<Finding> {
    if is_stack_file(path) {
        return assume_role(text).into_iter().collect();
    }
    let exact = Tables::get(Major::V7).version;
    let mut last_line = None;
    version::requirements(text)
        .into_iter()
        .filter_map(|requirement| {
            // `pulumi-aws @ git+https://.../pulumi-aws@v6`: one requirement, two mentions.
            let line = text[..requirement.name.start].matches('\n').count();
            if last_line.replace(line) == Some(line) {
                return None;
            }
            let Some(span) = requirement.specifier else {
                return Some(Finding {
                    rule: ID,
                    start: requirement.name.start,
                    end: requirement.name.end,
                    message: "pulumi-aws 7: this pulumi-aws requirement is not a version infra-fix can read (a URL, a path or a checkout): point it at a 7.x release by hand".to_string(),
                    fix: None,
                });
            };
            let old = &text[span.clone()];
            // Only what pins 6: a line already allowing 7, or pinning 5, is not this step's.
            if version::specifier_major(old) != Some(6) {
                return None;
            }
            let new = version::retarget(old, 6, 7, exact);
            let message = match &new {
                Some(new) => format!(
                    "pulumi-aws 7: the requirement `{old}` installs pulumi-aws 6; the upgraded program needs `{new}`"
                ),
                None => format!(
                    "pulumi-aws 7: the requirement `{old}` installs pulumi-aws 6; infra-fix cannot rewrite this specifier for sure: make it allow 7 only (`>=7.0.0,<8.0.0`) by hand"
                ),
            };
            Some(Finding {
                rule: ID,
                start: requirement.name.start,
                end: span.end,
                message,
                fix: new.map(|text| {
                    Fix::safe(vec![Edit {
                        start: span.start,
                        end: span.end,
                        text,
                    }])
                }),
            })
        })
        .collect()
}

fn assume_role(text: &str) -> Option<Finding> {
    let found = stack_config::assume_role(text)?;
    let hint = if found.edits.is_some() {
        ""
    } else {
        "; its value (a secret or a string) cannot be reshaped here: write the role as the one element of a list under `aws:assumeRoles` by hand, e.g. `pulumi config set --path 'aws:assumeRoles[0].roleArn' <arn>`"
    };
    Some(Finding {
        rule: ID,
        start: found.key.start,
        end: found.key.end,
        message: format!(
            "pulumi-aws 7: the provider setting `{OLD_KEY}` is `{NEW_KEY}`, a list of roles (upgrade guide row 1){hint}"
        ),
        fix: found.edits.map(Fix::safe),
    })
}
