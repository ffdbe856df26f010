#!/usr/bin/env bash
# Runs the fix-pipeline fuzzer for SECONDS (default 60), seeding its corpus from testdata/.
# Needs cargo-fuzz (`cargo install cargo-fuzz`); runs on stable Rust through RUSTC_BOOTSTRAP.
# A crash lands in fuzz/artifacts/fix_pipeline/: minimize it with
#   RUSTC_BOOTSTRAP=1 cargo fuzz tmin fix_pipeline <artifact>
# and turn it into a regression fixture (testdata/ case or a `regression_<what>` test).
set -euo pipefail

seconds="${1:-60}"
root="$(cd "$(dirname "$0")/.." && pwd)"
corpus="$root/fuzz/corpus/fix_pipeline"

mkdir -p "$corpus"
# Seeds: every Python fixture, named by content so re-seeding adds no duplicates.
find "$root/testdata" -name '*.py' -print0 | while IFS= read -r -d '' file; do
    cp "$file" "$corpus/seed-$(sha1sum "$file" | cut -c1-16)"
done

cd "$root"
# One process (the machine is shared); a 10 s timeout catches a fix loop that never ends.
RUSTC_BOOTSTRAP=1 exec cargo fuzz run fix_pipeline "$corpus" -- \
    -max_total_time="$seconds" \
    -dict="$root/fuzz/python.dict" \
    -max_len=16384 \
    -timeout=10 \
    -rss_limit_mb=2048 \
    -print_final_stats=1
