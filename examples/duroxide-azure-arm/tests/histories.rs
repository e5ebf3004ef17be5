//! The golden histories under `tests/histories/`, recorded from the end-to-end scenarios by
//! `cargo run -p duroxide-azure-arm --example record_azure_histories`, must replay against the
//! current code: an edit that would strand an instance in flight on a recorded version fails
//! here (see `docs/upgrading.md`).

use duroxide_azure_arm::registry::replay;
use std::path::Path;

/// The recorded scenarios, one `<scenario>.json` each: a deleted or unlisted file fails the test.
const SCENARIOS: [&str; 3] = [
    "deploy-webapp",
    "deploy-webapp-quota-fallback",
    "provision-postgres",
];

/// Executions of this crate's orchestrations are replayed, never skipped.
const PREFIX: &str = "duroxide-azure-arm::";

#[test]
fn every_golden_history_replays() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/histories");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "json"))
        .collect();
    files.sort_by(|a, b| a.file_stem().cmp(&b.file_stem()));
    let scenarios: Vec<_> = files
        .iter()
        .map(|path| path.file_stem().unwrap().to_str().unwrap())
        .collect();
    assert_eq!(scenarios, SCENARIOS, "the files in {}", dir.display());

    for path in &files {
        let file = path.file_name().unwrap().to_string_lossy();
        let json = std::fs::read_to_string(path).unwrap();
        let report = replay::check(&json).unwrap_or_else(|error| panic!("{file}: {error}"));
        assert!(!report.replayed.is_empty(), "{file}: nothing replayed");
        let ours: Vec<_> = report
            .skipped
            .iter()
            .filter(|(_, name)| name.starts_with(PREFIX))
            .collect();
        assert!(ours.is_empty(), "{file}: skipped {ours:?}");
    }
}
