//! Migration step 0: pin every wire name this crate registers, before any code is touched.
//!
//! `cargo run -p fleet-handwritten --example write_lock -- registry.lock`

use fleet_handwritten::registry::{create_activity_registry, create_orchestration_registry};

fn main() -> std::io::Result<()> {
    let path = std::env::args().nth(1).expect("usage: write_lock <path>");
    std::fs::write(path, lock_text())
}

/// One line per registered activity, and per registered version of an orchestration, sorted.
pub fn lock_text() -> String {
    let orchestrations = create_orchestration_registry();
    let activities = create_activity_registry().list_names().into_iter();
    let mut items: Vec<_> = activities.map(|name| ("activity", name, None)).collect();
    for name in orchestrations.list_names() {
        let versions = orchestrations.list_versions(&name).into_iter();
        items.extend(versions.map(|v| ("orchestration", name.clone(), Some(v))));
    }
    items.sort();
    let mut lock = String::from("# registry.lock: wire names pinned by registry! (duroxide-registry-macros). Delete a line only once no instance can still run it.\n");
    for (kind, name, version) in items {
        let version = version.map(|v| format!(" {v}")).unwrap_or_default();
        lock += &format!("{kind:<13} {name}{version}\n");
    }
    lock
}
