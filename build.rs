//! Stamps the binary with its build identity (`src/build_identity.rs`), which keys the
//! results cache.

#[path = "src/build_identity.rs"]
mod build_identity;

fn main() {
    let root =
        std::path::PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").expect("cargo sets it"));
    for input in build_identity::INPUTS {
        println!("cargo:rerun-if-changed={input}");
    }
    let identity = build_identity::of_sources(&root).expect("the sources are readable");
    println!("cargo:rustc-env=INFRA_FIX_BUILD_ID={identity:016x}");
}
