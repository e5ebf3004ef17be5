#!/usr/bin/env bash
# Instructions executed by rustc for one `cargo check` (or `cargo build`) of each generated
# crate, counted by valgrind's cachegrind: a figure that, unlike time, does not move with the
# neighbours of a shared machine. Run `cargo run -p registry-bench -- build-cost` first; it
# generates the crates in target/registry-bench.
#
#   bench/scripts/instructions.sh [check|build] [NxM]     defaults: check 200x50
#
# The two forms run side by side, each in its own copy of the target directory (the counts do
# not depend on what else runs). Under valgrind a check of the 200x50 crates takes about
# 7 minutes; a build, much longer.
set -euo pipefail
# Cargo's `rustc -` target probe reads stdin as source; give it none.
exec </dev/null
step=${1:-check}
size=${2:-200x50}
root=$(cd "$(dirname "$0")/../.." && pwd)
workspace=$root/target/registry-bench
command -v valgrind >/dev/null || { echo "valgrind is not installed" >&2; exit 2; }
[ -d "$workspace/hand-${size/x/-}" ] || { echo "no generated crates for $size in $workspace; run registry-bench build-cost --size $size first" >&2; exit 2; }
out=$(mktemp -d)

wrapper=$root/bench/scripts/count-rustc.sh

count() {
    local form=$1
    local package=$form-${size/x/-}
    local target=$workspace/target-instructions-$form
    cd "$workspace"
    # Dependencies and the proc macro, uncounted.
    CARGO_INCREMENTAL=0 CARGO_TARGET_DIR=$target cargo "$step" -q -p "$package" --lib
    touch "$package/src/lib.rs"
    CARGO_INCREMENTAL=0 CARGO_TARGET_DIR=$target RUSTC_WRAPPER=$wrapper \
        COUNT_CRATE=${package//-/_} COUNT_OUT=$out/$form.out \
        cargo "$step" -q -p "$package" --lib
    grep -oE 'I +refs: +[0-9,]+' "$out/$form.out.log" | grep -oE '[0-9,]+$' | tr -d , > "$out/$form.count"
}
count hand & hand_job=$!
count macros & macros_job=$!
wait $hand_job
wait $macros_job
hand=$(cat "$out/hand.count")
macros=$(cat "$out/macros.count")
echo "| N / M | step | hand instructions | macros instructions | ratio |"
echo "|---|---|---|---|---|"
awk -v s="${size/x/ / }" -v st="$step" -v h="$hand" -v m="$macros" \
    'BEGIN { printf "| %s | %s | %.2f G | %.2f G | **%.3f** |\n", s, st, h / 1e9, m / 1e9, m / h }'
echo "(cachegrind output in $out)"
