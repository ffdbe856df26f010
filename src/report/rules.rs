//! Documentation printed from the registry: `--list-rules`, `explain`, `codemods/README.md`.

use crate::codemods::{self, CODEMODS};

/// The `--list-rules` table.
pub fn table() -> String {
    let width = CODEMODS.iter().map(|c| c.id.len()).max().unwrap_or(0);
    let looks = CODEMODS
        .iter()
        .map(|c| c.pattern.short().len())
        .max()
        .unwrap_or(0);
    let mut table = format!(
        "{:width$}  {:11}  {:7}  {:looks$}  title\n",
        "id", "fix", "default", "looks at"
    );
    for c in CODEMODS {
        table.push_str(&format!(
            "{:width$}  {:11}  {:7}  {:looks$}  {}\n",
            c.id,
            c.fix.as_str(),
            if c.default_enabled { "on" } else { "off" },
            c.pattern.short(),
            c.title
        ));
    }
    table
}

/// `codemods/README.md`: the rule index, generated from the registry.
pub fn codemods_readme() -> String {
    let mut index = String::from(
        "# Codemods\n\nGenerated from the registry in `src/codemods/mod.rs` by `UPDATE_GOLDEN=1 cargo test --test golden`; do not edit.\n\nEach codemod is `src/codemods/<rule_id>.rs` (what it looks at and its options, declared with it, and its check), `<rule-id>.md` here (its documentation and options, also printed by `infra-fix explain <rule-id>`), its fixtures in `testdata/<rule-id>/`, and for a syntactic pattern only, `<rule-id>.scm` here (its tree-sitter query).\n\n| rule | fix | default | looks at | what it finds |\n|---|---|---|---|---|\n",
    );
    for c in CODEMODS {
        index.push_str(&format!(
            "| [`{}`]({}.md) | {} | {} | {} | {} |\n",
            c.id,
            c.id,
            c.fix.as_str(),
            if c.default_enabled { "on" } else { "off" },
            c.pattern.describe(),
            c.title.replace('|', "\\|")
        ));
    }
    index
}

/// The `explain` text: the rule's metadata, then its documentation.
pub fn explain(codemod: &codemods::Codemod) -> String {
    format!(
        "# {}\n\n{}\n\nFix: {}. Enabled by default: {}. Looks at: {}.\n\n{}",
        codemod.id,
        codemod.title,
        codemod.fix.as_str(),
        if codemod.default_enabled { "yes" } else { "no" },
        codemod.pattern.describe(),
        codemod.docs
    )
}
