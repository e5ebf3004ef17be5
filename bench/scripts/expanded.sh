#!/usr/bin/env bash
# Prices parts of the generated code where they live, in the 200/50 crate, instead of in a toy
# crate: expand a generated crate once, delete a part from the expansion (strip_items.py), and
# count the instructions of one `cargo check` of each file. The difference is the part's price,
# macro run excluded. Run `cargo run -p registry-bench -- build-cost` first (it generates the
# crates), and have valgrind and the nightly toolchain installed.
#
#   bench/scripts/expanded.sh expand hand|macros [NxM]   writes $dir/{hand|macros}.rs
#   bench/scripts/expanded.sh count FILE.rs               one check of FILE, under cachegrind
#
# The nightly only expands (`-Zunpretty=expanded`); the expansion is compiled by the pinned
# 1.95.0, with RUSTC_BOOTSTRAP=1 for the unstable internals that expanded derives and `vec!`
# name. A count takes about 3.5 minutes.
set -euo pipefail
# Cargo's `rustc -` target probe reads stdin as source; give it none.
exec </dev/null
root=$(cd "$(dirname "$0")/../.." && pwd)
workspace=$root/target/registry-bench
dir=$root/target/registry-bench-expanded
# Its own target directory: instructions.sh may be counting in the others at the same time.
target=$workspace/target-expanded

scratch_package() {
    mkdir -p "$dir/expanded/src"
    sed '/^members = \[/,/^\]/c members = ["expanded"]' "$workspace/Cargo.toml" > "$dir/Cargo.toml"
    cp "$workspace/Cargo.lock" "$dir/"
    # The expansion calls the facade's support code (`__private`): the snapshot build-cost took,
    # or $FACADE, a copy of the facade the expansion was made with.
    local facade=${FACADE:-$workspace/snapshot/duroxide-registry-macros}
    cat > "$dir/expanded/Cargo.toml" <<TOML
[package]
name = "expanded"
version = "0.0.0"
edition = "2021"
publish = false

[dependencies]
duroxide = "=0.1.32"
duroxide-registry-macros = { path = "$facade" }
serde = { version = "1", features = ["derive"] }
serde_json = "1"
TOML
}

case ${1:-} in
expand)
    form=$2
    size=${3:-200x50}
    mkdir -p "$dir"
    (cd "$workspace" && CARGO_TARGET_DIR=$workspace/target-nightly \
        cargo +nightly rustc -q -p "$form-${size/x/-}" --lib -- -Zunpretty=expanded) > "$dir/$form.raw.rs"
    python3 - "$dir/$form.raw.rs" "$dir/$form.rs" <<'PY'
import sys
s = open(sys.argv[1]).read()
features = ("prelude_import, fmt_helpers_for_derive, liballoc_internals, core_intrinsics, "
            "structural_match, coverage_attribute, panic_internals, fmt_internals, rustc_attrs, "
            "hint_must_use")
s = s.replace("#![feature(prelude_import)]",
              f"#![feature({features})]\n#![allow(internal_features, redundant_semicolons, unused_imports)]", 1)
s = s.replace("extern crate std;", "extern crate std;\nextern crate alloc;", 1)
# The attributes are expanded already; their imports would need the proc-macro crate.
for attr in ("orchestration", "activity", "registry"):
    s = s.replace(f"use duroxide_registry_macros::{attr};", "")
open(sys.argv[2], "w").write(s)
PY
    echo "$dir/$form.rs"
    ;;
count)
    file=$(cd "$(dirname "$2")" && pwd)/$(basename "$2")
    command -v valgrind >/dev/null || { echo "valgrind is not installed" >&2; exit 2; }
    scratch_package
    cp "$file" "$dir/expanded/src/lib.rs"
    # Both steps in the same environment, wrapper included, so that the counted step compiles
    # the file alone.
    export CARGO_INCREMENTAL=0 CARGO_TARGET_DIR=$target RUSTC_BOOTSTRAP=1
    export RUSTC_WRAPPER=$root/bench/scripts/count-rustc.sh COUNT_CRATE=expanded
    out=$(mktemp -d)
    # Dependencies first, uncounted; a file that does not compile stops here.
    if ! (cd "$dir" && COUNT_CRATE=none cargo check -q -p expanded --lib 2>"$out/check.log"); then
        grep -E -A8 '^error' "$out/check.log" | head -40 >&2
        exit 1
    fi
    touch "$dir/expanded/src/lib.rs"
    (cd "$dir" && COUNT_OUT=$out/expanded.out cargo check -q -p expanded --lib)
    n=$(grep -oE 'I +refs: +[0-9,]+' "$out/expanded.out.log" | grep -oE '[0-9,]+$' | tr -d ,)
    awk -v f="$(basename "$file")" -v n="$n" 'BEGIN { printf "%s: %.3f G instructions\n", f, n / 1e9 }'
    echo "(cachegrind output in $out)"
    ;;
*)
    sed -n '2,13p' "$0" >&2
    exit 2
    ;;
esac
