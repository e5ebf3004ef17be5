//! The worker before the upgrade, on `fleet-handwritten`'s registries.
//!
//! `handwritten-worker start STORE INSTANCE`, `handwritten-worker resume STORE INSTANCE APPROVER`.

fn main() -> std::process::ExitCode {
    fleet_upgrade::main::<fleet_upgrade::HandWritten>()
}
