#!/usr/bin/env bash
# Hygiene checks of the macros as a user's crate sees them (issue 4, section 3).
#
#   .ci/hygiene.sh             the checks that must pass; .ci/run calls this
#   .ci/hygiene.sh --no-tests  only steps 3 and 4, for a caller that has just run
#                              `cargo test --workspace`, which runs steps 1 and 2
#
# Steps 3 and 4 need clippy and rustdoc, which `cargo test` does not run.
set -euo pipefail
cd "$(dirname "$0")/.."

user_crate=duroxide-registry-macros-edition2024
doc_dir=target/doc/duroxide_registry_macros_edition2024
tests=true
for arg in "$@"; do
    case "$arg" in
        --no-tests) tests=false ;;
        *) echo "unknown argument: $arg" >&2; exit 2 ;;
    esac
done

step() { printf '\n== %s\n' "$*"; }

if $tests; then
    step "1. trybuild hygiene cases, edition 2021, each under #![deny(warnings)]"
    cargo test -p duroxide-registry-macros-tests --test hygiene

    step "2. the same cases and an edition-2024 library, as an edition-2024 crate"
    cargo test -p "$user_crate"
fi

step "3. clippy on the user crate: every target with -D warnings; the library, its tests and the strict-lints case also with -D clippy::pedantic"
# --no-deps keeps the extra lints on the user crate; the macro crate itself is linted by the
# workspace-wide `cargo clippy --workspace --all-targets -- -D warnings`.
cargo clippy -p "$user_crate" --no-deps --all-targets -- -D warnings
cargo clippy -p "$user_crate" --no-deps --lib --test edition2024 --test hygiene_strict_lints \
    -- -D warnings -D clippy::pedantic

# rustdoc does not report a broken intra-doc link in docs a macro generated: it writes the link
# target out as a relative URL instead. So after each `cargo doc`, look for such hrefs in the
# pages that show generated docs (module indexes, constants, functions; type pages are left
# out because their blanket-impl sections carry the docs of dependencies).
unresolved_links() {
    local found
    found=$(grep -rEo 'href="(super|self|crate)::[^"]*"' "$doc_dir" \
        --include=index.html --include='constant.*.html' --include='fn.*.html' | sort -u || true)
    if [[ -n "$found" ]]; then
        echo "unresolved intra-doc links in generated docs:"
        echo "$found"
        return 1
    fi
}

step "4. rustdoc of the user crate with -D warnings, public and private items"
RUSTDOCFLAGS="-D warnings" cargo doc -p "$user_crate" --no-deps
unresolved_links
RUSTDOCFLAGS="-D warnings" cargo doc -p "$user_crate" --no-deps --document-private-items
unresolved_links
