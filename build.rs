//! Stamps the binary with its build identity (`src/build_identity.rs`), which keys the
//! results cache, and decompresses the tables of `data/` for the binary to hold as text.

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
    // The tables are kept gzipped in the repository; the binary holds them as text
    // (`include_str!`), so that a run on one file does not first inflate 4 MB (two thirds of
    // its instructions).
    let out = std::path::PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets it"));
    for table in TABLES {
        let gz = root.join("data").join(format!("{table}.gz"));
        let mut text = String::new();
        std::io::Read::read_to_string(
            &mut flate2::read::GzDecoder::new(std::fs::File::open(&gz).expect("data/ is readable")),
            &mut text,
        )
        .expect("the tables of data/ are gzipped UTF-8");
        std::fs::write(out.join(table), text).expect("OUT_DIR is writable");
    }
}

/// The gzipped tables of `data/`, without their `.gz`.
const TABLES: [&str; 4] = [
    "pulumi-aws-6.tables",
    "pulumi-aws-7.tables",
    "pulumi-aws-functions",
    "iam-actions.tsv",
];
