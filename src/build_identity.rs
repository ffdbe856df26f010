//! The build's identity: a hash of every source that decides what infra-fix finds and fixes
//! (the rules' code, queries and docs, the pulumi-aws and IAM tables, the locked dependencies),
//! so that the results cache of one build never answers for another built under the same
//! version number. `build.rs` computes it into `INFRA_FIX_BUILD_ID`; the tests check it.

use std::hash::{Hash, Hasher};
use std::path::Path;

/// Files and folders (walked whole) below the package root that make up the identity.
pub const INPUTS: [&str; 6] = [
    "build.rs",
    "Cargo.toml",
    "Cargo.lock",
    "codemods",
    "data",
    "src",
];

/// The identity of the sources under `root`: each input file's path and bytes, in path
/// order. A missing input (a package without `Cargo.lock`) is skipped, as are hidden files
/// (an editor's swap files).
pub fn of_sources(root: &Path) -> std::io::Result<u64> {
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    for input in INPUTS {
        let path = root.join(input);
        if path.exists() {
            hash_tree(root, &path, &mut hasher)?;
        }
    }
    Ok(hasher.finish())
}

fn hash_tree(root: &Path, path: &Path, hasher: &mut impl Hasher) -> std::io::Result<()> {
    if path.is_dir() {
        let mut entries: Vec<_> = std::fs::read_dir(path)?
            .map(|entry| entry.map(|e| e.path()))
            .collect::<Result<_, _>>()?;
        entries.sort();
        for entry in entries {
            let hidden = entry
                .file_name()
                .is_some_and(|name| name.to_string_lossy().starts_with('.'));
            if !hidden {
                hash_tree(root, &entry, hasher)?;
            }
        }
    } else {
        let relative = path.strip_prefix(root).unwrap_or(path);
        relative.to_string_lossy().replace('\\', "/").hash(hasher);
        std::fs::read(path)?.hash(hasher);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_binary_carries_the_identity_of_its_sources() {
        let sources = of_sources(Path::new(env!("CARGO_MANIFEST_DIR"))).unwrap();
        assert_eq!(env!("INFRA_FIX_BUILD_ID"), format!("{sources:016x}"));
    }

    #[test]
    fn a_changed_rule_query_table_or_dependency_is_another_build() {
        let root = tempfile::tempdir().unwrap();
        let files = [
            "codemods/eip-domain-vpc.scm",
            "codemods/eip-domain-vpc.md",
            "data/pulumi-aws-7.tables.gz",
            "src/codemods/eip_domain_vpc.rs",
            "src/pulumi/schema.rs",
            "Cargo.lock",
        ];
        for file in files {
            let path = root.path().join(file);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, file).unwrap();
        }
        let original = of_sources(root.path()).unwrap();
        assert_eq!(of_sources(root.path()).unwrap(), original, "deterministic");
        for file in files {
            let path = root.path().join(file);
            std::fs::write(&path, format!("{file} changed")).unwrap();
            assert_ne!(of_sources(root.path()).unwrap(), original, "{file}");
            std::fs::write(&path, file).unwrap();
        }
        // A new rule, and a renamed one.
        std::fs::write(root.path().join("codemods/new-rule.scm"), "").unwrap();
        assert_ne!(of_sources(root.path()).unwrap(), original);
        std::fs::remove_file(root.path().join("codemods/new-rule.scm")).unwrap();
        std::fs::rename(
            root.path().join("codemods/eip-domain-vpc.md"),
            root.path().join("codemods/eip-domain.md"),
        )
        .unwrap();
        assert_ne!(of_sources(root.path()).unwrap(), original);
        // What is not a source does not count.
        std::fs::rename(
            root.path().join("codemods/eip-domain.md"),
            root.path().join("codemods/eip-domain-vpc.md"),
        )
        .unwrap();
        std::fs::write(root.path().join("codemods/.eip-domain-vpc.scm.swp"), "x").unwrap();
        std::fs::create_dir_all(root.path().join("tests")).unwrap();
        std::fs::write(root.path().join("tests/cli.rs"), "x").unwrap();
        assert_eq!(of_sources(root.path()).unwrap(), original);
    }
}
