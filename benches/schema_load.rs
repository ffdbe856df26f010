//! How long the pulumi-aws tables take to load and to answer: `cargo bench --bench schema_load`.
//! Prints figures; it asserts nothing (timings belong in a benchmark, not in tests).

use infra_fix::pulumi::{Major, Tables};
use std::hint::black_box;
use std::time::{Duration, Instant};

/// (minimum, median) of the samples.
fn summary(mut samples: Vec<Duration>) -> (f64, f64) {
    samples.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1e3;
    (ms(samples[0]), ms(samples[samples.len() / 2]))
}

fn main() {
    // The first load in this process, as a run of infra-fix pays it.
    for major in Major::ALL {
        let start = Instant::now();
        black_box(Tables::get(major));
        println!(
            "first load, pulumi-aws {}: {:.2} ms",
            major.number(),
            start.elapsed().as_secs_f64() * 1e3
        );
    }
    // Repeated uncached loads, for a steadier figure.
    for major in Major::ALL {
        let samples: Vec<Duration> = (0..25)
            .map(|_| {
                let start = Instant::now();
                black_box(Tables::load(major));
                start.elapsed()
            })
            .collect();
        let (min, median) = summary(samples);
        println!(
            "load, pulumi-aws {}: min {min:.2} ms, median {median:.2} ms of 25",
            major.number(),
        );
    }
    // A lookup as a rule makes one: find the class, then one of its parameters.
    let tables = Tables::get(Major::NEWEST);
    let rounds = 100_000;
    let start = Instant::now();
    for _ in 0..rounds {
        let class = tables.class(black_box("ecs.Service")).unwrap();
        black_box(class.param(black_box("deployment_maximum_percent")));
    }
    println!(
        "lookup ecs.Service.deployment_maximum_percent: {:.0} ns",
        start.elapsed().as_secs_f64() * 1e9 / rounds as f64
    );
}
