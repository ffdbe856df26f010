//! Property test: the fuzzer's invariants (`infra_fix::fix::check_invariants`) on a few
//! hundred deterministic mutations of the `testdata/` fixtures, so `cargo test` catches what
//! the fuzzer would, without nightly and in seconds. `PROPERTY_CASES=N` runs more; a failure
//! prints the seed and the mutated program.

use infra_fix::codemods::FileSettings;
use infra_fix::config::Settings;
use infra_fix::edit::Applicability;
use infra_fix::fix::{FixMode, Positions, check_invariants, lint};
use infra_fix::source::Source;
use std::path::Path;

mod common;

/// A small deterministic generator (splitmix64): no dependency, same cases on every machine.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (`n` > 0).
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

/// Fragments worth splicing in: brackets, quotes, Pulumi calls, keywords the rules look at.
#[rustfmt::skip]
const TOKENS: &[&str] = &[
    "(", ")", "[", "]", "{", "}", ",", "'", "\"", "\"\"\"", ":", "=", "\\\n", "\t", "\r\n",
    "\u{feff}", "\0", "aws.ec2.Eip(\"x\", vpc=True)", "aws.ecr.Repository(\"r\")",
    "aws.rds.Instance(\"db\")", "aws.ecs.Service(\"s\", load_balancers=[])",
    "aws.ec2.SecurityGroup(\"sg\", ingress=[{\"from_port\": 80}])", "vpc=True, ",
    "backup_retention_period=0, ", "opts=o, ", "**kw, ", "*a, ", "# infra-fix: ignore\n",
    "\nimport pulumi_aws as aws\n", "\nfrom pulumi_aws import ec2\n", "lambda: ", "if x:\n    ",
    "def f():\n    ",
];

/// One random edit of `text`, at character boundaries.
fn mutate(rng: &mut Rng, text: &str) -> String {
    let boundaries: Vec<usize> = text
        .char_indices()
        .map(|(i, _)| i)
        .chain([text.len()])
        .collect();
    let at = |rng: &mut Rng| *rng.pick(&boundaries);
    let lines: Vec<&str> = text.split_inclusive('\n').collect();
    match rng.below(9) {
        // Delete a range of up to 40 bytes.
        0 => {
            let start = at(rng);
            let ends: Vec<usize> = boundaries
                .iter()
                .copied()
                .filter(|&b| b >= start && b <= start + 40)
                .collect();
            let end = *rng.pick(&ends);
            format!("{}{}", &text[..start], &text[end..])
        }
        // Insert a token.
        1 | 2 => {
            let i = at(rng);
            format!("{}{}{}", &text[..i], rng.pick(TOKENS), &text[i..])
        }
        // Duplicate a line.
        3 if !lines.is_empty() => {
            let i = rng.below(lines.len());
            let mut out = lines.clone();
            out.insert(i, lines[i]);
            out.concat()
        }
        // Swap two lines.
        4 if lines.len() > 1 => {
            let (i, j) = (rng.below(lines.len()), rng.below(lines.len()));
            let mut out = lines.clone();
            out.swap(i, j);
            out.concat()
        }
        // Swap quote styles.
        5 => text
            .chars()
            .map(|c| match c {
                '\'' => '"',
                '"' => '\'',
                c => c,
            })
            .collect(),
        // CRLF flip: all lines, or back to LF.
        6 => {
            if text.contains("\r\n") {
                text.replace("\r\n", "\n")
            } else {
                text.replace('\n', "\r\n")
            }
        }
        // Indent with tabs.
        7 => text.replace("    ", "\t"),
        // Drop one line.
        _ if !lines.is_empty() => {
            let i = rng.below(lines.len());
            let mut out = lines.clone();
            out.remove(i);
            out.concat()
        }
        _ => text.to_string(),
    }
}

#[test]
fn mutated_fixtures_keep_the_fix_invariants() {
    let cases: usize = std::env::var("PROPERTY_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(400);
    let fixtures: Vec<String> =
        common::python_files(&Path::new(env!("CARGO_MANIFEST_DIR")).join("testdata"))
            .iter()
            .map(|p| std::fs::read_to_string(p).unwrap())
            .collect();
    assert!(fixtures.len() >= 20, "testdata fixtures not found");
    let (settings, file) = (Settings::default(), FileSettings::default());
    let (mut parsed, mut changed) = (0, 0);
    for case in 0..cases {
        let seed = 0x1f2e_3d4c_u64 ^ case as u64;
        let mut rng = Rng(seed);
        let mut text = rng.pick(&fixtures).clone();
        for _ in 0..1 + rng.below(3) {
            text = mutate(&mut rng, &text);
        }
        if let Err(broken) = check_invariants(text.as_bytes()) {
            panic!("case {case} (seed {seed:#x}): {broken}\n--- program ---\n{text}");
        }
        // Count the cases that exercised the fixes, so that mutations that break every
        // program cannot make this test pass vacuously.
        let source = Source::from_string(text);
        if let Ok(outcome) = lint(
            &source.text,
            &settings,
            &file,
            FixMode::Apply(Applicability::Unsafe),
            Positions::Input,
        ) {
            parsed += 1;
            changed += usize::from(outcome.text != source.text);
        }
    }
    assert!(
        parsed * 3 >= cases && changed * 5 >= cases,
        "too few mutated programs parse ({parsed}) or get fixed ({changed}) of {cases}"
    );
}
