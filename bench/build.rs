//! Writes the runtime benchmark's fixture: the same 250 activities and 250 orchestrations (plus
//! the dispatch loop) by hand and with the macros, as inline modules for `include!`.

// The generator's sources, shared with the library; the build script uses only part of them.
#[allow(dead_code)]
#[path = "src/gen/mod.rs"]
mod gen;

use std::path::PathBuf;

/// The issue asks for registries of 250 items.
const ITEMS: usize = 250;

fn main() {
    println!("cargo::rerun-if-changed=src/gen");
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    for form in gen::Form::BOTH {
        let label = form.label();
        let spec = gen::Spec {
            activities: ITEMS,
            orchestrations: ITEMS,
            calls_per_orchestration: 3,
            // Both forms run in one runtime, so their names must differ.
            prefix: format!("bench-{label}"),
            explicit_macro_prefix: true,
            root: format!("crate::{label}"),
            dispatch_loop: true,
            lock: false,
            interface: false,
        };
        let text = gen::inline_text(&gen::library(&spec, form));
        std::fs::write(out.join(format!("{label}.rs")), text).expect("OUT_DIR is writable");
    }
}
