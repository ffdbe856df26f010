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
    options: &[],
    check_options: None,
    docs: include_str!(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/codemods/upgrade-v7-dependency-pin.md"
    )),
    check: no_python,
};

pub const ID_V6: &str = "upgrade-v6-dependency-pin";

/// The same for `infra-fix upgrade --to 6`: the requirement moves from 5 to 6 (stack settings
/// did not change).
pub const CODEMOD_V6: Codemod = Codemod {
    id: ID_V6,
    title: "pulumi-aws requirement that must move to 6 (upgrade --to 6)",
    upgrade: Some(Major::V6),
    options: &[],
    check_options: None,
    docs: include_str!(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/codemods/upgrade-v6-dependency-pin.md"
    )),
    ..CODEMOD
};

/// The rule of the upgrade to `to`.
pub fn id_for(to: Major) -> &'static str {
    match to {
        Major::V6 => ID_V6,
        Major::V7 => ID,
    }
}

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
    check_file_to(path, text, Major::V7)
}

/// The findings of one dependency or stack file of a project on the major before `to`.
pub fn check_file_to(path: &Path, text: &str, to: Major) -> Vec<Finding> {
    if is_stack_file(path) {
        if to != Major::V7 {
            return Vec::new();
        }
        return assume_role(text).into_iter().collect();
    }
    let id = id_for(to);
    let exact = Tables::get(to).version;
    let (from, to) = (to.number() - 1, to.number());
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
                    rule: id,
                    start: requirement.name.start,
                    end: requirement.name.end,
                    message: format!("pulumi-aws {to}: this pulumi-aws requirement is not a version infra-fix can read (a URL, a path or a checkout): point it at a {to}.x release by hand"),
                    fix: None,
                });
            };
            let old = &text[span.clone()];
            // Only what pins the major before: a line already allowing `to`, or pinning an
            // older major, is not this step's.
            if version::specifier_major(old) != Some(from) {
                return None;
            }
            let new = version::retarget(old, from, to, exact);
            let message = match &new {
                Some(new) => format!(
                    "pulumi-aws {to}: the requirement `{old}` installs pulumi-aws {from}; the upgraded program needs `{new}`"
                ),
                None => format!(
                    "pulumi-aws {to}: the requirement `{old}` installs pulumi-aws {from}; infra-fix cannot rewrite this specifier for sure: make it allow {to} only (`>={to}.0.0,<{next}.0.0`) by hand",
                    next = to + 1
                ),
            };
            Some(Finding {
                rule: id,
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
