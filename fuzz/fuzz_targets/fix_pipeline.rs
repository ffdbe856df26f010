//! Fuzz target: the whole fix pipeline (every rule, unsafe fixes on) on mutated Pulumi
//! programs. `infra_fix::fix::check_invariants` panics the run on the first broken invariant:
//! a panic, a fix loop that does not converge, output that does not parse, a second run that
//! changes something. Run it with `scripts/fuzz.sh SECONDS`.

#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Err(broken) = infra_fix::fix::check_invariants(data) {
        panic!("invariant broken: {broken}");
    }
});
