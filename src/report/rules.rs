//! Documentation printed from the registry: `--list-rules`, `explain`, `codemods/README.md`.

use crate::codemods::{self, CODEMODS};

/// The `--list-rules` table.
pub fn table() -> String {
    let width = CODEMODS.iter().map(|c| c.id.len()).max().unwrap_or(0);
    let mut table = format!("{:width$}  {:11}  {:7}  title\n", "id", "fix", "default");
    for c in CODEMODS {
        table.push_str(&format!(
            "{:width$}  {:11}  {:7}  {}\n",
            c.id,
            c.fix.as_str(),
            if c.default_enabled { "on" } else { "off" },
            c.title
        ));
    }
    table
}

/// `codemods/README.md`: the rule index, generated from the registry.
pub fn codemods_readme() -> String {
    let mut index = String::from(
        "# Codemods\n\nGenerated from the registry in `src/codemods/mod.rs` by `UPDATE_GOLDEN=1 cargo test --test golden`; do not edit.\n\nEach codemod is `src/codemods/<rule_id>.rs` (check), `<rule-id>.scm` here (its tree-sitter query), `<rule-id>.md` here (its documentation, also printed by `infra-fix explain <rule-id>`) and its fixtures in `testdata/<rule-id>/`.\n\n| rule | fix | default | what it finds |\n|---|---|---|---|\n",
    );
    for c in CODEMODS {
        index.push_str(&format!(
            "| [`{}`]({}.md) | {} | {} | {} |\n",
            c.id,
            c.id,
            c.fix.as_str(),
            if c.default_enabled { "on" } else { "off" },
            c.title.replace('|', "\\|")
        ));
    }
    index
}

/// The `explain` text: the rule's metadata, then its documentation.
pub fn explain(codemod: &codemods::Codemod) -> String {
    format!(
        "# {}\n\n{}\n\nFix: {}. Enabled by default: {}.\n\n{}",
        codemod.id,
        codemod.title,
        codemod.fix.as_str(),
        if codemod.default_enabled { "yes" } else { "no" },
        codemod.docs
    )
}
